import Value from 'typebox/value';
import { afterAll, describe, expect, test } from 'vitest';
import { ErrorResponseSchema } from '../../common/dto-schemas.js';
import { startTestServer } from '../helpers/test-server.js';
import { expectError, expectErrorShape, officeTime, request, WEDNESDAY, type HttpReply, type RequestOptions } from './support.js';

/**
 * Every API route, fed every kind of bad input, with and without a session.
 * Routes come from the live router (printRoutes) and their body schemas from
 * the OpenAPI document, so a new route or a new body field is covered without
 * touching this file. The only promise checked here: a 4xx in the contract's
 * error shape, never a 5xx.
 */

// Top-level await: the route table must exist before the tests are collected.
const server = await startTestServer({}, officeTime(WEDNESDAY, '09:00'));
afterAll(() => server.close());
const cookies = { staff: await server.login('jschulte'), admin: await server.login('admin') };

type JsonSchema = {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  nullable?: boolean;
  anyOf?: JsonSchema[];
  pattern?: string;
  format?: string;
  enum?: unknown[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
};

interface Operation {
  method: string;
  /** As the router spells it: /api/counters/:id/open */
  path: string;
  tags: string[];
  summary: string;
  body: JsonSchema | null;
  query: Array<{ name: string; required?: boolean; schema: JsonSchema }>;
  hasId: boolean;
}

/** `printRoutes()` draws a tree; rebuild full paths from the indentation. */
function routerRoutes(tree: string): Array<{ method: string; path: string }> {
  const stack: string[] = [];
  const routes: Array<{ method: string; path: string }> = [];
  for (const line of tree.split('\n')) {
    const m = /^((?:│ {3}| {4})*)(?:├── |└── )(.+?)(?: \(([^)]*)\))?$/.exec(line);
    if (!m) continue;
    stack.length = (m[1] ?? '').length / 4;
    stack.push(m[2] ?? '');
    for (const method of (m[3] ?? '').split(',').map((s) => s.trim())) {
      if (method) routes.push({ method, path: stack.join('') });
    }
  }
  return routes;
}

const toOpenApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

const apiRoutes = routerRoutes(server.app.fastify.printRoutes({ commonPrefix: false }))
  .filter((r) => r.path.startsWith('/api/') && !r.path.startsWith('/api/docs') && r.method !== 'HEAD')
  .sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));

const openapi = (await request(server.url, 'GET', '/api/docs/json')).body as {
  paths: Record<
    string,
    Record<
      string,
      {
        tags?: string[];
        summary?: string;
        requestBody?: { content: Record<string, { schema: JsonSchema }> };
        parameters?: Array<{ in: string; name: string; required?: boolean; schema: JsonSchema }>;
      }
    >
  >;
};

const operations: Operation[] = apiRoutes.map(({ method, path }) => {
  const op = openapi.paths[toOpenApiPath(path)]?.[method.toLowerCase()];
  return {
    method,
    path,
    tags: op?.tags ?? [],
    summary: op?.summary ?? '',
    body: op?.requestBody?.content['application/json']?.schema ?? null,
    query: (op?.parameters ?? []).filter((p) => p.in === 'query'),
    hasId: path.includes(':id'),
  };
});

/** Routes behind requireStaff; without a session they may answer 401 before looking at the input. */
const staffOnly = (op: Operation) =>
  op.tags.includes('counter') || op.tags.includes('staff') || op.tags.includes('admin') || op.tags.includes('stats') || op.path === '/api/auth/me' || op.path === '/api/auth/password';

// ---------------------------------------------------------------------------
// Values

const UNKNOWN_ID = 'no-such-id';
const STRING_CANDIDATES = [UNKNOWN_ID, 'de', 'ABC234', 'x', '1', '2027', '2026-06-10'];

function acceptsNull(s: JsonSchema): boolean {
  const types: unknown = s.type;
  return s.nullable === true || s.type === 'null' || (Array.isArray(types) && types.includes('null')) || (s.anyOf ?? []).some(acceptsNull);
}

/** A value that passes `s` (for strings: the first candidate that fits the pattern and lengths). */
function sample(s: JsonSchema): unknown {
  const variant = s.anyOf?.find((v) => v.type !== 'null');
  if (variant) return sample(variant);
  const allowed = s.enum?.find((v) => v !== null);
  if (allowed !== undefined) return allowed;
  switch (s.type) {
    case 'object':
      return Object.fromEntries((s.required ?? []).map((k) => [k, sample(s.properties?.[k] ?? {})]));
    case 'boolean':
      return true;
    case 'array':
      return [];
    case 'integer':
    case 'number':
      return s.minimum ?? 1;
    case 'string': {
      if (s.format === 'date-time') return new Date(officeTime(WEDNESDAY, '10:00')).toISOString();
      const fits = STRING_CANDIDATES.find(
        (c) =>
          (s.pattern === undefined || new RegExp(s.pattern, 'u').test(c)) &&
          c.length >= (s.minLength ?? 0) &&
          c.length <= (s.maxLength ?? Infinity),
      );
      if (fits === undefined) throw new Error(`no sample string for ${JSON.stringify(s)}; extend STRING_CANDIDATES`);
      return fits;
    }
    default:
      throw new Error(`no sample for schema ${JSON.stringify(s)}`);
  }
}

function wrongTypes(s: JsonSchema): unknown[] {
  switch (s.type) {
    case 'string':
      return [12345, true, { nested: 'x' }, ['x']];
    case 'boolean':
      return ['true', 1, {}];
    case 'integer':
    case 'number':
      return [
        '1',
        true,
        ...(s.type === 'integer' ? [1.5] : []),
        ...(s.minimum === undefined ? [] : [s.minimum - 1]),
        ...(s.maximum === undefined ? [] : [s.maximum + 1]),
      ];
    default:
      return [];
  }
}

const kB = (n: number) => 'x'.repeat(n * 1024);

// ---------------------------------------------------------------------------
// Cases

type Expectation =
  | { status: number; code: string | RegExp }
  /** The input is acceptable: it must pass validation; the handler may still say 4xx (unknown ids). */
  | 'passes-validation'
  /** Either answer is fine (e.g. unknown query parameters): only no 5xx and the error shape. */
  | 'no-5xx';

interface Case {
  name: string;
  path: string;
  opts: RequestOptions;
  expect: Expectation;
}

const INVALID = { status: 400, code: 'INVALID_INPUT' } as const;
const BAD_JSON = { status: 400, code: 'INVALID_JSON' } as const;
const JSON_TYPE = 'application/json';
const NON_JSON_TYPES = [
  'text/plain',
  'text/plain; charset=utf-8',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=xyz',
  'application/xml',
  'application/json-patch+json',
];

function casesFor(op: Operation): Case[] {
  const cases: Case[] = [];
  // Required query parameters (a DELETE's `version`) get a valid value, so each case tests one thing.
  const required = op.query.filter((q) => q.required).map((q) => `${q.name}=${encodeURIComponent(String(sample(q.schema)))}`);
  const at = (id: string) => op.path.replace(':id', id) + (required.length > 0 ? `?${required.join('&')}` : '');
  const add = (name: string, opts: RequestOptions, expect: Expectation, path = at(UNKNOWN_ID)) =>
    cases.push({ name, path, opts, expect });
  const raw = (text: string, contentType = JSON_TYPE): RequestOptions => ({ raw: text, contentType });
  const valid = op.body ? sample(op.body) : undefined;
  const withValidBody: RequestOptions = valid === undefined ? {} : { json: valid };

  if (op.hasId) {
    add('unknown id', withValidBody, { status: 404, code: /(^|_)NOT_FOUND$/ });
    add('id with characters outside the pattern', withValidBody, INVALID, at('bad%20id%21%3Cscript%3E'));
    add('id of 65 characters', withValidBody, INVALID, at('a'.repeat(65)));
  }
  const bare = op.path.replace(':id', UNKNOWN_ID);
  add('query string junk', withValidBody, 'no-5xx', `${bare}?a=%ZZ&b[]=1&&=&c=${kB(2)}`);
  for (const { name, schema } of op.query) {
    const constrained = schema.pattern !== undefined || (schema.maxLength ?? Infinity) < 10 * 1024;
    add(`query ${name}: 10 kB`, withValidBody, constrained ? INVALID : 'no-5xx', `${bare}?${name}=${kB(10)}`);
    add(`query ${name}: repeated`, withValidBody, 'no-5xx', `${bare}?${name}=a&${name}=b`);
  }

  if (op.method === 'GET') return cases;

  // Request bodies: transport level.
  add('malformed JSON', raw('{"serviceId": "res'), BAD_JSON);
  add('empty body with a JSON content type', raw(''), BAD_JSON);
  add('__proto__ key', raw('{"__proto__": {"role": "admin"}}'), BAD_JSON);
  add('constructor.prototype key', raw('{"constructor": {"prototype": {"role": "admin"}}}'), BAD_JSON);
  add('body of 100 kB', { json: { ...(valid as object), padding: kB(100) } }, { status: 413, code: 'PAYLOAD_TOO_LARGE' });
  for (const contentType of NON_JSON_TYPES) {
    add(`content-type ${contentType}`, raw('serviceId=residence&language=de', contentType), {
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    });
  }
  add('bytes without a content type', { raw: new Uint8Array([0x7b, 0x7d, 0xff]) }, { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });

  // Request bodies: shape.
  const optionalBody = op.body === null || acceptsNull(op.body);
  add('no body', {}, optionalBody ? 'passes-validation' : INVALID);
  add('null body', { json: null }, optionalBody ? 'passes-validation' : INVALID);
  add('array instead of object', { json: [] }, INVALID);
  add('array holding a valid body', { json: [valid ?? {}] }, INVALID);
  add('string instead of object', { json: 'residence' }, INVALID);
  add('number instead of object', { json: 42 }, INVALID);
  add('deeply nested arrays', raw(`${'['.repeat(2000)}${']'.repeat(2000)}`), INVALID);
  add('unknown extra field', { json: { ...(valid as object), unexpectedField: 1 } }, INVALID);
  add('valid body (unknown ids)', withValidBody, 'passes-validation');

  const properties = Object.entries(op.body?.properties ?? {});
  for (const [key, schema] of properties) {
    const withValue = (value: unknown): RequestOptions => ({ json: { ...(valid as object), [key]: value } });
    for (const value of wrongTypes(schema)) add(`${key}: ${JSON.stringify(value)}`, withValue(value), INVALID);
    if (!acceptsNull(schema)) add(`${key}: null`, withValue(null), INVALID);
    if (schema.type === 'string') add(`${key}: 10 kB`, withValue(kB(10)), INVALID);
    if (schema.type === 'string' && (schema.minLength ?? 0) > 0) add(`${key}: empty string`, withValue(''), INVALID);
  }
  for (const key of op.body?.required ?? []) {
    const { [key]: _dropped, ...rest } = valid as Record<string, unknown>;
    add(`missing ${key}`, { json: rest }, INVALID);
  }
  return cases;
}

// ---------------------------------------------------------------------------
// Checking

type Variant = 'anonymous' | keyof typeof cookies;

/** Collects every mismatch so one run shows all of a route's problems. */
function check(c: Case, res: HttpReply, op: Operation, variant: Variant): string | null {
  const got = `${res.status} ${res.text.slice(0, 160)}`;
  if (res.status >= 500) return `${c.name}: 5xx — ${got}`;
  if (res.status >= 400) {
    try {
      expectErrorShape(res);
    } catch {
      return `${c.name}: error shape — ${got}`;
    }
  }
  const code = Value.Check(ErrorResponseSchema, res.body) ? res.body.error.code : undefined;
  if (c.expect === 'no-5xx') return null;
  if (c.expect === 'passes-validation') {
    // #15: a 400 that names its field is a rule the handler checks beyond the schema (an unknown area, a German name).
    const ruleBeyondSchema = Value.Check(ErrorResponseSchema, res.body) && res.body.error.field !== undefined;
    return res.status === 400 && (code === 'INVALID_INPUT' || code === 'INVALID_JSON') && !ruleBeyondSchema
      ? `${c.name}: a valid request was refused — ${got}`
      : null;
  }
  if (variant === 'anonymous' && staffOnly(op) && res.status === 401 && code === 'UNAUTHENTICATED') return null;
  // #15: the role table refuses a role before the input is read (the access matrix test covers which).
  // #16: so are staff on the statistics (team leads and admins only).
  if (variant === 'staff' && (op.path.startsWith('/api/admin/') || op.summary.startsWith('Admin') || op.tags.includes('stats')) && res.status === 403 && code === 'FORBIDDEN') return null;
  const want = c.expect;
  const codeOk = typeof want.code === 'string' ? code === want.code : want.code.test(code ?? '');
  return res.status === want.status && codeOk ? null : `${c.name}: want ${want.status} ${String(want.code)} — ${got}`;
}

describe('route table', () => {
  test('the router has the API routes we expect, and every one of them is in the OpenAPI document', () => {
    const names = apiRoutes.map((r) => `${r.method} ${r.path}`);
    for (const known of [
      'GET /api/health',
      'POST /api/tickets',
      'DELETE /api/tickets/:id',
      'POST /api/checkin',
      'POST /api/auth/login',
      'POST /api/counters/:id/call-next',
      'POST /api/counters/:id/transfer',
    ]) {
      expect(names).toContain(known);
    }
    const undocumented = apiRoutes.filter((r) => !openapi.paths[toOpenApiPath(r.path)]?.[r.method.toLowerCase()]);
    expect(undocumented).toEqual([]);
  });
});

const variants: Variant[] = ['anonymous', 'staff', 'admin'];

/** Logging out (with an acceptable body) ends the session, so that route gets a session of its own. */
const endsSession = (op: Operation) => op.path === '/api/auth/logout';

describe.each(variants)('bad input, %s', (variant) => {
  test.each(operations.map((op) => [`${op.method} ${op.path}`, op] as const))('%s', async (_name, op) => {
    const user = { anonymous: null, staff: 'jschulte', admin: 'admin' }[variant];
    const cookie = user === null ? undefined : endsSession(op) ? await server.login(user) : cookies[variant as keyof typeof cookies];
    const cases = casesFor(op);
    expect(cases.length).toBeGreaterThan(0);
    const failures: string[] = [];
    for (const c of cases) {
      const res = await request(server.url, op.method, c.path, { ...c.opts, ...(cookie ? { cookie } : {}) });
      const problem = check(c, res, op, variant);
      if (problem) failures.push(problem);
    }
    expect(failures).toEqual([]);
  });
});

describe('unknown routes', () => {
  test.each([
    ['GET', '/api/nope'],
    ['POST', '/api/nope'],
    ['PUT', '/api/tickets'],
    ['PATCH', '/api/tickets/abc'],
    ['DELETE', '/api/services'],
    ['GET', '/api/tickets'],
    ['GET', '/no-such-page'],
    ['GET', `/api/${'x'.repeat(4000)}`],
  ])('%s %.40s → 404 NOT_FOUND', async (method, path) => {
    const res = await request(server.url, method, path, method === 'GET' ? {} : { json: { a: 1 } });
    expectError(res, 404, 'NOT_FOUND');
  });
});

describe('very long and malformed URLs', () => {
  test('an id up to the router limit is validated like any other input', async () => {
    expectError(await request(server.url, 'GET', `/api/tickets/${'a'.repeat(100)}`), 400, 'INVALID_INPUT');
  });

  // These answers come from Fastify's router and Node's HTTP parser, before any route runs.
  test('a path parameter beyond the router limit → 414 URI_TOO_LONG in the error shape', async () => {
    expectError(await request(server.url, 'GET', `/api/tickets/${'a'.repeat(5000)}`), 414, 'URI_TOO_LONG');
  });

  test('a malformed %-escape in the path → 400 in the error shape', async () => {
    expectError(await request(server.url, 'GET', '/api/tickets/%E0%A4%A'), 400, 'INVALID_INPUT');
  });

  test('a 20 kB query string (over the header limit) → 4xx in the error shape', async () => {
    expectErrorShape(await request(server.url, 'GET', `/api/health?q=${kB(20)}`));
  });
});

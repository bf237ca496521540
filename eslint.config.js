// @ts-check
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import boundaries from 'eslint-plugin-boundaries';
import tseslint from 'typescript-eslint';

const APPS = ['kiosk', 'display', 'counter', 'visitor', 'admin'];
const ADAPTERS = ['http', 'realtime', 'print'];

/** Every top-level area is an element, so an import the policies below do not name is visible. */
const elements = [
  { type: 'domain', pattern: 'server/domain' },
  { type: 'store', pattern: 'server/store' },
  { type: 'app', pattern: 'server/app' },
  ...ADAPTERS.map((type) => ({ type, pattern: `server/${type}` })),
  { type: 'server', pattern: 'server' },
  { type: 'common', pattern: 'common' },
  ...APPS.map((type) => ({ type, pattern: type })),
  { type: 'tests', pattern: 'tests' },
  { type: 'bench', pattern: 'bench' },
].map((element) => ({ ...element, partialMatch: false }));

const elementTypes = elements.map((e) => e.type);
/** @param {string[]} allowed */
const otherThan = (allowed) => elementTypes.filter((t) => !allowed.includes(t));
/** @param {string[]} types */
const toElements = (types) => ({ to: { element: { types: { anyOf: types } } } });
const toNodeBuiltins = { to: { module: { origin: 'core' } } };

/** Who may import whom: the pure core below everything, the adapters apart, the browser apps on common/ only. */
const layering = [
  {
    from: { element: { type: 'domain' } },
    disallow: [toElements(otherThan(['domain', 'common'])), toNodeBuiltins],
    message: 'server/domain is the pure core: it imports only common/ and itself, and no I/O.',
  },
  {
    from: { element: { type: 'common' } },
    disallow: [toElements(otherThan(['common'])), toNodeBuiltins],
    message: 'common/ runs in the server and the browser: it imports nothing from server/, the apps, tests or bench.',
  },
  {
    from: { element: { type: 'store' } },
    disallow: toElements(otherThan(['store', 'domain', 'common'])),
    message: 'server/store implements the store seam: it imports only the domain, common/ and itself.',
  },
  {
    from: { element: { type: 'app' } },
    disallow: toElements([...ADAPTERS, ...APPS, 'tests', 'bench']),
    message: 'server/app lies below the adapters: it imports none of them.',
  },
  ...ADAPTERS.map((adapter) => ({
    from: { element: { type: adapter } },
    disallow: toElements([...ADAPTERS.filter((a) => a !== adapter), 'store', ...APPS, 'tests', 'bench']),
    message: 'Adapters do not import each other or the store: what two of them share lives in server/app or below.',
  })),
  ...APPS.map((app) => ({
    from: { element: { type: app } },
    disallow: [toElements(otherThan([app, 'common'])), toNodeBuiltins],
    message: 'A browser app imports only common/ and itself.',
  })),
  {
    from: { element: { type: 'server' } },
    disallow: toElements([...APPS, 'tests', 'bench']),
    message: 'The server does not import the browser apps, tests or bench.',
  },
];

export default defineConfig(
  globalIgnores(['dist/', 'data/', 'bench/results/', 'tests/artifacts/', 'node_modules/']),
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TSAsExpression > TSAsExpression[typeAnnotation.type="TSUnknownKeyword"]',
          message: 'No `as unknown as`: give the value a type it can be checked against.',
        },
      ],
    },
  },
  {
    files: ['**/*.ts'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': elements,
      'import/resolver': { typescript: { project: './tsconfig.json' } },
    },
    rules: {
      'boundaries/dependencies': ['error', { default: 'allow', checkAllOrigins: true, policies: layering }],
    },
  },
  {
    files: [...APPS.map((app) => `${app}/**`), 'common/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', 'global', 'require', '__dirname', '__filename'].map((name) => ({
          name,
          message: 'Browser code (and common/, which runs there too) has no Node.js globals.',
        })),
      ],
    },
  },
  {
    // lit calls a listener bound in a template (`@click=${this.onClick}`) with `this` set to the
    // host element, which this rule cannot see.
    files: [...APPS.map((app) => `${app}/**`), 'common/client/**'],
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },
  {
    // A synchronous driver behind the asynchronous seam: its methods answer at once, and being
    // async they still turn every SQLite error into a rejection, as a networked adapter would.
    files: ['server/store/sqlite/**'],
    rules: { '@typescript-eslint/require-await': 'off' },
  },
);

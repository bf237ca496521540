import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { NAMESPACES, SUPERVISOR_NAMESPACE } from '../common/protocol.js';
import { ClientAccess } from './app/client-access.js';
import { closeEndedDays, scheduleDayClose } from './app/day-close.js';
import { Office } from './app/office.js';
import { purgeIfMissed } from './app/purge.js';
import { statsProjection } from './app/stats/projection.js';
import { monitoredStore, StorageHealth } from './app/storage-health.js';
import type { Config } from './config.js';
import { registerSessionLookup } from './http/auth.js';
import { registerClientGuards } from './http/client-guards.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { clientErrorHandler, frameworkErrorHandler, registerErrorHandling } from './http/errors.js';
import { requestLogSerializer } from './http/log-redaction.js';
import { registerRoutes } from './http/routes/index.js';
import { PRINT_AGENT_NAMESPACE } from './print/agent-protocol.js';
import { PrintService } from './print/print-service.js';
import { guardHandshakes } from './realtime/handshake-guards.js';
import { attachRealtime, type Realtime } from './realtime/io.js';
import { seedIfEmpty, type SeedResult } from './seed/seed.js';
import { registerStatic } from './static.js';
import { SqliteStore } from './store/sqlite/sqlite-store.js';
import { DEFAULT_SITE_ID, type QueueStore } from './store/store.js';

export interface AppDeps {
  store?: QueueStore;
  now?: () => number;
  /** Where the log goes (stdout by default); tests capture it. */
  logStream?: NodeJS.WritableStream;
  /** How often the storage probe writes (STORAGE_PROBE_MS by default). */
  storageProbeMs?: number;
}

export interface App {
  fastify: FastifyInstance;
  office: Office;
  realtime: Realtime;
  seed: SeedResult;
  storage: StorageHealth;
  close(): Promise<void>;
}

/** The composition root: store → office → HTTP routes and socket namespaces. */
export async function createApp(config: Config, deps: AppDeps = {}): Promise<App> {
  const storage = new StorageHealth(deps.now ?? Date.now);
  // A database that cannot be written stops the start (StorageError), instead of a server that
  // says it is healthy and answers every write with an error.
  const raw = deps.store ?? new SqliteStore(config.dbFile);
  try {
    await raw.probe();
  } catch (err) {
    await raw.close().catch(() => undefined);
    throw err;
  }
  const store = monitoredStore(raw, storage);
  const seed = await seedIfEmpty(store, config);
  const office = new Office({ store, siteId: DEFAULT_SITE_ID, now: deps.now ?? Date.now, publicUrl: config.publicUrl });
  await closeEndedDays(office);
  // #17: the purge a missed night would have run (nothing due: nothing happens).
  await purgeIfMissed(office);
  const access = new ClientAccess(config);

  const fastify = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : {
            level: config.logLevel,
            // Ticket ids in URLs are visitors' secrets: never in the log.
            serializers: { req: requestLogSerializer },
            ...(deps.logStream ? { stream: deps.logStream } : {}),
          },
    bodyLimit: 64 * 1024,
    // Errors the router and Node's parser raise before our handlers run get our shape too.
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler,
    // request.ip is the client's, decided by the same rule as socket handshakes (TRUST_PROXY).
    trustProxy: access.trust,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  registerErrorHandling(fastify);
  registerSecurityHeaders(fastify, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        mediaSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        // Kiosks and screens often reach the server by plain http on the office LAN.
        upgradeInsecureRequests: null,
      },
    },
  });
  await fastify.register(cookie);
  await fastify.register(rateLimit, { global: false });
  registerClientGuards(fastify, access);
  registerSessionLookup(fastify, office);

  await fastify.register(swagger, {
    // Shared schemas (the error shape) appear under components by their $id, not as "def-0".
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
    openapi: {
      info: { title: 'amtsqueue API', version: '1.0.0', description: 'Queue and kiosk system for public offices' },
      tags: [
        { name: 'public', description: 'No login needed' },
        { name: 'tickets', description: 'Visitors: draw, look up, cancel, check in' },
        { name: 'auth', description: 'Staff sessions' },
        { name: 'counter', description: 'Staff actions on a counter' },
        { name: 'staff', description: 'Staff only' },
        { name: 'admin', description: 'Administration (#15); the roles of each route: server/app/access.ts' },
        { name: 'stats', description: 'Statistics (#16): team leads and admins; definitions in the README' },
      ],
    },
  });
  await fastify.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  const print = new PrintService(office, fastify.log);
  registerRoutes(fastify, { office, config, print, storage });
  if (config.publicDir) await registerStatic(fastify, config.publicDir);

  const realtime = attachRealtime(fastify, office, { anonSocketsPerAddress: config.anonSocketsPerAddress, access }, (io) => guardHandshakes(io, access, [NAMESPACES.counter, PRINT_AGENT_NAMESPACE, SUPERVISOR_NAMESPACE]));
  print.attachAgents(realtime.io);
  storage.startProbing(raw, deps.storageProbeMs);
  const stopDayClose = scheduleDayClose(office, (err) => fastify.log.error({ err }, 'day close failed'));
  // #16: the statistics facts follow the log after commits (batched, outside the commands' transactions).
  const stats = statsProjection(office, { onError: (err) => fastify.log.error({ err }, 'stats projection failed') });
  stats.start();
  // Print jobs end at once, so no request waits for a printer while the server closes.
  fastify.addHook('preClose', (done) => {
    print.close();
    done();
  });
  // Sockets first: open websockets would otherwise keep the HTTP server from closing.
  fastify.addHook('preClose', async () => {
    stopDayClose();
    await stats.stop();
    storage.stopProbing();
    await realtime.close();
    // Kept-alive browser connections (socket.io polling, audio) would otherwise hold the close open.
    fastify.server.closeAllConnections();
  });
  fastify.addHook('onClose', async () => {
    await store.close();
  });

  return { fastify, office, realtime, seed, storage, close: () => fastify.close() };
}

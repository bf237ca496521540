import { createApp } from './app.js';
import { pairingUrl } from './app/devices.js';
import { ConfigError, loadConfig } from './config.js';
import { StorageError } from './store/store.js';

/** Process entry: env → config, start, print first-start credentials once, close gracefully. */
async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  if (app.seed.seeded) {
    const lines = app.seed.generatedPasswords.map((p) => `  ${p.username.padEnd(12)} ${p.password}`);
    const banner = [
      `Initialised a new database in ${config.dataDir} (${config.seed === 'demo' ? 'demo office' : 'empty office'}).`,
      ...(lines.length > 0 ? ['Generated passwords (shown only now; store them safely):', ...lines] : []),
      ...(app.seed.kioskPairing
        ? [
            `Kiosk "${app.seed.kioskPairing.kioskId}": open this pairing link once on the kiosk (shown only now; it is the kiosk's key):`,
            `  ${pairingUrl(config.publicUrl, app.seed.kioskPairing.token)}`,
          ]
        : []),
    ];
    process.stdout.write(`\n${banner.join('\n')}\n\n`);
  }
  // Before listening: a stop signal that arrives while the server starts still closes it cleanly.
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.fastify.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  for (const warning of app.seed.warnings) process.stderr.write(`Warning: ${warning}\n`);
  await app.fastify.listen({ port: config.port, host: config.host });
  const base = config.publicUrl;
  process.stdout.write(
    `amtsqueue is running: ${base}/kiosk/  ${base}/display/  ${base}/counter/  API docs: ${base}/api/docs\n`,
  );
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`Configuration error: ${err.message}\n`);
    process.exit(2);
  }
  if (err instanceof StorageError) {
    process.stderr.write(`Cannot start: ${err.message} The server must be able to write its database; nothing was changed.\n`);
    process.exit(1);
  }
  process.stderr.write(`Failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});

import { parseArgs } from 'node:util';
import { parsePrinterAddress } from '../../common/printer-address.js';
import { startPrintAgent } from './agent.js';

const USAGE = `Usage: PRINT_AGENT_TOKEN=… npm run print-agent -- --server URL --kiosk ID --printer PRINTER [--no-status-query]

  --server URL         the amtsqueue server, e.g. http://192.168.1.10:3000
  --kiosk ID           the kiosk this PC is (its device id, e.g. kiosk-eingang)
  --printer PRINTER    a device such as /dev/usb/lp0, or tcp://host[:port] (port 9100 by default)
  --no-status-query    for network printers that never answer ESC/POS status queries (DLE EOT)

The token comes from the environment (PRINT_AGENT_TOKEN), never from the command line,
where every user of the PC could read it. An admin creates it with
POST /api/printers/<kiosk id>/agent-token.
`;

/** Process entry of the print agent: arguments → agent; exits 2 on bad usage, 1 when the server refuses it. */
function main(): void {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        server: { type: 'string' },
        kiosk: { type: 'string' },
        printer: { type: 'string' },
        'no-status-query': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (err) {
    return fail(err instanceof Error ? err.message : String(err));
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const token = process.env.PRINT_AGENT_TOKEN;
  if (!values.server || !values.kiosk || !values.printer) return fail('--server, --kiosk and --printer are required');
  if (!/^https?:\/\//.test(values.server)) return fail(`--server must be an http(s) URL, got "${values.server}"`);
  if (!token) return fail('PRINT_AGENT_TOKEN is not set');
  const printer = parsePrinterAddress(values.printer);
  if (printer.kind !== 'tcp' && printer.kind !== 'device') return fail(`--printer must be a device path or tcp://host[:port], got "${values.printer}"`);

  const log = (line: string) => process.stdout.write(`${new Date().toISOString()} print-agent: ${line}\n`);
  const agent = startPrintAgent({
    server: values.server,
    kioskId: values.kiosk,
    token,
    printer,
    statusQuery: !values['no-status-query'],
    log,
    onRefused: (message) => {
      process.stderr.write(`The server refused this print agent: ${message}\n`);
      agent.close();
      process.exitCode = 1;
    },
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`stopping (${signal})`);
      agent.close();
    });
  }
}

function fail(message: string): void {
  process.stderr.write(`${message}\n\n${USAGE}`);
  process.exitCode = 2;
}

main();

import { connect } from 'node:net';
import type { AgentReport } from './agent-protocol.js';
import { probeDevice } from './device-printer.js';
import { PrintError, toPrintError } from './print-error.js';
import type { PrinterAddress } from '../../common/printer-address.js';
import { probeTcp } from './tcp-printer.js';
import { CONNECT_TIMEOUT_MS, STATUS_TIMEOUT_MS } from './timing.js';

/** Checks a printer without printing: its status where it can tell (DLE EOT), else whether it can be reached. */
export async function probePrinter(address: PrinterAddress, statusQuery: boolean): Promise<AgentReport> {
  const signal = AbortSignal.timeout(CONNECT_TIMEOUT_MS + STATUS_TIMEOUT_MS);
  try {
    switch (address.kind) {
      case 'tcp': {
        if (!statusQuery) {
          await reachable(address.host, address.port);
          return { ok: true };
        }
        const condition = await probeTcp(address.host, address.port, signal);
        if (condition.fault) return { ok: false, reason: condition.fault.reason, detail: condition.fault.detail };
        return { ok: true, paperLow: condition.paperLow };
      }
      case 'device':
        await probeDevice(address.path);
        return { ok: true };
      default:
        return { ok: false, reason: 'bad_setting', detail: 'no printer address' };
    }
  } catch (err) {
    const e = toPrintError(err);
    return { ok: false, reason: e.reason, detail: e.message };
  }
}

function reachable(host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port, timeout: CONNECT_TIMEOUT_MS });
    socket.once('connect', () => {
      socket.destroy();
      resolve();
    });
    socket.once('timeout', () => {
      socket.destroy();
      reject(new PrintError('timeout', `no connection to ${host}:${port} within ${CONNECT_TIMEOUT_MS} ms`));
    });
    socket.once('error', (err) => reject(toPrintError(err)));
  });
}

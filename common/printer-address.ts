/** A kiosk's `printer` setting, parsed. The same forms as the PRINTER variable. */
export type PrinterAddress =
  | { kind: 'none' }
  | { kind: 'tcp'; host: string; port: number }
  | { kind: 'device'; path: string }
  | { kind: 'invalid'; value: string };

/** Raw ESC/POS over TCP ("JetDirect", "AppSocket") listens on 9100. */
export const DEFAULT_PRINTER_PORT = 9100;

export function parsePrinterAddress(value: unknown): PrinterAddress {
  if (value === undefined || value === null || value === '' || value === 'none') return { kind: 'none' };
  if (typeof value !== 'string') return { kind: 'invalid', value: JSON.stringify(value) ?? typeof value };
  const tcp = /^tcp:\/\/([^/:\s]+)(?::(\d{1,5}))?\/?$/i.exec(value);
  if (tcp) {
    const port = tcp[2] === undefined ? DEFAULT_PRINTER_PORT : Number(tcp[2]);
    if (port < 1 || port > 65535) return { kind: 'invalid', value };
    return { kind: 'tcp', host: tcp[1]!, port };
  }
  // `/dev/usb/lp0`, a file for testing, or a Windows device such as `\\.\COM1`.
  if (/^(\/|\\\\)/.test(value)) return { kind: 'device', path: value };
  return { kind: 'invalid', value };
}

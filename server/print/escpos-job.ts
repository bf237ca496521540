import { PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import { rasterBands } from './raster.js';
import type { PrintPart } from './ticket-canvas.js';

const ESC_INIT = Buffer.from([0x1b, 0x40]);

/**
 * The ESC/POS bytes of one ticket, assembled with node-thermal-printer.
 * Raster parts go in bands (the library's own image call sends one
 * unbanded image); the number is printer text, enlarged and bold; then a
 * feed and a full cut. The bytes are the same whichever way they travel.
 */
export function escposJob(parts: readonly PrintPart[]): Buffer {
  // Assembly only: the library's transports are not used (ours have timeouts and status checks).
  const printer = new ThermalPrinter({ type: PrinterTypes.EPSON, interface: '' });
  printer.add(ESC_INIT);
  printer.alignCenter();
  for (const part of parts) {
    if (part.kind === 'raster') {
      for (const band of rasterBands(part.raster)) printer.add(band);
    } else {
      printer.setTextSize(part.magnification - 1, part.magnification - 1);
      printer.bold(true);
      printer.println(part.text);
      printer.bold(false);
      printer.setTextSize(0, 0);
    }
  }
  printer.cut({ verticalTabAmount: 1 });
  return Buffer.from(printer.getBuffer());
}

import { displayConfig, kioskConfig, type DisplayConfig, type KioskConfig } from '../../common/device-config.js';
import type { Device } from '../../common/model.js';
import type { ErrorCode } from '../../common/errors.js';
import { parsePrinterAddress } from '../../common/printer-address.js';

/** An input problem named by the field a form shows it next to; a reference to nothing is a 404 of its kind. */
export interface FieldProblem {
  code: Extract<ErrorCode, 'INVALID_INPUT' | 'AREA_NOT_FOUND' | 'SERVICE_NOT_FOUND'>;
  field: string;
  message: string;
}

/** What an admin may set on a device: the record's own fields and its kind's configuration. */
export interface DeviceFields {
  name: string;
  area: string | null;
  kiosk?: Partial<KioskConfig>;
  display?: Partial<DisplayConfig>;
}

/** What the rest of the office must hold for a device to make sense. */
export interface DeviceContext {
  areaIds: ReadonlySet<string>;
  serviceIds: ReadonlySet<string>;
}

/** The first problem with a device as it would be saved, or null. */
export function deviceProblem(d: Pick<Device, 'kind' | 'name' | 'area' | 'settings'>, ctx: DeviceContext): FieldProblem | null {
  if (d.name.trim() === '') return { code: 'INVALID_INPUT', field: 'name', message: 'A name is required.' };
  if (d.area !== null && !ctx.areaIds.has(d.area)) return { code: 'AREA_NOT_FOUND', field: 'area', message: `There is no area "${d.area}".` };
  if (d.kind === 'display' && d.area === null) {
    return { code: 'INVALID_INPUT', field: 'area', message: 'A screen shows the calls of one area: choose it.' };
  }
  if (d.kind !== 'kiosk') return null;
  if (parsePrinterAddress(d.settings.printer).kind === 'invalid') {
    return { code: 'INVALID_INPUT', field: 'kiosk.printer', message: 'Use tcp://host[:port], a device path such as /dev/usb/lp0, or none.' };
  }
  const unknown = kioskConfig(d.settings).serviceIds?.find((id) => !ctx.serviceIds.has(id));
  if (unknown !== undefined) return { code: 'SERVICE_NOT_FOUND', field: 'kiosk.serviceIds', message: `There is no service "${unknown}".` };
  return null;
}

/**
 * The device with the admin's fields applied. Configuration keys replace the
 * stored ones; keys the admin does not manage (token hashes) stay as they are.
 */
export function withDeviceFields(d: Device, f: Partial<DeviceFields>): Device {
  const settings = { ...d.settings };
  if (d.kind === 'kiosk' && f.kiosk) Object.assign(settings, { ...kioskConfig(d.settings), ...f.kiosk });
  if (d.kind === 'display' && f.display) Object.assign(settings, { ...displayConfig(d.settings), ...f.display });
  return { ...d, name: f.name?.trim() ?? d.name, area: f.area === undefined ? d.area : f.area, settings };
}

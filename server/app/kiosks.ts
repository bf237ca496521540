import { kioskConfig, kioskOffers, kioskSettingsOf, type KioskSettings } from '../../common/device-config.js';
import type { PublicKiosk } from '../../common/dto.js';
import { AppError } from '../../common/errors.js';
import type { Device } from '../../common/model.js';
import type { Office } from './office.js';

/** A kiosk device with its settings (printer address, paper width): for the server's own use. */
export type KioskDevice = Device & { kind: 'kiosk' };

const isKiosk = (d: Device | null): d is KioskDevice => d?.kind === 'kiosk';

/** What anyone may know about a kiosk: printer settings stay on the server. */
const publicKiosk = (d: Device): PublicKiosk => ({ id: d.id, name: d.name, area: d.area });

export async function kioskDevices(office: Office): Promise<KioskDevice[]> {
  return (await office.store.read(office.siteId, (r) => r.catalog.devices())).filter(isKiosk);
}

export async function kioskDevice(office: Office, id: string): Promise<KioskDevice | null> {
  const device = await office.store.read(office.siteId, (r) => r.catalog.device(id));
  return isKiosk(device) ? device : null;
}

/** The office's only kiosk, if it has exactly one (then it needs no `?kiosk=` and reprints go there). */
export async function onlyKiosk(office: Office): Promise<KioskDevice | null> {
  const kiosks = await kioskDevices(office);
  return kiosks.length === 1 ? (kiosks[0] ?? null) : null;
}

export async function publicKiosks(office: Office): Promise<PublicKiosk[]> {
  return (await kioskDevices(office)).map(publicKiosk);
}

export async function findPublicKiosk(office: Office, id: string): Promise<PublicKiosk> {
  const device = await kioskDevice(office, id);
  if (!device) throw new AppError('NOT_FOUND', 'No kiosk with this id.');
  return publicKiosk(device);
}

/** A paired kiosk's own settings (#15): the services and languages it offers and its idle time, with the record's version. */
export async function ownKioskSettings(office: Office, kiosk: KioskDevice): Promise<KioskSettings> {
  return office.store.read(office.siteId, async (r) => {
    const d = await r.catalog.device(kiosk.id);
    if (!isKiosk(d)) throw new AppError('DEVICE_REQUIRED');
    return kioskSettingsOf({ ...d, version: (await r.catalog.version('device', d.id)) ?? 1 });
  });
}

/** A kiosk draws only the services its record offers (the admin's choice); 409 SERVICE_NOT_OFFERED for any other. */
export function checkKioskOffers(kiosk: KioskDevice, serviceId: string): void {
  if (!kioskOffers(kioskConfig(kiosk.settings), serviceId)) throw new AppError('SERVICE_NOT_OFFERED');
}

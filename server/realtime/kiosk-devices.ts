import { handshakeRefusal } from '../../common/errors.js';
import { authenticateKiosk } from '../app/devices.js';
import type { Office } from '../app/office.js';
import type { LoggedEvent } from '../domain/events.js';
import type { KioskNamespace } from './namespaces.js';

const room = (kioskId: string) => `device:${kioskId}`;

/**
 * #13 part 1: the /kiosk namespace serves paired kiosks only. The handshake
 * carries the device token (`auth: {protocol, device}`); without an active
 * one it is refused with DEVICE_REQUIRED. Each socket joins its kiosk's room,
 * so a revoked or rotated token closes that kiosk's open sockets at once (a
 * rotated kiosk reconnects with its new token, a revoked one is refused).
 * Returns the function that stops watching.
 */
export function guardKioskNamespace(kiosk: KioskNamespace, office: Office): () => void {
  kiosk.use((socket, next) => {
    authenticateKiosk(office, socket.handshake.auth.device).then(
      (device) => {
        if (!device) return next(handshakeRefusal('DEVICE_REQUIRED'));
        void socket.join(room(device.id));
        next();
      },
      (err: unknown) => next(err instanceof Error ? err : new Error(String(err))),
    );
  });
  const onCommitted = (events: LoggedEvent[]): void => {
    for (const e of events) {
      if (e.type === 'device.token_issued' || e.type === 'device.token_revoked') kiosk.in(room(e.data.kioskId)).disconnectSockets(true);
    }
  };
  office.events.on('committed', onCommitted);
  return () => office.events.off('committed', onCommitted);
}

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { LiveChannel, type ConnectionState } from '../common/client/live-channel.js';
import type { PublicService } from '../common/dto.js';
import { NAMESPACES, type DeviceChanged, type KioskClientEvents, type KioskServerEvents } from '../common/protocol.js';
import { closingPassed } from './logic/services.js';

/** A fresh snapshot now and then, so status that changes with time alone (past closing) is never stale for long. */
const RESYNC_EVERY_MS = 60_000;
const CLOSING_RESYNC_MS = 5_000;

export interface ServiceStatusEvents {
  /** Connected (again): a moment to do what needs the server. */
  online(): void;
  /** The office's time zone, from every snapshot. */
  timeZone(timeZone: string): void;
  /** The server refused this kiosk's device token (never paired, rotated or revoked): the channel stops. */
  unpaired(): void;
  /** An admin changed a kiosk's or screen's record (#15): this kiosk's own settings may have changed. */
  deviceChanged(e: DeviceChanged): void;
}

/**
 * The services as the kiosk shows them, live over /kiosk. Null while the
 * server is away: what the kiosk knew may be out of date by the time it is
 * back, so it waits for a fresh snapshot rather than show a stale "open".
 */
export class ServiceStatus implements ReactiveController {
  services: PublicService[] | null = null;
  connection: ConnectionState = 'connecting';
  private channel: LiveChannel<KioskServerEvents, KioskClientEvents, 'kiosk:snapshot', 'DEVICE_REQUIRED'> | null = null;
  private lastResync = Date.now();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly on: ServiceStatusEvents,
    /** The kiosk's device token: /kiosk serves paired kiosks only. */
    private readonly deviceToken: string | null,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // Never paired: the server would refuse the handshake, and a refusal in the middle of the
    // polling-to-websocket upgrade leaves a 400 in the console; the page knows it is unpaired already.
    if (this.deviceToken === null) return;
    this.channel = new LiveChannel<KioskServerEvents, KioskClientEvents, 'kiosk:snapshot', 'DEVICE_REQUIRED'>({
      namespace: NAMESPACES.kiosk,
      auth: this.deviceToken ? { device: this.deviceToken } : {},
      final: { codes: ['DEVICE_REQUIRED'], on: () => this.on.unpaired() },
      snapshotEvent: 'kiosk:snapshot',
      onSnapshot: (s) => {
        this.on.timeZone(s.timeZone);
        this.set(s.services);
      },
      pushes: { 'services:status': (e) => this.set(e.services) },
      signals: { 'device:changed': (e) => this.on.deviceChanged(e) },
      onState: (state) => {
        this.connection = state;
        if (state !== 'online') this.services = null;
        this.host.requestUpdate();
        if (state === 'online') this.on.online();
      },
    });
  }

  hostDisconnected(): void {
    this.channel?.close();
    this.channel = null;
  }

  /** A request found the status out of date: ask for the real one rather than wait for the next push. */
  refresh(): void {
    void this.channel?.resync();
  }

  /**
   * On every tick: a fresh snapshot once a minute, and soon after a shown service
   * passed its closing time (not every tick: the server's clock has the last word).
   * True when it asked.
   */
  tick(now: number): boolean {
    const since = now - this.lastResync;
    const due = since >= RESYNC_EVERY_MS || (closingPassed(this.services ?? [], now) && since >= CLOSING_RESYNC_MS);
    if (this.connection !== 'online' || !due) return false;
    this.lastResync = now;
    this.refresh();
    return true;
  }

  private set(services: PublicService[]): void {
    this.services = services;
    this.host.requestUpdate();
  }
}

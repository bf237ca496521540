import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { KioskSettings } from '../common/device-config.js';
import type { DeviceChanged } from '../common/protocol.js';
import { api } from './api.js';

/** A read that found no server (or a server error) is tried again this often. */
const RETRY_MS = 5_000;

export interface DeviceSettingsEvents {
  /** The server no longer knows this kiosk's token. */
  unpaired(): void;
}

/**
 * This kiosk's own settings from its device record (#15): the services and
 * languages an admin offers here and the idle time. Read when the socket is
 * online (changes made while it was away came as no signal) and again when
 * `device:changed` names this kiosk with another version, without a reload.
 * Null until the first read: the kiosk shows no services it may not offer.
 */
export class DeviceSettings implements ReactiveController {
  settings: KioskSettings | null = null;
  private reading = false;
  private readAgain = false;
  private connected = false;
  private retry: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly on: DeviceSettingsEvents,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
  }

  hostDisconnected(): void {
    this.connected = false;
    clearTimeout(this.retry);
  }

  /** A device record changed; before the first read the kiosk does not know its id yet, so it reads anyway. */
  changed(e: DeviceChanged): void {
    if (this.settings && (e.id !== this.settings.id || e.version === this.settings.version)) return;
    this.read();
  }

  /** Reads the settings; a read asked for while one is on its way runs once more after it, so the newest change wins. */
  read(): void {
    if (this.reading) {
      this.readAgain = true;
      return;
    }
    clearTimeout(this.retry);
    this.reading = true;
    void api.settings().then((res) => {
      this.reading = false;
      if (!this.connected) return;
      if (res.ok) this.apply(res.value);
      else if (res.code === 'DEVICE_REQUIRED') this.on.unpaired();
      else this.retry = setTimeout(() => this.read(), RETRY_MS);
      if (this.readAgain) {
        this.readAgain = false;
        this.read();
      }
    });
  }

  private apply(next: KioskSettings): void {
    // Two reads may cross: an older version never replaces a newer one.
    if (this.settings && this.settings.id === next.id && next.version < this.settings.version) return;
    this.settings = next;
    this.host.requestUpdate();
  }
}

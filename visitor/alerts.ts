/**
 * Getting the visitor's attention when called: vibration, a short beep and,
 * if they agreed, a system notification. Browsers allow each only in some
 * situations (a tap on the page first, an open tab), so every step is best
 * effort and never throws.
 */
let audio: AudioContext | null = null;

/** Browsers start audio only after a tap: prepare it on the first one. */
export function unlockAudioOnFirstTap(): void {
  const unlock = () => {
    try {
      audio ??= new AudioContext();
      void audio.resume().catch(() => undefined);
    } catch {
      // No Web Audio: the call screen and vibration remain.
    }
  };
  addEventListener('pointerdown', unlock, { once: true, capture: true });
  addEventListener('keydown', unlock, { once: true, capture: true });
}

function vibrate(): void {
  // Without a tap on the page Chrome refuses and logs an intervention; don't ask then.
  const activated = (navigator as Navigator & { userActivation?: { hasBeenActive: boolean } }).userActivation?.hasBeenActive;
  if (activated === false) return;
  try {
    navigator.vibrate?.([400, 200, 400, 200, 800]);
  } catch {
    // not supported
  }
}

function beep(): void {
  try {
    audio ??= new AudioContext();
    if (audio.state === 'suspended') void audio.resume().catch(() => undefined);
    const t0 = audio.currentTime + 0.05;
    for (let i = 0; i < 3; i++) {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.frequency.value = i === 2 ? 1175 : 880;
      gain.gain.setValueAtTime(0.0001, t0 + i * 0.3);
      gain.gain.exponentialRampToValueAtTime(0.4, t0 + i * 0.3 + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, t0 + i * 0.3 + 0.22);
      osc.connect(gain).connect(audio.destination);
      osc.start(t0 + i * 0.3);
      osc.stop(t0 + i * 0.3 + 0.25);
    }
  } catch {
    // Audio not allowed here.
  }
}

export function notificationsSupported(): boolean {
  return typeof Notification !== 'undefined';
}

/** Asks for permission (only ever after the visitor tapped "notify me"). */
export async function askNotificationPermission(): Promise<boolean> {
  if (!notificationsSupported()) return false;
  try {
    return (await Notification.requestPermission()) === 'granted';
  } catch {
    return false;
  }
}

function notify(title: string, body: string): void {
  if (!notificationsSupported() || Notification.permission !== 'granted') return;
  try {
    new Notification(title, { body, tag: 'amtsqueue-call', requireInteraction: true });
  } catch {
    // Android Chrome only notifies through a service worker; the page still alerts.
  }
}

export function alertCall(title: string, body: string, withNotification: boolean): void {
  vibrate();
  beep();
  if (withNotification) notify(title, body);
}

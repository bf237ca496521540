import { describe, expect, it } from 'vitest';
import type { PublicDisplay } from '../../common/device-config.js';
import { deviceOf, HISTORY_DEFAULT, HISTORY_MAX, inArea, readSettings } from '../../display/settings.js';

describe('display settings from the URL', () => {
  it('defaults: all areas, every visitor language announced, chime and speech, waiting counts shown', () => {
    expect(readSettings('')).toEqual({
      deviceId: null,
      areas: null,
      orientation: 'auto',
      announce: 'all',
      sound: 'speech',
      voice: 'server',
      showWaiting: true,
      historySize: HISTORY_DEFAULT,
      lang: 'de',
      tickerEnabled: true,
      tickerMessages: [],
    });
  });

  it('reads every parameter', () => {
    const s = readSettings(
      '?area=eg,og1&orientation=portrait&announce=ar,tr,xx&sound=chime&voice=browser&waiting=0&history=8&lang=uk&ticker=ar:%D9%86%D8%B5&ticker=Heute+bis+12+Uhr',
    );
    expect(s).toMatchObject({
      areas: ['eg', 'og1'],
      orientation: 'portrait',
      announce: ['ar', 'tr'],
      sound: 'chime',
      voice: 'browser',
      showWaiting: false,
      historySize: 8,
      lang: 'uk',
      tickerEnabled: true,
    });
    expect(s.tickerMessages).toEqual([
      { lang: 'ar', text: 'نص' },
      { lang: 'uk', text: 'Heute bis 12 Uhr' },
    ]);
    expect(inArea(s, 'eg')).toBe(true);
    expect(inArea(s, 'og2')).toBe(false);
  });

  it('falls back to defaults on nonsense, so a wall screen always comes up', () => {
    const s = readSettings('?orientation=sideways&sound=loud&history=999&lang=xx&announce=none&ticker=off');
    expect(s).toMatchObject({ orientation: 'auto', sound: 'speech', historySize: HISTORY_MAX, lang: 'de', announce: [], tickerEnabled: false });
    expect(readSettings('?history=abc').historySize).toBe(HISTORY_DEFAULT);
    expect(readSettings('?sound=on').sound).toBe('speech');
  });
});

describe('display settings from the device record (#15)', () => {
  const record: PublicDisplay = {
    id: 'anzeige-og1',
    name: 'Anzeige 1. OG',
    area: 'og1',
    version: 3,
    config: {
      announce: ['ar', 'fa'],
      tickerTexts: [{ lang: 'tr', text: 'Bugün 12’ye kadar' }],
      historySize: 4,
      showWaiting: false,
      orientation: 'portrait',
    },
  };

  it('?device= names the record; anything else is no device id', () => {
    expect(deviceOf('?device=anzeige-og1')).toBe('anzeige-og1');
    expect(deviceOf('?device=')).toBeNull();
    expect(deviceOf('?device=../etc')).toBeNull();
    expect(deviceOf('?area=eg')).toBeNull();
  });

  it("the record's settings stand in for the URL's", () => {
    expect(readSettings('?device=anzeige-og1', record)).toMatchObject({
      deviceId: 'anzeige-og1',
      areas: ['og1'],
      announce: ['ar', 'fa'],
      historySize: 4,
      showWaiting: false,
      orientation: 'portrait',
      tickerEnabled: true,
      tickerMessages: [{ lang: 'tr', text: 'Bugün 12’ye kadar' }],
    });
    expect(readSettings('', { ...record, config: { ...record.config, announce: [] } }).announce).toEqual([]);
  });

  it('a URL parameter still wins over the record, for a quick test', () => {
    const s = readSettings('?device=anzeige-og1&area=eg&history=9&ticker=off&waiting=1', record);
    expect(s).toMatchObject({ areas: ['eg'], historySize: 9, tickerEnabled: false, showWaiting: true, announce: ['ar', 'fa'] });
  });
});

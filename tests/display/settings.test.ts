import { describe, expect, it } from 'vitest';
import { HISTORY_DEFAULT, HISTORY_MAX, inArea, readSettings } from '../../display/settings.js';

describe('display settings from the URL', () => {
  it('defaults: all areas, every visitor language announced, chime and speech, waiting counts shown', () => {
    expect(readSettings('')).toEqual({
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

import { describe, expect, it } from 'vitest';
import { announcementText, placeOf, spokenLanguages, visitorLanguageOf } from '../../common/i18n/announce/compose.js';
import { VISITOR_LANGUAGES } from '../../common/i18n/languages.js';

const call = { number: 'A017', counterName: 'Schalter 3', recall: false };
const LETTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
/** Languages whose voice would switch to English on a bare Latin letter. */
const NON_LATIN = ['ar', 'fa', 'ru', 'uk', 'bg', 'ti'] as const;

describe('announcement texts', () => {
  it('say the German sentence with the number split and the counter name as written', () => {
    expect(announcementText('de', call)).toBe('Nummer A 17, bitte zu Schalter 3.');
    expect(announcementText('de', { ...call, counterName: 'Raum 1.14' })).toBe('Nummer A 17, bitte zu Raum 1.14.');
    expect(announcementText('de', { number: 'P1000', counterName: 'Empfang', recall: false })).toBe('Nummer P 1000, bitte zu Empfang.');
  });

  it('mark a recall before the call', () => {
    expect(announcementText('de', { ...call, recall: true })).toBe('Erneuter Aufruf. Nummer A 17, bitte zu Schalter 3.');
    expect(announcementText('en', { ...call, recall: true })).toBe('Calling again. Number eh 17, please go to counter 3.');
  });

  it("translate the counter's kind from the German name pattern and fall back to the name", () => {
    expect(announcementText('en', { ...call, counterName: 'Raum 1.14' })).toBe('Number eh 17, please go to room 1 14.');
    expect(announcementText('ar', call)).toBe('الرقم إيه 17، يرجى التوجه إلى الشباك 3.');
    expect(announcementText('ru', { ...call, counterName: 'Raum 1.16' })).toBe('Номер а 17, пройдите, пожалуйста, в кабинет номер 1 16.');
    expect(announcementText('tr', call)).toBe('Sıra numarası A 17, lütfen 3 numaralı gişeye gidin.');
    expect(announcementText('fr', { ...call, counterName: 'Empfang' })).toBe('Numéro A 17, veuillez vous présenter à Empfang.');
    expect(placeOf('Schalter 12')).toEqual({ place: 'counter', n: '12', name: 'Schalter 12' });
    expect(placeOf('Raum 1.14')).toEqual({ place: 'room', n: '1 14', name: 'Raum 1.14' });
    expect(placeOf('Info-Theke')).toEqual({ place: 'name', n: '', name: 'Info-Theke' });
  });

  for (const lang of NON_LATIN) {
    it(`${lang}: spells every prefix letter in its own script (no Latin letter reaches the voice)`, () => {
      for (const letter of LETTERS) {
        const text = announcementText(lang, { number: `${letter}005`, counterName: 'Schalter 2', recall: true });
        expect(text, `${lang} ${letter}`).not.toMatch(/[A-Za-z]/);
        expect(text).toContain('5');
      }
    });
  }

  it('every language says the number and the counter number', () => {
    for (const lang of VISITOR_LANGUAGES) {
      const text = announcementText(lang, { number: 'M042', counterName: 'Schalter 4', recall: false });
      expect(text, lang).toContain('42');
      expect(text, lang).toContain('4');
      expect(text, lang).not.toContain('{');
    }
  });
});

describe('which languages are spoken', () => {
  it('German first, then the visitor language when it differs and is enabled', () => {
    expect(spokenLanguages('ar', 'all')).toEqual(['de', 'ar']);
    expect(spokenLanguages('de', 'all')).toEqual(['de']);
    expect(spokenLanguages('ar', ['tr', 'fa'])).toEqual(['de']);
    expect(spokenLanguages('ku-Latn', ['ku'])).toEqual(['de', 'ku']);
    expect(spokenLanguages('zh', 'all')).toEqual(['de']);
    expect(visitorLanguageOf('TI')).toBe('ti');
  });
});

import { IntlMessageFormat } from 'intl-messageformat';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { translator } from '../../common/i18n/format.js';
import { LANGUAGES, VISITOR_LANGUAGES } from '../../common/i18n/languages.js';
import { ALL_CATALOGS } from '../../common/i18n/registry.js';
import { TICKET_CATALOGS } from '../../common/i18n/ticket/index.js';

function argumentNames(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) into.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      into.add(el.value);
      for (const option of Object.values(el.options)) argumentNames(option.value, into);
    }
    if (el.type === TYPE.tag) argumentNames(el.children, into);
  }
  return into;
}

describe('translation catalogs', () => {
  it('list every visitor language exactly once, each named in its own script', () => {
    expect(LANGUAGES.map((l) => l.code)).toEqual([...VISITOR_LANGUAGES]);
    expect(LANGUAGES.filter((l) => l.dir === 'rtl').map((l) => l.code)).toEqual(['ar', 'fa']);
  });

  for (const [set, { catalogs, languages }] of Object.entries(ALL_CATALOGS)) {
    const source = catalogs.de;
    describe(set, () => {
      it('has a German source', () => expect(source).toBeDefined());
      for (const lang of languages) {
        it(`${lang}: same keys as German, valid ICU, same placeholders, no empty text`, () => {
          const catalog = catalogs[lang];
          expect(catalog).toBeDefined();
          expect(Object.keys(catalog ?? {}).sort()).toEqual(Object.keys(source ?? {}).sort());
          for (const [key, message] of Object.entries(catalog ?? {})) {
            expect(message.trim(), `${set}.${key} in ${lang}`).not.toBe('');
            const names = [...argumentNames(parse(message))].sort();
            const expected = [...argumentNames(parse(source?.[key] ?? ''))].sort();
            expect(names, `${set}.${key} placeholders in ${lang}`).toEqual(expected);
            expect(() => new IntlMessageFormat(message, lang)).not.toThrow();
          }
        });
      }
    });
  }

  it('covers all 14 visitor languages on the printed ticket', () => {
    expect(Object.keys(TICKET_CATALOGS).sort()).toEqual([...VISITOR_LANGUAGES].sort());
  });

  it('formats plurals by each language’s rules and falls back to German', () => {
    expect(translator(TICKET_CATALOGS, 'de').t('ahead', { ahead: 0 })).toBe('Sie sind als Nächstes dran.');
    expect(translator(TICKET_CATALOGS, 'ru').t('ahead', { ahead: 3 })).toBe('Перед вами 3 человека.');
    expect(translator(TICKET_CATALOGS, 'ru').t('ahead', { ahead: 5 })).toBe('Перед вами 5 человек.');
    expect(translator(TICKET_CATALOGS, 'ar').t('ahead', { ahead: 2 })).toBe('ينتظر شخصان قبلك.');
    const unknown = translator(TICKET_CATALOGS, 'xx');
    expect(unknown.lang).toBe('de');
    expect(unknown.t('yourNumber')).toBe('Ihre Nummer');
  });
});

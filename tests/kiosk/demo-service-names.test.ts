import { describe, expect, it } from 'vitest';
import { VISITOR_LANGUAGES } from '../../common/i18n/languages.js';
import { DEMO_SERVICES } from '../../server/seed/demo-services.js';
import { ICONS } from '../../kiosk/components/icons.js';

describe('demo services as the kiosk shows them', () => {
  it('every service is named in all 14 visitor languages', () => {
    for (const s of DEMO_SERVICES) {
      expect(Object.keys(s.names).sort(), s.id).toEqual([...VISITOR_LANGUAGES].sort());
      for (const [lang, name] of Object.entries(s.names)) expect(name.trim(), `${s.id} ${lang}`).not.toBe('');
    }
  });

  it('no two services share a name in any language', () => {
    for (const lang of VISITOR_LANGUAGES) {
      const names = DEMO_SERVICES.map((s) => s.names[lang]);
      expect(new Set(names).size, lang).toBe(names.length);
    }
  });

  it('every service has a pictogram of its own', () => {
    for (const s of DEMO_SERVICES) expect(ICONS[s.icon], s.icon).toBeDefined();
  });
});

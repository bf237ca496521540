import { describe, expect, it } from 'vitest';
import { ANNOUNCE_CATALOGS } from '../../common/i18n/announce/index.js';
import { announcementText } from '../../common/i18n/announce/compose.js';
import { translator } from '../../common/i18n/format.js';
import { VISITOR_LANGUAGES } from '../../common/i18n/languages.js';
import { SpeechEngine, SpeechError, VOICES, sharedSpeechEngine } from '../../server/speech/engine.js';
import { escapeSsml } from '../../server/speech/ssml.js';
import { encodeWav } from '../../server/speech/wav.js';
import { parseWav, rms } from './wav-reader.js';

/** The real eSpeak NG WebAssembly engine; no mocks. */
const engine = sharedSpeechEngine();
const call = { number: 'A017', counterName: 'Schalter 3', recall: false };

describe('eSpeak NG engine', () => {
  for (const lang of VISITOR_LANGUAGES) {
    it(`${lang}: the announcement is audible speech of a plausible length`, async () => {
      const pcm = await engine.synthesize([{ lang, text: announcementText(lang, call) }]);
      const wav = parseWav(encodeWav(pcm.samples, pcm.sampleRate));
      expect(wav.sampleRate).toBe(22_050);
      expect(wav.durationSeconds).toBeGreaterThan(1.5);
      expect(wav.durationSeconds).toBeLessThan(12);
      expect(rms(wav.samples)).toBeGreaterThan(500);
    });
  }

  it('puts a pause between two languages: German + Arabic is longer than either alone', async () => {
    const de = await engine.synthesize([{ lang: 'de', text: announcementText('de', call) }]);
    const ar = await engine.synthesize([{ lang: 'ar', text: announcementText('ar', call) }]);
    const both = await engine.synthesize([
      { lang: 'de', text: announcementText('de', call) },
      { lang: 'ar', text: announcementText('ar', call) },
    ]);
    expect(both.samples.length).toBeGreaterThan(de.samples.length + ar.samples.length);
  });

  it('refuses a voice eSpeak does not have instead of speaking with the previous one', async () => {
    const broken = new SpeechEngine({ ...VOICES, ar: 'no-such-voice' });
    await expect(broken.synthesize([{ lang: 'de', text: 'Hallo' }])).resolves.toBeDefined();
    await expect(broken.synthesize([{ lang: 'ar', text: 'مرحبا' }])).rejects.toBeInstanceOf(SpeechError);
    // …and the engine still works afterwards.
    await expect(broken.synthesize([{ lang: 'de', text: 'Hallo' }])).resolves.toBeDefined();
  });

  it('escapes markup characters: a counter named "<Info> & Co" is spoken, not parsed', async () => {
    expect(escapeSsml(`<b> & "x" 'y'`)).toBe('&lt;b&gt; &amp; &quot;x&quot; &apos;y&apos;');
    const plain = await engine.synthesize([{ lang: 'de', text: 'Info und Co' }]);
    const marked = await engine.synthesize([{ lang: 'de', text: '<Info> & Co' }]);
    // "&" is read as "und"; unescaped, "<Info>" would vanish as an unknown tag and "& Co" break the document.
    expect(marked.samples.length).toBeGreaterThan(plain.samples.length * 0.8);
    expect(marked.samples.length).toBeLessThan(plain.samples.length * 1.25);
  });

  it('never switches to another voice for a prefix letter, in any language, for any letter', async () => {
    for (const lang of VISITOR_LANGUAGES) {
      const t = translator(ANNOUNCE_CATALOGS, lang);
      for (const letter of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
        const ipa = await engine.ipa(lang, `${t.t('letter', { letter })} 17`);
        expect(ipa, `${lang} ${letter}: ${ipa}`).not.toMatch(/\([a-z]{2}\)/);
      }
    }
  });
});

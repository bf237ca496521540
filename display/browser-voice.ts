import type { VisitorLanguage } from '../common/i18n/languages.js';

/**
 * The browser's own speech synthesis, for offices that prefer it. Most screen
 * PCs have no voice for Tigrinya or Kurdish (Debian's Chromium has none at
 * all without speech-dispatcher), so it is used only when every language of
 * an announcement has a voice; otherwise the server's WAV plays.
 */
export function browserVoice(lang: VisitorLanguage): SpeechSynthesisVoice | null {
  if (!('speechSynthesis' in globalThis)) return null;
  const voices = speechSynthesis.getVoices();
  return voices.find((v) => v.lang.toLowerCase() === lang) ?? voices.find((v) => v.lang.toLowerCase().startsWith(`${lang}-`)) ?? null;
}

export function canSpeakInBrowser(languages: readonly VisitorLanguage[]): boolean {
  return languages.every((l) => browserVoice(l) !== null);
}

export function speakInBrowser(lang: VisitorLanguage, text: string, maxMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = lang;
    utterance.voice = browserVoice(lang);
    utterance.rate = 0.9;
    const timer = setTimeout(() => {
      speechSynthesis.cancel();
      resolve();
    }, maxMs);
    utterance.onend = () => {
      clearTimeout(timer);
      resolve();
    };
    utterance.onerror = (e) => {
      clearTimeout(timer);
      reject(new Error(`speech synthesis: ${e.error}`));
    };
    speechSynthesis.speak(utterance);
  });
}

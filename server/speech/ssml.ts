/** Text for eSpeak's SSML input: markup characters in names and catalogs must not become markup. */
export function escapeSsml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

export function ssmlDocument(text: string): string {
  return `<speak>${escapeSsml(text)}</speak>`;
}

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EVENT_CATALOG, EVENT_TYPES, isEventType } from '../../server/domain/events.js';

/** ARCHITECTURE.md's "The event log" documents every event type, as the catalogue defines it. */

const doc = readFileSync(new URL('../../ARCHITECTURE.md', import.meta.url), 'utf8');

function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`ARCHITECTURE.md has no "${heading}" section`);
  const rest = markdown.slice(start + heading.length + 2);
  const end = rest.search(/^## /m);
  return end < 0 ? rest : rest.slice(0, end);
}

const log = section(doc, '## The event log');
/** `### \`type\`` headings, each with the line that follows its blank line. */
const documented = [...log.matchAll(/^### `([^`]+)`\n\n(.*)$/gm)].map((m) => ({ type: m[1] ?? '', facts: m[2] ?? '' }));

describe('ARCHITECTURE.md: the event log', () => {
  it('has one heading per event type and none for a type that does not exist', () => {
    expect(documented.map((d) => d.type).sort()).toEqual([...EVENT_TYPES].sort());
  });

  it('states each type\'s payload version and whether it changes screens as EVENT_CATALOG does', () => {
    for (const { type, facts } of documented) {
      if (!isEventType(type)) throw new Error(`"${type}" is documented but is no event type`);
      const entry = EVENT_CATALOG[type];
      expect(facts, type).toBe(`Version ${entry.version} · changes screens: ${entry.changesQueue ? 'yes' : 'no'}`);
    }
  });

  it('documents every envelope field', () => {
    for (const field of ['seq', 'type', 'v', 'at', 'ticketId', 'serviceId', 'counterId', 'userId', 'data']) {
      expect(log).toContain(`| \`${field}\` |`);
    }
  });
});

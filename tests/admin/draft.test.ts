import { describe, expect, it } from 'vitest';
import { changedFields, fieldMatches, getPath, setPath } from '../../admin/kit/draft.js';

describe('admin form drafts', () => {
  it('reads and writes by the JSON paths the server names in error.field', () => {
    const draft = { names: { de: 'Pass' }, hours: { '1': [{ from: '08:00', to: '12:00' }] } };
    expect(getPath(draft, 'hours.1.0.to')).toBe('12:00');
    const next = setPath(draft, 'hours.1.0.to', '11:00');
    expect(getPath(next, 'hours.1.0.to')).toBe('11:00');
    expect(Array.isArray(getPath(next, 'hours.1'))).toBe(true);
    expect(getPath(draft, 'hours.1.0.to')).toBe('12:00');
    expect(setPath(draft, 'names.en', 'Passport').names).toEqual({ de: 'Pass', en: 'Passport' });
  });

  it('puts a message at the field it names or at the field that holds it', () => {
    expect(fieldMatches('hours.1.0.to', 'hours.1.0.to')).toBe(true);
    expect(fieldMatches('hours.1.0.to', 'hours')).toBe(true);
    expect(fieldMatches('hours.10.0.to', 'hours.1')).toBe(false);
    expect(fieldMatches(undefined, 'prefix')).toBe(false);
  });

  it('sends only the fields that changed', () => {
    expect(changedFields({ prefix: 'A', names: { de: 'x' }, active: true }, { prefix: 'A', names: { de: 'y' }, active: true })).toEqual({ names: { de: 'y' } });
  });
});

import { describe, expect, test } from 'vitest';
import { SERVICE_ICONS } from '../../common/admin-schemas.js';
import { ICONS } from '../../kiosk/components/icons.js';
import { configChange, configDiff } from '../../server/app/config-change.js';

/** #15: what a `config.changed` event records of a change. */

describe('config.changed', () => {
  test('only changed fields, with their values before and after; key order does not count as a change', () => {
    expect(
      configDiff(
        { id: 's1', version: 3, names: { de: 'A', en: 'B' }, prefix: 'A', hours: {} },
        { id: 's1', version: 4, names: { en: 'B', de: 'A' }, prefix: 'B', hours: { '1': [] } },
      ),
    ).toEqual({ prefix: { before: 'A', after: 'B' }, hours: { before: {}, after: { '1': [] } } });
  });

  test('created and deleted records have null on the other side; personal fields are only marked', () => {
    expect(configDiff(null, { id: 'a', name: { de: 'Halle' } })).toEqual({ name: { before: null, after: { de: 'Halle' } } });
    expect(configDiff({ id: 'a', name: 'x' }, null)).toEqual({ name: { before: 'x', after: null } });
    expect(configDiff({ username: 'a', displayName: 'A', role: 'staff' }, { username: 'b', displayName: 'B', role: 'admin' })).toEqual({
      username: { redacted: true },
      displayName: { redacted: true },
      role: { before: 'staff', after: 'admin' },
    });
  });

  test('the event names the service or counter and the version after the change (0 when deleted)', () => {
    const e = configChange('service', 's1', 'updated', { active: true }, { active: false }, 'u1', 1000, 5);
    expect(e).toMatchObject({ type: 'config.changed', at: 1000, serviceId: 's1', counterId: null, userId: 'u1' });
    expect(e.data).toEqual({ record: 'service', recordId: 's1', action: 'updated', version: 5, changes: { active: { before: true, after: false } } });
    expect(configChange('counter', 'c1', 'deleted', { name: 'x' }, null, 'u1', 1, 3)).toMatchObject({ counterId: 'c1', data: { version: 0 } });
  });

  test('every pictogram the admin API offers is one the kiosk draws', () => {
    for (const icon of SERVICE_ICONS) expect(Object.keys(ICONS), icon).toContain(icon);
  });
});

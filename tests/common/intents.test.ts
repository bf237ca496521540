import { describe, expect, it } from 'vitest';
import { defineIntents, type IntentOf, type NoFields } from '../../common/client/intents.js';

interface ShopIntents {
  buy: { item: string; count: number };
  leave: NoFields;
}

describe('intent events', () => {
  const shop = defineIntents<ShopIntents>('shop');

  it('carry a typed intent in one bubbling, composed `<app>-intent` event', () => {
    const root = new EventTarget();
    const got: Array<IntentOf<ShopIntents>> = [];
    const raw: Event[] = [];
    root.addEventListener('shop-intent', (e) => raw.push(e));
    const stop = shop.listen(root, (i) => got.push(i));

    shop.fire(root, { type: 'buy', item: 'bread', count: 2 });
    shop.fire(root, { type: 'leave' });
    expect(got).toEqual([{ type: 'buy', item: 'bread', count: 2 }, { type: 'leave' }]);
    expect(shop.event).toBe('shop-intent');
    expect(raw.map((e) => [e.bubbles, e.composed])).toEqual([
      [true, true],
      [true, true],
    ]);

    stop();
    shop.fire(root, { type: 'leave' });
    expect(got).toHaveLength(2);
  });

  it('reach only their own app, even under the same event name', () => {
    const other = defineIntents<ShopIntents>('shop');
    const root = new EventTarget();
    const got: unknown[] = [];
    shop.listen(root, (i) => got.push(i));
    other.fire(root, { type: 'leave' });
    root.dispatchEvent(new CustomEvent('shop-intent', { detail: { type: 'leave' } }));
    expect(got).toEqual([]);
  });
});

import { afterEach, beforeEach, describe } from 'vitest';
import type { QueueStore } from '../../../server/store/store.js';
import { aggregatesContract } from './aggregates.js';
import { durabilityContract } from './durability.js';
import { eventLogContract } from './event-log.js';
import { setUpSites } from './fixtures.js';
import { numberingContract } from './numbering.js';
import { openTicketsContract } from './open-tickets.js';
import { siteIsolationContract } from './site-isolation.js';
import { unitsOfWorkContract } from './units-of-work.js';

/** A store under test, fresh and empty (its schema in place, no site yet). */
export interface OpenedStore {
  store: QueueStore;
  /** Opens the same data again after the contract closed `store`; absent where nothing outlives a store. */
  reopen?: () => Promise<QueueStore>;
  /** Removes what the store left behind (files, schemas); runs after the contract closed it. */
  cleanup: () => Promise<void>;
}

export type StoreFactory = () => Promise<OpenedStore>;

/** What each part of the contract works on: a new store per test, both sites of fixtures.ts set up. */
export interface ContractContext {
  readonly store: QueueStore;
  /** Whether the adapter can open a store's data again. */
  readonly canReopen: boolean;
  /** Closes the store and opens its data again (only where canReopen). */
  reopen(): Promise<void>;
}

/**
 * Every promise of the store seam (server/store/store.ts), checked through
 * the QueueStore interface alone, so any adapter runs it unchanged: one call
 * per adapter with a factory of empty stores.
 */
export function storeContract(name: string, open: StoreFactory): void {
  describe(`store contract: ${name}`, () => {
    let opened: OpenedStore | undefined;
    let current: QueueStore | undefined;

    const ctx: ContractContext = {
      get store() {
        if (!current) throw new Error('no store is open');
        return current;
      },
      get canReopen() {
        return opened?.reopen !== undefined;
      },
      async reopen() {
        const again = opened?.reopen;
        if (!again) throw new Error('this adapter cannot reopen a store');
        await current?.close();
        current = undefined;
        current = await again();
      },
    };

    beforeEach(async () => {
      opened = await open();
      current = opened.store;
      await setUpSites(current);
    });
    afterEach(async () => {
      await current?.close();
      current = undefined;
      await opened?.cleanup();
    });

    unitsOfWorkContract(ctx);
    numberingContract(ctx);
    eventLogContract(ctx);
    openTicketsContract(ctx);
    aggregatesContract(ctx);
    siteIsolationContract(ctx);
    durabilityContract(ctx);
  });
}

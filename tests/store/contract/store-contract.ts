import { afterEach, beforeEach, describe } from 'vitest';
import type { QueueStore } from '../../../server/store/store.js';
import { aggregatesContract } from './aggregates.js';
import { catalogAdminContract } from './catalog-admin.js';
import { durabilityContract } from './durability.js';
import { eventLogContract } from './event-log.js';
import { groupCommitContract } from './group-commit.js';
import { setUpSites } from './fixtures.js';
import { numberingContract } from './numbering.js';
import { openTicketsContract } from './open-tickets.js';
import { siteIsolationContract } from './site-isolation.js';
import { statsFactsContract } from './stats-facts.js';
import { unitsOfWorkContract } from './units-of-work.js';

/** A store under test, fresh and empty (its schema in place, no site yet). */
export interface OpenedStore {
  store: QueueStore;
  /** Opens the same data again after the contract closed `store`; absent where nothing outlives a store. */
  reopen?: () => Promise<QueueStore>;
  /** Removes what the store left behind (files, schemas); runs after the contract closed it. */
  cleanup: () => Promise<void>;
  /** Hooks for the group-commit promises; absent where every unit of work commits on its own. */
  groupCommit?: GroupCommitHooks;
}

/** What the group-commit contract observes from outside the QueueStore interface. */
export interface GroupCommitHooks {
  /** How many commits the store has made so far. */
  commits(store: QueueStore): number;
  /** The ids of a site's tickets that another connection sees committed, read at the moment of the call. */
  committedTicketIds(siteId: string): Promise<string[]>;
  /**
   * Makes the storage refuse to grow, as a full disk does, once the store is
   * idle, until the returned function is called (SQLite: a file-size limit on
   * this process). Absent where the test cannot do that.
   */
  refuseWrites?: (store: QueueStore) => Promise<() => void>;
}

export type StoreFactory = () => Promise<OpenedStore>;

/** What each part of the contract works on: a new store per test, both sites of fixtures.ts set up. */
export interface ContractContext {
  readonly store: QueueStore;
  /** Whether the adapter can open a store's data again. */
  readonly canReopen: boolean;
  /** Closes the store and opens its data again (only where canReopen). */
  reopen(): Promise<void>;
  /** The adapter's group-commit hooks, if it groups units of work. */
  readonly groupCommit: GroupCommitHooks | undefined;
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
      get groupCommit() {
        return opened?.groupCommit;
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
    groupCommitContract(ctx);
    catalogAdminContract(ctx);
    statsFactsContract(ctx);
  });
}

import DataLoader from 'dataloader';
import type { Store, StoredAgency } from '@xxgk/store';

/** Agencies by id: one statement per tick. */
export function createAgencyLoader(store: Store): DataLoader<number, StoredAgency | null> {
  return new DataLoader((ids) => store.getAgencies(ids));
}

import DataLoader from 'dataloader';
import type { Store, StoredFinding } from '@xxgk/store';

/** The findings of each report: one statement per tick. */
export function createFindingsLoader(store: Store): DataLoader<number, StoredFinding[]> {
  return new DataLoader((ids) => store.findingsByReport(ids));
}

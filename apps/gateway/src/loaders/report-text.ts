import DataLoader from 'dataloader';
import type { Store } from '@xxgk/store';

/** Reports' decoded texts by id (null where not kept): one statement per tick. */
export function createReportTextLoader(store: Store): DataLoader<number, string | null> {
  return new DataLoader((ids) => store.reportTexts(ids));
}

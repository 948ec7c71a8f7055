import DataLoader from 'dataloader';
import type { Store } from '@xxgk/store';

export interface CellKey {
  readonly reportId: number;
  readonly path: string;
}

/** Single stored cells (report, path): one statement per tick for all reports and paths asked. */
export function createCellLoader(store: Store): DataLoader<CellKey, { value: number | null; raw: string | null } | null, string> {
  return new DataLoader(
    async (keys) => {
      const values = await store.cellValues(
        keys.map((k) => k.reportId),
        keys.map((k) => k.path),
      );
      return keys.map((k) => values.get(k.reportId)?.get(k.path) ?? null);
    },
    { cacheKeyFn: (k) => `${k.reportId}\u0000${k.path}` },
  );
}

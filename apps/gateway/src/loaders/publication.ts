import DataLoader from 'dataloader';
import type { Publication, Store } from '@xxgk/store';

/** One agency's publication records for a year range (an end left null takes the store's default). */
export interface PublicationsKey {
  readonly agencyId: number;
  readonly from: number | null;
  readonly to: number | null;
}

/** Publication records: one statement per distinct year range per tick, whatever the number of agencies. */
export function createPublicationsLoader(store: Store): DataLoader<PublicationsKey, Publication[], string> {
  return new DataLoader(
    async (keys) => {
      const groups = new Map<string, { from: number | null; to: number | null; ids: number[] }>();
      for (const k of keys) {
        const range = `${k.from ?? ''}:${k.to ?? ''}`;
        const group = groups.get(range) ?? { from: k.from, to: k.to, ids: [] };
        group.ids.push(k.agencyId);
        groups.set(range, group);
      }
      const results = new Map<string, Publication[]>();
      await Promise.all(
        [...groups.entries()].map(async ([range, g]) => {
          const lists = await store.publicationsByAgency(g.ids, { yearFrom: g.from, yearTo: g.to });
          g.ids.forEach((id, i) => results.set(`${id}:${range}`, lists[i] ?? []));
        }),
      );
      return keys.map((k) => results.get(`${k.agencyId}:${k.from ?? ''}:${k.to ?? ''}`) ?? []);
    },
    { cacheKeyFn: (k) => `${k.agencyId}:${k.from ?? ''}:${k.to ?? ''}` },
  );
}

import type { Agency } from '@xxgk/schema';

/** The agency's name normalised for matching across years: NFKC, no spaces or brackets/punctuation noise. */
export function normaliseAgencyName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s\u3000·•・"'“”‘’《》〈〉「」『』]/g, '')
    .toLowerCase();
}

/** One agency across years: normalised name + region (code, else name). */
export function agencyKey(agency: Agency): string {
  const region = agency.region?.code ?? (agency.region?.name !== undefined ? normaliseAgencyName(agency.region.name) : '');
  return `${normaliseAgencyName(agency.name)}|${region}`;
}

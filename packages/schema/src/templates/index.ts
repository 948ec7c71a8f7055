import type { TemplateId } from '../report.js';
import { legacy2008 } from './legacy-2008.js';
import { national2019 } from './national-2019.js';
import { national2021 } from './national-2021.js';
import type { TemplateCatalogue } from './types.js';

export type {
  CellDef,
  CellKind,
  ColumnDef,
  Identity,
  LegacyRowDef,
  RowDef,
  SectionDef,
  TemplateCatalogue,
} from './types.js';
export { legacy2008, national2019, national2021 };
export { APPLICANT_COLUMN_DEFS, CORNER_NOTE, REVIEW_COLUMN_DEFS, REVIEW_GROUP_DEFS } from './national-common.js';

export const TEMPLATES: Readonly<Record<TemplateId, TemplateCatalogue>> = {
  'legacy-2008': legacy2008,
  'national-2019': national2019,
  'national-2021': national2021,
};

/** The catalogue of a template id. */
export function getTemplate(id: TemplateId): TemplateCatalogue {
  return TEMPLATES[id];
}

/** The template that governs reports for a given year (2008–2018 legacy, 2019–2020, 2021 on). */
export function templateForYear(year: number): TemplateId {
  if (year <= 2018) return 'legacy-2008';
  if (year <= 2020) return 'national-2019';
  return 'national-2021';
}

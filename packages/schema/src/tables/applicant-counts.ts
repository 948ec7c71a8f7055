import { z } from 'zod';
import { CellSchema } from '../cell.js';
import { SpanSchema } from '../span.js';

/** One data row of 表三: a count per applicant column (SPEC §2.4). */
export const ApplicantCountsSchema = z
  .object({
    naturalPerson: CellSchema.describe('自然人'),
    commercial: CellSchema.describe('法人或其他组织 · 商业企业'),
    research: CellSchema.describe('法人或其他组织 · 科研机构'),
    socialWelfare: CellSchema.describe('法人或其他组织 · 社会公益组织'),
    legalService: CellSchema.describe('法人或其他组织 · 法律服务机构'),
    otherOrg: CellSchema.describe('法人或其他组织 · 其他'),
    total: CellSchema.describe('总计'),
    span: SpanSchema.nullable().optional().describe('The row as a whole, label included.'),
  })
  .meta({ id: 'ApplicantCounts' });

export type ApplicantCounts = z.infer<typeof ApplicantCountsSchema>;

/** The applicant columns in template order, 总计 last. */
export const APPLICANT_COLUMNS = [
  'naturalPerson',
  'commercial',
  'research',
  'socialWelfare',
  'legalService',
  'otherOrg',
  'total',
] as const;

export type ApplicantColumn = (typeof APPLICANT_COLUMNS)[number];

import { z } from 'zod';

export const AgencyLevelSchema = z
  .enum(['national', 'provincial', 'prefectural', 'county', 'township'])
  .meta({ id: 'AgencyLevel' });

/**
 * What kind of issuer the agency is: a 人民政府 (its report is the 本级政府 report, due 3月31日 since 2019),
 * a 部门 of a government (due 1月31日), or something else (派出机构, 街道办事处 …).
 */
export const AgencyKindSchema = z.enum(['government', 'department', 'other']).meta({ id: 'AgencyKind' });

export const RegionSchema = z
  .object({
    code: z.string().optional().describe('6-digit administrative division code (GB/T 2260), when known.'),
    name: z.string().optional(),
  })
  .meta({ id: 'Region' });

export const AgencySchema = z
  .object({
    name: z.string(),
    level: AgencyLevelSchema.optional(),
    kind: AgencyKindSchema.optional(),
    region: RegionSchema.optional(),
  })
  .meta({ id: 'Agency', description: 'The government body whose report this is.' });

export type AgencyLevel = z.infer<typeof AgencyLevelSchema>;
export type AgencyKind = z.infer<typeof AgencyKindSchema>;
export type Region = z.infer<typeof RegionSchema>;
export type Agency = z.infer<typeof AgencySchema>;

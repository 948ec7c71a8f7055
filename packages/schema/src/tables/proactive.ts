import { z } from 'zod';
import { CellSchema } from '../cell.js';
import { SpanSchema } from '../span.js';

/** national-2021 第二十条第（一）项: 本年制发件数 · 本年废止件数 · 现行有效件数. */
export const DocumentCounts2021Schema = z
  .object({
    issued: CellSchema.describe('本年制发件数'),
    repealed: CellSchema.describe('本年废止件数'),
    inForce: CellSchema.describe('现行有效件数'),
  })
  .meta({ id: 'DocumentCounts2021' });

/** 表二 主动公开政府信息情况, national-2021 (SPEC §2.3). */
export const Proactive2021Schema = z
  .object({
    template: z.literal('national-2021'),
    regulations: DocumentCounts2021Schema.describe('规章'),
    normativeDocuments: DocumentCounts2021Schema.describe('行政规范性文件'),
    licensing: CellSchema.describe('第（五）项 行政许可 · 本年处理决定数量'),
    penalty: CellSchema.describe('第（六）项 行政处罚 · 本年处理决定数量'),
    enforcement: CellSchema.describe('第（六）项 行政强制 · 本年处理决定数量'),
    feesAmount: CellSchema.describe('第（八）项 行政事业性收费 · 本年收费金额（万元, decimal）'),
    span: SpanSchema.nullable().optional(),
  })
  .meta({ id: 'Proactive2021' });

/** national-2019 第二十条第（一）项: 本年新制作数量 · 本年新公开数量 · 对外公开总数量. */
export const DocumentCounts2019Schema = z
  .object({
    newlyMade: CellSchema.describe('本年新制作数量'),
    newlyPublished: CellSchema.describe('本年新公开数量'),
    totalPublished: CellSchema.describe('对外公开总数量'),
  })
  .meta({ id: 'DocumentCounts2019' });

/** national-2019 第（五）（六）项: 上一年项目数量 · 本年增/减 (signed) · 处理决定数量. */
export const ItemCounts2019Schema = z
  .object({
    prevYearItems: CellSchema.describe('上一年项目数量'),
    delta: CellSchema.describe('本年增/减 (signed)'),
    decisions: CellSchema.describe('处理决定数量'),
  })
  .meta({ id: 'ItemCounts2019' });

/** 表二, national-2019: five sub-tables (SPEC §2.3). */
export const Proactive2019Schema = z
  .object({
    template: z.literal('national-2019'),
    regulations: DocumentCounts2019Schema.describe('规章'),
    normativeDocuments: DocumentCounts2019Schema.describe('规范性文件'),
    licensing: ItemCounts2019Schema.describe('第（五）项 行政许可'),
    otherServices: ItemCounts2019Schema.describe('第（五）项 其他对外管理服务事项'),
    penalty: ItemCounts2019Schema.describe('第（六）项 行政处罚'),
    enforcement: ItemCounts2019Schema.describe('第（六）项 行政强制'),
    fees: z
      .object({ prevYearItems: CellSchema, delta: CellSchema })
      .describe('第（八）项 行政事业性收费: 上一年项目数量 · 本年增/减'),
    procurement: z
      .object({
        projects: CellSchema.describe('采购项目数量'),
        totalAmount: CellSchema.describe('采购总金额 (decimal)'),
        unit: z.string().optional().describe('The unit written with the amount (元, 万元).'),
      })
      .describe('第（九）项 政府集中采购'),
    span: SpanSchema.nullable().optional(),
  })
  .meta({ id: 'Proactive2019' });

export const ProactiveSchema = z
  .discriminatedUnion('template', [Proactive2021Schema, Proactive2019Schema])
  .meta({ id: 'Proactive', description: '表二 主动公开政府信息情况 (its shape depends on the template)' });

export type DocumentCounts2021 = z.infer<typeof DocumentCounts2021Schema>;
export type DocumentCounts2019 = z.infer<typeof DocumentCounts2019Schema>;
export type ItemCounts2019 = z.infer<typeof ItemCounts2019Schema>;
export type Proactive2021 = z.infer<typeof Proactive2021Schema>;
export type Proactive2019 = z.infer<typeof Proactive2019Schema>;
export type Proactive = z.infer<typeof ProactiveSchema>;

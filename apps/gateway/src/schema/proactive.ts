import type { DocumentCounts2019, DocumentCounts2021, ItemCounts2019, Proactive, Proactive2019, Proactive2021 } from '@xxgk/schema';
import { DocumentCounts2019Schema, DocumentCounts2021Schema, ItemCounts2019Schema, Proactive2019Schema, Proactive2021Schema } from '@xxgk/schema';
import { builder } from '../builder.js';
import { cellFields, describedFields } from './cell.js';
import { SpanRef } from './span.js';

const DocumentCounts2021Ref = builder.objectRef<DocumentCounts2021>('DocumentCounts2021').implement({
  description: '本年制发件数 · 本年废止件数 · 现行有效件数',
  fields: (t) => cellFields(t, ['issued', 'repealed', 'inForce'], describedFields(DocumentCounts2021Schema)),
});

const DocumentCounts2019Ref = builder.objectRef<DocumentCounts2019>('DocumentCounts2019').implement({
  description: '本年新制作数量 · 本年新公开数量 · 对外公开总数量',
  fields: (t) => cellFields(t, ['newlyMade', 'newlyPublished', 'totalPublished'], describedFields(DocumentCounts2019Schema)),
});

const ItemCounts2019Ref = builder.objectRef<ItemCounts2019>('ItemCounts2019').implement({
  description: '上一年项目数量 · 本年增/减 · 处理决定数量',
  fields: (t) => cellFields(t, ['prevYearItems', 'delta', 'decisions'], describedFields(ItemCounts2019Schema)),
});

type Fees2019 = Proactive2019['fees'];
const FeeItems2019Ref = builder.objectRef<Fees2019>('FeeItems2019').implement({
  description: '第（八）项 行政事业性收费: 上一年项目数量 · 本年增/减',
  fields: (t) => cellFields(t, ['prevYearItems', 'delta']),
});

type Procurement2019 = Proactive2019['procurement'];
const Procurement2019Ref = builder.objectRef<Procurement2019>('Procurement2019').implement({
  description: '第（九）项 政府集中采购',
  fields: (t) => ({
    ...cellFields(t, ['projects', 'totalAmount'], { projects: '采购项目数量', totalAmount: '采购总金额 (decimal)' }),
    unit: t.string({ nullable: true, resolve: (p) => p.unit ?? null }),
  }),
});

const d21 = describedFields(Proactive2021Schema);
export const Proactive2021Ref = builder.objectRef<Proactive2021>('Proactive2021').implement({
  description: '表二 主动公开政府信息情况 (national-2021)',
  isTypeOf: (value) => (value as Proactive).template === 'national-2021',
  fields: (t) => ({
    regulations: t.field({ type: DocumentCounts2021Ref, description: d21.regulations, resolve: (p) => p.regulations }),
    normativeDocuments: t.field({ type: DocumentCounts2021Ref, description: d21.normativeDocuments, resolve: (p) => p.normativeDocuments }),
    ...cellFields(t, ['licensing', 'penalty', 'enforcement', 'feesAmount'], d21),
    span: t.field({ type: SpanRef, nullable: true, resolve: (p) => p.span ?? null }),
  }),
});

const d19 = describedFields(Proactive2019Schema);
export const Proactive2019Ref = builder.objectRef<Proactive2019>('Proactive2019').implement({
  description: '表二 主动公开政府信息情况 (national-2019: five sub-tables)',
  isTypeOf: (value) => (value as Proactive).template === 'national-2019',
  fields: (t) => ({
    regulations: t.field({ type: DocumentCounts2019Ref, description: d19.regulations, resolve: (p) => p.regulations }),
    normativeDocuments: t.field({ type: DocumentCounts2019Ref, description: d19.normativeDocuments, resolve: (p) => p.normativeDocuments }),
    licensing: t.field({ type: ItemCounts2019Ref, description: d19.licensing, resolve: (p) => p.licensing }),
    otherServices: t.field({ type: ItemCounts2019Ref, description: d19.otherServices, resolve: (p) => p.otherServices }),
    penalty: t.field({ type: ItemCounts2019Ref, description: d19.penalty, resolve: (p) => p.penalty }),
    enforcement: t.field({ type: ItemCounts2019Ref, description: d19.enforcement, resolve: (p) => p.enforcement }),
    fees: t.field({ type: FeeItems2019Ref, description: d19.fees, resolve: (p) => p.fees }),
    procurement: t.field({ type: Procurement2019Ref, description: d19.procurement, resolve: (p) => p.procurement }),
    span: t.field({ type: SpanRef, nullable: true, resolve: (p) => p.span ?? null }),
  }),
});

export const ProactiveRef = builder.unionType('Proactive', {
  description: '表二 主动公开政府信息情况: its shape depends on the template.',
  types: [Proactive2021Ref, Proactive2019Ref],
  resolveType: (value) => (value.template === 'national-2021' ? Proactive2021Ref : Proactive2019Ref),
});


import type { Diagnostic, Fact, Fees, Section } from '@xxgk/schema';
import { builder } from '../builder.js';
import { CellRef, toCell } from './cell.js';
import { SpanRef } from './span.js';

export const SectionRef = builder.objectRef<Section>('Section');
SectionRef.implement({
  description: 'A section of the report, with its sub-sections.',
  fields: (t) => ({
    kind: t.exposeString('kind', { description: 'overview, proactive, applications, fees, reviewLitigation, problems, otherMatters, … or other.' }),
    heading: t.exposeString('heading'),
    level: t.exposeInt('level'),
    span: t.field({ type: SpanRef, resolve: (s) => s.span }),
    children: t.field({ type: [SectionRef], resolve: (s) => s.children }),
  }),
});

export const FactRef = builder.objectRef<Fact>('Fact').implement({
  description: 'A number stated in prose (共收到申请70件, 其中予以公开42件 …).',
  fields: (t) => ({
    id: t.exposeString('id'),
    label: t.exposeString('label'),
    value: t.exposeFloat('value'),
    unit: t.exposeString('unit'),
    span: t.field({ type: SpanRef, resolve: (f) => f.span }),
    partOf: t.string({ nullable: true, resolve: (f) => f.partOf ?? null }),
    quantity: t.string({ nullable: true, resolve: (f) => f.quantity ?? null }),
    negated: t.boolean({ resolve: (f) => f.negated === true }),
  }),
});

export const FeesRef = builder.objectRef<Fees>('Fees').implement({
  description: '信息处理费 disclosure (or, for legacy reports, 收费及减免).',
  fields: (t) => ({
    mentioned: t.exposeBoolean('mentioned'),
    charged: t.boolean({ nullable: true, resolve: (f) => f.charged }),
    notices: t.field({ type: CellRef, nullable: true, resolve: (f) => toCell(f.notices) }),
    amount: t.field({ type: CellRef, nullable: true, resolve: (f) => toCell(f.amount) }),
    unit: t.string({ nullable: true, resolve: (f) => f.unit ?? null }),
    statement: t.string({ nullable: true, resolve: (f) => f.statement ?? null }),
    span: t.field({ type: SpanRef, nullable: true, resolve: (f) => f.span ?? null }),
  }),
});

export const DiagnosticRef = builder.objectRef<Diagnostic>('Diagnostic').implement({
  description: 'Something the parser could not read, or read with doubt (distinct from lint findings).',
  fields: (t) => ({
    code: t.exposeString('code'),
    severity: t.exposeString('severity'),
    message: t.exposeString('message'),
    span: t.field({ type: SpanRef, nullable: true, resolve: (d) => d.span ?? null }),
    path: t.string({ nullable: true, resolve: (d) => d.path ?? null }),
  }),
});

import type { Span } from '@xxgk/schema';
import { builder } from '../builder.js';

export const SpanRef = builder.objectRef<Span>('Span').implement({
  description: 'A range of the decoded source text (offsets 0-based, lines and columns 1-based).',
  fields: (t) => ({
    start: t.exposeInt('start'),
    end: t.exposeInt('end'),
    line: t.exposeInt('line'),
    column: t.exposeInt('column'),
    endLine: t.exposeInt('endLine'),
    endColumn: t.exposeInt('endColumn'),
  }),
});

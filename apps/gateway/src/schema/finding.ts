import { findingFingerprints } from '@xxgk/lint';
import type { StoredFinding } from '@xxgk/store';
import { builder } from '../builder.js';

export const FindingRef = builder.objectRef<StoredFinding>('Finding').implement({
  description: "A lint finding, in the shape of the CLI's JSON messages (ESLint's).",
  fields: (t) => ({
    ruleId: t.string({ nullable: true, resolve: (f) => f.ruleId }),
    severity: t.int({ description: '1 = warning, 2 = error.', resolve: (f) => f.severity }),
    message: t.exposeString('message'),
    messageId: t.string({ nullable: true, resolve: (f) => f.messageId ?? null }),
    line: t.exposeInt('line'),
    column: t.exposeInt('column'),
    endLine: t.int({ nullable: true, resolve: (f) => f.endLine ?? null }),
    endColumn: t.int({ nullable: true, resolve: (f) => f.endColumn ?? null }),
    path: t.string({ nullable: true, description: 'Model path of the offending cell or field.', resolve: (f) => f.path ?? null }),
    fingerprint: t.string({
      description:
        'The finding\'s identity across re-lints, corrections and rule upgrades (rule + cell path, or rule + normalised offending text); what a review is attached to.',
      // Findings kept in versions stored before fingerprints existed: from the rule, path and quoted parts alone.
      resolve: (f) => f.fingerprint ?? findingFingerprints([f])[0] ?? '',
    }),
  }),
});

export const SeverityEnum = builder.enumType('Severity', {
  values: { WARNING: { value: 1 }, ERROR: { value: 2 } } as const,
});

import type { Rule } from '../rule.js';
import applicationBalance from './application-balance.js';
import blankTotal from './blank-total.js';
import carryoverMismatch from './carryover-mismatch.js';
import contradiction from './contradiction.js';
import conversionArtifact from './conversion-artifact.js';
import copiedText from './copied-text.js';
import documentKind from './document-kind.js';
import feeDisclosure from './fee-disclosure.js';
import garbledText from './garbled-text.js';
import governmentAccountability from './government-accountability.js';
import invalidNumber from './invalid-number.js';
import itemContinuity from './item-continuity.js';
import multipleDocuments from './multiple-documents.js';
import placeholder from './placeholder.js';
import publicationDeadline from './publication-deadline.js';
import requiredSection from './required-section.js';
import statisticsPeriod from './statistics-period.js';
import subtotalExceedsTotal from './subtotal-exceeds-total.js';
import tableSum from './table-sum.js';
import templateVersion from './template-version.js';
import yearMismatch from './year-mismatch.js';

/** Every rule, by id (alphabetical). Presets and documentation tables derive from this map. */
export const rules: Readonly<Record<string, Rule>> = Object.freeze({
  'application-balance': applicationBalance,
  'blank-total': blankTotal,
  'carryover-mismatch': carryoverMismatch,
  'contradiction': contradiction,
  'conversion-artifact': conversionArtifact,
  'copied-text': copiedText,
  'document-kind': documentKind,
  'fee-disclosure': feeDisclosure,
  'garbled-text': garbledText,
  'government-accountability': governmentAccountability,
  'invalid-number': invalidNumber,
  'item-continuity': itemContinuity,
  'multiple-documents': multipleDocuments,
  'placeholder': placeholder,
  'publication-deadline': publicationDeadline,
  'required-section': requiredSection,
  'statistics-period': statisticsPeriod,
  'subtotal-exceeds-total': subtotalExceedsTotal,
  'table-sum': tableSum,
  'template-version': templateVersion,
  'year-mismatch': yearMismatch,
});

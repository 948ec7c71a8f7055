import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { recommended, rules, strict } from '../src/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const names = (dir: string, suffix: string): string[] =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith(suffix) && f !== 'index.ts')
    .map((f) => f.slice(0, -suffix.length))
    .sort();

/** The rule ids of DESIGN.md (the CLI's JSON contract) with their default severity from SPEC §7. */
const CONTRACT: Readonly<Record<string, 'error' | 'warn'>> = {
  'application-balance': 'error',
  'blank-total': 'warn',
  'carryover-mismatch': 'warn',
  contradiction: 'error',
  'conversion-artifact': 'warn',
  'document-kind': 'warn',
  'fee-disclosure': 'warn',
  'garbled-text': 'error',
  'government-accountability': 'warn',
  'invalid-number': 'error',
  'item-continuity': 'warn',
  'multiple-documents': 'error',
  placeholder: 'error',
  'publication-deadline': 'warn',
  'required-section': 'error',
  'statistics-period': 'warn',
  'subtotal-exceeds-total': 'error',
  'table-sum': 'error',
  'template-version': 'error',
  'year-mismatch': 'error',
};

describe('rule files, index, docs and tests are in bijection', () => {
  const ids = Object.keys(rules);
  it('the index is alphabetical', () => {
    expect(ids).toEqual([...ids].sort());
  });
  it('src/rules/<id>.ts ↔ index', () => {
    expect(names('src/rules', '.ts')).toEqual(ids);
  });
  it('docs/rules/<id>.md ↔ index', () => {
    expect(names('docs/rules', '.md')).toEqual(ids);
  });
  it('tests/rules/<id>.test.ts ↔ index', () => {
    expect(names('tests/rules', '.test.ts')).toEqual(ids);
  });
  it('every DESIGN.md rule id exists', () => {
    for (const id of Object.keys(CONTRACT)) expect(ids, id).toContain(id);
  });
});

describe.each(Object.entries(rules))('%s', (id, rule) => {
  const source = readFileSync(join(root, 'src/rules', `${id}.ts`), 'utf8');
  it('meta.id is the file name and the docs url points at its doc', () => {
    expect(rule.meta.id).toBe(id);
    expect(rule.meta.docs.url.endsWith(`/docs/rules/${id}.md`)).toBe(true);
  });
  it('the description starts with Require/Disallow/Enforce and has no final period', () => {
    expect(rule.meta.docs.description).toMatch(/^(Require|Disallow|Enforce) /);
    expect(rule.meta.docs.description).not.toMatch(/[.。]$/);
  });
  it('has the default severity of SPEC §7', () => {
    if (id in CONTRACT) expect(rule.meta.defaultSeverity).toBe(CONTRACT[id]);
  });
  it('uses every message id it declares', () => {
    for (const messageId of Object.keys(rule.meta.messages)) {
      expect(source.includes(`'${messageId}'`) || source.includes(`"${messageId}"`), messageId).toBe(true);
    }
  });
  it('the presets agree with meta', () => {
    const base = rule.meta.docs.recommended === true ? rule.meta.defaultSeverity : 'off';
    expect(recommended[id]).toBe(base);
    expect(strict[id]).toBe(base === 'off' ? 'warn' : 'error');
  });
  it('its test file runs the rule tester under its id', () => {
    const test = readFileSync(join(root, 'tests/rules', `${id}.test.ts`), 'utf8');
    expect(test).toContain(`ruleTester.run('${id}'`);
    expect(test.indexOf('valid:')).toBeLessThan(test.indexOf('invalid:'));
  });
});

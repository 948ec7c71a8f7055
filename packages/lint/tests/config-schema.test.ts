import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { configJsonSchema, rules } from '../src/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

describe('config.schema.json', () => {
  it('is generated from the rule map and committed', async () => {
    await expect(`${JSON.stringify(configJsonSchema(), null, 2)}\n`).toMatchFileSnapshot('../config.schema.json');
  });

  it('accepts valid configurations and rejects unknown rules and severities', () => {
    const schema = JSON.parse(readFileSync(join(root, 'config.schema.json'), 'utf8')) as Record<string, unknown>;
    const validate = new Ajv2020.default({ strict: false }).compile(schema);
    expect(validate({ preset: 'strict', rules: { 'table-sum': 'warn', 'blank-total': 0, 'document-kind': ['error', {}] } })).toBe(true);
    expect(validate({ rules: { 'no-such-rule': 'warn' } })).toBe(false);
    expect(validate({ rules: { 'table-sum': 'loud' } })).toBe(false);
    expect(validate({ plugins: [] })).toBe(false);
    expect(Object.keys((schema.properties as { rules: { properties: object } }).rules.properties)).toEqual(Object.keys(rules));
  });
});

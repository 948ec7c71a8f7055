import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { reportJsonSchema } from '../src/index.js';
import { report2021 } from './fixtures.js';

describe('report.schema.json', () => {
  it('is generated from the zod model and committed', async () => {
    await expect(`${JSON.stringify(reportJsonSchema(), null, 2)}\n`).toMatchFileSnapshot('../json-schema/report.schema.json');
  });

  it('validates a report the zod schema accepts and rejects one it refuses', () => {
    const ajv = new Ajv2020({ strict: false });
    const validate = ajv.compile(reportJsonSchema());
    expect(validate(report2021()), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...report2021(), template: 'national-2022' })).toBe(false);
  });
});

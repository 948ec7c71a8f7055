// Writes json-schema/report.schema.json from the zod model (run after `build`).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reportJsonSchema } from '../dist/json-schema.js';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'json-schema', 'report.schema.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(reportJsonSchema(), null, 2)}\n`);
console.log(`wrote ${out}`);

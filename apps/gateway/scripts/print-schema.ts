// Writes schema.graphql (committed; tests/schema.test.ts guards it with toMatchFileSnapshot).
// `pnpm --filter @xxgk/gateway print-schema` regenerates it through that test; on Node ≥ 22.6 this file
// also runs directly: node --experimental-strip-types scripts/print-schema.ts
import { writeFileSync } from 'node:fs';
import { printSchemaSDL } from '../src/yoga.js';

writeFileSync(new URL('../schema.graphql', import.meta.url), printSchemaSDL());

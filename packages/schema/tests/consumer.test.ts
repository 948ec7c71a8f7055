import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Packs @xxgk/schema as it would be published, installs the tarball into a throwaway TypeScript
 * project and type-checks and runs code that imports it the way a downstream user would.
 */
const pkgDir = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
let project = '';

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'xxgk-consumer-'));
  run('pnpm', ['pack', '--pack-destination', project], pkgDir);
  const tarball = readdirSync(project).find((f) => f.endsWith('.tgz'));
  if (tarball === undefined) throw new Error('pnpm pack produced no tarball');
  const target = join(project, 'node_modules', '@xxgk', 'schema');
  mkdirSync(target, { recursive: true });
  run('tar', ['-xzf', join(project, tarball), '-C', target, '--strip-components=1'], project);
  // The tarball's one dependency, zod, comes from this workspace's store (no network).
  symlinkSync(dirname(require.resolve('zod/package.json')), join(project, 'node_modules', 'zod'), 'dir');
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, skipLibCheck: false, types: [] },
      include: ['index.ts'],
    }),
  );
  writeFileSync(
    join(project, 'index.ts'),
    `import { ReportSchema, cellValue, type Report, type ApplicantCounts } from '@xxgk/schema';
import { national2021, templateForYear, type Identity } from '@xxgk/schema/templates';

const identities: readonly Identity[] = national2021.identities;
const row: ApplicantCounts = { naturalPerson: 1, commercial: 0, research: 0, socialWelfare: 0, legalService: 0, otherOrg: 0, total: 1 };
const title: Report['title'] = 'x';
const result = ReportSchema.safeParse({ title });
console.log(JSON.stringify({ ok: result.success, identities: identities.length, template: templateForYear(2024), total: cellValue(row.total) }));
`,
  );
  writeFileSync(
    join(project, 'schema.mjs'),
    `import schema from '@xxgk/schema/report.schema.json' with { type: 'json' };
console.log(schema.$defs.Report.type);`,
  );
}, 120_000);

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('the packed @xxgk/schema', () => {
  it('type-checks a downstream project under NodeNext (library types included)', () => {
    const tsc = require.resolve('typescript/bin/tsc');
    expect(() => run(process.execPath, [tsc, '-p', project, '--noEmit', 'false', '--outDir', join(project, 'out')], project)).not.toThrow();
  }, 120_000);

  it('runs the way a downstream user imports it, JSON Schema included', () => {
    const out = JSON.parse(run(process.execPath, [join(project, 'out', 'index.js')], project)) as Record<string, unknown>;
    expect(out).toEqual({ ok: false, identities: 42, template: 'national-2021', total: 1 });
    expect(run(process.execPath, [join(project, 'schema.mjs')], project).trim()).toBe('object');
  });
});

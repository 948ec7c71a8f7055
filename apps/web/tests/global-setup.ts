import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/** The page tests need the built page (dist/public): build it from the current sources (~0.3 s). */
export default async function setup(): Promise<void> {
  const root = fileURLToPath(new URL('../', import.meta.url));
  await build({ configFile: `${root}vite.config.ts`, logLevel: 'warn' });
}

import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { memoryIo } from '../src/io.js';

describe('xxgk serve', () => {
  it('refuses a bad port and unknown options before opening any database', async () => {
    const port = memoryIo({ env: { PORT: 'eighty' } });
    expect(await main(['serve'], port)).toBe(2);
    expect(port.err).toContain('--port must be an integer');
    const option = memoryIo();
    expect(await main(['serve', '--tls'], option)).toBe(2);
    expect(option.err).toContain('unknown option --tls');
  });

  it('documents its environment in --help', async () => {
    const io = memoryIo();
    expect(await main(['serve', '--help'], io)).toBe(0);
    for (const name of ['DATABASE_URL', 'XXGK_DATA_DIR', 'PORT', 'XXGK_API_TOKENS']) expect(io.out).toContain(name);
  });
});

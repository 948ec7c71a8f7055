/** What a command reads and writes: injected, so tests need no subprocess. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readStdin(): Promise<Uint8Array>;
  /** True when stdout is a terminal (progress bars, colours). */
  readonly isTTY?: boolean;
}

/** The process's own io. */
export function processIo(): Io {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    isTTY: process.stdout.isTTY,
    async readStdin() {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return new Uint8Array(Buffer.concat(chunks));
    },
  };
}

/** An in-memory io for tests: collects what a command prints. */
export function memoryIo(options: { cwd?: string; stdin?: Uint8Array | string; env?: Record<string, string> } = {}): Io & {
  out: string;
  err: string;
} {
  const io = {
    out: '',
    err: '',
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? {},
    isTTY: false,
    stdout(text: string) {
      io.out += text;
    },
    stderr(text: string) {
      io.err += text;
    },
    readStdin() {
      const input = options.stdin ?? new Uint8Array();
      return Promise.resolve(typeof input === 'string' ? new TextEncoder().encode(input) : input);
    },
  };
  return io;
}

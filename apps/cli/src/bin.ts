#!/usr/bin/env node
import { main } from './cli.js';
import { ExitCode } from './exit-codes.js';
import { processIo } from './io.js';

main(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`xxgk: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = ExitCode.Usage;
  },
);

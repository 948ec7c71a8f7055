export { main } from './cli.js';
export { ExitCode } from './exit-codes.js';
export { type Io, memoryIo, processIo } from './io.js';

/** Exit codes of every command (DESIGN.md): 0 clean, 1 errors found, 2 bad usage or unreadable input. */
export const ExitCode = {
  Ok: 0,
  Errors: 1,
  Usage: 2,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

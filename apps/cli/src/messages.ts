/** One-line texts for the CLI's own errors, by code (ESLint's messages/ idea). */
export const messages = {
  UNKNOWN_COMMAND: (name: string) => `xxgk: unknown command "${name}". Run "xxgk --help" for the list.`,
  MISSING_FILE: (command: string) => `xxgk ${command}: missing FILE argument.`,
  UNKNOWN_OPTION: (command: string, option: string) => `xxgk ${command}: unknown option ${option}.`,
  BAD_FORMAT: (command: string, value: string, allowed: readonly string[]) =>
    `xxgk ${command}: --format must be one of ${allowed.join(', ')} (got "${value}").`,
  UNREADABLE: (file: string, reason: string) => `xxgk: cannot read ${file}: ${reason}`,
} as const;

/** One `closecall` sub-command. `run` returns the process exit code. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(args: string[], io: CommandIO): Promise<number>;
}

export interface CommandIO {
  out(line: string): void;
  err(line: string): void;
  env: Record<string, string | undefined>;
  /** Standard input as text (for commands that read it, e.g. redact). */
  readStdin(): Promise<string>;
}

/** Bad arguments: printed with the command's usage, exit code 2. */
export class UsageError extends Error {}

import type { CommandIO } from "../../cli/command";

/** A `closecall` command's IO for tests: what it printed, the environment it sees, and its stdin. */
export function captureIO(
  env: Record<string, string | undefined> = {},
  stdin = "",
): CommandIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l), env, readStdin: async () => stdin };
}

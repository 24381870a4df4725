import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "./command";

/** node:util parseArgs with errors turned into UsageError (clear message, exit code 2). */
export function parseOptions<T extends NonNullable<ParseArgsConfig["options"]>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

export function integerOption(value: string | undefined, name: string, fallback: number, min = 0): number {
  if (value === undefined) return fallback;
  if (!/^-?\d+$/.test(value) || Number(value) < min) {
    throw new UsageError(
      `--${name} must be a whole number${min > 0 ? ` of at least ${min}` : " (0 or more)"}, got "${value}"`,
    );
  }
  return Number(value);
}

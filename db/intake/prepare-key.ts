import type { Executor } from "../database";
import { ensureKeyFile, keyFilePath, loadServerKey } from "./server-key";

/**
 * At server start: creates the key file on first start (no INTAKE_KEY, nothing stored yet) and says
 * whether intake is open. The line is for the operator; it never contains key material.
 */
export async function prepareIntakeKey(
  db: Executor,
  options: { envKey: string | undefined; dataDir: string },
): Promise<string> {
  let created = false;
  if (options.envKey === undefined) {
    const row = await db
      .selectFrom("submissions")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    created = ensureKeyFile(options.dataDir, row.n > 0).created;
  }
  const result = loadServerKey(options);
  if (!result.ok) return `Intake is CLOSED (answers 503): ${result.reason}.`;
  if (created)
    return (
      `Intake key created at ${keyFilePath(options.dataDir)} (mode 600): back it up; without it stored reports ` +
      `cannot be read.`
    );
  return (
    `Intake key ${result.key.id} loaded ` +
    `from ${result.source === "environment" ? "INTAKE_KEY" : keyFilePath(options.dataDir)}.`
  );
}

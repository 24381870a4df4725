import path from "node:path";
import { restorePostgres } from "../../db/backup/postgres-backup";
import { restoreBackup } from "../../db/backup/restore";
import { withoutPassword } from "../../db/open-postgres";
import { loadServerKey } from "../../db/intake/server-key";
import { type Command, UsageError } from "../command";
import { resolveDatabasePath } from "../database-path";
import { parseOptions } from "../parse";

export const restore: Command = {
  name: "restore",
  summary:
    "restore a backup into a new database, verified table by table and by its audit chain (--force replaces one)",
  usage: "closecall restore DIR [--db PATH] [--force]   (DATABASE_URL set and no --db: into that empty database)",
  async run(args, io) {
    const { values, positionals } = parseOptions(args, { db: { type: "string" }, force: { type: "boolean" } });
    if (positionals.length !== 1) throw new UsageError("Give the one backup folder to restore.");
    const target = resolveDatabasePath(values.db, io.env);
    // The audit chain is checked with the key of the deployment restored into, found as the server finds it.
    const key = loadServerKey({ envKey: io.env.INTAKE_KEY, dataDir: path.dirname(target) });
    if (!key.ok) {
      io.err(
        `Cannot verify the backup's audit log without the server key: ${key.reason}. Backups never hold the key: ` +
          `set INTAKE_KEY or put the deployment's intake.key (mode 600) beside ${target} first.`,
      );
      return 1;
    }
    const postgres = values.db === undefined ? io.env.DATABASE_URL : undefined;
    if (postgres) {
      const restored = await restorePostgres({ dir: positionals[0]!, url: postgres, auditKey: key.key.auditKey });
      io.out(
        `Restored ${withoutPassword(postgres)} from the backup of ${restored.manifest.createdAt}: ` +
          `${restored.manifest.tables.length} tables and ${restored.rows.toLocaleString("en-US")} rows match the ` +
          `manifest; audit log intact (${restored.auditEntries.toLocaleString("en-US")} entries).`,
      );
      return 0;
    }
    const result = await restoreBackup({
      dir: positionals[0]!,
      target,
      force: values.force ?? false,
      auditKey: key.key.auditKey,
    });
    io.out(
      `Restored ${target} from the backup of ${result.manifest.createdAt}: ${result.manifest.tables.length} tables ` +
        `and ${result.rows.toLocaleString("en-US")} rows match the manifest; audit log intact ` +
        `(${result.auditEntries.toLocaleString("en-US")} entries).`,
    );
    if (result.migrated.length > 0)
      io.out(`Then applied migrations newer than the backup: ${result.migrated.join(", ")}.`);
    return 0;
  },
};

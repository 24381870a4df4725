import { backupDatabase } from "../../db/backup/backup";
import { backupPostgres } from "../../db/backup/postgres-backup";
import { withoutPassword } from "../../db/open-postgres";
import { type Command, UsageError } from "../command";
import { resolveDatabasePath } from "../database-path";
import { parseOptions } from "../parse";

export const backup: Command = {
  name: "backup",
  summary:
    "write a complete, verifiable copy of the database into a new folder (Parquet files, or pg_dump's with " +
    "DATABASE_URL set, and a manifest)",
  usage: "closecall backup DIR [--db PATH]   (DATABASE_URL set and no --db: the PostgreSQL database)",
  async run(args, io) {
    const { values, positionals } = parseOptions(args, { db: { type: "string" } });
    if (positionals.length !== 1) throw new UsageError("Give one folder to write the backup into.");
    const postgres = values.db === undefined ? io.env.DATABASE_URL : undefined;
    const location = postgres ? withoutPassword(postgres) : resolveDatabasePath(values.db, io.env);
    const manifest = postgres
      ? await backupPostgres(postgres, positionals[0]!)
      : await backupDatabase(location, positionals[0]!);
    const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
    io.out(
      `Backed up ${location} into ${positionals[0]}: ${manifest.tables.length} tables, ` +
        `${rows.toLocaleString("en-US")} rows, ${manifest.auditHead?.seq ?? 0} audit entries.`,
    );
    io.out(
      "The backup holds sealed submissions and the audit log, not the server key: keep the key elsewhere " +
        "(docs/operations.md#backups).",
    );
    return 0;
  },
};

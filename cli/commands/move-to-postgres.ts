import { verifyAuditChain } from "../../db/audit/audit-log";
import { compareRowCounts, copyRecordTables, TargetInUseError } from "../../db/move/copy-database";
import { openPostgres } from "../../db/open-postgres";
import { type Command, UsageError } from "../command";
import { deploymentAuditAnchor, resolveDatabasePath, withDatabase } from "../database-path";
import { parseOptions } from "../parse";

export const moveToPostgres: Command = {
  name: "move-to-postgres",
  summary:
    "copy this embedded deployment's records into an empty PostgreSQL database, then check every table's row " +
    "count and the audit chain there (exit 1 if anything differs)",
  usage: "closecall move-to-postgres --to postgres://USER@HOST/DB [--db PATH]",
  async run(args, io) {
    const { values, positionals } = parseOptions(args, { to: { type: "string" }, db: { type: "string" } });
    if (positionals.length) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
    if (!values.to || !/^postgres(ql)?:\/\//.test(values.to))
      throw new UsageError("--to needs the PostgreSQL database to move into, as postgres://USER@HOST/DB.");
    const location = resolveDatabasePath(values.db, io.env);
    const anchor = deploymentAuditAnchor(location, io, "check the audit log after the move");
    if (!anchor) return 1;
    return withDatabase(
      location,
      async (source) => {
        const target = await openPostgres(values.to!);
        try {
          io.out(`Moving ${location} into ${target.location} …`);
          try {
            await copyRecordTables(source.db, target.db, {
              progress: (c) => io.out(`  ${c.table.padEnd(24)} ${c.rows.toLocaleString("en-US").padStart(12)} rows`),
            });
          } catch (error) {
            if (error instanceof TargetInUseError) {
              io.err(error.message);
              return 1;
            }
            throw error;
          }
          const { checks, differing } = await compareRowCounts(source.db, target.db);
          for (const d of differing)
            io.err(`Row count of ${d.table} differs: ${d.source} here, ${d.target} in PostgreSQL.`);
          const audit = await verifyAuditChain(target.db, anchor);
          if (!audit.ok)
            io.err(`The audit chain does not verify in PostgreSQL at entry ${audit.brokenAt}: ${audit.problem}.`);
          if (differing.length || !audit.ok) return 1;
          io.out(
            `Moved: ${checks.length} tables, every row count equal; audit chain intact in PostgreSQL ` +
              `(${audit.entries.toLocaleString("en-US")} entries, head ${audit.headHash}). Derived tables (rollups, ` +
              "search index) are not copied: they are built from the published reports where the analytics run.",
          );
          return 0;
        } finally {
          await target.close();
        }
      },
      io.env,
    );
  },
};

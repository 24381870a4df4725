import { sql } from "kysely";
import type { Command } from "../command";
import { resolveDatabasePath, withDatabase } from "../database-path";
import { parseOptions } from "../parse";

export const stats: Command = {
  name: "stats",
  summary: "print row counts of every table",
  usage: "closecall stats [--db PATH] [--json]",
  async run(args, io) {
    const { values } = parseOptions(args, { db: { type: "string" }, json: { type: "boolean" } });
    const location = resolveDatabasePath(values.db, io.env);
    return withDatabase(location, async (database) => {
      const tables = await database.db.introspection.getTables();
      const counts: Record<string, number> = {};
      for (const table of tables.sort((a, b) => a.name.localeCompare(b.name))) {
        const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table.name)}`.execute(
          database.db,
        );
        counts[table.name] = rows[0]!.n;
      }
      if (values.json) io.out(JSON.stringify(counts));
      else for (const [name, n] of Object.entries(counts)) io.out(`${name.padEnd(24)} ${n.toLocaleString("en-US")}`);
      return 0;
    });
  },
};

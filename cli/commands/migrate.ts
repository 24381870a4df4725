import type { Command } from "../command";
import { resolveDatabasePath, withDatabase } from "../database-path";
import { parseOptions } from "../parse";

export const migrate: Command = {
  name: "migrate",
  summary: "apply pending database migrations",
  usage: "closecall migrate [--db PATH]",
  async run(args, io) {
    const { values } = parseOptions(args, { db: { type: "string" } });
    const location = resolveDatabasePath(values.db, io.env);
    return withDatabase(location, async (database) => {
      io.out(database.applied.length ? `Applied: ${database.applied.join(", ")}` : `${location} is up to date.`);
      return 0;
    });
  },
};

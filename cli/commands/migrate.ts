import { openDatabase } from "../../db/open";
import type { Command } from "../command";
import { resolveDatabasePath } from "../database-path";
import { parseOptions } from "../parse";

export const migrate: Command = {
  name: "migrate",
  summary: "apply pending database migrations",
  usage: "closecall migrate [--db PATH]",
  async run(args, io) {
    const { values } = parseOptions(args, { db: { type: "string" } });
    const location = resolveDatabasePath(values.db, io.env);
    const database = await openDatabase({ location });
    try {
      io.out(database.applied.length ? `Applied: ${database.applied.join(", ")}` : `${location} is up to date.`);
    } finally {
      await database.close();
    }
    return 0;
  },
};

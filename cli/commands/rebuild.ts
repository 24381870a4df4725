import { openDatabase } from "../../db/open";
import { derivedData, rebuildDerivedData } from "../../server/derived-data";
import type { Command } from "../command";
import { resolveDatabasePath } from "../database-path";
import { parseOptions } from "../parse";

export const rebuild: Command = {
  name: "rebuild",
  summary: "rebuild derived data (search index, analytics rollups) from published reports",
  usage: "closecall rebuild [--db PATH]",
  async run(args, io) {
    const { values } = parseOptions(args, { db: { type: "string" } });
    const database = await openDatabase({ location: resolveDatabasePath(values.db, io.env) });
    try {
      if (derivedData.length === 0) io.out("Nothing to rebuild.");
      await rebuildDerivedData(database, io.out);
    } finally {
      await database.close();
    }
    return 0;
  },
};

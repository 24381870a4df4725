import { derivedData, rebuildDerivedData } from "../../orchestration/derived-data";
import type { Command } from "../command";
import { resolveDatabasePath, withDatabase } from "../database-path";
import { parseOptions } from "../parse";

export const rebuild: Command = {
  name: "rebuild",
  summary: "rebuild derived data (search index, analytics rollups) from published reports",
  usage: "closecall rebuild [--db PATH]",
  async run(args, io) {
    const { values } = parseOptions(args, { db: { type: "string" } });
    return withDatabase(resolveDatabasePath(values.db, io.env), async (database) => {
      if (derivedData.length === 0) io.out("Nothing to rebuild.");
      await rebuildDerivedData(database, io.out);
      return 0;
    });
  },
};

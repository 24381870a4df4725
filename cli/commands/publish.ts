import path from "node:path";
import { readConfig } from "../../orchestration/config";
import { loadServerKey } from "../../db/intake/server-key";
import { publishBatch } from "../../orchestration/publication";
import type { Command } from "../command";
import { resolveDatabasePath, withDatabase } from "../database-path";
import { parseOptions } from "../parse";

export const publish: Command = {
  name: "publish",
  summary: "publish the approved reports now, as one batch (the daily job does this at 03:00 UTC)",
  usage: "closecall publish [--db PATH]",
  async run(args, io) {
    const { values } = parseOptions(args, { db: { type: "string" } });
    const location = resolveDatabasePath(values.db, io.env);
    const config = readConfig(io.env);
    // The key file sits beside the database (DATA_DIR), unless INTAKE_KEY is set.
    const key = loadServerKey({ envKey: config.intakeKey, dataDir: path.dirname(location) });
    if (!key.ok) {
      io.err(`Cannot read the approved drafts: ${key.reason}.`);
      return 1;
    }
    return withDatabase(
      location,
      async (database) => {
        const result = await publishBatch(database.db, key.key, {
          retentionDays: config.retentionDays,
          runBy: null,
          privacy: { k: config.privacyK, agencyMinReports: config.agencyMinReports },
          log: io.out,
        });
        io.out(
          result.reportIds.length
            ? `Published ${result.reportIds.length} report(s): ${result.publicNumbers.join(", ")}.`
            : "No approved reports are waiting.",
        );
        for (const s of result.skipped) io.out(`Held back ${s.id}: ${s.why}.`);
        return 0;
      },
      io.env,
    );
  },
};

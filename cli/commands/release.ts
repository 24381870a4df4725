import { readConfig } from "../../orchestration/config";
import { releaseBook } from "../../analytics/release-book/release-job";
import { type Command, UsageError } from "../command";
import { resolveDatabasePath, withDatabase } from "../database-path";
import { parseOptions } from "../parse";

export const release: Command = {
  name: "release",
  summary:
    "release the agencies' books for closed quarters of publication (the daily job and each publication do it too)",
  usage: "closecall release [--quarter 2026-Q3] [--db PATH]",
  async run(args, io) {
    const { values } = parseOptions(args, { quarter: { type: "string" }, db: { type: "string" } });
    if (values.quarter !== undefined && !/^\d{4}-Q[1-4]$/.test(values.quarter))
      throw new UsageError(`--quarter takes a quarter like 2026-Q3, not “${values.quarter}”`);
    const config = readConfig(io.env);
    return withDatabase(resolveDatabasePath(values.db, io.env), async (database) => {
      const today = new Date().toISOString().slice(0, 10);
      let summary;
      try {
        summary = await releaseBook(database.db, {
          today,
          upTo: values.quarter,
          rules: { k: config.privacyK, agencyMinReports: config.agencyMinReports },
          log: io.out,
        });
      } catch (error) {
        if (error instanceof RangeError) throw new UsageError(error.message);
        throw error;
      }
      io.out(
        summary.releases === 0
          ? `Every active agency's book is released up to ${summary.upTo}.`
          : `Released ${summary.releases} book(s) of ${summary.agencies} agencies up to ${summary.upTo} ` +
              `in ${summary.seconds.toFixed(1)} s (${summary.lpSolves} linear programs, ${summary.complements} ` +
              `cells withheld to protect others).`,
      );
      return 0;
    });
  },
};

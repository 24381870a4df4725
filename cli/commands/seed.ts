import { seedSyntheticData } from "../../db/synthetic/seed";
import { readConfig } from "../../orchestration/config";
import { releaseClosedQuarters } from "../../orchestration/book-release";
import { rebuildDerivedData } from "../../orchestration/derived-data";
import type { Command } from "../command";
import { resolveDatabasePath, withDatabase } from "../database-path";
import { integerOption, parseOptions } from "../parse";

export const seed: Command = {
  name: "seed",
  summary: "load the synthetic national dataset into an empty database",
  usage: "closecall seed --reports N --seed S [--agencies N] [--demo-accounts] [--db PATH]",
  async run(args, io) {
    const { values } = parseOptions(args, {
      reports: { type: "string" },
      seed: { type: "string" },
      agencies: { type: "string" },
      "demo-accounts": { type: "boolean" },
      db: { type: "string" },
    });
    const reports = integerOption(values.reports, "reports", 25_000);
    const seedValue = integerOption(values.seed, "seed", 20261129);
    const agencies = integerOption(values.agencies, "agencies", 3000, 10);
    const location = resolveDatabasePath(values.db, io.env);
    return withDatabase(location, async (database) => {
      const summary = await seedSyntheticData(database.instance, database.db, {
        reports,
        seed: seedValue,
        agencies,
        demoAccounts: values["demo-accounts"] ?? false,
      });
      io.out(
        `Seeded ${location}: ${summary.agencies} agencies, ${summary.reports} reports ` +
          `(${summary.reportFactors} factor rows), ${summary.demoAccounts} demo accounts ` +
          `in ${summary.seconds.toFixed(2)} s`,
      );
      await rebuildDerivedData(database, io.out);
      const config = readConfig(io.env);
      await releaseClosedQuarters(
        database.db,
        { k: config.privacyK, agencyMinReports: config.agencyMinReports },
        io.out,
      );
      return 0;
    });
  },
};

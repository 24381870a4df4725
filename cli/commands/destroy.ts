import { destroyDueSubmissions, returnUnansweredQuestions } from "../../db/review/retention";
import type { Command } from "../command";
import { resolveDatabasePath, withDatabase } from "../database-path";
import { parseOptions } from "../parse";

export const destroy: Command = {
  name: "destroy",
  summary:
    "destroy raw submissions past their retention window and time out unanswered questions (the daily job does " +
    "this too)",
  usage: "closecall destroy [--db PATH]",
  async run(args, io) {
    const { values } = parseOptions(args, { db: { type: "string" } });
    return withDatabase(
      resolveDatabasePath(values.db, io.env),
      async (database) => {
        const timedOut = await returnUnansweredQuestions(database.db);
        const destroyed = await destroyDueSubmissions(database.db);
        io.out(
          `Destroyed the raw data of ${destroyed.length} submission(s); ${timedOut.length} unanswered question(s) ` +
            `timed out.`,
        );
        return 0;
      },
      io.env,
    );
  },
};

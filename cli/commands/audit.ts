import { verifyAuditChain } from "../../db/audit/audit-log";
import { type Command, UsageError } from "../command";
import { resolveDatabasePath, withDatabase } from "../database-path";
import { parseOptions } from "../parse";

export const audit: Command = {
  name: "audit",
  summary: "check the audit log's hash chain (exit 1 if any entry was edited, removed or inserted)",
  usage: "closecall audit verify [--db PATH]",
  async run(args, io) {
    const { values, positionals } = parseOptions(args, { db: { type: "string" } });
    if (positionals[0] !== "verify" || positionals.length !== 1) throw new UsageError("The only audit sub-command is \"verify\".");
    return withDatabase(resolveDatabasePath(values.db, io.env), async (database) => {
      const result = await verifyAuditChain(database.db);
      if (!result.ok) {
        io.err(`Audit log BROKEN at entry ${result.brokenAt}: ${result.problem}. ${result.entries} entries before it verified.`);
        return 1;
      }
      io.out(`Audit log intact: ${result.entries.toLocaleString("en-US")} entries. Head hash ${result.headHash}`);
      io.out("Keep the head hash somewhere else (e.g. a ticket or a signed note) to detect a rewrite of the whole chain later.");
      return 0;
    });
  },
};

import { verifyAuditChain } from "../../db/audit/audit-log";
import { type Command, UsageError } from "../command";
import { deploymentAuditAnchor, resolveDatabasePath, withDatabase } from "../database-path";
import { parseOptions } from "../parse";

export const audit: Command = {
  name: "audit",
  summary:
    "check the audit log's keyed hash chain and its head file (exit 1 if any entry was edited, removed or inserted)",
  usage: "closecall audit verify [--db PATH]",
  async run(args, io) {
    const { values, positionals } = parseOptions(args, { db: { type: "string" } });
    if (positionals[0] !== "verify" || positionals.length !== 1)
      throw new UsageError('The only audit sub-command is "verify".');
    const location = resolveDatabasePath(values.db, io.env);
    const anchor = deploymentAuditAnchor(location, io, "check the audit log");
    if (!anchor) return 1;
    const headFile = anchor.headFile!;
    return withDatabase(
      location,
      async (database) => {
        const result = await verifyAuditChain(database.db, anchor);
        if (!result.ok) {
          io.err(
            `Audit log BROKEN at entry ${result.brokenAt}: ${result.problem}. ${result.entries} entries before it ` +
              `verified.`,
          );
          return 1;
        }
        io.out(`Audit log intact: ${result.entries.toLocaleString("en-US")} entries. Head hash ${result.headHash}`);
        if (result.anchor === "behind")
          io.out(
            `The head file ${headFile} names an earlier entry (the server stopped between an entry and its head): ` +
              `the entries after it verified by their keyed hashes.`,
          );
        io.out(
          "Compare the head hash with one you kept elsewhere (a ticket, a signed note): only that shows a rewrite " +
            "by someone who also had the key.",
        );
        return 0;
      },
      io.env,
    );
  },
};

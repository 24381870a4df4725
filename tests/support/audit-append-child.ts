// A second app process appending to the audit log (tests of scale-out: two processes, one PostgreSQL).
// Usage: tsx audit-append-child.ts URL KEY_HEX COUNT — prints "done N" when every append committed.
import { useAuditAnchor } from "../../db/audit/audit-anchor";
import { appendAuditEntry } from "../../db/audit/audit-log";
import { openPostgres } from "../../db/open-postgres";

const [url, keyHex, count] = process.argv.slice(2);
const store = await openPostgres(url!);
useAuditAnchor({ key: Buffer.from(keyHex!, "hex"), headFile: null });
try {
  for (let i = 0; i < Number(count); i++)
    await appendAuditEntry(store.db, {
      actorUserId: null,
      action: "sign_in.failed",
      detail: { process: process.pid, i },
    });
  process.stdout.write(`done ${count}\n`);
} finally {
  await store.close();
}

// A second app process appending to the audit log (tests of scale-out: two processes, one PostgreSQL).
// Usage: tsx audit-append-child.ts URL KEY_HEX COUNT — prints "ready" once connected, waits until the
// test writes the app_meta row "go" (so that every process appends at the same time), then prints
// "done N" when every append committed.
import { setTimeout as sleep } from "node:timers/promises";
import { useAuditAnchor } from "../../db/audit/audit-anchor";
import { appendAuditEntry } from "../../db/audit/audit-log";
import { openPostgres } from "../../db/open-postgres";

const [url, keyHex, count] = process.argv.slice(2);
const store = await openPostgres(url!);
useAuditAnchor({ key: Buffer.from(keyHex!, "hex"), headFile: null });
try {
  process.stdout.write("ready\n");
  while (!(await store.db.selectFrom("app_meta").select("key").where("key", "=", "go").executeTakeFirst()))
    await sleep(5);
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

import { openDatabase } from "./db/open";
import { createSession } from "./db/accounts/sessions";
const d = await openDatabase({ location: process.argv[2]! });
const c = await d.db.selectFrom("users").select("id").where("email", "=", "commander@metro.demo.closecall.test").executeTakeFirstOrThrow();
console.log(`__Host-closecall_session=${(await createSession(d.db, c.id, true)).id}`);
await d.close();

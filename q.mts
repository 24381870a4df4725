import { openDatabase } from "./db/open";
const d = await openDatabase({ location: process.argv[2]! });
console.log(await d.db.selectFrom("users").select(["email"]).limit(5).execute());
await d.close();

// `npm start`: build if needed, then run the server (TypeScript through tsx) in this process.
import { register } from "tsx/esm/api";
import { buildIfStale } from "./build-if-stale.mjs";

// The server always runs in production mode, whatever NODE_ENV says: development mode
// puts stacks and file paths into error responses. What NODE_ENV meant for demo data stays as it was:
// unless told otherwise (--demo, CLOSECALL_DEMO), NODE_ENV=production starts without demo data and
// anything else seeds it on the first start.
if (process.env.CLOSECALL_DEMO === undefined)
  process.env.CLOSECALL_DEMO = process.env.NODE_ENV === "production" ? "0" : "1";
process.env.NODE_ENV = "production";

buildIfStale();
register();
await import("../server/index.ts");

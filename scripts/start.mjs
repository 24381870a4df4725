// `npm start`: build if needed, then run the server (TypeScript through tsx) in this process.
import { register } from "tsx/esm/api";
import { buildIfStale } from "./build-if-stale.mjs";

buildIfStale();
register();
await import("../server/index.ts");

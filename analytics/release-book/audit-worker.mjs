// A thread of the audit pool (audit-pool.ts): audits one agency's year at a time. Plain JavaScript so
// that a worker can start it without a TypeScript loader; it registers tsx itself, as `npm start` does.
import { parentPort } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { suppressYearGroup } = await import("./audit.ts");

parentPort.on("message", async ({ id, periods, rules }) => {
  try {
    parentPort.postMessage({ id, result: await suppressYearGroup(periods, rules) });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});

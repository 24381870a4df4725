import { spawn } from "node:child_process";
import path from "node:path";

/**
 * Holds the DuckDB file `location` from another process, as a running server does (DuckDB allows one
 * process per file). Resolves once it is held, with the function that lets it go.
 */
export async function holdDatabase(location: string): Promise<() => void> {
  const holder = spawn(
    process.execPath,
    [
      "-e",
      `require("@duckdb/node-api").DuckDBInstance.create(${JSON.stringify(location)}).then(() => { ` +
        `console.log("held"); setTimeout(() => {}, 30000); });`,
    ],
    { cwd: path.resolve(import.meta.dirname, "../.."), stdio: ["ignore", "pipe", "inherit"] },
  );
  await new Promise<void>((resolve) => holder.stdout!.once("data", () => resolve()));
  return () => holder.kill("SIGKILL");
}

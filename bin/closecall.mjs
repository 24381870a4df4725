#!/usr/bin/env node
// The `closecall` command (npx closecall --help). Runs the TypeScript CLI through tsx.
import { register } from "tsx/esm/api";

// The database and the files beside it are readable by their owner only (as the server's are).
process.umask(0o077);
register();
const { main } = await import("../cli/main.ts");
process.exitCode = await main(process.argv.slice(2));

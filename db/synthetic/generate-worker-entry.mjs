// Worker bootstrap: registers tsx so the TypeScript generator runs the same under tsx, vitest and the CLI.
import { register } from "tsx/esm/api";

register();
await import("./generate-worker.ts");

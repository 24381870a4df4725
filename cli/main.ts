import { DatabaseLockedError } from "../db/open";
import { type Command, type CommandIO, UsageError } from "./command";
import { analyze } from "./commands/analyze";
import { audit } from "./commands/audit";
import { backup } from "./commands/backup";
import { demoCode } from "./commands/demo-code";
import { migrate } from "./commands/migrate";
import { moveToPostgres } from "./commands/move-to-postgres";
import { rebuild } from "./commands/rebuild";
import { destroy } from "./commands/destroy";
import { publish } from "./commands/publish";
import { redact } from "./commands/redact";
import { release } from "./commands/release";
import { restore } from "./commands/restore";
import { seed } from "./commands/seed";
import { stats } from "./commands/stats";

// Later work registers its commands here (e.g. audit, analyze, redact).
const commands: Command[] = [
  migrate,
  seed,
  stats,
  rebuild,
  release,
  analyze,
  audit,
  demoCode,
  redact,
  publish,
  destroy,
  backup,
  restore,
  moveToPostgres,
];

function help(io: CommandIO): void {
  io.out("Usage: closecall <command> [options]\n\nCommands:");
  for (const c of commands) io.out(`  ${c.name.padEnd(10)} ${c.summary}\n             ${c.usage}`);
  io.out("\nDATA_DIR (default ./data) locates the database unless --db is given.");
}

const processIO: CommandIO = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  },
};

export async function main(argv: string[], io: CommandIO = processIO): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    help(io);
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`Unknown command "${name}". Run closecall --help for the list.`);
    return 2;
  }
  if (args.includes("--help") || args.includes("-h")) {
    io.out(`${command.summary}\nUsage: ${command.usage}`);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\nUsage: ${command.usage}`);
      return 2;
    }
    if (error instanceof DatabaseLockedError) {
      io.err(error.message);
      return 3;
    }
    io.err(`closecall ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

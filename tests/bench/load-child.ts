// Child process of the load section: seeds N reports into an empty database file, then rebuilds each
// derived table, timing every phase and reading this process's peak memory after each (maxRSS only
// grows, so the figure after a phase is the peak up to its end). Prints one JSON line at the end.
//   npx tsx tests/bench/load-child.ts --db PATH --reports N [--seed S]
import { parseArgs } from "node:util";
import { openDatabase } from "../../db/open";
import { seedSyntheticData } from "../../db/synthetic/seed";
import { derivedData } from "../../orchestration/derived-data";

export interface LoadPhase {
  name: string;
  seconds: number;
  /** CPU time of the process in this phase (all threads: JavaScript, the generator worker, DuckDB). */
  cpuSeconds: number;
  /** Peak resident memory of the process (JavaScript and DuckDB) up to the end of this phase. */
  peakRssMiB: number;
}

export interface LoadChildResult {
  reports: number;
  agencies: number;
  reportFactors: number;
  phases: LoadPhase[];
}

const { values } = parseArgs({
  options: {
    db: { type: "string" },
    reports: { type: "string" },
    seed: { type: "string" },
    agencies: { type: "string" },
  },
});
if (!values.db || !values.reports) throw new Error("usage: load-child.ts --db PATH --reports N [--seed S]");

const peakRssMiB = () => Math.round(process.resourceUsage().maxRSS / 1024);
const cpuSeconds = () => {
  const usage = process.resourceUsage();
  return (usage.userCPUTime + usage.systemCPUTime) / 1e6;
};
const phases: LoadPhase[] = [];
async function phase<T>(name: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const cpuAtStart = cpuSeconds();
  const result = await work();
  phases.push({
    name,
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: cpuSeconds() - cpuAtStart,
    peakRssMiB: peakRssMiB(),
  });
  const p = phases.at(-1)!;
  process.stderr.write(
    `  ${name}: ${p.seconds.toFixed(1)} s (CPU ${p.cpuSeconds.toFixed(1)} s, peak ${p.peakRssMiB} MiB)\n`,
  );
  return result;
}

const database = await phase("open and migrate", () => openDatabase({ location: values.db! }));
const summary = await phase("generate and load reports", () =>
  seedSyntheticData(database.instance, database.db, {
    reports: Number(values.reports),
    seed: Number(values.seed ?? 1),
    agencies: Number(values.agencies ?? 3000),
    demoAccounts: true,
  }),
);
for (const item of derivedData) await phase(`rebuild ${item.name}`, () => item.rebuild(database));
await phase("checkpoint and close", () => database.close());

const result: LoadChildResult = {
  reports: summary.reports,
  agencies: summary.agencies,
  reportFactors: summary.reportFactors,
  phases,
};
process.stdout.write(`${JSON.stringify(result)}\n`);

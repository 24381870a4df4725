// Benchmark: the server's memory while it streams the full national library as CSV.
//   npx closecall seed --reports 1000000 --seed 1 --db /tmp/exp-1m
//   npx tsx tests/bench/export-memory.ts --db /tmp/exp-1m [--port 3299] [--files
// reports.csv,reports-with-narratives.csv] [--slow 30]
// Starts `npm start` on that data folder (its own process, as in production), waits for /healthz, reads
// the server's resident memory (VmRSS of /proc/<pid>/status) every 50 ms, downloads each file as a
// browser would (gzip accepted) and counts its rows, then stops the server. Prints a JSON summary.
// --slow N: the client reads at about 1 MB/s for the first N seconds (a slow connection), to show that
// the server then waits for it instead of holding the rest of the file in memory.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    db: { type: "string" },
    port: { type: "string", default: "3299" },
    files: { type: "string", default: "reports.csv,reports-with-narratives.csv" },
    slow: { type: "string", default: "0" },
  },
});
if (!values.db) throw new Error("--db DATA_DIR is required (a folder holding closecall.duckdb)");
const root = path.resolve(import.meta.dirname, "../..");
const base = `http://127.0.0.1:${values.port}`;

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

const server = spawn(process.execPath, [path.join(root, "scripts/start.mjs")], {
  cwd: root,
  env: { ...process.env, PORT: values.port, DATA_DIR: values.db, HOST: "127.0.0.1" },
  stdio: ["ignore", "pipe", "inherit"],
});
server.stdout!.on("data", () => {});
const stop = () =>
  new Promise<void>((resolve) => {
    server.once("exit", () => resolve());
    server.kill("SIGTERM");
  });

try {
  for (let i = 0; ; i++) {
    if (i > 600) throw new Error("the server did not answer /healthz within 5 minutes");
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  const pid = server.pid!;
  await new Promise((r) => setTimeout(r, 3000));
  const results = [];
  for (const file of values.files!.split(",")) {
    const idle: number[] = [];
    for (let i = 0; i < 10; i++) {
      idle.push(rssMb(pid));
      await new Promise((r) => setTimeout(r, 100));
    }
    const baseline = idle.sort((a, b) => a - b)[5]!;
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, rssMb(pid));
    }, 50);
    const started = performance.now();
    const response = await fetch(`${base}/reports/export/${file}`);
    if (!response.ok) throw new Error(`${file}: HTTP ${response.status} ${await response.text()}`);
    let firstByte = 0;
    let bytes = 0;
    let records = 0;
    let tableLine = 0;
    const decoder = new TextDecoder();
    const reader = response.body!.getReader();
    for (;;) {
      const { done, value: chunk } = await reader.read();
      if (done) break;
      const elapsed = (performance.now() - started) / 1000;
      // About 1 MB/s while slow: wait as long as this chunk takes at that rate.
      if (elapsed < Number(values.slow)) await new Promise((r) => setTimeout(r, chunk.length / 1048.576));
      if (!firstByte) firstByte = performance.now() - started;
      bytes += chunk.length;
      // Records end with CRLF; narratives hold bare LF only.
      const text = decoder.decode(chunk, { stream: true });
      if (!tableLine) tableLine = Number(/The table starts on line (\d+)/.exec(text)?.[1] ?? 0);
      for (let i = text.indexOf("\r\n"); i !== -1; i = text.indexOf("\r\n", i + 2)) records++;
    }
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, rssMb(pid));
    results.push({
      file,
      // Records above the data: the metadata block, the empty line and the header row (line tableLine).
      dataRows: records - tableLine,
      megabytes: Math.round(bytes / 1048576),
      firstByteMs: Math.round(firstByte),
      seconds: Number(seconds.toFixed(1)),
      rowsPerSecond: Math.round((records - tableLine) / seconds),
      rssBaselineMb: Math.round(baseline),
      rssPeakMb: Math.round(peak),
      rssGrowthMb: Math.round(peak - baseline),
      rssAfterMb: Math.round(rssMb(pid)),
      slowSeconds: Number(values.slow),
    });
    console.error(JSON.stringify(results.at(-1)));
  }
  console.log(JSON.stringify({ db: values.db, results }, null, 2));
} finally {
  await stop();
}

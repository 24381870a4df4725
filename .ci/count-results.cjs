// Reads a vitest JSON report and prints "passed failed unfinished", then the unfinished files, one a line.
// With a third argument, appends each failed test (file, name, first line of its message) to that file, so
// that .ci/run can list them beside its last line, where a reader of the log's tail sees them.
// failed: every failed test, plus one for each file that failed without a failed test (it could not load,
// or a beforeAll/afterAll hook threw). unfinished: files whose worker process died — vitest leaves such a
// file "passed" with its unfinished tests "pending" (checked with a test that SIGKILLs its own worker);
// their passed tests are left out here, as .ci/run runs those files again and counts that run. A file
// whose only failures are timeouts is run again too (alone, loudly): two files run at once, and a
// production server start beside another server start has been seen to hang (docs/testing.md).
const fs = require("fs");
const path = require("path");
const firstLine = (m) =>
  String(m ?? "no message")
    .split("\n")[0]
    .slice(0, 300);
try {
  const r = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
  const tests = (f, status) => f.assertionResults.filter((a) => a.status === status).length;
  const failedFiles = r.testResults.filter((f) => f.status === "failed" && tests(f, "failed") === 0);
  const timedOut = (f) => {
    const failures = f.assertionResults.filter((a) => a.status === "failed");
    // vitest's JSON report names no reason for a timeout: a failure that took the whole test timeout is one.
    return (
      failures.length > 0 &&
      failures.every(
        (a) =>
          (a.duration ?? 0) >= 119_000 ||
          (a.failureMessages ?? []).some((m) => /Test timed out in \d+ms|Server did not start in time/.test(m)),
      )
    );
  };
  const unfinished = r.testResults.filter(
    (f) => !failedFiles.includes(f) && ((tests(f, "pending") > 0 && tests(f, "failed") === 0) || timedOut(f)),
  );
  const finished = r.testResults.filter((f) => !unfinished.includes(f));
  const passed = finished.reduce((n, f) => n + tests(f, "passed"), 0);
  const failed = finished.reduce((n, f) => n + tests(f, "failed"), 0) + failedFiles.length;
  if (process.argv[3]) {
    const lines = [];
    for (const f of finished) {
      const file = path.relative(process.cwd(), f.name);
      const failures = f.assertionResults.filter((a) => a.status === "failed");
      if (f.status === "failed" && failures.length === 0) lines.push(`${file}: ${firstLine(f.message)}`);
      for (const a of failures) lines.push(`${file} › ${a.fullName}: ${firstLine(a.failureMessages?.[0])}`);
    }
    if (lines.length > 0) fs.appendFileSync(process.argv[3], lines.join("\n") + "\n");
  }
  console.log(passed, failed, unfinished.length);
  for (const f of unfinished) console.log(path.relative(process.cwd(), f.name));
} catch {
  console.log(0, 1, 0);
}

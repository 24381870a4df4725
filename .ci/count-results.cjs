// Reads a vitest JSON report and prints "passed failed unfinished-files" for .ci/run.
// A failed test counts once; so does a file that could not load ("failed" with no tests) and a file
// whose worker process died: vitest leaves such a file "passed" with its unfinished tests "pending"
// (checked with a test that SIGKILLs its own worker). Unfinished files are listed on the lines after.
const fs = require("fs");
const path = require("path");
try {
  const r = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
  const notLoaded = (f) => f.status === "failed" && f.assertionResults.length === 0;
  const killed = (f) => f.assertionResults.some((a) => a.status === "pending");
  const unfinished = r.testResults.filter((f) => notLoaded(f) || killed(f));
  const passedElsewhere = r.testResults.filter((f) => !unfinished.includes(f)).flatMap((f) => f.assertionResults).filter((a) => a.status === "passed").length;
  const failedElsewhere = r.testResults.filter((f) => !unfinished.includes(f)).flatMap((f) => f.assertionResults).filter((a) => a.status === "failed").length;
  // Passed tests of unfinished files are left out: such a file counts as one failure (or by its re-run).
  console.log(passedElsewhere, failedElsewhere, unfinished.length);
  for (const f of unfinished) console.log(path.relative(process.cwd(), f.name));
} catch {
  console.log(0, 1, 0);
}

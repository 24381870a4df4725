import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/open";
import { serverKeyFromBytes } from "../../db/intake/server-key";
import { testIntakeKey } from "../../tests/support/intake";
import { approveTestReport } from "../../tests/review/review-fixtures";
import { main } from "../main";
import { captureIO } from "../../tests/support/command-io";

const dir = mkdtempSync(path.join(tmpdir(), "closecall-review-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const io = (env: Record<string, string>) => captureIO(env);

describe("closecall publish and destroy", () => {
  it("publishes the approved reports as one batch, then destroys nothing before the window ends", async () => {
    const keyText = testIntakeKey();
    const key = serverKeyFromBytes(Buffer.from(keyText, "base64"));
    const database = await openDatabase({ location: path.join(dir, "closecall.duckdb") });
    await approveTestReport(database.db, key);
    await database.close();

    const noKey = io({});
    expect(await main(["publish", "--db", dir], noKey)).toBe(1);
    expect(noKey.stderr.join()).toMatch(/Cannot read the approved drafts/);

    const run = io({ INTAKE_KEY: keyText });
    expect(await main(["publish", "--db", dir], run)).toBe(0);
    expect(run.stdout.join()).toMatch(/^Published 1 report\(s\): \d{4}-\d{5}\.$/);
    const again = io({ INTAKE_KEY: keyText });
    expect(await main(["publish", "--db", dir], again)).toBe(0);
    expect(again.stdout).toEqual(["No approved reports are waiting."]);

    const destroy = io({});
    expect(await main(["destroy", "--db", dir], destroy)).toBe(0);
    expect(destroy.stdout).toEqual(["Destroyed the raw data of 0 submission(s); 0 unanswered question(s) timed out."]);
  });
});

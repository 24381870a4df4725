import { describe, expect, it } from "vitest";
import { main } from "../main";
import { captureIO } from "../../tests/support/command-io";

const io = (stdin: string) => captureIO({}, stdin);

describe("closecall redact", () => {
  it("prints the findings in the text on stdin as JSON with exclusive ends", async () => {
    const text = "At 0215 hrs Ofc. Daniel Kowalski stopped plate 7ABC123 on I-94 near mile marker 212.";
    const run = io(text);
    expect(await main(["redact"], run)).toBe(0);
    const findings = JSON.parse(run.stdout.join("\n")) as { type: string; start: number; end: number; text: string }[];
    expect(findings.map((f) => f.type)).toEqual(["TIME", "PERSON", "PLATE", "LOCATION"]);
    for (const f of findings) {
      expect(Object.keys(f)).toEqual(["type", "start", "end", "text"]);
      expect(text.slice(f.start, f.end)).toBe(f.text);
    }
  });

  it("prints an empty array for text without identifiers", async () => {
    const run = io("We waited for backup and it worked.");
    expect(await main(["redact"], run)).toBe(0);
    expect(run.stdout).toEqual(["[]"]);
  });
});

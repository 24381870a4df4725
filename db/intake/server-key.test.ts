import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { testIntakeKey } from "../../tests/support/intake";
import { ensureKeyFile, keyFilePath, loadServerKey, weaknessOf } from "./server-key";

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "closecall-key-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("server key (docs/design.md §6.4: fail closed)", () => {
  it("accepts a random 32-byte base64 key and derives distinct subkeys", () => {
    const result = loadServerKey({ envKey: testIntakeKey(), dataDir: "/nonexistent" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.key.id).toMatch(/^[0-9a-f]{16}$/);
    const subkeys = [result.key.wrapKey, result.key.receiptSecret, result.key.fingerprintSecret].map((k) =>
      k.toString("hex"),
    );
    expect(new Set(subkeys).size).toBe(3);
  });

  it.each([
    ["empty", ""],
    ["not base64", "not a key!"],
    ["too short", Buffer.alloc(16, 7).toString("base64")],
    ["all zeros", Buffer.alloc(32).toString("base64")],
    ["a password", Buffer.from("correct horse battery staple 123").toString("base64")],
  ])("refuses a %s INTAKE_KEY", (_name, envKey) => {
    const result = loadServerKey({ envKey, dataDir: "/nonexistent" });
    expect(result.ok).toBe(false);
  });

  it("names the weakness of a key", () => {
    expect(weaknessOf(Buffer.alloc(31))).toMatch(/32 bytes/);
    expect(weaknessOf(Buffer.alloc(32, 1))).toMatch(/distinct/);
  });

  it("creates the key file on first start with mode 600, then loads it", () => {
    const dir = tempDir();
    expect(loadServerKey({ envKey: undefined, dataDir: dir }).ok).toBe(false);
    expect(ensureKeyFile(dir, false)).toEqual({ created: true });
    expect(statSync(keyFilePath(dir)).mode & 0o777).toBe(0o600);
    const first = loadServerKey({ envKey: undefined, dataDir: dir });
    expect(first.ok && first.source).toBe("file");
    // A second start keeps the same key.
    expect(ensureKeyFile(dir, false)).toEqual({ created: false });
    const second = loadServerKey({ envKey: undefined, dataDir: dir });
    expect(first.ok && second.ok && first.key.id === second.key.id).toBe(true);
    expect(readFileSync(keyFilePath(dir), "utf8").trim()).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  });

  it("does not replace a lost key file when submissions exist, and refuses a file others can read", () => {
    const dir = tempDir();
    expect(ensureKeyFile(dir, true).created).toBe(false);
    expect(loadServerKey({ envKey: undefined, dataDir: dir })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/no key file/),
    });
    writeFileSync(keyFilePath(dir), testIntakeKey());
    chmodSync(keyFilePath(dir), 0o644);
    expect(loadServerKey({ envKey: undefined, dataDir: dir })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/readable by others/),
    });
  });
});

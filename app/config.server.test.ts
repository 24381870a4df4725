import { describe, expect, it } from "vitest";
import { ConfigError, readConfig } from "./config.server";

describe("readConfig", () => {
  it("uses the documented defaults", () => {
    const config = readConfig({});
    expect(config).toMatchObject({ port: 3000, host: "127.0.0.1", demo: true, seedReports: 25_000, privacyK: 10, agencyMinReports: 30, retentionDays: 30, libraryAccess: "public" });
    expect(config.databaseFile).toMatch(/data\/closecall\.duckdb$/);
  });

  it("turns demo mode off in production unless --demo is given explicitly", () => {
    expect(readConfig({ NODE_ENV: "production" }).demo).toBe(false);
    expect(readConfig({ NODE_ENV: "production" }, ["--demo"]).demo).toBe(true);
    expect(readConfig({ NODE_ENV: "production", CLOSECALL_DEMO: "1" }).demo).toBe(true);
  });

  it("rejects invalid values with the variable's name", () => {
    expect(() => readConfig({ PORT: "eighty" })).toThrow(ConfigError);
    expect(() => readConfig({ LIBRARY_ACCESS: "everyone" })).toThrow(/LIBRARY_ACCESS/);
  });
});

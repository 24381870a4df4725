import { describe, expect, it } from "vitest";
import { ConfigError, readConfig } from "./config";

describe("readConfig", () => {
  it("uses the documented defaults", () => {
    const config = readConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: "127.0.0.1",
      demo: true,
      seedReports: 25_000,
      privacyK: 10,
      agencyMinReports: 30,
      retentionDays: 30,
      libraryAccess: "public",
    });
    expect(config.databaseFile).toMatch(/data\/closecall\.duckdb$/);
  });

  it("turns demo mode off in production unless --demo is given explicitly", () => {
    expect(readConfig({ NODE_ENV: "production" }).demo).toBe(false);
    expect(readConfig({ NODE_ENV: "production" }, ["--demo"]).demo).toBe(true);
    expect(readConfig({ NODE_ENV: "production", CLOSECALL_DEMO: "1" }).demo).toBe(true);
  });

  it("takes links' origin from PUBLIC_URL, else from where the server listens (issue 15 item 9)", () => {
    expect(readConfig({ PUBLIC_URL: "https://closecall.example.org/" })).toMatchObject({
      publicUrl: "https://closecall.example.org",
      publicUrlConfigured: true,
    });
    expect(readConfig({ HOST: "0.0.0.0", PORT: "8080" })).toMatchObject({
      publicUrl: "http://localhost:8080",
      publicUrlConfigured: false,
    });
    expect(() => readConfig({ PUBLIC_URL: "https://closecall.example.org/app?x=1" })).toThrow(/PUBLIC_URL/);
    expect(() => readConfig({ PUBLIC_URL: "javascript:alert(1)" })).toThrow(/PUBLIC_URL/);
  });

  it("rejects invalid values with the variable's name", () => {
    expect(() => readConfig({ PORT: "eighty" })).toThrow(ConfigError);
    expect(() => readConfig({ LIBRARY_ACCESS: "everyone" })).toThrow(/LIBRARY_ACCESS/);
  });

  it("takes scale-out settings: DATABASE_URL, --workers only with it (issue 18)", () => {
    expect(readConfig({}).databaseUrl).toBeUndefined();
    expect(readConfig({}).workers).toBe(1);
    const url = "postgresql://closecall@db.example.org/closecall";
    expect(readConfig({ DATABASE_URL: url }, ["--workers", "3"])).toMatchObject({ databaseUrl: url, workers: 3 });
    expect(readConfig({ DATABASE_URL: url }, ["--workers"]).workers).toBeGreaterThanOrEqual(1);
    expect(() => readConfig({}, ["--workers", "2"])).toThrow(/--workers needs DATABASE_URL/);
    expect(() => readConfig({ DATABASE_URL: url }, ["--workers", "two"])).toThrow(/whole number/);
    expect(() => readConfig({ DATABASE_URL: "mysql://x/y" })).toThrow(/DATABASE_URL/);
    expect(readConfig({ PUBLISHED_POLL_SECONDS: "0.5" }).publishedPollMs).toBe(500);
  });
});

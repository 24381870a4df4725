import { describe, expect, it } from "vitest";
import { serveDuringTests } from "./test-server";
import { requestLog } from "./request-log";

const lines: string[] = [];

const served = serveDuringTests((app) => {
  app.use(requestLog((line) => lines.push(line)));
  app.all("*", (_req, res) => res.send("ok"));
});

const distinctive = {
  "User-Agent": "UA-7f3e9c-canary",
  Referer: "https://referer-canary.example/",
  "X-Forwarded-For": "203.0.113.77",
};

describe("request log", () => {
  it("records method, path, status and time, but no address, agent, referrer or query", async () => {
    await fetch(`${served.base}/reports?q=secret-query-canary`, { headers: distinctive });
    await new Promise((r) => setTimeout(r, 20));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^GET \/reports 200 \d+ms$/);
    const all = lines.join("\n");
    for (const canary of ["UA-7f3e9c-canary", "referer-canary", "203.0.113.77", "127.0.0.1", "secret-query-canary"]) {
      expect(all).not.toContain(canary);
    }
  });

  it("writes nothing at all for the anonymous intake and receipt paths", async () => {
    lines.length = 0;
    for (const p of ["/report", "/report/step-2", "/receipt", "/receipt/status"]) {
      await fetch(`${served.base}${p}`, { method: p.startsWith("/report") ? "POST" : "GET", headers: distinctive });
    }
    await new Promise((r) => setTimeout(r, 20));
    expect(lines).toEqual([]);
  });
});

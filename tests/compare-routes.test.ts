import path from "node:path";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getFactorProfile } from "../analytics/get-factor-profile";
import { parseAnalyticsFilters } from "../analytics/filters";
import { isSuppressed } from "../domain/figures";
import { readAgencyBook } from "../analytics/release-book/read-book";
import { sourceOf } from "../analytics/source";
import type { AppContext } from "../app/load-context";
import type { AgencyBookView } from "../app/dashboard/agency-view-types";
import { nationalPanels } from "../app/dashboard/models/page-panels";
import { cell, cellText } from "../app/dashboard/tables/cell-values";
import type { NationalDashboardView } from "../app/dashboard/view-types";
import { loader as agencyLoader } from "../app/routes/agency._index";
import { loader as agencyFile } from "../app/routes/agency_.$kind.$file";
import { loader as nationalLoader } from "../app/routes/national._index";
import { loader as nationalFile } from "../app/routes/national_.$kind.$file";
import type { OpenDatabase } from "../db/open";
import { readCsv, readXlsx } from "./support/export-files";
import { callRoute } from "./support/route-call";
import { createTestUser, getAs, signInTestUser, type SignedInTestUser } from "./support/test-accounts";
import { createTestContext } from "./support/test-context";
import { createSeededTestDatabase } from "./support/test-database";

// "Compare changes only the headline": the national page sets the factor profile of two periods side by
// side (each as getFactorProfile releases it), in its table and its downloads; the agency page sets its
// release book's years side by side, from the book only.

let database: OpenDatabase;
let context: AppContext;
let a: { from: string; to: string };
let b: { from: string; to: string };
let agencyId: string;
const people: Record<string, SignedInTestUser> = {};
let html: (path: string, who: SignedInTestUser) => Promise<{ status: number; text: string }>;

const label = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;

type Loader = (args: { request: Request; params: Record<string, string>; context: AppContext }) => Promise<Response>;
async function download(loader: unknown, url: string, file: string, who: SignedInTestUser) {
  try {
    const response = await (loader as Loader)({
      request: getAs(url, who),
      params: { kind: new URL(url, "http://test").pathname.split("/").at(-2)!, file },
      context,
    });
    return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()) };
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    return { status: thrown.status, bytes: Buffer.from(await thrown.arrayBuffer()) };
  }
}

beforeAll(async () => {
  database = await createSeededTestDatabase({ reports: 6000, seed: 12, agencies: 40 });
  context = createTestContext(database);
  const latest = await sql<{ m: string }>`SELECT strftime(max(event_month), '%Y-%m') AS m FROM reports`.execute(
    database.db,
  );
  const [y, m] = latest.rows[0]!.m.split("-").map(Number) as [number, number];
  const last = y * 12 + m - 1;
  a = { from: label(last - 11), to: label(last) };
  b = { from: label(last - 23), to: label(last - 12) };
  const { rows } = await sql<{ id: string }>`
    SELECT p.agency_id::VARCHAR AS id FROM report_protected p WHERE p.agency_id IS NOT NULL GROUP BY 1
      ORDER BY count(*) DESC, id LIMIT 1`.execute(database.db);
  agencyId = rows[0]!.id;
  const signedIn = async (role: Parameters<typeof createTestUser>[1], agency: string | null = null) =>
    signInTestUser(database.db, await createTestUser(database.db, role, { agencyId: agency }));
  people.national = await signedIn("national_analyst");
  people.trainer = await signedIn("agency_trainer", agencyId);
  const build = (await import(path.resolve(import.meta.dirname, "../build/index.js"))) as ServerBuild;
  const handler = createRequestHandler(build, "production");
  html = async (p, who) => {
    const response = await handler(getAs(p, who), { ...context });
    return { status: response.status, text: await response.text() };
  };
});
afterAll(async () => {
  await database?.close();
});

const profileOf = (period: { from: string; to: string }) =>
  getFactorProfile(
    sourceOf(database.db),
    parseAnalyticsFilters({ grain: "month", ...period, scope: "national" }),
    { kind: "national" },
    {
      k: context.config.privacyK,
      agencyMinReports: context.config.agencyMinReports,
    },
  );

describe("national view: two periods' factor profiles side by side", () => {
  const query = () => `?from=${a.from}&to=${a.to}&bfrom=${b.from}&bto=${b.to}`;

  it("shows each period's counts and shares as getFactorProfile releases them, and A − B", async () => {
    const outcome = await callRoute(nationalLoader, getAs(`/national${query()}`, people.national!), context);
    expect(outcome.status).toBe(200);
    const view = outcome.data.view as NationalDashboardView;
    expect(view.periods).not.toBeNull();
    const periods = view.periods!;
    expect(periods.a).toMatchObject({ ...a, months: 12 });
    expect(periods.b).toMatchObject({ ...b, months: 12 });
    const [pa, pb] = await Promise.all([profileOf(a), profileOf(b)]);
    expect(periods.a.reports).toBe(pa.subjectReports);
    expect(periods.b.reports).toBe(pb.subjectReports);
    expect(pa.subjectReports).not.toBe(pb.subjectReports);
    for (const row of periods.rows) {
      const ra = pa.rows.find((r) => r.factor === row.factor)!;
      const rb = pb.rows.find((r) => r.factor === row.factor)!;
      expect(row.a, row.factor).toEqual({ count: ra.subject.count, share: ra.subject.share });
      expect(row.b, row.factor).toEqual({ count: rb.subject.count, share: rb.subject.share });
      const [sa, sb] = [ra.subject.share, rb.subject.share];
      if (sa && sb && !isSuppressed(sa) && !isSuppressed(sb)) {
        expect(row.difference).toMatchObject({ difference: sa.share - sb.share });
        const d = row.difference as { lower: number; upper: number; difference: number };
        expect(d.lower).toBeLessThan(d.difference);
        expect(d.upper).toBeGreaterThan(d.difference);
      }
    }
    const table = nationalPanels(view)
      .flatMap((p) => p.tables)
      .find((t) => t.id === "period-profile")!;
    expect(table.columns.map((c) => c.header)).toEqual(
      expect.arrayContaining([
        `A: ${a.from} to ${a.to}: share (95% interval)`,
        `B: ${b.from} to ${b.to}: share (95% interval)`,
        "Difference A − B, percentage points (95% interval)",
      ]),
    );
  });

  it("downloads the same table as CSV and XLSX, with both periods' columns and numbers", async () => {
    const [pa, pb] = await Promise.all([profileOf(a), profileOf(b)]);
    const csv = await download(
      nationalFile,
      `/national/tables/period-profile.csv${query()}`,
      "period-profile.csv",
      people.national!,
    );
    expect(csv.status).toBe(200);
    const read = readCsv(csv.bytes);
    const col = (header: string) => read.headers.indexOf(header);
    const aShare = col(`A: ${a.from} to ${a.to}: share (95% interval)`);
    const aCount = col(`A: ${a.from} to ${a.to}: reports`);
    const bShare = col(`B: ${b.from} to ${b.to}: share (95% interval)`);
    const bCount = col(`B: ${b.from} to ${b.to}: reports`);
    expect([aShare, aCount, bShare, bCount].every((i) => i >= 0)).toBe(true);
    expect(read.rows).toHaveLength(pa.rows.length);
    for (const ra of pa.rows) {
      const rb = pb.rows.find((r) => r.factor === ra.factor)!;
      const line = read.rows.find((r) => r[0] === ra.label)!;
      expect(line[aShare], ra.factor).toBe(cellText(cell.share(ra.subject.share)));
      expect(line[aCount], ra.factor).toBe(cellText(cell.count(ra.subject.count)));
      expect(line[bShare], ra.factor).toBe(cellText(cell.share(rb.subject.share)));
      expect(line[bCount], ra.factor).toBe(cellText(cell.count(rb.subject.count)));
    }
    const xlsx = await download(
      nationalFile,
      `/national/tables/period-profile.xlsx${query()}`,
      "period-profile.xlsx",
      people.national!,
    );
    expect(xlsx.status).toBe(200);
    const sheet = (await readXlsx(xlsx.bytes)).sheets[0]!;
    expect(sheet.headers).toEqual(
      expect.arrayContaining([`A: ${a.from} to ${a.to}: reports`, `B: ${b.from} to ${b.to}: reports`]),
    );
    expect(sheet.rows).toHaveLength(pa.rows.length);
  });

  it("the page draws both periods' columns; the filter bar holds the comparison period and its presets", async () => {
    const page = await html(`/national${query()}`, people.national!);
    expect(page.status).toBe(200);
    expect(page.text).toContain(
      `Contributing factors, two periods side by side: ${a.from} to ${a.to} and ${b.from} to ${b.to}`,
    );
    expect(page.text).toContain(`A: ${a.from} to ${a.to}: share (95% interval)`);
    expect(page.text).toContain(`B: ${b.from} to ${b.to}: share (95% interval)`);
    expect(page.text).toMatch(new RegExp(`<input id="f-bfrom"[^>]*value="${b.from}"`));
    // The presets are links to explicit months: the same months a year earlier than A is B here.
    expect(page.text).toContain(`bfrom=${b.from}&amp;bto=${b.to}`);
    expect(page.text).toContain("period-profile.csv");
  });

  it("without a comparison period there is no such panel, and its download is a 404", async () => {
    const view = (
      await callRoute(nationalLoader, getAs(`/national?from=${a.from}&to=${a.to}`, people.national!), context)
    ).data.view as NationalDashboardView;
    expect(view.periods).toBeNull();
    expect(
      (
        await download(
          nationalFile,
          `/national/tables/period-profile.csv?from=${a.from}`,
          "period-profile.csv",
          people.national!,
        )
      ).status,
    ).toBe(404);
  });

  it("a bad comparison parameter is a 400 that names it, on the page and on the download", async () => {
    for (const [q, param] of [
      ["?bfrom=2024-01", "bto"],
      ["?bto=2024-01", "bfrom"],
      ["?bfrom=2024-13&bto=2024-12", "bfrom"],
      ["?bfrom=2024-06&bto=2024-01", "bto"],
    ] as const) {
      const bad = await callRoute(nationalLoader, getAs(`/national${q}`, people.national!), context);
      expect(bad.status, q).toBe(400);
      expect(
        bad.data.problems.map((p: { param: string }) => p.param),
        q,
      ).toEqual([param]);
      const file = await download(
        nationalFile,
        `/national/tables/period-profile.csv${q}`,
        "period-profile.csv",
        people.national!,
      );
      expect(file.status, q).toBe(400);
      expect(file.bytes.toString("utf8"), q).toContain(`“${param}”`);
    }
  });
});

describe("agency view: the release book's years side by side", () => {
  it("every factor's yearly cells are the book's, on the page and in the download", async () => {
    const outcome = await callRoute(agencyLoader, getAs("/agency", people.trainer!), context);
    expect(outcome.status).toBe(200);
    const view = outcome.data.view as AgencyBookView;
    const book = await readAgencyBook(database.db, agencyId);
    expect(book.years.length).toBeGreaterThanOrEqual(2);
    expect(view.factorYears.years).toEqual(book.years);
    for (const row of view.factorYears.rows) {
      row.years.forEach((y, i) =>
        expect(y.count, `${row.factor} ${y.year}`).toEqual(book.cell(book.years[i]!, "agency", `f:${row.factor}`)),
      );
    }
    const csv = await download(agencyFile, "/agency/tables/factor-years.csv", "factor-years.csv", people.trainer!);
    expect(csv.status).toBe(200);
    const read = readCsv(csv.bytes);
    expect(read.headers).toEqual([
      "Factor",
      "Family",
      ...book.years.flatMap((y) => [`${y}: share (95% interval)`, `${y}: reports`]),
    ]);
    const total = read.rows.find((r) => r[0] === "All reports counted toward your agency")!;
    book.years.forEach((y, i) => expect(total[3 + 2 * i]).toBe(cellText(cell.count(book.cell(y, "agency", "n")))));
    // A withheld cell reads as withheld, never as a number.
    for (const r of read.rows)
      for (const c of r.slice(2))
        expect(c).toMatch(/^(withheld — .+|—|\d[\d,]*|\d+\.\d% \(\d+\.\d%–\d+\.\d%\)|0\.0% \(.+\))$/);
  });
});

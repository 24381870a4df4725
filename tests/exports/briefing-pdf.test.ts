import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buffer } from "node:stream/consumers";
import { describe, expect, it } from "vitest";
import { briefingPdf, type BriefingInput } from "../../exports/briefing-pdf";
import { discussionQuestions, sentences } from "../../exports/discussion-questions";
import { suppressionNotes } from "../../exports/export-metadata";
import { renderChartSvg } from "../../app/charts/render-svg";
import { shareComparisonOption } from "../../app/charts/share-comparison";
import { factors, labels } from "../../domain/taxonomy/index";

// The briefing PDF read back with Debian's poppler-utils (pdfinfo, pdftotext, pdftoppm), as a person
// would see it: pages, headings, vector chart text, footers with page numbers and the privacy note.
// The pages are left as PNGs in test-output/exports/ to look at.

const poppler = existsSync("/usr/bin/pdftoppm") && existsSync("/usr/bin/pdftotext");
const out = path.resolve(import.meta.dirname, "../../test-output/exports");

function input(): BriefingInput {
  const withheld = { suppressed: true as const, reason: "below_k" as const };
  const rows = factors.slice(0, 15).map((f, i) => ({
    key: f.code,
    label: f.label,
    a: i % 3 === 2 ? withheld : { share: 0.3 - i * 0.01, lower: 0.2 - i * 0.01, upper: 0.4 - i * 0.01 },
    b: { share: 0.25 - i * 0.01, lower: 0.24 - i * 0.01, upper: 0.26 - i * 0.01 },
    flagged: i === 0,
  }));
  const option = shareComparisonOption({
    rows,
    aLabel: "Your agency",
    bLabel: "National, excluding your agency",
    description: "test",
  });
  return {
    audience: "Test City Police Department",
    periodLabel: "Jan 2023 – Dec 2025",
    meta: {
      title: "Training briefing",
      source: "test",
      generatedAt: new Date("2026-02-03T04:05:06Z"),
      filters: [
        { name: "Period", value: "2023-01 to 2025-12" },
        { name: "Incident type", value: "Traffic stop" },
      ],
      taxonomyVersion: 1,
      suppression: suppressionNotes(["below_k"], { k: 10, agencyMinReports: 30 }),
      notes: ["Shares of voluntary reports, not rates."],
    },
    chart: {
      svg: renderChartSvg(option, 720, 520, "t"),
      width: 720,
      height: 520,
      title: "Contributing factors: your agency and the nation",
      units: "% of reports citing each factor",
    },
    table: {
      id: "profile",
      title: "Contributing factors",
      headers: ["Factor", "Family", "Your agency: share (95% interval)", "Your agency: reports"],
      rows: factors.map((f, i) => [
        f.label,
        labels.factorFamily(f.family),
        i % 3 === 2 ? "withheld — based on a withheld figure" : "12.5% (8.1%–18.7%)",
        i % 3 === 2 ? "withheld — fewer than k reports" : { text: "25", number: 25, numFmt: "#,##0" },
      ]),
    },
    reports: [1, 2].map((n) => ({
      publicNumber: `2025-0000${n}`,
      title: `Low light hid the threat during a traffic stop ${n}`,
      facts: "Traffic stop · March 2025 · could have been: serious injury · Midwest",
      summary:
        "During a routine traffic stop on [a two-lane county road], the driver kept reaching toward the center " +
        "console.\n\nBackup arrived and the driver was detained.",
      factors: ["Low light / darkness", "Approach without waiting for backup"],
      lessons: "Use your light deliberately. Wait for backup when you can.",
      questions: discussionQuestions("Use your light deliberately. Wait for backup when you can.", [
        "hc_low_light",
        "td_no_backup_wait",
      ]),
    })),
    footerNote: 'Figures that depend on your agency are withheld below 10 reports ("withheld"), never shown as 0.',
  };
}

describe("discussion questions", () => {
  it("turn each lesson sentence into a question for the room, then add one per factor family", () => {
    expect(
      sentences("Keep scanning. Paperwork can wait until the scene is safe.\n- Always know where your partner is"),
    ).toEqual(["Keep scanning.", "Paperwork can wait until the scene is safe.", "Always know where your partner is"]);
    const questions = discussionQuestions(
      "Wait for backup when you can. Two officers are not enough for some calls; ask for more.",
      ["td_no_backup_wait", "hc_low_light"],
    );
    expect(questions).toEqual([
      "The report's lesson: “Wait for backup when you can.” How well do we do this on our shifts today, and what " +
        "gets in the way?",
      "“Two officers are not enough for some calls; ask for more.” Think of a call of ours where this would have " +
        "mattered. What would you do differently?",
      "What other choices were open at each step, and what made them harder to take?",
      "How should the conditions have changed the approach, the positioning or the timing?",
    ]);
    expect(discussionQuestions("", [])).toHaveLength(1);
  });
});

describe.skipIf(!poppler && process.env.CI !== "true")("the training briefing PDF", () => {
  it("has the title page, vector chart and table, each report as published, page numbers, privacy footer", async () => {
    const pdf = await buffer(briefingPdf(input()));
    mkdirSync(out, { recursive: true });
    const file = path.join(out, "briefing-test.pdf");
    writeFileSync(file, pdf);
    const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeGreaterThanOrEqual(5);
    expect(info).toMatch(/Title:\s+Training briefing — Test City Police Department/);
    const text = (page: number) =>
      execFileSync("pdftotext", ["-f", String(page), "-l", String(page), "-layout", file, "-"], { encoding: "utf8" });
    const all = Array.from({ length: pages }, (_, i) => text(i + 1));
    expect(all[0]).toContain("Near misses to learn from");
    expect(all[0]).toContain("Test City Police Department");
    expect(all[0]).toMatch(/Incident type:\s+Traffic stop/);
    expect(all[0]).toContain("withheld below k = 10 reports");
    // The chart is vector: its axis name and labels are text in the PDF, not pixels.
    expect(all[1]).toContain("Contributing factors: your agency and the nation");
    expect(all[1]).toContain("Share of reports (%)");
    expect(all[1]).toContain("withheld");
    // The table continues on later pages with its header row again.
    const tablePages = all.filter((t) => t.includes("Your agency: share"));
    expect(tablePages.length).toBeGreaterThanOrEqual(2);
    expect(all.join("\n")).toContain("withheld — fewer than k reports");
    const reportPages = all.filter((t) => t.includes("Event summary"));
    expect(reportPages).toHaveLength(2);
    for (const page of reportPages) {
      const order = ["Event summary", "Contributing risk factors", "Lessons learned", "Discussion questions"].map((h) =>
        page.indexOf(h),
      );
      expect(order.every((p, i) => p >= 0 && (i === 0 || p > order[i - 1]!))).toBe(true);
      expect(page).toMatch(/How well do we do this on our shifts\s+today/);
    }
    all.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${pages}`);
      expect(page).toContain("never shown as 0");
    });
    // Rendered to PNG (pdftoppm), one picture a page.
    for (const f of readdirSync(out).filter((f) => f.startsWith("briefing-test-page"))) rmSync(path.join(out, f));
    execFileSync("pdftoppm", ["-png", "-r", "60", file, path.join(out, "briefing-test-page")]);
    expect(readdirSync(out).filter((f) => f.startsWith("briefing-test-page")).length).toBe(pages);
  });

  it("keeps the body short (top rows after the chart), the full table in an appendix after the reports", async () => {
    const base = input();
    const whole = base.table;
    const body = { ...whole, title: "Contributing factors: the 8 first rows", rows: whole.rows.slice(0, 8) };
    const pdf = await buffer(
      briefingPdf({ ...base, table: body, appendix: { ...whole, title: "Contributing factors: every factor" } }),
    );
    mkdirSync(out, { recursive: true });
    const file = path.join(out, "briefing-appendix-test.pdf");
    writeFileSync(file, pdf);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))![1]);
    const text = (page: number) =>
      execFileSync("pdftotext", ["-f", String(page), "-l", String(page), "-layout", file, "-"], { encoding: "utf8" });
    const all = Array.from({ length: pages }, (_, i) => text(i + 1));
    expect(all[0]).toContain("Appendix: Contributing factors: every factor");
    // The chart page holds the short table whole: no continuation before the reports.
    const firstReport = all.findIndex((t) => t.includes("Event summary"));
    expect(firstReport).toBe(2);
    const appendix = all.findIndex(
      (t) => t.includes("Appendix: Contributing factors: every factor") && !t.includes("In this briefing"),
    );
    expect(appendix).toBeGreaterThan(firstReport);
    const last = factors[factors.length - 1]!.label;
    expect(all.slice(0, appendix).join("\n")).not.toContain(last);
    expect(all.slice(appendix).join("\n")).toContain(last);
  });
});

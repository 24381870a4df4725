import { FilterError, parseAnalyticsFilters } from "../../analytics/filters";
import { getDashboard } from "../../analytics/get-dashboard";
import { isSuppressed } from "../../domain/figures";
import { checkPrivacyRules, type PrivacyRules } from "../../analytics/privacy/rules";
import { AnalyticsAccessError, type Viewer } from "../../analytics/viewer";
import { type Command, UsageError } from "../command";
import { resolveDatabasePath, withDatabase } from "../database-path";
import { parseOptions } from "../parse";

/** The same privacy settings as the server (PRIVACY_K, AGENCY_MIN_REPORTS; docs/operations.md, Configuration). */
function privacyFromEnv(env: Record<string, string | undefined>): PrivacyRules {
  const read = (name: string, fallback: number) => {
    const raw = env[name];
    if (raw === undefined || raw === "") return fallback;
    if (!/^\d+$/.test(raw)) throw new UsageError(`${name} must be a whole number, got "${raw}"`);
    return Number(raw);
  };
  try {
    return checkPrivacyRules({ k: read("PRIVACY_K", 10), agencyMinReports: read("AGENCY_MIN_REPORTS", 30) });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

export const analyze: Command = {
  name: "analyze",
  summary: "print every measure of the national dashboard (as programme staff see it)",
  usage: "closecall analyze [--from YYYY-MM --to YYYY-MM] [--incident-type T] [--db PATH] [--json]",
  async run(args, io) {
    const { values } = parseOptions(args, {
      agency: { type: "string" },
      scope: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      "incident-type": { type: "string" },
      db: { type: "string" },
      json: { type: "boolean" },
    });
    // An agency's figures are never computed per request (differencing overlapping questions recovered
    // withheld cells): they are its release book's, released by `closecall release`.
    if (values.agency !== undefined || (values.scope !== undefined && values.scope !== "national")) {
      throw new UsageError(
        "An agency's figures come from its release book only: run `closecall release`, then read them on /agency " +
          "or /api/v1/book",
      );
    }
    const viewer: Viewer = { kind: "national" };
    let filters;
    try {
      filters = parseAnalyticsFilters({
        grain: "month",
        from: values.from,
        to: values.to,
        incidentType: values["incident-type"] as never,
      });
    } catch (error) {
      if (error instanceof FilterError) throw new UsageError(error.message);
      throw error;
    }
    const privacy = privacyFromEnv(io.env);
    return withDatabase(resolveDatabasePath(values.db, io.env), async (database) => {
      let dashboard;
      try {
        dashboard = await getDashboard(database.db, filters, viewer, privacy);
      } catch (error) {
        if (error instanceof AnalyticsAccessError) {
          io.err(error.message);
          return 1;
        }
        throw error;
      }
      if (values.json) {
        io.out(JSON.stringify(dashboard));
        return 0;
      }
      const fp = dashboard.factorProfile;
      const show = (v: unknown) => (isSuppressed(v) ? `withheld (${v.reason})` : String(v));
      io.out(
        `${fp.meta.subject.label}, ${fp.meta.window.from} to ${fp.meta.window.to}: ${show(fp.subjectReports)} reports`,
      );
      if (fp.meta.reference) io.out(`Compared with: ${fp.meta.reference.label} (${show(fp.referenceReports)} reports)`);
      io.out(`Flagged factors (PRR): ${fp.flagged.length ? fp.flagged.join(", ") : "none"}`);
      const risks = dashboard.emergingRisks.risks.filter((r) => r.significant).slice(0, 10);
      io.out(`Emerging risks (q ≤ 5%, ${dashboard.emergingRisks.tests} series tested): ${risks.length ? "" : "none"}`);
      for (const r of risks)
        io.out(
          `  ${r.areaLabel}: ${r.label} — ${(100 * (r.evaluation.share ?? 0)).toFixed(1)}% ` +
            `vs ${(100 * (r.baselineShare ?? 0)).toFixed(1)}%, q = ${r.qValue.toPrecision(2)}`,
        );
      io.out("Use --json for every measure.");
      return 0;
    });
  },
};

import { randomInt, randomUUID } from "node:crypto";
import { type Kysely, sql } from "kysely";
import { appendAuditEntry } from "../audit/audit-log";
import type { Database } from "../database";
import type { ServerKey } from "../intake/server-key";
import { decryptSubmission } from "../intake/submission-repository";
import { dateOnly } from "../intake/submission-payload";
import type { NewReport, ReportProtected } from "../schema/report.table";
import { censusRegionOf, TAXONOMY_VERSION } from "../../domain/taxonomy/index";
import { clearClaims } from "./claims";
import { CodingSchema } from "../../domain/review/coding";
import { recheck, unresolvedFindings } from "./draft";
import { readDraft } from "./draft-store";
import { addDays } from "../../domain/review/review-state";
import { recordPublishedChanges } from "./published-changes";

export interface BatchResult {
  batchId: string | null;
  reportIds: string[];
  publicNumbers: string[];
  /** Approved submissions left for a later batch, with why (e.g. the draft no longer checks out). */
  skipped: { id: string; why: string }[];
}

/** Fisher–Yates with a cryptographic generator: the order inside a batch reveals nothing. */
function shuffled<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

async function nextSequence(db: Kysely<Database>, year: string): Promise<number> {
  // Portable SQL (PostgreSQL has no TRY_CAST): a number that is not the year and at most nine digits
  // (none the app writes) is passed over, as TRY_CAST passed it over.
  const { rows } = await sql<{ n: number | null }>`
    SELECT max(CAST(split_part(public_number, '-', 2) AS INTEGER)) AS n FROM reports
      WHERE public_number LIKE ${`${year}-%`} AND split_part(public_number, '-', 2) SIMILAR TO '[0-9]{1,9}'`.execute(
    db,
  );
  return (rows[0]?.n ?? 0) + 1;
}

/**
 * Publishes every approved submission in one batch (docs/design.md §6.7): public numbers are the year and a
 * sequence assigned in random order, every report carries the batch's month (never a day), and only
 * published fields reach `reports`; state, agency and consent go to `report_protected`. Merged
 * duplicates are published with their report. The raw texts enter the retention window.
 * Call refreshDerivedData with the result's reportIds afterwards (orchestration/publication.ts does).
 */
export async function runPublicationBatch(
  db: Kysely<Database>,
  key: ServerKey,
  options: { today?: string; retentionDays: number; runBy: string | null },
): Promise<BatchResult> {
  const today = options.today ?? dateOnly();
  const approved = await db
    .selectFrom("submissions")
    .selectAll()
    .where("status", "=", "awaiting_approval")
    .where("approved_by", "is not", null)
    .where("duplicate_of", "is", null)
    .execute();
  const skipped: BatchResult["skipped"] = [];
  const ready: {
    row: (typeof approved)[number];
    report: NewReport;
    factors: string[];
    protectedFields: ReportProtected;
  }[] = [];
  const sizeBands = new Map<string, string>();
  for (const row of shuffled(approved)) {
    const payload = await decryptSubmission(db, key, row.id);
    const stored = payload ? readDraft(key, row) : null;
    const draft = stored ? recheck(stored) : null;
    const coding = draft ? CodingSchema.safeParse(draft.coding) : null;
    if (!payload || !draft || !coding?.success || unresolvedFindings(draft).length > 0) {
      skipped.push({ id: row.id, why: !payload || !draft ? "raw data unreadable" : "draft no longer checks out" });
      continue;
    }
    if (row.agency_id && !sizeBands.has(row.agency_id)) {
      const agency = await db
        .selectFrom("agencies")
        .select("size_band")
        .where("id", "=", row.agency_id)
        .executeTakeFirst();
      if (agency) sizeBands.set(row.agency_id, agency.size_band);
    }
    const reportId = randomUUID();
    const c = coding.data;
    ready.push({
      row,
      factors: c.factors,
      report: {
        id: reportId,
        public_number: "",
        taxonomy_version: TAXONOMY_VERSION,
        title: draft.title.trim(),
        summary: draft.summary.trim(),
        lessons: draft.lessons.trim(),
        incident_type: c.incidentType,
        loss_potential: c.lossPotential,
        event_month: `${c.eventMonth}-01`,
        time_block: c.timeBlock,
        light: c.light,
        weather: c.weather,
        officers_band: c.officersBand,
        assignment: c.assignment,
        service_band: c.serviceBand,
        census_region: censusRegionOf(payload.state),
        published_month: `${today.slice(0, 7)}-01`,
      },
      protectedFields: {
        report_id: reportId,
        state: payload.state,
        agency_id: row.consent_level === "national" ? null : row.agency_id,
        agency_size_band:
          row.consent_level === "national" || !row.agency_id ? null : (sizeBands.get(row.agency_id) ?? null),
        consent_level: row.consent_level,
      },
    });
  }
  if (ready.length === 0) return { batchId: null, reportIds: [], publicNumbers: [], skipped };

  const batchId = randomUUID();
  const year = today.slice(0, 4);
  await db.transaction().execute(async (trx) => {
    let sequence = await nextSequence(trx as unknown as Kysely<Database>, year);
    for (const item of ready) {
      item.report.public_number = `${year}-${String(sequence).padStart(5, "0")}`;
      sequence += 1;
      await trx.insertInto("reports").values(item.report).execute();
      if (item.factors.length)
        await trx
          .insertInto("report_factors")
          .values(item.factors.map((factor_code) => ({ report_id: item.report.id, factor_code })))
          .execute();
      await trx.insertInto("report_protected").values(item.protectedFields).execute();
      const decided = {
        status: "published" as const,
        report_id: item.report.id,
        decided_on: today,
        destroy_on: addDays(today, options.retentionDays),
      };
      await trx.updateTable("submissions").set(decided).where("id", "=", item.row.id).execute();
      await trx
        .updateTable("submissions")
        .set(decided)
        .where("duplicate_of", "=", item.row.id)
        .where("status", "not in", ["published", "not_published"])
        .execute();
    }
    await clearClaims(
      trx,
      ready.map((r) => r.row.id),
    );
    await recordPublishedChanges(
      trx,
      ready.map((r) => r.report.id),
    );
    await trx
      .insertInto("publication_batches")
      .values({
        id: batchId,
        run_on: today,
        published_month: `${today.slice(0, 7)}-01`,
        report_count: ready.length,
        run_by: options.runBy,
      })
      .execute();
  });

  for (const item of ready) {
    await appendAuditEntry(db, {
      actorUserId: options.runBy,
      action: "report.published",
      targetType: "report",
      targetId: item.report.id,
      detail: { batch: batchId, number: item.report.public_number },
    });
  }
  await appendAuditEntry(db, {
    actorUserId: options.runBy,
    action: "publication.batch_run",
    targetType: "publication_batch",
    targetId: batchId,
    detail: { reports: ready.length, skipped: skipped.length },
  });
  return {
    batchId,
    reportIds: ready.map((r) => r.report.id),
    publicNumbers: ready.map((r) => r.report.public_number),
    skipped,
  };
}

// "Lessons to read": the newest published national reports citing any of the given factors, through the
// library's own query (published, de-identified fields only).
import { findReports } from "../../db/library/explore-reports";
import { emptyFilters } from "../../domain/library-query";
import { anonymousViewer } from "../../db/library/published-columns";
import type { Executor } from "../../db/database";
import { labels } from "../../domain/taxonomy/index";
import { defaultSort, toSearchParams } from "~/library/filter-schema";
import type { DashboardState } from "./filter-schema";
import type { LessonsView } from "./view-types";

export async function lessonsFor(
  db: Executor,
  factorCodes: string[],
  state: DashboardState,
  limit = 5,
): Promise<LessonsView> {
  const filters = {
    ...emptyFilters,
    factors: factorCodes,
    factorMatch: "any" as const,
    incidentTypes: state.type ? [state.type] : [],
    lossPotentials: state.loss ? [state.loss] : [],
  };
  const sort = defaultSort("");
  const found =
    factorCodes.length === 0
      ? { rows: [] }
      : await findReports(db, filters, sort, { page: 1, size: limit }, anonymousViewer);
  return {
    factors: factorCodes.map((code) => ({ code, label: labels.factor(code) })),
    reports: found.rows.map((r) => ({
      publicNumber: r.publicNumber,
      title: r.title,
      incidentType: r.incidentType,
      lossPotential: r.lossPotential,
      eventMonth: r.eventMonth,
    })),
    moreHref: `/reports?${toSearchParams({ filters, sort, page: { page: 1, size: 25 } })}`,
  };
}

import { factors, incidentTypes, lossPotentials } from "../domain/taxonomy/index";
import type { Comparison } from "./comparison";
import type { ResolvedFilters } from "./filters";
import { CellBook } from "./privacy/cell-book";
import type { Count } from "../domain/figures";
import type { PrivacyRules } from "./privacy/rules";
import type { ReleasedCells } from "./privacy/suppress";
import { populationKey } from "./queries/population";
import { windowCounts, windowFactorTotals, windowTotal } from "./queries/slices";
import type { AnalyticsSource } from "./source";

/**
 * The window totals every measure of a dashboard repeats — the subject's reports, reports citing each
 * factor, reports of each incident type and loss potential, and the reference's (national excluding the
 * agency, or peers) — released once, with every relation between them and the public national figures.
 * Each measure then uses the same verdict for these figures (CellInput.shared): a total one measure shows
 * cannot give away a cell another measure withholds, and no measure withholds what another shows.
 *
 * Keys: s:n, s:f:<factor>, s:i:<incident type>, s:l:<loss potential>, r:n, r:f:<factor>.
 */
export function coreFigures(
  source: AnalyticsSource,
  filters: ResolvedFilters,
  cmp: Comparison,
  privacy: PrivacyRules,
): Promise<ReleasedCells> {
  const key =
    `core:${populationKey(cmp.subject.population)}:${cmp.reference?.kind ?? ""}:` +
    `${JSON.stringify(filters)}:${JSON.stringify(privacy)}`;
  return source.once(key, async () => {
    const subject = cmp.subject.population;
    const reference = cmp.reference;
    const needAll = cmp.subject.kind === "national" || reference?.kind === "national_excluding_agency";
    const [sn, sf, si, sl, all, ref] = await Promise.all([
      windowTotal(source, subject, filters),
      windowFactorTotals(source, subject, filters),
      windowCounts(source, subject, filters, "incident_type", false),
      windowCounts(source, subject, filters, "loss_potential", false),
      needAll
        ? Promise.all([
            windowTotal(source, { kind: "all" }, filters),
            windowFactorTotals(source, { kind: "all" }, filters),
          ])
        : null,
      reference?.population
        ? Promise.all([
            windowTotal(source, reference.population, filters),
            windowFactorTotals(source, reference.population, filters),
          ])
        : null,
    ]);
    const book = new CellBook();
    const tags = cmp.subject.tags;
    book.add("s:n", sn, tags);
    for (const f of factors) book.add(`s:f:${f.code}`, sf.get(f.code) ?? 0, tags);
    const byIncident = new Map(si.map((r) => [r.incident_type!, r.reports]));
    const byLoss = new Map(sl.map((r) => [r.loss_potential!, r.reports]));
    for (const t of incidentTypes) book.add(`s:i:${t.code}`, byIncident.get(t.code) ?? 0, tags);
    for (const l of lossPotentials) book.add(`s:l:${l.code}`, byLoss.get(l.code) ?? 0, tags);
    // Each report has one incident type and one loss potential.
    book.sum(
      "s:n",
      incidentTypes.map((t) => `s:i:${t.code}`),
    );
    book.sum(
      "s:n",
      lossPotentials.map((l) => `s:l:${l.code}`),
    );
    if (reference?.kind === "national_excluding_agency") {
      // Reference = all − agency; the public national figures are known to anyone.
      const [an, af] = all!;
      book.add("all:n", an, { protected: false });
      book.add("r:n", an - sn, reference.tags);
      book.sum("all:n", ["s:n", "r:n"]);
      for (const f of factors) {
        const total = af.get(f.code) ?? 0;
        book.add(`all:f:${f.code}`, total, { protected: false });
        book.add(`r:f:${f.code}`, total - (sf.get(f.code) ?? 0), reference.tags);
        book.sum(`all:f:${f.code}`, [`s:f:${f.code}`, `r:f:${f.code}`]);
      }
    } else if (reference && ref) {
      const [rn, rf] = ref;
      book.add("r:n", rn, reference.tags);
      for (const f of factors) book.add(`r:f:${f.code}`, rf.get(f.code) ?? 0, reference.tags);
    }
    return book.release(privacy, cmp.gates);
  });
}

/** The core verdict for a figure, to pass as CellInput.shared. */
export function shared(core: ReleasedCells, key: string): Count {
  return core.count(key);
}

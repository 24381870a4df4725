import { lossPotentials } from "../../domain/taxonomy/index";
import type { Count, Share } from "../../domain/figures";
import type { AgencyBook } from "../release-book/read-book";
import { shareOf } from "./book-figures";
import { type Reference, referencePopulation } from "./reference";

export interface BookLossMix {
  categories: { code: string; label: string }[];
  agency: { reports: Count; counts: Count[]; shares: (Share | null)[] };
  reference: { reports: Count; counts: Count[]; shares: (Share | null)[] } | null;
}

/** How bad the agency's close calls could have been (loss potential), next to the reference's mix. */
export function getBookLossMix(book: AgencyBook, choice: { period: string; reference: Reference }): BookLossMix {
  const population = referencePopulation[choice.reference];
  const side = (p: "agency" | typeof population) => {
    const reports = book.cell(choice.period, p, "n");
    if (reports === null) return null;
    const counts = lossPotentials.map((l) => book.cell(choice.period, p, `l:${l.code}`) ?? 0);
    return { reports, counts, shares: counts.map((c) => shareOf(c, reports)) };
  };
  return {
    categories: lossPotentials.map((l) => ({ code: l.code, label: l.label })),
    agency: side("agency")!,
    reference: side(population),
  };
}

// What the agency page (and its downloads, the briefing and the data API) receives: cells read from the
// agency's release book, shares computed from released cells only, the free layer of reports shared
// with the agency, and public lessons. Browser-safe types. A withheld figure stays a Suppressed value all
// the way to the screen: never zero, never the hidden number.
import type { BookFactorYears } from "../../analytics/agency-book/get-book-factor-years";
import type { BookHeadline } from "../../analytics/agency-book/get-book-headline";
import type { BookLossMix } from "../../analytics/agency-book/get-book-loss-mix";
import type { BookMatrix } from "../../analytics/agency-book/get-book-matrix";
import type { BookProfile } from "../../analytics/agency-book/get-book-profile";
import type { BookTrends } from "../../analytics/agency-book/get-book-trends";
import type { SharedFigures } from "../../analytics/agency-book/get-shared-figures";
import type { AgencyReference, AgencyState } from "./agency-state";
import type { LessonsView } from "./view-types";

export type { BookFactorYears, BookHeadline, BookLossMix, BookMatrix, BookProfile, BookTrends, SharedFigures };

export interface AgencyBookChoices {
  /** Released years and quarters of publication, oldest first. */
  years: string[];
  quarters: string[];
  /** Years whose incident type × factor table is in the book (an incident type can be chosen there). */
  matrixYears: string[];
  referenceLabels: Record<AgencyReference, string>;
}

export interface AgencyBookView {
  agencyName: string;
  /** The latest release: the quarter of publication it closed and the day it was released. */
  asOf: { quarter: string; releasedOn: string } | null;
  state: AgencyState;
  /** The state with its defaults filled in. */
  resolved: {
    period: string;
    reference: AgencyReference;
    sharedFrom: string;
    sharedTo: string;
    /** The latest month of publication: the month choices of the shared-reports layer end there. */
    sharedLatest: string;
  };
  choices: AgencyBookChoices;
  privacy: { k: number; agencyMinReports: number };
  /** The agency's own table for the period is released (not below the minimum). */
  open: boolean;
  headline: BookHeadline;
  profile: BookProfile & { referenceLabel: string };
  trends: BookTrends;
  /** Every factor in each released year of publication, side by side (the book's yearly cells). */
  factorYears: BookFactorYears;
  heatmap: BookMatrix | null;
  lossMix: BookLossMix;
  /** The free layer: reports officers shared with the agency's team, any months of publication. */
  shared: SharedFigures;
  lessons: LessonsView;
}

/** The agency has no release yet (a new partner, or the first release still running). */
export interface AgencyBookPending {
  agencyName: string;
  pending: true;
}

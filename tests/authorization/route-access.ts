import type { Role } from "../../db/schema/user.table";
import type { MatrixFixtures } from "./matrix-fixtures";

/**
 * Who may open each route (app/routes/<file>): one entry per route file, keyed by the file name
 * without its extension. The authorization matrix test calls every route's loader and action as
 * every persona and fails for a route without an entry, or an entry without a route.
 *
 * Adding a route is one line, e.g.
 *   "review._index": roles(["reviewer"]),
 *   "agency._index": roles(["agency_commander", "agency_trainer", "agency_analyst"], { form: () => ({ intent:
 * "save-view", name: "Matrix view", path: "/agency?vs=size" }) }),
 *   "national._index": roles(["national_analyst"]),
 *   "reports.$reportId": everyone({ params: (f) => ({ reportId: f.reportId }) }),
 */
export type Rule =
  /** Anybody, signed in or not (public pages, the report form, sign-in). */
  | { kind: "everyone"; options?: RuleOptions }
  /** Anyone who passed the password step: the second-factor pages. */
  | { kind: "second-factor"; options?: RuleOptions }
  /** Any signed-in account, whatever its role. */
  | { kind: "signed-in"; options?: RuleOptions }
  /** Signed-in accounts with one of these roles. */
  | { kind: "roles"; roles: readonly Role[]; options?: RuleOptions }
  /** Nobody: answers 404 for everyone (the catch-all). */
  | { kind: "not-found"; options?: RuleOptions }
  /** The agency data API: a bearer token only; every session (and nobody) gets a JSON 401. */
  | { kind: "api-token"; options?: RuleOptions };

export interface RuleOptions {
  /** Route params ($userId …) from the fixtures: ids of agency A's people and records. */
  params?: (f: MatrixFixtures) => Record<string, string>;
  /** Query string (e.g. a one-time token). */
  query?: (f: MatrixFixtures) => string;
  /** Form fields posted to the action besides the CSRF token (a harmless intent). */
  form?: (f: MatrixFixtures) => Record<string, string>;
  /**
   * The member of another agency (agency B's commander) holds the role but not the data: "deny"
   * when params or form point at agency A's records.
   */
  otherAgency?: "deny";
  /** When the action (POST) has its own rule, e.g. a public page with a staff-only form. */
  post?: Rule;
}

const everyone = (options?: RuleOptions): Rule => ({ kind: "everyone", options });
const secondFactor = (options?: RuleOptions): Rule => ({ kind: "second-factor", options });
const signedIn = (options?: RuleOptions): Rule => ({ kind: "signed-in", options });
const roles = (list: readonly Role[], options?: RuleOptions): Rule => ({ kind: "roles", roles: list, options });
const apiToken = (options?: RuleOptions): Rule => ({ kind: "api-token", options });

export const ROUTE_ACCESS: Record<string, Rule> = {
  _index: everyone(),
  $: { kind: "not-found", options: { params: () => ({ "*": "no-such-page" }) } },
  report: everyone(),
  receipt: everyone(),
  "reports._index": everyone(),
  "reports.feed[.]atom": everyone(),
  "reports_.export.$file": everyone({ params: () => ({ file: "reports.csv" }) }),
  "api.v1.profile": apiToken(),
  "api.v1.trends": apiToken(),
  "api.v1.reports": apiToken(),
  "api.v1.book": apiToken(),
  "api.v1.shared": apiToken(),
  "api.v1.$": apiToken({ params: () => ({ "*": "no-such-endpoint" }) }),
  "reports.$publicNumber": everyone({
    params: (f) => ({ publicNumber: f.publicNumber }),
    form: () => ({ intent: "feature" }),
    post: roles(["reviewer", "administrator"]),
  }),
  "sign-in": everyone(),
  "sign-in_.mfa": secondFactor(),
  "sign-in_.enrol": secondFactor(),
  "sign-out": everyone(),
  "partners.apply": everyone(),
  "invitations.accept": everyone({ query: (f) => `token=${f.invitationToken}` }),
  "password-reset": everyone({ query: (f) => `token=${f.resetToken}` }),
  account: signedIn(),
  "account_.recovery-codes": signedIn({ form: () => ({}) }),
  "admin.enrolments": roles(["administrator"]),
  "admin.users._index": roles(["administrator"]),
  "admin.users.$userId": roles(["administrator"], {
    params: (f) => ({ userId: f.agencyA.analyst }),
    form: () => ({ intent: "role", role: "agency_analyst" }),
  }),
  "agency_.members._index": roles(["agency_commander"]),
  "agency._index": roles(["agency_commander", "agency_trainer", "agency_analyst"], {
    form: () => ({ intent: "save-view", name: "Matrix view", path: "/agency?vs=size" }),
  }),
  "national._index": roles(["national_analyst", "administrator"]),
  "national.summary": everyone(),
  "review._index": roles(["reviewer"]),
  "review.publish": roles(["reviewer", "administrator"]),
  "review.$submissionId": roles(["reviewer"], { params: (f) => ({ submissionId: f.submissionId }), form: () => ({}) }),
  "agency_.api-tokens": roles(["agency_commander"], {
    form: () => ({ intent: "create", name: "Matrix token", days: "30" }),
  }),
  "agency_.briefing": roles(["agency_commander", "agency_trainer"]),
  "agency_.briefing[.]pdf": roles(["agency_commander", "agency_trainer"], { query: (f) => `report=${f.publicNumber}` }),
  "agency_.$kind.$file": roles(["agency_commander", "agency_trainer"], {
    params: () => ({ kind: "tables", file: "quarterly.csv" }),
  }),
  "national_.$kind.$file": roles(["national_analyst"], { params: () => ({ kind: "charts", file: "loss.png" }) }),
  "national.summary_.$kind.$file": everyone({ params: () => ({ kind: "tables", file: "all.xlsx" }) }),
  "agency_.members.$memberId": roles(["agency_commander"], {
    params: (f) => ({ memberId: f.agencyA.analyst }),
    form: () => ({ intent: "role", role: "agency_analyst" }),
    otherAgency: "deny",
  }),
};

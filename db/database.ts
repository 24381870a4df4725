import type { Kysely, Transaction } from "kysely";
import {
  type InvitationTable,
  type PasswordResetTable,
  type RecoveryCodeTable,
  invitationColumns,
  passwordResetColumns,
  recoveryCodeColumns,
} from "./schema/account.table";
import { type AgencyTable, agencyColumns } from "./schema/agency.table";
import {
  type AnalyticsCubeFactorTable,
  type AnalyticsCubeReportTable,
  type AnalyticsMonthFactorTable,
  type AnalyticsMonthLossFactorTable,
  type AnalyticsReportFactorTable,
  type AnalyticsReportTable,
  analyticsCubeFactorColumns,
  analyticsCubeReportColumns,
  analyticsMonthFactorColumns,
  analyticsMonthLossFactorColumns,
  analyticsReportColumns,
  analyticsReportFactorColumns,
} from "./schema/analytics.table";
import { type AppMetaTable, type AuditLogTable, appMetaColumns, auditLogColumns } from "./schema/audit.table";
import type { ColumnSpecs } from "./schema/columns";
import {
  type PublicationBatchTable,
  publicationBatchColumns,
  type ReviewClaimTable,
  reviewClaimColumns,
} from "./schema/publication.table";
import {
  type ReportFactorTable,
  type ReportProtectedTable,
  type ReportTable,
  reportColumns,
  reportFactorColumns,
  reportProtectedColumns,
} from "./schema/report.table";
import {
  type ReviewActionTable,
  type SubmissionMessageTable,
  type SubmissionTable,
  reviewActionColumns,
  submissionColumns,
  submissionMessageColumns,
} from "./schema/submission.table";
import {
  type TaxonomyTermTable,
  type TaxonomyVersionTable,
  taxonomyTermColumns,
  taxonomyVersionColumns,
} from "./schema/taxonomy.table";
import {
  type FeaturedReportTable,
  type LibraryDocumentTable,
  type SearchPostingTable,
  type SearchTermTable,
  type SearchVocabularyTable,
  featuredReportColumns,
  libraryDocumentColumns,
  searchPostingColumns,
  searchTermColumns,
  searchVocabularyColumns,
} from "./schema/library.table";
import { type SessionTable, type UserTable, sessionColumns, userColumns } from "./schema/user.table";
import { type ApiTokenTable, apiTokenColumns } from "./schema/api-token.table";
import { type SavedViewTable, savedViewColumns } from "./schema/saved-view.table";
import { type PublishedChangeTable, publishedChangeColumns } from "./schema/published-change.table";
import {
  type ReleaseBookCellTable,
  type ReleaseBookReleaseTable,
  releaseBookCellColumns,
  releaseBookReleaseColumns,
} from "./schema/release-book.table";

/** Hand-written schema; `tests/schema-drift.test.ts` compares it with information_schema. */
export interface Database {
  taxonomy_versions: TaxonomyVersionTable;
  taxonomy_terms: TaxonomyTermTable;
  agencies: AgencyTable;
  users: UserTable;
  sessions: SessionTable;
  submissions: SubmissionTable;
  submission_messages: SubmissionMessageTable;
  review_actions: ReviewActionTable;
  reports: ReportTable;
  report_factors: ReportFactorTable;
  report_protected: ReportProtectedTable;
  audit_log: AuditLogTable;
  app_meta: AppMetaTable;
  recovery_codes: RecoveryCodeTable;
  invitations: InvitationTable;
  password_resets: PasswordResetTable;
  library_documents: LibraryDocumentTable;
  search_postings: SearchPostingTable;
  search_vocabulary: SearchVocabularyTable;
  search_terms: SearchTermTable;
  featured_reports: FeaturedReportTable;
  publication_batches: PublicationBatchTable;
  review_claims: ReviewClaimTable;
  analytics_reports: AnalyticsReportTable;
  analytics_report_factors: AnalyticsReportFactorTable;
  analytics_cube_reports: AnalyticsCubeReportTable;
  analytics_cube_factors: AnalyticsCubeFactorTable;
  analytics_month_factors: AnalyticsMonthFactorTable;
  analytics_month_loss_factors: AnalyticsMonthLossFactorTable;
  api_tokens: ApiTokenTable;
  release_book_releases: ReleaseBookReleaseTable;
  release_book_cells: ReleaseBookCellTable;
  saved_views: SavedViewTable;
  published_changes: PublishedChangeTable;
}

export type DB = Kysely<Database>;
/** Repository functions take either the database or an open transaction. */
export type Executor = Kysely<Database> | Transaction<Database>;

/** Runtime copy of `Database` for the schema-drift test; a missing table or column fails to compile. */
export const schemaColumns: { [T in keyof Database]: ColumnSpecs<Database[T]> } = {
  taxonomy_versions: taxonomyVersionColumns,
  taxonomy_terms: taxonomyTermColumns,
  agencies: agencyColumns,
  users: userColumns,
  sessions: sessionColumns,
  submissions: submissionColumns,
  submission_messages: submissionMessageColumns,
  review_actions: reviewActionColumns,
  reports: reportColumns,
  report_factors: reportFactorColumns,
  report_protected: reportProtectedColumns,
  audit_log: auditLogColumns,
  app_meta: appMetaColumns,
  recovery_codes: recoveryCodeColumns,
  invitations: invitationColumns,
  password_resets: passwordResetColumns,
  library_documents: libraryDocumentColumns,
  search_postings: searchPostingColumns,
  search_vocabulary: searchVocabularyColumns,
  search_terms: searchTermColumns,
  featured_reports: featuredReportColumns,
  publication_batches: publicationBatchColumns,
  review_claims: reviewClaimColumns,
  analytics_reports: analyticsReportColumns,
  analytics_report_factors: analyticsReportFactorColumns,
  analytics_cube_reports: analyticsCubeReportColumns,
  analytics_cube_factors: analyticsCubeFactorColumns,
  analytics_month_factors: analyticsMonthFactorColumns,
  analytics_month_loss_factors: analyticsMonthLossFactorColumns,
  api_tokens: apiTokenColumns,
  release_book_releases: releaseBookReleaseColumns,
  release_book_cells: releaseBookCellColumns,
  saved_views: savedViewColumns,
  published_changes: publishedChangeColumns,
};

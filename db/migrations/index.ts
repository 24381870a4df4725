import type { Migration, MigrationProvider } from "kysely";
import * as m0001 from "./0001-initial-schema";
import * as m0002 from "./0002-taxonomy-v1";
import * as m0100 from "./0100-accounts";
import * as m0110 from "./0110-security-hardening";
import * as m0400 from "./0400-library-search";
import * as m0300 from "./0300-review";
import * as m0500 from "./0500-analytics-rollups";
import * as m0510 from "./0510-release-book";
import * as m0520 from "./0520-saved-views";
import * as m0600 from "./0600-api-tokens";
import * as m0700 from "./0700-published-changes";

// Static imports (not a folder scan) so the bundled server and the CLI see the same list.
// Numbering by area, so parallel work never collides: 0001–0099 foundation, 0100 accounts,
// 0200 intake, 0300 review, 0400 library, 0500 analytics, 0600 exports, 0700 later work.
export const migrations: Record<string, Migration> = {
  "0001-initial-schema": m0001,
  "0002-taxonomy-v1": m0002,
  "0100-accounts": m0100,
  "0110-security-hardening": m0110,
  "0400-library-search": m0400,
  "0300-review": m0300,
  "0500-analytics-rollups": m0500,
  "0510-release-book": m0510,
  "0520-saved-views": m0520,
  "0600-api-tokens": m0600,
  "0700-published-changes": m0700,
};

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return migrations;
  },
};

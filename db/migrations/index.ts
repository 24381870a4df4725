import type { Migration, MigrationProvider } from "kysely";
import * as m0001 from "./0001-initial-schema";
import * as m0002 from "./0002-taxonomy-v1";

// Static imports (not a folder scan) so the bundled server and the CLI see the same list.
// Numbering: 0001–0099 foundation; later work takes the next free number.
export const migrations: Record<string, Migration> = {
  "0001-initial-schema": m0001,
  "0002-taxonomy-v1": m0002,
};

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return migrations;
  },
};

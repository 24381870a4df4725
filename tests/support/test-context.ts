import type { AppContext } from "../../app/load-context";
import { readConfig, type AppConfig } from "../../app/config.server";
import type { OpenDatabase } from "../../db/open";

/** The load context a loader or action receives, around a test database. */
export function createTestContext(database: OpenDatabase, overrides: Partial<AppConfig> = {}): AppContext {
  const config = { ...readConfig({ NODE_ENV: "test", DATA_DIR: "/nonexistent-test-data" }), ...overrides };
  return { db: database.db, duck: database.instance, config, cspNonce: "test-nonce" };
}

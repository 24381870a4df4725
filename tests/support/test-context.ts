import type { AppContext } from "../../app/load-context";
import { readConfig, type AppConfig } from "../../orchestration/config";
import type { OpenDatabase } from "../../db/open";
import { embeddedDeployment } from "../../orchestration/deployment";
import { TEST_SERVER_KEY } from "./test-server-key";

/**
 * The load context a loader or action receives, around a test database. It holds this run's test server
 * key (TOTP seeds of test accounts are sealed under it); a test of a missing or weak key overrides it.
 */
export function createTestContext(database: OpenDatabase, overrides: Partial<AppConfig> = {}): AppContext {
  const config = {
    ...readConfig({ NODE_ENV: "test", DATA_DIR: "/nonexistent-test-data" }),
    intakeKey: TEST_SERVER_KEY,
    ...overrides,
  };
  const deployment = embeddedDeployment(database.db);
  return { db: database.db, analytics: database.db, deployment, config, cspNonce: "test-nonce" };
}

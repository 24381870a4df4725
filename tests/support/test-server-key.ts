import { loadServerKey } from "../../db/intake/server-key";
import { type SecretBox, secretBox } from "../../db/security/secret-box";
import { testIntakeKey } from "./intake";

/** One server key per test file (INTAKE_KEY form): test contexts hold it, test accounts' seeds are sealed under it. */
export const TEST_SERVER_KEY = testIntakeKey();

const loaded = loadServerKey({ envKey: TEST_SERVER_KEY, dataDir: "/none" });
if (!loaded.ok) throw new Error(loaded.reason);
export const testServerKey = loaded.key;

/** Seals and opens TOTP seeds as the app does under TEST_SERVER_KEY. */
export const testSecretBox: SecretBox = secretBox(testServerKey.accountSecretsKey);

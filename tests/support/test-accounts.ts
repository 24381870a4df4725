import type { Kysely } from "kysely";
import { generateTotpSecret, sealTotpSecret } from "../../db/accounts/mfa";
import { createSession } from "../../db/accounts/sessions";
import type { Database } from "../../db/database";
import type { Role } from "../../db/schema/user.table";
import { generatePartnerCode, hashPartnerCode } from "../../db/security/partner-code";
import { hashPassword } from "../../db/security/password";
import { SESSION_COOKIE } from "../../app/auth/session.server";
import { testSecretBox } from "./test-server-key";

// Accounts for loader/action tests: create people in any role, sign them in (a verified session,
// as after both factors) and build requests that carry their cookie and CSRF token.

export const TEST_PASSWORD = "correct horse battery staple";
let passwordHash: Promise<string> | undefined;

export interface TestUser {
  id: string;
  email: string;
  role: Role;
  agencyId: string | null;
  /** In clear, for computing codes; stored sealed under the test server key (tests/support/test-server-key.ts). */
  totpSecret: string;
}

export interface TestAgency {
  id: string;
  name: string;
  partnerCode: string;
}

export async function createTestAgency(db: Kysely<Database>, name: string): Promise<TestAgency> {
  const id = crypto.randomUUID();
  const partnerCode = generatePartnerCode();
  await db
    .insertInto("agencies")
    .values({
      id,
      name,
      state: "OH",
      census_region: "midwest",
      size_band: "100-499",
      status: "active",
      partner_code_hash: hashPartnerCode(partnerCode),
      contact_name: null,
      contact_email: null,
      applied_at: new Date(),
      decided_at: new Date(),
      left_at: null,
      is_synthetic: false,
    })
    .execute();
  return { id, name, partnerCode };
}

export async function createTestUser(
  db: Kysely<Database>,
  role: Role,
  options: { agencyId?: string | null; email?: string; enrolled?: boolean; isDemo?: boolean } = {},
): Promise<TestUser> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const id = crypto.randomUUID();
  const email = options.email ?? `${role}-${id.slice(0, 8)}@example.test`;
  const totpSecret = generateTotpSecret();
  const enrolled = options.enrolled ?? true;
  await db
    .insertInto("users")
    .values({
      id,
      email,
      display_name: `Test ${role}`,
      password_hash: await passwordHash,
      role,
      agency_id: options.agencyId ?? null,
      status: "active",
      is_demo: options.isDemo ?? false,
      totp_secret: enrolled ? sealTotpSecret(testSecretBox, id, totpSecret) : null,
      mfa_enrolled_at: enrolled ? new Date() : null,
      failed_sign_ins: 0,
      locked_until: null,
      created_at: new Date(),
      last_sign_in_at: null,
      totp_last_step: null,
      password_changed_at: null,
    })
    .execute();
  return { id, email, role, agencyId: options.agencyId ?? null, totpSecret };
}

export interface SignedInTestUser extends TestUser {
  cookie: string;
  csrf: string;
}

/** A fully signed-in session (both factors done) for the user. */
export async function signInTestUser(db: Kysely<Database>, user: TestUser): Promise<SignedInTestUser> {
  const session = await createSession(db, user.id, true);
  return { ...user, cookie: `${SESSION_COOKIE}=${session.id}`, csrf: session.csrfToken };
}

const BASE = "http://127.0.0.1";

/** A GET request as this person (or nobody). */
export function getAs(path: string, who?: { cookie: string } | null): Request {
  return new Request(`${BASE}${path}`, { headers: who ? { Cookie: who.cookie } : {} });
}

/** A form POST as this person, with their CSRF token unless the fields say otherwise. */
export function postAs(
  path: string,
  who: { cookie: string; csrf: string } | null,
  fields: Record<string, string> = {},
): Request {
  const body = new URLSearchParams(who ? { csrf: who.csrf, ...fields } : fields);
  return new Request(`${BASE}${path}`, {
    method: "POST",
    body,
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(who ? { Cookie: who.cookie } : {}) },
  });
}

/** The session cookie value a response sets, or null. */
export function setSessionCookie(response: Response | { headers: Headers }): string | null {
  const header = response.headers.get("Set-Cookie") ?? "";
  const match = header.match(new RegExp(`${SESSION_COOKIE}=([^;]*)`));
  return match ? match[1]! : null;
}

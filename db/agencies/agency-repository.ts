import type { Executor } from "../database";
import type { Agency } from "../schema/agency.table";
import { hashPartnerCode } from "../security/partner-code";

/** The active partner agency whose current code this is, or undefined (old, mistyped or unknown code). */
export async function findActiveAgencyByPartnerCode(db: Executor, code: string): Promise<Agency | undefined> {
  return db
    .selectFrom("agencies")
    .selectAll()
    .where("partner_code_hash", "=", hashPartnerCode(code))
    .where("status", "=", "active")
    .executeTakeFirst();
}

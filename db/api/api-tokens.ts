// Read-only API tokens of partner agencies. A commander creates them for the agency of their session;
// the secret (256 random bits) is returned once and only its SHA-256 is stored. Every query on tokens
// is restricted to the commander's own agency in its `where` (docs/design.md §8): a token id from a form only
// narrows it.
import { type AgencyViewer, commanderAgencyId } from "../accounts/agency-scope";
import { randomToken, tokenHash } from "../accounts/tokens";
import { appendAuditEntry } from "../audit/audit-log";
import type { Executor } from "../database";
import { unlessWrittenConcurrently } from "../write-conflict";

/** Every secret starts with this, so a leaked token is recognisable (secret scanners, logs). */
export const TOKEN_PREFIX = "ccapi_";
const SHOWN_PREFIX_LENGTH = TOKEN_PREFIX.length + 6;
/** Lifetimes a commander may choose, in days. */
export const TOKEN_LIFETIMES = [30, 90, 365] as const;
export type TokenLifetime = (typeof TOKEN_LIFETIMES)[number];
/** How stale `last_used_at` may get before a request writes it again (one write a minute at most). */
const TOUCH_AFTER_MS = 60_000;

const commanderAgency = (viewer: AgencyViewer) => commanderAgencyId(viewer, "API tokens");

export interface IssuedApiToken {
  id: string;
  name: string;
  /** The secret: shown to the commander once, never stored. */
  token: string;
  expiresAt: Date;
}

export async function createApiToken(
  db: Executor,
  viewer: AgencyViewer,
  input: { name: string; days: TokenLifetime },
  now = new Date(),
): Promise<IssuedApiToken> {
  const agencyId = commanderAgency(viewer);
  const token = `${TOKEN_PREFIX}${randomToken(32)}`;
  const id = crypto.randomUUID();
  const expiresAt = new Date(now.getTime() + input.days * 86_400_000);
  await db
    .insertInto("api_tokens")
    .values({
      id,
      agency_id: agencyId,
      name: input.name,
      token_hash: tokenHash(token),
      token_prefix: token.slice(0, SHOWN_PREFIX_LENGTH),
      created_by: viewer.id,
      created_at: now,
      expires_at: expiresAt,
      last_used_at: null,
      revoked_at: null,
      revoked_by: null,
    })
    .execute();
  await appendAuditEntry(db, {
    actorUserId: viewer.id,
    action: "api_token.created",
    targetType: "api_token",
    targetId: id,
    detail: { days: input.days },
  });
  return { id, name: input.name, token, expiresAt };
}

export type TokenStatus = "active" | "revoked" | "expired";

export interface ApiTokenListing {
  id: string;
  name: string;
  prefix: string;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  status: TokenStatus;
}

/** The commander's agency's tokens, newest first (revoked and expired ones too, for the record). */
export async function listApiTokens(db: Executor, viewer: AgencyViewer, now = new Date()): Promise<ApiTokenListing[]> {
  const rows = await db
    .selectFrom("api_tokens as t")
    .leftJoin("users as u", "u.id", "t.created_by")
    .select([
      "t.id",
      "t.name",
      "t.token_prefix",
      "u.display_name",
      "t.created_at",
      "t.expires_at",
      "t.last_used_at",
      "t.revoked_at",
    ])
    .where("t.agency_id", "=", commanderAgency(viewer))
    .orderBy("t.created_at", "desc")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.token_prefix,
    createdBy: r.display_name ?? "A former member",
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
    status: r.revoked_at ? "revoked" : r.expires_at <= now ? "expired" : "active",
  }));
}

/**
 * A presented token that was refused goes to the audit log: the token's id when it is
 * one of ours, else nothing but the reason — never the secret, never anything about the caller.
 */
export async function recordRefusedToken(
  db: Executor,
  check: { problem: TokenProblem; tokenId?: string },
): Promise<void> {
  await appendAuditEntry(db, {
    actorUserId: null,
    action: "api_token.refused",
    targetType: "api_token",
    targetId: check.tokenId ?? null,
    detail: { problem: check.problem },
  });
}

/** Revokes a token of the commander's own agency; false when there is no such active token there. */
export async function revokeApiToken(
  db: Executor,
  viewer: AgencyViewer,
  tokenId: string,
  now = new Date(),
): Promise<boolean> {
  const result = await db
    .updateTable("api_tokens")
    .set({ revoked_at: now, revoked_by: viewer.id })
    .where("id", "=", tokenId)
    .where("agency_id", "=", commanderAgency(viewer))
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  const revoked = Number(result.numUpdatedRows) === 1;
  if (revoked)
    await appendAuditEntry(db, {
      actorUserId: viewer.id,
      action: "api_token.revoked",
      targetType: "api_token",
      targetId: tokenId,
    });
  return revoked;
}

/** Who an accepted token speaks for: an agency, on behalf of the commander who created the token. */
export interface ApiCaller {
  tokenId: string;
  agencyId: string;
  createdBy: string;
}

export type TokenProblem = "malformed" | "unknown" | "revoked" | "expired" | "agency_inactive" | "creator_inactive";

export type TokenCheck = { ok: true; caller: ApiCaller } | { ok: false; problem: TokenProblem; tokenId?: string };

const TOKEN_SHAPE = new RegExp(`^${TOKEN_PREFIX}[A-Za-z0-9_-]{43}$`);

/**
 * Checks a presented secret. A token works while it is neither revoked nor expired, its agency is an
 * active partner, and the commander who created it still commands that agency (removing them, changing
 * their role or the agency leaving the programme stops their tokens at once).
 */
export async function checkApiToken(db: Executor, secret: string, now = new Date()): Promise<TokenCheck> {
  if (!TOKEN_SHAPE.test(secret)) return { ok: false, problem: "malformed" };
  const row = await db
    .selectFrom("api_tokens as t")
    .leftJoin("agencies as a", "a.id", "t.agency_id")
    .leftJoin("users as u", "u.id", "t.created_by")
    .select([
      "t.id",
      "t.agency_id",
      "t.created_by",
      "t.expires_at",
      "t.revoked_at",
      "t.last_used_at",
      "a.status as agency_status",
      "u.status as user_status",
      "u.role",
      "u.agency_id as user_agency",
    ])
    .where("t.token_hash", "=", tokenHash(secret))
    .executeTakeFirst();
  if (!row) return { ok: false, problem: "unknown" };
  const refused = (problem: TokenProblem): TokenCheck => ({ ok: false, problem, tokenId: row.id });
  if (row.revoked_at) return refused("revoked");
  if (row.expires_at <= now) return refused("expired");
  if (row.agency_status !== "active") return refused("agency_inactive");
  if (row.user_status !== "active" || row.role !== "agency_commander" || row.user_agency !== row.agency_id)
    return refused("creator_inactive");
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > TOUCH_AFTER_MS) {
    // Parallel requests with one token may write this at the same moment: one write is enough.
    await unlessWrittenConcurrently(() =>
      db.updateTable("api_tokens").set({ last_used_at: now }).where("id", "=", row.id).execute(),
    );
  }
  return { ok: true, caller: { tokenId: row.id, agencyId: row.agency_id, createdBy: row.created_by } };
}

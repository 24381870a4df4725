import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { loadServerKey } from "../intake/server-key";

/**
 * What the audit log needs from outside the database: the key of its HMAC chain
 * (derived from the server key, so whoever can write the database alone cannot re-hash it) and the
 * file holding the newest entry (the head), rewritten on each append, so that deleting the newest rows
 * is noticed too. One process owns the database, so one binding serves the process.
 */
export interface AuditAnchor {
  key: Buffer;
  /** DATA_DIR/audit-head.json, or null for an in-memory database. */
  headFile: string | null;
}

export const AUDIT_HEAD_FILE = "audit-head.json";

export interface AuditHead {
  seq: number;
  hash: string;
}

export class AuditKeyMissingError extends Error {
  constructor() {
    super(
      "The audit log has no key: it derives from the server key (INTAKE_KEY or DATA_DIR/intake.key), which is " +
        "missing or unusable.",
    );
    this.name = "AuditKeyMissingError";
  }
}

// The server (server/*.ts) and the Remix build (build/index.js) each load a copy of this module into
// the one process: what must exist once per process — the binding, and the queue that serialises
// appends (each needs the previous row's hash) — lives on globalThis, shared by both copies.
interface AuditProcessState {
  anchor: AuditAnchor | null;
  queue: Promise<unknown>;
}
const STATE = Symbol.for("closecall.audit-log");
const holder = globalThis as typeof globalThis & { [STATE]?: AuditProcessState };
export const auditProcessState: AuditProcessState = (holder[STATE] ??= { anchor: null, queue: Promise.resolve() });

export function useAuditAnchor(anchor: AuditAnchor | null): void {
  auditProcessState.anchor = anchor;
}

/** Binds the audit log to the server key of `dataDir` (or INTAKE_KEY); false when there is no usable key. */
export function useAuditAnchorOf(options: { envKey: string | undefined; dataDir: string }): boolean {
  const key = loadServerKey(options);
  if (!key.ok) return false;
  useAuditAnchor({ key: key.key.auditKey, headFile: path.join(options.dataDir, AUDIT_HEAD_FILE) });
  return true;
}

export function auditAnchor(): AuditAnchor {
  if (!auditProcessState.anchor) throw new AuditKeyMissingError();
  return auditProcessState.anchor;
}

export function auditLogReady(): boolean {
  return auditProcessState.anchor !== null;
}

export function readAuditHead(headFile: string): AuditHead | null {
  if (!existsSync(headFile)) return null;
  const parsed = JSON.parse(readFileSync(headFile, "utf8")) as Partial<AuditHead>;
  if (typeof parsed.seq !== "number" || typeof parsed.hash !== "string")
    throw new Error(`${headFile} does not hold an audit head`);
  return { seq: parsed.seq, hash: parsed.hash };
}

/** Replaces the head file in one step (write, then rename), readable by its owner only. */
export function writeAuditHead(headFile: string, head: AuditHead): void {
  const temporary = `${headFile}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(head)}\n`, { mode: 0o600 });
  renameSync(temporary, headFile);
}

import { randomBytes } from "node:crypto";
import { useAuditAnchor } from "../../db/audit/audit-anchor";

// The audit log needs its key, which the server and the CLI derive from the server key. Test files work
// on in-memory databases: a key of their own and no head file; tests of the head file bind their own.
useAuditAnchor({ key: randomBytes(32), headFile: null });

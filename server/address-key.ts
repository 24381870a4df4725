import { createHmac, randomBytes } from "node:crypto";
import type { RequestHandler } from "express";

/**
 * An HMAC of the client address under a salt that changes every UTC day and exists only in this
 * process's memory (docs/design.md §6.6). Abuse caps (intake) and per-source sign-in limits count by this key;
 * the address itself goes no further than this function, and yesterday's keys cannot be linked to today's.
 */
export function createAddressKeyer(
  today: () => string = () => new Date().toISOString().slice(0, 10),
): (address: string) => string {
  let day = "";
  let salt = Buffer.alloc(0);
  return (address) => {
    const now = today();
    if (now !== day) {
      day = now;
      salt = randomBytes(32);
    }
    return createHmac("sha256", salt).update(address).digest("base64url");
  };
}

export function addressKeys(keyer = createAddressKeyer()): RequestHandler {
  return (req, res, next) => {
    res.locals.addressKey = keyer(req.socket.remoteAddress ?? "unknown");
    next();
  };
}

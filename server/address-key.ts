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

/**
 * The same key in every worker of `--workers N`: the day's salt is the primary's (asked once a day and
 * kept in memory like the single process's own).
 */
export function createSharedAddressKeyer(
  saltOf: (day: string) => Promise<string>,
  today: () => string = () => new Date().toISOString().slice(0, 10),
): (address: string) => Promise<string> {
  let salt: { day: string; value: Promise<string> } = { day: "", value: Promise.resolve("") };
  return async (address) => {
    const now = today();
    if (now !== salt.day) {
      salt = { day: now, value: saltOf(now) };
      salt.value.catch(() => (salt = { day: "", value: Promise.resolve("") })); // asked again next time
    }
    return createHmac("sha256", Buffer.from(await salt.value, "base64"))
      .update(address)
      .digest("base64url");
  };
}

export function addressKeys(
  keyer: (address: string) => string | Promise<string> = createAddressKeyer(),
): RequestHandler {
  return (req, res, next) => {
    Promise.resolve(keyer(req.socket.remoteAddress ?? "unknown")).then((key) => {
      res.locals.addressKey = key;
      next();
    }, next);
  };
}

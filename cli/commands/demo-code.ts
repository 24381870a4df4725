import { currentTotp } from "../../db/accounts/mfa";
import { DEMO_TOTP_SECRET } from "../../db/synthetic/demo-accounts";
import type { Command } from "../command";
import { parseOptions } from "../parse";

// For trying the demo without an authenticator app. It knows only the published demo secret,
// which production refuses to sign in with (demo accounts are turned off there).
export const demoCode: Command = {
  name: "demo-code",
  summary: "print the current two-step verification code of the demo accounts",
  usage: "closecall demo-code",
  async run(args, io) {
    parseOptions(args, {});
    const seconds = 30 - (Math.floor(Date.now() / 1000) % 30);
    io.out(
      `${await currentTotp(DEMO_TOTP_SECRET)}  (valid for ${seconds} more seconds; each code signs in once per ` +
        `account)`,
    );
    return 0;
  },
};

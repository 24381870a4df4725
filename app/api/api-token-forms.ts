// The API token forms: one zod schema each, shared by the page and its action. Browser-safe.
import { z } from "zod";

export const TOKEN_LIFETIME_DAYS = ["30", "90", "365"] as const;

export const CreateApiTokenSchema = z.object({
  name: z
    .string()
    .trim()
    .min(3, "Name the token after what uses it, e.g. “Training unit spreadsheet” (3 characters or more).")
    .max(80, "Use at most 80 characters."),
  days: z.enum(TOKEN_LIFETIME_DAYS, { errorMap: () => ({ message: "Choose how long the token works." }) }),
});

export const RevokeApiTokenSchema = z.object({ tokenId: z.string().uuid("Unknown token.") });

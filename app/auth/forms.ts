// Browser-safe zod schemas, one per form, used by the actions (and usable by the browser). The
// common-password rule needs a 50,000-word list, so the server adds it (password-policy.server.ts).
import { z } from "zod";
import { roles } from "../../db/schema/user.table";
import { agencySizeBands, codesOf } from "../../domain/taxonomy/index";
import { states } from "../../domain/taxonomy/states";

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

const email = z
  .string()
  .trim()
  .min(1, "Enter an email address.")
  .max(254, "Use at most 254 characters.")
  .email("Enter a valid email address.");
const characters = (s: string) => [...s].length;
const newPassword = z
  .string()
  .refine((s) => characters(s) >= PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .refine((s) => characters(s) <= PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`);
const displayName = z
  .string()
  .trim()
  .min(2, "Enter your name as colleagues know it.")
  .max(80, "Use at most 80 characters.");
const id = z.string().uuid("Unknown record.");

function matchingPasswords<T extends z.ZodRawShape>(shape: T) {
  return z
    .object({ ...shape, password: newPassword, confirmPassword: z.string() })
    .refine((v) => v.password === v.confirmPassword, {
      path: ["confirmPassword"],
      message: "The two passwords are not the same.",
    });
}

export const SignInSchema = z.object({
  email,
  password: z.string().min(1, "Enter your password.").max(1024, "That is not your password."),
  redirectTo: z.string().max(2000).optional(),
});

export const SecondFactorSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("totp"),
    code: z
      .string()
      .trim()
      .regex(/^\d{3}\s?\d{3}$/, "Enter the 6-digit code from your authenticator app."),
    redirectTo: z.string().max(2000).optional(),
  }),
  z.object({
    kind: z.literal("recovery"),
    code: z
      .string()
      .trim()
      .regex(/^[0-9A-Za-z]{4}(-?[0-9A-Za-z]{4}){3}$/, "Enter a recovery code like ABCD-EFGH-JKMN-PQRS."),
    redirectTo: z.string().max(2000).optional(),
  }),
]);

export const EnrolmentSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{3}\s?\d{3}$/, "Enter the 6-digit code from your authenticator app."),
});

/** A fresh password or TOTP code before actions a stolen session must not take. */
export const ConfirmIdentitySchema = z.object({
  confirm: z
    .string()
    .min(1, "Enter your password or the current code from your authenticator app.")
    .max(1024, "That is not your password."),
});

export const ChangePasswordSchema = matchingPasswords({
  currentPassword: z.string().min(1, "Enter your current password.").max(1024),
});
export const AcceptInvitationSchema = matchingPasswords({ token: z.string().min(1).max(200), displayName });
export const ResetPasswordSchema = matchingPasswords({ token: z.string().min(1).max(200) });

export const stateCodes = states.map((s) => s.code) as [string, ...string[]];
export const AgencyApplicationSchema = z.object({
  agencyName: z.string().trim().min(3, "Enter the agency's full name.").max(120, "Use at most 120 characters."),
  state: z.enum(stateCodes, { errorMap: () => ({ message: "Choose the agency's state." }) }),
  sizeBand: z.enum(codesOf(agencySizeBands), { errorMap: () => ({ message: "Choose the number of sworn officers." }) }),
  contactName: z.string().trim().min(2, "Enter the name of the person applying.").max(80, "Use at most 80 characters."),
  contactEmail: email,
});

export const agencyRoleCodes = ["agency_commander", "agency_trainer", "agency_analyst"] as const;
export const programmeRoleCodes = ["reviewer", "administrator", "national_analyst"] as const;

export const InviteMemberSchema = z.object({
  intent: z.literal("invite"),
  email,
  role: z.enum(agencyRoleCodes, { errorMap: () => ({ message: "Choose a role." }) }),
});
export const InviteStaffSchema = z.object({
  intent: z.literal("invite"),
  email,
  role: z.enum(programmeRoleCodes, { errorMap: () => ({ message: "Choose a role." }) }),
});
export const MemberIdSchema = z.object({ memberId: id });
export const InvitationIdSchema = z.object({ invitationId: id });
export const MemberRoleSchema = z.object({
  role: z.enum(agencyRoleCodes, { errorMap: () => ({ message: "Choose a role." }) }),
});
export const LeaveProgrammeSchema = z.object({ confirmName: z.string().trim().max(200) });
export const EnrolmentDecisionSchema = z.object({ intent: z.enum(["approve", "decline"]), agencyId: id });
export const UserRoleSchema = z.object({ role: z.enum(roles, { errorMap: () => ({ message: "Choose a role." }) }) });
export const PasswordResetIssueSchema = z.object({ resetMfa: z.literal("on").optional() });
export const SessionIdSchema = z.object({ sessionId: z.string().regex(/^[0-9a-f]{64}$/) });

export type FieldErrors = Record<string, string>;

/** The first message per field, for showing next to each field. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    errors[key] ??= issue.message;
  }
  return errors;
}

import { dictionary } from "@zxcvbn-ts/language-common";

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

// zxcvbn-ts's list of the ~50,000 most common passwords (maintained with the package). Most are
// shorter than 12 characters and already fail the length rule; the longer ones are refused here.
const common = new Set(dictionary["passwords-common"].map((p) => p.toLowerCase()));

/** Length in characters as a person counts them (code points, not UTF-16 units). */
export function passwordLength(password: string): number {
  return [...password].length;
}

/**
 * Why a new password is not acceptable, or null (ASVS 5.0 §6.2: 12–128 characters, any characters,
 * no composition rules, no common or context-specific passwords).
 */
export function passwordProblem(password: string, email?: string): string | null {
  const length = passwordLength(password);
  if (length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters.`;
  if (length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
  const lower = password.toLowerCase();
  if (common.has(lower)) return "This password is one of the most common passwords. Choose another.";
  if (new Set(lower).size < 4) return "This password repeats too few characters. Choose another.";
  const local = email?.toLowerCase().split("@")[0];
  if (local && local.length >= 4 && lower.includes(local)) return "Do not use your email address in your password.";
  if (lower.includes("closecall") || lower.includes("close call"))
    return "Do not use the name of this service in your password.";
  return null;
}

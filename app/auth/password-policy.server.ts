import { passwordProblem } from "../../db/accounts/password-policy";
import type { FieldErrors } from "./forms";

/** The server-side half of a new-password check (common and context-specific passwords). */
export function newPasswordErrors(password: string, email?: string): FieldErrors | null {
  const problem = passwordProblem(password, email);
  return problem ? { password: problem } : null;
}

/** Absolute one-time links for the person who issues them to pass on (no email server). */
export function invitationLink(request: Request, token: string): string {
  return `${new URL(request.url).origin}/invitations/accept?${new URLSearchParams({ token })}`;
}

export function passwordResetLink(request: Request, token: string): string {
  return `${new URL(request.url).origin}/password-reset?${new URLSearchParams({ token })}`;
}

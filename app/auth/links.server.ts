import type { AppLoadContext } from "@remix-run/node";

// Absolute one-time links for the person who issues them to pass on (no email server). Their origin
// is the configured PUBLIC_URL, never the request's Host header, which anyone can set.

export function invitationLink(context: AppLoadContext, token: string): string {
  return `${context.config.publicUrl}/invitations/accept?${new URLSearchParams({ token })}`;
}

export function passwordResetLink(context: AppLoadContext, token: string): string {
  return `${context.config.publicUrl}/password-reset?${new URLSearchParams({ token })}`;
}

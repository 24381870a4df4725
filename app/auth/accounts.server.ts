// The account functions routes may call: routes reach db/ only through *.server.ts modules, so
// none of this can end up in the browser bundle (docs/design.md §10, convention 5).
export { applyForPartnership, decideApplication, listPendingApplications } from "../../db/accounts/agency-applications";
export {
  AgencyAccessError,
  changeMemberRole,
  findMember,
  getOwnAgency,
  inviteMember,
  leaveProgramme,
  listMembers,
  listOpenInvitations,
  removeMember,
  revokeInvitation,
  rotatePartnerCode,
} from "../../db/accounts/agency-scope";
export { acceptInvitation, findOpenInvitation } from "../../db/accounts/invitations";
export {
  generateTotpSecret,
  openEnrolmentSecret,
  remainingRecoveryCodes,
  replaceRecoveryCodes,
  sealEnrolmentSecret,
  totpAuthUri,
} from "../../db/accounts/mfa";
export { completePasswordReset, findOpenPasswordReset, issuePasswordReset } from "../../db/accounts/password-resets";
export {
  deleteSession,
  endOwnSession,
  listUserSessions,
  setEnrolmentSecret,
  signOut,
  signOutEverywhere,
  takeRecoveryCodesToShow,
} from "../../db/accounts/sessions";
export { completeSecondFactor, confirmMfaEnrolment, signInWithPassword } from "../../db/accounts/sign-in";
export { confirmIdentity } from "../../db/accounts/reauthenticate";
export {
  changeUserRole,
  getUserListing,
  inviteProgrammeStaff,
  listUsers,
  setUserStatus,
} from "../../db/accounts/user-admin";
export { changeOwnPassword, normaliseEmail } from "../../db/accounts/users";
export { createInvitation } from "../../db/accounts/invitations";

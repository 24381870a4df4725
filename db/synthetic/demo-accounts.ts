import type { Role } from "../schema/user.table";
import type { DemoAgencyKey } from "./generate-agencies";

/** Demo mode only: one shared password and one shared TOTP secret, printed at start and in the README. */
export const DEMO_PASSWORD = "near-miss-demo-2026";
/** Base32 TOTP secret (RFC 6238, SHA-1, 6 digits, 30 s) that every demo account is enrolled with. */
export const DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

export interface DemoAccount {
  email: string;
  displayName: string;
  role: Role;
  agency?: DemoAgencyKey;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: "reviewer1@demo.closecall.test", displayName: "Reviewer One", role: "reviewer" },
  { email: "reviewer2@demo.closecall.test", displayName: "Reviewer Two", role: "reviewer" },
  { email: "admin@demo.closecall.test", displayName: "Programme Administrator", role: "administrator" },
  { email: "analyst@demo.closecall.test", displayName: "National Analyst", role: "national_analyst" },
  {
    email: "commander@metro.demo.closecall.test",
    displayName: "Metro Commander",
    role: "agency_commander",
    agency: "metro",
  },
  { email: "trainer@metro.demo.closecall.test", displayName: "Metro Trainer", role: "agency_trainer", agency: "metro" },
  { email: "analyst@metro.demo.closecall.test", displayName: "Metro Analyst", role: "agency_analyst", agency: "metro" },
  {
    email: "commander@harbor.demo.closecall.test",
    displayName: "Harbor Commander",
    role: "agency_commander",
    agency: "harbor",
  },
  {
    email: "trainer@harbor.demo.closecall.test",
    displayName: "Harbor Trainer",
    role: "agency_trainer",
    agency: "harbor",
  },
  {
    email: "analyst@harbor.demo.closecall.test",
    displayName: "Harbor Analyst",
    role: "agency_analyst",
    agency: "harbor",
  },
  {
    email: "commander@pinehollow.demo.closecall.test",
    displayName: "Pine Hollow Commander",
    role: "agency_commander",
    agency: "pinehollow",
  },
];

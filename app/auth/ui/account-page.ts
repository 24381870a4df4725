import type { LinksFunction, MetaFunction } from "@remix-run/node";
import accountStyles from "~/styles/accounts.css";

/**
 * What every account page (sign-in, enrolment, account, members, users) exports alike: the accounts
 * stylesheet (and any of its own) and its title.
 */
export function accountPage(title: string, ...styles: string[]): { links: LinksFunction; meta: MetaFunction } {
  return {
    links: () => [accountStyles, ...styles].map((href) => ({ rel: "stylesheet", href })),
    meta: () => [{ title: `${title} — Close Call` }],
  };
}

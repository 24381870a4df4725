import type { LinksFunction, MetaFunction } from "@remix-run/node";
import exportStyles from "~/exports/exports.css";
import dashboardStyles from "./dashboard.css";

/**
 * What both national dashboard routes (the signed-in view and the public summary) export alike: the
 * dashboard and export stylesheets, and the page's title.
 */
export function nationalPage(title: string): { links: LinksFunction; meta: MetaFunction } {
  return {
    links: () => [dashboardStyles, exportStyles].map((href) => ({ rel: "stylesheet", href })),
    meta: () => [{ title: `${title} — Close Call` }],
  };
}

// The Atom feed of new reports. Dates are the month of publication (docs/design.md §6: never a day), written
// as the first of the month at 00:00 UTC because Atom requires a full timestamp.
import { Feed } from "feed";
import { labels } from "../../domain/taxonomy/index";
import type { RecentReport } from "../../db/library/recent-reports";

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const monthStart = (month: string) => new Date(`${month}-01T00:00:00Z`);

export function buildAtomFeed(reports: readonly RecentReport[], origin: string): string {
  const feed = new Feed({
    title: "Close Call: new near-miss reports",
    description: "De-identified close calls shared by law-enforcement officers, with the lessons learned.",
    id: `${origin}/reports`,
    link: `${origin}/reports`,
    language: "en",
    copyright: "Shared by officers for officers' safety",
    updated: reports[0] ? monthStart(reports[0].publishedMonth) : new Date("2000-01-01T00:00:00Z"),
    generator: "Close Call",
    feedLinks: { atom: `${origin}/reports/feed.atom` },
  });
  for (const r of reports) {
    const url = `${origin}/reports/${r.publicNumber}`;
    feed.addItem({
      // The feed library writes titles as type="html": a title is text, so it goes out escaped.
      title: escapeHtml(r.title),
      id: url,
      link: url,
      date: monthStart(r.publishedMonth),
      description:
        `${labels.incidentType(r.incidentType)} · ${labels.lossPotential(r.lossPotential)} · ` +
        `report ${r.publicNumber}`,
      content:
        `<h2>Event summary</h2><p>${escapeHtml(r.summary)}</p>` +
        `<h2>Lessons learned</h2><p>${escapeHtml(r.lessons)}</p>`,
    });
  }
  return feed.atom1();
}

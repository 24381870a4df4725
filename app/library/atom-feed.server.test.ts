import { describe, expect, it } from "vitest";
import { buildAtomFeed } from "./atom-feed.server";

describe("Atom feed", () => {
  it("escapes narrative text so a report cannot inject markup into a feed reader", () => {
    const xml = buildAtomFeed(
      [
        {
          publicNumber: "2026-00001",
          title: "A <script> title",
          summary: "We found <script>alert(1)</script> & [a knife].",
          lessons: 'Check "twice".',
          incidentType: "traffic_stop",
          lossPotential: "fatality",
          publishedMonth: "2026-03",
        },
      ],
      "https://closecall.example",
    );
    expect(xml).not.toContain("<script>alert(1)</script>");
    expect(xml).toContain("We found &lt;script&gt;alert(1)&lt;/script&gt; &amp; [a knife].");
    expect(xml).toContain("<id>https://closecall.example/reports/2026-00001</id>");
    expect(xml).toContain("2026-03-01T00:00:00.000Z");
  });
});

import { randomBytes } from "node:crypto";
import { gunzipSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compressPage, gzipWith, textWith } from "./compressed-page";

const nonce = () => randomBytes(18).toString("base64");
const token = () => randomBytes(32).toString("base64url");

/** A page made of text pieces with the values in between (as a renderer writes them). */
const pageArbitrary = fc.array(
  fc.tuple(
    fc.string({ unit: "binary", maxLength: 300 }),
    fc.constantFrom<"nonce" | "csrf" | null>("nonce", "csrf", null),
  ),
  { maxLength: 12 },
);

function render(pieces: [string, "nonce" | "csrf" | null][], values: { nonce: string; csrf: string }): string {
  return pieces.map(([text, hole]) => text + (hole ? values[hole] : "")).join("");
}

describe("a page compressed once with holes", () => {
  it("gives, for any values, exactly the page rendered with those values, gzipped and plain", () => {
    fc.assert(
      fc.property(pageArbitrary, (pieces) => {
        const rendered = { nonce: nonce(), csrf: token() };
        const page = compressPage(render(pieces, rendered), rendered);
        const other = { nonce: nonce(), csrf: token() };
        const expected = render(pieces, other);
        expect(gunzipSync(gzipWith(page, other)).toString("utf8")).toBe(expected);
        expect(textWith(page, other).toString("utf8")).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("keeps none of the values it was rendered with", () => {
    const rendered = { nonce: nonce(), csrf: token() };
    const html =
      `<script nonce="${rendered.nonce}">x</script><input name="csrf" ` +
      `value="${rendered.csrf}">${"<p>text</p>".repeat(500)}<script ` +
      `nonce="${rendered.nonce}">{"nonce":"${rendered.nonce}"}</script>`;
    const page = compressPage(html, rendered);
    expect(page.holes).toEqual(["nonce", "csrf", "nonce", "nonce"]);
    const kept = Buffer.concat([...page.parts, ...page.deflated]).toString("latin1");
    expect(kept).not.toContain(rendered.nonce);
    expect(kept).not.toContain(rendered.csrf);
    const next = { nonce: nonce(), csrf: token() };
    const served = gunzipSync(gzipWith(page, next)).toString("utf8");
    expect(served).toBe(html.replaceAll(rendered.nonce, next.nonce).replaceAll(rendered.csrf, next.csrf));
    expect(served).not.toContain(rendered.nonce);
  });

  it("compresses: a repetitive page is much smaller gzipped", () => {
    const values = { nonce: nonce() };
    const rows = "<tr><td>Traffic stop</td><td>Serious injury</td></tr>".repeat(400);
    const html = `<script nonce="${values.nonce}"></script>${rows}`;
    expect(gzipWith(compressPage(html, values), values).length).toBeLessThan(html.length / 20);
  });

  it("refuses values short enough to match page text by chance, and answers nothing for a missing value", () => {
    expect(() => compressPage("<p>abc</p>", { nonce: "abc" })).toThrow(/too short/);
    const page = compressPage(`<p>${"n".repeat(24)}</p>`.replace("n".repeat(24), "N0nceN0nceN0nceN0nceN0nc"), {
      nonce: "N0nceN0nceN0nceN0nceN0nc",
    });
    expect(() => gzipWith(page, {})).toThrow(/No value/);
  });
});

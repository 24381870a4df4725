import type { Browser } from "playwright-core";
import { expect, it } from "vitest";
import { VALID_INPUT } from "../support/intake";
import { describeInBrowser, DESKTOP, PHONE } from "../support/browser";
import type { AppServer } from "./support/app-server";
import { withServerAndBrowser } from "./support/server-and-browser";
import { startJourney } from "./support/journey";
import { type FocusStop, tabTo } from "./support/keyboard";

// The report form with the keyboard alone (Tab, Shift+Tab, typing, Space, arrows, Enter): every step,
// the review and the receipt, a visible focus ring at every stop that is never hidden behind the
// sticky buttons, and errors announced: the field that needs a change gets focus, already described
// by its error (aria-invalid + aria-describedby), so a screen reader reads the error with the field.
describeInBrowser("the report form by keyboard", () => {
  let server: AppServer;
  let browser: Browser;
  withServerAndBrowser((s, b) => {
    [server, browser] = [s, b];
  });

  it.each([
    { viewport: DESKTOP, name: "desktop" },
    { viewport: PHONE, name: "phone" },
  ])(
    "is completed with the keyboard alone ($name), with visible focus and announced errors",
    async ({ viewport, name }) => {
      const officer = await startJourney(browser, { name: `keyboard-${name}`, viewport });
      const { page } = officer;
      const stops: FocusStop[] = [];
      const button = (label: string) => page.getByRole("button", { name: label, exact: true });
      await page.goto(`${server.url}/report`);
      await page.getByText("Step 1 of 7").waitFor();
      // What a screen reader hears when focus lands: the field, whether invalid, and its description.
      await page.evaluate(() => {
        const log: { id: string; invalid: string | null; description: string }[] = [];
        (window as unknown as { focusLog: typeof log }).focusLog = log;
        document.addEventListener(
          "focusin",
          (event) => {
            const el = event.target as HTMLElement;
            const ids = (el.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean);
            log.push({
              id: el.id,
              invalid: el.getAttribute("aria-invalid"),
              description: ids.map((id) => document.getElementById(id)?.textContent ?? "").join(" "),
            });
          },
          true,
        );
      });
      const lastFocus = () =>
        page.evaluate(() =>
          (
            window as unknown as { focusLog: { id: string; invalid: string | null; description: string }[] }
          ).focusLog.at(-1),
        );

      await tabTo(page, page.locator("a.skip-link"), stops);
      await page.keyboard.press("Enter");
      await tabTo(page, button("Next: What contributed"), stops);
      await page.keyboard.press("Enter");
      await expect
        .poll(lastFocus)
        .toMatchObject({ id: "title", invalid: "true", description: expect.stringMatching(/short title/) });
      await officer.audit("keyboard: step 1 with errors");

      await page.keyboard.type(VALID_INPUT.title);
      await tabTo(page, page.locator("#narrative"), stops);
      await page.keyboard.type(VALID_INPUT.narrative);
      await tabTo(page, button("Next: What contributed"), stops);
      await page.keyboard.press("Enter");
      await page.getByText("Step 2 of 7").waitFor();
      // The family is a closed <details>: Enter on its summary opens it, then Tab reaches the factor.
      await tabTo(page, page.locator('details.factor-family:has(input[value="st_concealed_weapon"]) > summary'), stops);
      await page.keyboard.press("Enter");
      await tabTo(page, page.locator('input[value="st_concealed_weapon"]'), stops);
      await page.keyboard.press("Space");
      await tabTo(page, button("Next: Lessons learned"), stops);
      await page.keyboard.press("Enter");
      await tabTo(page, page.locator("#lessons"), stops);
      await page.keyboard.type(VALID_INPUT.lessons);
      await tabTo(page, button("Next: When and where"), stops);
      await page.keyboard.press("Enter");
      await page.getByText("Step 4 of 7").waitFor();
      for (const [field, label] of [
        ["incidentType", "Traffic stop"],
        ["eventMonth", "March"],
        ["eventYear", VALID_INPUT.eventYear],
        ["state", "Ohio"],
      ] as const) {
        await tabTo(page, page.locator(`#${field}`), stops);
        await page.keyboard.type(label); // a closed select picks the option whose label starts with what is typed
      }
      await expect
        .poll(() =>
          page.evaluate(() =>
            ["incidentType", "eventMonth", "eventYear", "state"].map(
              (id) => (document.getElementById(id) as HTMLSelectElement).value,
            ),
          ),
        )
        .toEqual([VALID_INPUT.incidentType, VALID_INPUT.eventMonth, VALID_INPUT.eventYear, VALID_INPUT.state]);
      await tabTo(page, button("Next: How bad it could have been"), stops);
      await page.keyboard.press("Enter");
      await tabTo(page, page.getByRole("radio", { name: "Fatality" }), stops);
      await page.keyboard.press("ArrowDown"); // Fatality → Serious injury
      await expect
        .poll(() => page.locator('input[name="lossPotential"]:checked').getAttribute("value"))
        .toBe("serious_injury");
      await tabTo(page, button("Next: Agency sharing"), stops);
      await page.keyboard.press("Enter");
      await tabTo(page, button("Review my report"), stops);
      await page.keyboard.press("Enter");
      await page.getByText("Security check done").waitFor({ timeout: 30_000 });
      await officer.audit("keyboard: review");
      await tabTo(page, button("Send report"), stops);
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { name: "Your receipt code" }).waitFor();
      await officer.audit("keyboard: receipt");
      await tabTo(page, button("Copy code"), stops);
      await officer.screenshot("final", { fullPage: false });

      expect(
        stops.filter((s) => !s.indicated),
        "focus stops without a visible focus ring",
      ).toEqual([]);
      expect(
        stops.filter((s) => s.obscured),
        "focus stops hidden behind other content",
      ).toEqual([]);
      await officer.finish();
    },
  );
});

import type { Locator, Page } from "playwright-core";

/** What the focused element looks like to a sighted keyboard user. */
export interface FocusStop {
  element: string;
  /** A focus ring: an outline of 2px or more, or a box shadow. */
  indicated: boolean;
  /** Not hidden behind something else, such as the sticky step buttons (WCAG 2.2, 2.4.11). */
  obscured: boolean;
}

export function focusStop(page: Page): Promise<FocusStop> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { element: "body", indicated: false, obscured: false };
    const style = getComputedStyle(el);
    const indicated =
      (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== "none";
    const box = el.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + Math.min(box.height / 2, 10));
    const label = el.closest("label") ?? (el.id ? document.querySelector(`label[for="${el.id}"]`) : null);
    const obscured = !hit || !(hit === el || el.contains(hit) || hit.contains(el) || Boolean(label?.contains(hit)));
    const name = el.getAttribute("aria-label") ?? el.getAttribute("name") ?? el.textContent?.trim().slice(0, 40) ?? "";
    const by = obscured && hit ? ` (under ${hit.tagName.toLowerCase()}.${hit.className})` : "";
    return { element: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""} "${name}"${by}`, indicated, obscured };
  });
}

/**
 * Presses Tab until the focused element matches, recording every stop on the way: the keyboard path
 * an officer takes. Fails after `limit` presses (an element that Tab cannot reach).
 */
export async function tabTo(page: Page, target: Locator, stops: FocusStop[], limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    stops.push(await focusStop(page));
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(
    `Tab never reached ${target}; last stops: ${stops
      .slice(-5)
      .map((s) => s.element)
      .join(", ")}`,
  );
}

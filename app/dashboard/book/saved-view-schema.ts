// The saved-views forms, one zod schema each, shared by the page and the action. A saved
// path is always the agency page with choices the page itself accepts. Browser-safe.
import { z } from "zod";
import { parseAgencySearch } from "../agency-state";

export const AGENCY_PATH = "/agency";

export function isAgencyViewPath(path: string): boolean {
  const [pathname, query, ...rest] = path.split("?");
  if (pathname !== AGENCY_PATH || rest.length > 0) return false;
  return parseAgencySearch(new URLSearchParams(query ?? "")).ok;
}

export const SaveViewSchema = z.object({
  intent: z.literal("save-view"),
  name: z.string().trim().min(1, "Give the view a name").max(80, "Use at most 80 characters"),
  path: z
    .string()
    .max(500, "This view's address is too long")
    .refine(isAgencyViewPath, "Only views of this page can be saved"),
});

export const DeleteViewSchema = z.object({
  intent: z.literal("delete-view"),
  id: z.string().uuid("There is no such saved view"),
});

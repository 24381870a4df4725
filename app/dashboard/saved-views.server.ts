// The agency page's saved-views actions: a table of intents, each with its schema and what it does
// (docs/design.md §10, convention 1: intents as { schema, run }). The member comes from the session; ownership is in
// the query.
import { data } from "@remix-run/node";
import type { AppLoadContext } from "@remix-run/node";
import type { z } from "zod";
import { deleteSavedView, listSavedViews, MAX_SAVED_VIEWS, saveView } from "../../db/saved-views/saved-views";
import type { SessionUser } from "~/auth/session-user.server";
import { DeleteViewSchema, SaveViewSchema } from "./book/saved-view-schema";

export type SavedViewResult = { intent: string; ok: boolean; message: string; errors?: Record<string, string> };

export { listSavedViews };

function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  return Object.fromEntries(error.issues.map((i) => [String(i.path[0] ?? "form"), i.message]));
}

const intents = {
  "save-view": {
    schema: SaveViewSchema,
    async run(
      context: AppLoadContext,
      user: SessionUser,
      input: z.infer<typeof SaveViewSchema>,
    ): Promise<SavedViewResult> {
      const saved = await saveView(context.db, user.id, { name: input.name, path: input.path });
      return saved
        ? { intent: "save-view", ok: true, message: `Saved “${input.name}”.` }
        : { intent: "save-view", ok: false, message: `You have ${MAX_SAVED_VIEWS} saved views: delete one first.` };
    },
  },
  "delete-view": {
    schema: DeleteViewSchema,
    async run(
      context: AppLoadContext,
      user: SessionUser,
      input: z.infer<typeof DeleteViewSchema>,
    ): Promise<SavedViewResult> {
      if (!(await deleteSavedView(context.db, user.id, input.id)))
        throw new Response("There is no such saved view of yours.", { status: 404 });
      return { intent: "delete-view", ok: true, message: "The saved view was deleted." };
    },
  },
} as const;

/** Runs the posted intent; a bad field is a 400 with its message, an unknown intent a plain 400. */
export async function savedViewAction(context: AppLoadContext, user: SessionUser, form: FormData) {
  const intent = String(form.get("intent") ?? "");
  if (!(intent in intents)) throw new Response("Unknown action.", { status: 400 });
  const entry = intents[intent as keyof typeof intents];
  const parsed = entry.schema.safeParse(Object.fromEntries(form));
  if (!parsed.success)
    return data<SavedViewResult>(
      { intent, ok: false, message: "The view was not saved.", errors: fieldErrorsOf(parsed.error) },
      { status: 400 },
    );
  const result = await (entry.run as (c: AppLoadContext, u: SessionUser, i: unknown) => Promise<SavedViewResult>)(
    context,
    user,
    parsed.data,
  );
  return data<SavedViewResult>(result, { status: result.ok ? 200 : 400 });
}

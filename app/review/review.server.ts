import { type AppLoadContext, data } from "@remix-run/node";
import { loadServerKey, type ServerKey } from "../../db/intake/server-key";
import { RawDataGoneError } from "../../db/review/draft-store";
import { ReviewError } from "../../db/review/review-error";

// The review area's server adapters: the intake key (reviewing needs it to decrypt), and expected
// refusals of the workflow turned into responses the page can show.
export * from "../../db/review/review-actions";
export { getWorkspace, type Workspace } from "../../db/review/workspace";
export { getQueue, type Queue, type QueueRow } from "../../db/review/queue";
export { publishBatch } from "../../orchestration/publication";

/** The server key, or a 503: without it nothing under review can be read (docs/design.md §6.4, fail closed). */
export function requireReviewKey(context: AppLoadContext): ServerKey {
  const result = loadServerKey({ envKey: context.config.intakeKey, dataDir: context.config.dataDir });
  if (!result.ok)
    throw new Response(
      "The server's encryption key is missing or unusable, so submissions cannot be read. An administrator has to " +
        "restore it.",
      { status: 503 },
    );
  return result.key;
}

export interface ActionFailure {
  ok: false;
  intent: string;
  message?: string;
  errors?: Record<string, string>;
  values?: Record<string, unknown>;
}

/** Runs a workflow step; a refusal comes back as a message for the page (404 is thrown). */
export async function attempt<T>(intent: string, step: () => Promise<T>) {
  try {
    await step();
    return { ok: true as const, intent };
  } catch (error) {
    if (error instanceof ReviewError) {
      if (error.kind === "not_found") throw new Response(error.message, { status: 404 });
      return data<ActionFailure>(
        { ok: false, intent, message: error.message },
        { status: error.kind === "conflict" ? 409 : 400 },
      );
    }
    if (error instanceof RawDataGoneError)
      return data<ActionFailure>({ ok: false, intent, message: error.message }, { status: 409 });
    throw error;
  }
}

import type { AppLoadContext } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { runWorkspaceIntent, type WorkspaceStep } from "./workspace-intents.server";

// Invalid forms stop before any workflow step runs, so no database is needed here.
const step = {} as WorkspaceStep;
const context = {} as AppLoadContext;

async function post(fields: Record<string, string>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const result = (await runWorkspaceIntent(new Request("http://test/review/x"), context, form, step)) as unknown as {
    data: {
      ok: boolean;
      intent: string;
      errors?: Record<string, string>;
      values?: Record<string, unknown>;
      message?: string;
    };
    init: { status: number };
  };
  return { status: result.init.status, ...result.data };
}

describe("review workspace intents", () => {
  it("answers 400 for an unknown intent", async () => {
    expect(await post({ intent: "frobnicate" })).toMatchObject({
      status: 400,
      ok: false,
      intent: "unknown",
      message: "Unknown form action.",
    });
  });

  it("shows the schema's own message for an empty field (not a bare 'Required') and gives the input back", async () => {
    const answer = await post({ intent: "texts", title: "", summary: "short", lessons: "" });
    expect(answer.status).toBe(400);
    expect(answer.errors).toEqual({
      title: "Give the report a short title (5 characters or more).",
      summary: "The event summary needs at least 50 characters.",
      lessons: "Lessons learned need at least 20 characters.",
    });
    expect(answer.values).toMatchObject({ title: "", summary: "short" });
  });

  it("reads repeated coding fields (factors) through its own input", async () => {
    const answer = await post({ intent: "coding", incidentType: "traffic_stop" });
    expect(answer.errors).toMatchObject({ factors: "Choose at least one contributing factor." });
  });
});

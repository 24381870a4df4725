// JSON answers of the agency data API: data with its metadata, and errors as
// { "error": { "status", "code", "message", "details"? } } — never an HTML page, never a stack trace.
import { isSuppressed, suppressionLabels } from "../../domain/figures";

const baseHeaders = {
  "Content-Type": "application/json; charset=utf-8",
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
};

export function apiJson(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...baseHeaders, ...headers } });
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }

  toResponse(): Response {
    return apiJson(
      {
        error: {
          status: this.status,
          code: this.code,
          message: this.message,
          ...(this.details ? { details: this.details } : {}),
        },
      },
      this.status,
      this.headers,
    );
  }
}

/** Runs an endpoint: expected failures become their JSON error; anything else a generic 500 (logged). */
export async function answerApi(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ApiError) return error.toResponse();
    if (error instanceof Response) throw error;
    console.error("API request failed:", error instanceof Error ? error.message : error);
    return new ApiError(
      500,
      "internal_error",
      "Something went wrong on our side. Please try again later.",
    ).toResponse();
  }
}

/**
 * A withheld figure as the API shows it: the engine's { suppressed, reason } plus the same words the
 * screen and the files use. Every other value is copied as it is.
 */
export function withWithheldLabels<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => withWithheldLabels(v)) as T;
  if (isSuppressed(value))
    return { ...value, label: `withheld — ${suppressionLabels[value.reason].toLowerCase()}` } as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withWithheldLabels(v)])) as T;
  }
  return value;
}

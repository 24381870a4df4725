import { TOO_LARGE_MESSAGE } from "./intake-messages";

/** 1 MB, the same limit the server applies to declared bodies (docs/design.md §6.6). */
export const MAX_FORM_BYTES = 1024 * 1024;

/**
 * Reads the posted form while counting bytes, so a chunked body without Content-Length cannot get past
 * the limit either (the Express check only sees declared lengths). Over the limit: a thrown 413.
 */
export async function readFormWithLimit(request: Request, maxBytes = MAX_FORM_BYTES): Promise<FormData> {
  const declared = Number(request.headers.get("Content-Length") ?? 0);
  if (declared > maxBytes) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel();
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  const contentType = request.headers.get("Content-Type") ?? "application/x-www-form-urlencoded";
  try {
    return await new Request("http://form.invalid/", {
      method: "POST",
      headers: { "Content-Type": contentType },
      body,
    }).formData();
  } catch {
    throw new Response("The form could not be read. Go back and send it again.", { status: 400 });
  }
}

function tooLarge(): Response {
  return new Response(TOO_LARGE_MESSAGE, { status: 413, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/**
 * Fetch Metadata and Origin checks for the anonymous forms (docs/design.md §8): a post from another site is
 * refused. Browsers that send neither header (old ones, or no-JS forms in some) are let through:
 * the proof of work and caps still apply.
 */
export function requireSameOrigin(request: Request): void {
  const site = request.headers.get("Sec-Fetch-Site");
  if (site && site !== "same-origin" && site !== "none")
    throw new Response("Cross-site form posts are not accepted.", { status: 403 });
  const origin = request.headers.get("Origin");
  // Hosts, not origins: behind a TLS proxy the server sees http while the browser says https.
  if (origin && origin !== "null" && hostOf(origin) !== new URL(request.url).host) {
    throw new Response("Cross-site form posts are not accepted.", { status: 403 });
  }
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

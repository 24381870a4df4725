import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { signOut } from "~/auth/accounts.server";
import { requireCsrf } from "~/auth/permissions.server";
import { clearedSessionCookie, getActiveSession } from "~/auth/session.server";

// Signing out is a POST with the CSRF token; a GET (a link, a prefetch, a third-party image)
// never signs anyone out.
export async function loader() {
  throw redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await getActiveSession(request, context);
  if (session) {
    await requireCsrf(request, context, session, await request.formData());
    await signOut(context.db, session);
  }
  throw redirect("/", { headers: { "Set-Cookie": clearedSessionCookie() } });
}

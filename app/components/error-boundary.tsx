import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";

const messages: Record<number, { title: string; body: string }> = {
  400: {
    title: "That request was not understood",
    body: "Something in the address or the form was not valid. Go back and try again.",
  },
  401: { title: "Please sign in", body: "This page is for signed-in programme members." },
  403: { title: "Not allowed", body: "Your account does not have access to this page." },
  404: {
    title: "Page not found",
    body: "There is nothing at this address. It may have moved, or the link may be wrong.",
  },
  405: { title: "Not a form", body: "This page does not take forms. Go back and try again from the page you were on." },
  415: { title: "Not a form", body: "This address accepts forms only. Go back and send the form again." },
  413: { title: "Too large", body: "What you sent is larger than we accept (1 MB). Shorten it and try again." },
  429: { title: "Too many requests", body: "Please wait a little and try again." },
  503: {
    title: "Temporarily unavailable",
    body: "This part of Close Call is not available right now. Please try again later.",
  },
};

/**
 * One error boundary for every route: a message per status, never a stack trace or the request.
 * Expected failures are thrown responses (e.g. 403 from a permission helper).
 */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message = messages[status] ?? {
    title: "Something went wrong",
    body: "An unexpected error happened on our side. Nothing you sent was lost; please try again in a moment.",
  };
  const detail = isRouteErrorResponse(error) && typeof error.data === "string" && status < 500 ? error.data : null;
  return (
    <main className="page narrow error-page" aria-labelledby="error-title">
      <p className="eyebrow">Error {status}</p>
      <h1 id="error-title">{message.title}</h1>
      <p>{message.body}</p>
      {detail ? <p className="error-detail">{detail}</p> : null}
      <p>
        <Link to="/">Back to the home page</Link>
      </p>
    </main>
  );
}

// The dashboards' error boundary: a bad filter says which parameter and how to go on; anything else is
// the general boundary.
import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import type { FilterProblems } from "./request.server";

export function DashboardErrorBoundary() {
  const error = useRouteError();
  if (
    isRouteErrorResponse(error) &&
    error.status === 400 &&
    typeof error.data === "object" &&
    error.data &&
    "problems" in error.data
  ) {
    const { problems, validHref } = error.data as FilterProblems;
    return (
      <main className="page narrow error-page" aria-labelledby="error-title">
        <p className="eyebrow">Error 400</p>
        <h1 id="error-title">These filters cannot be shown</h1>
        <ul>
          {problems.map((p) => (
            <li key={p.param + p.message}>{p.message}</li>
          ))}
        </ul>
        <p>
          <Link to={validHref} className="button primary">
            Show the dashboard without them
          </Link>
        </p>
      </main>
    );
  }
  return <GeneralErrorBoundary />;
}

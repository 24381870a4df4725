import { GeneralErrorBoundary } from "~/components/error-boundary";

// Every unmatched URL lands here and renders the general 404 page.
export async function loader() {
  throw new Response("Not found", { status: 404 });
}

export default function NotFound() {
  return <GeneralErrorBoundary />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

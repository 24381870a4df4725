// Single fetch types for useLoaderData/useActionData (remix.config.js turns v3_singleFetch on).
import "@remix-run/node";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

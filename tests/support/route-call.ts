import type { AppLoadContext } from "@remix-run/node";
import type { AppContext } from "../../app/load-context";

// Calls a route's loader or action as Remix would and reports what the browser would get:
// status, redirect location, headers and data, whether the route returned or threw.

export interface RouteOutcome {
  status: number;
  location: string | null;
  headers: Headers;
  data: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- each test reads its route's own JSON
  thrown: boolean;
}

type RouteFunction = (args: {
  request: Request;
  params: Record<string, string | undefined>;
  context: AppLoadContext;
}) => unknown;

function isDataWithInit(value: unknown): value is { data: unknown; init: ResponseInit | null } {
  return typeof value === "object" && value !== null && (value as { type?: string }).type === "DataWithResponseInit";
}

async function outcomeOf(value: unknown, thrown: boolean): Promise<RouteOutcome> {
  if (value instanceof Response) {
    const text = await value.text();
    return {
      status: value.status,
      location: value.headers.get("Location"),
      headers: value.headers,
      data: text,
      thrown,
    };
  }
  if (isDataWithInit(value)) {
    const headers = new Headers(value.init?.headers);
    return { status: value.init?.status ?? 200, location: headers.get("Location"), headers, data: value.data, thrown };
  }
  if (thrown) throw value;
  return { status: 200, location: null, headers: new Headers(), data: value, thrown };
}

export async function callRoute(
  fn: RouteFunction | undefined,
  request: Request,
  context: AppContext | AppLoadContext,
  params: Record<string, string | undefined> = {},
): Promise<RouteOutcome> {
  if (!fn) throw new Error("The route has no such function");
  try {
    return await outcomeOf(await fn({ request, params, context: context as AppLoadContext }), false);
  } catch (error) {
    return outcomeOf(error, true);
  }
}

import type { AppLoadContext } from "@remix-run/node";
import type { Kysely } from "kysely";
import { createSession } from "../../db/accounts/sessions";
import type { Database } from "../../db/database";
import { roles } from "../../db/schema/user.table";
import { SESSION_COOKIE } from "../../app/auth/session.server";
import { callRoute, type RouteOutcome } from "../support/route-call";
import type { MatrixFixtures } from "./matrix-fixtures";
import type { Rule } from "./route-access";

/** Everyone a route can meet: nobody, half-signed-in, each role (agency A), and agency B's commander. */
export const personas = ["anonymous", "pending", ...roles, "other_agency"] as const;
export type Persona = (typeof personas)[number];

// Each route types its own loader and action arguments; the matrix calls them all alike.
export interface RouteModule {
  loader?: (args: any) => unknown; // eslint-disable-line @typescript-eslint/no-explicit-any
  action?: (args: any) => unknown; // eslint-disable-line @typescript-eslint/no-explicit-any
}

type Verdict = "allow" | "deny" | "not-found" | "unauthorized";
type Outcome = "ok" | "sign-in" | "forbidden" | "not-found" | "error" | "unauthorized";

export function expectedVerdict(rule: Rule, persona: Persona): Verdict {
  if (rule.kind === "not-found") return "not-found";
  if (rule.kind === "api-token") return "unauthorized";
  if (rule.kind === "everyone") return "allow";
  if (persona === "anonymous") return "deny";
  if (persona === "pending") return rule.kind === "second-factor" ? "allow" : "deny";
  if (rule.kind === "second-factor" || rule.kind === "signed-in") return "allow";
  if (persona === "other_agency")
    return rule.roles.includes("agency_commander") && rule.options?.otherAgency !== "deny" ? "allow" : "deny";
  return rule.roles.includes(persona) ? "allow" : "deny";
}

function classify(outcome: RouteOutcome): Outcome {
  if (outcome.status >= 300 && outcome.status < 400 && outcome.location) {
    return new URL(outcome.location, "http://x").pathname === "/sign-in" ? "sign-in" : "ok";
  }
  if (outcome.status === 401) return "unauthorized";
  if (outcome.status === 403) return "forbidden";
  if (outcome.status === 404) return "not-found";
  if (outcome.status >= 500) return "error";
  return "ok";
}

function acceptable(verdict: Verdict, persona: Persona, outcome: Outcome): boolean {
  if (verdict === "allow") return outcome === "ok";
  if (verdict === "not-found") return outcome === "not-found";
  if (verdict === "unauthorized") return outcome === "unauthorized";
  if (persona === "anonymous" || persona === "pending") return outcome === "sign-in";
  return outcome === "forbidden" || outcome === "not-found";
}

/** The path of a flat route file name with params filled in ("admin.users.$userId" → /admin/users/<id>). */
export function routePath(routeId: string, params: Record<string, string>): string {
  const segments = routeId
    .split(".")
    .filter((s) => s !== "_index" && !s.startsWith("__"))
    .map((s) => s.replace(/_$/, ""))
    .map((s) => (s === "$" ? (params["*"] ?? "") : s.startsWith("$") ? (params[s.slice(1)] ?? "missing") : s));
  return `/${segments.filter((s) => s !== "_index").join("/")}`.replace(/\/$/, "") || "/";
}

export interface MatrixContext {
  db: Kysely<Database>;
  context: AppLoadContext;
  fixtures: MatrixFixtures;
  /** The user id each signed-in persona uses. */
  userOf: Record<Exclude<Persona, "anonymous">, string>;
}

async function credentialsFor(m: MatrixContext, persona: Persona): Promise<{ cookie: string; csrf: string } | null> {
  if (persona === "anonymous") return null;
  const session = await createSession(m.db, m.userOf[persona], persona !== "pending");
  return { cookie: `${SESSION_COOKIE}=${session.id}`, csrf: session.csrfToken };
}

export interface Mismatch {
  route: string;
  persona: Persona;
  method: "GET" | "POST";
  expected: Verdict;
  got: Outcome;
  status: number;
}

/** Calls a route's loader and action as every persona; returns what disagrees with its rule. */
export async function checkRoute(
  m: MatrixContext,
  routeId: string,
  module: RouteModule,
  rule: Rule,
): Promise<Mismatch[]> {
  const params = rule.options?.params?.(m.fixtures) ?? {};
  const query = rule.options?.query?.(m.fixtures);
  const url = `http://127.0.0.1${routePath(routeId, params)}${query ? `?${query}` : ""}`;
  const mismatches: Mismatch[] = [];
  for (const persona of personas) {
    const expected = expectedVerdict(rule, persona);
    const who = await credentialsFor(m, persona);
    const headers: Record<string, string> = who ? { Cookie: who.cookie } : {};
    const get = module.loader
      ? classify(await callRoute(module.loader, new Request(url, { headers }), m.context, params))
      : "ok";
    if (!module.loader && rule.kind !== "everyone") {
      mismatches.push({ route: routeId, persona, method: "GET", expected, got: "ok", status: 200 });
    } else if (!acceptable(expected, persona, get)) {
      mismatches.push({ route: routeId, persona, method: "GET", expected, got: get, status: 0 });
    }
    if (module.action) {
      const fields = { ...(who ? { csrf: who.csrf } : {}), ...(rule.options?.form?.(m.fixtures) ?? {}) };
      const request = new Request(url, {
        method: "POST",
        body: new URLSearchParams(fields),
        headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" },
      });
      const outcome = await callRoute(module.action, request, m.context, params);
      const post = classify(outcome);
      const postExpected = rule.options?.post ? expectedVerdict(rule.options.post, persona) : expected;
      if (!acceptable(postExpected, persona, post)) {
        mismatches.push({
          route: routeId,
          persona,
          method: "POST",
          expected: postExpected,
          got: post,
          status: outcome.status,
        });
      }
    }
  }
  return mismatches;
}

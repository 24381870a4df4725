import { randomBytes } from "node:crypto";
import { solveChallenge, type Challenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/sha";
import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import type { AppContext } from "../../app/load-context";
import type { ReportFormInput } from "../../app/intake/report-form-schema";

/** A fresh, valid server key (base64 of 32 random bytes) as INTAKE_KEY would hold it. */
export function testIntakeKey(): string {
  for (;;) {
    const key = randomBytes(32);
    if (new Set(key).size >= 16) return key.toString("base64");
  }
}

export const VALID_INPUT: ReportFormInput = {
  title: "Second knife missed in pat-down",
  narrative:
    "Night traffic stop for a broken tail light. During the pat-down I found one knife and stopped searching. A " +
    "second knife was found in the waistband at the jail.",
  lessons:
    "Finish the search after the first weapon: complacency after the first find nearly cost us. Two officers, one " +
    "covers.",
  factors: ["st_concealed_weapon", "td_inadequate_search"],
  incidentType: "traffic_stop",
  eventYear: "2025",
  eventMonth: "03",
  timeBlock: "20-24",
  light: "dark_lit",
  weather: "clear",
  officersOnScene: "2",
  assignment: "patrol",
  serviceBand: "3-5",
  state: "OH",
  lossPotential: "serious_injury",
  consentLevel: "national",
  partnerCode: "",
};

export type FormFields = Record<string, string | readonly string[]>;

/** Form fields as a browser posts them: strings, and repeated names for lists (a ReportFormInput fits). */
export function formBody(fields: FormFields | ReportFormInput): URLSearchParams {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields) as [string, string | readonly string[]][]) {
    for (const v of typeof value === "string" ? [value] : value) body.append(name, v);
  }
  return body;
}

export function postRequest(
  path: string,
  fields: FormFields | ReportFormInput,
  headers: Record<string, string> = {},
): Request {
  return new Request(`http://closecall.test${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
    body: formBody(fields),
  });
}

/** Solves a challenge field the way the browser does (the same ALTCHA library). */
export async function solveChallengeField(challengeField: string): Promise<string> {
  const challenge = JSON.parse(Buffer.from(challengeField, "base64url").toString("utf8")) as Challenge;
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error("challenge not solved");
  return Buffer.from(JSON.stringify(solution)).toString("base64url");
}

export interface Outcome<T> {
  status: number;
  data: T;
}

type Handler = (args: ActionFunctionArgs & LoaderFunctionArgs) => Promise<unknown>;

/** Calls a loader or action and returns status and data, whether it returned data() or threw a Response. */
export async function call<T>(handler: Handler, request: Request, context: AppContext): Promise<Outcome<T>> {
  try {
    const result = await handler({ request, params: {}, context: context as unknown as AppLoadContext });
    if (
      result &&
      typeof result === "object" &&
      "type" in result &&
      (result as { type: string }).type === "DataWithResponseInit"
    ) {
      const wrapped = result as unknown as { data: T; init: ResponseInit | null };
      return { status: wrapped.init?.status ?? 200, data: wrapped.data };
    }
    return { status: 200, data: result as T };
  } catch (error) {
    if (error instanceof Response) return { status: error.status, data: (await error.text()) as T };
    throw error;
  }
}

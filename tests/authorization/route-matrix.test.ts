import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppLoadContext } from "@remix-run/node";
import type { OpenDatabase } from "../../db/open";
import { testIntakeKey } from "../support/intake";
import { createTestContext } from "../support/test-context";
import { createTestDatabase } from "../support/test-database";
import { createTestUser } from "../support/test-accounts";
import { createMatrixFixtures, type MatrixFixtures } from "./matrix-fixtures";
import { releaseBook } from "../../analytics/release-book/release-job";
import { TEST_TODAY } from "../support/test-database";
import { ROUTE_ACCESS } from "./route-access";
import { checkRoute, type MatrixContext, type Persona, type RouteModule, routePath } from "./route-matrix";

const routesDir = path.resolve(import.meta.dirname, "../../app/routes");
const routeFiles = readdirSync(routesDir)
  .filter((f) => /\.(tsx|ts)$/.test(f) && !/\.test\.(tsx|ts)$/.test(f))
  .map((f) => ({ id: f.replace(/\.(tsx|ts)$/, ""), file: path.join(routesDir, f) }));

let database: OpenDatabase;
let context: AppLoadContext;
let fixtures: MatrixFixtures;
let matrix: MatrixContext;

beforeAll(async () => {
  database = await createTestDatabase();
  // The intake routes answer 503 without a server key (fail closed): give them one.
  context = {
    ...createTestContext(database, { intakeKey: testIntakeKey() }),
    addressKey: "matrix-address",
  } as AppLoadContext;
  fixtures = await createMatrixFixtures(database.db);
  // The agency pages and their downloads read the agencies' release books: release them, as the server does at start.
  await releaseBook(database.db, { today: TEST_TODAY, rules: { k: 10, agencyMinReports: 30 } });
  const programme = async (role: "reviewer" | "administrator" | "national_analyst") =>
    (await createTestUser(database.db, role)).id;
  const userOf: Record<Exclude<Persona, "anonymous">, string> = {
    pending: await programme("reviewer"),
    reviewer: await programme("reviewer"),
    administrator: await programme("administrator"),
    national_analyst: await programme("national_analyst"),
    agency_commander: fixtures.agencyA.commander,
    agency_trainer: fixtures.agencyA.trainer,
    agency_analyst: fixtures.agencyA.analyst,
    other_agency: fixtures.agencyB.commander,
  };
  matrix = { db: database.db, context, fixtures, userOf };
});
afterAll(() => database.close());

describe("authorization matrix", () => {
  it("has exactly one entry per route file (a new route needs a line in route-access.ts)", () => {
    const ids = routeFiles.map((r) => r.id).sort();
    const missing = ids.filter((id) => !(id in ROUTE_ACCESS));
    const stale = Object.keys(ROUTE_ACCESS).filter((id) => !ids.includes(id));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
  });

  it("maps flat route names to paths", () => {
    expect(routePath("_index", {})).toBe("/");
    expect(routePath("admin.users._index", {})).toBe("/admin/users");
    expect(routePath("agency_.members.$memberId", { memberId: "m1" })).toBe("/agency/members/m1");
    expect(routePath("$", { "*": "x" })).toBe("/x");
  });

  it.each(routeFiles.map((r) => [r.id, r.file]))(
    "%s answers every persona as its entry says (GET and POST)",
    async (id, file) => {
      const rule = ROUTE_ACCESS[id];
      if (!rule) throw new Error(`No entry for route ${id} in tests/authorization/route-access.ts`);
      const module = (await import(file)) as RouteModule;
      expect(await checkRoute(matrix, id, module, rule)).toEqual([]);
    },
  );

  it("catches a route that forgets its permission check", async () => {
    const unprotected: RouteModule = {
      loader: async () => ({ secret: "agency data" }),
      action: async () => ({ ok: true }),
    };
    const mismatches = await checkRoute(matrix, "admin.unprotected", unprotected, {
      kind: "roles",
      roles: ["administrator"],
    });
    const personasCaught = new Set(mismatches.map((m) => m.persona));
    expect(personasCaught).toEqual(
      new Set([
        "anonymous",
        "pending",
        "reviewer",
        "national_analyst",
        "agency_commander",
        "agency_trainer",
        "agency_analyst",
        "other_agency",
      ]),
    );
  });
});

// The layers of Close Call, enforced by `npm run lint:deps` (docs/architecture.md, "Layers").
//
//   server/        the Express host: mounts the Remix build, page cache, headers, start-up
//   app/routes/    Remix routes
//   app/           feature services (*.server.ts) and UI
//   orchestration/ what routes, daily jobs and the CLI all call: publication, derived data, jobs,
//                  book release, configuration
//   exports/       file writers: CSV, XLSX, briefing PDF, chart images
//   analytics/     measures, statistics, privacy rules, rollups, the release book
//   db/            connection, migrations, SQL of every feature
//   domain/        browser-safe: taxonomy, figure types, months and quarters, code formats, library
//                  filters, review states and coding, identifier types, the export table model
//   cli/           the `closecall` command: beside app/, on top of orchestration/
//
// Each layer imports only the layers below it. Test files (*.test.ts) are left out of the rules:
// a test may reach across layers to set up what it checks.

/** Co-located tests are not layer code. */
const notTest = "\\.test\\.tsx?$";

/** The folders of each layer, as path patterns. */
const layers = {
  host: "^server/",
  cli: "^cli/",
  scripts: "^scripts/",
  app: "^app/",
  orchestration: "^orchestration/",
  exports: "^exports/",
  analytics: "^analytics/",
  db: "^db/",
  tests: "^tests/",
};
const any = (...names) => names.map((name) => layers[name]);

/**
 * Modules of app/ the browser may load. Remix strips loaders and actions from routes (and root) and
 * empties *.server.ts modules in the browser build; entry.server runs on the server only.
 */
const browserModules = {
  path: layers.app,
  pathNot: [notTest, "^app/routes/", "^app/root\\.tsx$", "^app/entry\\.server\\.tsx$", "\\.server\\.tsx?$"],
};

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment:
        "A cycle of running imports has no bottom: which module initialises first depends on who imported first. " +
        "Cycles closed only by a type import (the release-book audit's types, taxonomy's region code) run as a tree.",
      from: { pathNot: notTest },
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
    {
      name: "no-unresolvable",
      severity: "error",
      comment:
        "An import the cruiser cannot resolve is one no rule can judge: every rule here rests on resolving them all.",
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: "domain-imports-only-domain",
      severity: "error",
      comment:
        "domain/ is what both sides share (the browser bundle and the server), so it imports nothing of the " +
        "layers above it. Row types of db/schema/ may be named (type-only imports, erased before any bundle).",
      from: { path: "^domain/", pathNot: notTest },
      to: {
        path: [
          ...any("host", "cli", "scripts", "app", "orchestration", "exports", "analytics", "tests"),
          "^db/(?!schema/)",
        ],
      },
    },
    {
      name: "domain-imports-db-row-types-only",
      severity: "error",
      comment:
        "Table files import domain/taxonomy/ at run time; a value taken back from them would tie the floor to db/. " +
        "Their row types may be named: type imports are erased.",
      from: { path: "^domain/", pathNot: notTest },
      to: { path: "^db/schema/", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "domain-is-browser-safe",
      severity: "error",
      comment:
        "domain/ runs in the browser: no Node built-ins, and only npm packages known to be browser-safe (add one " +
        "here when domain/ needs it, after checking it has no Node dependency).",
      from: { path: "^domain/", pathNot: notTest },
      to: {
        dependencyTypes: ["core", "npm", "npm-dev", "npm-optional", "npm-peer", "npm-no-pkg", "npm-unknown"],
        pathNot: "node_modules/(zod|base32-encode)/",
      },
    },
    {
      name: "db-imports-only-db-and-domain",
      severity: "error",
      comment: "db/ holds the data and its SQL; everything above calls it, it calls nothing above (only domain/).",
      from: { path: layers.db, pathNot: notTest },
      to: {
        path: any("host", "cli", "scripts", "app", "orchestration", "exports", "analytics", "tests"),
      },
    },
    {
      name: "analytics-imports-only-db-and-domain",
      severity: "error",
      comment: "Measures read db/ and domain/; whoever shows, writes or schedules them sits above.",
      from: { path: layers.analytics, pathNot: notTest },
      to: {
        path: any("host", "cli", "scripts", "app", "orchestration", "exports", "tests"),
      },
    },
    {
      name: "exports-import-no-db-or-callers",
      severity: "error",
      comment:
        "File writers turn tables into CSV, XLSX, PDF and PNG; the app's download services decide what goes in. " +
        "They sit above analytics/ (the export metadata names the privacy rules) but never reach into the database.",
      from: { path: layers.exports, pathNot: notTest },
      to: {
        path: any("host", "cli", "scripts", "app", "orchestration", "db", "tests"),
      },
    },
    {
      name: "orchestration-imports-no-callers",
      severity: "error",
      comment:
        "Publication, derived data, jobs and the configuration are called by routes, the host and the CLI alike, " +
        "so they cannot depend on any of them.",
      from: { path: layers.orchestration, pathNot: notTest },
      to: { path: any("host", "cli", "scripts", "app", "tests") },
    },
    {
      name: "app-imports-no-host",
      severity: "error",
      comment:
        "The Express host (server/) mounts the app, so the app never imports it. The one exception is the page " +
        "cache's contract (PageView, ViewerClass), which the app's page views implement: types only.",
      from: { path: layers.app, pathNot: notTest },
      to: {
        path: [...any("host", "cli", "scripts", "tests")],
        pathNot: "^server/page-cache/page-cache\\.ts$",
      },
    },
    {
      name: "app-imports-page-cache-types-only",
      severity: "error",
      comment: "Running code of the host's page cache stays out of the Remix build: the app names its types only.",
      from: { path: layers.app, pathNot: notTest },
      to: {
        path: "^server/page-cache/page-cache\\.ts$",
        dependencyTypesNot: ["type-only"],
      },
    },
    {
      name: "routes-import-services-not-data",
      severity: "error",
      comment:
        "A route calls its feature's *.server.ts service and shows domain/ values. The classic Remix compiler " +
        "resolves every import of a route for the browser bundle, even one only a loader uses, and empties only " +
        "*.server.ts modules: a route that imports db/, analytics/, orchestration/ or a file writer directly " +
        "pulls their server-only packages into the browser build (orchestration/derived-data.ts imported " +
        "straight from a route makes `remix build` fail).",
      from: { path: "^app/routes/", pathNot: notTest },
      to: { path: any("db", "analytics", "exports", "orchestration") },
    },
    {
      name: "browser-modules-import-no-server-modules",
      severity: "error",
      comment:
        "Remix empties *.server.ts modules in the browser build: a browser module (not a route, root or " +
        "entry.server) that takes a value from one gets undefined there. Types are fine.",
      from: browserModules,
      to: { path: "\\.server\\.tsx?$", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "browser-modules-take-values-from-domain",
      severity: "error",
      comment:
        "A module the browser may load (app/, not a route, root, entry.server or *.server.ts) takes values from " +
        "below only out of domain/, the one browser-safe place; from the server layers it names types only. " +
        "db/schema/ table files may be read too (their code lists, e.g. roles): see db-schema-is-browser-safe.",
      from: browserModules,
      to: {
        path: any("orchestration", "exports", "analytics", "db"),
        pathNot: "^db/schema/",
        dependencyTypesNot: ["type-only"],
      },
    },
    {
      name: "db-schema-is-browser-safe",
      severity: "error",
      comment:
        "Table files declare row types, column lists and code lists, which browser modules read: at run time " +
        "they import only domain/ and each other (Kysely and DuckDB by type only).",
      from: { path: "^db/schema/", pathNot: notTest },
      to: {
        pathNot: "^(domain|db/schema)/",
        dependencyTypesNot: ["type-only"],
      },
    },
    {
      name: "cli-imports-no-web",
      severity: "error",
      comment: "The CLI works on the database directly (no HTTP), through orchestration/ like the app does.",
      from: { path: layers.cli, pathNot: notTest },
      to: { path: any("host", "scripts", "app", "tests") },
    },
    {
      name: "host-imports-no-cli",
      severity: "error",
      comment: "The host and the CLI are two entry points over the same layers; neither borrows from the other.",
      from: { path: layers.host, pathNot: notTest },
      to: { path: any("cli", "tests") },
    },
    {
      name: "nothing-imports-scripts",
      severity: "error",
      comment:
        "scripts/ are entry points (start, screenshots, build helpers): they may import any layer, none imports them.",
      from: { pathNot: [layers.scripts, layers.tests, notTest] },
      to: { path: layers.scripts },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    // Type-only imports are dependencies too: a type from the wrong layer still couples the two.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
    },
  },
};

// ESLint flat config. Formatting belongs to Prettier (.prettierrc.json): no stylistic rule is enabled here
// except max-len, which catches what Prettier cannot wrap (strings, template literals, comments).
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig([
  globalIgnores(["build/", "public/build/", "test-output/", "bench-results/", "scratch/", "data/", ".cache/"]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      // A leading underscore marks a parameter or binding that is there for its position (an Express error
      // handler's `next`, a tuple slot, a rest-sibling omitted from an object).
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          caughtErrorsIgnorePattern: "^_",
          destructuredArrayIgnorePattern: "^_",
          ignoreRestSiblings: true,
        },
      ],
      "max-len": [
        "error",
        {
          code: 120,
          tabWidth: 2,
          ignoreUrls: true,
          ignoreRegExpLiterals: true,
        },
      ],
    },
  },
  {
    // Migrations and the dialect work on any schema: Kysely's documented type for them is Kysely<any>.
    files: ["db/migrations/**", "db/migrate.ts", "db/dialect/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // Components and hooks (use-*.ts) live in app/.
    files: ["app/**/*.{ts,tsx}"],
    extends: [reactHooks.configs.flat.recommended],
    rules: {
      // Pages render on the server first; browser-only features (a hydrated flag, feature detection, a
      // draft in localStorage) switch on in an effect after hydration, and form state follows action data.
      // This rule is written for the React Compiler, which this app (React 18) does not use.
      "react-hooks/set-state-in-effect": "off",
    },
  },
  {
    files: ["app/**/*.tsx"],
    extends: [jsxA11y.flatConfigs.recommended],
    rules: {
      // A scrolling region gets tabIndex={0} so that keyboard users can scroll it (axe:
      // scrollable-region-focusable); it is named with role="region" and aria-label.
      "jsx-a11y/no-noninteractive-tabindex": ["error", { tags: [], roles: ["tabpanel", "region"] }],
      // Label text often sits in nested elements (an input, then a <span> holding a <strong> and a hint).
      "jsx-a11y/label-has-associated-control": ["error", { depth: 4 }],
    },
  },
  {
    files: ["public/sw.js"],
    languageOptions: { globals: { ...globals.serviceworker } },
  },
  {
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
]);

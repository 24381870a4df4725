// The documentation stays navigable: every relative link in README.md and docs/**/*.md points to a file
// that exists (and, for a link to a heading of a Markdown file, to a heading that exists), and every
// "docs/<file>.md §N" citation in the code names a file of docs/ with a heading numbered N.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const CODE_FOLDERS = [
  ...["app", "domain", "db", "analytics", "exports", "orchestration"],
  ...["server", "cli", "tests", "scripts", "bin", ".ci"],
];
const CODE_FILE = /\.(ts|tsx|js|mjs|cjs|css)$|^run$/;
const self = path.relative(root, import.meta.filename);

function walk(dir: string, keep: (file: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    if (name === "node_modules" || name === "build") return [];
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full, keep) : keep(name) ? [full] : [];
  });
}

/** Text outside fenced code blocks (links in examples are not links). */
function prose(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, "");
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/`/g, "")
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

function headings(markdown: string): { anchors: Set<string>; numbers: Set<string> } {
  const anchors = new Set<string>();
  const numbers = new Set<string>();
  const seen = new Map<string, number>();
  for (const [, text] of prose(markdown).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = slug(text!);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
    const number = /^(\d+(?:\.\d+)*)\.?\s/.exec(text!);
    if (number) numbers.add(number[1]!);
  }
  return { anchors, numbers };
}

/** Broken relative links of one Markdown text, as "file: target (why)". */
function brokenLinks(file: string, markdown: string, readTarget: (p: string) => string | null): string[] {
  const problems: string[] = [];
  for (const [, target] of prose(markdown).matchAll(/\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target!) || target!.startsWith("//")) continue; // http:, mailto:…
    const [pathPart, anchor] = target!.split("#", 2) as [string, string | undefined];
    const resolved = pathPart === "" ? file : path.join(path.dirname(file), decodeURIComponent(pathPart));
    const text = readTarget(resolved);
    if (text === null) {
      problems.push(`${file}: ${target} (no such file)`);
      continue;
    }
    if (anchor && resolved.endsWith(".md") && !headings(text).anchors.has(anchor.toLowerCase())) {
      problems.push(`${file}: ${target} (no heading #${anchor})`);
    }
  }
  return problems;
}

/** Citations "docs/<file>.md §N" (also "§6, §6.2 and §6.4", "§6.1–6.2") whose file or heading is missing. */
function brokenCitations(file: string, code: string, readDoc: (p: string) => string | null): string[] {
  const problems: string[] = [];
  const citation = /(docs\/[\w./-]+?\.md) (§\d+(?:\.\d+)*(?:(?:, | and |–)§?\d+(?:\.\d+)*)*)/g;
  for (const [, doc, sections] of code.matchAll(citation)) {
    const text = readDoc(doc!);
    if (text === null) {
      problems.push(`${file}: ${doc} (no such file)`);
      continue;
    }
    const { numbers } = headings(text);
    for (const [number] of sections!.matchAll(/\d+(?:\.\d+)*/g)) {
      if (!numbers.has(number)) problems.push(`${file}: ${doc} §${number} (no heading numbered ${number})`);
    }
  }
  return problems;
}

function readIfFile(p: string): string | null {
  if (!existsSync(p)) return null;
  return statSync(p).isDirectory() ? "" : readFileSync(p, "utf8");
}

describe("documentation links", () => {
  const markdown = [path.join(root, "README.md"), ...walk(path.join(root, "docs"), (n) => n.endsWith(".md"))];

  it("finds the README and the docs", () => {
    expect(markdown.length).toBeGreaterThan(5);
    expect(existsSync(path.join(root, "docs/design.md"))).toBe(true);
  });

  it("resolves every relative link in README.md and docs/**/*.md, headings included", () => {
    const problems = markdown.flatMap((file) =>
      brokenLinks(file, readFileSync(file, "utf8"), readIfFile).map((p) => {
        const [where, ...what] = p.split(": ");
        return path.relative(root, where!) + ": " + what.join(": ");
      }),
    );
    expect(problems).toEqual([]);
  });

  it("finds every docs/….md §N cited in the code as a numbered heading of that file", () => {
    const files = CODE_FOLDERS.flatMap((folder) => walk(path.join(root, folder), (n) => CODE_FILE.test(n)));
    expect(files.length).toBeGreaterThan(100);
    let cited = 0;
    const problems = files
      .filter((f) => path.relative(root, f) !== self)
      .flatMap((f) => {
        const code = readFileSync(f, "utf8");
        cited += (code.match(/docs\/[\w./-]+?\.md §/g) ?? []).length;
        return brokenCitations(path.relative(root, f), code, (doc) => readIfFile(path.join(root, doc)));
      });
    expect(problems).toEqual([]);
    expect(cited).toBeGreaterThan(100);
  });

  it("reports a broken link, a missing heading and a missing section (the checks can fail)", () => {
    const docs: Record<string, string> = { "/x/docs/a.md": "# A\n\n## 2. Two\n\n### 2.1 Sub part\n" };
    const read = (p: string) => docs[p] ?? null;
    expect(brokenLinks("/x/docs/b.md", "[ok](a.md#21-sub-part) [gone](c.md) [no](a.md#nothing) [web](https://x.org)\n```\n[code](z.md)\n```", read))
      .toEqual(["/x/docs/b.md: c.md (no such file)", "/x/docs/b.md: a.md#nothing (no heading #nothing)"]);
    const readDoc = (p: string) => docs[`/x/${p}`] ?? null;
    expect(brokenCitations("f.ts", "// (docs/a.md §2.1) (docs/a.md §2, §3 and §2.1) (docs/z.md §1)", readDoc))
      .toEqual(["f.ts: docs/a.md §3 (no heading numbered 3)", "f.ts: docs/z.md (no such file)"]);
  });
});

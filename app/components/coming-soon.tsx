import { Link } from "@remix-run/react";

/** Placeholder for a feature that a later issue builds; says so plainly. */
export function ComingSoon({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <main className="page narrow" aria-labelledby="coming-soon-title">
      <p className="eyebrow badge">Coming soon</p>
      <h1 id="coming-soon-title">{title}</h1>
      {children}
      <p>
        <Link to="/">Back to the home page</Link>
      </p>
    </main>
  );
}

import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { FeaturedReportCard } from "~/library/featured-report-card";
import { getFeaturedReport, mayReadLibrary } from "~/library/library.server";
import libraryStyles from "~/library/library.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: libraryStyles }];

export const meta: MetaFunction = () => [{ title: "Close Call — learn from law enforcement near misses" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const featured = (await mayReadLibrary(request, context)) ? await getFeaturedReport(context.analytics) : null;
  return { featured };
}

export default function Home() {
  const { featured } = useLoaderData<typeof loader>();
  return (
    <main className="page" aria-labelledby="home-title">
      <section className="hero">
        <h1 id="home-title">Learn the lesson before it costs a life.</h1>
        <p className="lead">
          Close Call lets law-enforcement officers anonymously share the close calls that could have killed or seriously
          injured them, so that every officer can learn from them first.
        </p>
        <div className="hero-actions">
          <Link className="button primary" to="/report">
            Share a near miss
          </Link>
          <Link className="button" to="/reports">
            Read reports
          </Link>
        </div>
      </section>
      {featured ? <FeaturedReportCard report={featured} /> : null}
      <section className="cards" aria-label="What you can do">
        <article className="card">
          <h2>Share a near miss</h2>
          <p>
            Five to ten minutes from your phone. No account, no name, no agency unless you choose to count your report
            toward it. Experienced officers remove identifying details before anything is published.
          </p>
          <Link to="/report">Start a report</Link>
        </article>
        <article className="card">
          <h2>Read reports</h2>
          <p>
            Search de-identified close calls by incident type and contributing factor, and read the lessons learned.
          </p>
          <Link to="/reports">Browse the library</Link>
        </article>
        <article className="card">
          <h2>Already sent a report?</h2>
          <p>Use the receipt code you were given to see where your report stands and to answer reviewers' questions.</p>
          <Link to="/receipt">Check my report</Link>
        </article>
        <article className="card">
          <h2>National trends</h2>
          <p>
            What officers report across the country: incident types, contributing factors and how they change, from
            published reports.
          </p>
          <Link to="/national/summary">See national trends</Link>
        </article>
        <article className="card">
          <h2>Agency partners</h2>
          <p>
            Partner agencies see their own risk profile next to national trends, with statistics that protect every
            reporter.
          </p>
          <Link to="/sign-in">Partner sign-in</Link>
        </article>
      </section>
    </main>
  );
}

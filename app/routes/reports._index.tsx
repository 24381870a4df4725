import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import {
  Form,
  isRouteErrorResponse,
  Link,
  useLoaderData,
  useLocation,
  useNavigation,
  useRouteError,
  useSubmit,
} from "@remix-run/react";
import { useEffect, useRef } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { explorerColumns, sortOfColumn } from "~/library/columns";
import { DataTable } from "~/library/data-table";
import { FacetPanel, activeFilters, withoutEmpty } from "~/library/facet-panel";
import { hrefWith, MAX_QUERY_LENGTH, PAGE_SIZES, parseLibrarySearch } from "~/library/filter-schema";
import { exploreReportsKept, requireLibraryReader } from "~/library/library.server";
import libraryStyles from "~/library/library.css";
import type { SortColumn } from "../../domain/library-query";
import { LibraryDownloads } from "~/exports/library-downloads";
import exportStyles from "~/exports/exports.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: libraryStyles },
  { rel: "stylesheet", href: exportStyles },
  { rel: "alternate", type: "application/atom+xml", title: "Close Call: new reports", href: "/reports/feed.atom" },
];

export const meta: MetaFunction = () => [{ title: "Read reports — Close Call" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { viewer } = await requireLibraryReader(request, context);
  const url = new URL(request.url);
  const parsed = parseLibrarySearch(url.searchParams);
  if (!parsed.ok) {
    const valid = parsed.valid.toString();
    // Expected failure: thrown, rendered by this route's boundary with what was wrong and a way on.
    throw data({ problems: parsed.problems, validHref: valid ? `/reports?${valid}` : "/reports" }, { status: 400 });
  }
  const { state } = parsed;
  const notices: string[] = [];
  if (state.filters.sharedWithMyAgency && viewer.agencyId === null) {
    notices.push(
      "“Shared with my agency” needs an agency account: sign in to see reports shared with your agency. Showing " +
        "all reports.",
    );
    state.filters = { ...state.filters, sharedWithMyAgency: false };
  }
  const result = await exploreReportsKept(context.analytics, state, viewer);
  return { view: state, result, notices, canFilterAgency: viewer.agencyId !== null };
}

const SORT_LABELS: Record<SortColumn, string> = {
  relevance: "Best match",
  published: "Newest",
  event: "Latest event",
  loss: "Most severe",
  number: "Report number",
};

export default function ReportLibrary() {
  const loaded = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const location = useLocation();
  const filters = useRef<HTMLDetailsElement>(null);
  const submit = useSubmit();
  // Filters start folded (phones: results first); a wide screen unfolds them into the sidebar.
  useEffect(() => {
    if (filters.current && window.matchMedia("(min-width: 60rem)").matches) filters.current.open = true;
  }, []);
  const { view: state, result, notices, canFilterAgency } = loaded;
  const loading = navigation.state === "loading" && navigation.location.pathname === "/reports";
  const chips = activeFilters(state, result.facets);
  const blockedWords = result.search?.words.filter((w) => w.matches === 0) ?? [];
  const first = (state.page.page - 1) * state.page.size + 1;
  const last = Math.min(result.total, state.page.page * state.page.size);
  const searching = state.filters.q.trim() !== "";
  const sortOptions = (Object.keys(SORT_LABELS) as SortColumn[]).filter((s) => searching || s !== "relevance");
  const sortedColumn = Object.keys(sortOfColumn).find((id) => sortOfColumn[id] === state.sort.column);
  return (
    <main className="page library" aria-labelledby="library-title">
      <header className="library-header">
        <h1 id="library-title">Read reports</h1>
        <p className="lead">
          Close calls shared by officers and de-identified by experienced reviewers. Search them and read the lessons
          learned.
        </p>
        <Form
          method="get"
          action="/reports"
          className="library-search"
          role="search"
          onSubmit={(event) => {
            event.preventDefault();
            submit(withoutEmpty(new FormData(event.currentTarget)), { action: "/reports" });
          }}
        >
          <label htmlFor="library-q" className="visually-hidden">
            Search reports
          </label>
          <input
            type="search"
            id="library-q"
            name="q"
            defaultValue={state.filters.q}
            key={state.filters.q}
            maxLength={MAX_QUERY_LENGTH}
            placeholder="e.g. pursuit at night"
          />
          {/* A new search keeps the chosen filters; sort and page start over. */}
          {[...new URLSearchParams(location.search)]
            .filter(([k]) => !["q", "page", "sort", "dir"].includes(k))
            .map(([k, v], i) => (
              <input key={`${k}-${v}-${i}`} type="hidden" name={k} value={v} />
            ))}
          <button type="submit" className="primary">
            Search
          </button>
        </Form>
        <ul className="library-links">
          <li>
            <Link to="/national/summary">National trends</Link>
          </li>
          <li>
            <Link to="/receipt">Check a report you sent</Link>
          </li>
          <li>
            <a href="/reports/feed.atom">Subscribe to new reports (Atom feed)</a>
          </li>
        </ul>
      </header>
      {notices.map((n) => (
        <p key={n} className="notice info">
          {n}
        </p>
      ))}
      <div className="library-layout">
        <details className="library-filters" ref={filters}>
          <summary className="library-filters-toggle">
            Filters{chips.length > 0 ? ` (${chips.length} active)` : ""}
          </summary>
          <FacetPanel key={location.search} state={state} facets={result.facets} canFilterAgency={canFilterAgency} />
        </details>
        <section className="library-results" aria-labelledby="results-heading" aria-busy={loading || undefined}>
          <h2 id="results-heading" className="visually-hidden">
            Results
          </h2>
          {chips.length > 0 ? (
            <ul className="filter-chips" aria-label="Active filters">
              {chips.map((c) => (
                <li key={c.key}>
                  <Link to={c.href} className="chip" preventScrollReset aria-label={`Remove filter: ${c.label}`}>
                    {c.label} <span aria-hidden="true">×</span>
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}
          {result.search && result.search.ignored.length > 0 ? (
            <p className="search-note">Common words left out of the search: {result.search.ignored.join(", ")}.</p>
          ) : null}
          <div className="results-bar">
            <p className="results-count" role="status">
              {result.total === 0
                ? "No reports match."
                : `${first.toLocaleString("en-US")}–${last.toLocaleString("en-US")} ` +
                  `of ${result.total.toLocaleString("en-US")} reports`}
            </p>
            {result.total > 0 ? (
              <Form method="get" action="/reports" className="results-sort">
                {[...new URLSearchParams(location.search)]
                  .filter(([k]) => !["sort", "dir", "page", "size"].includes(k))
                  .map(([k, v], i) => (
                    <input key={`${k}-${v}-${i}`} type="hidden" name={k} value={v} />
                  ))}
                <label htmlFor="library-sort">Sort</label>
                <select
                  id="library-sort"
                  name="sort"
                  defaultValue={state.sort.column}
                  key={`${state.sort.column}-${state.sort.descending}`}
                  onChange={(e) =>
                    submit(withoutEmpty(new FormData(e.currentTarget.form!)), {
                      action: "/reports",
                      preventScrollReset: true,
                    })
                  }
                >
                  {sortOptions.map((s) => (
                    <option key={s} value={s}>
                      {SORT_LABELS[s]}
                    </option>
                  ))}
                </select>
                <label htmlFor="library-size">Per page</label>
                <select
                  id="library-size"
                  name="size"
                  defaultValue={state.page.size}
                  key={state.page.size}
                  onChange={(e) =>
                    submit(withoutEmpty(new FormData(e.currentTarget.form!)), {
                      action: "/reports",
                      preventScrollReset: true,
                    })
                  }
                >
                  {PAGE_SIZES.map((n) => (
                    <option key={n} value={n}>
                      {n}
                    </option>
                  ))}
                </select>
                <noscript>
                  <button type="submit">Sort</button>
                </noscript>
              </Form>
            ) : null}
          </div>
          <LibraryDownloads total={result.total} />
          <DataTable
            columns={explorerColumns}
            data={result.rows}
            caption="Published reports"
            getRowId={(row) => row.publicNumber}
            sorting={sortedColumn ? [{ id: sortedColumn, desc: state.sort.descending }] : []}
            sortHref={(columnId, descending) => {
              const column = sortOfColumn[columnId] ?? "published";
              return hrefWith(state, { sort: { column, descending } });
            }}
            pageIndex={state.page.page - 1}
            pageSize={state.page.size}
            rowCount={result.total}
            loading={loading}
            empty={
              <NoResults
                blockedWords={blockedWords.map((w) => w.word)}
                searchWithout={
                  blockedWords.length > 0 && blockedWords.length < (result.search?.words.length ?? 0)
                    ? hrefWith(state, {
                        q: result
                          .search!.words.filter((w) => w.matches > 0)
                          .map((w) => w.word)
                          .join(" "),
                      })
                    : null
                }
                chips={blockedWords.length ? chips.filter((c) => c.key === "q") : chips}
                pageOutOfRange={
                  result.total > 0
                    ? { last: result.pageCount, href: hrefWith(state, { page: result.pageCount }) }
                    : null
                }
              />
            }
          />
          {result.pageCount > 1 && result.rows.length > 0 ? (
            <Pagination state={state} pageCount={result.pageCount} />
          ) : null}
        </section>
      </div>
    </main>
  );
}

const reportsCount = (n: number) => `${n.toLocaleString("en-US")} ${n === 1 ? "report" : "reports"}`;

function NoResults(props: {
  blockedWords: string[];
  /** The same search without the words that match nothing, when some words do match. */
  searchWithout: string | null;
  chips: ReturnType<typeof activeFilters>;
  pageOutOfRange: { last: number; href: string } | null;
}) {
  if (props.pageOutOfRange) {
    return (
      <div className="empty-state">
        <h3>There is no such page</h3>
        <p>These results end on page {props.pageOutOfRange.last}.</p>
        <Link className="button" to={props.pageOutOfRange.href}>
          Go to the last page
        </Link>
      </div>
    );
  }
  if (props.chips.length === 0) {
    return (
      <div className="empty-state">
        <h3>No reports have been published yet</h3>
        <p>
          Reports appear here once reviewers have de-identified and published them. You can help by sharing a close
          call.
        </p>
        <Link className="button primary" to="/report">
          Share a near miss
        </Link>
      </div>
    );
  }
  return (
    <div className="empty-state">
      <h3>No reports match</h3>
      {props.blockedWords.length > 0 ? (
        <p>
          No published report contains{" "}
          {props.blockedWords.map((w, i) => (
            <span key={w}>
              {i > 0 ? ", " : ""}“{w}”
            </span>
          ))}
          . Check the spelling, or try a more general word.
        </p>
      ) : (
        <p>No report matches all of these filters together. Try removing one:</p>
      )}
      <ul className="empty-suggestions">
        {props.searchWithout ? (
          <li>
            <Link to={props.searchWithout}>Search without {props.blockedWords.map((w) => `“${w}”`).join(", ")}</Link>
          </li>
        ) : null}
        {suggestions(props.chips).map((c) => (
          <li key={c.key}>
            <Link to={c.href}>
              Remove {c.label}
              {c.without !== null ? ` (${reportsCount(c.without)})` : ""}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Removals that would bring results back come first; ones known to leave nothing are left out. */
function suggestions(chips: ReturnType<typeof activeFilters>) {
  const useful = chips.filter((c) => c.without !== 0);
  return [...(useful.length > 0 ? useful : chips)].sort((a, b) => (b.without ?? -1) - (a.without ?? -1));
}

function Pagination({ state, pageCount }: { state: Parameters<typeof hrefWith>[0]; pageCount: number }) {
  const page = state.page.page;
  return (
    <nav className="pagination" aria-label="Pages of results">
      {page > 1 ? (
        <Link to={hrefWith(state, { page: 1 })} aria-label="First page">
          « First
        </Link>
      ) : (
        <span aria-hidden="true">« First</span>
      )}
      {page > 1 ? (
        <Link to={hrefWith(state, { page: page - 1 })} rel="prev">
          ‹ Previous
        </Link>
      ) : (
        <span aria-hidden="true">‹ Previous</span>
      )}
      <span className="pagination-current" aria-current="page">
        Page {page.toLocaleString("en-US")} of {pageCount.toLocaleString("en-US")}
      </span>
      {page < pageCount ? (
        <Link to={hrefWith(state, { page: page + 1 })} rel="next">
          Next ›
        </Link>
      ) : (
        <span aria-hidden="true">Next ›</span>
      )}
      {page < pageCount ? (
        <Link to={hrefWith(state, { page: pageCount })} aria-label="Last page">
          Last »
        </Link>
      ) : (
        <span aria-hidden="true">Last »</span>
      )}
    </nav>
  );
}

interface InvalidSearch {
  problems: { param: string; message: string }[];
  validHref: string;
}

function isInvalidSearch(value: unknown): value is InvalidSearch {
  return typeof value === "object" && value !== null && "problems" in value && "validHref" in value;
}

/** Bad parameters get a plain explanation and a way on (never a 500, never a bare error page). */
export function ErrorBoundary() {
  const error = useRouteError();
  if (!isRouteErrorResponse(error) || error.status !== 400 || !isInvalidSearch(error.data))
    return <GeneralErrorBoundary />;
  const { problems, validHref } = error.data;
  return (
    <main className="page narrow" aria-labelledby="library-title">
      <h1 id="library-title">Read reports</h1>
      <div className="notice danger" role="alert">
        <p>
          <strong>Some of the filters in this address are not valid, so no search was run.</strong>
        </p>
        <ul>
          {problems.map((p) => (
            <li key={p.message}>{p.message}</li>
          ))}
        </ul>
      </div>
      <p className="library-actions">
        <Link className="button primary" to={validHref}>
          Search without them
        </Link>
        <Link className="button" to="/reports">
          Start again
        </Link>
      </p>
    </main>
  );
}

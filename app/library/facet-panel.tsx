// The facet form: every filter as a checkbox list with counts that follow the other filters. It is a
// plain GET form (works without JavaScript); with JavaScript it submits on change.
import { Form, Link, useSubmit } from "@remix-run/react";
import { useRef } from "react";
import {
  censusRegions,
  factorFamilies,
  factors,
  incidentTypes,
  labels,
  lightConditions,
  lossPotentials,
  officerBands,
  weatherConditions,
} from "../../domain/taxonomy/index";
import type { FacetKey } from "../../domain/library-query";
import type { FacetCounts } from "./library.server";
import { type LibraryState, hrefWith } from "./filter-schema";

interface Option {
  code: string;
  label: string;
}

/** Short, shareable URLs: empty fields and defaults are left out (the loader reads them the same way). */
export function withoutEmpty(form: FormData): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of form) {
    if (typeof value !== "string" || value === "") continue;
    if (
      (key === "match" && value === "any") ||
      (key === "size" && value === "25") ||
      (key === "dir" && value === "desc")
    )
      continue;
    params.append(key, value);
  }
  return params;
}

function countsOf(facets: FacetCounts, key: FacetKey): Map<string, number> {
  return new Map(facets[key].map((f) => [f.value, f.count]));
}

function Checkboxes(props: {
  name: string;
  options: readonly Option[];
  selected: readonly string[];
  counts: Map<string, number>;
}) {
  const { name, options, selected, counts } = props;
  return (
    <ul className="facet-options">
      {options.map((o) => {
        const count = counts.get(o.code) ?? 0;
        const checked = selected.includes(o.code);
        const id = `f-${name}-${o.code}`;
        return (
          <li key={o.code} className={count === 0 && !checked ? "facet-option is-empty" : "facet-option"}>
            <input type="checkbox" id={id} name={name} value={o.code} defaultChecked={checked} />
            <label htmlFor={id}>
              <span>{o.label}</span> <span className="facet-count">{count.toLocaleString("en-US")}</span>
            </label>
          </li>
        );
      })}
    </ul>
  );
}

function Facet(props: { legend: string; open?: boolean; active: number; children: React.ReactNode }) {
  return (
    <details className="facet" open={props.open || props.active > 0}>
      <summary>
        {props.legend}
        {props.active > 0 ? <span className="facet-active"> · {props.active} chosen</span> : null}
      </summary>
      <fieldset>
        <legend className="visually-hidden">{props.legend}</legend>
        {props.children}
      </fieldset>
    </details>
  );
}

export function FacetPanel({
  state,
  facets,
  canFilterAgency,
}: {
  state: LibraryState;
  facets: FacetCounts;
  canFilterAgency: boolean;
}) {
  const f = state.filters;
  const submit = useSubmit();
  const form = useRef<HTMLFormElement>(null);
  const years = [...facets.year].sort((a, b) => b.value.localeCompare(a.value));
  return (
    <Form
      method="get"
      action="/reports"
      id="library-filters"
      ref={form}
      className="facet-panel"
      aria-label="Filter reports"
      onChange={(event) => {
        // Text fields submit with Enter or the button; choices apply at once.
        const target = event.target as HTMLInputElement;
        if (target.type === "checkbox" || target.type === "radio") {
          submit(withoutEmpty(new FormData(event.currentTarget)), { action: "/reports", preventScrollReset: true });
        }
      }}
      onSubmit={(event) => {
        event.preventDefault();
        submit(withoutEmpty(new FormData(event.currentTarget)), { action: "/reports", preventScrollReset: true });
      }}
    >
      <input type="hidden" name="q" value={f.q} />
      {state.sort.column !== "published" && state.sort.column !== "relevance" ? (
        <input type="hidden" name="sort" value={state.sort.column} />
      ) : null}
      {!state.sort.descending ? <input type="hidden" name="dir" value="asc" /> : null}
      {state.page.size !== 25 ? <input type="hidden" name="size" value={state.page.size} /> : null}
      {canFilterAgency ? (
        <div className="facet facet-mine">
          <input type="checkbox" id="f-mine" name="mine" value="1" defaultChecked={f.sharedWithMyAgency} />
          <label htmlFor="f-mine">Only reports shared with my agency</label>
        </div>
      ) : null}
      <Facet legend="Incident type" open active={f.incidentTypes.length}>
        <Checkboxes
          name="type"
          options={incidentTypes}
          selected={f.incidentTypes}
          counts={countsOf(facets, "incident_type")}
        />
      </Facet>
      <Facet legend="Contributing factors" active={f.factors.length}>
        <div className="facet-match" role="radiogroup" aria-label="Reports must cite">
          <span>Reports citing</span>
          <label>
            <input type="radio" name="match" value="any" defaultChecked={f.factorMatch === "any"} /> any
          </label>
          <label>
            <input type="radio" name="match" value="all" defaultChecked={f.factorMatch === "all"} /> all
          </label>
          <span>of the chosen factors</span>
        </div>
        {factorFamilies.map((family) => (
          <div key={family.code} className="facet-family">
            <p className="facet-family-name">{family.label}</p>
            <Checkboxes
              name="factor"
              options={factors.filter((x) => x.family === family.code)}
              selected={f.factors}
              counts={countsOf(facets, "factor")}
            />
          </div>
        ))}
      </Facet>
      <Facet legend="Factor family" active={f.families.length}>
        <Checkboxes name="family" options={factorFamilies} selected={f.families} counts={countsOf(facets, "family")} />
      </Facet>
      <Facet legend="Loss potential" open active={f.lossPotentials.length}>
        <Checkboxes
          name="loss"
          options={lossPotentials}
          selected={f.lossPotentials}
          counts={countsOf(facets, "loss_potential")}
        />
      </Facet>
      <Facet legend="When it happened" active={f.from || f.to ? 1 : 0}>
        <p className="hint">Whole months only. Pick a year, or a range of months.</p>
        <ul className="facet-years">
          {years.map((y) => (
            <li key={y.value}>
              <Link to={hrefWith(state, { from: `${y.value}-01`, to: `${y.value}-12` })} preventScrollReset>
                {y.value} <span className="facet-count">{y.count.toLocaleString("en-US")}</span>
              </Link>
            </li>
          ))}
        </ul>
        <div className="facet-months">
          <div className="field">
            <label htmlFor="f-from">From month</label>
            <input type="month" id="f-from" name="from" defaultValue={f.from ?? ""} placeholder="2024-01" />
          </div>
          <div className="field">
            <label htmlFor="f-to">To month</label>
            <input type="month" id="f-to" name="to" defaultValue={f.to ?? ""} placeholder="2024-12" />
          </div>
        </div>
      </Facet>
      <Facet legend="Census region" active={f.regions.length}>
        <Checkboxes
          name="region"
          options={censusRegions}
          selected={f.regions}
          counts={countsOf(facets, "census_region")}
        />
      </Facet>
      <Facet legend="Light" active={f.light.length}>
        <Checkboxes name="light" options={lightConditions} selected={f.light} counts={countsOf(facets, "light")} />
      </Facet>
      <Facet legend="Weather" active={f.weather.length}>
        <Checkboxes
          name="weather"
          options={weatherConditions}
          selected={f.weather}
          counts={countsOf(facets, "weather")}
        />
      </Facet>
      <Facet legend="Officers on scene" active={f.officers.length}>
        <Checkboxes
          name="officers"
          options={officerBands}
          selected={f.officers}
          counts={countsOf(facets, "officers_band")}
        />
      </Facet>
      <div className="facet-actions">
        <button type="submit" className="primary">
          Apply filters
        </button>
        <Link to={f.q ? `/reports?${new URLSearchParams({ q: f.q })}` : "/reports"} className="button">
          Clear filters
        </Link>
      </div>
    </Form>
  );
}

/** The active filters as removable chips; also the "no results" suggestions. */
export function activeFilters(state: LibraryState, facets: FacetCounts) {
  const f = state.filters;
  const chips: { key: string; label: string; href: string; without: number | null }[] = [];
  // For a facet with one value per report, the counts of its values add up to the results without it.
  const sumOf = (key: FacetKey) => facets[key].reduce((n, v) => n + v.count, 0);
  const list = (values: string[], field: keyof typeof f, name: (c: string) => string, facet: FacetKey | null) => {
    for (const value of values) {
      const rest = values.filter((v) => v !== value);
      chips.push({
        key: `${String(field)}-${value}`,
        label: name(value),
        href: hrefWith(state, { [field]: rest }),
        without: facet && rest.length === 0 ? sumOf(facet) : null,
      });
    }
  };
  if (f.q) chips.push({ key: "q", label: `“${f.q}”`, href: hrefWith(state, { q: "" }), without: null });
  list(f.incidentTypes, "incidentTypes", labels.incidentType, "incident_type");
  list(f.factors, "factors", labels.factor, null);
  list(f.families, "families", labels.factorFamily, null);
  list(f.lossPotentials, "lossPotentials", labels.lossPotential, "loss_potential");
  if (f.from || f.to) {
    chips.push({
      key: "period",
      label: `${f.from ?? "start"} to ${f.to ?? "now"}`,
      href: hrefWith(state, { from: null, to: null }),
      without: sumOf("year"),
    });
  }
  list(f.regions, "regions", labels.censusRegion, "census_region");
  list(f.light, "light", labels.light, "light");
  list(f.weather, "weather", labels.weather, "weather");
  list(f.officers, "officers", labels.officerBand, "officers_band");
  if (f.sharedWithMyAgency)
    chips.push({
      key: "mine",
      label: "Shared with my agency",
      href: hrefWith(state, { sharedWithMyAgency: false }),
      without: null,
    });
  return chips;
}

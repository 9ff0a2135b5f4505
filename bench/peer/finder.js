// The peer of the start-up benchmark (bench/startup.mjs): a minimal program finder written
// the way a web team might write one in plain JavaScript, with Preact, htm and MiniSearch.
// It fetches the catalogue at start, builds a MiniSearch index (as the widget builds its
// index before its first cards), then shows program cards with name, organization,
// description and phone, and a search box (prefix and fuzzy matching). No filters, no
// counts per need, no translations, no checks of the catalogue: a floor, not a rival
// product. Served as ES modules through an import map (see the page bench/startup.mjs
// writes), like a site that ships its modules unbundled.
import { h, render } from "preact";
import { useEffect, useMemo, useState } from "preact/hooks";
import htm from "htm";
import MiniSearch from "minisearch";

const html = htm.bind(h);
const PAGE_SIZE = 30; // as the widget's default
const FIELDS = ["name", "organization", "needs", "towns", "description"];

/** The catalogue at `url`, read into programs and a search index. */
async function load(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const catalogue = await response.json();
  const labels = new Map(catalogue.needs.map((need) => [need.id, need.label]));
  const programs = catalogue.programs.filter((p) => p && p.id && p.name);
  const index = new MiniSearch({
    fields: FIELDS,
    // Need ids become their labels; lists become words.
    extractField: (program, field) => {
      const value = program[field];
      if (field === "needs") return (value ?? []).map((id) => labels.get(id) ?? id).join(" ");
      return Array.isArray(value) ? value.join(" ") : value;
    },
    searchOptions: { prefix: true, fuzzy: 0.2, combineWith: "AND", boost: { name: 3, organization: 2 } },
  });
  index.addAll(programs);
  return { title: catalogue.title, programs, byId: new Map(programs.map((p) => [p.id, p])), index };
}

function Card({ program }) {
  const tel = program.phone && "tel:" + program.phone.replace(/[^\d+]/g, "");
  return html`<li class="card" data-program-id=${program.id}>
    <h3>${program.name}</h3>
    ${program.organization && html`<p class="org">${program.organization}</p>`}
    ${program.description && html`<p>${program.description}</p>`}
    ${tel && html`<a class="call" href=${tel}>Call ${program.phone}</a>`}
  </li>`;
}

function Finder({ url }) {
  const [data, setData] = useState(null);
  const [error, setError] = useState(null);
  const [query, setQuery] = useState("");
  useEffect(() => {
    load(url).then(setData, (e) => setError(String(e)));
  }, [url]);
  const found = useMemo(() => {
    if (!data) return [];
    if (!query.trim()) return data.programs;
    return data.index.search(query).map((hit) => data.byId.get(hit.id));
  }, [data, query]);

  let body;
  if (error) body = html`<p role="alert">Programs could not be loaded. For help, call 2-1-1.</p>`;
  else if (!data) body = html`<p role="status">Loading programs…</p>`;
  else {
    const shown = found.slice(0, PAGE_SIZE);
    body = html`
      <p class="count" role="status">
        ${shown.length < found.length ? `Showing ${shown.length} of ${found.length} programs` : `${found.length} programs`}
      </p>
      <ul class="results">
        ${shown.map((program) => html`<${Card} key=${program.id} program=${program} />`)}
      </ul>`;
  }
  return html`<section class="finder" aria-labelledby="peer-heading">
    <h2 id="peer-heading">Find community programs</h2>
    <label for="peer-q">Search programs</label>
    <input id="peer-q" type="search" autocomplete="off" value=${query} onInput=${(e) => setQuery(e.currentTarget.value)} />
    ${body}
  </section>`;
}

for (const host of document.querySelectorAll("[data-peer-finder]")) {
  render(html`<${Finder} url=${host.dataset.catalogue} />`, host);
}

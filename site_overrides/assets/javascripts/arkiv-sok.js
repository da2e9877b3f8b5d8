// The search page: a query that reads as a diarienummer goes to its case page; anything else is
// a full-text search with Pagefind. The dnr rule comes from the generator (generator/dnr.py),
// so the site and the build read a dnr the same way. Texts come from the page (labels.py).

const root = document.getElementById("arkiv-sok");

/** Read a query as a dnr, as generator.dnr.parse does: {prefix|null, year, serial} or null. */
export function parseDnr(query, pattern, maxLength = 60) {
  // Longer text is no dnr: never run the pattern on it (it is slow on long failing input).
  if (query.length > maxLength) return null;
  const found = new RegExp(pattern, "i").exec(query);
  if (!found) return null;
  const g = found.groups;
  // Each spelling has groups of its own (suffix 1-6), as in dnr.py.
  const n = [1, 2, 3, 4, 5, 6].find((k) => g[`serial${k}`] !== undefined);
  const serial = parseInt(g[`serial${n}`], 10);
  if (!serial) return null;
  let year = parseInt(g[`year${n}`], 10);
  if (year < 100) year += year <= 50 ? 2000 : 1900; // "KS 09-061": a two-digit year
  const written = g[`prefix${n}`];
  const prefix = written ? written.replace(/^[\s-]+|[\s-]+$/g, "").toUpperCase() : null;
  return { prefix, year, serial };
}

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, key) => String(values[key] ?? ""));
}

function element(tag, text, attributes = {}) {
  const node = document.createElement(tag);
  if (text) node.textContent = text;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

/** Pagefind marks hits with <mark>; build that markup from text nodes, never from raw HTML. */
function excerpt(html) {
  const paragraph = element("p");
  const decoder = document.createElement("textarea");
  html.split(/(<mark>|<\/mark>)/).reduce((marked, part) => {
    if (part === "<mark>") return true;
    if (part === "</mark>") return false;
    decoder.innerHTML = part;
    const text = document.createTextNode(decoder.value);
    if (marked) {
      const mark = element("mark");
      mark.appendChild(text);
      paragraph.appendChild(mark);
    } else {
      paragraph.appendChild(text);
    }
    return marked;
  }, false);
  return paragraph;
}

async function dnrHits(dnr, base) {
  const response = await fetch(`${base}sok/dnr/${dnr.year}.json`);
  const entries = response.ok ? (await response.json())[String(dnr.serial)] ?? [] : [];
  return dnr.prefix ? entries.filter((entry) => entry[0] === dnr.prefix) : entries;
}

function link(url, text) {
  const item = element("li");
  item.appendChild(element("a", text, { href: url }));
  return item;
}

async function lookupDnr(dnr, base, texts, status, list) {
  const shown = `${dnr.prefix ?? root.dataset.dnrPrefix} ${dnr.year}/${dnr.serial}`;
  const hits = await dnrHits(dnr, base);
  if (hits.length === 1) {
    status.textContent = fill(texts.dnr_found, { dnr: hits[0][2] });
    location.replace(base + hits[0][1]);
    return;
  }
  if (hits.length === 0) {
    status.textContent = fill(texts.dnr_missing, { dnr: shown });
    return;
  }
  // Without a prefix the number is in several diaria: name it without one.
  status.textContent = fill(texts.dnr_ambiguous, { dnr: `${dnr.year}/${dnr.serial}`, n: hits.length });
  for (const [, url, label, title] of hits) list.appendChild(link(base + url, `${label} ${title}`));
}

async function loadPagefind(base) {
  // A module import resolves against this script, not the page: make the URL absolute first.
  const pagefind = await import(new URL(`${base}pagefind/pagefind.js`, document.baseURI).href);
  // Result URLs relative to wherever the site is published, not to the server's root.
  await pagefind.options({ excerptLength: 24, baseUrl: new URL(base, document.baseURI).pathname });
  return pagefind;
}

/** "2023-10" is a month as much as a dnr (2023/10): offer the case, if there is one, and the
 * meetings of that month, instead of going to the case. */
async function monthOrDnr(query, month, dnr, base, texts, status, list) {
  const [year, number] = month.map(Number);
  const name = `${texts.months[number - 1]} ${year}`;
  const cases = dnr ? await dnrHits(dnr, base) : [];
  const pagefind = await loadPagefind(base);
  const found = await pagefind.search(null, { filters: { månad: `${month[0]}-${month[1]}` }, sort: { datum: "asc" } });
  const meetings = await Promise.all(found.results.map((result) => result.data()));
  if (!cases.length && !meetings.length) {
    status.textContent = fill(texts.month_none, { month: name });
    return;
  }
  status.textContent = cases.length ? fill(texts.month_or_case, { q: query }) : fill(texts.month, { month: name });
  for (const [, url, label, title] of cases) list.appendChild(link(base + url, `${fill(texts.case, { dnr: label })}: ${title}`));
  for (const data of meetings) list.appendChild(link(data.url, data.meta.title));
}

const PAGE = 20; // results shown at once; "Visa fler träffar" shows the next ones

/** Sub-results most relevant first (most hits in them), not in the page's order. */
function ranked(subResults, url) {
  return subResults
    .filter((sub) => sub.url !== url)
    .map((sub, at) => ({ sub, at }))
    .sort((a, b) => (b.sub.locations?.length ?? 0) - (a.sub.locations?.length ?? 0) || a.at - b.at)
    .map(({ sub }) => sub);
}

async function showResult(loading, list) {
  const data = await loading;
  const item = element("li", "", { class: "arkiv-traff" });
  const heading = element("h2");
  heading.appendChild(element("a", data.meta.title, { href: data.url }));
  item.appendChild(heading);
  const facts = [data.meta.organ, data.meta.datum, data.meta.dnr].filter(Boolean).join(" · ");
  if (facts) item.appendChild(element("p", facts, { class: "arkiv-traff-fakta" }));
  if (data.meta.paragraf && data.meta.paragraf_lank) {
    // A handling's hit: the § it belongs to, its address relative to the handling's.
    const paragraph = element("p", "", { class: "arkiv-traff-paragraf" });
    const href = new URL(data.meta.paragraf_lank, new URL(data.url, location.href)).href;
    paragraph.appendChild(element("a", data.meta.paragraf, { href }));
    item.appendChild(paragraph);
  }
  const parts = element("ul");
  for (const sub of ranked(data.sub_results, data.url).slice(0, 3)) {
    const entry = element("li");
    entry.appendChild(element("a", sub.title, { href: sub.url }));
    entry.appendChild(excerpt(sub.excerpt));
    parts.appendChild(entry);
  }
  if (parts.childElementCount) item.appendChild(parts);
  else item.appendChild(excerpt(data.excerpt));
  list.appendChild(item);
  if (list.childElementCount === 1) performance.mark("arkiv-sok-forsta");
  return item;
}

async function fullText(query, options, base, texts, status, list) {
  status.textContent = texts.searching;
  const pagefind = await loadPagefind(base);
  const search = await pagefind.search(query, options);
  const total = search.results.length;
  const more = document.getElementById("arkiv-sok-fler");
  let shown = 0;
  const count = () =>
    !total
      ? fill(texts.none, { q: query })
      : `${fill(total === 1 ? texts.count_one : texts.count, { n: total, q: query })}${
          shown < total ? ` ${fill(texts.shown, { shown, n: total })}` : ""
        }`;
  async function next() {
    const batch = search.results.slice(shown, shown + PAGE);
    const items = [];
    list.setAttribute("aria-busy", "true");
    // Every hit's fragment is fetched at once; each is shown, in order, as soon as it is there.
    const loading = batch.map((result) => result.data());
    for (const data of loading) items.push(await showResult(data, list));
    list.setAttribute("aria-busy", "false");
    shown += batch.length;
    status.textContent = count();
    more.hidden = shown >= total;
    return items;
  }
  more.textContent = texts.more;
  more.onclick = async () => {
    const items = await next();
    // The keyboard goes on where the new results begin.
    const first = items[0]?.querySelector("a");
    if (first) first.focus();
  };
  status.textContent = count();
  await next();
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const SORTS = { nyast: { datum: "desc" }, aldst: { datum: "asc" } };

async function search(query, choices) {
  const base = root.dataset.base;
  const texts = JSON.parse(root.dataset.texts);
  const status = document.getElementById("arkiv-sok-status");
  const list = document.getElementById("arkiv-traffar");
  list.replaceChildren();
  // Screen readers (and tests) hear the list once a whole batch stands, not hit by hit.
  list.setAttribute("aria-busy", "true");
  document.getElementById("arkiv-sok-fler").hidden = true;
  // A filter alone would fetch the whole index: nothing runs without a search term.
  if (!query) {
    status.textContent = texts.empty;
    list.setAttribute("aria-busy", "false");
    return;
  }
  performance.mark("arkiv-sok-start");
  const dnr = parseDnr(query, root.dataset.dnrPattern, Number(root.dataset.dnrMax));
  const month = MONTH.exec(query);
  if (month) {
    await monthOrDnr(query, month.slice(1), dnr, base, texts, status, list);
  } else if (dnr) {
    await lookupDnr(dnr, base, texts, status, list);
  } else {
    const filters = {};
    if (choices.organ) filters.organ = choices.organ;
    if (choices.ar) filters["år"] = choices.ar;
    if (choices.typ) filters.typ = choices.typ;
    const options = { filters };
    if (SORTS[choices.ordning]) options.sort = SORTS[choices.ordning];
    await fullText(query, options, base, texts, status, list);
  }
  list.setAttribute("aria-busy", "false");
  performance.mark("arkiv-sok-klar");
}

const CHOICES = ["organ", "ar", "typ", "ordning"];

function main() {
  const form = root.querySelector("form");
  const params = new URLSearchParams(location.search);
  form.elements.q.value = (params.get("q") ?? "").trim();
  for (const name of CHOICES) form.elements[name].value = params.get(name) ?? "";
  // Searching again on this page keeps Pagefind and the index chunks it has already loaded.
  let shown = location.search;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const next = new URLSearchParams(new FormData(form));
    history.pushState(null, "", `?${next}`);
    shown = location.search;
    run(form).catch(failed);
  });
  // Back and forward between searches show that search; a jump within the page (the skip link)
  // is no new search.
  window.addEventListener("popstate", () => {
    if (location.search !== shown) location.reload();
  });
  if (!form.elements.q.value) form.elements.q.focus();
  return run(form);
}

function run(form) {
  return search(form.elements.q.value.trim(), Object.fromEntries(CHOICES.map((name) => [name, form.elements[name].value])));
}

function failed() {
  document.getElementById("arkiv-sok-status").textContent = JSON.parse(root.dataset.texts).failed;
  document.getElementById("arkiv-traffar").setAttribute("aria-busy", "false");
}

if (root) {
  window.arkivParseDnr = (query) => parseDnr(query, root.dataset.dnrPattern, Number(root.dataset.dnrMax));
  main().catch(failed);
}

// The portal's search: the first organisation's Pagefind index, with the others' merged into it.
const root = document.querySelector("[data-arkiv-portal]");
const sites = JSON.parse(root.dataset.sites).map((site) => ({ ...site, url: new URL(site.url, document.baseURI) }));
const texts = JSON.parse(root.dataset.texts);
const form = root.querySelector("form");
const status = root.querySelector("#portal-status");
const list = root.querySelector("#portal-hits");

const fill = (text, values) => text.replace(/\{(\w+)\}/g, (_, key) => values[key]);
// A hit's URL begins with its site's: the organisation it came from.
const siteOf = (url) => sites.find((site) => new URL(url, document.baseURI).href.startsWith(site.url.href));
const base = (site) => (site.url.origin === location.origin ? site.url.pathname : site.url.href);

let loading;
function pagefind() {
  loading ??= (async () => {
    const [first, ...rest] = sites;
    const found = await import(new URL("pagefind/pagefind.js", first.url).href);
    await found.options({ baseUrl: base(first), excerptLength: 24 });
    for (const site of rest) await found.mergeIndex(new URL("pagefind/", site.url).href, { baseUrl: base(site) });
    return found;
  })();
  return loading;
}

function element(name, text, attributes = {}) {
  const made = document.createElement(name);
  if (text) made.textContent = text;
  for (const [key, value] of Object.entries(attributes)) made.setAttribute(key, value);
  return made;
}

async function search(query) {
  list.replaceChildren();
  if (!query.trim()) return;
  list.setAttribute("aria-busy", "true");
  status.textContent = texts.searching;
  const found = await (await pagefind()).search(query);
  const results = await Promise.all(found.results.slice(0, 30).map((result) => result.data()));
  for (const data of results) {
    const item = element("li");
    const heading = element("h3");
    heading.appendChild(element("a", data.meta.title, { href: data.url }));
    item.appendChild(heading);
    const facts = [siteOf(data.url)?.name, data.meta.organ, data.meta.datum].filter(Boolean).join(" · ");
    item.appendChild(element("p", facts, { class: "portal-fakta" }));
    // Pagefind marks the query's words in its excerpt; only its text is shown.
    item.appendChild(element("p", new DOMParser().parseFromString(data.excerpt, "text/html").body.textContent));
    list.appendChild(item);
  }
  status.textContent = found.results.length ? fill(texts.hits, { n: found.results.length, q: query }) : fill(texts.none, { q: query });
  list.removeAttribute("aria-busy");
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  search(form.elements.q.value);
});

// A diarium year's cases: shown by body, only those handled in the last twelve months, or
// latest handled first. Without JavaScript every case is listed, in diarium order.

const root = document.getElementById("arkiv-arenden");

function apply(form, rows, body, status) {
  const organ = form.elements.organ.value;
  const recent = form.elements.nyligen.checked;
  const since = root.dataset.recentSince;
  const ordered =
    form.elements.ordning.value === "senast"
      ? [...rows].sort((a, b) => b.dataset.senast.localeCompare(a.dataset.senast))
      : rows;
  let shown = 0;
  for (const row of ordered) {
    const visible =
      (!organ || row.dataset.organ.split("|").includes(organ)) && (!recent || row.dataset.senast >= since);
    row.hidden = !visible;
    if (visible) shown += 1;
    body.appendChild(row);
  }
  status.textContent = root.dataset.shown.replace("{shown}", shown).replace("{n}", rows.length);
  const params = new URLSearchParams();
  if (organ) params.set("organ", organ);
  if (recent) params.set("nyligen", "1");
  if (form.elements.ordning.value !== "dnr") params.set("ordning", form.elements.ordning.value);
  history.replaceState(null, "", params.size ? `?${params}` : location.pathname);
}

if (root) {
  const form = root.querySelector("form");
  const body = root.querySelector("tbody");
  const rows = [...body.rows];
  const status = document.getElementById("arkiv-arenden-status");
  const params = new URLSearchParams(location.search);
  form.elements.organ.value = params.get("organ") ?? "";
  form.elements.nyligen.checked = params.get("nyligen") === "1";
  form.elements.ordning.value = params.get("ordning") ?? "dnr";
  form.hidden = false;
  form.addEventListener("change", () => apply(form, rows, body, status));
  form.addEventListener("submit", (event) => event.preventDefault());
  apply(form, rows, body, status);
}

// Searching from the header: when the search box gets focus, the browser fetches what the search
// page will need (the page, its script, Pagefind and its Swedish WebAssembly) while the visitor
// types, so that the first result does not wait for them.

const box = document.getElementById("arkiv-sokord");
if (box && box.form) {
  box.addEventListener(
    "focus",
    () => {
      const search = new URL(box.form.action, location.href);
      const root = new URL("../", search);
      const wanted = [
        search,
        new URL("assets/javascripts/arkiv-sok.js", root),
        new URL("pagefind/pagefind.js", root),
        new URL("pagefind/pagefind-entry.json", root),
        new URL("pagefind/wasm.sv.pagefind", root),
      ];
      for (const url of wanted) {
        const link = document.createElement("link");
        link.rel = "prefetch";
        link.href = url.href;
        document.head.appendChild(link);
      }
    },
    { once: true },
  );
}

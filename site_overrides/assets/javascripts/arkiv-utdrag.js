// "?utdrag=71": the meeting page as an extract of one paragraph (a protokollsutdrag), with the
// meeting's header facts, justering and anslag, to read, link to or print. Not certified: the
// page says so. Without JavaScript the address shows the whole protocol at that paragraph.

const number = new URLSearchParams(location.search).get("utdrag");
const section = number && /^\d{1,4}$/.test(number) ? document.getElementById(`paragraf-${number}`)?.closest("section") : null;
if (section) {
  document.body.classList.add("arkiv-utdragsvy");
  section.classList.add("arkiv-utdrag-vald");
  for (const note of document.querySelectorAll(".arkiv-utdrag-not")) note.hidden = false;
  document.title = `${document.querySelector(".arkiv-utdrag-not strong")?.textContent ?? ""} ${document.title}`;
}

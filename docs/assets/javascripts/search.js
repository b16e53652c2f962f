/* The search box's results: Pagefind (pagefind/<lang>/pagefind.js, written by hub/emit/search.py).
 * hub.js imports this module only when the reader opens the search box or types in it; it imports
 * the bundle of the page's language (<html lang>), which Pagefind fetches in small fragments, as
 * words are typed.
 */
const SHOWN = 10;

export function attach(root, facts) {
  const input = root.querySelector(".hub-search__input");
  const show = root.querySelector(".hub-search__show");
  const status = root.querySelector(".hub-search__status");
  const list = root.querySelector(".hub-search__results");
  const text = JSON.parse(root.querySelector(".hub-search__text").textContent);
  const base = new URL(facts.base, location.href);
  const count = new Intl.NumberFormat(facts.locale);
  let pagefind = null;

  async function engine() {
    if (!pagefind) {
      pagefind = import(new URL(`pagefind/${document.documentElement.lang}/pagefind.js`, base).href).then(async (module) => {
        await module.options({ baseUrl: base.pathname, excerptLength: 24 });
        module.init();
        return module;
      });
    }
    return pagefind;
  }

  async function run() {
    const query = input.value.trim();
    if (!query) {
      list.replaceChildren();
      status.textContent = "";
      delete root.dataset.answered;
      return;
    }
    const filter = show.value;
    let found;
    try {
      const search = await engine();
      const [name, value] = filter ? filter.split(":") : [];
      found = await search.debouncedSearch(query, { filters: name ? { [name]: value } : {} }, 120);
      if (found === null) return;  // a later keystroke superseded this search
      found = { total: found.results.length, shown: await Promise.all(found.results.slice(0, SHOWN).map((r) => r.data())) };
    } catch (error) {
      status.textContent = text.failed;
      throw error;
    }
    if (input.value.trim() !== query || show.value !== filter) return;
    list.replaceChildren(...found.shown.map(result));
    status.textContent = found.total
      ? (found.total === 1 ? text.results_one : text.results).replace("{count}", count.format(found.total))
      : text.none.replace("{query}", query);
    // What the results on show answer (the browser tests wait for it).
    root.dataset.answered = JSON.stringify([query, show.value]);
  }

  function result(data) {
    const item = document.createElement("li");
    item.className = "hub-search__result";
    const link = document.createElement("a");
    link.href = data.url;
    const kind = (data.filters.collection || [])[0];
    if (kind && text.kind[kind]) {
      const label = document.createElement("span");
      label.className = "hub-search__kind";
      const when = (data.filters.when || [])[0];
      label.textContent = text.kind[kind] + (when && text.when[when] ? " · " + text.when[when] : "");
      link.append(label);
    }
    const title = document.createElement("span");
    title.className = "hub-search__title";
    title.textContent = data.meta.title || data.url;
    const excerpt = document.createElement("span");
    excerpt.className = "hub-search__excerpt";
    excerpt.append(...highlighted(data.excerpt));
    link.append(title, excerpt);
    item.append(link);
    return item;
  }

  // Pagefind's excerpt is HTML with <mark> around the words found: keep the text and the marks only.
  function highlighted(html) {
    const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html").body.firstChild;
    return Array.from(parsed.childNodes, (node) => {
      if (node.nodeName !== "MARK") return document.createTextNode(node.textContent);
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      return mark;
    });
  }

  // Arrows move between the box and the results; Enter in the box opens the first result.
  function links() {
    return Array.from(list.querySelectorAll("a"));
  }
  root.addEventListener("keydown", (event) => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const all = [input, ...links()];
    const at = all.indexOf(document.activeElement);
    if (at < 0) return;
    event.preventDefault();
    all[(at + (event.key === "ArrowDown" ? 1 : all.length - 1)) % all.length].focus();
  });
  root.querySelector(".hub-search__form").addEventListener("submit", (event) => {
    event.preventDefault();
    const first = links()[0];
    if (first) first.click();
  });
  input.addEventListener("input", run);
  show.addEventListener("change", run);
  // The reader has opened the box: fetch this language's index while they type.
  engine().then(run, () => { status.textContent = text.failed; });
}

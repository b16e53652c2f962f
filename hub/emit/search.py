"""The site's search: Pagefind indexes each language's pages when that language's pass ends.

Pagefind (the `pagefind_bin` wheel, run offline) writes `pagefind/<lang>/` beside the pages: a
bundle per language, fetched in small fragments by the reader's browser only when they search
(search.js imports the bundle of the page's `<html lang>`). One run per language, not one over
the whole site: a run holds everything it indexes in memory (4.8 GB for 70,000 pages at once),
and each parallel build worker indexes its own languages as it goes instead of leaving all of it
to one step at the end. It reads only the element marked `data-pagefind-body` (the article, see
overrides/main.html), so navigation, header and footer stay out; the "not yet translated"
notices are skipped too. Pages without the mark (404, redirects) are not indexed at all.

Record pages carry filters: `collection` (event, case, ...) and, for events, `when`
(upcoming or past at build time; hub.js moves events that end later, the index cannot).
"""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pagefind_bin

from hub.model.records import COLLECTIONS, singular

OUTPUT = "pagefind"
# Shown on the page, not what the page is about.
IGNORED = (".hub-notice", ".md-content__button", ".headerlink")

# The filter value of each collection: one word, the same in every language (the UI translates it).
COLLECTION = {name: singular(name) for name in (*COLLECTIONS, "topics")}


def page_filters(build, record: str | None) -> dict[str, str]:
    """The Pagefind filters of a page: {'collection': 'event', 'when': 'past'}; {} for other pages."""
    if not record:
        return {}
    collection, record_id = record.split("/", 1)
    filters = {"collection": COLLECTION[collection]}
    if collection == "events":
        filters["when"] = "past" if build.index.is_past(build.content["events"][record_id]) else "upcoming"
    return filters


def filter_attributes(filters: dict[str, str]) -> dict[str, str]:
    """The article's attributes for Pagefind: each value in `data-<name>`, named in `data-pagefind-filter`."""
    if not filters:
        return {}
    attributes = {f"data-{name}": value for name, value in filters.items()}
    # Pagefind reads several filters of one element only from its attributes: 'collection[data-collection], ...'.
    attributes["data-pagefind-filter"] = ", ".join(f"{name}[data-{name}]" for name in filters)
    return attributes


def write_language(build, site_dir: str, lang: str) -> None:
    """Index the pages of `lang` under `site_dir` into pagefind/<lang>/ (the other languages' folders,
    built or not, are left out: the default language's pages are at the root, beside them)."""
    languages = build.config.languages
    site = Path(site_dir)
    if lang == languages[0]:
        others = set(languages[1:]) | {OUTPUT}
        entries = sorted(p.name for p in site.iterdir() if p.name not in others)
        patterns = [name if (site / name).is_file() else f"{name}/**/*.html" for name in entries
                    if (site / name).is_dir() or name.endswith(".html")]
    else:
        patterns = [f"{lang}/**/*.html"] if (site / lang).is_dir() else []
    if not patterns or not any(next(site.glob(p), None) for p in patterns):
        return  # no pages (the emitters' tests write beside none): nothing to search, and Pagefind refuses
    # Pagefind's glob (the `wax` crate) takes alternatives in braces, not exclusions.
    glob = patterns[0] if len(patterns) == 1 else "{" + ",".join(patterns) + "}"
    command = [str(pagefind_bin.get_executable()), "--site", site_dir, "--glob", glob,
               "--output-path", str(site / OUTPUT / lang), "--exclude-selectors", ", ".join(IGNORED), "--silent"]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"pagefind could not index the {lang} pages of {site_dir}:\n{result.stdout}{result.stderr}")


def check(build, site_dir: str) -> list[str]:
    """Every built language has its own bundle, and it indexed at least that language's record pages."""
    config, site = build.config, Path(site_dir)
    records = sum(1 for _ in build.record_keys())
    problems = []
    for lang in config.languages:
        if not (site / config.path_prefix(lang) / "index.html").is_file():
            continue  # the language was not built (a preview of others, or the emitters' tests)
        entry_file = site / OUTPUT / lang / "pagefind-entry.json"
        if not entry_file.is_file():
            problems.append(f"search: no index for {lang} (expected {OUTPUT}/{lang}/pagefind-entry.json)")
            continue
        indexed = json.loads(entry_file.read_text(encoding="utf-8"))["languages"]
        count = sum(facts["page_count"] for facts in indexed.values())
        if list(indexed) != [lang] or count < records:
            problems.append(f"search: the {lang} index holds {count} pages in {', '.join(indexed)};"
                            f" expected {lang} alone, with at least its {records} record pages")
    return problems

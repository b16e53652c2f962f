"""The site's search: Pagefind indexes each language's pages when that language's pass ends.

Pagefind (the `pagefind_bin` wheel, run offline) writes `pagefind/<lang>/` beside the pages: a
bundle per language, fetched in small fragments by the reader's browser only when they search
(search.js imports the bundle of the page's `<html lang>`). One run per language, not one over
the whole site: a run holds everything it indexes in memory (4.8 GB for 70,000 pages at once),
and each parallel build worker indexes its own languages as it goes instead of leaving all of it
to one step at the end.

Pagefind indexes only the element marked `data-pagefind-body` (the article, see
overrides/main.html), so navigation, header and footer stay out; the "not yet translated"
notices are skipped too; pages without the mark (404, redirects) are not indexed at all. So it
is handed only that: as MkDocs writes each page, `Articles.add` writes the article alone, in a
page of its own language, at the same path in a folder aside, and Pagefind reads that folder.
Its index is the same as from the whole pages (compared fragment by fragment at 400 records,
except for the header logo Pagefind took as every page's image), and reading a third of the
bytes costs it about a third less time.

Record pages carry filters: `collection` (event, case, ...) and, for events, `when`
(upcoming or past at build time; hub.js moves events that end later, the index cannot).
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
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


_BODY = "<div data-pagefind-body"
# The article's end: Material's, the last on the page (a contributor's own <article> comes before it).
_ARTICLE_END = "</article>"


class Articles:
    """The articles of one language's pages, set aside for Pagefind as MkDocs writes the pages."""

    def __init__(self, site_dir: str, lang: str):
        self.lang = lang
        parent = os.path.dirname(os.path.abspath(site_dir))
        os.makedirs(parent, exist_ok=True)
        self.folder = tempfile.mkdtemp(prefix=f".hub-search-{lang}-", dir=parent)
        self.count = 0
        self.size = 0  # characters of HTML set aside: what Pagefind's memory grows with

    def add(self, dest_path: str, output: str) -> None:
        """Set aside the article of the page written to `dest_path` ('sv/events/x/index.html'), if marked."""
        start = output.find(_BODY)
        end = output.rfind(_ARTICLE_END)
        if start < 0 or end < start:
            return
        path = os.path.join(self.folder, dest_path)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(f'<!DOCTYPE html><html lang="{self.lang}"><head><meta charset="utf-8"></head>'
                         f"<body>{output[start:end]}</body></html>")
        self.count += 1
        self.size += end - start

    def index(self, site_dir: str) -> None:
        """Write pagefind/<lang>/ under `site_dir` from the articles set aside, then let them go."""
        try:
            if self.count:  # no pages: nothing to search, and Pagefind refuses an empty folder
                Indexing(self.folder, site_dir, self.lang).wait()
        finally:
            self.discard()

    def discard(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


# Pagefind holds about 14 bytes of memory per byte of HTML it indexes (measured with Pagefind 1.5.2:
# 1.48 GB for the 105 MB of articles of 10,000 pages, 0.66 GB for 43 MB): a language of 10,000
# records takes 1.3 to 1.5 GB while it is indexed.
MEMORY_PER_BYTE = 14


class Indexing:
    """Pagefind over a folder of articles (Articles.folder), started at once: it writes pagefind/<lang>/
    under `site_dir`; `wait` for it (and its error, named by language)."""

    def __init__(self, folder: str, site_dir: str, lang: str):
        self.lang = lang
        self._output = tempfile.TemporaryFile()
        command = [str(pagefind_bin.get_executable()), "--site", folder,
                   "--output-path", os.path.join(site_dir, OUTPUT, lang),
                   "--exclude-selectors", ", ".join(IGNORED), "--silent"]
        self._process = subprocess.Popen(command, stdout=self._output, stderr=subprocess.STDOUT)

    def done(self) -> bool:
        return self._process.poll() is not None

    def wait(self) -> None:
        try:
            if self._process.wait() != 0:
                self._output.seek(0)
                text = self._output.read().decode("utf-8", "replace")
                raise RuntimeError(f"pagefind could not index the {self.lang} pages:\n{text}")
        finally:
            self._output.close()


def check(build, site_dir: str) -> list[str]:
    """Every built language has its own bundle, and it indexed at least that language's record pages."""
    return check_bundles(site_dir, **bundle_facts(build))


def bundle_facts(build) -> dict:
    """What check_bundles needs of the build, as plain values (the parallel build hands them on)."""
    return {"prefixes": {lang: build.config.path_prefix(lang) for lang in build.config.languages},
            "records": sum(1 for _ in build.record_keys())}


def check_bundles(site_dir: str, prefixes: dict[str, str], records: int) -> list[str]:
    """search.check from plain facts: each language's folder prefix ('' or 'sv/') and the number of records."""
    site = Path(site_dir)
    problems = []
    for lang, prefix in prefixes.items():
        if not (site / prefix / "index.html").is_file():
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

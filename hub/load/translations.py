"""Record texts as gettext catalogues for translators: build one per language, apply one back.

Every text of every record (and the topics, series and site texts) becomes one PO entry: the
English text as `msgid`, the translation as `msgstr`, and the record and field as `msgctxt`,
`events/nordic-dialogue:agenda[2].title`. Descriptions kept beside a record (`<id>.md`) are
entries too; their translations go to `<id>.<lang>.md`.

Which English a translation was made from is kept in `translations.lock.json` at the root of
the repository: per language, per context, a short hash of that English text. An import records
it; an export marks an entry fuzzy when the English has changed since. A translation without a
lock entry (written by hand in the YAML) counts as current.

Writing back (roundtrip.py) uses ruamel.yaml's round trip, so each file keeps its other content, order,
quoting and comments; a text written as one English string becomes `{en: ..., <lang>: ...}`.
"""
from __future__ import annotations

import difflib
import hashlib
import io
import json
import os
import re
from dataclasses import dataclass, field

from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError, read_po, write_po

from hub.load.content import Content
from hub.load.roundtrip import read_round_trip, write_translations
from hub.load.yamlfile import YamlProblem, read_yaml
from hub.model.errors import Problem, field_name
from hub.model.records import COLLECTIONS, Site
from hub.model.shapes import markdown_fields, model_shape, texts

LOCK = "translations.lock.json"
DEFAULT = "en"
_CONTEXT = re.compile(r"^(?P<record>[a-z]+(?:/[^:]+)?):(?P<field>.+)$")


@dataclass(frozen=True)
class Entry:
    """One translatable text where it lives: the file, and the place inside the file's data."""

    context: str  # "events/x:agenda[2].title"
    path: str  # data/... of the YAML file that holds the text
    loc: tuple  # where in that file's data: ("agenda", 2, "title"); ("smartphones",) in topics.yml
    english: str
    translations: dict[str, str]
    line: int
    sibling: str | None = None  # data/<collection>/<id>.md when the English lives there
    markdown: bool = False

    def record(self) -> str:
        return self.context.split(":", 1)[0]


def fingerprint(english: str) -> str:
    """What the lock keeps of the English a translation was made from."""
    return hashlib.sha256(english.encode("utf-8")).hexdigest()[:16]


def entries(content: Content, root: str) -> list[Entry]:
    """Every text of the hub, in the order of the files and fields."""
    found: list[Entry] = []
    lines: dict[str, object] = {}

    def line_of(path: str, loc: tuple) -> int:
        if path not in lines:
            try:
                with open(os.path.join(root, path), "rb") as handle:
                    lines[path] = read_yaml(path, handle.read())
            except (OSError, YamlProblem):
                lines[path] = None
        doc = lines[path]
        return doc.line_of(loc) if doc is not None else 1

    def add(record: str, path: str, loc: tuple, field_path: str, value, sibling=None, markdown=False):
        english, translations = (value, {}) if isinstance(value, str) else (value[DEFAULT], dict(value))
        translations.pop(DEFAULT, None)
        found.append(Entry(f"{record}:{field_path}", path, loc, english, translations,
                           1 if sibling else line_of(path, loc), sibling, markdown))

    for collection, model in COLLECTIONS.items():
        for record_id, record in content[collection].items():
            path = content.sources[(collection, record_id)]
            for loc, value in texts(model_shape(model), record):
                md = os.path.join("data", collection, f"{record_id}.md")
                sibling = md if loc == ("description",) and os.path.exists(os.path.join(root, md)) else None
                add(f"{collection}/{record_id}", path, loc, field_name(loc), value, sibling,
                    loc[0] in markdown_fields(model))
    for name, vocabulary, what in (("topics", content.topics, "name"), ("series", content.series, "title")):
        for entry_id, value in vocabulary.items():
            add(f"{name}/{entry_id}", f"data/{name}.yml", (entry_id,), what, value)
    if content.site is not None:
        for loc, value in texts(model_shape(Site), content.site):
            add("site", "data/site.yml", loc, field_name(loc), value)
    return found


# ---- the lock: which English each translation was made from ----

def read_lock(root: str) -> dict[str, dict[str, str]]:
    path = os.path.join(root, LOCK)
    if not os.path.exists(path):
        return {}
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def write_lock(root: str, lock: dict[str, dict[str, str]]) -> None:
    with open(os.path.join(root, LOCK), "w", encoding="utf-8") as handle:
        json.dump({lang: dict(sorted(lock[lang].items())) for lang in sorted(lock)}, handle,
                  ensure_ascii=False, indent=1)
        handle.write("\n")


def is_stale(entry: Entry, lang: str, lock: dict) -> bool:
    """The translation was made from another English text than today's."""
    made_from = lock.get(lang, {}).get(entry.context)
    return lang in entry.translations and made_from is not None and made_from != fingerprint(entry.english)


# ---- export ----

def build_catalog(content: Content, root: str, lang: str, site_name: str = "") -> Catalog:
    """The PO catalogue of every text for `lang`: translated, untranslated, or fuzzy when stale."""
    lock = read_lock(root)
    catalog = Catalog(locale=lang, project=site_name or None, fuzzy=False, charset="utf-8", header_comment=(
        f"# {lang} translations of the records of {site_name or 'the hub'} (data/).\n"
        "# msgctxt names the record and field; import with `python -m hub translations import FILE`.\n"
        f"# Fuzzy: the English changed since the translation was made ({LOCK})."))
    for entry in entries(content, root):
        stale = is_stale(entry, lang, lock)
        comments = []
        if entry.markdown:
            comments.append("Markdown: keep links, lists and emphasis as they are.")
        if stale:
            comments.append("The English has changed since this was translated: check it, then remove the fuzzy flag.")
        catalog.add(entry.english, entry.translations.get(lang, ""), locations=[(entry.sibling or entry.path, entry.line)],
                    flags=["fuzzy"] if stale else [], auto_comments=comments, context=entry.context)
    return catalog


def catalog_text(catalog: Catalog) -> str:
    out = io.BytesIO()
    # Long lines are not wrapped: Markdown line breaks stay where the contributor put them.
    write_po(out, catalog, width=0, omit_header=False, sort_output=False)
    return out.getvalue().decode("utf-8")


# ---- import ----

@dataclass
class Applied:
    """What an import did: files written, texts changed, entries left alone, and the problems found."""

    lang: str = ""
    changed: list[str] = field(default_factory=list)  # contexts whose text changed
    files: list[str] = field(default_factory=list)
    fuzzy: int = 0  # fuzzy entries, not imported (gettext's rule: a fuzzy translation is not used)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


# Babel reads an unclosed quote as if it were closed, dropping the last letter: catch it first.
_PO_LINE = re.compile(r'^(#.*|\s*|(msgctxt|msgid|msgid_plural|msgstr(\[\d+\])?)\s+"(?:[^"\\]|\\.)*"|"(?:[^"\\]|\\.)*")\s*$')


def read_catalog(po_path: str, shown_path: str) -> tuple[Catalog | None, str, list[Problem]]:
    """The catalogue and its text, or the problems that stop it being read, by line."""
    with open(po_path, "rb") as handle:
        raw = handle.read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return None, "", [Problem(shown_path, line, "", "not UTF-8 text: save the PO file as UTF-8")]
    problems = [Problem(shown_path, number, "", f"expected a keyword and a quoted text, like msgstr \"Dialog\", got {line.strip()!r}")
                for number, line in enumerate(text.split("\n"), 1) if not _PO_LINE.match(line)]
    if problems:
        return None, text, problems
    try:
        return read_po(io.BytesIO(raw), abort_invalid=True), text, []
    except PoFileError as err:
        return None, text, [Problem(shown_path, (getattr(err, "lineno", 0) or 0) + 1, "", f"not a readable PO file: {err}")]


def check_catalog(catalog: Catalog, po_text: str, shown_path: str, content: Content, root: str,
                  languages: list[str]) -> tuple[str, list[tuple[Entry, object]], list[Problem]]:
    """The catalogue's language, its entries matched to the hub's texts, and every problem, by PO line."""
    problems = []
    lang = catalog.locale_identifier or ""
    header_line = next((n for n, text in enumerate(po_text.split("\n"), 1) if text.startswith('"Language:')), 1)
    if not lang:
        problems.append(Problem(shown_path, header_line, "Language", 'the header names no language: add "Language: sv\\n"'))
    elif lang not in languages or lang == DEFAULT:
        others = ", ".join(code for code in languages if code != DEFAULT)
        problems.append(Problem(shown_path, header_line, "Language",
                                f"expected one of the site's translation languages ({others}), got {lang!r}"))
    po_lines = po_text.split("\n")
    known = {entry.context: entry for entry in entries(content, root)}
    records = {entry.record() for entry in known.values()}
    matched = []
    for message in catalog:
        if not message.id:
            continue  # the header
        context = message.context or ""
        line = _context_line(po_lines, message.lineno or 1)
        match = _CONTEXT.match(context)
        if not match:
            problems.append(Problem(shown_path, line, "msgctxt", "expected the record and field, like "
                                    f"'events/nordic-dialogue:agenda[2].title', got {context!r}"))
            continue
        if match["record"] not in records:
            close = difflib.get_close_matches(match["record"], sorted(records), 1, 0.8)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            problems.append(Problem(shown_path, line, "msgctxt", f"unknown record {match['record']!r}: "
                                    f"there is no such file in data/{hint}"))
            continue
        if context not in known:
            fields = sorted(e.context.split(":", 1)[1] for e in known.values() if e.record() == match["record"])
            close = difflib.get_close_matches(match["field"], fields, 1, 0.6)
            hint = f"did you mean {close[0]!r}?" if close else f"its texts are {', '.join(fields)}"
            problems.append(Problem(shown_path, line, "msgctxt", f"{match['record']} has no text {match['field']!r}: {hint}"))
            continue
        matched.append((known[context], message))
    return lang, matched, problems


def _context_line(po_lines: list[str], msgid_line: int) -> int:
    """Babel gives an entry the line of its msgid; the context a problem is about is the line before, or so."""
    for number in range(msgid_line, 0, -1):
        text = po_lines[number - 1]
        if text.startswith("msgctxt"):
            return number
        if not text.strip():
            break
    return msgid_line


def apply_catalog(po_path: str, shown_path: str, content: Content, root: str, languages: list[str]) -> Applied:
    """Write the catalogue's translations into the records; nothing is written when it has problems."""
    result = Applied()
    catalog, po_text, problems = read_catalog(po_path, shown_path)
    if catalog is None:
        result.problems = problems
        return result
    lang, matched, problems = check_catalog(catalog, po_text, shown_path, content, root, languages)
    result.lang = lang
    if problems:
        result.problems = problems
        return result
    lock = read_lock(root)
    lock_lang = lock.setdefault(lang, {})
    edits: dict[str, list[tuple[Entry, str]]] = {}
    for entry, message in matched:
        text = message.string if isinstance(message.string, str) else ""
        if message.fuzzy:
            result.fuzzy += 1
            continue
        if not text.strip():
            continue
        made_from = fingerprint(message.id)
        if message.id != entry.english:
            result.notes.append(f"{shown_path}:{_context_line(po_text.split(chr(10)), message.lineno or 1)}: {entry.context}: the English has changed since this "
                                "file was exported; the translation is imported and will be exported as fuzzy")
        if entry.translations.get(lang) != text:
            # A sibling's translation goes to <id>.<lang>.md, unless the record already holds it inline.
            inline = entry.sibling and lang in (_inline_description(root, entry.path) or {})
            target = entry.sibling if entry.sibling and not inline else entry.path
            edits.setdefault(target, []).append((entry, text))
            result.changed.append(entry.context)
            lock_lang[entry.context] = made_from
        elif lock_lang.get(entry.context, made_from) != made_from:
            lock_lang[entry.context] = made_from  # confirmed against the new English
    for path, changes in edits.items():
        if path.endswith(".md"):
            for entry, text in changes:
                _write_sibling(root, entry, lang, text)
                result.files.append(_sibling_path(entry, lang))
        else:
            write_translations(os.path.join(root, path), [(entry.loc, text) for entry, text in changes], lang, languages)
            result.files.append(path)
    if not lock_lang:
        lock.pop(lang)
    if result.changed or lock != read_lock(root):
        write_lock(root, lock)
    return result


def _sibling_path(entry: Entry, lang: str) -> str:
    return entry.sibling[: -len(".md")] + f".{lang}.md"


def _inline_description(root: str, path: str):
    data = read_round_trip(os.path.join(root, path))
    value = data.get("description") if isinstance(data, dict) else None
    return value if isinstance(value, dict) else None


def _write_sibling(root: str, entry: Entry, lang: str, text: str) -> None:
    with open(os.path.join(root, _sibling_path(entry, lang)), "w", encoding="utf-8") as handle:
        handle.write(text if text.endswith("\n") else text + "\n")

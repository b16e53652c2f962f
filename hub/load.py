"""Load `data/`: read every file, validate it against the model, check references.

`load_content(root, languages)` returns a `Content` or raises `DataError` listing every
problem in every file at once.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

from pydantic import ValidationError

from .errors import DataError, Problem, field_name
from .fields import ID_PATTERN, Text, fail
from .markdown_safety import unsafe_markdown
from .model import COLLECTIONS, MARKDOWN_FIELDS, REFERENCES, Record, Site
from .problems import from_validation, suggestion
from .rules import language_problems, record_rules, unknown_language
from .shapes import TEXT, model_shape
from .yamlfile import Document, YamlProblem, decode, read_yaml

_ID = re.compile(ID_PATTERN)
_SIBLING = re.compile(r"^(?P<id>[^.]+)(\.(?P<lang>[a-z]{2,3}))?\.md$")
_DATA_FILES = ("site.yml", "topics.yml", "series.yml")


@dataclass
class Content:
    """Every validated record, by collection and id, plus the vocabularies and the site facts."""

    languages: list[str]
    site: Site
    topics: dict[str, object]
    series: dict[str, object]
    records: dict[str, dict[str, Record]]
    sources: dict[tuple[str, str], str] = field(default_factory=dict)  # (collection, id) -> data/... path

    def __getitem__(self, collection: str) -> dict[str, Record]:
        return self.records[collection]


def load_content(root: str, languages: list[str]) -> Content:
    """Read `<root>/data`; raise DataError with every problem found."""
    loader = _Loader(root, languages)
    content = loader.load()
    if loader.problems:
        raise DataError(loader.problems)
    return content


class _Loader:
    def __init__(self, root: str, languages: list[str]):
        self.root = root
        self.languages = languages
        self.problems: list[Problem] = []
        self.lines: dict[tuple[str, str], Document] = {}
        self.from_siblings: dict[str, set[str]] = {}  # record path -> languages read from <id>.<lang>.md

    def rel(self, *parts: str) -> str:
        return "/".join(("data",) + parts)

    def load(self) -> Content:
        self._refuse_strangers()
        site = self._single("site.yml", Site, required=True)
        topics = self._vocabulary("topics.yml", required=True)
        series = self._vocabulary("series.yml", required=False)
        records: dict[str, dict[str, Record]] = {}
        sources = {}
        for collection, model in COLLECTIONS.items():
            records[collection] = {}
            for record_id, doc in self._collection(collection):
                record = self._validate(doc, model, collection)
                if record is not None:
                    records[collection][record_id] = record
                    sources[(collection, record_id)] = doc.path
                    self.lines[(collection, record_id)] = doc
        content = Content(self.languages, site, topics, series, records, sources)
        self._check_references(content)
        return content

    # -- files --

    def _refuse_strangers(self) -> None:
        """Anything in data/ the hub would not read is a record that silently goes missing."""
        folder = os.path.join(self.root, "data")
        if not os.path.isdir(folder):
            self.problems.append(Problem("data", 1, "", "missing folder: the hub reads its records from data/"))
            return
        known = list(COLLECTIONS) + list(_DATA_FILES)
        for name in sorted(os.listdir(folder)):
            path = os.path.join(folder, name)
            if name.startswith(".") or name == "README.md" or name in _DATA_FILES and os.path.isfile(path) \
                    or name in COLLECTIONS and os.path.isdir(path):
                continue
            guess = name[:-5] + ".yml" if name.endswith(".yaml") else name
            hint = suggestion(guess, known, listing=False) or f"; data/ holds {', '.join(known)}"
            kind = "folder" if os.path.isdir(path) else "file"
            self.problems.append(Problem(self.rel(name), 1, "", f"unknown {kind} '{name}' is not read{hint}"))

    def _open(self, rel: str) -> bytes | None:
        path = os.path.join(self.root, rel)
        if os.path.islink(path):
            # A link could publish any file of the machine that builds the site.
            self.problems.append(Problem(rel, 1, "", "symbolic links are not allowed in data/: put the file itself here"))
            return None
        with open(path, "rb") as handle:
            return handle.read()

    def _read(self, rel: str) -> Document | None:
        raw = self._open(rel)
        if raw is None:
            return None
        try:
            return read_yaml(rel, raw)
        except YamlProblem as err:
            self.problems.extend(err.problems)
        return None

    def _single(self, name: str, model, required: bool):
        rel = self.rel(name)
        if not os.path.exists(os.path.join(self.root, rel)):
            if required:
                self.problems.append(Problem(rel, 1, "", f"missing file: the hub needs {rel}"))
            return None
        doc = self._read(rel)
        if doc is None:
            return None
        if not isinstance(doc.data, dict):
            self.problems.append(Problem(rel, 1, "", "expected fields (key: value) at the top of the file"))
            return None
        self._languages(doc, model)
        try:
            return model.model_validate(doc.data)
        except ValidationError as err:
            self.problems.extend(from_validation(doc, model, err))
        return None

    def _vocabulary(self, name: str, required: bool) -> dict[str, object]:
        rel = self.rel(name)
        if not os.path.exists(os.path.join(self.root, rel)):
            if required:
                self.problems.append(Problem(rel, 1, "", f"missing file: the hub needs {rel}"))
            return {}
        doc = self._read(rel)
        if doc is None:
            return {}
        if not isinstance(doc.data, dict):
            self.problems.append(Problem(rel, 1, "", "expected one line per entry: `<id>: text`"))
            return {}
        out = {}
        from pydantic import TypeAdapter
        adapter = TypeAdapter(Text)
        for key, value in doc.data.items():
            line = doc.line_of((key,))
            if not _ID.match(key):
                self.problems.append(Problem(rel, line, key, "expected an id of lower-case letters, digits and hyphens "
                                                             f"like fair-labour, got {key!r}"))
                continue
            self._languages(doc, TEXT, value, (key,))
            try:
                out[key] = adapter.validate_python(value)
            except ValidationError as err:
                self.problems.extend(from_validation(doc, Site, err, base=(key,)))
        return out

    def _collection(self, collection: str):
        folder = os.path.join(self.root, "data", collection)
        if not os.path.isdir(folder):
            return
        names = sorted(os.listdir(folder))
        siblings = [n for n in names if n.endswith(".md")]
        for name in names:
            rel = self.rel(collection, name)
            if name.endswith(".md") or name.startswith("."):
                continue
            if os.path.isdir(os.path.join(folder, name)):
                self.problems.append(Problem(rel, 1, "", f"folders inside data/{collection}/ are not read: "
                                                         f"move the files up into data/{collection}/"))
                continue
            if name.endswith(".yaml"):
                self.problems.append(Problem(rel, 1, "", f"records end in .yml: rename it to {name[:-5]}.yml"))
                continue
            if not name.endswith(".yml"):
                self.problems.append(Problem(rel, 1, "", "not a record: files here are <id>.yml (and <id>.md for long text)"))
                continue
            record_id = name[:-4]
            if not _ID.match(record_id):
                self.problems.append(Problem(rel, 1, "", f"file name '{record_id}' is not a valid id: use lower-case letters, "
                                                         f"digits and single hyphens, like {suggest_id(record_id)}.yml"))
                continue
            doc = self._read(rel)
            if doc is None:
                continue
            if not isinstance(doc.data, dict):
                self.problems.append(Problem(rel, 1, "", "expected the record's fields (key: value) at the top of the file"))
                continue
            self._merge_siblings(collection, record_id, doc, siblings)
            yield record_id, doc
        for name in siblings:
            match = _SIBLING.match(name)
            if not match or not os.path.exists(os.path.join(folder, match["id"] + ".yml")):
                self.problems.append(Problem(self.rel(collection, name), 1, "",
                                             "Markdown file without a record: name it <id>.md or <id>.<lang>.md beside <id>.yml"))

    def _merge_siblings(self, collection: str, record_id: str, doc: Document, siblings: list[str]) -> None:
        """`<id>.md` and `<id>.<lang>.md` hold the description: merge them into the record."""
        for name in siblings:
            match = _SIBLING.match(name)
            if not match or match["id"] != record_id:
                continue
            lang = match["lang"] or "en"
            rel = self.rel(collection, name)
            if lang not in self.languages:
                self.problems.append(Problem(rel, 1, "", f"language of the file name: {unknown_language(lang, self.languages)}"))
                continue
            if lang not in self.languages:
                continue
            raw = self._open(rel)
            if raw is None:
                continue
            try:
                text = decode(rel, raw)
            except YamlProblem as err:
                self.problems.extend(err.problems)
                continue
            if not text.strip():
                self.problems.append(Problem(rel, 1, "", "the file is empty: write the description, or delete the file"))
                continue
            for offset, message in unsafe_markdown(text):
                self.problems.append(Problem(rel, 1 + offset, "description", message))
            current = doc.data.get("description")
            if isinstance(current, str) or (isinstance(current, dict) and lang in current):
                self.problems.append(Problem(doc.path, doc.line_of(("description",)), "description",
                                             f"given both here and in {name}: keep one"))
                continue
            merged = dict(current) if isinstance(current, dict) else {}
            merged[lang] = text
            self.from_siblings.setdefault(doc.path, set()).add(lang)
            doc.data["description"] = merged
            doc.lines.setdefault(("description",), 1)
        description = doc.data.get("description")
        if isinstance(description, dict) and description and "en" not in description:
            self.problems.append(Problem(doc.path, 1, "description", f"translations without English: add {record_id}.md"))

    # -- records --

    def _validate(self, doc: Document, model, collection: str):
        self._markdown(doc)
        self._languages(doc, model)
        try:
            record = model.model_validate(doc.data)
        except ValidationError as err:
            self.problems.extend(from_validation(doc, model, err))
            return None
        rule_problems = [Problem(doc.path, doc.line_of(loc), field, message)
                         for loc, field, message in record_rules(collection, record, self.languages)]
        self.problems.extend(rule_problems)
        return None if rule_problems else record

    def _markdown(self, doc: Document) -> None:
        """Active content in Markdown written inline (sibling files are checked as they are read)."""
        for name in MARKDOWN_FIELDS:
            value = doc.data.get(name)
            texts = value.items() if isinstance(value, dict) else [("", value)]
            for lang, text in texts:
                if not isinstance(text, str) or name == "description" and lang in self.from_siblings.get(doc.path, ()):
                    continue
                loc = (name, lang) if lang else (name,)
                for offset, message in unsafe_markdown(text):
                    self.problems.append(Problem(doc.path, doc.text_line(loc) + offset, field_name(loc), message))

    def _languages(self, doc: Document, model, data=None, loc: tuple = ()) -> None:
        shape = model if model is TEXT else model_shape(model)
        data = doc.data if data is None else data
        for where, field, message in language_problems(shape, data, self.languages, loc):
            self.problems.append(Problem(doc.path, doc.line_of(where), field, message))

    def _check_references(self, content: Content) -> None:
        known = {name: set(records) for name, records in content.records.items()}
        known["topics"] = set(content.topics)
        known["series"] = set(content.series)
        for collection, records in content.records.items():
            for record_id, record in records.items():
                doc = self.lines[(collection, record_id)]
                for path, target in REFERENCES[collection].items():
                    optional = target.endswith("?")
                    target = target.rstrip("?")
                    for loc, value in _values_at(record, path.split(".")):
                        if value in known[target]:
                            continue
                        if optional and not re.fullmatch(ID_PATTERN, value or ""):
                            continue  # a plain name, not an id
                        if optional and value and target == "organisations" and not _looks_like_reference(value, known[target]):
                            continue
                        singular = {"organisations": "organisation", "topics": "topic", "events": "event", "series": "series"}[target]
                        where = "data/topics.yml" if target == "topics" else "data/series.yml" if target == "series" else f"data/{target}/"
                        hint = suggestion(value, sorted(known[target]), listing=False) or f"; add it to {where} first"
                        self.problems.append(Problem(doc.path, doc.line_of(loc), _name(loc),
                                                     f"unknown {singular} '{value}'{hint}"))
        for collection, records in content.records.items():
            claimed: dict[str, str] = {}  # former id -> the record that names it first
            for record_id, record in records.items():
                for i, alias in enumerate(record.aliases):
                    first = claimed.setdefault(alias, record_id)
                    if first != record_id:
                        doc = self.lines[(collection, record_id)]
                        self.problems.append(Problem(doc.path, doc.line_of(("aliases", i)), f"aliases[{i}]",
                                                     f"'{alias}' is also a former id of {content.sources[(collection, first)]}: "
                                                     "an old address can lead to one record only"))
                    if alias in records:
                        doc = self.lines[(collection, record_id)]
                        whose = "this record's own id" if alias == record_id else f"the id of another record in {collection}"
                        self.problems.append(Problem(doc.path, doc.line_of(("aliases", i)), f"aliases[{i}]",
                                                     f"'{alias}' is {whose}: an alias must be a former id"))


def _looks_like_reference(value: str, known: set[str]) -> bool:
    """A speaker's organisation `city-of-malmoe` is a misspelt id, `Swedwatch` a name."""
    import difflib
    return bool(difflib.get_close_matches(value, list(known), n=1, cutoff=0.8))


def _values_at(record, parts: list[str], loc: tuple = ()):
    """Yield (loc, value) for a dotted path where `*` walks a list."""
    if not parts:
        if isinstance(record, list):
            for i, item in enumerate(record):
                yield loc + (i,), item
        elif record is not None:
            yield loc, record
        return
    head, rest = parts[0], parts[1:]
    if head == "*":
        for i, item in enumerate(record or []):
            yield from _values_at(item, rest, loc + (i,))
    else:
        value = getattr(record, head, None)
        if value is not None:
            yield from _values_at(value, rest, loc + (head,))


def _name(loc: tuple) -> str:
    return field_name(loc)


def suggest_id(text: str) -> str:
    """A valid id close to `text`: 'Malmö_Phones' -> 'malmo-phones'."""
    import unicodedata
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "my-record"

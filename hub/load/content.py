"""Load `data/`: read every file, validate it against the model, check references.

Files are read strictly (yamlfile.py), Markdown is checked for active content
(markdown_safety.py), records are validated by the model (model.py, fields.py) and the rules
(rules.py), and references between records are checked last (references.py).

`load_content(root, languages)` returns a `Content` or raises `DataError` listing every
problem in every file at once.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

from pydantic import ValidationError

from hub.model.errors import DataError, Problem, field_name
from hub.model.fields import ID_PATTERN, Text
from hub.load.markdown_safety import unsafe_markdown
from hub.model.records import COLLECTIONS, Record, Site
from hub.load.problems import from_validation, suggestion
from hub.load.references import reference_problems
from hub.load.rules import RESERVED_IDS, language_problems, reserved, record_rules, record_warnings, unknown_language
from hub.model.shapes import TEXT, markdown_fields, model_shape
from hub.load.yamlfile import Document, YamlProblem, control_characters, decode, read_yaml
from hub.load.site_files import site_file_problems

_ID = re.compile(ID_PATTERN)
_SIBLING = re.compile(r"^(?P<id>[^.]+)(\.(?P<lang>[a-z]{2,3}))?\.md$")
_DATA_FILES = ("site.yml", "topics.yml", "series.yml")
# A link could publish any file of the machine that builds the site.
_SYMLINK = "symbolic links are not allowed in data/: put the file itself here"
# A 20 MB record made a 141 MB search index; no record needs more than this.
MAX_FILE_BYTES = 1_000_000


@dataclass
class Content:
    """Every validated record, by collection and id, plus the vocabularies and the site facts."""

    languages: list[str]
    site: Site
    topics: dict[str, object]
    series: dict[str, object]
    records: dict[str, dict[str, Record]]
    sources: dict[tuple[str, str], str] = field(default_factory=dict)  # (collection, id) -> data/... path
    warnings: list[Problem] = field(default_factory=list)  # shown by check and the build, which still pass

    def __getitem__(self, collection: str) -> dict[str, Record]:
        return self.records[collection]


def load_content(root: str, languages: list[str]) -> Content:
    """Read `<root>/data`; raise DataError with every problem found."""
    loader = _Loader(root, languages)
    content = loader.load()
    pages = {f"{collection}/{record_id}.md" for collection, records in content.records.items() for record_id in records}
    loader.problems.extend(site_file_problems(root, pages | {f"topics/{topic}.md" for topic in content.topics}))
    loader.problems = [_one_line(p) for p in loader.problems]
    if loader.problems:
        error = DataError(loader.problems)
        error.warnings = sorted(set(loader.warnings))  # check prints them after the errors
        raise error
    content.warnings = sorted(set(loader.warnings))
    return content


class _Loader:
    def __init__(self, root: str, languages: list[str]):
        self.root = root
        self.languages = languages
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        self.lines: dict[tuple[str, str], Document] = {}
        self.from_siblings: dict[str, set[str]] = {}  # record path -> languages read from <id>.<lang>.md
        # Ids of every record file, valid or not: a reference to a broken record is not a second error.
        self.present: dict[str, set[str]] = {}

    def rel(self, *parts: str) -> str:
        return "/".join(("data",) + parts)

    def load(self) -> Content:
        self._refuse_strangers()
        site = self._single("site.yml", Site, required=True)
        topics = self._vocabulary("topics.yml", required=True)
        series = self._vocabulary("series.yml", required=False)
        records: dict[str, dict[str, Record]] = {}
        sources = {}
        invalid: list[tuple[str, Document]] = []  # their references are checked too, as written
        for collection, model in COLLECTIONS.items():
            records[collection] = {}
            for record_id, doc in self._collection(collection):
                record = self._validate(doc, model, collection)
                if record is not None:
                    records[collection][record_id] = record
                    sources[(collection, record_id)] = doc.path
                    self.lines[(collection, record_id)] = doc
                else:
                    invalid.append((collection, doc))
        content = Content(self.languages, site, topics, series, records, sources)
        self.problems.extend(reference_problems(content, self.lines, self.present, invalid))
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
            if os.path.islink(path):
                self.problems.append(Problem(self.rel(name), 1, "", _SYMLINK))
                continue
            if name.startswith("."):
                self.problems.append(Problem(self.rel(name), 1, "", _hidden(name, os.path.isdir(path))))
                continue
            if name == "README.md" or name in _DATA_FILES and os.path.isfile(path) \
                    or name in COLLECTIONS and os.path.isdir(path):
                continue
            guess = name[:-5] + ".yml" if name.endswith(".yaml") else name
            hint = suggestion(guess, known, listing=False) or f"; data/ holds {', '.join(known)}"
            kind = "folder" if os.path.isdir(path) else "file"
            self.problems.append(Problem(self.rel(name), 1, "", f"unknown {kind} '{name}' is not read{hint}"))

    def _open(self, rel: str) -> bytes | None:
        path = os.path.join(self.root, rel)
        if os.path.islink(path):
            self.problems.append(Problem(rel, 1, "", _SYMLINK))
            return None
        if not os.path.isfile(path):  # a folder, a pipe or a device: open() would fail or wait forever
            self.problems.append(Problem(rel, 1, "", "not a file: the hub reads plain files here"))
            return None
        size = os.path.getsize(path)
        if size > MAX_FILE_BYTES:
            self.problems.append(Problem(rel, 1, "", f"the file is {size:,} bytes: a file in data/ is at most "
                                                     "1 MB (1,000,000 bytes); link long documents instead"))
            return None
        try:
            with open(path, "rb") as handle:
                return handle.read()
        except OSError as err:
            self.problems.append(Problem(rel, 1, "", f"cannot be read ({err.strerror}): check the file's permissions"))
        return None

    def _open_quietly(self, rel: str) -> str:
        """The text of a file whose problems are already reported, or nothing."""
        path = os.path.join(self.root, rel)
        if os.path.islink(path) or not os.path.isfile(path) or os.path.getsize(path) > MAX_FILE_BYTES:
            return ""
        with open(path, "rb") as handle:
            return handle.read().decode("utf-8", "replace")

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
            # Its problems are reported; the ids it seems to hold are not "unknown" everywhere too.
            raw = self._open_quietly(rel)
            self.present.setdefault(name[:-4], set()).update(re.findall(r"^([a-z0-9][a-z0-9-]*) *:", raw, re.M))
            return {}
        if not isinstance(doc.data, dict):
            self.problems.append(Problem(rel, 1, "", "expected one line per entry: `<id>: text`"))
            return {}
        out = {}
        from pydantic import TypeAdapter
        adapter = TypeAdapter(Text)
        for key, value in doc.data.items():
            line = doc.line_of((key,))
            if not _ID.fullmatch(key):
                self.problems.append(Problem(rel, line, key, "expected an id of lower-case letters, digits and hyphens "
                                                             f"like fair-labour, got {key!r}"))
                continue
            self.present.setdefault(name[:-4], set()).add(key)
            if key in RESERVED_IDS:
                self.problems.append(Problem(rel, line, key, reserved(key)))
                continue
            self._languages(doc, TEXT, value, (key,))
            try:
                out[key] = adapter.validate_python(value)
            except ValidationError as err:
                self.problems.extend(from_validation(doc, Site, err, base=(key,)))
        return out

    def _collection(self, collection: str):
        folder = os.path.join(self.root, "data", collection)
        if not os.path.isdir(folder) or os.path.islink(folder):
            return
        names = sorted(os.listdir(folder))
        siblings: dict[str, list[str]] = {}  # record id -> its Markdown files
        for name in names:
            rel = self.rel(collection, name)
            path = os.path.join(folder, name)
            if name.startswith("."):
                self.problems.append(Problem(rel, 1, "", _hidden(name, os.path.isdir(path))))
            elif os.path.isdir(path) and not os.path.islink(path):
                # Also a folder named like a record or its Markdown (`launch.md/`): nothing in it is read.
                self.problems.append(Problem(rel, 1, "", f"folders inside data/{collection}/ are not read: "
                                                         f"move the files up into data/{collection}/"))
            elif name.endswith(".md"):
                siblings.setdefault(name.split(".", 1)[0], []).append(name)
        for name in names:
            rel = self.rel(collection, name)
            path = os.path.join(folder, name)
            if name.endswith(".md") or name.startswith(".") or os.path.isdir(path) and not os.path.islink(path):
                continue
            if name.endswith(".yaml"):
                self.problems.append(Problem(rel, 1, "", f"records end in .yml: rename it to {name[:-5]}.yml"))
                continue
            if not name.endswith(".yml"):
                self.problems.append(Problem(rel, 1, "", "not a record: files here are <id>.yml (and <id>.md for long text)"))
                continue
            record_id = name[:-4]
            self.present.setdefault(collection, set()).add(record_id)
            if not _ID.fullmatch(record_id):
                self.problems.append(Problem(rel, 1, "", f"file name '{record_id}' is not a valid id: use lower-case letters, "
                                                         f"digits and single hyphens, like {suggest_id(record_id)}.yml"))
                continue
            if record_id in RESERVED_IDS:
                self.problems.append(Problem(rel, 1, "", f"file name: {reserved(record_id)}"))
                continue
            doc = self._read(rel)
            if doc is None:
                continue
            if not isinstance(doc.data, dict):
                self.problems.append(Problem(rel, 1, "", "expected the record's fields (key: value) at the top of the file"))
                continue
            self._merge_siblings(collection, record_id, doc, siblings.get(record_id, []))
            yield record_id, doc
        for name in (name for group in siblings.values() for name in group):
            match = _SIBLING.fullmatch(name)
            if not match or not os.path.isfile(os.path.join(folder, match["id"] + ".yml")):
                self.problems.append(Problem(self.rel(collection, name), 1, "",
                                             "Markdown file without a record: name it <id>.md or <id>.<lang>.md beside <id>.yml"))

    def _merge_siblings(self, collection: str, record_id: str, doc: Document, siblings: list[str]) -> None:
        """`<id>.md` and `<id>.<lang>.md` hold the description: merge them into the record."""
        for name in siblings:
            match = _SIBLING.fullmatch(name)
            if not match or match["id"] != record_id:
                continue
            lang = match["lang"] or "en"
            rel = self.rel(collection, name)
            if lang not in self.languages:
                self.problems.append(Problem(rel, 1, "", f"language of the file name: {unknown_language(lang, self.languages)}"))
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
            controls = control_characters(rel, text, "description")
            if controls:
                self.problems.extend(controls)
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
        self._markdown(doc, model)
        self._languages(doc, model)
        try:
            record = model.model_validate(doc.data)
        except ValidationError as err:
            self.problems.extend(from_validation(doc, model, err))
            return None
        rule_problems = [Problem(doc.path, doc.line_of(loc), field, message)
                         for loc, field, message in record_rules(collection, record, self.languages)]
        self.problems.extend(rule_problems)
        self.warnings.extend(Problem(doc.path, doc.line_of(loc), field, message)
                             for loc, field, message in record_warnings(collection, record))
        return None if rule_problems else record

    def _markdown(self, doc: Document, model) -> None:
        """Active content in Markdown written inline (sibling files are checked as they are read)."""
        for name in markdown_fields(model):
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


def _one_line(problem: Problem) -> Problem:
    """One problem, one line: a line break in a file name or key is shown as \\n, not started anew."""
    def flat(text: str) -> str:
        return text.replace("\r", "\\r").replace("\n", "\\n")
    return Problem(flat(problem.path), problem.line, flat(problem.field), flat(problem.message))


def _hidden(name: str, folder: bool) -> str:
    kind = "folder" if folder else "file"
    return f"hidden {kind} '{name}' is not read: rename it without the leading dot, or delete it"


def suggest_id(text: str) -> str:
    """A valid id close to `text`: 'Malmö_Phones' -> 'malmo-phones'."""
    import unicodedata
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "my-record"

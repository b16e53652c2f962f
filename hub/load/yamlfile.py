"""Strict YAML reading: plain values, line numbers, and no YAML 1.1 surprises.

PyYAML resolves YAML 1.1 types (`NO` -> False, `09:00` -> 540), keeps the last of duplicate
keys, and expands aliases. Contributors' files are read from the parser's event stream
instead: every scalar is text except `true`, `false` and `null`; the model turns text into
numbers and dates where a field wants them. Anchors, aliases, tags, tabs, control characters,
duplicate keys and more than one document are refused. The events are folded into data with
an explicit stack, never recursion: libyaml's composer crashes the interpreter on very deep
nesting, and Python's recursion limit would stop a pure-Python reader.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from hub.model.errors import Problem, field_name

try:  # libyaml's parser is ten times faster; the pure one gives the same events and values
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader

MAX_DEPTH = 20  # the deepest record is five levels (agenda[0].title.sv); leave room, refuse bombs
_NULLS = {"", "~", "null"}
_STR_TAG = "tag:yaml.org,2002:str"
# What YAML allows in a file (its "printable" set); anything else is an invisible character
# pasted from a word processor, and libyaml would stop with an unreadable message.
_NOT_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# What a text may not hold however it is written (a YAML escape such as "\0" or "\x01" too):
# feeds and calendars cannot carry them, and nobody means them. Line breaks are text.
_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_INVISIBLE = ("invisible control character U+{code:04X}: delete it "
              "(it often comes with text pasted from another program)")


@dataclass
class Document:
    """A YAML file read as plain data, with the line of every key and item."""

    path: str
    data: object
    lines: dict[tuple, int] = field(default_factory=dict)
    text_lines: dict[tuple, int] = field(default_factory=dict)  # loc -> line where a text's content starts

    def line_of(self, loc: tuple) -> int:
        """Line of the deepest part of `loc` that exists in the file (a missing field: its object)."""
        loc = tuple(loc)
        while loc and loc not in self.lines:
            loc = loc[:-1]
        return self.lines.get(loc, 1)

    def text_line(self, loc: tuple) -> int:
        """First line of a text's content (the line after `|` for a block of text)."""
        return self.text_lines.get(tuple(loc)) or self.line_of(loc)


class YamlProblem(Exception):
    """The file cannot be read as data; carries every problem found in it."""

    def __init__(self, problems: list[Problem] | Problem):
        self.problems = [problems] if isinstance(problems, Problem) else list(dict.fromkeys(problems))
        super().__init__("\n".join(str(p) for p in self.problems))


def read_yaml(path: str, raw: bytes) -> Document:
    """Read one file's bytes; raise YamlProblem naming the file and line of each fault."""
    text = decode(path, raw)
    _refuse_characters(path, text)
    if all(not line.strip() or line.lstrip().startswith("#") for line in text.split("\n")):
        raise YamlProblem(Problem(path, 1, "", "the file is empty: a record needs at least its required fields"))
    return _Reader(path).read(text)


def decode(path: str, raw: bytes) -> str:
    """UTF-8 text without a byte-order mark, or YamlProblem (also used for Markdown files)."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raise YamlProblem(Problem(path, 1, "", "the file starts with a byte-order mark (BOM): save it as UTF-8 without BOM"))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise YamlProblem(Problem(path, line, "", f"not UTF-8 text (byte {raw[err.start]:#04x}): save the file as UTF-8")) from None


def _refuse_characters(path: str, text: str) -> None:
    problems = []
    for number, line in enumerate(text.split("\n"), 1):
        if "\t" in line:
            problems.append(Problem(path, number, "", "tab character: YAML must be indented with spaces, not tabs"))
        bad = _NOT_PRINTABLE.search(line)
        if bad:
            problems.append(Problem(path, number, "", _INVISIBLE.format(code=ord(bad.group()))))
    if problems:
        raise YamlProblem(problems)


def control_characters(path: str, text: str, field: str = "") -> list[Problem]:
    """One problem per line of a Markdown text that holds a control character (tabs are Markdown)."""
    problems = []
    for number, line in enumerate(text.split("\n"), 1):
        bad = _NOT_PRINTABLE.search(line.rstrip("\r")) or re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", line.rstrip("\r"))
        if bad:
            problems.append(Problem(path, number, field, _INVISIBLE.format(code=ord(bad.group()))))
    return problems


class _Stop(Exception):
    """Raised after a fault that leaves the rest of the file unreadable."""


class _Frame:
    """A mapping or list being filled, and where it is."""

    __slots__ = ("value", "loc", "key", "skip")

    def __init__(self, value, loc: tuple):
        self.value = value
        self.loc = loc
        self.key = None  # in a mapping: the key whose value comes next
        self.skip = False  # the next value belongs to a duplicate key: read it, keep nothing


class _Reader:
    def __init__(self, path: str):
        self.path = path
        self.problems: list[Problem] = []
        self.doc = Document(path, None)

    def problem(self, event, message: str, loc: tuple = ()) -> None:
        self.problems.append(Problem(self.path, event.start_mark.line + 1, field_name(loc), message))

    def stop(self, event, message: str) -> None:
        """A fault after which the rest of the file cannot be read sensibly."""
        self.problem(event, message)
        raise _Stop

    def read(self, text: str) -> Document:
        try:
            self._fold(yaml.parse(text, Loader=SafeLoader))
        except yaml.YAMLError as err:
            raise YamlProblem(self.problems + [self._syntax(err, text)]) from None
        except _Stop:
            pass
        if self.problems:
            raise YamlProblem(self.problems)
        return self.doc

    def _syntax(self, err: yaml.YAMLError, text: str) -> Problem:
        mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
        if mark is not None:
            line = mark.line + 1
        elif getattr(err, "position", None) is not None:  # a reader error (characters, not structure)
            line = text[: err.position].count("\n") + 1
        else:
            line = 1
        what = (getattr(err, "problem", None) or str(err)).split("\n")[0]
        if "another document" in what:
            return Problem(self.path, line, "", "a second YAML document ('---'): one file holds one record")
        return Problem(self.path, line, "", f"not valid YAML: {what}; check the indentation, "
                                            "and put text that contains ': ' or starts with a symbol in quotes")

    def _fold(self, events) -> None:
        stack: list[_Frame] = []
        documents = 0
        for event in events:
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    self.stop(event, "a second YAML document ('---'): one file holds one record")
                continue
            if not isinstance(event, (yaml.NodeEvent, yaml.CollectionEndEvent)):
                continue
            if isinstance(event, yaml.CollectionEndEvent):
                stack.pop()
                continue
            parent = stack[-1] if stack else None
            if parent is not None and isinstance(parent.value, dict) and parent.key is None:
                self._key(event, parent)
                if isinstance(event, yaml.CollectionStartEvent):
                    self.stop(event, "a key must be a simple name, not a list or a group of fields")
                continue
            loc = self._place(parent)
            value = self._value(event, loc)
            if isinstance(event, yaml.CollectionStartEvent):
                if len(stack) >= MAX_DEPTH:
                    self.stop(event, f"nested more than {MAX_DEPTH} levels deep: no record needs that many")
                stack.append(_Frame(value, loc))
            self._store(parent, loc, value, event)

    def _key(self, event, parent: _Frame) -> None:
        if isinstance(event, yaml.AliasEvent):
            self.problem(event, f"YAML alias '*{event.anchor}' is not allowed: write the value out in full")
            parent.key, parent.skip = "*", True
            return
        if not isinstance(event, yaml.ScalarEvent):
            return
        self._refuse_anchor_and_tag(event)
        self._refuse_control(event, parent.loc)
        key = event.value
        if "\n" in key or "\r" in key:
            # A field name or an id on two lines is never meant, and would break every message naming it.
            self.problem(event, f"a key is a name on one line, got {key!r}: remove the line break", parent.loc)
            parent.key, parent.skip = key, True
            return
        parent.key, parent.skip = key, False
        if key == "<<" and not event.style:
            self.problem(event, "YAML merge keys (<<) are not allowed: write the fields out in full")
            parent.skip = True
        elif key in parent.value:
            first = self.doc.lines[parent.loc + (key,)]
            self.problem(event, f"duplicate key (first given on line {first}): keep one, or the other is lost",
                         parent.loc + (key,))
            parent.skip = True
        else:
            self.doc.lines[parent.loc + (key,)] = event.start_mark.line + 1

    def _place(self, parent: _Frame | None) -> tuple:
        if parent is None:
            return ()
        if isinstance(parent.value, list):
            return parent.loc + (len(parent.value),)
        return parent.loc + (parent.key,)

    def _value(self, event, loc: tuple):
        if isinstance(event, yaml.AliasEvent):
            self.problem(event, f"YAML alias '*{event.anchor}' is not allowed: write the value out in full")
            return None
        self._refuse_anchor_and_tag(event)
        if isinstance(event, yaml.MappingStartEvent):
            return {}
        if isinstance(event, yaml.SequenceStartEvent):
            return []
        self._refuse_control(event, loc)
        if not event.style:  # plain, unquoted (None in PyYAML, "" in libyaml)
            if event.value in ("true", "false"):
                return event.value == "true"
            if event.value in _NULLS:
                return None
        # A block of text (`|` or `>`) starts on the line after its indicator.
        self.doc.text_lines[loc] = event.start_mark.line + (2 if event.style in ("|", ">") else 1)
        return event.value

    def _store(self, parent: _Frame | None, loc: tuple, value, event) -> None:
        if parent is None:
            self.doc.data = value
            self.doc.lines[()] = event.start_mark.line + 1
        elif isinstance(parent.value, list):
            self.doc.lines[loc] = event.start_mark.line + 1
            parent.value.append(value)
        else:
            if not parent.skip:
                parent.value[parent.key] = value
            parent.key, parent.skip = None, False

    def _refuse_control(self, event, loc: tuple) -> None:
        bad = _CONTROL.search(event.value)
        if bad:
            self.problem(event, f"control character U+{ord(bad.group()):04X} in the text: delete it "
                                "(a YAML escape such as \\0, \\x01 or \\t writes one)", loc)

    def _refuse_anchor_and_tag(self, event) -> None:
        if event.anchor is not None:
            self.problem(event, f"YAML anchor '&{event.anchor}' is not allowed: write the value out in full")
        tag = event.tag
        if tag is not None and tag != "!" and not (isinstance(event, yaml.ScalarEvent) and tag == _STR_TAG):
            self.problem(event, f"YAML tag '{tag.replace('tag:yaml.org,2002:', '!!')}' is not allowed: "
                                "write the value as plain text")

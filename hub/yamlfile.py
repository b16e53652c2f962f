"""Strict YAML reading: plain values, line numbers, and no YAML 1.1 surprises.

PyYAML resolves YAML 1.1 types (`NO` -> False, `09:00` -> 540), keeps the last of duplicate
keys, and expands aliases. Contributors' files are read from the node tree instead: every
scalar is text except `true`, `false` and `null`; the model turns text into numbers and dates
where a field wants them. Anchors, aliases, tags, tabs and duplicate keys are refused.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from .errors import Problem

try:  # libyaml's parser is ten times faster; the pure one gives the same nodes
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader

_STANDARD_TAGS = {
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null", "tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:value",
    "tag:yaml.org,2002:merge", "tag:yaml.org,2002:binary", "tag:yaml.org,2002:omap",
    "tag:yaml.org,2002:pairs", "tag:yaml.org,2002:set",
}
_NULLS = {"", "~", "null"}
_ANCHOR_OR_ALIAS = re.compile(r"[&*]")


@dataclass
class Document:
    """A YAML file read as plain data, with the line of every key and item."""

    path: str
    data: object
    lines: dict[tuple, int] = field(default_factory=dict)

    def line_of(self, loc: tuple) -> int:
        """Line of the deepest part of `loc` that exists in the file (a missing field: its object)."""
        loc = tuple(loc)
        while loc and loc not in self.lines:
            loc = loc[:-1]
        return self.lines.get(loc, 1)


class YamlProblem(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))


def read_yaml(path: str, raw: bytes) -> Document:
    """Read one file's bytes; raise YamlProblem naming the file and line of the first fault."""
    text = _decode(path, raw)
    for number, line in enumerate(text.splitlines(), 1):
        if "\t" in line:
            raise YamlProblem(Problem(path, number, "", "tab character: YAML must be indented with spaces, not tabs"))
    if not text.strip() or all(l.lstrip().startswith("#") or not l.strip() for l in text.splitlines()):
        raise YamlProblem(Problem(path, 1, "", "the file is empty: a record needs at least its required fields"))
    if _ANCHOR_OR_ALIAS.search(text):
        _refuse_anchors(path, text)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
        line = mark.line + 1 if mark else 1
        what = getattr(err, "problem", None) or str(err)
        raise YamlProblem(Problem(path, line, "", f"not valid YAML: {what}; check indentation and quote values that contain ': '")) from None
    doc = Document(path, None)
    doc.data = _plain(node, (), doc, set())
    return doc


def _decode(path: str, raw: bytes) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raise YamlProblem(Problem(path, 1, "", "the file starts with a byte-order mark (BOM): save it as UTF-8 without BOM"))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise YamlProblem(Problem(path, line, "", f"not UTF-8 text (byte {raw[err.start]:#04x}): save the file as UTF-8")) from None


def _refuse_anchors(path: str, text: str) -> None:
    try:
        for token in yaml.scan(text, Loader=_Loader):
            if isinstance(token, (yaml.AnchorToken, yaml.AliasToken)):
                kind = "anchor" if isinstance(token, yaml.AnchorToken) else "alias"
                raise YamlProblem(Problem(path, token.start_mark.line + 1, "",
                                          f"YAML {kind} '{token.value}' is not allowed: write the value out in full"))
    except yaml.YAMLError:
        return  # compose() reports the syntax error with its line


def _plain(node, loc: tuple, doc: Document, seen: set) -> object:
    if id(node) in seen:  # an alias: refused above, but never expand one
        raise YamlProblem(Problem(doc.path, node.start_mark.line + 1, "", "YAML aliases are not allowed"))
    if node.tag not in _STANDARD_TAGS:
        raise YamlProblem(Problem(doc.path, node.start_mark.line + 1, "", f"YAML tag {node.tag!r} is not allowed"))
    doc.lines.setdefault(loc, node.start_mark.line + 1)
    if isinstance(node, yaml.ScalarNode):
        if not node.style:  # plain, unquoted (None in PyYAML, "" in libyaml)
            if node.value in ("true", "false"):
                return node.value == "true"
            if node.value in _NULLS:
                return None
        return node.value
    seen = seen | {id(node)}
    if isinstance(node, yaml.SequenceNode):
        out = []
        for i, item in enumerate(node.value):
            doc.lines[loc + (i,)] = item.start_mark.line + 1
            out.append(_plain(item, loc + (i,), doc, seen))
        return out
    mapping: dict = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            raise YamlProblem(Problem(doc.path, key_node.start_mark.line + 1, "", "a key must be a simple name"))
        key = key_node.value
        line = key_node.start_mark.line + 1
        if key == "<<":
            raise YamlProblem(Problem(doc.path, line, "", "YAML merge keys (<<) are not allowed"))
        if key in mapping:
            first = doc.lines[loc + (key,)]
            raise YamlProblem(Problem(doc.path, line, _join(loc, key),
                                      f"duplicate key (first given on line {first}): keep one, or the other is lost"))
        doc.lines[loc + (key,)] = line
        mapping[key] = _plain(value_node, loc + (key,), doc, seen)
    return mapping


def _join(loc: tuple, key: str) -> str:
    from .errors import field_name
    return field_name(loc + (key,))

"""`python -m hub intake [FILE]`: a GitHub issue form's body (FILE or standard input) becomes a record in data/.

The new file (a signature is added to the statement's file, comments kept; a new organisation
gets its own file) is written, then the whole of data/ is validated exactly as `check` does. The
paths written go to standard output; on any problem the files are put back as they were, and each
problem is printed in plain words, with the field's label as the form shows it and an example:

    Start: expected a datetime like 2021-06-14T16:00, got '14 June' (for example: 2021-06-14T16:00)

The body is untrusted: it is parsed as text, never run, and what is written is checked like any
contribution (HTML is refused outright, since nobody needs it in a form).
"""
from __future__ import annotations

import argparse
import io
import os
import re
import sys
from dataclasses import dataclass, field
from datetime import date

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString

from hub.cli.submissions import Draft, draft
from hub.load.content import load_content
from hub.load.issue_form import Form, parse_body, read_forms, which_form
from hub.load.siteconfig import read_site_config
from hub.model.errors import DataError, Problem
from hub.model.instants import now_from_env

# GitHub stores at most 65,536 characters of an issue body; far more than that is not a form at all.
MAX_BODY = 2 * 1024 * 1024
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CLOCK = re.compile(r"^\d{1,2}:\d{2}$")
_INDEX = re.compile(r"\[\d+\]")


@dataclass
class Outcome:
    paths: list[str] = field(default_factory=list)  # written, relative to the root
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def register(commands) -> None:
    parser = commands.add_parser("intake", help="turn a GitHub issue form's body into a record file in data/")
    parser.add_argument("file", nargs="?", help="the issue body (Markdown); standard input when left out")
    parser.add_argument("--form", help="the form's name (sign-statement, propose-event, ...); found from the body when left out")
    parser.add_argument("--issue", type=int, help="the issue's number, noted in the file written")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, root: str) -> int:
    if args.file:
        with open(args.file, "rb") as handle:
            raw = handle.read(MAX_BODY + 1)
    else:
        raw = sys.stdin.buffer.read(MAX_BODY + 1)
    outcome = intake(root, raw.decode("utf-8", errors="replace"), args.form, args.issue)
    for line in outcome.paths if outcome.ok else outcome.problems:
        print(line)
    return 0 if outcome.ok else 1


def intake(root: str, body: str, form_name: str | None = None, issue: int | None = None,
           today: date | None = None) -> Outcome:
    today = today or now_from_env(os.environ.get("HUB_NOW")).date()
    if len(body) > MAX_BODY:
        return Outcome(problems=[f"The submission is too long ({len(body):,} characters): an issue form holds at most 65,536."])
    languages = list(read_site_config(root).languages)
    try:
        content = load_content(root, languages)
    except DataError as err:
        return Outcome(problems=["data/ has problems already, before this submission: fix them first.",
                                 *map(str, err.problems)])
    forms = read_forms(root)
    form = forms.get(form_name) if form_name else which_form(body, forms)
    if form is None:
        known = ", ".join(forms) or "none"
        return Outcome(problems=[f"This issue was not written with one of the hub's forms ({known}): "
                                 "open a new issue with the form, and fill it in there."])
    submission = parse_body(body, form)
    plan = draft(submission, content, today)
    if plan.problems:
        return Outcome(problems=[_message(form, field_id, message) for field_id, message in plan.problems])
    writer = _Writer(root)
    try:
        paths = _write(plan, writer, issue)
        try:
            load_content(root, languages)
        except DataError as err:
            writer.undo()
            return Outcome(problems=_explain(err.problems, plan, form, paths))
    except Exception:
        writer.undo()
        raise
    return Outcome(paths=paths)


# -- writing --

class _Writer:
    """Writes files and remembers what was there, so a rejected submission leaves data/ as it was."""

    def __init__(self, root: str):
        self.root = root
        self.before: list[tuple[str, bytes | None]] = []

    def write(self, rel: str, text: str, new: bool) -> None:
        path = os.path.join(self.root, rel)
        if new and os.path.exists(path):
            raise FileExistsError(rel)
        old = None
        if not new:
            with open(path, "rb") as handle:
                old = handle.read()
        self.before.append((rel, old))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)

    def undo(self) -> None:
        for rel, old in reversed(self.before):
            path = os.path.join(self.root, rel)
            if old is None:
                if os.path.exists(path):
                    os.remove(path)
            else:
                with open(path, "wb") as handle:
                    handle.write(old)
        self.before = []


def _yaml() -> YAML:
    yaml = YAML()
    yaml.width = 100
    yaml.indent(mapping=2, sequence=4, offset=2)  # the layout of the hub's own records
    return yaml


def _write(plan: Draft, writer: _Writer, issue: int | None) -> list[str]:
    note = f"# Proposed in issue #{issue}; written by `python -m hub intake`.\n" if issue else \
        "# Written by `python -m hub intake` from an issue form.\n"
    paths = []
    if plan.organisation:
        org_id, data = plan.organisation
        rel = f"data/organisations/{org_id}.yml"
        writer.write(rel, note + _dump(data), new=True)
        paths.append(rel)
    if plan.statement:
        rel = f"data/statements/{plan.statement}.yml"
        writer.write(rel, _add_signatory(os.path.join(writer.root, rel), plan.signatory), new=False)
        paths.append(rel)
    else:
        record_id = _free_id(writer.root, plan.collection, plan.record_id)
        rel = f"data/{plan.collection}/{record_id}.yml"
        writer.write(rel, note + _dump(plan.data), new=True)
        paths.append(rel)
    return paths


def _free_id(root: str, collection: str, wanted: str) -> str:
    folder = os.path.join(root, "data", collection)
    candidate, n = wanted, 2
    while os.path.exists(os.path.join(folder, f"{candidate}.yml")):
        candidate, n = f"{wanted}-{n}", n + 1
    return candidate


def _dump(data: dict) -> str:
    stream = io.StringIO()
    _yaml().dump(_plain(data), stream)
    return stream.getvalue()


def _plain(value):
    """Values as the hub's records write them: dates bare, long texts as blocks."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, str) and _DATE.match(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, str) and _CLOCK.match(value):
        return DoubleQuotedScalarString(value)  # "09:00", as the hub writes times: YAML 1.1 tools read 09:00 as 540
    if isinstance(value, str) and "\n" in value:
        return LiteralScalarString(value + "\n")
    return value


def _add_signatory(path: str, signatory: dict) -> str:
    """The statement's file with the signatory added (or its signing recorded), comments and layout kept."""
    yaml = _yaml()
    yaml.preserve_quotes = True
    with open(path, encoding="utf-8") as handle:
        data = yaml.load(handle)
    entry = CommentedMap((k, _plain(v)) for k, v in signatory.items() if v)
    signatories = data.get("signatories")
    if signatories is None:
        data["signatories"] = signatories = []
    existing = next((s for s in signatories if s.get("organisation") == signatory["organisation"]), None)
    if existing is not None:  # it had committed to join, and now signs
        for key, value in entry.items():
            existing[key] = value
    else:
        if signatories and getattr(signatories[-1], "fa", None) is not None and signatories[-1].fa.flow_style():
            entry.fa.set_flow_style()
        signatories.append(entry)
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()


# -- explaining --

def _message(form: Form, field_id: str, message: str) -> str:
    form_field = form.field(field_id)
    label = form_field.label if form_field else (field_id or "The submission")
    example = form_field.example if form_field else ""
    example = f" (for example: {'; '.join(line.strip() for line in example.splitlines())})" if example else ""
    # Printed into an issue comment: the contributor's own text is quoted, never formatted.
    return f"{label}: {message}{example}".replace("`", "'")


def _explain(problems: list[Problem], plan: Draft, form: Form, paths: list[str]) -> list[str]:
    organisation = f"data/organisations/{plan.organisation[0]}.yml" if plan.organisation else None
    out = []
    for problem in problems:
        if problem.path not in paths:
            out.append(str(problem))  # another file: report it as check does
            continue
        name = _INDEX.sub("", problem.field)
        if problem.path == organisation:
            field_id = {"name": "new_organisation_name", "kind": "new_organisation_kind",
                        "country": "new_organisation_country", "website": "new_organisation_website"}.get(
                            name.split(".")[0], "new_organisation_name")
        else:
            if plan.statement and name.startswith("signatories."):
                name = name[len("signatories."):]
            field_id = _source(plan.sources, name)
        out.append(_message(form, field_id, problem.message))
    return list(dict.fromkeys(out))


def _source(sources: dict[str, str], name: str) -> str:
    """The form field a record field came from: 'registration.deadline', else 'registration'."""
    parts = name.split(".")
    for n in range(len(parts), 0, -1):
        key = ".".join(parts[:n])
        if key in sources:
            return sources[key]
    return parts[0]

"""Read what a GitHub issue form submitted: the Markdown body GitHub writes, by the form's own fields.

GitHub writes each field of a form (`.github/ISSUE_TEMPLATE/<name>.yml`) as `### <label>`, a blank
line and the value; an empty field is `_No response_`, ticked checkboxes are `- [X] <label>`.
The body is untrusted text: nothing here runs or renders it, it is only split by the labels the
form declares, in the form's order, so a `###` line written inside a field cannot invent a field.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

import yaml

FORMS = os.path.join(".github", "ISSUE_TEMPLATE")
NO_RESPONSE = "_No response_"
_CHECKED = re.compile(r"^- \[[xX]\] (.*)$")


@dataclass(frozen=True)
class FormField:
    id: str
    label: str
    kind: str  # input, textarea, dropdown, checkboxes
    example: str = ""  # the form's placeholder, shown in messages as "for example"
    options: tuple[str, ...] = ()


@dataclass
class Form:
    name: str  # file name without .yml: 'sign-statement'
    fields: list[FormField]

    def label(self, field_id: str) -> str:
        return next((f.label for f in self.fields if f.id == field_id), field_id)

    def field(self, field_id: str) -> FormField | None:
        return next((f for f in self.fields if f.id == field_id), None)


@dataclass
class Submission:
    form: Form
    values: dict[str, object] = field(default_factory=dict)  # field id -> text, list (checkboxes) or None

    def text(self, field_id: str) -> str | None:
        value = self.values.get(field_id)
        return value if isinstance(value, str) else None


def read_forms(root: str) -> dict[str, Form]:
    """Every issue form of the repository at `root`, by name."""
    folder = os.path.join(root, FORMS)
    forms = {}
    for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
        if not name.endswith(".yml") or name == "config.yml":
            continue
        with open(os.path.join(folder, name), encoding="utf-8") as handle:
            data = yaml.safe_load(handle)
        fields = []
        for element in data.get("body", []):
            if element.get("type") == "markdown" or "id" not in element:
                continue
            attributes = element.get("attributes", {})
            options = attributes.get("options", [])
            options = tuple(o["label"] if isinstance(o, dict) else str(o) for o in options)
            fields.append(FormField(element["id"], attributes["label"], element["type"],
                                    str(attributes.get("placeholder", "")).strip(), options))
        forms[name[:-4]] = Form(name[:-4], fields)
    return forms


def which_form(body: str, forms: dict[str, Form]) -> Form | None:
    """The form whose every label heads a section of `body`, in order (the first that fits)."""
    lines = _lines(body)
    for form in forms.values():
        if _positions(lines, form) is not None:
            return form
    return None


def parse_body(body: str, form: Form) -> Submission:
    """The value of each of the form's fields; a missing heading counts as no response."""
    lines = _lines(body)
    positions = _positions(lines, form, strict=False)
    submission = Submission(form)
    found = [(at, f) for f, at in zip(form.fields, positions) if at is not None]
    for n, (at, form_field) in enumerate(found):
        end = found[n + 1][0] if n + 1 < len(found) else len(lines)
        submission.values[form_field.id] = _value(lines[at + 1:end], form_field)
    for form_field in form.fields:
        submission.values.setdefault(form_field.id, None)
    return submission


def _lines(body: str) -> list[str]:
    return body.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _positions(lines: list[str], form: Form, strict: bool = True):
    """Line index of each field's heading, searched in order; None (strict) if any is missing."""
    out, start = [], 0
    for form_field in form.fields:
        heading = f"### {form_field.label}"
        at = next((i for i in range(start, len(lines)) if lines[i].rstrip() == heading), None)
        if at is None and strict:
            return None
        out.append(at)
        start = at + 1 if at is not None else start
    return out


def _value(lines: list[str], form_field: FormField):
    text = "\n".join(lines).strip("\n")
    if form_field.kind == "checkboxes":
        return [m[1].strip() for m in (_CHECKED.match(line.strip()) for line in lines) if m]
    if text.strip() in ("", NO_RESPONSE):
        return None
    return text.strip() if form_field.kind != "textarea" else "\n".join(line.rstrip() for line in text.split("\n")).strip()

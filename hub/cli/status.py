"""`python -m hub status`: how much of the hub is translated into each language, and what is not.

A record counts as translated in a language when every text in it has that language; a text
given as a plain string is English only. UI strings come from hub/locales/<lang>.yml.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field

from hub.model.errors import DataError, field_name
from hub.load.content import Content, load_content
from hub.model.records import COLLECTIONS, VOCABULARIES, Site
from hub.model.shapes import TEXT, model_shape, texts
from hub.load.siteconfig import read_site_config
from hub.render.text import DEFAULT, missing_ui_strings, ui_strings


@dataclass
class LanguageStatus:
    lang: str
    records: int = 0
    records_translated: int = 0
    texts: int = 0
    texts_translated: int = 0
    missing: dict[str, list[str]] = field(default_factory=dict)  # "events/x" -> untranslated fields
    ui_strings: int = 0
    ui_missing: list[str] = field(default_factory=list)


def translation_status(content: Content) -> list[LanguageStatus]:
    """One LanguageStatus per language other than English, in the site's order."""
    found = []
    for lang in content.languages:
        if lang == DEFAULT:
            continue
        status = LanguageStatus(lang, ui_strings=len(ui_strings(DEFAULT)), ui_missing=missing_ui_strings(lang))
        for key, record_texts in _records(content):
            untranslated = [field_name(loc) or "name" for loc, value in record_texts
                            if not (isinstance(value, dict) and lang in value)]
            status.records += 1
            status.texts += len(record_texts)
            status.texts_translated += len(record_texts) - len(untranslated)
            if untranslated:
                status.missing[key] = untranslated
            else:
                status.records_translated += 1
        found.append(status)
    return found


def _records(content: Content):
    """("collection/id", [(loc, text), ...]) for every record, topic, series and the site."""
    for collection, model in COLLECTIONS.items():
        for record_id, record in content[collection].items():
            yield f"{collection}/{record_id}", list(texts(model_shape(model), record))
    for name in VOCABULARIES:
        for entry_id, value in getattr(content, name).items():
            yield f"{name}/{entry_id}", list(texts(TEXT, value))
    if content.site is not None:
        yield "site", list(texts(model_shape(Site), content.site))


def report(statuses: list[LanguageStatus], details: bool = True) -> str:
    lines = ["Translations (a text not yet translated is shown in English with a notice):", "",
             f"{'language':<10}{'records':>18}{'texts':>18}{'UI strings':>18}"]
    for s in statuses:
        lines.append(f"{s.lang:<10}{_share(s.records_translated, s.records):>18}"
                     f"{_share(s.texts_translated, s.texts):>18}"
                     f"{_share(s.ui_strings - len(s.ui_missing), s.ui_strings):>18}")
    if details:
        for s in statuses:
            lines += ["", f"{s.lang}: {len(s.missing)} record{'s' if len(s.missing) != 1 else ''} not fully translated"
                          + (":" if s.missing else "")]
            lines += [f"  {key}: {', '.join(fields)}" for key, fields in s.missing.items()]
            if s.ui_missing:
                lines.append(f"  UI strings missing from hub/locales/{s.lang}.yml: {', '.join(s.ui_missing)}")
    return "\n".join(lines)


def _share(done: int, total: int) -> str:
    return f"{done} of {total}"


def register(commands) -> None:
    parser = commands.add_parser("status", help="show how much is translated into each language",
                                 description="Per language: records, texts and UI strings translated, and what is missing.")
    parser.add_argument("--lang", metavar="CODE", help="only this language")
    parser.add_argument("--summary", action="store_true", help="only the table, not the list of what is missing")
    parser.set_defaults(run=run)


def run(args, root: str, out=None) -> int:
    out = out or sys.stdout
    config = read_site_config(root)
    try:
        content = load_content(root, list(config.languages))
    except DataError as err:
        print(err.report(), file=out)
        return 1
    statuses = translation_status(content)
    if args.lang:
        if args.lang not in config.languages:
            print(f"error: unknown language '{args.lang}': the site's languages are {', '.join(config.languages)}", file=out)
            return 2
        if args.lang == DEFAULT:
            print(f"{DEFAULT} is the default language: every record has it", file=out)
            return 0
        statuses = [s for s in statuses if s.lang == args.lang]
    print(report(statuses, details=not args.summary), file=out)
    return 0


"""`python -m hub translations export --lang CODE` / `import FILE`: gettext PO files for translators.

The catalogue is built and applied by hub/load/translations.py; this module reads the
arguments, writes the file and reports, then validates the records as `check` does.
"""
from __future__ import annotations

import os
import sys

from hub.load.content import load_content
from hub.load.siteconfig import read_site_config
from hub.load.translations import LOCK, apply_catalog, build_catalog, catalog_text
from hub.model.errors import DataError
from hub.render.text import DEFAULT, pick


def register(commands) -> None:
    parser = commands.add_parser("translations", help="export or import a language's texts as a gettext PO file",
                                 description="Gettext PO files of every record text, for translation tools "
                                             f"(Poedit, Weblate, Lokalize). {LOCK} keeps which English each "
                                             "translation was made from, so changed English comes out fuzzy.")
    actions = parser.add_subparsers(dest="action", required=True)
    export = actions.add_parser("export", help="write a PO file of every text in one language")
    export.add_argument("--lang", required=True, metavar="CODE", help="the language to translate into, e.g. sv")
    export.add_argument("-o", "--output", metavar="FILE", help="where to write it (default <lang>.po; - for standard output)")
    export.set_defaults(run=run_export)
    imported = actions.add_parser("import", help="write a PO file's translations into the records, then check them")
    imported.add_argument("file", metavar="FILE", help="a PO file, as exported and translated")
    imported.set_defaults(run=run_import)


def _load(root: str, out):
    config = read_site_config(root)
    try:
        return config, load_content(root, list(config.languages))
    except DataError as err:
        print(err.report(), file=out)
        return config, None


def run_export(args, root: str, out=None) -> int:
    out = out or sys.stdout
    config, content = _load(root, sys.stderr)
    if content is None:
        return 1
    if args.lang not in config.languages or args.lang == DEFAULT:
        others = ", ".join(code for code in config.languages if code != DEFAULT)
        print(f"translations: unknown language '{args.lang}': translate into one of {others}", file=sys.stderr)
        return 2
    catalog = build_catalog(content, root, args.lang, pick(content.site.name, DEFAULT).text if content.site else "")
    text = catalog_text(catalog)
    if args.output == "-":
        out.write(text)
        return 0
    path = args.output or f"{args.lang}.po"
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
    messages = [m for m in catalog if m.id]
    untranslated = sum(1 for m in messages if not m.string)
    fuzzy = sum(1 for m in messages if m.fuzzy)
    print(f"wrote {path}: {len(messages)} texts, {untranslated} untranslated, {fuzzy} fuzzy", file=out)
    return 0


def run_import(args, root: str, out=None) -> int:
    out = out or sys.stdout
    config, content = _load(root, out)
    if content is None:
        return 1
    if not os.path.exists(args.file):
        print(f"translations: no such file: {args.file}", file=out)
        return 2
    result = apply_catalog(args.file, args.file, content, root, list(config.languages))
    if result.problems:
        for problem in sorted(result.problems):
            print(problem, file=out)
        count = len(result.problems)
        print(f"{count} error{'s' if count != 1 else ''} in {args.file}; nothing was written", file=out)
        return 1
    for note in result.notes:
        print(note, file=out)
    skipped = f"; {result.fuzzy} fuzzy left out (remove the flag once checked)" if result.fuzzy else ""
    files = len(set(result.files))
    print(f"imported {len(result.changed)} {result.lang} text{'s' if len(result.changed) != 1 else ''} "
          f"into {files} file{'s' if files != 1 else ''}{skipped}", file=out)
    # What was written is checked as `check` checks it: a translation can break a record too.
    try:
        load_content(root, list(config.languages))
    except DataError as err:
        print(err.report(), file=out)
        return 1
    return 0

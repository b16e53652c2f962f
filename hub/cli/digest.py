"""`python -m hub digest --since DATE --lang CODE [--html]`: what is new, for a newsletter."""
from __future__ import annotations

import argparse
import sys
from datetime import date

from hub.emit.digest import as_html, as_markdown, digest
from hub.load.siteconfig import read_site_config
from hub.model.errors import DataError
from hub.render.build import load_build


def register(commands) -> None:
    parser = commands.add_parser("digest", help="print what is new since a date, for a newsletter",
                                 description="Print what is new since DATE, ready to paste into a newsletter.")
    parser.add_argument("--since", required=True, type=_since, metavar="DATE", help="a date like 2021-06-14")
    parser.add_argument("--lang", default="en", metavar="CODE", help="language of the digest (default en)")
    parser.add_argument("--html", action="store_true", help="HTML for e-mail tools instead of Markdown")
    parser.set_defaults(run=run)


def run(args, root: str, out=None) -> int:
    out = out or sys.stdout
    languages = read_site_config(root).languages
    if args.lang not in languages:
        print(f"digest: unknown language '{args.lang}': the site's languages are {', '.join(languages)}",
              file=sys.stderr)
        return 2
    try:
        build = load_build(root)
    except DataError as err:
        print(err.report(), file=sys.stderr)
        return 1
    sections = digest(build, args.since, args.lang)
    render = as_html if args.html else as_markdown
    out.write(render(build, sections, args.since, args.lang))
    return 0


def _since(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date like 2021-06-14, got '{value}'") from None

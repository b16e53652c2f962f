"""Command line: `python -m hub check|new|status|digest|schemas|intake|translations`. Each command is `main(args) -> int`."""
from __future__ import annotations

import argparse
import os
import sys

from hub.model.errors import DataError, annotation
from hub.load.content import load_content
from hub.load.placeholders import SITE_FILE, placeholders
from hub.load.siteconfig import read_site_config
from hub.cli import digest, intake, new, schemas, status, translations

# The commands besides `check`: each module's `register(subparsers)` adds one and sets its `run`.
COMMANDS = (new.register, status.register, digest.register, schemas.register, intake.register, translations.register)


def main(argv: list[str] | None = None, root: str | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hub", description="Tools for the hub's records in data/.")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="validate every record in data/ and list all problems")
    for register in COMMANDS:
        register(commands)
    args = parser.parse_args(argv)
    root = root or os.getcwd()
    if args.command == "check":
        return check(root)
    return args.run(args, root)


def check(root: str, out=None) -> int:
    out = out or sys.stdout
    # Under GitHub Actions each problem is also a workflow annotation, shown on the file and line of a pull request.
    on_github = os.environ.get("GITHUB_ACTIONS") == "true"
    config = read_site_config(root)
    for placeholder in placeholders(root):
        print(f"warning: {placeholder.warning()}", file=out)
        if on_github:
            print(annotation("warning", SITE_FILE, placeholder.line, placeholder.field,
                             "a placeholder, left out of every page until the real fact is filled in"), file=out)
    try:
        content = load_content(root, list(config.languages))
    except DataError as err:
        print(err.report(), file=out)
        _print_warnings(getattr(err, "warnings", []), out)
        if on_github:
            for problem in err.problems:
                print(annotation("error", problem.path, problem.line, problem.field, problem.message), file=out)
        return 1
    counts = ", ".join(f"{len(records)} {name}" for name, records in content.records.items())
    print(f"data/ is valid: {counts}, {len(content.topics)} topics", file=out)
    _print_warnings(content.warnings, out)
    return 0


def _print_warnings(warnings, out) -> None:
    """What is read one way but may be meant another: shown, and the check still passes."""
    for problem in warnings:
        print(f"{problem.path}:{problem.line}: warning: {problem.field}: {problem.message}", file=out)
        if os.environ.get("GITHUB_ACTIONS") == "true":
            print(annotation("warning", problem.path, problem.line, problem.field, problem.message), file=out)
    if warnings:
        print(f"{len(warnings)} warning{'s' if len(warnings) != 1 else ''}", file=out)

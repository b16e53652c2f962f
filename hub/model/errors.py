"""Problems found in contributors' files, and how they are reported."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in one file: `path:line: field: message`."""

    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:"
        return f"{where} {self.field}: {self.message}" if self.field else f"{where} {self.message}"


class DataError(Exception):
    """Raised when `data/` holds invalid records; carries every problem, sorted."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        files = len({p.path for p in self.problems})
        count = len(self.problems)
        lines = [str(p) for p in self.problems]
        lines.append(f"{count} error{'s' if count != 1 else ''} in {files} file{'s' if files != 1 else ''}")
        return "\n".join(lines)


def field_name(loc: tuple) -> str:
    """`('agenda', 2, 'start')` -> `agenda[2].start`."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def shown(value, limit: int = 60) -> str:
    """A found value quoted for a message, shortened."""
    text = repr(value) if isinstance(value, str) else str(value)
    if isinstance(value, (dict, list)):
        text = "a mapping" if isinstance(value, dict) else "a list"
    return text if len(text) <= limit else text[: limit - 1] + "…'"


def annotation(level: str, path: str, line: int, field: str, message: str) -> str:
    """A GitHub Actions workflow command, `::error file=<path>,line=<line>::<field>: <message>`.

    GitHub's escaping: in the message %, CR and LF; in a property also ':' and ','.
    """
    text = f"{field}: {message}" if field else message
    return f"::{level} file={_property(path)},line={int(line)}::{_data(text)}"


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")

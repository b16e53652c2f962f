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

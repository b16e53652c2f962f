"""When each record last really changed, and how often its schedule changed, from git history.

Calendar clients and feed readers only notice an update when the file says so (RFC 5545
`SEQUENCE`/`LAST-MODIFIED`, Atom `updated`). The hub has no database to remember edits, but
CI checks the repository out with its history: `git log` is read once per build, in one call,
with each version of every file under `data/` in full (a context as long as the file), so every
version is parsed as YAML and compared, not guessed from diff lines.

Only the main line counts (`--first-parent`, merges diffed against it): a change reaches
subscribers when it is merged, and a branch's intermediate commits are not separate updates.
A record keeps its history through a rename: its former ids (`aliases`, the original first)
name the files it lived in. Where git, the repository or its history is missing (a shallow
clone, a copied folder), every record falls back to its `added` (or `updated`) date and
sequence 0.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
from dataclasses import dataclass, field
from datetime import date, datetime, time, timezone

from hub.load.yamlfile import YamlProblem, read_yaml

# A change to any of these is a new version of the event for calendars (RFC 5545 3.8.7.4
# names start, end and status; a new place or going online moves people just as much).
SCHEDULE_FIELDS = ("start", "end", "timezone", "location", "online", "status")
# Commit marker: a byte no diff line starts with (those start with ' ', '+', '-', '\\' or a header word).
_MARK = "\x1e"
_HUNK = re.compile(r"^@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@")
# Far longer than any record file (1 MB at most), so each diff carries the whole file.
_CONTEXT = 10_000_000


@dataclass(frozen=True)
class RecordHistory:
    changed: datetime | None = None  # the last commit that changed what the record says
    sequence: int = 0  # how many commits changed its schedule (SEQUENCE for calendars)


@dataclass
class History:
    """Every record's history, by (collection, id); `available` is False without git history."""

    records: dict[tuple[str, str], RecordHistory] = field(default_factory=dict)
    available: bool = False

    def of(self, collection: str, record_id: str) -> RecordHistory:
        return self.records.get((collection, record_id), RecordHistory())

    def last_change(self, collection: str, record, record_id: str) -> datetime:
        """The instant the record last changed: from history, else its `updated` or `added` day."""
        days = [d for d in (getattr(record, "added", None), getattr(record, "updated", None)) if d]
        moments = [_midnight(d) for d in days]
        changed = self.of(collection, record_id).changed
        if changed:
            moments.append(changed)
        return max(moments) if moments else datetime(1970, 1, 1, tzinfo=timezone.utc)


def read_history(root: str, content, now: datetime) -> History:
    """The history of every record in `content`, read from the git repository `root` is in."""
    versions = file_versions(root)
    if versions is None:
        return History()
    committed = _by_stem(versions)
    on_disk = _by_stem({f"data/{c}/{name}": None for c in content.records for name in _listing(root, c)})
    history = History(available=True)
    for collection, records in content.records.items():
        folder = f"data/{collection}/"
        for record_id, record in records.items():
            stems = [record_id, *reversed(record.aliases)]  # the current file first, then the newest former
            paths = [p for stem in stems for p in committed.get((folder, stem), ())]
            disk = _read_files(root, [p for stem in stems for p in on_disk.get((folder, stem), ())])
            history.records[(collection, record_id)] = record_history(
                {p: versions[p] for p in paths}, disk, folder, stems, now)
    return history


def record_history(versions: dict, disk: dict[str, str], folder: str, stems: list[str], now: datetime) -> RecordHistory:
    """Walk the commits that touched the record's files, oldest first, comparing each state with the last.

    Files are compared as text first and parsed only when the text differs: most records never change.
    """
    touched = sorted({(order, when) for found in versions.values() for order, when, _text in found})
    by_path = {path: {order: text for order, _when, text in found} for path, found in versions.items()}
    parsed: dict = {}

    def state(raw):
        if raw not in parsed:
            parsed[raw] = _state(raw, folder)
        return parsed[raw]

    files: dict[str, str] = {}
    previous, changed, sequence = None, None, 0
    for order, when in touched:
        for path, texts in by_path.items():
            if order in texts:
                if texts[order] is None:
                    files.pop(path, None)
                else:
                    files[path] = texts[order]
        raw = _files_of(files, folder, stems)
        if raw is None or raw == previous or previous is not None and state(raw) == state(previous):
            continue
        if previous is not None:
            sequence += _schedule(state(raw)) != _schedule(state(previous))
        changed, previous = when, raw
    # What is on disk but not committed yet (a local build) is a change made now.
    current = _files_of(disk, folder, stems)
    if current is not None and previous is not None and current != previous and state(current) != state(previous):
        sequence += _schedule(state(current)) != _schedule(state(previous))
        changed = now
    return RecordHistory(changed, sequence)


def file_versions(root: str) -> dict[str, list[tuple[int, datetime, str | None]]] | None:
    """path -> [(commit order, commit time, text or None when deleted)], oldest first; None without history."""
    git = ["git", "-C", root, "-c", "core.quotePath=false", "-c", "diff.suppressBlankEmpty=false"]
    try:
        shallow = subprocess.run([*git, "rev-parse", "--is-shallow-repository"],
                                 capture_output=True, text=True, timeout=60)
        if shallow.returncode != 0 or shallow.stdout.strip() != "false":
            return None  # not a repository, or a shallow clone whose first commit would "add" everything
        log = subprocess.run([*git, "log", "--first-parent", "-m", "--no-renames", "--relative", "-p", "--no-color",
                              "--no-ext-diff", "--no-textconv", "--text", "--src-prefix=a/", "--dst-prefix=b/",
                              f"--unified={_CONTEXT}", f"--format={_MARK}%H %ct", "--", "data"],
                             capture_output=True, timeout=600)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if log.returncode != 0:
        return None
    commits = parse_log(log.stdout.decode("utf-8", errors="replace"))
    if not commits:
        return None  # data/ is not in the repository (a copy in a temporary folder, say)
    versions: dict[str, list[tuple[int, datetime, str | None]]] = {}
    for order, (when, changes) in enumerate(reversed(commits)):
        for path, text in changes.items():
            versions.setdefault(path, []).append((order, when, text))
    return versions


def parse_log(output: str) -> list[tuple[datetime, dict[str, str | None]]]:
    """`git log -p` with whole-file context -> [(commit time, {path: new text or None})], newest first."""
    commits: list[tuple[datetime, dict[str, str | None]]] = []
    lines = output.split("\n")
    i = 0
    path = None
    while i < len(lines):
        line = lines[i]
        i += 1
        if line.startswith(_MARK):
            seconds = int(line[1:].split()[1])
            commits.append((datetime.fromtimestamp(seconds, timezone.utc), {}))
        elif line.startswith("diff --git ") and commits:
            path = None
        elif line.startswith("--- ") and commits and path is None:
            old = line[4:]
            path = old[2:] if old.startswith("a/") else None
        elif line.startswith("+++ ") and commits:
            new = line[4:]
            if new.startswith("b/"):
                path = new[2:]
                commits[-1][1][path] = ""  # a file emptied has no hunk to fill it
            elif path:
                commits[-1][1][path] = None  # deleted
        elif (hunk := _HUNK.match(line)) and commits and path:
            old_count = int(hunk.group(1) if hunk.group(1) is not None else 1)
            new_count = int(hunk.group(2) if hunk.group(2) is not None else 1)
            # Count the lines rather than trust their look: a removed line may read like a header.
            new_lines = []
            while (old_count > 0 or new_count > 0) and i < len(lines):
                body = lines[i]
                i += 1
                kind, text = body[:1], body[1:]
                if kind == "\\":
                    continue  # "\ No newline at end of file"
                if kind in (" ", ""):
                    old_count, new_count = old_count - 1, new_count - 1
                    new_lines.append(text)
                elif kind == "-":
                    old_count -= 1
                elif kind == "+":
                    new_count -= 1
                    new_lines.append(text)
            if commits[-1][1].get(path) is not None:
                commits[-1][1][path] = "\n".join(new_lines) + "\n"
    return commits


def _by_stem(paths) -> dict[tuple[str, str], list[str]]:
    """(folder, id) -> the record file `<id>.yml` and its Markdown siblings `<id>[.<lang>].md` among `paths`."""
    found: dict[tuple[str, str], list[str]] = {}
    for path in paths:
        folder, _, name = path.rpartition("/")
        if folder.count("/") == 1 and name.endswith((".yml", ".md")):
            found.setdefault((folder + "/", name.split(".", 1)[0]), []).append(path)
    return found


def _listing(root: str, collection: str) -> list[str]:
    try:
        return os.listdir(os.path.join(root, "data", collection))
    except OSError:
        return []


def _read_files(root: str, paths: list[str]) -> dict[str, str]:
    files = {}
    for path in paths:
        try:
            with open(os.path.join(root, path), encoding="utf-8", errors="replace") as handle:
                files[path] = handle.read()
        except OSError:
            continue
    return files


def _files_of(files: dict[str, str], folder: str, stems: list[str]):
    """The record's own files among `files`, as (record file, its text, Markdown siblings): the current
    id's file, else the file of the newest former id; None if there is none."""
    for stem in stems:
        record = files.get(f"{folder}{stem}.yml")
        if record is None:
            continue
        siblings = tuple(sorted((p, t) for p, t in files.items()
                                if p.endswith(".md") and p[len(folder):].split(".", 1)[0] == stem))
        return f"{folder}{stem}.yml", record, siblings
    return None


def _state(raw, folder: str):
    """What the record says in these files: its fields (without `aliases`) and its Markdown texts."""
    path, record, siblings = raw
    # Siblings by language, not by file name: a rename moves `<old>.sv.md` to `<new>.sv.md`.
    return _parse(path, record), tuple((p[len(folder):].split(".", 1)[1], t) for p, t in siblings)


def _parse(path: str, text: str):
    """The fields as the strict reader reads them, each in one canonical form (key order and quoting
    are not changes); a version it refuses is compared as text."""
    try:
        data = read_yaml(path, text.encode("utf-8")).data
    except (YamlProblem, ValueError, RecursionError):
        return ("unreadable", text)
    if not isinstance(data, dict):
        return ("unreadable", text)
    return tuple(sorted((str(k), json.dumps(v, sort_keys=True, default=str)) for k, v in data.items()
                        if k != "aliases"))


def _schedule(state) -> tuple:
    data, _siblings = state
    if data and data[0] == "unreadable":
        return data
    fields = dict(data)
    return tuple(fields.get(name) for name in SCHEDULE_FIELDS)


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(), timezone.utc)

"""How long `mkdocs serve` takes to show a change under data/ (the seed content, by default).

Starts `mkdocs serve` on a copy of the repository's site with the given data/, waits until it
serves, edits one event's title, and times until the served page shows the new title; does it
`--times` times and prints each. Run: `.venv/bin/python bench/serve_rebuild.py`.

It serves as `make serve` does: only the languages in --langs (default `en`, as `make serve`;
`--langs all` for every language, the old behaviour) are built on each save (HUB_LANGS).
"""
from __future__ import annotations

import argparse
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from sitebuild import prepare_project  # noqa: E402


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def cpu_seconds(pid: int) -> float:
    """CPU seconds (user + system) the process has used so far (Linux /proc): on a machine that
    others share, what the rebuild costs, and so about what it takes on an idle one."""
    with open(f"/proc/{pid}/stat") as handle:
        fields = handle.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO / "data", help="the data/ folder to serve (default: the seed)")
    parser.add_argument("--times", type=int, default=3, help="how many edits to time (default 3)")
    parser.add_argument("--langs", default="en", help="languages previewed, as LANGS for make serve (default en; all)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="hub-serve-") as folder:
        project = prepare_project(Path(folder) / "project", args.data)
        event = sorted((project / "data" / "events").glob("*.yml"))[0]
        port = free_port()
        url = f"http://127.0.0.1:{port}/events/{event.stem}/"
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=f"http://127.0.0.1:{port}/", HUB_LANGS=args.langs)
        log: list[str] = []
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}"],
                                  cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        threading.Thread(target=lambda: log.extend(server.stdout), daemon=True).start()
        try:
            started = time.perf_counter()
            while "Serving on" not in "".join(log):
                if server.poll() is not None or time.perf_counter() - started > 300:
                    raise SystemExit("mkdocs serve did not start:\n" + "".join(log)[-3000:])
                time.sleep(0.1)
            print(f"languages built: {args.langs}; first build and start: {time.perf_counter() - started:.1f} s")
            original = event.read_text(encoding="utf-8")
            for n in range(1, args.times + 1):
                marker = f"Edited {n} {time.time():.0f}"
                # The English title, whether written as `title: text` or as a mapping with `en:`.
                edited, count = re.subn(r"^(title:[ \t]*)(\S.*)$", rf"\g<1>{marker}", original, count=1, flags=re.M)
                if not count:
                    edited = re.sub(r"^(title:[ \t]*\n[ \t]+en:[ \t]*)(\S.*)$", rf"\g<1>{marker}", original, count=1, flags=re.M)
                started, cpu = time.perf_counter(), cpu_seconds(server.pid)
                event.write_text(edited, encoding="utf-8")
                while marker not in fetch(url):
                    if time.perf_counter() - started > 300 or server.poll() is not None:
                        raise SystemExit("the change never showed:\n" + "".join(log)[-3000:])
                    time.sleep(0.05)
                print(f"edit {n}: {event.relative_to(project)} changed -> new title served after "
                      f"{time.perf_counter() - started:.1f} s wall, {cpu_seconds(server.pid) - cpu:.1f} s CPU of the server "
                      f"(load average {os.getloadavg()[0]:.1f})")
                time.sleep(1)
        finally:
            server.terminate()
            server.wait(timeout=30)
    return 0


if __name__ == "__main__":
    sys.exit(main())

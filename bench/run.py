"""Time the hub's build against plain MkDocs at growing sizes and print the table (`make bench`).

For each size (record pages per language) it generates a hub in a temporary folder and builds,
each in a fresh `mkdocs build --strict` process:
  a    the hub from data/ (the repository's mkdocs.yml, docs/, overrides/, macros.py);
  b    plain MkDocs (Material without the hub's overrides; search and i18n configured as in
       mkdocs.yml; no macros, no hub plugin) over hand-written pages with the same text,
       every page in the navigation (up to 400 records unless --nav-limit is raised: quadratic);
  b'   the same hand-written pages with the hub's navigation (record pages out of the nav);
  en   the hub with English alone, to show what the six other languages cost.
Times are the minimum of 3 runs up to 400 records and of one run above. Ratios and growth use
CPU seconds (user + system) of the build process: MkDocs builds on one core, so on a quiet machine
they equal wall-clock time, and on a busy one they do not count time spent waiting for the CPU.
Peak memory is the build process's maximum resident set (os.wait4).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate  # noqa: E402
import sites  # noqa: E402

SIZES = [100, 400, 1600]
LARGE = 10_000
BP = "b'"  # b′, the baseline with the hub's navigation
VARIANTS = {"a": "hub", "b": "plain, every page in nav", BP: "plain, hub's nav", "en": "hub, English only"}
# b puts the whole navigation on every page: quadratic. At 1,600 records it took 19 minutes
# (1,152 s) and 6 GB of HTML on 2 cores, so it is built up to 400 unless --nav-limit says otherwise.
NAV_LIMIT = 400


@dataclass
class Run:
    wall: float
    cpu: float
    peak_mb: float


@dataclass
class Result:
    size: int
    pages: dict[str, int] = field(default_factory=dict)  # variant -> HTML pages written
    runs: dict[str, list[Run]] = field(default_factory=dict)

    def time(self, variant: str) -> float | None:
        runs = self.runs.get(variant)
        return min(r.wall for r in runs) if runs else None

    def cpu(self, variant: str) -> float | None:
        runs = self.runs.get(variant)
        return min(r.cpu for r in runs) if runs else None

    def peak(self, variant: str) -> float | None:
        runs = self.runs.get(variant)
        return max(r.peak_mb for r in runs) if runs else None


def build(project: Path, log: Path) -> Run:
    """One `mkdocs build` in a fresh process: wall time, CPU time and peak memory of that process."""
    env = dict(os.environ, HUB_NOW=generate.NOW, SITE_URL="http://127.0.0.1:8000/", NO_MKDOCS_2_WARNING="1")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(project / "site")]
    with open(log, "w") as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=project, env=env, stdout=out, stderr=subprocess.STDOUT)
        _pid, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"build failed in {project}:\n{log.read_text()[-3000:]}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def html_pages(site: Path) -> int:
    """HTML pages written, not counting the small redirect pages left at records' former ids."""
    count = 0
    for path in site.rglob("*.html"):
        with open(path, "rb") as handle:
            count += b'http-equiv="refresh"' not in handle.read(1024)
    return count


def measure(size: int, work: Path, runs: int, variants: list[str], say) -> Result:
    folder = work / f"size-{size}"
    say(f"\n== {size} record pages per language: generating in {folder}")
    counts = generate.generate(folder / "data", size)
    generate.generate(folder / "data-en", size, languages=["en"])
    say("   " + ", ".join(f"{n} {c}" for c, n in counts.items()))
    projects = {"a": sites.hub_project(folder / "hub", folder / "data")}
    if "en" in variants:
        projects["en"] = sites.english_only(folder / "hub-en", folder / "data-en")
    if "b" in variants or BP in variants:
        started = time.perf_counter()
        projects["b"], projects[BP] = sites.plain_projects(projects["a"], folder / "plain-nav", folder / "plain-hubnav")
        say(f"   wrote the hand-written baseline pages in {time.perf_counter() - started:.0f} s")
    result = Result(size)
    for n in range(runs):
        # Interleaved, so a busy moment on the machine does not fall on one variant alone.
        for variant in variants:
            project = projects[variant]
            run = build(project, folder / f"build-{variant.replace(BP[-1], 'p')}.log")
            result.runs.setdefault(variant, []).append(run)
            if n == 0:
                result.pages[variant] = html_pages(project / "site")
            shutil.rmtree(project / "site", ignore_errors=True)
            say(f"   {variant:3} run {n + 1}/{runs}: {run.wall:7.1f} s wall, {run.cpu:7.1f} s CPU, "
                f"{run.peak_mb:6.0f} MB peak, {result.pages[variant]} pages")
    return result


# -- the table --

def _f(value, digits=1, suffix=""):
    return "–" if value is None else f"{value:,.{digits}f}{suffix}"


def _ratio(x, y):
    return x / y if x is not None and y else None


def table(results: list[Result]) -> str:
    """Markdown tables: every build, then the ratios, then the growth from one size to the next."""
    lines = ["| records/lang | build | pages | wall s | CPU s | pages/s (CPU) | peak MB |", "|---:|---|---:|---:|---:|---:|---:|"]
    for r in results:
        for variant in VARIANTS:
            if variant in r.runs:
                lines.append(f"| {r.size:,} | {variant} {VARIANTS[variant]} | {r.pages[variant]:,} | {_f(r.time(variant))} | "
                             f"{_f(r.cpu(variant))} | {_f(_ratio(r.pages[variant], r.cpu(variant)), 0)} | {_f(r.peak(variant), 0)} |")
    lines += ["", "| records/lang | a/b | a/b′ | 7 languages / en only |", "|---:|---:|---:|---:|"]
    for r in results:
        lines.append(f"| {r.size:,} | {_f(_ratio(r.cpu('a'), r.cpu('b')), 2)} | {_f(_ratio(r.cpu('a'), r.cpu(BP)), 2)} | "
                     f"{_f(_ratio(r.cpu('a'), r.cpu('en')), 2)} |")
    if len(results) > 1:
        lines += ["", "| growth | a CPU × | b CPU × | b′ CPU × | a peak MB × |", "|---|---:|---:|---:|---:|"]
        for small, big in zip(results, results[1:]):
            lines.append(f"| {small.size:,} → {big.size:,} ({big.size / small.size:g}× records) | "
                         + " | ".join(_f(_ratio(big.cpu(v), small.cpu(v)), 2) for v in ("a", "b", BP))
                         + f" | {_f(_ratio(big.peak('a'), small.peak('a')), 2)} |")
    return "\n".join(lines)


def targets(results: list[Result]) -> str:
    """The issue's targets, each with the numbers that decide it."""
    out = []

    def verdict(ok):
        return "met" if ok else "NOT met"

    values = [(r.size, _ratio(r.cpu("a"), r.cpu(BP))) for r in results if r.cpu(BP)]
    if values:
        out.append(f"- a/b′ ≤ 1.10 at every size: {verdict(all(v <= 1.10 for _, v in values))} "
                   f"({', '.join(f'{s:,}: {v:.2f}' for s, v in values)})")
    at400 = [r for r in results if r.size == 400 and r.cpu("b")]
    if at400:
        v = _ratio(at400[0].cpu("a"), at400[0].cpu("b"))
        out.append(f"- a/b ≤ 0.5 at 400: {verdict(v <= 0.5)} ({v:.2f})")
    for what, get, limit in (("CPU time", Result.cpu, 4.4), ("peak memory", Result.peak, 4.0)):
        steps = [(s.size, b.size, _ratio(get(b, "a"), get(s, "a"))) for s, b in zip(results, results[1:])
                 if b.size == 4 * s.size]
        if steps:
            out.append(f"- a's {what} from N to 4N ≤ {limit}×: {verdict(all(v <= limit for *_, v in steps))} "
                       f"({', '.join(f'{s:,}→{b:,}: {v:.2f}×' for s, b, v in steps)})")
    values = [(r.size, _ratio(r.cpu("a"), r.cpu("en"))) for r in results if r.cpu("en")]
    if values:
        out.append(f"- 7 languages ≤ 7.5× English alone: {verdict(all(v <= 7.5 for _, v in values))} "
                   f"({', '.join(f'{s:,}: {v:.2f}×' for s, v in values)})")
    return "\n".join(out)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--large", action="store_true", help=f"add {LARGE:,} records per language (one run)")
    parser.add_argument("--sizes", type=lambda s: [int(x) for x in s.split(",")], default=SIZES,
                        help="record pages per language, comma-separated (default 100,400,1600)")
    parser.add_argument("--runs", type=int, default=3, help="runs per variant up to 400 records (default 3)")
    parser.add_argument("--only", default="a,b,b',en", help="variants to build, comma-separated (default a,b,b',en)")
    parser.add_argument("--nav-limit", type=int, default=NAV_LIMIT,
                        help=f"largest size at which b (every page in the nav) is built (default {NAV_LIMIT})")
    parser.add_argument("--keep", type=Path, help="generate into this folder and keep it")
    parser.add_argument("--json", type=Path, help="also write every run's numbers to this file")
    args = parser.parse_args(argv)
    sizes = args.sizes + ([LARGE] if args.large else [])
    wanted = args.only.split(",")
    work = args.keep or Path(tempfile.mkdtemp(prefix="hub-bench-"))
    work.mkdir(parents=True, exist_ok=True)

    def say(text):
        print(text, file=sys.stderr, flush=True)

    say(f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}; variants: " +
        "; ".join(f"{k} = {v}" for k, v in VARIANTS.items() if k in wanted))
    results = []
    try:
        for size in sizes:
            variants = [v for v in wanted if not (v == "b" and size > args.nav_limit)]
            results.append(measure(size, work, args.runs if size <= 400 else 1, variants, say))
            say("\n" + table(results))
            if args.json:
                args.json.write_text(json.dumps([asdict(r) for r in results], indent=1))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(table(results))
    print()
    print(targets(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""`sunset check --markup none` over a real PO corpus, against Babel's parse floor and peers.

    .venv/bin/python benchmarks/bench_check.py CORPUS_DIR [--repeat 5] [--peers VENV]

CORPUS_DIR: shared/corpora/python-docs-fr-3.13-po.tar.xz unpacked to a temporary folder.
The floor is Babel's read_po of every file in one process: what any Babel-based checker
must pay. The floor and sunset run in rounds, each command once per round, and a ratio is
the median of the rounds' ratios: on a shared machine whose speed drifts, commands
measured side by side compare fairly where blocks of runs of one command would not.
sunset runs in a docs team's repository (no sunset project there) and in this project
(whose glossary and definitions it then reads). Peers run when found: msgfmt -c (one
process per file, as in CI loops, and with xargs -P2), pofilter and dennis-cmd from
--peers (a venv with translate-toolkit and dennis); they are compared with the floor's
median. Memory is the peak resident size of sunset and its worker processes together.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def median_time(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def command(
    args: list[str], stdin: bytes | None = None, cwd: Path | None = None
) -> Callable[[], int]:
    def run() -> int:
        done = subprocess.run(
            args,
            input=stdin,
            cwd=cwd,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
        return done.returncode

    return run


def peak_rss_mib(args: list[str]) -> float:
    """Peak resident memory of a command and its children (GNU time), in MiB."""
    time_bin = shutil.which("time") or "/usr/bin/time"
    with tempfile.NamedTemporaryFile("r") as report:
        subprocess.run(
            [time_bin, "-f", "%M", "-o", report.name, *args],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
        parent_kib = int(report.read().strip().splitlines()[-1])
    return parent_kib / 1024


def interleaved(runs: dict[str, Callable[[], object]], repeat: int) -> dict[str, list[float]]:
    """Wall times of each command, one of each per round: a machine whose speed drifts
    (shared cores) slows every command of a round alike, so ratios within a round hold."""
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeat):
        for name, run in runs.items():
            start = time.perf_counter()
            run()
            times[name].append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--peers", type=Path, default=None, help="venv with pofilter, dennis")
    args = parser.parse_args()
    corpus = args.corpus.resolve()
    files = sorted(corpus.rglob("*.po"))
    # An empty configuration (not the project's pyproject.toml); a regular file, as
    # `--config` requires.
    scratch = Path(tempfile.mkdtemp())
    config = scratch / "empty.toml"
    config.write_text("", encoding="utf-8")
    sunset = [str(Path(sys.executable).parent / "sunset"), "check", "--markup", "none"]
    sunset += ["--config", str(config), str(corpus)]
    # The floor runs as a command too, so that interpreter start-up counts on both sides.
    floor_script = (
        "import sys, pathlib; from babel.messages.pofile import read_po\n"
        "for p in sorted(pathlib.Path(sys.argv[1]).rglob('*.po')):\n"
        "    read_po(p.open('rb'))\n"
    )
    floor = "Babel read_po of every file, as a command (floor)"
    # A docs team's repository has no sunset project: run there (an empty folder), and
    # inside this project, where the glossary and the definitions' names are read too.
    runs: dict[str, Callable[[], object]] = {
        floor: command([sys.executable, "-c", floor_script, str(corpus)]),
        "sunset check, a worker per core, in a docs repository": command(
            [*sunset, "--jobs", "0"], cwd=scratch
        ),
        "sunset check, a worker per core, in the sunset project": command(
            [*sunset, "--jobs", "0"], cwd=ROOT
        ),
        "sunset check, one process, in a docs repository": command(
            [*sunset, "--jobs", "1"], cwd=scratch
        ),
    }
    times = interleaved(runs, args.repeat)
    rows = [
        (name, statistics.median(seconds), _median_ratio(seconds, times[floor]), "")
        for name, seconds in times.items()
    ]
    rows += _peers(files, corpus, args, times[floor])

    print(f"{len(files)} files; {args.repeat} rounds, each command once per round\n")
    print("| command | median wall s | median of the rounds' ratios to the floor | |")
    print("|---|---|---|---|")
    for name, seconds, ratio, note in rows:
        print(f"| {name} | {seconds:.2f} | {ratio:.2f} | {note} |")
    mib = peak_rss_mib([*sunset, "--jobs", "1"])
    print(f"\npeak memory of sunset check (one process): {mib:.0f} MiB")


def _median_ratio(seconds: list[float], floor: list[float]) -> float:
    return statistics.median(s / f for s, f in zip(seconds, floor, strict=True))


def _peers(
    files: list[Path], corpus: Path, args: argparse.Namespace, floor: list[float]
) -> list[tuple[str, float, float, str]]:
    """msgfmt -c, pofilter and dennis where found; each compared with the floor's median."""
    base = statistics.median(floor)
    rows: list[tuple[str, float, float, str]] = []

    def add(name: str, run: Callable[[], object], repeat: int, note: str = "") -> None:
        seconds = median_time(run, repeat)
        rows.append((name, seconds, seconds / base, note))

    msgfmt = shutil.which("msgfmt")
    if msgfmt:
        loop = 'for f in "$@"; do msgfmt -c -o /dev/null "$f"; done'
        add(
            "msgfmt -c, one process per file",
            command(["bash", "-c", loop, "_", *map(str, files)]),
            args.repeat,
        )
        listing = "\0".join(map(str, files)).encode()
        xargs = ["xargs", "-0", "-P2", "-n1", msgfmt, "-c", "-o", "/dev/null"]
        add("msgfmt -c with xargs -P2", command(xargs, listing), args.repeat)
    if args.peers:
        dennis = args.peers / "bin" / "dennis-cmd"
        pofilter = args.peers / "bin" / "pofilter"
        if dennis.exists():
            lint = [str(dennis), "lint", "--excluderules", "W303", str(corpus)]
            crashes = subprocess.run(lint, capture_output=True, check=False)
            note = "crashed" if b"Traceback" in crashes.stderr + crashes.stdout else ""
            add("dennis-cmd lint --excluderules W303", command(lint), args.repeat, note)
        if pofilter.exists():
            with tempfile.TemporaryDirectory() as out:
                run = command([str(pofilter), "--progress=none", str(corpus), out])
                add("pofilter (Translate Toolkit) default tests", run, 1, "1 run")
    return rows


if __name__ == "__main__":
    main()

"""`sunset check --markup none` over a real PO corpus, against Babel's parse floor and peers.

    .venv/bin/python benchmarks/bench_check.py CORPUS_DIR [--repeat 3] [--peers VENV]

CORPUS_DIR: shared/corpora/python-docs-fr-3.13-po.tar.xz unpacked to a temporary folder.
Every figure is a median of --repeat runs on this machine, in this run; ratios compare them.
The floor is Babel's read_po of every file in one process: what any Babel-based checker
must pay. Peers run when found: msgfmt -c (one process per file, as in CI loops, and with
xargs -P2), pofilter and dennis-cmd from --peers (a venv with translate-toolkit and dennis).
Memory is the peak resident size of sunset and its worker processes together.
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

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent


def read_po_floor(files: list[Path]) -> None:
    for path in files:
        with path.open("rb") as handle:
            read_po(handle)


def median_time(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def command(args: list[str], stdin: bytes | None = None) -> Callable[[], int]:
    def run() -> int:
        done = subprocess.run(
            args, input=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--peers", type=Path, default=None, help="venv with pofilter, dennis")
    args = parser.parse_args()
    files = sorted(args.corpus.rglob("*.po"))
    # An empty configuration (not the project's pyproject.toml); a regular file, as
    # `--config` requires.
    config = Path(tempfile.mkdtemp()) / "empty.toml"
    config.write_text("", encoding="utf-8")
    sunset = [
        str(Path(sys.executable).parent / "sunset"),
        "check",
        "--markup",
        "none",
        "--config",
        str(config),
        str(args.corpus),
    ]
    rows: list[tuple[str, float, str]] = []

    # The floor runs as a command too, so that interpreter start-up counts on both sides.
    floor_script = (
        "import sys, pathlib; from babel.messages.pofile import read_po\n"
        "for p in sorted(pathlib.Path(sys.argv[1]).rglob('*.po')):\n"
        "    read_po(p.open('rb'))\n"
    )
    floor = median_time(
        command([sys.executable, "-c", floor_script, str(args.corpus)]), args.repeat
    )
    rows.append(("Babel read_po of every file, as a command (floor)", floor, ""))
    in_process = median_time(lambda: read_po_floor(files), args.repeat)
    rows.append(("Babel read_po of every file, in this process", in_process, ""))
    for jobs in ("0", "1"):
        seconds = median_time(command([*sunset, "--jobs", jobs]), args.repeat)
        note = "one worker per core" if jobs == "0" else "one process"
        rows.append((f"sunset check --markup none ({note})", seconds, ""))
    msgfmt = shutil.which("msgfmt")
    if msgfmt:
        loop = 'for f in "$@"; do msgfmt -c -o /dev/null "$f"; done'
        rows.append(
            (
                "msgfmt -c, one process per file",
                median_time(command(["bash", "-c", loop, "_", *map(str, files)]), args.repeat),
                "",
            )
        )
        listing = "\0".join(map(str, files)).encode()
        rows.append(
            (
                "msgfmt -c with xargs -P2",
                median_time(
                    command(
                        ["xargs", "-0", "-P2", "-n1", msgfmt, "-c", "-o", "/dev/null"], listing
                    ),
                    args.repeat,
                ),
                "",
            )
        )
    if args.peers:
        dennis = args.peers / "bin" / "dennis-cmd"
        pofilter = args.peers / "bin" / "pofilter"
        if dennis.exists():
            crashes = subprocess.run(
                [str(dennis), "lint", "--excluderules", "W303", str(args.corpus)],
                capture_output=True,
                check=False,
            )
            note = "crashed" if b"Traceback" in crashes.stderr + crashes.stdout else ""
            rows.append(
                (
                    "dennis-cmd lint --excluderules W303",
                    median_time(
                        command([str(dennis), "lint", "--excluderules", "W303", str(args.corpus)]),
                        args.repeat,
                    ),
                    note,
                )
            )
        if pofilter.exists():
            with tempfile.TemporaryDirectory() as out:
                rows.append(
                    (
                        "pofilter (Translate Toolkit) default tests",
                        median_time(
                            command([str(pofilter), "--progress=none", str(args.corpus), out]), 1
                        ),
                        "1 run",
                    )
                )

    print(f"{len(files)} files; medians of {args.repeat} runs\n")
    print("| command | wall s | ratio to the floor | |\n|---|---|---|---|")
    for name, seconds, note in rows:
        print(f"| {name} | {seconds:.2f} | {seconds / floor:.2f} | {note} |")
    mib = peak_rss_mib([*sunset, "--jobs", "1"])
    print(f"\npeak memory of sunset check (one process): {mib:.0f} MiB")


if __name__ == "__main__":
    main()

"""`sunset check --markup none` over a real PO corpus, against Babel's parse floor and peers.

    .venv/bin/python benchmarks/bench_check.py CORPUS_DIR [--repeat 5] [--peers VENV] [--large K]
    .venv/bin/python benchmarks/bench_check.py --tiny [CORPUS_DIR]

CORPUS_DIR: shared/corpora/python-docs-fr-3.13-po.tar.xz unpacked to a temporary folder;
with `--tiny` (one round), the project's own catalogs unless given.
The floor is Babel's read_po of every file in one process: what any Babel-based checker
must pay. The floor and sunset run in rounds, each command once per round, and a ratio is
the median of the rounds' ratios: on a shared machine whose speed drifts, commands
measured side by side compare fairly where blocks of runs of one command would not.
Every command runs with compiled bytecode, as installed packages have it (an untimed
first round writes it to a scratch cache).
sunset runs in a docs team's repository (no sunset project there) and in this project
(whose glossary and definitions it then reads). Peers run when found: msgfmt -c (one
process per file, as in CI loops, and with xargs -P2), pofilter and dennis-cmd from
--peers (a venv with translate-toolkit and dennis); they are compared with the floor's
median. Memory is the peak resident size of sunset and its worker processes together.
Growth: sunset check over the large generated inputs of tests/largeinputs.py (messages
of many links, spans, placeholders, acronyms and terms, long words, deep nesting, many
messages and blocks) at size K and 8K, one process each: the median ratio of the two
times, which is about 8x for checks linear in their input (64x were they quadratic).
Every command timed must exit as expected (sunset check: 0, or 1 for findings) and sunset
must report every file of the corpus checked, or the benchmark fails.
"""

from __future__ import annotations

import argparse
import atexit
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable, Collection
from pathlib import Path

from _bench import ROOT, arguments, expect, fail, run

Timed = Callable[[], float]
CATALOG = (".po", ".pot")  # what sunset check reads as catalogs; the floor reads the same
SUMMARY = re.compile(r"checked (\d+) messages in (\d+) catalog")
DOCS = "sunset check, a worker per core, in a docs repository"
PROJECT = "sunset check, a worker per core, in the sunset project"
ONE = "sunset check, one process, in a docs repository"


def median_time(timed: Timed, repeat: int) -> float:
    return statistics.median(timed() for _ in range(repeat))


def command(
    args: list[str],
    stdin: bytes | None = None,
    cwd: Path | None = None,
    ok: Collection[int] | None = (0,),
    output: Callable[[str], None] | None = None,
) -> Timed:
    """A command to time: its wall time, once its exit status and the end of its output
    (given to `output`) have been checked."""

    def timed() -> float:
        seconds, tail = run(args, cwd=cwd, stdin=stdin, ok=ok)
        if output is not None:
            output(tail)
        return seconds

    return timed


def checked_all(files: int) -> Callable[[str], None]:
    """sunset check's summary must count every catalog of the corpus, and messages."""

    def check(tail: str) -> None:
        found = SUMMARY.findall(tail)
        if not found:
            fail(f"sunset check printed no summary; its output ended:\n{tail[-500:]}")
        messages, catalogs = map(int, found[-1])
        expect(catalogs == files, f"sunset check checked {catalogs} catalogs of {files}")
        expect(messages > 0, "sunset check checked no messages")

    return check


def peak_rss_mib(args: list[str]) -> float:
    """Peak resident memory of a command and its children, in MiB (Linux: KiB reported)."""
    report = (
        "import resource, subprocess, sys\n"
        "status = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
        "sys.exit(status)\n"
    )
    _, tail = run([sys.executable, "-c", report, *args], ok=(0, 1))
    return int(tail.split()[-1]) / 1024


def interleaved(runs: dict[str, Timed], repeat: int) -> dict[str, list[float]]:
    """Wall times of each command, one of each per round: a machine whose speed drifts
    (shared cores) slows every command of a round alike, so ratios within a round hold."""
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeat):
        for name, timed in runs.items():
            times[name].append(timed())
    return times


def main() -> None:
    parser = arguments(__doc__)
    parser.add_argument("corpus", type=Path, nargs="?")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--peers", type=Path, default=None, help="venv with pofilter, dennis")
    parser.add_argument("--large", type=int, default=32, help="size K of the growth inputs")
    args = parser.parse_args()
    if args.tiny:
        args.repeat = 1
        args.large = 2
        args.corpus = args.corpus or args.project / "locales"
    if args.corpus is None:
        parser.error("CORPUS_DIR is required (unless --tiny)")
    corpus = args.corpus.resolve()
    project = args.project.resolve()
    files = sorted(p for p in corpus.rglob("*.po*") if p.suffix in CATALOG)
    expect(bool(files), f"no catalogs (.po, .pot) in {corpus}")
    # An empty configuration (not the project's pyproject.toml); a regular file, as
    # `--config` requires.
    scratch = Path(tempfile.mkdtemp())
    atexit.register(shutil.rmtree, scratch, ignore_errors=True)
    config = scratch / "empty.toml"
    config.write_text("", encoding="utf-8")
    # Compiled bytecode on both sides, as an installed package has it (pip compiles it on
    # install, and Babel's is in site-packages): under PYTHONDONTWRITEBYTECODE, sunset run
    # from its source alone would compile every module in every run (0.15 s of CPU, a
    # seventh of the floor). The cache goes to the scratch folder, not the project.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = str(scratch / "pycache")
    sunset = [str(Path(sys.executable).parent / "sunset"), "check", "--markup", "none"]
    sunset += ["--config", str(config), str(corpus)]
    # The floor runs as a command too, so that interpreter start-up counts on both sides.
    floor_script = (
        "import sys, pathlib; from babel.messages.pofile import read_po\n"
        "files = messages = 0\n"
        f"for p in sorted(pathlib.Path(sys.argv[1]).rglob('*.po*')):\n"
        f"    if p.suffix in {CATALOG!r}:\n"
        "        files, messages = files + 1, messages + len(read_po(p.open('rb')))\n"
        "print(files, messages)\n"
    )

    def floor_read_all(tail: str) -> None:
        expect(tail.split()[:1] == [str(len(files))], f"the floor read {tail!r} (files messages)")

    in_corpus = checked_all(len(files))
    floor = "Babel read_po of every file, as a command (floor)"
    # A docs team's repository has no sunset project: run there (an empty folder), and
    # inside this project, where the glossary and the definitions' names are read too.
    findings = (0, 1)
    runs: dict[str, Timed] = {
        floor: command([sys.executable, "-c", floor_script, str(corpus)], output=floor_read_all),
        DOCS: command([*sunset, "--jobs", "0"], cwd=scratch, ok=findings, output=in_corpus),
        PROJECT: command([*sunset, "--jobs", "0"], cwd=project, ok=findings, output=in_corpus),
        ONE: command([*sunset, "--jobs", "1"], cwd=scratch, ok=findings, output=in_corpus),
    }
    if not args.tiny:
        interleaved(runs, 1)  # untimed: writes the bytecode cache of every command
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
    growth = _growth(project, args.large, args.repeat, config, scratch)
    ratio = {name: ratio for name, _, ratio, _ in rows}
    print(
        f"ratio: {ratio[DOCS]:.2f}x (a worker per core, docs repository), {ratio[PROJECT]:.2f}x"
        f" (in the project), {ratio[ONE]:.2f}x (one process), to the Babel floor; "
        f"{growth:.2f}x the time for 8x the large inputs"
    )


GROWTH = 8


def _growth(project: Path, k: int, repeat: int, config: Path, scratch: Path) -> float:
    """The median ratio of sunset check's time over the large inputs at 8k and at k."""
    sys.path.insert(0, str(ROOT))
    from tests.largeinputs import write_inputs

    from sunsetkit.content.load import load_glossary

    glossary = load_glossary(project / "content" / "glossary.yaml")
    runs: dict[str, Timed] = {}
    for size in (k, GROWTH * k):
        root = scratch / f"large-{size}"
        written = write_inputs(root, size, glossary)
        args = [str(Path(sys.executable).parent / "sunset"), "check", "--jobs", "1"]
        runs[f"{written / 1024:.0f} KiB"] = command(
            [*args, "--config", str(config), str(root)], cwd=scratch, ok=(1,)
        )
    times = interleaved(runs, repeat)
    small, large = times.values()
    (small_name, large_name) = times
    growth = _median_ratio(large, small)
    print(
        f"\nsunset check over the large inputs: {statistics.median(small):.2f} s for "
        f"{small_name}, {statistics.median(large):.2f} s for {large_name}: {growth:.2f}x"
    )
    return growth


def _median_ratio(seconds: list[float], floor: list[float]) -> float:
    return statistics.median(s / f for s, f in zip(seconds, floor, strict=True))


def _peers(
    files: list[Path], corpus: Path, args: argparse.Namespace, floor: list[float]
) -> list[tuple[str, float, float, str]]:
    """msgfmt -c, pofilter and dennis where found; each compared with the floor's median."""
    base = statistics.median(floor)
    rows: list[tuple[str, float, float, str]] = []

    def add(name: str, timed: Timed, repeat: int, note: str = "") -> None:
        seconds = median_time(timed, repeat)
        rows.append((name, seconds, seconds / base, note))

    msgfmt = shutil.which("msgfmt")
    if msgfmt:
        loop = 'status=0; for f; do msgfmt -c -o /dev/null "$f" || status=1; done; exit $status'
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
            # dennis crashes on a file of the corpus (library/html.parser.po): timed
            # whatever its exit status, and the crash is noted beside its figure.
            crashes = subprocess.run(lint, capture_output=True, check=False)
            note = "crashed" if b"Traceback" in crashes.stderr + crashes.stdout else ""
            add("dennis-cmd lint --excluderules W303", command(lint, ok=None), args.repeat, note)
        if pofilter.exists():
            with tempfile.TemporaryDirectory() as out:
                timed = command([str(pofilter), "--progress=none", str(corpus), out])
                add("pofilter (Translate Toolkit) default tests", timed, 1, "1 run")
    return rows


if __name__ == "__main__":
    main()

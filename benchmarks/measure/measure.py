"""Measure `sunset check` on published side-by-side Partner Center articles: precision and
estimated recall per locale, per check and per part, judged by people.

    python benchmarks/measure/measure.py export  [--mirrors DIR] [--out DIR]
    python benchmarks/measure/measure.py split   [--corpus DIR]        # writes split.txt
    python benchmarks/measure/measure.py run     --part dev|test [--corpus DIR] [--work DIR]
    python benchmarks/measure/measure.py show    --part P --locale L [--todo]
    python benchmarks/measure/measure.py judge   --part P --locale L 0=real 1=noise 2=ok ...
    python benchmarks/measure/measure.py record  [--work DIR]
    python benchmarks/measure/measure.py score   [--part dev|test] [--work DIR]

`export` writes every Markdown file of each locale's `live-sxs` branch to OUT/<locale>/,
leaving out the held-out articles (shared/corpora/heldout-excluded.txt, and their
`China-` variants): they are never read, not even from git. `split` assigns each article to
the development or the test part by a stable hash of its name (the same in every locale)
and writes the committed split.txt. `run` checks one part of every locale and writes a
judging file per locale (WORK/<part>/<locale>.jsonl): a row per flagged segment and check,
and a seeded sample of unflagged segments. Judgments are kept in WORK/judgments.jsonl,
keyed by locale, file, segment hash and check, so a rerun after a code change asks only
about rows not judged before. docs/measurement.md has the method.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import subprocess
import sys
import tarfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from sunsetkit.checks.registry import CHECKS_BY_ID
from sunsetkit.checks.sxs import read_side_by_side

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
#: The folder that holds the project: shared/ (the held-out list), the mirrors that `fetch`
#: brings and the measurement's own files sit beside the project, never inside it.
BESIDE = ROOT.parent

LOCALES = [
    "nl-nl",
    "sv-se",
    "de-de",
    "pl-pl",
    "fr-fr",
    "es-es",
    "it-it",
    "pt-br",
    "ja-jp",
    "zh-cn",
    "ko-kr",
]
BRANCH = "live-sxs"
EXCLUDED = BESIDE / "shared" / "corpora" / "heldout-excluded.txt"
SPLIT = HERE / "split.txt"
TEST_SHARE = 30  # percent of articles in the test part
SAMPLE = 40  # unflagged segments sampled per locale and part
SEED = "sunset-measure-1"
FLAG_JUDGMENTS = ("real", "cosmetic", "noise")
SAMPLE_OK = "ok"
MISSED = "missed:"


# --- export ----------------------------------------------------------------------------


def article(path: str) -> str:
    """The article a file is: its name without folder and without the `China-` prefix of
    the archived variants, so that every variant lands in the same part."""
    name = path.rsplit("/", 1)[-1]
    return name.removeprefix("China-")


def excluded_names(listing: Path = EXCLUDED) -> frozenset[str]:
    lines = listing.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def mirror(mirrors: Path, locale: str) -> Path:
    found = sorted(mirrors.glob(f"*+partner-center-pr.{locale}/repo"))
    if not found:
        sys.exit(f"{mirrors}: no mirror of partner-center-pr.{locale}")
    return found[0]


def export(mirrors: Path, out: Path, listing: Path) -> None:
    held_out = excluded_names(listing)
    for locale in LOCALES:
        repo = mirror(mirrors, locale)
        listed = subprocess.run(
            ["git", "-C", str(repo), "ls-tree", "-r", "--name-only", BRANCH],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.splitlines()
        wanted = [p for p in listed if p.endswith(".md") and article(p) not in held_out]
        # One `git archive` of the wanted paths only: a held-out file is never read.
        tar = subprocess.run(
            ["git", "-C", str(repo), "archive", "--format=tar", BRANCH, "--", *wanted],
            check=True,
            capture_output=True,
        ).stdout
        with tarfile.open(fileobj=io.BytesIO(tar)) as archive:
            for member in archive.getmembers():
                if member.isfile():
                    target = out / locale / member.name
                    target.parent.mkdir(parents=True, exist_ok=True)
                    data = archive.extractfile(member)
                    assert data is not None
                    target.write_bytes(data.read())
        print(f"{locale}: {len(wanted)} files from {repo}")


# --- split -----------------------------------------------------------------------------


def part_of(name: str) -> str:
    digest = hashlib.sha256(name.encode("utf-8")).digest()
    return "test" if int.from_bytes(digest[:4], "big") % 100 < TEST_SHARE else "dev"


def make_split(corpus: Path) -> None:
    names = sorted({article(p.name) for p in corpus.rglob("*.md")})
    SPLIT.write_text(
        "# article (file name, `China-` prefix removed)<TAB>part; measure.py split writes it\n"
        + "".join(f"{name}\t{part_of(name)}\n" for name in names),
        encoding="utf-8",
    )
    counts = defaultdict(int)
    for name in names:
        counts[part_of(name)] += 1
    print(f"{SPLIT}: {dict(counts)}")


def read_split() -> dict[str, str]:
    parts = {}
    for line in SPLIT.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, part = line.split("\t")
            parts[name] = part
    return parts


# --- run -------------------------------------------------------------------------------


def segment_hash(english: str, translation: str) -> str:
    return hashlib.sha256(f"{english}\x00{translation}".encode()).hexdigest()[:16]


def key_of(locale: str, file: str, seg: str, check: str) -> str:
    return "|".join((locale, file, seg, check))


def part_files(corpus: Path, locale: str, part: str, split: dict[str, str]) -> list[Path]:
    files = sorted((corpus / locale).rglob("*.md"))
    return [f for f in files if split.get(article(f.name)) == part]


def run_sunset(files: list[Path]) -> list[dict[str, Any]]:
    """`sunset check --format json` over the files, run in this project (its glossary)."""
    sunset = Path(sys.executable).parent / "sunset"
    done = subprocess.run(
        [str(sunset), "check", "--format", "json", "--jobs", "1", *map(str, files)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if done.returncode not in (0, 1):
        sys.exit(f"sunset check failed ({done.returncode}): {done.stderr[-2000:]}")
    findings: list[dict[str, Any]] = json.loads(done.stdout)["findings"]
    return findings


def segments_of(path: Path) -> dict[tuple[int, str], tuple[str, str]]:
    """(line, segment id) -> (English, translation) of a side-by-side page."""
    text = path.read_text(encoding="utf-8")
    return {(s.line, s.id): (s.source, s.translation) for s in read_side_by_side(text)}


def rank(key: str, seed: str = SEED) -> str:
    """A segment's place in the seeded sample: the lowest ranks are sampled. Stable when
    other segments become flagged or unflagged, so earlier sample judgments stay usable;
    another seed draws a fresh sample, independent of the rows judged before."""
    return hashlib.sha256(f"{seed}|{key}".encode()).hexdigest()


def judging_rows(
    corpus: Path,
    locale: str,
    part: str,
    split: dict[str, str],
    sample: int,
    flags: int,
    seed: str = SEED,
) -> tuple[list[dict[str, Any]], int]:
    """The rows to judge, and how many segments the part has in this locale."""
    files = part_files(corpus, locale, part, split)
    findings = run_sunset(files) if files else []
    by_file: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for found in findings:
        by_file[found["path"]].append(found)
    rows: list[dict[str, Any]] = []
    unflagged: list[dict[str, Any]] = []
    total = 0
    for path in files:
        name = str(path.relative_to(corpus / locale))
        segments = segments_of(path)
        total += len(segments)
        grouped: dict[tuple[str, str], dict[str, Any]] = {}
        for found in by_file.get(str(path), []):
            english, translation = segments.get(
                (found["line"] or 0, found.get("msgctxt") or ""), ("", "")
            )
            seg = segment_hash(english, translation)
            row = grouped.get((seg, found["check"]))
            if row is None:
                row = grouped[(seg, found["check"])] = {
                    "key": key_of(locale, name, seg, found["check"]),
                    "kind": "flag",
                    "locale": locale,
                    "part": part,
                    "file": name,
                    "line": found["line"],
                    "check": found["check"],
                    "messages": [],
                    "english": english,
                    "translation": translation,
                    "judgment": None,
                    "note": "",
                }
            row["messages"].append(found["message"])
        rows += grouped.values()
        flagged = {seg for seg, _ in grouped}
        for (line, _id), (english, translation) in sorted(segments.items()):
            seg = segment_hash(english, translation)
            if seg not in flagged:
                key = key_of(locale, name, seg, "sample")
                unflagged.append(
                    {
                        "key": key,
                        "kind": "sample",
                        "locale": locale,
                        "part": part,
                        "file": name,
                        "line": line,
                        "check": None,
                        "messages": [],
                        "english": english,
                        "translation": translation,
                        "judgment": None,
                        "note": "",
                    }
                )
    rows = sample_flags(rows, flags, seed)
    unique = {row["key"]: row for row in unflagged}
    population = len(unique)
    picked = sorted(unique.values(), key=lambda row: rank(row["key"], seed))[:sample]
    rows += sorted(picked, key=lambda row: (row["file"], row["line"]))
    for row in rows:
        row["population"] = population if row["kind"] == "sample" else None
    return rows, total


def sample_flags(rows: list[dict[str, Any]], flags: int, seed: str = SEED) -> list[dict[str, Any]]:
    """With `flags` > 0, at most that many flag rows per check (the lowest seeded ranks),
    each weighted by how many rows of its check it stands for: a stratified sample whose
    weighted counts estimate the whole."""
    by_check: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_check[row["check"]].append(row)
    kept: list[dict[str, Any]] = []
    for check_rows in by_check.values():
        chosen = check_rows
        if flags and len(check_rows) > flags:
            chosen = sorted(check_rows, key=lambda row: rank(row["key"], seed))[:flags]
        for row in chosen:
            row["weight"] = len(check_rows) / len(chosen)
        kept += chosen
    return sorted(kept, key=lambda row: (row["file"], row["line"] or 0, row["check"]))


def load_store(work: Path) -> dict[str, dict[str, str]]:
    store: dict[str, dict[str, str]] = {}
    path = work / "judgments.jsonl"
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                store[item["key"]] = item
    return store


def valid(row: dict[str, Any]) -> bool:
    judgment = row.get("judgment")
    if not judgment:
        return False
    if row["kind"] == "flag":
        return judgment in FLAG_JUDGMENTS
    return judgment == SAMPLE_OK or (judgment.startswith(MISSED) and len(judgment) > 7)


def judging_files(work: Path) -> Iterator[Path]:
    for part in ("dev", "test"):
        yield from sorted((work / part).glob("*.jsonl"))


def read_rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def record(work: Path) -> None:
    """Judgments written into the judging files go to the store (a later one wins)."""
    store = load_store(work)
    added = 0
    bad = 0
    for path in judging_files(work):
        for row in read_rows(path):
            if row.get("judgment") and not valid(row):
                bad += 1
                print(
                    f"{path}: {row['key']}: judgment {row['judgment']!r} is not one of "
                    f"{FLAG_JUDGMENTS if row['kind'] == 'flag' else ('ok', 'missed:<class>')}"
                )
            elif valid(row) and store.get(row["key"], {}).get("judgment") != row["judgment"]:
                store[row["key"]] = {
                    "key": row["key"],
                    "judgment": row["judgment"],
                    "note": row.get("note", ""),
                }
                added += 1
    write_lines(work / "judgments.jsonl", (store[k] for k in sorted(store)))
    print(
        f"{added} judgment(s) recorded, {len(store)} in {work / 'judgments.jsonl'}"
        + (f"; {bad} invalid" if bad else "")
    )


def write_lines(path: Path, rows: Iterable[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "".join(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n" for row in rows),
        encoding="utf-8",
    )


def run(
    corpus: Path,
    work: Path,
    part: str,
    sample: int,
    flags: int,
    locales: list[str],
    seed: str = SEED,
) -> None:
    if any(judging_files(work)):
        record(work)  # nothing judged so far is lost by the rewrite
    store = load_store(work)
    split = read_split()
    for locale in locales:
        rows, total = judging_rows(corpus, locale, part, split, sample, flags, seed)
        for row in rows:
            known = store.get(row["key"])
            if known:
                row["judgment"], row["note"] = known["judgment"], known.get("note", "")
        rows.insert(0, {"kind": "meta", "locale": locale, "part": part, "segments": total})
        write_lines(work / part / f"{locale}.jsonl", rows)
        todo = sum(1 for r in rows[1:] if not r["judgment"])
        flagged = sum(1 for r in rows if r["kind"] == "flag")
        print(f"{locale} {part}: {total} segments, {flagged} flag rows, {todo} row(s) to judge")


# --- score -----------------------------------------------------------------------------


class Tally:
    """Flags and their judgments, and the misses estimated from the samples."""

    def __init__(self) -> None:
        self.flags = 0.0  # flags, each sampled row counted by its weight
        self.rows = 0  # flag rows in the judging files
        self.judged_rows = 0
        self.real = 0.0  # real or cosmetic
        self.serious = 0.0  # real only
        self.unjudged = 0.0
        self.sampled = 0
        self.missed = 0
        self.population = 0
        self.estimate = 0.0  # misses in the unflagged population, estimated
        self.reach = 0.0  # of them, misses of a class a check targets (not meaning, grammar)

    def precision(self) -> float | None:
        judged = self.flags - self.unjudged
        return self.real / judged if judged else None

    def recall(self) -> float | None:
        found = self.real + self.estimate
        return self.real / found if found else None

    def recall_in_reach(self) -> float | None:
        """Recall counting only the misses a check is meant to find: a wrong meaning or
        broken grammar is left to the reviewer, not to a checker of form."""
        found = self.real + self.reach
        return self.real / found if found else None


def score(work: Path, parts: list[str]) -> None:
    """Per part: a table per locale and one per check. The misses of each locale's sample
    are scaled to that locale's unflagged segments (a stratified estimate), and the part's
    estimate is the sum of its locales'."""
    store = load_store(work)
    for part in parts:
        locales: dict[str, Tally] = defaultdict(Tally)
        checks: dict[str, Tally] = defaultdict(Tally)
        misses: dict[str, list[str]] = defaultdict(list)  # locale -> classes missed
        for path in sorted((work / part).glob("*.jsonl")):
            for row in read_rows(path)[1:]:
                judgment = row.get("judgment") or store.get(row["key"], {}).get("judgment")
                tally = locales[row["locale"]]
                if row["kind"] == "flag":
                    for one in (tally, checks[row["check"]]):
                        count_flag(one, judgment, row.get("weight") or 1.0)
                    continue
                tally.population = row.get("population") or 0
                if judgment == SAMPLE_OK or str(judgment).startswith(MISSED):
                    tally.sampled += 1
                    if str(judgment).startswith(MISSED):
                        tally.missed += 1
                        misses[row["locale"]].append(str(judgment)[len(MISSED) :])
        for locale, tally in locales.items():
            scale = tally.population / tally.sampled if tally.sampled else 0.0
            tally.estimate = tally.missed * scale
            for missed_class in misses[locale]:
                checks[missed_class].missed += 1
                checks[missed_class].estimate += scale
                in_reach = scale * (missed_class in CHECKS_BY_ID)
                tally.reach += in_reach
                checks[missed_class].reach += in_reach
        whole = Tally()
        for tally in locales.values():
            for name in vars(whole):
                setattr(whole, name, getattr(whole, name) + getattr(tally, name))
        print(f"\n### {part}\n")
        print(
            "| locale | flags | rows judged | real+cosmetic | real | precision | sampled | missed "
            "| unflagged | est. missed | recall | recall in reach |"
        )
        print("|---|---|---|---|---|---|---|---|---|---|---|---|")
        for name, tally in [*sorted(locales.items()), ("all", whole)]:
            print(
                f"| {name} | {tally.flags:.0f} | {tally.judged_rows}/{tally.rows} "
                f"| {tally.real:.0f} | {tally.serious:.0f} | {fmt(tally.precision())} "
                f"| {tally.sampled} "
                f"| {tally.missed} | {tally.population} | {tally.estimate:.1f} "
                f"| {fmt(tally.recall())} | {fmt(tally.recall_in_reach())} |"
            )
        print(
            f"\n| check ({part}) | flags | rows judged | real+cosmetic | real | precision "
            "| missed in samples | est. missed | recall |"
        )
        print("|---|---|---|---|---|---|---|---|---|")
        for name, tally in sorted(checks.items()):
            print(
                f"| {name} | {tally.flags:.0f} | {tally.judged_rows}/{tally.rows} "
                f"| {tally.real:.0f} | {tally.serious:.0f} | {fmt(tally.precision())} "
                f"| {tally.missed} "
                f"| {tally.estimate:.1f} | {fmt(tally.recall())} |"
            )


def count_flag(tally: Tally, judgment: Any, weight: float) -> None:
    """A flag row counts as the `weight` flags it stands for (1 unless flags are sampled)."""
    tally.flags += weight
    tally.rows += 1
    tally.judged_rows += judgment in FLAG_JUDGMENTS
    tally.unjudged += weight * (judgment not in FLAG_JUDGMENTS)
    tally.real += weight * (judgment in ("real", "cosmetic"))
    tally.serious += weight * (judgment == "real")


def fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def show(work: Path, part: str, locale: str, todo: bool) -> None:
    """The rows of a judging file, numbered, for a reviewer to read."""
    for index, row in enumerate(read_rows(work / part / f"{locale}.jsonl")[1:]):
        if todo and row.get("judgment"):
            continue
        head = f"#{index} {row['kind']} {row['check'] or ''} [{row.get('judgment') or '?'}]"
        print(f"{head} {row['file']}:{row['line']}")
        for message in row["messages"]:
            print(f"  flag: {message}")
        print(f"  EN: {row['english']}")
        print(f"  TR: {row['translation']}")


def judge(work: Path, part: str, locale: str, given: list[str]) -> None:
    """Judgments given as INDEX=JUDGMENT, written into the judging file and recorded."""
    path = work / part / f"{locale}.jsonl"
    rows = read_rows(path)
    for item in given:
        index, _, judgment = item.partition("=")
        row = rows[1 + int(index)]
        row["judgment"] = judgment
        if not valid(row):
            sys.exit(f"{item}: {judgment!r} is no judgment for a {row['kind']} row")
    write_lines(path, rows)
    record(work)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    cmd = sub.add_parser("export", help="the corpus from the mirrors, held-out articles left out")
    cmd.add_argument("--mirrors", type=Path, default=BESIDE / ".mirror")
    cmd.add_argument("--out", type=Path, default=BESIDE / "measure" / "sxs")
    cmd.add_argument("--excluded", type=Path, default=EXCLUDED, help="the held-out list")
    cmd = sub.add_parser("split", help="write split.txt from the exported corpus")
    cmd.add_argument("--corpus", type=Path, default=BESIDE / "measure" / "sxs")
    cmd = sub.add_parser("run", help="check one part and write the judging files")
    cmd.add_argument("--part", choices=("dev", "test"), required=True)
    cmd.add_argument("--corpus", type=Path, default=BESIDE / "measure" / "sxs")
    cmd.add_argument("--work", type=Path, default=BESIDE / "measure")
    cmd.add_argument("--sample", type=int, default=SAMPLE, help="unflagged segments sampled")
    cmd.add_argument(
        "--flags", type=int, default=0, help="flag rows per locale and check (0: every one)"
    )
    cmd.add_argument("--locale", action="append", choices=LOCALES)
    cmd.add_argument(
        "--seed", default=SEED, help="another seed draws a fresh sample of flags and segments"
    )
    cmd = sub.add_parser("show", help="print a judging file's rows, numbered")
    cmd.add_argument("--part", choices=("dev", "test"), required=True)
    cmd.add_argument("--locale", choices=LOCALES, required=True)
    cmd.add_argument("--todo", action="store_true", help="only rows not judged yet")
    cmd.add_argument("--work", type=Path, default=BESIDE / "measure")
    cmd = sub.add_parser("judge", help="judge rows: INDEX=real|cosmetic|noise|ok|missed:CLASS")
    cmd.add_argument("--part", choices=("dev", "test"), required=True)
    cmd.add_argument("--locale", choices=LOCALES, required=True)
    cmd.add_argument("judgments", nargs="+")
    cmd.add_argument("--work", type=Path, default=BESIDE / "measure")
    cmd = sub.add_parser("record", help="store the judgments written into the judging files")
    cmd.add_argument("--work", type=Path, default=BESIDE / "measure")
    cmd = sub.add_parser("score", help="precision and recall as Markdown tables")
    cmd.add_argument("--part", choices=("dev", "test"), action="append")
    cmd.add_argument("--work", type=Path, default=BESIDE / "measure")
    args = parser.parse_args()
    if args.command == "export":
        export(args.mirrors, args.out, args.excluded)
    elif args.command == "split":
        make_split(args.corpus)
    elif args.command == "run":
        locales = args.locale or LOCALES
        run(args.corpus, args.work, args.part, args.sample, args.flags, locales, args.seed)
    elif args.command == "record":
        record(args.work)
    elif args.command == "show":
        show(args.work, args.part, args.locale, args.todo)
    elif args.command == "judge":
        judge(args.work, args.part, args.locale, args.judgments)
    else:
        score(args.work, args.part or ["dev", "test"])


if __name__ == "__main__":
    main()

"""Guides build: time and memory of `sunset build` against a bare render loop.

The baseline is the least any guide build must do: read each catalog with Babel, render
the same template once per page with plain gettext callables, and write the files. The
measured run is sunset's whole pipeline (load and validate the content and glossary,
catalogs, tracked two-pass-when-needed rendering, atomic writes with a manifest). Both run
in this process, interleaved, and the figure is the ratio of medians.

    .venv/bin/python benchmarks/bench_guides.py [--repeat 7] [--copies 20]

`--copies` multiplies the three definitions (new ids) so the run is long enough to time.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from babel.messages.pofile import read_po

from sunsetkit.guides import Project, build_guides
from sunsetkit.i18n import Translator, discover_catalogs
from sunsetkit.load import load_glossary, load_migrations
from sunsetkit.render import Vocabulary, create_environment, translation_context
from sunsetkit.write import replace_folder

ROOT = Path(__file__).resolve().parent.parent


def make_project(copies: int) -> Path:
    root = Path(tempfile.mkdtemp(prefix="sunset-bench-"))
    for name in ("templates", "locales"):
        shutil.copytree(ROOT / name, root / name)
    (root / "content" / "migrations").mkdir(parents=True)
    shutil.copy(ROOT / "content" / "glossary.yaml", root / "content")
    for source in (ROOT / "content" / "migrations").glob("*.yaml"):
        text = source.read_text(encoding="utf-8")
        for n in range(copies):
            ident = f"{source.stem}-{n}"
            (root / "content" / "migrations" / f"{ident}.yaml").write_text(
                text.replace(f"id: {source.stem}", f"id: {ident}"), encoding="utf-8"
            )
    return root


def sunset_build(root: Path, out: Path) -> None:
    result = build_guides(Project(root))
    replace_folder(out, "build", {p.relpath: p.text for p in result.pages}, keep=lambda rel: True)


def bare_loop(root: Path, out: Path) -> None:
    """Read catalogs, render each page once with plain gettext, write."""
    migrations = load_migrations(root / "content" / "migrations")
    glossary = load_glossary(root / "content" / "glossary.yaml")
    env = create_environment(root / "templates")
    template = env.get_template("guide.md.j2")
    catalogs: dict[str, Any] = {"en-US": None}
    for locale_id, path in discover_catalogs(root / "locales").items():
        with path.open("rb") as handle:
            catalogs[locale_id] = read_po(handle)
    for locale_id, catalog in catalogs.items():
        translator = Translator(catalog)
        context = translation_context(translator, Vocabulary(glossary, locale_id))
        for migration in migrations:
            text = template.render(
                migration=migration,
                usage=translator.usage,
                source_fingerprint="",
                handoff=None,
                **context,
            )
            target = out / locale_id / f"{migration.id}.md"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")


def timed(fn: Callable[[Path, Path], None], root: Path) -> float:
    out = Path(tempfile.mkdtemp(prefix="sunset-out-"))
    start = time.perf_counter()
    fn(root, out)
    elapsed = time.perf_counter() - start
    shutil.rmtree(out)
    return elapsed


def peak_memory(fn: Callable[[Path, Path], None], root: Path) -> int:
    out = Path(tempfile.mkdtemp(prefix="sunset-out-"))
    tracemalloc.start()
    fn(root, out)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    shutil.rmtree(out)
    return peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--copies", type=int, default=20)
    args = parser.parse_args()
    root = make_project(args.copies)
    try:
        pages = 3 * args.copies * (1 + len(discover_catalogs(root / "locales")))
        timed(sunset_build, root), timed(bare_loop, root)  # warm caches and imports
        sunset, bare = [], []
        for _ in range(args.repeat):
            bare.append(timed(bare_loop, root))
            sunset.append(timed(sunset_build, root))
        s, b = statistics.median(sunset), statistics.median(bare)
        ms, mb = peak_memory(sunset_build, root), peak_memory(bare_loop, root)
        print(f"pages: {pages}, repeat: {args.repeat} (medians)")
        print(f"bare render loop : {b:.3f} s   peak {mb / 2**20:.1f} MiB")
        print(f"sunset build     : {s:.3f} s   peak {ms / 2**20:.1f} MiB")
        print(f"ratio            : {s / b:.2f}x time, {ms / mb:.2f}x peak memory")
    finally:
        shutil.rmtree(root)


if __name__ == "__main__":
    main()

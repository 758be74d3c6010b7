"""Guides build: time and memory of `sunset build` against a bare render loop.

The baseline is the least any guide build must do: read each catalog with Babel, render
the same template once per page with plain gettext callables, and write the files. The
measured run is sunset's whole pipeline (load and validate the content and glossary,
catalogs, tracked two-pass-when-needed rendering, atomic writes with a manifest). Both run
in this process, interleaved, and the figure is the ratio of medians.

    .venv/bin/python benchmarks/bench_guides.py [--repeat 7] [--copies 20] [--tiny]

`--copies` multiplies the definitions (new ids) so the run is long enough to time; the
project built is a copy of everything this one (or `--project`) has that a build reads.
Every run's pages are counted: a run that writes fewer than every definition in every
locale fails the benchmark. `--tiny`: one copy, one repeat.
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from _bench import arguments, copy_project, count_files, expect
from babel.messages.pofile import read_po

from sunsetkit.content.load import load_glossary, load_migrations
from sunsetkit.guides import Project, build_guides
from sunsetkit.i18n import Translator, discover_catalogs
from sunsetkit.render import Vocabulary, create_environment, translation_context
from sunsetkit.write import replace_folder


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


Build = Callable[[Path, Path], None]


def timed(fn: Build, root: Path, pages: int) -> float:
    with tempfile.TemporaryDirectory(prefix="sunset-out-") as folder:
        start = time.perf_counter()
        fn(root, Path(folder))
        elapsed = time.perf_counter() - start
        _check_pages(fn, Path(folder), pages)
    return elapsed


def peak_memory(fn: Build, root: Path, pages: int) -> int:
    with tempfile.TemporaryDirectory(prefix="sunset-out-") as folder:
        tracemalloc.start()
        fn(root, Path(folder))
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        _check_pages(fn, Path(folder), pages)
    return peak


def _check_pages(fn: Build, out: Path, pages: int) -> None:
    written = count_files(out, ".md")
    expect(written == pages, f"{fn.__name__} wrote {written} pages, not {pages}")


def main() -> None:
    parser = arguments(__doc__)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--copies", type=int, default=20)
    args = parser.parse_args()
    if args.tiny:
        args.repeat, args.copies = 1, 1
    root = copy_project(args.project, args.copies)
    try:
        project = Project(root)
        definitions = len(list(project.migrations_dir.glob("*.yaml")))
        pages = definitions * (1 + len(discover_catalogs(project.locales_dir)))
        expect(pages > 0, f"{args.project} has no definitions to build")
        timed(sunset_build, root, pages), timed(bare_loop, root, pages)  # warm caches, imports
        sunset, bare = [], []
        for _ in range(args.repeat):
            bare.append(timed(bare_loop, root, pages))
            sunset.append(timed(sunset_build, root, pages))
        s, b = statistics.median(sunset), statistics.median(bare)
        ms, mb = peak_memory(sunset_build, root, pages), peak_memory(bare_loop, root, pages)
        print(f"pages: {pages}, repeat: {args.repeat} (medians)")
        print(f"bare render loop : {b:.3f} s   peak {mb / 2**20:.1f} MiB")
        print(f"sunset build     : {s:.3f} s   peak {ms / 2**20:.1f} MiB")
        print(f"ratio            : {s / b:.2f}x time, {ms / mb:.2f}x peak memory")
    finally:
        shutil.rmtree(root)


if __name__ == "__main__":
    main()

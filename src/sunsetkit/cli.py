"""The `sunset` command: argument parsing, progress and exit codes; nothing else.

Exit codes: 0 fine; 1 findings or a failed threshold; 2 bad input or usage.
"""

from __future__ import annotations

import codecs
import datetime as dt
import io
import math
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, get_args

import click

from .checks import CHECKS, CheckOptions, CheckResult, load_config, run_checks
from .checks.glossary import GlossaryTerms
from .checks.options import Markup, ProjectReader, ProjectTerms
from .checks.words import definition_names
from .errors import SunsetError, UsageError, did_you_mean, printable
from .files import append_regular
from .i18n import SOURCE_LOCALE, bcp47, discover_catalogs, parse_locale
from .kinds import Format, MarkdownFlavor, SchemaName
from .project import Project
from .report import REPORTERS, job_summary, render_report

if TYPE_CHECKING:
    from .checklists.job import ChecklistFormat
    from .guides import BuildResult

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2
DEFAULT_GLOSSARY = Path("content", "glossary.yaml")
#: The project's definitions: their offer and product names are never English left.
DEFAULT_DEFINITIONS = Path("content", "migrations")
DEFAULT_CHECK_PATHS = (Path("locales"), Path("build", "guides"))
DEFAULT_CONFIG = Path("pyproject.toml")


@contextmanager
def _help_to_a_closed_pipe() -> Iterator[None]:
    """`--help` or `--version` read by a reader that stops (`| head -1`): exit 0, quietly."""
    try:
        yield
    except BrokenPipeError:
        _discard(sys.stdout)
        raise click.exceptions.Exit(EXIT_OK) from None


class _Command(click.Command):
    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        with _help_to_a_closed_pipe():
            return super().make_context(info_name, args, parent, **extra)


class _Group(click.Group):
    """Turns every SunsetError into one line on stderr and exit code 2."""

    command_class = _Command

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        with _help_to_a_closed_pipe():
            return super().make_context(info_name, args, parent, **extra)

    def invoke(self, ctx: click.Context) -> object:
        _utf8_output()
        try:
            return super().invoke(ctx)
        except SunsetError as exc:
            _echo(f"sunset: error: {exc}", err=True)
        except OSError as exc:  # a file that vanished or a full disk, between our checks
            where = f"{exc.filename}: " if exc.filename else ""
            _echo(
                f"sunset: error: {where}{exc.strerror or exc} (check the path and its "
                "permissions, then run again)",
                err=True,
            )
        ctx.exit(EXIT_BAD_INPUT)
        return None


def _utf8_output() -> None:
    """UTF-8 on stdout and stderr. Redirected on Windows they would use the ANSI code page
    (cp1252), which cannot print a Japanese finding, nor write JSON and SARIF as UTF-8."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and codecs.lookup(stream.encoding).name != "utf-8":
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")


def _echo(message: str, err: bool = False) -> None:
    """One line on the terminal; untrusted text in it cannot forge lines or colours."""
    _say(printable(message), err=err)


def _say(text: str, err: bool = False, nl: bool = True) -> None:
    """Output that a reader may stop reading (`sunset check --list | head -1`): that is no
    error, the command goes on with its output going nowhere and exits with its own code."""
    try:
        click.echo(text, err=err, nl=nl)
    except BrokenPipeError:
        _discard(sys.stderr if err else sys.stdout)


def _discard(stream: object) -> None:
    """The rest of a stream's output to the null device, Python's documented way for a
    closed pipe: the descriptor replaced, so no later flush fails either."""
    try:
        descriptor = stream.fileno()  # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError):
        return  # no descriptor (a test's buffer): nothing can break later
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, descriptor)
    os.close(devnull)


class _Percent(click.FloatRange):
    """0 to 100; not nan, which compares false with everything and would pass any check."""

    def convert(
        self, value: float, param: click.Parameter | None, ctx: click.Context | None
    ) -> float:
        number = float(super().convert(value, param, ctx))
        if math.isnan(number):
            self.fail("nan is not a percentage: give a number from 0 to 100", param, ctx)
        return number


_PROJECT = click.option(
    "--project",
    "root",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path(),
    show_default=True,
    help="Folder with content/, templates/, locales/.",
)


def _out(folder: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    return click.option(
        "--out",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help=f"Output folder.  [default: PROJECT/build/{folder}]",
    )


def _glossary_option(text: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    return click.option(
        "--glossary",
        "glossary_path",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help=f"{text}  [default: content/glossary.yaml, if any]",
    )


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="sunsetkit")
def main() -> None:
    """Localized migration guides, customer checklists and translation checks."""


@main.command()
@_PROJECT
@_out("guides")
@click.option(
    "--locale",
    "locales",
    multiple=True,
    metavar="L",
    help="Only this locale (nl-NL or nl_NL); repeatable.  [default: all]",
)
@click.option(
    "--migration",
    "migrations",
    multiple=True,
    metavar="ID",
    help="Only this migration id; repeatable.  [default: all]",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(get_args(Format)),
    default="markdown",
    show_default=True,
    help="sxs: each translated segment with its hidden English; html: a preview site.",
)
@click.option(
    "--min-coverage",
    type=_Percent(0, 100),
    default=None,
    metavar="PCT",
    help="Write no page of a locale whose coverage is below PCT, and exit 1.",
)
@click.option(
    "--markdown-flavor",
    "flavor",
    type=click.Choice(get_args(MarkdownFlavor)),
    default="learn",
    show_default=True,
    help="learn: Microsoft Learn's Markdown; github, mkdocs, commonmark: admonitions that "
    "renderer shows, absolute links to articles outside the build.",
)
@click.option(
    "--base-url",
    default=None,
    metavar="URL",
    help="Where articles outside the build are published ({locale}: de-de), for a flavor "
    "other than learn.  [default: https://learn.microsoft.com/{locale}/partner-center/]",
)
def build(
    root: Path,
    out: Path | None,
    locales: tuple[str, ...],
    migrations: tuple[str, ...],
    fmt: Format,
    min_coverage: float | None,
    flavor: MarkdownFlavor,
    base_url: str | None,
) -> None:
    """Render the migration guides into OUT/<locale>/<id>.md (or .html)."""
    from .guides import Project, build_guides, other_format  # Jinja only when building

    _check_flavor(fmt, flavor, base_url)
    result = build_guides(Project(root).require(), locales, migrations, fmt, min_coverage)
    out_dir = out if out is not None else root / "build" / "guides"
    files = {page.relpath: page.text for page in result.pages}
    if fmt == "html":
        from .guides.site import guide_site

        files = guide_site(result.pages, Project(root))
    elif flavor != "learn":
        from .guides.publish import DOCS_URL, publish_pages
        from .guides.site import LocaleContexts

        built = set(files) | set(result.assets)
        contexts = LocaleContexts(Project(root))
        files = publish_pages(result.pages, contexts, flavor, base_url or DOCS_URL, built)
    files.update(result.assets)
    is_stale = _stale_rule(result, bool(locales), bool(migrations))
    is_other = other_format(out_dir, fmt)
    from .write import replace_folder  # `sunset check` runs without the writer's imports

    removed = replace_folder(
        out_dir, "build", files, keep=lambda rel: not is_stale(rel) and not is_other(rel)
    )
    _report(result, out_dir, len(files) - len(result.assets), removed, min_coverage)
    if result.below_minimum:
        sys.exit(EXIT_FINDINGS)


def _check_flavor(fmt: str, flavor: str, base_url: str | None) -> None:
    """A flavor is a kind of plain Markdown; a base URL is for a flavor's links."""
    if flavor != "learn" and fmt != "markdown":
        raise UsageError(
            f"--markdown-flavor {flavor} is for --format markdown, not {fmt}",
            hint="drop --markdown-flavor, or build --format markdown",
        )
    if base_url is not None:
        if flavor == "learn":
            raise UsageError(
                "--base-url is for a --markdown-flavor other than learn",
                hint="learn's links are relative to the docs site: add --markdown-flavor",
            )
        from .guides.publish import check_base_url

        check_base_url(base_url)


def _stale_rule(
    result: BuildResult, some_locales: bool, some_migrations: bool
) -> Callable[[str], bool]:
    """A page of an earlier build is stale when its definition or catalog is gone."""
    known_locales = set(result.locales)
    known_ids = set(result.migrations)

    def is_stale(relpath: str) -> bool:
        locale_id, _, name = relpath.partition("/")
        migration_id = name.removesuffix(".md").removesuffix(".html")
        if locale_id in result.below_minimum:
            return False
        locale_gone = not some_locales and locale_id not in known_locales
        id_gone = not some_migrations and migration_id not in known_ids
        return locale_gone or id_gone

    return is_stale


def _report(
    result: BuildResult, out_dir: Path, written: int, removed: list[str], min_coverage: float | None
) -> None:
    _say(f"{'locale':<8} {'coverage':>9} {'messages':>9}  type  pages")
    for locale_id in result.locales:
        usage = result.coverage[locale_id]
        kind = "-" if locale_id == SOURCE_LOCALE else usage.kind
        pages = sum(1 for p in result.pages if p.locale_id == locale_id)
        ratio = f"{len(usage.translated)}/{len(usage.used)}"
        percent = result.percent(locale_id)
        _say(f"{locale_id:<8} {percent:>8.1f}% {ratio:>9}  {kind:<4}  {pages}")
    for locale_id in result.below_minimum:
        _echo(
            f"sunset: {locale_id} is below --min-coverage {min_coverage:g}%: "
            f"none of its pages were written",
            err=True,
        )
    for relpath in removed:
        _echo(f"removed stale {relpath}")
    _echo(f"wrote {written} pages to {out_dir}")


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--locale",
    default=None,
    metavar="L",
    help="The locale of every catalog (else its Language header or folder).",
)
@_glossary_option("Glossary file.")
@click.option(
    "--markup",
    type=click.Choice(["markdown", "none"]),
    default="markdown",
    show_default=True,
    help="none: no markup checks (reST or plain catalogs).",
)
@click.option(
    "--format", "fmt", type=click.Choice(sorted(REPORTERS)), default="text", show_default=True
)
@click.option(
    "--min-coverage",
    type=_Percent(0, 100),
    default=None,
    metavar="PCT",
    help="Report each locale whose catalogs are translated below PCT.",
)
@click.option("--strict", is_flag=True, help="Warnings fail the run too (exit 1).")
@click.option(
    "--jobs",
    type=click.IntRange(0),
    default=0,
    show_default=True,
    help="Worker processes for large runs; 0: one per core.",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Where [tool.sunset.check] is read from.  [default: pyproject.toml, if any]",
)
@click.option("--list", "list_checks", is_flag=True, help="List the checks and exit.")
def check(
    paths: tuple[Path, ...],
    locale: str | None,
    glossary_path: Path | None,
    markup: Markup,
    fmt: str,
    min_coverage: float | None,
    strict: bool,
    jobs: int,
    config_path: Path | None,
    list_checks: bool,
) -> None:
    """Validate catalogs (.po/.pot) and rendered guides for what machine translation breaks.

    PATHS are files or folders; with none, locales/ and build/guides.
    """
    if list_checks:
        for item in CHECKS:
            markup_note = " (markup)" if item.markup else ""
            markup_note += " (opt-in: enable it in the configuration)" if item.opt_in else ""
            _say(
                f"{item.id:<18} {item.severity:<8} {item.scope:<8} {item.description}{markup_note}"
            )
        return
    if config_path is not None and not config_path.is_file():
        raise UsageError(
            "--config names no file", config_path, hint="give the path of a pyproject.toml"
        )
    config = load_config(config_path or DEFAULT_CONFIG)
    if glossary_path is None and DEFAULT_GLOSSARY.is_file():
        glossary_path = DEFAULT_GLOSSARY
    options = CheckOptions(
        locale=bcp47(parse_locale(locale)) if locale else None,
        markup=markup,
        min_coverage=min_coverage,
        severities=config.severities,
        disabled=config.disabled,
        enabled_ids=config.enabled,
        jobs=jobs,
    )
    targets = list(paths) or [p for p in DEFAULT_CHECK_PATHS if p.exists()]
    if not targets:
        raise UsageError(
            "nothing to check: no PATH given and no locales/ or build/guides here",
            hint="give the catalogs or pages to check",
        )
    project = _project_reader(glossary_path)
    result = run_checks(targets, options, project)
    _nothing_checked(result, targets)
    report = render_report(result, fmt)
    if fmt == "text":  # msgids and messages are untrusted: one line each, no escapes
        report = "".join(printable(line) + "\n" for line in report.splitlines())
    _say(report, nl=False)
    _write_job_summary(result)
    if result.unreadable:
        sys.exit(EXIT_BAD_INPUT)
    if result.errors or (strict and result.warnings):
        sys.exit(EXIT_FINDINGS)


def _project_reader(glossary_path: Path | None) -> ProjectReader | None:
    """What reads the glossary and the names of the project's definitions, if there are
    any: `sunset check` runs it while its workers start on the catalogs."""
    if glossary_path is None and not DEFAULT_DEFINITIONS.is_dir():
        return None

    def read() -> ProjectTerms:
        from .content.load import load_glossary  # the definitions' model, only when there is one

        glossary = load_glossary(glossary_path) if glossary_path else None
        names: tuple[str, ...] = ()
        if DEFAULT_DEFINITIONS.is_dir():  # checked against the project's own glossary
            own = glossary if glossary_path == DEFAULT_GLOSSARY else None
            names = definition_names(DEFAULT_DEFINITIONS, own)
        return (GlossaryTerms.of(glossary) if glossary else None), names

    return read


def _nothing_checked(result: CheckResult, targets: list[Path]) -> None:
    """A run that checked nothing is a misconfigured run, unless it was handed files that
    are ordinary Markdown (a pre-commit hook given a README)."""
    if result.catalogs or result.pages or result.rendered or result.unreadable:
        return
    if result.left and all(path.is_file() for path in targets):
        return
    raise UsageError(
        f"nothing to check in {', '.join(map(str, targets))}: no catalog (.po, .pot), "
        f"rendered guide, side-by-side page, page of a parallel Markdown tree, or HTML or "
        f"SVG file of a locale",
        hint="check the paths",
    )


def _write_job_summary(result: CheckResult) -> None:
    """GitHub Actions shows ten annotations of each kind per step: the summary has the rest."""
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if not summary:
        return
    try:
        with append_regular(Path(summary)) as handle:
            handle.write(job_summary(result))
    except OSError as exc:
        _say(f"sunset: warning: cannot write the job summary: {exc}", err=True)


@main.command()
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@_PROJECT
@_out("checklists")
@click.option(
    "--as-of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    metavar="YYYY-MM-DD",
    help="The day deadlines are counted from.  [default: today]",
)
@click.option("--locale", default=None, metavar="L", help="Write every checklist in L.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["markdown", "html", "both"]),
    default="both",
    show_default=True,
    help="Checklists as Markdown, as HTML pages, or both.",
)
@click.option(
    "--guides-url",
    default=None,
    metavar="URL",
    help="Link guides here, e.g. https://learn.example.com/{locale}/partner-center/{id}.  "
    "[default: copies in OUT/guides/]",
)
@click.option(
    "--skip-invalid", is_flag=True, help="Report a malformed record and carry on with the rest."
)
def checklists(
    source: Path,
    root: Path,
    out: Path | None,
    as_of: dt.datetime | None,
    locale: str | None,
    fmt: ChecklistFormat,
    guides_url: str | None,
    skip_invalid: bool,
) -> None:
    """One migration checklist per affected customer, from Partner Center JSON or CSV."""
    from .checklists.job import run_checklists
    from .checklists.overview import count

    Project(root).require()
    out_dir = out if out is not None else root / "build" / "checklists"
    forced = None
    if locale:
        forced = bcp47(parse_locale(locale))
        available = [SOURCE_LOCALE, *discover_catalogs(root / "locales")]
        if forced not in available:
            raise UsageError(
                f"no catalog for locale {forced}",
                hint=did_you_mean(forced, available) or f"available: {', '.join(available)}",
            )
    day = as_of.date() if as_of else dt.date.today()
    with _progress(source) as progress:
        result = run_checklists(
            source, Project(root), out_dir, day, forced, skip_invalid, guides_url, progress, fmt
        )
    for warning in result.grouped_warnings():
        _echo(f"sunset: warning: {warning}", err=True)
    _echo(
        f"wrote {count(result.written, 'checklist')} to {out_dir} "
        f"({count(result.unaffected, 'customer')} unaffected, {result.skipped} skipped)"
    )


@contextmanager
def _progress(source: Path) -> Iterator[Callable[[int], None] | None]:
    """A progress bar over the input's bytes on a terminal; nothing otherwise."""
    if not sys.stderr.isatty():
        yield None
        return
    size = max(source.stat().st_size, 1)
    with click.progressbar(length=size, label="checklists", file=sys.stderr) as bar:
        done = 0

        def advance(position: int) -> None:
            nonlocal done
            if position > done:
                bar.update(min(position, size) - done)
                done = min(position, size)

        yield advance


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--locale", default=None, metavar="L", help="The locale of every input.")
@_glossary_option("Compare with this glossary.")
@click.option(
    "--min-count",
    type=click.IntRange(1),
    default=2,
    show_default=True,
    help="Leave out spans seen fewer times.",
)
@click.option("--machine", is_flag=True, help="Mine machine-translated pages and messages too.")
@click.option(
    "--disagreements",
    is_flag=True,
    help="Print only the glossary's labels and terms the translators mostly write otherwise.",
)
@click.option("--format", "fmt", type=click.Choice(["yaml", "json"]), default="yaml")
def mine(
    paths: tuple[Path, ...],
    locale: str | None,
    glossary_path: Path | None,
    min_count: int,
    machine: bool,
    disagreements: bool,
    fmt: str,
) -> None:
    """Mine human translations for how labels, names and terms are translated.

    PATHS are catalogs, side-by-side pages or parallel Markdown trees (as for `sunset
    check`). Prints each bold, italic, link and code span of the English with its
    translations per locale, counted, and where they were seen: evidence for the glossary.
    """
    from .checks.miner import mine as mine_paths
    from .checks.miner import report

    if glossary_path is None and DEFAULT_GLOSSARY.is_file():
        glossary_path = DEFAULT_GLOSSARY
    glossary = None
    if glossary_path is not None:
        from .content.load import load_glossary

        glossary = load_glossary(glossary_path)
    if disagreements and glossary is None:
        raise UsageError(
            "--disagreements compares with a glossary, and there is none",
            hint="give --glossary FILE, or run in a project with content/glossary.yaml",
        )
    mined = mine_paths(paths, bcp47(parse_locale(locale)) if locale else None, machine)
    for problem in mined.unreadable:
        _echo(f"sunset: warning: {problem}", err=True)
    if disagreements:
        from .checks.disagree import disagreements as differing

        data: object = differing(mined, min_count, glossary)
    else:
        data = report(mined, min_count, glossary)
    click.echo(_dump(data, fmt), nl=False)
    if not mined.files and mined.machine:
        raise UsageError(
            f"no human translation found to mine ({mined.machine} machine-translated pages "
            "or messages left out)",
            hint="--machine mines them too, as weaker evidence",
        )
    if not mined.files:
        raise UsageError(
            "no translation found to mine",
            hint="give catalogs with translations, side-by-side pages or parallel Markdown trees",
        )


def _dump(data: object, fmt: str) -> str:
    if fmt == "json":
        import json

        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    import yaml

    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


@main.command()
@click.argument("kind", type=click.Choice(get_args(SchemaName)), default="migration")
def schema(kind: SchemaName) -> None:
    """Print the JSON Schema of a definition, the glossary, the steps or summary.json."""
    from .schemas import schema_json

    _say(schema_json(kind), nl=False)

"""One Jinja environment: strict, i18n-enabled, with Babel formatters and glossary lookups.

Templates never see a locale-specific environment: the locale, the glossary and the
translator travel in the render context, and the filters below read them from there.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import jinja2
import yaml
from babel import Locale
from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_decimal
from jinja2 import pass_context
from jinja2.loaders import split_template_path
from jinja2.runtime import Context

from .content.model import TASK_CONTEXT, Glossary, Migration, Phase, Step
from .errors import CatalogError, SunsetError, TemplateError, without_controls
from .files import read_utf8
from .i18n import SOURCE_LOCALE, Localized, Translator, parse_locale

__all__ = [
    "BUNDLE_JOINER",
    "PROSE_AND",
    "TemplateLoader",
    "Vocabulary",
    "bundle",
    "create_environment",
    "escape_markdown",
    "first_of_month",
    "format_day",
    "format_number",
    "grouped",
    "join_list",
    "render",
    "render_template",
    "spaced",
]

# Characters that open or close Markdown inline syntax, wherever they stand: backslash
# escapes that CommonMark, GFM and Python-Markdown all honour. A dot before a letter or
# digit too: an escaped dot splits "www.x", "x.com" and "a@b.c", so no linkify (GFM,
# linkify-it) sees a domain.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]]|\.(?=\w))")
# What Python-Markdown does not backslash-escape (it shows `\|` or `\<` literally), written
# as character references every renderer decodes and that never split a table cell: "<"
# (HTML, autolinks), "&" (entities), "|" (cells), "~" (strike-through), a ":" not followed
# by a space (schemes: https://, mailto:) and "@" (e-mail autolinks).
_ENTITIES = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    ":": "&#58;",
    "@": "&#64;",
    "|": "&#124;",
    "~": "&#126;",
}
_ENTITY_CHARS = re.compile(r"[&<>@|~]|:(?!\s|$)")
# What turns the start of a line into a heading, list item, quote or rule.
_BLOCK_START = re.compile(r"^(\d*)([#+\-.)])")


def escape_markdown(value: object) -> str:
    """Untrusted text as literal Markdown: no links, emphasis, HTML, blocks or table breaks."""
    text = without_controls(" ".join(str(value).split()))
    text = _ENTITY_CHARS.sub(lambda m: _ENTITIES[m.group()], text)
    text = _INLINE_SPECIAL.sub(r"\\\1", text)
    text = _BLOCK_START.sub(r"\1\\\2", text)
    return "&#61;" + text[1:] if text.startswith("=") else text


class Vocabulary:
    """The glossary's approved forms for one locale."""

    def __init__(self, glossary: Glossary, locale_id: str) -> None:
        self.locale_id = locale_id
        self._terms = {t.source: t for t in glossary.terms}
        self._glossary = glossary

    def term(self, source: str) -> Localized:
        entry = self._terms.get(source)
        if entry is None:
            raise KeyError(f"{source!r} is not in the glossary")
        # Glossary forms are data like customer names: never Markdown or a live link.
        return Localized(escape_markdown(entry.forms(self.locale_id)[0]), escape_markdown(source))

    def label(self, source: str) -> Localized:
        """A UI label as the portal shows it in this locale, in the locale's brackets."""
        value = self.term(source)
        if self._terms[source].kind != "ui":
            raise KeyError(f"{source!r} is a {self._terms[source].kind}, not a UI label")
        return Localized(self._glossary.format_label(self.locale_id, value), source)

    def ui(self, source: str) -> Localized:
        """A UI label in bold, as steps show it."""
        value = self.label(source)
        return Localized(f"**{value}**", f"**{value.source}**")


def _ctx(context: Context, name: str) -> Any:
    return context.get(name)


@pass_context
def _ui(context: Context, source: str) -> Localized:
    return _vocabulary(context).ui(source)


@pass_context
def _label(context: Context, source: str) -> Localized:
    return _vocabulary(context).label(source)


@pass_context
def _term(context: Context, source: str) -> Localized:
    return _vocabulary(context).term(source)


def _vocabulary(context: Context) -> Vocabulary:
    vocabulary = _ctx(context, "vocabulary")
    assert isinstance(vocabulary, Vocabulary)
    return vocabulary


def _translator(context: Context) -> Translator:
    translator = _ctx(context, "translator")
    assert isinstance(translator, Translator)
    return translator


@pass_context
def _plain(context: Context, macro: Callable[[], str]) -> str:
    """Call a macro with no side-by-side markup (front matter is YAML)."""
    with _translator(context).plain():
        return str(macro())


@pass_context
def _translate(context: Context, text: str, **variables: Any) -> str:
    """Translate prose that comes from content data (extracted by sunsetkit.content.extract)."""
    return _translator(context).gettext(text, **variables)


@pass_context
def _task(context: Context, phase: Phase, **variables: Any) -> str:
    """A phase's checklist task: a message of its own (context TASK_CONTEXT), since the
    same English serves as the phase's heading and many languages word the two apart."""
    return _translator(context).pgettext(TASK_CONTEXT, phase.task_text, **variables)


@pass_context
def _translate_plain(context: Context, text: str, **variables: Any) -> str:
    """Translate text that is no Markdown segment (an image's alt text is an attribute):
    never wrapped in side-by-side markup."""
    with _translator(context).plain():
        return _translator(context).gettext(text, **variables)


#: Locales (or whole languages) that write the first of the month as an ordinal, which
#: CLDR's patterns lack: French "1er août 2018", Italian "1° luglio 2020", Brazilian
#: "1º de agosto de 2018" (the day of any other date is a cardinal: "2 août").
FIRST_OF_MONTH = {"fr": "er", "it": "°", "pt_BR": "º"}
_DAY_FIELD = re.compile(r"(?<![d'])d(?!d)")


def first_of_month(locale: Locale) -> str | None:
    """The ordinal suffix of the first of the month in a locale, if it writes one."""
    return FIRST_OF_MONTH.get(str(locale), FIRST_OF_MONTH.get(locale.language))


def format_day(value: date, form: str, locale: Locale) -> str:
    """A date in the locale's CLDR form, with the first of the month as native writers do."""
    suffix = first_of_month(locale)
    if suffix is None or value.day != 1 or form not in ("long", "full"):
        return spaced(str(format_date(value, form, locale=locale)), locale)
    pattern = _DAY_FIELD.sub(f"d'{suffix}'", locale.date_formats[form].pattern, count=1)
    return spaced(str(format_date(value, pattern, locale=locale)), locale)


@pass_context
def _date(context: Context, value: date, form: str = "long") -> Localized:
    locale = _locale(str(context["locale_id"]))
    return Localized(
        format_day(value, form, locale), lambda: format_date(value, form, locale="en_US")
    )


@pass_context
def _number(context: Context, value: int | float) -> Localized:
    locale = _locale(str(context["locale_id"]))
    return Localized(format_number(value, locale), lambda: format_decimal(value, locale="en_US"))


#: CLDR's minimumGroupingDigits where it is 2, which Babel does not read: these locales
#: group a number only from five digits on ("1200" but "12 000" in Spanish and Polish).
MIN_GROUPING_2 = frozenset({"es", "pl", "pt_PT"})


def format_number(value: int | float, locale: Locale) -> str:
    """A number in the locale's CLDR format, with its minimum grouping digits."""
    return str(format_decimal(value, locale=locale, group_separator=grouped(value, locale)))


def grouped(value: int | float | Decimal, locale: Locale) -> bool:
    """Whether a number's digits are grouped in a locale: from four digits on, or from
    five where CLDR's minimum grouping digits say so ("1200" but "12 000" in Spanish)."""
    short = str(locale) in MIN_GROUPING_2 or locale.language in MIN_GROUPING_2
    return not short or abs(float(value)) >= 10_000


#: Languages written without spaces whose documentation puts a half-width space between
#: their script and Latin letters or digits (Microsoft's Chinese and Japanese styles):
#: CLDR gives "A和B" and "2019年1月1日"; the docs write "A 和 B" and "2019 年 1 月 1 日".
SPACED_LATIN = frozenset({"ja", "zh"})
_SCRIPT_LATIN = re.compile(
    r"(?<=[A-Za-z0-9])(?=[\u3040-\u30ff\u3400-\u9fff])"
    r"|(?<=[\u3040-\u30ff\u3400-\u9fff])(?=[A-Za-z0-9])"
)
_ITEM = re.compile("\ue000(\\d+)\ue001")


def spaced(text: str, locale: Locale) -> str:
    """CLDR output with the locale's spacing between its script and Latin text."""
    return _SCRIPT_LATIN.sub(" ", text) if locale.language in SPACED_LATIN else text


#: Where CLDR's "and" joins two items with a bare comma ("A、B"), which reads in a title or
#: sentence as an enumeration fragment or an apposition: the conjunction the locale's
#: documentation writes for a pair ("A と B"). Longer lists keep CLDR's enumeration comma.
PROSE_AND = {"ja": "と"}


def join_list(items: list[str], locale: Locale) -> str:
    """A CLDR list; spacing is added where an item meets a connector, never inside one."""
    marked = format_list([f"\ue000{i}\ue001" for i in range(len(items))], locale=locale)
    pieces = [items[int(p)] if i % 2 else p for i, p in enumerate(_ITEM.split(marked))]
    if len(items) == 2 and locale.language in PROSE_AND:
        pieces[2] = PROSE_AND[locale.language]  # the connector between the pair
    joined = ""
    for piece in pieces:
        if joined and piece:
            joined += spaced(joined[-1] + piece[0], locale)[1:-1]
        joined += piece
    return joined


@pass_context
def _join(context: Context, values: Iterable[str]) -> Localized:
    items = list(values)
    locale = _locale(str(context["locale_id"]))
    sources = [getattr(v, "source", v) for v in items]
    return Localized(join_list(items, locale), format_list(sources, locale="en_US"))


#: How every locale writes products bought together: Microsoft's pages in each of them
#: join product names with a spaced plus ("Office 365 E3 + Teams Phone Standard");
#: CLDR's list patterns would say "and", which reads as two separate options in a list
#: of alternatives.
BUNDLE_JOINER = " + "


def bundle(names: Iterable[str]) -> str:
    """Product names bought together, each verbatim (escaped as data)."""
    return BUNDLE_JOINER.join(escape_markdown(name) for name in names)


@pass_context
def _facts(context: Context, migration: Migration) -> dict[str, Any]:
    """The placeholders every prose field of a definition may use, in the page's locale."""
    facts: dict[str, Any] = {
        "product": _join(context, [escape_markdown(p) for p in migration.product]),
        **{key: escape_markdown(name) for key, name in migration.names.items()},
        **{event.key: _date(context, event.date) for event in migration.events},
    }
    if migration.example_product is not None:
        facts["example"] = escape_markdown(migration.example_product)
    return facts


@pass_context
def _step_facts(context: Context, step: Step, facts: dict[str, Any]) -> dict[str, Any]:
    """The definition's facts plus a step's own: bold portal labels, names and numbers."""
    vocabulary = _vocabulary(context)
    return {
        **facts,
        **{key: vocabulary.ui(label) for key, label in step.ui.items()},
        **{key: escape_markdown(name) for key, name in step.names.items()},
        **{key: _number(context, number) for key, number in step.numbers.items()},
    }


@functools.lru_cache(maxsize=64)
def _locale(locale_id: str) -> Locale:
    """Parsed once per locale: Babel's parse costs more than the formatting itself."""
    return parse_locale(locale_id)


def _yaml_scalar(value: object) -> str:
    """A front matter value, quoted only where YAML needs it."""
    dumped = yaml.safe_dump(str(value), allow_unicode=True, width=10_000, default_flow_style=True)
    return dumped.removesuffix("\n...\n").rstrip("\n")


def _us_date(value: date) -> str:
    """ms.date is written MM/DD/YYYY in every locale (strftime writes year 1 as "1" on
    glibc, "0001" elsewhere)."""
    return f"{value.month:02}/{value.day:02}/{value.year:04}"


class TemplateLoader(jinja2.FileSystemLoader):
    """Templates from files: regular files only (a FIFO would block), UTF-8 only."""

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        parts = split_template_path(template)  # refuses ".."
        for folder in self.searchpath:
            path = Path(folder, *parts)
            if path.exists():
                # Read once, bounded (not checked, then read again by Jinja unbounded).
                source, mtime = read_source(path), _mtime(path)
                return source, str(path), functools.partial(_unchanged, path, mtime)
        raise jinja2.TemplateNotFound(template)


#: The largest template (or image, which is one) read: a real one is a few KiB.
TEMPLATE_LIMIT = 8 << 20


def read_source(path: Path) -> str:
    """A template's text: a regular UTF-8 file of at most TEMPLATE_LIMIT bytes."""
    try:
        return read_utf8(path, TEMPLATE_LIMIT)
    except SunsetError as exc:
        utf8 = exc.message.startswith("not UTF-8")
        hint = "save the template as UTF-8" if utf8 else exc.hint
        raise TemplateError(exc.message, path, exc.line, hint=hint) from exc


def _unchanged(path: Path, mtime: float | None) -> bool:
    return _mtime(path) == mtime


def _mtime(path: Path) -> float | None:
    try:
        return path.stat().st_mtime
    except OSError:
        return None


def create_environment(templates: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=TemplateLoader(templates),
        undefined=jinja2.StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        autoescape=False,  # Markdown, not HTML: untrusted values go through `md`
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.policies["ext.i18n.trimmed"] = True
    # Trans blocks pass their variables to gettext, which formats (Jinja's newstyle
    # gettext). The callables themselves come with each render's context.
    env.newstyle_gettext = True  # type: ignore[attr-defined]
    env.globals.update(
        ui=_ui, label=_label, term=_term, plain=_plain, facts=_facts, step_facts=_step_facts
    )
    env.filters.update(ui=_ui, label=_label, term=_term)
    env.filters.update(
        md=escape_markdown,
        bundle=bundle,
        t=_translate,
        t_plain=_translate_plain,
        task=_task,
        date=_date,
        number=_number,
        join_list=_join,
        yaml=_yaml_scalar,
        us_date=_us_date,
    )
    return env


def translation_context(translator: Translator, vocabulary: Vocabulary) -> dict[str, Any]:
    """The variables that bind a render to one locale."""
    return {
        "translator": translator,
        "vocabulary": vocabulary,
        "locale_id": vocabulary.locale_id,
        "is_source_locale": vocabulary.locale_id == SOURCE_LOCALE,
        "gettext": translator.gettext,
        "ngettext": translator.ngettext,
        "pgettext": translator.pgettext,
        "npgettext": translator.npgettext,
    }


def render_template(env: jinja2.Environment, name: str, context: Mapping[str, Any]) -> str:
    """Render one template; any template problem becomes a TemplateError with file:line."""
    try:
        template = env.get_template(name)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(
            f"template syntax error: {exc.message}",
            exc.filename or name,
            exc.lineno,
            hint="fix the Jinja syntax at that line",
        ) from exc
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(
            f"template not found: {exc.name}", name, hint="check the templates/ folder"
        ) from exc
    return render(template, context)


def render(template: jinja2.Template, context: Mapping[str, Any]) -> str:
    """Render a compiled template; whatever it raises is a TemplateError with file:line."""
    name = template.name or "template"
    try:
        return template.render(context)
    except (TemplateError, CatalogError):
        raise
    except RecursionError as exc:
        path, line = _template_frame(exc, name)
        raise TemplateError(
            "template recursion too deep",
            path,
            line,
            hint="a macro or include calls itself without end",
        ) from exc
    except (jinja2.TemplateSyntaxError, jinja2.TemplateNotFound) as exc:  # met while rendering
        raise TemplateError(
            f"template error: {exc.message or exc}",
            getattr(exc, "filename", None) or name,
            getattr(exc, "lineno", None),
            hint="check the template at that line",
        ) from exc
    except Exception as exc:
        path, line = _template_frame(exc, name)
        raise TemplateError(
            f"template error: {exc}",
            path,
            line,
            hint="check the variable names and arithmetic at that line against the model",
        ) from exc


def _template_frame(exc: BaseException, name: str) -> tuple[str, int | None]:
    """The innermost template file and line in a traceback (Jinja maps them for us)."""
    found: tuple[str, int | None] = (name, None)
    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            found = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return found

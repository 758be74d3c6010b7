"""Images per locale: the SVG wireframes are Jinja templates rendered in each page's
language, so a dialog shows the labels its step names, amounts and dates read the way
the reader writes them, and no English is left in a picture of a translated page.

An image may use `_("...")` for a sentence (extracted into the catalogs like any
message), `label("...")` and `term("...")` for the glossary's approved form as the
portal shows it, `currency` (of the locale's country), and the filters
`money(currency)` (an example amount stated in US dollars, shown as a plausible figure in
that currency: see EXAMPLE_MAGNITUDES), `day`, `number`, `width` (about how wide a text is,
to size a button)
and `lines(width)` (a sentence broken into lines). Everything is XML-escaped: a
translation is text in the picture, never markup. An image without any of this renders
as it is.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import jinja2
from babel import Locale
from babel.messages.catalog import Catalog
from babel.numbers import format_currency, get_territory_currencies
from jinja2.runtime import Context
from jinja2.utils import pass_context
from markupsafe import Markup

from ..content.load import load_glossary
from ..content.model import Glossary
from ..errors import ContentError
from ..i18n import SOURCE_LOCALE, Translator, discover_catalogs, load_catalog, parse_locale
from ..project import Project
from ..render import TemplateLoader, format_day, format_number, grouped, render_template

__all__ = ["EXAMPLE_MAGNITUDES", "ImageRenderer", "example_amount", "text_lines", "text_width"]


class ImageRenderer:
    """Renders the project's images, one locale at a time (catalogs read once each)."""

    def __init__(
        self,
        project: Project,
        glossary: Glossary | None = None,
        catalogs: Mapping[str, Catalog] | None = None,
    ) -> None:
        """`glossary` and `catalogs` (by locale): what the caller has read already; the
        rest is read here."""
        self._content = project.migrations_dir.parent
        self._glossary: Glossary = glossary or load_glossary(project.glossary_path)
        self._catalogs = discover_catalogs(project.locales_dir)
        self._translators = {loc: Translator(catalog) for loc, catalog in (catalogs or {}).items()}
        self._env = jinja2.Environment(
            loader=TemplateLoader(self._content),
            undefined=jinja2.StrictUndefined,
            extensions=["jinja2.ext.i18n"],
            autoescape=True,  # SVG is XML: every value is text
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            auto_reload=False,
        )
        self._env.policies["ext.i18n.trimmed"] = True
        self._env.newstyle_gettext = True  # type: ignore[attr-defined]
        self._env.filters.update(
            money=_money, day=_day, number=_number, width=text_width, lines=text_lines
        )

    def render(self, src: str, locale_id: str) -> str:
        """The image at content/<src> as the locale's reader sees it."""
        translator = self._translator(locale_id)
        locale = Locale.parse(parse_locale(locale_id))
        context = {
            "locale_id": locale_id,
            "locale": locale,
            "currency": local_currency(locale),
            "image": src,
            "gettext": lambda text, **values: Markup.escape(translator.gettext(text, **values)),
            "pgettext": lambda context, text, **values: Markup.escape(
                translator.pgettext(context, text, **values)
            ),
            "label": lambda source: self._form(source, locale_id, src),
            "term": lambda source: self._form(source, locale_id, src),
        }
        return render_template(self._env, src, context)

    def _translator(self, locale_id: str) -> Translator:
        if locale_id not in self._translators:
            path = self._catalogs.get(locale_id)
            catalog = load_catalog(path, locale_id) if path and locale_id != SOURCE_LOCALE else None
            self._translators[locale_id] = Translator(catalog)
        return self._translators[locale_id]

    def _form(self, source: str, locale_id: str, src: str) -> str:
        for term in self._glossary.terms:
            if term.source == source:
                return term.forms(locale_id)[0]
        raise ContentError(
            f"the image uses {source!r}, which is not in the glossary",
            self._content / src,
            hint="add it to content/glossary.yaml with its form in every locale",
        )


#: Illustrative magnitudes, NOT exchange rates: roughly what one US dollar of an example
#: amount is in each currency, so that a budget in a picture reads as a plausible figure
#: to its reader (a monthly budget of ₩2,000,000, not ₩1,500). Deliberately rough, and
#: rounded again on use, so that they never pass for a rate nor need updating like one.
EXAMPLE_MAGNITUDES: Mapping[str, Decimal] = {
    code: Decimal(factor)
    for code, factor in {
        "USD": "1", "EUR": "1", "GBP": "0.8", "CHF": "0.9", "CAD": "1.4", "AUD": "1.5",
        "NZD": "1.7", "SEK": "10", "NOK": "10", "DKK": "7", "PLN": "4", "CZK": "23",
        "HUF": "350", "RON": "4.5", "BRL": "5", "MXN": "18", "JPY": "150", "KRW": "1350",
        "CNY": "7", "TWD": "30", "HKD": "8", "INR": "85", "TRY": "35", "ZAR": "18",
    }.items()
}  # fmt: skip


def example_amount(usd: Decimal, currency: str) -> tuple[Decimal, str]:
    """An example amount stated in US dollars as a round figure in the currency (two
    significant digits: $1,500 is ₩2,000,000 and ￥220,000), with the currency it is in:
    US dollars for a currency without a magnitude, rather than an absurd figure."""
    factor = EXAMPLE_MAGNITUDES.get(currency)
    if factor is None:
        return usd, "USD"
    value = usd * factor
    if not value:
        return value, currency
    step = Decimal(1).scaleb(value.adjusted() - 1)
    return (value / step).quantize(Decimal(1), ROUND_HALF_UP) * step, currency


@pass_context
def _money(context: Context, amount: object, currency: str) -> str:
    """An example amount stated in US dollars as a plausible figure in the currency,
    written as the locale writes amounts (2.000.000 ₩ in German, ₩2,000,000 in Korean)."""
    locale = context["locale"]
    try:
        value, shown = example_amount(Decimal(str(amount)), currency)
        return str(
            format_currency(value, shown, locale=locale, group_separator=grouped(value, locale))
        )
    except (InvalidOperation, ValueError) as exc:
        raise ContentError(
            f"money({amount!r}, {currency!r}) is no amount in a currency: {exc}",
            Path(context["image"]),
            hint="write an amount in US dollars such as 1500 and an ISO 4217 code such as 'EUR'",
        ) from exc


@pass_context
def _day(context: Context, value: Any, form: str = "medium") -> str:
    """A date (YYYY-MM-DD) in the locale's CLDR form."""
    if not isinstance(value, dt.date):
        try:
            value = dt.date.fromisoformat(str(value))
        except ValueError as exc:
            raise ContentError(
                f"{value!r} is no date", Path(context["image"]), hint="write it as YYYY-MM-DD"
            ) from exc
    return format_day(value, form, context["locale"])


@pass_context
def _number(context: Context, value: int | float) -> str:
    return format_number(value, context["locale"])


def text_width(text: str, size: float = 13) -> float:
    """About how wide a text is in an SVG at a font size, in user units: wide characters
    (Chinese, Japanese, Korean) take a whole em, others about half of one. Enough to size
    a button or to break a line before the picture's edge."""
    text = _plain(text)
    wide = sum(unicodedata.east_asian_width(c) in ("W", "F") for c in text)
    return size * (wide + 0.55 * (len(text) - wide))


def text_lines(text: str, width: float, size: float = 13) -> list[str]:
    """A sentence broken into lines no wider than width: after a space or a Chinese or
    Japanese comma or full stop, as the languages break; inside a run of wide characters
    only where one is longer than a line ("Azure プラン" stays whole)."""
    text = _plain(text)  # pieces of an escaped text would be escaped a second time
    lines: list[str] = []
    line = ""
    for piece in _pieces(text, width, size):
        if line and text_width(line + piece.rstrip(), size) > width:
            lines.append(line.rstrip())
            line = ""
        line += piece
    return [*lines, line.rstrip()] if line.strip() else lines


#: Where a line may end: after spaces, or after CJK punctuation that closes a phrase.
_PIECE = re.compile(r".*?(?:[\s\u3001\u3002\uff0c\uff1b\uff1a\uff01\uff1f\uff09\u300d\u300f]+|$)")


def _pieces(text: str, width: float, size: float) -> list[str]:
    pieces = []
    for piece in (p for p in _PIECE.findall(text) if p):
        if text_width(piece.rstrip(), size) > width and any(
            unicodedata.east_asian_width(c) in ("W", "F") for c in piece
        ):
            pieces += list(piece)  # a wide run longer than a line breaks between characters
        else:
            pieces.append(piece)
    return pieces


#: The day whose currencies images show: a fixed day, so a picture does not change with
#: the day it is built (a country may adopt another currency).
CURRENCY_DAY = dt.date(2026, 1, 1)


def local_currency(locale: Locale) -> str:
    """The currency of the locale's country (EUR in de-DE, JPY in ja-JP), else USD."""
    territory = locale.territory or str(Locale.parse(f"und_{locale.language}").territory or "")
    found = get_territory_currencies(territory, CURRENCY_DAY) if territory else []
    return found[0] if found else "USD"


def _plain(text: str) -> str:
    return text.unescape() if isinstance(text, Markup) else text

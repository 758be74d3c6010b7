"""Meaning a machine translation changed, seen from data (#16): a currency, country,
language, month or weekday of the source not named in the translation (`world-name`, CLDR
through Babel), and one side of an opposite pair turned into the other (`opposite`,
locale_data `opposites`).

Fixtures are invented sentences of each pattern; the properties run over every shipped
locale and whatever Babel and the locale data hold."""

from __future__ import annotations

import pytest
from babel import Locale
from babel.messages.catalog import Message
from hypothesis import given, settings
from hypothesis import strategies as st

from sunsetkit.checks import CHECKS
from sunsetkit.checks.base import Entry, MessageContext
from sunsetkit.checks.catalog_file import markdown_parser
from sunsetkit.checks.conventions import conventions
from sunsetkit.checks.glossary import locale_glossary
from sunsetkit.checks.meaning import says_no

from .conftest import ROOT

MD = markdown_parser()
BY_ID = {check.id: check for check in CHECKS}
LOCALES = sorted(p.name.replace("_", "-") for p in (ROOT / "locales").iterdir() if p.is_dir())
TRANSLATED = [locale for locale in LOCALES if not locale.startswith("en")]
WIDE = {"ja-JP", "ko-KR", "zh-CN"}
#: Words that say nothing in any shipped locale: filler for invented translations.
FILLER = ("Contoso", "Fabrikam", "Tailspin", "Litware", "Q4")


def _found(check_id: str, source: str, text: str, locale: str) -> list[str]:
    ctx = MessageContext(locale, locale_glossary(None, locale), MD)
    return list(BY_ID[check_id].func(Entry(Message(source, text)), ctx))


def _unnamed(source: str, text: str, locale: str) -> list[str]:
    """What `world-name` and the opt-in `country-name` report."""
    return _found("world-name", source, text, locale) + _found("country-name", source, text, locale)


def test_both_checks_are_registered_described_and_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    authoring = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
    for check_id in ("world-name", "country-name", "opposite"):
        assert BY_ID[check_id].description
        assert f"`{check_id}`" in readme
        assert f"`{check_id}`" in authoring
    assert BY_ID["country-name"].opt_in
    assert not BY_ID["world-name"].opt_in and not BY_ID["opposite"].opt_in


# --- world-name ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("locale", "source", "text"),
    [
        ("ko-KR", "Brazilian real (BRL)", "브라질 실제(BRL)"),  # "real" read as "actual"
        ("ko-KR", "Korean won (KRW)", "한국어 획득(KRW)"),  # "won" read as "win"
        ("de-DE", "Prices change on March 3, 2031.", "Die Preise ändern sich am 3. Mai 2031."),
        ("fr-FR", "Partners in Italy can sign up.", "Les partenaires en Espagne y ont droit."),
        ("sv-SE", "Available in Puerto Rico.", "Tillgänglig i Puerto Kommando."),
        ("zh-CN", "The report is sent every Monday.", "报表每周五发送。"),
        ("pl-PL", "Swiss franc (CHF)", "Dobowy (CHF)"),
        ("nl-NL", "Subtitles in English", "Ondertitels in het Duits"),
        ("pl-PL", "Our office in Dublin, Ireland", "Nasze biuro w Dublinie, Holandia"),
        ("nl-NL", "Prices from June 1", "Prijzen vanaf 1 juli"),  # juni and juli: no near spelling
    ],
)
def test_a_name_of_the_world_turned_into_another_is_reported(
    locale: str, source: str, text: str
) -> None:
    assert _unnamed(source, text, locale)


@pytest.mark.parametrize(
    ("locale", "source", "text"),
    [
        ("ko-KR", "Korean won (KRW)", "대한민국 원(KRW)"),  # CLDR's name
        ("ja-JP", "Revenue in US dollars", "米国ドルでの収益"),  # CJK: the unit (米ドル)
        ("ko-KR", "Pay in Korean won.", "KRW로 결제합니다."),  # the code, not in the source
        ("de-DE", "Prices change on March 3, 2031.", "Die Preise ändern sich am 03.03.2031."),
        ("pl-PL", "Partners in Germany", "Partnerzy w Niemczech"),  # a case of Niemcy
        ("sv-SE", "In the European Union (EU)", "I EU(EU)"),  # the code, once more
        ("de-DE", "Available in Greater China", "Verfügbar in Greater China"),  # English kept
        ("nl-NL", "Subtitles in Simplified Chinese", "Ondertitels in het Chinees"),
        ("ja-JP", "Partners in the United States", "米国のパートナー"),  # CJK: no territories
        ("fr-FR", "You may want to review the list.", "Vous voudrez peut-être revoir la liste."),
        ("es-ES", "People around the world", "Personas de todo el planeta"),  # "world" is a word
        ("fr-FR", "Isle of Man", "Man (Île de)"),  # CLDR's words in another order
        ("it-IT", "Partners in South Africa", "Partner in Sud Africa"),  # Sudafrica apart
        ("de-DE", "Partners in Guyana", "Partner in Guayana"),  # spelled nearly alike
        ("fr-FR", "Liberia", "Libéria"),  # accents aside
        ("sv-SE", "Belarus", "Vitryssland"),  # the locale data's name
        ("de-DE", "Eastern Europe", "Osteuropa"),  # the end of a compound
        ("it-IT", "Marshall Islands", "Isole Marshall"),  # islands: a word many names share
    ],
)
def test_a_name_the_translation_gives_otherwise_is_not_reported(
    locale: str, source: str, text: str
) -> None:
    assert not _unnamed(source, text, locale)


def _names() -> list[tuple[str, str, str | int]]:
    """(English name, kind, code) of every kind, a few each: Babel's English names."""
    en = Locale("en")
    picked: list[tuple[str, str, str | int]] = [
        (en.currencies[code], "currency", code) for code in ("KRW", "BRL", "EUR", "CHF", "JPY")
    ]
    picked += [(en.territories[code], "territory", code) for code in ("IT", "PR", "MD", "US")]
    picked += [(en.languages[code], "language", code) for code in ("en", "de", "fr")]
    picked += [(en.months["format"]["wide"][n], "month", n) for n in (1, 3, 8, 12)]
    picked += [(en.days["format"]["wide"][n], "weekday", n) for n in (0, 4)]
    return picked


def _cldr(locale: str, kind: str, code: str | int) -> list[str]:
    where = Locale.parse(locale.replace("-", "_"))
    if kind == "currency":
        return [where.currencies[str(code)]]
    if kind == "territory":
        return [where.territories[str(code)]]
    if kind == "language":
        return [where.languages[str(code)]]
    table = where.months if kind == "month" else where.days
    # a narrow form (J) names no month: every month of J has it
    return [
        names[code]
        for context in table.values()
        for width, names in context.items()
        if width != "narrow"
    ]


@settings(max_examples=120, deadline=None)
@given(
    locale=st.sampled_from(TRANSLATED),
    name=st.sampled_from(_names()),
    before=st.lists(st.sampled_from(FILLER), max_size=3),
    pick=st.integers(min_value=0, max_value=20),
)
def test_a_translation_with_the_locales_cldr_name_is_never_reported(
    locale: str, name: tuple[str, str, str | int], before: list[str], pick: int
) -> None:
    english, kind, code = name
    forms = _cldr(locale, kind, code)
    text = " ".join([*before, forms[pick % len(forms)], "2031"])
    source = f"Contoso {english} 2031" if kind != "month" else f"On {english} 3, 2031"
    assert not _unnamed(source, text, locale)
    assert not _unnamed(source, f"{' '.join(before)} {english}", locale)


def test_english_and_unknown_locales_are_not_checked() -> None:
    for locale in ("en-US", "xx-YY", None):
        ctx = MessageContext(locale, locale_glossary(None, locale), MD)
        entry = Entry(Message("Korean won (KRW)", "Whatever (KRW)"))
        assert not list(BY_ID["world-name"].func(entry, ctx))
        assert not list(BY_ID["country-name"].func(entry, ctx))


# --- opposite -----------------------------------------------------------------------------


def _spelled(form: str) -> str:
    """A word of the form: a stem with an ending, else as it is."""
    return form[:-1] + "en" if form.endswith("*") else form


def _sides() -> list[tuple[str, str]]:
    pairs = conventions("en").opposite_pairs
    return [side for pair in pairs for side in (pair, pair[::-1])]


@pytest.mark.parametrize("locale", ["en", *TRANSLATED])
def test_every_locale_has_words_for_every_side(locale: str) -> None:
    data = conventions(locale)
    for this, _ in _sides():
        assert data.opposites.get(this), (locale, this)
        assert not {"true", "false"} & set(data.opposites[this]), (locale, this)
        assert set(data.opposites_weak) <= set(data.opposites), locale
    assert data.opposite_pairs if locale == "en" else not data.opposite_pairs


@pytest.mark.parametrize(
    ("locale", "source", "text"),
    [
        ("de-DE", "First-party offers", "Drittanbieter-Angebote"),
        ("pt-BR", "The list of first-party Azure products", "A lista de produtos de terceiros"),
        ("fr-FR", "Enable the setting.", "Désactivez le paramètre."),
        ("es-ES", "Inbound deals", "Ofertas salientes"),
        ("ja-JP", "Upload the file.", "ファイルをダウンロードします。"),
        ("zh-CN", "The price includes tax.", "价格排除税费。"),
        ("ko-KR", "Accept the invitation.", "초대를 거부합니다."),
        ("pl-PL", "Indirect resellers", "Bezpośredni odsprzedawcy"),
        ("sv-SE", "Remove the user.", "Lägg till användaren."),
        ("nl-NL", "The maximum number of users", "Het minimale aantal gebruikers"),
        ("it-IT", "Export the data.", "Importare i dati."),
        ("de-DE", "The field is optional.", "Das Feld ist erforderlich."),
        ("fr-FR", "Show the column.", "Masquez la colonne."),
        ("es-ES", "It takes less than two days.", "Tarda más de dos días."),
        ("pt-BR", "The field is required.", "O campo é opcional."),
        ("it-IT", "More than ten users", "Meno di dieci utenti"),
        ("nl-NL", "Hide the column.", "Toon de kolom."),
        ("sv-SE", "Fewer than ten users", "Fler än tio användare"),
        ("pl-PL", "The field is mandatory.", "Pole jest opcjonalne."),
        ("ja-JP", "The field is optional.", "このフィールドは必須です。"),
        ("zh-CN", "Hide the column.", "显示该列。"),
        ("ko-KR", "More than ten users", "10명 미만의 사용자"),
    ],
)
def test_one_side_turned_into_the_other_is_reported(locale: str, source: str, text: str) -> None:
    assert _found("opposite", source, text, locale)


@pytest.mark.parametrize(
    ("locale", "source", "text"),
    [
        ("de-DE", "Disabled subscriptions", "Nicht aktivierte Abonnements"),  # a negation
        ("it-IT", "We decided to not accept duplicates.", "Abbiamo deciso di rifiutare i doppi."),
        ("fr-FR", "Growth or decline of revenue", "Croissance ou baisse du chiffre"),
        ("ja-JP", "Send it directly to the indirect partner.", "間接パートナーに直接送信します。"),
        ("de-DE", "Enable and disable features", "Features deaktivieren"),  # source has both
        ("es-ES", "Select Add-on.", "Seleccione Quitar complemento."),  # add-on is no "add"
        ("fr-FR", "The step is no longer required.", "L'étape est désormais facultative."),
        ("de-DE", "No more than ten users", "Weniger als elf Benutzer"),  # a denied side
        ("ja-JP", "The column is hidden.", "列は表示されません。"),  # a negation
    ],
)
def test_opposites_said_otherwise_are_not_reported(locale: str, source: str, text: str) -> None:
    assert not _found("opposite", source, text, locale)


#: An English sentence saying one side: its first English word in a frame.
def _source(side: str) -> str:
    return f"Contoso: {conventions('en').opposites[side][0].rstrip('*')} Fabrikam."


@settings(max_examples=150, deadline=None)
@given(
    locale=st.sampled_from(TRANSLATED),
    sides=st.sampled_from(_sides()),
    filler=st.lists(st.sampled_from(FILLER), max_size=3),
)
def test_a_translation_that_says_the_right_side_is_never_reported(
    locale: str, sides: tuple[str, str], filler: list[str]
) -> None:
    this, _ = sides
    for form in conventions(locale).opposites[this]:
        text = " ".join([*filler, _spelled(form), "Tailspin"])
        assert not _found("opposite", _source(this), text, locale), (this, form)


@settings(max_examples=150, deadline=None)
@given(locale=st.sampled_from(TRANSLATED), sides=st.sampled_from(_sides()))
def test_the_other_side_alone_is_reported_and_a_weak_word_never(
    locale: str, sides: tuple[str, str]
) -> None:
    this, that = sides
    own = conventions(locale)
    for form in own.opposites[that]:
        text = f"Contoso {_spelled(form)} Tailspin"
        said = says_no(text, own.opposites[this] + own.opposites_weak.get(this, ()))
        negation = says_no(text, own.negations)  # a negator that is this side's word counts
        expected = not said and (not negation or bool(says_no(negation, own.opposites[that])))
        assert bool(_found("opposite", _source(this), text, locale)) == expected, (that, form)
    for form in own.opposites_weak.get(that, ()):
        if says_no(_spelled(form), own.opposites[that]):
            continue  # the weak word holds a main one ("z wyjątkiem" and "wyjątk*")
        text = f"Contoso {_spelled(form)} Tailspin"
        assert not _found("opposite", _source(this), text, locale), (that, form)


def _english_side_words() -> list[str]:
    """Words of the English sides' forms (stems cut at their star, and grown)."""
    words: list[str] = []
    for forms in conventions("en").opposites.values():
        for form in forms:
            stem = form.rstrip("*")
            words.extend([*stem.split(), stem + "ed"] if form.endswith("*") else form.split())
    return sorted(set(words))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*_english_side_words(), "the", "x", "re-", "-"]), max_size=12))
def test_the_sides_looked_up_by_word_are_the_sides_searched_one_by_one(words: list[str]) -> None:
    """opposite looks the sides a text may say up by its words; that must be exactly the
    sides whose first words or stems the one-by-one test finds."""
    from sunsetkit.checks.meaning import _TOKENS, _may_say, _sides_said

    plain = " ".join(words)
    tokens = frozenset(_TOKENS.findall(plain))
    english = conventions("en").opposites
    expected = {side for side, forms in english.items() if _may_say(plain, tokens, forms)}
    assert _sides_said(plain, tokens) == expected

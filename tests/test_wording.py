"""Wording a native reader stumbles on, held for every locale and definition that exists.

Each rule is one the second native reviews found broken once: a word that takes an article
before each product name, one spelling of a Japanese word, a portal label that ends in a
word only a date may follow.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from babel.messages.pofile import read_po

from sunsetkit.guides import BuildResult

from .conftest import ROOT

#: Words that carry the article of the name they precede: a second name joined to the
#: first needs its own ("do Dynamics 365 for Sales e do Dynamics 365 ..."), else the
#: second reads as bare. Per language whose catalogs give product names an article.
CONTRACTIONS = {
    "pt": ("do", "da", "no", "na", "pelo", "pela", "ao"),
    "it": ("del", "della", "dello", "nel", "nella", "al", "alla"),
}
#: Japanese words written in kanji or in kana: a catalog uses one form of each.
JA_VARIANTS = (("他の", "ほかの"), ("下さい", "ください"), ("事が", "ことが"), ("出来", "でき"))


def _products() -> dict[str, list[str]]:
    """Every definition's product names, by page id (one name may be written alone)."""
    found = {}
    for path in sorted((ROOT / "content/migrations").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        names = data["product"]
        found[data["id"]] = names if isinstance(names, list) else [names]
    return found


def test_each_name_of_a_list_takes_its_own_contracted_article(built: BuildResult) -> None:
    """Where a contraction stands before the first of several product names, the others
    have it too: 'do A e do B', never 'do A e B' (pt-BR, it-IT and any such locale)."""
    products, checked = _products(), 0
    for page in built.pages:
        words = CONTRACTIONS.get(page.locale_id.split("-")[0], ())
        names = products[page.migration_id]
        if not words or len(names) < 2:
            continue
        for word in words:
            lead = re.compile(rf"\b{word} {re.escape(names[0])}\b")
            for match in lead.finditer(page.text):
                rest = page.text[match.end() : match.end() + 200]
                later = rest.split(names[1], 1)[0]
                checked += 1
                assert later.rstrip().endswith(f" {word}"), (
                    page.relpath,
                    page.text[match.start() :][:160],
                )
    assert checked or not any(len(names) > 1 for names in products.values())


@pytest.mark.parametrize("path", sorted(ROOT.glob("locales/ja*/LC_MESSAGES/messages.po")))
def test_a_japanese_catalog_writes_each_word_one_way(path: Path) -> None:
    with path.open("rb") as handle:
        catalog = read_po(handle)
    text = "\n".join(
        s for m in catalog if m.id for s in ([m.string] if isinstance(m.string, str) else m.string)
    )
    for forms in JA_VARIANTS:
        used = [form for form in forms if form in text]
        assert len(used) <= 1, (path, used)


def test_no_label_of_a_date_is_followed_by_a_word_but_the_date(built: BuildResult) -> None:
    """'Expires on' and 'Auto renews on' end, in several locales, in a word that only a
    date may follow ('Scade il', 'Expira el', 'Expire le'): in prose the bold label is
    followed by punctuation, a particle or a preposition of place, never by 'seguito da
    una data'-like words that glue to the label's last word."""
    terms = yaml.safe_load((ROOT / "content/glossary.yaml").read_text(encoding="utf-8"))["terms"]
    dated = {
        term["source"]: term["translations"]
        for term in terms
        if term["source"] in ("Expires on", "Auto renews on")
    }
    assert dated
    for page in built.pages:
        for translations in dated.values():
            form = translations.get(page.locale_id)
            if not isinstance(form, str) or not re.search(r"\b(il|el|le|em|op|on)$", form):
                continue
            for match in re.finditer(re.escape(f"**{form}**"), page.text):
                after = page.text[match.end() : match.end() + 12]
                assert re.match(
                    r"[,.;:]|\s(anziché|en lugar|et non|e não|in plaats|instead)", after
                ), (
                    page.relpath,
                    page.text[match.start() - 40 : match.end() + 40],
                )

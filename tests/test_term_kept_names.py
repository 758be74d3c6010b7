"""Round-12 noise of `term` (issue 16): a glossary term that opens a longer English name
of the source, the name's other words translated and the term kept as written, is the name
Microsoft keeps whole, not the term left in English; the term kept in running prose is still
reported. Invented sentences, one backed capitalised term per shipped locale."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import tiny_catalog
from .only_checks import OPTIONS, found
from .test_term_noise import SHIPPED


def _backed_name(locale: str) -> str | None:
    """A capitalised term whose approved form human translations back and that does not
    hold the term: the English kept is otherwise reported."""
    glossary = OPTIONS.locale_glossary(locale)
    for term, forms in sorted(glossary.terms.items()):
        backed = glossary.evidence.get(term, "").startswith(("agrees:", "portal:"))
        if backed and term[:1].isupper() and " " in term and term not in forms[0]:
            return term
    return None


CASES = [(locale, term) for locale in SHIPPED if (term := _backed_name(locale))]


@pytest.mark.parametrize(("locale", "term"), CASES)
def test_a_term_that_opens_a_longer_name_kept_is_the_name(
    tmp_path: Path, locale: str, term: str
) -> None:
    word = sorted(w for w in OPTIONS.locale_glossary(locale).function_words if w.isalpha())[0]
    names = [
        (f"Set up a {term} Qwerty connection.", f"Mm {term} Qwertyx mm."),
        (f"Install the {term} zork-sync connector.", f"Mm {term} mm zork-sync."),
        (f"{term} to Fabrikam", f"{term} mm Fabrikam"),
    ]
    prose = [
        (f"Sign in to {term} today.", f"Mm {term} mm."),
        (f"{term} to Tailwind", f"{term} mm Vento"),  # the other name not kept: no name
        (f"Install the {term} and the connector.", f"Mm {term} mm."),
        # the term after a function word of the text: the text's prose, not a name's head
        (f"The {term} Qwerty ID is used.", f"Mm {word} {term} mm."),
    ]
    assert found(tiny_catalog(tmp_path, locale, [*names, *prose]), "term") == [
        source for source, _ in prose
    ]

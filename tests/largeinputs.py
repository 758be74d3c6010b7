"""Large generated inputs for `sunset check`: every kind of file it reads, each of the
shapes that stress a check (many links, emphasis spans, placeholders, acronyms and glossary
terms in one message; long lines and words; deep nesting; many messages, segments, blocks,
headings), at a size `k`. Used by the scaling test and the check benchmark."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import write_po

from sunsetkit.content.model import Glossary

__all__ = ["write_inputs"]

#: The large messages hold this many units per unit of `k`: the cost of one message is
#: what grows too fast when a check compares every span with every other.
MESSAGE = 8

#: Pathological runs, each repeated k times in a message of its own: what makes a regular
#: expression backtrack or a parser rescan (unclosed brackets, markers, long words).
RUNS: dict[str, Callable[[int], str]] = {
    "capitals": lambda k: "A1" * k + " and the AB tool",
    "brackets": lambda k: "](a" * k,
    "open-placeholders": lambda k: "%( " * k,
    "long-word": lambda k: "x" * (8 * k) + ".txt and more words here",
    "urls-in-a-word": lambda k: "see https://" * 2 + "https://" * k + " x.",
    "nesting": lambda k: "[" * k + "x" + "]" * k + " **" * k + "a" + "** " * k,
    "stars": lambda k: "*a " * k + "_a " * k,
    "backticks": lambda k: "`a ``b " * k,
    "html": lambda k: "<a " * k + "&amp" * k,
    "bars": lambda k: " | ".join(f"role {i}" for i in range(k)),
    "pipes-and-code": lambda k: "`|x|` | " * k,
}


def _terms(glossary: Glossary) -> list[str]:
    return [entry.source for entry in glossary.terms] or ["Partner Center"]


def _labels(glossary: Glossary) -> list[tuple[str, str]]:
    """The glossary's UI labels of several words (roles), with their German form: English
    left is sought for each of them."""
    found = [
        (e.source, e.forms("de-DE")[0])
        for e in glossary.terms
        if e.kind == "ui" and " " in e.source
    ]
    return found or [("Sales agent", "Vertriebsmitarbeiter")]


def _unit(i: int, terms: list[str], german: bool) -> str:
    """One sentence with a link, bold, italic, code, placeholders, an acronym, a number,
    a glossary term and a bold UI label; the German one differs now and then, so that
    the checks also report."""
    term = terms[i % len(terms)]
    code = chr(65 + i % 26) + chr(65 + i // 26 % 26)
    target = f"https://learn.example/{i}.md" if not german or i % 7 else f"x{i}.md"
    if not german:
        return (
            f"See [the guide {i}]({target}) and **Save** in *{term}* with `code{i}` for "
            f"%(n{i})s and {{count}} of the {code} tool in FY2{i % 10}."
        )
    acronym = code if i % 5 else ""
    count = "{count}" if i % 4 else "Anzahl"
    return (
        f"Siehe [die Anleitung {i}]({target}) und **Speichern** in *{term}* mit `code{i}` "
        f"für %(n{i})s und {count} des {acronym} Werkzeugs im Jahr 2{i % 10}"
        + ("." if i % 3 else "")
    )


def _units(k: int, terms: list[str], german: bool) -> str:
    return " ".join(_unit(i, terms, german) for i in range(k))


def _messages(k: int, terms: list[str], labels: list[tuple[str, str]]) -> Catalog:
    """A few large messages: every stress shape in one message."""
    catalog = Catalog(locale="de_DE", project="scaling")
    catalog.add(_units(k, terms, False), _units(k, terms, True), flags={"python-format"})
    roles = " and the ".join(labels[i % len(labels)][0] for i in range(k))
    german = ", ".join(
        f"{labels[i % len(labels)][1]} ({labels[i % len(labels)][0]})" for i in range(k)
    )
    catalog.add(f"Ask the {roles}.", f"Fragen Sie {german}.", context="labels left")
    for name, run in RUNS.items():
        catalog.add(run(k), run(k), context=f"{name} copied")
        catalog.add(run(k), run(k // 2) + " Übersetzung", context=f"{name} changed")
    return catalog


def _catalog(k: int) -> Catalog:
    """Many small messages: labels translated two ways (one of them in every message,
    each time otherwise), plurals, every state."""
    catalog = Catalog(locale="de_DE", project="scaling")
    for i in range(MESSAGE * k):
        catalog.add("Apply", f"Anwenden {i}", context=f"apply {i}")
    for i in range(k):
        label = f"Label {i % 50}"
        catalog.add(f"Select **{label}**.", f"Wählen Sie **Etikett {i % 3}**.", context=str(i))
        catalog.add(label, f"Etikett {i % 4}", context=f"label {i}")
        catalog.add((f"{i} day", f"{i} days"), (f"{i} Tag", f"{i} Tage"), context=f"plural {i}")
        catalog.add(f"Fuzzy {i} message.", f"Unscharf {i}.", flags={"fuzzy"}, context=f"f {i}")
        catalog.add(f"Open {i} message.", "", context=f"open {i}")
        catalog.obsolete[f"Old {i}"] = Message(f"Old {i}", f"Alt {i}")
    return catalog


#: What makes an HTML reader rescan a page: tags, comments and sections never closed.
UNCLOSED = ("<a ", "<a x='", "<!--", "<![CDATA[", "</", "<?")


def _side_by_side(segments: list[tuple[str, str]], k: int = 0) -> str:
    """Segments with their English; with `k`, each unclosed construct k times after them."""
    tail = "\n\n".join(unit * k for unit in UNCLOSED) if k else ""
    body = "\n\n".join(
        f'<span data-ttu-id="s-{i}">{text}</span><span class="sxs-lookup">'
        f'<span data-stu-id="s-{i}">{source}</span></span>'
        for i, (source, text) in enumerate(segments)
    )
    return f"---\ntitle: Seite\nms.contentlocale: de-DE\n---\n\n# Seite\n\n{body}\n\n{tail}\n"


def _tree_page(k: int, german: bool) -> str:
    """Many short blocks, every tenth lost in the translation: the pages no longer align."""
    blocks = []
    for i in range(MESSAGE * k):
        if german and i % 10 == 3:
            continue
        blocks.append(f"## {'Abschnitt' if german else 'Section'} {i}")
        blocks.append(f"Text {i}.")
        if i % 8 == 0:
            blocks.append(f"| Name | {i} |\n|---|---|\n| a | b |")
    return "\n\n".join(blocks) + "\n"


def _guide(k: int, terms: list[str], locale: str) -> str:
    german = locale != "en-US"
    lines = [
        "---",
        "title: Guide",
        f"ms.contentlocale: {locale}",
        "ms.topic: how-to",
        "---",
        "",
        "# Guide",
        "",
    ]
    for i in range(k):
        lines += [f'## <a name="s{i}"></a>Section {i}', "", _unit(i, terms, german), ""]
        lines += [f"- item {j}" for j in range(1 + (german and i % 9 == 0))] + [""]
        lines += ["| a | b |", "|---|---|", f"| {i} | {{{{ left }}}} |", ""]
    return "\n".join(lines)


def _surfaces(k: int, terms: list[str], locale: str, image: bool) -> str:
    """An HTML page of many images with alt text (or an SVG of many texts with tspans):
    some of the German left in English, some with markup, one very long, and every
    pathological run in an attribute of its own; an SVG text left open at the end."""
    german = locale != "en-US"
    items = []
    for i in range(MESSAGE * k):
        text = _unit(i, terms, german and i % 5 != 0)
        if german and i % 11 == 0:
            text = f"&lt;span data-ttu-id={i}&gt;{text}"
        if image:
            items.append(f'<text x="{i}">{html.escape(text)} <tspan>{i}</tspan></text>')
        else:
            items.append(f'<p><img src="{i}.svg" alt="{html.escape(text)}" title="{i}"></p>')
    long_text = html.escape(_units(MESSAGE * k, terms, german))
    runs = "".join(f'<b aria-label="{html.escape(run(k))}"></b>' for run in RUNS.values())
    if image:
        return (
            f'<svg xml:lang="{locale}"><title>{long_text}</title>{runs}\n'
            + "\n".join(items)
            + "\n<text>open"
        )
    head = f'<meta name="description" content="{long_text}">'
    return f'<html lang="{locale}"><head>{head}</head><body>{runs}\n' + "\n".join(items)


def write_inputs(root: Path, k: int, glossary: Glossary) -> int:
    """Every kind of input at size `k`, by what it stresses: root/messages (a few large
    messages, in a catalog, a side-by-side page and a parallel page), root/catalog (many
    small messages) and root/pages (guides and parallel pages of many blocks). Returns the
    bytes written."""
    terms = _terms(glossary)
    big = _units(MESSAGE * k, terms, False), _units(MESSAGE * k, terms, True)
    files: dict[Path, str | Catalog] = {
        root / "messages" / "de_DE" / "LC_MESSAGES" / "big.po": _messages(
            MESSAGE * k, terms, _labels(glossary)
        ),
        root / "messages" / "sxs" / "de-de" / "page.md": _side_by_side([big], 4 * MESSAGE * k),
        root / "messages" / "tree" / "en" / "page.md": big[0] + "\n",
        root / "messages" / "tree" / "de" / "page.md": big[1] + "\n",
        root / "catalog" / "de_DE" / "LC_MESSAGES" / "many.po": _catalog(k),
        root / "pages" / "sxs" / "de-de" / "page.md": _side_by_side(
            [(_unit(i, terms, False), _unit(i, terms, True)) for i in range(k)]
        ),
        root / "pages" / "tree" / "en" / "page.md": _tree_page(k, False),
        root / "pages" / "tree" / "de" / "page.md": _tree_page(k, True),
        root / "pages" / "guides" / "en-US" / "guide.md": _guide(k, terms, "en-US"),
        root / "pages" / "guides" / "de-DE" / "guide.md": _guide(k, terms, "de-DE"),
        **{
            root / "pages" / "site" / locale / f"page.{suffix}": _surfaces(
                k, terms, locale, suffix == "svg"
            )
            for locale in ("en-US", "de-DE")
            for suffix in ("html", "svg")
        },
    }
    size = 0
    for path, content in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, Catalog):
            with path.open("wb") as out:
                write_po(out, content, include_previous=False)
        else:
            path.write_text(content, encoding="utf-8")
        size += path.stat().st_size
    return size

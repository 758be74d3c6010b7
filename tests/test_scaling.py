"""Every check costs time and memory linear in its input (#18: 40,000 links in one page
took 105 s and 3.2 GB). Each check of the registry, alone, runs over large generated
inputs of every shape that stresses a check (tests/largeinputs.py) at a size and at 8 times
that size; the larger may cost at most ~8 times as much, with slack for a busy machine.

A check added to the registry is covered here with no edit."""

from __future__ import annotations

import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sunsetkit.checks import CHECKS, Check, CheckOptions, run_checks, sxs
from sunsetkit.checks.parallel import WINDOW, Block, align
from sunsetkit.checks.sxs import read_side_by_side
from sunsetkit.content.load import load_glossary

from .conftest import ROOT
from .largeinputs import write_inputs

GLOSSARY = load_glossary(ROOT / "content" / "glossary.yaml")
SMALL, GROWTH = 8, 8
#: Linear growth is GROWTH times the cost; quadratic would be GROWTH squared (64). The
#: slack covers a busy machine and the processor's caches, which a larger input leaves.
TIME_BOUND = GROWTH * 3
#: Memory is compared from half the small input to twice it: below that, a run's peak is
#: mostly what any run holds (a file's parse), which one parser per process made so small
#: that the smallest input no longer shows the per-message cost (62 KB at k=1, then 109 KB
#: per k from k=4 to k=16, linear).
MEMORY_SIZES = (SMALL // 2, SMALL * 2)
MEMORY_BOUND = (MEMORY_SIZES[1] // MEMORY_SIZES[0]) * 1.6


#: The peak memory of a check run, per byte of input: reading and parsing hold the input
#: several times over, and no more.
PER_BYTE = 40
SIZES: dict[int, int] = {}


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    roots = {}
    for k in sorted({SMALL, SMALL * GROWTH, *MEMORY_SIZES}):
        roots[k] = tmp_path_factory.mktemp(f"k{k}")
        SIZES[k] = write_inputs(roots[k], k, GLOSSARY)
    return roots


def _only(check_id: str) -> CheckOptions:
    others = frozenset(c.id for c in CHECKS if c.id != check_id)
    return CheckOptions(
        glossary=GLOSSARY,
        jobs=1,
        min_coverage=100,
        disabled=others,
        enabled_ids=frozenset({check_id}),
    )


#: CPU seconds a timing spans at least (the coarsest process clock ticks every 16 ms).
MIN_TIMED = 0.1


def _seconds(root: Path, options: CheckOptions, repeat: int) -> float:
    """The least of a few runs in CPU time: what the check costs, not what other processes
    on a busy machine take from it. A run too short for the clock's tick (about 16 ms on
    Windows) is repeated until the tick is small beside it."""
    best = float("inf")
    for _ in range(repeat):
        runs, start = 0, time.process_time()
        while True:
            run_checks([root], options)
            runs += 1
            spent = time.process_time() - start
            if spent >= MIN_TIMED or runs >= 100:
                break
        best = min(best, spent / runs)
    return best


def _peak(root: Path, options: CheckOptions) -> int:
    tracemalloc.start()
    try:
        run_checks([root], options)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


#: The inputs each kind of check reads: a message check reads large messages (in a
#: catalog, a side-by-side page and a parallel page) and many small ones, a page check many
#: pages' blocks, a catalog check the catalogs.
INPUTS = {
    "message": ("messages", "catalog"),
    "catalog": ("catalog", "messages"),
    "page": ("pages",),
}


def _ratios(small_root: Path, large_root: Path, options: CheckOptions) -> Iterator[float]:
    """The time ratio, measured again while it is over the bound (a busy moment)."""
    small = _seconds(small_root, options, 2)
    large = _seconds(large_root, options, 1)
    yield large / small
    for _ in range(3):
        small = min(small, _seconds(small_root, options, 2))
        large = min(large, _seconds(large_root, options, 1))
        yield large / small


# Timed without the coverage tracer: it slows some code more than other code, so it
# would bend the ratio, and it triples the time (the code is covered by other tests).
@pytest.mark.no_cover
@pytest.mark.parametrize("check", CHECKS, ids=lambda check: check.id)
def test_every_check_is_linear_in_time(check: Check, inputs: dict[int, Path]) -> None:
    options = _only(check.id)
    run_checks([inputs[SMALL]], options)  # imports and caches: not the check's cost
    for kind in INPUTS[check.scope]:
        small, large = inputs[SMALL] / kind, inputs[SMALL * GROWTH] / kind
        for ratio in _ratios(small, large, options):
            if ratio <= TIME_BOUND:
                break
        assert ratio <= TIME_BOUND, (
            f"{check.id}, {kind}: {GROWTH}x the input, {ratio:.1f}x the time"
        )


# Without the tracer too: it doubles the time of the five runs per check (CI's budget),
# and the code is covered by the other tests.
@pytest.mark.no_cover
@pytest.mark.parametrize("check", CHECKS, ids=lambda check: check.id)
def test_every_check_is_linear_in_memory(check: Check, inputs: dict[int, Path]) -> None:
    options = _only(check.id)
    small, large = MEMORY_SIZES
    # imports and a process's caches (its one markdown-it parser, Babel's tables) are built
    # once, by whichever run comes first: not the check's cost
    run_checks([inputs[small]], options)
    for kind in INPUTS[check.scope]:
        peak, least = _peak(inputs[large] / kind, options), _peak(inputs[small] / kind, options)
        if peak / least > MEMORY_BOUND:
            # a run fills the checks' bounded caches (`name-changed` keeps up to 8,192 pages'
            # answers) with what it reads first: measured again, both runs hold theirs
            peak = min(peak, _peak(inputs[large] / kind, options))
            least = min(least, _peak(inputs[small] / kind, options))
        ratio = peak / least
        assert ratio <= MEMORY_BOUND, f"{check.id}, {kind}: {ratio:.1f}x the memory"
        assert peak <= PER_BYTE * SIZES[large], f"{check.id}: {peak / SIZES[large]:.0f} B/byte"


def test_the_inputs_hold_what_the_checks_report(inputs: dict[int, Path]) -> None:
    """The generated inputs reach the checks' work, not only their quick exits: every
    check that can report on them does."""
    result = run_checks([inputs[SMALL]], CheckOptions(glossary=GLOSSARY, jobs=1, min_coverage=100))
    found = {f.check for f in result.findings}
    assert found >= {
        "untranslated",
        "fuzzy",
        "obsolete",
        "coverage",
        "placeholders",
        "markup",
        "code",
        "links",
        "term",
        "consistency",
        "english-left",
        "acronym",
        "whitespace",
        "end-punctuation",
        "page-lists",
        "surface-english",
        "surface-markup",
        "page-structure",
        "page-leftover",
    }


def _blocks(kinds: list[int]) -> list[Block]:
    return [
        Block(("paragraph", "heading", "table cell")[k], str(n), n) for n, k in enumerate(kinds)
    ]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.integers(0, 2), max_size=3 * WINDOW),
    st.lists(st.integers(0, 2), max_size=3 * WINDOW),
)
def test_alignment_pairs_every_block_once_in_order(page: list[int], source: list[int]) -> None:
    pairs = list(align(_blocks(page), _blocks(source)))
    assert [b.line for b, _ in pairs if b is not None] == list(range(len(page)))
    assert [e.line for _, e in pairs if e is not None] == list(range(len(source)))
    assert all(b.kind == e.kind for b, e in pairs if b is not None and e is not None)


@given(st.lists(st.integers(0, 2), max_size=4 * WINDOW))
def test_a_page_of_the_same_blocks_aligns_whole(kinds: list[int]) -> None:
    pairs = list(align(_blocks(kinds), _blocks(kinds)))
    assert all(b is not None and e is not None and b.line == e.line for b, e in pairs)


_SEGMENT = (
    '<span data-ttu-id="{0}">{1}</span><span class="sxs-lookup">'
    '<span data-stu-id="{0}">{2}</span></span>'
)
_NOISE = st.sampled_from(
    ["<br/>", "<b>x</b>", "<!-- c -->", "<span>y</span>", "&lt;", "a < b", "&amp;", "x", " "]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.lists(_NOISE, max_size=4), st.lists(_NOISE, max_size=4)), max_size=4))
def test_side_by_side_pages_read_as_before_in_linear_time(
    segments: list[tuple[list[str], list[str]]],
) -> None:
    """The reader's pass that writes a `<` opening no complete tag as `&lt;` (so that
    HTMLParser never rescans) changes nothing it reads on a page of complete tags; an
    unfinished one (`<a `) is text, where HTMLParser would read on into the next tag."""
    page = "\n\n".join(
        _SEGMENT.format(i, "".join(text), "".join(source))
        for i, (text, source) in enumerate(segments)
    )
    reader = sxs._Reader()
    reader.feed(page)
    reader.close()
    assert read_side_by_side(page) == [
        sxs.Segment(seg_id, text, reader.sources[seg_id], line)
        for seg_id, text, line in reader.translations
        if seg_id in reader.sources
    ]

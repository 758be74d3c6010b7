"""File names read each script as its readers do: Korean in the Revised Romanization,
Japanese in Hepburn, the rest by anyascii; always short, portable and inside the folder."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from anyascii import anyascii
from hypothesis import given, settings
from hypothesis import strategies as st

from sunsetkit.checklists.model import Customer
from sunsetkit.checklists.plan import DIGEST_CHARS, SLUG_CHARS, file_name
from sunsetkit.checklists.romanize import hangul, hepburn, romanize
from sunsetkit.write import safe_join

# The examples of the Revised Romanization of Korean (Ministry of Culture and Tourism,
# 2000), articles 1 to 3, but those whose sound change the dictionary decides (신문로
# Sinmunno, 학여울 Hangnyeoul) or that are verbs (잡혀 japyeo, 굳히다 guchida).
STANDARD = """
광희문 gwanghuimun 구미 gumi 영동 yeongdong 백암 baegam 옥천 okcheon 합덕 hapdeok 호법 hobeop
월곶 wolgot 벚꽃 beotkkot 한밭 hanbat 구리 guri 설악 seorak 칠곡 chilgok 임실 imsil
울릉 ulleung 대관령 daegwallyeong 백마 baengma 종로 jongno 왕십리 wangsimni 별내 byeollae
신라 silla 해돋이 haedoji 같이 gachi 좋고 joko 놓다 nota 낳지 nachi 묵호 mukho
집현전 jiphyeonjeon 압구정 apgujeong 낙동강 nakdonggang 죽변 jukbyeon 낙성대 nakseongdae
합정 hapjeong 팔당 paldang 샛별 saetbyeol 울산 ulsan 부산 busan 세종 sejong 제주 jeju
의정부 uijeongbu 청주 cheongju 독도 dokdo 무량수전 muryangsujeon
""".split()  # noqa: SIM905 (the standard's words, as it prints them)


@pytest.mark.parametrize(("word", "latin"), list(zip(STANDARD[::2], STANDARD[1::2], strict=True)))
def test_korean_follows_the_revised_romanization(word: str, latin: str) -> None:
    assert hangul(word) == latin


@pytest.mark.parametrize(
    ("kana", "latin"),
    [
        ("しゃしん", "shashin"),
        ("きっぷ", "kippu"),
        ("マッチャ", "matcha"),
        ("トーキョー", "tokyo"),
        ("とうきょう", "toukyou"),
        ("ティー", "ti"),
        ("ファイル", "fairu"),
        ("ウィンドウズ", "windouzu"),
        ("ジェーアール", "jearu"),
        ("ヴァイオリン", "vaiorin"),
        ("ちゅうごく", "chuugoku"),
        ("ふじ", "fuji"),
        ("つづく", "tsuzuku"),
    ],
)
def test_kana_follow_hepburn(kana: str, latin: str) -> None:
    assert hepburn(kana) == latin


HANGUL = st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3)
KANA = st.characters(min_codepoint=0x3041, max_codepoint=0x3096) | st.characters(
    min_codepoint=0x30A1, max_codepoint=0x30FC
)


@settings(deadline=None)  # a shared machine may pause any example
@given(st.text(HANGUL, min_size=1, max_size=30))
def test_every_syllable_gives_letters_of_the_romanization_alphabet(word: str) -> None:
    latin = hangul(word)
    assert re.fullmatch(r"(?:[abdeghijklmnoprstuwy]|ch)+", latin)
    assert len(re.findall("[aeiou]", latin)) >= len(word)  # no syllable's vowel is lost


@settings(deadline=None)  # a shared machine may pause any example
@given(st.text(KANA, max_size=30))
def test_kana_become_latin_letters_only(kana: str) -> None:
    assert re.fullmatch(r"[a-z ]*", hepburn(kana))  # ・ parts words


def test_kanji_are_japanese_with_kana_or_for_a_japanese_customer() -> None:
    assert romanize("株式会社さくら精工").split() == ["kabushikigaisha", "sakura", "seiko"]
    assert romanize("東京海上", japanese=True).split() == ["tokyo", "kaijo"]
    assert romanize("東京海上").lower() == "dongjinghaishang"  # alone, kanji are also Chinese
    assert romanize("삼성전자 주식회사").split() == ["samseongjeonja", "jusikhoesa"]


SCRIPTS = {
    "latin": (0x41, 0x24F),
    "greek": (0x370, 0x3FF),
    "cyrillic": (0x400, 0x4FF),
    "hebrew": (0x5D0, 0x5EA),
    "arabic": (0x620, 0x64A),
    "devanagari": (0x900, 0x97F),
    "thai": (0xE01, 0xE5B),
    "hangul": (0xAC00, 0xD7A3),
    "kana": (0x3041, 0x30FF),
    "han": (0x4E00, 0x9FFF),
    "symbols": (0x2000, 0x2BFF),
    "halfwidth": (0xFF61, 0xFF9F),
}
WINDOWS_RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"{d}{n}" for d in ("com", "lpt") for n in range(10)),
}


def _sounds_alone(letter: str) -> bool:
    """Whether a letter alone is written with a letter. Not so: a modifier letter (the
    long-vowel mark ー, the iteration marks ゝ ヽ), the small ッ (it doubles the next
    consonant), a letter that ASCII writes as a mark (the glottal stop U+0241 as ', the
    reversed ezh as `), an ideograph newer than the transliteration's table."""
    if unicodedata.category(letter) not in ("Lu", "Ll", "Lt", "Lo"):
        return False
    if "\u3041" <= letter <= "\u30ff":
        written = hepburn(letter)
    elif "\uac00" <= letter <= "\ud7a3":
        written = hangul(letter)
    else:
        written = anyascii(letter)
    return any(c.isalnum() for c in written)


@settings(max_examples=200, deadline=None)
@given(
    script=st.sampled_from(sorted(SCRIPTS)),
    data=st.data(),
    locale_id=st.sampled_from(["", "ja-JP", "ko-KR", "zh-CN", "de-DE"]),
    customer_id=st.text(min_size=1, max_size=40),
)
def test_a_name_in_any_script_makes_a_portable_file_name(
    script: str,
    data: st.DataObject,
    locale_id: str,
    customer_id: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    low, high = SCRIPTS[script]
    letters = st.characters(min_codepoint=low, max_codepoint=high, blacklist_categories=("Cs",))
    name = data.draw(
        st.text(letters | st.sampled_from(' .-&/\\:*?"<>|\t'), min_size=1, max_size=300)
    )
    customer = Customer(id=customer_id.strip() or "x", name=name.strip() or "x")
    produced = file_name(customer, locale_id=locale_id)
    assert produced == file_name(customer, locale_id=locale_id)  # deterministic
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*\.md", produced), produced
    assert len(produced) <= SLUG_CHARS + 1 + DIGEST_CHARS + len(".md")
    assert produced.split(".")[0] not in WINDOWS_RESERVED
    root = tmp_path_factory.getbasetemp()
    assert safe_join(root, produced).parent == root
    spoken = [c for c in customer.name if _sounds_alone(c)]
    if script in ("hangul", "kana", "han", "latin") and spoken:
        assert not produced.startswith("customer-"), (name, produced)


@settings(max_examples=100, deadline=None)
@given(words=st.lists(st.text(HANGUL, min_size=1, max_size=6), min_size=1, max_size=5))
def test_korean_words_stay_words_in_the_file_name(words: list[str]) -> None:
    produced = file_name(Customer(id="x", name=" ".join(words)))
    assert produced.rsplit("-", 1)[0] == "-".join(hangul(w) for w in words)[:SLUG_CHARS].rstrip("-")


@settings(max_examples=100, deadline=None)
@given(
    ids=st.lists(
        st.text(min_size=1, max_size=20).map(str.strip).filter(bool),
        min_size=2,
        max_size=5,
        unique=True,
    )
)
def test_one_name_many_ids_never_share_a_file_even_case_blind(ids: list[str]) -> None:
    names = {file_name(Customer(id=i, name="株式会社さくら"), 64).lower() for i in ids}
    assert len(names) == len(ids)


def test_an_unread_name_becomes_customer_and_stays_inside(tmp_path: Path) -> None:
    for name in ("!!!", "../../..", "\u200b\u200d", "CON", "nul"):
        produced = file_name(Customer(id="x", name=name))
        assert safe_join(tmp_path, produced).parent == tmp_path
        assert produced.split(".")[0] not in WINDOWS_RESERVED


@pytest.mark.parametrize(
    ("name", "fallback"),
    [("\u0241\u0242", True), ("\u0241a\u0242", False), ("ッ", True), ("マッチャ", False)],
)
def test_a_name_of_letters_with_no_sound_alone_falls_back_to_the_customer(
    name: str, fallback: bool
) -> None:
    """The glottal stop is a letter that ASCII writes as an apostrophe, the small ッ only
    doubles the next consonant: alone, they leave the slug no letter, and the file is named
    for the customer; beside a letter, the name's letters."""
    produced = file_name(Customer(id="c1", name=name))
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*\.md", produced), produced
    assert produced.startswith("customer-") is fallback, produced

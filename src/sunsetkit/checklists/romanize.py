"""Names in Latin letters as each script reads them, for readable file names.

Japanese is read as Japanese (janome's dictionary gives each word's sound, written in
Hepburn without long-vowel marks: 東京 tokyo), Korean in the Revised Romanization of
2000 (syllables joined with the standard's sound changes: 신라 silla, 종로 jongno), every
other script by anyascii (Złoty zloty, 北京 beijing). Kanji without kana are read as
Japanese only when the caller says the name is Japanese: alone they are also Chinese.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import TYPE_CHECKING

from anyascii import anyascii

if TYPE_CHECKING:
    from janome.tokenizer import Tokenizer

__all__ = ["hangul", "hepburn", "romanize"]

# --- Korean: the Revised Romanization of Korean (2000) ---------------------------------


def _table(text: str) -> list[str]:
    return text.split()


_ONSETS = _table("g kk n d tt r m b pp s ss - j jj ch k t p h")
_VOWELS = _table("a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i")
#: Per final (index 1..27): its sound before a consonant or at a word's end, the part
#: that stays and the onset that moves to a following vowel ("-": no move; 닭이 dalgi).
_FINALS = [("", "", "-")] + [
    (sound, stays, moves)
    for sound, stays, moves in (
        final.split(":")
        for final in _table(
            "k::g k::kk k:k:s n::n n:n:j n::n t::d l::r k:l:g m:l:m l:l:b l:l:s l:l:t "
            "p:l:p l::r m::m p::b p:p:s t::s t::ss ng:ng:- t::j t::ch k::k t::t p::p t::"
        )
    )
]
_NIEUN, _RIEUL, _MIEUM, _SIOS, _SILENT = 2, 5, 6, 9, 11  # onsets
_NH, _LH, _H = 6, 15, 27  # finals ㄶ ㅀ ㅎ
_I = 20  # the vowel ㅣ
_ASPIRATED = {0: "k", 3: "t", 12: "ch"}  # ㄱ ㄷ ㅈ after ㅎ (좋고 joko, 놓다 nota)
_NASAL = {"k": "ng", "t": "n", "p": "m"}  # before ㄴ ㅁ (백마 baengma, 합니다 hamnida)


def _syllables(word: str) -> list[tuple[int, int, int]]:
    """Each syllable's onset, vowel and final (Unicode composes them arithmetically)."""
    codes = [ord(c) - 0xAC00 for c in word]
    return [(code // 588, code % 588 // 28, code % 28) for code in codes]


def hangul(word: str) -> str:
    """One word of Hangul syllables in the Revised Romanization: finals meet the next
    onset as the standard's sound changes say (liaison, nasals, ㄹ, ㅎ, palatals); tense
    sounds and the dictionary's exceptions (신문로) are not written, as it says."""
    parts = _syllables(word)
    out = []
    for i, (onset, vowel, final) in enumerate(parts):
        first = _ONSETS[onset].replace("-", "") if i == 0 else ""  # else: by the junction
        out.append(first + _VOWELS[vowel])
        nxt = parts[i + 1] if i + 1 < len(parts) else None
        coda, start = _junction(final, nxt)
        out.append(coda + start)
    return "".join(out)


def _junction(final: int, nxt: tuple[int, int, int] | None) -> tuple[str, str]:
    """The letters of a final and of the next syllable's onset, where they meet."""
    sound, stays, moves = _FINALS[final]
    if nxt is None:
        return sound, ""
    onset, vowel = nxt[0], nxt[1]
    if onset == _SILENT:
        if moves == "-":
            return stays, ""
        if vowel == _I and moves in ("d", "t"):  # 해돋이 haedoji, 같이 gachi
            moves = {"d": "j", "t": "ch"}[moves]
        return stays, moves
    if final in (_NH, _LH, _H) and onset in _ASPIRATED:
        return sound if final != _H else "", _ASPIRATED[onset]
    if final == _H and onset == _SIOS:  # 닿소 daso
        return "", "s"
    if onset in (_NIEUN, _MIEUM) and sound in _NASAL:
        return _NASAL[sound], _ONSETS[onset]
    if onset == _RIEUL:
        if sound in ("l", "n"):  # 신라 silla, 울릉 ulleung
            return "l", "l"
        return _NASAL.get(sound, sound), "n" if sound else "r"  # 종로 jongno, 왕십리 wangsimni
    if onset == _NIEUN and sound == "l":  # 별내 byeollae
        return "l", "l"
    return sound, _ONSETS[onset].replace("-", "")


# --- Japanese: Hepburn from kana, kanji read by janome ---------------------------------

_KANA = dict(
    zip(
        "アイウエオカキクケコガギグゲゴサシスセソザジズゼゾタチツテトダヂヅデドナニヌネノ"
        "ハヒフヘホバビブベボパピプペポマミムメモヤユヨラリルレロワヰヱヲンヴァィゥェォャュョヮヵヶ"
        "ヷヸヹヺ・",
        _table(
            "a i u e o ka ki ku ke ko ga gi gu ge go sa shi su se so za ji zu ze zo "
            "ta chi tsu te to da ji zu de do na ni nu ne no ha hi fu he ho ba bi bu be bo "
            "pa pi pu pe po ma mi mu me mo ya yu yo ra ri ru re ro wa i e o n vu "
            "~a ~i ~u ~e ~o ^a ^u ^o ~a ka ke va vi ve vo _"  # ~ small vowel, ^ small y
        ),
        strict=True,
    )
)


def hepburn(kana: str) -> str:
    """Kana in Hepburn without long-vowel marks (ー is dropped: トーキョー tokyo; a vowel
    written twice stays: とうきょう toukyou); ッ doubles the next consonant (マッチャ matcha)."""
    out: list[str] = []
    double = False
    for char in kana:
        code = ord(char)
        if 0x3041 <= code <= 0x3096:  # hiragana to katakana
            char = chr(code + 0x60)
        if char in "ッっ":
            double = True
            continue
        sound = _KANA.get(char)
        if sound is None:
            out.append("" if char in "ーゝゞヽヾ" else char)
            continue
        if sound[0] in "~^" and out and out[-1][-1:] in "aiueo":
            out[-1] = _small(out[-1], sound)
            continue
        sound = {"~": "", "^": "y", "_": " "}.get(sound[0], "") + sound.lstrip("~^_")
        if double and sound[0] not in "aiueon":
            sound = ("t" if sound.startswith("ch") else sound[0]) + sound
        double = False
        out.append(sound)
    return "".join(out)


def _small(before: str, small: str) -> str:
    """A kana and a small one after it: キャ kya, シャ sha, ティ ti, ファ fa, ウィ wi."""
    vowel, stem = small[1:], before[:-1]
    if small[0] == "^":  # ャュョ
        return (stem if stem.endswith(("sh", "ch", "j")) else stem + "y") + vowel
    if stem in ("k", "g") and before.endswith("u"):
        return stem + "w" + vowel
    return (stem or {"u": "w", "i": "y"}.get(before, "")) + vowel


@functools.cache
def _tokenizer() -> Tokenizer:
    from janome.tokenizer import Tokenizer  # its dictionary is large: loaded when needed

    return Tokenizer()


def _japanese(text: str) -> list[str]:
    """Words of Japanese text in Hepburn; one-character words in a row make one (精工)."""
    words: list[str] = []
    single = False
    for token in _tokenizer().tokenize(text):
        if isinstance(token, str):  # only when asked for surfaces alone (wakati)
            continue
        sound = next((s for s in (token.phonetic, token.reading) if s and s != "*"), token.surface)
        latin = anyascii(hepburn(sound))
        if words and single and len(token.surface) == 1:
            words[-1] += latin
        else:
            words.append(latin)
        single = len(token.surface) == 1
    return words


# --- any name ----------------------------------------------------------------------------

_HANGUL = "\uac00-\ud7a3"
_KANA_CHARS = "\u3041-\u3096\u309d\u309e\u30a1-\u30fa\u30fc-\u30fe"
_HAN = "\u3005\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_RUNS = re.compile(f"([{_HANGUL}]+)|([{_KANA_CHARS}{_HAN}]+)")
_HAS_KANA = re.compile(f"[{_KANA_CHARS}]")


def romanize(name: str, japanese: bool = False) -> str:
    """The name in Latin letters, words apart. Kanji are read as Japanese when the name
    has kana or `japanese` says so, else as Chinese."""
    name = unicodedata.normalize("NFKC", name)
    japanese = japanese or bool(_HAS_KANA.search(name))
    words: list[str] = []
    end = 0
    for run in _RUNS.finditer(name):
        words.append(anyascii(name[end : run.start()]))
        end = run.end()
        if run.group(1):
            words.append(hangul(run.group(1)))
        elif japanese:
            words.extend(_japanese(run.group(2)))
        else:
            words.append(anyascii(run.group(2)))
    words.append(anyascii(name[end:]))
    return " ".join(w for w in words if w)

"""Text normalization shared by the loader, the matcher and the engine.

`fold` is the one matching form of any text: NFC, lower case, diacritics and
đ removed, punctuation turned to spaces, whitespace collapsed. Users write
"hoà" or "hòa", with or without tone marks; all meet in the folded form.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"\s+")
_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)

# Characters with no Unicode decomposition that a Vietnamese user may drop.
_EXTRA_FOLD = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "ø": "o", "ł": "l", "ß": "ss"})

# Vietnamese letters that survive folding prove the text is Vietnamese.
VIETNAMESE_MARKS = set("ăâđêôơưĂÂĐÊÔƠƯ") | set("àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")


def collapse_whitespace(text: str) -> str:
    """NFC and single spaces: the form in which quotes are compared with seeds."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.translate(_EXTRA_FOLD))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# Every Latin letter with marks (Vietnamese included) mapped to its bare letter in one table, so the
# common case is a single str.translate; anything else still goes through Unicode decomposition.
_LATIN_FOLD = str.maketrans(
    {
        chr(c): _strip_marks(chr(c))
        for c in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]
        if _strip_marks(chr(c))
    }
)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """The matching form: lower case, no diacritics, no punctuation, single spaces."""
    stripped = text.translate(_LATIN_FOLD)
    if not stripped.isascii():
        stripped = _strip_marks(unicodedata.normalize("NFKC", stripped))  # fullwidth and styled letters too
    lowered = stripped.lower().translate(_EXTRA_FOLD)
    return _SPACES.sub(" ", _NON_WORD.sub(" ", lowered.replace("_", " "))).strip()


def words_as_typed(text: str) -> list[str]:
    """The words of the text in lower case with their marks, split as `fold` splits them."""
    lowered = unicodedata.normalize("NFC", text).lower().replace("_", " ")
    return _SPACES.sub(" ", _NON_WORD.sub(" ", lowered)).strip().split()


def marks_of(word: str) -> set[tuple[int, str]]:
    """The marks on a word's letters, by the letter's place: "nội" {(1, circumflex), (1, dot below)}."""
    decomposed = unicodedata.normalize("NFD", word.lower().replace("đ", "d\u0335"))
    marks: set[tuple[int, str]] = set()
    letter = -1
    for ch in decomposed:
        if unicodedata.combining(ch):
            marks.add((letter, ch))
        else:
            letter += 1
    return marks


def has_vietnamese_marks(text: str) -> bool:
    return any(ch in VIETNAMESE_MARKS for ch in text)

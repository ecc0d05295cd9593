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


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """The matching form: lower case, no diacritics, no punctuation, single spaces."""
    decomposed = unicodedata.normalize("NFD", text.translate(_EXTRA_FOLD))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    lowered = stripped.lower().translate(_EXTRA_FOLD)
    return _SPACES.sub(" ", _NON_WORD.sub(" ", lowered.replace("_", " "))).strip()


def has_vietnamese_marks(text: str) -> bool:
    return any(ch in VIETNAMESE_MARKS for ch in text)

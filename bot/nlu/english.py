"""Whether a word is an English word: what tells a typo in an English question ("comission",
"agreemnt") from an English word the base never uses ("promoted", "tense"), which must stay as typed.

The word list is pyspellchecker's English frequency dictionary, read on the first English question
that holds a word the base does not know (it takes a moment and some memory, which a base answering
only Vietnamese never spends).
"""

from __future__ import annotations

from functools import cache

from spellchecker import SpellChecker


@cache
def _dictionary() -> SpellChecker:
    return SpellChecker(language="en", distance=1)


def is_english_word(word: str) -> bool:
    """The folded word is in the English dictionary."""
    return word in _dictionary()

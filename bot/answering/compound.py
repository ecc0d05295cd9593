"""Questions about two things at once: "Kỳ họp 38 và kỳ họp 46 … tổ chức ở đâu?", "Saleumxay Kommasith
và Sok Chenda Sophea giữ chức vụ gì?", "the 8th and 9th consultations".

The question is cut at its conjunction into a head (up to the first round or person) and a tail (after
the second); each whole question is the head and the tail around one of the two. Both are answered,
and the answer is the two replies together. When either half
finds nothing, the question is answered as one (the caller's fallback), never half-answered.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import Final

from bot.answering.answers import Answer, Status
from bot.answering.protocol import Lookup
from bot.nlu.lexicon import Intent
from bot.nlu.parsing import parse_round
from bot.nlu.text import fold
from bot.nlu.understanding import Question

_AND: Final = re.compile(r"\s+(?:và|va|and|với|voi|&)\s+|\s*,\s*", re.IGNORECASE)
_NUMBER: Final = re.compile(r"\d+")
_SUFFIX: Final = re.compile(r"^(?:st|nd|rd|th)\b", re.IGNORECASE)


def split(engine: Lookup, q: Question) -> tuple[str, str] | None:
    """The two whole questions a question about two rounds or two officials stands for, if it is one."""
    for match in _AND.finditer(q.text):
        first, second = q.text[: match.start()], q.text[match.end() :]
        if not first.strip() or not second.strip():
            continue
        rounds = _two_rounds(first, second)
        if rounds is not None:
            return rounds
        people = _two_officials(engine, q, first, second)
        if people is not None:
            return people
    return None


def _two_rounds(first: str, second: str) -> tuple[str, str] | None:
    a, b = parse_round(fold(first)), parse_round(fold(second))
    if a is None or b is None or a == b or len(_NUMBER.findall(first)) != 1:
        return None
    number = _NUMBER.search(second)
    first_number = _NUMBER.search(first)
    if number is None or first_number is None or int(number.group(0)) != b:
        return None  # a round written in words: nothing safe to substitute
    # "the 38th and 46th sessions": the ordinal suffix stays with each number
    tail = _SUFFIX.sub("", second[number.end() :], count=1)
    suffix = _SUFFIX.match(second[number.end() :])
    second_round = str(b) + (suffix.group(0) if suffix else "")
    first_after = _SUFFIX.sub("", first[first_number.end() :], count=1)
    return first + tail, first[: first_number.start()] + second_round + first_after + tail


def _two_officials(engine: Lookup, q: Question, first: str, second: str) -> tuple[str, str] | None:
    if not q.intents & {Intent.PROFILE, Intent.WHO} or q.event_kinds:
        return None  # "X và Y gặp nhau khi nào" asks about one meeting of both
    a = engine.index.officials_in(fold(first).split())
    b = engine.index.officials_in(fold(second).split())
    if len(a) != 1 or len(b) != 1 or a.keys() == b.keys():
        return None
    official = engine.knowledge.official(next(iter(b)))
    if official is None:
        return None
    for name in sorted([official.name, *official.aliases], key=len, reverse=True):
        at = fold(second).find(fold(name))
        if at >= 0 and len(fold(second[: at + len(name)])) == at + len(fold(name)):
            # folding kept the length, so the folded position is the position in the text
            return first.strip() + second[at + len(name) :], second
    return None


def answer_both(engine: Lookup, q: Question, first: str, second: str, today: dt.date) -> Answer | None:
    """Both halves answered, or None when either is not."""
    replies = [engine.lookup(text, q.lang, today) for text in (first, second)]
    if any(r.status is not Status.ANSWERED for r in replies):
        return None
    facts = tuple(dict.fromkeys(f for r in replies for f in r.facts))
    sources = tuple(dict.fromkeys(s for r in replies for s in r.sources))
    text = "\n\n".join(r.text for r in replies)
    return dataclasses.replace(replies[0], question=q.text, text=text, facts=facts, sources=sources)

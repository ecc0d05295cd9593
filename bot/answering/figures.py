"""Figures answered whole: a value with the growth quoted in the same sentence, and the earlier
period's value worked out from the two when a question asks for it.

"Kim ngạch … đạt hơn 1,2 tỷ USD, tăng 33,6% so với cùng kỳ năm 2020" is two figures of one
sentence; either answers with both. Asked for 2020, the answer derives about 0,9 tỷ USD from them
and says it is derived, not stated.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from bot.answering.answers import Lang
from bot.kb.facts import Figure
from bot.nlu.lexicon import COMPARED_WITH, SHARE_DONE, SHARE_DONE_MARKS, SHARE_NOT_YET
from bot.nlu.parsing import AMOUNT, YEAR_IN_TEXT
from bot.nlu.text import fold
from bot.render.text import localized, phrase

PERCENT = "%"
COMPARISON_REACH = 6  # words before a year in which "so với" makes it the base of a comparison


def share_done(figure: Figure, folded_question: str, lang: Lang) -> str | None:
    """ "Đã phân giới cắm mốc được bao nhiêu phần trăm?" of a share its name gives as still to do ("…
    còn lại chưa phân giới cắm mốc: 16%"): the rest of 100 %, said to be worked out. The question asks
    for what is done when it names the act as done ("đã phân giới …", "completed") or, in English,
    names the act without a word of not yet."""
    if figure.unit != PERCENT or not 0 < figure.value < 100:
        return None
    acts = [
        words
        for name in (fold(figure.name_vi), fold(figure.name_en))
        for m in SHARE_NOT_YET.finditer(name)
        if (words := name[m.end() :].split())
    ]
    done = bool(SHARE_DONE.search(folded_question)) or any(
        any(f"{mark} {' '.join(words)}" in folded_question for mark in SHARE_DONE_MARKS)
        or (
            lang == "en" and words[0] in folded_question.split() and not SHARE_NOT_YET.search(folded_question)
        )
        for words in acts
    )
    if not done:
        return None
    rest = _decimal(100 - figure.value, lang)
    return phrase("share_done", lang, done=f"{rest}%", rest=f"{_decimal(figure.value, lang)}%")


def _decimal(number: float, lang: Lang, spec: str = "g") -> str:
    """A number as the language writes it: "19,7" in Vietnamese, "19.7" in English."""
    written = f"{number:{spec}}"
    return written.replace(".", ",") if lang == "vi" else written


class FigureIndex:
    """Figures by the sentence they are quoted from, and by the event they were reported at."""

    def __init__(self, figures: Iterable[Figure]) -> None:
        self._by_quote: dict[str, list[Figure]] = defaultdict(list)
        self._by_event: dict[str, list[Figure]] = defaultdict(list)
        for figure in figures:
            for quote in figure.quotes:
                self._by_quote[quote].append(figure)
            if figure.about:
                self._by_event[figure.about].append(figure)

    def reported_at(self, event_id: str) -> list[Figure]:
        """The figures reported at an event."""
        return list(self._by_event.get(event_id, ()))

    def companions(self, figure: Figure) -> list[Figure]:
        """The other figures of the sentence a figure is quoted from."""
        found = {f.id: f for quote in figure.quotes for f in self._by_quote[quote] if f.id != figure.id}
        return list(found.values())


@dataclass(frozen=True)
class Derived:
    value: Figure
    growth: Figure
    text: str


def asked_years(folded_question: str) -> set[int]:
    """The years a question asks about: not those it compares with ("so với năm 2021")."""
    years = set()
    since = 0  # the words before a year, back to the year before it: "so với năm 2021, vậy năm 2021 …"
    for match in YEAR_IN_TEXT.finditer(folded_question):
        before = " ".join(folded_question[since : match.start()].split()[-COMPARISON_REACH:])
        if not COMPARED_WITH.search(before):
            years.add(int(match.group(0)))
        since = match.end()
    return years


def earlier_value(figures: list[Figure], folded_question: str, lang: Lang) -> Derived | None:
    """The value of the year a growth figure compares with, when the question asks for that year:
    the value divided by (1 + growth). None when the figures hold no value, no growth or no such
    year."""
    values = [f for f in figures if f.unit != PERCENT]
    growths = [f for f in figures if f.unit == PERCENT]
    if len(values) != 1 or len(growths) != 1:
        return None
    value, growth = values[0], growths[0]
    compared = {int(y) for y in YEAR_IN_TEXT.findall(f"{growth.value_text_vi} {growth.value_text_en}")}
    asked = (compared & asked_years(folded_question)) - {value.year}
    if len(asked) != 1:
        return None
    year = asked.pop()
    earlier = value.value / (1 + growth.value / 100)
    return Derived(
        value,
        growth,
        phrase(
            "earlier_value",
            lang,
            value=_with_number(localized(value, "value_text", lang), earlier, lang),
            year=str(year),
        ),
    )


def _with_number(value_text: str, number: float, lang: Lang) -> str:
    """The value as the seed words it ("hơn 1,2 tỷ USD") with another number: a lower bound stays one."""
    return AMOUNT.sub(_decimal(number, lang, ".1f"), value_text, count=1)

"""Ordinals and dates in a question, read from its folded form.

Everything here works on `fold(question)` (no diacritics, lower case,
punctuation as spaces), except dates like 28/12/2021 whose separators matter:
those are read from a lightly normalized form that keeps `/` and `-`.
A round, a year or a date named in a question is a hard constraint for the
engine, so the parsers prefer to miss a reading rather than invent one.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from bot.nlu.lexicon import (
    MONEY,
    MONTH_RANGE_JOINERS,
    MONTHS_EN,
    NUMBERS,
    RELATIVE_DATES,
    ROUNDS,
    SHARE,
    YEAR_RANGE_JOINERS,
)
from bot.nlu.text import fold

VI_NUMBER_WORDS = NUMBERS.vi
EN_ORDINAL_WORDS = NUMBERS.en_ordinals
EN_TENS = NUMBERS.en_tens
ROMAN = NUMBERS.roman


def _any(words: list[str] | dict[str, int]) -> str:
    """A regex alternation of folded words, longest first (so "ky hop" wins over "ky")."""
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


_ROUND_NOUNS = _any(ROUNDS.vi_nouns)
_VI_ORDINAL = re.compile(
    rf"\b{_ROUND_NOUNS}(?: thu)? (?P<num>\d{{1,3}})\b"
    rf"|\b{_any(ROUNDS.vi_spelt_nouns)} thu (?P<word>{_any(VI_NUMBER_WORDS)})\b"
    r"|\bthu (?P<num2>\d{1,3})\b"
    rf"|\b(?P<first>{_any(ROUNDS.vi_first_short)})(?: {_any(ROUNDS.vi_first)})?\b"
    # "lần tham khảo chính trị đầu tiên", "cuộc họp Tham khảo Chính trị cấp Thứ trưởng Việt Nam – Lào đầu
    # tiên": the first of a kind named between the noun and "đầu tiên"
    # ("kỳ họp đầu tiên sau dịch", the first since something, is no round number)
    rf"|\b{_any(ROUNDS.vi_first_nouns)}(?: \w+){{1,12}}? (?P<first2>{_any(ROUNDS.vi_first)})\b"
    rf"(?! {_any(ROUNDS.vi_first_since)})"
    rf"|\b{_any(ROUNDS.vi_bare_nouns)} (?P<word2>{_any(NUMBERS.vi_bare)})\b"
    rf"|\bthu (?P<word3>{_any(VI_NUMBER_WORDS)})\b"
)
# A spelt-out ordinal is a round only when an event noun follows ("the first meeting", not "the first
# eleven months").
_EN_ORDINAL = re.compile(
    # ("the 1st 11 months" is a part of a year, no round)
    rf"\b(?P<num>\d{{1,3}}) ?(?:st|nd|rd|th)\b(?! \d+ {_any(ROUNDS.not_before)}\b)"
    rf"|\b{_any(ROUNDS.en_nouns)} (?P<num2>\d{{1,3}})\b"
    rf"|\b(?:(?P<tens>{_any(EN_TENS)}) )?(?P<word>{_any(EN_ORDINAL_WORDS)})\b(?=(?: \w+){{0,4}} "
    rf"{_any(ROUNDS.en_event_nouns)}\b)"
)


# A bare number right after a mechanism's name is its round: "tham vấn chính trị 8", "biên giới 31".
_NAME_THEN_NUMBER = re.compile(
    rf"\b{_any(ROUNDS.name_ends)}\s+(?P<num>\d{{1,2}})\b(?!\s*{_any(ROUNDS.not_before)})"
)


def round_span(folded: str) -> tuple[int, int] | None:
    """Where in a folded text the round phrase stands ("lần thứ nhất", "kỳ họp 46", "8th")."""
    for pattern in (_VI_ORDINAL, _EN_ORDINAL, _NAME_THEN_NUMBER):
        match = pattern.search(folded)
        if match:
            return match.start(), match.end()
    return None


def round_spans(folded: str) -> list[tuple[int, int]]:
    """Where in a folded text each round phrase stands, in order ("lần 2 … hẹn lần 3")."""
    return sorted(m.span() for pattern in (_VI_ORDINAL, _EN_ORDINAL) for m in pattern.finditer(folded))


def parse_round(folded: str) -> int | None:
    """The round ('lần thứ 8', 'kỳ họp 46', '8th', 'eighth', 'lần đầu') a folded question names."""
    match = _VI_ORDINAL.search(folded)
    if match:
        if match["num"] or match["num2"]:
            return int(match["num"] or match["num2"]) or None
        if match["first"] or match["first2"]:
            return 1
        word = match["word"] or match["word2"] or match["word3"]
        return VI_NUMBER_WORDS[word]
    match = _EN_ORDINAL.search(folded)
    if match:
        if match["num"] or match["num2"]:
            return int(match["num"] or match["num2"]) or None
        value = EN_ORDINAL_WORDS[match["word"]]
        if match["tens"]:
            value += EN_TENS[match["tens"]]
        return value
    match = _NAME_THEN_NUMBER.search(folded)
    if match:
        return int(match["num"]) or None
    return None


@dataclass(frozen=True)
class DateQuery:
    """A date as precise as the question gives it; `year_end` marks a span of years."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    year_end: int | None = None
    day_end: int | None = None
    relative: bool = False  # read from 'today', 'this year'... against the clock

    @property
    def has_day(self) -> bool:
        return self.day is not None and self.month is not None

    def span(self) -> tuple[dt.date, dt.date] | None:
        """The closed interval of real days this query can mean, when it names a year."""
        if self.year is None:
            return None
        end_year = self.year_end or self.year
        try:
            if self.month is None:
                return dt.date(self.year, 1, 1), dt.date(end_year, 12, 31)
            if self.day is None:
                last = dt.date(self.year + self.month // 12, self.month % 12 + 1, 1) - dt.timedelta(days=1)
                return dt.date(self.year, self.month, 1), last
            return dt.date(self.year, self.month, self.day), dt.date(
                self.year, self.month, self.day_end or self.day
            )
        except ValueError:
            return None

    def matches(self, start: dt.date, end: dt.date) -> bool:
        """Whether an event dated [start, end] falls on what this query names."""
        span = self.span()
        if span is not None and not (start <= span[1] and end >= span[0]):
            return False
        if self.month is not None and span is None:
            # day and month without a year: any year
            days = _days_between(start, end)
            if self.day is None:
                return any(d.month == self.month for d in days)
            wanted = set(range(self.day, (self.day_end or self.day) + 1))
            return any(d.month == self.month and d.day in wanted for d in days)
        return True

    def describe(self, lang: str) -> str:
        if lang == "en":
            parts = []
            if self.day:
                parts.append(str(self.day) + (f"–{self.day_end}" if self.day_end else ""))
            if self.month:
                parts.append(dt.date(2000, self.month, 1).strftime("%B"))
            if self.year:
                parts.append(str(self.year) + (f"–{self.year_end}" if self.year_end else ""))
            return " ".join(parts)
        if self.day and self.month:
            text = f"ngày {self.day}" + (f"–{self.day_end}" if self.day_end else "") + f"/{self.month}"
            return text + (f"/{self.year}" if self.year else "")
        if self.month:
            return f"tháng {self.month}" + (f"/{self.year}" if self.year else "")
        if self.year:
            return f"năm {self.year}" + (f"–{self.year_end}" if self.year_end else "")
        return ""


def _days_between(start: dt.date, end: dt.date) -> list[dt.date]:
    if (end - start).days > 400:
        return [start]  # a multi-year span never pins a day or month
    return [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]


_YEAR = r"(?:19[4-9]\d|20[0-4]\d)"
# any year written in a text (a claim, a figure's wording) and any amount ("1,2", "33.6")
YEAR_IN_TEXT = re.compile(r"\b(1[89]\d{2}|20\d{2})\b")
AMOUNT = re.compile(r"\d+(?:[.,]\d+)?")


def amounts(text: str) -> list[tuple[re.Match[str], float]]:
    """The amounts a text writes ("1,2", "33.6"), years left out, each with its match."""
    return [
        (match, float(match.group(0).replace(",", ".")))
        for match in AMOUNT.finditer(text)
        if not YEAR_IN_TEXT.fullmatch(match.group(0))
    ]


_NUMERIC_DATE = re.compile(
    rf"(?<![\d/])(?P<d>\d{{1,2}})(?:\s*-\s*(?P<d2>\d{{1,2}}))?\s*[/.-]\s*(?P<m>\d{{1,2}})(?:\s*[/.-]\s*(?P<y>{_YEAR}))?(?![\d/])"
)
_MONTH_YEAR = re.compile(rf"\bthang (?P<m>\d{{1,2}})(?: nam |\s*/\s*|\s*-\s*| )(?P<y>{_YEAR})\b")
_VI_WORDY = re.compile(rf"\bngay (?P<d>\d{{1,2}}) thang (?P<m>\d{{1,2}})(?: nam (?P<y>{_YEAR}))?\b")
_VI_MONTH = re.compile(r"\bthang (?P<m>\d{1,2})\b(?! nam \d)")
# "tham vấn 12/2021": a month and a year written with a slash and no "tháng"
_NUMERIC_MONTH_YEAR = re.compile(rf"(?<![\d/])(?P<m>\d{{1,2}})\s*/\s*(?P<y>{_YEAR})(?![\d/])")
_MONTH_NAMES = "|".join(sorted(MONTHS_EN, key=len, reverse=True))
_EN_DAY_MONTH = re.compile(
    rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?(?P<mon>{_MONTH_NAMES})\b(?: (?P<y>{_YEAR}))?"
)
_EN_MONTH_DAY = re.compile(
    rf"\b(?P<mon>{_MONTH_NAMES}) (?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,? (?P<y>{_YEAR}))?"
)
_EN_MONTH_YEAR = re.compile(rf"\b(?P<mon>{_MONTH_NAMES}) (?:of )?(?P<y>{_YEAR})\b")
# "January-November 2021", "tháng 1-11/2021": months of one year, asked as that year
_MONTH_RANGE = re.compile(
    rf"\b(?:(?:{_MONTH_NAMES})\s*(?:-|{_any(MONTH_RANGE_JOINERS)})\s*(?:{_MONTH_NAMES})"
    r"|thang \d{1,2}\s*-\s*\d{1,2})"
    rf"\s*(?:/\s*|of |nam )?(?P<y>{_YEAR})\b"
)
_YEAR_RANGE = re.compile(rf"\b(?P<y>{_YEAR})\s*(?:-|–|{_any(YEAR_RANGE_JOINERS)})\s*(?P<y2>{_YEAR})\b")
_BARE_YEAR = re.compile(rf"(?<![\d/])(?P<y>{_YEAR})(?![\d/])")

_TODAY, _THIS_YEAR, _LAST_YEAR, _THIS_MONTH = (
    RELATIVE_DATES[name] for name in ("today", "this_year", "last_year", "this_month")
)


def _light(text: str) -> str:
    """Folded, but keeping / and - between digits so 28/12/2021 and 28-29/12 survive; a share ("up
    9.2%") or an amount ("$21.5bn") is no date, so it goes."""
    text = MONEY.sub(" ", SHARE.sub(" ", unicodedata.normalize("NFC", text)))
    kept = re.sub(r"(?<=\d)\s*([/.\-–])\s*(?=\d)", lambda m: "/" if m.group(1) in "/." else "-", text)
    kept = kept.replace("/", " SLASH ").replace("-", " DASH ").replace("–", " DASH ").replace("—", " DASH ")
    folded = fold(unicodedata.normalize("NFC", kept))
    return folded.replace(" slash ", "/").replace(" dash ", "-")


def _valid(year: int | None, month: int | None, day: int | None) -> bool:
    if month is not None and not 1 <= month <= 12:
        return False
    if day is not None:
        try:
            dt.date(year or 2000, month or 1, day)  # 2000 is a leap year: 29/2 stays valid
        except ValueError:
            return False
    return True


def _year_apart(text: str, day: re.Match[str]) -> int | None:
    """The one year the question names outside its day ("lần 8 năm 2021 diễn ra ngày 28 hay 29/12"):
    the day's year."""
    rest = text[: day.start()] + " " + text[day.end() :]
    years = {int(m["y"]) for m in _BARE_YEAR.finditer(rest)}
    return years.pop() if len(years) == 1 else None


def parse_date(question: str, today: dt.date | None = None) -> DateQuery | None:
    """The first date the question names, at the precision it names it."""
    text = _light(question)
    match = _MONTH_RANGE.search(text)
    if match:
        return DateQuery(year=int(match["y"]))
    for pattern in (_NUMERIC_DATE, _VI_WORDY):
        match = pattern.search(text)
        if match:
            day, month = int(match["d"]), int(match["m"])
            year = int(match["y"]) if match["y"] else _year_apart(text, match)
            day_end = int(match.groupdict().get("d2") or 0) or None
            if _valid(year, month, day) and (day_end is None or day < day_end <= 31):
                return DateQuery(year=year, month=month, day=day, day_end=day_end)
    for pattern in (_EN_DAY_MONTH, _EN_MONTH_DAY):
        match = pattern.search(text)
        if match:
            day, month = int(match["d"]), MONTHS_EN[match["mon"]]
            year = int(match["y"]) if match["y"] else _year_apart(text, match)
            if _valid(year, month, day) and not (
                match["mon"] == "may" and pattern is _EN_MONTH_DAY and day > 31
            ):
                return DateQuery(year=year, month=month, day=day)
    match = _MONTH_YEAR.search(text) or _EN_MONTH_YEAR.search(text) or _NUMERIC_MONTH_YEAR.search(text)
    if match:
        month = (
            int(match["m"])
            if "m" in match.groupdict() and match.groupdict()["m"]
            else MONTHS_EN[match["mon"]]
        )
        if _valid(None, month, None):
            return DateQuery(year=int(match["y"]), month=month)
    match = _YEAR_RANGE.search(text)
    if match and int(match["y2"]) > int(match["y"]):
        return DateQuery(year=int(match["y"]), year_end=int(match["y2"]))
    match = _BARE_YEAR.search(text)
    if match:
        year = int(match["y"])
        month_match = _VI_MONTH.search(text)
        if month_match and _valid(None, int(month_match["m"]), None):
            return DateQuery(year=year, month=int(month_match["m"]))
        return DateQuery(year=year)
    match = _VI_MONTH.search(text)
    if match and _valid(None, int(match["m"]), None):
        return DateQuery(month=int(match["m"]))
    for name, number in MONTHS_EN.items():
        if len(name) > 3 and name != "march" and re.search(rf"\bin {name}\b", text):
            return DateQuery(month=number)
    if today is not None:
        if _TODAY.search(text):
            return DateQuery(month=today.month, day=today.day, relative=True)
        if _THIS_YEAR.search(text):
            return DateQuery(year=today.year, relative=True)
        if _LAST_YEAR.search(text):
            return DateQuery(year=today.year - 1, relative=True)
        if _THIS_MONTH.search(text):
            return DateQuery(year=today.year, month=today.month, relative=True)
    return None

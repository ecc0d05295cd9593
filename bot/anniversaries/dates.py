"""Anniversaries of the events in the fact base: which fall on a day, which are coming, and the post.

This module owns the calendar rules of the anniversary feature and the wording of its posts;
it knows nothing of Telegram or of delivery (`bot.anniversaries.broadcast` sends,
`bot.telegram.anniversary_jobs` schedules). The rules:

* an event is remembered on the day of its date when the date has day precision, and on the
  first day of a day range; an event dated 29 February is remembered on 28 February in common
  years;
* an event dated only to a month or a year is never posted on a day we would have to invent:
  month-precision events are listed by `upcoming` under their month, year-precision ones not at all;
* only held events count (a planned one has not happened), and only whole years since, at
  least one;
* a multiple of five years is a round anniversary, and the text says so;
* an inferred date may be posted, but the text says it is inferred;
* background facts (public anniversaries from outside the seeds) count like any event and cite
  their public reference instead of a seed.

Texts are plain; front ends escape them for their markup. Dates, participants and sources are
worded by `bot.render.text`, so an anniversary post reads like the bot's answers.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final

from bot.answering.answers import Lang
from bot.kb.facts import Event, Precision, Status
from bot.kb.knowledge import Knowledge
from bot.nlu.lexicon import MONTH_NAMES_EN
from bot.render.text import Renderer, format_date, ordinal_en

if TYPE_CHECKING:
    pass

ROUND_EVERY: Final = 5
# Telegram allows 4096 characters; the HTML escaping done by front ends lengthens text a little,
# so a post keeps well below that and lists the rest by title only.
MAX_POST_CHARS: Final = 3500
MAX_SUMMARY_CHARS: Final = 600


def is_round(years: int) -> bool:
    return years > 0 and years % ROUND_EVERY == 0


@dataclass(frozen=True)
class Anniversary:
    """One event remembered on one day."""

    fact_id: str
    on: dt.date  # the day it is remembered (28 February for a 29 February event in a common year)
    event_date: str  # ISO date of the event (its first day for a range)
    years: int
    round: bool
    text: str  # Vietnamese
    text_en: str
    source: str  # seed file, or the public reference(s) of a background fact
    title_vi: str = ""
    title_en: str = ""
    inferred: bool = False
    background: bool = False

    def text_in(self, lang: Lang) -> str:
        return self.text if lang == "vi" else self.text_en

    def headline(self, lang: Lang) -> str:
        return self.text_in(lang).splitlines()[0]

    def to_json(self) -> dict[str, Any]:
        return {
            "fact_id": self.fact_id,
            "on": self.on.isoformat(),
            "event_date": self.event_date,
            "years": self.years,
            "round": self.round,
            "text": self.text,
            "text_en": self.text_en,
            "source": self.source,
            "inferred": self.inferred,
            "background": self.background,
        }


@dataclass(frozen=True)
class MonthAnniversary:
    """An event dated only to a month, remembered over that month (never on an invented day)."""

    fact_id: str
    year: int  # the year it is remembered in
    month: int
    event_date: str  # the event's date as the base gives it, e.g. "1977-07"
    years: int
    round: bool
    text: str
    text_en: str
    source: str

    def text_in(self, lang: Lang) -> str:
        return self.text if lang == "vi" else self.text_en

    def to_json(self) -> dict[str, Any]:
        return {
            "fact_id": self.fact_id,
            "month": f"{self.year:04d}-{self.month:02d}",
            "event_date": self.event_date,
            "years": self.years,
            "round": self.round,
            "text": self.text,
            "text_en": self.text_en,
            "source": self.source,
        }


@dataclass(frozen=True)
class Upcoming:
    """Anniversaries from `start` to `end` (both included): by day, then month-precision ones by month."""

    start: dt.date
    end: dt.date
    days: tuple[Anniversary, ...] = ()
    months: tuple[MonthAnniversary, ...] = field(default=())

    @property
    def empty(self) -> bool:
        return not self.days and not self.months

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "days": [a.to_json() for a in self.days],
            "months": [m.to_json() for m in self.months],
        }


# ---------------------------------------------------------------------------- the calendar


def _month_days(day: dt.date) -> list[tuple[int, int]]:
    keys = [(day.month, day.day)]
    if (day.month, day.day) == (2, 28) and not calendar.isleap(day.year):
        keys.append((2, 29))
    return keys


def _remembered(event: Event | None, day: dt.date) -> bool:
    return (
        event is not None
        and event.status == Status.HELD
        and event.date is not None
        and event.date.has_day
        and day.year - event.date.start.year >= 1
    )


def anniversaries_on(day: dt.date, knowledge: Knowledge) -> list[Anniversary]:
    """Every held event with a day-precise date (or a day range starting) on this month and day,
    at least a year ago. Round anniversaries first, then the oldest."""
    renderer = Renderer(knowledge)
    found: list[Anniversary] = []
    for key in _month_days(day):
        for fact_id in knowledge.events_by_month_day.get(key, ()):
            event = knowledge.event(fact_id)
            if event is not None and _remembered(event, day):
                found.append(_anniversary(event, day, renderer))
    found.sort(key=lambda a: (not a.round, a.event_date, a.fact_id))
    return found


def upcoming(start: dt.date, days: int, knowledge: Knowledge) -> Upcoming:
    """Anniversaries in the `days` days from `start` (included), and the month-precision events
    of every month the window touches."""
    if days < 1:
        raise ValueError("days must be at least 1")
    end = start + dt.timedelta(days=days - 1)
    by_day: list[Anniversary] = []
    for offset in range(days):
        by_day.extend(anniversaries_on(start + dt.timedelta(days=offset), knowledge))

    months: list[tuple[int, int]] = []
    cursor = start.replace(day=1)
    while cursor <= end:
        months.append((cursor.year, cursor.month))
        cursor = (cursor + dt.timedelta(days=32)).replace(day=1)
    renderer = Renderer(knowledge)
    month_events = [
        e
        for e in knowledge.of_kind(Event)
        if e.status == Status.HELD and e.date is not None and e.date.precision == Precision.MONTH
    ]
    by_month: list[MonthAnniversary] = []
    for year, month in months:
        matching = [
            e
            for e in month_events
            if e.date is not None and e.date.start.month == month and year - e.date.start.year >= 1
        ]
        matching.sort(key=lambda e: (e.date.start if e.date else dt.date.max, e.id))
        by_month.extend(_month_anniversary(e, year, renderer) for e in matching)
    return Upcoming(start, end, tuple(by_day), tuple(by_month))


# ---------------------------------------------------------------------------- wording


def _years_phrase(years: int, lang: Lang) -> str:
    if lang == "vi":
        return f"🎉 Kỷ niệm tròn {years} năm" if is_round(years) else f"Kỷ niệm {years} năm"
    if is_round(years):
        return f"🎉 {ordinal_en(years)} anniversary (a round anniversary)"
    return f"{ordinal_en(years)} anniversary"


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def source_of(event: Event) -> str:
    return event.source if event.source else "; ".join(event.references)


def _event_lines(event: Event, renderer: Renderer, lang: Lang) -> list[str]:
    """What happened, where, who took part, how the date was read, and the source."""
    lines = [_shorten(event.summary_vi if lang == "vi" else event.summary_en, MAX_SUMMARY_CHARS)]
    if event.place:
        place = renderer.place(event.place, lang)
        if place:
            lines.append(("Địa điểm: " if lang == "vi" else "Place: ") + place)
    people = renderer.event_participants(event, lang)
    if people:
        lines.append(people)
    if event.date_inferred:
        lines.append(
            (
                "Ngày này được suy ra từ bài viết, không được nêu trực tiếp."
                if lang == "vi"
                else "This date is inferred from the article, not stated in it."
            )
            # curators write date notes in English: a Vietnamese post keeps only the sentence above
            + (" Note: " + event.date_note if event.date_note and lang == "en" else "")
        )
    lines.append(renderer.source_line([event], lang))
    return lines


def _anniversary(event: Event, day: dt.date, renderer: Renderer) -> Anniversary:
    assert event.date is not None
    years = day.year - event.date.start.year
    texts: dict[Lang, str] = {}
    for lang in ("vi", "en"):
        title = renderer.title(event, lang)
        head = f"{_years_phrase(years, lang)}: {title} ({format_date(event.date, lang)})"
        texts[lang] = "\n".join([head, *_event_lines(event, renderer, lang)])
    return Anniversary(
        fact_id=event.id,
        on=day,
        event_date=event.date.start.isoformat(),
        years=years,
        round=is_round(years),
        text=texts["vi"],
        text_en=texts["en"],
        source=source_of(event),
        title_vi=event.title_vi,
        title_en=event.title_en,
        inferred=event.date_inferred,
        background=event.background,
    )


def _month_anniversary(event: Event, year: int, renderer: Renderer) -> MonthAnniversary:
    assert event.date is not None
    years = year - event.date.start.year
    texts: dict[Lang, str] = {}
    for lang in ("vi", "en"):
        when = format_date(event.date, lang)
        unknown_day = "không rõ ngày" if lang == "vi" else "day not stated"
        head = f"{_years_phrase(years, lang)}: {renderer.title(event, lang)} ({when}, {unknown_day})"
        texts[lang] = "\n".join([head, *_event_lines(event, renderer, lang)])
    return MonthAnniversary(
        fact_id=event.id,
        year=year,
        month=event.date.start.month,
        event_date=event.date.text,
        years=years,
        round=is_round(years),
        text=texts["vi"],
        text_en=texts["en"],
        source=source_of(event),
    )


def day_label(day: dt.date, lang: Lang, *, with_year: bool = True) -> str:
    if lang == "vi":
        return f"{day.day}/{day.month}" + (f"/{day.year}" if with_year else "")
    return f"{day.day} {MONTH_NAMES_EN[day.month - 1]}" + (f" {day.year}" if with_year else "")


def render_post(anniversaries: list[Anniversary], lang: Lang) -> str:
    """The one message a chat gets on a day: every anniversary of that day, in `lang`, plain text.
    Empty when there is nothing to post."""
    if not anniversaries:
        return ""
    day = anniversaries[0].on
    header = (
        f"📅 Ngày này năm xưa — {day_label(day, 'vi')}"
        if lang == "vi"
        else f"📅 On this day — {day_label(day, 'en')}"
    )
    blocks = [header]
    length = len(header)
    left_out: list[Anniversary] = []
    for anniversary in anniversaries:
        block = anniversary.text_in(lang)
        if left_out or length + len(block) + 2 > MAX_POST_CHARS:
            left_out.append(anniversary)
            continue
        blocks.append(block)
        length += len(block) + 2
    if left_out:
        more = "Và còn:" if lang == "vi" else "Also on this day:"
        blocks.append("\n".join([more, *(f"• {a.headline(lang)}" for a in left_out)]))
    return "\n\n".join(blocks)


def render_upcoming(coming: Upcoming, lang: Lang) -> str:
    """The `/upcoming` list and the CLI's `--upcoming` output, plain text."""
    vi = lang == "vi"
    span = f"{day_label(coming.start, lang)} – {day_label(coming.end, lang)}"
    lines = [f"🗓 Ngày kỷ niệm sắp tới ({span})" if vi else f"🗓 Coming anniversaries ({span})"]
    if coming.empty:
        lines.append(
            "Không có ngày kỷ niệm nào trong khoảng này." if vi else "No anniversaries in this period."
        )
        return "\n".join(lines)
    for anniversary in coming.days:
        lines.append(f"• {day_label(anniversary.on, lang, with_year=False)} — {anniversary.headline(lang)}")
    current: tuple[int, int] | None = None
    for item in coming.months:
        if (item.year, item.month) != current:
            current = (item.year, item.month)
            month = (
                f"tháng {item.month}/{item.year}" if vi else f"{MONTH_NAMES_EN[item.month - 1]} {item.year}"
            )
            lines.append("")
            lines.append(
                f"Trong {month} (sự kiện không rõ ngày):"
                if vi
                else f"During {month} (events without a stated day):"
            )
        lines.append(f"• {item.text_in(lang).splitlines()[0]}")
    return "\n".join(lines)


__all__ = [
    "Anniversary",
    "MonthAnniversary",
    "Upcoming",
    "anniversaries_on",
    "day_label",
    "is_round",
    "ordinal_en",
    "render_post",
    "render_upcoming",
    "source_of",
    "upcoming",
]

"""Plain-text rendering of facts in Vietnamese and English.

The engine decides what to say; this module says it. Dates keep the
precision the base holds, inferred dates say so, and every answer ends with
its source. Front ends escape this plain text for their own markup.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import yaml

from bot.answering.answers import Lang
from bot.kb.facts import (
    Agreement,
    Event,
    EventKind,
    Figure,
    FuzzyDate,
    Official,
    Participant,
    Place,
    Precision,
    Role,
    Series,
    Statement,
    Status,
)
from bot.kb.knowledge import AnyFact, Knowledge
from bot.nlu.lexicon import COUNTRY_DATA, MONTH_NAMES_EN
from bot.nlu.text import fold

_PHRASES: dict[str, dict[str, str]] = yaml.safe_load(
    (Path(__file__).resolve().parent / "phrases.yaml").read_text(encoding="utf-8")
)


def _check_phrases() -> None:
    for key, texts in _PHRASES.items():
        fields = {lang: set(re.findall(r"{(\w+)}", text)) for lang, text in texts.items()}
        if set(fields) != {"vi", "en"} or fields["vi"] != fields["en"]:
            raise ValueError(f"phrases.yaml: {key!r} needs vi and en with the same placeholders")
    missing = [f"role_{role.value}" for role in Role if f"role_{role.value}" not in _PHRASES]
    if missing:  # every role of the schema is labelled in answers
        raise ValueError(f"phrases.yaml: missing {', '.join(missing)}")


_check_phrases()


def phrase(key: str, lang: Lang, **values: str) -> str:
    """A sentence of the answer catalog, filled in."""
    return _PHRASES[key][lang].format(**values)


COUNTRY_NAMES: dict[Lang, dict[str, str]] = {
    "vi": {code: country.vi for code, country in COUNTRY_DATA.items()},
    "en": {code: country.en for code, country in COUNTRY_DATA.items()},
}


def format_date(date: FuzzyDate | None, lang: Lang, *, inferred: bool = False) -> str:
    if date is None:
        return "không rõ ngày" if lang == "vi" else "date not stated"
    start, end = date.start, date.end
    if date.part is not None:
        text = phrase(f"year_{date.part}", lang, year=str(start.year))  # "cuối năm 2015", "late 2015"
    elif lang == "vi":
        text = {
            Precision.DAY: f"ngày {start.day}/{start.month}/{start.year}",
            Precision.MONTH: f"tháng {start.month}/{start.year}",
            Precision.YEAR: f"năm {start.year}",
        }.get(date.precision) or _vi_range(start, end)
    else:
        text = {
            Precision.DAY: f"{start.day} {MONTH_NAMES_EN[start.month - 1]} {start.year}",
            Precision.MONTH: f"{MONTH_NAMES_EN[start.month - 1]} {start.year}",
            Precision.YEAR: f"{start.year}",
        }.get(date.precision) or _en_range(start, end)
    if inferred:
        text += " (suy ra từ bài viết)" if lang == "vi" else " (inferred from the article)"
    return text


def _vi_range(start: dt.date, end: dt.date) -> str:
    if (start.year, start.month) == (end.year, end.month):
        return f"ngày {start.day}–{end.day}/{start.month}/{start.year}"
    return f"từ ngày {start.day}/{start.month}/{start.year} đến ngày {end.day}/{end.month}/{end.year}"


def _en_range(start: dt.date, end: dt.date) -> str:
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {MONTH_NAMES_EN[start.month - 1]} {start.year}"
    first = f"{start.day} {MONTH_NAMES_EN[start.month - 1]} {start.year}"
    return f"{first} – {end.day} {MONTH_NAMES_EN[end.month - 1]} {end.year}"


def localized(record: object, field: str, lang: Lang) -> str:
    """A record's text in the language asked: `title` → `title_vi` or `title_en`."""
    return str(getattr(record, f"{field}_{lang}"))


def nth(number: int, lang: Lang) -> str:
    """A round as the answer names it: "lần thứ 8", "8th"."""
    return phrase("nth", lang, n=how_many(number, lang))


def how_many(number: int, lang: Lang) -> str:
    """A count as an anniversary names it: "75" (kỷ niệm 75 năm), "75th" (the 75th anniversary)."""
    return ordinal_en(number) if lang == "en" else str(number)


def ordinal_en(number: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 21st."""
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def event_date(event: Event, lang: Lang) -> str:
    """The event's date, marked when it is inferred (the answer explains the mark once, at its end)."""
    if event.date is None:
        return phrase("date_unknown", lang)
    mark = phrase("inferred_mark", lang) if event.date_inferred else ""
    return format_date(event.date, lang) + mark


def with_footnotes(body: str, lang: Lang) -> str:
    """The body, and once per answer what its marks mean: an inferred date is marked wherever it is
    shown (an event's own answer, a profile's related events, a list), explained once at the end."""
    if phrase("inferred_mark", lang) in body:
        return f"{body}\n{phrase('inferred_footnote', lang)}"
    return body


class Renderer:
    def __init__(self, knowledge: Knowledge) -> None:
        self.k = knowledge

    # names ---------------------------------------------------------------------------------------
    def title(self, fact: AnyFact, lang: Lang) -> str:
        if isinstance(fact, Official):
            return fact.name
        if isinstance(fact, Event | Statement):
            return fact.title_vi if lang == "vi" else fact.title_en
        if isinstance(fact, Agreement | Figure | Place):
            return fact.name_vi if lang == "vi" else fact.name_en
        name = getattr(fact, "name_vi" if lang == "vi" else "name_en", fact.id)
        return str(name)

    def label(self, fact: AnyFact, lang: Lang) -> str:
        """A short label for a candidate button: title and date."""
        if isinstance(fact, Event):
            return f"{self.title(fact, lang)} ({event_date(fact, lang)})"
        return self.title(fact, lang)

    def position_of(
        self, official: Official, lang: Lang, at: dt.date | None = None, event_id: str | None = None
    ) -> str:
        """The post the official held at an event: the one its article gives there, else the latest
        one given by `at` (the event's last day: a year-dated meeting is as of any month of it)."""
        if not official.positions:
            return ""
        chosen = official.positions[-1]
        there = [p for p in official.positions if event_id is not None and p.as_of_event == event_id]
        if there:
            chosen = there[0]
        elif at is not None:
            dated = [p for p in official.positions if p.as_of is not None and p.as_of.start <= at]
            if dated:
                chosen = max(dated, key=lambda p: p.as_of.start if p.as_of else dt.date.min)
        return chosen.title_vi if lang == "vi" else chosen.title_en

    def person(
        self, participant: Participant, lang: Lang, at: dt.date | None = None, event_id: str | None = None
    ) -> str:
        if participant.official:
            official = self.k.official(participant.official)
            if official is not None:
                position = self.position_of(official, lang, at, event_id)
                return (
                    f"{position} {official.name}".strip()
                    if lang == "vi"
                    else (f"{official.name} ({position})" if position else official.name)
                )
        return (participant.label_vi if lang == "vi" else participant.label_en) or ""

    def place(self, place_id: str | None, lang: Lang) -> str:
        parts: list[str] = []
        seen: set[str] = set()
        while place_id and place_id not in seen:
            seen.add(place_id)
            place = self.k.place(place_id)
            if place is None:
                break
            parts.append(place.name_vi if lang == "vi" else place.name_en)
            place_id = place.within
        return ", ".join(parts)

    # facts ---------------------------------------------------------------------------------------
    def event_participants(self, event: Event, lang: Lang, shown: list[Participant] | None = None) -> str:
        """Who took part, by role (those `shown` of them, when given)."""
        at = event.date.end if event.date else None
        by_role: dict[Role, list[str]] = {}
        for participant in event.participants if shown is None else shown:
            by_role.setdefault(participant.role, []).append(self.person(participant, lang, at, event.id))
        parts = []
        for role, people in by_role.items():
            joined = join_names(people, lang)
            parts.append(f"{phrase('role_' + role.value, lang).capitalize()}: {joined}")
        return "; ".join(parts)

    def event_title(self, event: Event, lang: Lang) -> str:
        """The title without a trailing "(dự kiến)": the sentence says the event is planned."""
        title = self.title(event, lang)
        mark = " " + phrase("planned_mark", lang)
        return title[: -len(mark)] if title.endswith(mark) else title

    def when_phrase(self, event: Event, lang: Lang) -> str:
        """ "ngày 28/1/2024", "vào tháng 12/2021", "on 28 January 2024", "in December 2021"."""
        date = event_date(event, lang)
        if event.date is None:
            return date
        if lang == "en":
            return ("on " if event.date.has_day else "in ") + date
        return date if event.date.has_day else "vào " + date

    def where_phrase(self, event: Event, lang: Lang) -> str:
        """The place with its preposition in English: "in Laos", "at the Government Guesthouse"."""
        place = self.place(event.place, lang)
        if lang == "vi":
            return place
        first = self.k.place(event.place or "")
        wide = first is not None and first.place_kind.value in ("country", "city")
        return ("in " if wide else "at ") + place

    def event_when(self, event: Event, lang: Lang) -> str:
        title = self.event_title(event, lang)
        if event.date is None:
            return phrase("when_missing", lang, title=title)
        if event.status == Status.PLANNED and event.place:
            return self._planned(event, lang)
        if event.status == Status.PLANNED:
            return phrase("when_planned", lang, title=title, date=self.when_phrase(event, lang))
        # a title is often a sentence ("Minister X receives Y"): the date follows it, no verb between
        return phrase("when_held", lang, title=title, date=event_date(event, lang))

    def event_where(self, event: Event, lang: Lang) -> str:
        title = self.event_title(event, lang)
        if not event.place:
            return phrase("where_missing", lang, title=title)
        if event.status == Status.PLANNED and event.date:
            return self._planned(event, lang)
        if event.status == Status.PLANNED:
            return phrase("where_planned", lang, title=title, place=self.where_phrase(event, lang))
        return phrase("where_held", lang, title=title, place=self.place(event.place, lang))

    def day_missing(self, event: Event, lang: Lang) -> str:
        """The article dates the event only to a month or a year: said so, with the visit it was held
        during when its record links one dated to the day ("trong chuyến thăm 28–29/12/2021")."""
        title = self.title(event, lang)
        visit = self._visit_during(event)
        if visit is not None:
            return phrase(
                "day_missing_visit",
                lang,
                title=title,
                visit=self.title(visit, lang),
                dates=event_date(visit, lang),
            )
        return phrase("day_missing", lang, title=title, date=event_date(event, lang))

    def month_missing(self, event: Event, lang: Lang) -> str:
        """The article dates the event only to a year: said so."""
        return phrase("month_missing", lang, title=self.title(event, lang), date=event_date(event, lang))

    def _visit_during(self, event: Event) -> Event | None:
        """The one visit linked to the event, dated to the day, that lies within the event's date."""
        date = event.date
        if date is None:
            return None
        visits = [
            v
            for v in self.k.linked_events(event)
            if v.event_kind is EventKind.VISIT
            and v.date is not None
            and v.date.has_day
            and date.holds(v.date)
        ]
        return visits[0] if len(visits) == 1 else None

    def _planned(self, event: Event, lang: Lang) -> str:
        """A planned event's where and when together: a plan is told whole."""
        title, place = self.event_title(event, lang), self.where_phrase(event, lang)
        return phrase("planned_both", lang, title=title, place=place, date=self.when_phrase(event, lang))

    def event_who(self, event: Event, lang: Lang) -> str:
        people = self.event_participants(event, lang)
        return f"{self.title(event, lang)}, {event_date(event, lang)}.\n{people}."

    def event_who_besides(
        self, event: Event, others: list[Participant], besides: list[str], lang: Lang
    ) -> str:
        """Who else took part than the officials named; said so when the article names no one else."""
        names, title = join_names(besides, lang), self.title(event, lang)
        if not others:
            return phrase("no_one_else", lang, names=names, title=title)
        head = phrase("others_than", lang, names=names, title=title, date=event_date(event, lang))
        return f"{head}\n{self.event_participants(event, lang, others)}."

    def event_slots(self, event: Event, slots: list[str], lang: Lang) -> str:
        """Several things asked at once: one line for each, "bài viết không nêu" where the base is silent."""
        lines = [self.title(event, lang) + ":"]
        missing = phrase("not_stated", lang)
        for slot in slots:
            if slot == "when":
                lines.append(
                    phrase("slot_when", lang, value=event_date(event, lang) if event.date else missing)
                )
            elif slot == "where":
                lines.append(phrase("slot_where", lang, value=self.place(event.place, lang) or missing))
            elif slot == "who":
                lines.append(self.event_participants(event, lang) or missing)
            elif slot == "occasion":
                # what it was part of, and what was held during it ("what was the visit for")
                linked = self.k.linked_events(event)
                value = "; ".join(f"{self.title(e, lang)} ({event_date(e, lang)})" for e in linked)
                lines.append(phrase("slot_occasion", lang, value=value or missing))
            elif slot == "signed":
                names = [localized(a, "name", lang) for a in self.k.signed_at(event)]
                lines.append(phrase("slot_signed", lang, value="; ".join(names) or missing))
            elif slot == "what":
                items = [t.vi if lang == "vi" else t.en for t in (event.agreed or event.discussed)]
                summary = event.summary_vi if lang == "vi" else event.summary_en
                lines.append(phrase("slot_what", lang, value="; ".join(items[:5]) or summary))
        return "\n".join([lines[0], *("• " + line for line in lines[1:])])

    def event_known(self, event: Event, lang: Lang, said: str) -> str:
        """What the article does give of an event, after a sentence (`said`) on what it does not: its
        date, place and people when known and not already said, and its summary."""
        lines = []
        if event.date and event_date(event, lang) not in said:
            lines.append(phrase("slot_when", lang, value=event_date(event, lang)))
        where = self.place(event.place, lang) if event.place else ""
        if where and where not in said:
            lines.append(phrase("slot_where", lang, value=where))
        people = self.event_participants(event, lang)
        if people:
            lines.append(people)
        lines.append(localized(event, "summary", lang))
        return "\n".join([phrase("known_lead", lang), *("• " + line for line in lines)])

    def event_what(self, event: Event, lang: Lang) -> str:
        items = [t.vi if lang == "vi" else t.en for t in (event.agreed or event.discussed)]
        head = f"{self.title(event, lang)} ({event_date(event, lang)})"
        if not items:
            return f"{head}: {event.summary_vi if lang == 'vi' else event.summary_en}"
        lead = phrase("agreed_lead" if event.agreed else "discussed_lead", lang)
        bullet_list = "\n".join(f"• {item}" for item in items[:8])
        return f"{head} — {lead}\n{bullet_list}"

    def event_summary(self, event: Event, lang: Lang) -> str:
        lines = [f"{self.title(event, lang)} — {event_date(event, lang)}"]
        if event.place:
            lines.append(("Địa điểm: " if lang == "vi" else "Place: ") + self.place(event.place, lang))
        people = self.event_participants(event, lang)
        if people:
            lines.append(people)
        lines.append(event.summary_vi if lang == "vi" else event.summary_en)
        return "\n".join(lines)

    def official_profile(self, official: Official, lang: Lang) -> str:
        country = COUNTRY_NAMES[lang].get(official.country, "")
        lines = [f"{official.name} ({country})" if country else official.name]
        shown: dict[str, str] = {}  # one line per title, with the first date the seeds give for it
        for position in official.positions:
            title = position.title_vi if lang == "vi" else position.title_en
            event = self.k.event(position.as_of_event) if position.as_of_event else None
            stamp = position.as_of or (event.date if event else None)
            when = format_date(stamp, lang) if stamp else ""
            if title not in shown or (when and not shown[title]):
                shown[title] = when
        for title, when in shown.items():
            lines.append(
                f"• {title}" + (f" ({'tính đến' if lang == 'vi' else 'as of'} {when})" if when else "")
            )
        events = [self.k.event(i) for i in self.k.events_by_official.get(official.id, ())]
        related = [e for e in events if e is not None][:5]
        if related:
            lines.append("Sự kiện liên quan:" if lang == "vi" else "Related events:")
            lines += [f"• {event_date(e, lang)}: {self.title(e, lang)}" for e in related]
        if official.aliases:
            lines.append(
                ("Cách viết khác: " if lang == "vi" else "Also written: ") + ", ".join(official.aliases)
            )
        return "\n".join(lines)

    def fact_text(self, fact: AnyFact, lang: Lang) -> str:
        if isinstance(fact, Event):
            return self.event_summary(fact, lang)
        if isinstance(fact, Official):
            return self.official_profile(fact, lang)
        if isinstance(fact, Agreement):
            return self.agreement(fact, lang)
        if isinstance(fact, Figure):
            return self.figure(fact, lang)
        if isinstance(fact, Statement):
            return f"{self.title(fact, lang)}: {fact.summary_vi if lang == 'vi' else fact.summary_en}"
        if isinstance(fact, Place):
            return self.place(fact.id, lang)
        return self.title(fact, lang)

    def agreement(self, agreement: Agreement, lang: Lang) -> str:
        title = self.title(agreement, lang)
        parts = [title]
        start, end = agreement.period_start, agreement.period_end
        # a period its name already gives ("… giai đoạn 2023-2027") is not said twice
        if start and end and not (str(start) in title and str(end) in title):
            parts.append(phrase("agreement_period", lang, start=str(start), end=str(end)))
        if agreement.signed:
            parts.append(phrase("agreement_signed", lang, date=format_date(agreement.signed, lang)))
        head = ", ".join(parts) + "."
        return f"{head} {agreement.summary_vi if lang == 'vi' else agreement.summary_en}"

    def series_profile(self, series: Series, events: list[Event], lang: Lang) -> str:
        """A mechanism: its name, its level, the countries, and the rounds the base holds."""
        name = series.name_vi if lang == "vi" else series.name_en
        level = (series.level_vi if lang == "vi" else series.level_en) or ""
        countries = join_names([COUNTRY_NAMES[lang].get(c, "") for c in series.countries], lang)
        lines = [
            phrase("series_profile", lang, name=name, level=", ".join(x for x in (level, countries) if x))
        ]
        rounds = []
        for e in events:
            if not e.round:
                continue
            place = self.k.place(e.place or "")
            where = localized(place, "name", lang) if place is not None else ""
            planned = phrase("planned_mark", lang).strip("()") if e.status == Status.PLANNED else ""
            number = phrase("round_label", lang, round=ordinal_en(e.round) if lang == "en" else str(e.round))
            rounds.append(f"{number} ({', '.join(x for x in (event_date(e, lang), where, planned) if x)})")
        if rounds:
            lines.append(phrase("series_rounds", lang, rounds="; ".join(rounds)))
        return "\n".join(lines)

    def agreement_line(self, agreement: Agreement, lang: Lang) -> str:
        """One line of a list: "• Name (ký tháng 12/2014)"; a long name with the short one readers
        know it by ("… Luật biển năm 1982 (UNCLOS 1982)")."""
        name = self.title(agreement, lang)
        # an acronym ("UNCLOS 1982"), not another long form of the name
        short = next((a for a in agreement.aliases if len(a.split()[0]) > 1 and a.split()[0].isupper()), None)
        if short and fold(short) not in fold(name):
            name = f"{name} ({short})"
        if agreement.signed is None:
            return f"• {name}"
        signed = phrase("signed_on", lang, date=format_date(agreement.signed, lang))
        return f"• {name} ({signed})"

    def figure(self, figure: Figure, lang: Lang) -> str:
        if lang == "vi":
            return f"{figure.name_vi} ({figure.period_vi}): {figure.value_text_vi}."
        return f"{figure.name_en} ({figure.period_en}): {figure.value_text_en}."

    def source_line(self, facts: list[AnyFact], lang: Lang) -> str:
        seeds: list[str] = []
        for fact in facts:
            label = (
                fact.source
                if fact.source
                else ("; ".join(fact.references) + (" (bối cảnh)" if lang == "vi" else " (background)"))
            )
            if label not in seeds:
                seeds.append(label)
        return ("Nguồn: " if lang == "vi" else "Source: ") + ", ".join(seeds)


def join_names(items: list[str], lang: Lang) -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    conj = " và " if lang == "vi" else " and "
    return ", ".join(items[:-1]) + conj + items[-1]

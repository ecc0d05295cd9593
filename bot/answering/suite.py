"""A behavioural test suite generated from the fact base itself (in the spirit of CheckList).

`generate(knowledge)` asks, for every fact and every attribute it holds, the questions a user
would ask about it, each in five styles (the `lang` tag):

- `vi`         formal Vietnamese with diacritics
- `vi-casual`  casual Vietnamese: particles, abbreviations, officials as title + given name
- `vi-nodiac`  the `vi` question without diacritics (đ written d)
- `vi-typo`    the `vi` question with one deterministic typo in a content word
- `en`         English

and tags each with the `capability` it exercises (`when`, `where`, `co-chair`, `agreed`, `visit`,
`profile`, `agreement`, `signed`, `figure`, `statement`, `date`), plus out-of-scope probes the
engine must decline (`out-of-scope`: a round no event of a series has, a year with no event, a
person not in the base). The templates are data (`suite_templates.yaml`, next to this module);
every name in a question comes from the `Knowledge` it is generated from, so the same generator
works on any base. Generation is deterministic: no randomness, fact order is the base's order.

The suite is written against the engine's interface only (`answer(question, today=...)`), and
scored with `evaluate` like any gold set.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml

from bot.answering.answers import Status
from bot.answering.evaluation import Answerer, GoldQuestion, evaluate
from bot.kb.facts import (
    Agreement,
    Event,
    EventKind,
    Figure,
    FuzzyDate,
    Official,
    Participant,
    Place,
    PlaceKind,
    Role,
    Series,
    Statement,
)
from bot.kb.knowledge import Knowledge

STYLES = ("vi", "vi-casual", "vi-nodiac", "vi-typo", "en")
WRITTEN_STYLES = ("vi", "vi-casual", "en")  # the styles the templates spell out; the others derive from vi
OUT_OF_SCOPE = "out-of-scope"
TEMPLATES_FILE = "suite_templates.yaml"

_MONTHS_EN = tuple(calendar.month_name)  # "", "January", ... (C locale: Python's defaults)
_YEAR_RE = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
_WORD_RE = re.compile(r"[^\W\d_]+")
_DASHES = "-–—"


# ---------------------------------------------------------------------------------------- templates


@dataclass(frozen=True)
class Templates:
    """`suite_templates.yaml`, checked: every capability has templates for every written style."""

    topics: Mapping[str, Mapping[str, str]]
    in_year: Mapping[str, str]
    capabilities: Mapping[str, Mapping[str, tuple[str, ...]]]
    unknown_people: tuple[str, ...]
    missing_round_offset: int
    missing_year_from: int
    casual_drop: tuple[str, ...]
    casual_replace: Mapping[str, str]
    casual_titles: tuple[str, ...]
    given_name: Mapping[str, str]
    typo_skip: frozenset[str]

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Templates:
        capabilities: dict[str, dict[str, tuple[str, ...]]] = {}
        for capability, styles in data["capabilities"].items():
            missing = set(WRITTEN_STYLES) - set(styles)
            if missing:
                raise ValueError(f"suite templates: {capability} has no {sorted(missing)} templates")
            capabilities[capability] = {style: tuple(styles[style]) for style in WRITTEN_STYLES}
        for kind in ("round", "titled"):
            if set(WRITTEN_STYLES) - set(data["topics"][kind]):
                raise ValueError(f"suite templates: topics.{kind} lacks a written style")
        casual = data["casual"]
        return cls(
            topics={kind: dict(styles) for kind, styles in data["topics"].items()},
            in_year=dict(data["in_year"]),
            capabilities=capabilities,
            unknown_people=tuple(data["unknown_people"]),
            missing_round_offset=int(data["missing_round_offset"]),
            missing_year_from=int(data["missing_year_from"]),
            casual_drop=tuple(casual["drop"]),
            casual_replace=dict(casual["replace"]),
            casual_titles=tuple(sorted(casual["titles"], key=len, reverse=True)),
            given_name=dict(casual["given_name"]),
            typo_skip=frozenset(fold(word) for word in data["typo"]["skip"]),
        )


@cache
def load_templates() -> Templates:
    text = resources.files("bot.answering").joinpath(TEMPLATES_FILE).read_text(encoding="utf-8")
    return Templates.from_data(yaml.safe_load(text))


# ---------------------------------------------------------------------------------------- text helpers


def strip_diacritics(text: str) -> str:
    """`Tham vấn chính trị` → `Tham van chinh tri`; đ/Đ → d/D. Everything else is kept as is."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def fold(text: str) -> str:
    """Lower case, no diacritics, runs of non-word characters as one space: for comparing names."""
    return " ".join(re.findall(r"\w+", strip_diacritics(text).lower()))


def _contains_words(haystack: str, needle: str) -> bool:
    return f" {needle} " in f" {haystack} "


def typo(question: str, targets: Iterable[str], skip: frozenset[str] = frozenset()) -> str | None:
    """The question with one typo in one word, or None when no word qualifies.

    The word is the longest purely alphabetic word of five letters or more among `targets` (the
    topic words: a typo there is what a user makes and what the engine must survive), first one on a
    tie; failing that, the longest such word of the whole question. Numbers are never touched.
    Whether a letter is dropped or two neighbours swapped, and where, depends only on the question.
    """
    question = unicodedata.normalize("NFC", question)

    def candidates(text: str) -> list[str]:
        return [w for w in _WORD_RE.findall(text) if len(w) >= 5 and fold(w) not in skip]

    words = [w for t in targets for w in candidates(unicodedata.normalize("NFC", t))]
    words = [w for w in words if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", question)]
    if not words:
        words = candidates(question)
    if not words:
        return None
    word = max(words, key=len)  # max keeps the first of the longest
    digest = zlib.crc32(question.encode("utf-8"))
    i = 1 + digest // 2 % (len(word) - 3)  # an inner letter: the first and the last stay
    swapped = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    misspelt = swapped if digest % 2 and swapped != word else word[:i] + word[i + 1 :]
    return re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", misspelt, question, count=1)


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def date_vi(day: dt.date, *, padded: bool = True) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}" if padded else f"{day.day}/{day.month}/{day.year}"


def date_en(day: dt.date) -> str:
    return f"{day.day} {_MONTHS_EN[day.month]} {day.year}"


# ---------------------------------------------------------------------------------------- names


class _Names:
    """How the questions name things, per written style, all read off the base."""

    def __init__(self, knowledge: Knowledge, templates: Templates) -> None:
        self.knowledge = knowledge
        self.t = templates
        dash = rf"\s*[{_DASHES}]\s*"
        drops = []
        for phrase in templates.casual_drop:
            parts = [re.escape(part) for part in re.split(dash, phrase)]
            drops.append(r"\s*" + dash.join(parts))
        self._drop = re.compile("|".join(drops)) if drops else None
        officials = knowledge.of_kind(Official)
        given = [fold(self._given_name(o)) for o in officials]
        self._unique_given = {o.id for o, g in zip(officials, given, strict=True) if given.count(g) == 1}
        self._officials = sorted(officials, key=lambda o: len(o.name), reverse=True)

    # -- casual shortening

    def casual(self, text: str) -> str:
        """Drop the phrases a casual user leaves out, abbreviate, and call officials by their given name."""
        if self._drop is not None:
            text = self._drop.sub("", text)
        for old, new in self.t.casual_replace.items():
            text = re.sub(rf"(?<!\w){re.escape(old)}(?!\w)", new, text)
        for official in self._officials:
            if official.id in self._unique_given:
                text = text.replace(official.name, self._given_name(official))
        return re.sub(r"\s+", " ", text).strip(" ,;")

    def _shortest_distinctive(self, own: Sequence[str], others: Iterable[Sequence[str]]) -> str:
        """The shortest casual form of a name or alias that no other fact of the kind also reads as."""
        other_forms = [fold(name) for names in others for name in names]
        forms = [self.casual(name) for name in own]
        for form in sorted(forms, key=len):  # sorted is stable: the name before its aliases on a tie
            folded = fold(form)
            if folded and not any(_contains_words(other, folded) for other in other_forms):
                return form
        return forms[0]

    def series_casual(self, series: Series) -> str:
        others = [[s.name_vi, *s.aliases] for s in self.knowledge.of_kind(Series) if s.id != series.id]
        return self._shortest_distinctive([series.name_vi, *series.aliases], others)

    def agreement_casual(self, agreement: Agreement) -> str:
        others = [[a.name_vi, *a.aliases] for a in self.knowledge.of_kind(Agreement) if a.id != agreement.id]
        return self._shortest_distinctive([agreement.name_vi, *agreement.aliases], others)

    # -- officials

    def _given_name(self, official: Official) -> str:
        """The word a casual user calls the official by: `given_name` in the templates, by country."""
        words = official.name.split()
        rule = self.t.given_name.get(official.country, self.t.given_name.get("default", "full"))
        return {"last": words[-1], "first": words[0]}.get(rule, official.name)

    def short_title(self, title_vi: str) -> str:
        first = title_vi.split(",")[0].strip()
        for title in self.t.casual_titles:
            if first == title or first.startswith(title + " "):
                return title
        return " ".join(first.split()[:2])

    def official_casual(self, official: Official, *, event: Event | None = None) -> str:
        """`Bộ trưởng Sơn`: title + given name; the bare name if that is shared or no post is known."""
        if official.id not in self._unique_given or not official.positions:
            return official.name
        position = next(
            (p for p in official.positions if event is not None and p.as_of_event == event.id),
            official.positions[0],
        )
        return f"{self.short_title(position.title_vi)} {self._given_name(official)}"

    def participant(self, participant: Participant, event: Event) -> dict[str, str] | None:
        if participant.official is not None:
            official = self.knowledge.official(participant.official)
            if official is None:
                return None
            return {
                "vi": official.name,
                "vi-casual": self.official_casual(official, event=event),
                "en": official.name,
            }
        if participant.label_vi and participant.label_en:
            return {
                "vi": participant.label_vi,
                "vi-casual": self.casual(participant.label_vi),
                "en": participant.label_en,
            }
        return None

    # -- events and places

    def event(self, event: Event) -> dict[str, str]:
        series = self.knowledge.series(event.series) if event.series else None
        if series is not None and event.round is not None:
            return self.round(series, event.round)
        topic = self.t.topics["titled"]
        return {
            "vi": topic["vi"].format(title=event.title_vi),
            "vi-casual": topic["vi-casual"].format(title=self.casual(event.title_vi)),
            "en": topic["en"].format(title=event.title_en),
        }

    def round(self, series: Series, number: int) -> dict[str, str]:
        """A series' round, as `topics.round` spells it: `... lần thứ 8`, `the 8th ...`."""
        names = {"vi": series.name_vi, "vi-casual": self.series_casual(series), "en": series.name_en}
        topic = self.t.topics["round"]
        return {
            style: topic[style].format(series=names[style], round=number, ordinal=ordinal(number))
            for style in WRITTEN_STYLES
        }

    def place(self, place: Place) -> dict[str, str]:
        return {"vi": place.name_vi, "vi-casual": self.casual(place.name_vi), "en": place.name_en}


# ---------------------------------------------------------------------------------------- generation


@dataclass
class _Suite:
    knowledge: Knowledge
    t: Templates
    names: _Names
    questions: dict[str, GoldQuestion] = field(default_factory=dict)

    def ask(
        self,
        capability: str,
        fills: Mapping[str, Mapping[str, str]],
        *,
        facts: Sequence[str] = (),
        status: Status = Status.ANSWERED,
        expect: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        """Every template of the capability, in every style, filled with `fills[style]`."""
        templates = self.t.capabilities[capability]
        expect = expect or {}
        for i in range(max(len(written) for written in templates.values())):
            asked = {
                style: templates[style][i].format_map(fills[style])
                for style in WRITTEN_STYLES
                if i < len(templates[style])
            }
            if "vi" in asked:
                vi = asked["vi"]
                asked["vi-nodiac"] = strip_diacritics(vi)
                misspelt = typo(vi, [v for v in fills["vi"].values() if not v.isdigit()], self.t.typo_skip)
                if misspelt is not None:
                    asked["vi-typo"] = misspelt
            for style in STYLES:
                if style in asked:
                    self.add(
                        asked[style],
                        status=status,
                        facts=facts,
                        lang=style,
                        capability=OUT_OF_SCOPE if status is Status.NOT_FOUND else capability,
                        expect=expect.get("en" if style == "en" else "vi", ()),
                    )

    def add(
        self,
        q: str,
        *,
        status: Status,
        facts: Sequence[str],
        lang: str,
        capability: str,
        expect: Sequence[str],
    ) -> None:
        q = re.sub(r"\s+", " ", q).strip()
        known = self.questions.get(q)
        if known is not None:  # the same words about two facts: either one is a right lead
            if known.status.value == status.value and status is Status.ANSWERED:
                merged = [*known.facts, *(f for f in facts if f not in known.facts)]
                self.questions[q] = known.model_copy(update={"facts": merged, "expect": []})
            return
        self.questions[q] = GoldQuestion(
            q=q,
            status=status,
            facts=list(facts),
            lang=lang,
            capability=capability,
            expect=list(expect),
        )

    # -- by kind of fact

    def event(self, event: Event) -> None:
        topic = self.names.event(event)
        fills = {style: {"event": topic[style]} for style in WRITTEN_STYLES}
        year = [str(event.date.start.year)] if event.date is not None else []
        if event.event_kind is EventKind.VISIT and self.visit(event):
            pass  # a visit is asked as "when did X visit Y"
        elif event.date is not None:
            self.ask("when", fills, facts=[event.id], expect={"vi": year, "en": year})
        place = self.knowledge.place(event.place) if event.place else None
        if place is not None and event.event_kind is not EventKind.VISIT:
            self.ask("where", fills, facts=[event.id], expect={"vi": [place.name_vi], "en": [place.name_en]})
        chairs = [p for p in event.participants if p.role is Role.CO_CHAIR]
        if chairs:
            named = [o.name for p in chairs if p.official and (o := self.knowledge.official(p.official))]
            self.ask("co-chair", fills, facts=[event.id], expect={"vi": named, "en": named})
        if event.agreed:
            self.ask("agreed", fills, facts=[event.id])

    def visit(self, event: Event) -> bool:
        """`When did X visit Y?`, when the visit has a date, a place and a guest or a leader."""
        place = self.knowledge.place(event.place) if event.place else None
        visitors = [p for p in event.participants if p.role is Role.GUEST] or [
            p for p in event.participants if p.role is Role.LEADER
        ]
        visitor = self.names.participant(visitors[0], event) if visitors else None
        if event.date is None or place is None or visitor is None:
            return False
        where = self.names.place(place)
        fills = {style: {"visitor": visitor[style], "place": where[style]} for style in WRITTEN_STYLES}
        year = [str(event.date.start.year)]
        self.ask("visit", fills, facts=[event.id], expect={"vi": year, "en": year})
        return True

    def official(self, official: Official) -> None:
        fills = {
            "vi": {"name": official.name},
            "vi-casual": {"name": self.names.official_casual(official)},
            "en": {"name": official.name},
        }
        self.ask("profile", fills, facts=[official.id])

    def agreement(self, agreement: Agreement) -> None:
        fills = {
            "vi": {"agreement": agreement.name_vi},
            "vi-casual": {"agreement": self.names.agreement_casual(agreement)},
            "en": {"agreement": agreement.name_en},
        }
        self.ask("agreement", fills, facts=[agreement.id])
        if agreement.signed is not None:
            # The event of its signing, when the base has one, answers "when was it signed" as well.
            signings = [
                e.id
                for e in map(self.knowledge.event, self.knowledge.events_relating_to.get(agreement.id, ()))
                if e is not None and e.event_kind is EventKind.SIGNING
            ]
            year = [str(agreement.signed.start.year)]
            self.ask("signed", fills, facts=[agreement.id, *signings], expect={"vi": year, "en": year})

    def figure(self, figure: Figure) -> None:
        def in_year(style: str) -> str:
            return "" if figure.year is None else self.t.in_year[style].format(year=figure.year)

        fills = {
            "vi": {"figure": figure.name_vi, "in_year": in_year("vi")},
            "vi-casual": {"figure": self.names.casual(figure.name_vi), "in_year": in_year("vi-casual")},
            "en": {"figure": figure.name_en, "in_year": in_year("en")},
        }
        self.ask("figure", fills, facts=[figure.id])

    def statement(self, statement: Statement) -> None:
        fills = {
            "vi": {"statement": statement.title_vi},
            "vi-casual": {"statement": self.names.casual(statement.title_vi)},
            "en": {"statement": statement.title_en},
        }
        self.ask("statement", fills, facts=[statement.id])

    def days(self) -> None:
        """`What happened on DD/MM/YYYY?` for each day an event starts on; any event that day is right."""
        events = [e for e in self.knowledge.of_kind(Event) if e.date is not None and e.date.has_day]
        signed = [a for a in self.knowledge.of_kind(Agreement) if a.signed is not None and a.signed.has_day]
        days = sorted({e.date.start for e in events if e.date is not None})
        for day in days:
            on_day = [e.id for e in events if _covers(e.date, day)]
            on_day += [a.id for a in signed if _covers(a.signed, day)]
            fills = {
                "vi": {"date": date_vi(day)},
                "vi-casual": {"date": date_vi(day, padded=False)},
                "en": {"date": date_en(day)},
            }
            self.ask("date", fills, facts=on_day)

    # -- out of scope

    def out_of_scope(self) -> None:
        for series in self.knowledge.of_kind(Series):
            rounds = [
                e.round
                for e in map(self.knowledge.event, self.knowledge.events_by_series.get(series.id, ()))
                if e and e.round
            ]
            if not rounds:
                continue
            topic = self.names.round(series, max(rounds) + self.t.missing_round_offset)
            fills = {style: {"event": topic[style]} for style in WRITTEN_STYLES}
            self.ask("when", fills, status=Status.NOT_FOUND)
            self.ask("co-chair", fills, status=Status.NOT_FOUND)

        year = self.missing_year()
        self.ask("year", {style: {"year": str(year)} for style in WRITTEN_STYLES}, status=Status.NOT_FOUND)

        known = [fold(n) for o in self.knowledge.of_kind(Official) for n in (o.name, *o.aliases)]
        countries = [p for p in self.knowledge.of_kind(Place) if p.place_kind is PlaceKind.COUNTRY]
        for person in self.t.unknown_people:
            folded = fold(person)
            if any(_contains_words(name, folded) or _contains_words(folded, name) for name in known):
                continue  # the made-up name is not made up in this base
            fills = {style: {"name": person} for style in WRITTEN_STYLES}
            self.ask("profile", fills, status=Status.NOT_FOUND)
            if countries:
                where = self.names.place(countries[0])
                visit = {style: {"visitor": person, "place": where[style]} for style in WRITTEN_STYLES}
                self.ask("visit", visit, status=Status.NOT_FOUND)

    def missing_year(self) -> int:
        """The first year from `missing_year_from` on that no fact mentions in any way."""
        mentioned: set[int] = set(self.knowledge.events_by_year)
        for fact in self.knowledge.facts:
            mentioned.update(int(y) for y in _YEAR_RE.findall(fact.model_dump_json()))
        year = self.t.missing_year_from
        while year in mentioned:
            year += 1
        return year


def _covers(date: FuzzyDate | None, day: dt.date) -> bool:
    return date is not None and date.has_day and date.start <= day <= date.end


def generate(knowledge: Knowledge, templates: Templates | None = None) -> list[GoldQuestion]:
    """The behavioural suite of this base: every fact asked about in every style, and probes to decline."""
    t = templates or load_templates()
    suite = _Suite(knowledge, t, _Names(knowledge, t))
    for fact in knowledge.facts:
        if isinstance(fact, Event):
            suite.event(fact)
        elif isinstance(fact, Official):
            suite.official(fact)
        elif isinstance(fact, Agreement):
            suite.agreement(fact)
        elif isinstance(fact, Figure):
            suite.figure(fact)
        elif isinstance(fact, Statement):
            suite.statement(fact)
    suite.days()
    suite.out_of_scope()
    return list(suite.questions.values())


def suite_report(knowledge: Knowledge, engine: Answerer, *, misses: int = 20) -> str:
    """The generated suite's score per style and per capability, and its first misses (for the CLI)."""
    questions = generate(knowledge)
    report = evaluate(engine, questions)
    lines = [
        f"generated suite: {len(questions)} questions",
        report.summary(),
        report.breakdown(),
    ]
    ordered = sorted(report.misses, key=lambda m: not m.confident_wrong)[:misses]
    if ordered:
        lines.append(f"first {len(ordered)} of {len(report.misses)} misses (confident-wrong first):")
    for miss in ordered:
        flag = "CONFIDENT-WRONG" if miss.confident_wrong else "miss"
        got = miss.answer.status.value + (f" {list(miss.answer.facts)}" if miss.answer.facts else "")
        lines.append(
            f"  [{flag}] ({miss.gold.lang}, {miss.gold.capability}) {miss.gold.q}\n"
            f"      expected {miss.gold.status.value} {miss.gold.facts}; got {got}"
        )
    return "\n".join(lines)

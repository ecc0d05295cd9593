"""The immutable, indexed fact base that everything answers from.

A `Knowledge` is built once by the loader and never changed: a reload builds
a new one and swaps the reference, so a question in flight finishes on the
base it started with.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TypeVar

from bot.kb.facts import Agreement, Event, Figure, Official, Place, Series, Sourced, Statement

AnyFact = Official | Series | Place | Event | Agreement | Figure | Statement
T = TypeVar("T", bound=Sourced)


def _freeze(groups: Mapping[str, list[str]]) -> Mapping[str, tuple[str, ...]]:
    return MappingProxyType({key: tuple(values) for key, values in groups.items()})


@dataclass(frozen=True)
class Knowledge:
    facts: tuple[AnyFact, ...]
    version: str
    by_id: Mapping[str, AnyFact]
    locations: Mapping[str, str] = field(default_factory=dict)
    seeds: Mapping[str, str] = field(default_factory=dict)
    # Event ids by official id, by series id (in round order), by year and by (month, day).
    events_by_official: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    events_by_series: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    events_by_year: Mapping[int, tuple[str, ...]] = field(default_factory=dict)
    events_by_month_day: Mapping[tuple[int, int], tuple[str, ...]] = field(default_factory=dict)
    # Event ids by place id, including every place the event's place lies within.
    events_by_place: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # Events that list a fact among their `related` ones (side meetings of a conference, say).
    events_relating_to: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # Statements by the event where they were made, and by their year.
    statements_at: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    statements_by_year: Mapping[int, tuple[str, ...]] = field(default_factory=dict)
    # Agreements that list an event among their `related` ones (the documents of a session).
    agreements_relating_to: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    events_planned_at: Mapping[str, tuple[str, ...]] = field(
        default_factory=dict
    )  # the events a meeting planned
    # The periods ("2021-2025") that agreements and stances run for.
    periods: frozenset[tuple[int, int]] = frozenset()
    # Events by their kind ("visit", "meeting"), and by their round number (of whatever mechanism).
    events_by_kind: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    events_by_round: Mapping[int, tuple[str, ...]] = field(default_factory=dict)
    # Figures by their value (`value_key`): a question quoting "9,2%" asks which figure that is.
    figures_by_value: Mapping[float, tuple[str, ...]] = field(default_factory=dict)
    loaded_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))

    @classmethod
    def build(
        cls,
        facts: Iterable[AnyFact],
        *,
        version: str,
        locations: Mapping[str, str] | None = None,
        seeds: Mapping[str, str] | None = None,
    ) -> Knowledge:
        ordered = tuple(facts)
        by_official: defaultdict[str, list[str]] = defaultdict(list)
        by_series: defaultdict[str, list[str]] = defaultdict(list)
        by_year: defaultdict[int, list[str]] = defaultdict(list)
        by_month_day: defaultdict[tuple[int, int], list[str]] = defaultdict(list)
        by_place: defaultdict[str, list[str]] = defaultdict(list)
        within = {f.id: f.within for f in ordered if isinstance(f, Place)}
        events = sorted((f for f in ordered if isinstance(f, Event)), key=_event_sort_key)
        relating: defaultdict[str, list[str]] = defaultdict(list)
        by_kind: defaultdict[str, list[str]] = defaultdict(list)
        planned_at: defaultdict[str, list[str]] = defaultdict(list)
        by_round: defaultdict[int, list[str]] = defaultdict(list)
        for event in events:
            by_kind[event.event_kind.value].append(event.id)
            if event.round is not None:
                by_round[event.round].append(event.id)
            for target in event.related:
                relating[target].append(event.id)
            if event.planned_by:
                planned_at[event.planned_by].append(event.id)
            place_id = event.place
            while place_id and event.id not in by_place[place_id]:
                by_place[place_id].append(event.id)
                place_id = within.get(place_id)
            for participant in event.participants:
                if participant.official and event.id not in by_official[participant.official]:
                    by_official[participant.official].append(event.id)
            if event.series:
                by_series[event.series].append(event.id)
            if event.date is not None:
                for year in range(event.date.start.year, event.date.end.year + 1):
                    by_year[year].append(event.id)
                if event.date.has_day:
                    by_month_day[(event.date.start.month, event.date.start.day)].append(event.id)
        made_at: defaultdict[str, list[str]] = defaultdict(list)
        stated_in: defaultdict[int, list[str]] = defaultdict(list)
        documents: defaultdict[str, list[str]] = defaultdict(list)
        periods: set[tuple[int, int]] = set()
        by_value: defaultdict[float, list[str]] = defaultdict(list)
        for fact in ordered:
            if isinstance(fact, Figure):
                by_value[value_key(fact.value)].append(fact.id)
            if isinstance(fact, Statement) and fact.made_at:
                made_at[fact.made_at].append(fact.id)
            if isinstance(fact, Statement) and fact.year is not None:
                stated_in[fact.year].append(fact.id)
            if isinstance(fact, Agreement):
                for target in fact.related:
                    documents[target].append(fact.id)
            if isinstance(fact, Agreement | Statement) and fact.period_start and fact.period_end:
                periods.add((fact.period_start, fact.period_end))
        rounds = {event.id: event.round or 0 for event in events}
        by_series_sorted = {key: sorted(ids, key=rounds.__getitem__) for key, ids in by_series.items()}
        return cls(
            facts=ordered,
            version=version,
            by_id=MappingProxyType({f.id: f for f in ordered}),
            locations=MappingProxyType(dict(locations or {})),
            seeds=MappingProxyType(dict(seeds or {})),
            events_by_official=_freeze(by_official),
            events_by_series=_freeze(by_series_sorted),
            events_by_year=MappingProxyType({k: tuple(v) for k, v in by_year.items()}),
            events_by_month_day=MappingProxyType({k: tuple(v) for k, v in by_month_day.items()}),
            events_by_place=_freeze(by_place),
            events_relating_to=_freeze(relating),
            agreements_relating_to=_freeze(documents),
            periods=frozenset(periods),
            statements_at=_freeze(made_at),
            statements_by_year=MappingProxyType({k: tuple(v) for k, v in stated_in.items()}),
            events_by_kind=_freeze(by_kind),
            events_by_round=MappingProxyType({k: tuple(v) for k, v in by_round.items()}),
            events_planned_at=_freeze(planned_at),
            figures_by_value=MappingProxyType({k: tuple(v) for k, v in by_value.items()}),
        )

    def of_kind(self, model: type[T]) -> list[T]:
        return [f for f in self.facts if isinstance(f, model)]

    def get(self, fact_id: str) -> AnyFact | None:
        return self.by_id.get(fact_id)

    def official(self, fact_id: str) -> Official | None:
        fact = self.by_id.get(fact_id)
        return fact if isinstance(fact, Official) else None

    def event(self, fact_id: str) -> Event | None:
        fact = self.by_id.get(fact_id)
        return fact if isinstance(fact, Event) else None

    def linked_events(self, fact: Event | Agreement) -> list[Event]:
        """The events linked to a fact either way: those it names (`related`, the meeting that planned
        it) and those that name it; the session a reception belongs to, the meetings of a visit."""
        planned_by = [fact.planned_by] if isinstance(fact, Event) and fact.planned_by else []
        ids = dict.fromkeys([*fact.related, *planned_by, *self.events_relating_to.get(fact.id, ())])
        return [e for e in map(self.event, ids) if e is not None and e.id != fact.id]

    def linked_documents(self, event: Event) -> list[Agreement]:
        """The agreements, programmes and projects the event's record links to, either way."""
        linked = dict.fromkeys([*event.related, *self.agreements_relating_to.get(event.id, ())])
        return [a for a in map(self.get, linked) if isinstance(a, Agreement)]

    def signed_at(self, event: Event) -> list[Agreement]:
        """The documents linked to the event that were signed within its days."""
        return [
            a
            for a in self.linked_documents(event)
            if a.signed is not None and event.date is not None and event.date.holds(a.signed)
        ]

    def place(self, fact_id: str) -> Place | None:
        fact = self.by_id.get(fact_id)
        return fact if isinstance(fact, Place) else None

    def place_chain(self, place_id: str | None) -> list[str]:
        """The place and those it lies in, innermost first."""
        found: list[str] = []
        while place_id and place_id not in found:
            found.append(place_id)
            within = self.place(place_id)
            place_id = within.within if within else None
        return found

    def series(self, fact_id: str) -> Series | None:
        fact = self.by_id.get(fact_id)
        return fact if isinstance(fact, Series) else None

    def counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for fact in self.facts:
            key = "background" if fact.background else fact.kind
            counts[key] = counts.get(key, 0) + 1
        return counts


def value_key(value: float) -> float:
    """A figure's value as a key: "9,2%" read from a question and 9.2 read from YAML are one key."""
    return round(value, 6)


def _event_sort_key(event: Event) -> tuple[dt.date, str]:
    return (event.date.start if event.date else dt.date.max, event.id)

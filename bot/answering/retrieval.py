"""Retrieve: the facts a question's hard constraints leave, each scored and marked anchored or not.

What the question names constrains the candidates (its people, a strongly named series, a round, a
date, a destination); what survives is described by named features (`scoring.WEIGHTS`) and scored.
A fact is anchored when something the question names, not only shared words, ties it to the
question. The decision between the ranked facts is the engine's.
"""

from __future__ import annotations

import dataclasses
import heapq
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from bot.answering import details, figures, scoring
from bot.answering.scoring import (
    DATE_TOPIC_MIN,
    FIGURE_WORDS_MIN,
    LEXICAL_MIN,
    PASSAGE_LEAD,
    PASSAGE_MIN,
    SERIES_LEAD,
    SERIES_MENTIONED,
    SERIES_STRONG,
    SERIES_TIE,
    SERIES_WEAK,
    WORDS_HELD,
    WORDS_HELD_READ,
)
from bot.kb.facts import (
    Agreement,
    Event,
    Figure,
    FuzzyDate,
    Official,
    Participant,
    Place,
    PlaceKind,
    Precision,
    Role,
    Statement,
)
from bot.kb.facts import Status as EventStatus
from bot.kb.knowledge import AnyFact, Knowledge
from bot.nlu.lexicon import (
    AGREED_ASKED,
    COUNTRIES,
    CUE_WORDS,
    DATE_WORDS,
    DESTINATION_WORDS,
    ENGLISH_GLUE,
    EVENT_ASKED,
    EVERYDAY_WORDS,
    FACT_KIND_CUES,
    FUNCTION_WORDS,
    HOME_COUNTRIES,
    INTENT_WORDS,
    KIND_ASKED_AFTER,
    KIND_ASKED_BEFORE,
    MONTHS_EN,
    NAME_ASKED_AFTER,
    NOT_DESTINATION,
    OWNER_OF,
    PERCENT_ASKED,
    POST_FILLERS,
    RELATING,
    ROLE_ASKED,
    ROLE_PHRASES,
    SAID_VERBS,
    SIGNED_ASKED,
    VALUE_ASKED,
    WISHED,
    YEAR_AS_A_THING,
    Intent,
    canonical,
    countries_of_cities,
    country_code,
    words_covered,
)
from bot.nlu.parsing import YEAR_IN_TEXT, DateQuery, amounts
from bot.nlu.text import fold
from bot.nlu.understanding import EntityIndex, Question, event_kind_asked, is_function_unit, units

_PERCENT_STATED = re.compile(r"\d(?:[.,]\d+)?\s*%")
ROLE = re.compile(r"\b(?:" + "|".join(sorted(ROLE_PHRASES, key=len, reverse=True)) + r")\b")
AGREEMENT_CUE = FACT_KIND_CUES["agreement"]
STATEMENT_CUE = FACT_KIND_CUES["statement"]
COUNTRY_ALTERNATION = "|".join(sorted({canonical(word) for word in COUNTRIES}, key=len, reverse=True))
ROLE_CUES = {Role(role): cue for role, cue in ROLE_ASKED.items()}
DESTINATION = re.compile(rf"\b(?:{DESTINATION_WORDS})\s+({COUNTRY_ALTERNATION})\b")
_NEXT_COUNTRY = re.compile(rf"\s+(?:{COUNTRY_ALTERNATION})\b")
_COUNTRY_TOKENS = frozenset(word for name in COUNTRIES for word in name.split())
_DATE_AND_MONTH_WORDS = DATE_WORDS | frozenset(MONTHS_EN)
# Kinds precise enough to narrow a list; "cuộc gặp" (a meeting) covers consultations and visits too.
NARROW_KINDS = frozenset({"visit", "reception", "committee_session", "conference"})
# Kinds that, with a date, name one event: a consultation too (a "meeting" may be any of them)
_DATED_KINDS = NARROW_KINDS | {"consultation"}


@dataclass(frozen=True)
class AskedPeople:
    """What a question says about the people it asks after, read once per question."""

    post: str | None  # "thu tuong" in "the Lao prime minister"
    post_country: str | None  # "LA" in "the Lao prime minister", "BT Campuchia"
    roles: frozenset[Role]  # co-chair, leader... ("who led", "ai đồng chủ trì")
    one_country: bool  # names exactly one of the two countries the base is about

    @classmethod
    def of(cls, q: Question, main_countries: frozenset[str]) -> AskedPeople:
        post = ROLE.search(q.canonical)
        return cls(
            post=post.group(0) if post else None,
            post_country=_country_beside(q.canonical, post) if post else None,
            roles=roles_asked(q),
            one_country=len(q.countries & main_countries) == 1,
        )


@dataclass
class Scored:
    fact: AnyFact
    score: float
    anchored: bool
    holds: float = 0.0  # the part of the score for holding what is asked (a place for "where")


@dataclass(frozen=True)
class Ranking:
    """Retrieval's output: the events and the other facts, each scored and marked anchored or not."""

    events: list[Scored]
    others: list[Scored]


def percent_named(q: Question) -> bool:
    """ "How much did it grow", "tăng 23,6%": the question names a percentage."""
    return bool(PERCENT_ASKED.search(q.folded) or "%" in q.text)


def percent_asked(q: Question) -> bool:
    """A percentage is asked, and not the amount beside it too ("the value and the growth rate")."""
    return percent_named(q) and not VALUE_ASKED.search(q.folded)


def percent_fits(q: Question, figure: Figure) -> bool:
    """A percentage when one is asked; an amount otherwise."""
    return (figure.unit == "%") == percent_asked(q)


class Retrieval:
    """Candidates for a question from the indexes, scored; and the tests retrieval and the engine share
    (how strongly a series is named, whether a fact falls on the date asked, where an event was)."""

    def __init__(self, knowledge: Knowledge, index: EntityIndex, figure_index: figures.FigureIndex) -> None:
        self.knowledge = knowledge
        self.index = index
        self._figures = figure_index
        # Agreements a short capitalised name alone identifies ("DOC", "UNCLOS 1982"); a word such as
        # "ASEAN" inside a longer name identifies nothing.
        self._acronyms = frozenset(
            name.split()[0]
            for agreement in knowledge.of_kind(Agreement)
            for name in (agreement.name_vi, agreement.name_en, *agreement.aliases)
            if name.split()[0].isupper()
            and name.split()[0].isalpha()
            and len(name.split()[0]) >= 3
            and all(word.isdigit() for word in name.split()[1:])
        )
        # the folded record of each document that tells of its signing, read on the first question
        self._signing_records: dict[str, str] | None = None
        self._signers: dict[str, frozenset[str]] = {}  # … and the officials each names, as asked
        # events over a range of days, which a question's day may fall inside
        self._ranges = tuple(
            f.id
            for f in knowledge.facts
            if isinstance(f, Event) and f.date and f.date.precision is Precision.DAY_RANGE
        )

    def rank(self, q: Question) -> Ranking:
        """Every candidate the question's constraints leave, scored: events, and the other facts."""
        lexical = self.index.lexical_scores(q.units, english=q.lang == "en")
        ranking = Ranking(self.rank_events(q, lexical), self.rank_others(q, lexical))
        if (
            q.round is None
            and max(q.series.values(), default=0.0) < SERIES_STRONG
            and self.strong_series(q)
            and not any(s.anchored for s in ranking.events + ranking.others)
        ):
            # a mechanism named only by words its name shares with others ("giữa hai Bộ Ngoại giao"),
            # none of whose meetings fits: the words were not its name
            ranking = self._ranked_without_series(q, lexical)
        if (
            (q.officials or q.date)
            and self.strong_series(q)
            and event_kind_asked(q.canonical) is not None
            and not any(s.anchored for s in ranking.events + ranking.others)
        ):
            # "năm 2024 hai Bộ trưởng nhất trí triển khai kết quả kỳ họp thứ mấy của UB liên Chính phủ?":
            # no session of the mechanism has those people or that date; the session asked is one that
            # the record of what they did names
            unasked = dataclasses.replace(q, series={}, event_kinds=frozenset(), primary_kind=None)
            sessions = {e for s in self.strong_series(q) for e in self.knowledge.events_by_series.get(s, ())}
            # the sessions that the records of what they did link to, scored as those records are
            linked = [
                dataclasses.replace(scored, fact=session)
                for scored in self.rank_events(unasked, lexical)
                if isinstance(scored.fact, Event)
                for session_id in scored.fact.related
                if session_id in sessions and (session := self.knowledge.event(session_id)) is not None
            ]
            ranking = Ranking(linked, [])
        if (
            q.officials
            and q.round is None
            and self.strong_series(q)
            and event_kind_asked(q.canonical) is None
            and not any(s.anchored for s in ranking.events + ranking.others)
        ):
            # "hồi 2022 ông Đức đề nghị khôi phục UB hỗn hợp": no meeting of the mechanism has the people
            # named; the mechanism is what was said of at a meeting of theirs
            spoken = self._ranked_without_series(q, lexical)
            if any(s.anchored for s in spoken.events + spoken.others):
                ranking = spoken
        if (
            q.date is not None
            and (self.strong_series(q) or q.round is not None)
            and not any(s.anchored for s in ranking.events + ranking.others)
        ):
            ranking = self._stated_at_the_round(q, lexical) or ranking
        if (
            q.round is not None
            and (q.officials or q.date)
            and Intent.LIST not in q.intents  # "những cuộc họp nào dự kiến tiếp theo": not one round
            and not any(s.anchored for s in ranking.events + ranking.others)
        ):
            ranking = self._round_spoken_of(q, lexical) or ranking
        if (
            q.round is not None
            and q.date is not None
            and Intent.HOW_MUCH in q.intents
            and not any(s.anchored for s in ranking.events + ranking.others)
        ):
            ranking = self._round_reporting_the_year(q, lexical) or ranking
        return ranking

    def _ranked_without_series(self, q: Question, lexical: dict[str, float]) -> Ranking:
        """The ranking with no mechanism named: its words are only words."""
        unnamed = dataclasses.replace(q, series={})
        return Ranking(self.rank_events(unnamed, lexical), self.rank_others(unnamed, lexical))

    def _round_reporting_the_year(self, q: Question, lexical: dict[str, float]) -> Ranking | None:
        """ "Theo Kỳ họp lần thứ 5, kim ngạch năm 2022 tăng bao nhiêu?": no round asked falls in the
        year named; the year is that of a figure reported at the round."""
        year = q.date.year if q.date is not None else None
        undated = dataclasses.replace(q, date=None)
        found = [
            s
            for s in self.rank_events(undated, lexical)
            if s.anchored and any(f.year == year for f in self._figures.reported_at(s.fact.id))
        ]
        return Ranking(found, []) if found else None

    def _stated_at_the_round(self, q: Question, lexical: dict[str, float]) -> Ranking | None:
        """ "Theo thỏa thuận tại Tham vấn lần thứ 8, năm 2022 là năm gì?": no meeting of the mechanism
        named falls in the year named; a stance stated at one of them is about that year."""
        strong = self.strong_series(q)
        # "tham vấn lần 3 …": the round named by its number and kind, when no series is named well
        pool = (
            [e for series_id in strong for e in self.knowledge.events_by_series.get(series_id, ())]
            if strong
            else [
                e
                for e in self.knowledge.events_by_round.get(q.round or 0, ())
                if not q.event_kinds or self._kind_of(e) in q.event_kinds
            ]
        )
        rounds = [
            event
            for event_id in pool
            if (event := self.knowledge.event(event_id)) is not None and q.round in (None, event.round)
        ]
        stated = {s for event in rounds for s in self.knowledge.statements_at.get(event.id, ())}
        if not stated:
            return None
        unnamed = dataclasses.replace(q, series={}, round=None, event_kinds=frozenset(), primary_kind=None)
        found = [s for s in self.rank_others(unnamed, lexical) if s.fact.id in stated and s.anchored]
        return Ranking([], found) if found else None

    def _round_spoken_of(self, q: Question, lexical: dict[str, float]) -> Ranking | None:
        """ "Năm 2022, phía Thái Lan mong muốn đăng cai Kỳ họp lần thứ 5 … ở đâu?", "Sau lần 1 năm 2015
        thì lần thứ 2 định tổ chức ở đâu?": no round asked has the date or the people named; they are
        those of a meeting whose record speaks of the round (plans it, wishes to host it), and the
        round asked is the one it speaks of."""
        date = event_date_query(q)
        officials = set(q.officials)

        def fits(event: Event | None) -> bool:
            """The meeting has the date and the people the question names."""
            return (
                event is not None
                and (date is None or date_fits(date, event))
                and officials <= {p.official for p in event.participants}
            )

        unbound = dataclasses.replace(q, date=None, officials={})
        rounds = [
            (s, s.fact)
            for s in self.rank_events(unbound, lexical)
            if isinstance(s.fact, Event) and s.anchored and s.fact.round == q.round
        ]
        # the round's own record holds what was planned for it at the meeting named …
        found = [s for s, event in rounds if fits(self.knowledge.event(event.planned_by or ""))]
        # … and what was only said of it at another meeting is in that meeting's record, which answers
        # a question that says so ("muốn đăng cai", "say it wanted to host"), on what or where
        if found or not WISHED.search(q.canonical) or q.intents & {Intent.WHEN, Intent.WHO}:
            return Ranking(found, []) if found else None
        if officials:
            pool = set.intersection(*(set(self.knowledge.events_by_official.get(o, ())) for o in officials))
        elif date is not None and date.year is not None:
            years = range(date.year, (date.year_end or date.year) + 1)
            pool = {e for year in years for e in self.knowledge.events_by_year.get(year, ())}
        else:
            return None
        speakers = [e for e in map(self.knowledge.event, pool) if e is not None and fits(e)]
        found = [
            # (a meeting speaking of its own mechanism's next round is answered by that round, which
            # says where it was held)
            s if speaker.series == event.series else dataclasses.replace(s, fact=speaker)
            for s, event in rounds
            for speaker in speakers
            if self._spoken_of_at(q, speaker, event)
        ]
        return Ranking(found, []) if found else None

    def _spoken_of_at(self, q: Question, speaker: Event, event: Event) -> bool:
        """A point of the speaker's record names the round and its mechanism before the round took
        place (a meeting looking back on a round is no other meeting's date), and a place when the
        question asks where."""
        ahead = event.status is EventStatus.PLANNED or (
            event.date is not None and speaker.date is not None and event.date.start > speaker.date.end
        )
        if not ahead or event.round is None:
            return False
        return any(
            Intent.WHERE not in q.intents or self.index.places_in(canonical(fold(p.vi)).split())
            for p in details.points_on_round(self.index, speaker, event.round, event.series or "")
        )

    def rank_by_passages(self, q: Question) -> Ranking:
        """The ranking with each event's share of the question taken from its best passage too: one
        point of a long record may hold what is asked though the record as a whole explains little of
        the question ("… phối hợp quản lý biên giới nhằm ngăn chặn điều gì?")."""
        english = q.lang == "en"
        lexical = self.index.lexical_scores(q.units, english=english)
        shares = self.index.passage_scores(q.units, lexical, english=english)
        for fact_id, share in shares.items():
            if share >= PASSAGE_MIN:
                lexical[fact_id] = max(lexical[fact_id], share)
        # one record's passage explaining much of the question, and PASSAGE_LEAD times what any other's
        # does, is what it asks about ("VN và Campuchia có tính mở thêm cửa khẩu mới không")
        ranked = sorted(shares.items(), key=lambda item: item[1], reverse=True)
        if (
            ranked
            and ranked[0][1] >= LEXICAL_MIN
            and (len(ranked) == 1 or ranked[0][1] >= PASSAGE_LEAD * ranked[1][1])
        ):
            lexical[ranked[0][0]] = max(lexical[ranked[0][0]], ranked[0][1])
        # every word of the question, its pairs aside, in one point of one record alone
        # (read in the records the question's words explain most: a point holding all of them is there)
        # ("bàn gì", "nhắc tới": how it asks what was said, no word a point must hold)
        asking = words_covered(q.canonical, AGREED_ASKED, SAID_VERBS)
        words = {u for u in q.units if " " not in u and u not in asking}
        # (of the records involving the countries named: "VN và Campuchia …" reads Cambodia's)
        fitting = [
            f for f in lexical if (fact := self.knowledge.get(f)) is not None and self.countries_fit(q, fact)
        ]
        likely = heapq.nlargest(WORDS_HELD_READ, fitting, key=lexical.__getitem__)
        whole = self.index.passage_scores(words, likely, english=english)
        held = sorted(whole.items(), key=lambda item: item[1], reverse=True)
        if held and held[0][1] >= WORDS_HELD and (len(held) == 1 or held[1][1] < WORDS_HELD):
            lexical[held[0][0]] = max(lexical[held[0][0]], PASSAGE_MIN)
        return Ranking(self.rank_events(q, lexical), self.rank_others(q, lexical))

    def city_of(self, event: Event) -> str | None:
        """The city the event took place in, when its place or a place that lies around it is one."""
        chain = (self.knowledge.place(p) for p in self.knowledge.place_chain(event.place))
        return next((p.id for p in chain if p is not None and p.place_kind.value == "city"), None)

    def places_of(self, event: Event) -> set[str]:
        """The event's place and every place it lies in."""
        return set(self.knowledge.place_chain(event.place))

    def is_country_place(self, place_id: str) -> bool:
        place = self.knowledge.place(place_id)
        return place is not None and place.place_kind.value == "country"

    @staticmethod
    def without_destination(folded: str) -> str:
        """The folded question without where it puts the event ("sang Lào", "in Laos")."""
        return DESTINATION.sub(" ", canonical(folded))

    def names_an_acronym(self, q: Question) -> bool:
        """The question names an agreement by its acronym ("DOC", "UNCLOS"). A short acronym counts only
        in capitals: folded, "doc" is also "dọc" and "độc"."""
        words = set(re.findall(r"[^\W_]+", q.text))
        return any(
            acronym in words or (len(acronym) >= 5 and acronym.lower() in q.folded.split())
            for acronym in self._acronyms
        )

    def destination(self, q: Question) -> str | None:
        """The country place a question puts the event in: "sang Lào", "thăm Việt Nam", "held in Laos"."""
        match = next(
            (
                m
                for m in DESTINATION.finditer(q.canonical)
                # a country the question names as one: "ở Lao Bảo" names a border gate, not Laos
                if not any(
                    NOT_DESTINATION.search(before)  # "liên quan tới Lào"; "tính đến": with its word
                    for before in (q.canonical[: m.start()], q.canonical[: m.start()] + m.group(0).split()[0])
                )
                and country_code(m.group(1)) in q.countries
                # "in Vietnam–Laos relations", "ở Việt - Lào": the pair the base is about, no place
                and not _NEXT_COUNTRY.match(q.canonical, m.end())
                and not OWNER_OF.match(q.canonical, m.end())  # "visited the Lao MoD": a body of Laos
            ),
            None,
        )
        if match is None:
            return None
        code = country_code(match.group(1))
        places = [p for p in self.knowledge.of_kind(Place) if p.place_kind == "country" and p.country == code]
        return places[0].id if places else None

    def events_naming(self, place: Place) -> list[Event]:
        """The events whose records name the place (held there or not), as the index finds them."""
        return [e for e in map(self.knowledge.event, self.index.mentions(place)) if e is not None]

    def _kind_of(self, event_id: str) -> str | None:
        event = self.knowledge.event(event_id)
        return event.event_kind.value if event else None

    def any_on(self, date: DateQuery) -> bool:
        """Some event of the base falls on the date."""
        if date.year is not None and date.year_end is None:
            pool = self.knowledge.events_by_year.get(date.year, ())
        else:
            pool = self._dated_events()
        return any(date_fits(date, e) for e in map(self.knowledge.event, pool) if e is not None)

    def _dated_events(self) -> tuple[str, ...]:
        return tuple(e for ids in self.knowledge.events_by_year.values() for e in ids)

    def _only_the_kind(self, q: Question) -> bool:
        """ "Where did the courtesy call take place?": a precise kind of event asked when, where or who
        of, and nothing else naming one: each event of the kind fits (one answers, several are asked
        back)."""
        return (
            q.primary_kind in NARROW_KINDS
            and bool(q.intents & {Intent.WHEN, Intent.WHERE, Intent.WHO})
            and not (q.officials or q.series or q.round or q.date or q.places or q.countries or q.named_facts)
        )

    def strong_series(self, q: Question) -> set[str]:
        """The series the question names: clearly enough, and ahead of any other by a margin."""
        if not q.series:
            return set()
        ranked = sorted(q.series.values(), reverse=True)
        best = ranked[0]
        runner_up = ranked[1] if len(ranked) > 1 else 0.0
        if best >= SERIES_STRONG or (best >= SERIES_WEAK and best - runner_up >= SERIES_LEAD):
            return {s for s, v in q.series.items() if v >= best - SERIES_TIE}
        return set()

    def rank_events(self, q: Question, lexical: dict[str, float]) -> list[Scored]:
        series = self.strong_series(q)
        date = event_date_query(q)
        destination = self.destination(q)
        # "the meeting on the sidelines of the retreat": when the kind asked is not the named series'
        # kind, events tied to the series' events count as named through it
        in_series_kinds = {
            self._kind_of(e) for s in series for e in self.knowledge.events_by_series.get(s, ())
        }
        sidelines = q.primary_kind is not None and q.primary_kind not in in_series_kinds
        mentioned = {s for s, share in q.series.items() if share >= SERIES_MENTIONED}
        # what the question asks of the events of its date, read once for all of them
        beside_the_date = self._beside_the_date(q) if date is not None else set()
        date_alone = Intent.LIST in q.intents or not beside_the_date
        events_asked = bool(EVENT_ASKED.search(q.canonical))
        top = max(q.series.values(), default=0.0)
        if len([s for s in mentioned if q.series[s] >= top - SERIES_TIE]) > 1:
            mentioned = set()  # "cuộc tham vấn lần 2": a word every consultation's name holds names none
        asked = AskedPeople.of(q, self.index.main_countries)
        officials = set(q.officials)
        places = {
            p for p in q.places if (pl := self.knowledge.place(p)) is not None and pl.place_kind != "country"
        }
        if len(countries_of_cities(q.folded.split())) > 1:
            # "when did Hanoi and Vientiane establish ties?": cities of two countries stand for the
            # countries, not for a venue no event could have had both of
            places = {p for p in places if (pl := self.knowledge.place(p)) is None or pl.place_kind != "city"}
        # "what was agreed at Mũi Sao?": a border gate or a port the question asks about, that no event
        # was held at; the one event whose record names it is about it (asked when or whether, no more)
        spoken_of = {
            fact_id
            for p in (places if q.intents & {Intent.WHAT} else ())
            if (place := self.knowledge.place(p)) is not None
            and place.place_kind in (PlaceKind.BORDER_GATE, PlaceKind.PORT)
            and not self.knowledge.events_by_place.get(p)
            for fact_id in (e.id for e in self.events_naming(place))
        }
        if len(spoken_of) > 1:
            spoken_of = set()
        pool: Iterable[str]
        if officials:
            sets = [set(self.knowledge.events_by_official.get(o, ())) for o in officials]
            pool = set.intersection(*sets)
            if not pool and len(sets) > 1:
                # "Ai nhờ thứ trưởng Đức chuyển lời hỏi thăm tới BT Nam?": one named may be spoken of in
                # the record of an event of the others, not take part in it
                pool = {e for e in set.union(*sets) if self._names_the_absent(e, officials)}
        elif series:
            in_series = {e for s in series for e in self.knowledge.events_by_series.get(s, ())}
            pool = in_series | {e for s in in_series for e in self.knowledge.events_relating_to.get(s, ())}
        elif date is not None:
            if date.year is not None:
                years = range(date.year, (date.year_end or date.year) + 1)  # "2021-2023": each year
                pool = [e for year in years for e in self.knowledge.events_by_year.get(year, ())]
            elif date.day is not None and date.month is not None:
                # events starting that day, and day ranges that may cover it
                pool = (*self.knowledge.events_by_month_day.get((date.month, date.day), ()), *self._ranges)
            else:
                pool = self._dated_events()
            if not self.about_the_date(q):
                pool = [e for e in pool if e in lexical]  # a topic question: the events that match it
        else:
            # nothing names an event directly: only words or a place can, so look only where they point
            pool = {fact_id for fact_id in lexical if fact_id in self.knowledge.by_id} | spoken_of
            pool |= {e for p in places for e in self.knowledge.events_by_place.get(p, ())}
            if q.round is not None and not q.series:
                # "lần 3 tổ chức ở đâu?": a round, and no word of any mechanism's name
                pool |= set(self.knowledge.events_by_round.get(q.round, ()))
            if q.primary_kind and (
                (Intent.LIST in q.intents and self.lists_the_kind(q, destination)) or self._only_the_kind(q)
            ):
                # "các chuyến thăm Lào", "list every reception": the events of the kind (where they went
                # is read by the filters); "where did the courtesy call take place?": each is a candidate
                pool |= set(self.knowledge.events_by_kind.get(q.primary_kind, ()))
        # an event whose whole title the question quotes is a candidate whatever else it names: the
        # series in "Lễ ký … nhân Kỳ họp lần thứ 5 Ủy ban Hỗn hợp" is where the signing took place
        quoted = {f for f in q.named_facts if self.knowledge.event(f) is not None}
        scored: list[Scored] = []
        # (in a fixed order: ties further on are broken by it, never by how sets hash in this process)
        for event_id in sorted({*pool, *quoted}):
            event = self.knowledge.event(event_id)
            if event is None:
                continue
            if (
                series
                and event_id not in quoted
                and self._series_of(event, series, sidelines=sidelines) is None
            ):
                continue
            if not self.countries_fit(q, event):
                continue
            if destination is not None and not self._event_in(event, {destination}):
                continue  # "sang Lào", "visited Vietnam": where it happened, not just who took part
            if q.round is not None and event.round != q.round:
                continue
            if q.round is not None and mentioned and event.series not in mentioned and event_id not in quoted:
                continue  # "the 4th deputy-minister consultation", even named weakly: not another series'
            # a round named is the event, whose record may not give the day asked of it ("lần thứ 8 diễn
            # ra ngày 28 hay 29/12?"): the date need only fall within its date then
            day_asked = (
                Intent.WHEN in q.intents
                and q.round is not None
                and len(series) == 1
                and date is not None
                and date.year is None  # a day offered as a guess, without the year the round names
            )
            if date is not None and not date_fits(date, event, named=day_asked):
                continue
            features: dict[str, float] = {}
            anchored = False
            if officials:
                features["official_named"] = len(officials)
                anchored = True
            if series:
                features["series_named"] = q.series.get(
                    self._series_of(event, series, sidelines=sidelines) or "", 0.0
                )
                anchored = True
            elif event.series and q.series.get(event.series, 0.0) > SERIES_MENTIONED:
                features["series_related"] = q.series[event.series]
            elif beside := self._beside_a_series(event, mentioned):
                # "the meeting on the sidelines of the ASEAN retreat", the retreat named only in part
                features["series_related"] = max(q.series[s] for s in beside)
            if q.round is not None:
                features["round_named"] = 1
                anchored = True
            if date is not None:
                features["date_named"] = 1
                # a date alone names an event only in "what happened then?", not in a question on a topic
                # … or, asked for the events of the date, one whose own record holds its other words
                # ("ngày 8/1/2024 bên quân đội VN có hoạt động gì với Lào": what the army did that day)
                anchored = (
                    anchored
                    or date_alone
                    or lexical.get(event.id, 0.0) >= DATE_TOPIC_MIN
                    or (events_asked and beside_the_date <= self.index.fact_units.get(event.id, set()))
                )
            people = self._people_fit(q, event, asked)
            features.update(people)
            # "the Lao deputy minister" names a participant; "who led ..." with a date names one too
            anchored = anchored or "post_match" in people or (date is not None and "role_match" in people)
            if places and self._event_in(event, places):
                features["place_named"] = 1
                anchored = True
            elif event.id in spoken_of:
                # "ở cửa khẩu Mũi Sao hai bên thống nhất làm gì?": the one record naming the place
                features["place_spoken_of"] = 1
                anchored = True
            if event.event_kind.value == q.primary_kind:
                features["kind_primary"] = 1
                # a list of a kind, where it went ("liệt kê các chuyến thăm Lào") or of a narrow kind
                # ("list every reception"): each such event
                where_or_when = date is not None or self.lists_the_kind(q, destination)
                anchored = anchored or (Intent.LIST in q.intents and where_or_when) or self._only_the_kind(q)
                # "tham vấn 12/2021": an event of a precise kind on the date asked is named by both,
                # unless what is asked is a document or a stance of it ("which project … at the 2015
                # consultation")
                anchored = anchored or (
                    date is not None
                    # a meeting on a given day is named by both too ("the talks on 28 January")
                    and (q.primary_kind in _DATED_KINDS or date.day is not None)
                    and not (AGREEMENT_CUE.search(q.canonical) or STATEMENT_CUE.search(q.canonical))
                )
            elif event.event_kind.value in q.event_kinds:
                features["kind_mentioned"] = 1
            if (
                Intent.WHO in q.intents
                and officials
                and not any(p.official not in officials for p in event.participants)
                and "named_in_role" not in people  # "X đồng chủ trì sự kiện gì": X's part is asked
            ):
                features["only_the_asker"] = 1
            share = lexical.get(event.id, 0.0)
            features["lexical_share"] = share
            if share >= LEXICAL_MIN:
                anchored = True
            if Intent.PLANNED in q.intents:
                features["planned_asked"] = 1 if event.status == EventStatus.PLANNED else 0
            elif event.status == EventStatus.PLANNED and q.round is None:
                features["planned_unasked"] = 1
            holds = self.fits_question(q, event)
            features.update(holds)
            if event.id in quoted:
                features["named_whole"] = 1
                anchored = True
            score = scoring.score(features)
            scored.append(Scored(event, score, anchored, scoring.score(holds)))
        return scored

    @staticmethod
    def lists_the_kind(q: Question, destination: str | None) -> bool:
        """A list asked of every event of the kind named: where they went, or a narrow kind with no
        topic the base lacks ("list every courtesy call")."""
        return destination is not None or (q.primary_kind in NARROW_KINDS and not q.unknown_words)

    def _fact_on_date(self, fact: Agreement | Figure | Statement, q: Question) -> bool:
        """A document or statement fits the date asked: by its year, or by its signing month or day."""
        assert q.date is not None
        if q.date.month is None:
            return self._fact_in_period(fact, q)
        # Statements and figures carry years at most: a month or a day is matched by the signing date,
        # or by the date of the meeting where the figure was reported ("the trade figure given at the
        # December 2021 talks").
        if isinstance(fact, Agreement):
            # undated: the days of the meetings that dealt with it ("which memorandum did they agree to
            # implement in January 2024")
            if fact.signed is not None:
                dates = [fact.signed]
            else:
                dates = [] if self.about_the_date(q) else self._dates_of_related(fact)
        else:
            # a figure is dated by the meeting where it was reported; a stance, by the one where it was
            # stated, unless the question asks what happened then (the meeting is the answer)
            at = fact.about if isinstance(fact, Figure) else None if self.about_the_date(q) else fact.made_at
            event = self.knowledge.event(at or "")
            dates = [event.date] if event and event.date else []
        return any(
            date.precision is not Precision.YEAR
            and (q.date.day is None or date.has_day)
            and q.date.matches(date.start, date.end)
            for date in dates
        )

    def _dates_of_related(self, agreement: Agreement) -> list[FuzzyDate]:
        """The dates of the events an agreement is linked with, either way."""
        return [e.date for e in self.knowledge.linked_events(agreement) if e.date is not None]

    @staticmethod
    def _period_named(fact: Agreement | Statement, q: Question) -> bool:
        """The question names the agreement's or stance's whole period ("the 2021-2025 agreement",
        "nhiệm kỳ 2025-2029")."""
        return (
            q.date is not None
            and q.date.year_end is not None
            and fact.period_start is not None
            and (fact.period_start, fact.period_end) == (q.date.year, q.date.year_end)
        )

    def _dated_in(self, fact: Agreement | Figure | Statement, q: Question) -> bool:
        """The fact's own year is the one asked (an agreement merely in force that year is not)."""
        assert q.date is not None
        if isinstance(fact, Agreement):
            year = fact.signed.start.year if fact.signed else None
        elif isinstance(fact, Statement):
            made_at = self.knowledge.event(fact.made_at or "")
            year = fact.year or (made_at.date.start.year if made_at and made_at.date else None)
        else:
            year = fact.year
        return (
            year is not None
            and q.date.year is not None
            and q.date.year <= year <= (q.date.year_end or q.date.year)
        )

    def about_the_date(self, q: Question) -> bool:
        """'What happened on 5/9?', 'What did Vietnam and Cambodia discuss on 28/1/2024?': a list cue,
        or nothing in the question but the date, question words and the countries (checked apart), with
        words asking for events and relating them to a country ("có hoạt động gì liên quan đến Lào")."""
        return Intent.LIST in q.intents or not self._beside_the_date(q)

    @staticmethod
    def _beside_the_date(q: Question) -> set[str]:
        """The question's words besides its date, its words of asking (for events, relating them to a
        country) and its countries: what it asks of the events of the date, if anything."""
        asking = words_covered(q.canonical, EVENT_ASKED, RELATING)
        return {
            u
            for u in q.units
            if " " not in u
            and not is_function_unit(u)
            and u not in asking
            and u not in _DATE_AND_MONTH_WORDS
            and u not in INTENT_WORDS
            and u not in _COUNTRY_TOKENS
            and u not in ENGLISH_GLUE
        }

    def _series_of(self, event: Event, named: set[str], *, sidelines: bool) -> str | None:
        """The named series an event belongs to, directly or (`sidelines`) as a meeting held beside one."""
        if event.series in named:
            return event.series
        if not sidelines:
            return None
        for related_id in event.related:
            related = self.knowledge.event(related_id)
            if related is not None and related.series in named:
                return related.series
        return None

    def _beside_a_series(self, event: Event, mentioned: set[str]) -> set[str]:
        """The mentioned series of the events the event is linked to, either way (a meeting held on the
        sidelines of a conference of the series)."""
        linked = {*event.related, *self.knowledge.events_relating_to.get(event.id, ())}
        return {
            other.series
            for other in map(self.knowledge.event, linked)
            if other is not None and other.series in mentioned
        }

    def countries_fit(self, q: Question, fact: AnyFact) -> bool:
        """Every country the question names besides the users' own is one the fact involves."""
        wanted = q.countries - HOME_COUNTRIES
        if not wanted:
            return True
        involved = self.index.fact_countries.get(fact.id, frozenset())
        if len(wanted) > 1 and Intent.LIST in q.intents and q.date is not None and q.date.day is not None:
            # "ngày 28/1 có sự kiện gì liên quan VN - Lào - Campuchia": what involves any country listed
            if not wanted & involved:
                return False
        elif not wanted <= involved:
            return False
        # "với bên Lào": the other side took part; a meeting held in Laos with Cambodia is none
        sides = self.index.fact_sides.get(fact.id)
        return sides is None or (q.counterparts - HOME_COUNTRIES) <= sides

    def _people_fit(self, q: Question, event: Event, asked: AskedPeople) -> dict[str, float]:
        """Features for people the question describes by post ("the Lao prime minister") or by country."""
        features: dict[str, float] = {}
        if asked.post is not None and any(
            asked.post in self._participant_title(p) and self._of_country(p, asked.post_country)
            for p in event.participants
        ):
            features["post_match"] = 1
        if asked.roles & {p.role for p in event.participants}:
            features["role_match"] = 1
            if asked.roles & {p.role for p in event.participants if p.official in q.officials}:
                features["named_in_role"] = 1
        if asked.one_country and event.place and self._event_in(event, set(q.places)):
            features["one_country_place"] = 1
        return features

    def _names_the_absent(self, event_id: str, officials: set[str]) -> bool:
        """The event's record names, by their full names, the people asked about who took no part in it."""
        event = self.knowledge.event(event_id)
        if event is None:
            return False
        absent = officials - {p.official for p in event.participants if p.official}
        # its own summary and points, not the article's sentences it quotes, which list other visits
        record = " ".join(
            [event.summary_vi, event.summary_en, *(t.vi for t in event.agreed + event.discussed)]
        )
        return all(details.names_one(details.full_names(self.index, {person}), record) for person in absent)

    def _of_country(self, participant: Participant, country: str | None) -> bool:
        """The participant is of the country the post asked names ("BT Campuchia"), when it names one."""
        official = self.knowledge.official(participant.official or "")
        return country is None or official is None or official.country == country

    def _participant_title(self, participant: Participant) -> str:
        official = self.knowledge.official(participant.official or "")
        if official is not None:
            return " ".join(canonical(fold(p.title_vi)) for p in official.positions)
        return canonical(fold(participant.label_vi or ""))

    @staticmethod
    def fits_question(q: Question, fact: AnyFact) -> dict[str, float]:
        """Features for a fact holding what the question asks for (a date for 'when', a place for 'where')."""
        held = 0
        if Intent.WHEN in q.intents:
            held += (
                (isinstance(fact, Event) and fact.date is not None)
                or (isinstance(fact, Agreement) and fact.signed is not None)
                or (isinstance(fact, Statement) and fact.year is not None)
            )
        if Intent.WHERE in q.intents and isinstance(fact, Event) and fact.place:
            held += 1
        if Intent.WHO in q.intents and isinstance(fact, Event) and fact.participants:
            held += 1
        features: dict[str, float] = {"holds_the_slot": held} if held else {}
        if Intent.WHAT in q.intents and isinstance(fact, Event) and (fact.agreed or fact.discussed):
            features["holds_what"] = 1
        return features

    def _event_in(self, event: Event, places: set[str]) -> bool:
        return bool(self.places_of(event) & places)

    def rank_others(self, q: Question, lexical: dict[str, float]) -> list[Scored]:
        rare = self.index.rare_names(q.text)  # "UNCLOS", "CLMV": a name only this fact carries
        if self.strong_series(q):
            return []  # a question that names a mechanism is about its meetings
        if q.round is not None:
            return []
        wants_agreement = bool(AGREEMENT_CUE.search(q.canonical)) or self.names_an_acronym(q)
        wants_statement = bool(STATEMENT_CUE.search(q.canonical))
        topic = self.document_topic(q)  # "thỏa thuận du lịch": what the document asked is about
        # how much, or an amount stated ("tăng 36,6% đúng không?": a figure claimed)
        wants_figure = Intent.HOW_MUCH in q.intents or bool(_PERCENT_STATED.search(q.text))
        # "9,2% là mức tăng của năm nào?": a figure quoted by its value is named by it
        values = {value for _, value in amounts(q.text)}
        heads = _heads_asked(q)
        candidates = dict(lexical)
        # "ông Sơn ký văn kiện gì", "ký MOU với ông Sơn": the documents whose record names them signing
        signed = (
            {a.id for a in self.signed_by(set(q.officials))} if q.officials and wants_agreement else set()
        )
        for agreement_id in signed:
            candidates.setdefault(agreement_id, 0.0)
        year_named = bool(heads & DATE_WORDS)  # "năm 2022 được đặt tên là năm gì": the year's own name
        if (wants_statement or year_named) and q.date is not None and q.date.year is not None:
            # "năm 2022 được gọi là năm gì": a stance of the year asked may share no word with it
            for statement_id in self.knowledge.statements_by_year.get(q.date.year, ()):
                candidates.setdefault(statement_id, 0.0)
        scored: list[Scored] = []
        for fact_id, share in sorted(candidates.items()):
            fact = self.knowledge.get(fact_id)
            if not isinstance(fact, Agreement | Figure | Statement):
                continue
            said = isinstance(fact, Statement) and set(q.officials) & set(fact.officials)
            if q.officials and not said and fact.id not in signed:
                continue  # a question naming a person is about what that person did, signed or said
            if q.date is not None and not self._fact_on_date(fact, q):
                continue
            if not self.countries_fit(q, fact):
                continue
            cues: dict[str, float] = {}
            figure_words = False
            if isinstance(fact, Agreement) and wants_agreement:
                cues["agreement_cue"] = 1
            if isinstance(fact, Statement) and wants_statement:
                cues["statement_cue"] = 1
            head = _title_head(fact, q.lang) if isinstance(fact, Statement) else ""
            if head in heads:
                cues["title_head_asked"] = 1
            if isinstance(fact, Figure) and wants_figure:
                cues["figure_cue"] = 1
                # "thương mại Việt Lào tăng bao nhiêu phần trăm": its words are the figure's, though
                # the pairs across them ("lào tăng") are nobody's
                words = {
                    u
                    for u in q.units
                    if " " not in u and u not in CUE_WORDS and not self.index.no_evidence(u, q.lang == "en")
                }
                own = self.index.fact_units.get(fact.id, set())
                figure_words = bool(words) and len(words & own) >= FIGURE_WORDS_MIN * len(words)
                cues["percent_fit"] = (fact.unit == "%") == percent_named(q)
            cues.update(self.fits_question(q, fact))
            anchored = (
                share >= LEXICAL_MIN
                or figure_words
                or bool(rare & self.index.fact_units.get(fact.id, set()))
                or (scoring.score(cues) > 0 and share >= LEXICAL_MIN * 0.75)
                or (q.date is not None and share >= DATE_TOPIC_MIN and self._dated_in(fact, q))
                or (isinstance(fact, Agreement | Statement) and self._period_named(fact, q))
                or (
                    isinstance(fact, Statement)
                    and wants_statement
                    and q.date is not None
                    and self._dated_in(fact, q)
                )
                or self.stance_named(q, fact)
                # "năm 2025 được chọn làm năm gì": the stance naming the year asked, titled as a year
                or (
                    "title_head_asked" in cues
                    and head in DATE_WORDS
                    and q.date is not None
                    and self._dated_in(fact, q)
                )
            )
            if (
                isinstance(fact, Agreement)
                and topic is not None
                and topic not in self.index.fact_units.get(fact.id, set())
            ):
                anchored = False
            features = {"lexical_share": share, "date_given": q.date is not None, **cues}
            if isinstance(fact, Figure) and fact.value in values:
                features["value_named"] = 1
                anchored = True
            if fact.id in signed:
                features["signed_by_named"] = len(q.officials)
                anchored = True
            if fact.id in q.named_facts:
                features["named_whole"] = 1
                anchored = True
            scored.append(Scored(fact, scoring.score(features), anchored))
        return scored

    @property
    def signing_records(self) -> dict[str, str]:
        """The folded record of each document whose record tells of its signing, by id; read on the
        first question that needs it (the base is immutable)."""
        if self._signing_records is None:
            self._signing_records = {
                a.id: text
                for a in self.knowledge.of_kind(Agreement)
                if SIGNED_ASKED.search(canonical(text := fold(f"{a.summary_vi} {a.summary_en}")))
            }
        return self._signing_records

    def signers(self, agreement_id: str) -> frozenset[str]:
        """The officials of the base that the record of the document's signing names (who signed it, as
        the article tells); none when its record tells of no signing. Worked out once per document."""
        if agreement_id not in self._signers:
            record = self.signing_records.get(agreement_id)
            officials = self.knowledge.of_kind(Official) if record is not None else []
            self._signers[agreement_id] = frozenset(
                o.id for o in officials if record is not None and fold(o.name) in record
            )
        return self._signers[agreement_id]

    def signed_by(self, officials: set[str]) -> list[Agreement]:
        """The documents whose record tells of their signing and names every one of the officials (who
        signed them, as the article tells)."""
        names = [fold(o.name) for o in map(self.knowledge.official, officials) if o is not None]
        if not names:
            return []
        return [
            agreement
            for agreement_id, text in self.signing_records.items()
            if all(name in text for name in names)
            and isinstance(agreement := self.knowledge.get(agreement_id), Agreement)
        ]

    def document_topic(self, q: Question) -> str | None:
        """ "Thỏa thuận du lịch": the word (or compound) of the base right after the kind of document,
        which says what the document is about (Vietnamese only, where the qualifier follows the noun).
        An agreement whose words lack it is another document: a tourism agreement is none between
        foreign ministries."""
        if q.lang != "vi":
            return None
        words = q.canonical.split()
        for match in AGREEMENT_CUE.finditer(q.canonical):
            at = len(q.canonical[: match.end()].split())
            pair = " ".join(words[at : at + 2])
            after = pair if pair in self.index.idf else (words[at] if at < len(words) else "")
            if (
                after in self.index.idf
                and not any(w in FUNCTION_WORDS or w in EVERYDAY_WORDS for w in after.split())
                and not after.isdigit()
                and not self.index.no_evidence(after, False)
            ):
                return after
        return None

    def _fact_in_period(self, fact: Agreement | Figure | Statement, q: Question) -> bool:
        assert q.date is not None
        span = q.date.span()
        if span is None:
            return False
        years = set(range(span[0].year, span[1].year + 1))
        if isinstance(fact, Agreement) and q.date.year_end is not None and fact.period_start is not None:
            # "the 2016-2020 agreement" names a period: only that exact period is the same agreement
            return (fact.period_start, fact.period_end) == (q.date.year, q.date.year_end)
        if isinstance(fact, Agreement):
            fact_years = (
                set(range(fact.period_start, fact.period_end + 1))
                if fact.period_start and fact.period_end
                else set()
            )
            if fact.signed:
                fact_years |= set(range(fact.signed.start.year, fact.signed.end.year + 1))
            # a year in its name is the agreement's too ("Tầm nhìn 2045", "the 1982 convention")
            fact_years |= {int(y) for y in YEAR_IN_TEXT.findall(f"{fact.name_vi} {fact.name_en}")}
            if not fact_years and not self.about_the_date(q):
                # undated: the years of the meetings that dealt with it ("the border project the 2015
                # consultation wanted finished"); "what happened in 2015" asks for those meetings
                fact_years = {d.start.year for d in self._dates_of_related(fact)}
            return bool(years & fact_years)
        if isinstance(fact, Statement):
            fact_years = {fact.year} if fact.year else set()
            if fact.period_start and fact.period_end:
                fact_years |= set(range(fact.period_start, fact.period_end + 1))
            made_at = self.knowledge.event(fact.made_at or "")
            if made_at is not None and made_at.date is not None and (not fact_years or q.officials):
                # when it was said: "ông Minh hồi 2015 nói VN ủng hộ Lào làm Chủ tịch ASEAN năm nào?"
                fact_years |= set(range(made_at.date.start.year, made_at.date.end.year + 1))
            return bool(years & fact_years)
        # a figure's period may name a second year: "up 33.6 % on the same period of 2020"
        wording = f"{fact.name_vi} {fact.name_en} {fact.period_vi} {fact.period_en}"
        period_years = {int(y) for y in YEAR_IN_TEXT.findall(wording)}
        # so may the growth quoted with a value, when that year is asked for, not compared with
        # ("what was it in 2020?": the 2021 value and its growth work it out)
        compared = " ".join(f"{f.name_vi} {f.name_en}" for f in self._figures.companions(fact))
        period_years |= {int(y) for y in YEAR_IN_TEXT.findall(compared)} & figures.asked_years(q.folded)
        return bool(years & ({fact.year} | period_years))

    def stance_named(self, q: Question, fact: AnyFact) -> bool:
        """A stance whose own words hold the kind of stance the question names ("chủ tịch ASEAN")."""
        if not isinstance(fact, Statement):
            return False
        own = self.index.fact_units.get(fact.id, set())
        named = ({u for u in units(m.group(0)) if " " not in u} for m in STATEMENT_CUE.finditer(q.canonical))
        return any(len(words) > 1 and words <= own for words in named)


def roles_asked(q: Question) -> frozenset[Role]:
    """The parts in an event the question asks about ("ai đồng chủ trì", "who led", "ai tiếp")."""
    return frozenset(role for role, cue in ROLE_CUES.items() if cue.search(q.canonical))


def event_date_query(q: Question) -> DateQuery | None:
    """The date an event must fall on; a span of years ("2021-2025") names a period, not an event date."""
    if q.date is None or q.date.year_end is not None:
        return None
    return q.date


def date_fits(query: DateQuery, event: Event, *, named: bool = False) -> bool:
    """The event falls on the date asked, and its date is at least as precise as the question's unless
    the question names the event otherwise."""
    date = event.date
    if date is None or not query.matches(date.start, date.end):
        return False
    if named:
        return True
    if query.day is not None:
        return date.has_day  # "on 28/1/2024" is not answered by an event known only as "January 2024"
    if query.month is not None:
        return date.precision is not Precision.YEAR
    return True


def _heads_asked(q: Question) -> set[str]:
    """The nouns a question word asks for: "năm gì" (the word before "gì", "nào"), "which ASEAN meeting"
    (the last word of those after "which", "what", before a function word). "Năm nào", "which year"
    ask when, unless the question names the year: "năm 2022 là năm gì" asks its name."""
    words = q.canonical.split()
    # "năm nào" asks which year even when one is named; "năm gì" asks what the year is called
    heads = {
        words[i - 1]
        for i in range(1, len(words))
        if words[i] in KIND_ASKED_AFTER
        and not (words[i - 1] in DATE_WORDS and words[i] not in NAME_ASKED_AFTER)
    }
    for i in (i for i, word in enumerate(words) if word in KIND_ASKED_BEFORE):
        phrase = list(itertools.takewhile(lambda w: w not in FUNCTION_WORDS, words[i + 1 : i + 4]))
        heads.update(phrase[-1:])
    named_year = q.date is not None and q.date.year is not None
    spoken_of = YEAR_AS_A_THING.search(q.folded)
    if named_year and spoken_of:
        # "what did they designate the year 2025 as?": the year's own name, asked by its noun
        heads.add(spoken_of.group(0).split()[-2])
    return {h for h in heads if named_year or h not in DATE_WORDS}


def _title_head(fact: Statement, lang: str) -> str:
    """The noun a stance's title is named by: the first word in Vietnamese ("Năm Đoàn kết … 2022"), the
    last word but numbers in English ("… Friendship Year 2022")."""
    if lang == "en":
        words = [w for w in canonical(fold(fact.title_en)).split() if not w[0].isdigit()]
        return words[-1] if words else ""
    words = canonical(fold(fact.title_vi)).split()
    return words[0] if words else ""


def _country_beside(canon: str, post: re.Match[str]) -> str | None:
    """The country a post is of, named right beside it: "BT Campuchia", "the Lao PM", "thủ tướng của
    Lào" (not "Chủ tịch nước sang thăm Lào", where the country is where he went)."""
    after = [w for w in canon[post.end() :].split()[:3] if w not in POST_FILLERS]
    before = canon[: post.start()].split()[-2:]
    for words in (after[:2], after[:1], before, before[-1:]):
        name = " ".join(words)
        if name in COUNTRIES:
            return COUNTRIES[name]
    return None

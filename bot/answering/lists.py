"""Answers that are lists, and the lists an answer carries.

Every event of a date or a kind, the events held during a visit or planned at a meeting, the documents
signed at an event or asked by kind, the stances of one kind, the officials who held a post or of a
country; and, after any answer, the records a stance names and the people of an event asked for as a
list. Each function takes the engine (`protocol.Lookup`) for the base and the pieces answers are made
of.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter

from bot.answering import details
from bot.answering.answers import Answer, Lang
from bot.answering.protocol import Lookup
from bot.answering.retrieval import (
    AGREEMENT_CUE,
    NARROW_KINDS,
    ROLE,
    Ranking,
    Scored,
    event_date_query,
    roles_asked,
)
from bot.answering.scoring import LIST_SHARE, POST_WINDOW, SERIES_MENTIONED, TIE_MARGIN
from bot.kb.facts import (
    Agreement,
    Event,
    EventKind,
    FuzzyDate,
    Official,
    Position,
    Series,
    Statement,
)
from bot.kb.facts import Status as EventStatus
from bot.kb.knowledge import AnyFact
from bot.nlu.lexicon import (
    BILATERAL,
    CONCLUDED_ASKED,
    CUE_WORDS,
    EVENT_ASKED,
    EVERYDAY_WORDS,
    FUNCTION_WORDS,
    HELD_DURING,
    INTENT_WORDS,
    KIND_WORDS,
    NAME_ASKED,
    NOW,
    OFFICIALS_ASKED,
    PLURAL_ASKED,
    RECORDS_NAMED_ASKED,
    SIGNED_ASKED,
    SIGNED_AT,
    TIMELINE_WORDS,
    Intent,
    canonical,
    countries_of_cities,
)
from bot.nlu.parsing import DateQuery
from bot.nlu.text import fold
from bot.nlu.understanding import Question, asked_before
from bot.render.text import COUNTRY_NAMES, event_date, format_date, localized, phrase

MAX_LIST = 30  # lines a list shows; the rest are counted


def with_records_named(engine: Lookup, q: Question, answer: Answer) -> Answer:
    """ "Which mechanisms did Laos say …": one stance answers, and the records of the kind asked
    that it names ("… như CLV, CLMV, ACMECS") are the list; a plural under a stance takes both kinds."""
    kinds = records_kinds_asked(q)
    if (
        not kinds
        and Intent.LIST in q.intents
        and isinstance(engine.knowledge.get(answer.facts[0]), Statement)
    ):
        kinds = set(RECORDS_NAMED_ASKED)
    if not kinds:
        return answer
    named = [
        f.id
        for f in details.records_named(engine.index, answer.text)
        if f.kind in kinds and f.id not in answer.facts
    ]
    return dataclasses.replace(answer, facts=(*answer.facts, *named)) if named else answer


def with_people_listed(engine: Lookup, q: Question, answer: Answer) -> Answer:
    """ "Những ai đi cùng Bộ trưởng …?": the people the one event's answer names are the list."""
    event = engine.knowledge.event(answer.facts[0])
    if event is None or not {Intent.WHO, Intent.LIST} <= q.intents:
        return answer
    named = [
        p.official
        for p in event.participants
        if p.official and p.official not in q.officials and p.official not in answer.facts
    ]
    return dataclasses.replace(answer, facts=(*answer.facts, *dict.fromkeys(named))) if named else answer


def listing(engine: Lookup, q: Question, ranking: Ranking) -> Answer | None:
    """A question that asks for every fact of a kind: stances, events, agreements."""
    # a question on what, when, where or who of an event whose whole title it quotes is about it
    quotes_an_event = bool(q.intents & {Intent.WHAT, Intent.WHEN, Intent.WHERE, Intent.WHO}) and any(
        engine.knowledge.event(f) is not None for f in q.named_facts
    )
    during = (
        _held_during(engine, q, ranking.events)
        or _planned_at(engine, q, ranking.events)
        or _planned_for(engine, q)
    )
    if during is not None:
        return during
    if AGREEMENT_CUE.search(q.canonical) and q.round is None and not q.officials:
        # "Thỏa thuận hợp tác 2 BNG 2021-2025 bao gồm những cơ chế tham vấn nào": the one agreement of
        # the period named is asked about, whatever mechanism its words name
        document = _named_by_period(engine, q)
        if document is not None:
            return engine.respond(q, document, 1.0)
    # "Thỏa thuận … giai đoạn 2021-2025 bao gồm những cuộc tham vấn nào?": what a document quoted whole
    # says, not the events its words name
    quotes_a_document = any(isinstance(engine.knowledge.get(f), Agreement) for f in q.named_facts)
    signed_then = _signed_in(engine, q) or _signed_by(engine, q)
    if signed_then is not None:
        return signed_then
    # "what East Sea instruments did the two deputy ministers refer to in 2023": documents, not events
    documents_asked = q.fact_kind_asked == "agreement"
    documents = _documents_at(engine, q, ranking.events) if documents_asked else None
    if documents is not None:
        return documents
    if (
        _wants_list(engine, q, ranking.events)
        and not quotes_an_event
        and not quotes_a_document
        and not documents_asked
        # "kể tên các cơ chế … mà BT Saleumxay nhắc tới": the records one stance names, not his events
        and stance_naming_the_records_asked(engine, q, [s for s in ranking.others if s.anchored]) is None
    ):
        return _statement_list(engine, q, ranking.others) or event_list(engine, q, ranking.events)
    return (
        _documents_at(engine, q, ranking.events)
        or _statement_list(engine, q, ranking.others)
        or _agreement_list(engine, q, ranking.others)
    )


def records_kinds_asked(q: Question) -> set[str]:
    """The kinds of record the question asks a fact to name ("which mechanisms", "những văn kiện nào")."""
    return {kind for kind, cue in RECORDS_NAMED_ASKED.items() if cue.search(q.folded)}


def stance_naming_the_records_asked(engine: Lookup, q: Question, scored: list[Scored]) -> Scored | None:
    """Of these facts, the one stance whose text names records of the kind the question asks for
    ("BT Lào nhắc tới những cơ chế … nào": his stance "… như CLV, CLMV, ACMECS")."""
    kinds = records_kinds_asked(q)
    if not kinds:
        return None
    naming = [
        s
        for s in scored
        if isinstance(s.fact, Statement)
        and any(f.kind in kinds for f in details.records_named(engine.index, s.fact.summary_vi))
    ]
    return naming[0] if len(naming) == 1 else None


def _the_one_event(events: list[Scored]) -> Scored | None:
    """The event the question names, when one is anchored ahead of every other by the tie margin."""
    anchored = sorted((s for s in events if s.anchored), key=lambda s: s.score, reverse=True)
    if not anchored or (len(anchored) > 1 and anchored[1].score >= anchored[0].score - TIE_MARGIN):
        return None
    return anchored[0]


def holding_the_others(engine: Lookup, events: list[Scored]) -> Scored | None:
    """Of the anchored events, the one whose days and links hold every other (the conference the
    meetings on its sidelines belong to)."""
    anchored = [s for s in events if s.anchored]
    # the longest first: a visit holds the meetings of its days, not one of those meetings the visit
    by_span = sorted(anchored, key=lambda s: -_days(s.fact) if isinstance(s.fact, Event) else 0)
    for scored in by_span if len(anchored) > 1 else []:
        if isinstance(scored.fact, Event) and scored.fact.date is not None:
            linked = {e.id for e in engine.knowledge.linked_events(scored.fact)}
            if all(other.fact.id in linked for other in anchored if other is not scored):
                return scored
    return None


def _days(event: Event) -> int:
    """The days an event is dated over; none for a date known only to the month or year."""
    return (event.date.end - event.date.start).days if event.date and event.date.has_day else 0


def _held_during(engine: Lookup, q: Question, events: list[Scored]) -> Answer | None:
    """ "Which events were held during X's visit?", "ngày 29/12 bộ trưởng có những hoạt động gì?":
    the events linked to the one event named that fall within its days (on the day asked, when
    the question names one inside them)."""
    # "bên lề hội nghị, ông Sơn đã gặp những ai?": whom someone met there is their meetings there
    met = Intent.WHO in q.intents and bool(q.officials) and EventKind.MEETING.value in q.event_kinds
    # "who did he meet on the sidelines of the retreat?": one or more, all of them
    sidelines = met and bool(HELD_DURING.search(q.folded))
    if (Intent.LIST not in q.intents and not sidelines) or (
        Intent.WHO in q.intents and not _events_asked(q) and not met
    ):
        return None  # "những ai đi cùng … trong chuyến thăm": its people, not its meetings
    # "trong chuyến thăm …, X đồng chủ trì những cuộc họp nào": the visit the others were held during
    # … or "X sang VN tháng 12/2021 dự những sự kiện gì": a visit named, the events of it asked
    visit_events = q.primary_kind == EventKind.VISIT.value and bool(EVENT_ASKED.search(q.folded))
    during = sidelines or (Intent.LIST in q.intents and (bool(HELD_DURING.search(q.folded)) or visit_events))
    named = _the_one_event(events) or (holding_the_others(engine, events) if during else None)
    if named is None:
        return None
    event = named.fact
    if not isinstance(event, Event) or event.date is None or event.date.start == event.date.end:
        return None
    span = event.date
    within = [
        e
        for e in engine.knowledge.linked_events(event)
        if e.date is not None and e.date.start <= span.end and span.start <= e.date.end
    ]
    if met:
        within = [e for e in within if set(q.officials) & {p.official for p in e.participants}]
    roles = roles_asked(q)
    in_role = bool(roles and q.officials)
    if in_role:
        # "… ông Nam đồng chủ trì sự kiện nào?": those he took that part in
        within = [
            e for e in within if any(p.official in q.officials and p.role in roles for p in e.participants)
        ]
    asked = event_date_query(q)
    if asked is not None and asked.day is not None:
        # on the day asked: an event known only to its month is not known to fall on it
        within = [
            e
            for e in within
            if e.date is not None and e.date.has_day and asked.matches(e.date.start, e.date.end)
        ]
    elif not (HELD_DURING.search(q.folded) or visit_events):
        return None
    if not within:
        return None
    held = (
        engine.respond(q, within[0], named.score)
        if len(within) == 1
        # the part someone took picks the events; the kinds named may be the one they were held during's
        else event_list(engine, q, [Scored(e, named.score, True) for e in within], by_kind=not in_role)
    )
    slots = [slot for slot, intent in (("when", Intent.WHEN), ("where", Intent.WHERE)) if intent in q.intents]
    if not (sidelines and slots):
        return held
    # "Hội nghị … tổ chức ở đâu, bên lề đó ông Sơn gặp những ai?": where or when of the conference first
    head = engine.render.event_slots(event, slots, q.lang)
    return dataclasses.replace(held, facts=(event.id, *held.facts), text=f"{head}\n\n{held.text}")


def _planned_at(engine: Lookup, q: Question, events: list[Scored]) -> Answer | None:
    """ "List the meetings planned at the first consultation": the events the one event named
    planned."""
    if not {Intent.LIST, Intent.PLANNED} <= q.intents:
        return None
    named = _the_one_event(events)
    if named is None:
        return None
    planned = [
        e for e in map(engine.knowledge.event, engine.knowledge.events_planned_at.get(named.fact.id, ())) if e
    ]
    if not planned:
        return None
    return event_list(engine, q, [Scored(e, named.score, True) for e in planned])


def _planned_for(engine: Lookup, q: Question) -> Answer | None:
    """ "What was planned for 2025 between Vietnam and Thailand?": what the articles set for the year
    asked, the stances for it ("2025 is the People-to-People Exchange Year") first, then the events
    planned in it; only when there are both (either alone is answered as it is)."""
    date = event_date_query(q)
    if (
        Intent.PLANNED not in q.intents
        or date is None
        or date.year is None
        or date.month is not None
        or q.officials
        or q.round is not None
        or q.series
        or any(not engine.retrieval.is_country_place(p) for p in q.places)
    ):
        return None
    # a stance set for the year ahead of it: stated at a meeting of an earlier year
    knowledge = engine.knowledge
    stances = [
        s
        for s in map(knowledge.get, knowledge.statements_by_year.get(date.year, ()))
        if isinstance(s, Statement)
        and s.period_start is None
        and (made_at := knowledge.event(s.made_at or "")) is not None
        and made_at.date is not None
        and made_at.date.start.year < date.year
        and engine.retrieval.countries_fit(q, s)
    ]
    events = [
        e
        for e in map(knowledge.get, knowledge.events_by_year.get(date.year, ()))
        if isinstance(e, Event)
        and e.status is EventStatus.PLANNED
        and e.date is not None
        and date.matches(e.date.start, e.date.end)
        and engine.retrieval.countries_fit(q, e)
    ]
    if not stances or not events:
        return None
    ordered: list[AnyFact] = [*sorted(stances, key=lambda f: f.id), *sorted(events, key=lambda e: e.id)]
    shown = ordered[:MAX_LIST]
    lines = [
        _list_line(engine, f, q.lang) if isinstance(f, Event) else f"• {engine.render.fact_text(f, q.lang)}"
        for f in shown
    ]
    head = phrase("planned_list", q.lang, year=str(date.year))
    return engine.answered(q.text, shown, head + "\n" + "\n".join(lines), q.lang, 1.0)


def _events_asked(q: Question) -> bool:
    """ "… đồng chủ trì những cuộc họp nào", "… đồng chủ trì sự kiện nào": events are asked, not people
    ("những quan chức nào"), whatever verb of taking part comes with it."""
    plural = any(not OFFICIALS_ASKED.search(m.group(0)) for m in PLURAL_ASKED.finditer(q.canonical))
    return plural or bool(EVENT_ASKED.search(q.folded))


def whole_timeline(q: Question) -> bool:
    """'List all events in order': a list asked for with nothing to narrow it."""
    if Intent.LIST not in q.intents or q.officials or q.date or q.round or q.series or q.places:
        return False
    if AGREEMENT_CUE.search(q.canonical):
        return False  # "kể tên các thỏa thuận": a list of agreements
    return all(
        t in FUNCTION_WORDS or t in INTENT_WORDS or t in TIMELINE_WORDS or t in KIND_WORDS
        for t in q.canonical.split()
    )


def _wants_list(engine: Lookup, q: Question, events: list[Scored]) -> bool:
    anchored = [s for s in events if s.anchored]
    if len(anchored) < 2:
        return False
    if Intent.LIST in q.intents and not (q.round is not None and len(anchored) == 1):
        return q.round is None
    # "what happened in 2015 / on 28/12": a date and nothing else that picks one event
    return (
        event_date_query(q) is not None
        and Intent.LIST in q.intents
        and not q.officials
        and not q.round
        and not engine.retrieval.strong_series(q)
        and not (q.intents & {Intent.WHERE, Intent.WHO, Intent.HOW_MUCH})
    )


def mechanisms_listed(engine: Lookup, q: Question) -> Answer | None:
    """ "Việt Nam và Thái Lan có những cơ chế hợp tác nào?", "which mechanisms do they have?": every
    mechanism of the countries named (two-country ones when "bilateral" is said), with its profile."""
    if not RECORDS_NAMED_ASKED["series"].search(q.folded) or q.officials or q.round or q.date:
        return None
    if q.unknown_words or q.unknown_names or q.foreign_countries or len(q.countries) == 1:
        # "Việt Nam - Nam Phi có những cơ chế nào?": of a pair the base does not hold (one country read)
        return None
    if any(share >= SERIES_MENTIONED for share in q.series.values()):
        return None  # one mechanism named: it is asked about
    rest = RECORDS_NAMED_ASKED["series"].sub(" ", BILATERAL.sub(" ", q.canonical))
    if any(
        w not in FUNCTION_WORDS | CUE_WORDS | EVERYDAY_WORDS
        and w not in engine.index.country_words
        and details.distinctive(engine.index, w)
        for w in rest.split()
    ):
        return None  # "which mechanisms did Laos say it would work in": what a record names
    two_only = bool(BILATERAL.search(q.canonical))
    chosen = [
        series
        for series in engine.knowledge.of_kind(Series)
        if q.countries <= set(series.countries) and not (two_only and not series.bilateral)
    ]
    if not chosen:
        return None
    lines = []
    for series in chosen:
        events = engine.rounds_of(series.id)
        lines.append(f"• {engine.render.series_profile(series, events, q.lang)}")
    return engine.answered(q.text, list(chosen), "\n".join(lines), q.lang, 1.0)


def role_holder(engine: Lookup, q: Question) -> Answer | None:
    """'Who is the Lao foreign minister?', 'kể tên các Thứ trưởng Ngoại giao': officials whose stated
    post matches, most recent first."""
    # a list names a post's holders when the post is what is listed ("kể tên các Thứ trưởng …"), not
    # when it only qualifies the things listed ("những hoạt động của Bộ trưởng Ngoại giao Lào")
    role_named = ROLE.search(q.canonical)
    listed = (
        Intent.LIST in q.intents
        and not q.event_kinds
        and role_named is not None
        and asked_before(q.canonical[: role_named.start()].split())
    )
    if (
        q.officials
        or not (q.intents & {Intent.PROFILE, Intent.WHO} or listed)
        or q.round
        or engine.retrieval.strong_series(q)
    ):
        return None
    if q.event_kinds - {"consultation"} or roles_asked(q):
        return None  # "who hosted / co-chaired / led ..." asks about an event, not who holds a post
    post = engine.asked_post(q)
    if post is None:
        return None
    role, post_country, qualifiers = post
    countries = {post_country} if post_country else q.countries & engine.index.base_countries
    near = _countries_after_post(engine, q)
    holders: list[tuple[FuzzyDate | None, Official, str]] = []
    for official in engine.knowledge.of_kind(Official):
        for position in official.positions:
            if not engine.title_fits(position.title_vi, role, qualifiers):
                continue  # not the deputy prime minister for the prime minister, nor the minister of defence
            if countries and position.country not in countries:
                continue
            others = near - {position.country} - engine.countries_in(position.title_vi)
            if post_country and others:
                continue  # "đại sứ Lào tại Việt Nam" is not the Lao ambassador to Russia
            stamp = _stamp(engine, position)
            if q.date is not None and (stamp is None or not q.date.matches(stamp.start, stamp.end)):
                continue
            holders.append((stamp, official, localized(position, "title", q.lang)))
    if not holders:
        if qualifiers and engine.index.doc_freq.get(f"{role.split()[-1]} {qualifiers[0]}", 0):
            return None  # "Chủ tịch ASEAN" is a role the facts describe, held by a country, not a person
        # a post named but nobody in the base held it: say so rather than fall through to loose matches
        return engine.not_found(q.text, q.lang, q)
    return _holders(engine, q, holders)


def _countries_after_post(engine: Lookup, q: Question) -> set[str]:
    """The countries named in the few words after the post ("đại sứ Lào tại Việt Nam"): a country
    named further on ("… trong các bài về Lào") is no part of it."""
    match = ROLE.search(q.canonical)
    if match is None:
        return set(q.countries)
    words = q.canonical[match.end() :].split()[:POST_WINDOW]
    # … or by its capital or a city ("đại sứ Lào tại Hà Nội")
    cities = countries_of_cities(words)
    return (engine.countries_in(" ".join(words)) & set(q.countries)) | cities


def officials_listed(engine: Lookup, q: Question) -> Answer | None:
    """'Kể tên các quan chức Lào', 'which Lao officials are named?': every official of the countries
    named (of all, when none is), each with the latest post the articles give."""
    if not (Intent.LIST in q.intents and OFFICIALS_ASKED.search(q.canonical)):
        return None
    if q.officials or q.round or q.date or q.event_kinds or engine.retrieval.strong_series(q):
        return None
    countries = q.countries & engine.index.base_countries
    holders: list[tuple[FuzzyDate | None, Official, str]] = []
    for official in engine.knowledge.of_kind(Official):
        if countries and official.country not in countries:
            continue
        stamped = [(_stamp(engine, p), p) for p in official.positions]
        if stamped:
            stamp, position = max(stamped, key=lambda sp: sp[0].start if sp[0] else dt.date.min)
            holders.append((stamp, official, localized(position, "title", q.lang)))
    return _holders(engine, q, holders) if holders else None


def _stamp(engine: Lookup, position: Position) -> FuzzyDate | None:
    """When the articles give a post: its own date, or the date of the event it is given at."""
    event = engine.knowledge.event(position.as_of_event or "")
    return position.as_of or (event.date if event else None)


def _holders(engine: Lookup, q: Question, holders: list[tuple[FuzzyDate | None, Official, str]]) -> Answer:
    """Officials with a post each, the most recent first, once each."""
    holders.sort(key=lambda h: h[0].start if h[0] else dt.date.min, reverse=True)
    seen: set[str] = set()
    lines: list[str] = []
    facts: list[AnyFact] = []
    for stamp, official, title in holders:
        if official.id in seen:
            continue
        seen.add(official.id)
        facts.append(official)
        country = COUNTRY_NAMES[q.lang][official.country]
        date_text = _as_of(stamp, q.lang)
        lines.append(
            f"• {official.name} — {title} ({country}" + (f", {date_text}" if date_text else "") + ")"
        )
    if len({o.country for o in facts if isinstance(o, Official)}) > 1 and Intent.LIST not in q.intents:
        # "đại sứ tên gì?" with an ambassador of each country on record: one is meant, which is asked
        return engine.ambiguous(q, [Scored(f, 1.0, True) for f in facts])
    head = phrase("holders_lead", q.lang)
    return engine.answered(q.text, facts, head + "\n" + "\n".join(lines), q.lang, 1.0)


def _as_of(date: FuzzyDate | None, lang: Lang) -> str:
    if date is None:
        return ""
    return phrase("as_of", lang, date=format_date(date, lang))


def _agreement_list(engine: Lookup, q: Question, others: list[Scored]) -> Answer | None:
    """ "Kể tên các thỏa thuận …", "which agreements …": every agreement the question's words fit
    (all of them when it names nothing but the kind), in the order they were signed."""
    if Intent.LIST not in q.intents or q.officials or not AGREEMENT_CUE.search(q.canonical):
        return None
    if _named_by_period(engine, q) is not None:
        return None  # "Thỏa thuận … 2022-2026 tạo khuôn khổ cho những hoạt động gì": that one's record
    scored = [s for s in others if isinstance(s.fact, Agreement)]
    best = max((s.score for s in scored if s.anchored), default=0.0)
    # a list takes every agreement that fits about as well as the best one the question anchors
    fitting = [
        s.fact for s in scored if best and s.score >= LIST_SHARE * best and isinstance(s.fact, Agreement)
    ]
    # a question naming nothing but the kind asks for all of them, whatever words they share with it
    every = [a for a in engine.knowledge.of_kind(Agreement) if engine.retrieval.countries_fit(q, a)]
    chosen: list[Agreement] = every if names_only_the_kind(engine, q) else fitting
    if not chosen:
        return None
    if SIGNED_AT.search(q.folded):
        # "which agreements have they signed": not those still being negotiated (one running for a
        # period was signed, whether or not the articles say when)
        chosen = [a for a in chosen if a.signed is not None or a.period_start is not None] or chosen
    if len(chosen) < 2:
        return None
    return _agreements(engine, q, chosen)


def _named_by_period(engine: Lookup, q: Question) -> Agreement | None:
    """The one agreement whose period is the one the question names ("… giai đoạn 2022-2026")."""
    date = q.date
    if date is None or date.year is None or date.year_end is None:
        return None
    covering = [
        a
        for a in engine.knowledge.of_kind(Agreement)
        if (a.period_start, a.period_end) == (date.year, date.year_end)
    ]
    return covering[0] if len(covering) == 1 else None


def _signed_in(engine: Lookup, q: Question) -> Answer | None:
    """ "Which documents did Vietnam and Thailand sign in 2022?": the documents signed in the period
    asked, not the meetings held then (nor the documents merely in force then)."""
    date = event_date_query(q)
    # "… ký văn kiện gì tháng 3/2023?" asks what was signed as a list does
    kind_asked = q.fact_kind_asked == "agreement"
    if (
        date is None
        or not (Intent.LIST in q.intents or kind_asked)
        or q.officials
        or q.round is not None
        or not (kind_asked or AGREEMENT_CUE.search(q.canonical))
        or not SIGNED_AT.search(q.folded)
    ):
        return None
    chosen = [
        a
        for a in engine.knowledge.of_kind(Agreement)
        if _signed_on(a, date) and engine.retrieval.countries_fit(q, a)
    ]
    post = engine.asked_post(q)
    if post is not None:
        # "hai Bộ trưởng Ngoại giao ký văn kiện gì": those whose record says holders of that post signed
        chosen = [a for a in chosen if _signed_by_post(a, post[0])]
    return _documents(engine, q, chosen)


def _signed_by_post(agreement: Agreement, role: str) -> bool:
    """The agreement's parties or record name the post ("hai Bộ trưởng Ngoại giao ký")."""
    text = canonical(fold(f"{agreement.parties_vi} {agreement.parties_en} {agreement.summary_vi}"))
    return f" {role} " in f" {text} "


def _signed_by(engine: Lookup, q: Question) -> Answer | None:
    """ "Ông Sơn sang Thái hồi 2023 ký cái gì?": the documents whose record says the one person named
    signed them, in the period asked if one is."""
    asked = q.intents & {Intent.WHAT, Intent.LIST} or q.fact_kind_asked == "agreement"  # "ký văn kiện gì"
    if len(q.officials) != 1 or not SIGNED_AT.search(q.folded) or not asked:
        return None
    official = engine.knowledge.official(next(iter(q.officials)))
    if official is None:
        return None
    date = event_date_query(q)
    chosen = [a for a in engine.retrieval.signed_by({official.id}) if date is None or _signed_on(a, date)]
    return _documents(engine, q, chosen)


def _signed_on(agreement: Agreement, date: DateQuery) -> bool:
    return agreement.signed is not None and date.matches(agreement.signed.start, agreement.signed.end)


def _documents(engine: Lookup, q: Question, chosen: list[Agreement]) -> Answer | None:
    """The one document's answer, the list of several, or None for none."""
    if len(chosen) == 1:
        return engine.respond(q, chosen[0], 1.0)
    return _agreements(engine, q, chosen) if chosen else None


def _agreements(engine: Lookup, q: Question, chosen: list[Agreement]) -> Answer:
    chosen = sorted(chosen, key=lambda a: (a.signed.start if a.signed else dt.date.max, a.id))
    lines = [engine.render.agreement_line(a, q.lang) for a in chosen[:MAX_LIST]]
    head = phrase("agreement_list", q.lang, count=str(len(chosen)))
    shown: list[AnyFact] = list(chosen[:MAX_LIST])
    return engine.answered(q.text, shown, head + "\n" + "\n".join(lines), q.lang, 1.0)


def what_was_signed_asked(q: Question) -> bool:
    """ "… ký gì?", "what did they sign at …?": what was signed is asked, a document named or not (not
    "on what date …", "what's the name of who signed …")."""
    return (
        Intent.WHAT in q.intents
        and q.intents <= {Intent.WHAT, Intent.LIST}
        and not NAME_ASKED.search(q.folded)
        and bool(SIGNED_AT.search(q.folded))
    )


def _documents_at(engine: Lookup, q: Question, events: list[Scored]) -> Answer | None:
    """ "Kết thúc Kỳ họp lần thứ 5, hai bên đã ký những văn kiện nào?": the documents linked to the
    one event the question names; "… đã ký văn kiện gì?" asks for those signed there, one or more."""
    what_signed = what_was_signed_asked(q)
    signed = what_signed or bool(AGREEMENT_CUE.search(q.canonical) and SIGNED_AT.search(q.folded))
    one_signed = signed and (q.fact_kind_asked == "agreement" or what_signed)
    if not one_signed and (Intent.LIST not in q.intents or not (signed or q.fact_kind_asked == "agreement")):
        return None
    if q.intents & {Intent.WHEN, Intent.WHERE}:
        # "Tham vấn lần 2: ngày, địa điểm, ký văn kiện gì?": the event's slots, signed one of them
        return None
    named = _the_one_event(events)
    if named is None or not isinstance(named.fact, Event) or names_only_the_kind(engine, q):
        return None  # no event, or one that only shares the words of the kind ("văn kiện … ký")
    event = named.fact
    # the topic beyond the kind asked ("những văn kiện nào về Biển Đông …")
    beyond_kind = " ".join(AGREEMENT_CUE.sub(" ", q.canonical).split())
    on_topic = details.passages(engine.index, dataclasses.replace(q, canonical=beyond_kind), event)
    if not SIGNED_AT.search(q.folded) and any(
        isinstance(engine.knowledge.get(p.fact_id or ""), Statement) for p in on_topic
    ):
        return None  # the stance made there on that topic says, and names them
    documents = engine.knowledge.linked_documents(event)
    if one_signed and event.date is not None:
        # those signed on the day: a document only mentioned there was signed elsewhere
        on_the_day = [d for d in documents if d.signed is not None and d.signed.start == event.date.start]
        documents = on_the_day or documents
        if len(documents) == 1:
            return engine.respond(q, documents[0], named.score)
    return _agreements(engine, q, documents) if documents else None


def _statement_list(engine: Lookup, q: Question, others: list[Scored]) -> Answer | None:
    """ "Lào làm Chủ tịch ASEAN những năm nào?": every stance of the kind the question names in
    the stances' own words, by year."""
    if Intent.LIST not in q.intents or q.officials:
        return None
    named = [s for s in others if isinstance(s.fact, Statement) and engine.retrieval.stance_named(q, s.fact)]
    kinds = Counter(s.fact.statement_kind for s in named if isinstance(s.fact, Statement)).most_common(2)
    if not kinds or kinds[0][1] < 2 or (len(kinds) > 1 and kinds[1][1] == kinds[0][1]):
        return None  # the stances named are not mostly of one kind
    same = [s for s in named if isinstance(s.fact, Statement) and s.fact.statement_kind == kinds[0][0]]
    best = max(s.score for s in same)
    chosen = [s.fact for s in same if isinstance(s.fact, Statement) and s.score >= LIST_SHARE * best]
    # "kỷ niệm 60 năm quan hệ ngoại giao": a number the question names keeps the stances holding it
    numbers = {t for t in q.canonical.split() if t.isdigit() and len(t) < 4}
    holding = [f for f in chosen if numbers & engine.index.fact_units.get(f.id, set())]
    if len(holding) == 1:
        return engine.respond(q, holding[0], best)
    return stance_list(engine, q, holding or chosen, best)


def stance_list(engine: Lookup, q: Question, stances: list[Statement], score: float) -> Answer:
    """Stances of one kind, one line each, by year."""
    ordered: list[AnyFact] = [*sorted(stances, key=lambda f: (f.year or 0, f.id))[:MAX_LIST]]
    text = "\n".join(f"• {engine.render.fact_text(f, q.lang)}" for f in ordered)
    return engine.answered(q.text, ordered, text, q.lang, score)


def names_only_the_kind(engine: Lookup, q: Question) -> bool:
    """Nothing in the question but cue words, the kind asked, its signing and the base's own
    countries ("what agreements have the two countries signed")."""
    # the kind's cue phrases go whole ("văn kiện hợp tác", cooperation documents)
    rest = AGREEMENT_CUE.sub(" ", NOW.sub(" ", SIGNED_ASKED.sub(" ", CONCLUDED_ASKED.sub(" ", q.canonical))))
    content = [
        t
        for t in rest.split()
        if t not in FUNCTION_WORDS
        and t not in CUE_WORDS
        and t not in EVERYDAY_WORDS  # "according to your records"
        and t not in engine.index.country_words
    ]
    return not content


def event_list(engine: Lookup, q: Question, scored: list[Scored], *, by_kind: bool = True) -> Answer:
    # one line per event, even when it is found twice (a day range matches on each of its days)
    events = list({s.fact.id: s.fact for s in scored if s.anchored and isinstance(s.fact, Event)}.values())
    of_kind = [e for e in events if e.event_kind.value == q.primary_kind]
    if by_kind and of_kind and q.primary_kind in NARROW_KINDS:
        events = of_kind  # "list the visits of 2023": the visits, not everything of 2023
    if BILATERAL.search(q.canonical):
        # "những hoạt động song phương nào": not the meetings of a mechanism of more countries
        events = [
            e
            for e in events
            if (series := engine.knowledge.series(e.series or "")) is None or series.bilateral
        ]
        if len(q.countries) == 2:
            # "… song phương nào giữa Việt Nam và Lào": not a meeting with a third country's minister
            # held in one of them
            events = [e for e in events if _people_countries(engine, e) <= q.countries]
    if not events:
        return engine.not_found(q.text, q.lang, q)
    if len(events) == 1:
        # a list of one is that event's answer ("đi cùng BT Nam sang Thái có những ai?": the people
        # at the one event it names)
        best = max((s.score for s in scored if s.fact is events[0]), default=0.0)
        return engine.respond(q, events[0], best)
    events.sort(key=lambda e: (e.date.start if e.date else dt.date.max, e.id))
    asked = event_date_query(q)
    day = asked.day if asked is not None else None
    if asked is not None and day is not None:
        # "ngày 21/3/2023 có sự kiện gì": what happened that day comes before a visit spanning it
        # (a stable sort keeps the dates' order within each)
        month, year = asked.month, asked.year
        events.sort(key=lambda e: not _on_the_day(e, month, day, year))
    shown = events[:MAX_LIST]
    head = phrase("event_list", q.lang, count=str(len(events)))
    lines = [_list_line(engine, e, q.lang) for e in shown]
    facts: list[AnyFact] = list(shown)
    if Intent.WHO in q.intents:
        # "which officials co-chaired the deputy-FM consultations?": who took part in each, under it
        lines = [
            f"{line}\n  {people}" if (people := engine.render.event_participants(e, q.lang)) else line
            for line, e in zip(lines, shown, strict=True)
        ]
        named = {p.official for e in shown for p in e.participants if p.official}
        facts += [o for o in map(engine.knowledge.official, sorted(named)) if o is not None]
    if len(events) > len(shown):
        lines.append(f"… (+{len(events) - len(shown)})")
    return engine.answered(q.text, facts, head + "\n" + "\n".join(lines), q.lang, 1.0)


def _people_countries(engine: Lookup, event: Event) -> set[str]:
    """The countries of the officials an event's record names."""
    return {
        official.country
        for p in event.participants
        if (official := engine.knowledge.official(p.official or "")) is not None
    }


def _on_the_day(event: Event, month: int | None, day: int, year: int | None) -> bool:
    """The event is dated to that one day."""
    date = event.date
    return bool(
        date is not None
        and date.start == date.end
        and (date.start.month, date.start.day) == (month, day)
        and year in (None, date.start.year)
    )


def _list_line(engine: Lookup, event: Event, lang: Lang) -> str:
    """One event of a list: its date, its title and, when known, where."""
    line = f"• {event_date(event, lang)}: {engine.render.title(event, lang)}"
    where = engine.render.place(event.place, lang)
    return f"{line} — {where}" if where else line

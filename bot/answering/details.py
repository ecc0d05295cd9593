"""What an event's record says about a topic the question names: "… nói gì về Biển Đông?",
"which port did they agree to use?", "… có nhất trí mở thêm cửa khẩu không?".

A question may name an event and, beyond it, a topic. The topic is what the question says besides
what names the event (its title, series, people, places) and besides question and cue words; the
answer to it is the passage of the event's record that covers most of it: a point agreed or
discussed, a statement made there, or a fact the event relates to. Coverage is the share of the
topic's weight (the same rarity weights as retrieval) a passage holds.

It also says what a record names: the documents an event links to and those its passage names, the
documents and mechanisms a text names, whether a record names a place.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA

from bot.answering.scoring import DETAIL_MIN, DETAIL_NEAR, DETAIL_RARITY, DOCUMENT_NAMED, SERIES_MENTIONED
from bot.kb.facts import Agreement, BiText, Event, Official, Place, Series, Statement
from bot.kb.knowledge import Knowledge
from bot.nlu.lexicon import (
    AGREED_ASKED,
    AS_OF,
    ASKER_WORDS,
    DATE_WORDS,
    ENGLISH_GLUE,
    EVENT_KIND_CUES,
    EVERYDAY_WORDS,
    FUNCTION_WORDS,
    GENERIC_WORDS,
    HONORIFICS,
    INTENT_CUES,
    KINDS_OF_POINT,
    NO_TOPIC_WORDS,
    OCCASION_ASKED,
    PRECISION,
    ROLE_PHRASES,
    SAID_VERBS,
    SIDE_WORDS,
    TIME_PARTICLES,
    TOPIC_CUES,
    VIEW_ASKED,
    Intent,
    canonical,
    countries_named,
)
from bot.nlu.parsing import parse_round
from bot.nlu.text import fold
from bot.nlu.understanding import (
    NUMBER_WORDS,
    TYPO_MIN_LEN,
    EntityIndex,
    Question,
    is_function_unit,
    searchable_text,
    singular,
    units,
)

# Words that date or count things or name any event, never a topic (question words, numbers and the
# base's country names are no evidence of anything already).
_NO_TOPIC = ENGLISH_GLUE | NO_TOPIC_WORDS | GENERIC_WORDS | DATE_WORDS | NUMBER_WORDS
_SAYING_ASKS_NOTHING = EVERYDAY_WORDS | HONORIFICS | TIME_PARTICLES | SIDE_WORDS
RESTATED = 0.6  # of the shorter passage's words, shared with another, for it to say the same
SUBJECT_WORDS = 6  # the first words of a sentence, where its subject stands (a title, then the name)
SHOWN = 3  # passages an answer shows: the best and those nearly as good


@dataclass(frozen=True)
class Passage:
    vi: str
    en: str
    fact_id: str | None  # the statement or related fact it comes from; None for the event's own points
    coverage: float


def topic(index: EntityIndex, q: Question, event: Event) -> set[str]:
    """The question's distinctive words (and pairs of them) that do not name the event: what it asks
    about within it.

    A word names the event when its title, series, people or places hold it; question, cue and stop
    words, numbers, months and ordinals are no topic either, and neither is a word common across the
    base ("cuộc", "ngày", "two"): only a rare one (by the same weights as retrieval) says what is asked.
    """
    naming = _words_of(_naming_text(index.knowledge, event))
    tokens = [singular(t) for t in q.canonical.split()]
    cued = _cue_positions(q.canonical)
    english = q.lang == "en"
    usable = [
        i not in cued
        and t not in _NO_TOPIC
        # "hồi 2024" is "back in 2024"; "hội chợ" (folded alike) makes a pair of the sources
        and not (t in TIME_PARTICLES and not _paired(index, tokens, i))
        and not (english and t in ASKER_WORDS)
        and len(t) > 1
        and not index.no_evidence(t, english)
        and not _names_it(t, naming, _paired(index, tokens, i))
        for i, t in enumerate(tokens)
    ]
    wanted = {t for t, ok in zip(tokens, usable, strict=True) if ok and distinctive(index, t)}
    wanted |= {
        f"{a} {b}"
        for i, (a, b) in enumerate(itertools.pairwise(tokens))
        if usable[i] and usable[i + 1] and distinctive(index, f"{a} {b}")
    }
    # a cue that is also what the record says was done ("chúc mừng … về việc gì"): the phrase, whole
    wanted |= {
        match.group(0)
        for match in TOPIC_CUES.finditer(q.canonical)
        if not all(word in naming for word in match.group(0).split())  # "Bộ Quốc phòng chúc mừng …" names it
    }
    return wanted


def _paired(index: EntityIndex, tokens: list[str], i: int) -> bool:
    """The word makes a pair the sources use with a neighbour ("tương ứng"): a word in its place."""
    before = f"{tokens[i - 1]} {tokens[i]}" if i else ""
    after = f"{tokens[i]} {tokens[i + 1]}" if i + 1 < len(tokens) else ""
    return before in index.corpus_pairs or after in index.corpus_pairs


def _names_it(token: str, naming: frozenset[str], in_place: bool) -> bool:
    """The word names the event, or is a typo one letter off a word that does ("Thứ trưng" for "Thứ
    trưởng"); a word making a pair of the sources with a neighbour ("tương ứng") is no typo."""
    if token in naming:
        return True
    return (
        len(token) >= TYPO_MIN_LEN
        and not in_place
        and any(OSA.distance(token, word, score_cutoff=1) <= 1 for word in naming)
    )


def distinctive(index: EntityIndex, unit: str) -> bool:
    return index.idf.get(unit, index.max_idf) >= DETAIL_RARITY * index.max_idf


def _cue_positions(text: str) -> set[int]:
    """Positions of the words that a question-type, event-kind, saying or kind-of-point cue phrase
    covers ("đồng chủ trì", "nhắc đến", "lĩnh vực")."""
    spans = [
        match.span()
        for pattern in (
            *INTENT_CUES.values(),
            *EVENT_KIND_CUES.values(),
            SAID_VERBS,
            KINDS_OF_POINT,
            PRECISION,
            OCCASION_ASKED,  # "để làm gì", "what for": the purpose asked, no topic
            AS_OF,
        )
        for match in pattern.finditer(text)
    ]
    positions: set[int] = set()
    start = 0
    for i, word in enumerate(text.split(" ")):
        end = start + len(word)
        if any(a <= start and end <= b for a, b in spans):
            positions.add(i)
        start = end + 1
    return positions


def passages(index: EntityIndex, q: Question, event: Event) -> list[Passage]:
    """The passages of the event's record that cover the question's topic, best first; none when the
    question names no topic beyond the event, or nothing in the record covers enough of it. The
    event's own points and the statements made there come before the facts it only relates to."""
    wanted = topic(index, q, event)
    if not wanted:
        return []
    records = [_own_record(index.knowledge, event), _related_record(index.knowledge, event)]
    if q.lang == "vi":
        # last, the article's own sentences the record quotes, in the articles' language: a detail the
        # record's points leave out ("Đại sứ Hà cho biết Đại sứ quán sẽ …")
        records.append([(quote, quote, None) for quote in event.quotes])
    for record in records:
        found: list[Passage] = []
        for vi, en, fact_id in record:
            covered = _covered(index, wanted, f"{vi} {en}")
            if covered >= DETAIL_MIN:
                found.append(Passage(vi, en, fact_id, covered))
        if found:
            best = max(p.coverage for p in found)
            near = [p for p in found if p.coverage >= best - DETAIL_NEAR]
            # a stance made at the event often restates one of its points: show the stance once
            near.sort(key=lambda p: (-p.coverage, p.fact_id is None))
            shown: list[Passage] = []
            for passage in near:
                if not any(_restates(passage, other) for other in shown):
                    shown.append(passage)
            return shown
    return []


def points_on_round(index: EntityIndex, event: Event, round_no: int, series_id: str) -> list[Passage]:
    """The points of the event's record that name a round of a mechanism ("phía Thái Lan mong muốn tổ
    chức Kỳ họp lần thứ 5 tại Băng Cốc" of the Joint Commission)."""
    return [
        Passage(point.vi, point.en, None, 1.0)
        for point in event.discussed + event.agreed
        if parse_round(fold(point.vi)) == round_no
        and index.series_scores(canonical(fold(point.vi))).get(series_id, 0.0) >= SERIES_MENTIONED
    ]


def said_by(index: EntityIndex, q: Question, event: Event) -> list[Passage]:
    """ "Thứ trưởng Đức đề nghị gì tại cuộc tham vấn?", with nothing else asked: the event's own points
    that name a person the question names and who took part ("Thứ trưởng Đức đề nghị …")."""
    # "bà Hà nói gì sau chuyến thăm của BT Nam?": of several people named, the one named first says it;
    # but what two people named agreed ("BT Sơn và Saleumxay nhất trí gì") is every point agreed
    if len(q.officials) > 1 and AGREED_ASKED.search(q.canonical):
        return []
    speaker = _named_first(index, q)
    people = {speaker} & {p.official for p in event.participants} if speaker else set()
    # everyday words, "ông", "hồi", "phía" ask nothing more ("ông Trung hồi tháng 10 đề nghị gì phía Thái")
    asked = {t for t in topic(index, q, event) if " " in t or t not in _SAYING_ASKS_NOTHING}
    if Intent.WHAT not in q.intents or not people or asked:
        return []  # one person's words, and nothing else asked of them
    forms = full_names(index, people)
    points = [(t.vi, t.en) for t in event.agreed + event.discussed]
    said = [Passage(vi, en, None, 1.0) for vi, en in points if names_one(forms, vi)]
    if not said and q.lang == "vi":
        # the article's own sentences whose subject is the person (the name opens the sentence, after
        # a title): "Đại sứ Hà cho biết …" may be in no point of the record
        said = [
            Passage(quote, quote, None, 1.0)
            for quote in event.quotes
            if names_one(forms, " ".join(fold(quote).split()[:SUBJECT_WORDS]))
        ]
    country = _sole_of_their_country(index, event, next(iter(people)))
    if not said and country is not None and not AGREED_ASKED.search(q.canonical):
        # "The Cambodian Deputy PM and Foreign Minister proposed …": a point whose subject is a post of
        # the speaker's country, when no one else of that country took part, is theirs
        said = [
            Passage(vi, en, None, 1.0) for vi, en in points if _post_of(country, vi) or _post_of(country, en)
        ]
    return said


def _post_of(country: str, text: str) -> bool:
    """The sentence's subject (its first words) is a post of the country ("Phó Thủ tướng, Bộ trưởng
    Ngoại giao Campuchia đề nghị …")."""
    subject = " ".join(fold(text).split()[:SUBJECT_WORDS])
    roles = f" {canonical(subject)} "
    return country in countries_named(subject) and any(f" {role} " in roles for role in ROLE_PHRASES)


def _sole_of_their_country(index: EntityIndex, event: Event, official_id: str) -> str | None:
    """The person's country, when no one else at the event is of it (by their record or their label)."""
    official = index.knowledge.official(official_id)
    if official is None or official.country is None:
        return None
    for participant in event.participants:
        if participant.official == official_id:
            continue
        other = index.knowledge.official(participant.official or "")
        countries = (
            {other.country} if other is not None else countries_named(fold(participant.label_vi or ""))
        )
        if official.country in countries:
            return None
    return official.country


def _named_first(index: EntityIndex, q: Question) -> str | None:
    """The person the question names first, by any form of their name."""
    if len(q.officials) < 2:
        return next(iter(q.officials), None)
    text = f" {' '.join(q.tokens)} "
    # where each is named: a whole name (the word it starts at), or a given name after a title
    found = [
        (text[:at].count(" "), form.target)
        for form in index.name_forms
        if form.target in q.officials and (at := text.find(f" {form.text} ")) >= 0
    ]
    given = index.officials_by_given_name(q.tokens, q.text)
    found += [(start, target) for target, (start, _) in given.items()]
    return min(found)[1] if found else None


def full_names(index: EntityIndex, people: set[str]) -> list[str]:
    """The names of these people of two words or more, folded and spaced to match whole words."""
    return [f" {form.text} " for form in index.name_forms if form.target in people and form.tokens > 1]


def names_one(forms: list[str], text: str) -> bool:
    return any(form in f" {fold(text)} " for form in forms)


def view_of(index: EntityIndex, q: Question, event: Event) -> tuple[Event, list[Passage]] | None:
    """ "Alounkeo đánh giá cơ chế Tham khảo Chính trị ra sao?": how one person saw the mechanism the
    question names is a point of theirs naming both, made at one of its meetings or at an event linked
    to it (a courtesy call beside the consultation): the event and the point, or None."""
    series = event.series
    if len(q.officials) != 1 or not series or not VIEW_ASKED.search(q.canonical):
        return None
    if q.series.get(series, 0.0) < max(q.series.values()):
        return None  # the question names another mechanism more
    person = next(iter(q.officials))
    # the words the question names the mechanism by ("tham khao chinh tri", "political consultation")
    named = {u for u in q.units if u in index.fact_units.get(series, frozenset()) and not is_function_unit(u)}
    if not named:
        return None
    forms = full_names(index, {person})
    # its meetings, the events linked to it either way, in which the person took part
    linked = dict.fromkeys([event.id, *event.related, *index.knowledge.events_by_official.get(person, ())])
    for other in (e for f in linked if (e := index.knowledge.event(f)) is not None):
        if not (other.id == event.id or event.id in other.related or other.id in event.related):
            continue
        if person not in {p.official for p in other.participants}:
            continue
        points = [p for p in other.agreed + other.discussed if names_one(forms, p.vi)]
        found = [Passage(p.vi, p.en, None, _covered(index, named, f"{p.vi} {p.en}")) for p in points]
        found = sorted((p for p in found if p.coverage >= DETAIL_MIN), key=lambda p: -p.coverage)
        if found:
            return other, found
    return None


def _covered(index: EntityIndex, wanted: set[str], text: str) -> float:
    """The share of the wanted units' weight the text holds."""
    return _share(index, wanted, _units_of(text))


def words_beyond(index: EntityIndex, q: Question, event: Event) -> set[str]:
    """The question's units, words of asking included, that do not name the event: "kim ngạch thương
    mại … bao nhiêu" of "Tại Kỳ họp lần thứ 5, kim ngạch thương mại là bao nhiêu?"."""
    naming = _words_of(_naming_text(index.knowledge, event))
    english = q.lang == "en"
    return {
        u
        for u in q.units
        if not index.no_evidence(u, english)
        and not all(w in naming or w.isdigit() for w in u.split())
        and not any(w in FUNCTION_WORDS for w in u.split())
        and (" " not in u or u in index.idf)  # a pair no fact holds is a seam between words
    }


def topic_held(index: EntityIndex, wanted: set[str], fact_id: str) -> float:
    """The share of a question's topic within an event (`topic`) that a fact's own words hold."""
    return _share(index, wanted, index.fact_units.get(fact_id, frozenset()))


def _share(index: EntityIndex, wanted: set[str], held: set[str] | frozenset[str]) -> float:
    total = sum(index.unit_weight(u) for u in wanted)
    return sum(index.unit_weight(u) for u in wanted if u in held) / total if total else 0.0


def documents_named(index: EntityIndex, event: Event, found: list[Passage]) -> list[Agreement]:
    """Of the documents the event links to, those a passage names ("… trên cơ sở Thỏa thuận hợp tác
    giai đoạn 2021-2025"): a passage holds most of the weight of the document's name or an alias."""
    # a stance's words are its own: the documents it cites are the stance's answer, not the event's
    held = _units_of(" ".join(f"{p.vi} {p.en}" for p in found if p.fact_id is None))
    return [
        document
        for document in index.knowledge.linked_documents(event)
        if any(p.fact_id == document.id for p in found) or name_held(index, held, document) >= DOCUMENT_NAMED
    ]


def name_held(index: EntityIndex, held: Collection[str], document: Agreement) -> float:
    """The most of the weight of the document's name, or of an alias, that these words hold."""
    best = 0.0
    for name in (document.name_vi, document.name_en, *document.aliases):
        wanted = [u for u in _units_of(name) if " " not in u]
        total = sum(index.unit_weight(u) for u in wanted)
        if total:
            best = max(best, sum(index.unit_weight(u) for u in wanted if u in held) / total)
    return best


def names_place(index: EntityIndex, fact_id: str, place: Place) -> bool:
    """The fact's record names the place, by its name or an alias ("… tại cặp cửa khẩu Lao Bảo –
    Đen-xa-vẳn" of an event whose place is not given)."""
    own = index.fact_units.get(fact_id, set())
    return any(words <= own for words in _place_words(place))


def _place_words(place: Place) -> list[frozenset[str]]:
    """The words of each of the place's names, one set a name: a text holding all of one names it."""
    names = (place.name_vi, place.name_en, *place.aliases)
    return [words for name in names if (words := frozenset(u for u in _units_of(name) if " " not in u))]


def points_naming(event: Event, place: Place) -> list[BiText]:
    """The points of the event's record (agreed or discussed) that name the place: what was said of it."""
    names = _place_words(place)
    return [
        point
        for point in (*event.agreed, *event.discussed)
        if any(words <= _units_of(f"{point.vi} {point.en}") for words in names)
    ]


def records_named(index: EntityIndex, text: str) -> list[Agreement | Series]:
    """The documents and mechanisms a text names by a whole name or alias ("… như CLV, CLMV, ACMECS",
    "UNCLOS 1982, DOC và COC"), in the order the text names them. A name in capitals is matched as
    written: folded, "DOC" is also "dọc"."""
    words = canonical(fold(text)).split()
    padded = f" {' '.join(words)} "
    found: dict[str, tuple[int, Agreement | Series]] = {}
    for fact_id in {f for unit in _units_of(text) if " " not in unit for f in index.facts_with(unit)}:
        fact = index.knowledge.get(fact_id)
        if not isinstance(fact, Agreement | Series) or fact_id in found:
            continue
        for name in (fact.name_vi, fact.name_en, *fact.aliases):
            key = canonical(fold(name))
            at = padded.find(f" {key} ")
            if key and at >= 0 and (not name.isupper() or re.search(rf"\b{re.escape(name)}\b", text)):
                found[fact_id] = (at, fact)
                break
    return [fact for _, fact in sorted(found.values(), key=lambda pair: pair[0])]


# A question reads each candidate event's record: the words of a text are worked out once, not per
# question (the base is immutable, so a text's words never change).
@lru_cache(maxsize=16384)
def _units_of(text: str) -> frozenset[str]:
    return frozenset(units(canonical(fold(text))))


@lru_cache(maxsize=16384)
def _words_of(text: str) -> frozenset[str]:
    """The text's words, canonical and as written: "Joint Committee" is "ủy ban liên hợp" canonical,
    and a question saying only "committee" names it too."""
    folded = fold(text)
    return frozenset(canonical(folded).split()) | frozenset(folded.split())


def _restates(one: Passage, other: Passage) -> bool:
    words, others = set(fold(one.vi).split()), set(fold(other.vi).split())
    return len(words & others) >= RESTATED * min(len(words), len(others))


def _own_record(knowledge: Knowledge, event: Event) -> list[tuple[str, str, str | None]]:
    record: list[tuple[str, str, str | None]] = [(t.vi, t.en, None) for t in event.agreed + event.discussed]
    record.append((event.summary_vi, event.summary_en, None))
    for fact_id in knowledge.statements_at.get(event.id, ()):
        fact = knowledge.get(fact_id)
        if isinstance(fact, Statement):
            record.append((fact.summary_vi, fact.summary_en, fact.id))
    return record


def _related_record(knowledge: Knowledge, event: Event) -> list[tuple[str, str, str | None]]:
    record: list[tuple[str, str, str | None]] = []
    for fact_id in event.related:
        fact = knowledge.get(fact_id)
        if isinstance(fact, Statement):
            record.append((fact.summary_vi, fact.summary_en, fact.id))
        elif isinstance(fact, Agreement):
            record.append(
                (f"{fact.name_vi}: {fact.summary_vi}", f"{fact.name_en}: {fact.summary_en}", fact.id)
            )
    return record


def _naming_text(knowledge: Knowledge, event: Event) -> str:
    """Everything that names the event: its title, series, people and places."""
    parts = [event.title_vi, event.title_en]
    # its place and the places that one lies in: "Bangkok" names a session held at a Bangkok venue
    named = [event.series, *knowledge.place_chain(event.place), *(p.official for p in event.participants)]
    for fact_id in named:
        fact = knowledge.get(fact_id) if fact_id else None
        if isinstance(fact, Series | Place | Official):
            parts.append(searchable_text(fact))
    parts += [p.label_vi or "" for p in event.participants] + [p.label_en or "" for p in event.participants]
    return " ".join(parts)

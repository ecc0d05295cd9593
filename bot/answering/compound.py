"""Questions about two things at once: "Kỳ họp 38 và kỳ họp 46 … tổ chức ở đâu?", "Saleumxay Kommasith
và Sok Chenda Sophea giữ chức vụ gì?", "the 8th and 9th consultations", "the 8th FM-level and the 8th
deputy-FM-level consultations"; and which of two came first ("… or …, which came first?").

The question is cut at its conjunction into a head (up to the first round or person) and a tail (after
the second); each whole question is the head and the tail around one of the two (two mechanisms: the
whole question without the other's words). Both are answered, and the answer is the two replies
together. When either half finds nothing, the question is answered as one (the caller's fallback),
never half-answered.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from typing import Final, Literal

from bot.answering.answers import Answer, Lang, Status
from bot.answering.protocol import Lookup
from bot.answering.retrieval import AGREEMENT_CUE, ROLE
from bot.answering.scoring import SERIES_MENTIONED, SERIES_TIE
from bot.kb.facts import Agreement, Event, EventKind, FuzzyDate, Official
from bot.kb.knowledge import AnyFact
from bot.nlu.lexicon import (
    DURATION_CUES,
    ENGLISH_GLUE,
    EVENT_KIND_CUES,
    FIRST_ASKED,
    FUNCTION_WORDS,
    LEADING_JOINER,
    MENTIONED,
    ORDER_CLAIMED,
    PAIR_JOINED,
    SAME_PLACE_ASKED,
    SIGNED_ASKED,
    SPAN_APART,
    WH_PATTERN,
    Intent,
    canonical,
    spell_out,
)
from bot.nlu.parsing import parse_round, round_span
from bot.nlu.text import fold
from bot.nlu.understanding import Question
from bot.render.text import event_date, format_date, phrase, with_footnotes

_NUMBER: Final = re.compile(r"\d+")
# "in 2021 and in 2023", "năm 2021 và năm 2023": two years asked alike (not a span "between … and …")
_TWO_YEARS: Final = re.compile(
    r"\b(in|năm|nam)?\s*((?:19|20)\d{2})\s*,?\s+(?:and|và|va|&)\s+(?:in\s+|năm\s+|nam\s+)?((?:19|20)\d{2})\b",
    re.IGNORECASE,
)
# "giai đoạn 2014-2020 và giai đoạn 2021-2025": two periods, each naming a document of its own
_TWO_PERIODS: Final = re.compile(
    r"\b((?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2})\b(?:.{0,20}?)\s+(?:and|và|va|với|voi|&)\s+\S*?\s*\S*?\s*"
    r"\b((?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2})\b",
    re.IGNORECASE,
)
_RANGE_BEFORE: Final = re.compile(r"\b(?:between|from|giữa|giua|từ|tu)\s*(?:in|năm|nam)?\s*$", re.IGNORECASE)
_SUFFIX: Final = re.compile(r"^(?:st|nd|rd|th)\b", re.IGNORECASE)
# a few capitalised words, then the end: a name closing the question
_NAME_CLOSING: Final = re.compile(r"^\s*((?:[^\W\d_a-zà-ỹđ][^\W\d_]*\s*){1,5}?)\s*([?.!]*)\s*$")
_SIDE_BY_SIDE: Final = 8  # words at most naming one of two mechanisms side by side
# what joins the two things compared in "A or B, which came first?", "A với B, cái nào trước?"
_OR: Final = re.compile(r"\s+(?:or|hay|hoặc|hoac|với|voi|và|va|and|vs\.?|versus)\s+", re.IGNORECASE)


def split(engine: Lookup, q: Question, today: dt.date) -> tuple[str, str] | None:
    """The two whole questions a question about two rounds, two officials or two years stands for, if
    it is one."""
    periods = _TWO_PERIODS.search(q.text)
    if periods is not None and periods.group(1) != periods.group(2):
        # "Thỏa thuận … giai đoạn 2014-2020 và giai đoạn 2021-2025 khác nhau thế nào?": each period (the
        # years that end one and open the other are no two years asked)
        head, tail = q.text[: periods.start()], q.text[periods.end() :]
        return f"{head}{periods.group(1)}{tail}", f"{head}{periods.group(2)}{tail}"
    years = _TWO_YEARS.search(q.text)
    if years is not None and not _RANGE_BEFORE.search(q.text[: years.start()]):
        # "What did they agree on the East Sea, in 2021 and in 2023?": each year asked on its own
        head, tail = q.text[: years.start()], q.text[years.end() :]
        return (
            f"{head} {years.group(1)} {years.group(2)}{tail}",
            f"{head} {years.group(1)} {years.group(3)}{tail}",
        )
    for match in PAIR_JOINED.finditer(q.text):
        first, second = q.text[: match.start()], q.text[match.end() :]
        if not first.strip() or not second.strip():
            continue
        rounds = _two_rounds(first, second)
        if rounds is not None:
            return rounds
        people = _two_officials(engine, q, first, second)
        if people is not None:
            return people
        names = _two_names(engine, first, second)
        if names is not None:
            return names
        # a comma joins the posts one person holds ("Phó Thủ tướng, Bộ trưởng Ngoại giao"): "and" joins two
        posts = _two_posts(engine, q, first, second, today) if match.group(0).strip(" ,") else None
        if posts is not None:
            return posts
    return (
        _two_series(engine, q, today)
        or _two_documents(engine, q, today)
        or _two_events(engine, q, today)
        or _two_alike(engine, q, today)
    )


def _two_alike(engine: Lookup, q: Question, today: dt.date) -> tuple[str, str] | None:
    """ "ngày lập quan hệ ngoại giao vs ngày ký hiệp ước": two phrases of one make either side of a
    conjunction, opening with the same word, each a whole question that leads with its own fact
    (mechanisms named side by side are `_two_series`'s: their rounds are no such facts)."""
    if any(share >= SERIES_MENTIONED for share in q.series.values()):
        return None
    for match in PAIR_JOINED.finditer(q.text):
        first, second = q.text[: match.start()].strip(), LEADING_JOINER.sub("", q.text[match.end() :]).strip()
        opening = [fold(half).split()[:1] for half in (first, second)]
        if not opening[0] or opening[0] != opening[1] or len(first.split()) < 3 or len(second.split()) < 3:
            continue
        named = [_named(engine, half, q.lang, today, Event) for half in (first, second)]
        if named[0] is not None and named[1] is not None and named[0] != named[1]:
            return first, second
    return None


def _two_posts(
    engine: Lookup, q: Question, first: str, second: str, today: dt.date
) -> tuple[str, str] | None:
    """ "Who were Vietnam's ambassador in Thailand and Thailand's ambassador in Vietnam?": two posts
    side by side, no one named; each half asked with the question words the other holds."""
    if q.officials or not (ROLE.search(canonical(fold(first))) and ROLE.search(canonical(fold(second)))):
        return None  # (reading each half costs: only halves that each name a post are read)
    one, other = engine.read(first, q.lang, today), engine.read(second, q.lang, today)
    posts = engine.asked_post(one), engine.asked_post(other)
    if posts[0] is None or posts[1] is None or posts[0] == posts[1] or one.officials or other.officials:
        return None
    asks = [bool(WH_PATTERN.search(canonical(fold(half)))) for half in (first, second)]
    if asks == [True, False]:
        # the question words open the first half ("Who were …"): the second is asked with them
        return first, " ".join([*_asking_words(first.split()), second])
    if asks == [False, True]:
        # they close the second ("… là ai?"): the first is asked with them
        return " ".join([first, *reversed(_asking_words(list(reversed(second.split()))))]), second
    return None


def _asking_words(words: list[str]) -> list[str]:
    """The question and glue words a run of words starts with ("Who were", reversed "ai là")."""
    asking: list[str] = []
    for word in words:
        form = canonical(fold(word.strip(",.?!")))
        if not (WH_PATTERN.fullmatch(form) or form in FUNCTION_WORDS):
            break
        asking.append(word)
    return asking


def _two_documents(engine: Lookup, q: Question, today: dt.date) -> tuple[str, str] | None:
    """ "Thỏa thuận hợp tác giữa hai Bộ Ngoại giao và Chương trình hành động chung lần lượt được ký khi
    nào?", "the 2014-2020 agreement and UNCLOS 1982": two documents named side by side, one at least by
    a word of a document's kind. Each question is the whole one without the other's words, as many words
    a side as make each half name its own."""
    # (each try reads both halves: only when two documents are named, by two kind words or one and an
    # acronym)
    cues = len(AGREEMENT_CUE.findall(q.canonical))
    if cues < 2 and not (cues and engine.retrieval.names_an_acronym(q)):
        return None
    return _two_side_by_side(engine, q, today, Agreement)


def _two_events(engine: Lookup, q: Question, today: dt.date) -> tuple[str, str] | None:
    """ "Chuyến thăm Lào của Chủ tịch nước Phúc và chuyến thăm Việt Nam của Chủ tịch Quốc hội Lào diễn
    ra khi nào?", "President Phuc's trip to Laos and the Lao NA chairman's trip to Vietnam - when was
    each?": two events named side by side, each by a word of an event's kind."""
    return _two_side_by_side(engine, q, today, Event, _names_a_kind)


def _names_a_kind(words: list[str]) -> bool:
    """Words that name a kind of event ("chuyến thăm", "trip"): each of two events named side by side
    has its own (not "when he met A and B", two people at one)."""
    text = canonical(fold(" ".join(words)))
    return any(cue.search(text) for cue in EVENT_KIND_CUES.values())


def _two_side_by_side(
    engine: Lookup, q: Question, today: dt.date, kind: type, each: Callable[[list[str]], bool] | None = None
) -> tuple[str, str] | None:
    """The question split at a conjunction into two, each the whole one without the other's words (as
    many words a side as make each name its own), that lead with two facts of the kind; with `each`,
    only where the words either side of the conjunction pass it."""
    words = q.text.split()
    for at, word in enumerate(words):
        if not PAIR_JOINED.fullmatch(f" {word} "):
            continue
        if each is not None and not (each(words[:at]) and each(words[at + 1 :])):
            continue
        for size in range(1, min(at, len(words) - at - 1, _SIDE_BY_SIDE) + 1):
            halves = (
                " ".join(words[:at] + words[at + 1 + size :]),
                " ".join(words[: at - size] + words[at + 1 :]),
            )
            named = [_named(engine, half, q.lang, today, kind) for half in halves]
            if named[0] is not None and named[1] is not None and named[0] != named[1]:
                return halves
    return None


def _named(engine: Lookup, text: str, lang: Lang, today: dt.date, kind: type) -> str | None:
    """The one fact of the kind a question names, by the answer it gets."""
    lead = _lead(engine, engine.lookup(text, lang, today))
    return lead.id if lead is not None and isinstance(lead, kind) else None


def _lead(engine: Lookup, answer: Answer) -> AnyFact | None:
    """The fact an answer leads with, when it answers."""
    return (
        engine.knowledge.get(answer.facts[0]) if answer.status is Status.ANSWERED and answer.facts else None
    )


def _two_names(engine: Lookup, first: str, second: str) -> tuple[str, str] | None:
    """ "DOC với COC là viết tắt của gì?", "UNCLOS and DOC": two rare names (acronyms the base holds)
    side by side; each question is the other words around one of them."""
    head, tail = first.split(), second.split()
    if not head or not tail:
        return None
    one, other = head[-1].strip(",.?!"), tail[0].strip(",.?!")
    names = [engine.index.rare_names(name) for name in (one, other)]
    if not names[0] or not names[1] or names[0] == names[1]:
        return None
    before, after = " ".join(head[:-1]), " ".join(tail[1:])
    return f"{before} {one} {after}".strip(), f"{before} {other} {after}".strip()


def _two_series(engine: Lookup, q: Question, today: dt.date) -> tuple[str, str] | None:
    """ "When were the 8th FM-level and the 8th deputy-FM-level consultations held?", "Tham vấn cấp Bộ
    trưởng lần 8 và Tham khảo cấp Thứ trưởng lần 8 diễn ra khi nào?": two mechanisms named side by side
    in a question about a round or a date. Each question is the whole one without the other's words:
    the words before the conjunction and as many after it, read as naming one mechanism each."""
    if q.round is None and q.date is None:
        return None
    if not any(share >= SERIES_MENTIONED for share in q.series.values()):
        return None
    words = q.text.split()
    for at, word in enumerate(words):
        if not PAIR_JOINED.fullmatch(f" {word} ") or _round_of(words[at + 1 :]) is None:
            continue  # the second mechanism's round follows the conjunction
        # "A và B, mỗi cái ở đâu?": the comma closes the second mechanism; else, as many words a side
        near = range(at + 1, min(len(words), at + 2 + _SIDE_BY_SIDE))
        comma = next((i for i in near if words[i].endswith(",")), None)
        splits = [(" ".join([*words[:at], *words[comma + 1 :]]), " ".join(words[at + 1 :]))] if comma else []
        for size in range(1, min(at, len(words) - at - 1, _SIDE_BY_SIDE) + 1):
            splits.append(
                (
                    " ".join(words[:at] + words[at + 1 + size :]),
                    " ".join(words[: at - size] + words[at + 1 :]),
                )
            )
        rounds = [_round_of(words[:at]), _round_of(words[at + 1 :])]
        for first, second in splits:
            halves = [engine.read(half, q.lang, today) for half in (first, second)]
            if rounds[0] != rounds[1] and [h.round for h in halves] != rounds:
                continue  # a half keeps the other's round ("lần thứ 5 … tại Tham vấn … lần thứ 3")
            read = [_series_named(half) for half in halves]
            if read[0] is not None and read[1] is not None and read[0] != read[1]:
                return first, second
        uneven = _named_unevenly(engine, q, words, at, today)
        if uneven is not None:
            return uneven
    return None


def _named_unevenly(
    engine: Lookup, q: Question, words: list[str], at: int, today: dt.date
) -> tuple[str, str] | None:
    """ "Ai chủ trì Kỳ họp lần thứ 5 Ủy ban Hỗn hợp và Tham vấn chính trị cấp Thứ trưởng lần thứ 3?": two
    mechanisms named in words of different counts. Each question drops the other mechanism, at least
    through its round, and as few words more as leave one mechanism named."""
    before, after = words[:at], words[at + 1 :]
    through = next((k for k in range(1, len(after) + 1) if _round_of(after[:k]) is not None), None)
    back = next((k for k in range(1, len(before) + 1) if _round_of(before[: at - k]) is None), None)
    if through is None or back is None:
        return None
    firsts = (" ".join(before + after[size:]) for size in range(through, len(after) + 1))
    seconds = (
        " ".join(before[: at - size] + after) for size in range(back, min(at, back + _SIDE_BY_SIDE) + 1)
    )
    first = next(((h, s) for h in firsts if (s := _series_named(engine.read(h, q.lang, today)))), None)
    second = next(((h, s) for h in seconds if (s := _series_named(engine.read(h, q.lang, today)))), None)
    if first is None or second is None or first[1] == second[1]:
        return None
    return first[0], second[0]


def _round_of(words: list[str]) -> int | None:
    """The round these words of a question name, read as typed ("KH5", "lần thứ 5", "the 5th")."""
    return parse_round(spell_out(fold(" ".join(words))))


def series_side_by_side(engine: Lookup, q: Question, today: dt.date) -> set[str]:
    """ "Ủy ban Hỗn hợp và Ủy ban Liên hợp về biên giới biển khác nhau thế nào?": the two mechanisms the
    two sides of the conjunction name, one each; none when they do not."""
    for match in PAIR_JOINED.finditer(q.text):
        sides = [
            _series_named(engine.read(side, q.lang, today))
            for side in (q.text[: match.start()], q.text[match.end() :])
        ]
        if sides[0] is not None and sides[1] is not None and sides[0] != sides[1]:
            return {sides[0], sides[1]}
    return set()


def _series_named(q: Question) -> str | None:
    """The one mechanism a half names: named at least in part, clearly more than any other."""
    ranked = sorted(q.series.items(), key=lambda item: item[1], reverse=True)
    if not ranked or ranked[0][1] < SERIES_MENTIONED:
        return None
    return ranked[0][0] if len(ranked) == 1 or ranked[1][1] < ranked[0][1] - SERIES_TIE else None


def clauses(engine: Lookup, q: Question, today: dt.date) -> tuple[str, str] | None:
    """ "Sok Chenda Sophea giữ chức vụ gì, gặp ông Sơn ở đâu?", "… diễn ra trong không khí nào và hai bên
    thống nhất tổ chức lần 9 ở đâu?": two questions, each with its own question word, cut at the
    conjunction between them; the second is asked of the people and the round the first names when it
    names none of its own."""
    for match in PAIR_JOINED.finditer(q.text):
        first, second = q.text[: match.start()].strip(), LEADING_JOINER.sub("", q.text[match.end() :].strip())
        if not WH_PATTERN.search(canonical(fold(first))) or not WH_PATTERN.search(canonical(fold(second))):
            continue
        one, other = engine.read(first, q.lang, today), engine.read(second, q.lang, today)
        if MENTIONED.search(other.canonical) and not (other.officials or other.places or other.named_facts):
            continue  # "… là gì, sao lại được nhắc tới?": why what the first names is spoken of
        if not (one.officials or one.series or one.round is not None or one.named_facts):
            # the first names nothing the second could be asked of: two questions, each of its own
            # ("When were ties established and when was the Treaty of Amity signed?"), when each is
            # answered on its own (`answer_clauses` checks)
            return first, second
        inherited = [
            official.name
            for official_id in one.officials
            if official_id not in other.officials and (official := engine.knowledge.official(official_id))
        ]
        span = round_span(fold(first))
        if other.round is None and not other.series and span is not None:
            # the mechanism and its round ("tham vấn … lần 8"), without the first's own question words
            # ("where did the committee hold its 7th …, and who co-chaired?")
            head = fold(first)[: span[1]].split()
            inherited.append(" ".join(head[len(_asking_words(head)) :]))
        asked = engine.read(" ".join([*inherited, second]), q.lang, today)
        if not (
            asked.officials or asked.series or asked.date or asked.named_facts or asked.round is not None
        ):
            # "Năm Đoàn kết … là năm nào, 2 BT định chuẩn bị gì cho dịp đó?": the record the first quotes
            # by its name is what the second asks of ("dịp đó")
            named = [f for f in map(engine.knowledge.get, sorted(one.named_facts)) if f is not None]
            if len(named) != 1:
                continue  # "…, ai chủ trì phía mình?": nothing the second names says what it asks about
            inherited.append(engine.render.title(named[0], q.lang))
        return first, " ".join([*inherited, second])
    return None


def answer_clauses(
    engine: Lookup, q: Question, whole: Answer, first: str, second: str, today: dt.date
) -> Answer | None:
    """The whole question's answer and the other half's, when each half is answered, they are about
    different things and the whole's answer is one of them; else None (one thing asked two ways is
    the whole question's to answer, with every slot it asks)."""
    if whole.status is Status.NOT_FOUND:
        return None  # nothing fits the whole: so it is said, not two answers
    replies = [engine.answer(text, lang=q.lang, today=today) for text in (first, second)]
    if any(not r.facts for r in replies):
        return None
    if whole.status is Status.AMBIGUOUS:
        # several fit the whole because it asks of two things: each half answers one of them
        offered = [c.fact_id for c in whole.candidates]
        each = all(
            r.status is Status.ANSWERED and any(_linked(engine, r.facts[0], f) for f in offered)
            for r in replies
        )
        if not each or _linked(engine, replies[0].facts[0], replies[1].facts[0]):
            return None
        return merged(engine, q, replies)
    if replies[0].facts[0] == replies[1].facts[0] == whole.facts[0]:
        # "… lần 8 ai chủ trì, không khí ra sao?": one event, the second half asking of it what the whole
        # question's slots leave out (not "ở đâu, nhân dịp gì", both the whole's slots)
        event = engine.knowledge.event(whole.facts[0])
        if event is None or replies[1].status is not Status.ANSWERED:
            return None
        own = set(engine.asked_slots(engine.read(second, q.lang, today), event))
        adds = not own & {"when", "where", "who"} and (
            not own or not own <= set(engine.asked_slots(q, event))
        )
        said_already = replies[1].text.rsplit("\n\n", 1)[0] in whole.text
        return merged(engine, q, [whole, replies[1]]) if adds and not said_already else None
    if replies[0].facts[0] == replies[1].facts[0]:
        # both halves are about one record the whole missed ("Năm Đoàn kết … là năm nào, 2 BT định chuẩn
        # bị gì cho dịp đó"): that record, when the first half names it by its name
        if replies[0].facts[0] in engine.read(first, q.lang, today).named_facts and all(
            r.status is Status.ANSWERED for r in replies
        ):
            return dataclasses.replace(replies[0], question=q.text)
        return None
    # the whole answer, with every slot it answers, and the half it leaves out (the signing of the
    # document the whole answers is no other thing)
    others = [
        r
        for r in replies
        if not _linked(engine, r.facts[0], whole.facts[0]) and r.facts[0] not in whole.facts
    ]
    if len(others) != 1:
        return None  # the halves read alone are about something else than the whole
    return merged(engine, q, [whole, *others])


def _linked(engine: Lookup, one: str, other: str) -> bool:
    """The same record, or a document and the act of signing it (not the session it was signed at,
    whose co-chairs may be asked beside the documents)."""
    a, b = engine.knowledge.get(one), engine.knowledge.get(other)
    if one == other:
        return True
    if isinstance(a, Event) and isinstance(b, Agreement):
        a, b = b, a
    return (
        isinstance(a, Agreement)
        and isinstance(b, Event)
        and b.event_kind is EventKind.SIGNING
        and (a.id in b.related or b.id in a.related)
    )


def repeated(q: Question) -> tuple[str, str] | None:
    """Two questions asked with one question phrase twice ("năm 2022 kỷ niệm bao nhiêu năm quan hệ ngoại
    giao và bao nhiêu năm ký Hiệp ước?"): the first, and the second with the words before its phrase
    (folded)."""
    for match in PAIR_JOINED.finditer(q.text):
        head, tail = fold(q.text[: match.start()]), fold(q.text[match.end() :])
        tail = LEADING_JOINER.sub("", tail)  # ", and where did …": the comma took the conjunction's space
        words = tail.split()
        for size in (3, 2):
            cue = " ".join(words[:size])
            at = head.find(cue)
            if len(words) > size and at >= 0 and WH_PATTERN.search(cue) and cue not in head[at + 1 :]:
                return head, f"{head[:at]}{tail}"
    return None


def _two_rounds(first: str, second: str) -> tuple[str, str] | None:
    """ "Kỳ họp 38 và kỳ họp 46 …", "lần thứ nhất và lần thứ 8 …", "the 38th and 46th sessions …": the
    head (before the first round) and the tail (after the second) around each round, folded."""
    head, tail = spell_out(fold(first)), spell_out(fold(second))  # "KH4 và KH5": "ky hop 4", "ky hop 5"
    a, b = parse_round(head), parse_round(tail)
    first_span, second_span = round_span(head), round_span(tail)
    if a is None or b is None or a == b or first_span is None or second_span is None:
        return None
    before, first_round = head[: first_span[0]], head[first_span[0] : first_span[1]]
    second_round, after = tail[second_span[0] : second_span[1]], tail[second_span[1] :]
    if any(w not in ENGLISH_GLUE for w in tail[: second_span[0]].split()) or head[first_span[1] :].strip():
        return None  # the second half starts with its round ("the 5th"), and nothing follows the first
    if not second_round[:1].isdigit():
        second_round = (
            first_round.split()[0] + " " + second_round if len(second_round.split()) == 1 else second_round
        )
    return f"{before}{first_round}{after}", f"{before}{second_round}{after}"


def _two_officials(engine: Lookup, q: Question, first: str, second: str) -> tuple[str, str] | None:
    if q.event_kinds or not q.intents & {Intent.PROFILE, Intent.WHO}:
        # "X và Y gặp nhau khi nào" asks about one meeting of both; "chuyến thăm Lào của TT Chính và
        # CTN Thưởng" about two visits, one each, when no event has both
        return _two_officials_events(engine, first, second)
    a = engine.index.officials_in(fold(first).split())
    b = engine.index.officials_in(fold(second).split())
    if len(a) != 1 or len(b) != 1 or a.keys() == b.keys():
        return None
    official = engine.knowledge.official(next(iter(b)))
    if official is None:
        return None
    # the words asking before the first name ("chức vụ của A và B hồi 1/2024") ask of the second too
    one = engine.knowledge.official(next(iter(a)))
    head = _words_before_name(first, one) if one is not None else ""
    # (not when the second name has words of its own before it: "ông A và ông B")
    head = f"{head} " if head and not _words_before_name(second, official) else ""
    for name in sorted([official.name, *official.aliases], key=len, reverse=True):
        at = fold(second).find(fold(name))
        if at >= 0 and len(fold(second[: at + len(name)])) == at + len(fold(name)):
            # folding kept the length, so the folded position is the position in the text
            return first.strip() + second[at + len(name) :], head + second
    # a name typed otherwise ("… and Alounkeo Kitikhoun?") closing the question: all that follows it is
    # the question's end
    only = _NAME_CLOSING.match(second)
    if only is not None and engine.index.officials_in(fold(only.group(1)).split()).keys() == b.keys():
        return first.strip() + only.group(2), second
    return None


def _words_before_name(text: str, official: Official) -> str:
    """The words of the text before the first word of the official's name or an alias."""
    parts = {w for name in (official.name, *official.aliases) for w in fold(name).split()}
    words = text.split()
    at = next((i for i, w in enumerate(words) if fold(w.strip(",.?!")) in parts), 0)
    return " ".join(words[:at])


def answer_both(
    engine: Lookup, q: Question, first: str, second: str, today: dt.date, *, whole: bool = False
) -> Answer | None:
    """Both halves answered (`whole`: as questions of their own, claims and counts read), or None when
    either is not."""
    replies = [
        engine.answer(text, lang=q.lang, today=today) if whole else engine.lookup(text, q.lang, today)
        for text in (first, second)
    ]
    return merged(engine, q, replies)


def merged(engine: Lookup, q: Question, replies: list[Answer]) -> Answer | None:
    """The replies to the parts of one question as one answer, or None unless each part is answered."""
    if any(r.status is not Status.ANSWERED for r in replies):
        return None
    facts = tuple(dict.fromkeys(f for r in replies for f in r.facts))
    sources = tuple(dict.fromkeys(s for r in replies for s in r.sources))
    # one answer: each reply's body, then what an inferred date means and the sources, once
    footnote = "\n" + phrase("inferred_footnote", q.lang)
    bodies = [r.text.rsplit("\n\n", 1)[0].replace(footnote, "") for r in replies]
    # a heading the replies share ("According to the articles …:") is said once, their lines under it
    heads = {body.split("\n", 1)[0] for body in bodies}
    if len(heads) == 1 and all("\n" in body for body in bodies) and next(iter(heads)).endswith(":"):
        bodies = [next(iter(heads)), *(body.split("\n", 1)[1] for body in bodies)]
        bodies = ["\n".join(bodies)]
    cited = [fact for fact in map(engine.knowledge.get, facts) if fact is not None]
    text = with_footnotes("\n\n".join(bodies), q.lang) + "\n\n" + engine.render.source_line(cited, q.lang)
    return dataclasses.replace(replies[0], question=q.text, text=text, facts=facts, sources=sources)


def _two_officials_events(engine: Lookup, first: str, second: str) -> tuple[str, str] | None:
    """ "Chuyến thăm Lào của TT Chính và CTN Thưởng diễn ra khi nào?": the question about each official,
    when no event of the base has both (folded text: the head before the first and the tail after the
    second go around each)."""
    head, tail = canonical(fold(first)).split(), canonical(fold(second)).split()
    if head[-1:] == ["s"]:
        head = head[:-1]  # "Phạm Minh Chính's and Võ Văn Thưởng's visits": the possessive of the first
    a, b = _mention(engine, head), _mention(engine, tail)
    if a is None or b is None or a[0] == b[0]:
        return None
    shared = set(engine.knowledge.events_by_official.get(a[0], ())) & set(
        engine.knowledge.events_by_official.get(b[0], ())
    )
    if shared or a[2] != len(head):
        return None  # they took part in something together, or more follows the first name
    before, after = head[: a[1]], tail[b[2] :]
    return " ".join([*head, *after]), " ".join([*before, *tail])


def _mention(engine: Lookup, tokens: list[str]) -> tuple[str, int, int] | None:
    """The one official the words name, with the span of words naming them."""
    spans = engine.index.officials_by_given_name(tokens)
    for official_id in engine.index.officials_in(tokens):
        official = engine.knowledge.official(official_id)
        for name in [official.name, *official.aliases] if official else []:
            words = canonical(fold(name)).split()
            for i in range(len(tokens) - len(words) + 1):
                if tokens[i : i + len(words)] == words:
                    spans[official_id] = (i, i + len(words))
    return (next(iter(spans)), *next(iter(spans.values()))) if len(spans) == 1 else None


def first_of_two(engine: Lookup, q: Question, today: dt.date) -> Answer | None:
    """ "Which came first: PM Chinh's trip to Laos or President Thuong's?", "lập quan hệ ngoại giao với
    ký Hiệp ước, cái nào trước?": each side looked up as a question of when, and the earlier said first;
    None unless both are dated facts of their own and their dates do not overlap."""
    # the cue taken out of the text as typed when it is there so (names keep their dashes and marks)
    typed = FIRST_ASKED.search(q.text.lower())
    if typed is not None:
        text = q.text[: typed.start()] + " " + q.text[typed.end() :]
    elif FIRST_ASKED.search(q.folded):
        text = FIRST_ASKED.sub(" ", q.folded)
    else:
        return None
    # ("which was signed first": when each was signed)
    asked = phrase("signed_when_of" if SIGNED_ASKED.search(q.canonical) else "when_of", q.lang, what="{}")
    for match in _OR.finditer(text):
        sides = [text[: match.start()].strip(" ,:;?"), text[match.end() :].strip(" ,:;?")]
        if not all(sides):
            continue
        replies = [engine.lookup(asked.format(side), q.lang, today) for side in sides]
        first_side, second_side = _dated(engine, replies[0]), _dated(engine, replies[1])
        if first_side is None or second_side is None or first_side[0].id == second_side[0].id:
            continue
        (one, one_date), (other, other_date) = sorted([first_side, second_side], key=lambda d: d[1].start)
        if one_date.end >= other_date.start:
            return None  # the articles' dates do not tell which came first
        lead = _came_first(engine, q.lang, (one, one_date), (other, other_date))
        if DURATION_CUES.search(q.canonical) and any(apart.search(q.folded) for apart in SPAN_APART):
            # "… cái nào trước, cách nhau mấy năm?": the years between them too, as years apart are
            # counted (1962 to 1977 is 15)
            start, end = one_date.start.year, other_date.start.year
            between = phrase("years_between", q.lang, years=str(end - start), start=str(start), end=str(end))
            lead = f"{lead}\n{between}"
        both = merged(engine, q, replies)
        if both is None:
            return None
        return dataclasses.replace(both, facts=(one.id, other.id), text=f"{lead}\n\n{both.text}")
    return None


def order_claimed(engine: Lookup, q: Question, claim: str, today: dt.date) -> Answer | None:
    """ "CTN Thưởng sang Lào trước TT Chính phải không?", "Did Thuong visit Laos before Chinh?": the
    claim (its cue words out) split at "before"/"after" into two acts, each looked up as a question of
    when (a side that only names someone is the other side's act of theirs); yes or no by their dates,
    None unless both are dated and their dates do not overlap."""
    asked = phrase("when_of", q.lang, what="{}")
    for order, cue in ORDER_CLAIMED.items():
        for match in cue.finditer(claim):
            sides = [claim[: match.start()].strip(" ,?"), claim[match.end() :].strip(" ,?")]
            if not all(sides):
                continue
            first, second = canonical(sides[0]).split(), canonical(sides[1]).split()
            one, other = _mention(engine, first), _mention(engine, second)
            if one is not None and other is not None and other[2] - other[1] >= len(second) - 1:
                # the second side is only someone: the first side's act, theirs
                sides[1] = " ".join([*first[: one[1]], *second[other[1] : other[2]], *first[one[2] :]])
            replies = [engine.lookup(asked.format(side), q.lang, today) for side in sides]
            first_side, second_side = _dated(engine, replies[0]), _dated(engine, replies[1])
            if first_side is None or second_side is None or first_side[0].id == second_side[0].id:
                continue
            (a, a_date), (b, b_date) = first_side, second_side
            if a_date.end >= b_date.start and b_date.end >= a_date.start:
                return None  # the articles' dates do not tell which came first
            holds = (a_date.start < b_date.start) == (order == "before")
            early, late = sorted([first_side, second_side], key=lambda d: d[1].start)
            lead = _came_first(engine, q.lang, early, late)
            both = merged(engine, q, replies)
            if both is None:
                return None
            verdict: Literal["yes", "no"] = "yes" if holds else "no"
            text = f"{lead}\n\n{both.text}"
            return dataclasses.replace(both, facts=(a.id, b.id), text=text, verdict=verdict)
    return None


def same_place(engine: Lookup, q: Question, today: dt.date) -> Answer | None:
    """ "Tham vấn cấp BT lần 8 với tham khảo TT lần 1 có tổ chức cùng một chỗ không?": each side looked up
    as a question of where, then whether the places are one (yes or no only when the articles give
    both); None unless each side is an event of its own."""
    typed = SAME_PLACE_ASKED.search(q.text.lower())
    cue = typed or SAME_PLACE_ASKED.search(q.folded)
    if cue is None:
        return None
    head = (q.text if typed else q.folded)[: cue.start()]
    asked = phrase("where_of", q.lang, what="{}")
    for match in _OR.finditer(head):
        sides = [head[: match.start()].strip(" ,:;?"), head[match.end() :].strip(" ,:;?")]
        if not all(sides):
            continue
        replies = [engine.lookup(asked.format(side), q.lang, today) for side in sides]
        events = [engine.knowledge.event(r.facts[0]) if r.facts else None for r in replies]
        if events[0] is None or events[1] is None or events[0].id == events[1].id:
            continue
        one, other = events[0], events[1]
        both = merged(engine, q, replies)
        if both is None:
            return None
        chains = [engine.knowledge.place_chain(one.place), engine.knowledge.place_chain(other.place)]
        if not (one.place and other.place) or (
            one.place != other.place and (one.place in chains[1] or other.place in chains[0])
        ):
            # a place left out, or one only as near as the country the other lies in: each record
            # says what it gives, and no yes or no
            return both
        same = one.place == other.place
        lead = (
            phrase("same_place", q.lang, place=engine.render.place(one.place, q.lang))
            if same
            else phrase(
                "other_places",
                q.lang,
                title=engine.render.title(one, q.lang),
                place=engine.render.place(one.place, q.lang),
                other=engine.render.title(other, q.lang),
                other_place=engine.render.place(other.place, q.lang),
            )
        )
        verdict = phrase("verdict_yes" if same else "verdict_no", q.lang)
        return dataclasses.replace(
            both,
            facts=(one.id, other.id),
            text=f"{verdict} {lead}\n\n{both.text}",
            verdict="yes" if same else "no",
        )
    return None


# a dated fact: an event and its date, or a document and its signing's
_Dated = tuple[Event | Agreement, FuzzyDate]


def _came_first(engine: Lookup, lang: Lang, one: _Dated, other: _Dated) -> str:
    """ "A (its date) came before B (its date)."""
    return phrase(
        "came_first",
        lang,
        title=engine.render.title(one[0], lang),
        date=_date_text(one[0], one[1], lang),
        other=engine.render.title(other[0], lang),
        other_date=_date_text(other[0], other[1], lang),
    )


def _date_text(fact: Event | Agreement, date: FuzzyDate, lang: Lang) -> str:
    """The date as answers show it: an event's marked when the article only lets it be inferred."""
    return event_date(fact, lang) if isinstance(fact, Event) else format_date(date, lang)


def _dated(engine: Lookup, answer: Answer) -> _Dated | None:
    """The fact an answer leads with and its date (an event's, a document's signing), if it has one."""
    fact = _lead(engine, answer)
    date = fact.date if isinstance(fact, Event) else fact.signed if isinstance(fact, Agreement) else None
    return (fact, date) if date is not None and isinstance(fact, Event | Agreement) else None

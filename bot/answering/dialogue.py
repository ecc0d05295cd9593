"""Conversations: a question read with what was said before it.

People ask in turns. After "Tham vấn chính trị cấp Bộ trưởng lần thứ 8 diễn ra ở đâu?" they ask
"Ai đồng chủ trì?"; after a profile, "ông ấy sang Việt Nam khi nào?"; after one round, "còn lần
thứ 9?"; after a list of choices, "cái thứ hai". `Dialogue.turn(text, context)` answers one
message given the `Context` of the conversation (or None) and returns the answer with the new
context. The engine itself stays stateless; this module only decides what to ask it:

* **a choice**: after an ambiguous answer, "2", "cái thứ hai", "the second one" or a word only
  one candidate has ("cấp Bộ trưởng", "the deputy-level one") picks that candidate, exactly as
  its button does (`Engine.answer_fact`);
* **a follow-up**: a message with a pronoun ("ông ấy", "nó", "that meeting"), a continuation
  ("còn …", "what about …") or no anchor of its own (no official, series, named fact, place or
  date: only a slot, or only a round) is merged with the context: the pronoun is replaced by the
  name of what the conversation is about, a new round replaces the old one in the same series, a
  slot alone is asked about the same fact; the merged question goes to the engine;
* **a new topic**: a question with its own anchor is answered alone, never mixed with the old one;
* **no context, no guess**: a follow-up with nothing to attach to gets a short question back
  ("Bạn hỏi về cuộc họp nào?") with examples;
* **two turns in one message**: "…, còn chủ tịch Thưởng thì tháng mấy?" is answered as the message
  and its follow-up would be (`said_as_two_turns`, which the engine uses for one question).

The cue words are data (`dialogue.yaml`). No telegram import here: the Telegram handlers and the
terminal session both use this module, each with its own store for the context.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any, Final, Literal

import yaml
from cachetools import LRUCache
from pydantic import BaseModel, ConfigDict

from bot.answering import compound
from bot.answering.answers import Answer, Candidate, Lang, Status
from bot.answering.protocol import Lookup
from bot.kb.facts import Event, Official, Series
from bot.kb.knowledge import AnyFact
from bot.nlu.lexicon import EVENT_KIND_CUES, EXCLUDED_FIRST, FUNCTION_WORDS, INTENT_CUES, canonical
from bot.nlu.parsing import EN_ORDINAL_WORDS, VI_NUMBER_WORDS
from bot.nlu.text import fold
from bot.nlu.understanding import Question, analyze, detect_language
from bot.render.catalog import t
from bot.render.text import ordinal_en

CUES_FILE: Final = Path(__file__).with_name("dialogue.yaml")
MAX_CHOICE_WORDS: Final = 6  # a longer message is a question, not a pick among the choices
TurnKind = Literal["new", "follow_up", "choice", "clarify"]
Asker = Callable[[str, "Lang | None"], Answer]


# ---------------------------------------------------------------------------- cue data


class _LangCues(BaseModel):
    model_config = ConfigDict(extra="forbid")
    person: list[str]
    thing: list[str]
    continuation: list[str]
    filler: list[str]
    ordinals: dict[str, int]
    not_pronoun: list[str] = []
    slot: list[str] = []


class _CueFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    vi: _LangCues
    en: _LangCues


@dataclass(frozen=True)
class _Cues:
    person: re.Pattern[str]
    thing: re.Pattern[str]
    continuation: re.Pattern[str]
    filler: frozenset[str]
    ordinals: dict[str, int]
    not_pronoun: re.Pattern[str] | None
    slot: re.Pattern[str] | None


def _alternation(phrases: list[str]) -> str:
    bad = [p for p in phrases if fold(p) != p]
    if bad:
        raise ValueError(f"{CUES_FILE}: cue phrases must be written folded: {bad}")
    return "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))


@cache
def cues(lang: Lang) -> _Cues:
    data = _CueFile.model_validate(yaml.safe_load(CUES_FILE.read_text(encoding="utf-8")))
    raw = data.vi if lang == "vi" else data.en
    return _Cues(
        person=re.compile(rf"(?:^|\s)(?:{_alternation(raw.person)})(?=\s|$)"),
        thing=re.compile(rf"(?:^|\s)(?:{_alternation(raw.thing)})(?=\s|$)"),
        continuation=re.compile(rf"^(?:{_alternation(raw.continuation)})(?=\s|$)"),
        filler=frozenset(raw.filler),
        ordinals={fold(k): v for k, v in raw.ordinals.items()},
        not_pronoun=(
            re.compile(rf"(?:^|\s)(?:{_alternation(raw.not_pronoun)})(?=\s|$)") if raw.not_pronoun else None
        ),
        slot=re.compile(rf"(?:^|\s)(?:{_alternation(raw.slot)})(?=\s|$)") if raw.slot else None,
    )


# ---------------------------------------------------------------------------- context


@dataclass(frozen=True)
class Context:
    """What a conversation is about after a turn: the question the engine answered (merged with
    the earlier turns), its frame's essentials, and the facts answered or offered."""

    question: str
    lang: Lang
    status: str
    facts: tuple[str, ...] = ()
    candidates: tuple[Candidate, ...] = ()
    intents: tuple[str, ...] = ()
    round: int | None = None
    officials: tuple[str, ...] = ()
    series: tuple[str, ...] = ()
    at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))

    @property
    def main_fact(self) -> str | None:
        """The fact the conversation is about: the one answered (or found without the slot asked)."""
        return self.facts[0] if self.status != Status.AMBIGUOUS.value and self.facts else None

    def expired(self, now: dt.datetime, ttl: dt.timedelta) -> bool:
        return now - self.at > ttl

    def to_json(self) -> str:
        return json.dumps(
            {
                "question": self.question,
                "lang": self.lang,
                "status": self.status,
                "facts": list(self.facts),
                "candidates": [[c.fact_id, c.label] for c in self.candidates],
                "intents": list(self.intents),
                "round": self.round,
                "officials": list(self.officials),
                "series": list(self.series),
                "at": self.at.isoformat(),
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str) -> Context | None:
        """The context stored as `text`, or None for a row this code cannot read."""
        try:
            raw: dict[str, Any] = json.loads(text)
            at = dt.datetime.fromisoformat(raw["at"])
            return cls(
                question=str(raw["question"]),
                lang="en" if raw.get("lang") == "en" else "vi",
                status=str(raw["status"]),
                facts=tuple(str(f) for f in raw.get("facts", ())),
                candidates=tuple(Candidate(str(i), str(label)) for i, label in raw.get("candidates", ())),
                intents=tuple(str(i) for i in raw.get("intents", ())),
                round=int(raw["round"]) if raw.get("round") is not None else None,
                officials=tuple(str(o) for o in raw.get("officials", ())),
                series=tuple(str(s) for s in raw.get("series", ())),
                at=at if at.tzinfo else at.replace(tzinfo=dt.UTC),
            )
        except (ValueError, KeyError, TypeError):
            return None


@dataclass(frozen=True)
class Turn:
    answer: Answer
    context: Context | None  # what the conversation is about now
    kind: TurnKind
    asked: str  # the question the engine was given (the merged one for a follow-up)


# ---------------------------------------------------------------------------- the dialogue


class Dialogue:
    """One engine, read turn by turn. `ask` answers a plain question (the Telegram layer passes its
    answer cache); by default the engine itself."""

    def __init__(self, engine: Lookup, ask: Asker | None = None) -> None:
        self.engine = engine
        self._ask: Asker = ask or (lambda text, lang: engine.answer(text, lang=lang))

    def turn(
        self,
        text: str,
        context: Context | None,
        *,
        lang: Lang | None = None,
        today: dt.date | None = None,
        now: dt.datetime | None = None,
        standalone: bool = False,
    ) -> Turn:
        """The answer to `text` in `context`; `standalone` asks it alone (a command's own question)
        and only records the context it leaves."""
        now = now or dt.datetime.now(dt.UTC)
        day = today or dt.date.today()
        if standalone:
            return self._new(text, lang, now)
        if context is not None and context.candidates:
            picked = self._choice(text, context)
            if picked is not None:
                turn = self.chosen(picked, lang or context.lang, now=now)
                return replace(turn, answer=replace(turn.answer, question=text))
        q = _read(self.engine, text, lang, day)
        ask_lang = lang or q.lang
        folded = q.folded
        cue = cues(q.lang)
        spoken = cue.not_pronoun.sub(lambda m: " " * len(m.group(0)), folded) if cue.not_pronoun else folded
        person = cue.person.search(spoken)
        thing = cue.thing.search(spoken)
        continuation = cue.continuation.search(folded.strip())
        if continuation is not None and q.round is None:
            # "and the first?", "còn thứ hai?": an ordinal alone after a continuation is a round
            words = self._content(q)
            if len(words) == 1 and (words[0] in EN_ORDINAL_WORDS or words[0] in VI_NUMBER_WORDS):
                q = replace(q, round=EN_ORDINAL_WORDS.get(words[0]) or VI_NUMBER_WORDS.get(words[0]))
        anchored = self._anchored(q)
        bare = self._bare(q)
        off_topic = bool(q.greeting or q.unknown_names or q.foreign_countries or q.unknown_attribute)
        if person is None and thing is None:
            if anchored and (continuation is None or context is None):
                return self._new(text, ask_lang, now)
            if not anchored and not bare:
                # words of its own but no anchor ("còn quan hệ ngoại giao thiết lập khi nào?",
                # "Tham khảo chín trị lần thứ 9 …" with a typo in the series): read alone first
                if continuation is not None and context is not None and not off_topic:
                    # "what about the deputy-minister level?": the last question with this constraint
                    carried = self._carry(q, context, continuation)
                    went_on = self._ask(carried, ask_lang)
                    if went_on.status is Status.ANSWERED and went_on.facts[:1] != context.facts[:1]:
                        went_on = replace(went_on, question=text)
                        context_after = self._context(went_on, carried, now, lang=ask_lang)
                        return Turn(went_on, context_after, "follow_up", carried)
                alone = self._new(text, ask_lang, now)
                if context is None or not q.round or off_topic or alone.answer.status is Status.ANSWERED:
                    return alone
                # a round with words that name nothing the engine answers: the round of the context
            elif context is None:
                if continuation is None and q.round:
                    return self._new(text, ask_lang, now)  # the engine decides: one round, or choices
                return self._clarify(text, q.lang, "thing")
        elif anchored:
            # a pronoun in a question that names its own subject: read alone first ("ông ấy có gặp
            # Bùi Thanh Sơn không?" may be about the man in context, or need no context at all)
            alone = self._new(text, ask_lang, now)
            if context is None or alone.answer.status is not Status.NOT_FOUND or alone.answer.facts:
                return alone  # found alone (if only to say what its article leaves out)
        elif not bare and self._names_answer(q, alone := self._new(text, ask_lang, now)):
            return alone  # the pronoun points inside the message ("ACMECS là gì, ai nhắc tới nó?")
        elif context is None:
            return self._clarify(text, q.lang, "person" if person is not None else "thing")
        assert context is not None
        merged, strict = self._merge(q, context, person, thing, continuation, anchored)
        if merged is None:
            if q.round and person is None and thing is None:
                return self._new(text, ask_lang, now)  # a round, and nothing in context to put it on
            return self._clarify(text, q.lang, "person" if person is not None else "thing")
        answer = self._ask(merged, ask_lang)
        if not strict and answer.status is not Status.ANSWERED:
            alone = self._new(text, ask_lang, now)  # the context did not help: as the engine reads it
            if alone.answer.status is not Status.NOT_FOUND:
                return alone
        main = context.main_fact
        slot_only = person is None and thing is None and not q.round and not anchored and bare
        if slot_only and main is not None and main not in answer.facts:
            # the slot asked is about the fact in context: never let the engine drift to another
            answer = self.engine.answer_fact(main, lang=ask_lang)
        answer = replace(answer, question=text)
        return Turn(answer, self._context(answer, merged, now, lang=ask_lang), "follow_up", merged)

    def chosen(self, fact_id: str, lang: Lang, *, now: dt.datetime | None = None) -> Turn:
        """A candidate picked by its button: its answer, and the conversation is now about it."""
        answer = self.engine.answer_fact(fact_id, lang=lang)
        fact = self.engine.knowledge.get(fact_id)
        asked = self._title(fact, lang) if fact is not None else fact_id
        return Turn(answer, self._context(answer, asked, now or dt.datetime.now(dt.UTC)), "choice", asked)

    # -- the kinds of turn ------------------------------------------------------------------------

    def _new(self, text: str, lang: Lang | None, now: dt.datetime) -> Turn:
        answer = self._ask(text, lang)
        return Turn(answer, self._context(answer, text, now, lang=lang), "new", text)

    def _clarify(self, text: str, lang: Lang, what: Literal["person", "thing"]) -> Turn:
        body = t("clarify_person" if what == "person" else "clarify_thing", lang)
        answer = Answer(text, Status.NOT_FOUND, body, lang, examples=tuple(self.engine.examples(lang)))
        return Turn(answer, None, "clarify", text)

    def _context(self, answer: Answer, asked: str, now: dt.datetime, *, lang: Lang | None = None) -> Context:
        q = _read(self.engine, asked, lang or answer.lang, dt.date.today())
        return Context(
            question=asked,
            lang=answer.lang,
            status=answer.status.value,
            facts=answer.facts,
            candidates=answer.candidates if answer.status is Status.AMBIGUOUS else (),
            intents=tuple(sorted(i.value for i in q.intents)),
            round=q.round,
            officials=tuple(q.officials),
            series=tuple(sorted(self.engine.retrieval.strong_series(q))),
            at=now,
        )

    # -- reading the message ----------------------------------------------------------------------

    def _anchored(self, q: Question) -> bool:
        """Does the question name what it is about: an official, a series, a fact, a place (not a
        country), a date?"""
        places = [p for p in q.places if not self.engine.retrieval.is_country_place(p)]
        return bool(
            q.officials or q.named_facts or places or q.date or self.engine.retrieval.strong_series(q)
        )

    @staticmethod
    def _content(q: Question) -> list[str]:
        """The words of the question that are neither a slot cue, a kind of event, a pronoun nor a
        function word: what it says about its subject."""
        text = q.folded
        for pattern in (*INTENT_CUES.values(), *EVENT_KIND_CUES.values()):
            text = pattern.sub(" ", text)
        cue = cues(q.lang)
        for optional in (cue.person, cue.thing, cue.continuation, cue.slot):
            if optional is not None:
                text = optional.sub(" ", text)
        text = re.sub(r"\d+(?:st|nd|rd|th)?", " ", text)
        words = [w for w in canonical(text).split() if w not in FUNCTION_WORDS and w not in cue.filler]
        if q.round is not None:  # "the first", "lần thứ nhất": the round's own words
            words = [w for w in words if w not in EN_ORDINAL_WORDS and w not in VI_NUMBER_WORDS]
        return words

    def _bare(self, q: Question) -> bool:
        """Only slot words, a round, a kind of event: nothing that says which fact."""
        content = [w for w in self._content(q) if w not in _ROUND_WORDS and w not in q.countries]
        return not content

    # -- choosing among candidates ----------------------------------------------------------------

    def _choice(self, text: str, context: Context) -> str | None:
        """The candidate a message picks ("2", "cái thứ hai", "the deputy-level one"), else None."""
        candidates = context.candidates
        lang = detect_language(text, context.lang)
        words = [w for w in re.sub(r"[^\w\s]", " ", fold(text)).split()]
        if not words or len(words) > MAX_CHOICE_WORDS:
            return None
        fillers = cues("vi").filler | cues("en").filler
        core = [w for w in words if w not in fillers]
        joined = " ".join(core)
        number: int | None = None
        if len(core) == 1 and core[0].isdigit():
            number = int(core[0])
        else:
            for cue_lang in (lang, "en" if lang == "vi" else "vi"):
                ordinals = cues(cue_lang).ordinals
                if joined in ordinals:
                    number = ordinals[joined]
                    break
        if number is not None:
            if number == -1:
                return candidates[-1].fact_id
            return candidates[number - 1].fact_id if 1 <= number <= len(candidates) else None
        # a distinguishing word: the one candidate whose label or title has most of the words (not
        # in a message that asks something of its own: "Bùi Thanh Sơn là ai?" is a question)
        folded = fold(text)
        if any(pattern.search(folded) for pattern in INTENT_CUES.values()):
            return None
        wanted = (_grams(joined) | _grams(canonical(joined))) - FUNCTION_WORDS
        labels = [self._label_words(candidate) for candidate in candidates]
        shared = set.intersection(*labels) if labels else set()
        wanted -= shared  # only what tells the candidates apart counts
        if not wanted:
            return None
        scores = [len(wanted & label) for label in labels]
        best = max(scores)
        if best == 0 or scores.count(best) > 1:
            return None
        return candidates[scores.index(best)].fact_id

    def _names_answer(self, q: Question, turn: Turn) -> bool:
        """Is the message's answer, read alone, a fact the message itself names (a word of its name)?"""
        answer = turn.answer
        fact = self.engine.knowledge.get(answer.facts[0]) if answer.facts else None
        if answer.status is not Status.ANSWERED or fact is None:
            return False
        names = {w for name in _names(fact) for w in fold(name).split()}
        return bool(names & set(self._content(q)))

    def _label_words(self, candidate: Candidate) -> set[str]:
        fact = self.engine.knowledge.get(candidate.fact_id)
        names = [candidate.label, *(_names(fact) if fact is not None else [])]
        folded = [fold(name) for name in names]
        return {gram for name in folded for gram in (*_grams(name), *_grams(canonical(name)))}

    # -- merging a follow-up with the context -----------------------------------------------------

    def _merge(
        self,
        q: Question,
        context: Context,
        person: re.Match[str] | None,
        thing: re.Match[str] | None,
        continuation: re.Match[str] | None,
        anchored: bool,
    ) -> tuple[str | None, bool]:
        """The question to ask the engine for a follow-up (None when there is nothing to attach to),
        and whether its answer stands even when it is not found (a round of a known series: "the
        base has no 9th …" is the answer) or the message alone may do better."""
        lang = q.lang
        folded = q.folded.strip()
        knowledge = self.engine.knowledge
        main_id = context.main_fact
        main = knowledge.get(main_id) if main_id else None
        if person is not None:
            name = self._person(context, main)
            return (_splice(folded, person, name) if name else None), True
        if thing is not None:
            if main is None:
                if context.candidates:  # the last answer offered choices: ask again with them
                    return _splice(folded, thing, _strip_slots(context.question)), True
                return None, True
            return _splice(folded, thing, self._title(main, lang)), True
        # a continuation, or no anchor of its own
        rest = folded[continuation.end() :] if continuation is not None else folded
        rest = rest.strip()
        slots = _slot_words(rest)
        if not slots:
            slots = _slot_words(fold(context.question))
        if anchored:  # "còn Bùi Thanh Sơn?": a new subject, the old question
            return _join(lang, slots, _without_slots(rest)), True
        if q.round is not None:
            series_id = self._series_of(main, context)
            if series_id is not None:
                series = knowledge.series(series_id)
                if series is not None:
                    return _join(lang, slots, _round_phrase(series, q.round, lang)), True
            base = _strip_slots(context.question)
            if context.round is not None and re.search(rf"(?<!\d){context.round}(?!\d)", base):
                base = re.sub(rf"(?<!\d){context.round}(?!\d)", str(q.round), base, count=1)
                return _join(lang, slots, base), False
            return None, False
        subject = _without_slots(rest)
        if main is not None:
            return _join(lang, slots, f"{subject} {self._title(main, lang)}".strip()), True
        if context.candidates:
            return _join(lang, slots, f"{subject} {_strip_slots(context.question)}".strip()), True
        return None, True

    @staticmethod
    def _carry(q: Question, context: Context, continuation: re.Match[str]) -> str:
        """The last question's slots and round with the continuation's own words ("còn cấp Thứ
        trưởng?" after the 8th consultation: the 8th at deputy level, asked the same thing)."""
        rest = q.folded.strip()[continuation.end() :].strip()
        slots = _slot_words(rest) or _slot_words(fold(context.question))
        subject = _without_slots(rest)
        if context.round is not None and q.round is None:
            subject += (
                f" {ordinal_en(context.round)} round" if q.lang == "en" else f" lần thứ {context.round}"
            )
        return _join(q.lang, slots, subject)

    def _series_of(self, main: AnyFact | None, context: Context) -> str | None:
        if isinstance(main, Event) and main.series:
            return main.series
        if isinstance(main, Series):
            return main.id
        return context.series[0] if len(context.series) == 1 else None

    def _person(self, context: Context, main: AnyFact | None) -> str | None:
        knowledge = self.engine.knowledge
        if isinstance(main, Official):
            return main.name
        if len(context.officials) == 1:
            official = knowledge.official(context.officials[0])
            if official is not None:
                return official.name
        return None

    @staticmethod
    def _title(fact: AnyFact, lang: Lang) -> str:
        names = _names(fact)
        if isinstance(fact, Official):
            return fact.name
        for attr in (f"title_{lang}", f"name_{lang}"):
            value = getattr(fact, attr, None)
            if isinstance(value, str) and value:
                return value
        return names[0] if names else fact.id


_READ_CACHE: LRUCache[tuple[int, str, Lang | None, dt.date], tuple[Lookup, Question]] = LRUCache(4096)
_READ_LOCK = threading.Lock()


def _read(engine: Lookup, text: str, lang: Lang | None, day: dt.date) -> Question:
    """`analyze`, remembered for recent questions (popular questions repeat; a turn reads its
    question and the question it asked the engine). Keyed by the engine: a reload starts afresh."""
    key = (id(engine), text, lang, day)
    with _READ_LOCK:
        hit = _READ_CACHE.get(key)
    if hit is not None and hit[0] is engine:
        return hit[1]
    q = analyze(text, engine.index, lang=lang, today=day)
    with _READ_LOCK:
        _READ_CACHE[key] = (engine, q)
    return q


_ROUND_WORDS: Final = frozenset("lan thu ky hop round session khoa".split())


def _names(fact: AnyFact) -> list[str]:
    return [
        value
        for attr in ("name", "title_vi", "title_en", "name_vi", "name_en")
        if isinstance(value := getattr(fact, attr, None), str) and value
    ]


def _grams(text: str) -> set[str]:
    """The words of a folded text and its adjacent word pairs ("thu truong" is not "bo truong")."""
    words = text.split()
    return set(words) | {f"{a} {b}" for a, b in itertools.pairwise(words)}


def _slot_words(folded: str) -> str:
    """The slot cues a folded question carries, in order ("dien ra o dau", "ai dong chu tri")."""
    found: list[tuple[int, str]] = []
    for pattern in INTENT_CUES.values():
        found.extend((m.start(), m.group(0)) for m in pattern.finditer(folded))
    seen: list[str] = []
    for _, words in sorted(found):
        if not any(words in other for other in seen):
            seen.append(words)
    return " ".join(seen)


def _without_slots(folded: str) -> str:
    for pattern in INTENT_CUES.values():
        folded = pattern.sub(" ", folded)
    return " ".join(folded.split())


def _strip_slots(question: str) -> str:
    return _without_slots(fold(question))


def _splice(folded: str, match: re.Match[str], replacement: str) -> str:
    return f"{folded[: match.start()]} {fold(replacement)} {folded[match.end() :]}".strip()


def _join(lang: Lang, slots: str, subject: str) -> str:
    subject = fold(subject)
    return f"{slots} {subject}".strip() if lang == "en" else f"{subject} {slots}".strip()


def _round_phrase(series: Series, number: int, lang: Lang) -> str:
    if lang == "en":
        return f"the {ordinal_en(number)} {series.name_en}"
    return f"{series.name_vi} lần thứ {number}"


_CLAUSE_BREAK: Final = re.compile(r"[,;]\s+")


def said_as_two_turns(engine: Lookup, q: Question, today: dt.date) -> Answer | None:
    """ "Chủ tịch nước Phúc thăm Lào tháng mấy, còn chủ tịch Thưởng thì tháng mấy?", "When were
    relations established, and when was the treaty signed?": a question and, after a comma, a second
    one opening like a follow-up. Each is answered as two messages in a row would be, the second read
    in the context the first leaves; None unless both are answered."""
    if EXCLUDED_FIRST.match(q.folded):
        return None  # "Ngoài chuyến thăm X, còn … nào?": what else, besides the first
    cue = cues(q.lang)
    for match in _CLAUSE_BREAK.finditer(q.text):
        head, tail = q.text[: match.start()], q.text[match.end() :]
        said = fold(tail).strip()
        # "…, còn X thì sao?", or "…, ông ấy nói gì?": a continuation, or a pronoun for the first's subject
        if not head.strip() or not (cue.continuation.match(said) or cue.person.search(said)):
            continue
        dialogue = Dialogue(engine)
        first = dialogue.turn(head, None, lang=q.lang, today=today)
        if first.answer.status is not Status.ANSWERED:
            return None
        second = dialogue.turn(tail, first.context, lang=q.lang, today=today)
        return compound.merged(engine, q, [first.answer, second.answer])
    return None

"""The answer engine: a question in, an `Answer` out.

It reads the question (`understanding.analyze`), has `retrieval` rank what survives the hard
constraints the question names (a round, a year, a date, the people, a strongly named series), and
then decides: it answers, asks back when the best facts tie, or says it does not know; and composes
the answer. Abstaining beats guessing: every path that cannot tie its answer to a named anchor
returns `not_found`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import logging
import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from cachetools import LRUCache, cachedmethod

from bot.answering import (
    claims,
    compound,
    details,
    dialogue,
    figures,
    lists,
    occasions,
    relative,
    scoring,
)
from bot.answering.answers import Answer, Candidate, Lang, SourceRef, Status
from bot.answering.retrieval import (
    AGREEMENT_CUE,
    COUNTRY_ALTERNATION,
    NARROW_KINDS,
    ROLE,
    STATEMENT_CUE,
    Ranking,
    Retrieval,
    Scored,
    date_fits,
    event_date_query,
    percent_asked,
    percent_fits,
    roles_asked,
)
from bot.answering.scoring import (
    DETAIL_MIN,
    DETAIL_NEAR,
    FULL_NAME_SCORE,
    PLANNED_ROUNDS_ALIKE,
    POST_WINDOW,
    SERIES_LEAD,
    SERIES_MENTIONED,
    SERIES_STRONG,
    SERIES_TIE,
    STANCE_TOPIC,
    STATEMENT_TIE_MARGIN,
    TIE_MARGIN,
    TOPIC_PICKS,
    UNKNOWN_SHARE,
)
from bot.kb.facts import (
    Agreement,
    Event,
    EventKind,
    Figure,
    FuzzyDate,
    Official,
    Participant,
    Place,
    Position,
    Precision,
    Series,
    Statement,
    StatementKind,
)
from bot.kb.facts import Status as EventStatus
from bot.kb.knowledge import AnyFact, Knowledge, value_key
from bot.nlu.lexicon import (
    ACRONYM,
    AGREED_ASKED,
    AMOUNT_NOUNS,
    CITY_ASKED,
    CONJUNCTIONS,
    COUNTRIES,
    COUNTRY_DATA,
    COUNTRY_PATTERN,
    CUE_WORDS,
    DATE_WORDS,
    DAY_AFTER,
    DAY_ASKED,
    DAYS_BETWEEN,
    DEFINITION_ASKED,
    DIFFER_ASKED,
    DURATION_CUES,
    EACH_ASKED,
    EVENT_ASKED,
    EVERYDAY_WORDS,
    EXCLUDED,
    EXCLUDED_FIRST,
    FIGURE_MEANING_ASKED,
    FIGURES_ASKED,
    FUNCTION_WORDS,
    HAPPENED_ASKED,
    HELD_ASKED,
    HELD_DURING,
    HOME_COUNTRIES,
    HONORIFICS,
    INTENT_WORDS,
    KINDS_ANY_EVENT,
    LASTED_ASKED,
    LATEST_ROUND,
    LEVEL_ASKED,
    MEMBERS_ASKED,
    MENTIONED,
    MONTH_ASKED,
    NAME_ASKED,
    NATIONALITY_ASKED,
    NEXT_ROUND,
    OCCASION_ASKED,
    ONE_EVENT_ASKED,
    PART_PERIOD,
    PLACE_KIND_ASKED,
    POST_COPULAS,
    POST_COUNTRY_ASKED,
    POST_FILLERS,
    POST_START_ASKED,
    POST_STOPS,
    ROLE_WORDS,
    ROUND_ASKED,
    SCENE_OPENERS,
    SIDELINES,
    SIGNED_ASKED,
    SIGNED_AT,
    SUCCESSION,
    SUCCESSION_WITH_POST,
    VENUE_ASKED,
    WH_WORDS,
    WHOLE_PERIOD_ASKED,
    Intent,
    canonical,
    countries_named,
    country_code,
    names_an_anniversary,
)
from bot.nlu.parsing import YEAR_IN_TEXT, DateQuery, amounts
from bot.nlu.text import fold, has_vietnamese_marks
from bot.nlu.understanding import (
    EXACT_MATCH,
    EntityIndex,
    Question,
    analyze,
    event_kind_asked,
    is_function_unit,
    opening_clause,
    singular,
    units,
)
from bot.render.text import (
    Renderer,
    event_date,
    format_date,
    localized,
    nth,
    phrase,
    with_footnotes,
)

log = logging.getLogger(__name__)

MAX_CANDIDATES = 5

_SIDE = re.compile(rf"\bphia ({COUNTRY_ALTERNATION})\b|\b({COUNTRY_ALTERNATION}) side\b")


class Verdict(StrEnum):
    ANSWER = "answer"  # one fact is the answer
    TIED = "tied"  # several fit equally: one answer if they are one thing, a list of a date, or ask
    ASK = "ask"  # what fits best is not what the question names
    NOTHING = "nothing"  # nothing the question anchors
    NO_AMOUNT = "no_amount"  # an amount asked, and no figure holds it


@dataclass(frozen=True)
class Decision:
    verdict: Verdict
    chosen: list[Scored] = field(default_factory=list)
    list_on_date: bool = False  # tied events of the date asked are listed, not asked back


MAX_EACH = 3  # facts at most that 'each' asks for at once, beyond which the question is too broad
BESIDES_WINDOW = 4  # words after "ngoài", "besides" in which the official set aside is named
WH_AFTER_DURING = 2  # words after "on the sidelines of" in which a question word asks for the event


class Engine:
    def __init__(self, knowledge: Knowledge, *, today: Callable[[], dt.date] | None = None) -> None:
        self.knowledge = knowledge
        self.index = EntityIndex.build(knowledge)
        self.render = Renderer(knowledge)
        self._today = today or dt.date.today
        self._examples = {lang: self._make_examples(lang) for lang in ("vi", "en")}
        self._figures = figures.FigureIndex(knowledge.of_kind(Figure))
        # a question is read once: answering a claim or a count reads it, then looks it up again
        self._readings: LRUCache[tuple[str, Lang | None, dt.date], Question] = LRUCache(maxsize=64)
        self._readings_lock = threading.Lock()
        # … and looked up once: a claim, a count of years or an anniversary asks for the plain answer
        # to the question that the last step answers too
        self._answers: LRUCache[tuple[str, Lang | None, dt.date], Answer] = LRUCache(maxsize=64)
        self._answers_lock = threading.Lock()
        # Mechanisms a one-word name identifies ("ACMECS", "CLV"), looked up by word, not by scanning
        self._one_word_series = {
            fold(name): series.id
            for series in knowledge.of_kind(Series)
            for name in (series.name_vi, series.name_en, *series.aliases)
            if len(name.split()) == 1
        }
        self.retrieval = Retrieval(knowledge, self.index, self._figures)

    # public --------------------------------------------------------------------------------------
    def answer(self, question: str, *, lang: Lang | None = None, today: dt.date | None = None) -> Answer:
        # No catch-all here: a failure must reach the tests. The adapters (a Telegram handler, the
        # CLI, the terminal) turn it into a polite reply and a log line with the question.
        day = today or self._today()
        q = self._read(question, lang, day)
        if q.tokens and not q.greeting:
            # a post the opening clause gives someone who never held it is corrected before anything
            # else is read into the question ("When Deputy Minister Nam co-chaired …, who …?")
            premise = claims.post_premise(self, q, day)
            if premise is not None:
                return premise
            record = self._record_asked(q, day) or self._aside_dropped(q, day)
            if record is not None:
                return record
            asked_twice = compound.repeated(q)
            both = compound.answer_both(self, q, *asked_twice, day, whole=True) if asked_twice else None
            if both is not None:
                return both
            first = compound.first_of_two(self, q, day) or compound.same_place(self, q, day)
            if first is not None:
                return first
            turns = dialogue.said_as_two_turns(self, q, day)
            if turns is not None:
                return turns
            anniversary = (
                claims.years_apart(self, q, day)
                or claims.term_length(self, q, day)
                or claims.origin_year(self, q, day)
                or claims.anniversary_year(self, q, day)
                or claims.days_until(self, q, day)
                or claims.days_between(self, q, day)
            )
            if anniversary is not None:
                return anniversary
            if claims.counts_years(q):
                counted = claims.years_since(self, q, day)
                if counted is not None:
                    return counted
            if occasions.asks_about_anniversaries(q):
                return occasions.answer(self, q, day)
            premise = claims.negative_premise(self, q, day) or claims.why_premise(self, q, day)
            if premise is not None:
                return premise
            if claims.is_claim(q):
                return claims.check_claim(self, q, day)
            excluded = self._excluded(q, day)
            others = self._answer(*excluded) if excluded is not None else None
            if others is not None and others.status is not Status.NOT_FOUND:
                # nothing else fits: what the clause names may be what is asked about after all
                return dataclasses.replace(others, question=question)
            halves = compound.split(self, q, day)
            both = compound.answer_both(self, q, *halves, day) if halves else None
            if both is not None:
                return both
            asked = compound.clauses(self, q, day)
            if asked is not None:
                whole = self._answer(question, lang, day)
                return compound.answer_clauses(self, q, whole, *asked, day) or whole
        return self._answer(question, lang, day)

    def _record_asked(self, q: Question, today: dt.date) -> Answer | None:
        """ "Công ước Luật biển mà hai thứ trưởng nhắc tới … là năm nào?": the record the clause is about,
        asked without the clause, when the answer is that record (not a meeting)."""
        text = relative.without_clause(q.text)
        if text is None:
            return None
        answer = self.answer(text, lang=q.lang, today=today)
        fact = self.knowledge.get(answer.facts[0]) if answer.facts else None
        if answer.status is not Status.ANSWERED or not isinstance(fact, Agreement | Figure | Statement):
            return None  # a meeting, a person or a place is asked about with the clause
        # the record is the clause's: one of the meetings the whole question names cited it or made it
        named = {s.fact.id for s in self.retrieval.rank(q).events if s.anchored}
        return dataclasses.replace(answer, question=q.text) if named & self._occasions_of(fact) else None

    def _aside_dropped(self, q: Question, today: dt.date) -> Answer | None:
        """ "Who is Bùi Thái Sơn? he shows up in the 2023 visit file": a person, place or mechanism asked
        about, then a remark on where the asker met the name; the remark asks nothing, so it is no
        part of what is asked (its "2023 visit" would pick the visit instead of the person)."""
        head, mark, remark = q.text.partition("?")
        if not mark or not remark.strip() or "?" in remark or self._read(remark, q.lang, today).intents:
            return None
        asked = self._read(f"{head}?", q.lang, today)
        direct = self._direct(asked) if asked.tokens else None
        if direct is None or direct.status is not Status.ANSWERED:
            return None
        return dataclasses.replace(direct, question=q.text)

    def _occasions_of(self, fact: Agreement | Figure | Statement) -> set[str]:
        """The meetings a record was cited, reported or stated at, or that name it."""
        if isinstance(fact, Agreement):
            return {e.id for e in self.knowledge.linked_events(fact)}
        if isinstance(fact, Figure):
            return {fact.about} if fact.about else set()
        stated = self._stated_at(fact)
        return {stated.id} if stated is not None else set()

    def lookup(self, question: str, lang: Lang, today: dt.date) -> Answer:
        """The plain answer, without reading a claim or a count of years into the question."""
        return self._answer(question, lang, today)

    def read(self, question: str, lang: Lang, today: dt.date) -> Question:
        return self._read(question, lang, today)

    def asked_post(self, q: Question) -> tuple[str, str | None, list[str]] | None:
        """The post a question names: role words, its country, qualifiers ("Bộ trưởng Quốc phòng Lào")."""
        return _asked_post(q)

    @staticmethod
    def title_fits(title_vi: str, role: str, qualifiers: list[str]) -> bool:
        """A post's title is the role asked ("thủ tướng" is not "phó thủ tướng") with every qualifier."""
        title = canonical(fold(title_vi))
        found = re.search(rf"(?:^|\s){re.escape(role)}(?:\s|$)", title)
        deputy = title[: found.start()].strip().endswith("pho") if found else False
        return (
            bool(found)
            and not (deputy and not role.startswith("pho"))
            and all(word in title.split() for word in qualifiers)
        )

    def post_fits(self, position: Position, post: tuple[str, str | None, list[str]]) -> bool:
        """A position is the post asked: its title fits, in the country asked if one is."""
        role, country, qualifiers = post
        return self.title_fits(position.title_vi, role, qualifiers) and country in (None, position.country)

    def countries_in(self, text: str) -> set[str]:
        return countries_named(fold(text))

    def render_date(self, day: dt.date, lang: Lang) -> str:
        return format_date(FuzzyDate.parse(day.isoformat()), lang)

    def answer_fact(self, fact_id: str, *, lang: Lang = "vi") -> Answer:
        fact = self.knowledge.get(fact_id)
        if fact is None:
            return self.not_found(fact_id, lang, None)
        return self.answered(fact_id, [fact], self.render.fact_text(fact, lang), lang, 1.0)

    def subject(self, lang: Lang) -> str:
        """What the base is about, by its two main countries ("Việt Nam–Lào", "Vietnam–Laos"), users'
        own country first: worded from the facts, so another base introduces itself."""
        codes = sorted(self.index.main_countries, key=lambda code: (code not in HOME_COUNTRIES, code))
        names = [getattr(COUNTRY_DATA[code], lang) for code in codes if code in COUNTRY_DATA]
        return "–".join(names)

    def examples(self, lang: Lang) -> list[str]:
        """Two or three questions this base answers, in the given language."""
        return list(self._examples[lang])

    def _make_examples(self, lang: Lang) -> list[str]:
        examples: list[str] = []
        events = [
            f
            for f in self.knowledge.facts
            if isinstance(f, Event) and f.series and f.round and not f.background
        ]
        series_done: set[str] = set()
        for event in events:
            series = self.knowledge.series(event.series or "")
            if series is None or series.id in series_done:
                continue
            series_done.add(series.id)
            name = localized(series, "name", lang)
            examples.append(phrase("example_round", lang, series=name, nth=nth(event.round or 0, lang)))
            break
        officials = [
            f for f in self.knowledge.facts if isinstance(f, Official) and f.country not in HOME_COUNTRIES
        ]
        if officials:
            examples.append(phrase("example_who", lang, name=officials[0].name))
        dated = [
            f
            for f in self.knowledge.facts
            if isinstance(f, Event) and f.date and f.date.has_day and not f.background
        ]
        if dated:
            day = self.render_date(dated[0].date.start if dated[0].date else dt.date.today(), lang)
            example = phrase("example_day", lang, date=day)
            examples.append(example[0].upper() + example[1:])
        return examples[:3]

    @cachedmethod(lambda self: self._readings, lock=lambda self: self._readings_lock)
    def _read(self, text: str, lang: Lang | None, today: dt.date) -> Question:
        return analyze(text, self.index, lang=lang, today=today)

    # decision ------------------------------------------------------------------------------------
    def _excluded(self, q: Question, today: dt.date) -> tuple[str, Lang, dt.date, frozenset[str]] | None:
        """ "Apart from the foreign minister, which Lao leader visited …?", "…, besides the consultation?":
        the rest of the question, and what its opening (or closing) clause names (the facts it finds, and
        the acts of the people among them), which are not the answer."""
        parts = re.split(r"[,;]", q.text, maxsplit=1)
        opening = EXCLUDED_FIRST.match(fold(parts[0]))
        if opening is None:
            # "…, besides the consultation?": the clause closing the question names it
            *before, last = re.split(r"[,;]", q.text.rstrip(" ?!."))
            # (English only: a Vietnamese "…, ngoài ra …" closing a question adds, it excludes nothing)
            closing = EXCLUDED_FIRST.match(fold(last.strip())) if before and q.lang == "en" else None
            if closing is None:
                return None
            parts, opening = [last.strip(), ",".join(before) + "?"], closing
        if len(parts) < 2 or not parts[1].strip():
            return None
        words = parts[0].split()
        lead = len(opening.group(0).split())
        clause, rest = " ".join(words[lead:]), parts[1]
        if not clause or f"{fold(words[lead - 1])} {fold(clause).split()[0]}" in self.index.corpus_pairs:
            return None  # "Ngoại giao Việt Nam …, …": a compound of the base, no "ngoài"
        asked = self._read(rest, q.lang, today)
        if not (asked.event_kinds or Intent.WHO in asked.intents):
            return None  # "ngoài X, hai bên còn bàn gì?": X may be the very meeting asked about
        named = self.lookup(clause, q.lang, today)
        facts = {*named.facts, *(c.fact_id for c in named.candidates)}
        people = {*self._read(clause, q.lang, today).officials}
        people |= {f for f in facts if self.knowledge.official(f) is not None}
        facts |= {e for person in people for e in self.knowledge.events_by_official.get(person, ())}
        if not facts:
            return None
        return rest, q.lang, today, frozenset(facts)

    @cachedmethod(lambda self: self._answers, lock=lambda self: self._answers_lock)
    def _answer(
        self, text: str, lang: Lang | None, today: dt.date, excluded: frozenset[str] = frozenset()
    ) -> Answer:
        """read → (refuse | a question form answered whole) → retrieve (`retrieval`) → decide →
        compose; what the question excludes is no candidate."""
        q = self._read(text, lang, today)
        early = self._refusal(q) or self._direct(q)
        if early is not None:
            return early
        q, latest = self._next_round(q)
        if latest is not None:
            return latest
        ranking = self.retrieval.rank(q)
        following = self._the_day_after(q, ranking)
        if following is not None:
            return following
        undated = self._day_not_given(q, ranking)
        if undated is not None:
            return undated
        if not (q.date or claims.is_claim(q) or any(s.anchored for s in ranking.events + ranking.others)):
            # nothing the question names anchors a fact: a detail inside a long record may (a claim to
            # check, or a date no fact falls on, is left to say what the articles do not have)
            ranking = self.retrieval.rank_by_passages(q)
        if excluded:
            ranking = Ranking(
                [s for s in ranking.events if s.fact.id not in excluded],
                [s for s in ranking.others if s.fact.id not in excluded],
            )
        answer = lists.listing(self, q, ranking) or self._compose(q, self._decide(q, ranking))
        if answer.status is Status.ANSWERED and len(answer.facts) <= 2:
            answer = lists.with_records_named(self, q, answer)
            answer = lists.with_people_listed(self, q, answer)
        if answer.status is Status.NOT_FOUND:
            # "kể tên các quan chức Lào": no fact on a topic, so the officials themselves are asked for
            # ("which officials pledged support for …" is answered by the pledges)
            return lists.officials_listed(self, q) or answer
        return answer

    # read: what no fact can answer ----------------------------------------------------------------
    def _refusal(self, q: Question) -> Answer | None:
        """A greeting, an empty question, or one about someone, somewhere or something the base lacks."""
        if not q.tokens or q.greeting:
            return self.not_found(q.text, q.lang, q, greeting=q.greeting)
        if q.unknown_attribute or q.foreign_countries:
            # "cảng Vũng Áng thuộc tỉnh nào", "who represented Singapore at the retreat": something
            # the base has, asked what its article does not say
            named = self._named_entity(q)
            if named is not None and not q.unknown_names:
                record = self.render.fact_text(named, q.lang)
                text = phrase("not_said_about", q.lang, title=self.render.title(named, q.lang), record=record)
                return self._not_stated(q, named, text)
        if q.unknown_names or q.foreign_countries:
            # say what the base lacks: the person or body named, the country asked about
            countries = [getattr(COUNTRY_DATA[c], q.lang) for c in sorted(q.foreign_countries)]
            missing = ", ".join(dict.fromkeys([*q.unknown_names, *countries]))
            text = phrase("named_unknown", q.lang, names=missing, subject=self.subject(q.lang))
            return self.not_found(q.text, q.lang, q, text=text)
        if q.unknown_attribute or _mostly_unknown(q):
            return self.not_found(q.text, q.lang, q)
        began = self._post_start(q)
        if began is not None:
            return began
        succeeded = self._succession_asked(q)
        if succeeded is not None:
            # "who was ambassador before Siriporn?": the articles give posts as of their dates, never
            # who held one before or after
            text = phrase("succession_unknown", q.lang, name=succeeded.name)
            return self.not_found(q.text, q.lang, q, text=text, facts=[succeeded])
        return None

    def _post_start(self, q: Question) -> Answer | None:
        """ "Đinh Xuân Việt được bổ nhiệm từ khi nào?": the articles give posts as of their dates, never
        when one began; the answer says so, with the posts they give."""
        if len(q.officials) != 1:
            return None
        official = self.knowledge.official(next(iter(q.officials)))
        if official is None or not q.intents & {Intent.WHEN, Intent.WHAT}:
            return None
        if not (POST_START_ASKED.search(q.folded) or self._post_held_when(q, official)):
            return None
        head = phrase("post_start_unknown", q.lang, name=official.name)
        return self._not_stated(q, official, f"{head}\n{self.render.fact_text(official, q.lang)}")

    def _post_held_when(self, q: Question, official: Official) -> bool:
        """ "Lê Hoài Trung làm thứ trưởng hồi năm nào?": when someone held a post said after their name,
        with no act of theirs named."""
        if (
            Intent.WHEN not in q.intents
            or q.event_kinds
            or q.round is not None
            or self.retrieval.strong_series(q)
        ):
            return False
        words = q.canonical.split()
        names = set(canonical(fold(official.name)).split())
        at = max((i for i, w in enumerate(words) if w in names), default=len(words)) + 1
        while at < len(words) and words[at] in POST_COPULAS:  # "làm", "là", "giữ chức"
            at += 1
        role = ROLE.match(" ".join(words[at:]))
        if role is None:
            return False
        # nothing but words of asking after the post: "… thứ trưởng cam kết gì năm nào" names an act
        after = " ".join(words[at:])[role.end() :].split()
        return all(w in FUNCTION_WORDS or w in DATE_WORDS or w in CUE_WORDS for w in after)

    def _succession_asked(self, q: Question) -> Official | None:
        """The official whose predecessor or successor the question asks for ("before Siriporn
        Laokham", "who replaced …", "người tiền nhiệm của …")."""
        if not q.officials or not q.intents & {Intent.WHO, Intent.PROFILE} or DAY_AFTER.search(q.folded):
            return None  # ("hôm sau TT Đức gặp ai": the day after, not who came after him)
        words = q.folded.split()
        cues = [SUCCESSION, *([SUCCESSION_WITH_POST] if ROLE.search(q.canonical) else [])]
        for match in (m for cue in cues for m in cue.finditer(q.folded)):
            at = len(q.folded[: match.end()].split())
            after = self.index.officials_in(words[at : at + 4])
            named = [o for o in after if o in q.officials]
            if named:
                return self.knowledge.official(named[0])
        return None

    @staticmethod
    def _typed_as_named(q: Question, place: Place) -> bool:
        """The place's name is in the question as its sources write it, tone marks and all, when the
        question has marks: "Thủ tướng Lào bao nhiêu tuổi" does not name "Lao Bảo"."""
        if not has_vietnamese_marks(q.text):
            return True
        typed = q.text.lower()
        return any(name.lower() in typed for name in [place.name_vi, place.name_en, *place.aliases])

    def _named_entity(self, q: Question) -> AnyFact | None:
        """The one fact the question names outright: by its whole name, as a place (not a country), or
        by an acronym written in its own title ("CLMV", "DOC")."""
        ids = set(q.named_facts) | {p.id for p in self._places_named_exactly(q) if self._typed_as_named(q, p)}
        for acronym in set(ACRONYM.findall(q.text)):
            titled = {}
            # the word as the index holds it: "ACMECS" is "acmec" there, a final "s" read as a plural
            for fact_id in self.index.facts_with(singular(fold(acronym))):
                fact = self.knowledge.get(fact_id)
                title = self.render.title(fact, "en") if fact is not None else ""
                if acronym in re.findall(r"[^\W_]+", title):
                    titled[fact_id] = title
            # the fact the acronym names, or the one title that holds it ("ASEAN" is in many)
            named = [f for f, title in titled.items() if title == acronym] or list(titled)
            if len(named) == 1:
                ids.add(named[0])
        return self.knowledge.get(next(iter(ids))) if len(ids) == 1 else None

    def _direct(self, q: Question) -> Answer | None:
        """Question forms answered whole, before any ranking: the timeline, a mechanism, a person, a
        place, the holder of a post."""
        if lists.whole_timeline(q):
            everything = [Scored(f, 0.0, True) for f in self.knowledge.facts if isinstance(f, Event)]
            return lists.event_list(self, q, everything)
        if q.officials and self._wants_profile(q):
            return self._series_profile(q) or self._profile(q)
        place = self._bare_place(q)
        return (
            self._series_profile(q)
            or (self._place_profile(q, place) if place is not None else None)
            or lists.mechanisms_listed(self, q)
            or lists.role_holder(self, q)
        )

    # decide ----------------------------------------------------------------------------------------
    def _decide(self, q: Question, ranking: Ranking) -> Decision:
        """The one decision rule: nothing anchored → not found; what fits best is not what the question
        names → ask; an amount asked of no figure → not found; one best → answer it; several within
        the margin → one of them if the question's topic or their links pick it, a list if the
        question asks what happened on a date, else ask."""
        everything = sorted(ranking.events + ranking.others, key=lambda s: s.score, reverse=True)
        ranked = [s for s in everything if s.anchored]
        if (
            not ranked
            and not claims.is_claim(q)
            and AGREEMENT_CUE.search(q.canonical)
            and lists.names_only_the_kind(self, q)
            and self.retrieval.document_topic(q) is None  # "thỏa thuận du lịch": a kind of its own
        ):
            # "văn kiện hợp tác được ký ngày nào?": any of the documents, when one is asked for
            documents = [s for s in everything if isinstance(s.fact, Agreement)]
            if len(documents) > 1:  # one alone is no answer to a question that names none
                return Decision(Verdict.ASK, documents)
        if not ranked:
            return Decision(Verdict.NOTHING)
        if (
            q.primary_kind in NARROW_KINDS
            and q.intents & {Intent.WHEN, Intent.WHERE}
            and not any(isinstance(s.fact, Event) for s in ranked)
        ):
            # "BT Chanwit sang thăm VN hồi nào?": no such visit; a stance of his is no visit
            return Decision(Verdict.NOTHING)
        best = ranked[0]
        if everything[0] is not best and everything[0].score - best.score > TIE_MARGIN:
            # what fits the question best is not firmly named by it, and what is named fits worse
            return Decision(Verdict.ASK, [everything[0], best])
        if DAYS_BETWEEN.search(q.folded):
            return Decision(Verdict.NO_AMOUNT)  # "how many days before …": a count no fact holds
        figure = self._figure_quoted(q)
        if figure is not None:
            return Decision(Verdict.ANSWER, [Scored(figure, best.score, True)])
        if (
            isinstance(best.fact, Figure)
            and best.fact.about
            and (event_kind_asked(q.canonical) or ONE_EVENT_ASKED.search(q.canonical))
            and (reported_at := self.knowledge.event(best.fact.about)) is not None
        ):
            # "at which meeting was the USD 21.5 billion figure cited?": the meeting it was reported at
            return Decision(Verdict.ANSWER, [Scored(reported_at, best.score, True)])
        if (
            Intent.HOW_MUCH in q.intents
            # "what did X say about how much …", "ký năm bao nhiêu" (which year); but "what was the
            # trade turnover in 2023" names an amount
            and (not q.intents & {Intent.LIST, Intent.WHAT, Intent.WHEN} or AMOUNT_NOUNS.search(q.folded))
            and not DURATION_CUES.search(q.folded)
            and not LASTED_ASKED.search(q.folded)  # "how many days was the visit": its day range
            and not isinstance(best.fact, Figure)
        ):
            reported = self._reported_there(q, best)
            if reported is not None:
                return Decision(Verdict.ANSWER, [reported])
            return Decision(Verdict.NO_AMOUNT)  # we hold a few figures; no count or amount beyond them
        if Intent.WHO in q.intents and SIGNED_ASKED.search(q.canonical):
            # "Who signed the Joint Plan of Action?": the one document named whose record names its
            # signers, not the signing ceremony and everyone at it
            documents = [s for s in ranked if isinstance(s.fact, Agreement)]
            document = documents[0].fact if len(documents) == 1 else None
            if isinstance(document, Agreement) and self.names_signers(document):
                return Decision(Verdict.ANSWER, documents)
        container = self._held_within_asked(q, ranked) or self._named_there_asked(q, ranked)
        if container is not None:
            return Decision(Verdict.ANSWER, [container])
        scene = self._within_the_scene(q, ranked)
        if scene:
            return (
                Decision(Verdict.TIED, scene, list_on_date=True)
                if len(scene) > 1
                else Decision(Verdict.ANSWER, scene)
            )
        act = (
            self._act_of(q, best, ranked)
            or self._stance_at(q, best, ranked)
            or self._rare_name_held(q, ranked)
        )
        if act is not None:
            return Decision(Verdict.ANSWER, [act])
        ties = [s for s in ranked if s.score >= best.score - TIE_MARGIN or self._indistinct(q, best, s)]
        # a place named that is no candidate's venue ("bàn về cảng Vũng Áng") is a topic, naming none
        venue_named = any(
            isinstance(s.fact, Event) and self.retrieval.places_of(s.fact) & set(q.places) for s in ranked
        )
        series_named = max(q.series.values(), default=0.0) >= SERIES_MENTIONED  # not "hợp tác" alone
        named_alike = q.officials and not (series_named or q.round or venue_named or q.named_facts)
        if named_alike or (self._series_named_alike(q) and not q.named_facts):
            # "ông Sơn gặp Saleumxay ở đâu?", "where was the 8th political consultation held?": the
            # people, or two mechanisms' names, name each candidate alike; that only one of them holds
            # a place picks none
            ties = [s for s in ranked if s.score - s.holds >= best.score - best.holds - TIE_MARGIN]
        if q.round is not None and max(q.series.values(), default=0.0) < SERIES_STRONG:
            # "cuộc tham vấn lần thứ 2 dự kiến ở đâu?": the round planned of each mechanism the question
            # names only by a word they share fits alike (planned rounds hold no people or date to tell)
            planned = [
                s
                for s in ranked
                if isinstance(s.fact, Event)
                and s.fact.round == q.round
                and s.fact.status is EventStatus.PLANNED
                and s.score >= best.score - PLANNED_ROUNDS_ALIKE
            ]
            if best in planned and len({s.fact.series for s in planned if isinstance(s.fact, Event)}) > 1:
                ties = [*ties, *(s for s in planned if s not in ties)]
        if not STATEMENT_CUE.search(q.canonical):
            # an anniversary stands for its event: asked of without "kỷ niệm", the event is meant
            events = [s for s in ties if not _commemorates(s.fact)]
            if len(events) < len(ties) and any(isinstance(s.fact, Event) for s in events):
                ties = events
        ties = self._not_the_container(q, ties)
        signed = [s for s in ties if isinstance(s.fact, Agreement)]
        if len(signed) == 1 and lists.what_was_signed_asked(q):
            # "Bộ Công Thương ký gì với Thái hồi 2023?": what was signed is the one document among them
            return Decision(Verdict.ANSWER, signed)
        if len(ties) == 1:
            return Decision(Verdict.ANSWER, ties)
        occasion = self._occasion_of_a_call(q, ties)
        if occasion is not None:
            return Decision(Verdict.ANSWER, [occasion])
        if LASTED_ASKED.search(q.folded):
            # "BT Nam ở Thái Lan mấy ngày?": of the tied events, the one that lasted several days
            spans = [
                s
                for s in ties
                if isinstance(s.fact, Event) and s.fact.date and s.fact.date.precision is Precision.DAY_RANGE
            ]
            if len(spans) == 1:
                return Decision(Verdict.ANSWER, spans)
        naming = lists.stance_naming_the_records_asked(self, q, ties)
        if naming is not None:
            # "BT Lào nhắc tới những cơ chế hợp tác tiểu vùng Mê Công nào?": the one fact whose own words
            # name records of the kind asked (its stance "… như CLV, CLMV, ACMECS")
            return Decision(Verdict.ANSWER, [naming])
        named_stances = [
            s for s in ranked if isinstance(s.fact, Statement) and self.retrieval.stance_named(q, s.fact)
        ]
        if (
            len(named_stances) == 1
            and named_stances[0] in ties
            and all(isinstance(s.fact, Event) for s in ties if s not in named_stances)
        ):
            # "which initiative did the Cambodian minister praise?": the one stance of the base in the
            # words asked, not the meeting it was made at or near
            return Decision(Verdict.ANSWER, named_stances)
        # … or by the acronym that is its whole title ("COC khác gì …"), not a stance citing it
        acronyms = set(ACRONYM.findall(q.text))
        quoted = [
            s
            for s in ties
            if isinstance(s.fact, Agreement | Series)
            and (s.fact.id in q.named_facts or self.render.title(s.fact, "en") in acronyms)
        ]
        if len(quoted) == 1:
            # "Kế hoạch Chiến lược của Tầm nhìn Cộng đồng ASEAN hướng tới năm nào?": the document the
            # question names by its name, not a stance that cites it
            return Decision(Verdict.ANSWER, quoted)
        typed = self.index.series_typed_as_written(q.folded)
        as_written = [s for s in ties if isinstance(s.fact, Event) and s.fact.series in typed]
        if typed and len(as_written) == 1 and all(isinstance(s.fact, Event) and s.fact.series for s in ties):
            # "tham khảo chính trị lần 8": of two series named alike, the one called so in its articles
            return Decision(Verdict.ANSWER, as_written)
        if (
            Intent.WHO in q.intents
            and not q.officials
            and not any(isinstance(s.fact, Agreement) for s in ties)
        ):
            # "who congratulated … on the 75th anniversary?": of the tied facts, the one act that names
            # its people answers who; an anniversary or a founding names none (who signed a document
            # is the document's to say)
            with_people = [
                s for s in ties if isinstance(s.fact, Event) and any(p.official for p in s.fact.participants)
            ]
            if len(with_people) == 1:
                return Decision(Verdict.ANSWER, with_people)
        # a topic the question names beyond the event ("… bàn việc tận dụng cảng nào?") picks the one
        # event whose record speaks of it; a stance or an agreement among the ties may be the answer
        # itself, so then the usual rule decides, and so it does when the stance the question names
        # was made at several of them (each holds the topic in a stance's words)
        stances_named = {s.fact.made_at for s in named_stances if isinstance(s.fact, Statement)}
        mentioning = self._mentioning_a_place_named(q, ties) or self._place_of_the_kind_asked(q, ties)
        if mentioning is not None:
            # "cuộc gặp bàn về cảng Vũng Áng diễn ra ở đâu?": the one meeting whose record names the port
            return Decision(Verdict.ANSWER, [mentioning])
        if (
            all(isinstance(s.fact, Event) for s in ties)
            and len(stances_named & {s.fact.id for s in ties}) < 2
        ):
            on_topic = self._on_topic(q, [s for s in ties if isinstance(s.fact, Event)])
            if on_topic is not None:
                return Decision(Verdict.ANSWER, [on_topic])
        if (
            event_date_query(q) is not None
            and not (q.officials or self.retrieval.strong_series(q) or q.round)
            and (
                Intent.LIST in q.intents
                or not q.intents & {Intent.WHAT, Intent.WHO, Intent.WHERE}
                or EVENT_ASKED.search(q.canonical)  # "what was scheduled for …": whatever took place
            )
            and not ONE_EVENT_ASKED.search(q.canonical)  # "… là cuộc họp nào?": one is wanted
        ):
            return Decision(Verdict.TIED, ties, list_on_date=True)
        container = self._one_place_for_all(q, ties)
        if container is not None:
            return Decision(Verdict.ANSWER, [container])
        return Decision(Verdict.TIED, ties + self._alike(q, ties, ranked))

    def _one_place_for_all(self, q: Question, ties: list[Scored]) -> Scored | None:
        """ "Sơn went to the ASEAN retreat — which country hosted it?": tied events that all took place
        at the one place asked for, one of them holding the others (the conference, not the meetings
        on its sidelines), answer alike: that one, with no question back."""
        if Intent.WHERE not in q.intents or q.intents & {Intent.WHEN, Intent.WHAT, Intent.LIST}:
            return None
        events = [s for s in ties if isinstance(s.fact, Event)]
        places = {s.fact.place for s in events if isinstance(s.fact, Event)}
        if len(events) < 2 or len(events) != len(ties) or len(places) != 1 or None in places:
            return None
        return lists.holding_the_others(self, events)

    def _the_day_after(self, q: Question, ranking: Ranking) -> Answer | None:
        """ "The day after the 2022 consultation in Hanoi, who did Kraisorn meet?": the one event of the
        next day, with the people named, after the one event the question names by the rest; after
        events it does not tell apart, the events of each next day are asked back."""
        if not DAY_AFTER.search(q.folded):
            return None
        named = [s for s in ranking.events if s.anchored and isinstance(s.fact, Event)]
        best = max(named, key=lambda s: s.score, default=None)
        if best is None:
            return None
        tied = [s for s in named if s.score >= best.score - TIE_MARGIN]
        following = [e for s in tied if isinstance(s.fact, Event) for e in self._next_day_events(q, s.fact)]
        if len(following) != len(tied):
            return None  # an event asked after with no one event the next day
        if len(following) == 1:
            return self.respond(q, following[0], best.score)
        return self._compose(q, Decision(Verdict.ASK, [Scored(e, best.score, True) for e in following]))

    def _next_day_events(self, q: Question, event: Event) -> list[Event]:
        """The events of the day after the event, with the people the question names."""
        if event.date is None or not event.date.has_day:
            return []
        after = event.date.end + dt.timedelta(days=1)
        people = set(q.officials)
        return [
            e
            for e in map(
                self.knowledge.event, self.knowledge.events_by_month_day.get((after.month, after.day), ())
            )
            if e is not None
            and e.date is not None
            and e.date.start == after
            and people <= {p.official for p in e.participants}
        ]

    def _figure_quoted(self, q: Question) -> Figure | None:
        """ "Con số 9,2% trong bài về UBHH nói về cái gì?": a question quoting an amount asks what the one
        figure of that value is, whatever else it names (the article it was reported in); not when it
        asks how much, or checks a claim."""
        meaning = bool(FIGURE_MEANING_ASKED.search(q.canonical))  # "… là số liệu gì?": the quote's amount
        if claims.is_claim(q) or not (meaning or (q.intents & {Intent.WHAT, Intent.LIST})):
            return None
        if Intent.HOW_MUCH in q.intents and not meaning:
            return None
        ids = {
            i
            for _, value in amounts(q.text)
            for i in self.knowledge.figures_by_value.get(value_key(value), ())
        }
        figure = self.knowledge.get(ids.pop()) if len(ids) == 1 else None
        return figure if isinstance(figure, Figure) else None

    def _named_there_asked(self, q: Question, ranked: list[Scored]) -> Scored | None:
        """ "Tại cuộc gặp ngày 28/1/2024, hai bên nhất trí phối hợp tổ chức tốt kỳ họp nào?": an event of
        the kind asked, of the event the question names (of another kind): the one event of that kind
        its record links to, planned there or named there."""
        kind = event_kind_asked(q.canonical)
        # the event named, though a stance made there may fit the question's words better
        best = next((s for s in ranked if isinstance(s.fact, Event)), None)
        if kind is None or kind in KINDS_ANY_EVENT or best is None or not best.anchored:
            return None
        if q.round is not None and not (isinstance(best.fact, Event) and best.fact.round == q.round):
            # the round is of the kind asked ("kỳ họp lần 5 nào"), not the named event's ("ở tham vấn
            # lần 3 … chuẩn bị kỳ họp nào")
            return None
        named = [s.fact for s in ranked if isinstance(s.fact, Event) and s.score >= best.score - TIE_MARGIN]
        if any(event.event_kind.value == kind for event in named):
            return None  # an event of the kind asked is itself named
        linked = {
            e.id: e
            for event in named
            for e in [
                *self.knowledge.linked_events(event),
                *map(self.knowledge.event, self.knowledge.events_planned_at.get(event.id, ())),
            ]
            if e is not None and e.event_kind.value == kind
        }
        if len(linked) != 1:
            return None
        return Scored(next(iter(linked.values())), best.score, True)

    def _not_the_container(self, q: Question, ties: list[Scored]) -> list[Scored]:
        """ "Ông Sơn gặp BT Lào bên lề hội nghị hẹp ASEAN ngày nào?": of the tied events, the meeting of
        the kind asked held within the event named after "bên lề" / "during", not that event. A meeting
        asked is so without "bên lề" too ("Ông Sơn gặp BT Campuchia ở Phnom Penh hả?": the meeting, not
        the retreat it was held beside); a visit is not (the consultation held during it is no container)."""
        if q.primary_kind is None or not (
            HELD_DURING.search(q.canonical) or q.primary_kind in KINDS_ANY_EVENT
        ):
            return ties
        inner = [s for s in ties if isinstance(s.fact, Event) and s.fact.event_kind.value == q.primary_kind]
        outer = [s for s in ties if s not in inner]
        if (
            inner
            and outer
            and all(
                isinstance(s.fact, Event)
                and any(isinstance(i.fact, Event) and self._held_during(i.fact, s.fact) for i in inner)
                for s in outer
            )
        ):
            return inner
        return ties

    def _held_during(self, inner: Event, outer: Event) -> bool:
        """The inner event's record links the outer one, whose days hold its own (a meeting on the
        sidelines of a conference, a session during a visit)."""
        return (
            outer.id in {e.id for e in self.knowledge.linked_events(inner)}
            and inner.date is not None
            and outer.date is not None
            and outer.date.holds(inner.date)
        )

    def _occasion_of_a_call(self, q: Question, ties: list[Scored]) -> Scored | None:
        """ "Kittikhoun sang VN năm 2015 để làm gì?": of a courtesy call and the meeting it was paid
        during, linked to each other, the meeting is what the visitor came for."""
        events = [s.fact for s in ties if isinstance(s.fact, Event)]
        if len(ties) != 2 or len(events) != 2 or not OCCASION_ASKED.search(q.folded):
            return None
        calls = [e for e in events if e.event_kind is EventKind.RECEPTION]
        others = [e for e in events if e not in calls]
        if len(calls) != 1 or len(others) != 1:
            return None
        linked = {e.id for e in self.knowledge.linked_events(calls[0])}
        return next((s for s in ties if s.fact is others[0]), None) if others[0].id in linked else None

    def _within_the_scene(self, q: Question, ranked: list[Scored]) -> list[Scored]:
        """ "What was lined up for Dec 29 during Saleumxay's trip?": the event named after "during" sets
        the scene; the events held within it on the date asked are what is asked, not the scene."""
        scene = ranked[0].fact
        if (
            q.date is None
            or not HELD_DURING.search(q.canonical)
            or not isinstance(scene, Event)
            or scene.event_kind.value != q.primary_kind
            or scene.date is None
            or q.date.day is None  # "what did he hand over during the December visit": no day asked
            or q.intents - {Intent.WHAT, Intent.LIST, Intent.PLANNED}  # what happened, nothing of the scene
        ):
            return []
        asking = _cue_units(EVENT_ASKED, q) | HONORIFICS
        if details.topic(self.index, q, scene) - asking:
            return []  # something beyond what took place is asked ("what did he hand over")
        # (the kind named is the scene's, so the events within it were no candidates of their own)
        year_events = (
            self.knowledge.event(i) for i in self.knowledge.events_by_year.get(q.date.year or 0, ())
        )
        return [
            Scored(event, ranked[0].score, True)
            for event in year_events
            if event is not None
            and event.id != scene.id
            and event.date is not None
            and date_fits(q.date, event)
            and self._held_during(event, scene)
        ]

    def _held_within_asked(self, q: Question, ranked: list[Scored]) -> Scored | None:
        """ "Ông Sơn gặp ông Saleumxay bên lề hội nghị nào?": the event of the kind asked on whose
        sidelines (or during which) the people named met; only when one such event holds all their
        meetings of another kind."""
        kind = event_kind_asked(q.canonical)
        during = HELD_DURING.search(q.canonical)
        if during is None or not q.officials:
            return None
        if kind is None or kind in KINDS_ANY_EVENT:
            # "on the sidelines of what?", "… of which meeting?": any event, when a question word
            # follows the cue ("what did they discuss on the sidelines of the retreat" asks none)
            beside = SIDELINES.search(q.canonical)
            if beside is None or not set(q.canonical[beside.end() :].split()[:WH_AFTER_DURING]) & WH_WORDS:
                return None
            kind = None
        theirs = [
            s.fact
            for s in ranked
            if isinstance(s.fact, Event)
            and s.fact.event_kind.value != kind
            and set(q.officials) <= {p.official for p in s.fact.participants}
        ]
        within = {
            e.id: e
            for event in theirs
            for e in self.knowledge.linked_events(event)
            if kind in (None, e.event_kind.value) and self._held_during(event, e)  # it holds their days
        }
        if len(within) != 1:
            return None
        container = next(iter(within.values()))
        return Scored(container, ranked[0].score, True)

    @staticmethod
    def _alike(q: Question, ties: list[Scored], ranked: list[Scored]) -> list[Scored]:
        """The other candidates of the same mechanism as all the tied meetings (or of the kind the
        question names), to offer with them when asking back: "kỳ họp Ủy ban Hỗn hợp tổ chức ở đâu?"
        is any of its sessions, not only the two that scored alike."""
        events = [s.fact for s in ties if isinstance(s.fact, Event)]
        if len(events) != len(ties):
            return []
        # "ông Sơn gặp ông Saleumxay khi nào?": every event both people named took part in
        people = set(q.officials) if len(q.officials) > 1 else set()
        if people and all(people <= _people_of(e) for e in events):
            return [
                s
                for s in ranked
                if s not in ties and isinstance(s.fact, Event) and people <= _people_of(s.fact)
            ]
        series = {e.series for e in events}
        by_series = len(series) == 1 and None not in series
        if not by_series and {e.event_kind.value for e in events} != {q.primary_kind}:
            return []
        return [
            s
            for s in ranked
            if s not in ties
            and isinstance(s.fact, Event)
            and (s.fact.series in series if by_series else s.fact.event_kind.value == q.primary_kind)
        ]

    def _places_named_exactly(self, q: Question) -> list[Place]:
        """A venue, a border gate, a port the question names letter for letter: a city or a country is
        the setting of many things ("thời tiết Hà Nội"), and a near match may be other words ("lao la
        bao nhiêu")."""
        return [
            place
            for place_id, score in q.places.items()
            if score >= EXACT_MATCH
            and (place := self.knowledge.place(place_id)) is not None
            and place.place_kind.value not in ("country", "city")
        ]

    def _mentioning_a_place_named(self, q: Question, ties: list[Scored]) -> Scored | None:
        """Of tied events, the one whose record names a place the question names exactly."""
        places = self._places_named_exactly(q)
        if not places:
            return None
        holding = [
            s
            for s in ties
            if isinstance(s.fact, Event)
            and any(s.fact.place == p.id or details.names_place(self.index, s.fact.id, p) for p in places)
        ]
        return holding[0] if len(holding) == 1 and len(ties) > 1 else None

    def _place_of_the_kind_asked(self, q: Question, ties: list[Scored]) -> Scored | None:
        """ "Which port were the two ministers trying to make better use of?": of tied events, the one
        place of the kind asked that one of their records names (the place, with that record)."""
        kinds = {kind for kind, cue in PLACE_KIND_ASKED.items() if cue.search(q.folded)}
        if not kinds:
            return None
        tied = {s.fact.id for s in ties if isinstance(s.fact, Event)}

        # (named as a phrase: the words of "Cảng quốc tế Lào-Việt" are in many records one by one)
        def held_or_named(place: Place) -> set[str]:
            held = self.knowledge.events_by_place.get(place.id, ())
            return {*held, *(e.id for e in self.retrieval.events_naming(place))}

        named = [
            p
            for p in self.knowledge.of_kind(Place)
            if p.place_kind.value in kinds and tied & held_or_named(p)
        ]
        return Scored(named[0], ties[0].score, True) if len(named) == 1 and len(ties) > 1 else None

    def _on_topic(self, q: Question, ties: list[Scored]) -> Scored | None:
        """Of tied events, the one whose record holds clearly more of the question's topic than the
        others. Not for a question on when, where or who: picked so, a slot's answer was too often
        another meeting's (measured on the held-out sets)."""
        if not ties or q.intents & {Intent.WHEN, Intent.WHERE, Intent.WHO}:
            return None
        # each tied event's passages on the topic, read once
        found = [details.passages(self.index, q, s.fact) if isinstance(s.fact, Event) else [] for s in ties]
        covered = sorted(
            ((max((p.coverage for p in passages), default=0.0), i) for i, passages in enumerate(found)),
            key=lambda c: c[0],
            reverse=True,
        )
        best, second = covered[0][0], covered[1][0] if len(covered) > 1 else 0.0
        if best > 0.0 and second <= best - TOPIC_PICKS:
            return ties[covered[0][1]]
        # several records speak of it alike: the one where the one person the question names says it
        # ("… against COVID-19, according to Minister Son"); two people named are both in each of their
        # meetings, and naming one picks none
        if len(q.officials) != 1:
            return None
        forms = details.full_names(self.index, set(q.officials))
        saying = [
            ties[i]
            for coverage, i in covered
            if coverage > 0.0
            and coverage > best - TOPIC_PICKS
            and any(details.names_one(forms, p.vi) for p in found[i])
        ]
        return saying[0] if len(saying) == 1 else None

    @staticmethod
    def _series_named_alike(q: Question) -> bool:
        """Two mechanisms are named equally well, and well, or by the words they share with the round
        asked: "the 8th political consultation", "họp chính trị lần 8"."""
        shares = sorted(q.series.values(), reverse=True)
        named = shares[0] >= SERIES_STRONG if shares else False
        with_round = q.round is not None and bool(shares) and shares[0] >= SERIES_MENTIONED
        return len(shares) > 1 and (named or with_round) and shares[0] - shares[1] <= SERIES_TIE

    def _next_round(self, q: Question) -> tuple[Question, Answer | None]:
        """ "Kỳ họp tiếp theo …", "the next consultation": the series' latest round when the articles
        give it as planned; when its latest round was held, the base knows no next one."""
        latest_asked = bool(LATEST_ROUND.search(q.folded)) and not NEXT_ROUND.search(q.folded)
        if DAY_AFTER.search(q.folded):
            return q, None  # "the day after the consultation": the next day, not the next round
        if q.round is not None or not q.series or not (NEXT_ROUND.search(q.folded) or latest_asked):
            return q, None
        # the series named first among the others, even partly ("the next deputy-level consultation")
        ranked = sorted(q.series.items(), key=lambda item: item[1], reverse=True)
        series_id, best = ranked[0]
        if best < SERIES_MENTIONED or (len(ranked) > 1 and best - ranked[1][1] < SERIES_LEAD):
            return q, None
        rounds = [e for e in self.rounds_of(series_id) if e.round is not None]
        if latest_asked:
            # "đã họp tới phiên thứ mấy rồi": the latest round held, not one only planned
            rounds = [e for e in rounds if e.status is not EventStatus.PLANNED]
            year = q.date.year_end or q.date.year if q.date is not None else None
            if year is not None:
                # "tính đến 2023 đã họp bao nhiêu kỳ": as of the year named, which no longer dates it
                rounds = [e for e in rounds if e.date is not None and e.date.start.year <= year]
            held = max(rounds, key=lambda e: e.round or 0) if rounds else None
            if held is None:
                return q, None
            # "bao nhiêu kỳ": the count is the latest round's number, no amount a figure holds
            return dataclasses.replace(
                q, round=held.round, date=None, intents=q.intents - {Intent.HOW_MUCH}
            ), None
        if not rounds:
            return q, None
        latest = max(rounds, key=lambda e: e.round or 0)
        if latest.status is EventStatus.PLANNED:
            return dataclasses.replace(q, round=latest.round), None
        name = self.render.title(self.knowledge.get(series_id) or latest, q.lang)
        text = phrase("no_next_round", q.lang, series=name, nth=nth(latest.round or 0, q.lang))
        return q, self.not_found(q.text, q.lang, q, text=text, facts=[latest])

    @staticmethod
    def _act_of(q: Question, best: Scored, ranked: list[Scored]) -> Scored | None:
        """ "Hiệp ước … ký ngày nào?", "when was the congratulation on the army's 75th anniversary?": the
        act itself — the signing of a document, the meeting where a stance was stated — when the
        question names it too and it is dated more precisely than the record (a day, not just a year)."""
        record = best.fact
        if Intent.WHEN not in q.intents:
            return None
        if isinstance(record, Agreement):
            own_rank = _precision_rank(record)
        elif isinstance(record, Statement):
            own_rank = _PRECISION[Precision.YEAR] if record.year else 0  # a stance carries a year at most
        else:
            return None
        for s in ranked:
            event = s.fact
            if not isinstance(event, Event) or event.date is None:
                continue
            if isinstance(record, Agreement):
                acts = event.event_kind is EventKind.SIGNING and (
                    record.id in event.related or event.id in record.related
                )
            else:
                acts = record.made_at == event.id and bool(_own_words(event, record) & q.units)
            if acts and _PRECISION[event.date.precision] > own_rank:
                return s
        return None

    def _day_not_given(self, q: Question, ranking: Ranking) -> Answer | None:
        """ "Tham vấn lần 8 năm 2021 diễn ra ngày 28 hay 29/12?": no event falls on the day asked, and the
        one that fits in that month has no day in its article: it says so, with the month it gives."""
        if (
            q.date is None
            or q.date.day is None
            or q.date.year is None
            or q.round is None
            or Intent.WHEN not in q.intents
            or any(s.anchored for s in ranking.events)
        ):
            return None
        month = dataclasses.replace(q, date=DateQuery(year=q.date.year, month=q.date.month))
        decision = self._decide(month, self.retrieval.rank(month))
        event = decision.chosen[0].fact if decision.verdict is Verdict.ANSWER else None
        if not isinstance(event, Event) or event.date is None or event.date.has_day:
            return None
        return claims.day_missing(self, q, event)

    def _stance_at(self, q: Question, best: Scored, ranked: list[Scored]) -> Scored | None:
        """ "Ông Minh nói VN sẽ ủng hộ Lào làm Chủ tịch ASEAN năm nào?": the one stance made at the
        event that fits best whose own words hold the kind of stance the question names, not the
        event; only when no other event fits about as well (a stance of each is a question back)."""
        if not isinstance(best.fact, Event) or q.intents & {Intent.WHERE, Intent.WHO, Intent.HOW_MUCH}:
            return None  # a slot of the event, or a count
        if any(
            isinstance(s.fact, Event) and s is not best and s.score >= best.score - TIE_MARGIN for s in ranked
        ):
            return None
        # the stances made there; asked what was set at the meeting ("hẹn chuẩn bị … kỷ niệm năm nào?"),
        # one none of the question's words ranked too (not when a day of the meeting is asked)
        ranked_there = {s.fact.id: s for s in ranked if isinstance(s.fact, Statement)}
        unranked = q.date is None or q.date.day is None
        made_there = [
            ranked_there.get(i) or Scored(fact, best.score, True)
            for i in self.knowledge.statements_at.get(best.fact.id, ())
            if isinstance(fact := self.knowledge.get(i), Statement) and (unranked or i in ranked_there)
        ]
        named = [s for s in made_there if self.retrieval.stance_named(q, s.fact)]
        if len(named) == 1:
            return named[0]
        # "Ông Minh khẳng định VN dành mức ưu tiên nào cho quan hệ với Lào?": the one stance whose own
        # words hold most of what the question asks of the event, clearly more than any other's
        wanted = details.topic(self.index, q, best.fact)
        held = sorted(
            ((details.topic_held(self.index, wanted, s.fact.id), s) for s in made_there),
            key=lambda pair: pair[0],
            reverse=True,
        )
        if held and held[0][0] >= STANCE_TOPIC and (len(held) == 1 or held[1][0] < held[0][0] - DETAIL_NEAR):
            return held[0][1]
        return None

    def _rare_name_held(self, q: Question, ranked: list[Scored]) -> Scored | None:
        """ "What did minister Chanwit say about UNESCO?": of the facts the question names, the one
        stance (else the one fact) whose own text holds the one rare acronym it asks about, when the
        best named does not."""
        # acronyms as typed (a long foreign word may be a person's name)
        names = {fold(a) for a in ACRONYM.findall(q.text)} & self.index.rare_names(q.text)
        if Intent.WHAT not in q.intents or len(names) != 1:
            return None
        holding = [s for s in ranked if s.anchored and s.fact.id in self.index.facts_with(next(iter(names)))]
        if not holding or holding[0] is ranked[0]:
            return None
        stances = [s for s in holding if isinstance(s.fact, Statement)] or holding
        return stances[0] if len(stances) == 1 else None

    # compose ---------------------------------------------------------------------------------------
    def _compose(self, q: Question, decision: Decision) -> Answer:
        chosen = decision.chosen
        match decision.verdict:
            case Verdict.NOTHING:
                return self.not_found(q.text, q.lang, q, text=self._why_nothing(q))
            case Verdict.NO_AMOUNT:
                return self.not_found(q.text, q.lang, q)
            case Verdict.ASK:
                return self.ambiguous(q, chosen)
            case Verdict.ANSWER:
                return self.respond(q, chosen[0].fact, chosen[0].score)
        merged = self._merge_ties(q, chosen)  # tied facts that are one answer (an act and its record)
        if merged is not None:
            return merged
        if decision.list_on_date:
            return lists.event_list(self, q, [s for s in chosen if isinstance(s.fact, Event)] or chosen)
        stances = [s.fact for s in chosen if isinstance(s.fact, Statement)]
        if (
            len(stances) == len(chosen)
            and len({f.statement_kind for f in stances}) == 1
            and self._stances_asked(q)
        ):
            # "what position did they take on the East Sea?": the stances of one kind, one per year,
            # are together the answer; no question back
            return lists.stance_list(self, q, stances, chosen[0].score)
        if EACH_ASKED.search(q.folded) and len(chosen) <= MAX_EACH:
            # "the two cooperation agreements: when was each one signed?": each is wanted, none is asked back
            both = compound.merged(self, q, [self.respond(q, s.fact, s.score) for s in chosen])
            if both is not None:
                return both
        return self.ambiguous(q, chosen)

    @staticmethod
    def _stances_asked(q: Question) -> bool:
        """What was said or agreed, nothing that one meeting's date or place would answer."""
        return q.date is None and q.round is None and not q.intents & {Intent.WHEN, Intent.WHERE, Intent.WHO}

    def _series_profile(self, q: Question) -> Answer | None:
        """ "ACMECS là gì?", "Ủy ban liên Chính phủ là cơ chế cấp nào?", "which rounds of X do you have?":
        one mechanism named, nothing narrowing it to a meeting: what it is and the rounds the base holds."""
        # a one-word name ("ACMECS", "CLV") names its mechanism whenever it stands in the question
        named = self.retrieval.strong_series(q) or {
            self._one_word_series[w] for w in q.folded.split() if w in self._one_word_series
        }
        if DIFFER_ASKED.search(q.folded) and len(named) == 1 and q.round is None and q.date is None:
            # two mechanisms compared, one named more fully than the other
            named = compound.series_side_by_side(self, q, self._today()) or named
        if q.round is not None or q.date is not None or q.officials or not named:
            return None
        if len(named) > 1:
            # "Tham vấn cấp Bộ trưởng và Tham khảo cấp Thứ trưởng khác nhau thế nào?": what each is
            return self._series_compared(q, named) if DIFFER_ASKED.search(q.folded) else None
        if any(isinstance(self.knowledge.get(f), Agreement) for f in q.named_facts):
            return None  # "Thỏa thuận … bao gồm những cuộc tham vấn nào?": what the document says
        members = MEMBERS_ASKED.search(q.folded)
        if not (members or DEFINITION_ASKED.search(q.folded) or q.intents & {Intent.LIST, Intent.PROFILE}):
            return None
        # ("gồm mấy nước nào": its members, which the profile says the articles do not list)
        if (q.intents & {Intent.WHEN, Intent.WHERE, Intent.HOW_MUCH} and not members) or (
            Intent.WHO in q.intents and not NAME_ASKED.search(q.folded) and not LEVEL_ASKED.search(q.folded)
        ):
            # "các kỳ họp … diễn ra ở đâu" asks about the meetings ("its full name" is its own, and so is
            # "mỗi bên cấp nào dẫn đầu", its level)
            return None
        series = self.knowledge.series(next(iter(named)))
        if series is None:
            return None
        events = self.rounds_of(series.id)
        text = self.render.series_profile(series, events, q.lang)
        if members:
            # "CLMV gồm những nước nào?": the countries a record names are the base's, not its members
            missing = phrase("members_missing", q.lang, title=self.render.title(series, q.lang))
            return self._not_stated(q, series, f"{missing}\n{text}")
        facts: list[AnyFact] = [series, *events]
        return self.answered(q.text, facts, text, q.lang, 1.0)

    def _series_compared(self, q: Question, named: set[str]) -> Answer | None:
        """Each mechanism named, with the rounds the base holds, in the order the question names them."""
        series = sorted(
            (s for s in map(self.knowledge.series, named) if s is not None),
            key=lambda s: _first_at(
                q.canonical, (canonical(fold(n)) for n in (s.name_vi, s.name_en, *s.aliases))
            ),
        )
        facts: list[AnyFact] = []
        texts = []
        for one in series:
            events = self.rounds_of(one.id)
            texts.append(self.render.series_profile(one, events, q.lang))
            facts += [one, *events]
        return self.answered(q.text, facts, "\n\n".join(texts), q.lang, 1.0) if len(series) > 1 else None

    def rounds_of(self, series_id: str) -> list[Event]:
        """The events of a mechanism, by round."""
        events = (self.knowledge.event(i) for i in self.knowledge.events_by_series.get(series_id, ()))
        return sorted((e for e in events if e), key=lambda e: e.round or 0)

    def _title_of_someone_named(self, q: Question) -> bool:
        """The post the question names is the title of a person it names ("gặp Bộ trưởng Sơn"): a name
        of theirs follows it within a few words."""
        match = ROLE.search(q.canonical)
        # (a country after the post is the post's: "Đại sứ Việt Nam" is not "Bộ trưởng Nam")
        after = (
            set(q.canonical[match.end() :].split()[:POST_WINDOW]) - self.index.country_words
            if match
            else set()
        )
        return any(
            after & set(fold(name).split())
            for official in map(self.knowledge.official, q.officials)
            if official is not None
            for name in (official.name, *official.aliases)
        )

    def _wants_profile(self, q: Question) -> bool:
        post = self.asked_post(q)
        if (
            post is not None
            and Intent.WHO in q.intents
            and (q.event_kinds or q.places or q.date)
            and not any(self._holds(o, post) for o in q.officials)
            and not self._title_of_someone_named(q)
        ):
            # "Đại sứ VN tại Thái Lan đi cùng đoàn Bộ trưởng Nam là ai?": who held a post at an act of
            # the person named, not that person
            return False
        if (
            len(q.officials) == 1
            and q.intents == {Intent.WHERE}
            and NATIONALITY_ASKED.search(q.canonical)
            and not (q.event_kinds or q.round or q.date or q.places or self.retrieval.strong_series(q))
        ):
            return True  # "thứ trưởng Đức là quan chức nước nào?": whose official, not where
        if (
            ROLE.search(q.canonical)
            and POST_COUNTRY_ASKED.search(q.canonical)
            and not q.intents - {Intent.WHERE, Intent.WHAT, Intent.WHO, Intent.PROFILE}
            and not (q.event_kinds or q.round or q.date or q.places or self.retrieval.strong_series(q))
        ):
            return True  # "Hà và Siriporn là đại sứ nước nào?": the post each holds, for whom
        if (
            q.round is not None
            or q.date is not None
            or self.retrieval.strong_series(q)
            or q.event_kinds - {"consultation"}
        ):
            # "who did Minh receive on 20/7/2015, and in what role": an act on a date, not a profile
            dated_act = (
                Intent.WHO in q.intents and q.date is not None and bool(q.event_kinds - {"consultation"})
            )
            return Intent.PROFILE in q.intents and not (
                q.round or self.retrieval.strong_series(q) or dated_act
            )
        if Intent.PROFILE in q.intents:
            return True
        name_tokens = sum(
            len(fold(o).split()) for o in q.officials
        )  # rough: names are most of a bare question
        return len(q.tokens) <= max(4, name_tokens + 2) and not (q.intents - {Intent.WHO, Intent.PROFILE})

    def _why_nothing(self, q: Question) -> str | None:
        """Say which constraint found nothing, when the question named one: a round or a date."""
        lang = q.lang
        series = self.retrieval.strong_series(q)
        if q.round is not None and len(series) == 1:
            named = self.knowledge.series(next(iter(series)))
            in_series = self.knowledge.events_by_series.get(named.id, ()) if named else ()
            rounds = sorted({e.round for e in map(self.knowledge.event, in_series) if e and e.round})
            if named and rounds and q.round not in rounds:  # the round exists: something else did not fit
                known = ", ".join(map(str, rounds))
                name = localized(named, "name", lang)
                return phrase("round_missing", lang, series=name, nth=nth(q.round, lang), known=known)
        date = event_date_query(q)
        if date is not None and self.retrieval.about_the_date(q) and not self.retrieval.any_on(date):
            # (events on the date that something else the question names left out: no date is empty)
            return phrase("date_empty", lang, when=date.describe(lang))
        return None

    def _bare_place(self, q: Question) -> Place | None:
        """'Vũng Áng', 'Nhà khách Chính phủ': a question that is only the name of a place (not a country)."""
        # "Mũi Sao là cái gì thế?", "what is Lao Bao?": what the place is, asked as a definition
        # … and "Mũi Sao là gì, sao lại được nhắc tới?": why it is spoken of is what the records naming it say
        defined = (
            {Intent.WHAT} if DEFINITION_ASKED.search(q.folded) or MENTIONED.search(q.canonical) else set()
        )
        if q.officials or q.round or q.date or q.intents - {Intent.WHERE, Intent.PROFILE, *defined}:
            return None
        places = [p for p in (self.knowledge.place(i) for i in q.places) if p and p.place_kind != "country"]
        if len(places) != 1:
            return None
        if ROUND_ASKED.search(q.canonical) and len(self.knowledge.events_by_place.get(places[0].id, ())) == 1:
            return None  # "phiên họp ở Trat là phiên thứ mấy": the one meeting held there, by its round
        names = [places[0].name_vi, places[0].name_en, *places[0].aliases]
        name_tokens = min(len(fold(n).split()) for n in names)
        if len(q.tokens) <= name_tokens + 2:
            return places[0]
        # "cửa khẩu Đen-xa-vẳn đi cặp với cửa khẩu nào bên mình?": nothing but the place's own words
        # and words that name nothing
        own = {w for n in names for w in canonical(fold(n)).split()}
        # "cảng Vũng Áng nằm ở tỉnh nào": where it lies is the profile's first line
        asked = MENTIONED.sub(" ", CITY_ASKED.sub(" ", q.canonical)).split()
        rest = [t for t in asked if t not in own and t not in INTENT_WORDS | EVERYDAY_WORDS | FUNCTION_WORDS]
        return places[0] if not rest else None

    def _place_profile(self, q: Question, place: Place) -> Answer:
        """The place, where it lies, and what the base says happened there or about it."""
        lang = q.lang
        events = [
            e
            for e in (self.knowledge.event(i) for i in self.knowledge.events_by_place.get(place.id, ()))
            if e
        ]
        held_there = bool(events)
        if not held_there:  # nothing was held there: the events whose text names it, and what they say
            events = self.retrieval.events_naming(place)
        lines = [self.render.place(place.id, lang)]
        if events:
            lines.append(phrase("related_lead", lang))
            for e in events[: lists.MAX_LIST]:
                lines.append(f"• {event_date(e, lang)}: {self.render.title(e, lang)}")
                said = [] if held_there else details.points_naming(e, place)
                lines += [f"  – {getattr(point, lang)}" for point in said]
        answer = self.answered(q.text, [place, *events], "\n".join(lines), lang, 1.0)
        within = [self.knowledge.place(p) for p in self.knowledge.place_chain(place.id) if p != place.id]
        if CITY_ASKED.search(q.canonical) and not any(p and p.place_kind.value == "city" for p in within):
            # "cảng Vũng Áng nằm ở tỉnh nào": the article gives no city or province for it
            text = phrase("not_said_about", lang, title=self.render.title(place, lang), record=answer.text)
            return dataclasses.replace(answer, text=text, not_stated=True)
        return answer

    def _indistinct(self, q: Question, best: Scored, other: Scored) -> bool:
        """Two statements of one kind (two positions on the East Sea, say) differ in the articles' wording
        more than in substance: a wider margin keeps the question from picking one on wording alone."""
        if other is best or not other.anchored:
            return False
        a, b = best.fact, other.fact
        if isinstance(a, Agreement) and isinstance(b, Agreement) and q.date is None:
            # alike but for their years ("Thỏa thuận hợp tác … giai đoạn 2014-2020 / 2021-2025"), unless
            # the question quotes one whole: however the wording scores them, it names both alike
            return (
                _without_numbers(a.name_vi) == _without_numbers(b.name_vi)
                and not {a.id, b.id} & q.named_facts
            )
        if (
            isinstance(a, Event)
            and isinstance(b, Event)
            and a.series is not None
            and a.series == b.series
            and not (q.round or q.date or q.officials or Intent.PLANNED in q.intents)
            and all(
                self.retrieval.is_country_place(p)
                or (p in self.retrieval.places_of(a)) == (p in self.retrieval.places_of(b))
                for p in q.places
            )
        ):
            # two rounds of one mechanism, and the question names nothing that tells one from the other
            # (no round, year, person, nor a venue of one only): its words fit one record better only by
            # how it is worded
            return True
        if other.score < best.score - STATEMENT_TIE_MARGIN:
            return False
        if isinstance(a, Statement) and isinstance(b, Statement):
            return a.statement_kind == b.statement_kind
        if q.round is not None or q.date is not None or Intent.PLANNED in q.intents:
            return False
        # two rounds of one series: a question naming no round or year names both alike
        return isinstance(a, Event) and isinstance(b, Event) and a.series is not None and a.series == b.series

    def _participant_country(self, participant: Participant) -> str | None:
        official = self.knowledge.official(participant.official or "")
        if official is not None:
            return official.country
        label = canonical(fold(participant.label_vi or ""))
        named = [country_code(m.group(0)) for m in COUNTRY_PATTERN.finditer(label)]
        return next((code for code in named if code in self.index.base_countries), None)

    def _who_missing(self, q: Question, event: Event) -> str:
        """The people asked about are not named: say so, with the roles the article gives instead."""
        title = self.render.title(event, q.lang)
        asked = q.countries & self.index.base_countries
        labels = [
            self.render.person(p, q.lang)
            for p in event.participants
            if not p.official and (len(asked) != 1 or self._participant_country(p) in asked)
        ]
        date = event_date(event, q.lang)
        if not labels:
            return phrase("who_missing", q.lang, title=title, date=date)
        return phrase("who_unnamed", q.lang, title=title, date=date, labels="; ".join(labels))

    def _unnamed_person_asked(self, q: Question, event: Event) -> bool:
        """'Who was the Vietnamese co-chair?' when the article names nobody on that side."""
        side = _SIDE.search(q.canonical)
        if side is not None:
            country = country_code(side.group(1) or side.group(2))
            return not any(p.official and self._participant_country(p) == country for p in event.participants)
        if not any(p.official for p in event.participants):
            return True  # roles only ("hai Phó Thủ tướng"): nobody is named
        named = {p.official for p in event.participants if p.official}
        only_who = not q.intents & {Intent.WHEN, Intent.WHERE}
        if only_who and q.officials and named <= set(q.officials) and len(event.participants) == len(named):
            return True  # "ông Phúc sang Lào gặp ai?": the article names only the one asked about
        post = self.asked_post(q)
        if post is not None and any(self._holds(p.official, post) for p in event.participants if p.official):
            return False  # "which Colonel General led …": someone of that rank is named there
        asked = q.countries & self.index.base_countries
        if NAME_ASKED.search(q.folded) or len(asked) == 1:
            # "tên là gì", or "who represented the Lao ministry": the people of the country asked
            people = [p for p in event.participants if not asked or self._participant_country(p) in asked]
            return bool(people) and not any(p.official for p in people)
        return False

    def _holds(self, official_id: str, post: tuple[str, str | None, list[str]]) -> bool:
        official = self.knowledge.official(official_id)
        return official is not None and any(self.post_fits(p, post) for p in official.positions)

    def _merge_ties(self, q: Question, ties: list[Scored]) -> Answer | None:
        """Tied facts that are one answer: linked facts about one thing, or a set of like statements."""
        # the statement is the more precise answer, except to "when": the meeting where it was stated
        # has the day
        if Intent.WHEN in q.intents:
            tied = {s.fact.id for s in ties}
            ties = [s for s in ties if not (isinstance(s.fact, Statement) and s.fact.made_at in tied)]
        else:
            said_at = {f.made_at for f in (s.fact for s in ties) if isinstance(f, Statement)}
            ties = [s for s in ties if s.fact.id not in said_at]
        facts = [s.fact for s in ties]
        if len({f.id for f in facts}) == 1:
            return self.respond(q, facts[0], ties[0].score)
        # An event and the document or statement it is about (the Treaty and its signing) are one
        # answer; two linked events (a conference and a meeting on its sidelines) are two.
        events = [f for f in facts if isinstance(f, Event)]
        linked = (
            len(facts) == 2
            and len(events) == 1
            and any(f.id in events[0].related or events[0].id in getattr(f, "related", []) for f in facts)
        )
        if linked:
            # "who signed the MoU?": the document whose record names its signers, not the ceremony
            best = max(
                ties,
                key=lambda s: (
                    Intent.WHO in q.intents and isinstance(s.fact, Agreement) and self.names_signers(s.fact),
                    scoring.score(self.retrieval.fits_question(q, s.fact)),
                    _precision_rank(s.fact),
                    s.score,
                ),
            )
            return self.respond(q, best.fact, best.score)
        first = facts[0]
        if isinstance(first, Figure) and all(f in self._figures.companions(first) for f in facts[1:]):
            # figures quoted in one sentence (a value and its growth) are answered together
            lead = min(ties, key=lambda s: self._figure_order(q, s.fact))
            return self.respond(q, lead.fact, lead.score)
        if (
            all(isinstance(f, Statement) for f in facts)
            and len({getattr(f, "statement_kind", None) for f in facts}) == 1
            and len({getattr(f, "year", None) for f in facts}) == 1
            and getattr(facts[0], "year", None) is not None
        ):
            ordered = sorted(facts, key=lambda f: (getattr(f, "year", None) or 0, f.id))
            text = "\n".join(f"• {self.render.fact_text(f, q.lang)}" for f in ordered)
            return self.answered(q.text, ordered, text, q.lang, ties[0].score)
        return None

    # answers -------------------------------------------------------------------------------------
    def respond(self, q: Question, fact: AnyFact, score: float) -> Answer:
        lang = q.lang
        if isinstance(fact, Event):
            return self._event_answer(q, fact, score)
        if isinstance(fact, Place):
            return self._place_profile(q, fact)  # where it lies, and what the base says happened there
        if Intent.WHERE in q.intents and not q.intents - {Intent.WHERE, Intent.PLANNED}:
            # agreements, figures and statements hold no place: a stance is placed by the meeting
            # where it was stated, else the article does not say where
            made_at = self._stated_at(fact)
            if made_at is not None and made_at.place:
                where = self.render.where_phrase(made_at, lang)
                title, event = self.render.title(fact, lang), self.render.title(made_at, lang)
                text = phrase("said_at", lang, title=title, event=event, when=where)
                return self.answered(q.text, [fact, made_at], text, lang, score)
            text = phrase("where_missing", lang, title=self.render.title(fact, lang))
            return self._not_stated(q, fact, text, score)
        if isinstance(fact, Figure):
            # "năm 2021 khoảng bao nhiêu" of a 2022 value and its growth on 2021: work it out (a year
            # the question compares with, "tăng bao nhiêu % so với 2021", asks for no earlier value)
            sentence = [fact, *self._figures.companions(fact)]
            derived = figures.earlier_value(sentence, q.folded, lang)
            if derived is not None:
                shown: list[AnyFact] = [derived.value, derived.growth]
                text = "\n".join([*(self.render.fact_text(f, lang) for f in shown), derived.text])
                return self.answered(q.text, shown, text, lang, score)
            rest = figures.share_done(fact, q.folded, lang)
            if rest is not None:
                # "đã phân giới cắm mốc được bao nhiêu phần trăm" of the share still to be demarcated
                return self.answered(
                    q.text, [fact], f"{rest}\n{self.render.fact_text(fact, lang)}", lang, score
                )
        if isinstance(fact, Figure) and self._figure_differs(q, fact):
            # "cả năm 2021" of a figure for 11 months, "rice exports" of a trade total: not this figure
            text = phrase("figure_only", lang, figure=self.render.fact_text(fact, lang))
            return self.not_found(q.text, lang, q, text=text, facts=[fact])
        if (
            isinstance(fact, Agreement)
            and Intent.WHO in q.intents
            and not q.intents & {Intent.PROFILE, Intent.WHAT}
            and not self.names_signers(fact)
        ):
            # "ai ký …": the articles name the parties, not the people who signed
            text = phrase(
                "signers_missing",
                lang,
                title=self.render.title(fact, lang),
                parties=localized(fact, "parties", lang),
            )
            return self._not_stated(q, fact, text, score)
        side = self._unnamed_signing_side(q, fact) if Intent.WHO in q.intents else None
        if side is not None:
            # "thứ trưởng bộ thương mại Thái ký MoU tên là gì": the record names the other side's signer
            # only, and this side's by post
            country = getattr(COUNTRY_DATA[side], lang) if side in COUNTRY_DATA else side
            text = phrase("signer_unnamed", lang, country=country, title=self.render.title(fact, lang))
            return self._not_stated(q, fact, f"{text}\n{self.render.fact_text(fact, lang)}", score)
        undated = (isinstance(fact, Agreement) and fact.signed is None) or (
            isinstance(fact, Statement) and fact.year is None and fact.period_start is None
        )
        if Intent.WHEN in q.intents and isinstance(fact, Statement) and HELD_ASKED.search(q.canonical):
            # "Diễn đàn Tương lai ASEAN tổ chức khi nào?" asks when a thing was held; a stance on it
            # says not when, and the meeting where it was stated is not it
            missing = phrase("date_missing", lang, title=self.render.title(fact, lang))
            text = f"{missing}\n{self.render.fact_text(fact, lang)}"
            return self._not_stated(q, fact, text, score)
        if Intent.WHEN in q.intents and undated and not (q.intents & {Intent.WHAT, Intent.WHO}):
            made_at = self._stated_at(fact)
            if made_at is not None and made_at.date is not None:
                # a stance is dated by the meeting where it was stated
                title, event = self.render.title(fact, lang), self.render.title(made_at, lang)
                text = phrase("said_at", lang, title=title, event=event, when=event_date(made_at, lang))
                return self.answered(q.text, [fact, made_at], text, lang, score)
            text = phrase("date_missing", lang, title=self.render.title(fact, lang))
            named_year = (
                YEAR_IN_TEXT.findall(f"{fact.name_vi} {fact.name_en}") if isinstance(fact, Agreement) else []
            )
            if named_year and not SIGNED_ASKED.search(q.canonical):
                # "UNCLOS là công ước năm bao nhiêu?": the year its name carries, which is not a signing date
                text = phrase("year_in_name", lang, title=self.render.title(fact, lang), year=named_year[0])
            elif isinstance(fact, Agreement) and not SIGNED_ASKED.search(q.canonical):
                # "… được bàn tới năm nào?": the dated meetings that dealt with it say when it was talked of
                linked = self.knowledge.linked_events(fact)
                dealt = [e for e in linked if e.date is not None and not e.background]
                lines = [f"• {event_date(e, lang)}: {self.render.title(e, lang)}" for e in dealt]
                if lines:
                    text = "\n".join([text, phrase("dealt_with_at", lang), *lines])
            return self._not_stated(q, fact, text, score)
        if isinstance(fact, Agreement) and SIGNED_ASKED.search(q.canonical) and fact.signed is None:
            text = phrase("signing_date_missing", lang, title=self.render.title(fact, lang))
            return self._not_stated(q, fact, text, score)
        facts: list[AnyFact] = [fact, *(self._figures.companions(fact) if isinstance(fact, Figure) else [])]
        facts.sort(key=lambda f: self._figure_order(q, f))
        text = "\n".join(self.render.fact_text(f, lang) for f in facts)
        return self.answered(q.text, facts, text, lang, score)

    def _figure_order(self, q: Question, fact: AnyFact) -> tuple[bool, bool, int, bool]:
        """Figures quoted in one sentence lead with the one asked: the one whose value the question
        quotes ("con số 21,5 tỷ USD"); a percentage for "tăng 23,6%", "by what percentage"; the one
        whose own words the question says ("… so với năm 2021": the growth); else the amount."""
        if not isinstance(fact, Figure):
            return (True, True, 0, True)
        percent = fact.unit == "%"
        quoted = fact.value in {value for _, value in amounts(q.text)}
        # its own word pairs ("tăng trưởng", "so với"), which the others' names lack
        pairs = self._title_pairs(fact)
        for other in self._figures.companions(fact):
            pairs -= self._title_pairs(other)
        said = len(q.units & pairs)
        return (not quoted, not (percent and percent_asked(q)), -said, percent)

    def _title_pairs(self, fact: AnyFact) -> set[str]:
        words = canonical(fold(self.render.title(fact, "vi"))).split()
        return {f"{a} {b}" for a, b in itertools.pairwise(words)}

    def _stated_at(self, fact: AnyFact) -> Event | None:
        """The meeting where a stance was stated."""
        return self.knowledge.event(fact.made_at or "") if isinstance(fact, Statement) else None

    def names_signers(self, agreement: Agreement) -> bool:
        """Its summary tells of its signing and names someone of the base (who signed it, as the
        article tells; those who merely agreed to implement it did not sign it)."""
        return bool(self.retrieval.signers(agreement.id))

    def _unnamed_signing_side(self, q: Question, fact: AnyFact) -> str | None:
        """The one country of the base the question asks of, when the document's record of its signing
        names a signer of the other side and none of this one."""
        asked = q.countries & self.index.main_countries
        if len(asked) != 1 or not isinstance(fact, Agreement):
            return None
        named = {o.country for o in map(self.knowledge.official, self.retrieval.signers(fact.id)) if o}
        side = next(iter(asked))
        return side if named and side not in named else None

    @staticmethod
    def _figure_differs(q: Question, figure: Figure) -> bool:
        """The question asks for another measure or period than the figure's: a word the base never
        uses qualifies what is measured, or a whole year is asked of a figure for part of one."""
        period = fold(f"{figure.period_vi} {figure.period_en}")
        whole_asked = WHOLE_PERIOD_ASKED.search(q.folded) or WHOLE_PERIOD_ASKED.search(q.canonical)
        return bool(q.unknown_words) or bool(whole_asked and PART_PERIOD.search(period))

    def _event_answer(self, q: Question, event: Event, score: float) -> Answer:
        """Every slot the question asks about the event, or its summary when it asks none; of a planned
        one asked whether it took place ("đã diễn ra chưa, kết quả ra sao?"), first that the articles
        give it only as planned."""
        answer = self._slots_answered(q, event, score)
        if (
            event.status is EventStatus.PLANNED
            and answer.status is Status.ANSWERED
            and HAPPENED_ASKED.search(q.canonical)
            and Intent.PLANNED not in q.intents
        ):
            text = phrase("planned_unknown", q.lang, title=self.render.title(event, q.lang))
            return dataclasses.replace(answer, text=f"{text}\n\n{answer.text}", not_stated=True)
        return answer

    def _slots_answered(self, q: Question, event: Event, score: float) -> Answer:
        lang, r = q.lang, self.render
        slots = self.asked_slots(q, event)
        other = self._asked_of_another(q, event) if slots else None
        if other is not None:
            # "Tại Tham vấn lần thứ 2, phía Thái Lan muốn tổ chức Kỳ họp lần thứ 5 Ủy ban Hỗn hợp ở đâu?":
            # the place is asked of the other mechanism, as this event's record tells it
            found = details.passages(self.index, q, event)
            if not found and q.round is not None and q.round != event.round:
                found = details.points_on_round(self.index, event, q.round, other)
            if found:
                return self._topic_answer(q, event, found, score)
        if slots == ["where"] and not self._names_an_event(q):
            # "Where is the pilot joint inspection model to be rolled out?": nothing names a meeting, so
            # where is asked of what its record tells, at a place its passage names (not the venue)
            found = [p for p in details.passages(self.index, q, event) if self._place_beside_venue(p, event)]
            if found:
                return self._topic_answer(q, event, found, score, slots=slots)
        # What the article does not say is said so, citing the event.
        if LASTED_ASKED.search(q.folded):
            # "kéo dài mấy ngày, ai đi cùng?": the days, then whatever else is asked of it
            return self._duration(q, event, score, [s for s in slots if s != "when"])
        if (
            slots == ["who"]
            and not _SIDE.search(q.canonical)
            and not claims.is_claim(q)
            and not roles_asked(q)
        ):
            # "… nhờ anh Đức chuyển lời thăm hỏi tới ai?": someone the record's words name, asked by what
            # was done (not the event's own people, asked by their part or side)
            found = [p for p in details.passages(self.index, q, event) if p.coverage >= DETAIL_MIN]
            if found:
                return self._topic_answer(q, event, found, score)
        if "who" in slots and (not event.participants or self._unnamed_person_asked(q, event)):
            return self._not_stated(q, event, self._who_missing(q, event), score)
        if slots == ["where"] and not event.place:
            return self._not_stated(q, event, r.event_where(event, lang), score)
        if slots == ["where"] and CITY_ASKED.search(q.folded) and self._in_no_city(event):
            where = r.where_phrase(event, lang)
            # a venue is named, only not its city; a country alone names neither
            missing = "city_missing" if self._placed_only_in_a_country(event) else "venue_city_missing"
            return self._not_stated(
                q, event, phrase(missing, lang, title=r.title(event, lang), place=where), score
            )
        if slots == ["where"] and VENUE_ASKED.search(q.folded) and self._at_no_venue(event):
            # "tổ chức tại tòa nhà nào": a city is no building
            where = r.where_phrase(event, lang)
            return self._not_stated(
                q, event, phrase("venue_missing", lang, title=r.title(event, lang), place=where), score
            )
        if slots == ["when"] and event.date is None:
            return self._not_stated(q, event, r.event_when(event, lang), score)
        # "diễn ra ngày nào", "ngày 28 hay 29/12?": a day asked or offered that the record does not give
        day_asked = DAY_ASKED.search(q.folded) or (q.date is not None and q.date.day is not None)
        if slots == ["when"] and day_asked and event.date and not event.date.has_day:
            return self._not_stated(q, event, r.day_missing(event, lang), score)
        if (
            slots == ["when"]
            and MONTH_ASKED.search(q.folded)
            and event.date
            and event.date.precision is Precision.YEAR
        ):
            # "họp tháng mấy": the article gives the year alone
            return self._not_stated(q, event, r.month_missing(event, lang), score)
        if not {"when", "where", "who"} & set(slots):
            viewed = details.view_of(self.index, q, event)
            if viewed is not None:
                return self._topic_answer(q, *viewed, score)
            found = details.passages(self.index, q, event) or details.said_by(self.index, q, event)
            if found:
                return self._topic_answer(q, event, found, score)
        if len(slots) > 1 and not (event.place or event.date or event.participants):
            return self._not_stated(q, event, r.event_slots(event, slots, lang), score)
        if len(slots) > 1:
            return self.answered(q.text, [event], r.event_slots(event, slots, lang), lang, score)
        slot = slots[0] if slots else None
        if slot == "where":
            return self.answered(q.text, [event], r.event_where(event, lang), lang, score)
        if slot == "when":
            return self.answered(q.text, [event], r.event_when(event, lang), lang, score)
        if slot == "who":
            besides = self._besides(q, event)
            if besides:
                # "phía VN ngoài ông Đức còn có ai dự?": the others (of the side asked), or that the
                # article names no one else
                side = _SIDE.search(q.canonical)
                country = country_code(side.group(1) or side.group(2)) if side else None
                others = [
                    p
                    for p in event.participants
                    if p.official not in besides and country in (None, self._participant_country(p))
                ]
                names = [o.name for o in map(self.knowledge.official, sorted(besides)) if o is not None]
                text = r.event_who_besides(event, others, names, lang)
                if not others:
                    return self._not_stated(q, event, text, score)
                return self.answered(q.text, [event], text, lang, score)
            return self.answered(q.text, [event], r.event_who(event, lang), lang, score)
        reported = self._figures.reported_at(event.id) if FIGURES_ASKED.search(q.folded) else []
        if reported:
            # "Tham vấn lần 8 nêu số liệu thương mại gì?": the figures reported there, under the event
            lines = [f"{r.title(event, lang)} ({event_date(event, lang)}):"]
            lines += [f"• {r.fact_text(f, lang)}" for f in reported]
            return self.answered(q.text, [*reported, event], "\n".join(lines), lang, score)
        if slot == "what":
            return self.answered(q.text, [event], r.event_what(event, lang), lang, score)
        return self.answered(q.text, [event], r.event_summary(event, lang), lang, score)

    def _reported_there(self, q: Question, best: Scored) -> Scored | None:
        """ "Tại Tham vấn tháng 12/2021, kim ngạch thương mại được nêu là bao nhiêu?": of the figures
        reported at the event the question names, the one whose words explain most of the question
        (the date named is the meeting's, not the figure's period)."""
        if not isinstance(best.fact, Event) or not best.anchored:
            return None
        reported = self._figures.reported_at(best.fact.id)
        if not reported:
            return None
        # what is asked beyond the event named; when that is only words of asking an amount ("kim
        # ngạch … bao nhiêu"), the question's own words tell its figures apart
        # ("theo số liệu nêu tại …": the words asking for figures are no topic of one)
        asking = _cue_units(FIGURES_ASKED, q)
        wanted = details.topic(self.index, q, best.fact) - asking
        if not wanted and (q.round or q.event_kinds or q.officials or self.retrieval.strong_series(q)):
            # "kim ngạch … bao nhiêu" of a meeting the question names (not only a year, which may be
            # the amount's: "kim ngạch năm 2023" is no figure of a 2023 meeting's)
            wanted = details.words_beyond(self.index, q, best.fact)
        # of those holding what is asked, a percentage if one is asked (an amount otherwise), then the one
        # holding most; of equals, the first by id (a value before its growth)
        held = [
            (share, f)
            for f in reported
            if (share := details.topic_held(self.index, wanted, f.id)) >= DETAIL_MIN
        ]
        if not held:
            return None
        _, figure = min(held, key=lambda p: (not percent_fits(q, p[1]), -p[0], p[1].id))
        return Scored(figure, best.score, anchored=True)

    def _besides(self, q: Question, event: Event) -> frozenset[str]:
        """The officials the question sets aside ("ngoài ông Đức", "besides Duc"), who took part."""
        taking_part = {p.official for p in event.participants}
        after = [
            words
            for m in EXCLUDED.finditer(q.canonical)
            if (words := q.canonical[m.end() :].split()[:BESIDES_WINDOW])
            # "Bộ Ngoại giao": the cue's word in a compound of the sources is no cue
            and f"{m.group(0).split()[-1]} {words[0]}" not in self.index.corpus_pairs
        ]

        def set_aside(official: Official) -> bool:
            # the cue, then the person: their name, with only a title or an honorific before it
            # ("ngoài Thứ trưởng Đức", "ngoài ông Nguyễn Minh Đức"; "Bộ Ngoại giao Trần Văn Nam" is none)
            name = canonical(fold(official.name)).split()
            for words in after:
                lead = list(itertools.takewhile(lambda w: w not in name, words))
                if len(lead) < len(words) and all(w in HONORIFICS or w in ROLE_WORDS for w in lead):
                    return True
            return False

        return frozenset(
            official.id
            for official in map(self.knowledge.official, q.officials)
            if official is not None and official.id in taking_part and set_aside(official)
        )

    def _asked_of_another(self, q: Question, event: Event) -> str | None:
        """The other mechanism the question names, besides the event's, of another kind and as clearly
        (a commission's session beside a consultation): what it asks is asked of that one, within the
        event. (Two consultations both named by a name they share are one mechanism asked of.)"""
        # (a round asked that is not this event's is another meeting's, which this one spoke of)
        if q.series.get(event.series or "", 0.0) <= 0 and q.round in (None, event.round):
            return None
        return next(
            (
                s
                for s, share in q.series.items()
                if s != event.series
                and share >= SERIES_STRONG
                and event.event_kind not in {e.event_kind for e in self.rounds_of(s)}
            ),
            None,
        )

    def _place_beside_venue(self, passage: details.Passage, event: Event) -> bool:
        """The passage names a place of the base, no country, that is not where the event was held."""
        named = self.index.places_in(canonical(fold(passage.vi)).split())
        return any(
            not self.retrieval.is_country_place(p) for p in set(named) - self.retrieval.places_of(event)
        )

    @staticmethod
    def _names_an_event(q: Question) -> bool:
        """The question names a meeting by its people, mechanism, round, date or kind."""
        return bool(q.officials or q.series or q.round or q.date or q.event_kinds or q.named_facts)

    def _topic_answer(
        self,
        q: Question,
        event: Event,
        found: list[details.Passage],
        score: float,
        slots: list[str] | None = None,
    ) -> Answer:
        """The passages of the event's record on the topic asked, under the event they belong to (with
        its place when where is asked)."""
        lang = q.lang
        when = event_date(event, lang)
        if slots and "where" in slots and event.place:
            when = f"{when}, {self.render.where_phrase(event, lang)}"
        head = f"{self.render.title(event, lang)} ({when}) — {phrase('topic_lead', lang)}"
        shown = found[: details.SHOWN]
        lines = [f"• {p.vi if lang == 'vi' else p.en}" for p in shown]
        # "… trên cơ sở văn bản nào?": the document the passage names is what is asked, under its event
        documents = (
            details.documents_named(self.index, event, shown) if q.fact_kind_asked == "agreement" else []
        )
        ids = dict.fromkeys([*(d.id for d in documents), *(p.fact_id for p in shown if p.fact_id), event.id])
        facts = [fact for fact_id in ids if (fact := self.knowledge.get(fact_id)) is not None]
        return self.answered(q.text, facts, "\n".join([head, *lines]), lang, score)

    def _duration(self, q: Question, event: Event, score: float, others: list[str]) -> Answer:
        """How many days an event lasted: from its day range, or said not to be known; then the other
        slots asked of it."""
        lang, date = q.lang, event.date
        title, when = self.render.title(event, lang), event_date(event, lang)
        more = f"\n{self.render.event_slots(event, others, lang)}" if others else ""
        if date is None or not date.has_day:
            text = phrase("duration_missing", lang, title=title, date=when)
            return self._not_stated(q, event, text + more, score)
        days = (date.end - date.start).days + 1
        text = phrase("duration", lang, days=str(days), title=title, date=when)
        return self.answered(q.text, [event], text + more, lang, score)

    def _placed_only_in_a_country(self, event: Event) -> bool:
        place = self.knowledge.place(event.place or "")
        return place is not None and place.place_kind.value == "country"

    def _at_no_venue(self, event: Event) -> bool:
        """The event is placed in a city or a country, no building or site within it."""
        place = self.knowledge.place(event.place or "")
        return place is not None and place.place_kind.value in ("city", "country")

    def _in_no_city(self, event: Event) -> bool:
        """No city on record for the event: its place is a country, or a venue the articles place in
        no city ("trụ sở Bộ Ngoại giao" asked "which city")."""
        return event.place is not None and self.retrieval.city_of(event) is None

    def _not_stated(self, q: Question, fact: AnyFact, text: str, score: float = 0.0) -> Answer:
        """The fact asked about is found, but its article does not give what was asked: say so, citing
        the fact. That is an answer (the user learns what is known and where it stands), marked as a
        gap so curators see it beside the unanswered questions."""
        if isinstance(fact, Event):
            text = f"{text}\n{self.render.event_known(fact, q.lang, text)}"
        return dataclasses.replace(self.answered(q.text, [fact], text, q.lang, score), not_stated=True)

    def asked_slots(self, q: Question, event: Event) -> list[str]:
        """The event's slots the question asks about (see `_asked_slots`)."""
        return self._asked_slots(
            q,
            event,
            linked=bool(self.knowledge.linked_events(event)),
            # (looked up only when signing is asked: this runs for every event answered)
            signed=bool(SIGNED_AT.search(q.folded)) and bool(self.knowledge.signed_at(event)),
        )

    @staticmethod
    def _asked_slots(q: Question, event: Event, *, linked: bool = False, signed: bool = False) -> list[str]:
        """The event's slots the question asks about, in the order answers give them: every one of
        when, where and who it asks ("họp ngày nào ở đâu", "ở đâu, khi nào, ai chủ trì?"; a cue that
        sits in two, "chủ trì", costs at most a line more), else what was agreed or discussed."""
        asks = q.intents
        asked = [
            slot
            for slot, intent in (("when", Intent.WHEN), ("where", Intent.WHERE), ("who", Intent.WHO))
            if intent in asks
        ]
        if OCCASION_ASKED.search(q.folded) and linked:
            # "ở đâu, nhân dịp gì?": where, and the visit or session it was part of
            return [*asked, "occasion"]
        if asked and signed:
            # "ngày, địa điểm, ký văn kiện gì?": the documents signed there too (`signed`: signing is asked
            # and the event has documents signed within its days)
            return [*asked, "signed"]
        if asked and AGREED_ASKED.search(q.canonical) and (event.agreed or event.discussed):
            # "họp hồi nào, ở đâu, có thỏa thuận gì?": what was agreed too
            return [*asked, "what"]
        if asked:
            return asked
        if q.date is not None and HELD_ASKED.search(q.canonical):
            return []  # "what took place on 12 June 2024?": the whole record, not only what was agreed
        if Intent.WHAT in asks and (event.agreed or event.discussed):
            return ["what"]
        return []

    def _profile(self, q: Question) -> Answer:
        # the best named first; of those named alike, the one the question names first is its subject
        ranked = sorted(q.officials.items(), key=lambda kv: (-kv[1], self._named_at(q, kv[0])))
        best = ranked[0][1]
        # two people named by name ("Saleumxay Kommasith và Sok Chenda Sophea") are both asked about;
        # a given name that fits two officials ("ông Sơn") is a question to ask back
        named = [o for o, v in ranked if v >= FULL_NAME_SCORE]
        everyone = [o for o, _ in ranked]
        apart = len(everyone) > 1 and self._named_apart(q, everyone)  # "ông Sơn và ông Saleumxay"
        tied = everyone if apart else named if len(named) > 1 else [o for o, v in ranked if v >= best - 1.0]
        # "Khi tiếp Đại sứ Siriporn năm 2024, ông Việt giữ chức vụ gì?": the scene's people are not asked of
        opening = opening_clause(q.text, SCENE_OPENERS)
        if opening is not None:
            asked = [o for o in tied if self._named_at(q, o) >= len(fold(opening[0]))]
            tied = asked or tied
        facts: list[AnyFact] = [f for f in (self.knowledge.official(o) for o in tied) if f is not None]
        if len(facts) > 1 and not q.intents & {Intent.LIST} and len(named) < 2 and not apart:
            return self.ambiguous(q, [Scored(f, best, True) for f in facts])
        text = "\n\n".join(self.render.fact_text(f, q.lang) for f in facts)
        return self.answered(q.text, facts, text, q.lang, best / 100)

    def _named_apart(self, q: Question, tied: list[str]) -> bool:
        """ "ông Trung với ông Việt": each part of the question between its conjunctions names one of
        the people tied, a different one each; two people asked about, not one name fitting two."""
        parts: list[list[str]] = [[]]
        for token in q.folded.replace(",", " , ").split():
            if token in CONJUNCTIONS or token == ",":
                parts.append([])
            else:
                parts[-1].append(token)
        picked = []
        for part in parts:
            # each part read as a question of its own: a given name with "ông" or a title links there
            alone = self._read(" ".join(part), q.lang, self._today()).officials
            linked = [o for o in alone if o in tied]
            if len(linked) > 1:
                return False  # one part names a name that fits two of them: ask back
            picked += linked
        return sorted(picked) == sorted(tied)

    def _named_at(self, q: Question, official_id: str) -> int:
        """Where in the question an official is first named (by a name or an alias), or its end."""
        official = self.knowledge.official(official_id)
        names = [official.name, *official.aliases] if official else []
        return _first_at(q.folded, (fold(name) for name in names))

    def ambiguous(self, q: Question, ties: list[Scored]) -> Answer:
        lang = q.lang
        facts = [s.fact for s in ties[:MAX_CANDIDATES]]
        candidates = tuple(Candidate(f.id, self.render.label(f, lang)) for f in facts)
        head = phrase("ambiguous_lead", lang)
        lines = [f"{i}. {c.label}" for i, c in enumerate(candidates, start=1)]
        return Answer(
            q.text,
            Status.AMBIGUOUS,
            head + "\n" + "\n".join(lines),
            lang,
            facts=tuple(f.id for f in facts),
            sources=tuple(self._sources(facts)),
            score=ties[0].score,
            candidates=candidates,
        )

    def answered(self, question: str, facts: list[AnyFact], body: str, lang: Lang, score: float) -> Answer:
        text = with_footnotes(body, lang) + "\n\n" + self.render.source_line(facts, lang)
        return Answer(
            question,
            Status.ANSWERED,
            text,
            lang,
            facts=tuple(f.id for f in facts),
            sources=tuple(dict.fromkeys(self._sources(facts))),  # two figures of one sentence: one quote
            score=score,
        )

    def _sources(self, facts: list[AnyFact]) -> Iterable[SourceRef]:
        for fact in facts:
            if fact.background:
                yield SourceRef(None, "; ".join(fact.references))
            else:
                for quote in fact.quotes[:2]:
                    yield SourceRef(fact.source, quote)

    def not_found(
        self,
        question: str,
        lang: Lang,
        q: Question | None,
        *,
        greeting: bool = False,
        text: str | None = None,
        facts: list[AnyFact] | None = None,
    ) -> Answer:
        examples = tuple(self.examples(lang))
        if text is None:
            text = phrase("greeting" if greeting else "not_found", lang, subject=self.subject(lang))
        hint = phrase("examples_hint", lang)
        full = text + ("\n\n" + hint + "\n" + "\n".join(f"• {e}" for e in examples) if examples else "")
        return Answer(
            question,
            Status.NOT_FOUND,
            full,
            lang,
            facts=tuple(f.id for f in facts or []),
            sources=tuple(self._sources(facts or [])),
            examples=examples,
        )


def _own_words(event: Event, record: Statement) -> set[str]:
    """The words of an event's title its record's title lacks ("chúc mừng" of the congratulation on an
    anniversary): the question names the act with them."""
    record_units = units(canonical(fold(f"{record.title_vi} {record.title_en}")))
    return {
        u
        for u in units(canonical(fold(f"{event.title_vi} {event.title_en}")))
        if u not in record_units and not is_function_unit(u)
    }


def _commemorates(fact: AnyFact) -> bool:
    """An anniversary of an act ("Kỷ niệm 60 năm …"), not a year designated for something ("Năm Giao lưu
    nhân dân 2025"): it stands for the act."""
    if not isinstance(fact, Statement) or fact.statement_kind is not StatementKind.COMMEMORATION:
        return False
    return names_an_anniversary(fold(f"{fact.title_vi} {fact.title_en}"))


# how precise a date is: a day (or a day range) over a month over a year over none
_PRECISION = {Precision.DAY: 3, Precision.DAY_RANGE: 3, Precision.MONTH: 2, Precision.YEAR: 1}


def _precision_rank(fact: AnyFact) -> int:
    date = fact.date if isinstance(fact, Event) else fact.signed if isinstance(fact, Agreement) else None
    return 0 if date is None else _PRECISION[date.precision]


def _cue_units(cue: re.Pattern[str], q: Question) -> set[str]:
    """The words and word pairs of the question that a cue's phrases cover: how it asks, no topic."""
    return {u for m in cue.finditer(q.canonical) for u in units(m.group(0))}


def _asked_post(q: Question) -> tuple[str, str | None, list[str]] | None:
    """The post a question asks about: its role words, the country it belongs to, and qualifier words.

    "Bộ trưởng Quốc phòng Lào" -> ("bo truong", "LA", ["quoc", "phong"]); "Vietnam's Minister of
    National Defence" -> ("bo truong", "VN", ["national", "defence"]).
    """
    match = ROLE.search(q.canonical)
    if match is None:
        return None
    before = q.canonical[: match.start()].split()
    after = q.canonical[match.end() :].split()
    country: str | None = None
    qualifiers: list[str] = []
    i = 0
    while i < len(after):
        pair, word = " ".join(after[i : i + 2]), after[i]
        if pair in COUNTRIES or word in COUNTRIES:
            country = COUNTRIES[pair] if pair in COUNTRIES else COUNTRIES[word]
            i += 2 if pair in COUNTRIES else 1
            if qualifiers or i >= len(after) or after[i] != "s":
                break  # "Bộ trưởng Quốc phòng Lào": qualifiers come before the country...
            i += 1  # ...except in "the chair of Vietnam's National Boundary Commission"
            continue
        if word in POST_FILLERS and not qualifiers:
            i += 1
            continue
        if (
            word in POST_STOPS
            or word in FUNCTION_WORDS
            or (word in INTENT_WORDS and word not in ROLE_WORDS)  # "Bộ" of "Thứ trưởng Bộ Quốc phòng"
            or word.isdigit()
            or len(qualifiers) == 3
        ):
            break
        qualifiers.append(word)
        i += 1
    if country is None and before:
        tail = [w for w in before[-3:] if w != "s"]
        for size in (2, 1):
            name = " ".join(tail[-size:])
            if name in COUNTRIES:
                country = COUNTRIES[name]
                break
    return match.group(0), country, qualifiers


def _without_numbers(name: str) -> str:
    return " ".join(re.sub(r"[\d\W_]+", " ", fold(name)).split())


def _first_at(text: str, forms: Iterable[str]) -> int:
    """Where in the text any of the forms first stands, or the text's end."""
    return min((at for form in forms if (at := text.find(form)) >= 0), default=len(text))


def _mostly_unknown(q: Question) -> bool:
    """Several words nothing in the base or the lexicon knows, making up much of the question."""
    content = [t for t in q.folded.split() if t not in FUNCTION_WORDS and not t.isdigit()]
    return len(q.unknown_words) >= 2 and len(q.unknown_words) >= UNKNOWN_SHARE * max(1, len(content))


def _people_of(event: Event) -> set[str]:
    return {p.official for p in event.participants if p.official}

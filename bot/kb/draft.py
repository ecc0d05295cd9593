"""Draft the facts of a new article for a curator to review (`python -m bot knowledge draft`).

The drafter reads an article in the seeds' plain-text form, sentence by sentence, and proposes facts in
the base's own schema: events (with series and round, date at the precision the text gives, place,
participants and roles, planned events), officials new to the base (with the title the article gives
them) and new positions of known ones, new places and series, agreements and figures. Every drafted
fact quotes the article's sentences verbatim and cites the file; a field the drafter is unsure of
carries a `# CHECK: reason` comment; a field the text does not give is left out. Nothing here is
final: the curator edits the draft, validates it and moves it into `knowledge/`.

Language knowledge (cue words per event kind, role phrases, posts, planned-event cues) is data, in
`draft_rules.yaml` beside this module.
"""

from __future__ import annotations

import copy
import itertools
import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict
from rapidfuzz.distance import Levenshtein

from bot.kb.facts import Agreement, Official, Place, Series
from bot.kb.knowledge import Knowledge
from bot.nlu.lexicon import COUNTRIES, COUNTRY_DATA, HOME_COUNTRIES
from bot.nlu.parsing import parse_round
from bot.nlu.text import collapse_whitespace, fold

_COUNTRY_MARK = "@country:"
RULES_FILE = Path(__file__).resolve().parent / "draft_rules.yaml"
# One name spelt otherwise: the same words in any order, a long word (a transcribed Lao or Khmer name,
# not a Vietnamese syllable) at most one letter off ("Kittikhoun Aloukeo" / "Alounkeo Kittikhoun").
SIMILAR_WORD_MIN = 6
EN_CHECK = "English text needed (the Vietnamese is a placeholder)"


class _Roles(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    subject: str
    object: str


class DraftRules(BaseModel):
    """The drafter's language data (`draft_rules.yaml`), validated when it loads."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    event_cues: dict[str, list[str]]
    kind_priority: list[str]
    cue_needs_name_after: list[str]
    generic_before: list[str]
    not_posts: list[str]
    not_a_person_after: list[str]
    pair_words: dict[str, int]
    level_words: list[str]
    series_name_drop: list[str]
    caption_glue: str
    same_day: list[str]
    before_reported: list[str]
    frame_cues: list[str]
    related_news: list[str]
    anaphora: list[str]
    planned_cues: list[str]
    future_cues: list[str]
    clause_breaks: list[str]
    object_is_subject_after: list[str]
    subject_shared_after: list[str]
    place_shared_after: list[str]
    roles: dict[str, _Roles]
    role_phrases: dict[str, list[str]]
    role_after: dict[str, list[str]]
    group_heads: list[str]
    surnames: list[str]
    post_heads: list[str]
    title_words: list[str]
    title_pairs: list[str]
    reference_cues: list[str]
    titles_en: dict[str, str]
    place_cues: list[str]
    new_place_cues: list[str]
    destination_cues: list[str]
    place_stops: list[str]
    place_names_with_tai: list[str]
    host_bodies: list[str]
    place_kinds: dict[str, list[str]]
    round_heads: list[str]
    series_head_kinds: dict[str, str]
    agreement_heads: dict[str, str]
    figure_units: dict[str, str]
    growth_cues: list[str]
    figure_qualifiers: list[str]
    figure_verbs: list[str]
    title_vi: dict[str, str]
    name_stops: list[str]
    not_country_phrases: list[str]


@cache
def load_rules(path: Path = RULES_FILE) -> DraftRules:
    with path.open(encoding="utf-8") as handle:
        return DraftRules.model_validate(yaml.load(handle, Loader=yaml.BaseLoader))


# ----------------------------------------------------------------------------------------- text


@dataclass(frozen=True)
class Tok:
    text: str
    folded: str
    start: int
    end: int

    @property
    def upper(self) -> bool:
        return self.text[:1].isupper()


_WORD = re.compile(r"\w+", re.UNICODE)


class Toks(list[Tok]):
    """Tokens that remember the text they were read from."""

    source: str = ""


def tokenize(text: str) -> Toks:
    toks = Toks(Tok(m.group(0), fold(m.group(0)), m.start(), m.end()) for m in _WORD.finditer(text))
    toks.source = text
    return toks


def find_all(toks: Sequence[Tok], phrase: str) -> list[int]:
    """Start indexes where the folded phrase occurs as whole tokens."""
    words = phrase.split()
    if not words:
        return []
    n = len(words)
    return [
        i
        for i in range(len(toks) - n + 1)
        if toks[i].folded == words[0] and all(toks[i + k].folded == words[k] for k in range(1, n))
    ]


@dataclass
class Sentence:
    text: str  # verbatim from the article
    index: int
    paragraph: int
    related: bool = False  # in the page's list of related news, after a line such as "Tin liên quan"


_META = re.compile(r"^\s*date\s+(?P<y>\d{4})(?:-(?P<m>\d{2}))?\b[ \t]*")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)]?\s+(?=[\"“(]?[A-ZÀ-ỸĐ0-9])")


@dataclass
class Article:
    source: str
    text: str
    year: int | None
    month: int | None
    sentences: list[Sentence]


def _unglue(text: str, glue: str) -> list[str]:
    """A photo caption glued to the line before it ("… lần thứ nhất ảnh 1Phó Thủ tướng …") is cut off."""
    cuts = [m.end() for m in re.finditer(glue, text)]
    bounds = [0, *cuts, len(text)]
    return [text[a:b] for a, b in itertools.pairwise(bounds) if text[a:b].strip()]


def read_article(text: str, source: str) -> Article:
    """The article's metadata date (a first line `date YYYY-MM`) and its sentences, verbatim, deduplicated."""
    rules = load_rules()
    year = month = None
    text = text.removeprefix("\ufeff")  # a byte-order mark some editors write
    meta = _META.match(text)
    body = text
    if meta:
        year = int(meta["y"])
        month = int(meta["m"]) if meta["m"] else None
        body = text[meta.end() :]
    sentences: list[Sentence] = []
    seen: set[str] = set()
    related = False
    for paragraph, line in enumerate(body.splitlines()):
        line = line.strip()
        if not line:
            continue
        if " ".join(fold(line).split()) in rules.related_news:
            related = True  # what follows are other articles' headlines and leads
            continue
        pieces = [p for part in _SENTENCE_END.split(line) for p in _unglue(part, rules.caption_glue)]
        for piece in pieces:
            piece = piece.strip()
            key = collapse_whitespace(piece)
            if len(tokenize(piece)) < 3 or key in seen:
                continue
            seen.add(key)
            sentences.append(Sentence(piece, len(sentences), paragraph, related))
    return Article(source, text, year, month, sentences)


def slug(text: str, limit: int = 60) -> str:
    words = fold(text).split()
    out = ""
    for word in words:
        candidate = f"{out}-{word}" if out else word
        if len(candidate) > limit:
            break
        out = candidate
    return out or "draft"


# ------------------------------------------------------------------------------- the draft


@dataclass
class DraftFact:
    kind: str
    id: str
    fields: dict[str, Any]
    checks: dict[str, str] = field(default_factory=dict)  # field (or "participants.N") -> reason

    def check(self, key: str, reason: str) -> None:
        self.checks[key] = reason if key not in self.checks else f"{self.checks[key]}; {reason}"


@dataclass
class PositionUpdate:
    official: str
    position: dict[str, Any]
    checks: dict[str, str]


@dataclass
class Draft:
    source: str
    facts: list[DraftFact]
    positions: list[PositionUpdate]

    def by_kind(self) -> Counter[str]:
        return Counter(f.kind for f in self.facts)

    def check_count(self) -> int:
        return sum(len(f.checks) for f in self.facts) + sum(len(p.checks) for p in self.positions)


# ----------------------------------------------------------------------------- entity linking


@dataclass
class Person:
    official: str | None  # a known or drafted official id
    label: str | None  # an unnamed person ("Chủ tịch Quốc hội Lào")
    title: str | None  # as the article writes it
    start: int  # token span in the clause
    end: int
    linked_by_title: bool = False
    spelled: str | None = None  # linked by a name spelt otherwise (another order, a letter off)


class _Base:
    """What the base already holds, in forms the drafter matches against."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.knowledge = knowledge
        self.ids = {f.id for f in knowledge.facts}
        self.officials: list[tuple[str, str]] = []  # folded name -> id
        for o in knowledge.of_kind(Official):
            for name in {o.name, *o.aliases}:
                self.officials.append((fold(name), o.id))
        self.officials.sort(key=lambda p: -len(p[0]))
        self.places: list[tuple[str, str]] = []
        self.country_place: dict[str, str] = {}
        for p in knowledge.of_kind(Place):
            for name in {p.name_vi, p.name_en, *p.aliases}:
                self.places.append((fold(name), p.id))
            if p.place_kind == "country" and p.country:
                self.country_place[p.country] = p.id
        self.places.sort(key=lambda p: -len(p[0]))
        self.series: list[tuple[frozenset[str], int, str, str]] = []  # (words, size, id, first two)
        country_words = {w for word in COUNTRIES for w in word.split()}
        for s in knowledge.of_kind(Series):
            for name in {s.name_vi, *s.aliases}:
                words = [w for w in fold(name).split() if w not in country_words]
                if len(words) >= 2:
                    self.series.append((frozenset(words), len(words), s.id, " ".join(words[:2])))
        self.series_kind: dict[str, str] = {}
        for series_id, events in knowledge.events_by_series.items():
            kinds = Counter(e.event_kind.value for e in (knowledge.event(i) for i in events) if e)
            if kinds:
                self.series_kind[series_id] = kinds.most_common(1)[0][0]
        self.agreements: list[tuple[str, str]] = [
            (fold(name), a.id) for a in knowledge.of_kind(Agreement) for name in {a.name_vi, *a.aliases}
        ]
        self.titles: dict[str, list[tuple[str, int | None]]] = {}
        for o in knowledge.of_kind(Official):
            for pos in o.positions:
                year = pos.as_of.start.year if pos.as_of else None
                self.titles.setdefault(fold(pos.title_vi), []).append((o.id, year))


# ---------------------------------------------------------------------------------- drafting


@dataclass
class _Mention:
    kind: str
    sentence: Sentence
    clause: str
    planned: bool
    anaphoric: bool
    series: str | None = None
    new_series: str | None = None  # the name as the article writes it
    round: int | None = None
    date: str | None = None
    date_text: str | None = None
    date_inferred: bool = False
    inherited: str | None = None  # why the date (and place) come from the event reported before
    borrowed: str | None = None  # a participant taken from the event reported before
    place_from_trip: bool = False  # the place of the visit during which it was held
    month_before: bool = False  # "Trước đó, …": before the event reported before, in its month
    # "trong khuôn khổ tham dự Hội nghị …": the clause's date is of what was done during it
    frame: bool = False
    pairs: list[tuple[str, Sentence, bool]] = field(default_factory=list)  # ("Thứ trưởng", where, loose)
    reference: bool = False  # only referred to ("kết quả Kỳ họp 46"): held before, on no day the text gives
    attach_to: _Mention | None = None  # the event reported before, which this sentence only goes on about
    place: str | None = None
    new_place: str | None = None
    persons: list[tuple[Person, str]] = field(default_factory=list)  # (person, role)
    order: int = 0


class Drafter:
    def __init__(self, knowledge: Knowledge, rules: DraftRules | None = None) -> None:
        self.rules = rules or load_rules()
        self.base = _Base(knowledge)
        self.knowledge = knowledge

    # ------------------------------------------------------------------ public
    def draft(self, text: str, source: str) -> Draft:
        self.article = read_article(text, source)
        self.facts: list[DraftFact] = []
        self.used_ids: set[str] = set(self.base.ids)
        self.new_officials: dict[str, DraftFact] = {}  # folded name -> fact
        self.new_official_titles: dict[str, str] = {}  # id -> the title it was first read with
        self.new_places: dict[str, DraftFact] = {}
        self.new_series: dict[str, DraftFact] = {}
        self.positions: list[PositionUpdate] = []
        self.guess_year = self._guess_year()
        mentions: list[_Mention] = []
        self.loose_pairs: list[tuple[str, Sentence]] = []
        last: _Mention | None = None
        for sentence in self.article.sentences:
            produced = list(self._mentions(sentence))
            self._note_pairs(sentence, produced)
            for mention in produced:
                folded = fold(mention.clause)
                same_day = any(re.search(rf"\b{c}\b", folded) for c in self.rules.same_day)
                if mention.anaphoric and last is not None and not re.search(r"^\W*\w+ \w+ \w+ voi\b", folded):
                    mention.attach_to = last  # "Tại cuộc gặp, …" (not "Tại cuộc gặp với Y, …")
                    mentions.append(mention)
                    continue
                if mention.date is None and last is not None and (same_day or mention.anaphoric):
                    mention.date, mention.date_text = last.date, last.date_text
                    mention.date_inferred = last.date_inferred
                    mention.inherited = (
                        "'cùng ngày'" if same_day else "the meeting the sentence refers back to"
                    )
                    if mention.place is None and mention.new_place is None:
                        mention.place, mention.new_place = last.place, last.new_place
                    named = [p.official for p, _ in mention.persons if p.official]
                    if mention.anaphoric and last.persons and last.persons[0][0].official not in named:
                        # "Tại cuộc gặp với Y, hai Bộ trưởng …": the other minister is the one before
                        first = last.persons[0][0]
                        mention.persons.insert(0, (first, self._role(mention.kind, True, "")))
                        mention.borrowed = first.official
                elif (
                    mention.date is None
                    and last is not None
                    and last.date is not None
                    and len(last.date) >= 7
                    and self._opens_with(folded, self.rules.before_reported)
                ):
                    # "Trước đó, …": earlier than the event reported before, on that trip: its month
                    mention.date, mention.date_text = last.date[:7], last.date_text
                    mention.date_inferred = True
                    mention.month_before = True
                if mention.date is not None and not mention.planned:
                    last = mention
                mentions.append(mention)
        events = self._events(mentions)
        self._quote_new_officials()
        self._agreements()
        self._figures(events)
        ordered = (
            list(self.new_officials.values())
            + list(self.new_places.values())
            + list(self.new_series.values())
            + events
            + self.facts
        )
        return Draft(source, ordered, self.positions)

    @staticmethod
    def _opens_with(folded: str, phrases: Iterable[str]) -> bool:
        """Whether a folded clause starts with one of the phrases, after a word or two of lead-in at most
        (the phrase must begin within 20 characters of the clause's first words)."""
        opening = " " + " ".join(re.findall(r"\w+", folded)[:5]) + " "
        return any(f" {p} " in opening[: len(p) + 20] for p in phrases)

    # ------------------------------------------------------------------ ids
    def _id(self, text: str) -> str:
        base = slug(text)
        candidate, n = base, 2
        while candidate in self.used_ids:
            suffix = f"-{n}"
            candidate = base[: 60 - len(suffix)].rstrip("-") + suffix
            n += 1
        self.used_ids.add(candidate)
        return candidate

    # ------------------------------------------------------------------ dates
    def _guess_year(self) -> int | None:
        if self.article.year is not None:
            return self.article.year
        counts: Counter[int] = Counter()
        for s in self.article.sentences:
            if s.related:  # another article's years (and the listing's publication stamps)
                continue
            folded = fold(s.text)
            if any(re.search(rf"\b{c}\b", folded) for c in self.rules.future_cues):
                continue
            for m in re.finditer(r"(?:/|\btháng \d{1,2}/|\bnăm )(\d{4})\b", s.text, re.IGNORECASE):
                counts[int(m.group(1))] += 1
        if not counts:
            return None
        best = max(counts.values())
        # a tie goes to the earlier year: what an article reports precedes what it looks ahead to
        return min(y for y, n in counts.items() if n == best)

    def _date(self, text: str) -> tuple[str, str, bool] | None:
        """(date, what the text says, whether the year is inferred) from a clause."""
        text = _without_asides(text)
        m = re.search(r"(\d{1,2})\s*-\s*(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*(\d{4}))?(?![\d/])", text)
        if m:
            d1, d2, mo = int(m[1]), int(m[2]), int(m[3])
            year, inferred = self._year(m[4])
            if year and 1 <= mo <= 12 and 1 <= d1 < d2 <= 31:
                return f"{year:04d}-{mo:02d}-{d1:02d}/{year:04d}-{mo:02d}-{d2:02d}", m[0], inferred
        m = re.search(r"\btháng\s+(\d{1,2})\s*(?:/|năm)\s*(\d{4})\b", text, re.IGNORECASE)
        if m and 1 <= int(m[1]) <= 12:
            return f"{int(m[2]):04d}-{int(m[1]):02d}", m[0], False
        m = re.search(r"(?<![\d/])(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*(\d{4}))?(?![\d/])", text)
        if m:
            d, mo = int(m[1]), int(m[2])
            year, inferred = self._year(m[3])
            if year and 1 <= mo <= 12 and 1 <= d <= 31:
                try:
                    import datetime as dt

                    dt.date(year, mo, d)
                except ValueError:
                    return None
                return f"{year:04d}-{mo:02d}-{d:02d}", m[0], inferred
        m = re.search(r"\bnăm\s+(\d{4})\b", text, re.IGNORECASE)
        if m:
            return m[1], m[0], False
        return None

    def _year(self, written: str | None) -> tuple[int | None, bool]:
        if written:
            return int(written), False
        return self.guess_year, True

    def _date_note(self, what: str, inferred: bool) -> str:
        if not inferred:
            return ""
        if self.article.year is not None:
            return (
                f'Day and month from "{what.strip()}"; the year from the article\'s metadata line '
                f'"date {self.article.year}{f"-{self.article.month:02d}" if self.article.month else ""}".'
            )
        return (
            f'Day and month from "{what.strip()}"; the article gives no year: {self.guess_year} is the year '
            "its dates mention most often."
        )

    # ------------------------------------------------------------------ sentences → mentions
    def _is_planned(self, folded: str) -> bool:
        return any(re.search(rf"\b{re.escape(c)}\b", folded) for c in self.rules.planned_cues)

    def _clauses(self, text: str) -> list[tuple[str, str]]:
        """(break before it, clause text): a break is kept only where both sides report an event."""
        cuts: list[tuple[int, int, str]] = []  # (start, end, the rule's break)
        for brk in self.rules.clause_breaks:
            # any whitespace (a no-break space too) where the rule writes a space
            core = r"\s+".join(re.escape(w) for w in brk.split())
            pattern = (r"\s+" if brk.startswith(" ") else "") + core + (r"\s+" if brk.endswith(" ") else "")
            cuts.extend((m.start(), m.end(), brk) for m in re.finditer(pattern, text))
        cuts.sort(key=lambda c: (c[0], -(c[1] - c[0])))
        pieces: list[tuple[str, str]] = []
        last, last_brk, kept_end = 0, "", 0
        for start, end, brk in cuts:
            if start < kept_end:
                continue
            right_end = next((s for s, _, _ in cuts if s > start), len(text))
            if self._has_cue(text[last:start]) and self._has_cue(text[end:right_end]):
                pieces.append((last_brk, text[last:start]))
                last, last_brk, kept_end = end, brk, end
        pieces.append((last_brk, text[last:]))
        return pieces

    def _cues(self, toks: Sequence[Tok]) -> list[tuple[int, int, str]]:
        """(start, end, kind) of each event cue in the tokens (longest first, not overlapping)."""
        found: list[tuple[int, int, str]] = []
        taken: set[int] = set()
        phrases = sorted(
            ((p, k) for k, ps in self.rules.event_cues.items() for p in ps), key=lambda pk: -len(pk[0])
        )
        for phrase, kind in phrases:
            n = len(phrase.split())
            for i in find_all(toks, phrase):
                if any(j in taken for j in range(i, i + n)):
                    continue
                named = i + n < len(toks) and (
                    toks[i + n].upper
                    or any(
                        find_all(toks[i + n : i + n + len(g.split())], g) == [0]
                        for g in self.rules.group_heads
                    )
                )
                if phrase in self.rules.cue_needs_name_after and not named:
                    continue
                taken.update(range(i, i + n))
                found.append((i, i + n, kind))
        return sorted(found)

    def _has_cue(self, text: str) -> bool:
        return bool(self._cues(tokenize(text)))

    def _mentions(self, sentence: Sentence) -> Iterable[_Mention]:
        shared_subject: list[tuple[Person, str]] = []
        previous_last: Person | None = None
        previous: _Mention | None = None
        lead_date: tuple[str, str, bool] | None = None
        lead_place: tuple[str | None, str | None] = (None, None)
        for number, (brk, clause) in enumerate(self._clauses(sentence.text)):
            toks = tokenize(clause)
            cues = self._cues(toks)
            folded = " ".join(t.folded for t in toks)
            persons = self._persons(toks)
            if number == 0 and cues:
                lead = clause[: toks[cues[0][0]].start]
                lead_date = self._date(lead)
                lead_place = self._place(tokenize(lead), lead=True)
            mention = self._mention(sentence, clause, toks, cues, folded, persons)
            subject_end = cues[0][0] if cues else 0
            together = [i for i, t in enumerate(toks[:subject_end]) if t.folded == "cung"]
            if together:  # "X sẽ cùng A đồng chủ trì …": the subject is X
                subject_end = together[0]
            subject_before = [p for p in persons if p.end <= subject_end]
            if mention is not None:
                if not subject_before and brk in self.rules.object_is_subject_after and previous_last:
                    mention.persons.insert(0, (previous_last, self._role(mention.kind, True, folded)))
                if (
                    brk in self.rules.place_shared_after
                    and previous is not None
                    and mention.place is None
                    and mention.new_place is None
                    and (previous.place or previous.new_place)
                ):
                    # "… đang thăm chính thức Việt Nam và đồng chủ trì Kỳ họp 46 …": held on that trip
                    mention.place, mention.new_place = previous.place, previous.new_place
                    mention.place_from_trip = True
                if brk in self.rules.subject_shared_after:
                    mention.persons[0:0] = [
                        (p, self._role(mention.kind, True, folded)) for p, _ in shared_subject
                    ]
                    if mention.date is None and lead_date is not None:
                        mention.date, mention.date_text = lead_date[0], lead_date[1]
                        mention.date_inferred = lead_date[2]
                if number == 0:
                    if mention.date is None and lead_date is not None:
                        mention.date, mention.date_text = lead_date[0], lead_date[1]
                        mention.date_inferred = lead_date[2]
                    if mention.place is None and mention.new_place is None:
                        mention.place, mention.new_place = lead_place
                    shared_subject = [(p, r) for p, r in mention.persons if p in subject_before]
                previous = mention
                yield from self._per_guest(mention, toks)
            named = [p for p in persons if p.official]
            if named:
                previous_last = named[-1]

    def _per_guest(self, mention: _Mention, toks: Toks) -> Iterable[_Mention]:
        """'các chuyến thăm Lào của A (tháng 4/2023) và B (tháng 1/2023)': one visit per guest, each with
        the date written after its name."""
        guests = [p for p, role in mention.persons if role == "guest"]
        if mention.kind != "visit" or len(guests) < 2:
            yield mention
            return
        others = [(p, r) for p, r in mention.persons if r != "guest"]
        for n, guest in enumerate(guests):
            start = toks[guest.end - 1].end if guest.end > 0 else 0
            end = toks[guests[n + 1].start].start if n + 1 < len(guests) else len(toks.source)
            when = self._date(toks.source[start:end])
            single = copy.copy(mention)
            single.persons = [*others, (guest, "guest")]
            if when is not None:
                single.date, single.date_text, single.date_inferred = when
            yield single

    def _role(self, kind: str, subject: bool, folded: str) -> str:
        for role, phrases in self.rules.role_phrases.items():
            if (
                role == "co_chair"
                and kind in ("consultation", "committee_session", "conference", "meeting")
                and any(re.search(rf"\b{p}\b", folded) for p in phrases)
            ):
                return "co_chair"
        roles = self.rules.roles[kind]
        return roles.subject if subject else roles.object

    def _mention(
        self,
        sentence: Sentence,
        clause: str,
        toks: Toks,
        cues: list[tuple[int, int, str]],
        folded: str,
        persons: list[Person],
    ) -> _Mention | None:
        series, new_series, round_, series_kind, series_at = self._series(toks, folded)
        if not cues and round_ is None:
            return None
        live = [
            c
            for c in cues
            if not self._generic(toks, c[0])
            or any(p.start >= c[1] and (p.official or p.label) for p in persons)
        ]
        if not live and round_ is None:
            return None
        if series_kind is not None:
            kind = series_kind
        else:
            kinds = {c[2] for c in live}
            kind = next(k for k in self.rules.kind_priority if k in kinds)
        cue_at = series_at if series_at is not None else next(c[0] for c in live if c[2] == kind)
        anaphoric = cue_at > 0 and toks[cue_at - 1].folded in ("tai", "trong") and round_ is None
        mention = _Mention(
            kind=kind,
            sentence=sentence,
            clause=clause,
            planned=self._is_planned(folded),
            anaphoric=anaphoric,
            series=series,
            new_series=new_series,
            round=round_,
        )
        before_cue = " ".join(t.folded for t in toks[max(0, cue_at - 4) : cue_at])
        mention.frame = any(re.search(rf"\b{c}\b", before_cue) for c in self.rules.frame_cues)
        when = self._date(clause)
        if when is not None:
            mention.date, mention.date_text = when[0], when[1]
            mention.date_inferred = when[2]
        mention.place, mention.new_place = self._place(toks, lead=False, visit=kind == "visit")
        host_until = -1
        for phrase in self.rules.role_phrases["host"]:
            for i in find_all(toks, phrase):
                host_until = max(host_until, self._until_comma(clause, toks, i))
        leader_at = [i for p in self.rules.role_phrases["leader"] for i in find_all(toks, p)]
        # "… đến chúc mừng lãnh đạo Bộ Quốc phòng Lào": who comes after such a verb has that role
        after = sorted(
            (i + len(p.split()), role)
            for role, phrases in self.rules.role_after.items()
            for p in phrases
            for i in find_all(toks, p)
        )
        first_cue = min([c[0] for c in live] + [cue_at])
        # "… tham dự Hội nghị …, X đã có cuộc gặp bên lề Hội nghị với Y": Y met X; Y did not attend as such
        later = [c[0] for c in live if c[0] > cue_at and c[2] != kind]
        if later:
            persons = [p for p in persons if p.start < later[0]]
        for person in persons:
            if person.end <= host_until:
                role = "host"
            elif any(person.end <= i <= person.end + 1 for i in leader_at):
                role = "leader"
            elif any(person.start == i for i, _ in after):
                role = next(r for i, r in after if person.start == i)
            else:
                role = self._role(kind, person.end <= first_cue, folded)
            mention.persons.append((person, role))
        host = self._host_body(mention)
        if host is not None:  # "… đã đến Đại sứ quán Việt Nam tại Nga chúc Tết": the embassy hosts
            mention.persons.append((Person(None, host, host, len(toks), len(toks)), "host"))
        if round_ is not None and self._refers_back(sentence, toks, cue_at):
            mention.reference = True
            mention.persons = []  # "kết quả Kỳ họp 46", "Tại cuộc gặp, … họp Tham khảo … lần thứ nhất"
        return mention

    def _host_body(self, mention: _Mention) -> str | None:
        """The body a visit goes to (an embassy, a consulate), which hosts it; None for other places."""
        if mention.kind != "visit":
            return None
        name = mention.new_place
        if name is None and mention.place and not self._is_country(mention.place):
            known = self.knowledge.place(mention.place)
            name = known.name_vi if known else None
        if name is None:
            return None
        key = fold(name)
        return name if any(key == h or key.startswith(h + " ") for h in self.rules.host_bodies) else None

    def _refers_back(self, sentence: Sentence, toks: Toks, at: int) -> bool:
        """Whether a numbered meeting is only referred to: after "kết quả", or in a sentence that starts
        by pointing at another event ("Tại cuộc gặp, …")."""
        before = " ".join(t.folded for t in toks[max(0, at - 4) : at])
        if any(
            re.search(rf"\b{c}$", before) or re.search(rf"\b{c} \w+$", before)
            for c in self.rules.reference_cues
        ):
            return True
        opening = " ".join(fold(sentence.text).split()[:4])
        return any(opening.startswith(a) for a in self.rules.anaphora)

    def _until_comma(self, clause: str, toks: Toks, i: int) -> int:
        comma = clause.find(",", toks[i].start)
        if comma < 0:
            return len(toks)
        return sum(1 for t in toks if t.end <= comma)

    def _generic(self, toks: Toks, i: int) -> bool:
        """A cue after 'các', 'những' names a kind of event, not one event."""
        before = [t.folded for t in toks[max(0, i - 2) : i]]
        return any(w in self.rules.generic_before for w in before)

    def _series(
        self, toks: Toks, folded: str
    ) -> tuple[str | None, str | None, int | None, str | None, int | None]:
        """(known series, new series name, round, event kind, token where it is named)."""
        heads = sorted((i, h) for h in self.rules.round_heads for i in find_all(toks, h))
        words = [t.folded for t in toks]
        best: tuple[int, str, int] | None = None
        for i, _head in heads or [(0, "")]:
            window = set(words[i : i + 16])
            opening = " ".join(words[i : i + 5])
            for names, size, series_id, first in self.base.series:
                # the name's words near the head, and the name's own start right at it
                if names <= window and f" {first} " in f" {opening} " and (best is None or size > best[0]):
                    best = (size, series_id, i)
        round_: int | None = None
        at: int | None = None
        for i, _head in heads:
            window_text = " ".join(words[i : i + 18])
            value = parse_round(window_text)
            if value is not None and re.search(r"\b(?:lan|ky hop|thu)\b", window_text):
                round_, at = value, i
                break
        if best is not None:
            kind = self.base.series_kind.get(best[1])
            if kind is None:
                head = next((h for j, h in heads if j == best[2]), None)
                kind = self.rules.series_head_kinds.get(head or "", None)
            if round_ is None and not heads:
                return None, None, None, None, None
            return best[1], None, round_, kind, best[2]
        if round_ is None or at is None:
            return None, None, None, None, None
        head = next(h for j, h in heads if j == at)
        name = self._series_name(toks, at, head)
        kind = self.rules.series_head_kinds.get(head)
        if name:
            named = {k for _, _, k in self._cues(tokenize(name))}
            kind = next((k for k in self.rules.kind_priority if k in named and k != "meeting"), kind)
            words = name.split()
            for drop in sorted(self.rules.series_name_drop, key=len, reverse=True):
                n = len(drop.split())
                if fold(" ".join(words[:n])) == drop and len(words) > n + 1:
                    name = " ".join(words[n:])
                    name = name[:1].upper() + name[1:]
                    break
        return None, name, round_, kind, at

    def _series_name(self, toks: Toks, at: int, head: str) -> str | None:
        """The new series' name as written: after 'Kỳ họp N' or between the head and 'lần thứ N'."""
        words = [t.folded for t in toks]
        n = len(head.split())
        j = at + n
        # "Kỳ họp (lần) (thứ) 47 <Name>"
        k = j
        while k < len(words) and words[k] in ("lan", "thu"):
            k += 1
        if k < len(words) and (words[k].isdigit() or words[k] in ("nhat", "hai", "ba")) and k + 1 < len(toks):
            start = k + 1
            end = start + 1
            while end < len(toks) and end - start < 20 and not _name_ends(toks, end):
                end += 1
            if toks[start].upper:
                return _span(toks, start, end)
        # "<head> <Name> lần thứ 10"
        end = j
        while end < len(words) and words[end] != "lan" and end - j < 14:
            end += 1
        if end < len(words) and end > j:
            return _span(toks, at, end)
        return None

    # ------------------------------------------------------------------ people
    def _persons(self, toks: Toks) -> list[Person]:
        found: list[Person] = []
        taken: set[int] = set()
        for name, official_id in self.base.officials:
            n = len(name.split())
            for i in find_all(toks, name):
                if any(j in taken for j in range(i, i + n)):
                    continue
                title = self._title_before(toks, i)
                start = title[0] if title else i
                taken.update(range(start, i + n))
                found.append(Person(official_id, None, title[1] if title else None, start, i + n))
        found.extend(self._named_pairs(toks, taken))
        for head in sorted(self.rules.post_heads, key=lambda h: -len(h)):
            for i in find_all(toks, head):
                if any(j in taken for j in range(i, i + len(head.split()))):
                    continue
                if any(find_all(toks[i : i + len(b.split())], b) == [0] for b in self.rules.not_posts):
                    continue  # "Đại sứ quán" is a body, not an ambassador
                person = self._titled(toks, i, taken)
                if person is None:
                    continue
                if person.start > 0 and toks[person.start - 1].folded in self.rules.not_a_person_after:
                    taken.update(range(person.start, person.end))
                    continue  # "cấp Bộ trưởng", "hai Phó Thủ tướng, Bộ trưởng …": no one person
                found.append(person)
                taken.update(range(person.start, person.end))
        found.sort(key=lambda p: p.start)
        # "Phùng Sĩ Tấn, Phó Tổng Tham mưu trưởng …": a title after a name is that person's, not another
        return [
            p
            for n, p in enumerate(found)
            if not (
                p.official is None
                and n > 0
                and found[n - 1].official
                and found[n - 1].end == p.start
                and toks.source[toks[p.start - 1].end : toks[p.start].start].strip() == ","
            )
        ]

    # ------------------------------------------------------------------ several holders of one post
    def _pair_posts(self, toks: Toks) -> list[tuple[int, int, int, str]]:
        """(count, post start, post end, post as written) for each "hai Thứ trưởng", "giữa hai Phó Thủ
        tướng, Bộ trưởng Ngoại giao": a number word right before a post."""
        out: list[tuple[int, int, int, str]] = []
        for word, count in self.rules.pair_words.items():
            for i in find_all(toks, word):
                j = i + len(word.split())
                if not _is_head_start(toks, j, self.rules.post_heads) or any(
                    find_all(toks[j : j + len(b.split())], b) == [0] for b in self.rules.not_posts
                ):
                    continue
                head = max(
                    len(h.split())
                    for h in self.rules.post_heads
                    if find_all(toks[j : j + len(h.split())], h) == [0]
                )
                end = self._title_end(toks, j + head)
                if end > j + head and not toks[j + head].upper:
                    end = j + head  # "hai Bộ trưởng nhấn mạnh": a body's name starts with a capital
                end = _without_countries(toks, j + head, end)
                out.append((count, j, end, _span(toks, j, end)))
        return out

    def _named_pairs(self, toks: Toks, taken: set[int]) -> list[Person]:
        """ "hai Thứ trưởng A và B": each name after the post is a person holding it."""
        found: list[Person] = []
        for count, j, end, title in self._pair_posts(toks):
            taken.update(range(j, end))
            k, names = end, 0
            while k < len(toks) and names < count:
                m = k
                if k in taken:  # a name of the base, read already
                    while m < len(toks) and m in taken:
                        m += 1
                else:
                    while (
                        m < len(toks)
                        and toks[m].upper
                        and m - k < 4
                        and not (m > k and toks.source[toks[m - 1].end : toks[m].start].strip())
                        and not (m - k >= 2 and _is_head_start(toks, m, self.rules.post_heads))
                    ):
                        m += 1
                    if m - k < 2 or _is_head_start(toks, k, self.rules.post_heads):
                        break
                    name = _span(toks, k, m)
                    similar = self._similar_official(name)
                    official = similar or self._new_official(name, title, toks)
                    found.append(Person(official, None, title, k, m, spelled=name if similar else None))
                    taken.update(range(k, m))
                names += 1
                if m + 1 < len(toks) and toks[m].folded == "va" and toks[m + 1].upper:
                    k = m + 1
                elif (
                    m < len(toks)
                    and toks[m].upper
                    and toks.source[toks[m - 1].end : toks[m].start].strip() == ","
                ):
                    k = m
                else:
                    break
        return found

    def _note_pairs(self, sentence: Sentence, produced: list[_Mention]) -> None:
        """Unnamed holders of a post ("hai Thứ trưởng nhất trí …"): on the event of their clause, or,
        outside a clause reporting one, kept to be placed on the event they talk about."""
        toks = tokenize(sentence.text)
        for count, j, end, title in self._pair_posts(toks):
            if end < len(toks) and toks[end].upper:
                continue  # named: read as persons
            # not on a meeting only referred to ("Hai Bộ trưởng … triển khai kết quả Kỳ họp 46")
            where = next((m for m in produced if not m.reference and _span(toks, j, end) in m.clause), None)
            if where is not None:
                where.pairs.append((title, sentence, False))
            elif count == 2:
                self.loose_pairs.append((title, sentence))

    def _place_loose_pairs(self, groups: list[list[_Mention]]) -> None:
        """ "hai Thứ trưởng nhất trí …" in a sentence of its own: the held event nearest to it whose
        sentences name that post ("cấp Thứ trưởng Ngoại giao", "Thứ trưởng X đồng chủ trì …")."""
        for title, sentence in self.loose_pairs:
            head = _post_head(title, self.rules.post_heads)
            candidates = [
                g
                for g in groups
                if not g[0].planned
                and any(not m.reference and m.sentence.related == sentence.related for m in g)
                and any(re.search(rf"\b{head}\b", fold(m.clause)) for m in g)
            ]
            if not candidates:
                continue
            nearest = min(
                candidates,
                key=lambda g: (min(abs(m.sentence.index - sentence.index) for m in g), g[0].sentence.index),
            )
            nearest[0].pairs.append((title, sentence, True))

    def _fill_pairs(self, fact: DraftFact, group: list[_Mention], participants: list[dict[str, Any]]) -> None:
        """Two holders of a post, one per country of the event: the one the paragraph names ("Theo Thứ
        trưởng X"), and for a country still without one a label ("Thứ trưởng Ngoại giao Lào")."""
        kind = str(fact.fields["event_kind"])
        roles = self.rules.roles[kind]
        clauses = " ".join(fold(m.clause) for m in group)
        if roles.subject != roles.object and not any(
            p in clauses for p in self.rules.role_phrases["co_chair"]
        ):
            return  # "hai …" cannot say who received whom
        role = self._role(kind, True, clauses)
        for title, sentence, loose in [p for m in group for p in m.pairs]:
            head = _post_head(title, self.rules.post_heads)
            count = 2
            if loose:  # "… hai Thứ trưởng nhất trí … Theo Thứ trưởng X, …": X is one of them
                for other in self.article.sentences:
                    if other.paragraph != sentence.paragraph or other.related:
                        continue
                    if not re.search(rf"\b{head}\b", fold(other.text)):
                        continue
                    for person in self._persons(tokenize(other.text)):
                        if (
                            person.official
                            and person.title
                            and fold(person.title).startswith(head)
                            and all(p.get("official") != person.official for p in participants)
                            and len(participants) < count
                        ):
                            fact.check(
                                f"participants.{len(participants)}",
                                f"one of the 'hai {title}' of the paragraph",
                            )
                            participants.append({"official": person.official, "role": role})
                            self._position(person, other)
            if len(participants) >= count:
                continue
            countries = self._event_countries(group, fact)
            present = {self._participant_country(p) for p in participants}
            missing = [c for c in countries if c not in present]
            if not missing or len(missing) != count - len(participants):
                continue
            post = self._level_post(group, head) or title
            for code in missing:
                label = f"{post} {COUNTRY_DATA[code].vi}"
                fact.check(
                    f"participants.{len(participants)}",
                    f"one of the 'hai {title}'; the country is assumed; {EN_CHECK}",
                )
                participants.append({"label_vi": label, "label_en": label, "role": role})

    def _level_post(self, group: list[_Mention], head: str) -> str | None:
        """The post written in full where the event's level is given ("cấp Thứ trưởng Ngoại giao")."""
        for m in group:
            toks = tokenize(m.clause)
            for word in self.rules.level_words:
                for i in find_all(toks, word):
                    j = i + len(word.split())
                    n = len(head.split())
                    if find_all(toks[j : j + n], head) == [0]:
                        return _span(toks, j, _without_countries(toks, j + n, self._title_end(toks, j + n)))
        return None

    def _event_countries(self, group: list[_Mention], fact: DraftFact) -> list[str]:
        """The two countries of an event: those its clauses name, its series', or the home country and
        the country the article names most."""
        named: set[str] = set()
        for m in group:
            named |= _countries_in(m.clause)
        if len(named) == 2:
            return sorted(named)
        series = fact.fields.get("series")
        known = self.knowledge.series(str(series)) if series else None
        if known is not None:
            listed = [c for c in known.countries if c in COUNTRY_DATA]
            if len(listed) == 2:
                return listed
        home = sorted(HOME_COUNTRIES)
        counts: Counter[str] = Counter(
            c for s in self.article.sentences if not s.related for c in _countries_in(s.text) if c not in home
        )
        if len(home) == 1 and counts:
            return [home[0], counts.most_common(1)[0][0]]
        return []

    def _participant_country(self, entry: dict[str, Any]) -> str | None:
        official = entry.get("official")
        if official:
            known = self.knowledge.official(str(official))
            if known is not None:
                return known.country
            drafted = next((f for f in self.new_officials.values() if f.id == official), None)
            return str(drafted.fields["country"]) if drafted else None
        country, sure = _country_of(str(entry.get("label_vi") or ""))
        return country if sure else None

    def _title_end(self, toks: Toks, j: int, stops: set[int] | frozenset[int] = frozenset()) -> int:
        """Where a title that runs on from token j ends: over bodies, countries, joiners and further
        posts ("Thứ trưởng Bộ Ngoại giao, Chủ nhiệm Ủy ban Biên giới quốc gia"), up to a name."""
        title_words = self._title_vocab()
        phrases = self._title_phrases()
        while j < len(toks) and j not in stops:
            phrase = next((p for p in phrases if [t.folded for t in toks[j : j + len(p)]] == p), None)
            if phrase is not None:  # "Việt Nam", "Vương quốc", "Liên bang"
                j += len(phrase)
            elif toks[j].folded == "va" and _is_head_start(toks, j + 1, self.rules.post_heads):
                break  # "… Lào và Phó Thủ tướng …": the next person
            elif self._name_starts(toks, j):
                break  # "Bộ trưởng Đặng Xuân Phong": a surname before a capitalised word starts the name
            elif _is_head_start(toks, j, self.rules.post_heads):  # a chain: "…, Chủ nhiệm Ủy ban …"
                j += max(
                    len(h.split()) for h in self.rules.post_heads if find_all(toks[j : j + len(h.split())], h)
                )
            elif toks[j].folded in title_words:
                j += 1
            else:
                break
        return j

    def _title_before(self, toks: Toks, i: int) -> tuple[int, str] | None:
        """(start, title) of the title written right before a name."""
        heads = [(j, h) for h in self.rules.post_heads for j in find_all(toks[:i], h)]
        best: int | None = None
        for j, h in heads:
            if i - j <= 14 and self._title_end(toks, j + len(h.split()), stops=frozenset({i})) == i:
                best = j if best is None else min(best, j)
        if best is None:
            return None
        # a title chain "Phó Thủ tướng, Bộ trưởng …" starts at the earliest head
        return best, _span(toks, best, i)

    def _titled(self, toks: Toks, i: int, taken: set[int]) -> Person | None:
        """A title at i followed by a new name, or a title alone (an unnamed person)."""
        cue_starts = {c[0] for c in self._cues(toks)}
        title_words = self._title_vocab()
        head = next(
            h
            for h in sorted(self.rules.post_heads, key=lambda h: -len(h))
            if find_all(toks[i:], h) and find_all(toks[i:], h)[0] == 0
        )
        j = self._title_end(toks, i + len(head.split()), stops=taken | cue_starts)
        # the name: capitalised tokens after the title
        k = j
        while k < len(toks) and toks[k].upper and k not in taken and k - j < 4:
            if k > j and toks.source[toks[k - 1].end : toks[k].start].strip():
                break  # a comma or a bracket ends a name
            if k - j >= 2 and _is_head_start(toks, k, self.rules.post_heads):
                break  # the next title ("…Bùi Thanh Sơn Bộ trưởng…")
            k += 1
        # "Việt Nam", "Lào" at the title's end were eaten as title words: that is right.
        start = i
        while (before := _head_before(toks, start, self.rules.post_heads)) is not None:
            start = before
        title = _span(toks, start, j)
        if k - j >= 2 and toks[j].folded not in title_words:
            name = _span(toks, j, k)
            similar = self._similar_official(name)
            if similar is not None:  # "Kittikhoun Aloukeo" for "Alounkeo Kittikhoun"
                return Person(similar, None, title, start, k, spelled=name)
            official_id = self._new_official(name, title, toks)
            return Person(official_id, None, title, start, k)
        group = head in self.rules.group_heads  # "lãnh đạo Bộ Quốc phòng Lào" is written lower-case
        if j > i and (toks[i].upper or group) and fold(title) not in self.rules.post_heads:
            linked = self._by_title(title)
            if linked:
                return Person(linked, None, title, start, j, linked_by_title=True)
            return Person(None, title, title, start, j)
        return None

    def _name_starts(self, toks: Toks, j: int) -> bool:
        """A capitalised surname followed by a capitalised word that is no surname: a Vietnamese name."""
        surnames = self.rules.surnames
        return (
            j + 1 < len(toks)
            and toks[j].upper
            and toks[j + 1].upper
            and toks[j].folded in surnames
            and toks[j + 1].folded not in surnames
        )

    def _title_vocab(self) -> set[str]:
        """Single words a title runs on with: bodies, joiners, one-word country names, the posts' words."""
        return set(self.rules.title_words) | {word for word in COUNTRIES if " " not in word}

    def _title_phrases(self) -> list[list[str]]:
        """Word groups a title runs on with as a whole ("viet nam", "vuong quoc"), longest first."""
        groups = [p.split() for p in self.rules.title_pairs] + [w.split() for w in COUNTRIES if " " in w]
        return sorted(groups, key=len, reverse=True)

    def _similar_official(self, name: str) -> str | None:
        """An official (of the base, or drafted already) whose name is this one in another order or
        spelling; the link is marked CHECK and the spelling offered as an alias."""
        key = fold(name)
        candidates = [(n, o) for n, o in self.base.officials] + [
            (k, f.id) for k, f in self.new_officials.items()
        ]
        best = [o for n, o in candidates if n != key and _same_name(n, key)]
        return best[0] if len(set(best)) == 1 else None

    def _by_title(self, title: str) -> str | None:
        holders = self.base.titles.get(fold(title), [])
        year = self.article.year or self.guess_year
        ids = {o for o, y in holders if y is None or y == year}
        exact = {o for o, y in holders if y == year}
        if len(exact) == 1:
            return exact.pop()
        if len(ids) == 1:
            return ids.pop()
        drafted = {o for o, t in self.new_official_titles.items() if fold(t) == fold(title)}
        return drafted.pop() if len(drafted) == 1 and not ids else None

    def _new_official(self, name: str, title: str, toks: Toks) -> str:
        key = fold(name)
        if key in self.new_officials:
            return self.new_officials[key].id
        fact = DraftFact("official", self._id(name), {})
        country, sure = _country_of(title)
        fact.fields = {"name": name, "country": country}
        if not sure:
            fact.check("country", "the title names no country; the home country is assumed")
        fact.fields["positions"] = []
        fact.fields["source"] = self.article.source
        fact.fields["quotes"] = []
        self.new_officials[key] = fact
        self.new_official_titles[fact.id] = title
        return fact.id

    def _quote_new_officials(self) -> None:
        """An official no drafted event names still cites the first sentence naming it, with its title."""
        for fact in self.new_officials.values():
            if fact.fields["quotes"]:
                continue
            name = str(fact.fields["name"])
            sentence = next((x for x in self.article.sentences if _names_in(name, x.text)), None)
            if sentence is None:  # pragma: no cover - the name was read from a sentence
                continue
            title = self.new_official_titles.get(fact.id)
            if title:
                self._position(Person(fact.id, None, title, 0, 0), sentence)
            if sentence.text not in fact.fields["quotes"]:
                fact.fields["quotes"].append(sentence.text)

    # ------------------------------------------------------------------ places
    def _place(self, toks: Toks, *, lead: bool, visit: bool = False) -> tuple[str | None, str | None]:
        words = [t.folded for t in toks]
        starts = sorted(i + len(c.split()) for c in self.rules.place_cues for i in find_all(toks, c))
        naming = {i + len(c.split()) for c in self.rules.new_place_cues for i in find_all(toks, c)}
        if visit:  # where a visit goes comes before where its travellers are from
            going = {i + len(c.split()) for c in self.rules.event_cues["visit"] for i in find_all(toks, c)}
            going |= {i + len(c.split()) for c in self.rules.destination_cues for i in find_all(toks, c)}
            starts = sorted(going) + [x for x in starts if x not in going]
        for s in starts:
            for name, place_id in self.base.places:
                n = len(name.split())
                if words[s : s + n] == name.split():
                    return place_id, None
            for word, code in sorted(COUNTRIES.items(), key=lambda p: -len(p[0])):
                n = len(word.split())
                if words[s : s + n] == word.split():
                    return self.base.country_place.get(code, f"{_COUNTRY_MARK}{code}"), None
            if s < len(toks) and toks[s].upper and s in naming:
                end = s
                keeps_tai = any(" ".join(words[s:]).startswith(h) for h in self.rules.place_names_with_tai)
                while end < len(toks) and end - s < 8:
                    if words[end] in self.rules.place_stops and not (
                        keeps_tai and words[end] == "tai" and end + 1 < len(toks) and toks[end + 1].upper
                    ):
                        break
                    end += 1
                text = _span(toks, s, end)
                # stop at the clause's punctuation
                text = re.split(r"[,;(]", text)[0].strip()
                if text and len(text.split()) <= 8:
                    return None, text
        return None, None

    def _is_country(self, place: str | None) -> bool:
        if place is None:
            return False
        if place.startswith(_COUNTRY_MARK):
            return True
        known = self.knowledge.place(place)
        return known is not None and known.place_kind == "country"

    def _country_place(self, code: str, sentence: Sentence) -> str:
        """A country the base has no place fact for: drafted from the language data's country names."""
        key = f"{_COUNTRY_MARK}{code}"
        if key not in self.new_places:
            country = COUNTRY_DATA[code]
            fact = DraftFact(
                "place",
                self._id(country.vi),
                {
                    "place_kind": "country",
                    "name_vi": country.vi,
                    "name_en": country.en,
                    "country": code,
                    "source": self.article.source,
                    "quotes": [sentence.text],
                },
            )
            self.new_places[key] = fact
        return self.new_places[key].id

    def _new_place(self, name: str, sentence: Sentence) -> str:
        key = fold(name)
        if key in self.new_places:
            return self.new_places[key].id
        kind = "city"
        for place_kind, heads in self.rules.place_kinds.items():
            if any(key == h or key.startswith(h + " ") for h in heads):
                kind = place_kind
        fact = DraftFact(
            "place",
            self._id(name),
            {
                "place_kind": kind,
                "name_vi": name,
                "name_en": name,
                "source": self.article.source,
                "quotes": [sentence.text],
            },
        )
        fact.check("place_kind", "guessed from the name's first words")
        fact.check("name_en", EN_CHECK)
        country, sure = _country_of(name)
        if sure:
            fact.fields["country"] = country
        self.new_places[key] = fact
        return fact.id

    # ------------------------------------------------------------------ events
    def _events(self, mentions: list[_Mention]) -> list[DraftFact]:
        groups: list[list[_Mention]] = []
        for m in mentions:
            target = self._group_of(m, groups)
            if m.attach_to is not None:  # "Tại cuộc gặp, …": more about the event just reported
                target = next((g for g in groups if any(x is m.attach_to for x in g)), target)
                m.persons = []
            if target is None:
                if m.anaphoric and not m.persons:
                    continue
                groups.append([m])
            else:
                target.append(m)
        self._place_loose_pairs(groups)
        events: list[DraftFact] = []
        held: list[tuple[int, DraftFact]] = []
        for group in groups:
            fact = self._event(group)
            if fact is None:
                continue
            events.append(fact)
            if fact.fields.get("status") != "planned":
                held.append((group[0].sentence.index, fact))
        for fact in events:
            if fact.fields.get("status") == "planned":
                first = int(fact.fields.pop("_at"))
                before = [f for i, f in held if i <= first and f.fields["event_kind"] != "visit"]
                pick = before[-1] if before else None
                if pick is not None:
                    fact.fields["planned_by"] = pick.id
                    fact.check(
                        "planned_by", "the held event reported last before it; confirm it was agreed there"
                    )
            else:
                fact.fields.pop("_at", None)
        return events

    def _group_of(self, m: _Mention, groups: list[list[_Mention]]) -> list[_Mention] | None:
        officials = {p.official for p, _ in m.persons if p.official}
        for group in groups:
            g = group[0]
            if (
                m.round is not None
                and g.round == m.round
                and (
                    (m.series and m.series == g.series)
                    or (m.new_series and g.new_series and _similar(m.new_series, g.new_series))
                )
            ):
                return group
            if m.round is not None and g.round == m.round and g.kind == m.kind:
                theirs = {p.official for x in group for p, _ in x.persons if p.official}
                if officials & theirs:
                    return group
            if m.series and m.series == g.series and (m.round is None or g.round is None):
                theirs = {p.official for x in group for p, _ in x.persons if p.official}
                if officials & theirs:
                    return group
            if (
                m.round is None
                and m.series is None
                and m.new_series is None
                and m.kind == g.kind
                and officials
            ):
                theirs = {p.official for x in group for p, _ in x.persons if p.official}
                if officials <= theirs and (g.round is not None or g.series is not None):
                    return group  # "… đồng chủ trì tham vấn chính trị với …" after the numbered consultation
            if m.round is None and g.round is None and m.kind == g.kind and m.series == g.series:
                theirs = {p.official for x in group for p, _ in x.persons if p.official}
                dates = {x.date for x in group if x.date and not x.inherited}
                same_day = m.date is None or m.inherited is not None or not dates or m.date in dates
                nested = officials <= theirs or theirs <= officials
                undated = bool(officials & theirs) and (m.date is None or not any(x.date for x in group))
                if officials and (nested or undated) and same_day:
                    return group  # a headline and its sentence, a caption and its paragraph
        return None

    def _event(self, group: list[_Mention]) -> DraftFact | None:
        first = group[0]
        kind = first.kind
        series = next((m.series for m in group if m.series), None)
        new_series = next((m.new_series for m in group if m.new_series), None) if series is None else None
        round_ = next((m.round for m in group if m.round is not None), None)
        planned = first.planned
        people = any(m.persons for m in group)
        dated_in_text = any(m.date and not m.date_inferred and not m.inherited for m in group)
        if not people and round_ is None and not dated_in_text:
            return None  # a bare mention ("chúc Tết … tại Nga" in a headline) anchors nothing
        fields: dict[str, Any] = {"event_kind": kind}
        fact = DraftFact("event", "", fields)
        if planned:
            fields["status"] = "planned"
            fact.check("status", "planned as of the article (a cue such as 'sẽ', 'chuẩn bị tổ chức')")
        series_name = None
        if series:
            fields["series"] = series
            s = self.knowledge.series(series)
            series_name = s.name_vi if s else series
        elif new_series and round_ is not None:
            fields["series"] = self._series_fact(new_series, first.sentence, kind)
            fact.check(
                "series", "a new series drafted from the text; is it one the base knows by another name?"
            )
            series_name = new_series
        if round_ is not None and "series" in fields:
            fields["round"] = round_
        dated = next((m for m in group if m.date and not m.inherited), None) or next(
            (m for m in group if m.date), None
        )
        if dated is not None and dated.month_before:
            fields["date"] = dated.date
            fields["date_inferred"] = True
            fields["date_note"] = (
                f'The sentence says it came before the event reported before it ("{dated.date_text or ""}"), '
                "on the same occasion: that event's month and year are assumed."
            )
            fact.check("date", "the month of the event reported before ('trước đó'); the day is not given")
        elif dated is not None and dated.frame and not dated.inherited and len(dated.date or "") >= 10:
            fields["date"] = (dated.date or "")[:7]
            fields["date_inferred"] = True
            fields["date_note"] = (
                f'The sentence\'s date ("{(dated.date_text or "").strip()}") is of what was done during it, '
                "not of its start or end: only the month is given"
                + ("; the year is inferred." if dated.date_inferred else ".")
            )
            fact.check("date", "the month of a day within it; it may have lasted several days")
        elif dated is not None:
            fields["date"] = dated.date
            if dated.inherited:
                fact.check("date", f"the date of the event reported before ({dated.inherited})")
            inferred = dated.date_inferred
            if inferred:
                fields["date_inferred"] = True
                fields["date_note"] = self._date_note(dated.date_text or "", True)
                if self.article.year is None:
                    fact.check("date", "the year is a guess from the years the article mentions")
        elif not planned and any(not m.sentence.related and not m.reference for m in group):
            # an event the article itself reports (not a related-news item, not "kết quả Kỳ họp 46")
            if self.article.year is not None:
                fields["date"] = (
                    f"{self.article.year}-{self.article.month:02d}"
                    if self.article.month
                    else str(self.article.year)
                )
                fields["date_inferred"] = True
                fields["date_note"] = (
                    "The sentence gives no date; this is the date of the article's metadata line "
                    f'"date {fields["date"]}".'
                )
                fact.check("date", "only the article's own date; the event may be earlier")
            elif self.guess_year is not None:
                fields["date"] = str(self.guess_year)
                fields["date_inferred"] = True
                fields["date_note"] = (
                    "The article gives no date for it and has no metadata line; "
                    f"{self.guess_year} is the year its own sentences (not related news, not plans) "
                    "mention most often."
                )
                fact.check("date", "the year is a guess from the years the article mentions")
        # the most precise place the group's sentences give: a venue over a country, read over inherited
        placed = min(
            (m for m in group if m.place or m.new_place),
            key=lambda m: (m.inherited is not None, self._is_country(m.place)),
            default=None,
        )
        if placed is not None:
            if placed.inherited:
                fact.check("place", f"the place of the event reported before ({placed.inherited})")
            if placed.place_from_trip:
                fact.check("place", "where the visit it was held during went")
            if placed.place and placed.place.startswith(_COUNTRY_MARK):
                fields["place"] = self._country_place(placed.place[len(_COUNTRY_MARK) :], placed.sentence)
            elif placed.place:
                fields["place"] = placed.place
            elif placed.new_place:
                fields["place"] = self._new_place(placed.new_place, placed.sentence)
                fact.check("place", "a new place drafted from 'tại …'")
        participants: list[dict[str, Any]] = []
        seen: set[str] = set()
        for m in group:
            for person, role in m.persons:
                key = person.official or f"label:{fold(person.label or '')}"
                if key in seen:
                    continue
                seen.add(key)
                entry: dict[str, Any]
                if person.official:
                    entry = {"official": person.official, "role": role}
                    if m.borrowed is not None and m.borrowed == person.official:
                        fact.check(
                            f"participants.{len(participants)}", "taken from the event reported before"
                        )
                    if person.spelled:
                        fact.check(
                            f"participants.{len(participants)}",
                            f"linked by a similar spelling '{person.spelled}'",
                        )
                        self._alias(person.official, person.spelled, m.sentence)
                    if person.linked_by_title:
                        fact.check(
                            f"participants.{len(participants)}",
                            f"linked by the title '{person.title}' alone",
                        )
                    self._position(person, m.sentence)
                else:
                    entry = {"label_vi": person.label, "label_en": person.label, "role": role}
                    fact.check(f"participants.{len(participants)}", f"an unnamed person; {EN_CHECK}")
                participants.append(entry)
        self._fill_pairs(fact, group, participants)
        if participants:
            fields["participants"] = participants
        title = self._title(kind, series_name, round_, group)
        fields["title_vi"] = title
        fields["title_en"] = title
        fact.check("title_vi", "composed by the drafter")
        fact.check("title_en", EN_CHECK)
        fields["summary_vi"] = first.sentence.text
        fields["summary_en"] = first.sentence.text
        fact.check("summary_vi", "the first quote; write a summary")
        fact.check("summary_en", EN_CHECK)
        quotes = list(dict.fromkeys(m.sentence.text for m in group))
        fields["source"] = self.article.source
        fields["quotes"] = quotes
        fields["_at"] = first.sentence.index
        names = list(dict.fromkeys(p.official or "" for m in group for p, _ in m.persons if p.official))
        stem = "session" if kind == "committee_session" else kind
        if "series" in fields and round_ is not None:
            base_id = f"{fields['series']}-{round_}"
        else:
            base_id = "-".join([stem, *names[:2], str(fields.get("date", "")).split("/")[0]])
        fact.id = self._id(base_id)
        for official in self.new_officials.values():
            if any(p.official == official.id for m in group for p, _ in m.persons):
                for q in quotes:
                    if q not in official.fields["quotes"] and _names_in(official.fields["name"], q):
                        official.fields["quotes"].append(q)
        return fact

    def _alias(self, official_id: str, spelling: str, sentence: Sentence) -> None:
        """Another spelling of a drafted official becomes an alias (marked CHECK)."""
        for fact in self.new_officials.values():
            if fact.id == official_id:
                aliases = fact.fields.setdefault("aliases", [])
                if spelling not in aliases:
                    aliases.append(spelling)
                    fact.check("aliases", "spellings the article also uses")
                if sentence.text not in fact.fields["quotes"]:
                    fact.fields["quotes"].append(sentence.text)

    def _title(self, kind: str, series_name: str | None, round_: int | None, group: list[_Mention]) -> str:
        """A working title for the curator to rewrite: the series and round, or the kind and the people."""
        if series_name:
            if round_ is None:
                return series_name
            return self.rules.title_vi["round"].format(name=series_name, round=round_)
        people: list[str] = []
        for m in group:
            for p, _ in m.persons:
                name = self._name_of(p)
                if name and name not in people:
                    people.append(name)
        if not people:
            return self.rules.title_vi[kind]
        return self.rules.title_vi["people"].format(
            kind=self.rules.title_vi[kind], people=", ".join(people[:3])
        )

    def _name_of(self, person: Person) -> str | None:
        if person.official:
            known = self.knowledge.official(person.official)
            if known:
                return known.name
            for f in self.new_officials.values():
                if f.id == person.official:
                    return str(f.fields["name"])
        return person.label

    def _series_fact(self, name: str, sentence: Sentence, kind: str) -> str:
        for key, fact in self.new_series.items():
            if _similar(key, name):
                if sentence.text not in fact.fields["quotes"]:
                    fact.fields["quotes"].append(sentence.text)
                return fact.id
        name_vi = name[:1].upper() + name[1:]
        fact = DraftFact(
            "series",
            self._id(name_vi),
            {
                "name_vi": name_vi,
                "name_en": name_vi,
                "countries": sorted(_countries_in(name)),
                "source": self.article.source,
                "quotes": [sentence.text],
            },
        )
        fact.check("name_vi", "the name as the sentence writes it; trim or complete it")
        fact.check("name_en", EN_CHECK)
        fact.check("countries", "the countries its name mentions")
        self.new_series[name] = fact
        return fact.id

    def _position(self, person: Person, sentence: Sentence) -> None:
        if not person.title or not person.official or person.linked_by_title:
            return
        if fold(person.title) in self.rules.post_heads and self.knowledge.official(person.official):
            return  # a bare "Bộ trưởng" before a known name says nothing new
        country, sure = _country_of(person.title)
        known_official = self.knowledge.official(person.official)
        if not sure and known_official is not None:
            country, sure = known_official.country, True
        position: dict[str, Any] = {
            "title_vi": person.title,
            "title_en": self.rules.titles_en.get(_strip_countries(fold(person.title)), person.title),
            "country": country,
        }
        checks: dict[str, str] = {}
        if position["title_en"] == person.title:
            checks["title_en"] = EN_CHECK
        if not sure:
            checks["country"] = "the title names no country"
        if self.article.year is not None:
            position["as_of"] = (
                f"{self.article.year}-{self.article.month:02d}"
                if self.article.month
                else str(self.article.year)
            )
        position["source"] = self.article.source
        position["quote"] = sentence.text
        for f in self.new_officials.values():
            if f.id == person.official:
                if not any(fold(p["title_vi"]) == fold(person.title) for p in f.fields["positions"]):
                    f.fields["positions"].append(position)
                    for key, reason in checks.items():
                        f.check(f"positions.{len(f.fields['positions']) - 1}.{key}", reason)
                if sentence.text not in f.fields["quotes"]:
                    f.fields["quotes"].append(sentence.text)
                return
        known = self.knowledge.official(person.official)
        if known is None:
            return
        if any(fold(p.title_vi) == fold(person.title) for p in known.positions):
            return
        if any(
            u.official == known.id and fold(u.position["title_vi"]) == fold(person.title)
            for u in self.positions
        ):
            return
        self.positions.append(PositionUpdate(known.id, position, checks))

    # ------------------------------------------------------------------ agreements and figures
    def _subject(self, text: str, at: int) -> str:
        """The noun phrase a figure belongs to: the clause start up to the number's verb."""
        clause = re.split(r"[,;.]\s*", text[:at])[-1]
        verbs = "|".join(map(re.escape, self.rules.figure_verbs))
        qualifiers = "|".join(map(re.escape, self.rules.figure_qualifiers))
        clause = re.split(rf"\s+(?:{verbs})\s*(?:{qualifiers})?\s*$", clause)[0]
        clause = re.sub(r"\s+\d+ tháng (?:đầu )?năm \d{4}\s*$", "", clause).strip()
        return clause or text[:at].strip() or "?"

    def _agreements(self) -> None:
        seen: dict[str, DraftFact] = {}
        for sentence in self.article.sentences:
            toks = tokenize(sentence.text)
            for head, kind in sorted(self.rules.agreement_heads.items(), key=lambda p: -len(p[0])):
                for i in find_all(toks, head):
                    if not toks[i].upper:
                        continue
                    end = _agreement_end(sentence.text, toks, i + len(head.split()))
                    name = _span(toks, i, end)
                    key = fold(name)
                    if len(key.split()) < 3 or any(key in n or n in key for n, _ in self.base.agreements):
                        continue
                    if key in seen:
                        if sentence.text not in seen[key].fields["quotes"]:
                            seen[key].fields["quotes"].append(sentence.text)
                        continue
                    fact = DraftFact(
                        "agreement",
                        self._id(name),
                        {"agreement_kind": kind, "name_vi": name, "name_en": name},
                    )
                    fact.check("name_en", EN_CHECK)
                    fact.fields["parties_vi"] = "?"
                    fact.fields["parties_en"] = "?"
                    fact.check("parties_vi", "the parties: read them from the article")
                    fact.check("parties_en", EN_CHECK)
                    period = re.search(r"(\d{4})\s*[-–]\s*(\d{4})|từ năm (\d{4}) đến năm (\d{4})", name)
                    if period:
                        a, b = (period[1], period[2]) if period[1] else (period[3], period[4])
                        if int(a) <= int(b):
                            fact.fields["period_start"] = int(a)
                            fact.fields["period_end"] = int(b)
                    signed = re.search(r"\(ký tháng (\d{1,2})/(\d{4})\)", sentence.text[toks[i].start :])
                    if signed:
                        fact.fields["signed"] = f"{signed[2]}-{int(signed[1]):02d}"
                    fact.fields["summary_vi"] = sentence.text
                    fact.fields["summary_en"] = sentence.text
                    fact.check("summary_vi", "the first quote; write a summary")
                    fact.check("summary_en", EN_CHECK)
                    fact.fields["source"] = self.article.source
                    fact.fields["quotes"] = [sentence.text]
                    seen[key] = fact
                    self.facts.append(fact)

    def _figures(self, events: list[DraftFact]) -> None:
        qualifiers = "|".join(map(re.escape, self.rules.figure_qualifiers))
        pattern = re.compile(
            rf"(?P<pre>(?:{qualifiers})\s+)?(?P<num>\d+(?:[.,]\d+)?)\s*(?=(?P<rest>%|[^\W\d_]+(?:\s+[^\W\d_]+)?))"
        )
        for sentence in self.article.sentences:
            previous_name = ""
            for m in pattern.finditer(sentence.text):
                rest = "%" if m["rest"] == "%" else fold(m["rest"])
                unit_key = next(
                    (
                        u
                        for u in sorted(self.rules.figure_units, key=len, reverse=True)
                        if rest == u or rest.startswith(u + " ")
                    ),
                    None,
                )
                if unit_key is None:
                    continue
                unit = self.rules.figure_units[unit_key]
                value = (
                    float(m["num"].replace(".", "").replace(",", ".")) if "," in m["num"] else float(m["num"])
                )
                before = sentence.text[: m.start()]
                growth = any(re.search(rf"\b{g}\s*$", fold(before[-12:])) for g in self.rules.growth_cues)
                period = re.search(r"\d+ tháng (?:đầu )?năm \d{4}|năm \d{4}", sentence.text)
                name = self._subject(sentence.text, m.start())
                if growth and fold(name) in self.rules.growth_cues and previous_name:
                    name = previous_name
                previous_name = name
                fact = DraftFact(
                    "figure",
                    self._id(f"figure-{name}-{m['num']}"),
                    {
                        "name_vi": name,
                        "name_en": name,
                        "value": int(value) if value.is_integer() else value,
                        "unit": unit,
                        "value_text_vi": _value_text(m, unit_key),
                        "value_text_en": _value_text(m, unit_key),
                        "period_vi": period[0] if period else "?",
                        "period_en": period[0] if period else "?",
                    },
                )
                fact.check(
                    "name_vi",
                    "what the figure measures: the words before it" + ("; a growth rate" if growth else ""),
                )
                fact.check("name_en", EN_CHECK)
                fact.check("value_text_en", EN_CHECK)
                fact.check("period_en", EN_CHECK)
                if not period:
                    fact.check("period_vi", "the sentence gives no period")
                else:
                    y = re.search(r"\d{4}", period[0])
                    if y:
                        fact.fields["year"] = int(y[0])
                about = next((e for e in events if sentence.text in e.fields["quotes"]), None)
                if about is None and events:
                    held = [e for e in events if e.fields.get("status") != "planned"]
                    if held:
                        about = held[0]
                        fact.fields["about"] = about.id
                        fact.check("about", "the article's first held event")
                elif about is not None:
                    fact.fields["about"] = about.id
                fact.fields["source"] = self.article.source
                fact.fields["quotes"] = [sentence.text]
                self.facts.append(fact)


def _name_ends(toks: Toks, k: int) -> bool:
    """Whether a name written in running text ends before token k: at ';', '.', '(' or a comma before a
    lower-case word, or at a lower-case linking word ("tại", "vào", "và" before a lower-case word)."""
    gap = toks.source[toks[k - 1].end : toks[k].start]
    if any(c in gap for c in ";.()"):
        return True
    if "," in gap and not toks[k].upper:
        return True
    if toks[k].text in load_rules().name_stops:
        return not (toks[k].text == "và" and k + 1 < len(toks) and toks[k + 1].upper)
    return False


# Lower-case words that end a name written in running text ("… Việt Nam-Lào tại Lào vào năm 2032").


_ASIDE = re.compile(r"\(([^()]*)\)")
_DATE_ONLY = re.compile(r"^\s*(?:tháng\s+)?\d{1,2}\s*/\s*\d{1,4}(?:\s*/\s*\d{4})?\s*$", re.IGNORECASE)


def _without_asides(text: str) -> str:
    """The text with its bracketed asides blanked, except an aside that is one date ("(tháng 4/2023)",
    "(8/1)"): "(ký tháng 12/2014)" or "(20/1/1949 - 20/1/2024)" date something else."""
    return _ASIDE.sub(lambda m: m[0] if _DATE_ONLY.match(m[1]) else " " * len(m[0]), text)


def _agreement_end(text: str, toks: Toks, j: int) -> int:
    """Where an agreement's name ends: at a period of years, or at punctuation."""
    k = j
    while k < len(toks) and k - j < 16:
        gap = text[toks[k - 1].end : toks[k].start]
        if any(c in gap for c in ',;:()“”"') or (gap.strip(" -–") and gap.strip() not in ("-", "–")):
            break
        if (
            re.fullmatch(r"\d{4}", toks[k].text)
            and k + 1 < len(toks)
            and re.fullmatch(r"\d{4}", toks[k + 1].text)
        ):
            return k + 2
        k += 1
    return k


def _value_text(m: re.Match[str], unit_key: str) -> str:
    """The number and its unit as written ('hơn 1,2 tỷ USD', '33,6%')."""
    unit = "%" if unit_key == "%" else " ".join(m["rest"].split()[: len(unit_key.split())])
    gap = "" if unit == "%" else " "
    return f"{m['pre'] or ''}{m['num']}{gap}{unit}".strip()


def _span(toks: Sequence[Tok], i: int, j: int) -> str:
    """The original text from token i to token j (exclusive)."""
    if j <= i:
        return ""
    source = getattr(toks, "source", "")
    if source:
        return collapse_whitespace(source[toks[i].start : toks[j - 1].end])
    return " ".join(t.text for t in toks[i:j])


def _similar(a: str, b: str) -> bool:
    sa, sb = set(fold(a).split()), set(fold(b).split())
    return bool(sa and sb) and len(sa & sb) / min(len(sa), len(sb)) >= 0.6


def _names_in(name: str, text: str) -> bool:
    return fold(name) in fold(text)


def _country_of(text: str) -> tuple[str, bool]:
    """The country a title or name ends with ("Bộ trưởng Bộ Giáo dục Lào" → LA), or the home country."""
    folded = f" {fold(text)} "
    for phrase in load_rules().not_country_phrases:  # "giáo dục" holds no Đức
        folded = folded.replace(f" {phrase} ", " " + "_" * len(phrase) + " ")
    found = [
        (folded.rfind(f" {word} ") + len(word), len(word), code)
        for word, code in COUNTRIES.items()
        if f" {word} " in folded
    ]
    if found:
        return max(found)[2], True
    home = sorted(HOME_COUNTRIES)
    return (home[0] if home else next(iter(COUNTRY_DATA))), False


def _countries_in(text: str) -> set[str]:
    folded = f" {fold(text)} "
    return {code for word, code in COUNTRIES.items() if f" {word} " in folded}


def _strip_countries(folded: str) -> str:
    words = folded.split()
    country_words = {w for word in COUNTRIES for w in word.split()}
    while words and words[-1] in country_words:
        words.pop()
    return " ".join(words)


def _is_head_start(toks: Toks, j: int, heads: list[str]) -> bool:
    return any(find_all(toks[j : j + len(h.split())], h) == [0] for h in heads)


def _same_name(a: str, b: str) -> bool:
    """Two folded names that are one name spelt otherwise (see SIMILAR_WORD_MIN)."""
    if max(len(w) for w in a.split()) < SIMILAR_WORD_MIN:
        return a == b  # Vietnamese syllables: "Trần Khôi Minh" is not "Trần Minh Khôi"
    wa, wb = sorted(a.split()), sorted(b.split())
    return len(wa) == len(wb) and all(
        x == y or (min(len(x), len(y)) >= SIMILAR_WORD_MIN and Levenshtein.distance(x, y) <= 1)
        for x, y in zip(wa, wb, strict=True)
    )


def _without_countries(toks: Toks, start: int, end: int) -> int:
    """Where a post ends once the countries it runs on with are left out ("Thứ trưởng Ngoại giao Việt
    Nam-Lào" → "Thứ trưởng Ngoại giao"): the label adds the one country it is for."""
    country_words = {w for word in COUNTRIES for w in word.split()}
    while end > start and toks[end - 1].folded in country_words:
        end -= 1
    return end


def _post_head(title: str, heads: list[str]) -> str:
    """The longest post head a title starts with, folded ("Thứ trưởng Bộ Tư pháp" → "thu truong")."""
    folded = " ".join(fold(title).split())
    return max((h for h in heads if folded == h or folded.startswith(h + " ")), key=len, default=folded)


def _head_before(toks: Toks, start: int, heads: list[str]) -> int | None:
    """A title chain 'Phó Thủ tướng, Bộ trưởng …': the start of the head right before `start`, if any."""
    for h in heads:
        n = len(h.split())
        j = start - n
        if j >= 0 and find_all(toks[j:start], h) == [0]:
            return j
    return None


# ------------------------------------------------------------------------------ YAML output

_FIELD_ORDER = {
    "official": ["name", "aliases", "country", "source", "quotes", "positions"],
    "series": ["name_vi", "name_en", "countries", "source", "quotes"],
    "place": ["place_kind", "name_vi", "name_en", "country", "source", "quotes"],
    "event": [
        "event_kind",
        "status",
        "series",
        "round",
        "date",
        "date_inferred",
        "date_note",
        "place",
        "participants",
        "planned_by",
        "title_vi",
        "title_en",
        "summary_vi",
        "summary_en",
        "source",
        "quotes",
    ],
}


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    text = str(value)
    if re.fullmatch(r"[a-z0-9][a-z0-9_-]*", text) and text not in (
        "true",
        "false",
        "null",
        "yes",
        "no",
        "on",
        "off",
    ):
        return text
    return json.dumps(text, ensure_ascii=False)


def _comment(reason: str | None) -> str:
    return f"  # CHECK: {reason}" if reason else ""


def render_yaml(draft: Draft) -> str:
    """The draft as a fact file, with a `# CHECK: reason` comment on every line a curator must review."""
    counts = ", ".join(f"{n} {kind}" for kind, n in sorted(draft.by_kind().items()))
    lines = [
        f"# Draft facts of {draft.source}, written by `python -m bot knowledge draft` for a curator.",
        f"# {counts or 'no facts'}; {draft.check_count()} fields marked CHECK.",
        "# Nothing here is in service: edit, then `python -m bot knowledge validate` on a folder holding the",
        "# base and this file (with the article in seeds/), then move the facts into knowledge/ and /reload.",
        "facts:",
    ]
    for fact in draft.facts:
        lines.append(f"  - kind: {fact.kind}")
        lines.append(f"    id: {fact.id}")
        order = _FIELD_ORDER.get(fact.kind, [])
        keys = [k for k in order if k in fact.fields] + [k for k in fact.fields if k not in order]
        for key in keys:
            lines.extend(_field(key, fact.fields[key], fact.checks, "    "))
        lines.append("")
    if draft.positions:
        lines.append(
            "# New positions of officials the base already holds: add each under `positions:` of that"
        )
        lines.append(
            "# official in knowledge/officials.yaml (they are comments here so the draft validates as it is)."
        )
        for update in draft.positions:
            lines.append(f"# official {update.official}:")
            for line in _field(
                "positions",
                [update.position],
                {f"positions.0.{k}": v for k, v in update.checks.items()},
                "    ",
            ):
                lines.append("#" + line[1:] if line.startswith(" ") else "# " + line)
    return "\n".join(lines).rstrip() + "\n"


def _field(key: str, value: Any, checks: dict[str, str], indent: str) -> list[str]:
    if isinstance(value, list):
        if not value:
            return [f"{indent}{key}: []{_comment(checks.get(key))}"]
        out = [f"{indent}{key}:{_comment(checks.get(key))}"]
        for i, item in enumerate(value):
            if isinstance(item, dict):
                if key == "participants":
                    body = ", ".join(f"{k}: {_scalar(v)}" for k, v in item.items())
                    out.append(f"{indent}  - {{{body}}}{_comment(checks.get(f'{key}.{i}'))}")
                else:
                    first = True
                    for k, v in item.items():
                        lead = f"{indent}  - " if first else f"{indent}    "
                        out.append(f"{lead}{k}: {_scalar(v)}{_comment(checks.get(f'{key}.{i}.{k}'))}")
                        first = False
            else:
                out.append(f"{indent}  - {_scalar(item)}{_comment(checks.get(f'{key}.{i}'))}")
        return out
    return [f"{indent}{key}: {_scalar(value)}{_comment(checks.get(key))}"]


MAX_UPLOAD_BYTES = 512 * 1024


class DraftInputError(ValueError):
    """An uploaded article that cannot be drafted; `key` names the catalog message that says why."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def upload_name(file_name: str | None) -> str:
    """A safe seed file name for an uploaded article ('../x y.txt' → 'x-y.txt'); must end in .txt."""
    base = Path(file_name or "").name
    if not base.lower().endswith(".txt"):
        raise DraftInputError("draft_not_txt")
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "-", base[:-4]).strip("-.") or "article"
    return f"{stem}.txt"


def draft_upload(file_name: str | None, data: bytes, knowledge: Knowledge) -> tuple[str, str, Draft]:
    """(draft file name, draft YAML, draft) for an article sent as a file; `DraftInputError` if unusable."""
    source = upload_name(file_name)
    if len(data) > MAX_UPLOAD_BYTES:
        raise DraftInputError("draft_too_big")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise DraftInputError("draft_not_utf8") from None
    draft = draft_article(text, source, knowledge)
    return f"{source[:-4]}.draft.yaml", render_yaml(draft), draft


def kinds_line(draft: Draft) -> str:
    return ", ".join(f"{n} {kind}" for kind, n in sorted(draft.by_kind().items())) or "0"


def draft_article(text: str, source: str, knowledge: Knowledge) -> Draft:
    return Drafter(knowledge).draft(text, source)


def summary(draft: Draft, lang: str = "en") -> str:
    """A few lines for a person: facts by kind and the fields to check."""
    counts = draft.by_kind()
    kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items())) or "no facts"
    lines = [f"Draft of {draft.source}: {kinds}; {draft.check_count()} fields to check."]
    if draft.positions:
        lines.append(f"{len(draft.positions)} new position(s) of known officials (as comments at the end).")
    by_field: Counter[str] = Counter()
    for fact in draft.facts:
        for key in fact.checks:
            by_field[key.split(".")[0]] += 1
    if by_field:
        lines.append("To check: " + ", ".join(f"{k} ×{n}" for k, n in by_field.most_common(8)))
    return "\n".join(lines)

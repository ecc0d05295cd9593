"""Language knowledge the engine needs, kept apart from the facts and apart from the code.

The words live in YAML under `bot/nlu/data/` (a curator adds a synonym, a cue word or a country
there, never here): `cues.yaml` (what a question asks, which kind of event, greetings, attributes
never held), `synonyms.yaml` (English and Vietnamese wordings of one concept onto one folded form),
`words.yaml` (posts, stop words) and `countries.yaml` (ISO codes, display names, the words that
name them). This module validates them once at import and exposes them in the forms matching
needs: compiled whole-word patterns and sets, all on folded text.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

DATA_DIR = Path(__file__).resolve().parent / "data"


class Intent(StrEnum):
    WHEN = "when"
    WHERE = "where"
    WHO = "who"
    WHAT = "what"
    HOW_MUCH = "how_much"
    PROFILE = "profile"
    LIST = "list"
    PLANNED = "planned"


def _folded_phrases(phrases: list[str]) -> list[str]:
    from bot.nlu.text import fold

    bad = [p for p in phrases if fold(p) != p]
    if bad:
        raise ValueError(f"phrases must be written folded (lower case, no tone marks, đ as d): {bad}")
    return phrases


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PluralsAsked(_Data):
    leads: list[str]
    nouns: list[str]
    gap: int = Field(ge=0, le=6)
    vi_leads: list[str]
    vi_nouns: list[str]


class ClauseOpener(_Data):
    word: str
    after: list[str]
    unless_after: list[str]
    # "When Chanwit received Duc, who did he ask …": the word opening the question, not asked when a
    # clause follows it (no word of `asked_after` right after it) and one of `after` comes later
    asked_after: list[str] = Field(default_factory=list)


class DaysCounted(_Data):
    count: list[str]
    longer: list[str]
    apart: list[str]


class SpanApart(_Data):
    words: list[str]
    not_: list[str] = Field(default_factory=list, alias="not")


class PostWhich(_Data):
    after: list[str]
    gap: int = Field(ge=0, le=4)


class RelativeClause(_Data):
    markers: list[str]  # the word that opens the clause after the record's name ("mà")
    ends: list[str]  # the words that close it before what is asked ("là", "có")


class Cues(_Data):
    intents: dict[Intent, list[str]]
    plurals_asked: PluralsAsked
    post_which: PostWhich
    marked_forms: dict[Intent, dict[str, list[str]]]
    intents_not_in: dict[Intent, list[str]] = Field(default_factory=dict)
    listed_slots: dict[Intent, list[str]] = Field(default_factory=dict)
    clause_openers: dict[Intent, ClauseOpener] = Field(default_factory=dict)
    relative_clause: RelativeClause
    event_kinds: dict[str, list[str]]
    event_kinds_before_country: dict[str, list[str]]
    event_kinds_not_in: list[str] = Field(default_factory=list)
    kind_asked_after: list[str]
    kind_asked_before: list[str]
    kind_qualifier_glue: list[str]
    kind_qualifiers_after: list[str] = Field(default_factory=list)
    listed_slot_glue: list[str]
    level_word: str
    kinds_any_event: list[str]
    points_reached: list[str]
    fact_kinds: dict[str, list[str]]
    day_asked: list[str]
    held_asked: list[str]
    members: list[str]
    occasion: list[str]
    held_during: list[str]
    counterpart_before: list[str]
    sidelines: list[str]
    records_named: dict[Literal["series", "agreement"], list[str]]
    anniversary: list[str]
    anniversary_words: list[str]
    year_asked: list[str]
    until_asked: list[str]
    soon: list[str]
    this_month: list[str]
    relative_dates: dict[Literal["today", "this_year", "last_year", "this_month"], list[str]]
    city_asked: list[str]
    venue_asked: list[str]
    round_asked: list[str]
    as_of: list[str]
    as_of_then: list[str]
    month_asked: list[str]
    definition: list[str]
    level_asked: list[str]
    mentioned: list[str]
    claims: list[str]
    claim_starts: list[str]
    claim_ends: list[str]
    claim_tags: list[str]
    post_copulas: list[str]
    conjunctions: list[str]
    pair_joiners: list[str]
    officials_asked: list[str]
    said_verbs: list[str]
    kinds_of_point: list[str]
    precision: list[str]
    topic_cues: list[str]
    previous_round: list[str]
    parts_of_day: dict[str, list[str]]
    parts_of_day_dated: dict[str, list[str]] = Field(default_factory=dict)
    post_start: list[str]
    term_asked: list[str]
    span_asked: list[str]
    years_left: list[str]
    views: list[str]
    located: list[str]
    why_not: dict[str, list[str]]
    contracted: dict[str, str]
    yes_no_tail: dict[str, str]
    scene_openers: list[str]
    time_openers: list[str]
    latest_round: list[str]
    event_asked: list[str]
    one_event_asked: list[str]
    day_after: list[str]
    figures_asked: list[str]
    first_asked: list[str]
    order_claimed: dict[str, list[str]]
    each_asked: list[str]
    mechanism_sides: dict[str, list[str]]
    anniversary_occasion: list[str]
    name_asked_after: list[str]
    alternatives: list[str]
    same_person: dict[Literal["same", "other"], list[str]]
    differ: list[str]
    dropped_finals: list[str]
    name_links: list[str]
    excluded_first: list[str]
    nationality: list[str]
    post_country_asked: list[str]
    place_kind_asked: dict[str, list[str]]
    succession: dict[Literal["always", "with_post"], list[str]]
    place_claim_words: list[str]
    venue_words: list[str]
    post_capacity: list[str]
    durations: list[str]
    age: list[str]
    months_asked: list[str]
    percent: list[str]
    whole_period: list[str]
    lasted: list[str]
    span_between: list[tuple[str, str]]
    span_apart: SpanApart
    part_period: list[str]
    compared_with: list[str]
    amount_compared: dict[Literal["above", "below", "fillers"], list[str]]
    share_words: list[str]
    money_signs: list[str]
    money_words: list[str]
    name: list[str]
    concluded: list[str]
    signed: list[str]
    role_leader: list[str]
    role_co_chair: list[str]
    role_receiver: list[str]
    destination: list[str]
    not_concluded: list[str]
    held_for_people: list[str]
    amount_nouns: list[str]
    value_asked: list[str]
    in_force: list[str]
    happened_asked: list[str]
    wished: list[str]
    year_as_a_thing: list[str]
    days_between: list[str]
    years_between: list[str]
    days_between_split: list[str]
    days_counted: DaysCounted
    days_until: list[str]
    signed_at: list[str]
    not_destination: list[str]
    owner_of: list[str]
    next_round: list[str]
    same_place_asked: list[str] = Field(default_factory=list)
    share_not_yet: list[str] = Field(default_factory=list)
    share_done: list[str] = Field(default_factory=list)
    share_done_marks: list[str] = Field(default_factory=list)
    figure_meaning_asked: list[str] = Field(default_factory=list)
    agreed_asked: list[str] = Field(default_factory=list)
    unmarked_means: dict[str, str] = Field(default_factory=dict)
    body_heads: list[str]
    described_by: list[str]
    now: list[str]
    wh_words: list[str]
    greetings: list[str]
    unheld_attributes: list[str]

    @field_validator("greetings", "unheld_attributes")
    @classmethod
    def _folded(cls, value: list[str]) -> list[str]:
        return _folded_phrases(value)


class Synonyms(_Data):
    synonyms: dict[str, list[str]]
    shared_abbreviations: dict[str, list[str]] = Field(default_factory=dict)
    spelled_out: dict[str, str] = Field(default_factory=dict)
    contractions: dict[str, str] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _shared_are_titles(self) -> Synonyms:
        for abbreviation, titles in self.shared_abbreviations.items():
            if len(titles) < 2:
                raise ValueError(f"shared_abbreviations: {abbreviation!r} names fewer than two titles")
        unfit = [short for short in _folded_phrases(list(self.spelled_out)) if " " in short]
        if unfit:
            raise ValueError(f"spelled_out: each short form is one word: {unfit}")
        return self


class Numbers(_Data):
    vi: dict[str, int]
    vi_bare: list[str]
    en_ordinals: dict[str, int]
    en_tens: dict[str, int]
    roman: dict[str, int]


class Rounds(_Data):
    vi_nouns: list[str]
    vi_spelt_nouns: list[str]
    vi_first_nouns: list[str]
    vi_bare_nouns: list[str]
    vi_first: list[str]
    vi_first_short: list[str]
    vi_first_since: list[str]
    en_nouns: list[str]
    en_event_nouns: list[str]
    name_ends: list[str]
    not_before: list[str]
    glued: dict[str, str]


class Words(_Data):
    english_glue: list[str]
    no_topic_words: list[str]
    honorifics: list[str]
    en_hints: list[str]
    vi_hints: list[str]
    question_words: list[str]
    not_a_name: list[str]
    date_words: list[str]
    time_particles: list[str]
    side_words: list[str]
    timeline_words: list[str]
    post_fillers: list[str]
    post_stops: list[str]
    numbers: Numbers
    rounds: Rounds
    year_range_joiners: list[str]
    month_range_joiners: list[str]
    months_en: list[str] = Field(min_length=12, max_length=12)
    month_abbreviations_en: dict[str, int]
    glued_units: dict[str, str] = Field(default_factory=dict)
    glue_words: list[str]
    count_words: list[str]
    generic_words: list[str]
    asker_words: list[str]
    everyday_words: list[str]
    roles: list[str]
    stopwords: list[str]


class Country(_Data):
    code: str = Field(pattern=r"^[A-Z]{2}$")
    vi: str
    en: str
    match: list[str] = Field(min_length=1)
    # The country of the bot's users: a question naming it says nothing about which fact it means.
    home: bool = False
    # Personal names matched only whole: their syllables are everyday words (Vietnamese "Văn Thưởng").
    whole_names: bool = False
    # Everyday phrases holding a matching word that do not name the country ("thái độ", attitude)
    not_in: list[str] = Field(default_factory=list)
    # Its capital and largest cities, by which a claim may put an event there ("met in Phnom Penh?")
    cities: list[str] = Field(default_factory=list)
    # Match words that name it only in Vietnamese: in an English question "Duc" is a person, not Germany
    vi_only: list[str] = Field(default_factory=list)

    @field_validator("match", "not_in", "cities", "vi_only")
    @classmethod
    def _folded(cls, value: list[str]) -> list[str]:
        return _folded_phrases(value)

    @model_validator(mode="after")
    def _not_in_holds_a_match(self) -> Country:
        for phrase in self.not_in:
            if not any(re.search(rf"\b{re.escape(word)}\b", phrase) for word in self.match):
                raise ValueError(f"{self.code}: the not_in phrase {phrase!r} holds none of its match words")
        for word in self.vi_only:
            if word not in self.match:
                raise ValueError(f"{self.code}: the vi_only word {word!r} is none of its match words")
        return self


class Countries(_Data):
    countries: list[Country]


class _StringLoader(yaml.BaseLoader):
    """Every scalar stays a string (a word like "on" or "no" is never read as a bool), and a key written
    twice is an error: YAML would otherwise keep the second silently and lose the first's words."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[object, object]:
        seen: set[object] = set()
        for key_node, _ in node.value:
            key = self.construct_scalar(key_node)  # type: ignore[arg-type]
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"the key {key!r} is written twice", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep)  # type: ignore[no-any-return]


def _load(name: str) -> object:
    path = DATA_DIR / name
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_StringLoader)
    except yaml.YAMLError as exc:
        raise ValueError(f"{path}: {exc}") from None


@cache
def load_countries() -> dict[str, Country]:
    """The countries by ISO code (validated; each matching word names one country)."""
    countries = Countries.model_validate(_load("countries.yaml")).countries
    seen: dict[str, str] = {}
    for country in countries:
        for word in country.match:
            if seen.setdefault(word, country.code) != country.code:
                raise ValueError(f"countries.yaml: {word!r} names both {seen[word]} and {country.code}")
    return {c.code: c for c in countries}


# Every word any cue list uses: words a question may contain without being about anything unknown.
CUE_WORDS: set[str] = set()
# Adjacent word pairs of the cue phrases ("bao nhieu"): context in which a short typo is corrected
CUE_PAIRS: set[str] = set()


def _phrases(phrases: list[str]) -> re.Pattern[str]:
    """Any of the phrases as whole words, the longest first."""
    return re.compile(r"\b(?:" + "|".join(sorted(phrases, key=len, reverse=True)) + r")\b")


def _closing(phrases: list[str]) -> re.Pattern[str]:
    """Any of the phrases as whole words closing the text (spaces after them allowed)."""
    return re.compile(_phrases(phrases).pattern + r"\s*$")


def _note_pairs(phrases: list[str]) -> None:
    CUE_PAIRS.update(f"{a} {b}" for phrase in phrases for a, b in itertools.pairwise(phrase.split()))


def _words(phrases: list[str]) -> re.Pattern[str]:
    """`_phrases`, their words and word pairs noted as cue words."""
    for phrase in phrases:
        CUE_WORDS.update(phrase.split())
    _note_pairs(phrases)
    return _phrases(phrases)


_CUES = Cues.model_validate(_load("cues.yaml"))
_WORDS = Words.model_validate(_load("words.yaml"))
COUNTRY_DATA = load_countries()
# the country a city a claim names lies in ("phnom penh" → KH)
CITY_COUNTRIES = {city: code for code, country in COUNTRY_DATA.items() for city in country.cities}


def countries_of_cities(words: list[str]) -> set[str]:
    """The countries of the cities these folded words name, one word or two ("ha noi", "vientiane")."""
    names = (*words, *(f"{a} {b}" for a, b in itertools.pairwise(words)))
    return {CITY_COUNTRIES[name] for name in names if name in CITY_COUNTRIES}


HOME_COUNTRIES = frozenset(code for code, country in COUNTRY_DATA.items() if country.home)

INTENT_CUES: dict[Intent, re.Pattern[str]] = {intent: _words(p) for intent, p in _CUES.intents.items()}
# "Which Joint Commission sessions …", "what agreements": a plural of a kind after which/what, with
# only name words between (no "of", "did"), asks for all of them
_PLURAL = _CUES.plurals_asked
_GAP = r"(?:\s+(?!(?:" + "|".join(_WORDS.english_glue) + r")\b)\w+)"
PLURAL_ASKED = re.compile(
    rf"{_phrases(_PLURAL.leads).pattern}{_GAP}{{0,{_PLURAL.gap}}}\s+{_phrases(_PLURAL.nouns).pattern}"
    rf"|{_phrases(_PLURAL.vi_leads).pattern}\s+{_phrases(_PLURAL.vi_nouns).pattern}"
)
INTENT_CUES[Intent.LIST] = re.compile(f"{INTENT_CUES[Intent.LIST].pattern}|{PLURAL_ASKED.pattern}")
# a slot asked by its noun alone, as one item of a list ("round 3: date, city and the two co-chairs?")
LISTED_SLOTS: dict[str, Intent] = {
    noun: intent for intent, nouns in _CUES.listed_slots.items() for noun in nouns
}
LISTED_SLOT_GLUE = frozenset(_CUES.listed_slot_glue)
LEVEL_WORD = _CUES.level_word
KINDS_ANY_EVENT = frozenset(_CUES.kinds_any_event)
# Everyday phrases holding an intent's cue that ask nothing of the kind ("dành nhiều thời gian", to
# spend much time, asks no "when"): masked before the intent's cues are looked for
INTENTS_NOT_IN: dict[Intent, re.Pattern[str]] = {
    intent: _phrases(phrases) for intent, phrases in _CUES.intents_not_in.items() if phrases
}
_CLAUSE_OPENERS: dict[Intent, re.Pattern[str]] = {
    intent: re.compile(
        rf"^(?P<head>.*?\b(?:{'|'.join(opener.after)})\b.*?)"
        + "".join(rf"(?<!\b{word})" for word in opener.unless_after)
        + rf" \b{opener.word}\b"
    )
    for intent, opener in _CUES.clause_openers.items()
}
_LEADING_OPENERS: dict[Intent, re.Pattern[str]] = {
    intent: re.compile(
        rf"^{opener.word}\b(?! (?:{'|'.join(opener.asked_after)})\b)(?=.* \b(?:{'|'.join(opener.after)})\b)"
    )
    for intent, opener in _CUES.clause_openers.items()
    if opener.asked_after
}


def without_other_senses(intent: Intent, form: str) -> str:
    """The question with the phrases that hold the intent's cue but do not ask it masked: everyday
    phrases ("dành nhiều thời gian") and a cue word opening a clause after another question word."""
    if intent in INTENTS_NOT_IN:
        form = INTENTS_NOT_IN[intent].sub(" _ ", form)
    if intent in _CLAUSE_OPENERS:
        form = _CLAUSE_OPENERS[intent].sub(r"\g<head> _", form)
    if intent in _LEADING_OPENERS:
        form = _LEADING_OPENERS[intent].sub("_", form)
    return form


# A cue word typed with tone marks counts for an intent only in the marks that carry it there:
# intent → folded word → its marked forms (lower case, NFC).
MARKED_FORMS: dict[Intent, dict[str, frozenset[str]]] = {
    intent: {
        word: frozenset(unicodedata.normalize("NFC", f.lower()) for f in forms)
        for word, forms in words.items()
    }
    for intent, words in _CUES.marked_forms.items()
}
# The words of the question-type cues alone (CUE_WORDS grows with every list below).
INTENT_WORDS = frozenset(CUE_WORDS)

_SYNONYMS = Synonyms.model_validate(_load("synonyms.yaml"))
SYNONYMS: dict[tuple[str, ...], str] = {
    tuple(phrase.split()): target for target, phrases in _SYNONYMS.synonyms.items() for phrase in phrases
}
# "tt" is "thứ trưởng" or "thủ tướng": read as the title the official named after it held
SHARED_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    abbreviation: tuple(titles) for abbreviation, titles in _SYNONYMS.shared_abbreviations.items()
}
# Short forms typed in chat ("yrs", "anniv"), spelt out before anything reads the question: every cue
# then sees the words ("how many yrs since" asks how many years, as "how many years since" does).
SPELLED_OUT: dict[str, str] = dict(_SYNONYMS.spelled_out)


_GLUED_ROUND = re.compile(r"(?P<noun>[a-z]+)(?P<round>\d{1,3})")
_GLUED_COUNT = re.compile(r"(?P<count>\d{1,2})(?P<unit>[a-z]+)")


def _spelt(word: str) -> str:
    glued = _GLUED_ROUND.fullmatch(word)
    if glued is not None and glued["noun"] in _WORDS.rounds.glued:
        return f"{_WORDS.rounds.glued[glued['noun']]} {glued['round']}"  # "kh5": "ky hop 5"
    counted = _GLUED_COUNT.fullmatch(word)
    if counted is not None and counted["unit"] in _WORDS.glued_units:
        return f"{counted['count']} {_WORDS.glued_units[counted['unit']]}"  # "11t": "11 thang"
    return SPELLED_OUT.get(word, word)


_CONTRACTED = (
    re.compile(r"\b(?:" + "|".join(map(re.escape, _SYNONYMS.contractions)) + r")\b")
    if _SYNONYMS.contractions
    else None
)


def spell_out(folded: str) -> str:
    """A folded text with each chat short form written as its words, each round's short noun typed
    glued to its number spelt out beside it ("kh5" → "ky hop 5"), and each contraction written out."""
    spelt = " ".join(map(_spelt, folded.split()))
    if _CONTRACTED is None:
        return spelt
    return _CONTRACTED.sub(lambda match: _SYNONYMS.contractions[match.group(0)], spelt)


# Longest phrase starting with each word: most words start none, and are passed over at once.
_LONGEST_FROM: dict[str, int] = {}
for _phrase in SYNONYMS:
    _LONGEST_FROM[_phrase[0]] = max(_LONGEST_FROM.get(_phrase[0], 0), len(_phrase))
SYNONYM_WORDS = frozenset(word for phrase in SYNONYMS for word in phrase)


def words_covered(text: str, *cues: re.Pattern[str]) -> set[str]:
    """The words of a text that the cues' phrases cover: how a question asks, not what about."""
    return {word for cue in cues for match in cue.finditer(text) for word in match.group(0).split()}


def canonical(folded: str) -> str:
    """Rewrite known phrases of a folded text to their canonical Vietnamese form (longest match first)."""
    tokens = folded.split()
    out: list[str] = []
    i = 0
    while i < len(tokens):
        longest = _LONGEST_FROM.get(tokens[i], 0)
        for size in range(min(longest, len(tokens) - i), 0, -1):
            target = SYNONYMS.get(tuple(tokens[i : i + size]))
            if target is not None:
                out.append(target)
                i += size
                break
        else:
            out.append(tokens[i])
            i += 1
    return " ".join(out)


# Posts as they are written after canonical(): a question about a post names one of these.
ROLE_PHRASES = list(_WORDS.roles)
# the words that join two things named side by side ("ông Trung với ông Việt"), folded
CONJUNCTIONS = frozenset(_CUES.conjunctions)
_JOINERS = "|".join(re.escape(word) for word in sorted(_CUES.pair_joiners, key=len, reverse=True))
# a question cut in two at a joining word or a comma; the joining word left opening the second half
PAIR_JOINED = re.compile(rf"\s+(?:{_JOINERS})\s+|\s*,\s*", re.IGNORECASE)
LEADING_JOINER = re.compile(rf"^(?:{_JOINERS})\s+", re.IGNORECASE)
ROLE_WORDS = frozenset(word for phrase in ROLE_PHRASES for word in phrase.split())
# "là thứ trưởng ngoại giao nước nào", "bộ trưởng bộ nào": a post, then which one, asks whose post
_POST_WHICH = _CUES.post_which
INTENT_CUES[Intent.PROFILE] = re.compile(
    f"{INTENT_CUES[Intent.PROFILE].pattern}|{_phrases(ROLE_PHRASES).pattern}(?:\\s+\\w+){{0,{_POST_WHICH.gap}}}"
    f"\\s+{_phrases(_POST_WHICH.after).pattern}"
)
ROLE_PAIRS = frozenset(
    f"{a} {b}" for phrase in ROLE_PHRASES for a, b in zip(phrase.split(), phrase.split()[1:], strict=False)
)

# Countries a question may name, folded word -> ISO code; those the base holds nothing about make a
# question out of scope.
COUNTRIES: dict[str, str] = {word: c.code for c in COUNTRY_DATA.values() for word in c.match}
COUNTRY_PATTERN = _words(list(COUNTRIES))


def country_code(name: str) -> str:
    """The ISO code of a country name as it stands in canonical text ("viet nam" -> its code)."""
    return COUNTRIES.get(name) or next(code for word, code in COUNTRIES.items() if canonical(word) == name)


def countries_named(folded: str) -> set[str]:
    """The ISO codes of the countries a folded text names, by any form the country data gives."""
    return {country_code(m.group(0)) for m in COUNTRY_PATTERN.finditer(canonical(folded))}


# the first words of countries' names of two words ("việt" of "Việt Nam"): before another country's name
# they name the pair ("Việt-Thái", "Việt - Lào")
COUNTRY_FIRST_WORDS = frozenset(word.split()[0] for word in COUNTRIES if " " in word)
VI_ONLY_COUNTRY_WORDS = frozenset(word for c in COUNTRY_DATA.values() for word in c.vi_only)
# "thai do" (thái độ) is an attitude, not Thailand: these phrases are taken out before countries are read
NOT_COUNTRIES = _phrases([phrase for c in COUNTRY_DATA.values() for phrase in c.not_in] or ["\x00"])

# Attributes the base never holds: a question about them is out of scope even when it names an official.
UNKNOWN_ATTRIBUTES = _words(_CUES.unheld_attributes)
HELD_FOR_PEOPLE = frozenset(_CUES.held_for_people)

# Words that carry no content for matching.
STOPWORDS = frozenset(_WORDS.stopwords)
ENGLISH_GLUE = frozenset(_WORDS.english_glue)
NO_TOPIC_WORDS = frozenset(_WORDS.no_topic_words)
# Question words are never evidence for a fact; with the stop words they are the function words.
FUNCTION_WORDS = STOPWORDS | frozenset(_WORDS.question_words)
EN_HINTS = frozenset(_WORDS.en_hints)
VI_HINTS = frozenset(_WORDS.vi_hints)
NOT_A_NAME = frozenset(_WORDS.not_a_name)
DATE_WORDS = frozenset(_WORDS.date_words)
TIME_PARTICLES = frozenset(_WORDS.time_particles)
SIDE_WORDS = frozenset(_WORDS.side_words)
TIMELINE_WORDS = frozenset(_WORDS.timeline_words)
POST_FILLERS = frozenset(_WORDS.post_fillers)
POST_STOPS = frozenset(_WORDS.post_stops)
GLUE_WORDS = frozenset(_WORDS.glue_words)
COUNT_WORDS = frozenset(_WORDS.count_words)
GENERIC_WORDS = frozenset(_WORDS.generic_words)
EVERYDAY_WORDS = frozenset(_WORDS.everyday_words)
ASKER_WORDS = frozenset(_WORDS.asker_words)
# English months: folded name or abbreviation -> number, and the names as answers write them.
MONTHS_EN: dict[str, int] = {
    **{name: number for number, name in enumerate(_WORDS.months_en, start=1)},
    **_WORDS.month_abbreviations_en,
}
MONTH_NAMES_EN: list[str] = [name.capitalize() for name in _WORDS.months_en]
# How rounds and spans are counted (`parsing` builds its patterns from them).
NUMBERS = _WORDS.numbers
ROUNDS = _WORDS.rounds
YEAR_RANGE_JOINERS = _WORDS.year_range_joiners
MONTH_RANGE_JOINERS = _WORDS.month_range_joiners

# Words that go before a person's given name ("ông Sơn", "Mr Son").
HONORIFICS = frozenset(_WORDS.honorifics)

GREETINGS = _words(_CUES.greetings)

# Event kinds a question's verb points at (on canonical folded text).
EVENT_KIND_CUES: dict[str, re.Pattern[str]] = {kind: _words(p) for kind, p in _CUES.event_kinds.items()}
# "thăm Lào", "sang Thái Lan": the kind's words before any country of the data are a cue of it too
# (the countries' words stay no cue words)
for _kind, _before in _CUES.event_kinds_before_country.items():
    _pairs = [f"{word} {country}" for word in _before for country in COUNTRIES]
    EVENT_KIND_CUES[_kind] = _phrases([*_CUES.event_kinds[_kind], *_pairs])
# "tiếp tục" (to continue) holds "tiếp" (to receive): no cue starts inside one of these phrases
if _CUES.event_kinds_not_in:
    _NOT_A_KIND = _phrases(_CUES.event_kinds_not_in).pattern
    EVENT_KIND_CUES = {
        kind: re.compile(rf"(?!{_NOT_A_KIND}){cue.pattern}") for kind, cue in EVENT_KIND_CUES.items()
    }

# The kind a question word follows or leads ("kỳ họp gì", "which session") is the kind asked.
KIND_ASKED_AFTER = frozenset(_CUES.kind_asked_after)
KIND_ASKED_BEFORE = frozenset(_CUES.kind_asked_before)
KIND_QUALIFIER_GLUE = frozenset(_CUES.kind_qualifier_glue)
KIND_QUALIFIERS_AFTER = re.compile(
    r"^(?:" + "|".join(map(re.escape, sorted(_CUES.kind_qualifiers_after, key=len, reverse=True))) + r")\b"
)
NAME_ASKED_AFTER = frozenset(_CUES.name_asked_after)
POINTS_REACHED = _phrases(_CUES.points_reached)

# Words that make a question about an agreement or a statement rather than an event. Not cue words:
# they are what the question is about.
# They are read in the canonical text, so each phrase counts also as the synonyms write it:
# "cooperation documents" reads "hop tac van kien".
FACT_KIND_CUES: dict[str, re.Pattern[str]] = {
    kind: _phrases(sorted({*p, *(canonical(phrase) for phrase in p)})) for kind, p in _CUES.fact_kinds.items()
}

# A yes/no question, or one checking a claim: a cue anywhere, or (in English) an auxiliary first;
# "Đỗ Hùng Việt nói gì" folds to "do hung viet", which is no English "Do".
CLAIM_CUES = _phrases(_CUES.claims)
CLAIM_STARTS = re.compile(r"^(?:" + "|".join(_CUES.claim_starts) + r")\b")
# the pairs of these count phrases are context for a short typo too ("cách nhau mấy thág")
_note_pairs([*_CUES.durations, *_CUES.months_asked, *_CUES.age])
MONTHS_ASKED = _phrases(_CUES.months_asked)
AGE_ASKED = _phrases(_CUES.age)
# A question that counts years ("bao nhiêu năm", "how many years ago").
DURATION_CUES = _phrases(_CUES.durations)


# Concepts of several words ("hoi dong nhan quyen", "ung cu"): a claim naming one names that thing
CONCEPTS = _phrases(sorted({target for target in SYNONYMS.values() if " " in target}))


# The question asks for a day, a city or venue, or what something is.
DAY_ASKED = _phrases(_CUES.day_asked)
HELD_ASKED = _phrases(_CUES.held_asked)
MEMBERS_ASKED = _phrases(_CUES.members)
OCCASION_ASKED = _phrases(_CUES.occasion)
HELD_DURING = _phrases(_CUES.held_during)
COUNTERPART_BEFORE = _closing(_CUES.counterpart_before)
SIDELINES = _phrases(_CUES.sidelines)
EVENT_ASKED = _phrases(_CUES.event_asked)
ONE_EVENT_ASKED = _phrases(_CUES.one_event_asked)
DAY_AFTER = _phrases(_CUES.day_after)
FIGURES_ASKED = _phrases(_CUES.figures_asked)
FIGURE_MEANING_ASKED = _phrases(_CUES.figure_meaning_asked or ["\x00"])
AGREED_ASKED = _phrases(_CUES.agreed_asked or ["\x00"])
FIRST_ASKED = _phrases(_CUES.first_asked)
ORDER_CLAIMED = {order: _words(words) for order, words in _CUES.order_claimed.items()}
# an acronym as typed, three capitals or more ("DOC", "CLMV", "UNCLOS"): folded, it may be a common word
ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]{2,}\b")
SAME_PLACE_ASKED = _phrases(_CUES.same_place_asked or ["\x00"])
SHARE_NOT_YET = _phrases(_CUES.share_not_yet or ["\x00"])
SHARE_DONE = _phrases(_CUES.share_done or ["\x00"])
SHARE_DONE_MARKS = tuple(_CUES.share_done_marks)
EACH_ASKED = _phrases(_CUES.each_asked)
RECORDS_NAMED_ASKED: dict[str, re.Pattern[str]] = {
    kind: _phrases(p) for kind, p in _CUES.records_named.items()
}
CITY_ASKED = _phrases(_CUES.city_asked)
VENUE_ASKED = _phrases(_CUES.venue_asked)
ROUND_ASKED = _phrases(_CUES.round_asked)
AS_OF = _phrases(_CUES.as_of)
AS_OF_THEN = _phrases(_CUES.as_of_then)
MONTH_ASKED = _phrases(_CUES.month_asked)
DEFINITION_ASKED = _phrases(_CUES.definition)
LEVEL_ASKED = _phrases(_CUES.level_asked)
MENTIONED = _phrases(_CUES.mentioned)
ANNIVERSARY_ASKED = _phrases(_CUES.anniversary)
ANNIVERSARY_OCCASION = _phrases(_CUES.anniversary_occasion)
ANNIVERSARY_WORDS = _words(_CUES.anniversary_words)
_COUNT = re.compile(r"\b\d{1,3}(?:st|nd|rd|th)?\b")  # "60", "60th"


def names_an_anniversary(title: str) -> bool:
    """A folded title that names an anniversary and its count ("ky niem 60 nam …", "60th anniversary")."""
    return bool(ANNIVERSARY_WORDS.search(title) and _COUNT.search(title))


YEAR_ASKED = _phrases(_CUES.year_asked)
UNTIL_ASKED = _phrases(_CUES.until_asked)
SOON_ASKED = _phrases(_CUES.soon)
THIS_MONTH_ASKED = _phrases(_CUES.this_month)
RELATIVE_DATES = {name: _phrases(phrases) for name, phrases in _CUES.relative_dates.items()}

# Question words: a Vietnamese question ending in "không" that has one is no yes/no question.
WH_WORDS = frozenset(_CUES.wh_words)
WH_PATTERN = _phrases(_CUES.wh_words)  # "bao nhiêu", "khi nào": question words of two words too
CLAIM_ENDS = frozenset(_CUES.claim_ends)
CLAIM_TAGS = frozenset(_CUES.claim_tags)
POST_COPULAS = frozenset(_CUES.post_copulas)
OFFICIALS_ASKED = _phrases(_CUES.officials_asked)
SAID_VERBS = _phrases(_CUES.said_verbs)
KINDS_OF_POINT = _words(_CUES.kinds_of_point)  # cue words: "mảng" is no typo of "mạnh"
PRECISION = _phrases(_CUES.precision)
TOPIC_CUES = _phrases(_CUES.topic_cues)
PARTS_OF_DAY = {part: _phrases(words) for part, words in _CUES.parts_of_day.items()}
PARTS_OF_DAY_DATED = {
    part: re.compile(rf"{_phrases(words).pattern} \d") for part, words in _CUES.parts_of_day_dated.items()
}
POST_START_ASKED = _phrases(_CUES.post_start)
TERM_ASKED = _phrases(_CUES.term_asked)
SPAN_ASKED = _phrases(_CUES.span_asked)
YEARS_LEFT = _phrases(_CUES.years_left)
VIEW_ASKED = _phrases(_CUES.views)
SAME_PERSON = _phrases(_CUES.same_person["same"])
OTHER_PERSON = _phrases(_CUES.same_person["other"])
DIFFER_ASKED = _phrases(_CUES.differ)
# syllable endings typed with one letter missing ("tăg" for "tăng", "thág" for "tháng")
DROPPED_FINALS = tuple(_CUES.dropped_finals)
# "Committee on the Maritime Boundary": a name its speakers also say with the tail first
NAME_LINK = re.compile(r"\s+(?:" + "|".join(sorted(_CUES.name_links, key=len, reverse=True)) + r")\s+")
# "Apart from the foreign minister, which Lao leader …": what the opening clause names is not the answer
EXCLUDED = _phrases(_CUES.excluded_first)
EXCLUDED_FIRST = re.compile(rf"^{EXCLUDED.pattern}\s+")
NATIONALITY_ASKED = _phrases(_CUES.nationality)
POST_COUNTRY_ASKED = _phrases(_CUES.post_country_asked)
PLACE_KIND_ASKED = {kind: _phrases(cues) for kind, cues in _CUES.place_kind_asked.items()}
SUCCESSION = _phrases(_CUES.succession["always"])
SUCCESSION_WITH_POST = _phrases(_CUES.succession["with_post"])
POST_CAPACITY = _phrases(_CUES.post_capacity)
NOW = _phrases(_CUES.now)
PERCENT_ASKED = _phrases(_CUES.percent)
WHOLE_PERIOD_ASKED = _phrases(_CUES.whole_period)
LASTED_ASKED = _phrases(_CUES.lasted)
AMOUNT_NOUNS = _phrases(_CUES.amount_nouns)
VALUE_ASKED = _phrases(_CUES.value_asked)
IN_FORCE_ASKED = _phrases(_CUES.in_force)
HAPPENED_ASKED = _phrases(_CUES.happened_asked)
WISHED = _phrases(_CUES.wished)
YEAR_AS_A_THING = re.compile(r"\b(?:" + "|".join(_CUES.year_as_a_thing) + r") (?:19|20)\d{2}\b")
DAYS_BETWEEN = _phrases(_CUES.days_between)
YEARS_BETWEEN = _phrases(_CUES.years_between)
DAYS_BETWEEN_SPLIT = _phrases(_CUES.days_between_split)
DAYS_COUNTED = _phrases(_CUES.days_counted.count)
SPAN_COUNTED = _phrases(_CUES.days_counted.longer)
# a number and the word that makes it a share ("9.2%", "9,2 phần trăm"), on the text as typed
SHARE = re.compile(
    r"(\d+(?:[.,]\d+)?)\s*(?:"
    + "|".join(re.escape(w) if not w[0].isalnum() else rf"{re.escape(w)}\b" for w in _CUES.share_words)
    + ")",
    re.IGNORECASE,
)
# an amount of money as typed ("$21.5bn", "1,2 tỷ USD"): a sign before the number or a word after it
MONEY = re.compile(
    r"(?:(?:" + "|".join(re.escape(sign) for sign in _CUES.money_signs) + r")\s*\d+(?:[.,]\d+)?"
    r"|\d+(?:[.,]\d+)?\s*(?:" + "|".join(re.escape(w) for w in _CUES.money_words) + r")\b)",
    re.IGNORECASE,
)
DAYS_APART = [re.compile(rf"^(.+?) \b{word}\b (.+)") for word in _CUES.days_counted.apart]
# "từ X đến Y", "between X and Y": the two facts whose time apart a count of years asks
SPAN_BETWEEN = [re.compile(rf"\b{a}\b (.+?) \b{b}\b (.+)") for a, b in _CUES.span_between]
_NOT_APART = _phrases(_CUES.span_apart.not_ or ["\x00"]).pattern
# "X cách Y bao nhiêu năm", "hai lần cách nhau mấy năm": the time apart, not a term or a span from-to
SPAN_APART = [re.compile(rf"^(.+?) (?!{_NOT_APART})\b{word}\b (.+)") for word in _CUES.span_apart.words]
SPAN_BETWEEN += SPAN_APART
PART_PERIOD = _phrases(_CUES.part_period)
COMPARED_WITH = _phrases(_CUES.compared_with)
# "vượt mốc 1 tỷ USD", "less than 10%": an amount claimed as a bound, the words right before it
AMOUNT_ABOVE = re.compile(_words(_CUES.amount_compared["above"]).pattern + r"$")
AMOUNT_BELOW = re.compile(_words(_CUES.amount_compared["below"]).pattern + r"$")
AMOUNT_FILLERS = frozenset(_CUES.amount_compared["fillers"])
NAME_ASKED = _phrases(_CUES.name)
CONCLUDED_ASKED = _phrases(_CUES.concluded)
SIGNED_ASKED = _phrases(_CUES.signed)
NOT_CONCLUDED = _phrases(_CUES.not_concluded)
DAYS_UNTIL = _phrases(_CUES.days_until)
SIGNED_AT = _phrases(_CUES.signed_at)
ROLE_ASKED = {
    "leader": _phrases(_CUES.role_leader),
    "co_chair": _phrases(_CUES.role_co_chair),
    "receiver": _phrases(_CUES.role_receiver),
}
DESTINATION_WORDS = "|".join(sorted(_CUES.destination, key=len, reverse=True))
PLACE_WORDS = frozenset(word for word in _CUES.destination if " " not in word)  # "in", "at", "ở", "tại"
PLACE_CLAIM_WORDS = PLACE_WORDS | frozenset(_CUES.place_claim_words)
LOCATED_WORDS = frozenset(word for phrase in _CUES.located for word in phrase.split())
WHY_ASKED = _phrases(_CUES.why_not["why"])
NEGATIONS = frozenset(_CUES.why_not["not"])
CONTRACTED = dict(_CUES.contracted)
YES_NO_TAIL = dict(_CUES.yes_no_tail)
SCENE_OPENERS = re.compile(r"^(?:" + "|".join(_CUES.scene_openers) + r")\b")
TIME_OPENERS = re.compile(r"^(?:" + "|".join(_CUES.time_openers) + r")\b")
BILATERAL = _phrases(_CUES.mechanism_sides["bilateral"])
MULTILATERAL = _phrases(_CUES.mechanism_sides["multilateral"])
ALTERNATIVES = _words(_CUES.alternatives)
VENUE_WORDS = frozenset(_CUES.venue_words)
# "liên quan tới Lào", "related to Laos": about a country, not an event held there
NOT_DESTINATION = _closing(_CUES.not_destination)
RELATING = _phrases(_CUES.not_destination)
OWNER_OF = re.compile(r"\s+(?:" + "|".join(_CUES.owner_of) + r")\b")
NEXT_ROUND = _phrases(_CUES.next_round)
UNMARKED_MEANS: dict[str, str] = dict(_CUES.unmarked_means)
LATEST_ROUND = _phrases(_CUES.latest_round)
PREVIOUS_ROUND = _phrases(_CUES.previous_round)
BODY_HEADS = _phrases(_CUES.body_heads)
DESCRIBED_BY = _closing(_CUES.described_by)

# The words that name kinds of events ("tham", "gap", "hoi nghi"...): a list of "all visits" is still a
# list of everything, narrowed by kind.
KIND_WORDS = frozenset(
    word for cue in EVENT_KIND_CUES.values() for word in re.findall(r"[a-z]+", cue.pattern)
)

# Every word the language data knows: a question word is never "corrected" away from one of these.
LEXICON_WORDS = frozenset(
    word
    for group in (
        CUE_WORDS,
        SYNONYM_WORDS,
        FUNCTION_WORDS,
        ENGLISH_GLUE,
        HONORIFICS,
        EN_HINTS,
        VI_HINTS,
        NOT_A_NAME,
        DATE_WORDS,
        TIMELINE_WORDS,
        POST_FILLERS,
        POST_STOPS,
        MONTHS_EN,
        *(phrase.split() for phrase in ROLE_PHRASES),
        *(name.split() for name in COUNTRIES),
    )
    for word in group
)

RELATIVE_MARKERS = frozenset(_CUES.relative_clause.markers)
RELATIVE_ENDS = frozenset(_CUES.relative_clause.ends)

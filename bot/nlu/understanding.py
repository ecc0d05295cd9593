"""Question understanding: what a question asks and which entities it names.

`EntityIndex` is built once per `Knowledge`: the folded surface forms of
officials, places, series and the word units of every fact's text, with an
inverted index so that linking looks only at forms that share a token (or a
token's first or last three letters, to survive typos) with the question:
cost grows with the question, not with the base. `analyze` turns a question
into a `Question`: language, intents, round, date, linked entities.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.answering.answers import Lang
from bot.kb.bulk import gc_paused
from bot.kb.facts import (
    OTHER_COUNTRY,
    Agreement,
    Event,
    EventKind,
    Figure,
    Official,
    Place,
    Series,
    Statement,
)
from bot.kb.knowledge import Knowledge
from bot.nlu.english import is_english_word
from bot.nlu.lexicon import (
    ALTERNATIVES,
    ANNIVERSARY_WORDS,
    BODY_HEADS,
    COUNT_WORDS,
    COUNTERPART_BEFORE,
    COUNTRIES,
    COUNTRY_DATA,
    COUNTRY_FIRST_WORDS,
    COUNTRY_PATTERN,
    CUE_PAIRS,
    CUE_WORDS,
    DESCRIBED_BY,
    DROPPED_FINALS,
    EN_HINTS,
    ENGLISH_GLUE,
    EVENT_KIND_CUES,
    EVERYDAY_WORDS,
    FACT_KIND_CUES,
    FUNCTION_WORDS,
    GLUE_WORDS,
    GREETINGS,
    HELD_FOR_PEOPLE,
    HONORIFICS,
    INTENT_CUES,
    KIND_ASKED_AFTER,
    KIND_ASKED_BEFORE,
    KIND_QUALIFIER_GLUE,
    KIND_QUALIFIERS_AFTER,
    LEXICON_WORDS,
    LISTED_SLOT_GLUE,
    LISTED_SLOTS,
    MARKED_FORMS,
    MONTHS_EN,
    NAME_LINK,
    NEXT_ROUND,
    NO_TOPIC_WORDS,
    NOT_A_NAME,
    NOT_COUNTRIES,
    PLACE_WORDS,
    PLURAL_ASKED,
    POINTS_REACHED,
    PREVIOUS_ROUND,
    ROLE_PAIRS,
    ROLE_PHRASES,
    SHARED_ABBREVIATIONS,
    SIDE_WORDS,
    STOPWORDS,
    SYNONYM_WORDS,
    TIME_OPENERS,
    UNKNOWN_ATTRIBUTES,
    UNMARKED_MEANS,
    VI_HINTS,
    VI_ONLY_COUNTRY_WORDS,
    Intent,
    canonical,
    countries_of_cities,
    spell_out,
    without_other_senses,
)
from bot.nlu.parsing import (
    EN_ORDINAL_WORDS,
    ROMAN,
    VI_NUMBER_WORDS,
    DateQuery,
    parse_date,
    parse_round,
    round_span,
    round_spans,
)
from bot.nlu.text import fold, has_vietnamese_marks, marks_of, words_as_typed

# Calibrated on the gold set: a name form must be this similar (rapidfuzz ratio, 0-100) to count.
NAME_MATCH_MIN = 90.0
SHORT_NAME_CHARS = 12
# Long names ("Saleumxay Kommasith") keep their shape through two typos ("Saleumxai Komasith": 88.9)
LONG_NAME_CHARS, NAME_MATCH_MIN_LONG = 16, 85.0
RARE_DF = 3  # a name in at most this many facts names them
LONG_WORD = 7  # longer than any Vietnamese syllable
SERIES_COVERED = 0.5  # a series name this much present in a question counts as named
NAME_MATCH_MIN_SHORT = 92.0  # single-token forms are easier to hit by accident
EXACT_MATCH = 100.0  # a name matched letter for letter
SHORT_FORM_MIN_LEN = 5
BM25_K, BM25_B = 1.2, 0.75
TYPO_MIN = 80.0  # an unknown word this close to a known one is a typo, not a new subject
_ORDINAL_TOKEN = re.compile(r"^\d+(?:st|nd|rd|th)$")


def detect_language(
    text: str | None,
    default: Lang = "vi",
    vocabulary: tuple[frozenset[str], frozenset[str]] | None = None,
) -> Lang:
    """Vietnamese or English, for a question or a message the bot wrote. Words with tone marks and
    Vietnamese words typed without them count for Vietnamese, English function words for English:
    an English text may carry Vietnamese names, so marks alone would mislead. When neither counts,
    the words only the base's texts of one language use (`vocabulary`: English, Vietnamese) tell."""
    if not text:
        return default
    words = text.split()
    # a capitalised word after the first is a name's ("Who is Bùi Thanh Sơn?"): English texts carry
    # Vietnamese names with their marks
    marked = sum(
        1 for i, word in enumerate(words) if has_vietnamese_marks(word) and not (i and word[0].isupper())
    )
    folded = fold(text).split()
    english = sum(1 for word in folded if word in EN_HINTS)
    vietnamese = marked + sum(1 for word in folded if word in VI_HINTS and word not in EN_HINTS)
    if english == vietnamese == 0 and vocabulary is not None:
        english = sum(1 for word in folded if singular(word) in vocabulary[0])
        vietnamese = sum(1 for word in folded if word in vocabulary[1])
    if english == vietnamese == 0:
        return default
    if english == vietnamese and not marked:
        return "en"  # "Who is Tran Van Nam?": a name's syllables are no Vietnamese question words
    return "en" if english > vietnamese else "vi"


def _language_words(knowledge: Knowledge) -> tuple[frozenset[str], frozenset[str]]:
    """The words only the base's English fields use, and those only its Vietnamese fields use."""
    english: set[str] = set()
    vietnamese: set[str] = set()
    for fact in knowledge.facts:
        for name in type(fact).model_fields:
            value = getattr(fact, name)
            texts = value if isinstance(value, list) else [value]
            for text in texts:
                if name.endswith("_en") and isinstance(text, str):
                    english.update(singular(w) for w in fold(text).split())
                elif name.endswith("_vi") and isinstance(text, str):
                    vietnamese.update(fold(text).split())
                elif hasattr(text, "en") and hasattr(text, "vi"):  # a point agreed, in both languages
                    english.update(singular(w) for w in fold(text.en).split())
                    vietnamese.update(fold(text.vi).split())
    return frozenset(english - vietnamese), frozenset(vietnamese - english)


def singular(token: str) -> str:
    # No Vietnamese syllable ends in "s", so a final "s" is an English plural ("ports", "mechanisms");
    # not in a word of asking or glue ("does" is no "doe", "this" no "thi")
    if len(token) > 3 and token.endswith("s") and not token.endswith("ss") and token not in FUNCTION_WORDS:
        if token.endswith("ies"):
            return token[:-3] + "y"  # "academies" is "academy", as the facts write it
        return token[:-2] if token.endswith(("ses", "xes")) else token[:-1]
    return token


def units(text: str) -> set[str]:
    """Match units of a folded text: content words and adjacent-word pairs (Vietnamese compounds)."""
    # "05/09" and "5/9" are one date: numbers without leading zeros
    tokens = [t.lstrip("0") or "0" if t.isdigit() else singular(t) for t in text.split()]
    out = {t for t in tokens if t not in STOPWORDS and len(t) > 1}
    out.update(f"{a} {b}" for a, b in itertools.pairwise(tokens))
    return out


@dataclass(frozen=True)
class NameForm:
    text: str  # folded
    target: str  # fact id
    tokens: int
    # syllable by syllable: in a Vietnamese name a two-letter change makes another real name
    # ("Bùi Thanh Sơn", "Bùi Thái Sơn"), so only one typo in one syllable is forgiven
    strict: bool = False


@dataclass
class EntityIndex:
    knowledge: Knowledge
    name_forms: list[NameForm] = field(default_factory=list)
    place_forms: list[NameForm] = field(default_factory=list)
    # each place's forms, longest first: its names and, for a pair, either side ("lao bao")
    place_names: dict[str, list[str]] = field(default_factory=dict)
    series_units: dict[str, list[set[str]]] = field(default_factory=dict)
    # word pairs of a series' names as written that reading them canonically loses ("tham khảo chính
    # trị" is read as "tham vấn"): typed, they name that series rather than one named alike
    series_as_written: dict[str, frozenset[str]] = field(default_factory=dict)
    fact_units: dict[str, set[str]] = field(default_factory=dict)
    idf: dict[str, float] = field(default_factory=dict)
    max_idf: float = 1.0
    doc_freq: dict[str, int] = field(default_factory=dict)
    length_factor: dict[str, float] = field(default_factory=dict)
    fact_countries: dict[str, frozenset[str]] = field(default_factory=dict)
    fact_sides: dict[str, frozenset[str]] = field(default_factory=dict)  # events: the countries taking part
    vocabulary: set[str] = field(default_factory=set)
    common_words: frozenset[str] = frozenset()
    _blocks: dict[str, list[int]] = field(default_factory=dict)
    _place_blocks: dict[str, list[int]] = field(default_factory=dict)
    _unit_postings: dict[str, list[str]] = field(default_factory=dict)
    _passages: dict[str, list[frozenset[str]]] = field(default_factory=dict)
    _known_list: list[str] | None = None
    corpus_pairs: set[str] = field(default_factory=set)  # every adjacent word pair of the seeds and facts
    # words only the base's English texts use, and words only its Vietnamese texts use: evidence of a
    # question's language when it has no function word to tell ("Vietnam-Laos trade turnover 2021?")
    language_words: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())
    body_names: list[str] = field(default_factory=list)  # "hoi dong nhan quyen": bodies the sources name
    _series_names: list[tuple[str, frozenset[str], float]] = field(default_factory=list)
    _series_postings: dict[str, list[int]] = field(default_factory=dict)
    # The countries the base holds facts about, the two it is mostly about, and the words naming
    # them: computed from the facts, so another base with other countries needs no code change.
    base_countries: frozenset[str] = frozenset()
    main_countries: frozenset[str] = frozenset()
    country_words: frozenset[str] = frozenset()
    # Officials by the given name a title or "ông/bà" goes with ("ông Sơn", "Thứ trưởng Việt"), for
    # the countries whose names are matched only whole, where the given name is the last word.
    given_names: dict[str, list[str]] = field(default_factory=dict)
    # every title an official holds and every mechanism's name, canonical, each between spaces: the
    # word beside an abbreviation several titles share tells which it is when no official follows
    # ("tt ngoại giao", "cấp tt")
    titles_written: str = ""
    # (family name, syllables) of the officials' full names: the shape of a name of their country
    name_shapes: set[tuple[str, int]] = field(default_factory=set)
    given_name_compounds: set[tuple[str, str]] = field(default_factory=set)
    # … and how the sources write them, marks and all ("hà nội"): "bà Hà nói" is no "Hà Nội"
    compounds_written: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    # Facts by their names and titles as written (canonical, three words or more): a question that
    # contains one names that fact whole ("Hiệp ước Hữu nghị và hợp tác là gì?").
    fact_names: dict[str, list[str]] = field(default_factory=dict)
    _spelling_index: dict[tuple[str, int], list[str]] | None = None
    # "UBHH", "UBLCP": the initials of a mechanism's Vietnamese name, folded → the name (folded)
    acronyms: dict[str, str] = field(default_factory=dict)
    _name_heads: dict[tuple[str, ...], list[str]] = field(default_factory=dict)

    @classmethod
    def build(cls, knowledge: Knowledge) -> EntityIndex:
        with gc_paused(collect_after=True):  # the last step of loading a base: settle the heap here
            return cls._build(knowledge)

    @classmethod
    def _build(cls, knowledge: Knowledge) -> EntityIndex:
        index = cls(knowledge)
        index.language_words = _language_words(knowledge)
        index._index_countries()
        sides: list[tuple[str, str]] = []
        written_names: list[str] = []  # officials' titles, mechanisms' and documents' names: `titles_written`
        for fact in knowledge.facts:
            if isinstance(fact, Official):
                if _whole_names(fact.country):
                    index.given_names.setdefault(fold(fact.name).split()[-1], []).append(fact.id)
                written_names.extend(canonical(fold(p.title_vi)) for p in fact.positions)
                for form in _name_forms(fact):
                    strict = _whole_names(fact.country)
                    index.name_forms.append(NameForm(form, fact.id, len(form.split()), strict))
            elif isinstance(fact, Place):
                for name in {fact.name_vi, fact.name_en, *fact.aliases}:
                    form = canonical(fold(name))
                    if form:
                        index.place_forms.append(NameForm(form, fact.id, len(form.split())))
                    # a pair ("Lao Bảo – Đen-xa-vẳn") is named by either side too
                    parts = _PAIR_DASH.split(name)
                    if len(parts) == 2:
                        sides.extend((canonical(fold(part)), fact.id) for part in parts)
            elif isinstance(fact, Agreement):
                written_names.extend(canonical(fold(n)) for n in [fact.name_vi, *fact.aliases])
            elif isinstance(fact, Series):
                names = [fact.name_vi, fact.name_en, *fact.aliases]
                names += [turned for n in names if (turned := tail_first(n))]
                index.series_units[fact.id] = [
                    units(index.without_countries(canonical(fold(n)))) for n in names
                ]
                written_names.extend(canonical(fold(n)) for n in names)
                # (Vietnamese names only: an English name is all synonyms of the Vietnamese words)
                vietnamese = [n for n in names if has_vietnamese_marks(n)]
                written = {u for n in vietnamese for u in _name_pairs(units(fold(n)))}
                read = {u for n in names for u in units(canonical(fold(n)))}
                if written - read:
                    index.series_as_written[fact.id] = frozenset(written - read)
            for name in _names_of(fact):
                form = canonical(fold(name))
                if len(form.split()) >= 3:
                    index.fact_names.setdefault(form, []).append(fact.id)
            text = searchable_text(fact)
            folded_text = fold(text)
            canonical_text = canonical(folded_text)
            if text:
                index.fact_units[fact.id] = units(canonical_text)
                index.vocabulary.update(folded_text.split())
            index.fact_countries[fact.id] = _countries_of(fact, knowledge, canonical_text)
            if isinstance(fact, Event) and fact.participants:
                index.fact_sides[fact.id] = _sides_of(fact, knowledge)
        index._name_without_years()
        index.titles_written = "".join(f" {name} |" for name in written_names)
        official_names = [fold(o.name).split() for o in knowledge.of_kind(Official)]
        index.name_shapes = {(words[0], len(words)) for words in official_names if len(words) >= 3}
        index._drop_ambiguous_short_forms()
        index._share_generic_series_names()
        index._note_acronyms()
        bodies: set[str] = set()
        full_names = {
            o.id: [fold(name).split() for name in [o.name, *o.aliases]]
            for o in knowledge.of_kind(Official)
            if _whole_names(o.country)
        }
        for text in [*knowledge.seeds.values(), *(searchable_text(f) for f in knowledge.facts)]:
            folded_text = fold(text)
            words = folded_text.split()
            index.corpus_pairs.update(f"{a} {b}" for a, b in itertools.pairwise(words))
            index._note_compounds(words, full_names, words_as_typed(text))
            for match in _BODY_HEAD.finditer(folded_text):
                bodies.add(
                    " ".join([match.group(0), *folded_text[match.end() : match.end() + 60].split()[:2]])
                )
        index.body_names = sorted(bodies)
        # words the articles write in lower case somewhere: common words, whatever a question capitalises
        index.common_words = frozenset(
            fold(word) for text in knowledge.seeds.values() for word in text.split() if word.islower()
        )
        index._blocks = _block(index.name_forms)
        taken = {form.text for form in index.place_forms}
        for form, place_id in sides:  # a side that is a place or a country of its own stays that
            if form and form not in taken and form not in COUNTRIES:
                index.place_forms.append(NameForm(form, place_id, len(form.split())))
        index._place_blocks = _block(index.place_forms)
        for place_form in sorted(index.place_forms, key=lambda f: len(f.text), reverse=True):
            index.place_names.setdefault(place_form.target, []).append(place_form.text)
        document_frequency: defaultdict[str, int] = defaultdict(int)
        postings: defaultdict[str, list[str]] = defaultdict(list)
        for fact_id, fact_units in index.fact_units.items():
            for unit in fact_units:
                document_frequency[unit] += 1
                postings[unit].append(fact_id)
        total = max(1, len(index.fact_units))
        index.idf = {u: math.log(1 + total / n) for u, n in document_frequency.items()}
        index.doc_freq = dict(document_frequency)
        index.max_idf = max(index.idf.values(), default=1.0)
        index._unit_postings = dict(postings)
        # BM25's length normalisation: a match in a short title says more than one in a long summary
        average = sum(len(u) for u in index.fact_units.values()) / total
        index._index_series_names()
        index.length_factor = {
            fact_id: (BM25_K + 1) / (1 + BM25_K * (1 - BM25_B + BM25_B * len(u) / average))
            for fact_id, u in index.fact_units.items()
        }
        index.vocabulary.update(u for u in document_frequency if " " not in u)
        index.vocabulary.update(SYNONYM_WORDS)
        return index

    def _index_countries(self) -> None:
        involved: Counter[str] = Counter()
        for fact in self.knowledge.facts:
            if isinstance(fact, Official | Place) and fact.country is not None:
                involved[fact.country] += 1
            elif isinstance(fact, Series | Statement):
                involved.update(fact.countries)
        involved.pop(OTHER_COUNTRY, None)
        self.base_countries = frozenset(involved)
        self.main_countries = frozenset(code for code, _ in involved.most_common(2))
        self.country_words = frozenset(
            word
            for word, code in COUNTRIES.items()
            if code in self.base_countries
            for word in canonical(word).split()
        )

    def without_countries(self, text: str) -> str:
        """Country names say little about which mechanism is meant (almost every name has both)."""
        return " ".join(t for t in text.split() if t not in self.country_words)

    def no_evidence(self, unit: str, english: bool) -> bool:
        """A unit that says nothing about the topic: the base's country names, question words, and in
        English word pairs glued by one ("was adopted", "which year"). Vietnamese pairs keep theirs:
        there they are often compounds."""
        tokens = unit.split()
        if all(t in self.country_words for t in tokens):
            return True  # nearly every fact names the base's countries
        if english and len(tokens) > 1:
            return any(t in ENGLISH_GLUE or t.isdigit() for t in tokens)
        return is_function_unit(unit)

    def _share_generic_series_names(self) -> None:
        """A series name contained in another series' name is generic: it names both.

        "Tham khảo Chính trị" (one series' alias) is also the head of "Tham vấn chính trị cấp Bộ
        trưởng" (another's name), so a question that says only "tham vấn chính trị" fits both.
        """
        # compare the names as they were, so a shared name is not passed on a second time
        originals = {sid: list(names) for sid, names in self.series_units.items()}
        pairs = {sid: [_name_pairs(u) for u in names] for sid, names in originals.items()}
        for series_id, names in originals.items():
            for name_units, name_pairs in zip(names, pairs[series_id], strict=True):
                if not name_pairs:
                    continue
                for other_id, other_names in self.series_units.items():
                    if (
                        other_id != series_id
                        and name_units not in other_names
                        and any(name_pairs < other for other in pairs[other_id])
                    ):
                        other_names.append(name_units)

    def _drop_ambiguous_short_forms(self) -> None:
        owners: defaultdict[str, set[str]] = defaultdict(set)
        for form in self.name_forms:
            owners[form.text].add(form.target)
        self.name_forms = [f for f in self.name_forms if len(owners[f.text]) == 1 or f.tokens > 1]

    def link(
        self, forms: list[NameForm], blocks: dict[str, list[int]], tokens: list[str], *, places: bool = False
    ) -> dict[str, float]:
        """Fact ids whose name appears (fuzzily) in the token list, with the best similarity."""
        exact: set[int] = set()
        partial: defaultdict[int, int] = defaultdict(int)
        for token in set(tokens):
            if len(token) < 2:
                continue
            exact.update(blocks.get(token, ()))
            for key in _affix_keys(token):
                block = blocks.get(key, ())
                if len(block) <= MAX_AFFIX_BLOCK:  # a very common affix discriminates nothing
                    for i in block:
                        partial[i] += 1
        candidates = exact | {i for i, hits in partial.items() if hits >= min(2, forms[i].tokens)}
        windows: dict[int, list[str]] = {}
        found: dict[str, float] = {}
        for i in candidates:
            form = forms[i]
            choices: list[str] = []
            for size in (form.tokens - 1, form.tokens, form.tokens + 1):
                if size < 1:
                    continue
                if size not in windows:
                    windows[size] = [
                        " ".join(tokens[j : j + size]) for j in range(max(1, len(tokens) - size + 1))
                    ]
                choices += windows[size]
            # short forms ("Thanh Sơn", "Hùng Việt") are one letter away from ordinary words
            short = form.tokens == 1 or len(form.text) < SHORT_NAME_CHARS
            threshold = (
                NAME_MATCH_MIN_SHORT
                if short
                else NAME_MATCH_MIN_LONG
                if len(form.text) >= LONG_NAME_CHARS
                else NAME_MATCH_MIN
            )
            match = process.extractOne(form.text, choices, scorer=fuzz.ratio, score_cutoff=threshold)
            if match is None or (form.strict and not _same_syllables(form.text, str(match[0]))):
                continue
            if places and match[1] < 100 and self._runs_into_a_pair(form.text, str(match[0]), tokens):
                continue
            found[form.target] = max(found.get(form.target, 0.0), float(match[1]))
        return found

    def _runs_into_a_pair(self, name: str, typed: str, tokens: list[str]) -> bool:
        """A word taken for a mistyped part of the name makes, with the word after it, a pair the
        sources use ("Lao Bộ trưởng" is no "Lao Bảo" typed wrong: "bộ trưởng" is a word of its own)."""
        words, size, last = typed.split(), len(typed.split()), name.split()[-1]
        return words[-1] != last and any(
            tokens[start : start + size] == words
            and f"{words[-1]} {tokens[start + size]}" in self.corpus_pairs
            for start in range(len(tokens) - size)
        )

    def unknown_words(self, tokens: list[str]) -> list[str]:
        """Content words the base and the lexicon know nothing of, typos of known words excepted."""
        if self._known_list is None:
            self._known_list = sorted(self.vocabulary)
        unknown = []
        for token in dict.fromkeys(tokens):
            if any(
                form in self.vocabulary or form in FUNCTION_WORDS or form in CUE_WORDS or form in _EXTRA_KNOWN
                for form in (token, singular(token))
            ):
                continue
            if token.isdigit() or _ORDINAL_TOKEN.match(token) or len(token) < 2:
                continue
            if (
                len(token) >= 4
                and process.extractOne(token, self._known_list, scorer=fuzz.ratio, score_cutoff=TYPO_MIN)
                is not None
            ):
                continue
            unknown.append(token)
        return unknown

    def only_in_compounds(self, official_id: str, words: list[str]) -> bool:
        """Every place the official's name (or alias) ends in the question runs on into a word pair the
        sources use as a word: "Thứ trưởng Việt" in "Thứ trưởng Việt Nam" names no one."""
        official = self.knowledge.official(official_id)
        if official is None or not _whole_names(official.country):
            return False
        full = fold(official.name).split()
        if len(full) > 2 and any(words[i : i + len(full)] == full for i in range(len(words))):
            return False  # "Lê Thị Hà nói": a whole name of three words is the person, whatever follows
        ends = [
            i + len(form) - 1
            for form in (fold(name).split() for name in [official.name, *official.aliases])
            for i in range(len(words) - len(form) + 1)
            if words[i : i + len(form)] == form
        ]
        return bool(ends) and all(
            end + 1 < len(words) and self._runs_on((words[end], words[end + 1])) for end in ends
        )

    def _runs_on(self, pair: tuple[str, str]) -> bool:
        """A given name and the word after it make a word pair, no name: one the sources use ("chính
        phủ", "Việt Nam"), or a country's first word before another country ("Việt-Thái", "Việt - Lào")."""
        return pair in self.given_name_compounds or (pair[0] in COUNTRY_FIRST_WORDS and pair[1] in COUNTRIES)

    def _note_compounds(
        self, words: list[str], full_names: dict[str, list[list[str]]], typed: list[str]
    ) -> None:
        """Word pairs the sources use that start with a given name outside a name ("chính phủ", "Việt
        Nam"): there the word is no given name. A name, an alias ("Thứ trưởng Đức") or a title or
        "ông" before it make it the person."""
        aligned = len(typed) == len(words)
        for i, word in enumerate(words[:-1]):
            owners = self.given_names.get(word)
            if not owners or (i > 0 and _title_before(words, i) is not None):
                continue
            if i > 0 and f"{words[i - 1]} {word}" in COUNTRIES:
                continue  # "Việt Nam gặp …": the word ends a country's name, and what follows is no compound
            if words[i + 1] in FUNCTION_WORDS or words[i + 1] in ENGLISH_GLUE:
                continue  # "Đức và …", "Đức's": a name followed by a word of glue makes no compound
            if not any(
                words[max(0, i - len(name) + 1) : i + 1] == name for o in owners for name in full_names[o]
            ):
                self.given_name_compounds.add((word, words[i + 1]))
                if aligned:
                    self.compounds_written.setdefault((word, words[i + 1]), set()).add(
                        f"{typed[i]} {typed[i + 1]}"
                    )

    def _compound_typed_otherwise(self, pair: tuple[str, str], typed: str) -> bool:
        """The question wrote the compound's words with marks other than the sources': "bà Hà nói gì"
        holds "ha noi" folded, but not "Hà Nội"."""
        written = self.compounds_written.get(pair, set())
        typed_pairs = {f"{a} {b}" for a, b in itertools.pairwise(words_as_typed(typed))}
        at = [p for p in typed_pairs if fold(p) == " ".join(pair)]
        return (
            bool(written)
            and bool(at)
            and all(
                has_vietnamese_marks(p) and p not in written and any(self.other_words(p, w) for w in written)
                for p in at
            )
        )

    @staticmethod
    def other_words(typed: str, written: str) -> bool:
        """A syllable typed otherwise than the name writes it carries a mark the name's lacks: the text
        is other words ("Hà nói", "Lào bao"), not the name with marks left out ("Hà Nôi", "Ha Noi")."""
        pairs = zip(words_as_typed(typed), words_as_typed(written), strict=False)
        return any(not marks_of(word) <= marks_of(name) for word, name in pairs)

    def officials_by_given_name(self, tokens: list[str], typed: str = "") -> dict[str, tuple[int, int]]:
        """Officials named by title or honorific + given name, with the span of tokens naming them.

        "ông Sơn" names the one official whose given name is Sơn; "Thứ trưởng Việt" the one whose
        given name is Việt and who held a post of that title. Two officials that fit are no link.
        `typed` is the question as typed, whose marks may tell a name from a compound.
        """
        found: dict[str, tuple[int, int]] = {}
        # "Thuong's Laos visit": an English possessive typed on a capitalised given name names its owner
        possessed = {fold(m[1]) for m in _POSSESSIVE.finditer(typed)}
        for i, token in enumerate(tokens):
            owners = self.given_names.get(token)
            if owners and token in possessed and tokens[i + 1 : i + 2] == ["s"] and len(owners) == 1:
                found[owners[0]] = (i, i + 1)
                continue
            if not owners or i == 0:
                continue
            pair = (token, tokens[i + 1]) if i + 1 < len(tokens) else None
            if pair and self._runs_on(pair) and not (typed and self._compound_typed_otherwise(pair, typed)):
                continue  # "Thủ tướng Chính phủ", "Thứ trưởng Việt-Thái": a word, not a name
            head = _title_before(tokens, i)
            if head is None and i >= 2:
                # "ông Thái Sơn", "Thứ trưởng Minh Đức": the middle name too, before the given name
                owners = [o for o in owners if self._name_ends(o, tokens[i - 1 : i + 1])]
                head = _title_before(tokens, i - 1) if owners else None
            if head is None:
                continue
            start, title = head
            fitting = [o for o in owners if title is None or self._holds_title(o, title)]
            if len(fitting) == 1:
                found[fitting[0]] = (start, i + 1)
        return found

    def _name_ends(self, official_id: str, words: list[str]) -> bool:
        """The official's name has more words than these and ends with them."""
        official = self.knowledge.official(official_id)
        name = fold(official.name).split() if official else []
        return len(name) > len(words) and name[-len(words) :] == words

    def read_shared_abbreviations(self, folded: str) -> str:
        """An abbreviation several titles share, as the title the official named after it held: "tt
        Đức" is "thứ trưởng Đức" when Đức was a deputy minister and no prime minister."""
        words = folded.split()
        for i, word in enumerate(words):
            titles = SHARED_ABBREVIATIONS.get(word)
            if titles is None:
                continue
            after = words[i + 1 : i + 5]
            owners = {*self.given_names.get(after[0], ()), *self.officials_in(after)} if after else set()
            held = [title for title in titles if any(self._holds_title(o, title) for o in owners)]
            if not owners:
                # no one named after it: the title the words beside it go on with, when only one does
                # ("tt ngoại giao", "cấp tt": no prime minister's title or mechanism is written so)
                held = [title for title in titles if self._written_beside(title, words[i - 1 : i], after[:1])]
            if len(held) == 1:
                words[i] = held[0]
        return " ".join(words)

    def _written_beside(self, title: str, before: list[str], after: list[str]) -> bool:
        """Some official's title or mechanism's name has the title with the word before or after it."""
        return any(
            w not in FUNCTION_WORDS and f" {w} {title} " in self.titles_written for w in before
        ) or any(w not in FUNCTION_WORDS and f" {title} {w} " in self.titles_written for w in after)

    def like_an_official(self, words: list[str]) -> bool:
        """A full name shaped like an official's (as many syllables, the same family name) that is not
        theirs: "Bui Thanh Son" beside "Bùi Thái Sơn", "Nguyen Phu Trong" beside "Nguyễn Minh Vũ"."""
        return len(words) >= 3 and (words[0], len(words)) in self.name_shapes

    def _holds_title(self, official_id: str, title: str) -> bool:
        official = self.knowledge.official(official_id)
        return official is not None and any(
            re.search(rf"(?:^|\s){title}(?:\s|$)", canonical(fold(p.title_vi))) for p in official.positions
        )

    def _note_acronyms(self) -> None:
        """The initials of each mechanism's Vietnamese names, and of their first words (four or more:
        "Ủy ban Hỗn hợp" → "ubhh"), when no other words have the same and they are no word of the base."""
        found: defaultdict[str, set[str]] = defaultdict(set)
        for series in self.knowledge.of_kind(Series):
            for name in [series.name_vi, *series.aliases]:
                words = fold(name).replace("-", " ").split()
                if not has_vietnamese_marks(name):
                    continue
                # the name's first words too: "UBLCP" is the "Ủy ban liên Chính phủ" of a longer name
                for size in range(ACRONYM_MIN_WORDS, len(words) + 1):
                    found["".join(w[0] for w in words[:size])].add(" ".join(words[:size]))
        self.acronyms = {
            acronym: next(iter(names))
            for acronym, names in found.items()
            if len(names) == 1 and acronym not in self.vocabulary and acronym not in LEXICON_WORDS
        }

    def corrected(self, folded: str, *, keep: Callable[[str], bool] | None = None) -> str:
        """The folded question with a mechanism's initials spelt out ("ubhh" → "uy ban hon hop") and each
        unknown word replaced by the one known word a single edit away
        (a dropped, doubled or swapped letter: "tuhan" → "thuan"): for a long word when exactly one is
        (one of the same length, if there is); for a short one ("cog", "thag") only when exactly one
        also makes a word pair the sources use with a neighbour ("cong tac", "thang may"). A word
        `keep` holds is a word of the question's language, no typo."""
        words = [self.acronyms.get(word, word) for word in folded.split()]  # "ubhh": "uy ban hon hop"
        words = " ".join(words).split()
        fixed = [
            self._correction(
                word, words[i - 1] if i else "", words[i + 1] if i + 1 < len(words) else "", keep
            )
            for i, word in enumerate(words)
        ]
        return folded if fixed == folded.split() else " ".join(fixed)

    def _correction(self, word: str, before: str, after: str, keep: Callable[[str], bool] | None) -> str:
        if len(word) < SHORT_TYPO_MIN_LEN or word.isdigit() or self.is_known(word):
            return word
        if keep is not None and keep(word):
            return word
        # only words of about the same length and the same first letter can be one edit away
        # (a typo in the first letter is left alone): the cost stays flat as the base grows
        sizes = (len(word) - 1, len(word), len(word) + 1)
        pool = [known for size in sizes for known in self._spelling.get((word[0], size), ())]
        matches = process.extract(word, pool, scorer=OSA.distance, score_cutoff=1, limit=None)
        near = [str(m[0]) for m in matches]
        known_pairs = (self.corpus_pairs, CUE_PAIRS, ROLE_PAIRS)
        in_context = [
            w for w in near if any(f"{before} {w}" in p or f"{w} {after}" in p for p in known_pairs)
        ]
        if len(in_context) > 1:
            # "tăg bao nhiêu": of "tai", "tao" and "tang", the one whose ending lost a letter
            restored = [w for w in in_context if _lost_final(word, w)]
            in_context = restored if len(restored) == 1 else in_context
        if not before and not in_context:
            # the question's first word is most often its question word ("waht did …", "whre was …"):
            # the one cue word a single edit away
            in_context = [w for w in near if w in CUE_WORDS]
        if len(word) < TYPO_MIN_LEN or len(in_context) == 1:
            # the one reading that makes a pair with a neighbour ("thu truog" is "thứ trưởng", not
            # "thứ trung"); a short word is read only so
            return in_context[0] if len(in_context) == 1 else word
        # a swapped or mistyped letter keeps the length: prefer such a reading over a dropped letter
        same_length = [w for w in near if len(w) == len(word)]
        chosen = same_length if same_length else near
        return chosen[0] if len(chosen) == 1 else word

    def is_known(self, word: str) -> bool:
        """A word of the base or of the lexicon: no name the base lacks."""
        return word in self.vocabulary or word in LEXICON_WORDS or word in _EXTRA_KNOWN

    @property
    def _spelling(self) -> dict[tuple[str, int], list[str]]:
        """The words a typo is corrected to (the base's own long words and the cue words), by first
        letter and length; built on the first typo. Ordinals and months count ("secnd", "Januray")."""
        if self._spelling_index is None:
            index: defaultdict[tuple[str, int], list[str]] = defaultdict(list)
            for w in sorted(self.vocabulary | CUE_WORDS | SYNONYM_WORDS | NUMBER_WORDS):
                if len(w) >= SHORT_TYPO_MIN_LEN - 1 and w.isalpha():
                    index[(w[0], len(w))].append(w)
            self._spelling_index = dict(index)
        return self._spelling_index

    def _name_without_years(self) -> None:
        """A name ending in the year it looks to ("Kế hoạch Chiến lược … đến năm 2045", "… Vision 2045")
        is quoted by its words without that year too, when no other fact's name reads the same."""
        stripped: defaultdict[str, set[str]] = defaultdict(set)
        for name, fact_ids in self.fact_names.items():
            form = _TRAILING_YEAR.sub("", name)
            if form != name and len(form.split()) >= 3:
                stripped[form].update(fact_ids)
        for form, owners in stripped.items():
            if len(owners) == 1 and form not in self.fact_names:
                self.fact_names[form] = sorted(owners)

    def names_in(self, canonical_question: str) -> dict[str, str]:
        """Facts whose whole name or title the question contains, with the name found (longest first).
        Names are looked up by their first three words, so the cost follows the question, not the base."""
        if not self._name_heads and self.fact_names:
            heads: defaultdict[tuple[str, ...], list[str]] = defaultdict(list)
            for name in sorted(self.fact_names, key=len, reverse=True):
                heads[tuple(name.split()[:3])].append(name)
            self._name_heads = dict(heads)
        tokens = canonical_question.split()
        spans: list[tuple[int, int, str]] = []
        for i in range(len(tokens) - 2):
            for name in self._name_heads.get(tuple(tokens[i : i + 3]), ()):
                words = name.split()
                if tokens[i : i + len(words)] == words:
                    spans.append((i, i + len(words), name))
        found: dict[str, str] = {}
        for start, end, name in spans:
            # a name inside a longer one quoted ("Hiệp ước …" in "Kỷ niệm 45 năm ký Hiệp ước …") is not quoted
            if any(s <= start and end <= e and e - s > end - start for s, e, _ in spans):
                continue
            for fact_id in self.fact_names[name]:
                found.setdefault(fact_id, name)
        return found

    def officials_in(self, tokens: list[str]) -> dict[str, float]:
        return self.link(self.name_forms, self._blocks, tokens)

    def places_in(self, tokens: list[str]) -> dict[str, float]:
        return self.link(self.place_forms, self._place_blocks, tokens, places=True)

    def series_typed_as_written(self, folded_question: str) -> set[str]:
        """The series whose name the question types as the articles write it, where that differs from
        how it is read ("Tham khảo Chính trị", not "tham vấn")."""
        typed = units(folded_question)
        return {series_id for series_id, pairs in self.series_as_written.items() if pairs & typed}

    def series_scores(self, canonical_question: str) -> dict[str, float]:
        """How fully each series' best name is present in the question (IDF-weighted share, 0-1)."""
        question_units = units(self.without_countries(canonical_question))
        coverage: dict[str, float] = {}
        specific: dict[str, float] = {}  # weight of the longest name the question covers well
        candidates = {i for u in question_units for i in self._series_postings.get(u, ())}
        for i in candidates:
            series_id, bigrams, weight = self._series_names[i]
            hit = sum(self.idf.get(u, 1.0) for u in bigrams if u in question_units)
            share = hit / weight if weight else 0.0
            if not any(u in question_units and u not in ROLE_PAIRS for u in bigrams):
                share = 0.0  # only its officials' titles appear: the mechanism itself is not named
            coverage[series_id] = max(coverage.get(series_id, 0.0), share)
            if share >= SERIES_COVERED:
                specific[series_id] = max(specific.get(series_id, 0.0), hit)
        top = max(specific.values(), default=0.0)
        # A series whose generic name is covered loses to one whose longer, more specific name is covered:
        # "tham vấn chính trị cấp bộ trưởng" names the minister-level series, not both.
        return {
            series_id: share * (specific.get(series_id, 0.0) / top if top else 1.0)
            for series_id, share in coverage.items()
            if share > 0
        }

    def _index_series_names(self) -> None:
        postings: defaultdict[str, list[int]] = defaultdict(list)
        for series_id, names in self.series_units.items():
            for name_units in names:
                bigrams = _name_pairs(name_units)
                if not bigrams:
                    continue
                self._series_names.append((series_id, bigrams, sum(self.idf.get(u, 1.0) for u in bigrams)))
                for unit in bigrams:
                    postings[unit].append(len(self._series_names) - 1)
        self._series_postings = dict(postings)

    def mentions(self, place: Place) -> list[str]:
        """Ids of the facts whose text contains one of the place's names (looked up, not scanned)."""
        found: list[str] = []
        for name in [place.name_vi, place.name_en, *place.aliases]:
            pairs = [u for u in units(canonical(fold(name))) if " " in u] or [canonical(fold(name))]
            postings = [set(self._unit_postings.get(u, ())) for u in pairs]
            for fact_id in sorted(set.intersection(*postings)) if postings else []:
                if fact_id != place.id and fact_id not in found:
                    found.append(fact_id)
        return found

    def rare_names(self, question: str) -> set[str]:
        """Acronyms and long foreign words of the question ("UNCLOS", "CLMV", "Densavan") that only one
        or two facts contain. Vietnamese syllables are left out: a rare one is wording, not a name."""
        names = {fold(w) for w in re.findall(r"\b[A-Z]{3,}\b", question)}
        names |= {w for w in fold(question).split() if len(w) >= LONG_WORD}
        return {n for n in map(singular, names) if 0 < self.doc_freq.get(n, 0) <= RARE_DF}

    def facts_with(self, unit: str) -> tuple[str, ...]:
        """Ids of the facts whose text holds the unit (a word or a word pair)."""
        return tuple(self._unit_postings.get(unit, ()))

    def unit_weight(self, unit: str, *, english: bool = False) -> float:
        """How much a unit says: rare units more, word pairs more than words, unknown units the most."""
        tokens = unit.split()
        if (
            not english  # English pairs with a word of asking are no evidence at all (`no_evidence`)
            and len(tokens) > 1
            and unit not in self.idf
            and all(t in self.idf for t in tokens)
            and any(t in FUNCTION_WORDS or t in CUE_WORDS for t in tokens)
        ):
            # two words of the base side by side, one a word of asking, that no fact puts together
            # ("thành lập năm nào" read as "lap nam"): a seam between words, not an unknown topic
            return min(self.idf[t] for t in tokens)
        return self.idf.get(unit, self.max_idf) * (1.6 if " " in unit else 1.0)

    def _evidence_weights(self, question_units: set[str], *, english: bool = False) -> dict[str, float]:
        """The weight of each unit of the question that is evidence of anything."""
        return {
            u: self.unit_weight(u, english=english)
            for u in question_units
            if not self.no_evidence(u, english)
        }

    def question_weight(self, question_units: set[str], *, english: bool = False) -> float:
        return sum(self._evidence_weights(question_units, english=english).values()) or 1.0

    def passage_scores(
        self, question_units: set[str], fact_ids: Iterable[str], *, english: bool = False
    ) -> dict[str, float]:
        """Share of the question's weight the best passage of each event explains (0-1): one point agreed
        or discussed, or its title and summary. A detail of a long record is asked of one passage, and
        the whole record's length must not hide it."""
        asked = self._evidence_weights(question_units, english=english)
        total = sum(asked.values()) or 1.0
        shares: dict[str, float] = {}
        for fact_id in fact_ids:
            passages = self._passages_of(fact_id)
            if passages:
                best = max(sum(w for u, w in asked.items() if u in passage) for passage in passages)
                shares[fact_id] = best / total
        return shares

    def _passages_of(self, fact_id: str) -> list[frozenset[str]]:
        if fact_id not in self._passages:
            event = self.knowledge.event(fact_id)
            texts = (
                [f"{event.title_vi} {event.title_en} {event.summary_vi} {event.summary_en}"]
                + [f"{t.vi} {t.en}" for t in event.agreed + event.discussed]
                if event is not None
                else []
            )
            self._passages[fact_id] = [frozenset(units(canonical(fold(text)))) for text in texts]
        return self._passages[fact_id]

    def lexical_scores(self, question_units: set[str], *, english: bool = False) -> dict[str, float]:
        """Share of the question's weight each fact's text explains (0-1), via the postings (no full scan)."""
        scores: defaultdict[str, float] = defaultdict(float)
        for unit in question_units:
            if self.no_evidence(unit, english):
                continue
            postings = self._unit_postings.get(unit)
            if postings is None or len(postings) > 2000:
                continue  # a unit in thousands of facts discriminates nothing
            weight = self.unit_weight(unit, english=english)
            for fact_id in postings:
                scores[fact_id] += weight
        total = self.question_weight(question_units, english=english)
        return {
            fact_id: min(1.0, score / total * self.length_factor[fact_id])
            for fact_id, score in scores.items()
        }


MAX_AFFIX_BLOCK = 400


def _affix_keys(token: str) -> tuple[str, str]:
    return "^" + token[:3], token[-3:] + "$"


# Question words carry the question's type, not its topic: they never count as evidence for a fact.


# Words that count or date things: numbers, ordinals, months, rounds.
NUMBER_WORDS = frozenset(
    set(VI_NUMBER_WORDS) | set(EN_ORDINAL_WORDS) | set(MONTHS_EN) | set(ROMAN) | COUNT_WORDS
)
# closed-class words ("before", "against") are never a subject the base lacks
_EXTRA_KNOWN = frozenset(
    {w for name in COUNTRIES for w in name.split()} | NUMBER_WORDS | EVERYDAY_WORDS | NO_TOPIC_WORDS
)


def tail_first(name: str) -> str | None:
    """An English name said tail first: "Joint Committee on the Maritime Boundary" → "Joint Maritime
    Boundary Committee"; None for a name with no link word (or a Vietnamese one)."""
    if has_vietnamese_marks(name):
        return None
    parts = NAME_LINK.split(name, maxsplit=1)
    if len(parts) != 2:
        return None
    head, tail = parts[0].split(), parts[1]
    return " ".join([*head[:-1], tail, head[-1]]) if head else None


def _typed_otherwise(text: str, place: Place | None, index: EntityIndex) -> bool:
    """The words that fold like the place's name were typed with other tone marks that make other
    words: "Lào bao nhiêu" holds "lao bao" folded, but not "Lao Bảo". (Typed without marks, or with a
    slip of them, "Hà Nôi", they may be the place.)"""
    if place is None:
        return False
    typed = unicodedata.normalize("NFC", text)
    folded = "".join((fold(ch) or ch)[:1] for ch in typed)  # letter by letter: positions are kept
    names = [place.name_vi, *place.aliases]
    for name in [*names, *(side for n in names for side in _PAIR_DASH.split(n))]:  # "Lao Bảo – …"
        written = unicodedata.normalize("NFC", name.strip())
        at = folded.find("".join((fold(ch) or ch)[:1] for ch in written))
        if at >= 0 and has_vietnamese_marks(written):
            span = typed[at : at + len(written)]
            return (
                has_vietnamese_marks(span)
                and span.lower() != written.lower()
                and index.other_words(span, written)
            )
    return False


def _lost_final(typed: str, word: str) -> bool:
    """The word ends in a syllable ending that, one letter dropped, is how the typo ends."""
    return any(
        word.endswith(final) and typed in (word[: -len(final)] + final[1:], word[: -len(final)] + final[:1])
        for final in DROPPED_FINALS
    )


def is_function_unit(unit: str) -> bool:
    return all(token in FUNCTION_WORDS or token.isdigit() for token in unit.split())


_POSSESSIVE = re.compile(r"\b([A-ZĐ][^\W\d_]+)['’]s\b")


def _name_pairs(name_units: set[str]) -> frozenset[str]:
    """The word pairs that make up a mechanism's name, glue pairs ("giữa hai") left out."""
    return frozenset(u for u in name_units if " " in u and not _is_glue_pair(u))


def _is_glue_pair(unit: str) -> bool:
    """A word pair joined by a function word ("giữa hai", "hai bộ"): no part of a mechanism's name."""
    return any(token in _GLUE_WORDS for token in unit.split())


_GLUE_WORDS = GLUE_WORDS


def _block_keys(token: str) -> set[str]:
    return {token, *_affix_keys(token)}


def _block(forms: list[NameForm]) -> dict[str, list[int]]:
    blocks: defaultdict[str, list[int]] = defaultdict(list)
    for i, form in enumerate(forms):
        for token in form.text.split():
            if len(token) >= 2:
                for key in _block_keys(token):
                    blocks[key].append(i)
    return dict(blocks)


_ROLES_LONGEST_FIRST = sorted(ROLE_PHRASES, key=lambda role: len(role.split()), reverse=True)


def _same_syllables(name: str, written: str) -> bool:
    """Each syllable as written, but for one typo (a letter dropped, doubled or changed) in one of them."""
    a, b = name.split(), written.split()
    if len(a) != len(b):
        return False
    differing = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return len(differing) <= 1 and all(OSA.distance(x, y) <= 1 for x, y in differing)


def _title_before(tokens: list[str], i: int) -> tuple[int, str | None] | None:
    """Where the title or honorific before token `i` starts, and the post it names (None for "ông")."""
    if tokens[i - 1] in HONORIFICS:
        return i - 1, None
    for role in _ROLES_LONGEST_FIRST:
        words = role.split()
        if tokens[max(0, i - len(words)) : i] == words:
            return i - len(words), role
    return None


ACRONYM_MIN_WORDS = 4  # fewer initials ("ubh") are too often a typo or another word
TYPO_MIN_LEN = 5  # shorter words are too often other real words one letter away…
SHORT_TYPO_MIN_LEN = 3  # …so from here to TYPO_MIN_LEN a neighbour must confirm the reading


def _whole_names(code: str) -> bool:
    country = COUNTRY_DATA.get(code)
    return country is not None and country.whole_names


def _name_forms(official: Official) -> set[str]:
    forms: set[str] = set()
    for name in [official.name, *official.aliases]:
        folded = fold(name)
        forms.add(folded)
        tokens = folded.split()
        # Vietnamese names are matched whole: their last two syllables are often ordinary words
        # ("Văn Thưởng" in "tham vấn thường niên").
        if not _whole_names(official.country):
            # e.g. Lao and Cambodian names: either part alone is distinctive enough when long
            forms.update(t for t in tokens if len(t) >= SHORT_FORM_MIN_LEN + 1)
    return forms


_NEXT = NEXT_ROUND


def _asked_round(text: str, folded: str) -> int | None:
    """The round asked about; "the next one after the 8th" asks about the 9th, "the one before the 5th"
    about the 4th."""
    number = parse_round(folded)
    if number is not None and re.search(rf"(?<!\d){number}\s*%", text):
        return None  # "16%" is a share, not a round (folding dropped the sign)
    span = round_span(folded)
    if number is not None and span is not None and ANNIVERSARY_WORDS.match(folded[span[1] :].lstrip()):
        return None  # "its 75th anniversary" counts years, it names no round
    planned = _planned_at(folded)
    if planned is not None:
        # "hồi lần 2 hai bên hẹn lần 3 tổ chức ở đâu?": the round planned at the first is asked
        return parse_round(folded[planned:])
    if number is not None and _NEXT.search(folded) and not PLURAL_ASKED.search(canonical(folded)):
        # (but "lần 1 … hẹn những cuộc họp nào tiếp theo": the meetings the round named planned)
        return number + 1
    if number is not None and number > 1 and PREVIOUS_ROUND.search(folded):
        return number - 1
    return number


def _planned_at(folded: str) -> int | None:
    """Where a round planned at another meeting is named: after a word of planning that follows that
    meeting, named by its round or its date ("lần 2 … hẹn lần 3", "hồi 2022 hai bên hẹn … lần 3"), and
    comes before the round planned; None when the question names no such pair."""
    spans = round_spans(folded)
    if not spans:
        return None
    cue = INTENT_CUES[Intent.PLANNED].search(folded, 0, spans[-1][0])
    if cue is None:
        return None
    before = folded[: cue.start()]
    named_before = any(end <= cue.start() for _, end in spans) or parse_date(before) is not None
    return cue.start() if named_before else None


def _typos_fixed(text: str, index: EntityIndex, keep: Callable[[str], bool] | None) -> str:
    """The text as typed, each mistyped word replaced by the word `index.corrected` reads it as."""
    folded = fold(text).split()
    fixed = index.corrected(" ".join(folded), keep=keep).split()
    swaps = {typo: word for typo, word in zip(folded, fixed, strict=False) if typo != word}
    if not swaps or len(fixed) != len(folded):
        return text  # nothing mistyped, or initials spelt out: the words no longer line up
    return re.sub(r"[^\W\d_]+", lambda m: swaps.get(fold(m.group(0)), m.group(0)), text)


def _asked_date(text: str, today: dt.date | None) -> DateQuery | None:
    """The date asked about; of a round planned at another ("hồi 2022 hai bên hẹn lần 3 …"), a date
    named before the planning is the other round's, not the one asked."""
    folded = fold(text)
    planned = _planned_at(folded)
    return parse_date(text if planned is None else folded[planned:], today)


ROUND_OWNER_WORDS = 6  # the words before a round phrase that name the mechanism it is a round of
ROUND_OWNER_MIN = 0.1  # … as much of that mechanism's name (by weight) as they must hold ("tham vấn")
ROUND_OWNER_TIE = 0.08  # mechanisms that many words name within this of the best all own it


def _round_owner(index: EntityIndex, series: dict[str, float], canon: str) -> dict[str, float]:
    """ "hồi tham khảo chính trị lần đầu … chuẩn bị kỳ họp thứ mấy của UB liên Chính phủ?": a round is
    one of the mechanism named right before it; when another is named more fully elsewhere in the
    question, the round's mechanism is the one the question is about, the other is what it asks of it."""
    span = round_span(canon)
    if span is None or len(series) < 2:
        return series
    before = canon[: span[0]].split()[-ROUND_OWNER_WORDS:]
    near = index.series_scores(" ".join(before))
    best = max(near.values(), default=0.0)
    owners = {s for s, share in near.items() if share >= max(ROUND_OWNER_MIN, best - ROUND_OWNER_TIE)}
    top = max(series.values())
    if not owners or any(series.get(s, 0.0) >= top for s in owners):
        return series
    # the owners lead; the others stay named, clearly behind
    return {
        s: top if s in owners else min(share, top - 2 * ROUND_OWNER_TIE) for s, share in series.items()
    } | {s: top for s in owners}


def _first_kind(canon: str) -> str | None:
    """The kind the question asks for: the one a question word follows or leads ("kỳ họp gì", "which
    session"), else the one it names first (its head noun)."""
    found = [(m.start(), m.end(), kind) for kind, cue in EVENT_KIND_CUES.items() for m in cue.finditer(canon)]
    return _kind_asked(canon, found) or (min(found)[2] if found else None)


def opening_clause(text: str, openers: re.Pattern[str]) -> tuple[str, str] | None:
    """The clause opening the question up to its first comma, when one of the openers starts it ("Khi
    …", "Hồi làm Bộ trưởng …", "When …"), and the rest after it; None when there is no such clause or
    nothing follows it."""
    clause, comma, rest = text.partition(",")
    if not comma or not rest.strip() or not openers.match(canonical(fold(clause))):
        return None
    return clause, rest


def _main_clause(text: str, canon: str) -> str:
    """The question without a clause that opens it to say when ("Khi sang thăm Việt Nam tháng 12/2021,
    ông Saleumxay đồng chủ trì sự kiện gì?"): the kind of event it names is when, not what, is asked.
    The whole question when it has no such clause."""
    opening = opening_clause(text, TIME_OPENERS)
    return canon if opening is None else canonical(fold(opening[1]))


KIND_ASKED_WINDOW = 3  # words before a kind named in which the word asking for it may stand


def asked_before(before: list[str]) -> bool:
    """A word asking for a kind stands right before it, or a few words before with only words that
    qualify it between ("which legal instruments", "list the East Sea documents"; not "what meetings or
    visits", where "what" asks for the meetings)."""
    for word in reversed(before[-KIND_ASKED_WINDOW:]):
        if word in KIND_ASKED_BEFORE:
            return True
        if word in FUNCTION_WORDS and word not in KIND_QUALIFIER_GLUE:
            return False
    return False


def event_kind_asked(canon: str) -> str | None:
    """The kind of event a question word asks for ("kỳ họp thứ mấy", "which session"), if any."""
    found = [(m.start(), m.end(), kind) for kind, cue in EVENT_KIND_CUES.items() for m in cue.finditer(canon)]
    return _kind_asked(canon, found)


def _fact_kind_asked(canon: str) -> str | None:
    """The kind of record a question word asks for ("văn bản nào", "dự án gì", "which agreements"):
    the answer is a record of that kind, not the event it was named at ("đạt được những thỏa thuận
    gì" asks for the points agreed)."""
    if POINTS_REACHED.search(canon):
        return None
    found = [(m.start(), m.end(), kind) for kind, cue in FACT_KIND_CUES.items() for m in cue.finditer(canon)]
    return _kind_asked(canon, found)


def _kind_asked(canon: str, found: list[tuple[int, int, str]]) -> str | None:
    for start, end, kind in found:
        rest = canon[end:].lstrip()
        after = (
            rest[qualified.end() :].split()
            if (qualified := KIND_QUALIFIERS_AFTER.match(rest))
            else rest.split()
        )
        # the word after the kind, or the words: "kỳ họp gì", "kỳ họp thứ mấy"
        asked_after = {" ".join(after[:size]) for size in (1, 2, 3)} & KIND_ASKED_AFTER
        if asked_after or asked_before(canon[:start].split()):
            return kind
    return None


def _countries_of(fact: object, knowledge: Knowledge, canonical_text: str) -> frozenset[str]:
    """The countries a fact involves: named in its text, its place, its people, its series.

    Country members are str (StrEnum) and equal their codes; adding them as they are skips the
    costly `.value` look-up, which dominated building the index of a 50 000-fact base.
    """
    found = {COUNTRIES[m.group(0)] for m in COUNTRY_PATTERN.finditer(canonical_text)}
    if isinstance(fact, Event):
        found |= _countries_placed(knowledge, fact.place) | _countries_of_people_and_mechanism(
            fact, knowledge
        )
    if isinstance(fact, Statement):
        found.update(fact.countries)
    if isinstance(fact, Official | Place) and fact.country is not None:
        found.add(fact.country)
    if isinstance(fact, Series):
        found.update(fact.countries)
    return frozenset(found)


def _sides_of(event: Event, knowledge: Knowledge) -> frozenset[str]:
    """The countries taking part in an event: its people's (named, or by the label of an unnamed one) and
    its mechanism's; not the country it was held in or its text names."""
    found = _countries_of_people_and_mechanism(event, knowledge)
    for participant in event.participants:
        label = canonical(fold(participant.label_vi or ""))
        found.update(COUNTRIES[m.group(0)] for m in COUNTRY_PATTERN.finditer(label))
    if event.event_kind is EventKind.VISIT:
        found |= _countries_placed(knowledge, event.place)  # the country visited: its other side
    return frozenset(found)


def _countries_of_people_and_mechanism(event: Event, knowledge: Knowledge) -> set[str]:
    """The countries of the officials an event names and of the mechanism it is a meeting of."""
    found = {
        official.country
        for participant in event.participants
        if (official := knowledge.official(participant.official or "")) is not None
    }
    series = knowledge.series(event.series or "")
    if series is not None:
        found.update(series.countries)
    return found


def _countries_placed(knowledge: Knowledge, place_id: str | None) -> set[str]:
    """The countries of a place and of the places it lies within."""
    places = map(knowledge.place, knowledge.place_chain(place_id))
    return {place.country for place in places if place is not None and place.country is not None}


def _counterparts(canon: str) -> frozenset[str]:
    """The countries the question names as the other side ("ký … với bên Lào", "met with Laos")."""
    found = set()
    for m in COUNTRY_PATTERN.finditer(canon):
        joined = COUNTERPART_BEFORE.search(canon[: m.start()])
        if joined is None:
            continue
        prior = canon[: joined.start()].rstrip()
        # "VN với Lào": "với" joins two countries, naming no other side
        if not any(c.end() == len(prior) for c in COUNTRY_PATTERN.finditer(prior)):
            found.add(COUNTRIES[m.group(0)])
    return frozenset(found)


def _names_of(fact: object) -> list[str]:
    """The names and titles a user may quote: of events, agreements, statements and figures."""
    if isinstance(fact, Event | Statement):
        return [fact.title_vi, fact.title_en]
    if isinstance(fact, Agreement):
        return [fact.name_vi, fact.name_en, *fact.aliases]
    if isinstance(fact, Figure):
        return [fact.name_vi, fact.name_en]
    return []


def searchable_text(fact: object) -> str:
    """All the words a fact is found by: names, titles, summaries, points agreed or discussed."""
    parts: list[str] = []
    if isinstance(fact, Event):
        parts += [fact.title_vi, fact.title_en, fact.summary_vi, fact.summary_en]
        parts += [t.vi + " " + t.en for t in fact.discussed + fact.agreed]
    elif isinstance(fact, Agreement):
        parts += [
            fact.name_vi,
            fact.name_en,
            *fact.aliases,
            fact.summary_vi,
            fact.summary_en,
            fact.parties_vi,
        ]
    elif isinstance(fact, Figure):
        parts += [fact.name_vi, fact.name_en, fact.period_vi, fact.period_en, fact.value_text_vi]
    elif isinstance(fact, Statement):
        parts += [fact.title_vi, fact.title_en, fact.summary_vi, fact.summary_en]
    elif isinstance(fact, Series):
        parts += [fact.name_vi, fact.name_en, *fact.aliases]
    elif isinstance(fact, Official):
        parts += [fact.name, *fact.aliases] + [p.title_vi + " " + p.title_en for p in fact.positions]
    elif isinstance(fact, Place):
        parts += [fact.name_vi, fact.name_en, *fact.aliases]
    return " ".join(parts)


@dataclass(frozen=True)
class Question:
    text: str
    folded: str
    canonical: str
    tokens: list[str]
    units: set[str]
    lang: Lang
    intents: frozenset[Intent]
    round: int | None
    date: DateQuery | None
    officials: dict[str, float]
    places: dict[str, float]
    countries: frozenset[str]
    series: dict[str, float]
    event_kinds: frozenset[str]
    primary_kind: str | None  # the kind the question names first: its head noun ("cuộc gặp bên lề hội nghị")
    fact_kind_asked: str | None  # the kind of record a question word asks for ("văn bản nào")
    unknown_attribute: bool
    greeting: bool
    unknown_names: tuple[str, ...]
    unknown_words: tuple[str, ...]

    base_countries: frozenset[str]  # the countries the base holds facts about
    named_facts: frozenset[str] = frozenset()  # facts whose whole name or title the question quotes
    counterparts: frozenset[str] = frozenset()  # countries named as the other side ("với bên Lào")

    @property
    def foreign_countries(self) -> frozenset[str]:
        return self.countries - self.base_countries


# the year a name ends with, and the words that lead to it ("đến năm 2045", "năm 1982", "2021 2025")
_TRAILING_YEAR = re.compile(r"(?:\s(?:den|toi|tu|nam|to|of))*(?:\s\d{4}){1,2}$")
_CAPITALISED_RUN = re.compile(r"\b(?:[A-ZĐ][\wÀ-ỹ]+(?:\s+|$|(?=[^\w\s]))){2,}")  # "… Council?" ends one


_LIST_ITEMS = re.compile(r"[,;:?]|\s[-–—]\s|\s(?:and|và|va|&)\s", re.IGNORECASE)


def _listed_slots(text: str) -> frozenset[Intent]:
    """The slots a question lists by their nouns alone ("3rd consultation: date, city and the two
    co-chairs?"): each item of a list of two or more that is, bar glue words, a slot's noun."""
    items = [
        [w for w in canonical(fold(item)).split() if w not in LISTED_SLOT_GLUE]
        for item in _LIST_ITEMS.split(text)
    ]
    slots = [LISTED_SLOTS.get(" ".join(words)) for words in items if words]
    found = [slot for slot in slots if slot is not None]
    return frozenset(found) if len(found) >= 2 else frozenset()


def _read_as_typed(text: str, folded: str) -> str:
    """Words that fold alike, told apart by the marks typed: "lần sau" typed with no mark in a question
    typed with marks is "the next time", not "lần sáu" (the sixth)."""
    if not has_vietnamese_marks(text):
        return folded  # typed without marks, either could be meant: read as the words fold
    typed = [w.strip("?.,!;:") for w in text.lower().split()]
    for a, b in itertools.pairwise(typed):
        meant = UNMARKED_MEANS.get(f"{fold(a)} {b}")
        if meant is not None:
            folded = re.sub(rf"\b{re.escape(f'{fold(a)} {b}')}\b", meant, folded)
    return folded


_SHORT_YEAR_RANGE = re.compile(
    r"\b(?P<century>19|20)(?P<year>\d{2})(?P<dash>\s*[-–]\s*)(?P<end>\d{2})\b(?![/.,]\d)"
)


def _whole_year_range(match: re.Match[str]) -> str:
    """ "2023-25" written out as "2023-2025"; "2025-23" is no period, and stays."""
    if int(match["end"]) <= int(match["year"]):
        return match.group(0)
    return f"{match['century']}{match['year']}{match['dash']}{match['century']}{match['end']}"


_CODE_PAIR = re.compile(r"\b([A-Z]{2})\s*[-–/]\s*([A-Z]{2})\b")


def _countries_of_codes(match: re.Match[str], countries: frozenset[str], lang: Lang) -> str:
    """Two of the countries written as their ISO codes ("VN-TH", "VN/LA"), named; other capitals stay."""
    first, second = COUNTRY_DATA.get(match[1]), COUNTRY_DATA.get(match[2])
    if first is None or second is None or not {match[1], match[2]} <= countries:
        return match.group(0)
    return f"{getattr(first, lang)} - {getattr(second, lang)}"


_PERCENT_ASKED = re.compile(r"(?<![\d\s])\s*%")


def analyze(
    question: str, index: EntityIndex, *, lang: Lang | None = None, today: dt.date | None = None
) -> Question:
    text = question[:2000]  # a wall of text is no question; the first lines carry it
    text = _SHORT_YEAR_RANGE.sub(_whole_year_range, text)  # "2023-25" is the period 2023-2025
    lang = lang or detect_language(text, vocabulary=index.language_words)
    # "VN-TH": "Việt Nam - Thái Lan", for the countries the base is about ("TL" is Thái Lan in chat,
    # though Timor-Leste's code), in the question's language
    text = _CODE_PAIR.sub(lambda match: _countries_of_codes(match, index.base_countries, lang), text)
    # typos in topic words are corrected in Vietnamese, where a question's words are the base's own;
    # an English question's words are mostly not in the base, and one letter makes another English word
    # typos are corrected to words of the base; in English, only a word no English dictionary holds is
    # a typo ("comission"): most of an English question's words are not the base's ("promoted")
    # "còn mấy % …": a percent sign asked, with no number before it, is the word
    keep = is_english_word if lang == "en" else None
    folded = index.corrected(spell_out(fold(_PERCENT_ASKED.sub(" phần trăm", text))), keep=keep)
    folded = index.read_shared_abbreviations(_read_as_typed(text, folded))
    canon = canonical(folded)
    tokens = canon.split()
    question_units = units(canon)
    intents = frozenset(
        intent
        for intent, cue in INTENT_CUES.items()
        if any(
            cue.search(without_other_senses(intent, form))
            for form in _cue_forms(text, folded, canon, intent, index.doc_freq)
        )
    )
    intents |= _listed_slots(text)
    named_facts = index.names_in(canon)
    # A quoted whole name is one fact: the words inside it ask for no list ("Lễ ký các văn kiện …") and
    # name no other series ("… nhân Kỳ họp lần thứ 5 Ủy ban Hỗn hợp" is where the signing took place).
    unquoted = canon
    for fact_id, name in named_facts.items():
        if isinstance(index.knowledge.get(fact_id), Event):
            unquoted = unquoted.replace(name, " ")
    if Intent.LIST in intents and unquoted != canon and not INTENT_CUES[Intent.LIST].search(unquoted):
        intents = intents - {Intent.LIST}
    # A number inside a name the question quotes ("Công ước … năm 1982", "Tầm nhìn 2045", "60th
    # anniversary of …") is part of the name, not a date or a round the answer must match.
    dated_text = text
    for fact_id, name in named_facts.items():
        fact = index.knowledge.get(fact_id)
        own_round = str(fact.round) if isinstance(fact, Event) and fact.round else None
        for number in re.findall(r"\d+", name):
            if number != own_round:  # "lần thứ 8" in the 8th round's title still asks for the 8th
                dated_text = re.sub(rf"(?<!\d){number}(?!\d)", " ", dated_text)
    # a name is matched as typed too: the typo corrector knows the base's words, not its names, and
    # may turn "Nguễn" into "nguồn"
    linked = index.officials_in(folded.split())
    as_typed = fold(text).split()
    if as_typed != folded.split():
        for official_id, score in index.officials_in(as_typed).items():
            linked[official_id] = max(score, linked.get(official_id, 0.0))
    officials = {
        official_id: score
        for official_id, score in linked.items()
        if not index.only_in_compounds(official_id, folded.split())
    }
    by_given_name = index.officials_by_given_name(tokens, text)
    for official_id in by_given_name:
        officials.setdefault(official_id, 1.0)
    places = {
        place_id: score
        for place_id, score in index.places_in(tokens).items()
        if not _typed_otherwise(text, index.knowledge.place(place_id), index)
    }
    # A name is no country: "Thứ trưởng Đức" and "Nguyễn Minh Đức" name a person, not Germany.
    named = {i for start, end in by_given_name.values() for i in range(start, end)}
    unnamed = " ".join(t for i, t in enumerate(tokens) if i not in named)
    for official_id in officials:
        official = index.knowledge.official(official_id)
        for name in [official.name, *official.aliases] if official else []:
            unnamed = re.sub(rf"\b{re.escape(canonical(fold(name)))}\b", " ", unnamed)
    # A place's own name is no country either: "Lao Bảo" is a border gate, not Laos.
    for place_id, score in places.items():
        place = index.knowledge.place(place_id)
        if place is not None and score >= EXACT_MATCH and place.place_kind.value != "country":
            for name in index.place_names.get(place_id, ()):  # a pair's sides too: "Lao Bảo" is typed
                unnamed = re.sub(rf"\b{re.escape(name)}\b", " ", unnamed)
    unnamed = NOT_COUNTRIES.sub(" ", unnamed)
    countries = frozenset(
        COUNTRIES[m.group(0)]
        for m in COUNTRY_PATTERN.finditer(unnamed)
        if lang != "en" or m.group(0) not in VI_ONLY_COUNTRY_WORDS  # "received Duc": a person
    )
    places = {
        place_id: score
        for place_id, score in places.items()
        if (place := index.knowledge.place(place_id)) is None
        or place.place_kind.value != "country"
        or place.country in countries
    }
    kinds = frozenset(kind for kind, cue in EVENT_KIND_CUES.items() if cue.search(canon))
    # the round and the date read with mistyped words read as the words they are ("the secnd round",
    # "28 Januray 2024")
    dated_text = _typos_fixed(dated_text, index, keep)
    asked_round = _asked_round(dated_text, _read_as_typed(dated_text, spell_out(fold(dated_text))))
    series = _round_owner(index, index.series_scores(unquoted), unquoted)
    named_whole = any(share >= 1.0 for share in series.values())  # a mechanism named by its whole name
    asked_date = _asked_date(dated_text, today)
    # a document named by its kind and words ("dự án mốc quốc giới tên đầy đủ là gì"), not by a date
    # several were signed on: its full name is on record
    document = asked_date is None and bool(FACT_KIND_CUES["agreement"].search(canon))
    return Question(
        text=question,
        folded=folded,
        canonical=canon,
        tokens=tokens,
        units=question_units,
        lang=lang,
        intents=intents,
        round=asked_round,
        date=asked_date,
        officials=officials,
        places=places,
        countries=countries,
        series=series,
        event_kinds=kinds,
        primary_kind=_first_kind(_main_clause(question, canon)),
        fact_kind_asked=_fact_kind_asked(canon),
        unknown_attribute=not (kinds and asked_round is not None)
        # ("the 8th consultation … said about education": a topic of the meeting, no one's education)
        and any(
            # a person's, a mechanism's or a document's full name is on record when the question names them
            not ((officials or named_whole or document) and m.group(0) in HELD_FOR_PEOPLE)
            for m in UNKNOWN_ATTRIBUTES.finditer(folded)
        ),
        greeting=bool(GREETINGS.search(folded)) and len(tokens) <= 6,
        unknown_names=tuple(_unknown_names(text, index)),
        unknown_words=tuple(index.unknown_words(folded.split())),
        base_countries=index.base_countries,
        named_facts=frozenset(named_facts),
        counterparts=_counterparts(canon),
    )


def _cue_forms(
    text: str, folded: str, canon: str, intent: Intent, compounds: Mapping[str, int]
) -> tuple[str, ...]:
    """The question's folded and canonical forms to look for an intent's cues in, with an ambiguous
    cue word (`MARKED_FORMS`) masked where it means something else: typed with other tone marks
    ("dẫn đầu" holds no "đâu", where), or, typed without marks, closing a compound of the base
    ("uy hoi nao": "ủy hội", a commission, not "hồi nào", when)."""
    forms = MARKED_FORMS.get(intent)
    typed = [w for w in re.split(r"[^\w]+", unicodedata.normalize("NFC", text.lower())) if w]
    words = folded.split()
    if not forms or len(typed) != len(words):
        return folded, canon

    def other_sense(i: int, mark: str, word: str) -> bool:
        if word not in forms:
            return False
        if mark != word:
            return mark not in forms[word]
        return i > 0 and f"{words[i - 1]} {word}" in compounds

    masked = [
        f"_{word}" if other_sense(i, mark, word) else word
        for i, (mark, word) in enumerate(zip(typed, words, strict=True))
    ]
    if masked == words:
        return folded, canon
    text_masked = " ".join(masked)
    return text_masked, canonical(text_masked)


# Words that head the name of a body; the two words after them name which one.
_BODY_HEAD = BODY_HEADS  # Vietnamese: the head comes first
PHRASE_MATCH_MIN = 90.0


def _unknown_bodies(folded: str, index: EntityIndex) -> Iterable[str]:
    """Named bodies the sources never mention: "Hội đồng Bảo an" when only "Hội đồng Nhân quyền" is known."""
    for match in _BODY_HEAD.finditer(folded):
        words = folded[match.end() :].split()[:2]
        if not words or words[0] in NOT_A_NAME or words[0] in PLACE_WORDS or words[0].isdigit():
            continue  # "hội đồng nào", "which council", "ủy ban ở Hà Nội": no name given
        if DESCRIBED_BY.search(folded[: match.start()]):
            continue  # "… là ủy ban hợp tác về …": what something is, no body's name
        phrase = f"{match.group(0)} {' '.join(words)}"
        # as typed, or with its short forms spelt out ("Ủy ban liên CP": "… liên chính phủ"), as long
        if not (_body_known(phrase, index) or _body_known(_spelt_out(phrase), index)):
            yield phrase  # neither the name nor a typo of one


def _spelt_out(phrase: str) -> str:
    """The phrase with its short forms spelt out, cut to as many words as it had."""
    return " ".join(canonical(phrase).split()[: len(phrase.split())])


def _body_known(phrase: str, index: EntityIndex) -> bool:
    return (
        process.extractOne(phrase, index.body_names, scorer=fuzz.ratio, score_cutoff=PHRASE_MATCH_MIN)
        is not None
    )


_PAIR_DASH = re.compile(r"\s+[–—-]\s+")  # "Lao Bảo – Đen-xa-vẳn": a spaced dash joins the two sides


def _in_phrases(run: list[str], question: list[str], pairs: set[str]) -> bool:
    """Every word of the run makes a phrase of the sources with the word before or after it in the
    question."""
    for start in range(len(question) - len(run) + 1):
        if question[start : start + len(run)] == run:
            return all(
                (i > 0 and f"{question[i - 1]} {question[i]}" in pairs)
                or (i + 1 < len(question) and f"{question[i]} {question[i + 1]}" in pairs)
                for i in range(start, start + len(run))
            )
    return False


# "Hồi Tham vấn …", "Sau Kỳ họp …", "Phía Quân đội …": a first word capitalised only for the sentence
# ("Ông Sơn": the name)
_ORDINARY_FIRST_WORDS = (EVERYDAY_WORDS | FUNCTION_WORDS | CUE_WORDS | SIDE_WORDS) - HONORIFICS


def _runs_between_countries(text: str, index: EntityIndex) -> Iterable[list[str]]:
    """Runs of capitalised words, split after a country's name: in "Thủ tướng Lào Phankham Viphavanh"
    the country is the post's, the name after it is the person's ("Liên bang Nga" stays whole)."""
    for match in _CAPITALISED_RUN.finditer(text):
        words = match.group(0).split()
        last = max((i for i, w in enumerate(words) if canonical(fold(w)) in index.country_words), default=-1)
        if last >= 0:
            yield words[: last + 1]
        if last + 1 < len(words):
            yield words[last + 1 :]


def _unknown_names(text: str, index: EntityIndex) -> Iterable[str]:
    """Capitalised multi-word names in the question that match no official, place or known word, and
    a person called by an honorific and a name no official has ("bà Hằng", "Mr Tuan")."""
    yield from _unknown_bodies(fold(text), index)
    yield from _unknown_persons(text, index)
    folded = fold(text)
    # "Hà Nội và Viêng Chăn lập quan hệ …": cities of two countries stand for them, no unknown name
    two_countries_cities = len(countries_of_cities(folded.split())) > 1
    for words in _runs_between_countries(text, index):
        run = " ".join(words)
        if _known_run(run, text, index):
            continue
        if re.search(rf"{ALTERNATIVES.pattern}\s+{re.escape(fold(run))}\b", folded):
            continue  # "ở Hà Nội hay Viêng Chăn?": an option offered, checked against what the record says
        if two_countries_cities and countries_of_cities(fold(run).split()):
            continue
        # "Sau Kỳ họp lần thứ 5 …": the first word may be capitalised only for the sentence
        opening = text.lstrip(" \t\n\"'“”(").startswith(run)
        # ("Đoàn Bộ Ngoại giao Lào …": a word the articles write in lower case is a common word there)
        sentence_start = opening and (
            fold(words[0]) in _ORDINARY_FIRST_WORDS or fold(words[0]) in index.common_words
        )
        if not sentence_start:
            yield run
        elif not _known_run(" ".join(words[1:]), text, index):
            # "Did Nguyen Phu Trong …": the name, without a question word opening the sentence ("Sông Mê
            # Kông" keeps its noun)
            yield " ".join(words[1:]) if fold(words[0]) in FUNCTION_WORDS else run


def capitalised_after(words: list[str], i: int, most: int) -> str:
    """The capitalised words (at most `most`) right after word `i`, as typed, without the punctuation
    that closes them: the name an honorific or "in"/"at" introduces."""
    run = itertools.takewhile(lambda w: w[:1].isupper(), words[i + 1 : i + 1 + most])
    return " ".join(run).strip("?.,!;:")


def _unknown_persons(text: str, index: EntityIndex) -> Iterable[str]:
    words = text.split()
    for i, word in enumerate(words[:-1]):
        if fold(word) not in HONORIFICS:
            continue
        run = capitalised_after(words, i, 3)
        name = fold(run).split()
        if not name or name[0] in NOT_A_NAME:
            continue
        after = canonical(fold(" ".join(words[i + 1 : i + 5]))).split()
        if any(after[: len(role.split())] == role.split() for role in _ROLES_LONGEST_FIRST):
            continue  # "bà Đại sứ", "ông Bộ trưởng": a post after the honorific, no name
        # "ông Kraisron": a name one letter off an official's is theirs, as the question is read
        spelt = index.corrected(" ".join(name)).split()
        if any(
            index.officials_in(words)
            or index.officials_by_given_name([fold(word), *words])
            or index.places_in(canonical(" ".join(words)).split())
            for words in (name, spelt)
        ):
            continue
        yield run


def _known_run(run: str, text: str, index: EntityIndex) -> bool:
    """A run of capitalised words that names an official, a place, a phrase of the sources or nothing
    but ordinary words; a single word is no name to check."""
    folded = fold(run)
    words = folded.split()
    canon_words = canonical(folded).split()
    if (
        len(words) < 2
        or index.officials_in(words)
        or index.officials_by_given_name(canon_words)
        or index.places_in(canon_words)
    ):
        return True
    if (
        canon_words != words
        and len(canon_words) > 1
        and all(f"{a} {b}" in index.corpus_pairs for a, b in itertools.pairwise(canon_words))
    ):
        return True  # another spelling of a phrase of the sources ("Mê Kông" of "Mê Công")
    # an abbreviation of the synonym list ("ĐSQ", "QĐND") is a known term, not part of a name
    words = [w for w in words if canonical(w) == w]
    if len(words) < 2:
        return True
    if has_vietnamese_marks(run):
        # A Vietnamese proper name is known only if the sources contain it as a phrase:
        # "Hội đồng Nhân quyền" is in a seed, "Hội đồng Bảo an" is not. A word may make its phrase
        # with a neighbour outside the capitals: "chúc Tết Đại sứ quán" ("chúc Tết", "Đại sứ").
        if all(f"{a} {b}" in index.corpus_pairs for a, b in itertools.pairwise(words)) or _in_phrases(
            fold(run).split(), fold(text).split(), index.corpus_pairs
        ):
            return True
    elif index.like_an_official(words) or index.like_an_official(words[1:]):
        pass  # "Bui Thanh Son" beside "Bùi Thái Sơn": another person, whose name the base lacks ("Did …")
    elif all(
        w in index.vocabulary or w in STOPWORDS or w in EN_HINTS
        for w in index.corrected(" ".join(words), keep=is_english_word).split()
    ):
        return True  # ordinary capitalised words ("Political Consultation", "Joint Comission")
    return bool(COUNTRY_PATTERN.search(canonical(folded)))

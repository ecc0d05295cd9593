"""Questions that check a claim or count years: "… năm 1965 đúng không?", "Is X the Lao PM?",
"Năm 2027 là kỷ niệm bao nhiêu năm …?", "how many years ago …?".

Both reuse the engine's own answer to the question stripped of what the user claims or counts to
(a date, a year): the fact found is then compared with the claim, or its date subtracted from the
year asked about (or from today). A claim the facts contradict is corrected, never answered around.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re
from collections.abc import Callable
from typing import Final, Literal, get_args

from bot.answering import compound, details
from bot.answering.answers import Answer, Lang, Status
from bot.answering.protocol import Lookup
from bot.answering.retrieval import AGREEMENT_CUE, NARROW_KINDS, date_fits, event_date_query
from bot.answering.scoring import (
    AMOUNT_ROUNDING,
    CITED_NAME_WINDOW,
    CLAIM_DATE_SLACK_DAYS,
    CLAIM_EVENTS,
    CLAIM_MORE_WORDS,
    CLAIM_POINT,
    CLAIM_SHARE,
    CLAIM_WORDS,
    LEXICAL_MIN,
    NAME_PART_HELD,
    NAME_PART_LEAD,
    SIDE_WINDOW,
    TIE_MARGIN,
    WORDS_LEAD,
    YEARLY_DAY_GAP,
)
from bot.kb.facts import (
    Agreement,
    Event,
    Figure,
    FuzzyDate,
    Official,
    Place,
    PlaceKind,
    Precision,
    Series,
    Statement,
)
from bot.kb.facts import Status as EventStatus
from bot.kb.knowledge import AnyFact
from bot.nlu.lexicon import (
    ACRONYM,
    AGE_ASKED,
    ALTERNATIVES,
    AMOUNT_ABOVE,
    AMOUNT_BELOW,
    AMOUNT_FILLERS,
    ANNIVERSARY_OCCASION,
    ANNIVERSARY_WORDS,
    AS_OF_THEN,
    BILATERAL,
    CITY_COUNTRIES,
    CLAIM_CUES,
    CLAIM_ENDS,
    CLAIM_STARTS,
    CLAIM_TAGS,
    CONCEPTS,
    CONCLUDED_ASKED,
    CONTRACTED,
    COUNTRIES,
    COUNTRY_DATA,
    COUNTRY_PATTERN,
    CUE_WORDS,
    DATE_WORDS,
    DAY_ASKED,
    DAYS_APART,
    DAYS_BETWEEN,
    DAYS_BETWEEN_SPLIT,
    DAYS_COUNTED,
    DAYS_UNTIL,
    DURATION_CUES,
    ENGLISH_GLUE,
    EVENT_ASKED,
    EVERYDAY_WORDS,
    FUNCTION_WORDS,
    HAPPENED_ASKED,
    HELD_ASKED,
    HOME_COUNTRIES,
    IN_FORCE_ASKED,
    LASTED_ASKED,
    LEVEL_WORD,
    LOCATED_WORDS,
    MARKED_FORMS,
    MONTHS_ASKED,
    MONTHS_EN,
    MULTILATERAL,
    NATIONALITY_ASKED,
    NEGATIONS,
    NOT_CONCLUDED,
    NOW,
    OTHER_PERSON,
    PARTS_OF_DAY,
    PARTS_OF_DAY_DATED,
    PLACE_CLAIM_WORDS,
    POST_CAPACITY,
    POST_COPULAS,
    POST_STOPS,
    ROLE_PHRASES,
    ROLE_WORDS,
    SAID_VERBS,
    SAME_PERSON,
    SCENE_OPENERS,
    SHARE,
    SIDE_WORDS,
    SIGNED_ASKED,
    SPAN_APART,
    SPAN_ASKED,
    SPAN_BETWEEN,
    SPAN_COUNTED,
    STOPWORDS,
    TERM_ASKED,
    UNTIL_ASKED,
    VENUE_WORDS,
    WH_PATTERN,
    WHY_ASKED,
    YEAR_ASKED,
    YEARS_BETWEEN,
    YEARS_LEFT,
    YES_NO_TAIL,
    Intent,
    canonical,
    names_an_anniversary,
    words_covered,
)
from bot.nlu.parsing import YEAR_IN_TEXT, amounts, round_span
from bot.nlu.text import fold, words_as_typed
from bot.nlu.understanding import Question, capitalised_after, opening_clause, searchable_text, units
from bot.render.text import event_date, format_date, how_many, join_names, phrase, with_footnotes

Verdict = Literal["yes", "no"]
# the words of the countries' names as written, marks and all ("việt", "nam", "thái", "lan")
_COUNTRY_WORDS_TYPED: Final = frozenset(
    word
    for country in COUNTRY_DATA.values()
    for name in (country.vi, country.en)
    for word in name.lower().split()
)
_YEARS: Final = re.compile(r"\b((?:19|20)\d{2})\s*-?\s*((?:19|20)\d{2})\b")  # a span of years, folded
_TERM_NEAR: Final = 12  # characters around a span of years in which a word for a term makes it a term

_MONTHS = "|".join(MONTHS_EN)
# What a user claims a date to be, written any way the question parser reads one.
_DATE_SPANS: Final = [
    re.compile(rf"\b\d{{1,2}}\s+(?:{_MONTHS})(?:,?\s+\d{{4}})?\b", re.IGNORECASE),
    re.compile(rf"\b(?:{_MONTHS})\s+\d{{1,2}}(?:,\s*\d{{4}})?\b", re.IGNORECASE),
    re.compile(rf"\b(?:{_MONTHS})\s+(?:of\s+)?\d{{4}}\b", re.IGNORECASE),
    re.compile(r"\bng[aà]y\s+\d{1,2}(?:\s+th[aá]ng\s+\d{1,2})?(?:\s+n[aă]m\s+\d{4})?\b", re.IGNORECASE),
    re.compile(r"\bth[aá]ng\s+\d{1,2}(?:\s*/\s*\d{4}|\s+n[aă]m\s+\d{4})?\b", re.IGNORECASE),
    re.compile(r"\b\d{1,2}[/-]\d{1,2}(?:[/-]\d{2,4})?\b"),
    re.compile(r"\b(?:n[aă]m|in|year)?\s*(?:1[89]\d{2}|20\d{2})\b", re.IGNORECASE),
]
_PERIOD: Final = re.compile(r"\b(?:1[89]|20)\d{2}\s*[-–]\s*(?:1[89]|20)\d{2}\b")
# the question word a count of years is rewritten with, to look up the fact's date ("… bao nhiêu năm?"
# becomes "… khi nào?")
_WHEN_WORD: Final[dict[Lang, str]] = {"vi": "khi nao", "en": "when"}
_CLAUSE: Final = re.compile(r"\s[—–-]\s|[,;:]\s")
_POST: Final = re.compile(r"\b(?:" + "|".join(sorted(ROLE_PHRASES, key=len, reverse=True)) + r")\b")


def without_dates(text: str) -> str:
    """The text without the dates it claims; a period ("2022-2026") is part of a name and stays."""
    periods = _PERIOD.findall(text)
    text = _PERIOD.sub(" _period_ ", text)
    for pattern in _DATE_SPANS:
        text = pattern.sub(" ", text)
    for period in periods:
        text = text.replace("_period_", period, 1)
    return " ".join(text.split())


def is_claim(q: Question) -> bool:
    """ "… đúng không?", "có phải … không?", "Is X …?", "Did X …?", "X có thăm … không?"."""
    if CLAIM_CUES.search(q.canonical):
        return True
    if q.lang == "en":
        # "Is X …?", or a statement then the question: "They talked about the COC — was it concluded?"
        last = canonical(fold(_CLAUSE.split(q.text.strip().rstrip("?! "))[-1]))
        return bool(
            CLAIM_STARTS.search(q.canonical)
            or (CLAIM_STARTS.search(last) and not WH_PATTERN.search(last))
            or last in CLAIM_TAGS  # "…, yes?"
            # "VN-Cambodia still 26% land border to demarcate?": a statement asked, with no question word
            # ("anything in oct 2024?" asks what took place)
            or (
                q.text.rstrip().endswith("?")
                and not q.intents
                and not WH_PATTERN.search(q.canonical)
                and not EVENT_ASKED.search(q.canonical)
            )
        )
    asked = q.canonical.split()
    words = list(asked)
    while len(words) > 1 and words[-1] in STOPWORDS and words[-1] not in CLAIM_ENDS:
        words.pop()  # "… không vậy?", "… hả nhỉ": the particles after the question word
    # a question word anywhere makes it no yes/no question: "bà Hà là ai vậy" ends in a name, not "hả"
    return bool(words) and words[-1] in CLAIM_ENDS and not _question_word(q)


def _question_word(q: Question) -> bool:
    """A question word in the question, not counting one whose tone marks or place made it another
    word ("Đầu năm 2024 …": "đầu", not "đâu", so no "where" was read), nor one typed capitalised inside
    the question: a part of a name ("cửa khẩu Mũi Sao … không?")."""
    named = {fold(w.strip("?.,!;:()\"'")) for w in q.text.split()[1:] if w[:1].isupper()}
    typed = set(words_as_typed(q.text))
    return any(
        not any(
            m.group(0) in forms
            and intent not in q.intents
            # typed with the question word's own marks it is one ("ứng cử vào đâu á?"), asked or not
            and not typed & forms[m.group(0)]
            for intent, forms in MARKED_FORMS.items()
        )
        and m.group(0) not in named
        for m in WH_PATTERN.finditer(q.canonical)
    )


def counts_years(q: Question) -> bool:
    # "how long did the visit last" asks for its days, not the years since it; the age of a body
    # counts the years since its founding, a person's is not in the base
    if AGE_ASKED.search(q.canonical):
        return not q.officials and not _POST.search(q.canonical)  # "Thủ tướng Lào bao nhiêu tuổi": a person
    return bool(DURATION_CUES.search(q.canonical)) and not LASTED_ASKED.search(q.folded)


def negative_premise(engine: Lookup, q: Question, today: dt.date) -> Answer | None:
    """ "Tại sao Việt Nam không ủng hộ Lào làm Chủ tịch ASEAN 2016?": the reason for something said not
    to have been. When the articles say it was, the premise is corrected (a "no" with what they say);
    otherwise the question is left to the rest of the engine."""
    why = WHY_ASKED.search(q.folded)
    words = q.folded[why.end() :].split() if why else []
    if why is None or not NEGATIONS & set(words):
        return None
    positive = " ".join(CONTRACTED.get(w, w) for w in words if w not in NEGATIONS)
    checked = _checked_as_claim(engine, q, positive, today)
    return _premise_wrong(q, checked) if checked is not None and checked.verdict == "yes" else None


def why_premise(engine: Lookup, q: Question, today: dt.date) -> Answer | None:
    """ "Why did Thai FM Chanwit visit Hanoi in March 2023?": the reason for an act the articles say did
    not take place so (the visit that month was Minister Nam's, to Thailand) is a false premise; it is
    corrected (a "no" with what they say), not answered around. An act they confirm, or one they do not
    settle, is left to the rest of the engine."""
    why = WHY_ASKED.search(q.folded)
    words = q.folded[why.end() :].split() if why else []
    if why is None or not words or NEGATIONS & set(words):
        return None
    checked = _checked_as_claim(engine, q, " ".join(words), today)
    if checked is None or checked.verdict != "no" or not checked.facts:
        return None
    if engine.knowledge.event(checked.facts[0]) is None:
        return None  # (a post or a nationality denied is no act that did not take place)
    return _premise_wrong(q, checked)


def _checked_as_claim(engine: Lookup, q: Question, said: str, today: dt.date) -> Answer | None:
    """What a question takes for granted ("…" of "why …"), checked as a claim; None unless it reads as one."""
    claim = engine.read(f"{said} {YES_NO_TAIL[q.lang]}", q.lang, today)
    return check_claim(engine, claim, today) if is_claim(claim) else None


def _premise_wrong(q: Question, checked: Answer) -> Answer:
    """The question's premise corrected: a "no", then what the check of it says."""
    body = checked.text.removeprefix(f"{phrase('verdict_' + (checked.verdict or 'no'), q.lang)} ")
    corrected = dataclasses.replace(checked, question=q.text)
    return _with_verdict(corrected, "no", f"{phrase('premise_wrong', q.lang)}\n{body}", q.lang)


def _post_before(words: list[str], official: Official) -> re.Match[str] | None:
    """The post the opening clause writes right before the person's name ("When Deputy Minister Trần
    Văn Nam co-chaired …", "Khi Thứ trưởng Nam …")."""
    text = " ".join(words)
    names = [canonical(fold(name)) for name in (official.name, *official.aliases)]
    given = names[0].split()[-1]
    for match in _POST.finditer(text):
        rest = text[match.end() :].split()
        if rest and (rest[0] == given or any(" ".join(rest).startswith(name) for name in names)):
            return match
    return None


def post_premise(engine: Lookup, q: Question, today: dt.date) -> Answer | None:
    """ "Hồi làm Bộ trưởng, ông Đức sang Băng Cốc …?", "When Việt was minister, …": a post the opening
    clause gives the one person named, which the articles never give them, is a false premise; it is
    corrected with the posts they do give (a claim is a "no"), not answered around."""
    if len(q.officials) != 1:
        return None
    opening = opening_clause(q.text, SCENE_OPENERS)
    if opening is None:
        return None
    words = canonical(fold(opening[0])).split()
    at = next(
        (
            i
            for i, w in enumerate(words[1:], 1)
            if w in POST_COPULAS and _POST.match(" ".join(words[i + 1 :]))
        ),
        None,
    )
    official = engine.knowledge.official(next(iter(q.officials)))
    if official is None:
        return None
    post = _POST.match(" ".join(words[at + 1 :])) if at is not None else _post_before(words, official)
    if post is None:
        return None
    said = engine.read(f"{official.name} {post.group(0)}", q.lang, today)
    held = _holds_post(engine, said) if said.officials else None
    if held is None or held[0] == "yes":
        return None
    profile = engine.render.fact_text(official, q.lang)
    answer = dataclasses.replace(engine.answer_fact(official.id, lang=q.lang), question=q.text)
    text = f"{phrase('premise_wrong', q.lang)}\n{profile}"
    if at is None and not is_claim(q):
        # "When Deputy Minister Nam co-chaired the 5th session, who was his counterpart?": the post
        # corrected, then the question asked without it
        clause = " ".join(words)
        unposted = f"{clause[: post.start()]}{clause[post.end() :]}"
        rest = engine.lookup(f"{unposted}, {opening[1]}", q.lang, today)
        if rest.status is Status.ANSWERED:
            facts = (*rest.facts, *(f for f in answer.facts if f not in rest.facts))
            # (a "no" to what the question takes for granted)
            corrected = dataclasses.replace(rest, question=q.text, facts=facts)
            return _with_verdict(corrected, "no", f"{text}\n\n{rest.text}", q.lang)
    return (
        _with_verdict(answer, "no", text, q.lang) if is_claim(q) else dataclasses.replace(answer, text=text)
    )


def check_claim(engine: Lookup, q: Question, today: dt.date) -> Answer:
    """Yes or no, with the facts that say so. The checks below run in order and the first that
    settles the claim answers it: a country, a post or a signature claimed of a person; then what the
    plain answer to the question says of it; last, the answer with the date and the place claimed
    left out, which the claim is then checked against."""
    settled = (
        _same_person(engine, q)
        or _nationality_claimed(engine, q)
        or _signed_where_claimed(engine, q)
        # a document's signers are claimed before the posts of the people said to have signed it ("… là
        # BT Nam ký với BT Chanwit hả": who signed, not whether Chanwit is a minister)
        or _signer_claimed(engine, q)
        # "Đại sứ Siriporn nhiệm kỳ 2020-2024 phải không": the term, before whether she is an ambassador
        or _term_claimed(engine, q)
        or _post_claimed(engine, q)
        or _place_claimed(engine, q)
        or _sides_claimed(engine, q)
        or _level_claimed(engine, q)
    )
    if settled is not None:
        return settled
    ordered = compound.order_claimed(engine, q, _claim_only(q), today)
    if ordered is not None and ordered.verdict is not None:
        return _with_verdict(ordered, ordered.verdict, ordered.text, q.lang)
    direct = engine.lookup(q.text, q.lang, today)
    for check in (
        _name_unknown,
        _person_absent,
        _round_of_theirs,
        _post_not_there,
        _signing_claimed,
        _fact_found,
        _several_found,
        _point_agreed,
        _another_country,
    ):
        settled = check(engine, q, direct, today)
        if settled is not None:
            return settled
    return _relaxed(engine, q, direct, today)


def _claim_only(q: Question) -> str:
    """The claim without the words that ask whether it holds ("… phải không?", "Did …?")."""
    words = CLAIM_CUES.sub(" ", q.folded).split()
    if q.lang == "en" and words and CLAIM_STARTS.fullmatch(words[0]):
        words = words[1:]
    while words and (words[-1] in CLAIM_ENDS or words[-1] in STOPWORDS):
        words.pop()
    return " ".join(words)


def _same_person(engine: Lookup, q: Question) -> Answer | None:
    """ "Laokham Siriporn với Siriporn Laokham là một người à?", "Is X someone other than Y?": two ways
    of writing a name that both name the one official; yes to one person, no to two."""
    same, other = SAME_PERSON.search(q.canonical), OTHER_PERSON.search(q.canonical)
    if len(q.officials) != 1 or not (same or other):
        return None
    official = engine.knowledge.official(next(iter(q.officials)))
    if official is None:
        return None
    words = q.folded.split()
    name = fold(official.name).split()
    if sum(words.count(w) for w in name) < 2 * len(name):
        return None  # the name is written once: no two ways of writing it
    return _profiled(engine, q, official, "no" if other else "yes")


def _nationality_claimed(engine: Lookup, q: Question) -> Answer | None:
    """ "Ông Bùi Thái Sơn là quan chức Thái Lan phải không?", "is Siriporn Laokham Lao?": the country
    the articles give the one person named, when the question names one country and no post."""
    if len(q.officials) != 1 or len(q.countries) != 1 or engine.asked_post(q) is not None:
        return None
    if not NATIONALITY_ASKED.search(q.canonical) or q.event_kinds or _claims_more(engine, q):
        return None
    official = engine.knowledge.official(next(iter(q.officials)))
    if official is None:
        return None
    return _profiled(engine, q, official, "yes" if official.country in q.countries else "no")


def _post_claimed(engine: Lookup, q: Question) -> Answer | None:
    """ "Saleumxay có phải Thủ tướng Lào không?": the posts the articles give him. A post claimed
    alongside an act ("Was Nguyễn Xuân Phúc Prime Minister when he visited Laos?") settles the claim
    only when it does not hold; when it does, the act is what is left to check."""
    held = (
        _holds_post(engine, _from_the_name(engine, q))
        if q.officials and not q.event_kinds and not _claims_more(engine, q)
        else None
    )
    if held is None and q.officials and q.event_kinds and (claimed := _post_said_of(engine, q)) is not None:
        held = _holds_post(engine, claimed)
        held = held if held is not None and held[0] == "no" else None
    return _profiled(engine, q, held[1], held[0]) if held is not None else None


def _place_claimed(engine: Lookup, q: Question) -> Answer | None:
    """ "Cung Hội nghị Rajawadee nằm ở Hà Nội phải không?": where a place lies, checked against the
    places the articles put it in (its city, its country), when the question says nothing else."""
    # a place and another, or a place and a country by its demonym ("Is Mui Sao a Thai port?")
    if q.officials or q.round is not None or q.date is not None or len(q.places) + len(q.countries) < 2:
        return None
    places = [p for place_id in q.places if (p := engine.knowledge.place(place_id)) is not None]
    named = {
        w
        for p in places
        for name in [p.name_vi, p.name_en, *p.aliases]
        for w in canonical(fold(name)).split()
    }
    said = {w for w in q.canonical.split() if w not in named}
    if said - FUNCTION_WORDS - CUE_WORDS - EVERYDAY_WORDS - LOCATED_WORDS - STOPWORDS:
        return None  # an event or an act is claimed there, not where the place lies
    broad = (PlaceKind.COUNTRY, PlaceKind.CITY)
    specific = [p for p in places if p.place_kind not in broad]
    if not specific:
        # "Trat là thành phố của Việt Nam hả?": a city, claimed of a country
        specific = [p for p in places if p.place_kind is PlaceKind.CITY]
    if len(specific) != 1:
        return None
    place = specific[0]
    chain = _containers(engine, place)
    verdicts = {_lies_in(place, chain, other) for other in places if other is not place}
    # a country named by a word no place carries ("ở VN hay Thái?")
    country = _country_of(place, chain)
    named_countries = {p.country for p in places if p.place_kind is PlaceKind.COUNTRY}
    verdicts |= {None if country is None else code == country for code in q.countries - named_countries}
    if None in verdicts or not verdicts:
        return None
    profiled = dataclasses.replace(engine.answer_fact(place.id, lang=q.lang), question=q.text)
    if ALTERNATIVES.search(q.canonical):
        return profiled  # "… ở Việt Nam hay Thái Lan?": which one, not yes or no
    verdict: Verdict = "yes" if verdicts == {True} else "no"
    return _with_verdict(profiled, verdict, profiled.text, q.lang)


def _sides_claimed(engine: Lookup, q: Question) -> Answer | None:
    """ "Hội nghị hẹp Bộ trưởng Ngoại giao ASEAN là cơ chế song phương Việt Nam - Lào phải không?": a
    mechanism is bilateral when the articles give it two countries, multilateral when more."""
    named = engine.retrieval.strong_series(q)
    series = engine.knowledge.series(next(iter(named))) if len(named) == 1 else None
    if series is None or q.round is not None:
        return None
    # "… Joint Commission on Bilateral Cooperation held at …": the word inside the name claims nothing
    rest = q.canonical
    for name in (series.name_vi, series.name_en, *series.aliases):
        rest = rest.replace(canonical(fold(name)), " ")
    bilateral, multilateral = BILATERAL.search(rest), MULTILATERAL.search(rest)
    if bool(bilateral) == bool(multilateral):
        return None
    return _series_verdict(engine, q, series, holds=series.bilateral == bool(bilateral))


def _level_claimed(engine: Lookup, q: Question) -> Answer | None:
    """ "Is the Joint Commission held at deputy minister level?": a level the question claims ("cấp …",
    "… level") that is not the one the articles give the one mechanism named is denied. A level that
    fits is how the question names the mechanism ("tham vấn cấp Bộ trưởng năm 2018 có không?"), and
    what it claims of it is for the other checks."""
    named = engine.retrieval.strong_series(q)
    series = engine.knowledge.series(next(iter(named))) if len(named) == 1 else None
    post = engine.asked_post(q)
    if series is None or not series.level_vi or post is None or q.round is not None or q.officials:
        return None
    if f"{LEVEL_WORD} {post[0]}" not in q.canonical or engine.title_fits(series.level_vi, post[0], []):
        return None
    return _series_verdict(engine, q, series, holds=False)


def _series_verdict(engine: Lookup, q: Question, series: Series, *, holds: bool) -> Answer:
    """The verdict on what was claimed of a mechanism, with its profile."""
    profile = dataclasses.replace(engine.answer_fact(series.id, lang=q.lang), question=q.text)
    sources = engine.render.source_line([series], q.lang)
    body = f"{engine.render.series_profile(series, engine.rounds_of(series.id), q.lang)}\n\n{sources}"
    return _with_verdict(profile, "yes" if holds else "no", body, q.lang)


def _containers(engine: Lookup, place: Place) -> list[Place]:
    """The places the articles put a place in, innermost first."""
    return [p for p in map(engine.knowledge.place, engine.knowledge.place_chain(place.id)[1:]) if p]


def _country_of(place: Place, chain: list[Place]) -> str | None:
    return place.country or next((p.country for p in chain if p.country), None)


def _lies_in(place: Place, chain: list[Place], other: Place) -> bool | None:
    """Whether the place lies in the other one claimed; None when the articles cannot tell."""
    if other in chain:
        return True
    country = _country_of(place, chain)
    if other.place_kind is PlaceKind.COUNTRY or (other.country and country and other.country != country):
        return None if country is None or other.country is None else other.country == country
    if other.place_kind is PlaceKind.CITY and any(p.place_kind is PlaceKind.CITY for p in chain):
        return False  # the articles give its city, and it is another one
    return None


def _profiled(engine: Lookup, q: Question, official: Official, verdict: Verdict) -> Answer:
    """The verdict on what was claimed of a person, with their profile."""
    profiled = dataclasses.replace(engine.answer_fact(official.id, lang=q.lang), question=q.text)
    return _with_verdict(profiled, verdict, engine.render.fact_text(official, q.lang), q.lang)


def _name_unknown(engine: Lookup, q: Question, direct: Answer, today: dt.date) -> Answer | None:
    """ "… in Phnom Penh?": a name the base lacks cannot be confirmed; what the articles say of the
    rest follows."""
    if direct.status is not Status.NOT_FOUND or not q.unknown_names:
        return None
    rest = q.text
    for name in q.unknown_names:
        # a body's name is kept folded ("hoi dong bao an"), a person's as typed
        rest = rest.replace(name, " ") if name in rest else fold(rest).replace(fold(name), " ")
    said = engine.lookup(rest, q.lang, today)
    if said.status is not Status.ANSWERED:
        return None
    fact = engine.knowledge.get(said.facts[0])
    if isinstance(fact, Statement | Agreement) and _another_body(engine, q, fact):
        # "… a seat on the UN Security Council?" of a support for the Human Rights Council: its record
        record = dataclasses.replace(engine.answer_fact(fact.id, lang=q.lang), question=q.text)
        return _with_verdict(record, "no", record.text, q.lang)
    if isinstance(fact, Event) and (_another_venue(engine, q, fact) or _city_elsewhere(engine, q, fact)):
        # "… at the Presidential Palace?", "… in Phnom Penh?" of a meeting the articles put in another
        # building or another country: its record
        record = dataclasses.replace(engine.answer_fact(fact.id, lang=q.lang), question=q.text)
        return _with_verdict(record, "no", _corrected(engine, q, fact, record, always=True), q.lang)
    return _unconfirmed(engine, q, fact, said)


def _another_body(engine: Lookup, q: Question, fact: Statement | Agreement) -> bool:
    """A name the base lacks sharing a word with a name the record gives is another body of the same
    kind: "UN Security Council" beside "Human Rights Council", "Hội đồng Bảo an" beside "Hội đồng
    Nhân quyền"."""
    fields = ("title_vi", "title_en", "name_vi", "name_en", "summary_vi", "summary_en")
    text = " ".join(str(getattr(fact, f, "") or "") for f in fields)
    # the names it gives: capitalised runs ("Human Rights Council") and bodies ("Hội đồng Nhân quyền",
    # whose Vietnamese name is not capitalised word by word)
    runs = _capitalised_runs(text) + [set(b.split()) for b in engine.index.body_names if b in fold(text)]
    for name in [*q.unknown_names, *(" ".join(run) for run in _capitalised_runs(q.text))]:
        claimed = set(fold(name).split()) - engine.index.country_words
        if any(claimed <= run for run in runs):
            return False  # the record names it
        if any((claimed & run) - FUNCTION_WORDS for run in runs):
            return True
    return False


def _capitalised_runs(text: str) -> list[set[str]]:
    """The folded words of each run of two or more capitalised words ("Human Rights Council")."""
    return [set(fold(" ".join(run)).split()) for run in _typed_runs(text)]


def _typed_runs(text: str) -> list[list[str]]:
    """Each run of two or more capitalised words, as typed."""
    words = text.split()[1:]  # the first word is capitalised for the sentence
    return [
        run
        for upper, group in itertools.groupby(words, key=lambda w: w[:1].isupper())
        if upper and len(run := list(group)) > 1
    ]


def _fact_found(engine: Lookup, q: Question, direct: Answer, today: dt.date) -> Answer | None:
    """One fact answers the question: the claim is checked against it."""
    if direct.status is not Status.ANSWERED:
        return None
    fact = engine.knowledge.get(direct.facts[0])
    if (
        isinstance(fact, Agreement)
        and fact.period_start
        and fact.period_end
        and IN_FORCE_ASKED.search(q.folded)
    ):
        # "… còn hiệu lực không?": its period against this year
        start, end = fact.period_start, fact.period_end
        in_force: Verdict = "yes" if start <= today.year <= end else "no"
        period = phrase("in_force", q.lang, start=str(start), end=str(end), year=str(today.year))
        return _with_verdict(direct, in_force, f"{period}\n{direct.text}", q.lang)
    if isinstance(fact, Agreement) and fact.signed is None and CONCLUDED_ASKED.search(q.canonical):
        if NOT_CONCLUDED.search(fold(f"{fact.summary_vi} {fact.summary_en}")):
            # its record says it is not concluded yet ("chưa đạt được", "under negotiation")
            record = dataclasses.replace(engine.answer_fact(fact.id, lang=q.lang), question=q.text)
            return _with_verdict(record, "no", record.text, q.lang)
        # "đã đạt được COC chưa?", "has it been signed yet?": no signing is on record; what the
        # article says of it follows, and nothing is confirmed
        text = f"{phrase('claim_unknown', q.lang)}\n\n{direct.text}"
        return dataclasses.replace(direct, status=Status.NOT_FOUND, text=text)
    if isinstance(fact, Statement | Agreement) and not _said_as_asked(engine, q, fact):
        # a stance or an agreement confirms only what its own words say: a support for UNESCO is
        # no support for the Human Rights Council; of several stances listed, one that says it does
        saying = [
            f
            for f in map(engine.knowledge.get, direct.facts[1:])
            if isinstance(f, Statement) and _said_as_asked(engine, q, f)
        ]
        if not saying and _another_body(engine, q, fact):
            # "… a seat on the UN Security Council?" of a support for the Human Rights Council
            return _with_verdict(direct, "no", direct.text, q.lang)
        if not saying:
            return Answer(q.text, Status.NOT_FOUND, phrase("claim_unknown", q.lang), q.lang)
        fact = saying[0]
        direct = dataclasses.replace(engine.answer_fact(fact.id, lang=q.lang), question=q.text)
    if (
        isinstance(fact, Event)
        and fact.status is EventStatus.PLANNED
        # "… năm 2025 rốt cuộc đã họp chưa?": the date of the plan, and whether it was kept
        and (not q.date or HAPPENED_ASKED.search(q.canonical))
        and Intent.PLANNED not in q.intents  # "dự kiến tổ chức tại …?" checks the plan itself
    ):
        # the articles say it was planned; whether it then took place they do not say. What the plan
        # says (where, who) is checked against it ("tổ chức bên Lào hả?" of one planned in Vietnam)
        if not _claims_of_the_plan(engine, q):
            text = phrase("planned_unknown", q.lang, title=engine.render.title(fact, q.lang))
            return dataclasses.replace(direct, text=f"{text}\n\n{direct.text}", not_stated=True)
        planned: Verdict = "yes" if _claims_hold(engine, q, fact) else "no"
        body = f"{phrase('planned_checked', q.lang)}\n\n{_corrected(engine, q, fact, direct)}"
        return dataclasses.replace(_with_verdict(direct, planned, body, q.lang), not_stated=True)
    if isinstance(fact, Event) and _another_kind(engine, q, fact):
        return _unconfirmed(engine, q, fact, direct)
    holds = fact is None or _claims_hold(engine, q, fact)
    unsettled = _unsettled(engine, q, fact, direct, holds=holds)
    if unsettled is not None:
        return unsettled
    if holds and _unknown_name(q):
        # "… in Phnom Penh?": a name the base never uses is something it cannot confirm
        return _unconfirmed(engine, q, fact, direct)
    return _with_verdict(direct, "yes" if holds else "no", _corrected(engine, q, fact, direct), q.lang)


def _claims_of_the_plan(engine: Lookup, q: Question) -> bool:
    """The claim names what a plan says (a place it is set in, a person taking part), not only that
    the event is on record."""
    places = [p for p in q.places if not engine.retrieval.is_country_place(p)]
    return bool(engine.retrieval.destination(q) or places or q.officials or _places_claimed(engine, q))


def _unsettled(engine: Lookup, q: Question, fact: object, answer: Answer, *, holds: bool) -> Answer | None:
    """What the record cannot settle either way: a day it does not give ("ngày 29/12?" of a round dated
    December), or a city of the country it gives ("in Vientiane?" of a meeting it puts in Laos)."""
    if not isinstance(fact, Event):
        return None
    if _day_not_on_record(q, fact):
        return day_missing(engine, q, fact)
    if holds and _only_within(engine, q, fact):
        return _unconfirmed(engine, q, fact, answer)
    return None


def day_missing(engine: Lookup, q: Question, event: Event) -> Answer:
    """ "… diễn ra ngày 29/12 phải không?" of a round its article dates to December: no day to check."""
    record = engine.answer_fact(event.id, lang=q.lang)
    text = f"{engine.render.day_missing(event, q.lang)}\n\n{record.text}"
    return dataclasses.replace(record, question=q.text, text=text, not_stated=True)


def _day_not_on_record(q: Question, event: Event) -> bool:
    """The claim gives a day in the event's month, and its article gives no day."""
    return (
        q.date is not None
        and q.date.day is not None
        and event.date is not None
        and not event.date.has_day
        and q.date.matches(event.date.start, event.date.end)
    )


def _several_found(engine: Lookup, q: Question, direct: Answer, today: dt.date) -> Answer | None:
    """Several facts fit: the claim is true when those that speak of it (in their words) all bear it
    out, dates and places too ("did Vietnam support Laos's ASEAN chairmanship in 2024?" — the stances
    of 2024 say so); one that speaks of it and contradicts it leaves it open."""
    if direct.status is not Status.AMBIGUOUS:
        return None
    candidates = [engine.knowledge.get(c.fact_id) for c in direct.candidates]
    speaking = [f for f in candidates if f is not None and _in_its_words(engine, q, f)]
    if not speaking or not all(_claims_hold(engine, q, f) for f in speaking):
        return None
    first = engine.answer_fact(speaking[0].id, lang=q.lang)
    return _with_verdict(dataclasses.replace(first, question=q.text), "yes", first.text, q.lang)


def _point_agreed(engine: Lookup, q: Question, direct: Answer, today: dt.date) -> Answer | None:
    """Nothing answers a claim that names no series, round or date: a point of one event's record may
    hold it ("Việt Nam và Campuchia có nhất trí mở thêm cửa khẩu không?")."""
    if direct.status is not Status.NOT_FOUND or (
        q.unknown_names or q.foreign_countries or q.series or q.round or q.date
    ):
        return None
    return _agreed_point(engine, q)


def _person_absent(engine: Lookup, q: Question, direct: Answer, today: dt.date) -> Answer | None:
    """ "Was the 31st border delegation meeting co-chaired by Bùi Thanh Sơn?", "… đồng chủ trì Tham khảo
    Chính trị cấp Thứ trưởng năm 2023?": the meeting (a round, or a mechanism's meeting on a date)
    without the person claimed says who took part. So does an event the question's words name
    ("hội nghị tổng kết một cửa … là Thứ trưởng Vũ chủ trì hả?") better than the person's own event the
    plain answer found."""
    if not q.officials or direct.status is Status.AMBIGUOUS:
        return None
    named_by_words = direct.status is Status.ANSWERED
    if (
        not named_by_words
        and q.round is None
        and not (q.date is not None and engine.retrieval.strong_series(q))
    ):
        return None
    named = engine.lookup(_without_officials(engine, q), q.lang, today)
    event = engine.knowledge.get(named.facts[0]) if named.status is Status.ANSWERED else None
    # "… co-chair the 7th session with Kraisorn?": one person named who was not there settles it
    # (an act naming no one, such as an election, has no one absent from it)
    present = {p.official for p in event.participants if p.official} if isinstance(event, Event) else set()
    absent = set(q.officials) - present
    if not isinstance(event, Event) or not present or not absent:
        return None
    if named_by_words:
        shares = engine.index.lexical_scores(q.units, english=q.lang == "en")
        found = shares.get(direct.facts[0], 0.0)
        if event.id == direct.facts[0] or shares.get(event.id, 0.0) < max(LEXICAL_MIN, found + WORDS_LEAD):
            return None
    body = named.text.partition("\n\n")[0].replace(f"\n{phrase('inferred_footnote', q.lang)}", "")
    # the rounds of the same mechanism the person did take part in: the claim's likely source
    cited: list[Event] = [event]
    for official_id in sorted(absent):
        official = engine.knowledge.official(official_id)
        rounds = _events_of(engine, official_id, {event.series} if event.series else set())
        if official is not None and rounds:
            body += "\n" + _took_part_in(engine, official, rounds, q.lang)
            cited += rounds
    text = f"{with_footnotes(body, q.lang)}\n\n{engine.render.source_line(list(cited), q.lang)}"
    named = dataclasses.replace(named, question=q.text, facts=tuple(dict.fromkeys(e.id for e in cited)))
    return _with_verdict(named, "no", text, q.lang)


def _round_of_theirs(engine: Lookup, q: Question, direct: Answer, today: dt.date) -> Answer | None:
    """ "Sonexay đồng chủ trì kỳ họp 45 … đúng không?": no such round is on record, and the person took
    part in another round of the mechanism: no, with the round they did."""
    series = engine.retrieval.strong_series(q)
    if direct.status is not Status.NOT_FOUND or q.round is None or len(q.officials) != 1 or len(series) != 1:
        return None
    official = engine.knowledge.official(next(iter(q.officials)))
    rounds = [e for e in _events_of(engine, official.id, series) if e.round is not None] if official else []
    if official is None or not rounds or any(e.round == q.round for e in rounds):
        return None
    body = _took_part_in(engine, official, rounds, q.lang)
    text = f"{with_footnotes(body, q.lang)}\n\n{engine.render.source_line(list(rounds), q.lang)}"
    found = dataclasses.replace(engine.answer_fact(rounds[0].id, lang=q.lang), question=q.text)
    found = dataclasses.replace(found, facts=tuple(e.id for e in rounds))
    return _with_verdict(found, "no", text, q.lang)


def _events_of(engine: Lookup, official_id: str, series: set[str]) -> list[Event]:
    """The events of these mechanisms the official took part in."""
    events = map(engine.knowledge.event, engine.knowledge.events_by_official.get(official_id, ()))
    return [e for e in events if e is not None and e.series in series]


def _took_part_in(engine: Lookup, official: Official, events: list[Event], lang: Lang) -> str:
    """ "Sonexay Siphanhdone tham gia: Kỳ họp lần thứ 46 … — không rõ ngày."""
    titles = "; ".join(f"{engine.render.title(e, lang)} — {event_date(e, lang)}" for e in events)
    return phrase("took_part_in", lang, name=official.name, events=titles)


def _post_not_there(engine: Lookup, q: Question, direct: Answer, today: dt.date) -> Answer | None:
    """ "Did the Thai foreign minister co-chair the 3rd deputy-minister consultation?": no one of that
    post (of that country) took part in the round named: no, with who did."""
    if q.officials or q.round is None or direct.status is not Status.ANSWERED:
        return None
    event = engine.knowledge.event(direct.facts[0])
    post = engine.asked_post(q)
    if event is None or post is None:
        return None
    role, country, qualifiers = post
    series = engine.knowledge.series(event.series or "")
    if series is not None and role in canonical(fold(f"{series.name_vi} {series.name_en}")):
        return None  # "the deputy-minister consultation": the post names the mechanism's level
    people = [
        official
        for p in event.participants
        if (official := engine.knowledge.official(p.official or "")) is not None
        and country in (None, official.country)
    ]
    if not people or any(
        engine.title_fits(position.title_vi, role, qualifiers) for o in people for position in o.positions
    ):
        return None
    return _with_verdict(direct, "no", direct.text, q.lang)


def _another_country(engine: Lookup, q: Question, direct: Answer, today: dt.date) -> Answer | None:
    """ "Bản ghi nhớ giữa hai Học viện Ngoại giao là giữa VN với Lào à?", "is Mũi Sao a Thai port?": the
    one fact the claim finds once the countries it names are left out involves other countries; the
    claim is denied, with the countries on record."""
    claimed = q.countries - HOME_COUNTRIES
    if direct.status is not Status.NOT_FOUND or not claimed or q.foreign_countries or q.unknown_names:
        return None
    rest = COUNTRY_PATTERN.sub(lambda m: " " if COUNTRIES[m.group(0)] in claimed else m.group(0), q.canonical)
    found = engine.lookup(rest, q.lang, today)
    fact = engine.knowledge.get(found.facts[0]) if found.status is Status.ANSWERED else None
    on_record = engine.index.fact_countries.get(fact.id, frozenset()) if fact is not None else frozenset()
    if fact is None or not on_record or claimed & on_record:
        return None  # "Lào với Campuchia có tham vấn …?" finding a Vietnam–Laos round: not the pair claimed
    ordered = sorted(on_record, key=lambda code: (code not in HOME_COUNTRIES, code))  # the users' own first
    names = [getattr(COUNTRY_DATA[code], q.lang) for code in ordered]
    said = phrase("countries_on_record", q.lang, countries=join_names(names, q.lang))
    record = dataclasses.replace(found, question=q.text)
    return _with_verdict(record, "no", f"{said}\n{found.text}", q.lang)


def _relaxed(engine: Lookup, q: Question, direct: Answer, today: dt.date) -> Answer:
    """The date and the place claimed are what to check, not what to look for; so is a period that no
    agreement or stance has ("for the 2026-2028 term" of a 2023-2025 one): the answer without them,
    checked against the claim."""
    undated = fold(without_dates(_PERIOD.sub(_period_of(engine), q.text)))
    relaxed_text = engine.retrieval.without_destination(undated)
    if relaxed_text == q.canonical or q.unknown_names or q.foreign_countries:
        return direct  # nothing claimed to relax, or the question is about someone or somewhere else
    # the date first, keeping where ("did Saleumxay visit Vietnam in November 2021?" is about his visit
    # to Vietnam), then the place too
    relaxed = None
    for text in dict.fromkeys([undated, relaxed_text]):
        relaxed = _earliest(engine, engine.lookup(text, q.lang, today), q.lang)
        if relaxed is not None and isinstance(engine.knowledge.get(relaxed.facts[0]), Event):
            break
    if relaxed is None:
        return direct
    fact = engine.knowledge.get(relaxed.facts[0])
    if isinstance(fact, Event) and fact.series and _another_round(q, fact):
        # one round of a recurring mechanism on another date says nothing of a round on the date asked:
        # the base just has none then (the direct answer says which rounds it has)
        return direct
    if q.event_kinds and not isinstance(fact, Event):
        return direct  # "did Saleumxay visit Vietnam in November 2021?" is about a visit, not about him
    if isinstance(fact, Event) and _far_from_claimed(engine, q, fact):
        then = _someone_else_then(engine, q, fact)
        if then:
            # "Did President Phúc visit Laos in April 2023?": the visit of that month was another's
            titles = "; ".join(f"{engine.render.title(e, q.lang)} — {event_date(e, q.lang)}" for e in then)
            record_text = relaxed.text.partition("\n\n")[0]
            body = f"{record_text}\n{phrase('claim_other_then', q.lang, events=titles)}"
            source = engine.render.source_line([fact, *then], q.lang)
            record = dataclasses.replace(relaxed, question=q.text, facts=(fact.id, *(e.id for e in then)))
            return _with_verdict(record, "no", with_footnotes(f"{body}\n\n{source}", q.lang), q.lang)
        # "năm 2018 bộ trưởng có sang Lào không?": the base's one visit years away does not show
        # there was none in 2018; it has none then, and says which it has
        return _unconfirmed(engine, q, fact, relaxed)
    if isinstance(fact, Event) and _another_kind(engine, q, fact):
        return _unconfirmed(engine, q, fact, relaxed)
    found: Verdict = "yes" if fact is not None and _claims_hold(engine, q, fact) else "no"
    unsettled = _unsettled(engine, q, fact, relaxed, holds=found == "yes")
    if unsettled is not None:
        return unsettled
    body = relaxed.text if found == "yes" else _corrected(engine, q, fact, relaxed)
    return _with_verdict(dataclasses.replace(relaxed, question=q.text), found, body, q.lang)


def _another_kind(engine: Lookup, q: Question, event: Event) -> bool:
    """The claim is of an act of a kind the base records apart (a visit, a reception, a session) and
    the event found is of another, held elsewhere than the claim goes: "Did Vương Đình Huệ visit Laos
    in 2022?" of his reception of a Lao leader in Hanoi. No visit of his is on record, which says
    nothing of whether one took place. (Attending a meeting in Laos is a trip to Laos.)"""
    if q.primary_kind not in NARROW_KINDS or event.event_kind.value == q.primary_kind:
        return False
    destination = engine.retrieval.destination(q)
    return destination is None or destination not in engine.retrieval.places_of(event)


def _another_round(q: Question, event: Event) -> bool:
    """The round found is not the one the question names, by its number or by a date it does not fall
    on; with neither named, the place claimed is what was left out, and the round is the one asked."""
    if q.round is not None:
        return event.round != q.round
    query = event_date_query(q)
    return query is not None and not date_fits(query, event)


def _signer_claimed(engine: Lookup, q: Question) -> Answer | None:
    """ "Did Bùi Thái Sơn sign the 2023-2027 Joint Plan of Action?": the document's record says who
    signed it (not the ceremony, where others signed other documents)."""
    post = None if q.officials else engine.asked_post(q)  # "do hai Bộ trưởng Ngoại giao ký"
    if not ((q.officials or post) and SIGNED_ASKED.search(q.canonical)):
        return None
    # the one document whose signers are on record that the question names, by its period or its words
    agreement = _document_named(
        engine, q, [a for a in engine.knowledge.of_kind(Agreement) if engine.names_signers(a)]
    )
    if agreement is None:
        return None
    record = fold(f"{agreement.summary_vi} {agreement.summary_en}")
    if post is not None:
        role, _, qualifiers = post
        signers = [o for o in engine.knowledge.of_kind(Official) if fold(o.name) in record]
        fits = all(any(engine.title_fits(p.title_vi, role, qualifiers) for p in o.positions) for o in signers)
        signed: Verdict = "yes" if signers and fits else "no"
    else:
        people = [engine.knowledge.official(official_id) for official_id in q.officials]
        signed = "yes" if all(o is not None and fold(o.name) in record for o in people) else "no"
    answer = dataclasses.replace(engine.answer_fact(agreement.id, lang=q.lang), question=q.text)
    return _with_verdict(answer, signed, answer.text, q.lang)


def _document_named(engine: Lookup, q: Question, documents: list[Agreement]) -> Agreement | None:
    """The one document of these the question names: by its period, by its words, or in part
    ("Thỏa thuận hợp tác giữa hai Bộ Ngoại giao") well ahead of the others."""
    period = (q.date.year, q.date.year_end) if q.date is not None and q.date.year_end else None
    lexical = engine.index.lexical_scores(q.units, english=q.lang == "en")
    named = [a for a in documents if period and (a.period_start, a.period_end) == period] or [
        a for a in documents if lexical.get(a.id, 0.0) >= LEXICAL_MIN
    ]
    ranked = sorted(documents, key=lambda a: lexical.get(a.id, 0.0), reverse=True)
    scores = [lexical.get(a.id, 0.0) for a in ranked] + [0.0]
    if not named and ranked and scores[0] >= 0.75 * LEXICAL_MIN and scores[0] - scores[1] >= WORDS_LEAD:
        named = ranked[:1]
    if not named and documents:
        # "Did Phạm Quốc Trung sign a sea search-and-rescue agreement … at the Trat meeting?": the people
        # and the meeting drown the document's words; most of its name, held well ahead of the others
        # (of the documents the question's words touch at all)
        touched = [a for a in documents if a.id in lexical]
        held = sorted(((details.name_held(engine.index, q.units, a), a.id) for a in touched), reverse=True)
        second = held[1][0] if len(held) > 1 else 0.0
        if held and held[0][0] >= NAME_PART_HELD and held[0][0] - second >= NAME_PART_LEAD:
            named = [a for a in documents if a.id == held[0][1]]
    return named[0] if len(named) == 1 else None


def _signing_claimed(engine: Lookup, q: Question, direct: Answer, today: dt.date) -> Answer | None:
    """ "Was the search and rescue agreement signed at the 7th session?", "Chương trình hành động chung
    … được ký khi kết thúc Kỳ họp lần thứ 5 phải không?": the document's record settles it: not signed
    when it says so; signed at the round named when its signing falls within the round's days."""
    if not SIGNED_ASKED.search(q.canonical):
        return None
    agreement = _document_named(engine, q, list(engine.knowledge.of_kind(Agreement)))
    event = engine.knowledge.event(direct.facts[0]) if direct.status is Status.ANSWERED else None
    if agreement is None or event is None:
        return None
    record = dataclasses.replace(engine.answer_fact(agreement.id, lang=q.lang), question=q.text)
    if agreement.signed is None:
        # still being negotiated: signed at no meeting ("… at the Trat meeting?" names none by round),
        # by no one ("Did Phạm Quốc Trung sign …?")
        concluded = not NOT_CONCLUDED.search(fold(f"{agreement.summary_vi} {agreement.summary_en}"))
        return None if concluded else _with_verdict(record, "no", record.text, q.lang)
    if q.round is None or q.officials:
        return None
    at_it = event.date is not None and event.date.holds(agreement.signed)
    record = dataclasses.replace(record, facts=(agreement.id, event.id))
    return _with_verdict(record, "yes" if at_it else "no", record.text, q.lang)


def _signed_where_claimed(engine: Lookup, q: Question) -> Answer | None:
    """ "Ông Đức với ông Kraisorn ký thỏa thuận hợp tác 2022-2026 ở Băng Cốc phải không?": where the
    document named was signed is where the meeting it was signed at took place; another place claimed
    is a "no", with the document's record and where that meeting was."""
    sides = _sides_named(engine, q)
    places = [
        p
        for p in q.places
        if (place := engine.knowledge.place(p)) is not None
        # "… về phía Việt Nam": the side that signed, not where
        and not (place.place_kind is PlaceKind.COUNTRY and place.country in sides)
    ]
    if not places or not SIGNED_ASKED.search(q.canonical):
        return None
    agreement = _document_named(engine, q, list(engine.knowledge.of_kind(Agreement)))
    if agreement is None or agreement.signed is None:
        return None
    signed = agreement.signed
    at = [e for e in engine.knowledge.linked_events(agreement) if e.date and e.place and e.date.holds(signed)]
    if len(at) != 1:
        return None
    where = engine.retrieval.places_of(at[0])
    if all(p in where for p in places):
        return None  # the place holds: what else is claimed is left to the other checks
    record = dataclasses.replace(engine.answer_fact(agreement.id, lang=q.lang), question=q.text)
    record = dataclasses.replace(record, facts=(agreement.id, at[0].id))
    body, _, source = record.text.partition("\n\n")
    text = f"{body}\n{engine.render.event_where(at[0], q.lang)}" + (f"\n\n{source}" if source else "")
    return _with_verdict(record, "no", text, q.lang)


def _sides_named(engine: Lookup, q: Question) -> set[str]:
    """The countries named as a side ("phía Việt Nam", "về phía Thái Lan"): the words after a side word."""
    words = q.canonical.split()
    return {
        code
        for i, word in enumerate(words)
        if word in SIDE_WORDS
        for code in engine.countries_in(" ".join(words[i + 1 : i + 1 + SIDE_WINDOW]))
    }


def _far_from_claimed(engine: Lookup, q: Question, event: Event) -> bool:
    """An act the base holds several of (visits, meetings) dated far from the date claimed: a claim
    about another one, not a wrong date for this one."""
    span = q.date.span() if q.date is not None else None
    if (
        span is None
        or event.date is None
        or len(engine.knowledge.events_by_kind.get(event.event_kind, ())) < 2
    ):
        return False
    slack = dt.timedelta(days=CLAIM_DATE_SLACK_DAYS)
    return event.date.end < span[0] - slack or event.date.start > span[1] + slack


def _someone_else_then(engine: Lookup, q: Question, event: Event) -> list[Event]:
    """The events of the claimed act's kind, on the date claimed and where it is claimed, that the
    person claimed took no part in and someone of their post took in their role: the act then was
    someone else's ("Did President Phúc visit Laos in April 2023?" — the president visiting then was
    Võ Văn Thưởng), so the claim is denied. Another post's act says nothing of theirs."""
    if len(q.officials) != 1 or q.date is None or q.date.span() is None:
        return []
    claimed_id = next(iter(q.officials))
    claimed = engine.knowledge.official(claimed_id)
    roles = {p.role for p in event.participants if p.official == claimed_id}
    posts = {fold(position.title_vi) for position in claimed.positions} if claimed else set()
    return [
        other
        for other in map(engine.knowledge.event, engine.knowledge.events_by_kind.get(event.event_kind, ()))
        if other is not None
        and other.date is not None
        and q.date.matches(other.date.start, other.date.end)
        and engine.retrieval.countries_fit(q, other)
        and all(p.official != claimed_id for p in other.participants)
        and any(
            p.role in roles and posts & {fold(position.title_vi) for position in official.positions}
            for p in other.participants
            if (official := engine.knowledge.official(p.official or "")) is not None
        )
    ]


def _without_officials(engine: Lookup, q: Question) -> str:
    """The question's folded text without the names of the officials it names."""
    text = q.folded
    for official_id in q.officials:
        official = engine.knowledge.official(official_id)
        for name in sorted([official.name, *official.aliases] if official else [], key=len, reverse=True):
            text = text.replace(fold(name), " ")
    # and those named by title and given name ("Thứ trưởng Vũ")
    words = text.split()
    spans = engine.index.officials_by_given_name(words, q.text).values()
    return " ".join(w for i, w in enumerate(words) if not any(a <= i < b for a, b in spans))


def _places_claimed(engine: Lookup, q: Question) -> list[list[str]]:
    """The capitalised names after "in", "at", "ở", "tại" that may name a place: not a country, a month
    or a date, nor a name made of the base's own words ("at the ASEAN Foreign Ministers' Retreat")."""
    words = q.text.split()
    claimed: list[list[str]] = []
    for i, word in enumerate(words[:-1]):
        if fold(word) not in PLACE_CLAIM_WORDS:
            continue
        name = canonical(fold(capitalised_after(words, i, 4))).split()
        after = [fold(w).strip("?.,!;:") for w in words[i + 1 : i + 3]]
        city = next((after[:n] for n in (2, 1) if " ".join(after[:n]) in CITY_COUNTRIES), [])
        if not name and city:
            claimed.append(city)  # typed in lower case: a city the language data knows ("ở vieng chan")
            continue
        if not name or name[0] in MONTHS_EN or any(w in engine.index.country_words for w in name):
            continue
        if engine.index.places_in(name) or not all(engine.index.is_known(w) for w in name):
            claimed.append(name)
    return claimed


def _venues_claimed(q: Question) -> list[str]:
    """The names after "ở", "tại", "at" that hold a word of a building ("Phủ Chủ tịch", "the Presidential
    Palace"), up to four words."""
    cue = CLAIM_CUES.search(q.canonical)  # "… phải không": the claim ends there
    words = q.canonical[: cue.start() if cue else None].split()
    claimed: list[str] = []
    for i, word in enumerate(words):
        if word not in PLACE_CLAIM_WORDS:
            continue
        tail = itertools.dropwhile(lambda w: w in ENGLISH_GLUE, words[i + 1 : i + 6])
        name = list(itertools.takewhile(lambda w: w not in FUNCTION_WORDS and w not in CLAIM_ENDS, tail))[:4]
        if set(name) & VENUE_WORDS or set(map(" ".join, itertools.pairwise(name))) & VENUE_WORDS:
            claimed.append(" ".join(name))
    return claimed


def _another_venue(engine: Lookup, q: Question, event: Event) -> bool:
    """The claim puts the event in a building, and the articles give it another one."""
    place = engine.knowledge.place(event.place or "")
    if place is None or place.place_kind is not PlaceKind.VENUE:
        return False
    names = [canonical(fold(n)) for n in [place.name_vi, place.name_en, *place.aliases]]
    claimed = _venues_claimed(q)
    return bool(claimed) and not any(c in n or n in c for c in claimed for n in names)


def _another_part_of_day(q: Question, event: Event) -> bool:
    """The claim names a part of the day and the record names only another ("chiều 28/1")."""
    claimed = {part for part, cue in PARTS_OF_DAY.items() if cue.search(q.folded)}
    record = fold(f"{event.summary_vi} {event.summary_en}")
    # in the record a part of the day stands before its date: "chiều 28/1", "the afternoon of 28 January"
    said = {part for part, cue in PARTS_OF_DAY.items() if cue.search(record)}
    said |= {part for part, cue in PARTS_OF_DAY_DATED.items() if cue.search(record)}
    return bool(claimed and said) and not claimed & said


def _city_elsewhere(engine: Lookup, q: Question, event: Event) -> bool:
    """A city the base does not hold, claimed of an event the articles put in another country."""
    claimed = {CITY_COUNTRIES.get(fold(name)) for name in q.unknown_names} - {None}
    held = _countries_of(engine, event)
    return bool(claimed and held) and not claimed & held


def _city_within(engine: Lookup, event: Event, name: list[str]) -> bool:
    """A city claimed lies in the country the articles put the event in: "in Vientiane?" of a meeting in
    Laos may be true, and the articles do not say (nor say otherwise)."""
    return CITY_COUNTRIES.get(" ".join(name)) in _countries_of(engine, event)


def _only_within(engine: Lookup, q: Question, event: Event) -> bool:
    """A city claimed lies in the country the event was in, and the articles name no such city for it."""
    return any(
        _city_within(engine, event, name) and not _is_where(engine, event, name)
        for name in _places_claimed(engine, q)
    ) or any(_city_of_its_country(engine, event, p) for p in q.places)


def _city_of_its_country(engine: Lookup, event: Event, place_id: str) -> bool:
    """A city of the base in the event's country, when the articles place the event in no city."""
    place = engine.knowledge.place(place_id)
    return (
        place is not None
        and place.place_kind is PlaceKind.CITY
        and place.id not in engine.retrieval.places_of(event)
        and place.country in _countries_of(engine, event)
        and engine.retrieval.city_of(event) is None
    )


def _countries_of(engine: Lookup, event: Event) -> set[str]:
    places = (engine.knowledge.place(p) for p in engine.retrieval.places_of(event))
    return {p.country for p in places if p is not None and p.country}


def _is_where(engine: Lookup, event: Event, name: list[str]) -> bool:
    """The name is one of the places the event took place in (its venue, city or country)."""
    places = (engine.knowledge.place(p) for p in engine.retrieval.places_of(event))
    names = {canonical(fold(n)) for p in places if p for n in [p.name_vi, p.name_en, *p.aliases]}
    return any(" ".join(name) in n for n in names)


def _period_of(engine: Lookup) -> Callable[[re.Match[str]], str]:
    """A period as written, when a fact has it; none at all when none has."""

    def period(match: re.Match[str]) -> str:
        start, end = (int(y) for y in re.findall(r"\d{4}", match.group(0)))
        return match.group(0) if (start, end) in engine.knowledge.periods else " "

    return period


def _unknown_name(q: Question) -> bool:
    """A capitalised word past the first that the base never uses: a name it does not know."""
    unknown = set(q.unknown_words)
    return any(word[0].isupper() and fold(word) in unknown for word in q.text.split()[1:])


def _unconfirmed(engine: Lookup, q: Question, fact: object, answer: Answer) -> Answer:
    """Nothing confirms the claim; what the articles say follows, with where it took place."""
    text = f"{phrase('claim_unknown', q.lang)}\n\n{_corrected(engine, q, fact, answer, always=True)}"
    return dataclasses.replace(answer, question=q.text, status=Status.NOT_FOUND, text=text)


def _corrected(engine: Lookup, q: Question, fact: object, answer: Answer, *, always: bool = False) -> str:
    """The answer's text, with where the event really took place when the claim names another place
    and the text does not say it ("Was the 2nd round hosted in Bangkok?" — No; it took place in Hanoi)."""
    claims_a_place = always or engine.retrieval.destination(q) is not None or bool(q.places)
    if isinstance(fact, Event) and fact.place and claims_a_place:
        where = engine.render.place(fact.place, q.lang)  # "Hanoi, Vietnam", as a "Place:" line has it
        if fold(where) not in fold(answer.text):
            held = engine.render.event_where(fact, q.lang)
            body, _, source = answer.text.partition("\n\n")
            return f"{body}\n{held}" + (f"\n\n{source}" if source else "")
    return answer.text


def _agreed_point(engine: Lookup, q: Question) -> Answer | None:
    """ "Việt Nam và Campuchia có nhất trí mở thêm cửa khẩu không?": yes, when the record of exactly
    one event (its points agreed or discussed, the stances stated there) holds the claim nearly word
    for word."""
    claimed = [t for t in q.canonical.split() if t not in FUNCTION_WORDS and t not in CUE_WORDS]
    if len(claimed) < 2:
        return None  # "CA:A": one word claims nothing a record could hold
    shares = engine.index.lexical_scores(q.units, english=q.lang == "en")
    events = [
        event
        for fact_id in sorted(shares, key=lambda f: -shares[f])[:CLAIM_EVENTS]
        if (event := engine.knowledge.event(fact_id)) is not None and engine.retrieval.countries_fit(q, event)
    ]
    found = [(event, points[0]) for event in events if (points := details.passages(engine.index, q, event))]
    # every country the claim names is the point's or its people's: an MoU with Cambodia is none with
    # Laos, though the meeting was held in Laos
    held = [
        (event, point)
        for event, point in found
        if point.coverage >= CLAIM_POINT
        and q.countries <= engine.countries_in(f"{point.vi} {point.en}") | _people_countries(engine, event)
    ]
    if len(held) != 1:
        return None
    event, point = held[0]
    said = f"{engine.render.title(event, q.lang)} ({event_date(event, q.lang)}): {getattr(point, q.lang)}"
    body = with_footnotes(said, q.lang) + "\n\n" + engine.render.source_line([event], q.lang)
    return _with_verdict(
        dataclasses.replace(engine.answer_fact(event.id, lang=q.lang), question=q.text), "yes", body, q.lang
    )


def _in_its_words(engine: Lookup, q: Question, fact: object) -> bool:
    """A stance or an agreement that says what the claim says, in its own words."""
    return isinstance(fact, Statement | Agreement) and _said_as_asked(engine, q, fact)


def _people_countries(engine: Lookup, event: Event) -> set[str]:
    officials = (engine.knowledge.official(p.official or "") for p in event.participants)
    return {official.country for official in officials if official is not None}


def _said_as_asked(engine: Lookup, q: Question, fact: Statement | Agreement) -> bool:
    """The question's own words are mostly the fact's: the share a claim needs to be confirmed."""
    # the dates claimed are checked against the fact's own date, not its wording
    claimed_text = canonical(fold(without_dates(q.text)))
    claimed = units(claimed_text)
    share = engine.index.lexical_scores(claimed, english=q.lang == "en").get(fact.id, 0.0)
    # a thing the claim names ("the Human Rights Council") must be the fact's: support for a seat on
    # the UNESCO board is no support for the Council, however many other words they share
    own = engine.index.fact_units.get(fact.id, set())
    named = [m.group(0) for m in CONCEPTS.finditer(claimed_text)]
    # the words naming the meeting a stance was made at say where it was said, not what ("tham vấn
    # cấp Bộ trưởng 12/2021 có nhắc đến Biển Đông không"), nor do the words asking whether it was said
    made_at = fact.made_at if isinstance(fact, Statement) else None
    where = engine.index.fact_units.get(made_at, set()) if made_at else set()
    saying = words_covered(claimed_text, SAID_VERBS)
    # the claim's own words, without the words of asking ("có phải … không", "ko") and the pairs
    # across them: "Lào có phải chủ tịch ASEAN năm 2016 ko?" is all the stance's
    english = q.lang == "en"
    said = {
        u
        for u in claimed
        if " " not in u
        and u not in CUE_WORDS
        and u not in EVERYDAY_WORDS
        and u not in POST_COPULAS  # "Lào sẽ làm Chủ tịch ASEAN": "làm" of "là Chủ tịch"
        and not engine.index.no_evidence(u, english)
        and u not in saying
        and not (u in where and u not in own)
    }
    in_own_words = bool(said) and len(said & own) >= CLAIM_WORDS * len(said)
    # a claim quoting the fact's whole name is about it, whatever verb it says it with ("được chọn
    # làm Năm …" of a year the article says was "lấy là Năm …"); its date is checked apart
    quoted = fact.id in q.named_facts or _title_named(engine, q, fact)
    # (a name is the fact's when its words are, or the phrase is, or the meeting's it was said at)
    return (share >= CLAIM_SHARE or in_own_words or quoted) and all(
        set(phrase.split()) <= own or phrase in own or phrase in where for phrase in named
    )


def _title_named(engine: Lookup, q: Question, fact: Statement | Agreement) -> bool:
    """A name the claim capitalises ("Năm Giao lưu nhân dân", "People-to-People Exchange Year") is the
    fact's title, in two words or more besides the countries' names."""
    name = (
        f"{fact.title_vi} {fact.title_en}"
        if isinstance(fact, Statement)
        else f"{fact.name_vi} {fact.name_en}"
    )
    title = set(name.lower().replace("-", " ").split())
    # as typed, marks and all: "Năm" (a year) is no "Nam" of a country's name
    runs = [{w.lower().strip("?!.,") for w in run} for run in _typed_runs(q.text.replace("-", " "))]
    return any(len(run - _COUNTRY_WORDS_TYPED) > 1 and run <= title for run in runs)


def _claims_hold(engine: Lookup, q: Question, fact: object) -> bool:
    """Every date, place and amount the question claims agrees with the fact found."""
    meeting = _meeting_date(engine, fact)
    date = _date_of(fact) or meeting  # a stance undated but for its meeting
    if isinstance(fact, Agreement) and date is not None:
        # "was the 2014–2020 agreement signed in 2015?": the period names it, the other year is claimed
        in_name = {year for year in (fact.period_start, fact.period_end) if year is not None}
        years = {int(y) for y in YEAR_IN_TEXT.findall(q.text)} - in_name
        if years:
            return any(date.start.year <= year <= date.end.year for year in years)
    period = (getattr(fact, "period_start", None), getattr(fact, "period_end", None))
    if q.date is not None and q.date.year_end is not None and period[0] is not None:
        # "support for the 2023-2027 term" of a stance on 2025-2029: the period claimed is another
        return period == (q.date.year, q.date.year_end)
    span = q.date.span() if q.date is not None and not _year_of_a_name(engine, q) else None
    # a stance's year claimed, and another: the year of the meeting it was stated at ("hồi 2015 ông Minh
    # khẳng định … Chủ tịch ASEAN năm 2016"), which holds too
    years = {int(y) for y in YEAR_IN_TEXT.findall(q.text)}
    own_claimed = date is not None and date.start.year in years and len(years) > 1
    dates = [d for d in (date, meeting if own_claimed else None) if d is not None]
    if span is not None and dates and all(d.end < span[0] or d.start > span[1] for d in dates):
        return False
    if isinstance(fact, Place) and q.countries and fact.country not in (None, *q.countries):
        return False  # "Mũi Sao nằm ở Thái Lan phải không?" of a port in Vietnam
    destination = engine.retrieval.destination(q)
    if (
        isinstance(fact, Event)
        and destination is not None
        and destination not in engine.retrieval.places_of(fact)
        and not _placed_as_the_record_says(engine, q, fact)
    ):
        return False
    if isinstance(fact, Event) and _another_venue(engine, q, fact):
        return False  # "… ở Phủ Chủ tịch phải không?" of a meeting at the National Assembly House
    if isinstance(fact, Event) and _another_part_of_day(q, fact):
        return False  # "… vào buổi sáng hả?" of a meeting held in the afternoon
    claimed_places = _places_claimed(engine, q) if isinstance(fact, Event) else []
    if isinstance(fact, Event) and any(
        not _is_where(engine, fact, name) and not _city_within(engine, fact, name) for name in claimed_places
    ):
        return False  # "… take place in Vientiane?" of a session held in Vietnam
    if isinstance(fact, Event) and q.places:
        where = engine.retrieval.places_of(fact)
        named = {
            p
            for p in q.places
            if not engine.retrieval.is_country_place(p) and not _city_of_its_country(engine, fact, p)
        }
        # a place the record itself names ("… tại cặp cửa khẩu Lao Bảo – Đen-xa-vẳn") is no other place
        said = {
            p
            for p in named
            if (place := engine.knowledge.place(p)) and details.names_place(engine.index, fact.id, place)
        }
        if named and not named & (where | said):
            return False
    if not _anniversary_agrees(engine, q, fact):
        return False  # "… for the Lao army's 70th anniversary?" of its 75th
    if isinstance(fact, Event | Statement) and not _shares_agree(q, fact):
        return False  # "the remaining 20% of the border?" of a record saying 16%
    if isinstance(fact, Figure):
        claimed = _amounts_claimed(q.text)
        if claimed and not any(_amount_holds(fact.value, *amount) for amount in claimed):
            return False
    return True


def _anniversary_agrees(engine: Lookup, q: Question, fact: object) -> bool:
    """The anniversary the question claims ("its 70th anniversary") is the one the fact's title names,
    when its title names one."""
    claimed = {n for _, n in _anniversary_numbers(q.folded)}
    if not claimed or not isinstance(fact, Event | Statement):
        return True
    titles = (engine.render.title(fact, lang) for lang in get_args(Lang))
    held = {n for title in titles for _, n in _anniversary_numbers(fold(title))}
    return not held or bool(claimed & held)


def _placed_as_the_record_says(engine: Lookup, q: Question, event: Event) -> bool:
    """ "Tại Tham khảo Chính trị lần 1, hai bên có nhất trí chuẩn bị Kỳ họp 38 … tại Lào không?": the
    place is claimed of what the record says was agreed there, in its words ("… tại Lào"), not of the
    meeting itself."""
    words = q.folded.split()
    placed = {f"{w} {after}" for w, after in itertools.pairwise(words) if w in PLACE_CLAIM_WORDS}
    return any(
        phrase in f" {fold(passage.vi)} " or phrase in f" {fold(passage.en)} "
        for passage in details.passages(engine.index, q, event)
        for phrase in placed
    )


def _year_of_a_name(engine: Lookup, q: Question) -> bool:
    """The year the question names is part of a name ("theo Công ước Luật Biển 1982", "UNCLOS 1982"):
    it comes right after a capitalised word that is no word of a date, or closes the name of a
    document the question quotes in part. No date is claimed."""
    year = q.date.year if q.date is not None and q.date.month is None else None
    if year is None:
        return False
    words = q.text.split()
    # the word before is capitalised as a name's, not as the sentence's first ("Was 2021 …")
    after_a_name = any(
        word.strip(",.?!") == str(year)
        and i > 1
        and words[i - 1][:1].isupper()
        and fold(words[i - 1]) not in DATE_WORDS | FUNCTION_WORDS
        for i, word in enumerate(words)
    )
    if after_a_name:
        return True
    # of the documents the question's words touch at all (not every document of a large base)
    touched = engine.index.lexical_scores(q.units, english=q.lang == "en")
    return any(
        str(year) in document.name_vi.split() + document.name_en.split()
        and details.name_held(engine.index, q.units, document) >= NAME_PART_HELD
        for document in map(engine.knowledge.get, touched)
        if isinstance(document, Agreement)
    )


def _amounts_claimed(text: str) -> list[tuple[float, str | None]]:
    """The amounts a question claims (no years), each with the bound it claims when the words before
    it make one: "vượt mốc 1 tỷ USD" → (1.0, "above"), "less than 10%" → (10.0, "below")."""
    claimed: list[tuple[float, str | None]] = []
    for match, value in amounts(text):
        before = " ".join(w for w in fold(text[: match.start()]).split() if w not in AMOUNT_FILLERS)
        bound = next(
            (name for name, cue in (("above", AMOUNT_ABOVE), ("below", AMOUNT_BELOW)) if cue.search(before)),
            None,
        )
        claimed.append((value, bound))
    return claimed


def _amount_holds(value: float, claimed: float, bound: str | None) -> bool:
    """The figure is the amount claimed (within rounding), or lies beyond the bound claimed."""
    if abs(claimed - value) <= AMOUNT_ROUNDING * abs(value):
        return True
    return (bound == "above" and value > claimed) or (bound == "below" and value < claimed)


def _shares_agree(q: Question, fact: Event | Statement) -> bool:
    """A share the question claims is one the record gives, when the record gives any."""
    claimed = {_number(n) for n in SHARE.findall(q.text)}
    if not claimed:
        return True
    given = {_number(n) for n in SHARE.findall(searchable_text(fact))}
    return not given or bool(claimed & given)


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def term_length(engine: Lookup, q: Question, today: dt.date) -> Answer | None:
    """ "Nhiệm kỳ … kéo dài mấy năm?", "how many years did she serve as ambassador?": the term as its
    record gives it, or that no record gives it; never the years since an act of it (a farewell call)."""
    duration = DURATION_CUES.search(q.folded) or LASTED_ASKED.search(q.folded) or SPAN_ASKED.search(q.folded)
    # "nhiệm kì" is "nhiệm kỳ" read canonical
    if not (duration and (TERM_ASKED.search(q.folded) or TERM_ASKED.search(q.canonical))):
        return None
    if q.date is not None and NOW.search(q.folded):
        return None  # "làm Chủ tịch ASEAN năm 2016, tới giờ được mấy năm?": the years since that year
    asked = fold(SPAN_ASKED.sub(" ", DURATION_CUES.sub(" ", LASTED_ASKED.sub(" ", q.folded))))
    found = engine.lookup(asked, q.lang, today)
    fact = engine.knowledge.get(found.facts[0]) if found.status is Status.ANSWERED else None
    if fact is None:
        return None
    start, end = getattr(fact, "period_start", None), getattr(fact, "period_end", None)
    if start is None and isinstance(fact, Event):
        start, end = _term_in_record(fact) or (None, None)
    if start is not None and end is not None:
        head = _term_period(start, end, q.lang)
        return dataclasses.replace(found, question=q.text, text=f"{head}\n\n{found.text}", not_stated=True)
    text = f"{phrase('term_unknown', q.lang)}\n\n{found.text}"
    return dataclasses.replace(found, question=q.text, status=Status.NOT_FOUND, text=text)


def _term_claimed(engine: Lookup, q: Question) -> Answer | None:
    """ "Đại sứ Siriporn nhiệm kỳ 2020-2024 phải không?", "served in Vietnam from 2019 to 2023?": the
    years claimed of the one person named against the term a record of theirs gives."""
    date = q.date
    if date is None or date.year is None or date.year_end is None or len(q.officials) != 1:
        return None
    if not (TERM_ASKED.search(q.folded) or TERM_ASKED.search(q.canonical)):
        return None
    for event_id in engine.knowledge.events_by_official.get(next(iter(q.officials)), ()):
        event = engine.knowledge.event(event_id)
        term = _term_in_record(event) if event is not None else None
        if event is None or term is None:
            continue
        head = _term_period(*term, q.lang)
        record = dataclasses.replace(engine.answer_fact(event.id, lang=q.lang), question=q.text)
        verdict: Verdict = "yes" if term == (date.year, date.year_end) else "no"
        return _with_verdict(record, verdict, f"{head}\n\n{record.text}", q.lang)
    return None


def _term_period(start: int, end: int, lang: Lang) -> str:
    """A term on record by its years: the years alone do not say how long (a 2023–2025 seat is two to
    three years, a 2025–2029 one four to five)."""
    years = end - start
    return phrase("term_period", lang, start=str(start), end=str(end), least=str(years), most=str(years + 1))


def _term_in_record(event: Event) -> tuple[int, int] | None:
    """The term an event's record gives in years next to a word for a term ("… trong nhiệm kỳ
    2021-2024", "her 2021–2024 term")."""
    for summary in (event.summary_vi, event.summary_en):
        text = fold(summary)
        for match in _YEARS.finditer(text):
            around = text[max(0, match.start() - _TERM_NEAR) : match.end() + _TERM_NEAR]
            if TERM_ASKED.search(around):
                return int(match.group(1)), int(match.group(2))
    return None


def years_since(engine: Lookup, q: Question, today: dt.date) -> Answer | None:
    """How many years from the fact's date to the year the question names, or to today."""
    left = _years_left(engine, q, today)
    if left is not None:
        return left
    asked_years = [int(y) for y in YEAR_IN_TEXT.findall(q.text)]
    # ask for the fact's date instead of a count: "… bao nhiêu năm?" becomes "… khi nào?"
    when = _WHEN_WORD[q.lang]
    halves = compound.split(engine, q, today)
    if halves is not None:  # "lần 1 và lần 8 cách nhau bao nhiêu năm": the time between two facts
        return _between(engine, q, [DURATION_CUES.sub(when, fold(h)) for h in halves], today)
    for between in SPAN_BETWEEN:  # "từ khi thiết lập quan hệ đến khi ký Hiệp ước": between two facts
        span = between.search(q.folded)
        if span is not None:
            parts = _sharing_the_name(*span.groups())
            ends = [f"{DURATION_CUES.sub(' ', part)} {when}" for part in parts]
            counted = _between(engine, q, ends, today)
            if counted is not None:
                return counted
    held = _anniversary_held(engine, q, asked_years, today)
    if held is not None:
        return held
    # the act itself is counted from, not an anniversary of it ("năm 2032 là kỷ niệm bao nhiêu năm …")
    asked = fold(without_dates(q.text))
    if not (DURATION_CUES.search(asked) or AGE_ASKED.search(asked)):
        asked = without_dates(q.canonical)  # the cue typed with a typo ("bao nhiu năm"), read corrected
    asked = NOW.sub(" ", DURATION_CUES.sub(when, AGE_ASKED.sub(when, ANNIVERSARY_WORDS.sub(" ", asked))))
    # acronyms as typed, capitals and all ("UNCLOS"): folded, a short one is an ordinary word
    for acronym in set(ACRONYM.findall(q.text)):
        asked = re.sub(rf"\b{re.escape(fold(acronym))}\b", acronym, asked)
    found = _of_the_year_named(engine, q, asked_years, today) or _earliest(
        engine, engine.lookup(asked, q.lang, today), q.lang, asked_years
    )
    if found is None:
        return None
    fact = engine.knowledge.get(found.facts[0])
    date = _date_of(fact)
    name_year = _year_of_its_name(fact, today) if date is None else None
    cited = _document_cited(q, fact, today)
    if cited is not None:
        # "Công ước Luật Biển mà hai bên nhắc ở Trat có từ bao nhiêu năm rồi?": the document the stance
        # cites by a name with its year, not the stance
        name_year, date = cited[0], FuzzyDate.parse(str(cited[0]))
    elif name_year is not None:
        date = FuzzyDate.parse(str(name_year))  # counted from as a year only, and said to be the name's
    if date is None:
        return None
    start = date.start
    this_year = q.date.year if q.date is not None and q.date.relative and q.date.month is None else None
    if not asked_years and this_year is not None and ANNIVERSARY_WORDS.search(q.folded):
        # "năm nay là kỷ niệm bao nhiêu năm …": the anniversary this year marks, not the years
        # completed by today
        asked_years = [this_year]
    later = [y for y in asked_years if y > start.year]
    # "UNCLOS 1982 cited at the 7th session: how many years old as of that meeting?": to the act's year
    then = (_date_of(fact) or _meeting_date(engine, fact)) if cited and AS_OF_THEN.search(q.folded) else None
    if then is not None and not later:
        later = [then.start.year]
    if later:
        years, end = later[0] - start.year, str(later[0])
    elif date.has_day:
        years = today.year - start.year - ((today.month, today.day) < (start.month, start.day))
        end = engine.render_date(today, q.lang)
    else:  # a year or a month only: count whole calendar years, inventing no day
        years, end = today.year - start.year, str(today.year)
    if cited is not None:
        head = phrase(
            "years_since_cited", q.lang, years=str(years), year=str(name_year), end=end, name=cited[1]
        )
    elif name_year is not None and fact is not None:
        title = engine.render.title(fact, q.lang)
        head = phrase(
            "years_since_name_year", q.lang, years=str(years), year=str(name_year), end=end, title=title
        )
    else:
        head = phrase("years_between", q.lang, years=str(years), start=format_date(date, q.lang), end=end)
    return dataclasses.replace(found, question=q.text, text=f"{head}\n\n{found.text}")


def _document_cited(q: Question, fact: object, today: dt.date) -> tuple[int, str] | None:
    """The year and name of a document a record that is no document cites with its year ("… Công ước
    Liên hợp quốc về Luật Biển năm 1982"), when the question names it by a word of a document's kind
    and the words after that word ("công ước luật biển")."""
    if isinstance(fact, Agreement) or not isinstance(fact, Statement | Event):
        return None
    text = fact.summary_vi if q.lang == "vi" else fact.summary_en
    words = text.split()
    folded = [fold(w.strip(".,;:()\"'")) for w in words]
    for cue in AGREEMENT_CUE.finditer(q.canonical):
        kind = cue.group(0).split()
        named = [
            w for w in q.canonical[cue.end() :].split()[:3] if w not in FUNCTION_WORDS and w not in CUE_WORDS
        ]
        for start in range(len(folded) - len(kind) + 1):
            if folded[start : start + len(kind)] != kind:
                continue
            window = folded[start : start + len(kind) + CITED_NAME_WINDOW]
            year = next((i for i, w in enumerate(window) if YEAR_IN_TEXT.fullmatch(w)), None)
            if year is None or (named and not set(named[:1]) <= set(window[:year])):
                continue
            if int(window[year]) <= today.year:
                return int(window[year]), " ".join(words[start : start + year + 1]).strip(".,;:")
    return None


def _year_of_its_name(fact: object, today: dt.date) -> int | None:
    """ "UNCLOS ra đời cách đây bao nhiêu năm?": the year the name of a document the articles give no
    date carries ("… năm 1982"), not after today."""
    if not isinstance(fact, Agreement):
        return None
    named = [int(y) for y in YEAR_IN_TEXT.findall(f"{fact.name_vi} {fact.name_en}")]
    return named[0] if named and named[0] <= today.year else None


def _of_the_year_named(engine: Lookup, q: Question, years: list[int], today: dt.date) -> Answer | None:
    """ "Lào làm Chủ tịch ASEAN năm 2016, tới giờ được mấy năm?": the fact of the one year named, counted
    from to now; the year is what picks it among the acts of its kind."""
    if len(years) != 1 or not NOW.search(q.folded) or years[0] > today.year:
        return None
    asked = NOW.sub(" ", DURATION_CUES.sub(_WHEN_WORD[q.lang], ANNIVERSARY_WORDS.sub(" ", q.folded)))
    found = engine.lookup(asked, q.lang, today)
    date = _date_of(engine.knowledge.get(found.facts[0])) if found.status is Status.ANSWERED else None
    return found if date is not None and date.start.year == years[0] else None


def years_apart(engine: Lookup, q: Question, today: dt.date) -> Answer | None:
    """ "Lào làm Chủ tịch ASEAN năm 2016 và năm 2024, cách nhau mấy năm?": two years named, each the
    year of a fact the rest of the question finds; the count is between the years as named (asked
    before a term or a count from one fact: "làm Chủ tịch" is no term here)."""
    named = sorted({int(y) for y in YEAR_IN_TEXT.findall(_PERIOD.sub(" ", q.text))})  # not a period's ends
    if len(named) != 2 or not counts_years(q) or not any(apart.search(q.folded) for apart in SPAN_APART):
        return None
    rest = YEAR_IN_TEXT.sub(" ", without_dates(q.text))
    asked = NOW.sub(" ", DURATION_CUES.sub(" ", fold(rest)))
    found = []
    for year in named:
        answer = engine.lookup(f"{asked} {year}", q.lang, today)
        fact = engine.knowledge.get(answer.facts[0]) if answer.status is Status.ANSWERED else None
        date = _date_of(fact)
        if date is None or not date.start.year <= year <= date.end.year:
            return None  # no fact of that year is what the question names
        found.append(answer)
    both = compound.merged(engine, q, found)  # each year's answer, the sources said once
    if both is None:
        return None
    head = phrase(
        "years_between", q.lang, years=str(named[1] - named[0]), start=str(named[0]), end=str(named[1])
    )
    return dataclasses.replace(both, text=f"{head}\n\n{both.text}")


def _sharing_the_name(first: str, second: str) -> tuple[str, str]:
    """ "between the first and the eighth deputy-FM consultations": two rounds of one mechanism named
    once, after the second, the first read with the second's name; or before the first, each read
    with it ("từ tham khảo chính trị lần 1 đến lần 8")."""
    named = round_span(second)
    if named is None:
        return first, second
    borrowed = f"{first} {second[named[1] :].strip()}"
    own = round_span(first)
    # the first is a round with nothing after it ("lần 1", "the 1st"), or one only with a name after it
    # ("the first", read as a round once the name follows)
    bare = own is not None and not first[own[1] :].strip()
    if bare and own is not None and not second[: named[0]].strip():
        # "từ tham khảo chính trị lần 1 đến lần 8": both bare rounds of the mechanism named before them
        return borrowed, f"{first[: own[0]]}{second}"
    if bare or (own is None and (found := round_span(borrowed)) is not None and found[0] < len(first)):
        return borrowed, second
    return first, second


def _years_left(engine: Lookup, q: Question, today: dt.date) -> Answer | None:
    """ "How many years are left in the Joint Plan of Action?": the years from this year to the end
    of the period the one document or stance found covers (its days are not given: calendar years)."""
    if not YEARS_LEFT.search(q.canonical):
        return None
    asked = NOW.sub(" ", YEARS_LEFT.sub(" ", DURATION_CUES.sub(" ", q.canonical)))
    ranking = engine.retrieval.rank(engine.read(asked, q.lang, today))
    # the one fact with a period the question fits clearly best (a document signed at a meeting
    # is asked about, not the signing)
    periods = sorted(
        (s for s in ranking.others if s.anchored and getattr(s.fact, "period_end", None)),
        key=lambda s: s.score,
        reverse=True,
    )
    if not periods or (len(periods) > 1 and periods[1].score >= periods[0].score - TIE_MARGIN):
        return None
    fact = periods[0].fact
    end: int = getattr(fact, "period_end", 0)
    title = engine.render.title(fact, q.lang)
    if end < today.year:
        head = phrase("period_over", q.lang, title=title, end=str(end))
    else:
        head = phrase(
            "years_left", q.lang, title=title, end=str(end), years=str(end - today.year), year=str(today.year)
        )
    record = engine.answer_fact(fact.id, lang=q.lang)
    return dataclasses.replace(record, question=q.text, text=f"{head}\n\n{record.text}")


def _anniversary_held(engine: Lookup, q: Question, years: list[int], today: dt.date) -> Answer | None:
    """ "Năm 2022 kỷ niệm bao nhiêu năm quan hệ ngoại giao?": the anniversary the base holds in the year
    asked, which names its count ("Kỷ niệm 60 năm …"); of several that year, the one the question's
    words fit best."""
    if not years or not ANNIVERSARY_WORDS.search(q.canonical):
        return None
    if Intent.LIST in q.intents:
        # "năm 2022 kỷ niệm những mốc bao nhiêu năm?": every anniversary of the year, each with its count
        knowledge = engine.knowledge
        every = [
            fact
            for year in years
            for i in (*knowledge.statements_by_year.get(year, ()), *knowledge.events_by_year.get(year, ()))
            if (fact := knowledge.get(i)) is not None and _counts_years(engine, fact, q.lang)
        ]
        if len(every) > 1:
            return compound.merged(engine, q, [engine.answer_fact(f.id, lang=q.lang) for f in every])
    plain = engine.lookup(q.text, q.lang, today)
    if plain.status is not Status.ANSWERED:
        return None
    held = []
    for fact_id in plain.facts:
        fact = engine.knowledge.get(fact_id)
        date = _date_of(fact)
        if date and date.start.year in years and fact is not None and _counts_years(engine, fact, q.lang):
            held.append(fact_id)
    shares = engine.index.lexical_scores(q.units, english=q.lang == "en")
    ranked = sorted(held, key=lambda f: -shares.get(f, 0.0))
    if not ranked or (len(ranked) > 1 and shares.get(ranked[0], 0.0) <= shares.get(ranked[1], 0.0)):
        return None
    return dataclasses.replace(engine.answer_fact(ranked[0], lang=q.lang), question=q.text)


def _counts_years(engine: Lookup, fact: AnyFact, lang: Lang) -> bool:
    """An anniversary record that names its count in its title ("Kỷ niệm 60 năm …")."""
    return names_an_anniversary(fold(engine.render.title(fact, lang)))


def anniversary_year(engine: Lookup, q: Question, today: dt.date) -> Answer | None:
    """ "Kỷ niệm 75 năm thành lập … là năm nào?", "when is the 75th anniversary of …?": the year of the
    act, plus the years named."""
    years = _anniversary_number(q.folded)
    if ANNIVERSARY_OCCASION.search(q.folded):
        return None  # "Nhân kỷ niệm 75 năm …, ai chúc mừng hôm nào?": an act on the occasion is asked
    # "… kỷ niệm 75 năm thành lập vào ngày nào?" (not "lễ kỷ niệm … tổ chức ngày nào?", a celebration)
    day_asked = bool(DAY_ASKED.search(q.folded)) and not HELD_ASKED.search(q.folded) and not q.event_kinds
    until = bool(UNTIL_ASKED.search(q.folded))
    if years is None or not (YEAR_ASKED.search(q.folded) or day_asked or until):
        return None
    folded = q.folded
    others = {n for _, n in _anniversary_numbers(folded)} - {years}
    if others:
        # the anniversary given beside the one asked ("năm 2024 kỷ niệm 75 năm …") dates nothing asked
        folded = fold(without_dates(q.text))
    for number in {years, *others}:
        folded = re.sub(rf"\b{number}(?:st|nd|rd|th)?\b", " ", folded)
    asked = ANNIVERSARY_WORDS.sub(" ", folded)
    found = _earliest(engine, engine.lookup(asked, q.lang, today), q.lang)
    fact = engine.knowledge.get(found.facts[0]) if found is not None else None
    if (
        found is not None
        and fact is not None
        and not re.search(rf"\b{years}\b", fold(engine.render.title(fact, "vi")))
    ):
        # another anniversary of the act ("kỷ niệm 60 năm" found for 70): the act itself counts
        found = _act_commemorated(engine, q, fact) or found
        fact = engine.knowledge.get(found.facts[0])
    date = _date_of(fact)
    if found is None or fact is None or date is None:
        return None
    if re.search(rf"\b{years}\b", fold(engine.render.title(fact, "vi"))):
        return None  # an act of the anniversary itself ("chúc mừng 75 năm …"): asked as it is
    if day_asked and date.has_day:
        # "… kỷ niệm 75 năm thành lập vào ngày nào?": the day the act fell on, that many years later
        day = engine.render_date(_on_year(date.start, date.start.year + years), q.lang)
        head = phrase(
            "anniversary_day", q.lang, n=how_many(years, q.lang), day=day, start=format_date(date, q.lang)
        )
    else:
        year = date.start.year + years
        # "còn bao lâu nữa": the years left from today, or that it is past
        key = (
            "anniversary_year"
            if not until
            else "anniversary_in"
            if year >= today.year
            else "anniversary_past"
        )
        head = phrase(
            key,
            q.lang,
            n=how_many(years, q.lang),
            year=str(year),
            start=format_date(date, q.lang),
            left=str(year - today.year),
            today=str(today.year),
        )
    return dataclasses.replace(found, question=q.text, text=f"{head}\n\n{found.text}")


def _act_commemorated(engine: Lookup, q: Question, fact: AnyFact) -> Answer | None:
    """Of an anniversary found ("Kỷ niệm 60 năm … (2022)"), the act it counts from: the fact the
    question's words fit best among those dated that many years before ("… thiết lập quan hệ, 1962")."""
    date = _date_of(fact)
    numbers = _anniversary_numbers(fold(engine.render.title(fact, "vi"))) if date is not None else []
    if date is None or len(numbers) != 1:
        return None
    year = date.start.year - numbers[0][1]
    shares = engine.index.lexical_scores(q.units, english=q.lang == "en")
    acts = [
        (share, fact_id)
        for fact_id, share in shares.items()
        if (act_date := _date_of(engine.knowledge.get(fact_id))) is not None and act_date.start.year == year
    ]
    return (
        dataclasses.replace(engine.answer_fact(max(acts)[1], lang=q.lang), question=q.text) if acts else None
    )


def origin_year(engine: Lookup, q: Question, today: dt.date) -> Answer | None:
    """ "Năm 2022 kỷ niệm 60 năm quan hệ ngoại giao, vậy quan hệ được thiết lập từ năm nào?": the act an
    anniversary of the year named counts from, that many years before it."""
    years = _anniversary_number(q.folded)
    if years is None or q.date is None or q.date.year is None or not YEAR_ASKED.search(q.folded):
        return None
    unnumbered = re.sub(rf"\b{years}(?:st|nd|rd|th)?\b", " ", fold(without_dates(q.text)))
    found = _earliest(engine, engine.lookup(ANNIVERSARY_WORDS.sub(" ", unnumbered), q.lang, today), q.lang)
    date = _date_of(engine.knowledge.get(found.facts[0])) if found is not None else None
    if found is None or date is None or date.start.year + years != q.date.year:
        return None  # not the act that anniversary counts from
    head = phrase(
        "origin_year",
        q.lang,
        year=str(date.start.year),
        n=how_many(years, q.lang),
        anniversary=str(q.date.year),
        start=format_date(date, q.lang),
    )
    return dataclasses.replace(found, question=q.text, text=f"{head}\n\n{found.text}")


def days_until(engine: Lookup, q: Question, today: dt.date) -> Answer | None:
    """ "Còn mấy ngày nữa là tới ngày kỷ niệm thiết lập quan hệ ngoại giao?": the days from today to the
    act's next anniversary, when the act has a day."""
    if not DAYS_UNTIL.search(q.folded):
        return None
    asked = f"{ANNIVERSARY_WORDS.sub(' ', DAYS_UNTIL.sub(' ', q.folded))} {_WHEN_WORD[q.lang]}"
    found = _earliest(engine, engine.lookup(asked, q.lang, today), q.lang)
    date = _date_of(engine.knowledge.get(found.facts[0])) if found is not None else None
    if found is None or date is None or not date.has_day:
        return None
    start = date.start
    upcoming = _on_year(start, today.year)
    if upcoming < today:
        upcoming = _on_year(start, today.year + 1)
    years = upcoming.year - start.year
    head = phrase(
        "days_until",
        q.lang,
        days=str((upcoming - today).days),
        years=str(years),
        date=engine.render_date(upcoming, q.lang),
    )
    return dataclasses.replace(found, question=q.text, text=f"{head}\n\n{found.text}")


def _on_year(day: dt.date, year: int) -> dt.date:
    """The same day in another year; 29 February falls on 28 February in a common year."""
    try:
        return day.replace(year=year)
    except ValueError:
        return day.replace(year=year, day=28)


def _anniversary_numbers(folded: str) -> list[tuple[int, int]]:
    """Each N of "kỷ niệm N năm", "Nth anniversary" (a number next to an anniversary word), with where
    its anniversary word stands."""
    found: list[tuple[int, int]] = []
    for cue in ANNIVERSARY_WORDS.finditer(folded):
        after = folded[cue.end() :].split()[:1]
        before = folded[: cue.start()].split()[-1:]
        for word in after + before:
            number = re.fullmatch(r"(\d{1,3})(?:st|nd|rd|th)?", word)
            if number:
                found.append((cue.start(), int(number.group(1))))
                break
    return found


def _anniversary_number(folded: str) -> int | None:
    """The N asked; of two ("năm 2024 kỷ niệm 75 năm, vậy năm nào thì tròn 80 năm?"), the one after
    the words asking the year."""
    found = _anniversary_numbers(folded)
    if len({n for _, n in found}) > 1 and (asked := YEAR_ASKED.search(folded)) is not None:
        return next((n for where, n in found if where > asked.start()), found[-1][1])
    return found[0][1] if found else None


def days_between(engine: Lookup, q: Question, today: dt.date) -> Answer | None:
    """ "How many days before the army's 75th anniversary did the ministry call?", "đoàn sang chúc mừng
    bao nhiêu ngày trước lễ kỷ niệm?": the days from one dated act to the other."""
    cue = DAYS_BETWEEN.search(q.folded)
    days = cue is not None
    cue = cue or YEARS_BETWEEN.search(q.folded)
    if cue is None:
        return _days_apart(engine, q, today)
    before, after = q.folded[: cue.start()], q.folded[cue.end() :]
    if not any(w not in FUNCTION_WORDS and w not in CUE_WORDS for w in before.split()):
        split = DAYS_BETWEEN_SPLIT.search(after)  # "how many days before A did B"
        if split is None:
            return None
        before, after = after[: split.start()], after[split.end() :]
    when = _WHEN_WORD[q.lang]
    return _between(engine, q, [f"{before} {when}", f"{after} {when}"], today, days=days)


def _days_apart(engine: Lookup, q: Question, today: dt.date) -> Answer | None:
    """ "Tham vấn lần 2 và lần 3 cách nhau bao nhiêu ngày?", "how many days passed between the 2nd and
    the 3rd consultations?", "lần 3 diễn ra sau kỳ họp thứ 5 bao nhiêu ngày?": the days between two
    facts named side by side. One fact only ("chuyến thăm kéo dài mấy ngày") is no such question."""
    days = bool(DAYS_COUNTED.search(q.folded))
    if not days and not SPAN_COUNTED.search(q.folded):
        return None
    when = _WHEN_WORD[q.lang]
    halves = compound.split(engine, q, today)
    if halves is None:
        # "A trước B mấy tháng": the two acts either side of the word that orders them ("how many years
        # since …" holds none: one fact, counted to today elsewhere)
        asked = (DAYS_COUNTED if days else SPAN_COUNTED).sub(" ", q.folded)
        parts = next((m.groups() for m in (p.search(asked) for p in DAYS_APART) if m), None)
        halves = (parts[0], parts[1]) if parts else None
    if halves is None:
        return None
    counted = DAYS_COUNTED if days else SPAN_COUNTED
    sides = [f"{DURATION_CUES.sub(' ', counted.sub(' ', fold(h)))} {when}" for h in halves]
    return _between(engine, q, sides, today, days=days)


def _between(
    engine: Lookup, q: Question, questions: list[str], today: dt.date, *, days: bool = False
) -> Answer | None:
    """The span from one dated fact to the other, each found by one of the questions; a side naming
    an Nth anniversary ("before the army's 75th anniversary") is dated by its act, N years on."""
    dated = [
        (_anniversary_of(engine, q, text, today) if days else None) or _dated(engine, q, text, today)
        for text in questions
    ]
    found = [d for d in dated if d is not None]
    if len(found) == 1:
        return _one_undated(engine, q, questions, found[0][0], today)
    if len(found) != 2 or found[0][0].facts[0] == found[1][0].facts[0]:
        return None
    if days:
        found = [
            _anniversary_near(text, side, other[1], years_named=bool(YEAR_IN_TEXT.search(q.text)))
            for text, side, other in zip(questions, found, found[::-1], strict=True)
        ]
    answers = [answer for answer, _ in found]
    first, second = sorted((date for _, date in found), key=lambda d: d.start)
    start, end = format_date(first, q.lang), format_date(second, q.lang)
    if days:
        if not (first.has_day and second.has_day):
            return None  # a date known only to its month or year gives no count of days
        head = phrase(
            "days_between", q.lang, days=str((second.start - first.start).days), start=start, end=end
        )
    elif MONTHS_ASKED.search(q.folded):
        if first.precision is Precision.YEAR or second.precision is Precision.YEAR:
            return None  # a year-only date gives no count of months
        months = (second.start.year - first.start.year) * 12 + second.start.month - first.start.month
        head = phrase("months_between", q.lang, months=str(months), start=start, end=end)
    else:
        years = second.start.year - first.start.year
        head = phrase("years_between", q.lang, years=str(years), start=start, end=end)
    facts = tuple(dict.fromkeys(f for a in answers for f in a.facts))
    sources = tuple(dict.fromkeys(src for a in answers for src in a.sources))
    text = "\n\n".join([head, *(a.text for a in answers)])
    return dataclasses.replace(answers[0], question=q.text, text=text, facts=facts, sources=sources)


def _one_undated(
    engine: Lookup, q: Question, questions: list[str], dated: Answer, today: dt.date
) -> Answer | None:
    """ "Từ kỳ họp 38 đến kỳ họp 46 cách nhau mấy năm?" when the articles date only one of the two: no
    count, each record as it is (the one saying its date is not given), never a count to today."""
    answers = [engine.lookup(text, q.lang, today) for text in questions]
    other = [a for a in answers if a.status is Status.ANSWERED and a.facts and a.facts[0] != dated.facts[0]]
    if len(other) != 1 or _date_of(engine.knowledge.get(other[0].facts[0])) is not None:
        return None
    both = compound.merged(engine, q, [dated, other[0]] if answers.index(other[0]) else [other[0], dated])
    return dataclasses.replace(both, not_stated=True) if both is not None else None


def _dated(engine: Lookup, q: Question, text: str, today: dt.date) -> tuple[Answer, FuzzyDate] | None:
    """The fact a question finds (the first dated, when several fit) and its date."""
    answer = _earliest(engine, engine.lookup(text, q.lang, today), q.lang)
    if answer is None or not answer.facts:
        return None
    fact = engine.knowledge.get(answer.facts[0])
    date = _date_of(fact)
    # a stance is dated by the meeting where it was stated, when that is dated more precisely
    meeting = _meeting_date(engine, fact)
    if meeting is not None and (date is None or _finer(meeting, date)):
        date = meeting
    return (answer, date) if date is not None else None


def _meeting_date(engine: Lookup, fact: object) -> FuzzyDate | None:
    """The date of the meeting a stance was stated at, if the articles date it."""
    made_at = engine.knowledge.event(fact.made_at or "") if isinstance(fact, Statement) else None
    return made_at.date if made_at is not None else None


def _finer(one: FuzzyDate, other: FuzzyDate) -> bool:
    return one.has_day and not other.has_day


def _anniversary_of(
    engine: Lookup, q: Question, text: str, today: dt.date
) -> tuple[Answer, FuzzyDate] | None:
    """ "the army's 75th anniversary": the day of the act it counts from, N years on."""
    number = _anniversary_number(fold(text))
    if number is None:
        return None
    act = _dated(engine, q, text, today)  # the first dated of what fits: the act, not a later mark of it
    if act is None or not act[1].has_day or act[1].start.year + number > today.year + 1:
        return None
    day = _on_year(act[1].start, act[1].start.year + number)
    return act[0], FuzzyDate.parse(day.isoformat())


def _anniversary_near(
    text: str, side: tuple[Answer, FuzzyDate], other: FuzzyDate, *, years_named: bool
) -> tuple[Answer, FuzzyDate]:
    """ "trước ngày kỷ niệm thành lập Quân đội": an anniversary with no number is the one in the year of
    the other act, not the day the act it marks took place; so is the day of an act decades before,
    when the question names no year ("chúc mừng trước ngày thành lập Quân đội bao nhiêu ngày": days,
    not the 27 000 since the founding)."""
    answer, date = side
    folded = fold(text)
    if _anniversary_number(folded) is not None:
        return side
    if not ANNIVERSARY_WORDS.search(folded) and (
        years_named or other.start.year - date.start.year < YEARLY_DAY_GAP
    ):
        return side
    if not date.has_day or date.start.year >= other.start.year:
        return side
    return answer, FuzzyDate.parse(_on_year(date.start, other.start.year).isoformat())


def _earliest(engine: Lookup, answer: Answer, lang: Lang, years: list[int] | None = None) -> Answer | None:
    """The answer, or when several facts fit, the one dated first: the act itself rather than a later
    anniversary of it ("lập quan hệ ngoại giao" is 1962, not the 60th anniversary in 2022). Two acts
    of one kind (two meetings) are not one act and its anniversary: the year the question names picks
    one, else neither is."""
    if answer.status is Status.ANSWERED:
        return answer
    if answer.status is not Status.AMBIGUOUS:
        return None
    events = [f for c in answer.candidates if isinstance(f := engine.knowledge.get(c.fact_id), Event)]
    kinds = [e.event_kind for e in events]
    if years is not None and len(kinds) != len(set(kinds)):
        in_year = [e for e in events if e.date is not None and e.date.start.year in (years or [])]
        return engine.answer_fact(in_year[0].id, lang=lang) if len(in_year) == 1 else None
    dated = [
        # the earliest year, and within it the most precise date: an event of 18/7/1977 before an
        # agreement dated only 1977
        (date.start.year, not date.has_day, date.start, c.fact_id)
        for c in answer.candidates
        if (date := _date_of(engine.knowledge.get(c.fact_id))) is not None
    ]
    return engine.answer_fact(min(dated)[3], lang=lang) if dated else None


def _date_of(fact: object) -> FuzzyDate | None:
    """The date a fact happened on, at the precision its source gives."""
    if isinstance(fact, Event):
        return fact.date
    if isinstance(fact, Agreement):
        return fact.signed
    if isinstance(fact, Statement) and fact.year is not None:
        return FuzzyDate.parse(str(fact.year))
    return None


def _holds_post(engine: Lookup, q: Question) -> tuple[Verdict, Official] | None:
    """Whether the official the question names held the post it names, by the articles."""
    post = engine.asked_post(q)
    official = engine.knowledge.official(max(q.officials, key=lambda o: q.officials[o]))
    if post is None or official is None:
        return None
    role, country, qualifiers = post
    names = _name_words(official)
    post = (role, country, [word for word in qualifiers if word not in names])  # "BT Sơn": his name
    positions = official.positions
    span = q.date.span() if q.date is not None else None
    if span is not None:
        # "Was he already deputy minister in September 2022?": the post the articles give him then is
        # the one to check, when they give one
        then = [p for p in positions if p.as_of is not None and span[0] <= p.as_of.start <= span[1]]
        positions = then or positions
    for position in positions:
        # "đại sứ Lào tại Trung Quốc": every country named is the post's or in its title
        others = q.countries - {position.country} - engine.countries_in(position.title_vi)
        if engine.post_fits(position, post) and not others:
            return "yes", official
    return "no", official


def _post_said_of(engine: Lookup, q: Question) -> Question | None:
    """The question cut to the post said of the official it names, when one follows the name ("Was
    Nguyễn Xuân Phúc Prime Minister when he visited Laos" -> "prime minister"); a title before a name
    ("Thủ tướng Phạm Minh Chính thăm Lào") only names him."""
    named = _officials_words(engine, q)
    words = q.canonical.split()
    last = max((i for i, w in enumerate(words) if w in named), default=-1)
    start = last + 1
    while start < len(words) and (words[start] in POST_COPULAS or words[start] in engine.index.country_words):
        start += 1
    post = _POST.match(" ".join(words[start:]))
    after = " ".join(words[last + 1 :])
    if last >= 0 and post is None and (capacity := POST_CAPACITY.search(after)):
        # "… dự tham vấn 2022 với cương vị thứ trưởng": the post named as the capacity he acted in
        start = last + 1 + len(after[: capacity.end()].split())
        post = _POST.match(" ".join(words[start:]))
    if last < 0 or post is None:
        return None
    tail = words[start + len(post.group(0).split()) :]
    kept = list(itertools.takewhile(lambda w: w not in POST_STOPS and w not in FUNCTION_WORDS, tail))
    claimed = " ".join([*words[last + 1 : start], post.group(0), *kept])
    return dataclasses.replace(q, canonical=claimed, countries=frozenset(engine.countries_in(claimed)))


def _from_the_name(engine: Lookup, q: Question) -> Question:
    """The question from the official's name on: "Bộ trưởng Chanwit là Thứ trưởng …?" claims the
    post said after the name; the title before it only names him."""
    named = _officials_words(engine, q)
    words = q.canonical.split()
    first = next((i for i, w in enumerate(words) if w in named), 0)
    if first == 0 or not _POST.search(" ".join(words[first:])):
        return q  # no post said after the name: the one before it is what is claimed
    return dataclasses.replace(q, canonical=" ".join(words[first:]))


def _claims_more(engine: Lookup, q: Question) -> bool:
    """The question says more than a name and a post: "BT Sơn với BT Campuchia có bàn chuyện mở thêm
    cửa khẩu ko?" claims a talk, in which "BT" is how the people are called, not a post claimed."""
    named = _officials_words(engine, q)
    rest = [
        w
        for w in q.canonical.split()
        if w not in named | ROLE_WORDS | CUE_WORDS | FUNCTION_WORDS | EVERYDAY_WORDS
        and w not in engine.index.country_words
        and not w.isdigit()
        and w not in MONTHS_EN
        and w in engine.index.vocabulary
    ]
    return len(rest) >= CLAIM_MORE_WORDS


def _officials_words(engine: Lookup, q: Question) -> set[str]:
    """The words of the names of the officials the question names."""
    officials = (engine.knowledge.official(official_id) for official_id in q.officials)
    return {word for official in officials if official is not None for word in _name_words(official)}


def _name_words(official: Official) -> set[str]:
    """The words of an official's names, without the titles of aliases ("Thứ trưởng Việt")."""
    aliases = {word for alias in official.aliases for word in fold(alias).split()} - ROLE_WORDS
    return set(fold(official.name).split()) | aliases


def _with_verdict(answer: Answer, verdict: Verdict, body: str, lang: Lang) -> Answer:
    text = f"{phrase('verdict_' + verdict, lang)} {body}"
    return dataclasses.replace(answer, text=text, verdict=verdict)

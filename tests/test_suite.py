"""The generated behavioural suite (bot/answering/suite.py): its shape, and the engine's score on it.

`pytest -s tests/test_suite.py` prints the pass rate per style and per capability.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from bot.answering.answers import Status
from bot.answering.engine import Engine
from bot.answering.evaluation import EvalReport, GoldQuestion, Miss, evaluate
from bot.answering.suite import (
    OUT_OF_SCOPE,
    STYLES,
    generate,
    load_templates,
    strip_diacritics,
    suite_report,
    typo,
)
from bot.kb.facts import Event, Official
from bot.kb.knowledge import Knowledge
from bot.kb.loader import load_knowledge

# Every style must pass at least this share of its questions. Measured on 2026-12-02 (1187 questions):
#   vi 228/248 (91.9%), vi-nodiac 228/248 (91.9%), vi-typo 178/195 (91.3%), en 213/248 (85.9%),
#   vi-casual 205/248 (82.7%) -- the worst, so the floor sits a little below it.
# Per capability: figure 100%, signed 100%, out-of-scope 100% (185/185), co-chair 97.0%, visit 94.8%,
#   where 92.3%, statement 88.4%, profile 86.3%, date 83.3%, when 79.9%, agreement 78.4%, agreed 76.7%.
# After the engine's v2 steps (given names, whole names quoted, slots), same day: vi 240/248 (96.8%),
#   vi-nodiac 240/248 (96.8%), vi-casual 236/248 (95.2%), en 227/248 (91.5%), vi-typo 178/195 (91.3%);
#   8 confident wrong. The target is 97 % in every style: not reached yet.
SUITE_MIN = 0.98  # vi-casual 244/248 (98.4%) is the lowest style now: every style is past the 97 % target
# Confident wrong answers on the suite today (listed by the test on failure); may only go down.
MAX_CONFIDENT_WRONG = 0

MINI = Path(__file__).resolve().parent / "fixtures" / "mini"


def describe(misses: list[Miss]) -> str:
    return "\n".join(
        f"  ({m.gold.lang}, {m.gold.capability}) {m.gold.q!r}: expected {m.gold.status.value} "
        f"{m.gold.facts}, got {m.answer.status.value} {list(m.answer.facts)}"
        for m in misses
    )


def rates(report: EvalReport, prefix: str) -> dict[str, float]:
    return {
        tag.removeprefix(prefix): right / total
        for tag, (right, total) in report.tags.items()
        if tag.startswith(prefix)
    }


@pytest.fixture(scope="module")
def suite(knowledge: Knowledge) -> list[GoldQuestion]:
    return generate(knowledge)


@pytest.fixture(scope="module")
def mini() -> Knowledge:
    result = load_knowledge(MINI / "knowledge", MINI / "seeds")
    assert result.knowledge is not None, "\n".join(str(p) for p in result.problems)
    return result.knowledge


# ------------------------------------------------------------------------------------ the engine's score


def test_every_style_passes_the_floor_with_no_more_confident_wrong_answers(
    engine: Engine, suite: list[GoldQuestion]
) -> None:
    report = evaluate(engine, suite)
    print(f"\ngenerated suite: {len(suite)} questions\n{report.summary()}\n{report.breakdown()}")
    styles = rates(report, "lang:")
    assert set(styles) == set(STYLES)
    low = {style: f"{rate:.1%}" for style, rate in styles.items() if rate < SUITE_MIN}
    assert not low, f"styles below {SUITE_MIN:.1%}: {low}\n" + describe(report.misses)
    wrong = [m for m in report.misses if m.confident_wrong]
    assert len(wrong) <= MAX_CONFIDENT_WRONG, "confident wrong answers:\n" + describe(wrong)
    assert report.abstention == 1.0, "answered an out-of-scope probe:\n" + describe(
        [m for m in report.misses if m.gold.status == Status.NOT_FOUND]
    )


def test_suite_report_gives_the_breakdown(knowledge: Knowledge, engine: Engine) -> None:
    text = suite_report(knowledge, engine)
    assert "generated suite:" in text
    for style in STYLES:
        assert f"lang:{style}" in text
    assert f"capability:{OUT_OF_SCOPE}" in text


# ------------------------------------------------------------------------------------ the suite's shape


def test_every_fact_kind_is_asked_about_in_every_style(suite: list[GoldQuestion]) -> None:
    by_capability = Counter(q.capability for q in suite)
    for capability in (
        "when",
        "where",
        "co-chair",
        "agreed",
        "visit",
        "profile",
        "agreement",
        "signed",
        "figure",
        "statement",
        "date",
        OUT_OF_SCOPE,
    ):
        assert by_capability[capability] > 0, capability
    by_style = Counter(q.lang for q in suite)
    assert set(by_style) == set(STYLES)
    assert len(suite) >= 500


def test_every_official_and_every_round_is_covered(knowledge: Knowledge, suite: list[GoldQuestion]) -> None:
    asked = {fact for q in suite for fact in q.facts}
    for official in knowledge.of_kind(Official):
        assert official.id in asked, official.id
    for event in knowledge.of_kind(Event):
        if event.round is not None and (event.date is not None or event.place is not None):
            assert event.id in asked, event.id


def test_out_of_scope_probes_expect_no_answer(suite: list[GoldQuestion]) -> None:
    probes = [q for q in suite if q.capability == OUT_OF_SCOPE]
    assert probes
    assert all(q.status == Status.NOT_FOUND and not q.facts for q in probes)
    assert all(q.status != Status.NOT_FOUND for q in suite if q.capability != OUT_OF_SCOPE)
    text = " ".join(q.q for q in probes)
    assert "1950" in text  # no fact of the base mentions 1950
    for person in load_templates().unknown_people:
        assert person in text


def test_generation_is_deterministic(knowledge: Knowledge, suite: list[GoldQuestion]) -> None:
    assert generate(knowledge) == suite


def test_questions_carry_no_fact_id(knowledge: Knowledge, suite: list[GoldQuestion]) -> None:
    ids = [fact.id for fact in knowledge.facts if "-" in fact.id]  # a one-word id is an ordinary word
    for q in suite:
        lowered = q.q.lower()
        assert not [i for i in ids if i in lowered], q.q


def test_questions_are_unique_and_every_expected_fact_exists(
    knowledge: Knowledge, suite: list[GoldQuestion]
) -> None:
    assert len({q.q for q in suite}) == len(suite)
    for q in suite:
        assert all(knowledge.get(fact) is not None for fact in q.facts), q


def test_styles_look_like_their_names(suite: list[GoldQuestion]) -> None:
    for q in suite:
        if q.lang == "vi-nodiac":
            assert strip_diacritics(q.q) == q.q, q.q
            assert "đ" not in q.q.lower()
    casual = " ".join(q.q for q in suite if q.lang == "vi-casual")
    for marker in ("vậy", "thế", "nhỉ", "á", "hả", "ko", "bn", "VN"):
        assert re.search(rf"(?<!\w){marker}(?!\w)", casual), marker
    assert "Bộ trưởng Sơn" in casual  # title + given name: the last word of a Vietnamese name


def test_a_typo_changes_one_word_of_five_letters_or_more_and_never_a_number(
    suite: list[GoldQuestion],
) -> None:
    skip = load_templates().typo_skip
    for q in (q for q in suite if q.lang == "vi"):
        misspelt = typo(q.q, [], skip)
        if misspelt is None:
            continue
        before, after = q.q.split(" "), misspelt.split(" ")
        assert len(before) == len(after)
        changed = [(b, a) for b, a in zip(before, after, strict=True) if b != a]
        assert len(changed) == 1, (q.q, misspelt)
        word, wrong = changed[0]
        assert not re.search(r"\d", word)
        letters = re.sub(r"\W", "", word)
        assert len(letters) >= 5
        assert len(wrong) in (len(word), len(word) - 1)
        assert typo(q.q, [], skip) == misspelt  # deterministic


def test_typo_and_diacritics_helpers() -> None:
    assert strip_diacritics("Đỗ Hùng Việt đồng chủ trì") == "Do Hung Viet dong chu tri"
    assert typo("lần 8 năm 2021", []) is None  # nothing long enough, numbers never touched
    misspelt = typo("Saleumxay Kommasith thăm Việt Nam khi nào?", ["Saleumxay Kommasith"])
    assert misspelt is not None and misspelt.endswith("thăm Việt Nam khi nào?")
    assert misspelt.split()[:2] != ["Saleumxay", "Kommasith"]


# ------------------------------------------------------------------------------------ another base


def test_the_generator_runs_on_another_base(mini: Knowledge) -> None:
    questions = generate(mini)
    assert generate(mini) == questions
    assert {q.lang for q in questions} == set(STYLES)
    capabilities = {q.capability for q in questions}
    assert {"when", "co-chair", "profile", "date", OUT_OF_SCOPE} <= capabilities
    rounds = {q.q for q in questions if q.capability == OUT_OF_SCOPE and q.lang == "vi"}
    assert any("lần thứ 7" in text for text in rounds)  # max round 2 + 5
    ids = [fact.id for fact in mini.facts]
    assert not [q.q for q in questions if any(i in q.q.lower() for i in ids)]
    report = evaluate(Engine(mini), questions)
    print(f"\nmini base: {report.summary()}\n{report.breakdown()}")
    assert report.total == len(questions)

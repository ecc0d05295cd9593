"""The gold question set: at least 95 % right and not one confident wrong answer."""

from __future__ import annotations

from pathlib import Path

from bot.answering.engine import Engine
from bot.answering.evaluation import Miss, evaluate, load_gold

GOLD = Path(__file__).resolve().parent.parent / "knowledge" / "checks" / "questions.yaml"


def describe(misses: list[Miss]) -> str:
    return "\n".join(
        f"{m.gold.q!r}: expected {m.gold.status.value} {m.gold.facts}, got {m.answer.status.value} "
        f"{list(m.answer.facts)}"
        for m in misses
    )


def test_the_gold_set_is_large_varied_and_has_traps() -> None:
    questions = load_gold(GOLD)
    assert len(questions) >= 200
    out_of_scope = [q for q in questions if q.status.value == "not_found"]
    assert len(out_of_scope) >= 0.2 * len(questions)
    assert sum(q.status.value == "ambiguous" for q in questions) >= 10
    assert sum(q.lang == "en" for q in questions) >= 0.15 * len(questions)


def test_gold_accuracy_is_at_least_95_percent_with_no_confident_wrong_answer(engine: Engine) -> None:
    report = evaluate(engine, load_gold(GOLD))
    wrong = [m for m in report.misses if m.confident_wrong]
    assert not wrong, "confident wrong answers:\n" + describe(wrong)
    assert report.accuracy >= 0.95, report.summary() + "\n" + describe(report.misses)

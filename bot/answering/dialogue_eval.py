"""Scoring multi-turn dialogues (`knowledge/checks/dialogues.yaml`).

Each dialogue is a list of turns; each turn has the message (`q`) and what the bot must do:
`status` (`answered`, `ambiguous`, `not_found`, or `clarify` for a question back such as "Bạn
hỏi về cuộc họp nào?") and, optionally, `facts`: the fact ids that are right (for `answered` and
`not_found` the answer's first fact must be one of them; for `ambiguous` every one must be among the
candidates). A turn is confidently wrong when the bot answers (`answered`) where it should not have,
or answers with a fact that is not one of the right ones. Turns run through `Dialogue` exactly as
in Telegram: the context a turn leaves is the next turn's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.answering.answers import Status
from bot.answering.dialogue import Context, Dialogue
from bot.answering.engine import Engine

STATUSES = frozenset({"answered", "ambiguous", "not_found", "clarify"})
TODAY = dt.date(2026, 12, 2)  # a fixed day: "năm nay" and counts of years do not drift


class DialogueFileError(ValueError):
    pass


@dataclass(frozen=True)
class ExpectedTurn:
    q: str
    status: str
    facts: tuple[str, ...] = ()


@dataclass(frozen=True)
class DialogueCase:
    name: str
    turns: tuple[ExpectedTurn, ...]


@dataclass
class DialogueReport:
    dialogues: int = 0
    dialogues_passed: int = 0
    turns: int = 0
    turns_passed: int = 0
    confident_wrong: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def turn_rate(self) -> float:
        return self.turns_passed / self.turns if self.turns else 0.0

    @property
    def dialogue_rate(self) -> float:
        return self.dialogues_passed / self.dialogues if self.dialogues else 0.0

    def summary(self) -> str:
        return (
            f"dialogues {self.dialogues_passed}/{self.dialogues} ({self.dialogue_rate:.1%}) fully right; "
            f"turns {self.turns_passed}/{self.turns} ({self.turn_rate:.1%}); "
            f"confident-wrong {self.confident_wrong}"
        )


def load_dialogues(path: Path) -> list[DialogueCase]:
    try:
        raw: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DialogueFileError(f"{path}: {exc}") from exc
    items = raw.get("dialogues") if isinstance(raw, dict) else None
    if not isinstance(items, list):
        raise DialogueFileError(f"{path}: expected a top-level `dialogues:` list")
    cases = []
    for number, item in enumerate(items, start=1):
        name = str(item.get("name", f"#{number}")) if isinstance(item, dict) else f"#{number}"
        turns = item.get("turns") if isinstance(item, dict) else None
        if not isinstance(turns, list) or not turns:
            raise DialogueFileError(f"{path}: dialogue {name}: `turns` must be a non-empty list")
        parsed = []
        for index, turn in enumerate(turns, start=1):
            if not isinstance(turn, dict) or not isinstance(turn.get("q"), str):
                raise DialogueFileError(f"{path}: dialogue {name} turn {index}: needs `q`")
            status = turn.get("status")
            if status not in STATUSES:
                raise DialogueFileError(
                    f"{path}: dialogue {name} turn {index}: status must be one of {sorted(STATUSES)}"
                )
            facts = turn.get("facts", [])
            if isinstance(facts, str):
                facts = [facts]
            parsed.append(ExpectedTurn(turn["q"], str(status), tuple(str(f) for f in facts)))
        cases.append(DialogueCase(name, tuple(parsed)))
    return cases


def run_dialogues(engine: Engine, cases: list[DialogueCase], *, today: dt.date = TODAY) -> DialogueReport:
    report = DialogueReport()
    dialogue = Dialogue(engine)
    for case in cases:
        context: Context | None = None
        ok = True
        for number, expected in enumerate(case.turns, start=1):
            turn = dialogue.turn(expected.q, context, today=today)
            context = turn.context or context
            answer = turn.answer
            got = "clarify" if turn.kind == "clarify" else answer.status.value
            right, wrong = _judge(expected, got, answer.facts, tuple(c.fact_id for c in answer.candidates))
            report.turns += 1
            report.turns_passed += right
            if wrong:
                report.confident_wrong += 1
            if not right:
                ok = False
                lead = answer.facts[0] if answer.facts else "-"
                report.misses.append(
                    f"{case.name} turn {number} {expected.q!r}: expected {expected.status} "
                    f"{list(expected.facts)}, got {got} {lead}{' (CONFIDENT WRONG)' if wrong else ''}"
                )
        report.dialogues += 1
        report.dialogues_passed += ok
    return report


def _judge(
    expected: ExpectedTurn, got: str, facts: tuple[str, ...], candidates: tuple[str, ...]
) -> tuple[bool, bool]:
    """(right, confidently wrong) for one turn."""
    lead_ok = not expected.facts or (bool(facts) and facts[0] in expected.facts)
    if got == Status.ANSWERED.value:
        wrong = expected.status != "answered" or not lead_ok
        return (not wrong, wrong)
    if got != expected.status:
        return (False, False)
    if got == Status.AMBIGUOUS.value:
        return (set(expected.facts) <= set(candidates), False)
    if got == Status.NOT_FOUND.value and expected.facts:
        return (lead_ok, False)
    return (True, False)

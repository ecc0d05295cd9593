"""Run a gold question set through an engine and score it.

A question is right when the status matches and, for an answer, the fact the
answer leads with is one the set accepts (or, with `all: true`, every listed fact
is in the answer), every `expect` string is in the answer's text (compared folded:
no case, no tone marks), and a yes/no question's `verdict` is the answer's. A
confident wrong answer is any `answered` reply that is not right: the worst
outcome, counted on its own. Questions are asked on `today` (default
`EVAL_TODAY`), so relative questions score the same every day.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Literal, Protocol

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from bot.answering.answers import Answer, Status
from bot.nlu.text import fold

EVAL_TODAY = dt.date(2026, 12, 2)  # the day every question set is asked on, unless it says `today`


class Answerer(Protocol):
    def answer(self, question: str, *, today: dt.date | None = None) -> Answer: ...


class Expected(StrEnum):
    """What a question set may expect (an engine error is never a right answer); equal to the
    `Status` of the same name."""

    ANSWERED = "answered"
    AMBIGUOUS = "ambiguous"
    NOT_FOUND = "not_found"


class GoldQuestion(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    q: str = Field(min_length=1)
    status: Expected
    facts: list[str] = Field(default_factory=list)
    all: bool = False
    lang: str | None = None
    capability: str | None = None
    expect: list[str] = Field(default_factory=list)
    verdict: Literal["yes", "no"] | None = None
    today: dt.date | None = None
    note: str | None = None

    @field_validator("verdict", mode="before")
    @classmethod
    def _yaml_yes_no(cls, value: object) -> object:
        # YAML 1.1 reads an unquoted `verdict: no` as false: the writer meant the word
        return {True: "yes", False: "no"}.get(value, value) if isinstance(value, bool) else value


class GoldSet(BaseModel):
    model_config = ConfigDict(extra="forbid")

    questions: list[GoldQuestion]


class GoldFileError(ValueError):
    """A question set that cannot be used; `problems` are `file:line[:column]: message` lines, all of them."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = list(problems)


def load_gold(path: Path) -> list[GoldQuestion]:
    """The questions of a question set file, or `GoldFileError` naming every problem and where it is:
    a missing file, YAML syntax (line and column), a question's bad field (its index and line)."""
    from bot.kb.loader import LineMap, load_yaml, yaml_error_problem

    name = str(path)
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise GoldFileError([f"{name}: question set not found"]) from None
    except OSError as exc:
        raise GoldFileError([f"{name}: cannot read the question set ({exc.strerror or exc})"]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise GoldFileError([f"{name}:1: not UTF-8 text ({exc.reason} at byte {exc.start})"]) from None
    try:
        data = load_yaml(text)
    except yaml.YAMLError as exc:
        raise GoldFileError([str(yaml_error_problem(name, exc))]) from None
    lines = LineMap(text)
    if not isinstance(data, dict) or "questions" not in data:
        raise GoldFileError([f"{name}:1: a question set has a top-level key `questions:` (a list)"])
    problems = [
        f"{name}:{lines.line_of([key])}: unknown top-level key `{key}` (only `questions:`)"
        for key in data
        if key != "questions"
    ]
    items = data["questions"]
    if not isinstance(items, list):
        problems.append(f"{name}:{lines.line_of(['questions'])}: `questions:` must be a list")
        raise GoldFileError(problems)
    questions: list[GoldQuestion] = []
    for index, item in enumerate(items):
        try:
            questions.append(GoldQuestion.model_validate(item))
        except ValidationError as exc:
            for error in exc.errors():
                field = ".".join(str(part) for part in error["loc"])
                where = f" field `{field}`" if field else ""
                line = lines.line_of(["questions", index, *error["loc"]])
                problems.append(f"{name}:{line}: question #{index + 1}{where}: {error['msg']}")
    if problems:
        raise GoldFileError(problems)
    return questions


@dataclass(frozen=True)
class Miss:
    gold: GoldQuestion
    answer: Answer

    @property
    def confident_wrong(self) -> bool:
        return self.answer.status is Status.ANSWERED


@dataclass
class EvalReport:
    total: int = 0
    answerable: int = 0
    answerable_right: int = 0
    out_of_scope: int = 0
    abstained: int = 0
    right: int = 0
    misses: list[Miss] = field(default_factory=list)
    # (right, total) per tag: "lang:vi", "capability:list", ...
    tags: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 1.0

    @property
    def answerable_accuracy(self) -> float:
        return self.answerable_right / self.answerable if self.answerable else 1.0

    @property
    def abstention(self) -> float:
        return self.abstained / self.out_of_scope if self.out_of_scope else 1.0

    @property
    def confident_wrong(self) -> int:
        return sum(1 for miss in self.misses if miss.confident_wrong)

    def summary(self) -> str:
        return (
            f"{self.right}/{self.total} right ({self.accuracy:.1%}); "
            f"answerable {self.answerable_right}/{self.answerable} ({self.answerable_accuracy:.1%}); "
            f"abstained on {self.abstained}/{self.out_of_scope} out-of-scope ({self.abstention:.1%}); "
            f"confident-wrong {self.confident_wrong}"
        )

    def breakdown(self) -> str:
        """One line per tag: `lang:vi 40/42 (95.2%)`."""
        return "\n".join(
            f"  {tag:28} {right}/{total} ({right / total:.1%})"
            for tag, (right, total) in sorted(self.tags.items())
        )


def is_right(gold: GoldQuestion, answer: Answer) -> bool:
    if answer.status.value != gold.status.value:
        return False
    if gold.status is Expected.NOT_FOUND:
        return True
    if gold.status is Expected.AMBIGUOUS:
        offered = {c.fact_id for c in answer.candidates}
        return set(gold.facts) <= offered
    if gold.all:
        found = set(gold.facts) <= set(answer.facts)
    else:
        found = bool(answer.facts) and answer.facts[0] in gold.facts
    text = fold(answer.text)
    return (
        found
        and all(fold(expected) in text for expected in gold.expect)
        and (gold.verdict is None or answer.verdict == gold.verdict)
    )


def evaluate(engine: Answerer, questions: Sequence[GoldQuestion]) -> EvalReport:
    report = EvalReport()
    for gold in questions:
        answer = engine.answer(gold.q, today=gold.today or EVAL_TODAY)
        right = is_right(gold, answer)
        report.total += 1
        for tag in (f"lang:{gold.lang}", f"capability:{gold.capability}"):
            if not tag.endswith(":None"):
                report.tags[tag][0] += right
                report.tags[tag][1] += 1
        if gold.status is Expected.NOT_FOUND:
            report.out_of_scope += 1
            report.abstained += answer.status is Status.NOT_FOUND
        else:
            report.answerable += 1
            report.answerable_right += right
        if right:
            report.right += 1
        else:
            report.misses.append(Miss(gold, answer))
    return report

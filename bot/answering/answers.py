"""The answer object every front end renders: status, text, facts, sources.

`Answer.to_json()` is the CLI contract (`python -m bot ask --json`); keep its
keys stable.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Literal

Lang = Literal["vi", "en"]


class Status(StrEnum):
    ANSWERED = "answered"
    AMBIGUOUS = "ambiguous"
    NOT_FOUND = "not_found"
    ERROR = "error"  # the engine failed on this question; only an adapter (CLI, terminal) reports it


@dataclass(frozen=True)
class SourceRef:
    seed: str | None  # None for a background fact
    quote: str  # verbatim from the seed, or the public reference for a background fact


@dataclass(frozen=True)
class Candidate:
    """One of the facts that fit a question equally well; the user picks."""

    fact_id: str
    label: str


def failed(question: str, lang: Lang, text: str) -> Answer:
    """What an adapter shows when the engine raised: a polite sentence, nothing cited."""
    return Answer(question, Status.ERROR, text, lang)


@dataclass(frozen=True)
class Answer:
    question: str
    status: Status
    text: str
    lang: Lang
    facts: tuple[str, ...] = ()
    sources: tuple[SourceRef, ...] = ()
    score: float = 0.0
    candidates: tuple[Candidate, ...] = ()
    verdict: Literal["yes", "no"] | None = None  # a yes/no question's answer
    # the fact asked about is found but its article does not give what was asked ("bài viết không
    # nêu tên"): an answer for the user, and a gap for curators (logged with the unanswered)
    not_stated: bool = False
    examples: tuple[str, ...] = field(default=(), compare=False)

    def to_json(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "status": self.status.value,
            "text": self.text,
            "facts": list(self.facts),
            "sources": [{"seed": s.seed, "quote": s.quote} for s in self.sources],
            "score": round(self.score, 3),
            "candidates": [{"fact_id": c.fact_id, "label": c.label} for c in self.candidates],
            "lang": self.lang,
            "verdict": self.verdict,
            "not_stated": self.not_stated,
        }

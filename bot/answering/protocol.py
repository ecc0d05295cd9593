"""What the engine's helpers (claims, compound questions, lists) may ask of the engine: the plain
lookup and the pieces they compose answers from. A protocol, so the helpers never import the engine
that uses them.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from bot.answering.answers import Answer, Lang
from bot.answering.retrieval import Retrieval, Scored
from bot.kb.facts import Agreement, Event, Position
from bot.kb.knowledge import AnyFact, Knowledge
from bot.nlu.understanding import EntityIndex, Question
from bot.render.text import Renderer


class Lookup(Protocol):
    knowledge: Knowledge
    index: EntityIndex
    render: Renderer
    retrieval: Retrieval

    def lookup(self, question: str, lang: Lang, today: dt.date) -> Answer:
        """The plain answer, reading no claim, count of years or second entity into the question."""
        ...

    def answer(self, question: str, *, lang: Lang | None = None, today: dt.date | None = None) -> Answer:
        """The whole answer: claims, counts and all."""
        ...

    def answer_fact(self, fact_id: str, *, lang: Lang = "vi") -> Answer: ...

    def examples(self, lang: Lang) -> list[str]:
        """Questions the base can answer, to suggest."""
        ...

    def read(self, question: str, lang: Lang, today: dt.date) -> Question:
        """What a question asks, as the engine reads it."""
        ...

    def asked_post(self, q: Question) -> tuple[str, str | None, list[str]] | None: ...

    def title_fits(self, title_vi: str, role: str, qualifiers: list[str]) -> bool: ...

    def post_fits(self, position: Position, post: tuple[str, str | None, list[str]]) -> bool: ...

    def asked_slots(self, q: Question, event: Event) -> list[str]:
        """The event's slots (when, where, who, occasion, what) the question asks about."""
        ...

    def render_date(self, day: dt.date, lang: Lang) -> str: ...

    def names_signers(self, agreement: Agreement) -> bool:
        """Its record tells who signed it, naming officials of the base."""
        ...

    def rounds_of(self, series_id: str) -> list[Event]:
        """The events of a mechanism, by round."""
        ...

    def countries_in(self, text: str) -> set[str]:
        """The countries a text names (ISO codes)."""
        ...

    # the pieces an answer is composed of
    def respond(self, q: Question, fact: AnyFact, score: float) -> Answer:
        """The answer the one fact chosen gives to the question."""
        ...

    def answered(self, question: str, facts: list[AnyFact], body: str, lang: Lang, score: float) -> Answer:
        """An answer of a body the caller wrote, with its footnotes and sources."""
        ...

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
        """What the base lacks, said so, with example questions."""
        ...

    def ambiguous(self, q: Question, ties: list[Scored]) -> Answer:
        """The question back: which of the facts that fit alike is meant."""
        ...

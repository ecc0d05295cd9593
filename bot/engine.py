"""Answer engine (stub; being written): question in, `Answer` out."""

from __future__ import annotations

import datetime as dt

from bot.answers import Answer, Lang, Status
from bot.knowledge import Knowledge


class Engine:
    def __init__(self, knowledge: Knowledge) -> None:
        self.knowledge = knowledge

    def answer(self, question: str, *, lang: Lang | None = None, today: dt.date | None = None) -> Answer:
        return Answer(question, Status.NOT_FOUND, "Tôi chưa biết.", lang or "vi")

    def answer_fact(self, fact_id: str, *, lang: Lang = "vi") -> Answer:
        return Answer(fact_id, Status.NOT_FOUND, "Tôi chưa biết.", lang)

    def examples(self, lang: Lang) -> list[str]:
        return []

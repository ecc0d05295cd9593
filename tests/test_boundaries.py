"""The engine raises; only the adapters turn a failure into an apology and a log line with the question."""

from __future__ import annotations

import logging

import pytest

from bot.answering.answers import Status
from bot.answering.engine import Engine
from bot.cli.boundary import answer_or_apology


class Broken(Engine):
    def _answer(self, text: str, lang: object, today: object) -> object:  # type: ignore[override]
        raise RuntimeError("sabotage")


def test_the_engine_lets_its_errors_out(engine: Engine) -> None:
    broken = Broken(engine.knowledge)
    with pytest.raises(RuntimeError, match="sabotage"):
        broken.answer("Tham vấn chính trị lần 8 diễn ra khi nào?")


def test_the_cli_boundary_apologises_and_logs_the_question(
    engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    broken = Broken(engine.knowledge)
    with caplog.at_level(logging.ERROR):
        answer = answer_or_apology(broken, "When was the 8th consultation?")
    assert answer.status is Status.ERROR and answer.lang == "en" and "Sorry" in answer.text
    assert "When was the 8th consultation?" in caplog.text

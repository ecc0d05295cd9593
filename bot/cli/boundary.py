"""The adapter boundary of the command line and the terminal: the engine raises (so tests see every
failure); here a failure becomes an apology and a log line with the question, so one bad question
never ends a session or a piped batch."""

from __future__ import annotations

import datetime as dt
import logging

from bot.answering.answers import Answer, Lang, failed
from bot.answering.engine import Engine
from bot.nlu.understanding import detect_language
from bot.render.catalog import t

log = logging.getLogger(__name__)


def answer_or_apology(
    engine: Engine, question: str, *, lang: Lang | None = None, today: dt.date | None = None
) -> Answer:
    """The engine's answer, or an apology (status `error`) when it raises."""
    try:
        return engine.answer(question, lang=lang, today=today)
    except Exception:
        log.exception("the engine failed on the question %r", question)
        reply_lang = lang or detect_language(question)
        return failed(question, reply_lang, t("error", reply_lang))

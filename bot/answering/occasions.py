"""Questions about anniversaries: "Hôm nay có ngày kỷ niệm nào?", "anniversaries coming up this week?".

They are answered from the same calendar as the channels' daily posts (`bot.anniversaries.dates`),
against the injected "today": today's anniversaries, or those of the coming days (a week, or a month
when the question says so). A day with none says so and shows what is coming.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Final

from bot.anniversaries.dates import anniversaries_on, render_post, render_upcoming, upcoming
from bot.answering.answers import Answer, Status
from bot.answering.protocol import Lookup
from bot.nlu.lexicon import ANNIVERSARY_ASKED, SOON_ASKED, THIS_MONTH_ASKED
from bot.nlu.understanding import Question
from bot.render.text import phrase

WEEK: Final = 7
MONTH: Final = 31


def asks_about_anniversaries(q: Question) -> bool:
    """An anniversary cue with today, or with the coming days ("sắp tới", "this week")."""
    today = q.date is not None and q.date.relative
    return bool(ANNIVERSARY_ASKED.search(q.canonical)) and (today or bool(SOON_ASKED.search(q.canonical)))


def answer(engine: Lookup, q: Question, today: dt.date) -> Answer:
    knowledge = engine.knowledge
    days = MONTH if THIS_MONTH_ASKED.search(q.canonical) else WEEK
    on_the_day = anniversaries_on(today, knowledge) if not SOON_ASKED.search(q.canonical) else []
    if on_the_day:
        text = render_post(on_the_day, q.lang)
        fact_ids = [a.fact_id for a in on_the_day]
    else:
        soon = bool(SOON_ASKED.search(q.canonical))
        coming = upcoming(today, days if soon else MONTH, knowledge)
        text = render_upcoming(coming, q.lang)
        if not soon:  # asked about today, and today has none: say so, then what is coming
            text = phrase("no_anniversary_today", q.lang) + "\n\n" + text
        fact_ids = [a.fact_id for a in coming.days] + [m.fact_id for m in coming.months]
    cited = [engine.answer_fact(i, lang=q.lang) for i in dict.fromkeys(fact_ids)]
    if not cited:
        return Answer(q.text, Status.NOT_FOUND, text, q.lang)
    sources = tuple(dict.fromkeys(s for c in cited for s in c.sources))
    facts = tuple(f for c in cited for f in c.facts)
    return dataclasses.replace(cited[0], question=q.text, text=text, facts=facts, sources=sources)

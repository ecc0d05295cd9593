"""The terminal session: the same answer engine as the Telegram bot, without a token.

`python -m bot` with no `TELEGRAM_BOT_TOKEN` lands here. Interactive: a prompt, each
answer with its source, `/quit` (or Ctrl-D, Ctrl-C) to leave. With stdin not a terminal
(`echo "..." | python -m bot`), every input line is answered in turn and the greeting
goes to stderr, so stdout holds only the answers.
"""

from __future__ import annotations

import datetime as dt
import sys
from typing import TextIO

from bot.answering.answers import Answer, Lang, Status
from bot.answering.dialogue import Context, Dialogue
from bot.app.service import KnowledgeLoadError, KnowledgeService
from bot.app.settings import Settings
from bot.cli.boundary import answer_or_apology
from bot.render.catalog import t


def banner(subject: str) -> str:
    # The language is not known yet when the banner shows: the set-up in English, the hint in Vietnamese.
    return f"{t('terminal_banner', 'en', subject=subject)}\n{t('terminal_hint', 'vi')}"


QUIT = frozenset({"/quit", "/exit", "/q", "quit", "exit"})


class TerminalSession:
    """One conversation: remembers the language choice and the context of the conversation (the last
    question, the facts answered, an ambiguous answer's candidates), as the Telegram bot does."""

    def __init__(
        self,
        service: KnowledgeService,
        *,
        timezone: dt.tzinfo | None = None,
        context_ttl: dt.timedelta = dt.timedelta(minutes=15),
    ) -> None:
        self.service = service
        self.timezone = timezone
        self.lang: Lang | None = None
        self.candidates: list[str] = []
        # the conversation so far, in memory: follow-ups ("ai đồng chủ trì?") and choices ("2")
        self.context: Context | None = None
        self.context_ttl = context_ttl

    def respond(self, line: str) -> str | None:
        """The reply to one input line; None means the user wants to leave."""
        text = line.strip()
        if not text:
            return ""
        if text.lower() in QUIT:
            return None
        if text.startswith("/help"):
            return self._help()
        if text.startswith("/lang"):
            return self._set_lang(text.removeprefix("/lang").strip().lower())
        engine = self.service.engine
        now = dt.datetime.now(dt.UTC)
        if self.context is not None and self.context.expired(now, self.context_ttl):
            self.context = None
        today = dt.datetime.now(self.timezone).date()
        try:
            turn = Dialogue(engine).turn(text, self.context, lang=self.lang, today=today, now=now)
        except Exception:
            # the boundary logs the failure with the question and words the apology
            answer = answer_or_apology(engine, text, lang=self.lang, today=today)
        else:
            answer = turn.answer
            self.context = turn.context or self.context
        self.candidates = [c.fact_id for c in answer.candidates] if answer.status is Status.AMBIGUOUS else []
        return format_answer(answer)

    def _help(self) -> str:
        lang = self.lang or "vi"
        knowledge = self.service.knowledge
        counts = ", ".join(f"{n} {kind}" for kind, n in sorted(knowledge.counts().items()))
        lines = [
            t("terminal_facts", lang, facts=len(knowledge.facts), counts=counts, version=knowledge.version)
        ]
        examples = self.service.engine.examples(lang)[:3]
        if examples:
            lines.append(t("terminal_examples", lang))
            lines += [f"  • {e}" for e in examples]
        lines.append(t("terminal_commands", lang))
        return "\n".join(lines)

    def _set_lang(self, choice: str) -> str:
        if choice in ("vi", "en"):
            self.lang = "vi" if choice == "vi" else "en"
            return t("terminal_lang_set", self.lang)
        if choice == "auto":
            self.lang = None
            return t("terminal_lang_auto", "vi")
        return t("terminal_lang_usage", self.lang or "vi")


def format_answer(answer: Answer) -> str:
    """Plain text: the answer, then its sources (or the numbered candidates)."""
    lines = [answer.text]
    if answer.status is Status.AMBIGUOUS and answer.candidates:
        lines += [f"  {index}. {c.label}" for index, c in enumerate(answer.candidates, start=1)]
        lines.append(f"  {t('terminal_pick_number', answer.lang)}")
    source = t("source_title", answer.lang)
    for ref in answer.sources:
        where = ref.seed if ref.seed else t("public_reference", answer.lang)
        lines.append(f"  {source}: {where} — “{' '.join(ref.quote.split())}”")
    return "\n".join(lines)


def run_terminal(
    settings: Settings,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """The interactive (or piped) session; returns the process exit code."""
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    try:
        service = KnowledgeService.from_settings(settings)
    except KnowledgeLoadError as exc:
        for problem in exc.problems:
            print(problem, file=stderr)
        print(
            f"The fact base in {settings.knowledge_dir} does not load; nothing to answer from.", file=stderr
        )
        return 1
    interactive = stdin.isatty()
    print(banner(service.engine.subject("en")), file=stdout if interactive else stderr, flush=True)
    session = TerminalSession(
        service, timezone=settings.tz, context_ttl=dt.timedelta(minutes=settings.context_ttl_minutes)
    )
    try:
        while True:
            if interactive:
                try:
                    line = input("❓ ")
                except EOFError:
                    print(file=stdout)
                    break
            else:
                line = stdin.readline()
                if not line:
                    break
            reply = session.respond(line)
            if reply is None:
                break
            if reply:
                print(reply, file=stdout, flush=True)
                if interactive:
                    print(file=stdout)
    except KeyboardInterrupt:
        print(file=stdout)
    if interactive:
        print(t("terminal_bye", session.lang or "vi"), file=stdout)
    return 0

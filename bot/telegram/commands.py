"""The one table of bot commands.

Each row drives four things, so they cannot drift apart: the `CommandHandler`
registered in `bot.telegram.app`, the command menu sent with `setMyCommands`
(Vietnamese, English and the default; admin rows only in each admin's own chat),
the command list in `/help`, and the README's "Telegram commands" section
(`readme_command_list`, checked by the tests).
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from telegram import BotCommand

from bot.answering.answers import Lang
from bot.telegram import handlers
from bot.telegram.anniversary_jobs import ANNIVERSARY_COMMANDS

if TYPE_CHECKING:
    from telegram import Update

    from bot.telegram.state import BotContext

HandlerCallback = Callable[["Update", "BotContext"], Coroutine[Any, Any, None]]


@dataclass(frozen=True)
class Command:
    name: str
    description_vi: str
    description_en: str
    handler: HandlerCallback
    admin: bool = False
    args: str = ""  # how the arguments are written, for /help and the README

    def description(self, lang: Lang) -> str:
        return self.description_vi if lang == "vi" else self.description_en

    def usage(self) -> str:
        return f"/{self.name} {self.args}".rstrip()


COMMANDS: Final[tuple[Command, ...]] = (
    Command("start", "Bắt đầu và xem giới thiệu", "Start and see what the bot does", handlers.cmd_start),
    Command(
        "help",
        "Bot biết gì, câu hỏi mẫu, các lệnh",
        "What the bot knows, example questions, commands",
        handlers.cmd_help,
    ),
    Command(
        "ask",
        "Hỏi một câu (dùng trong nhóm)",
        "Ask a question (for groups)",
        handlers.cmd_ask,
        args="<câu hỏi | question>",
    ),
    Command(
        "official",
        "Hồ sơ một quan chức",
        "Profile of an official",
        handlers.cmd_official,
        args="<tên | name>",
    ),
    Command("on", "Sự kiện vào một ngày", "What happened on a date", handlers.cmd_on, args="DD/MM[/YYYY]"),
    Command(
        "timeline",
        "Dòng thời gian của một người hoặc cơ chế",
        "Timeline of a person or a series",
        handlers.cmd_timeline,
        args="[tên | name]",
    ),
    Command(
        "lang",
        "Chọn ngôn ngữ trả lời (vi, en, auto)",
        "Choose the reply language (vi, en, auto)",
        handlers.cmd_lang,
        args="vi|en|auto",
    ),
    Command(
        "reload",
        "Nạp lại cơ sở dữ kiện (quản trị)",
        "Reload the fact base (admin)",
        handlers.cmd_reload,
        admin=True,
    ),
    Command(
        "rollback",
        "Quay lại cơ sở dữ kiện trước (quản trị)",
        "Roll back to the previous fact base (admin)",
        handlers.cmd_rollback,
        admin=True,
    ),
    Command(
        "stats", "Thống kê câu hỏi (quản trị)", "Question statistics (admin)", handlers.cmd_stats, admin=True
    ),
    Command(
        "unanswered",
        "Câu hỏi chưa trả lời được (quản trị)",
        "Questions the bot could not answer (admin)",
        handlers.cmd_unanswered,
        admin=True,
        args="[N]",
    ),
    *(Command(*row) for row in ANNIVERSARY_COMMANDS),
)


def public_commands(commands: tuple[Command, ...] = COMMANDS) -> list[Command]:
    return [c for c in commands if not c.admin]


def admin_commands(commands: tuple[Command, ...] = COMMANDS) -> list[Command]:
    return [c for c in commands if c.admin]


def menu(lang: Lang, *, admin: bool = False, commands: tuple[Command, ...] = COMMANDS) -> list[BotCommand]:
    """The `setMyCommands` list: public commands, plus the admin ones for an admin's own chat."""
    return [BotCommand(c.name, c.description(lang)) for c in commands if admin or not c.admin]


def help_lines(lang: Lang, *, admin: bool = False, commands: tuple[Command, ...] = COMMANDS) -> list[str]:
    """Plain-text lines `/name args — description` for `/help` (the caller escapes them)."""
    return [f"{c.usage()} — {c.description(lang)}" for c in commands if admin or not c.admin]


def readme_command_list(commands: tuple[Command, ...] = COMMANDS) -> str:
    """The Markdown list in README.md's "Telegram commands" section (kept in step by a test)."""
    lines = [f"- `{c.usage()}` — {c.description_en} / {c.description_vi}" for c in public_commands(commands)]
    return "\n".join(lines)


def readme_admin_list(commands: tuple[Command, ...] = COMMANDS) -> str:
    lines = [f"- `{c.usage()}` — {c.description_en} / {c.description_vi}" for c in admin_commands(commands)]
    return "\n".join(lines)

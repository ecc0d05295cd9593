"""The one table of bot commands: every command the bot routes is a row here.

Each row drives five things, so they cannot drift apart: the `CommandHandler` the composition
root (`bot.telegram.app.build_application`) registers for it, the admin check (rows with
`admin=True` are wrapped in `handlers.admin_only` there, and nowhere else), the command menu
sent with `setMyCommands` (admin rows only in each admin's own chat), the command list in
`/help`, and the README's "Telegram commands" section (checked by the tests).

The rows reference their callbacks, so this module imports the handlers; no handler imports
it back (`/help` reads the rows from `context.bot_data.commands`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from bot.telegram import anniversary_jobs, handlers
from bot.telegram.handlers import Callback
from bot.telegram.menu import CommandInfo
from bot.telegram.menu import readme_admin_list as _readme_admin_list
from bot.telegram.menu import readme_command_list as _readme_command_list


@dataclass(frozen=True)
class Command(CommandInfo):
    """A row of the table: what the command is (`CommandInfo`) and the callback that runs it."""

    handler: Callback = field(kw_only=True)


COMMANDS: Final[tuple[Command, ...]] = (
    Command(
        "start", "Bắt đầu và xem giới thiệu", "Start and see what the bot does", handler=handlers.cmd_start
    ),
    Command(
        "help",
        "Bot biết gì, câu hỏi mẫu, các lệnh",
        "What the bot knows, example questions, commands",
        handler=handlers.cmd_help,
    ),
    Command(
        "ask",
        "Hỏi một câu (dùng trong nhóm)",
        "Ask a question (for groups)",
        args="<câu hỏi | question>",
        handler=handlers.cmd_ask,
    ),
    Command(
        "official",
        "Hồ sơ một quan chức",
        "Profile of an official",
        args="<tên | name>",
        handler=handlers.cmd_official,
    ),
    Command(
        "on", "Sự kiện vào một ngày", "What happened on a date", args="DD/MM[/YYYY]", handler=handlers.cmd_on
    ),
    Command(
        "timeline",
        "Dòng thời gian của một người hoặc cơ chế",
        "Timeline of a person or a series",
        args="[tên | name]",
        handler=handlers.cmd_timeline,
    ),
    Command(
        "lang",
        "Chọn ngôn ngữ trả lời (vi, en, auto)",
        "Choose the reply language (vi, en, auto)",
        args="vi|en|auto",
        handler=handlers.cmd_lang,
    ),
    Command(
        "reload",
        "Nạp lại cơ sở dữ kiện (quản trị)",
        "Reload the fact base (admin)",
        admin=True,
        handler=handlers.cmd_reload,
    ),
    Command(
        "rollback",
        "Quay lại cơ sở dữ kiện trước (quản trị)",
        "Roll back to the previous fact base (admin)",
        admin=True,
        handler=handlers.cmd_rollback,
    ),
    Command(
        "versions",
        "Các phiên bản cơ sở dữ kiện gần đây (quản trị)",
        "Recent versions of the fact base (admin)",
        admin=True,
        handler=handlers.cmd_versions,
    ),
    Command(
        "stats",
        "Thống kê câu hỏi (quản trị)",
        "Question statistics (admin)",
        admin=True,
        handler=handlers.cmd_stats,
    ),
    Command(
        "unanswered",
        "Câu hỏi chưa trả lời được (quản trị)",
        "Questions the bot could not answer (admin)",
        admin=True,
        args="[N]",
        handler=handlers.cmd_unanswered,
    ),
    Command(
        "subscribe",
        "Bật tin ngày kỷ niệm cho chat này (nhóm: quản trị viên)",
        "Turn on anniversary posts in this chat (groups: admins)",
        handler=anniversary_jobs.cmd_subscribe,
    ),
    Command(
        "unsubscribe",
        "Tắt tin ngày kỷ niệm",
        "Turn off anniversary posts",
        handler=anniversary_jobs.cmd_unsubscribe,
    ),
    Command(
        "upcoming",
        "Các ngày kỷ niệm sắp tới",
        "Coming anniversaries",
        args="[N]",
        handler=anniversary_jobs.cmd_upcoming,
    ),
    Command(
        "subscribe_channel",
        "Bật tin ngày kỷ niệm cho một kênh (quản trị)",
        "Turn on anniversary posts in a channel (admin)",
        admin=True,
        args="@kênh|@channel [vi|en]",
        handler=anniversary_jobs.cmd_subscribe_channel,
    ),
    Command(
        "unsubscribe_channel",
        "Tắt tin ngày kỷ niệm của một kênh (quản trị)",
        "Turn off anniversary posts in a channel (admin)",
        admin=True,
        args="@kênh|@channel",
        handler=anniversary_jobs.cmd_unsubscribe_channel,
    ),
)


def readme_command_list() -> str:
    """The README's public command list, from this table."""
    return _readme_command_list(COMMANDS)


def readme_admin_list() -> str:
    """The README's admin command list, from this table."""
    return _readme_admin_list(COMMANDS)

"""What each bot command is called and says, and the lists derived from that.

`CommandInfo` is a command-table row without its callback: name, argument syntax,
Vietnamese and English description, and whether it is for bot admins. From a sequence
of them come the `setMyCommands` menus (`menu`), the `/help` lines (`help_lines`) and the
README's command lists (`readme_command_list`, `readme_admin_list`).

The table itself (`bot.telegram.commands`) adds the callbacks and so imports the handlers;
this module imports no handler, so the handlers can build `/help` from the rows they find
in `context.bot_data.commands` without an import cycle.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from telegram import BotCommand

from bot.answering.answers import Lang


@dataclass(frozen=True)
class CommandInfo:
    name: str
    description_vi: str
    description_en: str
    admin: bool = False
    args: str = ""  # how the arguments are written, for /help and the README

    def description(self, lang: Lang) -> str:
        return self.description_vi if lang == "vi" else self.description_en

    def usage(self) -> str:
        return f"/{self.name} {self.args}".rstrip()


def public_commands(commands: Sequence[CommandInfo]) -> list[CommandInfo]:
    return [c for c in commands if not c.admin]


def admin_commands(commands: Sequence[CommandInfo]) -> list[CommandInfo]:
    return [c for c in commands if c.admin]


def menu(lang: Lang, commands: Sequence[CommandInfo], *, admin: bool = False) -> list[BotCommand]:
    """The `setMyCommands` list: public commands, plus the admin ones for an admin's own chat."""
    return [BotCommand(c.name, c.description(lang)) for c in commands if admin or not c.admin]


def help_lines(lang: Lang, commands: Sequence[CommandInfo], *, admin: bool = False) -> list[str]:
    """Plain-text lines `/name args — description` for `/help` (the caller escapes them);
    admin rows only with `admin`."""
    return [f"{c.usage()} — {c.description(lang)}" for c in commands if c.admin == admin]


def _readme_line(command: CommandInfo) -> str:
    return f"- `{command.usage()}` — {command.description_en} / {command.description_vi}"


def readme_command_list(commands: Sequence[CommandInfo]) -> str:
    """The Markdown list in README.md's "Telegram commands" section (kept in step by a test)."""
    return "\n".join(_readme_line(c) for c in public_commands(commands))


def readme_admin_list(commands: Sequence[CommandInfo]) -> str:
    return "\n".join(_readme_line(c) for c in admin_commands(commands))

"""Thin adapters between Telegram updates and the answer engine: parse, ask, render, reply.

Handlers reach everything through the typed `context.bot_data` (`bot.telegram.state.BotData`).
They never block the event loop on I/O: storage calls and the reload run in worker threads,
the chat language is cached.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import functools
import html
import logging
import os
import re
import time
import traceback
from collections.abc import Callable, Coroutine, Sequence
from pathlib import Path
from typing import Any, Final

from telegram import (
    CallbackQuery,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    Message,
    MessageEntity,
    Update,
    User,
)
from telegram.constants import ChatType, ParseMode
from telegram.error import BadRequest, Forbidden, TelegramError

from bot.answering.answers import Answer, Lang, Status
from bot.answering.dialogue import Context, Dialogue, Turn
from bot.answering.engine import Engine
from bot.app.logs import redact, settings_secrets
from bot.app.service import ReloadReport, VersionRecord
from bot.kb.draft import MAX_UPLOAD_BYTES, DraftInputError, draft_upload, kinds_line, upload_name
from bot.kb.facts import Official
from bot.render.catalog import has, t
from bot.telegram.conversation import conversation_key
from bot.telegram.menu import help_lines
from bot.telegram.render import (
    MAX_CANDIDATE_BUTTONS,
    MAX_MESSAGE,
    ListPages,
    Rendered,
    answer_with_sources_html,
    esc,
    lang_of_text,
    parse_callback,
    render_answer,
    source_html,
    split_html,
    truncate,
)
from bot.telegram.state import BotContext, BotData

log = logging.getLogger(__name__)

Callback = Callable[[Update, BotContext], Coroutine[Any, Any, None]]

MAX_QUESTION_CHARS: Final = 500
MAX_PROBLEMS_SHOWN: Final = 30
MAX_IDS_SHOWN: Final = 40
INLINE_CACHE_SECONDS: Final = 10
INLINE_EXAMPLES: Final = 5
DEFAULT_UNANSWERED: Final = 10
MAX_UNANSWERED: Final = 50
UNANSWERED_WINDOW: Final = dt.timedelta(days=30)

_DATE_ARG: Final = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})(?:[/.\-](\d{4}))?$")


# ---------------------------------------------------------------------------- language


def user_lang(user: User | None) -> Lang:
    """The language of a user's Telegram client: Vietnamese unless it says otherwise."""
    code = (user.language_code or "") if user is not None else ""
    if code.lower().startswith("vi") or not code:
        return "vi"
    return "en"


async def chat_lang(update: Update, context: BotContext) -> Lang | None:
    """The chat's `/lang` choice, if any (cached)."""
    chat = update.effective_chat
    return None if chat is None else await context.bot_data.languages.get(chat.id)


async def ui_lang(update: Update, context: BotContext) -> Lang:
    """The language for the bot's own messages: the chat's choice, else the user's client language."""
    return await chat_lang(update, context) or user_lang(update.effective_user)


# ---------------------------------------------------------------------------- sending


async def reply(message: Message, rendered: Rendered, *, quote: bool | None = None) -> Message | None:
    """Send `rendered` in reply to `message`, split under 4096 characters; the keyboard goes on
    the last part. Quotes the message in groups (so the asker sees which question was answered)."""
    sent = await reply_parts(message, rendered, quote=quote)
    return sent[-1] if sent else None


async def reply_parts(message: Message, rendered: Rendered, *, quote: bool | None = None) -> list[Message]:
    """`reply`, returning every message sent (the first is the one an edit of the question updates)."""
    parts = split_html(rendered.text, MAX_MESSAGE)
    if quote is None:
        quote = message.chat.type != ChatType.PRIVATE
    sent: list[Message] = []
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        sent.append(
            await message.reply_text(
                part,
                parse_mode=ParseMode.HTML,
                reply_markup=rendered.keyboard if last else None,
                do_quote=quote and index == 0,
            )
        )
    return sent


async def reply_plain(update: Update, text: str, keyboard: InlineKeyboardMarkup | None = None) -> None:
    """Reply with a plain-text UI line (escaped here)."""
    message = update.effective_message
    if message is not None:
        await reply(message, Rendered(esc(text), keyboard))


# ---------------------------------------------------------------------------- questions


def _conversation(message: Message) -> str:
    user = message.from_user
    return conversation_key(
        message.chat.id, user.id if user else None, private=message.chat.type == ChatType.PRIVATE
    )


async def _context_for(message: Message, context: BotContext) -> Context | None:
    """The context a message is read in: the replied-to bot message's, else the conversation's."""
    keeper = context.bot_data.conversations
    replied = message.reply_to_message
    if replied is not None and replied.from_user is not None and replied.from_user.id == context.bot.id:
        return await keeper.of_message(message.chat.id, replied.message_id)
    return await keeper.current(_conversation(message))


async def _turn(
    context: BotContext, question: str, before: Context | None, lang: Lang | None, *, standalone: bool
) -> Turn:
    data = context.bot_data
    engine = data.engine
    dialogue = Dialogue(engine, ask=lambda text, asked_lang: data.ask(engine, text, asked_lang))
    # computed in a worker thread: a slow question never holds up the other chats' updates
    return await asyncio.to_thread(
        dialogue.turn, question, before, lang=lang, today=data.today(), standalone=standalone
    )


async def answer_question(
    update: Update,
    context: BotContext,
    question: str,
    *,
    lang: Lang | None = None,
    standalone: bool = False,
) -> None:
    """Answer `question` in reply to the update's message, read in the conversation's context
    (unless `standalone`: a command's own question); count it, log it if unanswered, and
    remember the new context."""
    message = update.effective_message
    if message is None:
        return
    question = question.strip()
    if lang is None:
        lang = await chat_lang(update, context)
    if not question:
        lang = lang or await ui_lang(update, context)
        example = next(iter(context.bot_data.engine.examples(lang)), "…")
        await reply_plain(update, t("empty_question", lang, example=example))
        return
    if len(question) > MAX_QUESTION_CHARS:
        await reply_plain(
            update, t("too_long", lang or await ui_lang(update, context), max=MAX_QUESTION_CHARS)
        )
        return
    data = context.bot_data
    before = await _context_for(message, context)
    turn = await _turn(context, question, before, lang, standalone=standalone)
    await data.recorder.record(turn.answer)
    if turn.context is not None:  # before the reply goes out: the next message may follow at once
        await data.conversations.remember(_conversation(message), message.chat.id, turn.context, [])
    sent = await reply_parts(message, render_answer(turn.answer, data.engine.knowledge))
    await data.conversations.remember(
        None,  # the conversation's own context was remembered before the reply
        message.chat.id,
        turn.context or before,
        [m.message_id for m in sent],
        question_id=message.message_id,
        before=before,
    )


async def on_private_text(update: Update, context: BotContext) -> None:
    """Private chat: any text is a question."""
    message = update.effective_message
    if message is not None and message.text:
        await answer_question(update, context, message.text)


def _strip_mention(text: str, username: str) -> str:
    return re.sub(rf"@{re.escape(username)}\b", " ", text, flags=re.IGNORECASE)


def addressed_to_bot(message: Message, bot_id: int, username: str | None) -> bool:
    """In a group: does this message mention the bot or reply to one of its messages?"""
    replied = message.reply_to_message
    if replied is not None and replied.from_user is not None and replied.from_user.id == bot_id:
        return True
    if not username:
        return False
    wanted = f"@{username}".lower()
    mentions = message.parse_entities([MessageEntity.MENTION]).values()
    return any(value.lower() == wanted for value in mentions)


async def on_group_text(update: Update, context: BotContext) -> None:
    """Groups: answer only a mention of the bot or a reply to the bot; ignore the rest."""
    message = update.effective_message
    if message is None or not message.text:
        return
    username = context.bot.username
    if not addressed_to_bot(message, context.bot.id, username):
        return
    question = _strip_mention(message.text, username) if username else message.text
    await answer_question(update, context, question)


def _addressed_caption(message: Message, bot_id: int, username: str | None) -> bool:
    replied = message.reply_to_message
    if replied is not None and replied.from_user is not None and replied.from_user.id == bot_id:
        return True
    wanted = f"@{username}".lower() if username else None
    mentions = message.parse_caption_entities([MessageEntity.MENTION]).values()
    return wanted is not None and any(value.lower() == wanted for value in mentions)


async def on_media(update: Update, context: BotContext) -> None:
    """A photo, sticker, voice message, video or file: a caption that is a question is answered;
    otherwise a one-line hint (in a group only when the message is addressed to the bot)."""
    message = update.effective_message
    if message is None:
        return
    private = message.chat.type == ChatType.PRIVATE
    username = context.bot.username
    if not private and not _addressed_caption(message, context.bot.id, username):
        return
    caption = (message.caption or "").strip()
    if username:
        caption = _strip_mention(caption, username).strip()
    if caption:
        await answer_question(update, context, caption)
        return
    await reply_plain(update, t("media_hint", await ui_lang(update, context)))


async def on_edited_text(update: Update, context: BotContext) -> None:
    """An edited question: answered again, in the bot's earlier reply (edited in place) when there
    is one; a question never answered (a group message not addressed to the bot) stays ignored."""
    message = update.edited_message
    if message is None or not message.text:
        return
    text = message.text
    username = context.bot.username
    if message.chat.type != ChatType.PRIVATE:
        command = re.match(r"^/ask(?:@\w+)?(?:\s+|$)", text)
        if command is not None:
            text = text[command.end() :]
        elif not addressed_to_bot(message, context.bot.id, username):
            return
        if username:
            text = _strip_mention(text, username)
    elif text.startswith("/"):
        return  # an edited command is not run again
    question = text.strip()
    data = context.bot_data
    earlier = await data.conversations.answered(message.chat.id, message.message_id)
    if earlier is None or not question or len(question) > MAX_QUESTION_CHARS:
        await answer_question(update, context, question)
        return
    lang = await chat_lang(update, context)
    turn = await _turn(context, question, earlier.before, lang, standalone=False)
    await data.recorder.record(turn.answer)
    if turn.context is not None:
        await data.conversations.remember(_conversation(message), message.chat.id, turn.context, [])
    rendered = render_answer(turn.answer, data.engine.knowledge)
    parts = split_html(rendered.text, MAX_MESSAGE)
    try:
        await context.bot.edit_message_text(
            parts[0] if parts else esc(turn.answer.text),
            chat_id=message.chat.id,
            message_id=earlier.reply_id,
            parse_mode=ParseMode.HTML,
            reply_markup=rendered.keyboard if len(parts) <= 1 else None,
        )
    except BadRequest as exc:
        if "not modified" not in str(exc).lower():
            raise
    sent_ids = [earlier.reply_id]
    for index, part in enumerate(parts[1:], start=2):
        extra = await context.bot.send_message(
            message.chat.id,
            part,
            parse_mode=ParseMode.HTML,
            reply_markup=rendered.keyboard if index == len(parts) else None,
        )
        sent_ids.append(extra.message_id)
    await data.conversations.remember(
        None,
        message.chat.id,
        turn.context or earlier.before,
        sent_ids,
        question_id=message.message_id,
        before=earlier.before,
    )


def _command_argument(message: Message | None) -> str:
    """The raw text after `/command` (spacing and punctuation kept, unlike `context.args`)."""
    if message is None or not message.text:
        return ""
    parts = message.text.split(maxsplit=1)
    return parts[1].strip() if len(parts) > 1 else ""


async def cmd_ask(update: Update, context: BotContext) -> None:
    await answer_question(update, context, _command_argument(update.effective_message))


async def cmd_official(update: Update, context: BotContext) -> None:
    lang = await ui_lang(update, context)
    name = _command_argument(update.effective_message)
    if not name:
        officials = context.bot_data.service.knowledge.of_kind(Official)
        await reply_plain(update, t("official_usage", lang, name=officials[0].name if officials else "…"))
        return
    await answer_question(update, context, t("official_q", lang, name=name), lang=lang, standalone=True)


def parse_day_month(argument: str) -> str | None:
    """`DD/MM` or `DD/MM/YYYY` (also with `.` or `-`), normalised to `D/M[/YYYY]`; None if invalid."""
    match = _DATE_ARG.match(argument.strip())
    if match is None:
        return None
    day, month = int(match[1]), int(match[2])
    year = int(match[3]) if match[3] else None
    try:
        dt.date(year if year is not None else 2000, month, day)  # 2000 is a leap year: 29/02 is valid
    except ValueError:
        return None
    if year is not None and not 1900 <= year <= 2100:
        return None
    return f"{day}/{month}" + (f"/{year}" if year is not None else "")


async def cmd_on(update: Update, context: BotContext) -> None:
    lang = await ui_lang(update, context)
    when = parse_day_month(_command_argument(update.effective_message))
    if when is None:
        await reply_plain(update, t("on_usage", lang))
        return
    await answer_question(update, context, t("on_q", lang, date=when), lang=lang, standalone=True)


async def cmd_timeline(update: Update, context: BotContext) -> None:
    lang = await ui_lang(update, context)
    subject = _command_argument(update.effective_message)
    question = t("timeline_q", lang, subject=subject) if subject else t("timeline_all_q", lang)
    await answer_question(update, context, question, lang=lang, standalone=True)


# ---------------------------------------------------------------------------- start, help, lang


def _knowledge_lines(context: BotContext, lang: Lang) -> list[str]:
    knowledge = context.bot_data.service.knowledge
    counts = knowledge.counts()
    lines = [esc(t("knows", lang, version=knowledge.version, total=len(knowledge.facts)))]
    for kind, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        name = t(f"kind_{kind}", lang) if has(f"kind_{kind}") else kind
        lines.append(f"• {count} {esc(name)}")
    return lines


def _example_lines(context: BotContext, lang: Lang, count: int = 3) -> list[str]:
    return [f"• {esc(example)}" for example in context.bot_data.engine.examples(lang)[:count]]


def help_html(context: BotContext, lang: Lang, *, admin: bool) -> str:
    """What the bot knows, example questions and the commands of the table (the rows are in
    `bot_data.commands`); the admin commands only for an admin."""
    commands = context.bot_data.commands
    lines = [f"<b>{esc(t('title', lang))}</b>", "", *_knowledge_lines(context, lang)]
    examples = _example_lines(context, lang)
    if examples:
        lines += ["", f"<b>{esc(t('examples', lang))}</b>", *examples]
    lines += ["", f"<b>{esc(t('commands', lang))}</b>"]
    lines += [esc(line) for line in help_lines(lang, commands)]
    if admin:
        lines += ["", f"<b>{esc(t('admin_commands', lang))}</b>"]
        lines += [esc(line) for line in help_lines(lang, commands, admin=True)]
    lines += ["", esc(t("ask_hint", lang))]
    return "\n".join(lines)


def _is_admin(update: Update, context: BotContext) -> bool:
    user = update.effective_user
    return context.bot_data.settings.is_admin(user.id if user else None)


async def cmd_start(update: Update, context: BotContext) -> None:
    lang = await ui_lang(update, context)
    lines = [esc(t("welcome", lang, subject=context.bot_data.engine.subject(lang)))]
    examples = _example_lines(context, lang)
    if examples:
        lines += ["", f"<b>{esc(t('examples', lang))}</b>", *examples]
    lines += ["", esc(t("ask_hint", lang))]
    message = update.effective_message
    if message is not None:
        await reply(message, Rendered("\n".join(lines)))


async def cmd_help(update: Update, context: BotContext) -> None:
    lang = await ui_lang(update, context)
    message = update.effective_message
    if message is not None:
        await reply(message, Rendered(help_html(context, lang, admin=_is_admin(update, context))))


async def cmd_lang(update: Update, context: BotContext) -> None:
    chat = update.effective_chat
    if chat is None:
        return
    choice = _command_argument(update.effective_message).lower()
    if choice in ("vi", "en"):
        lang: Lang = "vi" if choice == "vi" else "en"
        await context.bot_data.languages.set(chat.id, lang, chat_type=chat.type, title=chat.title)
        await reply_plain(update, t("lang_set_vi" if lang == "vi" else "lang_set_en", lang))
        return
    if choice == "auto":
        await context.bot_data.languages.set(chat.id, None, chat_type=chat.type, title=chat.title)
        await reply_plain(update, t("lang_auto", user_lang(update.effective_user)))
        return
    lang = await ui_lang(update, context)
    current = await chat_lang(update, context) or t("lang_auto_name", lang)
    await reply_plain(update, t("lang_usage", lang, current=current))


# ---------------------------------------------------------------------------- buttons


async def _callback_lang(update: Update, context: BotContext, message: Message | None) -> Lang:
    """The language of the message a button sits on: the chat's choice, else read from its text."""
    stored = await chat_lang(update, context)
    if stored is not None:
        return stored
    if message is not None and message.text:
        return lang_of_text(message.text)
    return user_lang(update.effective_user)


async def on_callback(update: Update, context: BotContext) -> None:
    """`src:<fact_id>`: show the fact's seed and quotes. `ans:<fact_id>`: answer that candidate.
    `pg:<n>`, `sp:<n>`: page n of a long list, and its sources."""
    query = update.callback_query
    if query is None:
        return
    message = query.message if isinstance(query.message, Message) else None
    lang = await _callback_lang(update, context, message)
    parsed = parse_callback(query.data)
    engine = context.bot_data.engine
    if parsed is None:
        await query.answer(t("expired", lang), show_alert=True)
        return
    kind, fact_id = parsed
    if kind in ("pg", "sp"):
        await _on_page(query, context, message, kind, int(fact_id), lang)
        return
    chosen: Context | None = None
    if kind == "src":
        fact = engine.knowledge.by_id.get(fact_id)
        if fact is None:
            await query.answer(t("expired", lang), show_alert=True)
            return
        rendered = Rendered(source_html(fact, lang, engine.knowledge))
    else:
        turn = Dialogue(engine).chosen(fact_id, lang)
        if turn.answer.status is Status.NOT_FOUND:
            await query.answer(t("expired", lang), show_alert=True)
            return
        rendered = render_answer(turn.answer, engine.knowledge)
        chosen = turn.context
    if message is not None:
        await query.answer()
        sent = await reply_parts(message, rendered, quote=True)
        if kind == "ans" and chosen is not None:  # the conversation is now about the chosen fact
            private = message.chat.type == ChatType.PRIVATE
            key = conversation_key(message.chat.id, query.from_user.id, private=private)
            await context.bot_data.conversations.remember(
                key, message.chat.id, chosen, [m.message_id for m in sent]
            )
    elif query.message is not None:  # too old to reply to: write to its chat
        await query.answer()
        parts = split_html(rendered.text)
        for index, part in enumerate(parts):
            keyboard = rendered.keyboard if index == len(parts) - 1 else None
            await context.bot.send_message(
                query.message.chat.id, part, parse_mode=ParseMode.HTML, reply_markup=keyboard
            )
    else:  # a button on an inline-mode message: no chat to write to, so a short pop-up
        plain = html.unescape(re.sub(r"<[^>]+>", "", rendered.text))
        await query.answer(truncate(plain, 190), show_alert=True)


async def _on_page(
    query: CallbackQuery, context: BotContext, message: Message | None, kind: str, page: int, lang: Lang
) -> None:
    """`pg:<n>`: show page n of the long list on this message (edited in place). `sp:<n>`: the
    sources of the facts on page n. The list is asked again from the message's stored context."""
    data = context.bot_data
    stored = await data.conversations.of_message(message.chat.id, message.message_id) if message else None
    answer = await asyncio.to_thread(data.ask, data.engine, stored.question, stored.lang) if stored else None
    pages = ListPages.of(answer) if answer is not None else None
    if message is None or pages is None or not 0 <= page < pages.count:
        await query.answer(t("expired", lang), show_alert=True)
        return
    await query.answer()
    if kind == "pg":
        rendered = pages.render(page, answer.lang if answer else lang)
        with contextlib.suppress(BadRequest):  # the same page again: "message is not modified"
            await query.edit_message_text(
                rendered.text, parse_mode=ParseMode.HTML, reply_markup=rendered.keyboard
            )
        return
    knowledge = data.engine.knowledge
    blocks = [
        source_html(knowledge.by_id[fact_id], lang, knowledge)
        for fact_id in pages.page_facts(page)
        if fact_id in knowledge.by_id
    ]
    await reply(message, Rendered("\n\n".join(blocks)), quote=True)


# ---------------------------------------------------------------------------- inline mode


def _article(result_id: str, title: str, answer: Answer, engine: Engine) -> InlineQueryResultArticle:
    body = split_html(answer_with_sources_html(answer, engine.knowledge), MAX_MESSAGE)
    return InlineQueryResultArticle(
        id=result_id[:64],
        title=truncate(title, 100),
        description=truncate(answer.text, 200),
        input_message_content=InputTextMessageContent(
            body[0] if body else esc(answer.text), parse_mode=ParseMode.HTML
        ),
    )


def inline_results(
    data: BotData, engine: Engine, query: str, lang: Lang | None, fallback: Lang
) -> list[InlineQueryResultArticle]:
    """The answer as an article; one per candidate if ambiguous; examples for an empty query."""
    if not query:
        examples_lang = lang or fallback
        results = []
        for index, example in enumerate(engine.examples(examples_lang)[:INLINE_EXAMPLES]):
            answer = data.ask(engine, example, examples_lang)
            results.append(_article(f"ex:{index}", example, answer, engine))
        return results
    answer = data.ask(engine, query[:MAX_QUESTION_CHARS], lang)
    if answer.status is Status.AMBIGUOUS:
        results = []
        for candidate in answer.candidates[:MAX_CANDIDATE_BUTTONS]:
            chosen = engine.answer_fact(candidate.fact_id, lang=answer.lang)
            if chosen.status is not Status.NOT_FOUND:
                results.append(_article(f"c:{candidate.fact_id}", candidate.label, chosen, engine))
        if results:
            return results
    first_line = answer.text.strip().splitlines()[0] if answer.text.strip() else query
    return [_article("a:0", first_line, answer, engine)]


async def on_inline_query(update: Update, context: BotContext) -> None:
    query = update.inline_query
    if query is None:
        return
    data = context.bot_data
    stored = await data.languages.get(query.from_user.id)  # the user's private chat has their id
    fallback = user_lang(query.from_user)
    results = await asyncio.to_thread(
        inline_results, data, data.engine, query.query.strip(), stored, fallback
    )
    await query.answer(results, cache_time=INLINE_CACHE_SECONDS, is_personal=True)


# ---------------------------------------------------------------------------- admin


def admin_only(name: str, callback: Callback) -> Callback:
    """Run `callback` for admins (ADMIN_USER_IDS); refuse anyone else politely and log the attempt."""

    @functools.wraps(callback)
    async def guarded(update: Update, context: BotContext) -> None:
        user = update.effective_user
        if not context.bot_data.settings.is_admin(user.id if user else None):
            log.warning("refused /%s from non-admin user id %s", name, user.id if user else None)
            await reply_plain(update, t("admin_only", await ui_lang(update, context)))
            return
        await callback(update, context)

    return guarded


async def on_article_document(update: Update, context: BotContext) -> None:
    """An admin sends an article as a .txt file: reply with the draft facts as a YAML file and a
    summary. Nothing goes into service from here (the curator edits, validates and /reloads)."""
    message = update.effective_message
    document = message.document if message else None
    if message is None or document is None:
        return
    lang = await ui_lang(update, context)
    try:
        upload_name(document.file_name)
        if document.file_size is not None and document.file_size > MAX_UPLOAD_BYTES:
            raise DraftInputError("draft_too_big")
        data = bytes(await (await document.get_file()).download_as_bytearray())
        knowledge = context.bot_data.engine.knowledge  # drafting is CPU work: off the event loop
        name, text, draft = await asyncio.to_thread(draft_upload, document.file_name, data, knowledge)
    except DraftInputError as exc:
        await reply_plain(update, t(exc.key, lang, max=MAX_UPLOAD_BYTES // 1024))
        return
    log.info("draft of %s for admin: %s", name, kinds_line(draft))
    caption = t("draft_ready", lang, source=draft.source, kinds=kinds_line(draft), checks=draft.check_count())
    await message.reply_document(
        document=text.encode("utf-8"), filename=name, caption=esc(truncate(caption, 1000))
    )


def _id_lines(label: str, ids: Sequence[str], lang: Lang) -> list[str]:
    if not ids:
        return []
    shown = ", ".join(f"<code>{esc(i)}</code>" for i in ids[:MAX_IDS_SHOWN])
    more = f" {esc(t('more', lang, n=len(ids) - MAX_IDS_SHOWN))}" if len(ids) > MAX_IDS_SHOWN else ""
    return [f"<b>{esc(label)}</b> ({len(ids)}): {shown}{more}"]


def _problem_text(problem: object, base: Path | None) -> str:
    """`file:line: message`, the file shown relative to the folder above the knowledge folder."""
    text = str(problem)
    if base is not None:
        prefix = f"{base}{os.sep}"
        if text.startswith(prefix):
            return text[len(prefix) :]
    return text


def reload_report_html(report: ReloadReport, lang: Lang, knowledge_dir: Path | None = None) -> str:
    """What a reload did, or exactly why it was refused (each problem as file:line: message)."""
    base = knowledge_dir.resolve().parent if knowledge_dir is not None else None
    lines: list[str] = []
    if report.unchanged:
        return esc(t("reload_unchanged", lang, version=report.version))
    if report.applied:
        lines.append(esc(t("reload_ok", lang, old=report.previous_version, new=report.version)))
    else:
        lines.append(esc(t("reload_refused", lang, reason=report.reason or "?")))
    if report.problems:
        lines.append(esc(t("problems", lang, n=len(report.problems))))
        lines.extend(
            f"<code>{esc(_problem_text(problem, base))}</code>"
            for problem in report.problems[:MAX_PROBLEMS_SHOWN]
        )
        if len(report.problems) > MAX_PROBLEMS_SHOWN:
            lines.append(esc(t("more", lang, n=len(report.problems) - MAX_PROBLEMS_SHOWN)))
    else:
        diff = report.diff
        changes = [
            *_id_lines(t("added", lang), diff.added, lang),
            *_id_lines(t("removed", lang), diff.removed, lang),
            *_id_lines(t("changed", lang), diff.changed, lang),
        ]
        lines.extend(changes or [esc(t("no_change", lang))])
    if report.old_eval is not None and report.new_eval is not None:
        old, new = report.old_eval, report.new_eval
        lines.append(
            f"<b>{esc(t('eval', lang))}</b>: {old.accuracy:.1%} → {new.accuracy:.1%}; "
            f"confident-wrong {old.confident_wrong} → {new.confident_wrong}"
        )
        lines.append(f"• {esc(t('eval_before', lang))}: {esc(old.summary())}")
        lines.append(f"• {esc(t('eval_after', lang))}: {esc(new.summary())}")
    if not report.applied:
        lines.append(esc(t("reload_kept", lang, version=report.version)))
    return "\n".join(lines)


async def cmd_reload(update: Update, context: BotContext) -> None:
    data = context.bot_data
    lang = await ui_lang(update, context)
    if data.reload_lock.locked():
        await reply_plain(update, t("reload_busy", lang))
        return
    admin = update.effective_user.id if update.effective_user else None
    async with data.reload_lock:
        report = await asyncio.to_thread(data.service.reload, admin)
    log.info(
        "reload by admin %s: applied=%s unchanged=%s version=%s problems=%d",
        admin,
        report.applied,
        report.unchanged,
        report.version,
        len(report.problems),
    )
    message = update.effective_message
    if message is not None:
        await reply(message, Rendered(reload_report_html(report, lang, data.service.knowledge_dir)))


async def cmd_rollback(update: Update, context: BotContext) -> None:
    data = context.bot_data
    lang = await ui_lang(update, context)
    admin = update.effective_user.id if update.effective_user else None
    async with data.reload_lock:
        # In a thread: with the database, stepping back loads the earlier snapshot.
        result = await asyncio.to_thread(data.service.rollback, admin)
    if result is None:
        await reply_plain(update, t("rollback_none", lang))
        return
    frm, to = result
    log.info("rollback by admin %s from %s to %s", admin, frm, to)
    await reply_plain(update, t("rollback_ok", lang, frm=frm, to=to))


DEFAULT_VERSIONS: Final = 10


def versions_html(entries: Sequence[VersionRecord], lang: Lang, in_service: str) -> str:
    """One line per version kept: version, time (UTC), who loaded it, gold figures, state."""
    if not entries:
        return esc(t("versions_none", lang))
    lines = [f"<b>{esc(t('versions_title', lang))}</b>"]
    marked = False
    for entry in entries:
        who = (
            t("versions_by", lang, user=entry.loaded_by)
            if entry.loaded_by is not None
            else t("versions_at_start", lang)
        )
        parts = [
            f"<code>{esc(entry.version)}</code>",
            esc(entry.loaded_at.strftime("%Y-%m-%d %H:%M UTC")),
            esc(who),
            esc(t("versions_facts", lang, facts=entry.facts)),
        ]
        if entry.gold_accuracy is not None:
            parts.append(f"gold {entry.gold_accuracy:.1%}, confident-wrong {entry.gold_confident_wrong}")
        line = " · ".join(parts)
        if entry.rolled_back_at is not None:
            line += f" ({esc(t('versions_rolled_back', lang))})"
        elif not marked and entry.version == in_service:
            line = f"▶ {line} — <b>{esc(t('versions_in_service', lang))}</b>"
            marked = True
        lines.append(line)
    return "\n".join(lines)


async def cmd_versions(update: Update, context: BotContext) -> None:
    data = context.bot_data
    lang = await ui_lang(update, context)
    entries = await asyncio.to_thread(data.service.history, DEFAULT_VERSIONS)
    message = update.effective_message
    if message is not None:
        await reply(message, Rendered(versions_html(entries, lang, data.service.knowledge.version)))


def format_uptime(delta: dt.timedelta, lang: Lang) -> str:
    seconds = max(0, int(delta.total_seconds()))
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, seconds = divmod(rest, 60)
    units = ("ngày", "giờ", "phút", "giây") if lang == "vi" else ("d", "h", "min", "s")
    values = (days, hours, minutes, seconds)
    parts = [f"{value} {unit}" for value, unit in zip(values, units, strict=True) if value]
    return " ".join(parts[:2]) or f"0 {units[3]}"


async def cmd_stats(update: Update, context: BotContext) -> None:
    data = context.bot_data
    lang = await ui_lang(update, context)
    await data.recorder.flush()
    stats = await asyncio.to_thread(data.storage.stats)
    knowledge = data.service.knowledge
    lines = [f"<b>{esc(t('stats_title', lang))}</b>", esc(t("served", lang, n=stats.total))]
    for status in ("answered", "ambiguous", "not_found"):
        count = stats.by_status.get(status, 0)
        share = count / stats.total if stats.total else 0.0
        lines.append(f"• {esc(t(status, lang))}: {count} ({share:.0%})")
    uptime = dt.datetime.now(dt.UTC) - data.service.started_at
    lines.append(esc(t("uptime", lang, uptime=format_uptime(uptime, lang))))
    lines.append(esc(t("base", lang, version=knowledge.version, facts=len(knowledge.facts))))
    message = update.effective_message
    if message is not None:
        await reply(message, Rendered("\n".join(lines)))


async def cmd_unanswered(update: Update, context: BotContext) -> None:
    data = context.bot_data
    lang = await ui_lang(update, context)
    argument = _command_argument(update.effective_message)
    limit = DEFAULT_UNANSWERED
    if argument:
        if not argument.isdigit() or not 1 <= int(argument) <= MAX_UNANSWERED:
            await reply_plain(update, t("unanswered_usage", lang, max=MAX_UNANSWERED))
            return
        limit = int(argument)
    await data.recorder.flush()
    since = dt.datetime.now(dt.UTC) - UNANSWERED_WINDOW
    rows = await asyncio.to_thread(data.storage.top_unanswered, limit, since)
    if not rows:
        await reply_plain(update, t("unanswered_none", lang))
        return
    lines = [f"<b>{esc(t('unanswered_title', lang, days=UNANSWERED_WINDOW.days))}</b>"]
    lines += [f"{index}. ×{row.count} — {esc(row.text)}" for index, row in enumerate(rows, start=1)]
    message = update.effective_message
    if message is not None:
        await reply(message, Rendered("\n".join(lines)))


# ---------------------------------------------------------------------------- errors


async def on_error(update: object, context: BotContext) -> None:
    """Log the traceback, tell the user in one sentence, notify admins (at most once a minute).
    A `Forbidden` (the user blocked the bot, or it was removed from a group) is not an error."""
    error = context.error
    if isinstance(error, Forbidden):
        log.info("forbidden (the user blocked the bot or it left the chat): %s", error.message)
        return
    message = update.effective_message if isinstance(update, Update) else None
    # the question goes into the log line (never the user's name): it is what reproduces the failure
    log.error(
        "error while handling an update; message text %r", message.text if message else None, exc_info=error
    )
    if not isinstance(update, Update):
        return
    data = context.bot_data
    chat = update.effective_chat
    if chat is not None and update.effective_message is not None:
        try:
            lang = await ui_lang(update, context)
            await context.bot.send_message(chat.id, esc(t("error", lang)), parse_mode=ParseMode.HTML)
        except TelegramError as exc:
            log.info("could not tell the user about the error: %s", exc)
        except Exception:
            log.exception("could not tell the user about the error")
    elif update.callback_query is not None:
        with contextlib.suppress(TelegramError):
            await update.callback_query.answer(t("error", user_lang(update.effective_user)))
    now = time.monotonic()
    if not data.settings.admin_user_ids or now - data.last_admin_notice < data.admin_notice_interval:
        return
    data.last_admin_notice = now
    summary = "".join(traceback.format_exception_only(error)).strip() if error else "?"
    summary = redact(summary, settings_secrets(data.settings))
    for admin_id in sorted(data.settings.admin_user_ids):
        try:
            await context.bot.send_message(
                admin_id, esc(t("admin_error", "en", error=truncate(summary, 300))), parse_mode=ParseMode.HTML
            )
        except TelegramError as exc:
            log.info("could not notify admin %s: %s", admin_id, exc)

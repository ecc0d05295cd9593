"""How to test a real python-telegram-bot Application against the local Bot API stand-in.

Each test builds an ordinary PTB ``Application`` whose ``base_url`` points at ``bot_api``
(see tests/conftest.py), injects Telegram updates, and checks the Bot API calls the bot made.
Nothing is mocked on the PTB side: requests go over HTTP to 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import datetime as dtm
from collections.abc import AsyncIterator
from typing import Any, TypeAlias

import pytest
from telegram import (
    BotCommand,
    BotCommandScopeAllPrivateChats,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    Update,
)
from telegram.error import BadRequest, ChatMigrated, Conflict, Forbidden, RetryAfter
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from tests.support.fake_bot_api import FakeBotAPI, text_entities

CHAT = 42

# The Application type parameters (bot, context, data stores, job queue) do not matter here.
App: TypeAlias = Application[Any, Any, Any, Any, Any, Any]


def build_app(server: FakeBotAPI, token: str | None = None) -> App:
    """The three builder calls that point PTB at the stand-in instead of api.telegram.org."""
    return (
        ApplicationBuilder()
        .token(token or server.token)
        .base_url(server.base_url)
        .base_file_url(server.base_file_url)
        .build()
    )


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.effective_message is not None
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Ping", callback_data="ping")]])
    await update.effective_message.reply_text("Xin chào!", reply_markup=keyboard)


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.effective_message is not None and update.effective_message.text is not None
    await update.effective_message.reply_text(update.effective_message.text)


async def button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    assert query is not None
    await query.answer(f"got {query.data}")
    await query.edit_message_text("pong")


async def inline(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.inline_query
    assert query is not None
    result = InlineQueryResultArticle(
        id="1", title=query.query.upper(), input_message_content=InputTextMessageContent(query.query)
    )
    await query.answer([result], cache_time=0)


@pytest.fixture
async def echo_bot(bot_api: FakeBotAPI) -> AsyncIterator[App]:
    """An echo bot, polling the stand-in exactly as it would poll Telegram."""
    app = build_app(bot_api)
    app.add_handler(CommandHandler("start", start))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    app.add_handler(CallbackQueryHandler(button))
    app.add_handler(InlineQueryHandler(inline))
    async with app:  # initialize() calls getMe; leaving calls shutdown()
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0, timeout=dtm.timedelta(seconds=1))
        yield app
        if app.updater.running:
            await app.updater.stop()
        await app.stop()


@pytest.fixture
async def bot_app(bot_api: FakeBotAPI) -> AsyncIterator[App]:
    """An initialized Application that does not poll: for calling ``app.bot`` directly."""
    async with build_app(bot_api) as app:
        yield app


async def test_the_bot_identity_comes_from_get_me(bot_app: App, bot_api: FakeBotAPI) -> None:
    assert bot_app.bot.username == "vnlao_test_bot"
    assert bot_app.bot.supports_inline_queries is True
    assert bot_api.calls("getMe")[0].token == bot_api.token


async def test_echo_bot_replies_in_the_same_private_chat(echo_bot: App, bot_api: FakeBotAPI) -> None:
    bot_api.inject_update(bot_api.message("xin chào Lào", chat_id=CHAT))

    call = await bot_api.wait_for("sendMessage")

    assert call.params["chat_id"] == CHAT
    assert call.params["text"] == "xin chào Lào"
    [sent] = bot_api.sent_messages(CHAT)
    assert sent["from"]["username"] == "vnlao_test_bot"
    assert sent["chat"] == {"id": CHAT, "type": "private", "first_name": f"User {CHAT}"}


async def test_a_leading_slash_gets_a_bot_command_entity(echo_bot: App, bot_api: FakeBotAPI) -> None:
    update = bot_api.message("/start@vnlao_test_bot hi", chat_id=-100123, chat_type="supergroup")
    assert update["message"]["entities"] == [{"type": "bot_command", "offset": 0, "length": 21}]
    bot_api.inject_update(update)

    call = await bot_api.wait_for("sendMessage")

    assert call.params["text"] == "Xin chào!"
    # PTB sends nested objects JSON-encoded; the stand-in decodes them back into dicts.
    assert call.params["reply_markup"] == {"inline_keyboard": [[{"text": "Ping", "callback_data": "ping"}]]}
    assert call.result["chat"]["type"] == "supergroup"


def test_mentions_are_measured_in_utf16_code_units() -> None:
    assert text_entities("🇻🇳 @vnlao_test_bot") == [{"type": "mention", "offset": 5, "length": 15}]


async def test_a_button_press_is_answered_and_edits_the_message(
    echo_bot: App,
    bot_api: FakeBotAPI,
) -> None:
    bot_api.inject_update(bot_api.message("/start", chat_id=CHAT))
    keyboard_message = (await bot_api.wait_for("sendMessage")).result

    bot_api.inject_update(bot_api.callback_query("ping", chat_id=CHAT))

    answer = await bot_api.wait_for("answerCallbackQuery")
    assert answer.params["text"] == "got ping"
    edit = await bot_api.wait_for("editMessageText")
    assert edit.params["message_id"] == keyboard_message["message_id"]
    assert edit.result["text"] == "pong"
    assert "reply_markup" not in edit.result  # an edit without reply_markup drops the keyboard


async def test_an_inline_query_is_answered(echo_bot: App, bot_api: FakeBotAPI) -> None:
    bot_api.inject_update(bot_api.inline_query("vientiane"))

    call = await bot_api.wait_for("answerInlineQuery")

    [result] = call.params["results"]
    assert result["title"] == "VIENTIANE"
    assert result["input_message_content"] == {"message_text": "vientiane"}
    assert call.params["cache_time"] == 0


async def test_handled_updates_are_confirmed_through_the_offset(
    echo_bot: App,
    bot_api: FakeBotAPI,
) -> None:
    bot_api.inject_update(bot_api.message("one", chat_id=CHAT))
    bot_api.inject_update(bot_api.message("two", chat_id=CHAT))
    await bot_api.wait_for("sendMessage", count=2)
    assert echo_bot.updater is not None
    await echo_bot.updater.stop()  # makes a last getUpdates with the next offset

    assert bot_api.pending_updates() == []
    assert [m["text"] for m in bot_api.sent_messages(CHAT)] == ["one", "two"]


async def test_a_429_surfaces_as_retry_after(
    bot_app: App,
    bot_api: FakeBotAPI,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # PTB 22 warns (PTBDeprecationWarning) whenever RetryAfter is built, unless it is told to use
    # timedelta already; it reads the variable at that moment.
    monkeypatch.setenv("PTB_TIMEDELTA", "1")
    bot_api.fail_next("sendMessage", chat_id=CHAT, retry_after=7)

    with pytest.raises(RetryAfter) as caught:
        await bot_app.bot.send_message(CHAT, "hello")
    assert caught.value.retry_after == dtm.timedelta(seconds=7)

    # The fault was one-shot, and both attempts were recorded with their status.
    await bot_app.bot.send_message(CHAT, "hello")
    assert [c.status for c in bot_api.calls("sendMessage")] == [429, 200]


async def test_a_blocked_user_surfaces_as_forbidden(bot_app: App, bot_api: FakeBotAPI) -> None:
    bot_api.fail_next("sendMessage", chat_id=CHAT, error="forbidden")

    await bot_app.bot.send_message(CHAT + 1, "a different chat is unaffected")
    with pytest.raises(Forbidden, match="bot was blocked by the user"):
        await bot_app.bot.send_message(CHAT, "hello")


async def test_migration_and_bad_request_errors(bot_app: App, bot_api: FakeBotAPI) -> None:
    bot_api.fail_next("sendMessage", error="migrate", chat_id=-555, migrate_to_chat_id=-100555)
    bot_api.fail_next("sendMessage", error="bad_request", chat_id=-556)

    with pytest.raises(ChatMigrated) as migrated:
        await bot_app.bot.send_message(-555, "hi")
    assert migrated.value.new_chat_id == -100555
    with pytest.raises(BadRequest, match="Chat not found"):
        await bot_app.bot.send_message(-556, "hi")


async def test_commands_are_stored_per_scope_and_language(bot_app: App, bot_api: FakeBotAPI) -> None:
    bot = bot_app.bot
    private = BotCommandScopeAllPrivateChats()
    await bot.set_my_commands([BotCommand("start", "Bắt đầu")], scope=private, language_code="vi")

    assert await bot.get_my_commands(scope=private, language_code="vi") == (BotCommand("start", "Bắt đầu"),)
    assert await bot.get_my_commands(scope=private) == ()
    assert await bot.get_my_commands(language_code="vi") == ()

    await bot.delete_my_commands(scope=private, language_code="vi")
    assert await bot.get_my_commands(scope=private, language_code="vi") == ()


async def test_chat_member_status_is_configurable(bot_app: App, bot_api: FakeBotAPI) -> None:
    bot_api.set_chat_member(-100777, 5, "administrator")

    assert (await bot_app.bot.get_chat_member(-100777, 5)).status == "administrator"
    assert (await bot_app.bot.get_chat_member(-100777, 6)).status == "member"
    [admin] = await bot_app.bot.get_chat_administrators(-100777)
    assert admin.user.id == 5


async def test_two_bots_have_separate_update_queues(bot_api: FakeBotAPI) -> None:
    other_token = "987654321:OTHER"
    bot_api.register_bot(other_token, username="other_test_bot")
    bot_api.inject_update(bot_api.message("for the default bot"))

    async with build_app(bot_api, other_token) as other:
        assert other.bot.username == "other_test_bot"
        assert await other.bot.get_updates(timeout=0) == ()
    assert len(bot_api.pending_updates()) == 1


async def test_a_second_instance_polling_the_same_token_gets_conflict(bot_api: FakeBotAPI) -> None:
    # (One Bot cannot overlap its own polls: PTB gives getUpdates a one-connection pool.)
    async with build_app(bot_api) as one, build_app(bot_api) as two:
        first = asyncio.create_task(one.bot.get_updates(timeout=5))
        while not first.done():  # repeat in case this poll reached the stand-in before the first one
            assert await two.bot.get_updates(timeout=0) == ()
            await asyncio.sleep(0.01)

        with pytest.raises(Conflict, match="terminated by other getUpdates request"):
            await first

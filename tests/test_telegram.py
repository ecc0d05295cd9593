"""The Telegram layer through the real python-telegram-bot stack.

Each test builds the Application with the composition root (`build_application`), points
it at the local Bot API stand-in (`bot_api`, 127.0.0.1 only) and runs it by long polling:
updates are injected into the stand-in and the bot's calls are read back from it. The
knowledge base is a copy of the real `knowledge/` and `seeds/` in tmp_path, so reload
tests can edit it; the database is a temporary SQLite file.
"""

from __future__ import annotations

import html
import io
import logging
import re
import shutil
import subprocess
import sys
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from bot.answering.answers import Answer, Candidate, Status
from bot.app.service import KnowledgeService
from bot.app.settings import Settings
from bot.kb.loader import load_knowledge
from bot.nlu.text import collapse_whitespace
from bot.render.catalog import t
from bot.storage.repository import Storage
from bot.telegram.app import BotApplication, build_application, running
from bot.telegram.commands import COMMANDS, readme_admin_list, readme_command_list
from bot.telegram.menu import public_commands
from bot.telegram.render import (
    MAX_CALLBACK_BYTES,
    callback_data,
    lang_of_text,
    parse_callback,
    render_answer,
    split_html,
    truncate,
    utf16_len,
)
from tests.support.fake_bot_api import Call, FakeBotAPI

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "knowledge" / "checks" / "questions.yaml"
USER = 555_001
ADMIN = 777_001
GROUP = -100_200_300

# Behaviour of the real engine on the real base (see bot/engine.py).
Q_VI = "Tham vấn chính trị cấp Bộ trưởng lần thứ 8 diễn ra khi nào?"
Q_EN = "Who is Saleumxay Kommasith?"
Q_AMBIGUOUS = "cuộc họp lần thứ 8 diễn ra ở đâu?"
Q_OUT_OF_SCOPE = "Who is the Prime Minister of Thailand?"


# ---------------------------------------------------------------------------- harness


@dataclass
class Harness:
    api: FakeBotAPI
    app: BotApplication
    service: KnowledgeService
    storage: Storage
    settings: Settings
    knowledge_dir: Path

    def sent(self, chat_id: int) -> list[Call]:
        return [c for c in self.api.calls("sendMessage") if c.params.get("chat_id") == chat_id]

    async def send(
        self,
        text: str,
        *,
        user_id: int = USER,
        chat_id: int | None = None,
        chat_type: Any = "private",
        **kwargs: Any,
    ) -> Call:
        """Inject a user's message and return the bot's next sendMessage to that chat."""
        update = self.api.message(text, user_id=user_id, chat_id=chat_id, chat_type=chat_type, **kwargs)
        chat = update["message"]["chat"]["id"]
        before = len(self.sent(chat))
        self.api.inject_update(update)
        return await self.api.wait_for(
            "sendMessage", lambda c: c.params.get("chat_id") == chat, count=before + 1
        )

    async def tap(
        self,
        data: str,
        *,
        message_id: int,
        chat_id: int = USER,
        user_id: int = USER,
        expect_message: bool = True,
    ) -> tuple[Call, Call | None]:
        """Press an inline button on the bot's message; the answerCallbackQuery and the next message."""
        update = self.api.callback_query(data, chat_id=chat_id, user_id=user_id, message_id=message_id)
        query_id = update["callback_query"]["id"]
        before = len(self.sent(chat_id))
        self.api.inject_update(update)
        answered = await self.api.wait_for(
            "answerCallbackQuery", lambda c: c.params.get("callback_query_id") == query_id
        )
        if not expect_message:
            return answered, None
        message = await self.api.wait_for(
            "sendMessage", lambda c: c.params.get("chat_id") == chat_id, count=before + 1
        )
        return answered, message

    def answer(self, question: str, **kwargs: Any) -> Answer:
        return self.service.engine.answer(question, **kwargs)

    def answer_fact_text(self, fact_id: str, lang: Any = "vi") -> str:
        """The first line of what a candidate's button answers (HTML-unescaped)."""
        return self.service.engine.answer_fact(fact_id, lang=lang).text.splitlines()[0]


def buttons(call: Call) -> list[dict[str, Any]]:
    markup = call.params.get("reply_markup") or {}
    return [button for row in markup.get("inline_keyboard", []) for button in row]


def message_id(call: Call) -> int:
    return int(call.result["message_id"])


def copy_base(tmp_path: Path) -> tuple[Path, Path]:
    knowledge_dir, seeds_dir = tmp_path / "knowledge", tmp_path / "seeds"
    shutil.copytree(ROOT / "knowledge", knowledge_dir)
    shutil.copytree(ROOT / "seeds", seeds_dir)
    return knowledge_dir, seeds_dir


def fact_file(knowledge_dir: Path) -> Path:
    """The first fact file of the copied base, for edits."""
    return sorted(p for p in knowledge_dir.glob("*.yaml") if p.name != "coverage.yaml")[0]


def make_settings(tmp_path: Path, api: FakeBotAPI, knowledge_dir: Path, seeds_dir: Path) -> Settings:
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        telegram_bot_token=api.token,
        telegram_api_base_url=api.base_url,
        admin_user_ids=frozenset({ADMIN}),
        database_url=f"sqlite:///{tmp_path / 'bot.sqlite3'}",
        knowledge_dir=knowledge_dir,
        seeds_dir=seeds_dir,
        gold_file=GOLD,
        cache_dir=None,
        webhook_url=None,
    )


@pytest.fixture
async def bot(tmp_path: Path, bot_api: FakeBotAPI, request: pytest.FixtureRequest) -> AsyncIterator[Harness]:
    """The bot on a copy of the base; tests marked `versions` keep its versions in the database as
    the real bot does (a first start then runs the gold set: ~0.5 s the other tests do without)."""
    knowledge_dir, seeds_dir = copy_base(tmp_path)
    settings = make_settings(tmp_path, bot_api, knowledge_dir, seeds_dir)
    storage = Storage.open(settings.database_url)
    versions = storage if request.node.get_closest_marker("versions") else None
    service = KnowledgeService(knowledge_dir, seeds_dir, GOLD, versions=versions)
    app = build_application(settings, service, storage)
    try:
        async with running(app):
            yield Harness(bot_api, app, service, storage, settings, knowledge_dir)
    finally:
        storage.close()


# ---------------------------------------------------------------------------- questions


async def test_vietnamese_question_in_private_chat(bot: Harness) -> None:
    expected = bot.answer(Q_VI)
    assert expected.status is Status.ANSWERED
    call = await bot.send(Q_VI)
    assert call.params["parse_mode"] == "HTML"
    assert html.escape(expected.text) in call.params["text"]
    sources = [b for b in buttons(call) if b["callback_data"].startswith("src:")]
    assert sources and sources[0]["text"] == t("source_button", "vi")
    assert sources[0]["callback_data"] == f"src:{expected.facts[0]}"


async def test_english_question(bot: Harness) -> None:
    expected = bot.answer(Q_EN)
    assert expected.status is Status.ANSWERED and expected.lang == "en"
    call = await bot.send(Q_EN)
    assert html.escape(expected.text) in call.params["text"]
    assert any(b["text"] == t("source_button", "en") for b in buttons(call))


async def test_group_ask_command_is_answered_and_quotes_the_question(bot: Harness) -> None:
    expected = bot.answer(Q_VI)
    call = await bot.send(f"/ask {Q_VI}", chat_id=GROUP, chat_type="supergroup")
    assert html.escape(expected.text) in call.params["text"]
    assert call.params.get("reply_parameters", {}).get("message_id")  # replies to the asker


async def test_group_plain_message_is_ignored_but_mention_and_reply_are_answered(bot: Harness) -> None:
    expected = html.escape(bot.answer(Q_VI).text)
    bot.api.inject_update(bot.api.message(Q_VI, chat_id=GROUP, chat_type="group", user_id=USER))
    username = bot.api.bot_user()["username"]
    mention = await bot.send(f"@{username} {Q_VI}", chat_id=GROUP, chat_type="group")
    assert expected in mention.params["text"]
    assert len(bot.sent(GROUP)) == 1  # the plain message got no reply
    replied = await bot.send(Q_VI, chat_id=GROUP, chat_type="group", reply_to_bot=True)
    assert expected in replied.params["text"]
    assert len(bot.sent(GROUP)) == 2


async def test_ambiguous_question_then_candidate_tap(bot: Harness) -> None:
    expected = bot.answer(Q_AMBIGUOUS)
    assert expected.status is Status.AMBIGUOUS and len(expected.candidates) >= 2
    call = await bot.send(Q_AMBIGUOUS)
    choices = [b for b in buttons(call) if b["callback_data"].startswith("ans:")]
    assert [b["callback_data"] for b in choices] == [f"ans:{c.fact_id}" for c in expected.candidates]
    chosen = expected.candidates[1]
    _, reply = await bot.tap(f"ans:{chosen.fact_id}", message_id=message_id(call))
    assert reply is not None
    chosen_answer = bot.service.engine.answer_fact(chosen.fact_id, lang=expected.lang)
    assert html.escape(chosen_answer.text) in reply.params["text"]
    assert any(b["callback_data"].startswith("src:") for b in buttons(reply))


async def test_source_button_shows_seed_and_quote(bot: Harness) -> None:
    expected = bot.answer(Q_VI)
    call = await bot.send(Q_VI)
    data = next(b["callback_data"] for b in buttons(call) if b["callback_data"].startswith("src:"))
    _, reply = await bot.tap(data, message_id=message_id(call))
    assert reply is not None
    fact = bot.service.knowledge.by_id[data.removeprefix("src:")]
    assert fact.id == expected.facts[0]
    text = reply.params["text"]
    assert fact.source is not None and html.escape(fact.source) in text
    assert html.escape(collapse_whitespace(fact.quotes[0])) in text
    assert reply.params["parse_mode"] == "HTML"


async def test_expired_choice_after_the_fact_is_gone(bot: Harness) -> None:
    call = await bot.send(Q_VI)
    for data in ("ans:no-such-fact-any-more", "src:no-such-fact-any-more", "garbage"):
        answered, _ = await bot.tap(data, message_id=message_id(call), expect_message=False)
        assert answered.params.get("text") in (t("expired", "vi"), t("expired", "en"))
    assert len(bot.sent(USER)) == 1


async def test_buttons_keep_working_after_a_restart(bot: Harness) -> None:
    call = await bot.send(Q_VI)
    data = next(b["callback_data"] for b in buttons(call) if b["callback_data"].startswith("src:"))
    await bot.app.updater.stop()  # type: ignore[union-attr]  # the first process ends...
    await bot.app.stop()
    service = KnowledgeService(bot.knowledge_dir, bot.settings.seeds_dir, GOLD)
    restarted = build_application(bot.settings, service, bot.storage)
    async with running(restarted):  # ...and a new one answers the old message's button
        fresh = Harness(
            bot.api, restarted, restarted.bot_data.service, bot.storage, bot.settings, bot.knowledge_dir
        )
        _, reply = await fresh.tap(data, message_id=message_id(call))
    assert reply is not None and "<blockquote>" in reply.params["text"]


async def test_inline_query(bot: Harness) -> None:
    expected = bot.answer(Q_VI)
    update = bot.api.inline_query(Q_VI, user_id=USER)
    bot.api.inject_update(update)
    call = await bot.api.wait_for(
        "answerInlineQuery", lambda c: c.params.get("inline_query_id") == update["inline_query"]["id"]
    )
    results = call.params["results"]
    assert results and results[0]["type"] == "article"
    content = results[0]["input_message_content"]
    assert html.escape(expected.text) in content["message_text"] and content["parse_mode"] == "HTML"
    assert int(call.params["cache_time"]) <= 60

    empty = bot.api.inline_query("", user_id=USER)
    bot.api.inject_update(empty)
    call = await bot.api.wait_for(
        "answerInlineQuery", lambda c: c.params.get("inline_query_id") == empty["inline_query"]["id"]
    )
    examples = bot.service.engine.examples("en")  # the stand-in's users speak English by default
    assert [r["title"] for r in call.params["results"]] == [truncate(e, 100) for e in examples[:5]]


async def test_html_in_a_question_is_escaped(bot: Harness) -> None:
    nasty = "<b>x</b> & co"
    call = await bot.send(nasty)
    assert "<b>x</b>" not in call.params["text"]
    call = await bot.send(f"/official {nasty}")
    assert "<b>x</b>" not in call.params["text"]
    listing = await bot.send("/unanswered", user_id=ADMIN, chat_id=ADMIN)
    assert "&lt;b&gt;x&lt;/b&gt; &amp; co" in listing.params["text"]
    assert "<b>x</b>" not in listing.params["text"]


async def test_lang_is_remembered(bot: Harness) -> None:
    call = await bot.send("/lang en")
    assert "English" in call.params["text"]
    assert bot.storage.get_language(USER) == "en"
    expected = bot.answer(Q_VI, lang="en")
    call = await bot.send(Q_VI)
    assert html.escape(expected.text) in call.params["text"]
    assert any(b["text"] == t("source_button", "en") for b in buttons(call))
    await bot.send("/lang auto")
    assert bot.storage.get_language(USER) is None


async def test_out_of_scope_is_not_found_and_logged(bot: Harness) -> None:
    assert bot.answer(Q_OUT_OF_SCOPE).status is Status.NOT_FOUND
    call = await bot.send(Q_OUT_OF_SCOPE)
    assert not any(b["callback_data"].startswith("src:") for b in buttons(call))
    stats = await bot.send("/stats", user_id=ADMIN, chat_id=ADMIN)
    assert "Questions served: 1" in stats.params["text"]
    assert [q.text for q in bot.storage.top_unanswered(5)] == [Q_OUT_OF_SCOPE]


async def test_on_date_validates_its_argument(bot: Harness) -> None:
    for bad in ("/on", "/on 31/02", "/on 12-2021", "/on hôm qua"):
        call = await bot.send(bad)
        assert "/on DD/MM" in call.params["text"], bad
    call = await bot.send("/on 28/12/2021")
    assert html.escape(bot.answer("What happened on 28/12/2021?", lang="en").text) in call.params["text"]


# ---------------------------------------------------------------------------- help and the command table


async def test_help_lists_commands_and_knowledge(bot: Harness) -> None:
    call = await bot.send("/help")
    text = call.params["text"]
    for command in public_commands(COMMANDS):
        assert f"/{command.name}" in text
    for command in COMMANDS:
        if command.admin:
            assert f"/{command.name} " not in text and not text.rstrip().endswith(f"/{command.name}")
    assert str(len(bot.service.knowledge.facts)) in text
    for example in bot.service.engine.examples("en")[:3]:
        assert html.escape(example) in text
    admin_help = await bot.send("/help", user_id=ADMIN, chat_id=ADMIN)
    assert "/reload" in admin_help.params["text"]


async def test_command_table_menu_help_and_readme_agree(bot: Harness) -> None:
    menus: dict[str, list[tuple[str, str]]] = {}
    for call in bot.api.calls("setMyCommands"):
        if call.params.get("scope") in (None, {"type": "default"}):
            menus[str(call.params.get("language_code", ""))] = [
                (c["command"], c["description"]) for c in call.params["commands"]
            ]
    public = public_commands(COMMANDS)
    assert menus["vi"] == [(c.name, c.description_vi) for c in public]
    assert menus["en"] == [(c.name, c.description_en) for c in public]
    assert menus[""] == menus["vi"]
    admin_menus = [
        c for c in bot.api.calls("setMyCommands") if c.params.get("scope", {}).get("chat_id") == ADMIN
    ]
    assert {c.params["language_code"] for c in admin_menus} == {"vi", "en"}
    assert {c["command"] for c in admin_menus[0].params["commands"]} == {c.name for c in COMMANDS}

    help_text = (await bot.send("/help")).params["text"]
    for command in public:
        assert html.escape(f"{command.usage()} — {command.description_en}") in help_text

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = re.search(r"^## Telegram commands\n(.*?)(?=^## |\Z)", readme, re.S | re.M)
    assert section is not None, "README.md needs a '## Telegram commands' section"
    assert readme_command_list() in section.group(1)
    assert readme_admin_list() in section.group(1)
    listed = re.findall(r"^- `/(\w+)", section.group(1), re.M)
    assert listed == [c.name for c in public] + [c.name for c in COMMANDS if c.admin]


# ---------------------------------------------------------------------------- admin


async def test_non_admin_reload_is_refused(bot: Harness, caplog: pytest.LogCaptureFixture) -> None:
    version = bot.service.knowledge.version
    with caplog.at_level(logging.WARNING, logger="bot.telegram.handlers"):
        call = await bot.send("/reload")
    assert html.escape(t("admin_only", "en")) in call.params["text"]
    assert bot.service.knowledge.version == version
    assert any(str(USER) in r.getMessage() and "/reload" in r.getMessage() for r in caplog.records)
    for command in ("/rollback", "/versions", "/stats", "/unanswered"):
        assert html.escape(t("admin_only", "en")) in (await bot.send(command)).params["text"]


async def test_admin_reload_of_a_broken_edit_is_refused_and_old_base_serves(bot: Harness) -> None:
    version = bot.service.knowledge.version
    target = fact_file(bot.knowledge_dir)
    target.write_text(
        target.read_text(encoding="utf-8") + "\n  - kind: place\n    id: broken-place\n    bogus_field: 1\n",
        encoding="utf-8",
    )
    problems = load_knowledge(bot.knowledge_dir, bot.settings.seeds_dir).problems
    assert problems
    call = await bot.send("/reload", user_id=ADMIN, chat_id=ADMIN)
    text = call.params["text"]
    assert "refused" in text
    assert re.search(rf"knowledge/{re.escape(target.name)}:\d+: ", text)
    first = problems[0]
    assert html.escape(f"knowledge/{target.name}:{first.line}: {first.message}") in text
    assert bot.service.knowledge.version == version
    expected = bot.answer(Q_VI)
    assert expected.status is Status.ANSWERED
    assert html.escape(expected.text) in (await bot.send(Q_VI)).params["text"]


@pytest.mark.versions
async def test_admin_reload_of_a_good_edit_then_rollback(bot: Harness) -> None:
    old_version = bot.service.knowledge.version
    target = fact_file(bot.knowledge_dir)
    text = target.read_text(encoding="utf-8")
    match = re.search(r"^    id: ([a-z0-9-]+)\n", text, re.M)
    assert match is not None
    fact_id = match.group(1)
    edited = text.replace(match.group(0), match.group(0) + "    note: edited by the reload test\n", 1)
    target.write_text(edited, encoding="utf-8")
    call = await bot.send("/reload", user_id=ADMIN, chat_id=ADMIN)
    reply = call.params["text"]
    assert "Reloaded" in reply and f"<code>{fact_id}</code>" in reply
    new_version = bot.service.knowledge.version
    assert new_version != old_version and new_version in reply and old_version in reply
    assert bot.service.knowledge.by_id[fact_id].note == "edited by the reload test"

    call = await bot.send("/versions", user_id=ADMIN, chat_id=ADMIN)
    listing = call.params["text"]
    assert listing.index(new_version) < listing.index(old_version)  # newest first
    assert f"by {ADMIN}" in listing and "at start-up" in listing and "gold 9" in listing

    call = await bot.send("/rollback", user_id=ADMIN, chat_id=ADMIN)
    assert old_version in call.params["text"] and new_version in call.params["text"]
    assert bot.service.knowledge.version == old_version
    assert "note" not in bot.service.knowledge.by_id[fact_id].model_dump(exclude_none=True)
    call = await bot.send("/rollback", user_id=ADMIN, chat_id=ADMIN)
    assert html.escape(t("rollback_none", "en")) in call.params["text"]  # nothing before the first
    assert bot.service.knowledge.version == old_version
    call = await bot.send("/versions", user_id=ADMIN, chat_id=ADMIN)
    assert "rolled back" in call.params["text"]

    # The edit is still on disk: a reload puts it into service again.
    call = await bot.send("/reload", user_id=ADMIN, chat_id=ADMIN)
    assert "Reloaded" in call.params["text"] and bot.service.knowledge.version == new_version


@pytest.mark.versions
async def test_admin_reload_with_nothing_changed_says_so_and_changes_nothing(bot: Harness) -> None:
    before = bot.storage.version_history()
    call = await bot.send("/reload", user_id=ADMIN, chat_id=ADMIN)
    version = bot.service.knowledge.version
    assert html.escape(t("reload_unchanged", "en", version=version)) in call.params["text"]
    assert bot.storage.version_history() == before
    call = await bot.send("/rollback", user_id=ADMIN, chat_id=ADMIN)
    assert html.escape(t("rollback_none", "en")) in call.params["text"]


async def test_admin_stats_and_unanswered(bot: Harness) -> None:
    await bot.send(Q_VI)
    await bot.send(Q_OUT_OF_SCOPE)
    await bot.send(Q_OUT_OF_SCOPE.lower())  # the same question once folded
    call = await bot.send("/stats", user_id=ADMIN, chat_id=ADMIN)
    text = call.params["text"]
    assert "Questions served: 3" in text and "not found: 2 (67%)" in text
    assert bot.service.knowledge.version in text
    call = await bot.send("/unanswered 5", user_id=ADMIN, chat_id=ADMIN)
    assert f"×2 — {html.escape(Q_OUT_OF_SCOPE)}" in call.params["text"]
    call = await bot.send("/unanswered lots", user_id=ADMIN, chat_id=ADMIN)
    assert "Usage: /unanswered" in call.params["text"]


# ---------------------------------------------------------------------------- errors


async def test_error_handler_tells_user_and_admin_once(bot: Harness) -> None:
    apology = html.escape(t("error", "en"))
    bot.api.fail_next("sendMessage", chat_id=USER, error="bad_request")
    bot.api.inject_update(bot.api.message(Q_VI, user_id=USER))  # the reply fails; then the apology
    await bot.api.wait_for("sendMessage", lambda c: c.ok and apology in c.params["text"])
    notice = await bot.api.wait_for("sendMessage", lambda c: c.params.get("chat_id") == ADMIN)
    assert "BadRequest" in notice.params["text"]
    assert bot.api.token not in notice.params["text"]
    bot.api.fail_next("sendMessage", chat_id=USER, error="bad_request")
    bot.api.inject_update(bot.api.message(Q_VI, user_id=USER))
    await bot.api.wait_for("sendMessage", lambda c: c.ok and apology in c.params["text"], count=2)
    assert len(bot.sent(ADMIN)) == 1  # rate-limited: one notice a minute


async def test_forbidden_is_not_an_error(bot: Harness) -> None:
    bot.api.fail_next("sendMessage", chat_id=USER, error="forbidden")
    bot.api.inject_update(bot.api.message(Q_VI, user_id=USER))
    await bot.api.wait_for("sendMessage", lambda c: c.params.get("chat_id") == USER and not c.ok)
    call = await bot.send("/help")  # the bot goes on; no apology, no admin notice
    assert "/ask" in call.params["text"]
    assert len([c for c in bot.sent(USER) if c.ok]) == 1
    assert bot.sent(ADMIN) == []


# ---------------------------------------------------------------------------- rendering (no network)


def test_split_html_keeps_tags_and_entities_whole() -> None:
    line = "<b>Tiêu đề</b> &amp; <i>nội dung rất dài</i> với &lt;ký hiệu&gt; và chữ thường. "
    text = "<blockquote>" + "\n".join(line * 3 for _ in range(120)) + "</blockquote>\n" + "x" * 9000
    parts = split_html(text, 4096)
    assert len(parts) > 3
    visible = ""
    for part in parts:
        assert utf16_len(part) <= 4096
        assert part.count("<b>") == part.count("</b>") and part.count("<i>") == part.count("</i>")
        assert part.count("<blockquote>") == part.count("</blockquote>")
        assert not re.search(r"&[a-z]*$|<[^>]*$", part)  # no cut inside an entity or a tag
        visible += re.sub(r"<[^>]+>", "", part)

    def squash(s: str) -> str:
        return re.sub(r"\s+", "", s)

    assert squash(visible) == squash(re.sub(r"<[^>]+>", "", text))
    assert split_html("short <b>text</b>") == ["short <b>text</b>"]


def test_callback_data_fits_and_round_trips() -> None:
    longest = "a" * 60
    for kind in ("src", "ans"):
        data = callback_data(kind, longest)  # type: ignore[arg-type]
        assert data is not None and len(data.encode()) <= MAX_CALLBACK_BYTES
        assert parse_callback(data) == (kind, longest)
    assert parse_callback("evil:<b>") is None and parse_callback("ans:Bad Id") is None


def test_render_escapes_engine_text_and_truncates_labels() -> None:
    answer = Answer(
        "q",
        Status.AMBIGUOUS,
        "A <script> & B",
        "en",
        candidates=(Candidate("x-1", "L" * 200), Candidate("x-2", "short")),
    )
    rendered = render_answer(answer)
    assert rendered.text == "A &lt;script&gt; &amp; B"
    assert rendered.keyboard is not None
    labels = [row[0].text for row in rendered.keyboard.inline_keyboard]
    assert len(labels[0]) <= 48 and labels[0].endswith("…") and labels[1] == "short"


def test_language_of_a_message_with_vietnamese_names() -> None:
    assert lang_of_text("The 8th consultation was held in Hà Nội, co-chaired by Bùi Thanh Sơn.") == "en"
    assert lang_of_text("Tham vấn chính trị lần thứ 8 diễn ra tại Hà Nội.") == "vi"


# ---------------------------------------------------------------------------- run and terminal


def test_terminal_answers_piped_lines(tmp_path: Path) -> None:
    from bot.cli.terminal import run_terminal

    knowledge_dir, seeds_dir = copy_base(tmp_path)
    settings = Settings(
        _env_file=None,
        knowledge_dir=knowledge_dir,
        seeds_dir=seeds_dir,  # type: ignore[call-arg]
        gold_file=GOLD,
        telegram_bot_token=None,
        cache_dir=None,
    )
    out, err = io.StringIO(), io.StringIO()
    code = run_terminal(settings, stdin=io.StringIO(f"{Q_VI}\n\n/quit\n{Q_EN}\n"), stdout=out, stderr=err)
    assert code == 0
    assert "TELEGRAM_BOT_TOKEN" in err.getvalue() and ".env" in err.getvalue()
    engine = KnowledgeService(knowledge_dir, seeds_dir).engine
    assert engine.answer(Q_VI).text in out.getvalue()
    assert engine.answer(Q_EN).text not in out.getvalue()  # after /quit


def test_python_m_bot_without_token_runs_the_terminal(tmp_path: Path) -> None:
    knowledge_dir, seeds_dir = copy_base(tmp_path)
    env = {
        "PATH": "/usr/bin:/bin",
        "KNOWLEDGE_DIR": str(knowledge_dir),
        "SEEDS_DIR": str(seeds_dir),
        "GOLD_FILE": str(GOLD),
        "CACHE_DIR": "",
        "PYTHONPATH": str(ROOT),
    }
    done = subprocess.run(
        [sys.executable, "-m", "bot"],
        input=f"{Q_VI}\n",
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "TELEGRAM_BOT_TOKEN" in done.stderr
    assert done.stdout.strip()


def test_webhook_options_and_token_redaction(tmp_path: Path) -> None:
    from bot.app.logs import RedactFilter, redact
    from bot.telegram.run import webhook_options

    settings = Settings(
        _env_file=None,
        telegram_bot_token="123:SECRET",  # type: ignore[call-arg]
        webhook_url="https://bot.example.org/tg/hook",
        webhook_port=8443,
        webhook_listen="0.0.0.0",
        webhook_secret="s3cret",
    )
    assert webhook_options(settings) == {
        "listen": "0.0.0.0",
        "port": 8443,
        "url_path": "tg/hook",
        "webhook_url": "https://bot.example.org/tg/hook",
        "secret_token": "s3cret",
    }
    record = logging.LogRecord("x", logging.ERROR, __file__, 1, "GET /bot%s/getMe", ("123:SECRET",), None)
    RedactFilter(["123:SECRET"]).filter(record)
    assert "SECRET" not in record.getMessage() and "<redacted>" in record.getMessage()
    assert redact("token 123:SECRET, hook s3cret", ["123:SECRET", "s3cret", None]) == (
        "token <redacted>, hook <redacted>"
    )


def test_run_with_a_token_polls_and_answers(
    tmp_path: Path, bot_api: FakeBotAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    import asyncio
    import threading
    import time

    import bot.telegram.app as app_module
    import bot.telegram.run

    built: dict[str, Any] = {}
    real_build = app_module.build_application

    def build(*args: Any, **kwargs: Any) -> BotApplication:
        app = real_build(*args, **kwargs)
        original = app.post_init

        async def post_init(application: Any) -> None:
            built["loop"] = asyncio.get_running_loop()
            assert original is not None
            await original(application)

        app.post_init = post_init
        built["app"] = app
        return app

    monkeypatch.setattr(app_module, "build_application", build)
    knowledge_dir, seeds_dir = copy_base(tmp_path)
    settings = make_settings(tmp_path, bot_api, knowledge_dir, seeds_dir)

    def drive() -> None:
        deadline = time.monotonic() + 20
        while "loop" not in built and time.monotonic() < deadline:
            time.sleep(0.01)
        bot_api.inject_update(bot_api.message(Q_VI, user_id=USER))
        while not bot_api.sent_messages(USER) and time.monotonic() < deadline:
            time.sleep(0.01)
        built["loop"].call_soon_threadsafe(built["app"].stop_running)

    driver = threading.Thread(target=drive, daemon=True)
    driver.start()
    assert bot.telegram.run.run(settings) == 0
    driver.join(5)
    assert [c.method for c in bot_api.calls("getMe")] == ["getMe"]
    assert bot_api.sent_messages(USER), "the bot did not answer while polling"


def test_answer_cache_follows_the_engine_in_service() -> None:
    import datetime as dt

    from bot.telegram.state import AnswerCache

    class Counting:
        def __init__(self) -> None:
            self.calls = 0

        def answer(self, question: str, *, lang: Any = None, today: Any = None) -> Answer:
            self.calls += 1
            return Answer(question, Status.NOT_FOUND, f"{id(self)} {today}", "vi")

    cache, day = AnswerCache(2), dt.date(2025, 1, 1)
    old, new = Counting(), Counting()
    first = cache.answer(old, "q", None, day)  # type: ignore[arg-type]
    assert cache.answer(old, "q", None, day) is first and old.calls == 1  # type: ignore[arg-type]
    assert cache.answer(old, "q", None, day + dt.timedelta(days=1)) is not first  # type: ignore[arg-type]
    assert cache.answer(new, "q", None, day).text.startswith(str(id(new)))  # type: ignore[arg-type]
    assert new.calls == 1


def test_every_setting_is_documented_in_readme_and_env_example() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = re.search(r"^## Configuration\n(.*?)(?=^## |\Z)", readme, re.S | re.M)
    assert section is not None
    example = (ROOT / ".env.example").read_text(encoding="utf-8")
    for name in Settings.model_fields:
        assert f"`{name.upper()}`" in section.group(1), name
        assert re.search(rf"^(# )?{name.upper()}=", example, re.M), name


async def test_language_cache_reads_storage_once_until_the_ttl() -> None:
    import asyncio

    from bot.telegram.state import LanguageCache

    with Storage.open("sqlite://") as storage:
        cache = LanguageCache(storage, ttl=0.2)
        assert await cache.get(42) is None  # "auto" is cached too
        storage.set_language(42, "en")  # another process changes it behind the cache
        assert await cache.get(42) is None
        await asyncio.sleep(0.3)
        assert await cache.get(42) == "en"
        await cache.set(42, "vi")
        assert await cache.get(42) == "vi" and storage.get_language(42) == "vi"

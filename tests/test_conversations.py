"""Conversations through the real PTB application and the local Bot API stand-in: follow-ups,
choices by reply, a group with two users, replies to older messages, expiry, restart, edits,
media; and the dialogue table (`knowledge/checks/dialogues.yaml`)."""

from __future__ import annotations

import asyncio
import datetime as dt
import html
import time
from pathlib import Path
from typing import Any

from bot.answering.dialogue import Context
from bot.answering.dialogue_eval import load_dialogues, run_dialogues
from bot.answering.engine import Engine
from bot.app.service import KnowledgeService
from bot.render.catalog import t
from bot.storage.conversations import ConversationStore
from bot.storage.repository import Storage
from bot.telegram.app import build_application, running
from bot.telegram.conversation import ConversationKeeper
from tests.support.fake_bot_api import Call
from tests.test_telegram import GOLD, GROUP, USER, Harness, bot, buttons, message_id  # noqa: F401

ROOT = Path(__file__).resolve().parent.parent
FM8 = "fm-political-consultation-8"
DEPUTY8 = "deputy-fm-political-consultation-8"
OTHER_USER = 555_002


def text_of(call: Call) -> str:
    return html.unescape(str(call.params["text"]))


def facts_of(harness: Harness, fact_id: str, lang: str = "vi") -> str:
    fact = harness.service.knowledge.by_id[fact_id]
    return str(getattr(fact, f"title_{lang}", None) or getattr(fact, "name", ""))


def test_the_dialogue_table_is_at_least_95_percent_right_with_no_confident_wrong(engine: Engine) -> None:
    cases = load_dialogues(ROOT / "knowledge" / "checks" / "dialogues.yaml")
    assert len(cases) >= 40
    report = run_dialogues(engine, cases)
    assert report.confident_wrong == 0, "\n".join(report.misses)
    assert report.turn_rate >= 0.95, report.summary() + "\n" + "\n".join(report.misses)


def test_context_round_trips_through_json() -> None:
    context = Context("q", "en", "answered", facts=("a",), intents=("when",), round=8, officials=("x",))
    again = Context.from_json(context.to_json())
    assert again == context
    assert Context.from_json("not json") is None


async def test_private_follow_ups_slot_round_and_pronoun(bot: Harness) -> None:  # noqa: F811
    first = await bot.send("Tham vấn chính trị cấp Bộ trưởng lần thứ 8 diễn ra ở đâu?")
    assert "Nhà khách Chính phủ" in text_of(first)
    cochair = await bot.send("Ai đồng chủ trì?")
    assert "Đồng chủ trì" in text_of(cochair) and "Saleumxay" in text_of(cochair)
    ninth = await bot.send("còn lần thứ 9?")
    assert "không có" in text_of(ninth)
    profile = await bot.send("Saleumxay Kommasith là ai?")  # a new topic, never mixed with the old
    assert "Saleumxay Kommasith (Lào)" in text_of(profile)
    visit = await bot.send("ông ấy sang Việt Nam khi nào?")
    assert "28–29/12/2021" in text_of(visit)


async def test_follow_up_without_context_asks_back(bot: Harness) -> None:  # noqa: F811
    call = await bot.send("Ai đồng chủ trì?")
    assert t("clarify_thing", "vi") in text_of(call)
    call = await bot.send("who co-chaired that meeting?", language_code="en")
    assert t("clarify_thing", "en") in text_of(call)


async def test_choosing_by_number_and_by_word(bot: Harness) -> None:  # noqa: F811
    await bot.send("cuộc họp lần thứ 8 diễn ra ở đâu?")
    second = await bot.send("2")
    assert bot.answer_fact_text(DEPUTY8) in text_of(second)
    other: dict[str, Any] = {"user_id": OTHER_USER}  # a fresh conversation: no context yet
    await bot.send("cuộc họp lần thứ 8 diễn ra ở đâu?", **other)
    by_word = await bot.send("cấp Bộ trưởng ấy", **other)
    assert bot.answer_fact_text(FM8) in text_of(by_word)
    # and then a follow-up about the chosen one
    cochair = await bot.send("ai đồng chủ trì?", **other)
    assert "Saleumxay" in text_of(cochair)


async def test_english_follow_ups_and_choice(bot: Harness) -> None:  # noqa: F811
    await bot.send("Where was the 8th foreign-minister-level political consultation?")
    cochair = await bot.send("who co-chaired it?")
    assert "Co-chair" in text_of(cochair)
    ninth = await bot.send("and the 9th?")
    assert "no 9th" in text_of(ninth)
    await bot.send("Where was the 8th round held?", user_id=OTHER_USER)
    deputy = await bot.send("the deputy-level one", user_id=OTHER_USER)
    assert bot.answer_fact_text(DEPUTY8, "en") in text_of(deputy)


async def test_group_users_keep_their_own_context_and_a_reply_resumes_an_older_message(
    bot: Harness,  # noqa: F811
) -> None:
    group: dict[str, Any] = {"chat_id": GROUP, "chat_type": "supergroup"}
    first = await bot.send("/ask Tham vấn chính trị cấp Bộ trưởng lần thứ 8 diễn ra ở đâu?", **group)
    await bot.send("/ask Saleumxay Kommasith là ai?", user_id=OTHER_USER, **group)
    # each user's follow-up is read in their own thread
    mine = await bot.send("/ask Ai đồng chủ trì?", **group)
    assert "Đồng chủ trì" in text_of(mine) and "lần thứ 8" in text_of(mine)
    theirs = await bot.send("/ask ông ấy sang Việt Nam khi nào?", user_id=OTHER_USER, **group)
    assert "28–29/12/2021" in text_of(theirs)
    # a reply to the bot's first answer continues from that answer, whatever came since
    await bot.send("/ask Võ Văn Thưởng là ai?", **group)
    replied = await bot.send("ở đâu?", reply_to_message_id=message_id(first), **group)
    assert "Nhà khách Chính phủ" in text_of(replied)


async def test_context_expires_after_the_quiet_period(bot: Harness) -> None:  # noqa: F811
    await bot.send("Tham vấn chính trị cấp Bộ trưởng lần thứ 8 diễn ra ở đâu?")
    keeper = bot.app.bot_data.conversations
    later = dt.datetime.now(dt.UTC) + keeper.ttl + dt.timedelta(minutes=1)
    keeper.store._clock = lambda: later  # time passes
    call = await bot.send("Ai đồng chủ trì?")
    assert t("clarify_thing", "vi") in text_of(call)


async def test_a_conversation_survives_a_restart(bot: Harness) -> None:  # noqa: F811
    """The context lives in the database: a new process (a new Storage on the same file) continues."""
    await bot.send("Saleumxay Kommasith là ai?")
    reopened = Storage.open(bot.settings.database_url)
    try:
        keeper = bot.app.bot_data.conversations
        await keeper.flush()
        bot.app.bot_data.conversations = ConversationKeeper(ConversationStore(reopened), keeper.ttl)
        call = await bot.send("ông ấy sang Việt Nam khi nào?")
        assert "28–29/12/2021" in text_of(call)
    finally:
        reopened.close()


async def test_an_edited_question_is_answered_again_in_the_earlier_reply(bot: Harness) -> None:  # noqa: F811
    update = bot.api.message("Tham vấn chính trị cấp Bộ trưởng lần thứ 8 diễn ra ở đâu?", user_id=USER)
    question_id = update["message"]["message_id"]
    bot.api.inject_update(update)
    first = await bot.api.wait_for("sendMessage", lambda c: c.params.get("chat_id") == USER)
    edited = bot.api.message("Tham vấn chính trị cấp Bộ trưởng lần thứ 8 diễn ra khi nào?", user_id=USER)
    message = edited.pop("message")
    message["message_id"] = question_id
    message["edit_date"] = int(time.time())
    bot.api.inject_update({"edited_message": message})
    edit = await bot.api.wait_for("editMessageText", lambda c: c.params.get("chat_id") == USER)
    assert int(edit.params["message_id"]) == message_id(first)
    assert "12/2021" in html.unescape(str(edit.params["text"]))
    assert len(bot.sent(USER)) == 1  # no new message


async def test_media_get_a_hint_and_a_photo_caption_is_answered(bot: Harness) -> None:  # noqa: F811
    for kind, payload in (
        (
            "sticker",
            {
                "file_id": "s1",
                "file_unique_id": "s1",
                "type": "regular",
                "width": 1,
                "height": 1,
                "is_animated": False,
                "is_video": False,
            },
        ),
        ("voice", {"file_id": "v1", "file_unique_id": "v1", "duration": 1}),
    ):
        update = bot.api.message("x", user_id=USER)
        update["message"].pop("text")
        update["message"][kind] = payload
        before = len(bot.sent(USER))
        bot.api.inject_update(update)
        hint = await bot.api.wait_for(
            "sendMessage", lambda c: c.params.get("chat_id") == USER, count=before + 1
        )
        assert text_of(hint) == t("media_hint", "en")  # the stand-in's users speak English
    photo = bot.api.message("x", user_id=USER)
    photo["message"].pop("text")
    photo["message"]["photo"] = [{"file_id": "p1", "file_unique_id": "p1", "width": 1, "height": 1}]
    photo["message"]["caption"] = "Saleumxay Kommasith là ai?"
    before = len(bot.sent(USER))
    bot.api.inject_update(photo)
    answer = await bot.api.wait_for(
        "sendMessage", lambda c: c.params.get("chat_id") == USER, count=before + 1
    )
    assert "Saleumxay Kommasith (Lào)" in text_of(answer)


async def test_on_a_date_lists_each_event_once(bot: Harness) -> None:  # noqa: F811
    call = await bot.send("/on 28/12")
    lines = [line for line in text_of(call).splitlines() if line.startswith("•")]
    assert len(lines) == len(set(lines))
    assert "Saleumxay Kommasith" in text_of(call)  # one event that day: it is shown whole


async def test_a_long_timeline_is_paginated_with_one_source_button_per_page(bot: Harness) -> None:  # noqa: F811
    call = await bot.send("/timeline")
    rows = call.params["reply_markup"]["inline_keyboard"]
    assert rows[0][0]["text"] == "◀" and rows[0][2]["text"] == "▶"
    sources = [b for b in buttons(call) if b["callback_data"].startswith(("src:", "sp:"))]
    assert len(sources) == 1
    first_page = [line for line in text_of(call).splitlines() if line.startswith("•")]
    assert len(first_page) == 10
    # ▶ edits the message in place to page 2
    update = bot.api.callback_query(
        rows[0][2]["callback_data"], chat_id=USER, user_id=USER, message_id=message_id(call)
    )
    bot.api.inject_update(update)
    edit = await bot.api.wait_for("editMessageText", lambda c: c.params.get("chat_id") == USER)
    second_page = [
        line for line in html.unescape(str(edit.params["text"])).splitlines() if line.startswith("•")
    ]
    assert second_page and not set(second_page) & set(first_page)
    assert "2/" in edit.params["reply_markup"]["inline_keyboard"][0][1]["text"]
    # the page's Source button shows the sources of that page's facts
    _, shown = await bot.tap(sources[0]["callback_data"], message_id=message_id(call))
    assert shown is not None and shown.params["text"].count("📖") >= 2


async def test_a_new_process_continues_the_conversation(bot: Harness) -> None:  # noqa: F811
    """The bot stops in the middle of a conversation; a new application on the same database
    reads the follow-up with the context the first one left."""
    await bot.send("Tham vấn chính trị cấp Bộ trưởng lần thứ 8 diễn ra ở đâu?")
    await asyncio.sleep(0.05)  # the handler finishes
    await bot.app.updater.stop()  # type: ignore[union-attr]
    await bot.app.stop()
    await bot.app.bot_data.conversations.close()  # what the post_stop hook does at exit
    service = KnowledgeService(bot.knowledge_dir, bot.settings.seeds_dir, GOLD)
    restarted = build_application(bot.settings, service, bot.storage)
    async with running(restarted):
        fresh = Harness(bot.api, restarted, service, bot.storage, bot.settings, bot.knowledge_dir)
        call = await fresh.send("Ai đồng chủ trì?")
    assert "Đồng chủ trì" in text_of(call) and "Saleumxay" in text_of(call)


# ---------------------------------------------------------------------------- storage, terminal, eval


def test_the_store_keeps_payloads_for_their_age_and_purges_old_ones(tmp_path: Path) -> None:
    now = [dt.datetime(2026, 12, 2, 12, 0, tzinfo=dt.UTC)]
    with Storage.open(f"sqlite:///{tmp_path / 'c.sqlite3'}") as storage:
        store = ConversationStore(storage, retention=dt.timedelta(days=1), clock=lambda: now[0])
        store.put({"c:1": "one", "m:1:5": "five"})
        store.put({"c:1": "one again"})
        assert store.get("c:1") == "one again" and store.get("m:1:5") == "five"
        now[0] += dt.timedelta(minutes=20)
        assert store.get("c:1", max_age=dt.timedelta(minutes=15)) is None  # quiet too long
        assert store.get("c:1") == "one again"  # still kept
        now[0] += dt.timedelta(days=2)
        assert store.get("m:1:5") is None
        assert store.purge() == 2


def test_the_terminal_session_keeps_the_conversation(tmp_path: Path) -> None:
    from bot.cli.terminal import TerminalSession

    service = KnowledgeService(ROOT / "knowledge", ROOT / "seeds", GOLD)
    session = TerminalSession(service)
    assert "Nhà khách Chính phủ" in (
        session.respond("Tham vấn chính trị cấp Bộ trưởng lần thứ 8 diễn ra ở đâu?") or ""
    )
    assert "Saleumxay" in (session.respond("Ai đồng chủ trì?") or "")
    session.respond("cuộc họp lần thứ 8 diễn ra ở đâu?")  # read as the same series: the 8th again
    fresh = TerminalSession(service)
    fresh.respond("cuộc họp lần thứ 8 diễn ra ở đâu?")
    assert "Thứ trưởng" in (fresh.respond("2") or "")
    assert t("clarify_thing", "vi") in (TerminalSession(service).respond("Ai đồng chủ trì?") or "")


def test_eval_prints_the_dialogue_report(engine: Engine) -> None:
    from bot.cli.main import dialogue_report

    report = dialogue_report(engine, ROOT / "knowledge" / "checks" / "dialogues.yaml", misses=True)
    assert report.splitlines()[0].endswith("confident-wrong 0") and "dialogues" in report


def test_questions_of_their_own_are_not_contaminated_by_a_context(engine: Engine) -> None:
    """Every question of the tuning and held-out sets, asked after three different openers: an
    out-of-scope question the engine declines alone is never answered, and a question the engine
    answers alone gets the same answer in a conversation, unless it is only a round (read in the
    series the conversation is about)."""
    import yaml

    from bot.answering.dialogue import Dialogue

    dialogue = Dialogue(engine)
    day = dt.date(2026, 12, 2)
    openers = (
        "Tham vấn chính trị cấp Bộ trưởng lần thứ 8 diễn ra ở đâu?",
        "Saleumxay Kommasith là ai?",
        "Where was the 8th round held?",
    )
    contexts = [dialogue.turn(opener, None, today=day).context for opener in openers]
    problems = []
    for name in ("questions.yaml", "heldout.yaml"):
        items = yaml.safe_load((ROOT / "knowledge" / "checks" / name).read_text(encoding="utf-8"))[
            "questions"
        ]
        for item in items:
            alone = engine.answer(item["q"], today=day)
            for context in contexts:
                turn = dialogue.turn(item["q"], context, today=day)
                got = turn.answer
                out_of_scope = item["status"] == "not_found" and not item.get("facts")
                if out_of_scope and alone.status.value != "answered" and got.status.value == "answered":
                    problems.append(f"out of scope but answered: {item['q']!r} -> {got.facts[:1]}")
                same = (got.status, got.facts[:1]) == (alone.status, alone.facts[:1])
                changed = alone.status.value == "answered" and not same and turn.context is not None
                if changed and turn.context is not None and turn.context.round is None:
                    problems.append(f"changed by the context: {item['q']!r} -> {got.facts[:1]}")
    assert not problems, "\n".join(problems)

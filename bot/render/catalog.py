"""The one catalog of user-interface strings, in Vietnamese and English.

Every fixed text the bot shows around its answers lives here: the Telegram replies (welcome,
help, usage lines, admin reports, anniversary subscriptions), the labels of the answer
rendering (Source button, seed article, background note), the terminal session and the command
line. `t(key, lang, **values)` looks one up and fills its `{placeholders}`; values are plain text,
so an HTML caller escapes the result. A test checks that every entry has both languages with the
same placeholders and that every key the code names exists.

What is not here: the answer texts themselves (`bot.render.text`), and the command descriptions,
which stay in the one command table (`bot.telegram.commands`) they describe.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, TypedDict

from bot.answering.answers import Lang


class Entry(TypedDict):
    """One string in both languages (a TypedDict, so mypy rejects an entry missing one)."""

    vi: str
    en: str


CATALOG: Final[Mapping[str, Entry]] = {
    # Telegram: rendering answers and sources
    "source_button": {
        "vi": "📖 Nguồn",
        "en": "📖 Source",
    },
    "source_page_button": {
        "vi": "📖 Nguồn (trang {page})",
        "en": "📖 Sources (page {page})",
    },
    "source_title": {
        "vi": "Nguồn",
        "en": "Source",
    },
    "seed": {
        "vi": "Bài gốc",
        "en": "Seed article",
    },
    "background": {
        "vi": "Dữ kiện nền (tư liệu công khai, không thuộc các bài gốc):",
        "en": "Background fact (public reference, not from the seed articles):",
    },
    "no_quote": {
        "vi": "(không có trích dẫn)",
        "en": "(no quote)",
    },
    "expired": {
        "vi": "Lựa chọn này đã hết hạn, vui lòng hỏi lại.",
        "en": "This choice has expired, please ask again.",
    },
    "error": {
        "vi": "Xin lỗi, đã có lỗi xảy ra; vui lòng thử lại sau.",
        "en": "Sorry, something went wrong; please try again later.",
    },
    "admin_only": {
        "vi": "Xin lỗi, lệnh này chỉ dành cho quản trị viên của bot.",
        "en": "Sorry, this command is only for the bot's administrators.",
    },
    "examples_title": {
        "vi": "Bạn có thể hỏi, ví dụ:",
        "en": "You could ask, for example:",
    },
    "pick_one": {
        "vi": "Chọn một:",
        "en": "Pick one:",
    },
    # Telegram: handlers
    "welcome": {
        "vi": "Xin chào! Tôi trả lời câu hỏi về lịch sử quan hệ ngoại giao {subject}, dựa "
        "trên các bài viết đã được kiểm chứng, kèm nguồn trích dẫn.",
        "en": "Hello! I answer questions about the history of {subject} diplomatic "
        "relations, from a curated set of articles, with the source quoted.",
    },
    "ask_hint": {
        "vi": "Cứ hỏi bằng tiếng Việt (có hoặc không dấu) hoặc tiếng Anh. Trong nhóm: /ask câu "
        "hỏi, nhắc tên bot, hoặc trả lời tin nhắn của bot. Xem /help.",
        "en": "Ask in Vietnamese (with or without diacritics) or English. In groups: /ask "
        "question, mention the bot, or reply to one of its messages. See /help.",
    },
    "title": {
        "vi": "Bot tra cứu lịch sử ngoại giao {subject}",
        "en": "{subject} diplomacy reference bot",
    },
    "knows": {
        "vi": "Cơ sở dữ kiện (phiên bản {version}) gồm {total} dữ kiện:",
        "en": "The fact base (version {version}) holds {total} facts:",
    },
    "examples": {
        "vi": "Câu hỏi mẫu",
        "en": "Example questions",
    },
    "commands": {
        "vi": "Các lệnh",
        "en": "Commands",
    },
    "admin_commands": {
        "vi": "Lệnh quản trị",
        "en": "Admin commands",
    },
    "clarify_thing": {
        "vi": "Bạn hỏi về cuộc họp nào? Hãy nêu tên cuộc họp, sự kiện hoặc người.",
        "en": "Which meeting do you mean? Please name the meeting, the event or the person.",
    },
    "media_hint": {
        "vi": "Mình chỉ hiểu chữ viết: hãy gõ câu hỏi (hoặc ghi nó vào chú thích ảnh).",
        "en": "I can only read text: please type your question (or write it as the photo's caption).",
    },
    "clarify_person": {
        "vi": "Bạn hỏi về ai? Hãy nêu tên người đó.",
        "en": "Who do you mean? Please name the person.",
    },
    "empty_question": {
        "vi": "Bạn muốn hỏi gì? Ví dụ: /ask {example}",
        "en": "What would you like to ask? For example: /ask {example}",
    },
    "too_long": {
        "vi": "Câu hỏi dài quá; xin hỏi ngắn gọn hơn (tối đa {max} ký tự).",
        "en": "That question is too long; please keep it under {max} characters.",
    },
    "official_usage": {
        "vi": "Cách dùng: /official <tên>, ví dụ /official {name}",
        "en": "Usage: /official <name>, e.g. /official {name}",
    },
    "official_q": {
        "vi": "{name} là ai?",
        "en": "Who is {name}?",
    },
    "on_usage": {
        "vi": "Cách dùng: /on DD/MM hoặc /on DD/MM/YYYY, ví dụ /on 28/12 hoặc /on 28/12/2021",
        "en": "Usage: /on DD/MM or /on DD/MM/YYYY, e.g. /on 28/12 or /on 28/12/2021",
    },
    "on_q": {
        "vi": "Ngày {date} có sự kiện gì?",
        "en": "What happened on {date}?",
    },
    "timeline_q": {
        "vi": "Dòng thời gian {subject}",
        "en": "Timeline of {subject}",
    },
    "timeline_all_q": {
        "vi": "Liệt kê các sự kiện theo thời gian",
        "en": "List all events in order",
    },
    "lang_set_vi": {
        "vi": "Từ nay tôi trả lời bằng tiếng Việt.",
        "en": "Từ nay tôi trả lời bằng tiếng Việt.",
    },
    "lang_set_en": {
        "vi": "From now on I answer in English.",
        "en": "From now on I answer in English.",
    },
    "lang_auto": {
        "vi": "Tôi sẽ trả lời theo ngôn ngữ của từng câu hỏi.",
        "en": "I will answer in the language of each question.",
    },
    "lang_usage": {
        "vi": "Ngôn ngữ hiện tại: {current}. Cách dùng: /lang vi, /lang en hoặc /lang auto",
        "en": "Current language: {current}. Usage: /lang vi, /lang en or /lang auto",
    },
    "lang_auto_name": {
        "vi": "tự động",
        "en": "automatic",
    },
    "reload_busy": {
        "vi": "Đang nạp lại, xin chờ.",
        "en": "A reload is already running; please wait.",
    },
    "reload_running": {
        "vi": "Đang nạp lại và chạy bộ câu hỏi chuẩn…",
        "en": "Reloading and running the gold questions…",
    },
    "reload_ok": {
        "vi": "✅ Đã nạp cơ sở dữ kiện mới: phiên bản {old} → {new}.",
        "en": "✅ Reloaded the fact base: version {old} → {new}.",
    },
    "reload_refused": {
        "vi": "❌ Không nạp: {reason}.",
        "en": "❌ Reload refused: {reason}.",
    },
    "reload_kept": {
        "vi": "Cơ sở cũ (phiên bản {version}) vẫn đang phục vụ.",
        "en": "The old base (version {version}) keeps serving.",
    },
    "draft_ready": {
        "vi": "📝 Bản nháp dữ kiện của {source}: {kinds}; {checks} trường cần kiểm tra (dòng # CHECK). "
        "Chưa có gì được đưa vào phục vụ: sửa, chạy knowledge validate, chuyển vào knowledge/ rồi /reload.",
        "en": "📝 Draft facts of {source}: {kinds}; {checks} fields to check (lines marked # CHECK). "
        "Nothing is in service: edit it, run knowledge validate, move it into knowledge/, then /reload.",
    },
    "draft_not_txt": {
        "vi": "Hãy gửi bài viết dưới dạng tệp .txt (văn bản UTF-8, như các bài trong seeds/).",
        "en": "Send the article as a .txt file (UTF-8 plain text, like the articles in seeds/).",
    },
    "draft_too_big": {
        "vi": "Tệp quá lớn (tối đa {max} KB).",
        "en": "The file is too large (at most {max} KB).",
    },
    "draft_not_utf8": {
        "vi": "Tệp không phải văn bản UTF-8.",
        "en": "The file is not UTF-8 text.",
    },
    "problems": {
        "vi": "Lỗi ({n}):",
        "en": "Problems ({n}):",
    },
    "more": {
        "vi": "… và {n} mục nữa",
        "en": "… and {n} more",
    },
    "added": {
        "vi": "Thêm",
        "en": "Added",
    },
    "removed": {
        "vi": "Bỏ",
        "en": "Removed",
    },
    "changed": {
        "vi": "Sửa",
        "en": "Changed",
    },
    "no_change": {
        "vi": "Không dữ kiện nào thay đổi.",
        "en": "No fact changed.",
    },
    "eval": {
        "vi": "Bộ câu hỏi chuẩn",
        "en": "Gold questions",
    },
    "eval_before": {
        "vi": "trước",
        "en": "before",
    },
    "eval_after": {
        "vi": "sau",
        "en": "after",
    },
    "rollback_none": {
        "vi": "Không có phiên bản trước để quay lại.",
        "en": "There is no previous base to roll back to.",
    },
    "rollback_ok": {
        "vi": "↩️ Đã quay lại phiên bản {to} (thay cho {frm}).",
        "en": "↩️ Rolled back to version {to} (from {frm}).",
    },
    "reload_unchanged": {
        "vi": "Các tệp trên đĩa chính là phiên bản {version} đang phục vụ; không có gì thay đổi.",
        "en": "The files on disk are version {version}, the one in service; nothing changed.",
    },
    "versions_title": {
        "vi": "🗂 Các phiên bản cơ sở dữ kiện (mới nhất trước):",
        "en": "🗂 Versions of the fact base (newest first):",
    },
    "versions_none": {
        "vi": "Chưa có phiên bản nào được lưu.",
        "en": "No version has been kept yet.",
    },
    "versions_in_service": {
        "vi": "đang phục vụ",
        "en": "in service",
    },
    "versions_rolled_back": {
        "vi": "đã quay lui",
        "en": "rolled back",
    },
    "versions_by": {
        "vi": "bởi {user}",
        "en": "by {user}",
    },
    "versions_at_start": {
        "vi": "lúc khởi động",
        "en": "at start-up",
    },
    "versions_facts": {
        "vi": "{facts} dữ kiện",
        "en": "{facts} facts",
    },
    "stats_title": {
        "vi": "📊 Thống kê",
        "en": "📊 Statistics",
    },
    "served": {
        "vi": "Câu hỏi đã phục vụ: {n}",
        "en": "Questions served: {n}",
    },
    "answered": {
        "vi": "trả lời được",
        "en": "answered",
    },
    "ambiguous": {
        "vi": "cần chọn (mơ hồ)",
        "en": "ambiguous",
    },
    "not_found": {
        "vi": "không tìm thấy",
        "en": "not found",
    },
    "uptime": {
        "vi": "Thời gian chạy: {uptime}",
        "en": "Uptime: {uptime}",
    },
    "base": {
        "vi": "Cơ sở dữ kiện: phiên bản {version}, {facts} dữ kiện",
        "en": "Fact base: version {version}, {facts} facts",
    },
    "unanswered_title": {
        "vi": "❓ Câu hỏi chưa trả lời được nhiều nhất ({days} ngày qua):",
        "en": "❓ Most frequent unanswered questions (last {days} days):",
    },
    "unanswered_none": {
        "vi": "Chưa có câu hỏi nào mà bot không trả lời được.",
        "en": "No unanswered questions recorded.",
    },
    "unanswered_usage": {
        "vi": "Cách dùng: /unanswered [N], N từ 1 đến {max}",
        "en": "Usage: /unanswered [N], N from 1 to {max}",
    },
    "admin_error": {
        "vi": "⚠️ Lỗi khi xử lý một cập nhật: {error}",
        "en": "⚠️ Error while handling an update: {error}",
    },
    # kinds of fact (for /help)
    "kind_event": {
        "vi": "sự kiện",
        "en": "events",
    },
    "kind_official": {
        "vi": "quan chức",
        "en": "officials",
    },
    "kind_series": {
        "vi": "cơ chế họp định kỳ",
        "en": "meeting series",
    },
    "kind_place": {
        "vi": "địa danh",
        "en": "places",
    },
    "kind_agreement": {
        "vi": "văn kiện, thỏa thuận",
        "en": "agreements",
    },
    "kind_figure": {
        "vi": "số liệu",
        "en": "figures",
    },
    "kind_statement": {
        "vi": "tuyên bố, phát biểu",
        "en": "statements",
    },
    "kind_background": {
        "vi": "dữ kiện nền (tư liệu công khai)",
        "en": "background facts (public references)",
    },
    # anniversary commands
    "subscribed": {
        "vi": "✅ Đã bật tin kỷ niệm cho chat này: vào ngày kỷ niệm của một sự kiện trong quan "
        "hệ {subject}, bot gửi một tin lúc {time} ({zone}). Tắt bằng /unsubscribe.",
        "en": "✅ Anniversary posts are on for this chat: on the anniversary of an event in "
        "{subject} relations the bot posts once, at {time} ({zone}). Turn off with "
        "/unsubscribe.",
    },
    "already": {
        "vi": "Chat này đã bật tin kỷ niệm rồi. Tắt bằng /unsubscribe.",
        "en": "Anniversary posts are already on for this chat. Turn off with /unsubscribe.",
    },
    "unsubscribed": {
        "vi": "Đã tắt tin kỷ niệm cho chat này.",
        "en": "Anniversary posts are off for this chat.",
    },
    "not_subscribed": {
        "vi": "Chat này chưa bật tin kỷ niệm. Bật bằng /subscribe.",
        "en": "Anniversary posts are not on for this chat. Turn them on with /subscribe.",
    },
    "group_admins_only": {
        "vi": "Xin lỗi, chỉ quản trị viên của nhóm mới bật hoặc tắt được tin kỷ niệm.",
        "en": "Sorry, only the group's administrators can turn anniversary posts on or off.",
    },
    "use_channel_command": {
        "vi": "Với kênh, quản trị viên của bot dùng /subscribe_channel @tên_kênh trong chat riêng với bot.",
        "en": "For a channel, a bot administrator sends /subscribe_channel @channel in a "
        "private chat with the bot.",
    },
    "channel_usage": {
        "vi": "Cách dùng: /subscribe_channel @tên_kênh [vi|en] (trước đó hãy đặt bot làm quản "
        "trị viên của kênh, có quyền đăng bài).",
        "en": "Usage: /subscribe_channel @channel [vi|en] (first make the bot an administrator "
        "of the channel, allowed to post).",
    },
    "unchannel_usage": {
        "vi": "Cách dùng: /unsubscribe_channel @tên_kênh",
        "en": "Usage: /unsubscribe_channel @channel",
    },
    "channel_not_found": {
        "vi": "Không tìm thấy kênh {name}.",
        "en": "Channel {name} was not found.",
    },
    "not_a_channel": {
        "vi": "{name} không phải là kênh. Với nhóm, quản trị viên của nhóm gửi /subscribe trong nhóm.",
        "en": "{name} is not a channel. For a group, a group administrator sends /subscribe in the group.",
    },
    "bot_not_admin": {
        "vi": "Bot chưa là quản trị viên có quyền đăng bài của kênh {name}. Hãy thêm bot làm "
        "quản trị viên rồi thử lại.",
        "en": "The bot is not an administrator allowed to post in {name}. Make it one, then try again.",
    },
    "channel_subscribed": {
        "vi": "✅ Đã bật tin kỷ niệm cho kênh {name} (tiếng {lang_name}), lúc {time} ({zone}).",
        "en": "✅ Anniversary posts are on for the channel {name} (in {lang_name}), at {time} ({zone}).",
    },
    "channel_already": {
        "vi": "Kênh {name} đã bật tin kỷ niệm rồi.",
        "en": "Anniversary posts are already on for {name}.",
    },
    "channel_unsubscribed": {
        "vi": "Đã tắt tin kỷ niệm cho kênh {name}.",
        "en": "Anniversary posts are off for {name}.",
    },
    "channel_not_subscribed": {
        "vi": "Kênh {name} chưa bật tin kỷ niệm.",
        "en": "Anniversary posts are not on for {name}.",
    },
    "upcoming_usage": {
        "vi": "Cách dùng: /upcoming [N], N là số ngày, từ 1 đến {max}",
        "en": "Usage: /upcoming [N], N days from 1 to {max}",
    },
    # anniversary commands: language names ("in {lang_name}")
    "lang_name_vi": {"vi": "Việt", "en": "Vietnamese"},
    "lang_name_en": {"vi": "Anh", "en": "English"},
    # the command line
    "no_anniversaries": {"vi": "Không có ngày kỷ niệm nào vào {day}.", "en": "No anniversaries on {day}."},
    # the terminal session (bot.cli.terminal)
    "terminal_banner": {
        "vi": "Bot ngoại giao {subject} — chế độ dòng lệnh (chưa đặt TELEGRAM_BOT_TOKEN).\n"
        "Để chạy bot Telegram, đặt TELEGRAM_BOT_TOKEN=<token từ @BotFather> trong .env\n"
        "(chép từ .env.example) rồi chạy lại `python -m bot`.",
        "en": "{subject} diplomacy bot — terminal mode (no TELEGRAM_BOT_TOKEN set).\n"
        "To run the Telegram bot instead, put TELEGRAM_BOT_TOKEN=<token from @BotFather> in .env\n"
        "(copy .env.example) and start `python -m bot` again.",
    },
    "terminal_hint": {
        "vi": "Hỏi bằng tiếng Việt hoặc tiếng Anh. Commands: /help, /lang vi|en|auto, /quit.",
        "en": "Ask in Vietnamese or English. Commands: /help, /lang vi|en|auto, /quit.",
    },
    "terminal_facts": {
        "vi": "{facts} dữ kiện ({counts}), phiên bản {version}.",
        "en": "{facts} facts ({counts}), version {version}.",
    },
    "terminal_examples": {"vi": "Ví dụ / Examples:", "en": "Examples:"},
    "terminal_commands": {
        "vi": "Lệnh: /help, /lang vi|en|auto, /quit",
        "en": "Commands: /help, /lang vi|en|auto, /quit",
    },
    "terminal_lang_set": {"vi": "Trả lời bằng tiếng Việt.", "en": "Answering in English."},
    "terminal_lang_auto": {"vi": "Ngôn ngữ tự động / language: automatic.", "en": "Language: automatic."},
    "terminal_lang_usage": {"vi": "Cách dùng: /lang vi|en|auto", "en": "Usage: /lang vi|en|auto"},
    "terminal_pick_number": {
        "vi": "(gõ số để chọn / type a number to choose)",
        "en": "(type a number to choose)",
    },
    "public_reference": {"vi": "tư liệu công khai", "en": "public reference"},
    "terminal_bye": {"vi": "Tạm biệt! / Bye!", "en": "Bye!"},
}


def t(key: str, lang: Lang, **values: object) -> str:
    """The string `key` in `lang`, its `{placeholders}` filled from `values`. Unknown key: KeyError."""
    entry = CATALOG[key]
    text = entry["vi"] if lang == "vi" else entry["en"]
    return text.format(**values) if values else text


def has(key: str) -> bool:
    """Whether the catalog holds `key` (for keys built from data, such as a fact kind)."""
    return key in CATALOG

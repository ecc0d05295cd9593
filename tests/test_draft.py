"""The article drafter (`knowledge draft`): each kind of fact on small fictional articles, the draft
validating beside the base, the command line, and the Telegram document flow."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.cli.main import main
from bot.kb.draft import (
    Draft,
    DraftFact,
    DraftInputError,
    draft_article,
    read_article,
    render_yaml,
    upload_name,
)
from bot.kb.knowledge import Knowledge
from bot.kb.loader import load_knowledge
from bot.nlu.text import collapse_whitespace
from bot.render.catalog import t
from tests.support.fake_bot_api import UploadedFile
from tests.test_telegram import ADMIN, USER, Harness, bot  # noqa: F401  (the `bot` fixture)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "draft"
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    result = load_knowledge(ROOT / "knowledge", ROOT / "seeds")
    assert result.knowledge is not None
    return result.knowledge


def drafted(name: str, knowledge: Knowledge) -> Draft:
    return draft_article((FIXTURES / name).read_text(encoding="utf-8"), name, knowledge)


def only(draft: Draft, kind: str, **fields: Any) -> DraftFact:
    found = [
        f for f in draft.facts if f.kind == kind and all(f.fields.get(k) == v for k, v in fields.items())
    ]
    assert len(found) == 1, (kind, fields, [f.id for f in draft.facts])
    return found[0]


# ---------------------------------------------------------------------------- reading


def test_the_metadata_line_gives_the_date_and_is_not_a_sentence() -> None:
    article = read_article("date 2031-05\nMột câu đủ dài ở đây. Câu thứ hai cũng vậy.\n", "x.txt")
    assert (article.year, article.month) == (2031, 5)
    assert [s.text for s in article.sentences] == ["Một câu đủ dài ở đây.", "Câu thứ hai cũng vậy."]
    inline = read_article(" date 2021-12 Nhận lời mời của ai đó thăm chính thức.", "y.txt")
    assert inline.year == 2021 and inline.sentences[0].text.startswith("Nhận lời mời")


# ---------------------------------------------------------------------------- events


def test_a_known_series_round_with_day_place_and_co_chairs(knowledge: Knowledge) -> None:
    event = only(drafted("session.txt", knowledge), "event", series="fm-political-consultation")
    assert event.fields["round"] == 15
    assert event.fields["event_kind"] == "consultation"
    assert event.fields["date"] == "2031-05-12"
    assert event.fields["date_inferred"] is True
    assert "date 2031-05" in event.fields["date_note"]  # the year came from the metadata line
    assert event.fields["place"] == "nha-khach-chinh-phu"
    assert event.fields["participants"] == [
        {"official": "bui-thanh-son", "role": "co_chair"},
        {"official": "saleumxay-kommasith", "role": "co_chair"},
    ]


def test_a_new_series_new_officials_and_a_new_place_are_drafted(knowledge: Knowledge) -> None:
    draft = drafted("session.txt", knowledge)
    series = only(draft, "series")
    assert series.fields["name_vi"] == "Ủy ban Hợp tác Thủy lợi Việt Nam-Lào"
    assert series.fields["countries"] == ["LA", "VN"]
    assert "name_vi" in series.checks
    session = only(draft, "event", series=series.id, round=12)
    assert session.fields["event_kind"] == "committee_session"
    assert session.fields["date"] == "2031-05-20/2031-05-22"
    assert "series" in session.checks
    place = only(draft, "place")
    assert place.fields["name_vi"] == "Khách sạn Hoa Sen" and place.fields["place_kind"] == "venue"
    assert session.fields["place"] == place.id
    lao = only(draft, "official", name="Khamphet Vongsavanh")
    assert lao.fields["country"] == "LA"
    assert lao.fields["positions"][0]["title_vi"] == "Thứ trưởng Bộ Ngoại giao Lào"
    assert lao.fields["positions"][0]["as_of"] == "2031-05"
    vn = only(draft, "official", name="Trần Minh Khôi")
    assert vn.fields["country"] == "VN" and "country" in vn.checks  # no country in the title: checked
    assert {p["official"] for p in session.fields["participants"]} == {lao.id, vn.id}


def test_a_planned_event_is_planned_by_the_event_that_agreed_it(knowledge: Knowledge) -> None:
    draft = drafted("session.txt", knowledge)
    series = only(draft, "series")
    held = only(draft, "event", series=series.id, round=12)
    planned = only(draft, "event", series=series.id, round=13)
    assert planned.fields["status"] == "planned"
    assert planned.fields["date"] == "2032" and "date_inferred" not in planned.fields
    assert planned.fields["place"] == "lao"
    assert planned.fields["planned_by"] == held.id and "planned_by" in planned.checks


def test_a_visit_with_its_host_and_a_reception(knowledge: Knowledge) -> None:
    draft = drafted("visit.txt", knowledge)
    guest = only(draft, "official", name="Khamphet Vongsavanh")
    visit = only(draft, "event", event_kind="visit")
    assert visit.fields["date"] == "2031-09-08/2031-09-10"
    assert visit.fields["place"] == "viet-nam"
    assert visit.fields["participants"] == [
        {"official": "bui-thanh-son", "role": "host"},
        {"official": guest.id, "role": "guest"},
    ]
    reception = only(draft, "event", event_kind="reception")
    ambassador = only(draft, "official", name="Bounmy Sisouk")
    assert reception.fields["date"] == "2031-09-09"
    assert reception.fields["place"] == "tru-so-bo-ngoai-giao"
    roles = {p["official"]: p["role"] for p in reception.fields["participants"]}
    assert roles[ambassador.id] == "received" and "receiver" in roles.values()


def test_a_signing_a_session_the_same_day_and_one_planned_for_later(knowledge: Knowledge) -> None:
    draft = drafted("signing.txt", knowledge)
    lao = only(draft, "official", name="Somsack Inthavong")
    assert lao.fields["country"] == "LA"  # "Bộ Giáo dục Lào": "giáo dục" is not Đức
    signing = only(draft, "event", event_kind="signing")
    assert signing.fields["date"] == "2032-03-14" and signing.fields["place"] == "ha-noi"
    assert {p["official"] for p in signing.fields["participants"]} == {
        lao.id,
        only(draft, "official", name="Đào Thu Hà").id,
    }
    series = only(draft, "series")
    assert series.fields["name_vi"] == "Diễn đàn Hiệu trưởng Việt Nam-Lào"
    third = only(draft, "event", series=series.id, round=3)
    assert third.fields["event_kind"] == "conference"
    assert third.fields["date"] == "2032-03-14" and "date" in third.checks  # "Chiều cùng ngày"
    fourth = only(draft, "event", series=series.id, round=4)
    assert fourth.fields["status"] == "planned" and fourth.fields["date"] == "2033-09"
    assert fourth.fields["planned_by"] == third.id
    city = only(draft, "place")
    assert city.fields["name_vi"] == "Viêng Chăn" and fourth.fields["place"] == city.id
    agreement = only(draft, "agreement")
    assert agreement.fields["name_vi"] == "Hiệp định hợp tác giáo dục giai đoạn 2032-2036"


def test_an_undated_article_gives_its_events_the_year_its_own_sentences_mention(knowledge: Knowledge) -> None:
    """No metadata line: an undated event gets the year the article's own dated sentences name most
    (marked CHECK), not a year of a plan ("vào năm 2034") nor of the related news after "Tin liên quan"."""
    draft = drafted("undated.txt", knowledge)
    held = only(draft, "event", round=14)
    assert held.fields["date"] == "2033" and held.fields["date_inferred"] is True
    assert "date" in held.checks and "2033" in held.fields["date_note"]
    assert only(draft, "event", round=15).fields["date"] == "2034"  # planned: the year it gives
    related = only(draft, "event", event_kind="reception")  # "Chiều nay" in a related-news item
    assert "date" not in related.fields


def test_before_that_dates_an_event_to_the_month_of_the_one_reported_before(knowledge: Knowledge) -> None:
    """ "Trước đó, …": earlier than the reception of 14/6 on the same trip: June, never the 14th."""
    draft = drafted("earlier.txt", knowledge)
    assert only(draft, "event", event_kind="reception").fields["date"] == "2033-06-14"
    consultation = only(draft, "event", round=14)
    assert consultation.fields["date"] == "2033-06" and consultation.fields["date_inferred"] is True
    assert "trước đó" in consultation.checks["date"]
    assert consultation.fields["place"] == "nha-khach-chinh-phu"


def test_an_event_that_frames_the_clause_gets_the_month_of_its_date(knowledge: Knowledge) -> None:
    """ "Sáng 16/6, trong khuôn khổ tham dự Hội nghị …, X đã có cuộc gặp bên lề …": the 16th is the side
    meeting's day; the conference gets June (CHECK), the meeting reported after it the day."""
    draft = drafted("earlier.txt", knowledge)
    conference = only(draft, "event", event_kind="conference")
    assert conference.fields["date"] == "2033-06" and "date" in conference.checks
    meeting = only(draft, "event", event_kind="meeting")
    assert meeting.fields["date"] == "2033-06-16"


def test_the_body_a_visit_goes_to_is_its_host(knowledge: Knowledge) -> None:
    draft = drafted("earlier.txt", knowledge)
    visit = only(draft, "event", event_kind="visit")
    body = "Đại sứ quán Việt Nam tại Nhật Bản"
    assert {"label_vi": body, "label_en": body, "role": "host"} in visit.fields["participants"]
    assert {"official": only(draft, "official", name="Bounmy Sisouk").id, "role": "leader"} in (
        visit.fields["participants"]
    )


def test_two_holders_of_a_post_named_together_are_two_participants(knowledge: Knowledge) -> None:
    draft = draft_article(
        "date 2033-07\nNgày 9/7, tại Hà Nội, hai Thứ trưởng Ngoại giao Trần Minh Khôi và Khamphet Vongsavanh "
        "đã đồng chủ trì cuộc họp Tham khảo Chính trị cấp Thứ trưởng Ngoại giao Việt Nam-Lào lần thứ 15.\n"
        "Ngày 10/7, hai Bộ trưởng Bùi Thanh Sơn và Somphone Keola đã có cuộc gặp tại Hà Nội.\n",
        "pairs.txt",
        knowledge,
    )
    khoi, khamphet = (only(draft, "official", name=n) for n in ("Trần Minh Khôi", "Khamphet Vongsavanh"))
    assert khamphet.fields["positions"][0]["title_vi"] == "Thứ trưởng Ngoại giao"
    consultation = only(draft, "event", round=15)
    assert consultation.fields["participants"] == [
        {"official": khoi.id, "role": "co_chair"},
        {"official": khamphet.id, "role": "co_chair"},
    ]
    meeting = only(draft, "event", event_kind="meeting")
    somphone = only(draft, "official", name="Somphone Keola")
    assert {p["official"] for p in meeting.fields["participants"]} == {"bui-thanh-son", somphone.id}


def test_two_unnamed_holders_of_a_post_are_one_per_country(knowledge: Knowledge) -> None:
    """ "giữa hai Phó Thủ tướng, Bộ trưởng Ngoại giao": a label per country; "hai Thứ trưởng nhất trí …
    Theo Thứ trưởng X, …" in a paragraph of its own: X, and a label for the other country, on the
    consultation whose level is "cấp Thứ trưởng Ngoại giao" (all marked CHECK)."""
    draft = drafted("undated.txt", knowledge)
    khoi = only(draft, "official", name="Trần Minh Khôi")
    held = only(draft, "event", round=14)
    label = "Thứ trưởng Ngoại giao Lào"
    assert held.fields["participants"] == [
        {"official": khoi.id, "role": "co_chair"},
        {"label_vi": label, "label_en": label, "role": "co_chair"},
    ]
    assert {"participants.0", "participants.1"} <= set(held.checks)
    annual = only(draft, "event", round=6)
    assert [p["label_vi"] for p in annual.fields["participants"]] == [
        "Phó Thủ tướng, Bộ trưởng Ngoại giao Việt Nam",
        "Phó Thủ tướng, Bộ trưởng Ngoại giao Lào",
    ]
    assert "participants" not in only(draft, "event", round=15).fields  # "hai" names no one there


def test_two_holders_already_named_get_no_label(knowledge: Knowledge) -> None:
    draft = draft_article(
        "date 2033-08\nNgày 2/8, Bộ trưởng Ngoại giao Bùi Thanh Sơn đã hội đàm với Bộ trưởng Ngoại giao Lào "
        "Somphone Keola tại Hà Nội.\nHai Bộ trưởng nhất trí tăng cường hợp tác giữa hai Bộ Ngoại giao.\n",
        "named.txt",
        knowledge,
    )
    meeting = only(draft, "event", event_kind="meeting")
    assert len(meeting.fields["participants"]) == 2
    assert all("official" in p for p in meeting.fields["participants"])


def test_figures_and_agreements(knowledge: Knowledge) -> None:
    draft = drafted("visit.txt", knowledge)
    trade = only(draft, "figure", unit="billion USD")
    assert trade.fields["value"] == 2.5
    assert trade.fields["value_text_vi"] == "hơn 2,5 tỷ USD"
    assert trade.fields["period_vi"] == "8 tháng đầu năm 2031" and trade.fields["year"] == 2031
    growth = only(draft, "figure", unit="%")
    assert growth.fields["value"] == 12.5
    mou = only(draft, "agreement")
    assert mou.fields["agreement_kind"] == "mou"
    assert (mou.fields["period_start"], mou.fields["period_end"]) == (2031, 2035)
    assert "parties_vi" in mou.checks


def test_nothing_the_text_does_not_give(knowledge: Knowledge) -> None:
    """No date in a planned sentence without one; no place where none is named; quotes verbatim."""
    draft = drafted("session.txt", knowledge)
    for name in ("session.txt", "visit.txt", "signing.txt", "undated.txt", "earlier.txt"):
        text = collapse_whitespace((FIXTURES / name).read_text(encoding="utf-8"))
        for fact in drafted(name, knowledge).facts:
            assert SLUG.match(fact.id) and len(fact.id) <= 60
            assert fact.id not in knowledge.by_id
            for quote in fact.fields["quotes"]:
                assert collapse_whitespace(quote) in text
    ids = [f.id for f in draft.facts]
    assert len(ids) == len(set(ids))


# ---------------------------------------------------------------------------- the draft validates


@pytest.mark.parametrize("name", ["session.txt", "visit.txt", "signing.txt", "undated.txt", "earlier.txt"])
def test_the_draft_validates_beside_the_base(tmp_path: Path, knowledge: Knowledge, name: str) -> None:
    kdir, seeds = tmp_path / "knowledge", tmp_path / "seeds"
    shutil.copytree(ROOT / "knowledge", kdir)
    shutil.copytree(ROOT / "seeds", seeds)
    shutil.copy(FIXTURES / name, seeds / name)
    rendered = render_yaml(drafted(name, knowledge))
    assert yaml.safe_load(rendered)["facts"]
    (kdir / "draft.yaml").write_text(rendered, encoding="utf-8")
    result = load_knowledge(kdir, seeds)
    assert result.ok, [str(p) for p in result.problems]


def test_known_officials_new_titles_are_commented_position_entries(knowledge: Knowledge) -> None:
    draft = draft_article(
        "date 2032-02\nNgày 3/2, Phó Thủ tướng, Bộ trưởng Ngoại giao Bùi Thanh Sơn đã tiếp Đại sứ Lào "
        "Bounmy Sisouk tại Hà Nội.\n",
        "new.txt",
        knowledge,
    )
    assert [(u.official, u.position["title_vi"]) for u in draft.positions] == [
        ("bui-thanh-son", "Phó Thủ tướng, Bộ trưởng Ngoại giao")
    ]
    rendered = render_yaml(draft)
    assert "# official bui-thanh-son:" in rendered
    assert "Phó Thủ tướng, Bộ trưởng Ngoại giao" in rendered.split("# official bui-thanh-son:")[1]
    reception = only(draft, "event", event_kind="reception")
    assert reception.fields["place"] == "ha-noi"


def test_a_name_spelt_otherwise_is_one_official_with_an_alias(knowledge: Knowledge) -> None:
    draft = draft_article(
        "date 2031-05\nNgày 12/5, Thứ trưởng Bộ Ngoại giao Lào Khamphet Vongsavanh đã gặp Thứ trưởng Bộ "
        "Ngoại giao Trần Minh Khôi.\nNgày 13/5, Phó Thủ tướng Trần Minh Khôi tiếp Thứ trưởng Bộ Ngoại giao "
        "Lào Vongsavan Khamphet.\nNgày 14/5, Phó Thủ tướng Trần Khôi Minh tiếp Đại sứ Lào Bounmy Sisouk.\n",
        "spelling.txt",
        knowledge,
    )
    lao = only(draft, "official", name="Khamphet Vongsavanh")
    assert lao.fields["aliases"] == ["Vongsavan Khamphet"] and "aliases" in lao.checks
    reception = only(draft, "event", date="2031-05-13")
    assert {p["official"] for p in reception.fields["participants"]} >= {lao.id}
    # Vietnamese syllables are short: "Trần Khôi Minh" is another person, not "Trần Minh Khôi" misspelt
    assert len([f for f in draft.facts if f.kind == "official" and "Trần" in f.fields["name"]]) == 2


def test_a_surname_that_is_also_a_title_word_starts_the_name(knowledge: Knowledge) -> None:
    draft = draft_article(
        "date 2031-06\nNgày 2/6, Chủ tịch Quốc hội Trương Văn Hòa tiếp Bộ trưởng Bộ Ngoại giao Lào Somphone "
        "Keola.\nNgày 3/6, Bộ trưởng Bộ Giáo dục Đào Minh Tâm gặp lãnh đạo Bộ Giáo dục Lào.\n",
        "surnames.txt",
        knowledge,
    )
    names = {f.fields["name"] for f in draft.facts if f.kind == "official"}
    assert names == {"Trương Văn Hòa", "Somphone Keola", "Đào Minh Tâm"}
    hoa = only(draft, "official", name="Trương Văn Hòa")
    assert hoa.fields["positions"][0]["title_vi"] == "Chủ tịch Quốc hội"
    meeting = only(draft, "event", event_kind="meeting")
    assert {
        "label_vi": "lãnh đạo Bộ Giáo dục Lào",
        "label_en": "lãnh đạo Bộ Giáo dục Lào",
        "role": "attendee",
    } in (meeting.fields["participants"])


# ---------------------------------------------------------------------------- command line


def test_cli_writes_the_draft_and_prints_a_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "drafts" / "session.yaml"
    assert main(["knowledge", "draft", str(FIXTURES / "session.txt"), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "3 event" in printed and "fields to check" in printed and str(out) in printed
    assert "# CHECK:" in out.read_text(encoding="utf-8")
    assert main(["knowledge", "draft", str(FIXTURES / "session.txt")]) == 0
    assert capsys.readouterr().out.startswith("# Draft facts of session.txt")


def test_cli_missing_article_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["knowledge", "draft", str(tmp_path / "nope.txt")]) == 2
    assert "cannot read the article" in capsys.readouterr().err


def test_upload_names_are_made_safe() -> None:
    assert upload_name("../../x y.txt") == "x-y.txt"
    with pytest.raises(DraftInputError):
        upload_name("article.pdf")


# ---------------------------------------------------------------------------- Telegram


def document_update(harness: Harness, user_id: int, file_name: str, data: bytes) -> dict[str, Any]:
    """A private message carrying a file, as Telegram sends it (served by getFile)."""
    file_id = f"file-{file_name}"
    harness.api.add_file(file_id, data)
    update = harness.api.message("", user_id=user_id, chat_id=user_id)
    message = update["message"]
    message.pop("text", None)
    message.pop("entities", None)
    message["document"] = {
        "file_id": file_id,
        "file_unique_id": f"u-{file_name}",
        "file_name": file_name,
        "mime_type": "text/plain",
        "file_size": len(data),
    }
    return update


async def test_admin_sends_an_article_and_gets_the_draft_as_a_file(bot: Harness) -> None:  # noqa: F811
    data = (FIXTURES / "session.txt").read_bytes()
    bot.api.inject_update(document_update(bot, ADMIN, "session.txt", data))
    call = await bot.api.wait_for("sendDocument", lambda c: c.params.get("chat_id") == ADMIN)
    document = call.params["document"]
    assert isinstance(document, UploadedFile)
    assert document.filename == "session.draft.yaml"
    text = document.data.decode("utf-8")
    assert yaml.safe_load(text)["facts"] and "# CHECK:" in text
    assert "3 event" in call.params["caption"] and "session.txt" in call.params["caption"]
    assert bot.service.engine.knowledge.get("uy-ban-hop-tac-thuy-loi-viet-nam-lao") is None  # not in service


async def test_a_non_admin_article_is_refused(bot: Harness) -> None:  # noqa: F811
    before = len(bot.sent(USER))
    bot.api.inject_update(document_update(bot, USER, "session.txt", b"date 2031-05\nNot drafted.\n"))
    call = await bot.api.wait_for("sendMessage", lambda c: c.params.get("chat_id") == USER, count=before + 1)
    assert html.escape(t("admin_only", "en")) in call.params["text"]
    assert not bot.api.calls("sendDocument")


async def test_an_admin_file_that_is_not_txt_is_explained(bot: Harness) -> None:  # noqa: F811
    before = len(bot.sent(ADMIN))
    bot.api.inject_update(document_update(bot, ADMIN, "article.pdf", b"%PDF"))
    call = await bot.api.wait_for("sendMessage", lambda c: c.params.get("chat_id") == ADMIN, count=before + 1)
    assert html.escape(t("draft_not_txt", "en")) in call.params["text"]


# ---------------------------------------------------------------------------- the benchmark


def test_the_leave_one_out_benchmark_keeps_quotes_verbatim_and_invents_nothing(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The figures are printed, not asserted; what must hold whatever the figures are is checked."""
    from bench.draft import run_draft_benchmark
    from bot.app.settings import Settings

    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        knowledge_dir=ROOT / "knowledge",
        seeds_dir=ROOT / "seeds",
        cache_dir=None,
    )
    scores = run_draft_benchmark(settings)
    assert len(scores) == len(list((ROOT / "seeds").glob("*.txt")))
    assert all(s.quotes and s.quotes_verbatim == s.quotes for s in scores)
    assert not [item for s in scores for item in s.invented]
    assert not [s.seed for s in scores if s.problems_unmarked]  # fails only on lines marked CHECK
    assert "overall" in capsys.readouterr().out

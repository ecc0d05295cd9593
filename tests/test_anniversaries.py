"""Which anniversaries fall on a day, which are coming, how the post reads, and the CLI.

A small fact base written in tmp_path covers every kind of date (day, day range, month, year,
29 February), a background fact, a planned event and an inferred date; the real base in
`knowledge/` is checked on its two best-known anniversaries (it must validate).
"""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from pathlib import Path

import pytest

from bot.anniversaries.dates import (
    Anniversary,
    anniversaries_on,
    is_round,
    ordinal_en,
    render_post,
    render_upcoming,
    upcoming,
)
from bot.cli.main import main
from bot.kb.knowledge import Knowledge
from bot.kb.loader import load_knowledge

ROOT = Path(__file__).resolve().parent.parent
SEED = "001_fixture.txt"
REQUIRED_KEYS = {"fact_id", "event_date", "years", "round", "text", "source"}

SEED_TEXT = """\
Ngày 18/7/1977, hai nước ký Hiệp ước Hữu nghị và Hợp tác.
Hai đoàn đàm phán trong hai ngày 28 và 29/12/2015 tại Viêng Chăn.
Tháng 9/2002, đoàn đại biểu thanh niên sang thăm Lào.
Năm 2010, hai bên họp bàn về biên giới.
Ngày 29/2/2008, hai bộ ký biên bản ghi nhớ về giáo dục.
Hai bên thống nhất sẽ gặp lại vào ngày 18/7/2020.
Bài viết đăng hôm sau, kể lại cuộc gặp của sinh viên hai nước.
Ngày 18/7/2027 hai nước sẽ tổ chức lễ kỷ niệm.
"""

EVENTS_YAML = f"""\
facts:
  - kind: event
    id: treaty-signing
    event_kind: signing
    date: "1977-07-18"
    title_vi: Ký Hiệp ước Hữu nghị và Hợp tác
    title_en: Signing of the Treaty of Amity and Cooperation
    summary_vi: Hai nước ký Hiệp ước Hữu nghị và Hợp tác.
    summary_en: The two countries signed the Treaty of Amity and Cooperation.
    participants:
      - {{label_vi: Đoàn Việt Nam, label_en: the Vietnamese delegation, role: host}}
      - {{label_vi: Đoàn Lào, label_en: the Lao delegation, role: guest}}
    source: {SEED}
    quotes: ["Ngày 18/7/1977, hai nước ký Hiệp ước Hữu nghị và Hợp tác."]
  - kind: event
    id: border-talks
    event_kind: meeting
    date: "2015-12-28/2015-12-29"
    title_vi: Đàm phán hai ngày tại Viêng Chăn
    title_en: Two-day talks in Vientiane
    summary_vi: Hai đoàn đàm phán trong hai ngày.
    summary_en: The two delegations held talks over two days.
    source: {SEED}
    quotes: ["Hai đoàn đàm phán trong hai ngày 28 và 29/12/2015 tại Viêng Chăn."]
  - kind: event
    id: youth-visit
    event_kind: visit
    date: "2002-09"
    title_vi: Đoàn thanh niên thăm Lào
    title_en: Youth delegation visits Laos
    summary_vi: Đoàn đại biểu thanh niên sang thăm Lào.
    summary_en: A youth delegation visited Laos.
    source: {SEED}
    quotes: ["Tháng 9/2002, đoàn đại biểu thanh niên sang thăm Lào."]
  - kind: event
    id: border-meeting
    event_kind: meeting
    date: "2010"
    title_vi: Họp bàn về biên giới
    title_en: Meeting on the border
    summary_vi: Hai bên họp bàn về biên giới.
    summary_en: The two sides met on the border.
    source: {SEED}
    quotes: ["Năm 2010, hai bên họp bàn về biên giới."]
  - kind: event
    id: leap-day-memo
    event_kind: signing
    date: "2008-02-29"
    title_vi: Ký biên bản ghi nhớ về giáo dục
    title_en: Memorandum on education signed
    summary_vi: Hai bộ ký biên bản ghi nhớ về giáo dục.
    summary_en: The two ministries signed a memorandum on education.
    source: {SEED}
    quotes: ["Ngày 29/2/2008, hai bộ ký biên bản ghi nhớ về giáo dục."]
  - kind: event
    id: planned-meeting
    event_kind: meeting
    status: planned
    date: "2020-07-18"
    title_vi: Cuộc gặp dự kiến
    title_en: Planned meeting
    summary_vi: Hai bên dự kiến gặp lại.
    summary_en: The two sides planned to meet again.
    source: {SEED}
    quotes: ["Hai bên thống nhất sẽ gặp lại vào ngày 18/7/2020."]
  - kind: event
    id: student-meeting
    event_kind: meeting
    date: "2019-07-18"
    date_inferred: true
    date_note: the article appeared the next day
    title_vi: Gặp gỡ sinh viên hai nước
    title_en: Meeting of students of both countries
    summary_vi: Sinh viên hai nước gặp nhau.
    summary_en: Students of both countries met.
    source: {SEED}
    quotes: ["Bài viết đăng hôm sau, kể lại cuộc gặp của sinh viên hai nước."]
  - kind: event
    id: same-year-celebration
    event_kind: other
    date: "2027-07-18"
    title_vi: Lễ kỷ niệm năm 2027
    title_en: The 2027 celebration
    summary_vi: Lễ kỷ niệm.
    summary_en: A celebration.
    source: {SEED}
    quotes: ["Ngày 18/7/2027 hai nước sẽ tổ chức lễ kỷ niệm."]
"""

BACKGROUND_YAML = """\
facts:
  - kind: event
    id: diplomatic-relations
    event_kind: establishment
    background: true
    references: ["Bộ Ngoại giao Việt Nam, quan hệ Việt Nam – Lào"]
    date: "1962-09-05"
    title_vi: Thiết lập quan hệ ngoại giao Việt Nam – Lào
    title_en: Establishment of Vietnam–Laos diplomatic relations
    summary_vi: Việt Nam và Lào thiết lập quan hệ ngoại giao.
    summary_en: Vietnam and Laos established diplomatic relations.
"""


def write_base(root: Path) -> tuple[Path, Path]:
    """The fixture base under `root`: (knowledge dir, seeds dir)."""
    knowledge_dir, seeds_dir = root / "knowledge", root / "seeds"
    knowledge_dir.mkdir(parents=True)
    seeds_dir.mkdir(parents=True)
    (seeds_dir / SEED).write_text(SEED_TEXT, encoding="utf-8")
    (knowledge_dir / "events.yaml").write_text(EVENTS_YAML, encoding="utf-8")
    (knowledge_dir / "background.yaml").write_text(textwrap.dedent(BACKGROUND_YAML), encoding="utf-8")
    return knowledge_dir, seeds_dir


def load_base(root: Path) -> Knowledge:
    knowledge_dir, seeds_dir = write_base(root)
    result = load_knowledge(knowledge_dir, seeds_dir)
    assert result.knowledge is not None, [str(p) for p in result.problems]
    return result.knowledge


@pytest.fixture
def base(tmp_path: Path) -> Knowledge:
    return load_base(tmp_path)


def ids(anniversaries: list[Anniversary]) -> list[str]:
    return [a.fact_id for a in anniversaries]


# ---------------------------------------------------------------------------- the calendar


def test_day_precision_round_anniversary_and_inferred_date(base: Knowledge) -> None:
    found = anniversaries_on(dt.date(2027, 7, 18), base)
    # Planned and same-year events are not anniversaries; the round one comes first.
    assert ids(found) == ["treaty-signing", "student-meeting"]
    treaty, students = found
    assert (treaty.years, treaty.round, treaty.event_date) == (50, True, "1977-07-18")
    assert "tròn 50 năm" in treaty.text and "50th anniversary" in treaty.text_en
    assert treaty.source == SEED and not treaty.inferred
    assert (students.years, students.round, students.inferred) == (8, False, True)
    assert "suy ra" in students.text and "inferred" in students.text_en
    assert "tròn" not in students.text.splitlines()[0]


def test_day_range_is_remembered_on_its_first_day(base: Knowledge) -> None:
    (talks,) = anniversaries_on(dt.date(2025, 12, 28), base)
    assert (talks.fact_id, talks.years, talks.round) == ("border-talks", 10, True)
    assert talks.event_date == "2015-12-28"
    assert anniversaries_on(dt.date(2025, 12, 29), base) == []


def test_29_february_falls_on_28_february_in_common_years(base: Knowledge) -> None:
    (common,) = anniversaries_on(dt.date(2027, 2, 28), base)
    assert (common.fact_id, common.years, common.on) == ("leap-day-memo", 19, dt.date(2027, 2, 28))
    (leap,) = anniversaries_on(dt.date(2028, 2, 29), base)
    assert (leap.years, leap.round) == (20, True)
    assert anniversaries_on(dt.date(2028, 2, 28), base) == []  # a leap year has its own 29th
    assert anniversaries_on(dt.date(2027, 3, 1), base) == []


def test_background_anniversary_cites_its_public_reference(base: Knowledge) -> None:
    (relations,) = anniversaries_on(dt.date(2027, 9, 5), base)
    assert (relations.fact_id, relations.years, relations.round) == ("diplomatic-relations", 65, True)
    assert relations.background and relations.source == "Bộ Ngoại giao Việt Nam, quan hệ Việt Nam – Lào"
    assert "65th anniversary" in relations.text_en and "tròn 65 năm" in relations.text
    assert relations.source in relations.text


def test_no_anniversary_before_a_full_year_or_in_the_future(base: Knowledge) -> None:
    assert anniversaries_on(dt.date(1977, 7, 18), base) == []
    assert anniversaries_on(dt.date(1970, 7, 18), base) == []
    assert ids(anniversaries_on(dt.date(1978, 7, 18), base)) == ["treaty-signing"]
    assert anniversaries_on(dt.date(1978, 7, 18), base)[0].years == 1


def test_month_and_year_precision_events_are_never_posted_on_a_day(base: Knowledge) -> None:
    day = dt.date(2027, 1, 1)
    seen: set[str] = set()
    while day.year == 2027:
        seen.update(ids(anniversaries_on(day, base)))
        day += dt.timedelta(days=1)
    assert "youth-visit" not in seen and "border-meeting" not in seen
    assert "planned-meeting" not in seen
    assert {"treaty-signing", "border-talks", "leap-day-memo", "diplomatic-relations"} <= seen


def test_upcoming_lists_days_then_month_precision_events_by_month(base: Knowledge) -> None:
    coming = upcoming(dt.date(2027, 8, 30), 10, base)
    assert coming.end == dt.date(2027, 9, 8)
    assert [(a.fact_id, a.on) for a in coming.days] == [("diplomatic-relations", dt.date(2027, 9, 5))]
    # August has no month-precision event; September 2002 + 25 = a round month anniversary.
    assert [(m.fact_id, m.year, m.month, m.years, m.round) for m in coming.months] == [
        ("youth-visit", 2027, 9, 25, True)
    ]
    text = render_upcoming(coming, "vi")
    assert "5/9" in text and "tháng 9/2027" in text and "không rõ ngày" in text
    assert "September 2027" in render_upcoming(coming, "en")
    assert upcoming(dt.date(2027, 7, 18), 1, base).days[0].fact_id == "treaty-signing"  # today included
    assert upcoming(dt.date(2027, 7, 19), 30, base).empty


def test_post_is_one_message_with_every_anniversary_of_the_day(base: Knowledge) -> None:
    found = anniversaries_on(dt.date(2027, 7, 18), base)
    post = render_post(found, "vi")
    assert post.startswith("📅 Ngày này năm xưa — 18/7/2027")
    assert "Ký Hiệp ước Hữu nghị và Hợp tác" in post and "Gặp gỡ sinh viên hai nước" in post
    assert "Chủ nhà: Đoàn Việt Nam" in post and f"Nguồn: {SEED}" in post
    english = render_post(found, "en")
    assert english.startswith("📅 On this day — 18 July 2027")
    assert "the Vietnamese delegation" in english and f"Source: {SEED}" in english
    assert "<" not in post  # plain text: the Telegram side escapes it
    assert render_post([], "vi") == ""


def test_round_and_ordinals() -> None:
    assert [is_round(n) for n in (1, 5, 10, 11, 65)] == [False, True, True, False, True]
    assert [ordinal_en(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 65, 111)] == [
        "1st",
        "2nd",
        "3rd",
        "4th",
        "11th",
        "12th",
        "13th",
        "21st",
        "22nd",
        "65th",
        "111th",
    ]


# ---------------------------------------------------------------------------- CLI


def test_cli_json_and_text_on_the_fixture_base(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    knowledge_dir, seeds_dir = write_base(tmp_path)
    monkeypatch.setenv("KNOWLEDGE_DIR", str(knowledge_dir))
    monkeypatch.setenv("SEEDS_DIR", str(seeds_dir))
    monkeypatch.setenv("CACHE_DIR", str(tmp_path / "cache"))
    assert main(["anniversaries", "--date", "2027-07-18", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["fact_id"] for r in rows] == ["treaty-signing", "student-meeting"]
    assert all(set(r) >= REQUIRED_KEYS for r in rows)
    assert rows[0]["years"] == 50 and rows[0]["round"] is True and rows[0]["event_date"] == "1977-07-18"

    assert main(["anniversaries", "--date", "2027-09-05", "--lang", "en"]) == 0
    assert "65th anniversary" in capsys.readouterr().out
    assert main(["anniversaries", "--date", "2027-08-30", "--upcoming", "10"]) == 0
    assert "tháng 9/2027" in capsys.readouterr().out
    assert main(["anniversaries", "--date", "2027-08-30", "--upcoming", "10", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["months"][0]["fact_id"] == "youth-visit"


# ---------------------------------------------------------------------------- the real base


def _real_base() -> Knowledge:
    result = load_knowledge(ROOT / "knowledge", ROOT / "seeds")
    assert result.knowledge is not None, "\n".join(str(p) for p in result.problems)
    return result.knowledge


def test_real_base_treaty_50th_and_relations_65th() -> None:
    knowledge = _real_base()
    treaty = [a for a in anniversaries_on(dt.date(2027, 7, 18), knowledge) if a.event_date == "1977-07-18"]
    assert treaty and treaty[0].years == 50 and treaty[0].round
    assert "tròn 50 năm" in treaty[0].text and "50th anniversary" in treaty[0].text_en
    relations = [a for a in anniversaries_on(dt.date(2027, 9, 5), knowledge) if a.event_date == "1962-09-05"]
    assert relations and relations[0].years == 65 and relations[0].round
    assert "65th anniversary" in relations[0].text_en


def test_real_base_cli_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _real_base()
    monkeypatch.setenv("KNOWLEDGE_DIR", str(ROOT / "knowledge"))
    monkeypatch.delenv("SEEDS_DIR", raising=False)
    monkeypatch.setenv("CACHE_DIR", str(tmp_path / "cache"))
    assert main(["anniversaries", "--date", "2027-07-18", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and all(set(row) >= REQUIRED_KEYS for row in rows)
    assert any(row["years"] == 50 and row["round"] for row in rows)

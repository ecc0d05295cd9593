"""The validator: each class of curator mistake is reported with file and line, and nothing loads."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bot.kb.loader import load_knowledge
from tests.support.files import edit

ROOT = Path(__file__).resolve().parent.parent


def problems_of(base: Path) -> list[str]:
    result = load_knowledge(base / "knowledge")
    assert result.knowledge is None, "a broken base must not load"
    return [str(p) for p in result.problems]


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(needle)


def test_the_small_fixture_base_loads(mini: Path) -> None:
    result = load_knowledge(mini / "knowledge")
    assert result.ok
    assert result.knowledge is not None
    assert result.knowledge.events_by_series["political-consultation"] == (
        "political-consultation-1",
        "political-consultation-2",
    )


def test_a_quote_not_in_the_seed_is_reported_at_its_line(mini: Path) -> None:
    events = mini / "knowledge" / "events.yaml"
    edit(events, "- Ngày 20/7/2015, tại Nhà khách Chính phủ,", "- Ngày 21/7/2015, tại Nhà khách Chính phủ,")
    [problem] = problems_of(mini)
    assert problem.startswith(f"{events}:{line_of(events, 'Ngày 21/7/2015')}:")
    assert "quote not found in 001_mini.txt" in problem


def test_quotes_ignore_whitespace_but_not_diacritics(mini: Path) -> None:
    events = mini / "knowledge" / "events.yaml"
    edit(events, "cuộc họp Tham khảo Chính trị lần thứ nhất\n", "cuoc hop Tham khao Chinh tri lan thu nhat\n")
    [problem] = problems_of(mini)
    assert "quote not found" in problem


def test_a_duplicate_id_names_both_places(mini: Path) -> None:
    events = mini / "knowledge" / "events.yaml"
    edit(events, "id: political-consultation-2", "id: political-consultation-1")
    problems = problems_of(mini)
    assert any(
        "duplicate id 'political-consultation-1'" in p
        and "first defined at" in p
        and "events.yaml:" in p.split("first defined at")[1]
        for p in problems
    )


def test_a_dangling_reference_is_reported(mini: Path) -> None:
    events = mini / "knowledge" / "events.yaml"
    edit(events, "{official: le-hoai-trung, role: co_chair}", "{official: le-hoai-trung-x, role: co_chair}")
    [problem] = problems_of(mini)
    assert f"{events}:{line_of(events, 'le-hoai-trung-x')}:" in problem
    assert "unknown id 'le-hoai-trung-x'" in problem


def test_a_reference_to_the_wrong_kind_is_reported(mini: Path) -> None:
    events = mini / "knowledge" / "events.yaml"
    edit(events, "series: political-consultation\n    round: 1", "series: le-hoai-trung\n    round: 1")
    [problem] = problems_of(mini)
    assert "must name a series, but 'le-hoai-trung' is a official" in problem


def test_an_unknown_field_is_an_error(mini: Path) -> None:
    officials = mini / "knowledge" / "officials.yaml"
    edit(officials, "    country: LA\n", "    country: LA\n    birthday: 1960\n")
    [problem] = problems_of(mini)
    assert f"{officials}:{line_of(officials, 'birthday')}:" in problem
    assert "birthday" in problem and "Extra inputs are not permitted" in problem


def test_a_yaml_syntax_error_gives_file_line_and_column_not_a_traceback(mini: Path) -> None:
    officials = mini / "knowledge" / "officials.yaml"
    edit(officials, "aliases: [Kittikhoun Alounkeo]", "aliases: [Kittikhoun Alounkeo")
    [problem] = problems_of(mini)
    assert problem.startswith(str(officials) + ":")
    assert "YAML syntax error" in problem
    line, column = problem.removeprefix(str(officials) + ":").split(":")[:2]
    assert int(line) >= line_of(officials, "aliases:") and int(column) > 0


def test_an_impossible_date_is_an_error(mini: Path) -> None:
    events = mini / "knowledge" / "events.yaml"
    edit(events, 'date: "2015-07-20"', 'date: "2015-02-30"')
    [problem] = problems_of(mini)
    assert "not a real date" in problem and f":{line_of(events, '2015-02-30')}:" in problem


def test_two_events_cannot_claim_the_same_round_of_a_series(mini: Path) -> None:
    events = mini / "knowledge" / "events.yaml"
    edit(events, "round: 2", "round: 1")
    [problem] = problems_of(mini)
    assert "round 1 of series 'political-consultation' is already 'political-consultation-1'" in problem


def test_an_alias_cannot_name_two_officials(mini: Path) -> None:
    officials = mini / "knowledge" / "officials.yaml"
    edit(officials, "aliases: [Kittikhoun Alounkeo]", "aliases: [Kittikhoun Alounkeo, Le Hoai Trung]")
    [problem] = problems_of(mini)
    assert "already names official 'le-hoai-trung'" in problem


def test_an_inferred_date_must_say_how(mini: Path) -> None:
    events = mini / "knowledge" / "events.yaml"
    edit(events, 'date: "2015-07-20"', 'date: "2015-07-20"\n    date_inferred: true')
    [problem] = problems_of(mini)
    assert "date_note" in problem


def test_a_fact_without_quotes_is_refused(mini: Path) -> None:
    officials = mini / "knowledge" / "officials.yaml"
    edit(officials, "    quotes:\n      - Thứ trưởng Bộ Ngoại giao Lào Alounkeo Kittikhoun\n", "")
    [problem] = problems_of(mini)
    assert "needs `source`" in problem or "at least one verbatim quote" in problem


def test_validate_command_prints_file_line_and_exits_1(mini: Path) -> None:
    edit(mini / "knowledge" / "officials.yaml", "country: LA", "country: Laos")
    run = subprocess.run(
        [sys.executable, "-m", "bot", "knowledge", "validate", str(mini / "knowledge")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert run.returncode == 1
    assert "officials.yaml:" in run.stdout and "country" in run.stdout
    assert "Traceback" not in run.stdout + run.stderr

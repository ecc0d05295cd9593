"""Bad input never ends in a traceback: each mistake is one message naming the file and line, or the
variable, and the exit status says what kind of failure it was (1: the fact base has problems;
2: the command cannot start — a missing file or folder, a bad setting, a database that does not open)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from bot.kb.loader import load_knowledge, load_yaml

MINI = Path(__file__).parent / "fixtures" / "mini"


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A writable copy of the small valid fact base (knowledge/ + seeds/)."""
    shutil.copytree(MINI, tmp_path / "mini")
    return tmp_path / "mini"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(needle)


def run_bot(*args: str, cwd: Path, stdin: bytes = b"", **env: str) -> subprocess.CompletedProcess[str]:
    """`python -m bot ARGS` in `cwd` (no .env there), with `env` on top of a cleaned environment."""
    base = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "DATABASE_", "KNOWLEDGE_"))}
    base.update({"CACHE_DIR": "", "PYTHONIOENCODING": "utf-8"}, **env)
    done = subprocess.run(
        [sys.executable, "-m", "bot", *args], input=stdin, capture_output=True, cwd=cwd, env=base, check=False
    )
    return subprocess.CompletedProcess(
        done.args, done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8")
    )


# ---------------------------------------------------------------- YAML dates are read as text


def test_yaml_keeps_timestamps_as_text_and_everything_else_as_safe_load() -> None:
    text = (
        "a: 2021-02-30\nb: 2021-12-28\nc: 2001-12-14 21:59:43.10 -5\nd: 2021\ne: 1.5\nf: true\ng: ~\nh: x\n"
    )
    data = load_yaml(text)
    assert data["a"] == "2021-02-30" and data["b"] == "2021-12-28" and isinstance(data["c"], str)
    assert {k: data[k] for k in "defgh"} == {"d": 2021, "e": 1.5, "f": True, "g": None, "h": "x"}
    assert yaml.safe_load("b: 2021-12-28")["b"] == dt.date(2021, 12, 28), "PyYAML itself is left alone"


def test_an_unquoted_impossible_date_is_a_problem_at_its_line(mini: Path) -> None:
    events = mini / "knowledge" / "events.yaml"
    edit(events, 'date: "2015-07-20"', "date: 2015-02-30")
    result = load_knowledge(mini / "knowledge")
    assert result.knowledge is None
    [problem] = [str(p) for p in result.problems]
    assert problem.startswith(f"{events}:{line_of(events, '2015-02-30')}: ")
    assert "'2015-02-30' is not a real date" in problem


def test_an_unquoted_valid_date_still_loads(mini: Path, tmp_path: Path) -> None:
    events = mini / "knowledge" / "events.yaml"
    edit(events, 'date: "2015-07-20"', "date: 2015-07-20")
    for _ in range(2):  # parsed, then from the parse cache (a date string is JSON; a date object was not)
        result = load_knowledge(mini / "knowledge", cache_dir=tmp_path / "cache")
        assert result.knowledge is not None, result.problems
        dated = [f for f in result.knowledge.facts if getattr(f, "date", None) is not None]
        assert "2015-07-20" in {str(f.date) for f in dated}  # type: ignore[attr-defined]
    assert list((tmp_path / "cache").glob("*.json"))


def test_every_problem_is_reported_not_just_the_first(mini: Path) -> None:
    events = mini / "knowledge" / "events.yaml"
    edit(events, 'date: "2015-07-20"', "date: 2015-02-30")
    edit(events, 'date: "2016"', "date: 2016-13")
    edit(mini / "knowledge" / "officials.yaml", "country: LA", "country: LA\n    birthday: 1960")
    problems = [str(p) for p in load_knowledge(mini / "knowledge").problems]
    assert len(problems) == 3, problems
    assert any("2015-02-30" in p for p in problems) and any("no month 13" in p for p in problems)
    assert any("birthday" in p for p in problems)


def test_validate_and_ask_report_an_unquoted_impossible_date_without_a_traceback(
    mini: Path, tmp_path: Path
) -> None:
    events = mini / "knowledge" / "events.yaml"
    edit(events, 'date: "2015-07-20"', "date: 2015-02-30")
    where = f"{events}:{line_of(events, '2015-02-30')}: "
    validate = run_bot("knowledge", "validate", str(mini / "knowledge"), cwd=tmp_path)
    assert validate.returncode == 1
    assert where in validate.stdout and "not a real date" in validate.stdout
    ask = run_bot("ask", "hello", cwd=tmp_path, KNOWLEDGE_DIR=str(mini / "knowledge"))
    assert ask.returncode == 1 and where in ask.stderr
    run = run_bot(cwd=tmp_path, KNOWLEDGE_DIR=str(mini / "knowledge"))  # `make run` without a token
    assert run.returncode == 1 and where in run.stderr
    for done in (validate, ask, run):
        assert "Traceback" not in done.stdout + done.stderr


def test_validate_and_ask_accept_an_unquoted_valid_date(mini: Path, tmp_path: Path) -> None:
    edit(mini / "knowledge" / "events.yaml", 'date: "2015-07-20"', "date: 2015-07-20")
    validate = run_bot("knowledge", "validate", str(mini / "knowledge"), cwd=tmp_path)
    assert validate.returncode == 0 and validate.stdout.startswith("OK: 5 facts")
    ask = run_bot("ask", "--json", "hello", cwd=tmp_path, KNOWLEDGE_DIR=str(mini / "knowledge"))
    assert ask.returncode == 0 and '"status"' in ask.stdout


def test_a_seed_that_is_not_utf8_is_a_problem(mini: Path) -> None:
    seed = next((mini / "seeds").glob("*.txt"))
    seed.write_bytes(seed.read_bytes() + b"\xff\xfe")
    problems = [str(p) for p in load_knowledge(mini / "knowledge").problems]
    assert any(p.startswith(f"{seed}:1: seed is not UTF-8 text") for p in problems), problems


def test_a_corrupt_cache_entry_is_parsed_again(mini: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    assert load_knowledge(mini / "knowledge", cache_dir=cache).knowledge is not None
    for entry in cache.glob("*.json"):
        entry.write_text("{not json", encoding="utf-8")
    assert load_knowledge(mini / "knowledge", cache_dir=cache).knowledge is not None

"""Bad input never ends in a traceback: each mistake is one message naming the file and line, or the
variable, and the exit status says what kind of failure it was (1: the fact base has problems;
2: the command cannot start — a missing file or folder, a bad setting, a database that does not open)."""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from bot.answering.evaluation import GoldFileError, load_gold
from bot.app.checks import check_database
from bot.app.settings import Settings, SettingsError, load_settings
from bot.cli.main import main
from bot.kb.loader import load_knowledge, load_yaml
from tests.conftest import MINI
from tests.support.files import edit


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


# ---------------------------------------------------------------- configuration and database

BOT_ENV = {"TELEGRAM_BOT_TOKEN": "123456:not-a-real-token", "TELEGRAM_API_BASE_URL": "http://127.0.0.1:9/bot"}


def settings_with(**env: object) -> Settings:
    return Settings(_env_file=None, **env)  # type: ignore[arg-type, call-arg]


@pytest.fixture
def clean_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """For in-process `main()`: no .env (cwd is an empty folder), none of the bot's variables set."""
    for name in list(os.environ):
        if name.startswith(("TELEGRAM_", "DATABASE_", "KNOWLEDGE_", "SEEDS_", "GOLD_", "LOG_")):
            monkeypatch.delenv(name)
    monkeypatch.setenv("CACHE_DIR", "")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_database_url_that_is_not_a_url_is_named(tmp_path: Path) -> None:
    message = check_database(settings_with(database_url="garbage"))
    assert message is not None and message.startswith("DATABASE_URL is not a database URL")
    empty = check_database(settings_with(database_url=" "))
    assert empty is not None and empty.startswith("DATABASE_URL is empty")


def test_an_unknown_database_type_is_named_without_the_password() -> None:
    message = check_database(settings_with(database_url="nosuchdb://bob:hunter2@db.example/bot"))
    assert message is not None and "DATABASE_URL" in message and "'nosuchdb'" in message
    assert "hunter2" not in message and "bob:***@db.example" in message


def test_a_driver_that_is_not_installed_is_named_without_the_password() -> None:
    if importlib.util.find_spec("pg8000") is not None:
        pytest.skip("pg8000 is installed here")
    message = check_database(settings_with(database_url="postgresql+pg8000://bob:hun@ter2@db.example/bot"))
    assert message is not None and "DATABASE_URL" in message and "'pg8000'" in message
    assert "hun" not in message and "ter2" not in message and "not installed" in message


def test_a_sqlite_file_in_a_folder_that_cannot_exist_is_named(tmp_path: Path) -> None:
    (tmp_path / "plain-file").write_text("", encoding="utf-8")
    database = tmp_path / "plain-file" / "data" / "bot.sqlite3"
    message = check_database(settings_with(database_url=f"sqlite:///{database}"))
    assert message is not None and message.startswith("DATABASE_URL: cannot open the SQLite database")
    assert str(database) in message


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root writes anywhere")
def test_a_sqlite_file_in_a_read_only_folder_is_named(tmp_path: Path) -> None:
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        message = check_database(settings_with(database_url=f"sqlite:///{folder / 'bot.sqlite3'}"))
    finally:
        folder.chmod(0o700)
    assert message is not None and "DATABASE_URL" in message and str(folder) in message


def test_a_good_database_passes(tmp_path: Path) -> None:
    assert check_database(settings_with(database_url=f"sqlite:///{tmp_path / 'new' / 'bot.sqlite3'}")) is None
    assert check_database(settings_with(database_url="sqlite://")) is None


def test_the_bot_with_a_bad_database_url_exits_2_with_one_line(
    clean_env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, value in BOT_ENV.items():
        monkeypatch.setenv(name, value)
    (clean_env / "plain-file").write_text("", encoding="utf-8")
    for url in ("garbage", "nosuchdb://bob:hunter2@h/db", f"sqlite:///{clean_env}/plain-file/x/bot.sqlite3"):
        monkeypatch.setenv("DATABASE_URL", url)
        assert main([]) == 2
        out, err = capsys.readouterr()
        assert out == "" and err.count("\n") == 1 and err.startswith("DATABASE_URL")
        assert "hunter2" not in err and "Traceback" not in err


def test_the_traceback_of_a_database_failure_is_logged_at_debug_only(tmp_path: Path) -> None:
    url = "nosuchdb://bob:hunter2@db.example/bot"
    quiet = run_bot(cwd=tmp_path, DATABASE_URL=url, **BOT_ENV)
    assert quiet.returncode == 2 and "Traceback" not in quiet.stderr
    assert quiet.stderr.startswith("DATABASE_URL") and quiet.stderr.count("\n") == 1
    debug = run_bot(cwd=tmp_path, DATABASE_URL=url, LOG_LEVEL="DEBUG", **BOT_ENV)
    assert debug.returncode == 2 and "Traceback" in debug.stderr and "NoSuchModuleError" in debug.stderr
    assert "hunter2" not in debug.stderr
    assert debug.stderr.rstrip("\n").splitlines()[-1] == quiet.stderr.rstrip("\n")


def test_the_terminal_session_does_not_need_the_database(tmp_path: Path) -> None:
    done = run_bot(cwd=tmp_path, stdin=b"hello\n", DATABASE_URL="garbage")
    assert done.returncode == 0 and "DATABASE_URL" not in done.stderr


def test_a_missing_knowledge_dir_is_named(
    clean_env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = clean_env / "nowhere"
    monkeypatch.setenv("KNOWLEDGE_DIR", str(missing))
    for argv in ([], ["ask", "hello"], ["eval"], ["facts"], ["knowledge", "validate"], ["anniversaries"]):
        assert main(argv) == 2, argv
        assert capsys.readouterr().err == f"KNOWLEDGE_DIR: folder not found: {missing}\n", argv
    (clean_env / "empty").mkdir()
    monkeypatch.setenv("KNOWLEDGE_DIR", str(clean_env / "empty"))
    assert main(["ask", "hello"]) == 2
    assert capsys.readouterr().err.startswith("KNOWLEDGE_DIR: no *.yaml fact files in")
    monkeypatch.setenv("KNOWLEDGE_DIR", str(MINI / "knowledge"))
    monkeypatch.setenv("SEEDS_DIR", str(clean_env / "no-seeds"))
    assert main(["ask", "hello"]) == 2
    assert capsys.readouterr().err == f"SEEDS_DIR: folder not found: {clean_env / 'no-seeds'}\n"


def test_validate_names_a_missing_folder_given_on_the_command_line(tmp_path: Path) -> None:
    done = run_bot("knowledge", "validate", str(tmp_path / "nowhere"), cwd=tmp_path)
    assert done.returncode == 2 and done.stderr == f"knowledge folder not found: {tmp_path / 'nowhere'}\n"


def test_a_dotenv_that_is_not_utf8_is_a_message(tmp_path: Path) -> None:
    (tmp_path / ".env").write_bytes(b"LOG_LEVEL=INFO\nTIMEZONE=\xff\n")
    done = run_bot("facts", cwd=tmp_path)
    assert done.returncode == 2 and ".env" in done.stderr and "not UTF-8" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_bad_setting_shows_the_value_but_never_a_secret(tmp_path: Path) -> None:
    done = run_bot("facts", cwd=tmp_path, WEBHOOK_PORT="eighty", LOG_LEVEL="loud")
    assert done.returncode == 2
    assert "WEBHOOK_PORT:" in done.stderr and "'eighty'" in done.stderr and "'loud'" in done.stderr
    with pytest.raises(SettingsError) as error:
        load_settings(_env_file=None, telegram_bot_token=12345678, webhook_secret=["s3cret"])
    assert "s3cret" not in str(error.value) and "12345678" not in str(error.value)


# ---------------------------------------------------------------- eval on a missing or broken file


def write_gold(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "questions.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_eval_on_a_missing_file_names_it(tmp_path: Path) -> None:
    done = run_bot("eval", str(tmp_path / "nope.yaml"), cwd=tmp_path)
    assert done.returncode == 2 and done.stderr == f"{tmp_path / 'nope.yaml'}: question set not found\n"
    default = run_bot("eval", cwd=tmp_path, GOLD_FILE=str(tmp_path / "nope.yaml"))
    assert default.returncode == 2 and "GOLD_FILE" in default.stderr


def test_eval_on_a_yaml_syntax_error_gives_file_line_and_column(tmp_path: Path) -> None:
    path = write_gold(tmp_path, "questions:\n  - q: fine\n    status: answered\n  - q: [broken\n")
    done = run_bot("eval", str(path), cwd=tmp_path)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.startswith(f"{path}:5:1: YAML syntax error:")
    assert "line 4, column 8" in done.stderr  # where the unclosed bracket opened


def test_eval_on_schema_errors_names_every_question_and_field(tmp_path: Path) -> None:
    path = write_gold(
        tmp_path,
        "questions:\n"
        "  - q: fine\n"
        "    status: answered\n"
        "  - q: wrong status\n"
        "    status: answred\n"
        "  - q: stray field\n"
        "    status: not_found\n"
        "    colour: red\n"
        "extra: 1\n",
    )
    with pytest.raises(GoldFileError) as error:
        load_gold(path)
    assert error.value.problems == [
        f"{path}:9: unknown top-level key `extra` (only `questions:`)",
        f"{path}:5: question #2 field `status`: Input should be 'answered', 'ambiguous' or 'not_found'",
        f"{path}:8: question #3 field `colour`: Extra inputs are not permitted",
    ]
    done = run_bot("eval", str(path), cwd=tmp_path)
    assert done.returncode == 2 and done.stderr.splitlines() == error.value.problems


def test_eval_on_a_file_without_questions_says_so(tmp_path: Path) -> None:
    for text, wanted in (
        ("- q: a list at the top\n", ":1: a question set has a top-level key `questions:`"),
        ("questions: 3\n", ":1: `questions:` must be a list"),
        ("", ":1: a question set has a top-level key `questions:`"),
    ):
        with pytest.raises(GoldFileError) as error:
            load_gold(write_gold(tmp_path, text))
        assert [wanted in p for p in error.value.problems] == [True], error.value.problems
    (tmp_path / "latin1.yaml").write_bytes(b"questions:\n  - q: caf\xe9\n")
    with pytest.raises(GoldFileError, match=r"latin1\.yaml:1: not UTF-8 text"):
        load_gold(tmp_path / "latin1.yaml")


def test_an_unquoted_yes_or_no_verdict_means_the_word(tmp_path: Path) -> None:
    # YAML 1.1 reads `verdict: no` as false; the writer of a question set meant "no"
    text = "questions:\n  - q: Was it in 1965?\n    status: answered\n    facts: [x]\n    verdict: no\n"
    [question] = load_gold(write_gold(tmp_path, text))
    assert question.verdict == "no"


def test_a_problem_about_a_whole_folder_has_no_line_number(tmp_path: Path) -> None:
    [problem] = load_knowledge(tmp_path / "nowhere").problems
    assert str(problem) == f"{tmp_path / 'nowhere'}: knowledge folder not found"
    (tmp_path / "empty").mkdir()
    [problem] = load_knowledge(tmp_path / "empty").problems
    assert str(problem) == f"{tmp_path / 'empty'}: no *.yaml fact files found"


def test_an_explicitly_tagged_value_yaml_cannot_build_is_a_problem_at_its_line(mini: Path) -> None:
    events = mini / "knowledge" / "events.yaml"
    edit(events, "round: 2", "round: !!int second")
    [problem] = [str(p) for p in load_knowledge(mini / "knowledge").problems]
    assert problem.startswith(f"{events}:{line_of(events, '!!int second')}:")
    assert "YAML error: cannot read 'second' as int" in problem


def test_eval_on_an_explicitly_tagged_bad_value_gives_file_line_and_column(tmp_path: Path) -> None:
    path = write_gold(tmp_path, "questions:\n  - q: !!timestamp 2021-02-30\n    status: answered\n")
    with pytest.raises(GoldFileError) as error:
        load_gold(path)
    assert error.value.problems == [
        f"{path}:2:8: YAML error: cannot read '2021-02-30' as timestamp (day is out of range for month)"
    ]


def test_uncovered_reports_a_broken_coverage_file_at_its_line(mini: Path, tmp_path: Path) -> None:
    coverage = mini / "knowledge" / "coverage.yaml"
    coverage.write_text("ignore:\n  001_mini.txt: [unclosed\n", encoding="utf-8")
    done = run_bot("knowledge", "uncovered", str(mini / "knowledge"), cwd=tmp_path)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.startswith(f"{coverage}:3:1: YAML syntax error:") and "line 2" in done.stderr

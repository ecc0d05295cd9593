"""`python -m bot ask --json -`: one JSON line per input line, whatever the bytes on stdin."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def ask_json(stdin: bytes, tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[bytes]:
    clean = {
        k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "DATABASE_", "KNOWLEDGE_"))
    }
    clean.update({"CACHE_DIR": "", "KNOWLEDGE_DIR": str(ROOT / "knowledge")}, **env)
    return subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--json", *args],
        input=stdin,
        capture_output=True,
        cwd=tmp_path,
        env=clean,
        check=False,
    )


def input_lines(data: bytes) -> list[bytes]:
    """Lines as a line-oriented tool counts them: split at b'\\n'; a last line needs no newline."""
    lines = data.split(b"\n")
    return lines[:-1] if data.endswith(b"\n") else lines


STDIN = (
    "\ufeffsaleumxay kommasith là ai\n".encode()  # a BOM, as Windows tools write it
    + b"\n"  # blank
    + b"\xff\xfe not utf-8 \xc3(\n"  # invalid UTF-8
    + b"   \t\n"  # only whitespace
    + b"when was the 8th consultation\r\n"  # CRLF
    + "tách\u2028dòng\rở giữa\n".encode()  # separators that are not '\n' do not split a line
    + b"\n\n"
    + b"no newline at the end"
)


def test_one_json_line_per_input_line(tmp_path: Path) -> None:
    done = ask_json(STDIN, tmp_path, "-")
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    text = done.stdout.decode("utf-8")  # valid UTF-8, or this raises
    lines = text.split("\n")
    assert lines[-1] == ""  # every line ends with a newline
    answers = [json.loads(line) for line in lines[:-1]]
    assert len(answers) == len(input_lines(STDIN)) == 9
    keys = set(answers[0])
    assert {"question", "status", "text", "facts", "sources", "score", "candidates"} <= keys
    assert all(set(answer) == keys for answer in answers), "every answer has the same keys"
    statuses = [answer["status"] for answer in answers]
    assert [i for i, s in enumerate(statuses) if s == "empty"] == [1, 3, 6, 7]
    assert all(s in {"answered", "ambiguous", "not_found"} for s in statuses if s != "empty")
    for i in (1, 3, 6, 7):
        assert answers[i]["question"] == "" and answers[i]["facts"] == [] and answers[i]["sources"] == []
    assert answers[0]["question"] == "saleumxay kommasith là ai"  # the BOM is not part of it
    assert answers[2]["question"] == "\ufffd\ufffd not utf-8 \ufffd("
    assert answers[4]["question"] == "when was the 8th consultation"
    assert answers[5]["question"] == "tách\u2028dòng\rở giữa"
    assert answers[8]["question"] == "no newline at the end"


def test_output_is_utf8_whatever_the_locale_says(tmp_path: Path) -> None:
    done = ask_json(b"b\xc3\xb9i thanh s\xc6\xa1n l\xc3\xa0 ai\n\n", tmp_path, "-", PYTHONIOENCODING="ascii")
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    answers = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert [a["question"] for a in answers] == ["bùi thanh sơn là ai", ""]


def test_a_question_argument_that_is_not_utf8_is_answered(tmp_path: Path) -> None:
    done = ask_json(b"", tmp_path, os.fsdecode(b"caf\xe9 \xff"))
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    [answer] = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert answer["question"] == "caf\ufffd \ufffd"


def test_empty_input_gives_no_output(tmp_path: Path) -> None:
    done = ask_json(b"", tmp_path, "-")
    assert done.returncode == 0 and done.stdout == b""

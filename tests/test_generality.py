"""The engine knows no fact of any particular base: names, ids and countries live in data.

A second, fictional base (tests/fixtures/vn-th: Vietnam–Thailand, officials whose names contain
country names and common words) is answered with no code change, and no fact id, official's name,
series, place or country name of the real base appears in the package's Python code.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from bot.kb.facts import Agreement, Official, Place, Series
from bot.kb.knowledge import Knowledge
from bot.nlu.lexicon import COUNTRY_DATA
from bot.nlu.text import fold

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "bot"


def _python_strings() -> list[tuple[Path, int, str]]:
    """Every string literal in the package's code (docstrings and comments are prose, not logic)."""
    found: list[tuple[Path, int, str]] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                found.append((path, node.lineno, fold(node.value)))
    return found


def _base_terms(knowledge: Knowledge) -> set[str]:
    terms: set[str] = set()
    for fact in knowledge.facts:
        terms.add(fact.id)
        if isinstance(fact, Official):
            terms.update(fold(name) for name in [fact.name, *fact.aliases] if len(name.split()) > 1)
        elif isinstance(fact, Series | Place | Agreement):
            terms.update(fold(name) for name in [fact.name_vi, fact.name_en, *fact.aliases])
    for code in {o.country for o in knowledge.of_kind(Official)}:
        country = COUNTRY_DATA.get(code)
        if country is not None:
            terms.update(fold(word) for word in [country.vi, country.en, *country.match] if len(word) > 2)
    return {term for term in terms if len(term) >= 3}


def test_no_fact_name_or_country_of_the_base_is_written_in_python(knowledge: Knowledge) -> None:
    terms = _base_terms(knowledge)
    pattern = re.compile(
        r"\b(?:" + "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)) + r")\b"
    )
    offenders = [
        f"{path.relative_to(ROOT)}:{line}: {match.group(0)!r} in {text[:60]!r}"
        for path, line, text in _python_strings()
        if (match := pattern.search(text))
    ]
    assert not offenders, "facts of the base written in code:\n" + "\n".join(offenders)


def test_the_check_catches_a_name_written_in_code(knowledge: Knowledge) -> None:
    official = next(iter(knowledge.of_kind(Official)))
    pattern = re.compile(r"\b" + re.escape(fold(official.name)) + r"\b")
    assert pattern.search(fold(f'if name == "{official.name}":'))


@pytest.mark.parametrize("code", sorted({"VN", "TH"}))
def test_countries_are_data(code: str) -> None:
    assert code in COUNTRY_DATA  # the fixture base's countries come from bot/nlu/data/countries.yaml

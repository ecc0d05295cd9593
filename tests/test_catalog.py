"""The one UI-string catalog: complete in both languages, and every key the code names exists."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from bot.render.catalog import CATALOG, has, t

BOT = Path(__file__).resolve().parent.parent / "bot"


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@pytest.mark.parametrize("key", sorted(CATALOG))
def test_every_entry_has_both_languages_with_the_same_placeholders(key: str) -> None:
    entry = CATALOG[key]
    assert set(entry) == {"vi", "en"}
    assert entry["vi"].strip() and entry["en"].strip()
    assert placeholders(entry["vi"]) == placeholders(entry["en"]), key


def test_t_fills_placeholders_and_refuses_an_unknown_key() -> None:
    assert t("too_long", "en", max=500).endswith("under 500 characters.")
    assert t("too_long", "vi", max=500) != t("too_long", "en", max=500)
    assert has("welcome") and not has("no-such-key")
    with pytest.raises(KeyError):
        t("no-such-key", "vi")


def _literal_keys() -> list[tuple[str, int, str]]:
    """(file, line, key) for every `t("literal", ...)` call in the package."""
    found = []
    for path in sorted(BOT.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "t"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.append((str(path.relative_to(BOT.parent)), node.lineno, node.args[0].value))
    return found


def test_every_key_the_code_names_is_in_the_catalog() -> None:
    keys = _literal_keys()
    assert len(keys) > 50  # the walk does find the calls
    missing = [f"{file}:{line}: {key}" for file, line, key in keys if key not in CATALOG]
    assert not missing, missing


def test_no_other_string_table() -> None:
    """The catalog is the only vi/en table: no module keeps its own `{"vi": ..., "en": ...}` dicts."""
    offenders = []
    for path in sorted(BOT.rglob("*.py")):
        if path.name == "catalog.py" or path.parent.name in ("nlu", "answering") or path.name == "text.py":
            continue  # answer wording (owned elsewhere) is not UI text
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Dict):
                literal = {k.value for k in node.keys if isinstance(k, ast.Constant)}
                texts = [v.value for v in node.values if isinstance(v, ast.Constant)]
                if literal == {"vi", "en"} and len(texts) == 2 and not all(has(str(v)) for v in texts):
                    offenders.append(f"{path.relative_to(BOT.parent)}:{node.lineno}")
    assert not offenders, offenders

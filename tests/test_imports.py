"""The package's import graph, read with `ast` (every import statement, function-level and
TYPE_CHECKING ones included), keeps the layering:

(a) no import cycle between modules of bot/;
(b) python-telegram-bot (`telegram`) is imported only under bot/telegram/;
(c) nothing in bot/ imports `tests` or `bench` (developer tooling, not shipped);
(d) no domain module (bot/kb, nlu, answering, render, anniversaries, storage, app) imports an
    adapter (bot/telegram, bot/cli).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "bot"
DOMAIN = ("bot.kb", "bot.nlu", "bot.answering", "bot.render", "bot.anniversaries", "bot.storage", "bot.app")
ADAPTERS = ("bot.telegram", "bot.cli")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES: dict[str, Path] = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def within(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def imports_of(name: str, path: Path) -> Iterator[tuple[int, str]]:
    """(line, imported module) for every import in the file; `from a import b` names `a.b` when
    that is a module of the package, else `a`. Relative imports are resolved."""
    is_package = path.name == "__init__.py"
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".")
                base = base[: len(base) - node.level + (1 if is_package else 0)]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            for alias in node.names:
                candidate = f"{source}.{alias.name}"
                yield node.lineno, candidate if candidate in MODULES else source


def graph() -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {name: set() for name in MODULES}
    for name, path in MODULES.items():
        for _, target in imports_of(name, path):
            if target in MODULES and target != name:
                edges[name].add(target)
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(edges[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def breaks_telegram_rule(importer: str, target: str) -> bool:
    return target.split(".")[0] == "telegram" and not within(importer, "bot.telegram")


def breaks_tooling_rule(importer: str, target: str) -> bool:
    return target.split(".")[0] in ("tests", "bench")


def breaks_layers_rule(importer: str, target: str) -> bool:
    return any(within(importer, d) for d in DOMAIN) and any(within(target, a) for a in ADAPTERS)


RULES = {"telegram": breaks_telegram_rule, "tooling": breaks_tooling_rule, "layers": breaks_layers_rule}


def violations(rule: str) -> list[str]:
    breaks = RULES[rule]
    return [
        f"{path.relative_to(ROOT)}:{line}: {target}"
        for name, path in MODULES.items()
        for line, target in imports_of(name, path)
        if breaks(name, target)
    ]


def test_the_walk_sees_the_package() -> None:
    edges = graph()
    assert "bot.telegram.commands" in edges and "bot.storage.repository" in edges
    assert "bot.telegram.handlers" in edges["bot.telegram.commands"]  # the table names its handlers
    assert "bot.storage.migrations.versions.v0001_initial" in MODULES


def test_no_import_cycle_between_modules_of_the_package() -> None:
    assert cycles(graph()) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


@pytest.mark.parametrize("rule", ["telegram", "tooling", "layers"])
def test_layering(rule: str) -> None:
    assert violations(rule) == []

"""Which sentences of each seed no quote of the fact base covers yet.

A curator runs `python -m bot knowledge uncovered` to see what is still
missing. Navigation, bylines and unrelated lists are excepted: short lines
(captions, menu items) are skipped, and `knowledge/coverage.yaml` names the
lines and tails of each seed that hold no diplomatic fact.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.kb.facts import Official
from bot.kb.knowledge import Knowledge
from bot.nlu.text import collapse_whitespace

COVERAGE_FILE = "coverage.yaml"
MIN_WORDS = 6  # shorter lines are headings, captions or navigation
COVERED_SHARE = 0.5  # a sentence counts as covered when half of it is quoted

_CREDIT = re.compile(r"^\((?:Ảnh|Nguồn|Photo)\b")  # photo credits and bylines in brackets
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[\"“(A-ZÀ-ỸĐ0-9])")


@dataclass(frozen=True)
class SeedCoverage:
    seed: str
    sentences: int
    uncovered: list[str] = field(default_factory=list)

    @property
    def share(self) -> float:
        return 1.0 if self.sentences == 0 else 1 - len(self.uncovered) / self.sentences


def _ignored(knowledge_dir: Path) -> dict[str, dict[str, object]]:
    path = knowledge_dir / COVERAGE_FILE
    if not path.exists():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    ignore = data.get("ignore", {}) if isinstance(data, dict) else {}
    return ignore if isinstance(ignore, dict) else {}


def seed_sentences(text: str, drop_lines: Iterable[str] = (), drop_from: str | None = None) -> list[str]:
    """The sentences of a seed that should be in the base, in reading order."""
    dropped = {collapse_whitespace(line) for line in drop_lines}
    sentences: list[str] = []
    for raw_line in text.splitlines():
        line = collapse_whitespace(raw_line)
        if drop_from is not None and line == collapse_whitespace(drop_from):
            break
        if line in dropped or len(line.split()) < MIN_WORDS:
            continue
        sentences.extend(
            s for s in _SENTENCE_END.split(line) if len(s.split()) >= MIN_WORDS // 2 and not _CREDIT.match(s)
        )
    return sentences


def coverage(knowledge: Knowledge, knowledge_dir: Path) -> list[SeedCoverage]:
    quotes_by_seed: dict[str, list[str]] = {}
    for fact in knowledge.facts:
        if fact.source:
            quotes_by_seed.setdefault(fact.source, []).extend(collapse_whitespace(q) for q in fact.quotes)
        if isinstance(fact, Official):
            for position in fact.positions:
                quotes_by_seed.setdefault(position.source, []).append(collapse_whitespace(position.quote))
    ignored = _ignored(knowledge_dir)
    report = []
    for seed, text in sorted(knowledge.seeds.items()):
        rules = ignored.get(seed, {})
        drop_lines = rules.get("drop_lines", []) if isinstance(rules, dict) else []
        drop_from = rules.get("drop_from") if isinstance(rules, dict) else None
        sentences = seed_sentences(
            text,
            drop_lines if isinstance(drop_lines, list) else [],
            drop_from if isinstance(drop_from, str) else None,
        )
        quotes = quotes_by_seed.get(seed, [])
        uncovered = [s for s in sentences if not _is_covered(s, quotes)]
        report.append(SeedCoverage(seed, len(sentences), uncovered))
    return report


def _is_covered(sentence: str, quotes: list[str]) -> bool:
    marked = [False] * len(sentence)
    for quote in quotes:
        if sentence in quote:
            return True
        start = sentence.find(quote)
        while start != -1:
            for i in range(start, start + len(quote)):
                marked[i] = True
            start = sentence.find(quote, start + 1)
    return sum(marked) >= COVERED_SHARE * len(sentence)

"""The fact base in service: what answers now, and the admin's reload and rollback.

A reload builds a new `Knowledge` and engine beside the one in service,
validates it, runs the gold set on both, and swaps the reference only if the
new base is no worse. The swap is one assignment, so a question in flight
finishes on the engine it started with; after any refusal the old base keeps
serving untouched.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bot.answering.engine import Engine
from bot.answering.evaluation import EvalReport, GoldQuestion, evaluate, load_gold
from bot.app.settings import Settings
from bot.kb.knowledge import Knowledge
from bot.kb.loader import LoadResult, Problem, load_knowledge


class KnowledgeLoadError(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


@dataclass(frozen=True)
class Diff:
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)

    @classmethod
    def between(cls, old: Knowledge, new: Knowledge) -> Diff:
        old_ids, new_ids = set(old.by_id), set(new.by_id)
        changed = sorted(i for i in old_ids & new_ids if old.by_id[i] != new.by_id[i])
        return cls(tuple(sorted(new_ids - old_ids)), tuple(sorted(old_ids - new_ids)), tuple(changed))


@dataclass(frozen=True)
class ReloadReport:
    applied: bool
    version: str
    previous_version: str
    problems: tuple[Problem, ...] = ()
    diff: Diff = field(default_factory=Diff)
    old_eval: EvalReport | None = None
    new_eval: EvalReport | None = None
    reason: str = ""


class KnowledgeService:
    def __init__(
        self,
        knowledge_dir: Path,
        seeds_dir: Path | None = None,
        gold_file: Path | None = None,
        *,
        cache_dir: Path | None = None,
        today: Callable[[], dt.date] | None = None,
    ) -> None:
        self.knowledge_dir = Path(knowledge_dir)
        self.seeds_dir = seeds_dir
        self.gold_file = gold_file
        self.cache_dir = cache_dir
        self._today = today  # "hôm nay" in the bot's time zone, not the server's
        result = self._load()
        if result.knowledge is None:
            raise KnowledgeLoadError(result.problems)
        self._engine = Engine(result.knowledge, today=self._today)
        self._previous: Engine | None = None
        self.started_at = dt.datetime.now(dt.UTC)

    @classmethod
    def from_settings(cls, settings: Settings) -> KnowledgeService:
        return cls(
            settings.knowledge_dir,
            settings.resolved_seeds_dir,
            settings.checks_file,
            cache_dir=settings.cache_dir,
            today=lambda: dt.datetime.now(settings.tz).date(),
        )

    @property
    def engine(self) -> Engine:
        return self._engine

    @property
    def knowledge(self) -> Knowledge:
        return self._engine.knowledge

    def _load(self) -> LoadResult:
        return load_knowledge(self.knowledge_dir, self.seeds_dir, cache_dir=self.cache_dir)

    def _gold(self) -> list[GoldQuestion]:
        if self.gold_file is None or not Path(self.gold_file).exists():
            return []
        return load_gold(Path(self.gold_file))

    def reload(self) -> ReloadReport:
        current = self._engine
        result = self._load()
        if result.knowledge is None:
            return ReloadReport(
                applied=False,
                version=current.knowledge.version,
                previous_version=current.knowledge.version,
                problems=tuple(result.problems),
                reason="the edited fact base does not validate",
            )
        candidate = Engine(result.knowledge, today=self._today)
        diff = Diff.between(current.knowledge, candidate.knowledge)
        gold = self._gold()
        old_eval = evaluate(current, gold)
        new_eval = evaluate(candidate, gold)
        refusal = _worse(old_eval, new_eval)
        if refusal:
            return ReloadReport(
                False,
                current.knowledge.version,
                current.knowledge.version,
                (),
                diff,
                old_eval,
                new_eval,
                refusal,
            )
        self._previous, self._engine = current, candidate
        return ReloadReport(
            True, candidate.knowledge.version, current.knowledge.version, (), diff, old_eval, new_eval
        )

    def rollback(self) -> tuple[str, str] | None:
        """Swap back to the base before the last reload; returns (from, to) versions, or None."""
        if self._previous is None:
            return None
        current = self._engine
        self._engine, self._previous = self._previous, current
        return current.knowledge.version, self._engine.knowledge.version


def _worse(old: EvalReport, new: EvalReport) -> str:
    if new.confident_wrong > old.confident_wrong:
        return (
            f"the new base gives {new.confident_wrong} confident wrong answer(s) on the gold set "
            f"(the base in service gives {old.confident_wrong})"
        )
    if new.accuracy < old.accuracy:
        return f"the new base answers the gold set worse ({new.accuracy:.1%} < {old.accuracy:.1%})"
    return ""

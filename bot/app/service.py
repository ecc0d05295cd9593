"""The fact base in service: what answers now, and the admin's reload and rollback.

A reload builds a new `Knowledge` and engine beside the one in service,
validates it, runs the gold set on both, and swaps the reference only if the
new base is no worse. The swap is one assignment, so a question in flight
finishes on the engine it started with; after any refusal the old base keeps
serving untouched.

With a `VersionStore` (the bot's database: `bot.storage.repository.Storage`), every base that goes
into service is kept as a content-addressed snapshot (its fact files and the seeds it was
validated against) with a history entry (when, by whom, the gold figures), and the base in service
is the store's, not the files on disk: start-up serves it (and logs one line when the files on
disk differ), a rollback steps back through the history and survives a restart, and `sync()`
follows a switch made by another process sharing the database. Without a store (the terminal
session, the CLI, benchmarks) the service reads the files on disk and keeps one rollback slot in
memory.
"""

from __future__ import annotations

import datetime as dt
import logging
import tempfile
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from bot.answering.engine import Engine
from bot.answering.evaluation import EvalReport, GoldQuestion, evaluate, load_gold
from bot.app.settings import Settings
from bot.kb.knowledge import Knowledge
from bot.kb.loader import LoadResult, Problem, base_files, base_version, load_knowledge

log = logging.getLogger(__name__)


class VersionRecord(Protocol):
    """A history entry, as the store gives it back."""

    @property
    def seq(self) -> int: ...
    @property
    def version(self) -> str: ...
    @property
    def action(self) -> str: ...
    @property
    def loaded_at(self) -> dt.datetime: ...
    @property
    def loaded_by(self) -> int | None: ...
    @property
    def facts(self) -> int: ...
    @property
    def gold_accuracy(self) -> float | None: ...
    @property
    def gold_confident_wrong(self) -> int | None: ...
    @property
    def gold_summary(self) -> str | None: ...
    @property
    def rolled_back_at(self) -> dt.datetime | None: ...


class VersionStore(Protocol):
    """Where the versions of the base are kept (the bot's database; see `Storage`)."""

    def save_snapshot(self, version: str, files: dict[str, bytes]) -> bool: ...
    def load_snapshot(self, version: str) -> dict[str, bytes] | None: ...
    def record_version(
        self,
        version: str,
        *,
        action: str,
        loaded_by: int | None,
        facts: int,
        gold_accuracy: float | None = None,
        gold_confident_wrong: int | None = None,
        gold_summary: str | None = None,
    ) -> VersionRecord: ...
    def version_in_service(self) -> VersionRecord | None: ...
    def roll_back_version(self, by: int | None = None) -> tuple[VersionRecord, VersionRecord] | None: ...
    def version_history(self, limit: int = 10) -> Sequence[VersionRecord]: ...


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
    unchanged: bool = False  # the files on disk are the base in service: nothing was done


class KnowledgeService:
    def __init__(
        self,
        knowledge_dir: Path,
        seeds_dir: Path | None = None,
        gold_file: Path | None = None,
        *,
        cache_dir: Path | None = None,
        today: Callable[[], dt.date] | None = None,
        versions: VersionStore | None = None,
    ) -> None:
        self.knowledge_dir = Path(knowledge_dir)
        self.seeds_dir = seeds_dir
        self.gold_file = gold_file
        self.cache_dir = cache_dir
        self._today = today  # "hôm nay" in the bot's time zone, not the server's
        self.versions = versions
        self._previous: Engine | None = None  # the one rollback slot when there is no store
        # reload, rollback and sync change what is in service one at a time (they run in threads)
        self._switch = threading.Lock()
        self._engine = self._start()
        self.started_at = dt.datetime.now(dt.UTC)

    @classmethod
    def from_settings(cls, settings: Settings, *, versions: VersionStore | None = None) -> KnowledgeService:
        return cls(
            settings.knowledge_dir,
            settings.resolved_seeds_dir,
            settings.checks_file,
            cache_dir=settings.cache_dir,
            today=lambda: dt.datetime.now(settings.tz).date(),
            versions=versions,
        )

    @property
    def engine(self) -> Engine:
        return self._engine

    @property
    def knowledge(self) -> Knowledge:
        return self._engine.knowledge

    @property
    def resolved_seeds_dir(self) -> Path:
        return Path(self.seeds_dir) if self.seeds_dir is not None else self.knowledge_dir.parent / "seeds"

    # ------------------------------------------------------------------ loading

    def _load(self) -> LoadResult:
        return load_knowledge(self.knowledge_dir, self.seeds_dir, cache_dir=self.cache_dir)

    def _load_snapshot(self, version: str) -> Engine:
        """The engine on the stored snapshot of `version` (written to a scratch folder and loaded
        as any base is, so it is validated again against the seeds it was kept with)."""
        assert self.versions is not None
        files = self.versions.load_snapshot(version)
        if files is None:
            raise RuntimeError(f"no snapshot of version {version} in the database")
        with tempfile.TemporaryDirectory(prefix="kb-") as scratch:
            root = Path(scratch)
            for relative, content in files.items():
                target = root / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(content)
            (root / "knowledge").mkdir(exist_ok=True)
            result = load_knowledge(root / "knowledge", root / "seeds", cache_dir=self.cache_dir)
        if result.knowledge is None:
            raise KnowledgeLoadError(result.problems)
        if result.knowledge.version != version:
            raise RuntimeError(f"snapshot {version} loads as version {result.knowledge.version}")
        return Engine(result.knowledge, today=self._today)

    def _disk_version(self) -> str | None:
        try:
            return base_version(self.knowledge_dir, self.seeds_dir)
        except OSError:
            return None

    def _start(self) -> Engine:
        """The engine to serve at start-up: the version in service in the store if there is one
        (whatever the files on disk hold), else the files on disk, which then go into service."""
        if self.versions is not None:
            entry = self.versions.version_in_service()
            if entry is not None:
                try:
                    engine = self._load_snapshot(entry.version)
                except Exception:
                    log.exception(
                        "the version in service, %s, cannot be loaded from the database; "
                        "serving the files on disk instead",
                        entry.version,
                    )
                else:
                    on_disk = self._disk_version()
                    if on_disk != entry.version:
                        log.info(
                            "serving knowledge version %s (in service since %s); the files in %s are "
                            "version %s: send /reload to put them into service",
                            entry.version,
                            entry.loaded_at.strftime("%Y-%m-%d %H:%M UTC"),
                            self.knowledge_dir,
                            on_disk or "unreadable",
                        )
                    return engine
        result = self._load()
        if result.knowledge is None:
            raise KnowledgeLoadError(result.problems)
        engine = Engine(result.knowledge, today=self._today)
        if self.versions is not None:
            self._put_into_service(engine, action="start", by=None, report=evaluate(engine, self._gold()))
        return engine

    def _put_into_service(self, engine: Engine, *, action: str, by: int | None, report: EvalReport) -> None:
        assert self.versions is not None
        version = engine.knowledge.version
        self.versions.save_snapshot(version, base_files(self.knowledge_dir, self.seeds_dir))
        self.versions.record_version(
            version,
            action=action,
            loaded_by=by,
            facts=len(engine.knowledge.facts),
            gold_accuracy=report.accuracy if report.total else None,
            gold_confident_wrong=report.confident_wrong if report.total else None,
            gold_summary=report.summary() if report.total else None,
        )

    def _gold(self) -> list[GoldQuestion]:
        if self.gold_file is None or not Path(self.gold_file).exists():
            return []
        return load_gold(Path(self.gold_file))

    # ------------------------------------------------------------------ admin actions

    def reload(self, by: int | None = None) -> ReloadReport:
        """Load the files on disk beside the base in service and switch if they validate and do no
        worse on the gold set; `by` is the admin's user id, kept in the history."""
        with self._switch:
            return self._reload(by)

    def _reload(self, by: int | None) -> ReloadReport:
        current = self._engine
        if self._disk_version() == current.knowledge.version:
            version = current.knowledge.version
            return ReloadReport(False, version, version, reason="nothing changed", unchanged=True)
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
        if self.versions is not None:
            # Recorded before the swap: a base is never served without being in the history.
            self._put_into_service(candidate, action="reload", by=by, report=new_eval)
        self._previous, self._engine = current, candidate
        return ReloadReport(
            True, candidate.knowledge.version, current.knowledge.version, (), diff, old_eval, new_eval
        )

    def rollback(self, by: int | None = None) -> tuple[str, str] | None:
        """Step back to the base in service before the current one; returns (from, to) versions,
        or None when there is none. With a store this steps back through the history (each call one
        step) and the choice survives a restart; without, it swaps with the one slot in memory."""
        with self._switch:
            if self.versions is None:
                if self._previous is None:
                    return None
                current = self._engine
                self._engine, self._previous = self._previous, current
                return current.knowledge.version, self._engine.knowledge.version
            stepped = self.versions.roll_back_version(by)
            if stepped is None:
                return None
            frm, to = stepped
            self._engine = self._load_snapshot(to.version)
            return frm.version, to.version

    def history(self, limit: int = 10) -> Sequence[VersionRecord]:
        """The newest `limit` versions that went into service, newest first ([] without a store)."""
        return [] if self.versions is None else self.versions.version_history(limit)

    def sync(self) -> str | None:
        """Serve the version in service in the store if another process switched it (a reload or
        rollback on another replica); returns the new version, or None when nothing changed."""
        if self.versions is None:
            return None
        entry = self.versions.version_in_service()
        if entry is None or entry.version == self._engine.knowledge.version:
            return None
        with self._switch:
            entry = self.versions.version_in_service()
            if entry is None or entry.version == self._engine.knowledge.version:
                return None
            self._engine = self._load_snapshot(entry.version)
            return entry.version


def _worse(old: EvalReport, new: EvalReport) -> str:
    if new.confident_wrong > old.confident_wrong:
        return (
            f"the new base gives {new.confident_wrong} confident wrong answer(s) on the gold set "
            f"(the base in service gives {old.confident_wrong})"
        )
    if new.accuracy < old.accuracy:
        return f"the new base answers the gold set worse ({new.accuracy:.1%} < {old.accuracy:.1%})"
    return ""

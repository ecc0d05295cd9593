"""Knowledge versions: the base in service is the database's, not whatever the files say.

Each test runs on a SQLite file and on PostgreSQL (`database_url`), on a copy of the real base in
tmp_path that the test edits as a curator would.
"""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path

import pytest

from bot.app.service import KnowledgeLoadError, KnowledgeService
from bot.kb.loader import base_files, base_version, load_knowledge
from bot.storage.repository import Storage

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "knowledge" / "checks" / "questions.yaml"


@pytest.fixture
def base(tmp_path: Path) -> Path:
    knowledge = tmp_path / "knowledge"
    shutil.copytree(ROOT / "knowledge", knowledge)
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    return knowledge


def edit(knowledge: Path, note: str) -> str:
    """Add a note to the first fact of the first fact file; returns the fact's id."""
    target = sorted(p for p in knowledge.glob("*.yaml") if p.name != "coverage.yaml")[0]
    text = target.read_text(encoding="utf-8")
    match = re.search(r"^    id: ([a-z0-9-]+)\n", text, re.M)
    assert match is not None
    target.write_text(
        text.replace(match.group(0), f"{match.group(0)}    note: {note}\n", 1), encoding="utf-8"
    )
    return match.group(1)


def service(knowledge: Path, storage: Storage) -> KnowledgeService:
    return KnowledgeService(knowledge, knowledge.parent / "seeds", GOLD, versions=storage)


def test_the_version_names_the_fact_files_and_the_seeds(base: Path) -> None:
    loaded = load_knowledge(base)
    assert loaded.knowledge is not None and loaded.knowledge.version == base_version(base)
    seed = sorted((base.parent / "seeds").glob("*.txt"))[0]
    seed.write_bytes(seed.read_bytes() + b"\n")
    assert base_version(base) != loaded.knowledge.version  # same YAML, other seeds: another base
    assert set(base_files(base)) >= {"knowledge/events.yaml", f"seeds/{seed.name}"}


def test_a_restart_serves_the_version_in_service_not_the_files_on_disk(
    base: Path, database_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    with Storage.open(database_url) as storage:
        first = service(base, storage)
        original = first.knowledge.version
        (entry,) = storage.version_history()
        assert entry.version == original and entry.action == "start" and entry.loaded_by is None
        assert entry.gold_accuracy is not None and entry.gold_accuracy > 0.9

        fact_id = edit(base, "edited")
        report = first.reload(by=42)
        assert report.applied and first.knowledge.by_id[fact_id].note == "edited"
        edited = first.knowledge.version
        assert first.rollback(by=42) == (edited, original)

    # The edit is still on disk; the rollback is what a restart serves.
    with Storage.open(database_url) as storage, caplog.at_level(logging.INFO, logger="bot.app.service"):
        restarted = service(base, storage)
        assert restarted.knowledge.version == original
        assert restarted.knowledge.by_id[fact_id].note is None
        lines = [r.getMessage() for r in caplog.records if r.name == "bot.app.service"]
        assert len(lines) == 1 and original in lines[0] and edited in lines[0]
        assert restarted.rollback() is None  # the first version has nothing before it
        assert restarted.reload(by=42).applied  # the files on disk go into service again
        assert restarted.knowledge.version == edited


def test_a_broken_base_on_disk_does_not_stop_a_restart(base: Path, database_url: str) -> None:
    with Storage.open(database_url) as storage:
        served = service(base, storage).knowledge.version
    (base / "places.yaml").write_text("facts: [", encoding="utf-8")
    with Storage.open(database_url) as storage:
        assert service(base, storage).knowledge.version == served
    with Storage.open(database_url) as storage, storage.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM knowledge_history")
    with Storage.open(database_url) as storage, pytest.raises(KnowledgeLoadError):
        service(base, storage)  # a first start has only the files


def test_a_reload_with_nothing_changed_changes_nothing(base: Path, database_url: str) -> None:
    with Storage.open(database_url) as storage:
        live = service(base, storage)
        report = live.reload(by=1)
        assert report.unchanged and not report.applied and report.old_eval is None
        assert len(storage.version_history()) == 1
        assert live.rollback() is None  # no slot was overwritten: there is just nothing before


def test_rollbacks_step_back_one_version_at_a_time(base: Path, database_url: str) -> None:
    with Storage.open(database_url) as storage:
        live = service(base, storage)
        versions = [live.knowledge.version]
        for note in ("one", "two"):
            edit(base, note)
            assert live.reload(by=5).applied
            versions.append(live.knowledge.version)
        assert live.rollback(by=5) == (versions[2], versions[1])
        assert live.rollback(by=5) == (versions[1], versions[0])
        assert live.rollback(by=5) is None
        assert [e.version for e in live.history(3)] == versions[::-1]


def test_another_instance_follows_a_switch_made_elsewhere(base: Path, database_url: str) -> None:
    with Storage.open(database_url) as one, Storage.open(database_url) as two:
        first, second = service(base, one), service(base, two)
        assert second.sync() is None
        edit(base, "replicated")
        assert first.reload(by=9).applied
        assert second.sync() == first.knowledge.version
        assert second.knowledge.version == first.knowledge.version
        first.rollback(by=9)
        assert second.sync() == first.knowledge.version

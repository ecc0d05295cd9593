"""What the bot remembers across restarts, and how anniversary posts are sent exactly once."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, select, text
from sqlalchemy.engine import Connection

from bot.storage import schema
from bot.storage import tables as storage_module
from bot.storage.repository import Storage
from bot.storage.tables import metadata, sent_log

ANNIVERSARY = date(2027, 9, 5)
GROUP = -1001234567890
OTHER_GROUP = -1009876543210
BOT = 123456789


class FakeClock:
    """A clock the test moves by hand, so lease expiry needs no sleeping."""

    def __init__(self) -> None:
        self.now = datetime(2027, 9, 5, 7, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, delta: timedelta) -> None:
        self.now += delta


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def db_url(database_url: str) -> str:
    """Every storage test runs on a SQLite file and on PostgreSQL (see `database_url`)."""
    return database_url


@pytest.fixture
def store(db_url: str, clock: FakeClock) -> Iterator[Storage]:
    with Storage.open(db_url, clock=clock) as s:
        yield s


@pytest.fixture
def open_on_file(db_url: str, clock: FakeClock) -> Iterator[Callable[[], Storage]]:
    """Opens independent Storage objects on one database, like separate bot processes."""
    opened: list[Storage] = []

    def open_one() -> Storage:
        opened.append(Storage.open(db_url, clock=clock))
        return opened[-1]

    yield open_one
    for s in opened:
        s.close()


# --------------------------------------------------------------------------- chat settings


def test_language_choice_survives_a_restart(db_url: str, tmp_path: Path) -> None:
    with Storage.open(db_url) as first_run:
        first_run.set_language(GROUP, "en", chat_type="supergroup", title="Hội hữu nghị")
        first_run.set_language(42, "vi")

    if db_url.startswith("sqlite"):
        assert (tmp_path / "data" / "bot.sqlite3").exists()  # its folder was created
    with Storage.open(db_url) as second_run:
        assert second_run.get_language(GROUP) == "en"
        assert second_run.get_language(42) == "vi"
        assert second_run.get_language(7) is None


def test_language_can_be_changed_and_forgotten(store: Storage) -> None:
    store.set_language(42, "vi")
    store.set_language(42, "en")
    assert store.get_language(42) == "en"

    store.set_language(42, None)
    assert store.get_language(42) is None


def test_only_supported_languages_are_accepted(store: Storage) -> None:
    with pytest.raises(ValueError, match="language"):
        store.set_language(42, "fr")


# --------------------------------------------------------------------------- statistics


def test_stats_count_questions_by_status(store: Storage) -> None:
    assert store.stats().total == 0
    assert store.stats().by_status == {"answered": 0, "ambiguous": 0, "not_found": 0}

    for status in ["answered", "answered", "answered", "ambiguous", "not_found", "not_found"]:
        store.record_question(status)

    stats = store.stats()
    assert stats.total == 6
    assert stats.by_status == {"answered": 3, "ambiguous": 1, "not_found": 2}


def test_stats_reject_an_unknown_status(store: Storage) -> None:
    with pytest.raises(ValueError, match="status"):
        store.record_question("maybe")


# --------------------------------------------------------------------------- unanswered questions


def test_unanswered_questions_are_ranked_most_frequent_first(store: Storage, clock: FakeClock) -> None:
    store.record_unanswered("Who signed the 1977 treaty?", "who signed 1977 treaty")
    clock.advance(timedelta(minutes=1))
    store.record_unanswered("Hiệp ước 1977 do ai ký?", "hiep uoc 1977 ai ky")
    clock.advance(timedelta(minutes=1))
    store.record_unanswered("who SIGNED the 1977 treaty", "who signed 1977 treaty")
    clock.advance(timedelta(minutes=1))
    store.record_unanswered("Who signed the 1977 treaty??", "who signed 1977 treaty")

    top = store.top_unanswered(limit=10)

    assert [(q.text, q.count) for q in top] == [
        ("Who signed the 1977 treaty?", 3),  # one entry, the first wording kept as the sample
        ("Hiệp ước 1977 do ai ký?", 1),
    ]
    assert top[0].first_seen == datetime(2027, 9, 5, 7, 0, tzinfo=UTC)
    assert top[0].last_seen == datetime(2027, 9, 5, 7, 3, tzinfo=UTC)


def test_unanswered_questions_can_be_limited_and_filtered_by_recency(
    store: Storage, clock: FakeClock
) -> None:
    store.record_unanswered("old question", "old")
    store.record_unanswered("old question", "old")
    clock.advance(timedelta(days=30))
    cutoff = clock.now
    store.record_unanswered("new question", "new")
    store.record_unanswered("another new one", "another")

    assert [q.text for q in store.top_unanswered(limit=1)] == ["old question"]
    assert {q.text for q in store.top_unanswered(limit=10, since=cutoff)} == {
        "new question",
        "another new one",
    }


def test_the_unanswered_log_stores_no_user_identity() -> None:
    columns = set(storage_module.unanswered.c.keys()) | set(storage_module.question_stats.c.keys())
    assert not any("user" in name or "name" in name for name in columns)


# --------------------------------------------------------------------------- subscriptions


def test_subscribe_unsubscribe_and_duplicates(store: Storage) -> None:
    assert not store.is_subscribed(GROUP)

    assert store.subscribe(GROUP, "supergroup", title="Việt – Lào", subscribed_by=1001) is True
    assert store.subscribe(GROUP, "supergroup") is False  # already on
    assert store.is_subscribed(GROUP)

    assert store.unsubscribe(GROUP) is True
    assert store.unsubscribe(GROUP) is False  # already off
    assert not store.is_subscribed(GROUP)


def test_subscriptions_are_listed_with_the_chats_current_language(store: Storage, clock: FakeClock) -> None:
    store.subscribe(GROUP, "supergroup", title="Việt – Lào", subscribed_by=1001, language="vi")
    clock.advance(timedelta(seconds=1))
    store.subscribe(OTHER_GROUP, "group")
    store.set_language(GROUP, "en")  # a later /language wins over the language at subscribe time

    subs = store.list_subscriptions()

    assert [(s.chat_id, s.chat_type, s.title, s.language, s.subscribed_by) for s in subs] == [
        (GROUP, "supergroup", "Việt – Lào", "en", 1001),
        (OTHER_GROUP, "group", None, None, None),
    ]
    assert subs[0].subscribed_at == datetime(2027, 9, 5, 7, 0, tzinfo=UTC)


def test_a_group_upgraded_to_a_supergroup_keeps_its_subscription_language_and_sent_log(
    store: Storage,
) -> None:
    old_id, new_id = -4001, -1004001
    store.subscribe(old_id, "group", title="Friends")
    store.set_language(old_id, "vi", chat_type="group")
    token = store.claim_post(ANNIVERSARY, old_id)
    assert token is not None

    store.migrate_chat(old_id, new_id)

    assert not store.is_subscribed(old_id)
    assert [(s.chat_id, s.chat_type, s.language) for s in store.list_subscriptions()] == [
        (new_id, "supergroup", "vi")
    ]
    assert store.get_language(new_id) == "vi"
    assert store.get_language(old_id) is None
    # The sender interrupted by the migration finishes under the new id with its token.
    assert store.mark_sent(ANNIVERSARY, new_id, token)
    assert store.was_sent(ANNIVERSARY, new_id)
    assert store.claim_post(ANNIVERSARY, new_id) is None


def test_migrating_onto_a_chat_we_already_know_keeps_the_new_chats_state(store: Storage) -> None:
    old_id, new_id = -4001, -1004001
    store.subscribe(old_id, "group")
    store.subscribe(new_id, "supergroup", title="New")
    store.set_language(old_id, "vi")
    store.set_language(new_id, "en")
    old_token = store.claim_post(ANNIVERSARY, old_id)
    new_token = store.claim_post(ANNIVERSARY, new_id)
    assert old_token and new_token
    store.mark_sent(ANNIVERSARY, new_id, new_token)

    store.migrate_chat(old_id, new_id)

    assert [(s.chat_id, s.title) for s in store.list_subscriptions()] == [(new_id, "New")]
    assert store.get_language(new_id) == "en"
    assert store.was_sent(ANNIVERSARY, new_id)
    assert store.pending_claims(ANNIVERSARY) == []


# --------------------------------------------------------------------------- exactly-once claims


def test_first_claim_wins_and_the_second_claimer_gets_nothing(store: Storage) -> None:
    token = store.claim_post(ANNIVERSARY, GROUP)

    assert token is not None
    assert store.claim_post(ANNIVERSARY, GROUP) is None
    # Other chats and other days are independent posts.
    assert store.claim_post(ANNIVERSARY, OTHER_GROUP) is not None
    assert store.claim_post(ANNIVERSARY + timedelta(days=365), GROUP) is not None


def _check_claims_are_exclusive(
    first_process: Storage, second_process: Storage, clock: FakeClock, chat_id: int
) -> None:
    """The claim protocol seen by two bot processes sharing one database."""
    token = first_process.claim_post(ANNIVERSARY, chat_id)
    assert token is not None
    assert second_process.claim_post(ANNIVERSARY, chat_id) is None

    # Still within the lease: the first process is presumed alive and sending.
    clock.advance(timedelta(minutes=9))
    assert second_process.claim_post(ANNIVERSARY, chat_id) is None

    # The first process crashed: after the lease the second one takes over.
    clock.advance(timedelta(minutes=2))
    takeover = second_process.claim_post(ANNIVERSARY, chat_id)
    assert takeover is not None and takeover != token
    assert first_process.claim_post(ANNIVERSARY, chat_id) is None
    # A late mark_sent from the crashed sender no longer counts.
    assert not first_process.mark_sent(ANNIVERSARY, chat_id, token)

    assert second_process.mark_sent(ANNIVERSARY, chat_id, takeover)
    assert first_process.was_sent(ANNIVERSARY, chat_id)
    clock.advance(timedelta(days=1))
    assert first_process.claim_post(ANNIVERSARY, chat_id) is None
    assert second_process.claim_post(ANNIVERSARY, chat_id) is None


def test_two_processes_on_one_database_never_both_own_a_post(
    open_on_file: Callable[[], Storage], clock: FakeClock
) -> None:
    _check_claims_are_exclusive(open_on_file(), open_on_file(), clock, GROUP)


def _race(contenders: list[Storage], chat_id: int) -> list[str | None]:
    """All contenders call claim_post at the same moment, each on its own thread."""
    start = threading.Barrier(len(contenders))

    def claim(s: Storage) -> str | None:
        start.wait()
        return s.claim_post(ANNIVERSARY, chat_id)

    with ThreadPoolExecutor(len(contenders)) as pool:
        return list(pool.map(claim, contenders))


def test_simultaneous_first_claims_have_exactly_one_winner(open_on_file: Callable[[], Storage]) -> None:
    results = _race([open_on_file() for _ in range(6)], GROUP)

    assert sum(r is not None for r in results) == 1


def test_a_stale_claim_is_taken_over_exactly_once(
    open_on_file: Callable[[], Storage], clock: FakeClock
) -> None:
    crashed = open_on_file()
    assert crashed.claim_post(ANNIVERSARY, GROUP) is not None
    clock.advance(timedelta(minutes=11))

    results = _race([open_on_file(), open_on_file()], GROUP)

    assert sum(r is not None for r in results) == 1
    with crashed.engine.connect() as conn:
        attempts = conn.execute(select(sent_log.c.attempts).where(sent_log.c.chat_id == GROUP)).scalar()
    assert attempts == 2


def test_a_custom_lease_decides_when_a_claim_is_stale(store: Storage, clock: FakeClock) -> None:
    assert store.claim_post(ANNIVERSARY, GROUP) is not None
    clock.advance(timedelta(minutes=2))

    assert store.claim_post(ANNIVERSARY, GROUP, lease=timedelta(minutes=5)) is None
    assert store.claim_post(ANNIVERSARY, GROUP, lease=timedelta(minutes=1)) is not None


def test_a_sent_post_is_never_claimed_again(store: Storage, clock: FakeClock) -> None:
    token = store.claim_post(ANNIVERSARY, GROUP)
    assert token is not None
    assert not store.was_sent(ANNIVERSARY, GROUP)

    assert store.mark_sent(ANNIVERSARY, GROUP, token)

    assert store.was_sent(ANNIVERSARY, GROUP)
    clock.advance(timedelta(hours=12))
    assert store.claim_post(ANNIVERSARY, GROUP) is None
    assert not store.release_claim(ANNIVERSARY, GROUP, token)  # too late to give it back
    assert store.was_sent(ANNIVERSARY, GROUP)


def test_a_permanently_failed_post_is_not_retried(store: Storage, clock: FakeClock) -> None:
    token = store.claim_post(ANNIVERSARY, GROUP)
    assert token is not None

    assert store.mark_failed(ANNIVERSARY, GROUP, token, "Forbidden: bot was blocked by the user")

    clock.advance(timedelta(hours=12))
    assert store.claim_post(ANNIVERSARY, GROUP) is None
    assert not store.was_sent(ANNIVERSARY, GROUP)
    assert store.pending_claims(ANNIVERSARY) == []


def test_a_released_claim_can_be_claimed_again_at_once(store: Storage) -> None:
    token = store.claim_post(ANNIVERSARY, GROUP)
    assert token is not None

    assert store.release_claim(ANNIVERSARY, GROUP, token)  # e.g. after RetryAfter

    retry = store.claim_post(ANNIVERSARY, GROUP)
    assert retry is not None and retry != token
    assert store.claim_post(ANNIVERSARY, GROUP) is None
    assert store.mark_sent(ANNIVERSARY, GROUP, retry)


def test_only_the_claim_holder_can_settle_a_post(store: Storage) -> None:
    token = store.claim_post(ANNIVERSARY, GROUP)
    assert token is not None

    assert not store.mark_sent(ANNIVERSARY, GROUP, "not-the-token")
    assert not store.mark_failed(ANNIVERSARY, GROUP, "not-the-token", "boom")
    assert not store.release_claim(ANNIVERSARY, GROUP, "not-the-token")
    assert not store.mark_sent(ANNIVERSARY, OTHER_GROUP, token)  # a token is for one post only

    assert store.claim_post(ANNIVERSARY, GROUP) is None
    assert store.mark_sent(ANNIVERSARY, GROUP, token)


def test_pending_claims_list_posts_claimed_but_not_sent(store: Storage) -> None:
    sent, failed, crashed, released = -1, -2, -3, -4
    for chat_id in (sent, failed, crashed, released):
        store.subscribe(chat_id, "group")
    tokens = {
        chat_id: store.claim_post(ANNIVERSARY, chat_id) for chat_id in (sent, failed, crashed, released)
    }
    store.mark_sent(ANNIVERSARY, sent, tokens[sent] or "")
    store.mark_failed(ANNIVERSARY, failed, tokens[failed] or "", "chat not found")
    store.release_claim(ANNIVERSARY, released, tokens[released] or "")

    assert store.pending_claims(ANNIVERSARY) == [released, crashed]
    assert store.pending_claims(ANNIVERSARY + timedelta(days=1)) == []


def test_times_must_be_timezone_aware(store: Storage) -> None:
    with pytest.raises(ValueError, match="aware"):
        Storage.open("sqlite://", clock=datetime.now)  # a naive local clock is refused up front
    with pytest.raises(ValueError, match="aware"):
        store.top_unanswered(limit=5, since=datetime(2027, 9, 1))


# --------------------------------------------------------------------------- schema


def test_reopening_the_database_is_idempotent(db_url: str) -> None:
    with Storage.open(db_url) as first:
        assert first.schema_revision() == schema.head()
        first.subscribe(GROUP, "supergroup")

    for _ in range(2):
        with Storage.open(db_url) as again:
            assert again.schema_revision() == schema.head()
            assert again.is_subscribed(GROUP)
            with again.engine.connect() as conn:
                versions = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
            assert versions == [schema.head()]


def test_sqlite_file_uses_write_ahead_logging(tmp_path: Path) -> None:
    with Storage.open(f"sqlite:///{tmp_path / 'wal.sqlite3'}") as store, store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert int(conn.exec_driver_sql("PRAGMA busy_timeout").scalar() or 0) > 0


def make_old_layout(conn: Connection) -> None:
    """A database as the pre-Alembic code left it: the same five tables (its create_all), a
    `schema_version` table stamped 1, and some rows. (Only those five: later revisions add tables.)"""
    old = ("chats", "question_stats", "unanswered", "subscriptions", "sent_log")
    metadata.create_all(conn, tables=[metadata.tables[name] for name in old])
    conn.execute(
        text("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMP NOT NULL)")
    )
    conn.execute(text("INSERT INTO schema_version VALUES (1, '2026-01-01 00:00:00')"))
    conn.execute(
        text(
            "INSERT INTO subscriptions (chat_id, chat_type, language, subscribed_at) "
            "VALUES (:id, 'supergroup', 'en', '2026-01-02 03:04:05')"
        ),
        {"id": GROUP},
    )
    conn.execute(text("INSERT INTO question_stats VALUES ('answered', 7)"))


def check_migrated_old_layout(storage: Storage) -> None:
    assert storage.schema_revision() == schema.head()
    assert [s.chat_id for s in storage.list_subscriptions()] == [GROUP]
    (subscription,) = storage.list_subscriptions()
    assert subscription.language == "en"
    assert subscription.subscribed_at == datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    assert storage.stats().by_status["answered"] == 7
    with storage.engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
    assert "schema_version" not in tables and {"alembic_version", "sent_log", "chats"} <= tables


def test_a_database_of_the_old_layout_is_migrated_and_keeps_its_rows(db_url: str, tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    engine = create_engine(db_url)
    with engine.begin() as conn:
        make_old_layout(conn)
    engine.dispose()
    for _ in range(2):  # the second open finds it at the head already
        with Storage.open(db_url) as upgraded:
            check_migrated_old_layout(upgraded)
    with Storage.open(db_url) as upgraded:
        upgraded.record_question("answered")  # the upsert works on the migrated table
        assert upgraded.stats().by_status["answered"] == 8


def test_a_database_from_newer_code_is_refused(db_url: str) -> None:
    with Storage.open(db_url) as store, store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'from-the-future'"))
    with pytest.raises(RuntimeError, match="newer"):
        Storage.open(db_url)


def _schema_differences(url: str) -> list[object]:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    with Storage.open(url) as store, store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        return list(compare_metadata(context, metadata))


def test_the_migrations_build_exactly_the_declared_tables(db_url: str) -> None:
    """bot.storage.tables and the revisions describe one schema (else a revision is missing)."""
    assert _schema_differences(db_url) == []


def _count_concurrently(stores: list[Storage]) -> None:
    """Every process counts the same new question at once: the upsert must lose no increment."""
    with ThreadPoolExecutor(max_workers=len(stores)) as pool:
        list(pool.map(lambda s: [s.record_unanswered("same?", "same") for _ in range(20)], stores))


def test_concurrent_upserts_lose_no_count(open_on_file: Callable[[], Storage]) -> None:
    stores = [open_on_file() for _ in range(4)]
    _count_concurrently(stores)
    assert stores[0].top_unanswered(1)[0].count == 80


# --------------------------------------------------------------------------- knowledge versions


def test_snapshots_are_content_addressed_and_kept_whole(store: Storage) -> None:
    files = {"knowledge/events.yaml": b"facts: []\n", "seeds/a.txt": "Hà Nội".encode()}
    assert store.save_snapshot("v1", files)
    assert not store.save_snapshot("v1", {"knowledge/other.yaml": b"x"})  # a version never changes
    # A second version sharing a file stores its content once.
    assert store.save_snapshot("v2", {**files, "knowledge/events.yaml": b"facts: [1]\n"})
    assert store.load_snapshot("v1") == files
    assert store.load_snapshot("v2") == {**files, "knowledge/events.yaml": b"facts: [1]\n"}
    assert store.load_snapshot("nope") is None
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM knowledge_blobs")).scalar() == 3


def test_rollback_steps_back_through_the_history_and_survives_a_restart(
    db_url: str, clock: FakeClock
) -> None:
    with Storage.open(db_url, clock=clock) as first:
        assert first.version_in_service() is None
        assert first.roll_back_version() is None
        first.record_version("a", action="start", loaded_by=None, facts=10, gold_accuracy=0.95)
        clock.advance(timedelta(minutes=1))
        first.record_version("b", action="reload", loaded_by=7, facts=11, gold_confident_wrong=0)
        clock.advance(timedelta(minutes=1))
        first.record_version("c", action="reload", loaded_by=7, facts=12)
        assert first.version_in_service().version == "c"  # type: ignore[union-attr]
        stepped = first.roll_back_version(by=7)
        assert stepped is not None and (stepped[0].version, stepped[1].version) == ("c", "b")
        assert stepped[0].rolled_back_at == clock.now

    with Storage.open(db_url, clock=clock) as restarted:
        assert restarted.version_in_service().version == "b"  # type: ignore[union-attr]
        stepped = restarted.roll_back_version(by=7)
        assert stepped is not None and stepped[1].version == "a"
        assert restarted.roll_back_version() is None  # the first version has nothing before it
        restarted.record_version("d", action="reload", loaded_by=8, facts=13)
        history = restarted.version_history(10)
        assert [(e.version, e.rolled_back_at is not None) for e in history] == [
            ("d", False),
            ("c", True),
            ("b", True),
            ("a", False),
        ]
        assert history[-1].gold_accuracy == 0.95 and history[0].loaded_by == 8
        assert restarted.roll_back_version()[1].version == "a"  # type: ignore[index]


# --------------------------------------------------------------------------- durable inbox


def test_inbox_takes_each_update_once_and_replays_what_was_not_done(
    open_on_file: Callable[[], Storage], clock: FakeClock
) -> None:
    dead, alive = open_on_file(), open_on_file()
    for update_id in (3, 1, 2):
        assert dead.inbox_add(BOT, update_id, f'{{"update_id": {update_id}}}', "dead")
    assert not dead.inbox_add(BOT, 1, "{}", "dead")  # Telegram delivered it again: not handled twice
    assert dead.inbox_add(BOT + 1, 1, "{}", "dead")  # another bot's update 1 is another update
    dead.inbox_done(BOT + 1, 1)
    dead.inbox_done(BOT, 2)
    assert alive.inbox_pending() == 2

    clock.advance(timedelta(seconds=30))
    # A live owner's updates are not taken while its claim is young...
    young = alive.inbox_take_over(
        BOT, "alive", claimed_before=clock.now - timedelta(minutes=1), max_age=timedelta(minutes=10)
    )
    assert young.payloads == [] and young.dropped == []
    # ...nor the caller's own.
    own = dead.inbox_take_over(
        BOT, "dead", claimed_before=clock.now, max_age=timedelta(minutes=10), exclude_owner="dead"
    )
    assert own.payloads == []
    # Orphans come back oldest first, to exactly one taker.
    taken = alive.inbox_take_over(BOT, "alive", claimed_before=clock.now, max_age=timedelta(minutes=10))
    assert taken.payloads == ['{"update_id": 1}', '{"update_id": 3}']
    again = dead.inbox_take_over(BOT, "other", claimed_before=clock.now, max_age=timedelta(minutes=10))
    assert again.payloads == []


def test_inbox_drops_updates_older_than_the_max_age_and_purges_handled_ones(
    store: Storage, clock: FakeClock
) -> None:
    store.inbox_add(BOT, 10, "{}", "dead")
    store.inbox_add(BOT, 11, "{}", "dead")
    store.inbox_done(BOT, 11)
    clock.advance(timedelta(minutes=11))
    store.inbox_add(BOT, 12, "{}", "dead")
    clock.advance(timedelta(seconds=1))
    found = store.inbox_take_over(BOT, "new", claimed_before=clock.now, max_age=timedelta(minutes=10))
    assert found.dropped == [10] and found.payloads == ["{}"]
    assert store.inbox_pending() == 1
    clock.advance(timedelta(days=2))
    assert store.inbox_purge(timedelta(days=1)) == 2  # the done one and the dropped one


async def test_a_question_the_article_leaves_unanswered_is_logged_for_curators(store: Storage) -> None:
    from bot.answering.answers import Answer, Status
    from bot.telegram.state import StatsRecorder

    recorder = StatsRecorder(store)
    await recorder.record(Answer("Kỳ họp 46 diễn ra khi nào?", Status.ANSWERED, "…", "vi", not_stated=True))
    await recorder.record(Answer("Kỳ họp 47 diễn ra ở đâu?", Status.NOT_FOUND, "…", "vi"))
    await recorder.record(Answer("Kỳ họp 45 diễn ra ở đâu?", Status.ANSWERED, "…", "vi"))

    # the user got an answer either way; curators see both gaps, not the question fully answered
    assert sorted(q.text for q in store.top_unanswered(limit=10)) == [
        "Kỳ họp 46 diễn ra khi nào?",
        "Kỳ họp 47 diễn ra ở đâu?",
    ]

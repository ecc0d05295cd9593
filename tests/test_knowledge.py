"""The real fact base: it validates, it is sourced, and the seeds are the originals byte for byte."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.kb.facts import Event, FuzzyDate, Official, Precision
from bot.kb.knowledge import Knowledge
from bot.kb.loader import load_knowledge
from bot.render.text import format_date

ROOT = Path(__file__).resolve().parent.parent
SHARED_SEEDS = ROOT.parent / "shared" / "seeds"


def run_bot(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], capture_output=True, text=True, cwd=ROOT, check=False
    )


def test_the_real_fact_base_validates() -> None:
    result = load_knowledge(ROOT / "knowledge")
    assert result.problems == []
    assert result.knowledge is not None
    run = run_bot("knowledge", "validate")
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.startswith("OK:")


@pytest.mark.skipif(not SHARED_SEEDS.is_dir(), reason="../shared/seeds is not beside this checkout")
def test_seeds_are_the_originals_byte_for_byte() -> None:
    originals = {p.name: p.read_bytes() for p in SHARED_SEEDS.glob("*.txt")}
    copies = {p.name: p.read_bytes() for p in (ROOT / "seeds").glob("*.txt")}
    assert copies == originals


def test_every_fact_cites_a_seed_with_quotes_except_the_two_background_anniversaries(
    knowledge: Knowledge,
) -> None:
    background = [f for f in knowledge.facts if f.background]
    assert sorted(f.id for f in background) == [
        "establishment-diplomatic-relations-1962",
        "signing-treaty-of-amity-1977",
    ]
    assert {str(f.date) for f in background if isinstance(f, Event)} == {"1962-09-05", "1977-07-18"}
    assert all(f.references for f in background)
    assert all(f.source in knowledge.seeds and f.quotes for f in knowledge.facts if not f.background)


def test_two_series_each_have_an_eighth_round_and_a_round_belongs_to_its_series(knowledge: Knowledge) -> None:
    eighth = sorted(
        (e.series, e.id) for e in knowledge.of_kind(Event) if e.round == 8 and e.series is not None
    )
    assert [series for series, _ in eighth] == [
        "deputy-fm-political-consultation",
        "fm-political-consultation",
    ]


def test_the_lao_deputy_minister_is_known_by_both_name_orders(knowledge: Knowledge) -> None:
    alounkeo = knowledge.official("alounkeo-kittikhoun")
    assert isinstance(alounkeo, Official)
    assert "Kittikhoun Aloukeo" in alounkeo.aliases


def test_facts_json_keeps_its_keys() -> None:
    run = run_bot("facts", "--json")
    assert run.returncode == 0, run.stderr
    rows = json.loads(run.stdout)
    assert len(rows) > 50
    for row in rows:
        assert {"id", "kind", "source", "quotes", "background"} <= set(row)
        assert (row["source"] is None) == row["background"]
        assert row["background"] or row["quotes"]


def test_uncovered_reports_a_share_per_seed_and_almost_everything_is_covered() -> None:
    run = run_bot("knowledge", "uncovered")
    assert run.returncode == 0, run.stderr
    per_seed = [line for line in run.stdout.splitlines() if line.endswith(")") and ".txt:" in line]
    assert len(per_seed) == 5
    overall = run.stdout.strip().splitlines()[-1]
    share = int(overall.split("%")[0].split()[-1])
    assert share >= 95, overall


# what the curators' own notes may say, and a reply never does
CURATOR_WORDS = ("seed", "metadata")
NOT_SHOWN = {"id", "source", "quotes", "references", "note", "date_note"}


def _shown_texts(value: object, key: str = "") -> list[str]:
    if key in NOT_SHOWN:
        return []
    if isinstance(value, dict):
        return [text for k, v in value.items() for text in _shown_texts(v, k)]
    if isinstance(value, list):
        return [text for v in value for text in _shown_texts(v, key)]
    return [value] if isinstance(value, str) else []


@pytest.mark.parametrize(
    "directory", [ROOT / "knowledge", ROOT / "tests" / "fixtures" / "vn-th" / "knowledge"]
)
def test_what_replies_show_of_a_fact_has_no_curator_vocabulary(directory: Path) -> None:
    knowledge = load_knowledge(directory).knowledge
    assert knowledge is not None
    found = [
        f"{fact.id}: {text}"
        for fact in knowledge.facts
        for text in _shown_texts(fact.model_dump(mode="json"))
        if any(word in text.lower() for word in CURATOR_WORDS)
    ]
    assert not found, "\n".join(found)


def test_a_part_of_a_year_keeps_the_sources_words_and_spans_its_months() -> None:
    # "vào cuối năm 2015": the article gives the end of the year, no month
    late = FuzzyDate.parse("2015-late")
    assert (late.precision, late.start.isoformat(), late.end.isoformat()) == (
        Precision.YEAR,
        "2015-09-01",
        "2015-12-31",
    )
    assert (format_date(late, "vi"), format_date(late, "en")) == ("cuối năm 2015", "late 2015")
    with pytest.raises(ValueError, match="YYYY-early/mid/late"):
        FuzzyDate.parse("2015-autumn")

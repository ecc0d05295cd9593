"""Answer latency: figures printed, never asserted (`python -m bench`).

Answer latency (p50/p95/p99) over the gold questions on the real base and on
a synthetic base of 50 000 facts, plus the time to load and validate that
synthetic base.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from bench.synthetic import write_synthetic_base
from bot.answering.engine import Engine
from bot.answering.evaluation import load_gold
from bot.app.settings import Settings
from bot.kb.loader import load_knowledge


def percentiles(samples_ms: Sequence[float]) -> dict[str, float]:
    ordered = sorted(samples_ms)
    cuts = statistics.quantiles(ordered, n=100, method="inclusive") if len(ordered) > 1 else ordered * 99
    return {"p50": cuts[49], "p95": cuts[94], "p99": cuts[98], "max": ordered[-1]}


def time_answers(engine: Engine, questions: Sequence[str], repeat: int = 3) -> dict[str, float]:
    for q in questions[:20]:
        engine.answer(q)  # warm caches the way a running bot has them warm
    samples = []
    for _ in range(repeat):
        for q in questions:
            start = time.perf_counter()
            engine.answer(q)
            samples.append((time.perf_counter() - start) * 1000)
    return percentiles(samples)


def _line(label: str, figures: dict[str, float]) -> str:
    return f"{label:38} " + "  ".join(f"{k} {v:7.2f} ms" for k, v in figures.items())


def run_engine_benchmark(settings: Settings, synthetic_facts: int = 50_000) -> None:
    questions = [g.q for g in load_gold(settings.checks_file)]
    result = load_knowledge(settings.knowledge_dir, settings.seeds_dir)
    if result.knowledge is None:
        raise SystemExit("the real fact base does not validate; run `python -m bot knowledge validate`")
    start = time.perf_counter()
    engine = Engine(result.knowledge)
    build_ms = (time.perf_counter() - start) * 1000
    print(
        f"real base: {len(result.knowledge.facts)} facts, {len(questions)} gold questions, "
        f"engine index built in {build_ms:.1f} ms"
    )
    print(_line("answer latency, real base", time_answers(engine, questions)))

    with tempfile.TemporaryDirectory() as tmp:
        knowledge_dir = write_synthetic_base(Path(tmp), synthetic_facts)
        cache = Path(tmp) / "cache"
        start = time.perf_counter()
        synthetic = load_knowledge(knowledge_dir, cache_dir=cache)
        cold_s = time.perf_counter() - start
        if synthetic.knowledge is None:
            raise SystemExit(f"synthetic base failed to validate: {synthetic.problems[:3]}")
        # A reload: the YAML is unchanged, so the parse cache answers; validation runs in full again.
        start = time.perf_counter()
        synthetic = load_knowledge(knowledge_dir, cache_dir=cache)
        warm_s = time.perf_counter() - start
        assert synthetic.knowledge is not None
        start = time.perf_counter()
        big_engine = Engine(synthetic.knowledge)
        index_s = time.perf_counter() - start
        print(
            f"synthetic base: {len(synthetic.knowledge.facts)} facts; load + validate "
            f"{cold_s:.2f} s cold (YAML parsed), {warm_s:.2f} s warm (parse cache, full validation) "
            f"(target < 3 s); engine index {index_s:.2f} s"
        )
        synthetic_questions = questions + [
            f"Phiên {n} của cơ chế series-{s} diễn ra khi nào?"
            for n, s in zip(range(1, 40), range(0, 400, 10), strict=False)
        ]
        print(
            _line("answer latency, synthetic base", time_answers(big_engine, synthetic_questions, repeat=1))
        )

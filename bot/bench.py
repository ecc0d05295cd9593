"""`python -m bot bench`: latency figures printed, never asserted.

Answer latency (p50/p95/p99) over the gold questions on the real base and on
a synthetic base of 50 000 facts, plus the time to load and validate that
synthetic base. `--e2e` and `--broadcast N` run the Telegram benchmarks.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from bot.engine import Engine
from bot.evaluation import load_gold
from bot.loader import load_knowledge
from bot.settings import Settings
from bot.synthetic import write_synthetic_base


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
    questions = [g.q for g in load_gold(settings.gold_file)]
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


def cmd_bench(args: argparse.Namespace, settings: Settings) -> int:
    if args.e2e:
        from bot.telegram.bench import run_e2e_benchmark

        run_e2e_benchmark(args.updates)
        return 0
    if args.broadcast:
        from bot.telegram.broadcast_bench import run_broadcast_benchmark

        run_broadcast_benchmark(args.broadcast)
        return 0
    run_engine_benchmark(settings, args.facts)
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    bench = sub.add_parser("bench", help="print latency and throughput figures")
    bench.add_argument("--facts", type=int, default=50_000, help="size of the synthetic base (default 50000)")
    bench.add_argument(
        "--e2e", action="store_true", help="bot vs echo-bot throughput through a local Bot API"
    )
    bench.add_argument("--updates", type=int, default=500, help="updates fed in --e2e (default 500)")
    bench.add_argument("--broadcast", type=int, metavar="CHATS", help="anniversary broadcast to N chats")
    bench.set_defaults(handler=cmd_bench)

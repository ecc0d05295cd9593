"""`python -m bench` (also `python -m bot bench` and `make bench`): the benchmarks, printed.

Developer tooling kept outside the installed package: the answer-latency benchmark on the real and a
synthetic base (default), `--e2e` (bot vs echo bot through the local Bot API stand-in) and
`--broadcast N` (an anniversary broadcast to N chats through the stand-in) and `--draft` (the article
drafter, leave one seed out).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from bot.app.settings import SettingsError, load_settings


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bench", description="print latency and throughput figures"
    )
    parser.add_argument(
        "--facts", type=int, default=50_000, help="size of the synthetic base (default 50000)"
    )
    parser.add_argument(
        "--e2e", action="store_true", help="bot vs echo-bot throughput through a local Bot API"
    )
    parser.add_argument("--updates", type=int, default=500, help="updates fed in --e2e (default 500)")
    parser.add_argument("--broadcast", type=int, metavar="CHATS", help="anniversary broadcast to N chats")
    parser.add_argument(
        "--draft", action="store_true", help="article drafter, leave one seed out: events found, fields right"
    )
    parser.add_argument(
        "--verbose", action="store_true", help="with --draft: each miss, extra and wrong field"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = load_settings()
    except SettingsError as exc:
        print(exc, file=sys.stderr)
        return 2
    if args.draft:
        from bench.draft import run_draft_benchmark

        run_draft_benchmark(settings, verbose=args.verbose)
    elif args.e2e:
        from bench.e2e import run_e2e_benchmark

        run_e2e_benchmark(args.updates, settings=settings)
    elif args.broadcast:
        from bench.broadcast import run_broadcast_benchmark

        run_broadcast_benchmark(args.broadcast, settings=settings)
    else:
        from bench.answers import run_engine_benchmark

        run_engine_benchmark(settings, args.facts)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

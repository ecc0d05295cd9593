"""The command line: `python -m bot [SUBCOMMAND]`.

With no subcommand it runs the product: the Telegram bot when a token is set,
otherwise an interactive terminal session on the same answer engine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import io
import json
import logging
import subprocess
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.app.settings import Settings, SettingsError, load_settings

if TYPE_CHECKING:
    from bot.answering.answers import Lang
    from bot.answering.engine import Engine
    from bot.kb.knowledge import Knowledge

Handler = Callable[[argparse.Namespace, Settings], int]
DIALOGUES_FILE = "dialogues.yaml"  # in the knowledge folder's checks/: the multi-turn dialogue table


def _knowledge_or_exit(settings: Settings, knowledge_dir: Path | None = None) -> Knowledge:
    """The validated base, or the problems on stderr and exit 1."""
    from bot.kb.loader import load_knowledge

    if knowledge_dir is None:
        result = load_knowledge(settings.knowledge_dir, settings.seeds_dir, cache_dir=settings.cache_dir)
    else:
        result = load_knowledge(knowledge_dir)
    directory = knowledge_dir or settings.knowledge_dir
    if result.knowledge is None:
        for problem in result.problems:
            print(problem, file=sys.stderr)
        print(f"{len(result.problems)} problem(s) in {directory}; nothing loaded.", file=sys.stderr)
        raise SystemExit(1)
    return result.knowledge


def _missing_folder(directory: Path) -> int | None:
    """Exit status 2 with a message when a knowledge folder given on the command line is not there."""
    if directory.is_dir():
        return None
    what = "not a folder" if directory.exists() else "folder not found"
    print(f"knowledge {what}: {directory}", file=sys.stderr)
    return 2


def cmd_validate(args: argparse.Namespace, settings: Settings) -> int:
    from bot.kb.loader import load_knowledge

    directory = Path(args.dir) if args.dir else settings.knowledge_dir
    if (status := _missing_folder(directory)) is not None:
        return status
    seeds = Path(args.seeds) if args.seeds else (None if args.dir else settings.seeds_dir)
    result = load_knowledge(directory, seeds)
    for problem in result.problems:
        print(problem)
    if result.knowledge is None:
        print(f"{len(result.problems)} problem(s) found in {directory}.", file=sys.stderr)
        return 1
    counts = ", ".join(f"{n} {kind}" for kind, n in sorted(result.knowledge.counts().items()))
    print(f"OK: {len(result.knowledge.facts)} facts ({counts}), version {result.knowledge.version}.")
    return 0


def cmd_draft(args: argparse.Namespace, settings: Settings) -> int:
    """Draft the facts of a new article as YAML for a curator (printed, or written to --out)."""
    from bot.kb.draft import draft_article, render_yaml, summary

    article = Path(args.article)
    try:
        text = article.read_bytes().decode("utf-8")
    except OSError as exc:
        print(f"cannot read the article {article}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    except UnicodeDecodeError as exc:
        print(f"the article {article} is not UTF-8 text ({exc.reason} at byte {exc.start})", file=sys.stderr)
        return 2
    knowledge = _knowledge_or_exit(settings)
    draft = draft_article(text, article.name, knowledge)
    rendered = render_yaml(draft)
    if args.out:
        out = Path(args.out)
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(rendered, encoding="utf-8")
        except OSError as exc:
            print(f"cannot write {out}: {exc.strerror or exc}", file=sys.stderr)
            return 2
        print(summary(draft))
        print(f"Written to {out}.")
    else:
        sys.stdout.write(rendered)
        print(summary(draft), file=sys.stderr)
    return 0


def cmd_uncovered(args: argparse.Namespace, settings: Settings) -> int:
    import yaml

    from bot.kb.coverage import COVERAGE_FILE, coverage
    from bot.kb.loader import yaml_error_problem

    directory = Path(args.dir) if args.dir else settings.knowledge_dir
    if (status := _missing_folder(directory)) is not None:
        return status
    knowledge = _knowledge_or_exit(settings, Path(args.dir) if args.dir else None)
    try:
        seeds = coverage(knowledge, directory)
    except (yaml.YAMLError, UnicodeDecodeError, OSError) as exc:
        where = str(directory / COVERAGE_FILE)
        if isinstance(exc, yaml.YAMLError):
            print(yaml_error_problem(where, exc), file=sys.stderr)
        elif isinstance(exc, UnicodeDecodeError):
            print(f"{where}:1: not UTF-8 text ({exc.reason} at byte {exc.start})", file=sys.stderr)
        else:
            print(f"{exc.filename or where}: cannot read ({exc.strerror or exc})", file=sys.stderr)
        return 1
    total = uncovered = 0
    for seed in seeds:
        total += seed.sentences
        uncovered += len(seed.uncovered)
        print(
            f"{seed.seed}: {seed.share:.0%} covered ({seed.sentences - len(seed.uncovered)}/{seed.sentences})"
        )
        for sentence in seed.uncovered:
            print(f"  - {sentence}")
    share = 1.0 if total == 0 else 1 - uncovered / total
    print(f"all seeds: {share:.0%} covered ({total - uncovered}/{total} sentences)")
    return 0


def cmd_facts(args: argparse.Namespace, settings: Settings) -> int:
    knowledge = _knowledge_or_exit(settings)
    rows = []
    for fact in knowledge.facts:
        row = fact.model_dump(mode="json", exclude_none=True)
        row["source"] = fact.source
        row["quotes"] = list(fact.quotes)
        row["background"] = fact.background
        row["location"] = knowledge.locations.get(fact.id)
        rows.append(row)
    if args.json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        for row in rows:
            print(f"{row['id']:45} {row['kind']:10} {row['source'] or 'background'}")
    return 0


def _utf8_text(text: str) -> str:
    """`text` as valid Unicode: bytes that were not UTF-8 (argv's surrogate escapes) become U+FFFD."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _stdin_lines() -> Iterator[str]:
    """stdin line by line, decoded as UTF-8 with U+FFFD for invalid bytes (a leading BOM dropped).

    Lines end at '\n' only (a stray '\r' or U+2028 inside a line does not split it), so the answers
    match the input line for line.
    """
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is None:  # a text stream with no bytes underneath (a test's StringIO)
        yield from sys.stdin
        return
    stream = io.TextIOWrapper(buffer, encoding="utf-8-sig", errors="replace", newline="\n")
    try:
        yield from stream
    finally:
        stream.detach()  # leave sys.stdin.buffer open


def _safe_stdout(*, utf8: bool) -> None:
    """JSON lines are UTF-8 whatever the locale says (PYTHONIOENCODING, LANG=C on old systems); text for
    a person keeps the terminal's encoding, with `?` for what it cannot show rather than a crash."""
    if not isinstance(sys.stdout, io.TextIOWrapper) or sys.stdout.encoding.lower().replace("-", "") == "utf8":
        return
    if utf8:
        sys.stdout.reconfigure(encoding="utf-8")
    else:
        sys.stdout.reconfigure(errors="replace")


def empty_answer_json(template: dict[str, Any]) -> dict[str, Any]:
    """The JSON for a blank input line: the keys of a real answer, status `empty`, nothing in it."""
    blank: dict[str, Any] = {}
    for key, value in template.items():
        if isinstance(value, bool):
            blank[key] = False
        elif isinstance(value, int | float):
            blank[key] = 0
        elif isinstance(value, str):
            blank[key] = ""
        elif isinstance(value, list):
            blank[key] = []
        elif isinstance(value, dict):
            blank[key] = {}
        else:
            blank[key] = None
    blank["question"] = ""
    blank["status"] = "empty"
    return blank


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    from bot.answering.engine import Engine

    engine = Engine(_knowledge_or_exit(settings), today=lambda: dt.datetime.now(settings.tz).date())
    from_stdin = args.question == ["-"]
    lines: Iterable[str] = _stdin_lines() if from_stdin else [" ".join(args.question)]
    _safe_stdout(utf8=args.json)
    empty: dict[str, Any] | None = None
    for line in lines:
        question = _utf8_text(line.removesuffix("\n").removesuffix("\r"))
        if from_stdin and not question.strip():
            if args.json:  # one JSON line per input line, blank ones included
                if empty is None:
                    # the keys of a real answer, so a consumer sees one shape whatever the status
                    empty = empty_answer_json(engine.answer("?").to_json())
                print(json.dumps(empty, ensure_ascii=False), flush=True)
            continue
        from bot.cli.boundary import answer_or_apology

        answer = answer_or_apology(engine, question)
        if args.json:
            print(json.dumps(answer.to_json(), ensure_ascii=False), flush=True)
        else:
            print(answer.text, flush=True)
            if from_stdin:
                print(flush=True)
    return 0


def cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    from bot.answering.engine import Engine
    from bot.answering.evaluation import GoldFileError, evaluate, load_gold

    knowledge_dir = Path(args.knowledge) if args.knowledge else None
    checks = (knowledge_dir or settings.knowledge_dir) / "checks"
    # Every question set shipped with the base (the tuning set and the held-out set), unless one is named.
    gold_file = settings.gold_file if knowledge_dir is None else None
    dialogues_file = checks / DIALOGUES_FILE  # multi-turn: scored by its own report, below
    paths = [Path(f) for f in args.file] or (
        [gold_file] if gold_file else sorted(p for p in checks.glob("*.yaml") if p != dialogues_file)
    )
    if not paths:
        print(f"no question set: {checks} holds no *.yaml (name a file or set GOLD_FILE)", file=sys.stderr)
        return 2
    try:
        question_sets = [(path, load_gold(path)) for path in paths]
    except GoldFileError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        if not args.file and gold_file:
            print("(the question set is GOLD_FILE)", file=sys.stderr)
        return 2
    engine = Engine(_knowledge_or_exit(settings, knowledge_dir))
    for path, questions in question_sets:
        report = evaluate(engine, questions)
        if args.misses:
            for miss in report.misses:
                flag = "CONFIDENT-WRONG" if miss.confident_wrong else "miss"
                got = miss.answer.status.value + (f" {list(miss.answer.facts)}" if miss.answer.facts else "")
                expected = f"{miss.gold.status.value} {miss.gold.facts}"
                print(f"[{flag}] {miss.gold.q}\n    expected {expected}; got {got}")
        print(f"{path}: {report.summary()}")
        if args.breakdown:
            print(report.breakdown())
    if not args.file or knowledge_dir is not None:
        # the generated suite of the base evaluated: another base (--knowledge) gets its own
        from bot.answering.suite import suite_report

        print(suite_report(engine.knowledge, engine))
    if not args.file and dialogues_file.is_file():
        print(dialogue_report(engine, dialogues_file, misses=args.misses))
    return 0


def dialogue_report(engine: Engine, path: Path, *, misses: bool) -> str:
    """The dialogue table's figures (turns and whole dialogues right, confident-wrong), and its misses."""
    from bot.answering.dialogue_eval import load_dialogues, run_dialogues

    report = run_dialogues(engine, load_dialogues(path))
    lines = [f"{path}: {report.summary()}"]
    if misses:
        lines += [f"[miss] {miss}" for miss in report.misses]
    return "\n".join(lines)


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {text!r}") from None


def _days(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 366:
        raise argparse.ArgumentTypeError("give a number of days from 1 to 366")
    return int(text)


def cmd_anniversaries(args: argparse.Namespace, settings: Settings) -> int:
    from bot.anniversaries.dates import anniversaries_on, day_label, render_post, render_upcoming, upcoming
    from bot.render.catalog import t

    knowledge = _knowledge_or_exit(settings)
    day: dt.date = args.date or dt.datetime.now(settings.tz).date()
    lang: Lang = "en" if args.lang == "en" else "vi"
    if args.upcoming:
        coming = upcoming(day, args.upcoming, knowledge)
        print(
            json.dumps(coming.to_json(), ensure_ascii=False, indent=1)
            if args.json
            else render_upcoming(coming, lang)
        )
        return 0
    found = anniversaries_on(day, knowledge)
    if args.json:
        print(json.dumps([a.to_json() for a in found], ensure_ascii=False, indent=1))
    elif found:
        print(render_post(found, lang))
    else:
        print(t("no_anniversaries", lang, day=day_label(day, lang)))
    return 0


def cmd_run(args: argparse.Namespace, settings: Settings) -> int:
    """The product: the Telegram bot with a token, otherwise the terminal session. The Telegram
    adapter is imported only here, so the terminal session and every other command run without
    loading python-telegram-bot."""
    from bot.app.logs import configure_logging

    configure_logging(settings)
    if settings.telegram_bot_token is None:
        from bot.cli.terminal import run_terminal

        return run_terminal(settings)
    from bot.telegram.run import run

    return run(settings)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bot",
        description="Diplomacy-history reference bot on a curated, sourced fact base. With no subcommand: "
        "the Telegram bot when TELEGRAM_BOT_TOKEN is set, otherwise an interactive terminal session.",
    )
    sub = parser.add_subparsers(dest="command", metavar="SUBCOMMAND")

    run = sub.add_parser("run", help="run the bot (or the terminal session without a token); the default")
    run.set_defaults(handler=cmd_run)

    knowledge = sub.add_parser("knowledge", help="check the fact base")
    knowledge_sub = knowledge.add_subparsers(dest="knowledge_command", metavar="ACTION", required=True)
    validate = knowledge_sub.add_parser(
        "validate", help="validate the fact base; problems as file:line: message"
    )
    validate.add_argument("dir", nargs="?", help="knowledge folder (default: KNOWLEDGE_DIR)")
    validate.add_argument("--seeds", help="seeds folder (default: seeds/ beside the knowledge folder)")
    validate.set_defaults(handler=cmd_validate)
    uncovered = knowledge_sub.add_parser("uncovered", help="seed sentences no quote covers yet")
    uncovered.add_argument("dir", nargs="?", help="knowledge folder (default: KNOWLEDGE_DIR)")
    uncovered.set_defaults(handler=cmd_uncovered)
    draft = knowledge_sub.add_parser(
        "draft", help="draft the facts of a new article (YAML with CHECK comments) for a curator"
    )
    draft.add_argument("article", help="the article, plain UTF-8 text like the seeds")
    draft.add_argument("--out", help="write the draft there (default: print it)")
    draft.set_defaults(handler=cmd_draft)

    facts = sub.add_parser("facts", help="list every fact")
    facts.add_argument("--json", action="store_true", help="a JSON array of every fact")
    facts.set_defaults(handler=cmd_facts)

    ask = sub.add_parser("ask", help="answer one question (or one per line from stdin with '-')")
    ask.add_argument("question", nargs="+", help="the question, or - to read questions from stdin")
    ask.add_argument("--json", action="store_true", help="one JSON object per answer")
    ask.set_defaults(handler=cmd_ask)

    evaluation = sub.add_parser("eval", help="score the engine on a gold question set")
    evaluation.add_argument(
        "file",
        nargs="*",
        help="question set YAML files (default: every checks/*.yaml in the knowledge folder)",
    )
    evaluation.add_argument("--knowledge", metavar="DIR", help="another fact base (default: KNOWLEDGE_DIR)")
    evaluation.add_argument(
        "--quiet", dest="misses", action="store_false", help="only the figures, not each question missed"
    )
    evaluation.add_argument("--breakdown", action="store_true", help="figures per style and per capability")
    evaluation.set_defaults(handler=cmd_eval)

    anniversaries = sub.add_parser("anniversaries", help="the anniversaries of a day, or the coming ones")
    anniversaries.add_argument(
        "--date", type=_iso_date, metavar="YYYY-MM-DD", help="the day (default: today in TIMEZONE)"
    )
    anniversaries.add_argument(
        "--upcoming", type=_days, metavar="N", help="list the N days from --date instead"
    )
    anniversaries.add_argument("--json", action="store_true", help="JSON instead of the post text")
    anniversaries.add_argument(
        "--lang", choices=("vi", "en"), default="vi", help="language of the text (default vi)"
    )
    anniversaries.set_defaults(handler=cmd_anniversaries)

    sub.add_parser(
        "bench", help="print latency and throughput figures (developer tooling, from the checkout)"
    )
    return parser


def run_bench(argv: list[str]) -> int:
    """`python -m bot bench ...` runs `python -m bench ...`: the benchmarks live in the checkout's
    `bench/`, outside the installed package, so they run in their own process instead of being
    imported by it."""
    if importlib.util.find_spec("bench") is None:
        print(
            "The benchmarks are developer tooling in the source checkout (bench/); "
            "run `python -m bench` from the project's root folder.",
            file=sys.stderr,
        )
        return 2
    return subprocess.run([sys.executable, "-m", "bench", *argv], check=False).returncode


def opens_storage(args: argparse.Namespace, settings: Settings) -> bool:
    """Whether this command opens the database: only the Telegram bot does (the terminal session
    and the other subcommands never touch it)."""
    return getattr(args, "handler", None) in (None, cmd_run) and settings.telegram_bot_token is not None


def start_up_problem(args: argparse.Namespace, settings: Settings) -> str | None:
    """The one-line reason this command cannot start (a bad KNOWLEDGE_DIR, SEEDS_DIR or DATABASE_URL),
    or None. The full traceback of a database failure is logged at DEBUG level only."""
    from bot.app.checks import check_database, check_folders

    if settings.log_level == "DEBUG":
        logging.basicConfig(level=logging.DEBUG, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if not getattr(args, "dir", None):  # `knowledge validate DIR` checks its own DIR
        problem = check_folders(settings)
        if problem is not None:
            return problem
    if opens_storage(args, settings):
        return check_database(settings)
    return None


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == ["bench"]:
        return run_bench(arguments[1:])  # its options are the bench's own, `--help` included
    parser = build_parser()
    args = parser.parse_args(arguments)
    try:
        settings = load_settings()
    except SettingsError as exc:
        print(exc, file=sys.stderr)
        return 2
    handler: Handler = getattr(args, "handler", None) or cmd_run
    problem = start_up_problem(args, settings)
    if problem is not None:
        print(problem, file=sys.stderr)
        return 2
    try:
        return handler(args, settings)
    except BrokenPipeError:
        # the reader went away (`... | head`): stop quietly, as Unix tools do
        sys.stderr.close()
        return 0

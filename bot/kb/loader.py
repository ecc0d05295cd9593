"""Load and validate the YAML fact base into an immutable `Knowledge`.

Validation never raises on bad input: every problem comes back as a
`Problem` with file and line, so a curator's broken edit is reported while the
base already in service keeps serving. Checks: YAML syntax, schema (unknown
fields are errors), unique ids, references that resolve, quotes found verbatim
(whitespace-insensitive) in their seed, aliases that name one official only,
one event per series and round.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import TypeAdapter, ValidationError

from bot.kb.bulk import gc_paused
from bot.kb.facts import Agreement, Event, Fact, Figure, Official, Place, Sourced, Statement
from bot.kb.knowledge import Knowledge
from bot.nlu.text import collapse_whitespace, fold

# Files in knowledge/ that configure tooling rather than hold facts.
NON_FACT_FILES = frozenset({"coverage.yaml"})
BACKGROUND_FILE = "background.yaml"

_FACT_ADAPTER: TypeAdapter[Fact] = TypeAdapter(Fact)


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    message: str
    column: int | None = None

    def __str__(self) -> str:
        if self.line <= 0:  # about a folder or a whole file, not a line in it
            return f"{self.file}: {self.message}"
        where = f"{self.file}:{self.line}" + (f":{self.column}" if self.column else "")
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class LoadResult:
    knowledge: Knowledge | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.knowledge is not None and not self.problems


_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


def _text_dates_loader(base: type[yaml.SafeLoader]) -> type[yaml.SafeLoader]:
    """`base` without the implicit timestamp resolver: an unquoted `2021-02-30` stays the text it is.

    PyYAML turns an unquoted date into a `datetime.date` and raises a bare ValueError (no line, no
    file) on an impossible one. Read as text, every date goes through the schema's own parser and an
    impossible one is an ordinary `file:line: message` problem; a valid one means what it meant.
    Everything else is `yaml.safe_load`'s semantics.
    """
    resolvers = {
        first: [(tag, regexp) for tag, regexp in pairs if tag != _TIMESTAMP_TAG]
        for first, pairs in base.yaml_implicit_resolvers.items()
    }
    return type("TextDatesLoader", (base,), {"yaml_implicit_resolvers": resolvers})


class _LocatedValueErrors(yaml.constructor.SafeConstructor):
    """An explicitly tagged value PyYAML cannot build (`!!int abc`, `!!timestamp 2021-02-30`) raises a
    bare ValueError; make it a YAML error at the value's line and column like any other."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep)
        except (ValueError, TypeError, OverflowError) as exc:
            tag = str(node.tag).rsplit(":", 1)[-1]
            value = node.value if isinstance(node.value, str) else ""
            raise yaml.constructor.ConstructorError(
                None, None, f"cannot read {value!r} as {tag} ({exc})", node.start_mark
            ) from None


# libyaml's safe loader when present (~10x faster on a large base); its tag resolution is PyYAML's own
# Python code, so removing the timestamp resolver works the same on both.
YamlLoader: type[yaml.SafeLoader] = _text_dates_loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader))
# The same, locating a value it cannot build; a little slower, so only used to report such an error.
_LocatingLoader: type[yaml.SafeLoader] = type("LocatingLoader", (_LocatedValueErrors, YamlLoader), {})


def load_yaml(text: str) -> Any:
    """`yaml.safe_load(text)`, except that timestamps stay strings (see `_text_dates_loader`).

    Every error is a `yaml.YAMLError` with a line and column, including an explicitly tagged value that
    cannot be built (`!!int abc`), which PyYAML reports as a bare ValueError.
    """
    try:
        return yaml.load(text, Loader=YamlLoader)
    except (ValueError, TypeError, OverflowError) as exc:
        yaml.load(text, Loader=_LocatingLoader)  # raises the same error as a located ConstructorError
        raise yaml.constructor.ConstructorError(None, None, f"cannot read a value ({exc})") from None


class LineMap:
    """Lines of YAML nodes by their path, so a pydantic `loc` maps back to a line.

    The node tree is composed only when a problem needs a line: a valid base never pays for it.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._root: yaml.Node | None = None
        self._composed = False

    @property
    def root(self) -> yaml.Node | None:
        if not self._composed:
            self._root = yaml.compose(self.text, Loader=YamlLoader)
            self._composed = True
        return self._root

    def line_of(self, path: Iterable[Any]) -> int:
        node = self.root
        best = 1 if node is None else node.start_mark.line + 1
        for key in path:
            child = self._child(node, key)
            if child is None:
                continue  # pydantic adds union tags such as 'event' that are not YAML keys
            node = child
            best = node.start_mark.line + 1
        return best

    @staticmethod
    def _child(node: yaml.Node | None, key: Any) -> yaml.Node | None:
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if isinstance(key_node, yaml.ScalarNode) and key_node.value == str(key):
                    return value_node if isinstance(value_node, yaml.Node) else None
        if isinstance(node, yaml.SequenceNode) and isinstance(key, int) and 0 <= key < len(node.value):
            item = node.value[key]
            return item if isinstance(item, yaml.Node) else None
        return None


@dataclass
class _Located:
    fact: Sourced
    file: str
    lines: LineMap
    index: int
    basename: str = ""

    def line(self, *path: Any) -> int:
        return self.lines.line_of(("facts", self.index, *path))


def yaml_error_problem(name: str, exc: yaml.YAMLError, prefix: str = "") -> Problem:
    """A YAML syntax error as a problem at its file, line and column."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + 1 if mark is not None else 1
    column = mark.column + 1 if mark is not None else None
    reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    context, context_mark = getattr(exc, "context", None), getattr(exc, "context_mark", None)
    if context and context_mark is not None and context_mark is not mark:
        # PyYAML notices an unclosed bracket or quote only where the text runs out: say where it opened
        reason += f" ({context} at line {context_mark.line + 1}, column {context_mark.column + 1})"
    kind = "YAML error" if isinstance(exc, yaml.constructor.ConstructorError) else "YAML syntax error"
    return Problem(name, line, f"{prefix}{kind}: {reason}", column)


def fact_files(knowledge_dir: Path) -> list[Path]:
    return sorted(p for p in knowledge_dir.glob("*.yaml") if p.name not in NON_FACT_FILES)


def _seed_files(seeds_dir: Path) -> list[Path]:
    return sorted(seeds_dir.glob("*.txt")) if seeds_dir.is_dir() else []


def _digest_seeds(digest: Any, seeds_dir: Path) -> None:
    # A base's version names its fact files and the seeds its quotes were checked against.
    for path in _seed_files(seeds_dir):
        digest.update(b"seed:" + path.name.encode() + b"\0" + path.read_bytes())


def base_files(knowledge_dir: Path, seeds_dir: Path | None = None) -> dict[str, bytes]:
    """The files a base is made of, by relative path: `knowledge/<fact file>` and `seeds/<seed>`
    (what a snapshot of the base keeps; `load_knowledge` on a copy of them builds the same base)."""
    knowledge_dir = Path(knowledge_dir)
    seeds = Path(seeds_dir) if seeds_dir is not None else knowledge_dir.parent / "seeds"
    files = {f"knowledge/{path.name}": path.read_bytes() for path in fact_files(knowledge_dir)}
    files.update({f"seeds/{path.name}": path.read_bytes() for path in _seed_files(seeds)})
    return files


def base_version(knowledge_dir: Path, seeds_dir: Path | None = None) -> str:
    """The version `load_knowledge` gives the base in these folders, from the bytes alone (nothing is
    parsed or validated): tells cheaply whether the files on disk are the base in service."""
    knowledge_dir = Path(knowledge_dir)
    digest = hashlib.sha256()
    for path in fact_files(knowledge_dir):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    _digest_seeds(digest, Path(seeds_dir) if seeds_dir is not None else knowledge_dir.parent / "seeds")
    return digest.hexdigest()[:12]


def load_knowledge(
    knowledge_dir: Path, seeds_dir: Path | None = None, *, cache_dir: Path | None = None
) -> LoadResult:
    """Read every fact file, validate everything, and build a `Knowledge` only if all is well.

    With `cache_dir`, the parsed YAML of each file is kept as JSON under the hash of its bytes: a
    reload re-parses only the files that changed (PyYAML builds ~100k nodes a second; JSON is ~50x
    faster). Validation always runs in full.
    """
    with gc_paused():
        return _load_knowledge(Path(knowledge_dir), seeds_dir, cache_dir)


def _load_knowledge(knowledge_dir: Path, seeds_dir: Path | None, cache_dir: Path | None) -> LoadResult:
    seeds_dir = Path(seeds_dir) if seeds_dir is not None else knowledge_dir.parent / "seeds"
    problems: list[Problem] = []
    if not knowledge_dir.is_dir():
        return LoadResult(None, [Problem(str(knowledge_dir), 0, "knowledge folder not found")])
    files = fact_files(knowledge_dir)
    if not files:
        return LoadResult(None, [Problem(str(knowledge_dir), 0, "no *.yaml fact files found")])

    located: list[_Located] = []
    unusable_ids: set[str] = set()
    digest = hashlib.sha256()
    for path in files:
        try:
            raw = path.read_bytes()
        except OSError as exc:
            problems.append(
                Problem(str(path), 1, f"{_UNREADABLE} cannot read the file ({exc.strerror or exc})")
            )
            unusable_ids.add("*")
            continue
        digest.update(path.name.encode() + b"\0" + raw)
        before = len(problems)
        located.extend(_parse_file(path, raw, problems, unusable_ids, cache_dir))
        if any(p.message.startswith(_UNREADABLE) for p in problems[before:]):
            unusable_ids.add("*")  # ids in an unreadable file are unknown: do not call references dangling

    problems.extend(_cross_check(located, seeds_dir, unusable_ids))
    if problems:
        return LoadResult(None, sorted(problems))
    _digest_seeds(digest, seeds_dir)
    knowledge = Knowledge.build(
        [item.fact for item in located],  # type: ignore[misc]
        version=digest.hexdigest()[:12],
        locations={item.fact.id: f"{item.basename} #{item.index + 1}" for item in located},
        seeds=_read_seeds(seeds_dir),
    )
    return LoadResult(knowledge, [])


_UNREADABLE = "unreadable:"


def _parse_file(
    path: Path, raw: bytes, problems: list[Problem], unusable_ids: set[str], cache_dir: Path | None
) -> Iterator[_Located]:
    """Yield the valid facts of one file; append a problem for each invalid one."""
    name = str(path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.append(Problem(name, 1, f"{_UNREADABLE} not UTF-8 text ({exc.reason} at byte {exc.start})"))
        return
    cached = cache_dir / f"{hashlib.sha256(raw).hexdigest()}.json" if cache_dir is not None else None
    data = _read_cache(cached) if cached is not None else _NO_CACHE
    try:
        if data is _NO_CACHE:
            data = load_yaml(text)
            if cached is not None:
                _write_cache(cached, data)
    except yaml.YAMLError as exc:
        problems.append(yaml_error_problem(name, exc, f"{_UNREADABLE} "))
        return
    lines = LineMap(text)
    if data is None:
        return  # an empty file holds no facts; that is allowed
    if not isinstance(data, dict) or set(data) != {"facts"}:
        problems.append(
            Problem(name, 1, f"{_UNREADABLE} a fact file has exactly one top-level key, `facts:` (a list)")
        )
        return
    items = data["facts"] or []
    if not isinstance(items, list):
        problems.append(Problem(name, lines.line_of(["facts"]), f"{_UNREADABLE} `facts:` must be a list"))
        return
    for index, item in enumerate(items):
        try:
            fact = _FACT_ADAPTER.validate_python(item)
        except ValidationError as exc:
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                unusable_ids.add(item["id"])
            for error in exc.errors():
                loc = ("facts", index, *error["loc"])
                field_path = ".".join(str(part) for part in error["loc"] if not _is_union_tag(part))
                label = item.get("id") if isinstance(item, dict) else None
                prefix = f"fact {label!r}" if label else f"fact #{index + 1}"
                where = f" field `{field_path}`" if field_path else ""
                message = error["msg"].removeprefix("Value error, ")
                problems.append(Problem(name, lines.line_of(loc), f"{prefix}{where}: {message}"))
            continue
        if not isinstance(fact, Sourced):  # pragma: no cover - the union only holds Sourced models
            continue
        yield _Located(fact, name, lines, index, path.name)


_NO_CACHE = object()


def _read_cache(path: Path) -> Any:
    """The cached parse, or `_NO_CACHE` when there is none or it cannot be used (then the YAML is parsed)."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return _NO_CACHE


def _write_cache(path: Path, data: object) -> None:
    try:
        encoded = json.dumps(data, ensure_ascii=False)  # no `default=`: data JSON cannot hold is not cached
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(encoded, encoding="utf-8")
        tmp.replace(path)
    except (TypeError, ValueError, OSError):
        pass  # the cache is an optimisation; a file it cannot hold is simply parsed every time


def _is_union_tag(part: object) -> bool:
    return isinstance(part, str) and part in {
        "official",
        "series",
        "place",
        "event",
        "agreement",
        "figure",
        "statement",
    }


def _read_seeds(seeds_dir: Path, problems: list[Problem] | None = None) -> dict[str, str]:
    """The seed texts by file name; a seed that cannot be read is left out (and reported in `problems`)."""
    if not seeds_dir.is_dir():
        return {}
    seeds: dict[str, str] = {}
    for path in sorted(seeds_dir.glob("*.txt")):
        try:
            seeds[path.name] = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError as exc:
            if problems is not None:
                problems.append(
                    Problem(str(path), 1, f"seed is not UTF-8 text ({exc.reason} at byte {exc.start})")
                )
        except OSError as exc:
            if problems is not None:
                problems.append(Problem(str(path), 1, f"cannot read the seed ({exc.strerror or exc})"))
    return seeds


def _cross_check(located: list[_Located], seeds_dir: Path, unusable_ids: set[str]) -> Iterator[Problem]:
    unreadable: list[Problem] = []
    seeds = {name: collapse_whitespace(text) for name, text in _read_seeds(seeds_dir, unreadable).items()}
    yield from unreadable
    by_id: dict[str, _Located] = {}
    for item in located:
        first = by_id.get(item.fact.id)
        if first is not None:
            yield Problem(
                item.file,
                item.line("id"),
                f"duplicate id {item.fact.id!r} (first defined at {first.file}:{first.line('id')})",
            )
        else:
            by_id[item.fact.id] = item

    def kind_of(fact_id: str) -> str | None:
        target = by_id.get(fact_id)
        return None if target is None else target.fact.kind  # type: ignore[attr-defined, no-any-return]

    for item in located:
        yield from _check_sources(item, seeds)
        for path, target, wanted in _references(item.fact):
            actual = kind_of(target)
            if actual is None and (target in unusable_ids or "*" in unusable_ids):
                continue  # already reported where that fact is broken
            if actual is None:
                yield Problem(
                    item.file,
                    item.line(*path),
                    f"fact {item.fact.id!r}: `{_dotted(path)}` refers to unknown id {target!r}",
                )
            elif wanted and actual not in wanted:
                yield Problem(
                    item.file,
                    item.line(*path),
                    f"fact {item.fact.id!r}: `{_dotted(path)}` "
                    f"must name a {' or '.join(wanted)}, but {target!r} is a {actual}",
                )

    yield from _check_aliases(located)
    yield from _check_rounds(located)


def _dotted(path: tuple[Any, ...]) -> str:
    return ".".join(f"[{p}]" if isinstance(p, int) else str(p) for p in path).replace(".[", "[")


def _check_sources(item: _Located, seeds: dict[str, str]) -> Iterator[Problem]:
    fact = item.fact
    if fact.background and item.basename != BACKGROUND_FILE:
        yield Problem(
            item.file,
            item.line("background"),
            f"fact {fact.id!r}: background facts belong in {BACKGROUND_FILE}",
        )
    if not fact.background and item.basename == BACKGROUND_FILE:
        yield Problem(
            item.file, item.line("id"), f"fact {fact.id!r}: {BACKGROUND_FILE} holds background facts only"
        )
    citations: list[tuple[tuple[Any, ...], str | None, str]] = [
        (("quotes", i), fact.source, quote) for i, quote in enumerate(fact.quotes)
    ]
    if isinstance(fact, Official):
        citations += [
            (("positions", i, "quote"), pos.source, pos.quote) for i, pos in enumerate(fact.positions)
        ]
    if fact.source is not None and fact.source not in seeds:
        yield Problem(item.file, item.line("source"), f"fact {fact.id!r}: unknown seed {fact.source!r}")
    for path, source, quote in citations:
        if source is None or source not in seeds:
            if source is not None and path[0] == "positions":
                yield Problem(
                    item.file, item.line(*path[:2], "source"), f"fact {fact.id!r}: unknown seed {source!r}"
                )
            continue
        wanted = collapse_whitespace(quote)
        if not wanted:
            yield Problem(item.file, item.line(*path), f"fact {fact.id!r}: empty quote")
        elif wanted not in seeds[source]:
            yield Problem(
                item.file,
                item.line(*path),
                f"fact {fact.id!r}: quote not found in {source}: {_shorten(wanted)!r}",
            )


def _shorten(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _references(fact: Sourced) -> Iterator[tuple[tuple[Any, ...], str, tuple[str, ...]]]:
    """(path, target id, kinds allowed) for every reference a fact makes."""
    if isinstance(fact, Official):
        for i, pos in enumerate(fact.positions):
            if pos.as_of_event:
                yield ("positions", i, "as_of_event"), pos.as_of_event, ("event",)
    if isinstance(fact, Place) and fact.within:
        yield ("within",), fact.within, ("place",)
    if isinstance(fact, Event):
        if fact.series:
            yield ("series",), fact.series, ("series",)
        if fact.place:
            yield ("place",), fact.place, ("place",)
        for i, participant in enumerate(fact.participants):
            if participant.official:
                yield ("participants", i, "official"), participant.official, ("official",)
        if fact.planned_by:
            yield ("planned_by",), fact.planned_by, ("event",)
    if isinstance(fact, Event | Agreement):
        for i, target in enumerate(fact.related):
            yield ("related", i), target, ()
    if isinstance(fact, Figure) and fact.about:
        yield ("about",), fact.about, ()
    if isinstance(fact, Statement):
        for i, target in enumerate(fact.officials):
            yield ("officials", i), target, ("official",)
        if fact.made_at:
            yield ("made_at",), fact.made_at, ("event",)


def _check_aliases(located: list[_Located]) -> Iterator[Problem]:
    owner: dict[str, str] = {}
    for item in located:
        fact = item.fact
        if not isinstance(fact, Official):
            continue
        for i, name in enumerate([fact.name, *fact.aliases]):
            key = fold(name)
            other = owner.setdefault(key, fact.id)
            if other != fact.id:
                path = ("name",) if i == 0 else ("aliases", i - 1)
                yield Problem(
                    item.file,
                    item.line(*path),
                    f"fact {fact.id!r}: name {name!r} already names official {other!r}",
                )


def _check_rounds(located: list[_Located]) -> Iterator[Problem]:
    seen: dict[tuple[str, int], _Located] = {}
    for item in located:
        fact = item.fact
        if not isinstance(fact, Event) or fact.series is None or fact.round is None:
            continue
        first = seen.setdefault((fact.series, fact.round), item)
        if first is not item:
            yield Problem(
                item.file,
                item.line("round"),
                f"fact {fact.id!r}: round {fact.round} of series {fact.series!r} is already "
                f"{first.fact.id!r} ({first.file}:{first.line('round')})",
            )


__all__ = [
    "BACKGROUND_FILE",
    "LineMap",
    "LoadResult",
    "Problem",
    "YamlLoader",
    "fact_files",
    "load_knowledge",
    "load_yaml",
    "yaml_error_problem",
]

"""`python -m bench --draft`: leave-one-article-out on the seeds.

For each seed: remove the facts citing it from the base (and the officials' positions it states), draft
the seed with `bot.kb.draft`, and compare the draft's events with the curated ones: events found
(recall, precision), and for the events found the share of fields right (series, round, date, date
precision, place, each participant with its role). Also: drafted values found neither in the article
nor in the base ("invented"), quotes not verbatim, and whether the draft validates beside the reduced
base (problems outside CHECK-marked lines). Prints; asserts nothing.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.app.settings import Settings
from bot.kb.draft import Draft, Drafter, DraftFact, render_yaml
from bot.kb.facts import Event, Official, Place, Series
from bot.kb.knowledge import Knowledge
from bot.kb.loader import load_knowledge
from bot.nlu.text import collapse_whitespace, fold

IN_SCOPE = {"meeting", "visit", "consultation", "committee_session", "signing", "reception", "conference"}


@dataclass
class SeedScore:
    seed: str
    curated: int = 0
    out_of_scope: int = 0
    drafted: int = 0
    matched: int = 0
    fields: int = 0
    fields_right: int = 0
    invented: list[str] = field(default_factory=list)
    quotes: int = 0
    quotes_verbatim: int = 0
    problems: int = 0
    problems_unmarked: int = 0
    by_field: dict[str, list[int]] = field(default_factory=dict)  # field -> [right, total]
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)


def reduced_base(knowledge: Knowledge, seed: str) -> Knowledge:
    facts: list[Any] = []
    for fact in knowledge.facts:
        if fact.source == seed:
            continue
        if isinstance(fact, Official):
            fact = fact.model_copy(update={"positions": [p for p in fact.positions if p.source != seed]})
        facts.append(fact)
    return Knowledge.build(facts, version=f"without-{seed}", seeds=dict(knowledge.seeds))


def _overlap(a: list[str], b: list[str]) -> bool:
    ca = [collapse_whitespace(x) for x in a]
    cb = [collapse_whitespace(x) for x in b]
    return any(x in y or y in x for x in ca for y in cb)


class _Mapper:
    """Ids of facts the draft created anew, mapped to the curated facts they stand for."""

    def __init__(self, draft: Draft, full: Knowledge) -> None:
        self.map: dict[str, str] = {}
        for fact in draft.facts:
            if fact.kind == "official":
                key = fold(str(fact.fields["name"]))
                for o in full.of_kind(Official):
                    if key in {fold(n) for n in [o.name, *o.aliases]}:
                        self.map[fact.id] = o.id
            elif fact.kind == "place":
                key = fold(str(fact.fields["name_vi"]))
                for p in full.of_kind(Place):
                    if key in {fold(n) for n in [p.name_vi, p.name_en, *p.aliases]}:
                        self.map[fact.id] = p.id
            elif fact.kind == "series":
                words = set(fold(str(fact.fields["name_vi"])).split())
                best = max(
                    full.of_kind(Series),
                    key=lambda s: max(
                        (
                            len(words & set(fold(n).split())) / max(1, len(words)),
                            len(words & set(fold(n).split())) / max(1, len(set(fold(n).split()))),
                        )
                        for n in [s.name_vi, *s.aliases]
                    ),
                    default=None,
                )
                if best is not None:
                    self.map[fact.id] = best.id

    def __call__(self, value: Any) -> Any:
        return self.map.get(value, value) if isinstance(value, str) else value


def _participants(fields: dict[str, Any], mapper: _Mapper | None = None) -> set[tuple[str, str]]:
    out = set()
    for p in fields.get("participants", []):
        who = p.get("official")
        who = mapper(who) if (mapper and who) else who
        out.add((who or f"label:{fold(p.get('label_vi') or '')}", str(p["role"])))
    return out


def _curated_fields(event: Event) -> dict[str, Any]:
    return {
        "series": event.series,
        "round": event.round,
        "date": event.date.text if event.date else None,
        "precision": event.date.precision.value if event.date else None,
        "place": event.place,
        "participants": [p.model_dump(exclude_none=True) for p in event.participants],
        "event_kind": event.event_kind.value,
    }


def _drafted_fields(fact: DraftFact, mapper: _Mapper) -> dict[str, Any]:
    from bot.kb.facts import FuzzyDate

    date = fact.fields.get("date")
    precision = FuzzyDate.parse(str(date)).precision.value if date else None
    return {
        "series": mapper(fact.fields.get("series")),
        "round": fact.fields.get("round"),
        "date": str(date) if date else None,
        "precision": precision,
        "place": mapper(fact.fields.get("place")),
        "participants": fact.fields.get("participants", []),
        "event_kind": fact.fields["event_kind"],
    }


def _match_score(d: dict[str, Any], c: dict[str, Any], dq: list[str], cq: list[str]) -> float:
    if not _overlap(dq, cq):
        return 0.0
    if d["round"] is not None and c["round"] is not None and d["round"] != c["round"]:
        return 0.0
    score: float = 1.0
    score += 2.0 * (d["event_kind"] == c["event_kind"])
    score += 3.0 * (d["round"] is not None and d["round"] == c["round"])
    score += 1.0 * (d["date"] == c["date"] and d["date"] is not None)
    return score


def score_seed(knowledge: Knowledge, seed: str, text: str) -> SeedScore:
    result = SeedScore(seed)
    base = reduced_base(knowledge, seed)
    draft = Drafter(base).draft(text, seed)
    mapper = _Mapper(draft, knowledge)
    curated = [f for f in knowledge.of_kind(Event) if f.source == seed]
    in_scope = [e for e in curated if e.event_kind.value in IN_SCOPE]
    result.curated = len(in_scope)
    result.out_of_scope = len(curated) - len(in_scope)
    drafted = [f for f in draft.facts if f.kind == "event"]
    result.drafted = len(drafted)
    pairs = []
    for d in drafted:
        df = _drafted_fields(d, mapper)
        for c in in_scope:
            s = _match_score(df, _curated_fields(c), d.fields["quotes"], c.quotes)
            if s > 0:
                pairs.append((s, d.id, c.id))
    used_d: set[str] = set()
    used_c: set[str] = set()
    matches: list[tuple[DraftFact, Event]] = []
    for _s, d_id, c_id in sorted(pairs, reverse=True):
        if d_id in used_d or c_id in used_c:
            continue
        used_d.add(d_id)
        used_c.add(c_id)
        matches.append((next(f for f in drafted if f.id == d_id), next(e for e in in_scope if e.id == c_id)))
    result.matched = len(matches)
    result.misses = [e.id for e in in_scope if e.id not in used_c]
    result.extras = [f.id for f in drafted if f.id not in used_d]
    for d, c in matches:
        df, cf = _drafted_fields(d, mapper), _curated_fields(c)
        for key in ("series", "round", "date", "precision", "place"):
            if df[key] is None and cf[key] is None:
                continue
            result.fields += 1
            tally = result.by_field.setdefault(key, [0, 0])
            tally[1] += 1
            if df[key] == cf[key]:
                result.fields_right += 1
                tally[0] += 1
            else:
                result.wrong.append(f"{c.id}.{key}: drafted {df[key]}, curated {cf[key]}")
        theirs = _participants({"participants": cf["participants"]})
        ours = _participants({"participants": df["participants"]}, mapper)
        for item in theirs | ours:
            result.fields += 1
            tally = result.by_field.setdefault("participant", [0, 0])
            tally[1] += 1
            if item in theirs and item in ours:
                result.fields_right += 1
                tally[0] += 1
            else:
                result.wrong.append(
                    f"{c.id}.participant {item}: "
                    + ("curated, not drafted" if item in theirs else "drafted, not curated")
                )
    _check_values(draft, base, text, result)
    _validate(draft, base, seed, text, result)
    return result


def _check_values(draft: Draft, base: Knowledge, text: str, result: SeedScore) -> None:
    article = collapse_whitespace(text)
    folded = fold(text)
    new_ids = {f.id for f in draft.facts}
    for fact in draft.facts:
        for quote in fact.fields.get("quotes", []):
            result.quotes += 1
            result.quotes_verbatim += collapse_whitespace(quote) in article
        for key in ("series", "place", "planned_by", "about"):
            value = fact.fields.get(key)
            if value and value not in new_ids and base.get(value) is None:
                result.invented.append(f"{fact.id}.{key}={value}")
        for p in fact.fields.get("participants", []):
            if p.get("official") and p["official"] not in new_ids and base.get(p["official"]) is None:
                result.invented.append(f"{fact.id}.participant={p['official']}")
        if fact.fields.get("round") is not None and str(fact.fields["round"]) not in folded.split():
            ordinal_words = {1: "nhat", 2: "hai", 3: "ba", 4: "tu", 5: "nam"}
            if ordinal_words.get(fact.fields["round"]) not in folded.split():
                result.invented.append(f"{fact.id}.round={fact.fields['round']}")
        date = fact.fields.get("date")
        if date and str(date)[:4] not in text:
            result.invented.append(f"{fact.id}.date={date}")
        for key in ("name", "name_vi"):
            named = key in fact.fields and fact.kind in ("official", "place", "series", "agreement")
            if named and fold(str(fact.fields[key])) not in folded:
                result.invented.append(f"{fact.id}.{key}")
    for update in draft.positions:
        result.quotes += 1
        result.quotes_verbatim += collapse_whitespace(str(update.position["quote"])) in article


def _validate(draft: Draft, base: Knowledge, seed: str, text: str, result: SeedScore) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "seeds").mkdir()
        for name, seed_text in base.seeds.items():
            (root / "seeds" / name).write_text(seed_text, encoding="utf-8")
        kdir = root / "knowledge"
        kdir.mkdir()
        dumped = [f.model_dump(mode="json", exclude_defaults=True) for f in base.facts]
        for item, fact in zip(dumped, base.facts, strict=True):
            item["kind"] = fact.kind
        (kdir / "base.yaml").write_text(
            yaml.safe_dump({"facts": dumped}, allow_unicode=True), encoding="utf-8"
        )
        rendered = render_yaml(draft)
        draft_file = kdir / "draft.yaml"
        draft_file.write_text(rendered, encoding="utf-8")
        lines = rendered.splitlines()
        problems = load_knowledge(kdir, root / "seeds").problems
        for problem in problems:
            if Path(problem.file).name != "draft.yaml":
                continue
            result.problems += 1
            line = lines[problem.line - 1] if 0 < problem.line <= len(lines) else ""
            if "# CHECK:" not in line:
                result.problems_unmarked += 1
                result.wrong.append(f"unmarked problem: {problem}")


def _pct(n: int, d: int) -> str:
    return "  n/a" if d == 0 else f"{100 * n / d:4.0f}%"


def run_draft_benchmark(settings: Settings, verbose: bool = False) -> list[SeedScore]:
    loaded = load_knowledge(settings.knowledge_dir, settings.seeds_dir)
    if loaded.knowledge is None:
        raise SystemExit("the fact base does not validate: " + "; ".join(map(str, loaded.problems[:3])))
    knowledge = loaded.knowledge
    scores = [score_seed(knowledge, seed, text) for seed, text in sorted(knowledge.seeds.items())]
    print("Draft benchmark: leave one article out (the seed's facts removed from the base, then drafted)")
    header = (
        f"{'seed':<26} {'curated':>7} {'drafted':>7} {'found':>5} {'recall':>6} {'precis.':>7} "
        f"{'fields':>9} {'right':>5} {'invented':>8} {'verbatim':>8} {'problems (unmarked)':>19}"
    )
    print(header)
    print("-" * len(header))
    total = SeedScore("overall")
    for s in scores:
        _row(s)
        total.curated += s.curated
        total.out_of_scope += s.out_of_scope
        total.drafted += s.drafted
        total.matched += s.matched
        total.fields += s.fields
        total.fields_right += s.fields_right
        total.invented += s.invented
        total.quotes += s.quotes
        total.quotes_verbatim += s.quotes_verbatim
        total.problems += s.problems
        total.problems_unmarked += s.problems_unmarked
        for key, (right, count) in s.by_field.items():
            tally = total.by_field.setdefault(key, [0, 0])
            tally[0] += right
            tally[1] += count
    print("-" * len(header))
    _row(total)
    order = ["series", "round", "date", "precision", "place", "participant"]
    print(
        "Fields right by field (events found): "
        + ", ".join(
            f"{k} {total.by_field[k][0]}/{total.by_field[k][1]}" for k in order if k in total.by_field
        )
    )
    print(
        f"Curated events of kinds the drafter does not draft (founding, election, …): {total.out_of_scope}, "
        "not counted."
    )
    if verbose:
        for s in scores:
            print(f"\n{s.seed}")
            for label, items in (
                ("missed", s.misses),
                ("extra", s.extras),
                ("wrong", s.wrong),
                ("invented", s.invented),
            ):
                for item in items:
                    print(f"  {label}: {item}")
    return scores


def _row(s: SeedScore) -> None:
    recall, precision = _pct(s.matched, s.curated), _pct(s.matched, s.drafted)
    right, verbatim = _pct(s.fields_right, s.fields), _pct(s.quotes_verbatim, s.quotes)
    print(
        f"{s.seed:<26} {s.curated:>7} {s.drafted:>7} {s.matched:>5} {recall:>6} {precision:>7} "
        f"{s.fields_right:>4}/{s.fields:<4} {right:>5} {len(s.invented):>8} {verbatim:>8} "
        f"{s.problems:>12} ({s.problems_unmarked})"
    )

"""A synthetic fact base of any size, for benchmarks: random officials, series, rounds and dates.

It is written to disk as ordinary YAML with its own generated seed articles,
so loading it exercises the real loader and validator end to end.
"""

from __future__ import annotations

import random
from pathlib import Path

import yaml

SYLLABLES = [
    "an",
    "bao",
    "chan",
    "dao",
    "giang",
    "hai",
    "khanh",
    "lam",
    "minh",
    "ngoc",
    "phong",
    "quang",
    "son",
    "thanh",
    "tuan",
    "vinh",
    "xuan",
    "yen",
    "kham",
    "sou",
    "vong",
    "phet",
    "sai",
    "lat",
    "boun",
    "mee",
]
SERIES_WORDS = [
    "hợp tác",
    "tham vấn",
    "đối thoại",
    "ủy ban",
    "hội đồng",
    "diễn đàn",
    "nhóm công tác",
    "kỳ họp",
    "kinh tế",
    "văn hóa",
    "giáo dục",
    "năng lượng",
    "giao thông",
    "nông nghiệp",
    "y tế",
    "biên giới",
]
FACTS_PER_SEED = 100


def _name(rng: random.Random) -> str:
    return " ".join(rng.choice(SYLLABLES).capitalize() + rng.choice(SYLLABLES) for _ in range(3))


def write_synthetic_base(target: Path, facts: int = 50_000, seed: int = 7) -> Path:
    """Write knowledge/ and seeds/ under `target` with about `facts` facts; returns the knowledge folder."""
    rng = random.Random(seed)
    knowledge_dir, seeds_dir = target / "knowledge", target / "seeds"
    knowledge_dir.mkdir(parents=True, exist_ok=True)
    seeds_dir.mkdir(parents=True, exist_ok=True)
    n_officials = max(10, facts // 10)
    n_series = max(5, facts // 100)
    n_events = facts - n_officials - n_series
    sentences: list[str] = []
    records: list[dict[str, object]] = []

    def cite(sentence: str) -> tuple[str, str]:
        sentences.append(sentence)
        return f"syn_{(len(sentences) - 1) // FACTS_PER_SEED:05d}.txt", sentence

    officials = []
    for i in range(n_officials):
        name = f"{_name(rng)} {i}"
        country = rng.choice(["VN", "LA"])
        source, quote = cite(f"Ông {name} giữ chức Bộ trưởng số {i} của nước {country}.")
        officials.append(f"official-{i}")
        records.append(
            {
                "kind": "official",
                "id": f"official-{i}",
                "name": name,
                "country": country,
                "source": source,
                "quotes": [quote],
            }
        )
    series_rounds: dict[str, int] = {}
    for i in range(n_series):
        name = f"{rng.choice(SERIES_WORDS).capitalize()} {rng.choice(SERIES_WORDS)} Việt Nam-Lào số {i}"
        source, quote = cite(f"Cơ chế {name} được hai bên duy trì.")
        series_rounds[f"series-{i}"] = 0
        records.append(
            {
                "kind": "series",
                "id": f"series-{i}",
                "name_vi": name,
                "name_en": f"Synthetic series {i}",
                "countries": ["VN", "LA"],
                "source": source,
                "quotes": [quote],
            }
        )
    series_ids = list(series_rounds)
    for i in range(n_events):
        series_id = rng.choice(series_ids)
        series_rounds[series_id] += 1
        number = series_rounds[series_id]
        year, month, day = rng.randint(1990, 2025), rng.randint(1, 12), rng.randint(1, 28)
        chairs = rng.sample(officials, 2)
        source, quote = cite(
            f"Ngày {day}/{month}/{year}, hai bên đồng chủ trì phiên {number} của {series_id}."
        )
        records.append(
            {
                "kind": "event",
                "id": f"event-{i}",
                "event_kind": "consultation",
                "series": series_id,
                "round": number,
                "date": f"{year:04d}-{month:02d}-{day:02d}",
                "title_vi": f"Phiên {number} của cơ chế {series_id}",
                "title_en": f"Round {number} of {series_id}",
                "summary_vi": "Hai bên đồng chủ trì.",
                "summary_en": "The two sides co-chaired.",
                "participants": [{"official": c, "role": "co_chair"} for c in chairs],
                "source": source,
                "quotes": [quote],
            }
        )
    for start in range(0, len(sentences), FACTS_PER_SEED):
        chunk = sentences[start : start + FACTS_PER_SEED]
        (seeds_dir / f"syn_{start // FACTS_PER_SEED:05d}.txt").write_text(
            "\n".join(chunk) + "\n", encoding="utf-8"
        )
    by_kind: dict[str, list[dict[str, object]]] = {}
    for record in records:
        by_kind.setdefault(str(record["kind"]), []).append(record)
    for kind, items in by_kind.items():
        (knowledge_dir / f"{kind}.yaml").write_text(
            yaml.dump(
                {"facts": items},
                Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper),
                allow_unicode=True,
                sort_keys=False,
            ),
            encoding="utf-8",
        )
    return knowledge_dir

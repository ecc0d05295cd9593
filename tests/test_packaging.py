"""The distribution: what the wheel holds, its name and console script, and a clear start-up
error when the fact base's folder is missing."""

from __future__ import annotations

import importlib
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DIST_NAME = "vietnam-laos-diplomacy-bot"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel, built in process with the project's own backend (no network, no isolation)."""
    try:
        from hatchling.builders.wheel import WheelBuilder
    except ImportError:
        pytest.skip("the build backend (hatchling) is not installed, and the test builds offline")
    out = tmp_path_factory.mktemp("wheel")
    (built,) = WheelBuilder(str(ROOT)).build(directory=str(out), versions=["standard"])
    return Path(built)


def test_the_wheel_holds_only_the_bot_package_with_its_migrations(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    dist_info = [n for n in names if ".dist-info/" in n]
    package = [n for n in names if n not in dist_info]
    assert package and all(n.startswith("bot/") for n in package), [
        n for n in package if not n.startswith("bot/")
    ]
    for unwanted in ("fake_bot_api", "bench", "synthetic", "tests/", "conftest"):
        assert not [n for n in package if unwanted in n], unwanted
    for needed in (
        "bot/__main__.py",
        "bot/cli/main.py",
        "bot/storage/migrations/env.py",
        "bot/storage/migrations/script.py.mako",
        "bot/storage/migrations/versions/v0001_initial.py",
    ):
        assert needed in package, needed
    # every module of the source package is shipped (nothing is left out by a stray exclude)
    sources = {str(p.relative_to(ROOT)) for p in (ROOT / "bot").rglob("*.py")}
    assert sources <= set(package)


def test_the_distribution_name_and_console_script(wheel: Path) -> None:
    archive = zipfile.ZipFile(wheel)
    info = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
    metadata = archive.read(info).decode()
    assert f"Name: {DIST_NAME}\n" in metadata
    entry_points = archive.read(info.replace("METADATA", "entry_points.txt")).decode()
    assert "vnlao-bot = bot.cli.main:main" in entry_points
    module, _, function = "bot.cli.main:main".partition(":")
    assert callable(getattr(importlib.import_module(module), function))


@pytest.mark.parametrize(
    "arguments",
    [
        [],
        ["run"],
        ["ask", "hello"],
        ["eval"],
        ["facts"],
        ["knowledge", "validate"],
        ["knowledge", "uncovered"],
        ["anniversaries", "--date", "2027-07-18"],
    ],
)
def test_a_missing_knowledge_dir_is_one_clear_error(tmp_path: Path, arguments: list[str]) -> None:
    missing = tmp_path / "no-such-knowledge"
    env = {
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": str(ROOT),
        "KNOWLEDGE_DIR": str(missing),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'bot.sqlite3'}",
        "CACHE_DIR": "",
    }
    done = subprocess.run(
        [sys.executable, "-m", "bot", *arguments],
        input="",
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=60,
    )
    assert done.returncode == 2, done.stderr
    assert "KNOWLEDGE_DIR" in done.stderr and str(missing) in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "bot.sqlite3").exists()  # nothing was started

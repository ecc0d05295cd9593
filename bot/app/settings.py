"""The one settings object, read from the environment and an optional `.env` file.

A bad value fails fast with a message naming the variable; the token is a
`SecretStr`, so it never shows in a repr, a log line or an error.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


def _project_root() -> Path:
    """The checkout this package runs from (editable install or `python -m bot` in the repo), else the
    current directory: an installed wheel finds `knowledge/` and `data/` where it is started, or
    wherever KNOWLEDGE_DIR and DATABASE_URL point."""
    checkout = Path(__file__).resolve().parents[2]
    return checkout if (checkout / "pyproject.toml").is_file() else Path.cwd()


PROJECT_ROOT = _project_root()


class SettingsError(Exception):
    """A configuration value is missing or malformed; the message says which and why."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    telegram_bot_token: SecretStr | None = None
    telegram_api_base_url: str | None = Field(
        default=None, description="self-hosted Bot API server, e.g. http://127.0.0.1:8081/bot"
    )
    admin_user_ids: Annotated[frozenset[int], NoDecode] = frozenset()
    database_url: str = f"sqlite:///{PROJECT_ROOT / 'data' / 'bot.sqlite3'}"
    knowledge_dir: Path = PROJECT_ROOT / "knowledge"
    seeds_dir: Path | None = None
    gold_file: Path | None = Field(
        default=None,
        description="the reload gate's questions; default: checks/questions.yaml in KNOWLEDGE_DIR",
    )
    cache_dir: Path | None = Field(
        default=PROJECT_ROOT / "data" / "cache", description="parsed-YAML cache; empty to disable"
    )
    timezone: str = "Asia/Ho_Chi_Minh"
    daily_post_time: dt.time = dt.time(8, 0)
    # minutes a conversation stays open for follow-up questions ("ai đồng chủ trì?") after its last turn
    context_ttl_minutes: int = Field(default=15, ge=1, le=24 * 60)
    webhook_url: str | None = None
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = Field(default=8443, ge=1, le=65535)
    webhook_secret: SecretStr | None = None
    log_level: str = "INFO"
    inbox_max_age: float = Field(
        default=600.0, gt=0, description="seconds; an update older than this is not replayed after a crash"
    )
    conflict_exit_after: float = Field(
        default=60.0, gt=0, description="seconds of 409 Conflict (another poller) before exiting"
    )
    knowledge_sync_interval: float = Field(
        default=30.0, ge=0, description="seconds between checks for a switch made by another instance"
    )
    anniversary_claim_lease: float = Field(
        default=600.0, gt=0, description="seconds before a dead sender's anniversary post is taken over"
    )

    @field_validator(
        "telegram_bot_token",
        "webhook_secret",
        "telegram_api_base_url",
        "webhook_url",
        "cache_dir",
        "gold_file",
        mode="before",
    )
    @classmethod
    def _blank_is_unset(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("admin_user_ids", mode="before")
    @classmethod
    def _parse_ids(cls, value: object) -> object:
        if isinstance(value, str):
            parts = [p.strip() for p in value.split(",") if p.strip()]
            bad = [p for p in parts if not p.lstrip("-").isdigit()]
            if bad:
                raise ValueError(
                    f"must be comma-separated numeric Telegram user ids; not numeric: {', '.join(bad)}"
                )
            return frozenset(int(p) for p in parts)
        if isinstance(value, int):
            return frozenset({value})
        return value

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(
                f"unknown time zone {value!r} (use an IANA name such as Asia/Ho_Chi_Minh)"
            ) from None
        return value

    @field_validator("log_level")
    @classmethod
    def _level(cls, value: str) -> str:
        level = value.upper()
        if level not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise ValueError("must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL")
        return level

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def checks_file(self) -> Path:
        """The question set a `/reload` must not do worse on (shipped with the base)."""
        return (
            self.gold_file if self.gold_file is not None else self.knowledge_dir / "checks" / "questions.yaml"
        )

    @property
    def resolved_seeds_dir(self) -> Path:
        return self.seeds_dir if self.seeds_dir is not None else self.knowledge_dir.parent / "seeds"

    def is_admin(self, user_id: int | None) -> bool:
        return user_id is not None and user_id in self.admin_user_ids


def load_settings(**overrides: object) -> Settings:
    """Read settings, turning pydantic's error into one readable message per bad variable."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        lines = []
        for error in exc.errors():
            field = str(error["loc"][0]) if error["loc"] else "?"
            message = error["msg"].removeprefix("Value error, ")
            value = error.get("input")
            if field not in _SECRET_FIELDS and isinstance(value, str) and repr(value) not in message:
                message += f" (got {_shorten(value)!r})"
            lines.append(f"{field.upper()}: {message}")
        raise SettingsError("invalid configuration:\n  " + "\n  ".join(lines)) from None
    except UnicodeDecodeError as exc:
        # pydantic-settings reads .env as UTF-8; a file saved in another encoding must not be a traceback
        raise SettingsError(
            f"invalid configuration: .env in {Path.cwd()} is not UTF-8 text "
            f"({exc.reason} at byte {exc.start}); save it as UTF-8"
        ) from None
    except OSError as exc:
        raise SettingsError(
            f"invalid configuration: cannot read .env ({exc.strerror or exc}: {exc.filename or '.env'})"
        ) from None


# Never echoed in an error: the token, the webhook secret, and a database URL that may hold a password.
_SECRET_FIELDS = frozenset({"telegram_bot_token", "webhook_secret", "database_url"})


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"

"""The fact schema: pydantic models for every kind of fact in `knowledge/`.

A fact is the unit a curator writes and the engine answers from. Every fact
cites its seed (`source`) and one or more verbatim `quotes`; background facts
(public anniversaries from outside the seeds) carry `references` instead.
Unknown fields are errors so that a typo in a key never silently drops data.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

FactId = Annotated[
    str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=60)
]  # fits Telegram callback data (64 bytes) with a prefix


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Precision(StrEnum):
    DAY = "day"
    DAY_RANGE = "day_range"
    MONTH = "month"
    YEAR = "year"


_DATE_RE = re.compile(
    r"^(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2})(?:/(?P<y2>\d{4})-(?P<m2>\d{2})-(?P<d2>\d{2}))?)?)?$"
)
# "vào cuối năm 2015": a part of a year, as the source gives it (`2015-late`), said as such
_YEAR_PART_RE = re.compile(r"^(?P<y>\d{4})-(?P<part>early|mid|late)$")
YearPart = Literal["early", "mid", "late"]
# the months each part spans: a late-2015 plan sorts after July 2015 and is no answer for March
_YEAR_PARTS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}


class FuzzyDate(BaseModel):
    """A date at the precision its source gives: `2021-12-28`, `2021-12-28/2021-12-29`, `2021-12`, `2021`,
    or a part of a year (`2015-late`, "cuối năm 2015"), said as such and spanning its months."""

    model_config = ConfigDict(frozen=True)

    text: str
    precision: Precision
    start: dt.date
    end: dt.date
    part: YearPart | None = None

    @classmethod
    def parse(cls, text: str) -> FuzzyDate:
        return cls.model_validate(_date_fields(text))

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: object) -> object:
        if isinstance(value, int):
            value = str(value)
        if isinstance(value, dt.date):
            value = value.isoformat()
        if isinstance(value, str):
            return _date_fields(value)
        return value

    @property
    def has_day(self) -> bool:
        return self.precision in (Precision.DAY, Precision.DAY_RANGE)

    def holds(self, other: FuzzyDate) -> bool:
        """The other date lies wholly within this one (a meeting within a visit's days)."""
        return self.start <= other.start and other.end <= self.end

    def __str__(self) -> str:
        return self.text


def _date_fields(text: str) -> dict[str, object]:
    part = _YEAR_PART_RE.match(text.strip())
    if part is not None:
        year = int(part["y"])
        first, last = _YEAR_PARTS[part["part"]]
        return {
            "text": text,
            "precision": Precision.YEAR,
            "start": dt.date(year, first, 1),
            "end": dt.date(year, last, calendar.monthrange(year, last)[1]),
            "part": part["part"],
        }
    match = _DATE_RE.match(text.strip())
    if not match:
        raise ValueError(
            f"date {text!r} is not YYYY, YYYY-early/mid/late, YYYY-MM, YYYY-MM-DD or YYYY-MM-DD/YYYY-MM-DD"
        )
    year = int(match["y"])
    if match["m"] is None:
        return {
            "text": text,
            "precision": Precision.YEAR,
            "start": dt.date(year, 1, 1),
            "end": dt.date(year, 12, 31),
        }
    month = int(match["m"])
    if not 1 <= month <= 12:
        raise ValueError(f"date {text!r} has no month {month}")
    if match["d"] is None:
        last = calendar.monthrange(year, month)[1]
        return {
            "text": text,
            "precision": Precision.MONTH,
            "start": dt.date(year, month, 1),
            "end": dt.date(year, month, last),
        }
    try:
        start = dt.date(year, month, int(match["d"]))
        if match["y2"] is None:
            return {"text": text, "precision": Precision.DAY, "start": start, "end": start}
        end = dt.date(int(match["y2"]), int(match["m2"]), int(match["d2"]))
    except ValueError as exc:
        raise ValueError(f"date {text!r} is not a real date ({exc})") from None
    if end <= start:
        raise ValueError(f"date range {text!r} does not end after it starts")
    return {"text": text, "precision": Precision.DAY_RANGE, "start": start, "end": end}


class BiText(Strict):
    """One statement in Vietnamese and in our English translation."""

    vi: str = Field(min_length=1)
    en: str = Field(min_length=1)


def _known_country(code: str) -> str:
    from bot.nlu.lexicon import COUNTRY_DATA  # countries are language data, not code

    if code != OTHER_COUNTRY and code not in COUNTRY_DATA:
        raise ValueError(
            f"unknown country code {code!r}: use an ISO 3166-1 alpha-2 code listed in "
            "bot/nlu/data/countries.yaml (add the country there), or OTHER"
        )
    return code


OTHER_COUNTRY = "OTHER"
Country = Annotated[str, AfterValidator(_known_country)]


class Sourced(Strict):
    """Fields every sourced fact shares."""

    id: FactId
    source: str | None = Field(
        default=None, description="seed file name under seeds/; null only for background facts"
    )
    quotes: list[str] = Field(
        default_factory=list, description="verbatim from the seed, whitespace-insensitive"
    )
    background: bool = False
    references: list[str] = Field(
        default_factory=list, description="public references, background facts only"
    )
    note: str | None = None

    @model_validator(mode="after")
    def _sourced(self) -> Sourced:
        if self.background:
            if not self.references:
                raise ValueError("a background fact needs at least one public reference")
            if self.source is not None:
                raise ValueError("a background fact has no seed source")
        else:
            if not self.source:
                raise ValueError("a fact needs `source` (its seed file)")
            if not self.quotes:
                raise ValueError("a fact needs at least one verbatim quote")
        return self


class Position(Strict):
    """A post an official holds *as of* a dated article, never forever."""

    title_vi: str
    title_en: str
    country: Country
    as_of: FuzzyDate | None = None
    as_of_event: FactId | None = None
    source: str
    quote: str


class Official(Sourced):
    kind: Literal["official"] = "official"
    name: str = Field(description="canonical spelling as in the seed")
    aliases: list[str] = Field(
        default_factory=list, description="other spellings and name orders the seeds use"
    )
    country: Country
    positions: list[Position] = Field(default_factory=list)


class Series(Sourced):
    """A recurring mechanism whose meetings are numbered in rounds."""

    kind: Literal["series"] = "series"
    name_vi: str
    name_en: str
    aliases: list[str] = Field(default_factory=list)
    countries: list[Country]
    level_vi: str | None = None
    level_en: str | None = None

    @property
    def bilateral(self) -> bool:
        """Between two countries only, as the articles give it (no others among its members)."""
        return len(self.countries) == 2 and OTHER_COUNTRY not in self.countries


class PlaceKind(StrEnum):
    COUNTRY = "country"
    CITY = "city"
    VENUE = "venue"
    BORDER_GATE = "border_gate"
    PORT = "port"


class Place(Sourced):
    kind: Literal["place"] = "place"
    place_kind: PlaceKind
    name_vi: str
    name_en: str
    aliases: list[str] = Field(default_factory=list)
    within: FactId | None = Field(
        default=None, description="the place this one lies in, when the seed says so"
    )
    country: Country | None = None


class Role(StrEnum):
    CO_CHAIR = "co_chair"
    HOST = "host"
    GUEST = "guest"
    RECEIVER = "receiver"
    RECEIVED = "received"
    LEADER = "leader"
    ATTENDEE = "attendee"
    CONGRATULATED = "congratulated"


class Participant(Strict):
    official: FactId | None = None
    label_vi: str | None = Field(default=None, description="who, when the seed names no person")
    label_en: str | None = None
    role: Role

    @model_validator(mode="after")
    def _someone(self) -> Participant:
        if self.official is None and not (self.label_vi and self.label_en):
            raise ValueError("a participant needs `official` or both `label_vi` and `label_en`")
        return self


class EventKind(StrEnum):
    CONSULTATION = "consultation"
    VISIT = "visit"
    MEETING = "meeting"
    RECEPTION = "reception"
    COMMITTEE_SESSION = "committee_session"
    CONFERENCE = "conference"
    ELECTION = "election"
    FOUNDING = "founding"
    SIGNING = "signing"
    ESTABLISHMENT = "establishment"
    CHAIRMANSHIP = "chairmanship"
    OTHER = "other"


class Status(StrEnum):
    HELD = "held"
    PLANNED = "planned"


class Event(Sourced):
    kind: Literal["event"] = "event"
    event_kind: EventKind
    status: Status = Status.HELD
    series: FactId | None = None
    round: int | None = Field(default=None, ge=1)
    date: FuzzyDate | None = None
    date_inferred: bool = False
    date_note: str | None = Field(
        default=None, description="how an inferred or vague date was read from the seed"
    )
    place: FactId | None = None
    participants: list[Participant] = Field(default_factory=list)
    title_vi: str
    title_en: str
    summary_vi: str
    summary_en: str
    discussed: list[BiText] = Field(default_factory=list)
    agreed: list[BiText] = Field(default_factory=list)
    related: list[FactId] = Field(default_factory=list)
    planned_by: FactId | None = Field(
        default=None, description="the event at which a planned event was agreed"
    )

    @model_validator(mode="after")
    def _consistent(self) -> Event:
        if self.round is not None and self.series is None:
            raise ValueError("a round belongs to a series: set `series`")
        if self.date_inferred and not self.date_note:
            raise ValueError("an inferred date needs `date_note` saying how it was inferred")
        return self


class AgreementKind(StrEnum):
    AGREEMENT = "agreement"
    TREATY = "treaty"
    PROGRAMME = "programme"
    MOU = "mou"
    PROJECT = "project"
    CONVENTION = "convention"


class Agreement(Sourced):
    kind: Literal["agreement"] = "agreement"
    agreement_kind: AgreementKind
    name_vi: str
    name_en: str
    aliases: list[str] = Field(default_factory=list)
    parties_vi: str
    parties_en: str
    signed: FuzzyDate | None = None
    period_start: int | None = None
    period_end: int | None = None
    summary_vi: str
    summary_en: str
    related: list[FactId] = Field(default_factory=list)

    @model_validator(mode="after")
    def _period(self) -> Agreement:
        if (self.period_start is None) != (self.period_end is None):
            raise ValueError("give both `period_start` and `period_end`, or neither")
        if (
            self.period_start is not None
            and self.period_end is not None
            and self.period_end < self.period_start
        ):
            raise ValueError("`period_end` is before `period_start`")
        return self


class Figure(Sourced):
    kind: Literal["figure"] = "figure"
    name_vi: str
    name_en: str
    value: float
    unit: str
    value_text_vi: str = Field(description="the value as the seed words it, e.g. 'hơn 1,2 tỷ USD'")
    value_text_en: str
    period_vi: str
    period_en: str
    year: int | None = None
    about: FactId | None = None


class StatementKind(StrEnum):
    SUPPORT = "support"
    CHAIRMANSHIP = "chairmanship"
    COMMEMORATION = "commemoration"
    POSITION = "position"
    MILESTONE = "milestone"


class Statement(Sourced):
    """A stance, support, chairmanship or commemorative year the seeds state."""

    kind: Literal["statement"] = "statement"
    statement_kind: StatementKind
    title_vi: str
    title_en: str
    summary_vi: str
    summary_en: str
    year: int | None = None
    period_start: int | None = None
    period_end: int | None = None
    officials: list[FactId] = Field(default_factory=list)
    countries: list[Country] = Field(default_factory=list)
    made_at: FactId | None = Field(default=None, description="the event where it was said")


Fact = Annotated[
    Official | Series | Place | Event | Agreement | Figure | Statement,
    Field(discriminator="kind"),
]

FACT_MODELS: dict[str, type[Sourced]] = {
    "official": Official,
    "series": Series,
    "place": Place,
    "event": Event,
    "agreement": Agreement,
    "figure": Figure,
    "statement": Statement,
}


class FactFile(Strict):
    """One YAML file of the base: a top-level `facts:` list."""

    facts: list[Fact]

    @field_validator("facts", mode="before")
    @classmethod
    def _list(cls, value: object) -> object:
        if value is None:
            return []
        return value

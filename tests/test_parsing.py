"""Reading rounds, dates and language from the way people actually type questions."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.nlu.lexicon import canonical
from bot.nlu.parsing import DateQuery, parse_date, parse_round
from bot.nlu.text import fold
from bot.nlu.understanding import detect_language

TODAY = dt.date(2026, 11, 23)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Tham vấn chính trị lần thứ 8", 8),
        ("tham van chinh tri lan 8", 8),
        ("cuộc họp thứ tám", 8),
        ("lần thứ nhất", 1),
        ("lần đầu tiên hai bên họp", 1),
        ("lần tham khảo chính trị đầu tiên", 1),
        ("Kỳ họp 46 Ủy ban liên Chính phủ", 46),
        ("kỳ họp lần thứ 46", 46),
        ("the 8th consultation", 8),
        ("the eighth round", 8),
        ("the first political consultation", 1),
        ("the thirty-first border meeting", 31),
        ("LẦN THỨ 9", 9),
    ],
)
def test_rounds_in_vietnamese_and_english(question: str, expected: int) -> None:
    assert parse_round(fold(question)) == expected


@pytest.mark.parametrize(
    "question",
    [
        "Thứ trưởng Ngoại giao Lào là ai?",
        "năm 2015 có gì?",
        "ngày 28/12/2021",
        "Who is the minister?",
        "kỳ họp đầu tiên sau dịch",  # the first since something: no round number
    ],
)
def test_words_that_only_look_like_rounds_are_not_rounds(question: str) -> None:
    assert parse_round(fold(question)) is None


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("ngày 28/12 có gì", DateQuery(month=12, day=28)),
        ("28/12/2021", DateQuery(year=2021, month=12, day=28)),
        ("ngày 28 tháng 12", DateQuery(month=12, day=28)),
        ("ngay 28 thang 12 nam 2021", DateQuery(year=2021, month=12, day=28)),
        ("tháng 1/2024", DateQuery(year=2024, month=1)),
        ("tham vấn 12/2021", DateQuery(year=2021, month=12)),
        ("in January-November 2021", DateQuery(year=2021)),  # months of one year: that year
        ("tháng 1-11/2021", DateQuery(year=2021)),
        ("worth in January–November 2021", DateQuery(year=2021)),  # an en dash joins them too
        ("thang 4 nam 2023", DateQuery(year=2023, month=4)),
        ("năm 2015", DateQuery(year=2015)),
        ("20 July 2015", DateQuery(year=2015, month=7, day=20)),
        ("July 20, 2015", DateQuery(year=2015, month=7, day=20)),
        ("in December 2021", DateQuery(year=2021, month=12)),
        ("từ ngày 28-29/12", DateQuery(month=12, day=28, day_end=29)),
        ("giai đoạn 2021-2025", DateQuery(year=2021, year_end=2025)),
        ("từ 2021 tới 2023", DateQuery(year=2021, year_end=2023)),
        ("from 2021 through 2023", DateQuery(year=2021, year_end=2023)),
    ],
)
def test_dates_keep_the_precision_the_question_gives(question: str, expected: DateQuery) -> None:
    assert parse_date(question, TODAY) == expected


def test_today_is_read_against_the_injected_clock() -> None:
    assert parse_date("Hôm nay có sự kiện gì?", TODAY) == DateQuery(month=11, day=23, relative=True)
    assert parse_date("What happened today?", dt.date(2027, 9, 5)) == DateQuery(month=9, day=5, relative=True)


def test_impossible_dates_are_not_read() -> None:
    assert parse_date("ngày 30/2", TODAY) is None
    assert parse_date("ngày 12/13/2021", TODAY) is None


def test_29_february_without_a_year_is_a_real_date() -> None:
    assert parse_date("29/2", TODAY) == DateQuery(month=2, day=29)


def test_a_date_query_matches_events_at_its_precision() -> None:
    visit = (dt.date(2021, 12, 28), dt.date(2021, 12, 29))
    assert DateQuery(year=2021, month=12, day=29).matches(*visit)
    assert DateQuery(month=12, day=28).matches(*visit)
    assert DateQuery(year=2021).matches(*visit)
    assert not DateQuery(year=2022).matches(*visit)
    assert not DateQuery(year=2021, month=11).matches(*visit)


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("Tham vấn chính trị lần thứ 8 diễn ra khi nào?", "vi"),
        ("tham van chinh tri lan 8 dien ra khi nao", "vi"),
        ("Saleumxay Kommasith la ai", "vi"),
        # everyday words typed without marks, against an English-looking "a" at the end
        ("hiep dinh tim kiem cuu nan tren bien ky roi a?", "vi"),
        ("what's Dinh Xuan Viet's job these days", "en"),  # a name's syllables are no Vietnamese words
        ("When was the 8th political consultation?", "en"),
        ("Who is Saleumxay Kommasith?", "en"),
    ],
)
def test_language_of_short_questions(question: str, lang: str) -> None:
    assert detect_language(question) == lang


def test_english_and_vietnamese_wordings_meet_on_one_form() -> None:
    assert canonical(fold("deputy foreign minister")) == canonical(fold("Thứ trưởng Ngoại giao"))
    assert canonical(fold("the Lao Prime Minister")) == "the lao thu tuong"
    assert canonical(fold("Tham khảo chính trị")) == "tham van chinh tri"


def test_folding_removes_tone_marks_either_way_and_d_stroke() -> None:
    assert fold("hoà") == fold("hòa") == "hoa"
    assert fold("Đỗ Hùng Việt") == "do hung viet"


def test_a_share_or_an_amount_is_no_date() -> None:
    # "9.2%" reads like 9 February written with a dot, "$21.5bn" like 21 May
    assert parse_date("Was bilateral trade in 2022 up 9.2% year on year?") == DateQuery(year=2022)
    assert parse_date("Trade grew to $21.5bn, what was it in 2021?") == DateQuery(year=2021)
    assert parse_date("kim ngạch 1,2 tỷ USD năm 2021") == DateQuery(year=2021)
    assert parse_date("Kim ngạch tăng 9,2 % so với 28.1?") == DateQuery(month=1, day=28)


def test_a_year_named_apart_from_the_day_is_the_days_year() -> None:
    assert parse_date("lần 8 năm 2021 diễn ra ngày 28 hay 29/12") == DateQuery(year=2021, month=12, day=29)
    assert parse_date("ngày 29/12, giữa năm 2021 và 2023") == DateQuery(
        month=12, day=29
    )  # two years: neither


def test_the_marks_of_a_word_are_told_letter_by_letter() -> None:
    from bot.nlu.text import marks_of

    assert marks_of("nôi") < marks_of("nội")  # a mark left out
    assert not marks_of("nói") <= marks_of("nội")  # another word
    assert marks_of("do") < marks_of("đô")


def test_the_first_of_a_kind_named_at_length_is_round_one() -> None:
    assert (
        parse_round("cuoc hop tham khao chinh tri cap thu truong viet nam lao dau tien dien ra khi nao") == 1
    )
    # the first since something is no round number
    assert parse_round("ky hop uy ban hon hop dau tien sau dich la ky thu may") != 1


def test_the_words_rounds_and_spans_are_counted_in_come_from_the_language_data() -> None:
    """`words.yaml` holds every spelt-out number and round noun: a curator adding one adds a reading."""
    from bot.nlu.lexicon import NUMBERS, ROUNDS, YEAR_RANGE_JOINERS

    for word, value in NUMBERS.vi.items():
        assert parse_round(f"lan thu {word}") == value
    for word, value in NUMBERS.en_ordinals.items():
        assert parse_round(f"the {word} {ROUNDS.en_event_nouns[0]}") == value
    for noun in ROUNDS.vi_nouns:
        assert parse_round(f"{noun} 12") == 12
    for joiner in YEAR_RANGE_JOINERS:
        assert parse_date(f"2021 {joiner} 2025") == DateQuery(year=2021, year_end=2025)


def test_a_relative_clause_is_cut_between_its_marker_and_the_copula() -> None:
    from bot.answering.relative import without_clause

    assert without_clause("Công ước Luật biển mà hai thứ trưởng nhắc tới là năm nào?") == (
        "Công ước Luật biển là năm nào?"
    )
    # no name before the marker, no copula after it, or nothing asked after the copula: no clause
    assert without_clause("mà hai bên ký là gì?") is None
    assert without_clause("Bản ghi nhớ mà hai bên ký năm 2023") is None
    assert without_clause("Hai bên ký gì mà có") is None

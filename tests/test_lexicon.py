"""The language data: validated when it loads, so a curator's slip is an error, not lost words."""

from __future__ import annotations

import pytest
import yaml
from pydantic import ValidationError

from bot.answering.engine import Engine
from bot.nlu.lexicon import COUNTRY_DATA, EVENT_KIND_CUES, SYNONYMS, Country, _StringLoader, canonical
from bot.nlu.understanding import analyze, tail_first


def test_a_key_written_twice_is_an_error_not_a_silent_overwrite() -> None:
    with pytest.raises(yaml.YAMLError, match="written twice"):
        yaml.load("synonyms:\n  thu tuong: [prime minister]\n  thu tuong: [ttg]\n", Loader=_StringLoader)


def test_words_like_on_and_no_stay_words() -> None:
    assert yaml.load("words: [on, no, yes]", Loader=_StringLoader) == {"words": ["on", "no", "yes"]}


def test_english_and_chat_forms_meet_the_vietnamese_one() -> None:
    assert canonical("who is the prime minister of laos") == "who is the thu tuong of lao"
    assert canonical("ptt minh tiep ai") == "pho thu tuong minh tiep ai"
    assert SYNONYMS[("ko",)] == "khong"


def test_countries_carry_iso_codes_and_names_in_both_languages() -> None:
    assert all(len(code) == 2 and country.vi and country.en for code, country in COUNTRY_DATA.items())


def test_an_everyday_phrase_not_naming_its_country_must_hold_one_of_its_words() -> None:
    with pytest.raises(ValidationError, match="holds none of its match words"):
        Country(code="TH", vi="Thái Lan", en="Thailand", match=["thai"], not_in=["thai do", "my thuat"])


def test_an_everyday_phrase_or_a_place_s_name_names_no_country(engine: Engine) -> None:
    # "thái độ" is an attitude, "Lao Bảo" a border gate: neither Thailand nor Laos
    attitude = engine.answer("Lao lam chu tich ASEAN nam 2016 thi Viet Nam the hien thai do the nao")
    assert attitude.facts[0] == "vn-support-laos-asean-chair-2016"
    gate = engine.answer("Hội nghị tổng kết mô hình một cửa, một lần dừng ở Lao Bảo do ai chủ trì thế?")
    assert gate.facts[0] == "one-stop-model-review-conference-2021-12-29" and "Saleumxay" in gate.text


@pytest.mark.parametrize(
    ("phrase", "code"),
    [("giải quyết bằng biện pháp hòa bình", "FR"), ("hợp tác lao động", "LA"), ("ký ức chiến tranh", "AU")],
)
def test_a_common_word_holding_a_countrys_name_names_no_country(
    engine: Engine, phrase: str, code: str
) -> None:
    # "biện pháp" is a measure, not France; "lao động" is labour, not Laos
    assert code not in analyze(phrase, engine.index).countries


def test_an_everyday_word_holding_a_kinds_cue_names_no_event() -> None:
    # "tiếp" is to receive a guest; "tiếp tục" is to continue
    assert EVENT_KIND_CUES["reception"].search("bo truong tiep dai su")
    assert not EVENT_KIND_CUES["reception"].search("hai ben tiep tuc day manh hop tac")


@pytest.mark.parametrize(
    ("name", "turned"),
    [
        ("Joint Committee on the Maritime Boundary", "Joint Maritime Boundary Committee"),
        ("Commission for Economic Cooperation", "Economic Cooperation Commission"),
        ("Ủy ban Liên hợp về biên giới biển", None),  # a Vietnamese name is said one way
        ("Border Delegation Meeting", None),  # no link word
    ],
)
def test_an_english_name_is_also_read_tail_first(name: str, turned: str | None) -> None:
    # "the maritime boundary committee" names the "Joint Committee on the Maritime Boundary"
    assert tail_first(name) == turned


def test_chat_short_forms_are_spelt_out_before_the_question_is_read() -> None:
    from bot.nlu.lexicon import spell_out

    assert spell_out("how many yrs since the 50th anniv") == "how many years since the 50th anniversary"
    # a count with its unit's letter glued on; a round's noun glued before its number
    assert spell_out("kim ngach 11t dau 2021") == "kim ngach 11 thang dau 2021"
    assert spell_out("trade in the first 11m") == "trade in the first 11 months"
    assert spell_out("kh5") == "ky hop 5"


def test_english_initials_of_posts_and_bodies_read_as_their_names() -> None:
    from bot.nlu.lexicon import canonical

    assert canonical("dfm") == canonical("deputy foreign minister")
    assert canonical("dpm") == canonical("deputy prime minister")
    assert canonical("igc") == canonical("intergovernmental committee")


def test_receiving_guests_is_a_reception() -> None:
    from bot.nlu.lexicon import canonical

    assert canonical("cac cuoc tiep khach") == "cac cuoc tiep"

"""The language data: validated when it loads, so a curator's slip is an error, not lost words."""

from __future__ import annotations

import pytest
import yaml

from bot.nlu.lexicon import COUNTRY_DATA, SYNONYMS, _StringLoader, canonical


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

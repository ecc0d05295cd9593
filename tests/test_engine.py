"""What a user sees when they ask the engine: answers with sources, questions back, honest abstentions."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.answering.answers import Status
from bot.answering.engine import Engine
from bot.kb.facts import Official
from bot.kb.knowledge import Knowledge
from bot.nlu.lexicon import Intent
from bot.nlu.understanding import analyze

ROOT = Path(__file__).resolve().parent.parent


def test_an_answer_names_its_source_seed_and_quotes_it_verbatim(engine: Engine) -> None:
    answer = engine.answer("Tham vấn chính trị cấp Bộ trưởng Ngoại giao lần thứ 8 diễn ra ở đâu?")
    assert answer.status is Status.ANSWERED
    assert answer.facts[0] == "fm-political-consultation-8"
    assert "Nhà khách Chính phủ" in answer.text
    assert "000_adb607e503942bc6.txt" in answer.text
    seed = (ROOT / "seeds" / "000_adb607e503942bc6.txt").read_text(encoding="utf-8")
    assert answer.sources and all(" ".join(s.quote.split()) in " ".join(seed.split()) for s in answer.sources)


def test_the_same_question_without_diacritics_and_in_english_finds_the_same_fact(engine: Engine) -> None:
    variants = [
        "Tham vấn chính trị cấp Bộ trưởng lần thứ 8 diễn ra ở đâu?",
        "tham van chinh tri cap bo truong lan thu 8 dien ra o dau",
        "Where was the 8th foreign-minister-level political consultation held?",
    ]
    answers = [engine.answer(q) for q in variants]
    assert {a.facts[0] for a in answers} == {"fm-political-consultation-8"}
    assert [a.lang for a in answers] == ["vi", "vi", "en"]
    assert "Government Guesthouse" in answers[2].text  # English sentences, English place name


def test_vietnamese_answers_keep_diacritics_even_when_the_question_has_none(engine: Engine) -> None:
    answer = engine.answer("ai dong chu tri tham khao chinh tri lan thu nhat")
    assert answer.status is Status.ANSWERED
    assert "Lê Hoài Trung" in answer.text and "Alounkeo Kittikhoun" in answer.text


def test_a_round_two_series_share_is_asked_back_not_guessed(engine: Engine) -> None:
    answer = engine.answer("cuộc họp lần thứ 8 diễn ra khi nào?")
    assert answer.status is Status.AMBIGUOUS
    assert {c.fact_id for c in answer.candidates} == {
        "fm-political-consultation-8",
        "deputy-fm-political-consultation-8",
    }
    assert all(c.label for c in answer.candidates)


def test_naming_the_level_settles_the_round(engine: Engine) -> None:
    deputy = engine.answer("When was the 8th deputy foreign minister political consultation?")
    minister = engine.answer("tham vấn chính trị cấp bộ trưởng lần 8 khi nào")
    assert deputy.facts[0] == "deputy-fm-political-consultation-8"
    assert minister.facts[0] == "fm-political-consultation-8"


@pytest.mark.parametrize(
    "question",
    [
        "Tham vấn chính trị cấp Bộ trưởng lần thứ 12 diễn ra khi nào?",
        "the 5th deputy foreign minister political consultation",
        "Tham vấn chính trị cấp Bộ trưởng lần thứ 8 năm 2019",
        "Ngày 1/1/2020 có sự kiện gì?",
    ],
)
def test_a_round_year_or_date_the_base_lacks_is_not_found_never_a_neighbour(
    engine: Engine, question: str
) -> None:
    answer = engine.answer(question)
    assert answer.status is Status.NOT_FOUND
    assert answer.facts == ()


@pytest.mark.parametrize(
    "question",
    [
        "Who is the Prime Minister of Thailand?",
        "Bộ trưởng Ngoại giao Trung Quốc là ai?",
        "Bùi Thanh Sơn sinh năm nào?",
        "Who is Nguyen Van Thanh?",
        "Thủ tướng Lào bao nhiêu tuổi?",
        "xin chào",
        "What is the weather in Vientiane?",
    ],
)
def test_out_of_scope_questions_abstain_and_suggest_questions_it_can_answer(
    engine: Engine, question: str
) -> None:
    answer = engine.answer(question)
    assert answer.status is Status.NOT_FOUND
    assert len(answer.examples) >= 2
    assert all(engine.answer(example).status is Status.ANSWERED for example in answer.examples)


def test_a_misspelt_lao_name_still_finds_the_official(engine: Engine) -> None:
    answer = engine.answer("Saleumxai Komasith la ai?")
    assert answer.facts == ("saleumxay-kommasith",)
    assert "Phó Thủ tướng, Bộ trưởng Ngoại giao Lào" in answer.text


def test_who_holds_a_post_is_answered_as_of_the_articles(engine: Engine) -> None:
    answer = engine.answer("Who is the Prime Minister of Laos?")
    assert answer.facts[0] == "sonexay-siphanhdone"
    assert "Sonexay Siphanhdone" in answer.text


def test_an_inferred_date_says_it_was_inferred(engine: Engine) -> None:
    answer = engine.answer("When did Pham Binh Minh receive Alounkeo Kittikhoun?")
    assert answer.facts[0] == "reception-pham-binh-minh-alounkeo-2015-07-20"
    assert "20 July 2015" in answer.text and "inferred" in answer.text


@pytest.mark.parametrize(
    ("question", "events"),
    [
        (
            "Ngày 28/1/2024 có sự kiện gì?",
            {
                "meeting-bui-thanh-son-saleumxay-2024-01-28",
                "meeting-bui-thanh-son-sok-chenda-sophea-2024-01-28",
            },
        ),
        # what was "scheduled" for a day is whatever took place that day, asked back of no one
        (
            "what was scheduled for 29 December 2021?",
            {"border-delegation-meeting-31", "one-stop-model-review-conference-2021-12-29"},
        ),
    ],
)
def test_what_happened_on_a_day_lists_only_events_known_to_the_day(
    engine: Engine, question: str, events: set[str]
) -> None:
    answer = engine.answer(question)
    assert answer.status is Status.ANSWERED
    assert set(answer.facts) == events


def test_background_anniversaries_cite_their_public_reference(engine: Engine) -> None:
    answer = engine.answer("Quan hệ ngoại giao Việt Nam - Lào được thiết lập khi nào?")
    assert answer.facts[0] == "establishment-diplomatic-relations-1962"
    assert "5/9/1962" in answer.text
    assert answer.sources[0].seed is None and "vietnamplus" in answer.sources[0].quote


def test_answer_fact_describes_a_candidate_and_refuses_an_unknown_id(engine: Engine) -> None:
    assert engine.answer_fact("deputy-fm-political-consultation-8", lang="en").status is Status.ANSWERED
    assert engine.answer_fact("no-such-fact").status is Status.NOT_FOUND


def test_ask_json_reads_stdin_line_by_line_and_keeps_the_contract() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--json", "-"],
        input="Saleumxay Kommasith là ai?\ncuộc họp lần thứ 8 ở đâu\nWho is the King of Thailand?\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    rows = [json.loads(line) for line in run.stdout.splitlines()]
    assert [r["status"] for r in rows] == ["answered", "ambiguous", "not_found"]
    for row in rows:
        assert set(row) >= {"question", "status", "text", "facts", "sources", "score", "candidates"}
    assert rows[0]["sources"][0]["seed"].endswith(".txt")
    assert len(rows[1]["candidates"]) == 2


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Bộ trưởng Ngoại giao Lào năm 2015 là ai?", None),  # the seeds name no Lao FM for 2015
        ("Bộ trưởng Quốc phòng Lào là ai?", None),  # a post nobody in the base held
        ("Who is Vietnam's Minister of National Defence?", None),
        ("Đại sứ Việt Nam tại Lào hiện nay là ai?", None),  # the only ambassador is Laos's, in Russia
        ("Who chairs Vietnam's National Boundary Commission?", "nguyen-minh-vu"),
        ("Thủ tướng Chính phủ Việt Nam là ai?", "pham-minh-chinh"),
        ("Who was Vietnam's president in April 2023?", "vo-van-thuong"),
    ],
)
def test_a_post_is_matched_with_its_qualifiers_country_and_date(
    engine: Engine, question: str, expected: str | None
) -> None:
    answer = engine.answer(question)
    if expected is None:
        assert answer.status is Status.NOT_FOUND
    else:
        assert answer.status is Status.ANSWERED and answer.facts[0] == expected


@pytest.mark.parametrize(
    "question",
    [
        "Việt Nam và Campuchia thiết lập quan hệ ngoại giao khi nào?",
        "Thủ tướng Phạm Minh Chính thăm Campuchia khi nào?",
        "Who is the Chinese foreign minister?",
        "Lào ủng hộ Việt Nam ứng cử vào Hội đồng Bảo an nhiệm kỳ nào?",
    ],
)
def test_a_near_miss_on_country_or_body_is_not_answered_with_the_real_fact(
    engine: Engine, question: str
) -> None:
    assert engine.answer(question).status is Status.NOT_FOUND


def test_keyword_queries_read_a_bare_number_after_a_mechanism_as_its_round(engine: Engine) -> None:
    assert engine.answer("bien gioi 31").facts[0] == "border-delegation-meeting-31"
    assert engine.answer("tham van chinh tri 8").status is Status.AMBIGUOUS
    assert engine.answer("Biên giới Việt Nam - Campuchia còn 16% chưa phân giới?").facts[0] == (
        "vn-kh-land-border-remaining-to-demarcate"
    )


def test_a_bare_place_name_answers_with_the_place_and_what_happened_there(engine: Engine) -> None:
    answer = engine.answer("Vũng Áng")
    assert answer.facts[0] == "cang-quoc-te-lao-viet"
    assert "meeting-bui-thanh-son-saleumxay-2021" in answer.facts


def test_a_meeting_on_the_sidelines_is_not_confused_with_the_conference(engine: Engine) -> None:
    answer = engine.answer("Cuộc gặp bên lề Hội nghị hẹp Bộ trưởng Ngoại giao ASEAN đã thảo luận những gì?")
    assert answer.status is Status.AMBIGUOUS
    assert {c.fact_id for c in answer.candidates} >= {
        "meeting-bui-thanh-son-saleumxay-2024-01-28",
        "meeting-bui-thanh-son-sok-chenda-sophea-2024-01-28",
    }


def test_where_the_question_puts_an_event_matters_not_only_who_took_part(engine: Engine) -> None:
    # Saleumxay's 2021 visit involves Laos but took place in Vietnam: not an answer to "went to Laos"
    answer = engine.answer("Bộ trưởng Bùi Thanh Sơn sang Lào khi nào?")
    assert answer.status is Status.ANSWERED
    assert answer.facts[0] == "asean-fm-retreat-2024-01"
    assert (
        engine.answer("When did the Lao foreign minister visit Vietnam?").facts[0]
        == "visit-saleumxay-vn-2021-12"
    )


def test_a_missing_round_says_which_rounds_the_sources_hold(engine: Engine) -> None:
    answer = engine.answer("Kỳ họp 45 Ủy ban liên Chính phủ")
    assert answer.status is Status.NOT_FOUND
    assert "38, 46" in answer.text


def test_lists_narrow_by_a_precise_kind_and_everything_can_be_listed(engine: Engine) -> None:
    visits = engine.answer("Liệt kê các chuyến thăm cấp cao năm 2023")
    assert set(visits.facts) == {"visit-pham-minh-chinh-la-2023-01", "visit-vo-van-thuong-la-2023-04"}
    everything = engine.answer("List all events in order")
    assert everything.status is Status.ANSWERED and len(everything.facts) >= 20
    # "tham gia" (take part) is not "thăm" (visit): every event of the official, not only visits
    taken_part = engine.answer("Saleumxay Kommasith đã tham gia những sự kiện nào?")
    assert {"fm-political-consultation-8", "meeting-bui-thanh-son-saleumxay-2024-01-28"} <= set(
        taken_part.facts
    )


# ------------------------------------------------------------------ claims, counts of years, given names


def test_a_false_year_is_corrected_not_answered_around(engine: Engine) -> None:
    answer = engine.answer("Hai nước lập quan hệ ngoại giao năm 1965 đúng không?")
    assert answer.verdict == "no" and "1962" in answer.text


def test_a_true_claim_is_confirmed_in_english(engine: Engine) -> None:
    answer = engine.answer("Vietnam and Laos established diplomatic relations in 1962, right?")
    assert answer.verdict == "yes" and answer.text.startswith("Yes.")


def test_a_post_the_official_did_not_hold_is_denied(engine: Engine) -> None:
    answer = engine.answer("Saleumxay Kommasith có phải Thủ tướng Lào không?")
    assert answer.verdict == "no" and answer.facts[0] == "saleumxay-kommasith"


def test_a_post_the_official_held_is_confirmed_whatever_words_close_the_claim(engine: Engine) -> None:
    # "phải không" closes the claim: "phải" is no word of the rank's title
    answer = engine.answer("Ông Phùng Sĩ Tấn mang quân hàm Thượng tướng phải không?")
    assert answer.verdict == "yes" and answer.facts[0] == "phung-si-tan"


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        (
            "Whom did General Tấn go to congratulate in January 2024?",
            "vn-mod-congratulates-lao-army-2024-01-08",
        ),
        ("Sonexay Siphanhdone giữ cương vị gì ở Lào?", "sonexay-siphanhdone"),
        # "Hồi" opens the sentence: "Hồi Tham" is no name the base lacks
        ("Hồi Tham vấn tháng 12/2021 hai bộ trưởng nhất trí chuẩn bị cho năm kỷ niệm gì thế?", None),
        # … and so does "Phía", a country's side: "Phía Quân" is no name either
        (
            "Phía Quân đội nhân dân Việt Nam, ai đã đến chúc mừng Bộ Quốc phòng Lào nhân 75 năm?",
            "vn-mod-congratulates-lao-army-2024-01-08",
        ),
    ],
)
def test_people_and_posts_asked_the_way_users_ask(engine: Engine, question: str, fact: str | None) -> None:
    answer = engine.answer(question)
    assert answer.status is Status.ANSWERED and (fact is None or answer.facts[0] == fact)


def test_someone_claimed_of_a_mechanisms_meeting_on_a_date_is_denied_with_the_round_they_chaired(
    engine: Engine,
) -> None:
    answer = engine.answer(
        "Ông Lê Hoài Trung là người đồng chủ trì Tham khảo Chính trị cấp Thứ trưởng năm 2023 phải ko?"
    )
    assert answer.verdict == "no" and answer.facts[0] == "deputy-fm-political-consultation-8"
    assert "Đỗ Hùng Việt" in answer.text and "7/2015" in answer.text  # the round he did co-chair
    assert answer.text.count("suy ra") == 1  # the inferred-date mark explained once


def test_a_statement_closed_by_nhi_is_a_claim_to_check(engine: Engine) -> None:
    answer = engine.answer("Năm Đoàn kết, Hữu nghị Việt Nam - Lào là năm 2021 nhỉ?")
    assert answer.verdict == "no" and "2022" in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "Tham vấn chính trị cấp Bộ trưởng lần 8 diễn ra ngày 29/12/2021 phải không?",
        "Tham vấn chính trị cấp Bộ trưởng lần 8 diễn ra đúng ngày 28 hay ngày 29/12 nhỉ?",
        "Was the 8th FM-level consultation held on 5 December 2021?",
    ],
)
def test_a_day_claimed_of_an_event_dated_only_to_its_month_is_not_confirmed(
    engine: Engine, question: str
) -> None:
    answer = engine.answer(question)
    assert answer.verdict is None and answer.not_stated and answer.facts[0] == "fm-political-consultation-8"


def test_a_repeatable_act_claimed_years_from_any_the_base_holds_is_not_denied(engine: Engine) -> None:
    # the base's visits of 2021-2024 say nothing of 2018: unconfirmed, not "no"
    answer = engine.answer("năm 2018 bộ trưởng ngoại giao VN có sang Lào ko")
    assert answer.status is Status.NOT_FOUND and answer.verdict is None
    near = engine.answer("Did Saleumxay visit Vietnam in November 2021?")  # a month off his visit
    assert near.verdict == "no" and "December 2021" in near.text


def test_a_vietnamese_name_folding_to_an_english_auxiliary_makes_no_claim(engine: Engine) -> None:
    # "Đỗ" folds to "do": no "Do …?" question
    answer = engine.answer("Đỗ Hùng Việt nói gì về chủ tịch Asean 2024 ?")
    assert answer.verdict is None and answer.facts[0] == "vn-support-laos-asean-chair-2024-dfm8"


def test_the_holder_of_a_post_is_in_every_country_the_question_names(engine: Engine) -> None:
    # the base's Lao ambassador is the one to Russia: none to Vietnam is known
    assert engine.answer("đại sứ lào tại việt nam hiện nay là ai z").status is Status.NOT_FOUND
    assert engine.answer("đại sứ lào tại Nga là ai").facts == ("vilavanh-yiapoher",)


def test_a_full_name_shaped_like_an_official_s_but_not_theirs_is_someone_the_base_lacks(
    engine: Engine,
) -> None:
    # every word of "Nguyen Phu Trong" is a word of the base; the name is nobody's in it
    assert engine.answer("Did Nguyen Phu Trong visit Laos in 2019?").status is Status.NOT_FOUND


def test_a_stance_does_not_say_when_the_thing_it_speaks_of_was_held(engine: Engine) -> None:
    answer = engine.answer("Diễn đàn Tương lai ASEAN được tổ chức vào thời gian nào?")
    assert answer.not_stated and answer.facts == ("cambodia-praises-asean-future-forum",)
    assert "28/1/2024" not in answer.text  # the day the stance was stated is not the forum's


def test_words_side_by_side_that_no_fact_pairs_are_no_unknown_topic(engine: Engine) -> None:
    # "thành lập năm nào" reads "lap nam": a seam between a word of the base and a word of asking
    # weighs like its words, not like a topic the base lacks
    pair, word = engine.index.unit_weight("lap nam"), engine.index.unit_weight("lap")
    assert pair <= word < engine.index.unit_weight("hoa bao")  # an unknown pair still weighs most
    assert (
        engine.answer("Quân độ nhân dân Lào thành lập năm nào").facts[0]
        == "lao-peoples-army-founding-1949-01-20"
    )


def test_the_kind_a_question_word_asks_for_and_the_role_of_the_one_named_pick_the_event(
    engine: Engine,
) -> None:
    # "kỳ họp gì": a session, the one he co-chaired, not the reception or the visit he also had
    answer = engine.answer("Thủ tướng Sonexay sang VN đồng chủ trì kỳ họp gì thế?")
    assert answer.facts[0] == "intergovernmental-committee-46"


def test_stances_of_one_kind_asked_with_no_date_are_listed_not_asked_back(engine: Engine) -> None:
    answer = engine.answer("What position did Vietnam and Laos take on the East Sea?")
    assert answer.status is Status.ANSWERED
    assert set(answer.facts) == {"east-sea-asean-common-position-2021", "east-sea-asean-common-position-2023"}


def test_on_what_occasion_is_the_visit_or_session_a_meeting_belongs_to(engine: Engine) -> None:
    answer = engine.answer("ông Huệ gặp ông Sonexay ở đâu, nhân dịp gì vậy?")
    assert answer.facts[0] == "reception-vuong-dinh-hue-sonexay"
    assert "Nhà Quốc hội" in answer.text and "Kỳ họp lần thứ 46" in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "Tham khảo chính trị lần 2 giữa 2 Bộ Ngoại giao định tổ chức ở đâu vậy?",
        "When is the 9th deputy-FM consultation planned?",
    ],
)
def test_a_planned_event_is_told_with_where_and_when(engine: Engine, question: str) -> None:
    text = engine.answer(question).text
    assert ("Lào" in text and "2016" in text) or ("Vietnam" in text and "2024" in text)


def test_two_years_asked_alike_are_two_questions_answered_together(engine: Engine) -> None:
    answer = engine.answer("What did Vietnam and Laos agree on the East Sea, in 2021 and in 2023?")
    assert set(answer.facts) == {"east-sea-asean-common-position-2021", "east-sea-asean-common-position-2023"}


def test_a_percentage_claimed_is_checked_against_the_figure(engine: Engine) -> None:
    answer = engine.answer("Nghe nói thương mại VN-Lào 11 tháng đầu 2021 tăng 36,6% đúng k?")
    assert answer.verdict == "no" and "33,6" in answer.text


def test_who_is_answered_by_the_one_tied_act_that_names_its_people(engine: Engine) -> None:
    question = "Who congratulated the Lao defence ministry on the 75th anniversary of the Lao People's Army?"
    answer = engine.answer(question)
    assert answer.facts[0] == "vn-mod-congratulates-lao-army-2024-01-08" and "Phùng Sĩ Tấn" in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "Mr Sơn's Cambodian counterpart in January 2024 — who was it?",
        "người đồng cấp Campuchia của ông Sơn tháng 1/2024 là ai?",
    ],
)
def test_a_counterpart_is_whom_the_person_met(engine: Engine, question: str) -> None:
    answer = engine.answer(question)
    assert (
        answer.facts[0] == "meeting-bui-thanh-son-sok-chenda-sophea-2024-01-28"
        and "Sok Chenda" in answer.text
    )


def test_the_members_of_a_mechanism_the_articles_do_not_list_are_not_stated(engine: Engine) -> None:
    answer = engine.answer("Which countries make up CLMV?")
    assert (
        answer.not_stated
        and answer.facts[0] == "clmv"
        and "Not stated in the article: the members" in answer.text
    )


def test_titles_used_to_name_people_claim_no_post(engine: Engine) -> None:
    # "BT" names the two ministers; the claim is of what they discussed
    answer = engine.answer("BT Sơn với BT Campuchia có bàn chuyện mở thêm cửa khẩu ko?")
    assert answer.verdict == "yes"
    assert answer.facts[0] == "meeting-bui-thanh-son-sok-chenda-sophea-2024-01-28"


def test_a_post_claimed_alongside_an_act_is_checked_too(engine: Engine) -> None:
    wrong_post = engine.answer("Was Nguyễn Xuân Phúc Prime Minister when he visited Laos in August 2021?")
    assert wrong_post.verdict == "no" and "President" in wrong_post.text
    right_post = engine.answer("Was Phạm Minh Chính Prime Minister when he visited Laos in 2023?")
    assert right_post.verdict == "yes"
    # the capacity he acted in is a post claimed too
    capacity = engine.answer("Ông Nguyễn Xuân Phúc thăm Lào năm 2021 với cương vị Thủ tướng đúng không?")
    assert capacity.verdict == "no" and "Chủ tịch nước" in capacity.text


def test_a_title_before_a_name_in_a_claim_only_names_the_person(engine: Engine) -> None:
    # "Minister Sơn" is how he is called; the trip is what is claimed
    answer = engine.answer("Is it true that Minister Sơn made a trip to Laos in January 2024?")
    assert answer.verdict == "yes" and answer.facts[0] != "bui-thanh-son"


def test_how_many_years_an_anniversary_of_the_year_asked_marks_is_that_anniversary(engine: Engine) -> None:
    answer = engine.answer(
        "hai bo truong thong nhat chuan bi ky niem bao nhieu nam quan he ngoai giao trong nam 2022"
    )
    assert answer.facts == ("anniversary-60-diplomatic-relations-2022",) and "60" in answer.text


def test_one_question_phrase_asked_twice_is_two_questions_answered_together(engine: Engine) -> None:
    answer = engine.answer(
        "nam 2022 ky niem bao nhieu nam quan he ngoai giao va bao nhieu nam ky Hiep uoc huu nghi viet lao"
    )
    assert set(answer.facts) == {
        "anniversary-60-diplomatic-relations-2022",
        "anniversary-45-treaty-of-amity-2022",
    }


@pytest.mark.parametrize(
    ("question", "start"),
    [
        ("Hiệp ước Hữu nghị và Hợp tác Việt Lào ký cách đay bao nhiu năm rồi", "49 năm"),  # typos in the cue
        ("Which anniversary of the Treaty of Amity and Cooperation falls in 2027?", "50 years"),
    ],
)
def test_years_counted_however_the_count_is_asked(engine: Engine, question: str, start: str) -> None:
    assert engine.answer(question).text.startswith(start)


def test_an_english_yes_no_question_after_a_statement_is_a_claim(engine: Engine) -> None:
    from bot.answering.claims import is_claim
    from bot.nlu.understanding import analyze

    assert is_claim(analyze("They talked about the COC in 2023 — was it already concluded?", engine.index))
    assert not is_claim(analyze("Where was it held, and who co-chaired it?", engine.index))


def test_a_question_word_of_two_words_makes_no_yes_no_question(engine: Engine) -> None:
    # "… bao nhiêu hả?" ends like a claim, but "bao nhiêu" asks
    answer = engine.answer("UNCLOS là công ước năm bao nhiêu hả?")
    assert answer.verdict is None and answer.facts[0] == "unclos-1982"
    assert "năm 1982 là năm trong tên gọi" in answer.text  # the year its name carries, no signing date


def test_years_since_a_year_only_date_invents_no_day(engine: Engine) -> None:
    answer = engine.answer("Năm 2027 là kỷ niệm bao nhiêu năm ký Hiệp ước Hữu nghị và hợp tác?")
    assert answer.text.startswith("50 năm") and "1/1/1977" not in answer.text


def test_title_and_given_name_link_the_official(engine: Engine) -> None:
    answer = engine.answer("Thứ trưởng Việt đồng chủ trì cuộc tham khảo chính trị nào?")
    assert answer.facts[0] == "deputy-fm-political-consultation-8"


def test_a_given_name_inside_a_word_is_no_name(engine: Engine) -> None:
    answer = engine.answer("ai la thu tuong chinh phu lao")  # "Chính" is also a given name
    assert answer.facts[0] == "sonexay-siphanhdone"


@pytest.mark.parametrize(
    "question",
    [
        "Kỳ họp 38 và kỳ họp 46 của Ủy ban liên Chính phủ tổ chức ở đâu?",
        "Where were the 38th and the 46th sessions of the Intergovernmental Committee held?",
    ],
)
def test_two_rounds_in_one_question_get_both_answers(engine: Engine, question: str) -> None:
    answer = engine.answer(question)
    assert answer.facts[:2] == ("intergovernmental-committee-38", "intergovernmental-committee-46")


def test_the_same_round_of_two_mechanisms_named_side_by_side_gets_both_answers(engine: Engine) -> None:
    answer = engine.answer(
        "When were the 8th FM-level and the 8th deputy-FM-level Vietnam–Laos consultations held?"
    )
    assert answer.facts[:2] == ("fm-political-consultation-8", "deputy-fm-political-consultation-8")
    assert "2021" in answer.text and "2023" in answer.text


def test_two_officials_in_one_profile_question_get_both_profiles(engine: Engine) -> None:
    answer = engine.answer("Saleumxay Kommasith và Sok Chenda Sophea giữ chức vụ gì?")
    assert set(answer.facts) == {"saleumxay-kommasith", "sok-chenda-sophea"}


def test_every_slot_asked_is_answered(engine: Engine) -> None:
    answer = engine.answer("Tham vấn chính trị cấp Bộ trưởng lần 8 diễn ra ở đâu, khi nào, ai chủ trì?")
    assert all(part in answer.text for part in ("12/2021", "Nhà khách Chính phủ", "Bùi Thanh Sơn"))
    assert answer.text.count("suy ra") == 1  # the inferred-date note, once
    # slots asked one after the other, with no comma or "and" between them, are each answered
    answer = engine.answer("tham van cap bo truong lan 8 hop thang may o dau vay")
    assert all(part in answer.text for part in ("12/2021", "Nhà khách Chính phủ"))
    # how long it lasted, with the other slots asked
    answer = engine.answer(
        "bo truong ngoai giao lao tham viet nam thang 12/2021 theo loi moi cua ai, may ngay"
    )
    assert answer.text.startswith("2 ngày") and "Bùi Thanh Sơn" in answer.text


def test_a_list_of_agreements_is_a_list(engine: Engine) -> None:
    answer = engine.answer("kể tên các thỏa thuận giữa hai bộ ngoại giao")
    assert {"mfa-cooperation-agreement-2014-2020", "mfa-cooperation-agreement-2021-2025"} <= set(answer.facts)


def test_anniversaries_are_asked_like_any_question(knowledge: Knowledge) -> None:
    on_the_day = Engine(knowledge, today=lambda: dt.date(2027, 7, 18))
    answer = on_the_day.answer("Hôm nay có ngày kỷ niệm nào không?")
    assert "signing-treaty-of-amity-1977" in answer.facts and "50" in answer.text
    soon = on_the_day.answer("Any anniversaries coming up this week?")
    assert soon.status is Status.ANSWERED and soon.lang == "en"


def test_a_number_inside_a_quoted_name_is_no_constraint(engine: Engine) -> None:
    answer = engine.answer("Tell me about 60th anniversary of Vietnam–Laos diplomatic relations (2022).")
    assert answer.facts[0] == "anniversary-60-diplomatic-relations-2022"


def test_a_day_asked_of_a_month_only_date_is_not_stated(engine: Engine) -> None:
    answer = engine.answer("tham khao chinh tri lan thu nhat dien ra chinh xac ngay nao")
    assert answer.not_stated and answer.facts == ("deputy-fm-political-consultation-1",)
    assert answer.status is Status.ANSWERED  # the meeting is found; the article gives only its month


def test_a_mechanism_asked_about_is_described_with_its_rounds(engine: Engine) -> None:
    answer = engine.answer(
        "Which rounds of the Vietnam–Laos deputy foreign minister political consultations do you have?"
    )
    assert (
        answer.facts[0] == "deputy-fm-political-consultation" and "2nd (2016, Laos, planned)" in answer.text
    )
    assert engine.answer("ACMECS là gì?").facts == ("acmecs",)


def test_a_topic_asked_within_an_event_is_answered_by_the_passage_on_it(engine: Engine) -> None:
    # the event names the meeting; "Biển Đông" / "East Sea" is what is asked about it
    for question in [
        "ở tham vấn cấp bộ trưởng lần 8, hai bên nói gì về Biển Đông vậy?",
        "What did the 8th deputy-minister-level political consultation agree about the East Sea?",
    ]:
        answer = engine.answer(question)
        assert answer.status is Status.ANSWERED
        assert "ASEAN" in answer.text
        body = answer.text.split("\n")
        assert len([line for line in body if line.startswith("•")]) <= 3  # the passage, not every point


def test_a_topic_typed_one_letter_off_the_event_name_is_no_topic(engine: Engine) -> None:
    # "trưng" is a typo of "trưởng" in the event's own name, not a subject to look for within it
    answer = engine.answer(
        "Tham khảo Chính trị cấp Thứ trưng Ngoại giao Việt Nam-Lào lần thứ 8, hai bên đã nhất trí những gì?"
    )
    assert answer.status is Status.ANSWERED
    assert answer.facts[0] == "deputy-fm-political-consultation-8"


def test_a_topic_picks_the_one_event_among_equals_whose_record_speaks_of_it(engine: Engine) -> None:
    # two meetings of 2021 fit "hai Bộ trưởng … năm 2021"; only one of them spoke of the port
    answer = engine.answer(
        "Trong cuộc gặp năm 2021, hai Bộ trưởng Ngoại giao Việt Nam và Lào"
        " bàn việc tận dụng hiệu quả cảng nào?"
    )
    assert answer.status is Status.ANSWERED
    assert answer.facts[-1] == "meeting-bui-thanh-son-saleumxay-2021"
    assert "Vũng Áng" in answer.text


def test_a_figure_for_another_period_or_measure_is_offered_not_given_as_the_answer(engine: Engine) -> None:
    # the base holds trade for the first 11 months of 2021: not the whole year, not rice exports
    for question in [
        "Kim ngạch thương mại Việt Nam - Lào cả năm 2021 đạt bao nhiêu?",
        "Kim ngạch xuất khẩu gạo của Việt Nam sang Lào năm 2021 là bao nhiêu?",
    ]:
        answer = engine.answer(question)
        assert answer.status is Status.NOT_FOUND
        assert "11 tháng" in answer.text  # the nearest figure is shown, for what it is


def test_how_much_something_grew_is_answered_by_the_growth_figure(engine: Engine) -> None:
    answer = engine.answer("By how much did Vietnam–Laos trade grow in the first eleven months of 2021?")
    assert answer.status is Status.ANSWERED
    assert "33.6" in answer.text


def test_how_long_an_event_lasted_comes_from_its_day_range_or_is_said_unknown(engine: Engine) -> None:
    ranged = engine.answer(
        "How long did Saleumxay Kommasith's official visit to Vietnam in December 2021 last?"
    )
    assert ranged.status is Status.ANSWERED
    assert ranged.text.startswith("2 day")
    month_only = engine.answer("Chuyến thăm Lào của Thủ tướng Phạm Minh Chính tháng 1/2023 kéo dài mấy ngày?")
    assert month_only.not_stated
    assert "không nêu" in month_only.text and "tháng 1/2023" in month_only.text


def test_whether_a_planned_event_took_place_is_not_claimed(engine: Engine) -> None:
    answer = engine.answer("kỳ họp 38 UB liên CP VN - Lào rốt cuộc có diễn ra không vậy")
    assert answer.not_stated
    assert answer.verdict is None
    assert "dự kiến" in answer.text


def test_a_year_claimed_of_an_agreement_named_by_its_period_is_checked(engine: Engine) -> None:
    answer = engine.answer(
        "Was the 2014–2020 cooperation agreement between the two foreign ministries signed in 2015?"
    )
    assert answer.verdict == "no"
    assert "2014" in answer.text


def test_a_stance_that_restates_a_point_of_the_event_is_shown_once(engine: Engine) -> None:
    answer = engine.answer("ở tham vấn cấp bộ trưởng lần 8, hai bên nói gì về Biển Đông vậy?")
    assert answer.text.count("duy trì lập trường chung của ASEAN trong vấn đề Biển Đông.") == 1
    assert answer.facts[0] == "east-sea-asean-common-position-2021"  # the stance, cited as a fact


def test_what_the_article_does_not_say_is_an_answer_citing_the_fact(engine: Engine) -> None:
    # "bài viết không nêu": the event is found and cited; the user learns the gap, curators see it
    answer = engine.answer("Kỳ họp 46 Ủy ban liên Chính phủ diễn ra khi nào?")
    assert answer.status is Status.ANSWERED and answer.not_stated
    assert answer.facts == ("intergovernmental-committee-46",)
    assert "không nêu" in answer.text
    assert answer.to_json()["not_stated"] is True


def test_what_the_article_does_not_say_comes_with_what_it_does(engine: Engine) -> None:
    answer = engine.answer("Cuộc họp đoàn đại biểu biên giới Việt Nam-Lào lần thứ 31 được tổ chức ở đâu?")
    assert answer.not_stated and "không nêu địa điểm" in answer.text
    assert "29/12/2021" in answer.text and "Nguyễn Minh Vũ" in answer.text  # its date and people
    unnamed = engine.answer("Who was the Lao co-chair of the 8th deputy-FM-level political consultation?")
    assert unnamed.not_stated and "Đỗ Hùng Việt" in unnamed.text  # the co-chair it does name


def test_people_given_only_by_their_role_are_said_unnamed_with_the_role(engine: Engine) -> None:
    answer = engine.answer(
        "Who represented the Lao defence ministry when Phung Si Tan came to congratulate them?"
    )
    assert answer.not_stated
    assert "Not stated in the article" in answer.text and "Lao Ministry of National Defence" in answer.text
    named = engine.answer("Ai dẫn đầu đoàn Bộ Quốc phòng Việt Nam chúc mừng Quân đội nhân dân Lào?")
    assert not named.not_stated and "Phùng Sĩ Tấn" in named.text


def test_a_claim_about_a_plan_is_checked_against_the_plan(engine: Engine) -> None:
    answer = engine.answer("Kỳ họp lần thứ 38 Ủy ban liên Chính phủ dự kiến tổ chức tại Hà Nội phải không?")
    assert answer.verdict == "no" and "Lào" in answer.text


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("Ai dẫn đầu đoàn Bộ Quốc phòng Việt Nam chúc mừng Quân đội nhân dân Lào?", Intent.WHERE),
        ("Ai dan dau doan Bo Quoc phong Viet Nam chuc mung Quan doi nhan dan Lao?", Intent.WHERE),
        ("Ủy hội nào chủ trì kỳ họp?", Intent.WHEN),
        ("Hai Bộ trưởng dành nhiều thời gian bàn về cảng nào?", Intent.WHEN),
        ("Việc đàm phán bộ quy tắc COC đến đâu rồi?", Intent.WHERE),
        ("Tham vấn lần 8 tổ chức ở Hà Nội đúng không?", Intent.WHAT),  # "Nội đúng" holds no "nội dung"
    ],
)
def test_a_cue_word_that_means_something_else_here_is_no_cue(
    engine: Engine, question: str, intent: Intent
) -> None:
    # "dẫn đầu" (to lead) is no "đâu" (where); "ủy hội nào" (which commission) is no "hồi nào" (when);
    # "dành nhiều thời gian" (spent much time) asks no when, "đến đâu rồi" (how far along) no where
    # (cues.yaml: intents_not_in)
    assert intent not in analyze(question, engine.index).intents


def test_a_cue_word_typed_without_marks_still_counts(engine: Engine) -> None:
    assert Intent.WHERE in analyze("ky hop 46 to chuc o dau", engine.index).intents
    assert Intent.WHEN in analyze("ky hop 46 dien ra hoi nao", engine.index).intents


def test_a_figure_comes_with_the_figure_quoted_in_the_same_sentence(engine: Engine) -> None:
    answer = engine.answer("kim ngạch thương mại Việt Nam Lào 11 tháng 2021 tăng bao nhiêu phần trăm?")
    assert answer.facts == ("vn-la-trade-growth-11m-2021", "vn-la-trade-11m-2021")
    assert "33,6%" in answer.text and "1,2 tỷ USD" in answer.text
    assert len(answer.sources) == 1  # one sentence, quoted once


def test_the_value_of_the_year_a_growth_compares_with_is_derived_and_said_derived(engine: Engine) -> None:
    answer = engine.answer("How much was Vietnam-Laos trade in the same period of 2020?")
    assert answer.status is Status.ANSWERED
    assert "0.9 billion" in answer.text and "not stated" in answer.text
    # the growth rate named as what to work from does not make the question ask for it
    given = engine.answer(
        "Given the growth rate, roughly what was Vietnam–Laos trade in the first 11 months of 2020?"
    )
    assert "0.9 billion" in given.text
    restated = engine.answer("Tăng trưởng kim ngạch thương mại so với cùng kỳ năm 2020 là bao nhiêu?")
    assert "≈" not in restated.text  # "so với năm 2020" is the comparison, not a year asked


@pytest.mark.parametrize(
    "question",
    ["Năm 2022 được Việt Nam và Lào gọi là năm gì?", "ĐSQ Lào ở Nga sang chúc Tết ĐSQ mình hôm nào thế?"],
)
def test_everyday_words_and_abbreviations_are_not_read_as_typos_or_names(
    engine: Engine, question: str
) -> None:
    assert engine.answer(question).status is Status.ANSWERED


def test_stances_of_the_kind_named_are_listed_by_year(engine: Engine) -> None:
    answer = engine.answer("Lào làm Chủ tịch ASEAN những năm nào vậy?")
    assert answer.status is Status.ANSWERED
    assert (
        "vn-support-laos-asean-chair-2016" in answer.facts
        and "vn-support-laos-asean-chair-2024" in answer.facts
    )
    assert answer.text.index("2016") < answer.text.index("2024")


def test_capitalised_words_that_make_phrases_of_the_sources_with_their_neighbours_are_no_unknown_name(
    engine: Engine,
) -> None:
    # "chúc Tết Đại sứ quán": "Tết Đại" is two phrases of the sources, not a name the base lacks
    answer = engine.answer(
        "Ngày 25/01/2024, đoàn Đại sứ quán Lào tại Nga do ai dẫn đầu đến chúc Tết Đại sứ quán Việt Nam?"
    )
    assert answer.status is Status.ANSWERED and "Vilavanh" in answer.text
    assert engine.answer("Hội đồng Bảo an có họp về Lào không?").status is Status.NOT_FOUND


def test_one_side_of_a_pair_names_the_pair(engine: Engine) -> None:
    answer = engine.answer("cửa khẩu Đen-xa-vẳn đi cặp với cửa khẩu nào bên mình vậy?")
    assert answer.facts[0] == "cua-khau-lao-bao-densavan" and "Lao Bảo" in answer.text


def test_a_claim_in_other_words_is_confirmed(engine: Engine) -> None:
    # "back" and "bid" are the fact's "support" and "candidacy" (synonyms.yaml)
    answer = engine.answer(
        "Did Laos pledge to back Vietnam's bid for the Human Rights Council for 2023-2025?"
    )
    assert answer.verdict == "yes" and answer.facts == ("laos-supports-vn-hrc-2023-2025",)


def test_two_people_named_are_both_profiled_with_one_footnote_and_one_source_line(engine: Engine) -> None:
    answer = engine.answer("What posts do Bui Thanh Son and Do Hung Viet hold?")
    assert answer.facts[:2] == ("bui-thanh-son", "do-hung-viet")
    assert answer.text.count("Date inferred") == 1 and answer.text.count("Source:") == 1


def test_an_event_asked_of_without_anniversary_words_is_the_event_not_its_anniversary(engine: Engine) -> None:
    answer = engine.answer("QĐND Lào thành lập ngày nào ấy nhỉ?")
    assert answer.facts[0] == "lao-peoples-army-founding-1949-01-20" and "1949" in answer.text


@pytest.mark.parametrize(
    ("question", "year"),
    [
        ("Kỷ niệm 75 năm thành lập Quân đội nhân dân Lào là năm nào?", "2024"),
        ("When is the 50th anniversary of the Treaty of Amity and Cooperation?", "2027"),
    ],
)
def test_the_year_of_an_nth_anniversary_is_counted_from_the_act(
    engine: Engine, question: str, year: str
) -> None:
    answer = engine.answer(question)
    assert answer.status is Status.ANSWERED and year in answer.text.split("\n")[0]


def test_a_day_asked_of_an_act_of_an_anniversary_is_not_an_anniversary_count(engine: Engine) -> None:
    answer = engine.answer("Nhân kỷ niệm 75 năm thành lập QĐND Lào, Bộ Quốc phòng VN chúc mừng hôm nào?")
    assert "2024 (tính từ" not in answer.text


def test_a_short_typo_in_a_question_word_is_corrected_by_its_cue_neighbour(engine: Engine) -> None:
    # "bao nhiu" → "bao nhiêu": the pair is a cue phrase even where the sources never use it
    answer = engine.answer("thương mại hai chìu việt lào 11 tháng đầu 2021 đc bao nhiu tỷ đô")
    assert answer.facts[0] == "vn-la-trade-11m-2021" and "1,2" in answer.text


def test_a_syllable_typed_without_the_last_letter_of_its_ending_is_restored(engine: Engine) -> None:
    # "tăg" fits "tại", "tạo" and "tăng" beside its neighbours; "tăng bao nhiêu" lost the "n" of "ng"
    assert engine.index.corrected("kim ngach nam 2021 tag bao nhieu") == "kim ngach nam 2021 tang bao nhieu"


def test_a_stance_is_dated_by_the_meeting_where_it_was_stated(engine: Engine) -> None:
    answer = engine.answer("When did Cambodia praise Vietnam's ASEAN Future Forum initiative?")
    assert answer.facts == (
        "cambodia-praises-asean-future-forum",
        "meeting-bui-thanh-son-sok-chenda-sophea-2024-01-28",
    )
    assert "28 January 2024" in answer.text and not answer.not_stated


def test_two_people_who_met_several_times_are_asked_back_whatever_slot_one_meeting_holds(
    engine: Engine,
) -> None:
    answer = engine.answer("ông Sơn gặp Saleumxay ở đâu thế?")
    assert answer.status is Status.AMBIGUOUS
    assert {"meeting-bui-thanh-son-saleumxay-2021", "meeting-bui-thanh-son-saleumxay-2024-01-28"} <= {
        c.fact_id for c in answer.candidates
    }


def test_a_question_without_function_words_is_read_in_the_language_of_its_words(engine: Engine) -> None:
    # no "what", no "là": the base's own English-only words tell
    assert engine.answer("Vietnam-Laos trade turnover 2021?").lang == "en"
    assert engine.answer("kim ngach thuong mai Viet Lao 2021").lang == "vi"


def test_a_how_much_question_in_the_figure_s_own_words_is_answered(engine: Engine) -> None:
    answer = engine.answer("thuong mai viet lao tang bao nhieu phan tram")
    assert answer.facts[0] == "vn-la-trade-growth-11m-2021" and "33,6%" in answer.text


def test_a_claim_in_the_stance_s_own_words_is_confirmed_without_the_words_of_asking(engine: Engine) -> None:
    answer = engine.answer("Lào có phải chủ tịch ASEAN năm 2016 ko?")
    assert answer.verdict == "yes" and answer.facts[0] == "vn-support-laos-asean-chair-2016"


def test_whether_an_undated_agreement_was_concluded_is_not_confirmed(engine: Engine) -> None:
    answer = engine.answer("hai bên đã ký DOC chưa vậy")
    assert answer.status is Status.NOT_FOUND and answer.verdict is None
    # the COC's own record says it is not reached yet ("chưa đạt được"): that is a "no"
    answer = engine.answer("hai bên đã đạt đc COC chưa vậy")
    assert answer.verdict == "no" and "COC" in answer.text


def test_a_claim_one_event_s_record_holds_word_for_word_is_confirmed_with_that_point(
    engine: Engine,
) -> None:
    answer = engine.answer(
        "Việt Nam và Campuchia có nhất trí xem xét mở thêm cửa khẩu mới giữa hai nước không?"
    )
    assert answer.verdict == "yes"
    assert answer.facts[0] == "meeting-bui-thanh-son-sok-chenda-sophea-2024-01-28"
    assert "cửa khẩu mới" in answer.text
    other_country = engine.answer(
        "Bản ghi nhớ giữa Học viện Ngoại giao VN và viện ngoại giao bên kia là giữa VN với Lào à?"
    )
    assert other_country.verdict != "yes"


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("ai là BTNG Lào", "saleumxay-kommasith"),
        ("VN với Lào thiết lập qhng năm nào", "establishment-diplomatic-relations-1962"),
        ("hiệp ước hữu nghị ký năm bn", "signing-treaty-of-amity-1977"),  # "năm bao nhiêu": which year
    ],
)
def test_chat_abbreviations_are_read(engine: Engine, question: str, fact: str) -> None:
    answer = engine.answer(question)
    assert answer.status is Status.ANSWERED and answer.facts[0] == fact


@pytest.mark.parametrize(
    "question",
    [
        "Chuyến thăm Lào của TT Chính và CTN Thưởng diễn ra khi nào?",
        "When did Pham Minh Chinh and Vo Van Thuong visit Laos?",
    ],
)
def test_two_people_who_took_part_in_nothing_together_get_an_answer_each(
    engine: Engine, question: str
) -> None:
    answer = engine.answer(question)
    assert answer.facts[:2] == ("visit-pham-minh-chinh-la-2023-01", "visit-vo-van-thuong-la-2023-04")


@pytest.mark.parametrize(
    "question",
    [
        "Liệt kê các chuyến thăm Lào của lãnh đạo Việt Nam",
        "Which Vietnamese leaders visited Laos?",
        "Những lãnh đạo cấp cao Việt Nam nào đã thăm chính thức Lào trong khoảng 2021-2023?",
    ],
)
def test_a_list_of_a_kind_of_event_where_it_went_lists_each(engine: Engine, question: str) -> None:
    answer = engine.answer(question)
    assert set(answer.facts) == {
        "visit-nguyen-xuan-phuc-la-2021-08",
        "visit-pham-minh-chinh-la-2023-01",
        "visit-vo-van-thuong-la-2023-04",
    }


def test_a_claim_the_facts_that_speak_of_it_all_bear_out_is_confirmed(engine: Engine) -> None:
    # several stances fit; those of 2024 say it, so the claim is not denied with the one of 2016
    answer = engine.answer("Did Vietnam support Laos's ASEAN chairmanship in 2024?")
    assert answer.verdict == "yes" and "2024" in answer.text.split("\n")[0]


@pytest.mark.parametrize(
    ("question", "years"),
    [
        ("Bao nhiêu năm từ khi thiết lập quan hệ ngoại giao đến khi ký Hiệp ước Hữu nghị?", "15"),
        ("Năm 2032 là kỷ niệm bao nhiêu năm quan hệ ngoại giao Việt Lào?", "70"),  # from 1962, not 2022
        ("How old is the Lao People's Army?", "77"),
    ],
)
def test_years_are_counted_between_the_acts_asked(engine: Engine, question: str, years: str) -> None:
    answer = engine.answer(question, today=dt.date(2026, 12, 6))
    assert answer.status is Status.ANSWERED and answer.text.startswith(years)


def test_a_person_s_age_is_not_in_the_base(engine: Engine) -> None:
    assert engine.answer("saleumxay kommasith bao nhieu tuoi").status is Status.NOT_FOUND


def test_how_many_days_a_visit_lasted_is_its_day_range(engine: Engine) -> None:
    answer = engine.answer("How many days was Saleumxay's visit to Vietnam in 2021?")
    assert answer.text.startswith("2 day")


def test_whom_someone_met_is_not_stated_when_the_article_names_only_them(engine: Engine) -> None:
    answer = engine.answer("Nguyễn Xuân Phúc gặp ai khi sang Lào?")
    assert answer.not_stated and answer.facts == ("visit-nguyen-xuan-phuc-la-2021-08",)


@pytest.mark.parametrize(
    "question",
    [
        "Từ chuyến thăm của TT Chính đến chuyến thăm của CTN Thưởng cách nhau mấy tháng?",
        "How many months between Pham Minh Chinh's and Vo Van Thuong's visits to Laos?",
    ],
)
def test_months_between_two_acts_are_counted_at_month_precision(engine: Engine, question: str) -> None:
    answer = engine.answer(question)
    assert answer.text.startswith("3 ")


def test_an_everyday_english_word_does_not_make_a_figure_another_measure(engine: Engine) -> None:
    answer = engine.answer(
        "How much of the land border between Vietnam and Cambodia remains to be demarcated?"
    )
    assert answer.status is Status.ANSWERED and "16%" in answer.text


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("By what percentage did Vietnam–Laos trade increase compared with 2020?", "33.6%"),
        ("What percentage of the border with Cambodia still needs demarcation?", "16%"),
        ("How much is left of the Vietnam Cambodia border to mark?", "16%"),
    ],
)
def test_a_figure_asked_in_everyday_english_measure_words_is_answered(
    engine: Engine, question: str, figure: str
) -> None:
    answer = engine.answer(question)
    assert answer.status is Status.ANSWERED and figure in answer.text


def test_a_figure_is_dated_by_the_meeting_where_it_was_reported(engine: Engine) -> None:
    answer = engine.answer(
        "What was the trade turnover between the two countries according to the December 2021 talks?"
    )
    assert answer.status is Status.ANSWERED and "1.2 billion" in answer.text


def test_a_round_the_named_series_lacks_is_not_another_series_round(engine: Engine) -> None:
    # the 31st round belongs to the border delegations' meetings, not to the consultations asked about
    answer = engine.answer("Where will the 31st Vietnam-Laos deputy foreign minister consultation be held?")
    assert answer.status is Status.NOT_FOUND


def test_an_english_question_naming_someone_with_tone_marks_is_answered_in_english(engine: Engine) -> None:
    assert engine.answer("Who is Bùi Thanh Sơn?").lang == "en"
    assert engine.answer("Bùi Thanh Sơn là ai?").lang == "vi"


def test_a_claim_naming_a_place_the_base_does_not_know_is_not_confirmed(engine: Engine) -> None:
    # a city the country data does not place either ("Phnom Penh" it does: see the city test)
    answer = engine.answer("Did Bùi Thanh Sơn meet Sok Chenda Sophea in Kuala Lumpur?")
    assert answer.status is Status.NOT_FOUND and answer.verdict is None
    assert "Place: Laos" in answer.text  # where the articles say they met


def test_the_day_a_document_was_signed_comes_from_the_act_of_signing(engine: Engine) -> None:
    # the treaty's own record gives the year; the signing, the day
    answer = engine.answer("Hiệp ước Hữu nghị và hợp tác Việt Nam - Lào được ký vào ngày nào?")
    assert answer.status is Status.ANSWERED and "18/7/1977" in answer.text
    # a meeting that reviewed an agreement is no signing of it
    answer = engine.answer("When was the foreign ministries' 2014–2020 Cooperation Agreement signed?")
    assert answer.facts[0] == "mfa-cooperation-agreement-2014-2020"


def test_years_being_marked_are_counted_from_the_act_not_from_an_anniversary(engine: Engine) -> None:
    answer = engine.answer(
        "How many years of diplomatic ties are Vietnam and Laos marking today?", today=dt.date(2025, 12, 2)
    )
    assert answer.text.startswith("63 years")


def test_whose_ambassador_someone_is_is_answered_by_their_profile(engine: Engine) -> None:
    answer = engine.answer("Đại sứ Vilavanh Yiapoher là đại sứ của nước nào?")
    assert answer.facts[0] == "vilavanh-yiapoher" and "Nga" in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "ky hop uy ban lien chinh phu viet lao to chuc o dau",  # the 38th and the 46th sessions
        "Thỏa thuận hợp tác giữa hai Bộ Ngoại giao Việt Nam - Lào được ký khi nào?",  # 2014-2020, 2021-2025
        # in English the words of the dated one ("signed in December 2014") score it higher: still both
        "When was the cooperation agreement between the two foreign ministries signed?",
    ],
)
def test_two_rounds_or_two_agreements_named_alike_are_asked_back(engine: Engine, question: str) -> None:
    assert engine.answer(question).status is Status.AMBIGUOUS


def test_an_event_related_to_a_country_need_not_have_been_held_there(engine: Engine) -> None:
    # "liên quan tới Lào" is about Laos; "tới Lào" alone would be a trip to Laos
    answer = engine.answer("ngày 8/1/2024 có sự kiện gì liên quan tới Lào vậy?")
    assert answer.facts[0] == "vn-mod-congratulates-lao-army-2024-01-08"


def test_a_verb_phrase_and_a_chat_abbreviation_meet_the_base_s_nouns(engine: Engine) -> None:
    answer = engine.answer("Which years did Laos chair ASEAN, going by what you have?")
    assert "2016" in answer.text and "2024" in answer.text
    answer = engine.answer("ai bên Bộ QP VN sang chúc mừng 75 năm QĐND Lào vậy?")  # QP: quốc phòng
    assert "Phùng Sĩ Tấn" in answer.text


def test_a_name_after_a_country_in_a_post_is_someone_the_base_may_lack(engine: Engine) -> None:
    # "Thủ tướng Lào <name>": Laos is the post's; the name is not one of the base's officials
    assert engine.answer("Thủ tướng Lào Phankham Viphavanh sang VN lúc nào vậy?").status is Status.NOT_FOUND


def test_a_typo_in_a_name_is_matched_as_typed_not_corrected_into_a_word_of_the_base(engine: Engine) -> None:
    # the typo corrector would make "Nguễn" the word "nguồn" (source)
    answer = engine.answer("Chủ tịch nước Việt Nam Nguễn Xuân Phúc giữ chức gì")
    assert answer.facts[0] == "nguyen-xuan-phuc"


def test_a_stance_is_found_through_an_acronym_and_a_claimed_term_it_lacks_is_denied(engine: Engine) -> None:
    answer = engine.answer("What did Laos say about Vietnam's bid for a seat on the UN Human Rights Council?")
    assert answer.facts[0] == "laos-supports-vn-hrc-2023-2025"  # "UN" is no unknown name
    answer = engine.answer(
        "Did Laos pledge to back Vietnam's Human Rights Council candidacy for the 2026-2028 term?"
    )
    assert answer.verdict == "no" and "2023–2025" in answer.text


def test_a_person_the_article_does_not_name_is_said_so_with_the_event_s_date(engine: Engine) -> None:
    answer = engine.answer("Who was the Lao National Assembly Chairman who visited Vietnam in December 2021?")
    assert answer.not_stated and "(December 2021)" in answer.text
    assert "it says only: Chairman of the National Assembly of Laos" in answer.text


@pytest.mark.parametrize(
    ("question", "count"),
    [
        ("từ lúc CTN Phúc sang Lào tới lúc CT Quốc hội Lào sang VN cách nhau mấy tháng?", "4 tháng"),
        ("How many months apart were Phạm Minh Chính's and Võ Văn Thưởng's visits to Laos?", "3 months"),
    ],
)
def test_the_months_between_two_visits_named_by_their_people_are_counted(
    engine: Engine, question: str, count: str
) -> None:
    assert engine.answer(question).text.startswith(count)


def test_the_days_left_until_an_act_s_next_anniversary_are_counted(engine: Engine) -> None:
    answer = engine.answer(
        "còn mấy ngày nữa là tới ngày kỷ niệm thiết lập quan hệ ngoại giao VN - Lào vậy?",
        today=dt.date(2026, 8, 30),
    )
    assert answer.text.startswith("Còn 6 ngày nữa đến kỷ niệm 64 năm (ngày 5/9/2026).")


def test_who_someone_received_on_a_day_is_the_event_not_the_receiver_s_profile(engine: Engine) -> None:
    answer = engine.answer("Who did Mr. Minh receive at the ministry on 20 July 2015, and in what role?")
    assert answer.facts[0] == "reception-pham-binh-minh-alounkeo-2015-07-20" and "Alounkeo" in answer.text


@pytest.mark.parametrize(
    ("claim", "truth"),
    [
        ("Did the 46th Intergovernmental Committee session take place in Vientiane?", "Place: Vietnam"),
        ("Did Saleumxay visit Vietnam in November 2021?", "28–29 December 2021"),
    ],
)
def test_a_claim_with_another_place_or_month_is_denied_with_the_truth(
    engine: Engine, claim: str, truth: str
) -> None:
    answer = engine.answer(claim)
    assert answer.verdict == "no" and truth in answer.text


def test_a_round_claimed_of_someone_who_did_not_take_part_is_denied_with_who_did(engine: Engine) -> None:
    answer = engine.answer("Was the 31st border delegation meeting co-chaired by Bùi Thanh Sơn?")
    assert answer.verdict == "no" and "Nguyễn Minh Vũ" in answer.text


def test_an_nth_anniversary_names_no_round(engine: Engine) -> None:
    q = analyze("Who congratulated the Lao army on its 75th anniversary?", engine.index)
    assert q.round is None
    assert engine.answer("Who congratulated the Lao army on its 75th anniversary?").status is Status.ANSWERED


def test_when_a_stance_was_stated_is_the_day_of_its_meeting(engine: Engine) -> None:
    answer = engine.answer(
        "When was \"Vietnam's Ministry of National Defence congratulates the Lao People's Army on its 75th"
        ' anniversary" held?'
    )
    assert answer.facts[0] == "vn-mod-congratulates-lao-army-2024-01-08" and "8 January 2024" in answer.text


def test_a_count_of_days_between_two_acts_is_not_answered_with_one_of_them(engine: Engine) -> None:
    # which anniversary is not said, so no day to count to: not the call's or the founding's answer
    question = "How many days before the army's anniversary did the Vietnamese defence delegation visit?"
    assert engine.answer(question).status is Status.NOT_FOUND


def test_a_stance_named_in_its_own_words_is_found_whatever_the_question_s_other_words(engine: Engine) -> None:
    answer = engine.answer("What did Vietnam and Cambodia say about Laos's ASEAN chairmanship?")
    assert answer.facts[0] == "vn-kh-support-laos-asean-chair-2024"


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        (
            "Việt Nam và Campuchia nhất trí triển khai bản ghi nhớ nào vào tháng 1/2024?",
            "mou-diplomatic-academy-cambodia",
        ),
        (
            "Which border project did the two sides want to finish quickly, per the 2015 consultation?",
            "border-marker-densification-project",
        ),
    ],
)
def test_an_undated_agreement_is_dated_by_the_meetings_that_dealt_with_it(
    engine: Engine, question: str, fact: str
) -> None:
    assert engine.answer(question).facts[0] == fact


def test_an_official_s_full_name_is_held(engine: Engine) -> None:
    answer = engine.answer("ông Vũ chủ nhiệm UB Biên giới quốc gia tên đầy đủ là gì vậy?")
    assert answer.facts[0] == "nguyen-minh-vu"


def test_everyday_english_verbs_and_adverbs_make_no_question_about_something_else(engine: Engine) -> None:
    # "want", "finish", "quickly", "per" are words the base never uses, yet they name no other topic
    q = analyze(
        "Which border project did the two sides want to finish quickly, per the 2015 consultation?",
        engine.index,
    )
    assert q.unknown_words == ()


def test_an_agreement_quoted_whole_with_its_years_is_not_asked_back(engine: Engine) -> None:
    answer = engine.answer(
        "Thỏa thuận hợp tác giữa hai Bộ Ngoại giao giai đoạn 2021-2025 được ký vào ngày tháng năm nào?"
    )
    assert answer.status is Status.ANSWERED and answer.facts[0] == "mfa-cooperation-agreement-2021-2025"


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        (
            "Who represented Singapore at the ASEAN foreign ministers' retreat in Laos in January 2024?",
            "asean-fm-retreat-2024-01",
        ),
        ("DOC là viết tắt của gì?", "doc"),
    ],
)
def test_what_the_article_does_not_say_about_a_thing_it_names_is_said_with_what_it_does(
    engine: Engine, question: str, fact: str
) -> None:
    answer = engine.answer(question)
    assert answer.not_stated and answer.facts[0] == fact


def test_an_unheld_attribute_of_a_city_or_of_other_words_is_not_found(engine: Engine) -> None:
    assert engine.answer("thoi tiet ha noi hom nay the nao").status is Status.NOT_FOUND
    assert engine.answer("luong cua bo truong ngoai giao lao la bao nhieu").status is Status.NOT_FOUND


def test_which_province_a_place_lies_in_is_not_stated_when_the_article_gives_none(engine: Engine) -> None:
    answer = engine.answer("cảng Vũng Áng nằm ở tỉnh nào vậy?")
    assert answer.not_stated and answer.facts[0] == "cang-quoc-te-lao-viet" and "Vũng Áng" in answer.text


@pytest.mark.parametrize(
    "question", ["CA:A", "Saleumxay Kommasith có phải Thủ tướng Lào không?", "hai bên đã đạt đc COC chưa vậy"]
)
def test_a_claim_s_answer_is_to_the_question_asked_and_one_word_claims_nothing(
    engine: Engine, question: str
) -> None:
    answer = engine.answer(question)
    assert answer.question == question
    assert question != "CA:A" or answer.verdict is None


def test_the_next_round_is_the_latest_one_planned_or_none_the_base_knows(engine: Engine) -> None:
    answer = engine.answer("When is the next deputy foreign minister consultation?")
    assert answer.facts[0] == "deputy-fm-political-consultation-9"  # planned for 2024
    answer = engine.answer("kỳ họp tiếp theo của Ủy ban liên Chính phủ tổ chức ở đâu?")
    assert answer.status is Status.NOT_FOUND and "lần thứ 46" in answer.text  # the 46th was held


@pytest.mark.parametrize(
    "question",
    [
        "Which Intergovernmental Committee sessions are on record?",
        "kể mấy kỳ họp của Ủy ban liên Chính phủ đi",
    ],
)
def test_a_plural_of_a_kind_asked_after_which_lists_them_with_where_each_was(
    engine: Engine, question: str
) -> None:
    answer = engine.answer(question)
    assert {"intergovernmental-committee-38", "intergovernmental-committee-46"} <= set(answer.facts)
    assert ("38th (" in answer.text or "lần 38 (" in answer.text) and (
        "Laos" in answer.text or "Lào" in answer.text
    )


def test_every_event_of_a_narrow_kind_is_listed_when_asked_for(engine: Engine) -> None:
    answer = engine.answer("List every courtesy call between the two sides.")
    receptions = set(engine.knowledge.events_by_kind["reception"])
    assert answer.status.value == "answered" and set(answer.facts) == receptions


def test_an_event_of_a_precise_kind_on_the_date_asked_is_named_by_both(engine: Engine) -> None:
    # "tham vấn 12/2021" shares few words with the record, but names the one consultation then
    answer = engine.answer("Dịp tham vấn 12/2021 hai bên đề cập hợp tác đào tạo ra sao?")
    assert answer.status.value == "answered" and answer.facts[0] == "fm-political-consultation-8"


@pytest.mark.parametrize(
    ("question", "country"),
    [
        ("Kể tên giúp mình các quan chức Lào được nhắc tới", "LA"),
        ("Những quan chức Lào nào được nêu tên trong các bài?", "LA"),  # "những … nào": a plural asked
        ("Which Cambodian officials are mentioned?", "KH"),
    ],
)
def test_the_officials_of_a_country_are_listed_when_asked_for(
    engine: Engine, question: str, country: str
) -> None:
    answer = engine.answer(question)
    officials = {o.id for o in engine.knowledge.of_kind(Official) if o.country == country}
    assert answer.status.value == "answered" and set(answer.facts) == officials


def test_officials_asked_of_a_topic_are_answered_by_the_topic(engine: Engine) -> None:
    answer = engine.answer("Which Vietnamese officials pledged support for Laos's ASEAN chairmanship?")
    assert all(engine.knowledge.official(f) is None for f in answer.facts)


@pytest.mark.parametrize(
    "question",
    [
        "Did they plan the 2nd annual consultation of the deputy PMs and FMs for Vientiane?",
        "Was the ninth deputy-FM consultation slated to be hosted by Laos?",
    ],
)
def test_a_place_claimed_for_a_planned_event_is_checked_against_the_plan(
    engine: Engine, question: str
) -> None:
    assert engine.answer(question).verdict == "no"


@pytest.mark.parametrize(
    "question",
    [
        "Was the ASEAN Foreign Ministers' Retreat held in Cambodia?",
        "Hội nghị hẹp Bộ trưởng Ngoại giao ASEAN tháng 1/2024 tổ chức ở Campuchia phải không?",
    ],
)
def test_the_place_claimed_of_a_mechanisms_one_round_is_checked(engine: Engine, question: str) -> None:
    # the place left out to look the round up is what the claim is checked against, not a reason to
    # doubt that the round found is the one asked
    answer = engine.answer(question)
    assert answer.verdict == "no" and answer.facts[0] == "asean-fm-retreat-2024-01"


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("Tham khảo chính trị cấp thứ trưởng lần 9 tính tổ chức bên Lào hả?", "no"),  # planned in Vietnam
        ("Tham khảo chính trị cấp thứ trưởng lần 9 tổ chức bên Việt Nam hả?", "yes"),
        ("Nguyễn Minh Vũ có đồng chủ trì họp đoàn đại biểu biên giới lần 31 ko?", "yes"),
    ],
)
def test_what_a_plan_says_is_checked_against_it(engine: Engine, question: str, verdict: str) -> None:
    assert engine.answer(question).verdict == verdict


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("ong Vuong Dinh Hue tiep Thu tuong Sonexay o Phu Chu tich phai khong", "no"),
        ("Was Sonexay received by Vuong Dinh Hue at the Presidential Palace?", "no"),  # a name the base lacks
        ("Was Sonexay Siphanhdone received by Vuong Dinh Hue at the National Assembly House?", "yes"),
        ("Ông Huệ tiếp Thủ tướng Sonexay tại Nhà Quốc hội đúng không?", "yes"),
    ],
)
def test_a_building_claimed_is_checked_against_the_venue_on_record(
    engine: Engine, question: str, verdict: str
) -> None:
    answer = engine.answer(question)
    assert answer.verdict == verdict and answer.facts[0] == "reception-vuong-dinh-hue-sonexay"
    assert verdict == "yes" or "National Assembly House" in answer.text or "Nhà Quốc hội" in answer.text


def test_whether_a_planned_event_took_place_is_not_known(engine: Engine) -> None:
    answer = engine.answer("Was the 31st border delegation meeting held?")
    assert answer.verdict is None and "planned" in answer.text


def test_a_round_of_two_mechanisms_named_alike_is_asked_back_whichever_holds_the_slot(engine: Engine) -> None:
    # both political consultations have an 8th round; that only one's place is on record picks neither
    answer = engine.answer("Where was the 8th Vietnam–Laos political consultation held?")
    offered = {c.fact_id for c in answer.candidates}
    assert answer.status.value == "ambiguous"
    assert {"fm-political-consultation-8", "deputy-fm-political-consultation-8"} <= offered


def test_a_series_typed_as_its_articles_write_it_is_that_series(engine: Engine) -> None:
    # "tham khảo" reads as "tham vấn", so both consultation series have an 8th round; typed as written,
    # "Tham khảo Chính trị" is what the deputy-minister series' articles call it
    written = engine.answer("Tham khảo Chính trị lần thứ 8 diễn ra năm nào?")
    assert written.status.value == "answered" and written.facts[0] == "deputy-fm-political-consultation-8"
    assert engine.answer("Tham vấn chính trị lần thứ 8 diễn ra năm nào?").status.value == "ambiguous"


def test_a_list_of_one_event_is_that_events_answer(engine: Engine) -> None:
    answer = engine.answer("List the events of January 2023")
    assert len(answer.facts) == 1 and "matching" not in answer.text


@pytest.mark.parametrize(
    "question", ["Kittikhoun Aloukeo là thứ trưởng ngoại giao nưóc nào", "ông Sơn là bộ trưởng bộ nào vậy"]
)
def test_a_post_then_which_one_asks_whose_post_it_is(engine: Engine, question: str) -> None:
    answer = engine.answer(question)
    assert answer.status.value == "answered" and engine.knowledge.official(answer.facts[0]) is not None


def test_after_someone_in_a_question_naming_no_post_is_no_succession(engine: Engine) -> None:
    answer = engine.answer("Who did Bùi Thanh Sơn meet after Saleumxay Kommasith on 28 January 2024?")
    assert "before or after" not in answer.text and "trước hoặc sau" not in answer.text


def test_the_days_between_two_dated_acts_are_counted(engine: Engine) -> None:
    answer = engine.answer(
        "How many days before the Bùi Thanh Sơn–Saleumxay meeting in Laos did the Lao Embassy in Russia"
        " deliver its Tết greetings?"
    )
    assert answer.status.value == "answered" and answer.text.startswith("3 days")


def test_the_days_to_an_nth_anniversary_count_from_the_act_it_marks(engine: Engine) -> None:
    # the 75th anniversary of a founding on 20/1/1949 falls on 20/1/2024; the call, stated at the
    # meeting of 8/1/2024, was 12 days before
    answer = engine.answer(
        "How many days before the Lao army's 75th anniversary did Vietnam's defence ministry pay its"
        " congratulatory call?"
    )
    assert answer.text.startswith("12 days") and "20 January 2024" in answer.text


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("Saleumxay Kommasith có phải người Campuchia không?", "no"),
        ("Is Sok Chenda Sophea from Cambodia?", "yes"),
    ],
)
def test_a_persons_country_claimed_is_checked(engine: Engine, question: str, verdict: str) -> None:
    answer = engine.answer(question)
    assert answer.verdict == verdict and engine.knowledge.official(answer.facts[0]) is not None


@pytest.mark.parametrize(
    "question",
    [
        "Năm 2022 kỷ niệm 60 năm quan hệ ngoại giao, vậy quan hệ được thiết lập từ năm nào?",
        "Vietnam and Laos marked 60 years of diplomatic ties in 2022,"
        " so what year were relations established?",
    ],
)
def test_the_year_an_anniversary_of_a_named_year_counts_from_is_the_acts(
    engine: Engine, question: str
) -> None:
    answer = engine.answer(question)
    assert answer.facts[0] == "establishment-diplomatic-relations-1962" and "1962" in answer.text


def test_tron_n_nam_is_an_nth_anniversary(engine: Engine) -> None:
    # "tròn 80 năm" (a full 80 years) is the 80th anniversary, and no typo of "trong"
    answer = engine.answer("Quân đội nhân dân Lào tròn 80 năm thành lập vào năm nào nhỉ?")
    assert answer.facts[0] == "lao-peoples-army-founding-1949-01-20" and "2029" in answer.text


def test_tinh_den_dates_a_count_and_puts_nothing_anywhere(engine: Engine) -> None:
    # "tính đến năm 2026" (as of 2026): "đến" is no destination, so the act in Vietnam is not required
    answer = engine.answer(
        "Tính đến năm 2026, Việt Nam và Lào đã thiết lập quan hệ ngoại giao được bao nhiêu năm?"
    )
    assert answer.facts[0] == "establishment-diplomatic-relations-1962" and answer.text.startswith("64")


def test_a_kind_of_document_qualified_by_a_topic_no_agreement_holds_is_not_found(engine: Engine) -> None:
    # "thỏa thuận du lịch" is a tourism agreement: not one of the foreign ministries' agreements
    assert engine.answer("Việt Nam và Lào ký thỏa thuận du lịch năm nào?").status.value == "not_found"
    assert engine.answer("Thỏa thuận hợp tác giữa hai Bộ Ngoại giao giai đoạn 2021-2025 ký năm nào?").facts


def test_two_whole_questions_in_one_are_both_answered(engine: Engine) -> None:
    answer = engine.answer(
        "Where did Pham Binh Minh receive Alounkeo, and where did Vuong Dinh Hue receive Sonexay?"
    )
    assert set(answer.facts) == {
        "reception-pham-binh-minh-alounkeo-2015-07-20",
        "reception-vuong-dinh-hue-sonexay",
    }


def test_what_a_record_mentions_is_its_topic_not_the_mentioning(engine: Engine) -> None:
    # "nhắc đến" (mention) is how it is asked; the East Sea documents are what is asked about
    answer = engine.answer(
        "Ở Tham khảo Chính trị lần thứ 8, hai bên nhắc đến những văn kiện nào về Biển Đông?"
    )
    assert all(name in answer.text for name in ("UNCLOS", "DOC", "COC"))


@pytest.mark.parametrize(
    "question",
    [
        "What East Sea instruments did the two deputy ministers refer to in 2023?",
        "List the East Sea documents Vietnam and Laos referred to at the 8th deputy-FM consultation.",
        "Which East Sea documents did Vietnam and Laos refer to at their 8th deputy-FM consultation?",
    ],
)
def test_the_documents_of_a_topic_an_event_referred_to_are_those_its_words_on_it_name(
    engine: Engine, question: str
) -> None:
    # "instruments", "refer to": documents asked, not the events of 2023; the topic keeps those the
    # meeting's words on the East Sea name, not the ministries' agreement it also mentions
    answer = engine.answer(question)
    assert {"unclos-1982", "doc", "coc"} <= set(answer.facts)
    assert "mfa-cooperation-agreement-2021-2025" not in answer.facts
    assert all(name in answer.text for name in ("UNCLOS", "DOC", "COC"))


def test_a_listed_document_known_by_an_acronym_shows_it(engine: Engine) -> None:
    answer = engine.answer("which documents did Vietnam and Laos refer to at the 8th deputy-FM consultation?")
    assert "Law of the Sea of 1982 (UNCLOS 1982)" in answer.text


def test_lan_dau_typed_without_marks_asks_no_place(engine: Engine) -> None:
    # "lần đầu" (the first time) folds to "lan dau", which also reads "lần đâu"
    answer = engine.answer("tham khao chinh tri lan dau dien ra khi nao")
    assert answer.facts[0] == "deputy-fm-political-consultation-1"
    assert "Nhà khách" not in answer.text.splitlines()[0]


def test_a_detail_inside_a_long_record_is_found_by_the_point_that_holds_it(engine: Engine) -> None:
    # the meeting's record is long and says much else; one of its points holds nearly all the question
    answer = engine.answer(
        "Việt Nam và Lào thống nhất tăng cường phối hợp quản lý biên giới nhằm ngăn chặn điều gì?"
    )
    assert answer.facts[0] == "meeting-bui-thanh-son-saleumxay-2021" and "bất hợp pháp" in answer.text
    # what no point holds is still not found
    assert engine.answer("What did Vietnam and Laos agree on space cooperation?").status is Status.NOT_FOUND


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        (
            "Apart from the foreign minister, which Lao leader visited Vietnam in December 2021?",
            "visit-lao-na-chairman-vn-2021-12",
        ),
        (
            "Ngoài chuyến thăm của Chủ tịch nước Phúc, còn chuyến thăm cấp cao nào năm 2021?",
            "visit-lao-na-chairman-vn-2021-12",
        ),
    ],
)
def test_what_an_opening_apart_from_clause_names_is_not_the_answer(
    engine: Engine, question: str, fact: str
) -> None:
    answer = engine.answer(question)
    assert answer.facts[0] == fact and answer.question == question


def test_a_compound_opening_like_ngoai_giao_excludes_nothing(engine: Engine) -> None:
    # "Ngoại giao" (diplomacy) is no "ngoài" (apart from)
    answer = engine.answer("Ngoại giao Việt Nam và Lào, năm 2022 được gọi là năm gì?")
    assert "vn-la-solidarity-friendship-year-2022" in answer.facts


def test_words_a_mechanisms_name_shares_with_everyday_text_name_it_only_if_a_meeting_fits(
    engine: Engine,
) -> None:
    # "giữa hai Bộ Ngoại giao" is in the deputy-level mechanism's name, which met in no December 2021
    answer = engine.answer(
        "Tại tham vấn tháng 12/2021, hai Bộ trưởng đánh giá hợp tác giữa hai BNG được đẩy mạnh"
        " trên cơ sở văn bản nào?"
    )
    assert "fm-political-consultation-8" in answer.facts[:2] and "2021-2025" in answer.text


def test_about_what_matter_asks_one_thing_not_a_list(engine: Engine) -> None:
    # "về chuyện gì" (about what) asks what was said at the one meeting named, not every event of 2021
    answer = engine.answer("Ông Sơn cảm ơn lãnh đạo Lào về chuyện gì khi gặp ông Saleumxay năm 2021 vậy?")
    assert answer.facts[0] == "meeting-bui-thanh-son-saleumxay-2021" and len(answer.facts) == 1
    assert engine.answer("Ngày 28/12/2021 có chuyện gì xảy ra?").status.value == "answered"


@pytest.mark.parametrize(("part", "verdict"), [("sáng", "no"), ("chiều", "yes")])
def test_a_part_of_the_day_claimed_is_checked_against_the_record(
    engine: Engine, part: str, verdict: str
) -> None:
    # the record: "bên lề Hội nghị, chiều 28/1, ông gặp … Bộ trưởng Ngoại giao Campuchia"
    assert engine.answer(f"ông Sơn gặp BT Campuchia vào buổi {part} hả?").verdict == verdict


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("Did Bùi Thanh Sơn meet Sok Chenda Sophea in Phnom Penh?", "no"),  # the meeting was in Laos
        # a city of the country the articles put it in, which they place in no city: not confirmed
        ("Did Bùi Thanh Sơn meet Saleumxay in Vientiane in January 2024?", None),
        ("Was the 8th FM-level consultation held in Hanoi?", None),
    ],
)
def test_a_city_claimed_is_checked_by_the_country_it_lies_in(
    engine: Engine, question: str, verdict: str | None
) -> None:
    answer = engine.answer(question)
    assert answer.verdict == verdict
    assert verdict is not None or answer.status is Status.NOT_FOUND


def test_deputy_pms_in_the_plural_are_deputy_prime_ministers(engine: Engine) -> None:
    answer = engine.answer(
        "Where and when was the 2nd annual consultation between the two Deputy PMs and Foreign Ministers"
        " supposed to take place?"
    )
    assert answer.facts[0] == "deputy-pm-fm-annual-consultation-2" and "Hanoi" in answer.text


def test_meetings_on_the_day_named_are_the_candidates(engine: Engine) -> None:
    # "the talks on 28 January": both ministers' meetings that afternoon; asked which, not refused
    answer = engine.answer("What came out of the talks on the afternoon of 28 January?")
    offered = {c.fact_id for c in answer.candidates}
    assert answer.status.value == "ambiguous"
    assert offered == {
        "meeting-bui-thanh-son-saleumxay-2024-01-28",
        "meeting-bui-thanh-son-sok-chenda-sophea-2024-01-28",
    }


def test_two_posts_held_together_are_one_title(engine: Engine) -> None:
    # "Phó Thủ tướng kiêm Bộ trưởng Ngoại giao", "Deputy PM cum Foreign Minister": the sources write
    # "Phó Thủ tướng, Bộ trưởng Ngoại giao"
    answer = engine.answer("Who is the Deputy Prime Minister cum Foreign Minister?")
    assert {"saleumxay-kommasith", "sok-chenda-sophea", "pham-binh-minh"} <= set(answer.facts)


def test_a_mechanisms_full_name_is_on_record(engine: Engine) -> None:
    answer = engine.answer("Tên đầy đủ của Ủy ban liên Chính phủ Việt Nam - Lào là gì?")
    assert answer.facts[0] == "intergovernmental-committee" and "hợp tác song phương" in answer.text


def test_of_two_people_named_the_first_is_the_subject(engine: Engine) -> None:
    answer = engine.answer("What position did Vương Đình Huệ hold when he met Sonexay Siphanhdone?")
    assert answer.facts[0] == "vuong-dinh-hue" and answer.text.startswith("Vương Đình Huệ")


def test_praise_is_asked_in_everyday_words(engine: Engine) -> None:
    # "khen" (praise) is what the record calls "đánh giá cao" (synonyms.yaml)
    answer = engine.answer("Campuchia khen sáng kiến gì của VN á?")
    assert answer.facts[0] == "cambodia-praises-asean-future-forum" and "Diễn đàn Tương lai" in answer.text


def test_the_kind_of_point_asked_is_no_topic_to_look_for(engine: Engine) -> None:
    # "lĩnh vực" (fields) says what kind of point is asked and "theo" (according to) how; the point
    # itself ("hợp tác an ninh, quốc phòng, … giáo dục … tiếp tục được đẩy mạnh") holds neither
    answer = engine.answer(
        "nam 2015 hop tac Viet Lao day manh trong nhung linh vuc nao theo cuoc hop tham khao lan 1"
    )
    assert answer.facts[0] == "deputy-fm-political-consultation-1" and "giáo dục" in answer.text


def test_a_round_of_a_word_every_series_name_holds_is_asked_back_across_them(engine: Engine) -> None:
    # "tham vấn" heads all three consultation series' names: their 2nd rounds are all candidates
    answer = engine.answer("Cuộc tham vấn lần thứ 2 được dự kiến tổ chức ở đâu?")
    offered = {c.fact_id for c in answer.candidates}
    assert answer.status.value == "ambiguous"
    assert {"deputy-fm-political-consultation-2", "deputy-pm-fm-annual-consultation-2"} <= offered


@pytest.mark.parametrize(
    "question", ["ông Tuấn gặp Saleumxay khi nào?", "bà Hằng có tham gia tham vấn chính trị với Lào ko?"]
)
def test_someone_called_by_an_honorific_and_a_name_no_official_has_is_not_found(
    engine: Engine, question: str
) -> None:
    answer = engine.answer(question)
    assert answer.status.value == "not_found" and question.split()[1] in answer.text  # says whom it lacks
    assert engine.answer("Ông Sơn là ai?").facts[0] == "bui-thanh-son"  # a given name the base knows


def test_a_document_asked_of_an_event_is_the_one_its_point_names(engine: Engine) -> None:
    # "trên cơ sở văn bản nào", "dự án gì": the record asked for leads, under the event's point naming it
    answer = engine.answer(
        "Tại tham vấn tháng 12/2021, hai Bộ trưởng đánh giá hợp tác giữa hai BNG được đẩy mạnh "
        "trên cơ sở văn bản nào?"
    )
    assert answer.facts[:2] == ("mfa-cooperation-agreement-2021-2025", "fm-political-consultation-8")
    answer = engine.answer(
        "tai tham khao chinh tri lan 1, hai ben phan dau som hoan thanh du an gi ve moc quoc gioi"
    )
    assert answer.facts[0] == "border-marker-densification-project"
    # a plural asks for every document the event's record links to
    answer = engine.answer(
        "Which agreements did the two sides say they'd keep implementing at the first deputy-level "
        "consultation in 2015?"
    )
    wanted = {"mfa-cooperation-agreement-2014-2020", "migration-unregistered-marriage-agreement"}
    assert wanted <= set(answer.facts)
    # a stance made there on the topic asked is still the answer, not the documents it cites
    answer = engine.answer("Về Biển Đông ở tham khảo chính trị lần 8, hai bên nhắc tới những văn kiện nào?")
    assert answer.facts[0] == "east-sea-asean-common-position-2023"


def test_the_records_a_listed_answer_names_are_part_of_it(engine: Engine) -> None:
    # one stance answers "which mechanisms …"; the mechanisms it names by acronym are the list asked for
    answer = engine.answer(
        "Which Mekong subregional mechanisms did Laos say it would keep cooperating closely with Vietnam in?"
    )
    assert answer.facts[0] == "laos-mekong-subregional-cooperation"
    assert {"clv", "clmv", "acmecs"} <= set(answer.facts)


def test_a_stance_asked_of_the_meeting_where_it_was_made_is_the_answer(engine: Engine) -> None:
    # the reception is what the question names best; the stance it asks about was made there
    answer = engine.answer("Thứ trưởng Việt nói gì về việc Lào làm Chủ tịch ASEAN?")
    assert answer.facts[0] == "vn-support-laos-asean-chair-2024-dfm8"
    # a stance at each of two meetings named alike is asked back, not picked
    answer = engine.answer(
        "What did Minister Son affirm about Laos's ASEAN chairmanship when they met in Laos in January 2024?"
    )
    assert answer.status is Status.AMBIGUOUS


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("Bộ trưởng Saleumxay là Thủ tướng Lào phải k?", "no"),
        ("Thứ trưởng Việt là Bộ trưởng Ngoại giao hả?", "no"),
        ("Phó Thủ tướng Saleumxay có phải là Bộ trưởng Ngoại giao Lào không?", "yes"),
    ],
)
def test_the_post_claimed_is_the_one_said_after_the_name(engine: Engine, question: str, verdict: str) -> None:
    # the title before a name only names the person; the post after it is what is claimed
    assert engine.answer(question).verdict == verdict


def test_the_spelling_ki_is_read_as_ky(engine: Engine) -> None:
    # "kỉ niệm", "kí": the i-spellings of "kỷ niệm", "ký"
    answer = engine.answer("năm 2022 kỉ niệm bao nhiu năm kí Hiệp ước hữu nghị và hợp tác Viêt-Lào")
    assert answer.facts[0] == "anniversary-45-treaty-of-amity-2022" and "45" in answer.text


@pytest.mark.parametrize(
    ("question", "days"),
    [
        # two rounds side by side, and one act said to come after another
        ("Tham khảo chính trị lần 1 và lần 8 cách nhau bao nhiêu ngày?", None),
        ("Ông Sơn gặp Saleumxay ngày 28/1/2024 sau chuyến chúc mừng Quân đội Lào bao nhiêu ngày?", "20"),
        # an anniversary with no number is the one in the year of the other act
        (
            "Thượng tướng Phùng Sĩ Tấn đến chúc mừng trước ngày kỷ niệm thành lập Quân đội nhân dân Lào "
            "bao nhiêu ngày?",
            "12",
        ),
    ],
)
def test_the_days_between_two_facts_named_side_by_side_are_counted(
    engine: Engine, question: str, days: str | None
) -> None:
    answer = engine.answer(question)
    if days is None:  # a round dated only to its month or year gives no count of days
        assert answer.status is not Status.ANSWERED or "ngày (" not in answer.text
    else:
        assert answer.status is Status.ANSWERED and answer.text.startswith(f"{days} ngày")


def test_when_opening_a_clause_after_another_question_word_asks_nothing(engine: Engine) -> None:
    # "what did … say when he received …" asks what was said, not when
    day = dt.date(2026, 12, 2)
    q = engine.read("What did Pham Binh Minh say when he received Alounkeo?", "en", day)
    assert Intent.WHEN not in q.intents
    q = engine.read("Who co-chaired the 8th FM-level consultation and when was it held?", "en", day)
    assert {Intent.WHO, Intent.WHEN} <= q.intents  # joined by "and", it is asked


def test_the_city_of_a_venue_the_articles_place_in_no_city_is_not_stated(engine: Engine) -> None:
    answer = engine.answer("Phó Thủ tướng Minh tiếp đoàn Lào tại trụ sở BNG, trụ sở đó ở thành phố nào?")
    assert answer.not_stated and "không nêu thành phố" in answer.text and "20/7/2015" in answer.text


def test_dieu_gi_asks_what(engine: Engine) -> None:
    q = engine.read("Hai Bộ trưởng nhấn mạnh điều gì khi gặp nhau ngày 28/1?", "vi", dt.date(2026, 12, 2))
    assert Intent.WHAT in q.intents


def test_a_document_quoted_by_its_name_without_its_year_is_the_one_asked_about(engine: Engine) -> None:
    # the stance that cites the plan matches as many words; the question names the plan itself
    answer = engine.answer("Kế hoạch Chiến lược của Tầm nhìn Cộng đồng ASEAN hướng tới năm nào?")
    assert answer.facts[0] == "asean-community-vision-2045-strategic-plan" and "2045" in answer.text


def test_a_share_claimed_is_checked_against_the_share_on_record(engine: Engine) -> None:
    answer = engine.answer(
        "Did Son and Sok Chenda Sophea talk about demarcating the remaining 20% of the land border?"
    )
    assert answer.verdict == "no" and "16%" in answer.text
    assert engine.answer("Hai bên có bàn việc phân giới 16% đường biên giới còn lại không?").verdict == "yes"


@pytest.mark.parametrize(
    "question",
    [
        "Who is the Colonel General who led the delegation to congratulate the Lao army?",
        "Thượng tướng nào dẫn đầu đoàn chúc mừng Quân đội Lào?",
    ],
)
def test_someone_asked_by_rank_is_the_participant_of_that_rank(engine: Engine, question: str) -> None:
    # the Lao side is unnamed, but the rank asked is that of the named head of delegation
    answer = engine.answer(question)
    assert answer.facts[0] == "vn-mod-congratulates-lao-army-2024-01-08" and "Phùng Sĩ Tấn" in answer.text
    assert engine.answer("Is Phung Si Tan a Colonel General?").verdict == "yes"


def test_the_people_a_list_of_who_asks_for_are_in_the_answer(engine: Engine) -> None:
    answer = engine.answer("Những ai đồng chủ trì Tham vấn chính trị cấp Bộ trưởng lần 8?")
    assert answer.facts[0] == "fm-political-consultation-8"
    assert {"bui-thanh-son", "saleumxay-kommasith"} <= set(answer.facts)


def test_of_tied_meetings_the_one_whose_record_holds_clearly_more_of_the_topic_answers(
    engine: Engine,
) -> None:
    # the minister met Saleumxay three times; only the 2021 meeting's record holds these mechanisms
    answer = engine.answer("saleumxay nhac den nhung co che hop tac tieu vung me cong nao")
    assert answer.status is Status.ANSWERED and "CLMV" in answer.text


def test_how_many_full_years_counts_the_years(engine: Engine) -> None:
    answer = engine.answer(
        "How many full years of diplomatic relations have Vietnam and Laos had as of today?"
    )
    assert answer.facts[0] == "establishment-diplomatic-relations-1962" and answer.text.startswith("64 years")


def test_what_took_place_on_a_day_gives_the_whole_record(engine: Engine) -> None:
    # its date, place and people, not only the points agreed there
    answer = engine.answer("What took place on 20 July 2015?")
    assert answer.status is Status.ANSWERED and "Place:" in answer.text and "Alounkeo" in answer.text


def test_a_country_named_after_the_post_phrase_is_no_part_of_the_post(engine: Engine) -> None:
    # "trong các bài về Lào" says where to look, not that the deputy minister is Lao
    answer = engine.answer("Những ai từng là Thứ trưởng Bộ Ngoại giao Việt Nam trong các bài về Lào?")
    assert {"nguyen-minh-vu", "do-hung-viet", "le-hoai-trung"} <= set(answer.facts)
    # "đại sứ Lào tại Nga": the country after "tại" is the post's
    assert "vilavanh-yiapoher" not in engine.answer("Ai là đại sứ Lào tại Việt Nam?").facts


@pytest.mark.parametrize(
    ("question", "wanted"),
    [
        (
            "Which events were held or scheduled during Saleumxay Kommasith's December 2021 visit to VN?",
            {"fm-political-consultation-8", "one-stop-model-review-conference-2021-12-29"},
        ),
        (
            "ngay 29/12/2021 bo truong ngoai giao lao co nhung hoat dong gi o VN",
            {"one-stop-model-review-conference-2021-12-29", "border-delegation-meeting-31"},
        ),
    ],
)
def test_the_events_held_during_a_visit_are_listed(engine: Engine, question: str, wanted: set[str]) -> None:
    answer = engine.answer(question)
    assert wanted <= set(answer.facts) and "visit-saleumxay-vn-2021-12" not in answer.facts


def test_the_events_planned_at_a_meeting_are_listed_with_where(engine: Engine) -> None:
    answer = engine.answer(
        "List the meetings that were planned at the first deputy-FM political consultation in 2015."
    )
    planned = {
        "intergovernmental-committee-38",
        "deputy-pm-fm-annual-consultation-2",
        "deputy-fm-political-consultation-2",
    }
    assert set(answer.facts) == planned and "Hanoi" in answer.text


def test_of_tied_meetings_the_one_whose_record_names_the_place_asked_about_answers(engine: Engine) -> None:
    # the two ministers met several times; only one meeting's record names the port
    answer = engine.answer("hai bộ trưởng ngoại giao gặp nhau bàn chuyện Vũng Áng hôm đó là ngày mấy vậy")
    assert answer.facts[0] == "meeting-bui-thanh-son-saleumxay-2021"


def test_the_years_since_one_of_two_meetings_alike_is_asked_back_not_guessed(engine: Engine) -> None:
    # the two ministers met in 2021 and in 2024: the earlier is no act the later commemorates
    answer = engine.answer(
        "Cuộc gặp giữa ông Sơn và ông Saleumxay bên lề hội nghị hẹp ASEAN cách đây bao lâu?"
    )
    assert (
        answer.status is not Status.ANSWERED
        or answer.facts[0] == "meeting-bui-thanh-son-saleumxay-2024-01-28"
    )
    # an act and its anniversary still count from the act
    answer = engine.answer("Quân đội nhân dân Lào thành lập được bao nhiêu năm rồi?")
    assert answer.facts[0] == "lao-peoples-army-founding-1949-01-20"


@pytest.mark.parametrize(
    "question",
    [
        "Which Vietnamese initiative did the Cambodian foreign minister praise?",
        "Campuchia khen sáng kiến nào của Việt Nam?",
    ],
)
def test_the_one_stance_in_the_words_asked_beats_the_meeting_near_it(engine: Engine, question: str) -> None:
    assert engine.answer(question).facts[0] == "cambodia-praises-asean-future-forum"


def test_cung_chu_tri_asks_who_co_chaired(engine: Engine) -> None:
    answer = engine.answer(
        "Ai là người đón và cùng chủ trì tham vấn với Bộ trưởng Ngoại giao Lào hồi tháng 12/2021?"
    )
    assert answer.facts[0] == "fm-political-consultation-8" and "Bùi Thanh Sơn" in answer.text


def test_a_place_the_record_itself_names_is_no_other_place_claimed(engine: Engine) -> None:
    # the conference's place is not given, but its record names the border-gate pair
    answer = engine.answer(
        "hai bo truong co nhat tri tong ket mo hinh mot cua mot lan dung o Lao Bao-Densavan khong"
    )
    assert answer.verdict == "yes"


@pytest.mark.parametrize(
    "question",
    [
        "Did Vuong Dinh Hue pay a visit to Laos in 2022?",
        "Ông Vương Đình Huệ có sang thăm Lào năm 2022 không?",
    ],
)
def test_an_act_of_a_kind_the_base_does_not_hold_for_someone_is_not_denied(
    engine: Engine, question: str
) -> None:
    # his reception of the Lao prime minister is no visit; that none is on record is no "no"
    answer = engine.answer(question)
    assert answer.status is Status.NOT_FOUND and answer.verdict is None


def test_holding_a_meeting_asks_no_post(engine: Engine) -> None:
    day = dt.date(2026, 12, 2)
    q = engine.read("Where did Bui Thanh Son and Saleumxay hold the meeting in January 2024?", "en", day)
    assert Intent.PROFILE not in q.intents
    assert Intent.PROFILE in engine.read("What office did Vo Van Thuong hold?", "en", day).intents


def test_a_number_the_question_names_keeps_the_one_stance_holding_it(engine: Engine) -> None:
    answer = engine.answer(
        "Hai bên dự định tổ chức các hoạt động kỷ niệm 60 năm quan hệ ngoại giao vào năm nào?"
    )
    assert answer.facts[0] == "anniversary-60-diplomatic-relations-2022" and "2022" in answer.text


def test_the_full_name_of_a_mechanism_named_in_part_is_its_profile(engine: Engine) -> None:
    answer = engine.answer("What is the full name of the Vietnam–Laos Intergovernmental Committee?")
    assert answer.facts[0] == "intergovernmental-committee" and "Bilateral Cooperation" in answer.text


def test_what_a_document_quoted_whole_includes_is_its_own_record(engine: Engine) -> None:
    answer = engine.answer(
        "Thỏa thuận hợp tác giữa hai Bộ Ngoại giao giai đoạn 2021-2025 bao gồm viêc tổ chức "
        "những cuộc tham vấn nào?"
    )
    assert answer.facts[0] == "mfa-cooperation-agreement-2021-2025" and "Thứ trưởng" in answer.text


def test_a_claim_quoting_a_facts_whole_name_is_checked_against_it(engine: Engine) -> None:
    # the article "agreed to make 2022 the year of …"; the claim says "chosen as" in other words
    answer = engine.answer("Năm 2022 được chọn làm Năm Đoàn kết hữu nghị Việt Nam - Lào phải không?")
    assert answer.verdict == "yes" and answer.facts[0] == "vn-la-solidarity-friendship-year-2022"
    assert (
        engine.answer("Năm 2023 được chọn làm Năm Đoàn kết hữu nghị Việt Nam - Lào phải không?").verdict
        != "yes"
    )


def test_a_claim_naming_the_wrong_country_is_denied_with_the_countries_on_record(engine: Engine) -> None:
    answer = engine.answer(
        "Bản ghi nhớ giữa Học viện Ngoại giao VN và viện ngoại giao bên kia là giữa VN với Lào à?"
    )
    assert answer.verdict == "no" and answer.facts[0] == "mou-diplomatic-academy-cambodia"
    assert "Việt Nam và Campuchia" in answer.text
    # a pair of countries neither of which is the fact's: not the same claim denied
    assert (
        engine.answer("Lào với Campuchia có tổ chức tham vấn chính trị song phương năm 2023 không?").verdict
        is None
    )


@pytest.mark.parametrize(
    ("question", "people"),
    [
        ("Thứ trưởng Việt với ông Sơn giữ chức vụ gì?", {"do-hung-viet", "bui-thanh-son"}),
        ("ông Sơn và ông Saleumxay giữ chức gì?", {"bui-thanh-son", "saleumxay-kommasith"}),
    ],
)
def test_two_people_named_by_given_name_side_by_side_are_both_profiled(
    engine: Engine, question: str, people: set[str]
) -> None:
    answer = engine.answer(question)
    assert answer.status is Status.ANSWERED and set(answer.facts) == people


def test_which_committee_someone_chairs_is_their_post(engine: Engine) -> None:
    answer = engine.answer("ông Vũ là chủ nhiệm ủy ban nào?")
    assert answer.facts[0] == "nguyen-minh-vu" and "Ủy ban Biên giới quốc gia" in answer.text


def test_a_word_folded_like_a_question_word_does_not_stop_a_yes_no_question(engine: Engine) -> None:
    # "Đầu năm" (early in the year) folds like "đâu" (where)
    answer = engine.answer("Đầu năm 2024 ông Saleumxay còn làm Bộ trưởng Ngoại giao Lào ko hả?")
    assert answer.verdict == "yes" and answer.facts[0] == "saleumxay-kommasith"


@pytest.mark.parametrize(
    ("question", "facts"),
    [
        (
            "Chủ tịch nước Phúc thăm Lào tháng mấy, còn chủ tịch Thưởng thì tháng mấy?",
            ["visit-nguyen-xuan-phuc-la-2021-08", "visit-vo-van-thuong-la-2023-04"],
        ),
        (
            "When were diplomatic relations established, and when was the friendship treaty signed?",
            ["establishment-diplomatic-relations-1962", "signing-treaty-of-amity-1977"],
        ),
    ],
)
def test_a_second_question_said_as_a_follow_up_of_the_first_is_answered_too(
    engine: Engine, question: str, facts: list[str]
) -> None:
    answer = engine.answer(question)
    assert answer.status is Status.ANSWERED and list(answer.facts) == facts


def test_besides_one_thing_what_else_is_no_second_question(engine: Engine) -> None:
    answer = engine.answer("Ngoài chuyến thăm của Chủ tịch nước Phúc, còn chuyến thăm cấp cao nào năm 2021?")
    assert "visit-nguyen-xuan-phuc-la-2021-08" not in answer.facts


def test_the_documents_signed_in_a_year_are_listed_not_the_meetings_held_then(engine: Engine) -> None:
    answer = engine.answer("Which documents did Vietnam and Laos sign in 2014?")
    assert answer.facts[0] == "mfa-cooperation-agreement-2014-2020"


def test_a_list_naming_only_the_kind_of_document_lists_every_one_signed(engine: Engine) -> None:
    # "văn kiện hợp tác" (cooperation documents) names the kind, not the one treaty with "hợp tác" in its name
    answer = engine.answer("Các văn kiện hợp tác Việt Nam - Lào đã được ký gồm những gì?")
    assert {"treaty-of-amity-and-cooperation", "mfa-cooperation-agreement-2014-2020"} <= set(answer.facts)


def test_the_stance_whose_words_hold_what_is_asked_of_a_meeting_is_the_answer(engine: Engine) -> None:
    answer = engine.answer(
        "Phó Thủ tướng Phạm Bình Minh khẳng định Việt Nam dành mức độ ưu tiên "
        "như thế nào cho quan hệ với Lào?"
    )
    assert answer.facts[0] == "vn-highest-priority-to-laos-relations"
    # what was discussed at the meeting as a whole is still the meeting
    assert engine.answer("Ông Phạm Bình Minh tiếp Alounkeo năm 2015 đã trao đổi những gì?").facts[0] == (
        "reception-pham-binh-minh-alounkeo-2015-07-20"
    )


def test_the_years_left_of_a_period_count_to_its_end(engine: Engine) -> None:
    asked = "Thỏa thuận hợp tác giữa hai Bộ Ngoại giao giai đoạn 2021-2025 còn bao nhiêu năm?"
    running = engine.answer(asked, today=dt.date(2023, 6, 1))
    assert running.facts[0] == "mfa-cooperation-agreement-2021-2025" and "còn 2 năm" in running.text
    over = engine.answer("How many years are left in the 2014-2020 cooperation agreement?")
    assert over.facts[0] == "mfa-cooperation-agreement-2014-2020" and "over" in over.text


def test_a_day_asked_of_a_round_its_article_dates_to_a_month_is_said_to_be_missing(engine: Engine) -> None:
    # the year stands apart from the day ("năm 2021 … ngày 28 hay 29/12"): it is the day's year
    answer = engine.answer("tham van chinh tri lan 8 nam 2021 dien ra ngay 28 hay 29/12")
    assert answer.facts[0] == "fm-political-consultation-8" and answer.not_stated
    assert "không nêu ngày cụ thể" in answer.text


def test_a_word_of_the_question_one_letter_off_the_events_name_is_a_topic_not_a_typo(engine: Engine) -> None:
    # "tương" (ứng) is a word of its own, not a typo of "trưởng" in the consultation's name
    answer = engine.answer(
        "Theo Tham khảo Chính trị cấp Thứ trưởng lần 8, các đơn vị tương ứng của hai Bộ cần phối hợp "
        "trong những lĩnh vực nào?"
    )
    assert answer.facts[0] == "deputy-fm-political-consultation-8" and "lãnh sự" in answer.text


def test_the_meetings_someone_chaired_during_a_visit_are_listed(engine: Engine) -> None:
    # "đồng chủ trì những cuộc họp nào": the meetings are asked for, not who chaired
    answer = engine.answer(
        "Trong chuyến thăm VN tháng 12/2021, Bộ trưởng Ngoại giao Lào đồng chủ trì những cuộc họp nào?"
    )
    assert {"fm-political-consultation-8", "border-delegation-meeting-31"} <= set(answer.facts)


def test_whom_someone_met_on_the_sidelines_of_a_meeting_is_their_meetings_there(engine: Engine) -> None:
    answer = engine.answer(
        "Bên lề Hội nghị hẹp Bộ trưởng Ngoại giao ASEAN tại Lào, Bộ trưởng Bùi Thanh Sơn đã gặp những ai?"
    )
    assert {
        "meeting-bui-thanh-son-saleumxay-2024-01-28",
        "meeting-bui-thanh-son-sok-chenda-sophea-2024-01-28",
    } <= set(answer.facts)


def test_a_meeting_beside_a_conference_named_in_part_is_picked_by_it(engine: Engine) -> None:
    # two meetings of the same two ministers; only one was on the sidelines of the ASEAN retreat
    answer = engine.answer("ông Sơn gặp ông Saleumxay bên lề hội nghị hẹp ASEAN ngày nào?")
    assert (
        answer.status is Status.ANSWERED and answer.facts[0] == "meeting-bui-thanh-son-saleumxay-2024-01-28"
    )


@pytest.mark.parametrize(
    ("question", "place"),
    [
        (
            "Kim ngạch thương mại Việt - Lào bao nhiêu?",
            "cua-khau-lao-bao-densavan",
        ),  # "Lào bao", no "Lao Bảo"
        ("Bà Hà nói gì ở Lào?", "ha-noi"),  # "Hà nói", no "Hà Nội"
    ],
)
def test_words_typed_with_other_tone_marks_than_a_place_name_are_not_the_place(
    engine: Engine, question: str, place: str
) -> None:
    assert place not in analyze(question, engine.index).places
    assert "cua-khau-lao-bao-densavan" in analyze("cửa khẩu Lao Bảo ở đâu", engine.index).places
    assert "cua-khau-lao-bao-densavan" in analyze("cua khau lao bao o dau", engine.index).places  # no marks


def test_a_detail_only_the_articles_own_sentence_holds_is_quoted(engine: Engine) -> None:
    answer = engine.answer(
        "Hai Bộ trưởng Ngoại giao Việt Nam và Campuchia nhấn mạnh tầm quan trọng của điều gì "
        "khi gặp nhau ngày 28/1?"
    )
    assert (
        answer.facts[0] == "meeting-bui-thanh-son-sok-chenda-sophea-2024-01-28"
        and "láng giềng" in answer.text
    )


def test_the_initials_of_a_mechanisms_name_stand_for_it(engine: Engine) -> None:
    # "TKCT" is "Tham khảo Chính trị"; initials that are a word of the base are left alone
    assert engine.index.corrected("tkct lan 8 o dau") == "tham khao chinh tri lan 8 o dau"
    assert all(acronym not in engine.index.vocabulary for acronym in engine.index.acronyms)


def test_when_someone_held_a_post_is_their_posts_as_of_the_articles_dates(engine: Engine) -> None:
    answer = engine.answer("lê hoài trung làm thứ trưởng bộ ngoại giao hồi năm nào")
    assert answer.facts[0] == "le-hoai-trung" and answer.not_stated and "7/2015" in answer.text
    # a title in a stance's words is no post asked of the person
    stance = engine.answer("Theo Phó Thủ tướng Phạm Bình Minh, Lào đảm nhiệm vai trò Chủ tịch ASEAN năm nào?")
    assert stance.facts[0] != "pham-binh-minh"


def test_how_two_mechanisms_named_side_by_side_differ_is_what_each_is(engine: Engine) -> None:
    answer = engine.answer(
        "Tham vấn chính trị cấp Bộ trưởng và Tham khảo Chính trị cấp Thứ trưởng giữa Việt Nam và Lào "
        "khác nhau thế nào?"
    )
    assert (
        answer.facts[0] == "fm-political-consultation" and "deputy-fm-political-consultation" in answer.facts
    )


def test_two_rounds_of_mechanisms_named_by_their_levels_get_both_answers(engine: Engine) -> None:
    # "minister-level" and "deputy-minister-level" are the levels the mechanisms' names give
    answer = engine.answer(
        "When were the 8th minister-level and the 8th deputy-minister-level consultations held, respectively?"
    )
    assert list(answer.facts) == ["fm-political-consultation-8", "deputy-fm-political-consultation-8"]


def test_everyday_verbs_of_a_question_are_known_words(engine: Engine) -> None:
    answer = engine.answer(
        "What was two-way trade between Vietnam and Laos in the first 11 months of 2021, "
        "and how fast did it grow?"
    )
    assert {"vn-la-trade-11m-2021", "vn-la-trade-growth-11m-2021"} <= set(answer.facts)


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("Kommasith Saleumxay với Saleumxay Kommasith là 1 người hả?", "yes"),
        ("Is Kommasith Saleumxay someone other than Saleumxay Kommasith?", "no"),
    ],
)
def test_two_ways_of_writing_one_name_are_one_person(engine: Engine, question: str, verdict: str) -> None:
    answer = engine.answer(question)
    assert answer.verdict == verdict and answer.facts[0] == "saleumxay-kommasith"


def test_someones_name_asked_in_english_asks_who(engine: Engine) -> None:
    assert Intent.WHO in analyze("What's the ambassador's name?", engine.index).intents


def test_a_claim_one_of_several_stances_listed_says_is_confirmed(engine: Engine) -> None:
    # "sẽ làm" (will be) is how the claim says it, not a word the stance must hold
    answer = engine.answer("Lào sẽ làm Chủ tịch ASEAN năm 2024 phải không?")
    assert answer.verdict == "yes" and "vn-support-laos-asean-chair-2024" in answer.facts


def test_a_second_question_about_the_first_ones_subject_by_pronoun_is_answered_too(engine: Engine) -> None:
    answer = engine.answer("Thứ trưởng Việt là ai, ông ấy phát biểu gì về Lào làm Chủ tịch ASEAN?")
    assert list(answer.facts) == ["do-hung-viet", "vn-support-laos-asean-chair-2024-dfm8"]


@pytest.mark.parametrize(
    "question",
    [
        "Năm 2022 được Việt Nam và Lào gọi là năm gì?",
        "nam 2022 dc goi la nam j",
        "năm 2022 hai nước đặt tên là năm gì ấy nhỉ?",  # no word of stance: the noun asked alone
    ],
)
def test_what_a_year_named_is_called_is_the_stance_titled_by_that_noun(engine: Engine, question: str) -> None:
    # "năm gì" of a year the question names asks its name, not its date: the stance titled "Năm …"
    assert list(engine.answer(question).facts) == ["vn-la-solidarity-friendship-year-2022"]


def test_which_year_with_no_year_named_still_asks_when(engine: Engine) -> None:
    answer = engine.answer("Việt Nam và Lào bàn về Biển Đông ở cuộc họp năm nào?")
    assert "vn-la-solidarity-friendship-year-2022" not in answer.facts


@pytest.mark.parametrize(
    "question",
    [
        "How did Alounkeo Kittikhoun describe the political consultation mechanism?",
        "Thứ trưởng Lào Alounkeo đánh giá cơ chế Tham khảo Chính trị giữa hai BNG ra sao?",
    ],
)
def test_how_someone_saw_a_mechanism_is_their_point_naming_it_beside_its_meeting(
    engine: Engine, question: str
) -> None:
    # he said it at the courtesy call beside the consultation, not at the consultation itself
    answer = engine.answer(question)
    assert answer.facts[0] == "reception-pham-binh-minh-alounkeo-2015-07-20"
    assert "hiệu quả" in answer.text or "effective" in answer.text


def test_asking_back_when_two_people_met_offers_every_event_both_took_part_in(engine: Engine) -> None:
    # co-chairing a consultation is meeting too, not only the events called meetings
    answer = engine.answer("When did Bùi Thanh Sơn meet Saleumxay Kommasith?")
    assert answer.status is Status.AMBIGUOUS
    offered = {c.fact_id for c in answer.candidates}
    assert {"meeting-bui-thanh-son-saleumxay-2021", "fm-political-consultation-8"} <= offered


def test_according_to_the_article_is_no_part_of_a_claim(engine: Engine) -> None:
    # "theo bài viết" points at the sources, as "according to the article" does
    answer = engine.answer("Cộng đồng ASEAN được thành lập vào cuối năm 2015 theo bài viết đúng không?")
    assert answer.verdict == "yes" and answer.facts[0] == "asean-community-established-2015"


def test_a_person_claimed_of_an_event_the_words_name_is_checked_against_that_event(engine: Engine) -> None:
    # the words name the one-stop review conference; Vũ co-chaired another meeting that day
    answer = engine.answer("hội nghị tổng kết một cửa một lần dừng là Thứ trưởng Vũ chủ trì với phía Lào hả")
    assert answer.verdict == "no" and answer.facts[0] == "one-stop-model-review-conference-2021-12-29"


def test_a_common_word_opening_the_question_capitalised_is_no_unknown_name(engine: Engine) -> None:
    # "Đoàn" (delegation) is a word the articles write in lower case: the question only starts with it
    q = engine.read("Đoàn Bộ Ngoại giao Lào sang VN tháng 7/2015 do ai dẫn đầu", None, dt.date(2026, 12, 2))
    assert not q.unknown_names
    assert engine.read("Hội đồng Bảo an có nói gì về Lào không", None, dt.date(2026, 12, 2)).unknown_names


def test_a_round_no_article_has_claimed_of_someone_is_denied_with_the_round_they_took_part_in(
    engine: Engine,
) -> None:
    answer = engine.answer("Sonexay đồng chủ trì kỳ họp 45 ủy ban liên chính phủ đúng ko")
    assert answer.verdict == "no" and list(answer.facts) == ["intergovernmental-committee-46"]


@pytest.mark.parametrize(
    ("question", "fact", "expected"),
    [
        # the round is one of the mechanism named right before it; the other is what is asked of it:
        # the session its record names
        (
            "hồi tham khảo chính trị lần đầu năm 2015 hai bên thống nhất chuẩn bị kỳ họp thứ mấy"
            " của UB liên Chính phủ vậy",
            "intergovernmental-committee-38",
            "38",
        ),
        # "kỳ họp thứ mấy" asks for a session, not for the visit he made for it
        (
            "ông Sonexay sang VN đồng chủ trì kỳ họp thứ mấy của Ủy ban liên Chính phủ nhỉ",
            "intergovernmental-committee-46",
            "46",
        ),
    ],
)
def test_a_round_belongs_to_the_mechanism_named_before_it_and_which_session_asks_a_session(
    engine: Engine, question: str, fact: str, expected: str
) -> None:
    answer = engine.answer(question)
    assert answer.facts[0] == fact and expected in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "How many years passed between the first and the eighth deputy-FM-level political consultations?",
        "Từ lần 1 đến lần 8 tham khảo chính trị cấp thứ trưởng là bao nhiêu năm?",
    ],
)
def test_two_rounds_named_once_after_the_second_are_counted_apart(engine: Engine, question: str) -> None:
    answer = engine.answer(question)
    assert set(answer.facts) >= {"deputy-fm-political-consultation-1", "deputy-fm-political-consultation-8"}
    assert answer.text.startswith("8 ")


def test_the_day_of_an_nth_anniversary_is_the_acts_day_that_many_years_on(engine: Engine) -> None:
    answer = engine.answer("Quan doi nhan dan Lao ky niem 75 nam thanh lap vao ngay nao?")
    assert answer.facts[0] == "lao-peoples-army-founding-1949-01-20" and "20/1/2024" in answer.text


def test_a_stance_is_dated_by_the_act_it_was_stated_at_only_when_the_question_names_that_act(
    engine: Engine,
) -> None:
    # "chúc mừng" names the congratulation; "kỉ niệm 75 năm" alone names only the anniversary
    named = engine.answer("Bộ Quốc phòng Việt Nam chúc mừng 75 năm thành lập QĐND Lào khi nào?")
    assert named.facts[0] == "vn-mod-congratulates-lao-army-2024-01-08"
    alone = engine.answer("quân đội nhân dân Lào kỉ niệm 75 năm năm nào")
    assert "vn-mod-congratulates-lao-army-2024-01-08" not in alone.facts


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("Did Laos pledge to back Vietnam's bid for a seat on the UN Security Council?", "no"),
        ("Lào ủng hộ Việt Nam vào Hội đồng Bảo an phải không?", "no"),
        ("Lào ủng hộ Việt Nam vào Hội đồng Nhân quyền phải không?", "yes"),
    ],
)
def test_a_body_claimed_beside_the_one_a_stance_names_is_another_body(
    engine: Engine, question: str, verdict: str
) -> None:
    # "Security Council", "Hội đồng Bảo an" share a word with the Human Rights Council, and are not it
    answer = engine.answer(question)
    assert answer.verdict == verdict and answer.facts[0] == "laos-supports-vn-hrc-2023-2025"


@pytest.mark.parametrize(
    "question",
    [
        "tại sao VN không ủng hộ Lào làm chủ tịch ASEAN 2016 vậy",
        "Why didn't Vietnam support Laos's ASEAN chairmanship in 2016?",
    ],
)
def test_a_reason_asked_for_what_the_articles_say_did_happen_corrects_the_premise(
    engine: Engine, question: str
) -> None:
    answer = engine.answer(question)
    assert answer.verdict == "no" and answer.facts[0] == "vn-support-laos-asean-chair-2016"


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        (
            "Hội nghị hẹp Bộ trưởng Ngoại giao ASEAN là một cơ chế song phương Việt Nam - Lào phải không?",
            "no",
        ),
        ("Tham vấn chính trị cấp Bộ trưởng là cơ chế song phương phải không?", "yes"),
    ],
)
def test_a_mechanism_is_bilateral_when_the_articles_give_it_two_countries(
    engine: Engine, question: str, verdict: str
) -> None:
    assert engine.answer(question).verdict == verdict


def test_a_post_asked_with_a_country_beside_it_is_a_person_of_that_country(engine: Engine) -> None:
    # "BT Campuchia" is the Cambodian minister, not Bộ trưởng Sơn at the retreat where he met him
    answer = engine.answer("ông Sơn gặp BT Campuchia khi nào?")
    assert answer.facts[0] == "meeting-bui-thanh-son-sok-chenda-sophea-2024-01-28"


def test_a_place_that_is_no_candidates_venue_is_a_topic_that_picks_the_meeting_naming_it(
    engine: Engine,
) -> None:
    # the 2021 meeting's record names the port; the 2024 one only holds a venue
    answer = engine.answer("Cuộc gặp giữa ông Sơn và ông Saleumxay bàn về cảng Vũng Áng diễn ra ở đâu vậy?")
    assert answer.facts[0] == "meeting-bui-thanh-son-saleumxay-2021"


def test_two_acronyms_side_by_side_are_both_answered(engine: Engine) -> None:
    answer = engine.answer("DOC với COC trong bài là viết tắt của gì vậy?")
    assert list(answer.facts) == ["doc", "coc"]


def test_how_many_members_of_a_group_named_by_acronym_says_the_articles_do_not_list_them(
    engine: Engine,
) -> None:
    answer = engine.answer("CLMV gồm mấy nước nào vậy")
    assert answer.facts[0] == "clmv" and "không nêu" in answer.text


def test_the_event_someone_named_took_the_part_asked_in_is_not_passed_over_for_having_only_them(
    engine: Engine,
) -> None:
    # he co-chaired the 46th session; that the article names no one else there is no reason against it
    answer = engine.answer("Thủ tướng Lào Sonexay Siphandone sang Việt Nam để đồng chủ trì sự kiện gì?")
    assert answer.facts[0] == "intergovernmental-committee-46"


def test_what_someone_congratulated_on_is_the_point_of_the_meeting_that_says_so(engine: Engine) -> None:
    # "chúc mừng" asks what; it is also what the 2021 meeting's record says was done, and no other
    # meeting of the two ministers holds it
    for question in (
        "Saleumxay chúc mừng Việt Nam điều gì khi gặp ông Sơn?",
        "What did Saleumxay congratulate Vietnam on?",
    ):
        answer = engine.answer(question)
        assert answer.facts[0] == "meeting-bui-thanh-son-saleumxay-2021", question
        assert "XV" in answer.text or "15th" in answer.text


def test_a_congratulation_the_event_is_named_by_is_no_topic_within_it(engine: Engine) -> None:
    answer = engine.answer("Thượng tướng Phùng Sĩ Tấn đến chúc mừng Bộ Quốc phòng Lào hôm nào?")
    assert answer.facts[0] == "vn-mod-congratulates-lao-army-2024-01-08" and "8/1/2024" in answer.text


def test_the_session_asked_of_what_two_people_agreed_is_the_one_their_meetings_record_links_to(
    engine: Engine,
) -> None:
    # no session of the committee had the two ministers: the session asked is the one the record of
    # their meeting names
    for question in (
        "Tháng 1/2024 ông Sơn và ông Saleumxay thống nhất thực hiện kết quả kỳ họp thứ mấy của UB liên CP?",
        "Which Intergovernmental Committee session did Son and Saleumxay agree in 2024 to follow up?",
    ):
        assert engine.answer(question).facts[0] == "intergovernmental-committee-46", question


def test_a_session_asked_that_no_record_of_the_people_links_to_is_not_found(engine: Engine) -> None:
    answer = engine.answer(
        "Năm 2015 ông Minh và ông Alounkeo bàn về kỳ họp thứ mấy của Ủy ban liên Chính phủ?"
    )
    assert answer.status is not Status.ANSWERED


def test_a_stance_asked_by_the_year_it_was_stated_in_is_found_though_it_is_about_a_later_year(
    engine: Engine,
) -> None:
    # the support for Laos' 2016 chairmanship was stated at a 2015 meeting
    for question in (
        "Năm 2015 Phạm Bình Minh cam kết ủng hộ Lào làm Chủ tịch ASEAN vào năm nào?",
        "In 2015, Pham Binh Minh pledged support for Laos chairing ASEAN in which year?",
    ):
        answer = engine.answer(question)
        assert answer.facts[0] == "vn-support-laos-asean-chair-2016" and "2016" in answer.text, question


def test_the_round_planned_at_another_is_the_one_asked_and_the_date_before_the_plan_is_the_others(
    engine: Engine,
) -> None:
    for question in (
        "Tại tham khảo chính trị lần đầu, hai bên hẹn tổ chức lần thứ hai ở đâu?",
        "At the first political consultation in 2015, where did the two sides agree to hold the 2nd round?",
        "hoi 2015 hai ben hen to chuc tham khao chinh tri lan 2 o dau",
    ):
        answer = engine.answer(question)
        assert answer.facts[0] == "deputy-fm-political-consultation-2", question
        assert "Lào" in answer.text or "Laos" in answer.text, question


def test_of_meetings_whose_records_speak_of_the_topic_alike_the_one_where_the_person_named_says_it(
    engine: Engine,
) -> None:
    # the 2021 meeting and the December 2021 consultation both speak of COVID-19; Sơn speaks of it
    # only in the meeting's record
    for question in (
        "Theo ông Sơn, Việt Nam giúp Lào những gì trong phòng chống COVID-19?",
        "According to Minister Son, what did Vietnam provide Laos to fight COVID-19?",
    ):
        assert engine.answer(question).facts[0] == "meeting-bui-thanh-son-saleumxay-2021", question


def test_each_other_is_no_topic_of_a_meeting(engine: Engine) -> None:
    # "gặp nhau" names the meeting, not what was agreed there: they met several times
    answer = engine.answer("Bùi Thanh Sơn và Saleumxay Kommasith gặp nhau đã thống nhất những gì?")
    assert answer.status is Status.AMBIGUOUS


def test_the_conference_asked_on_whose_sidelines_two_people_met_is_the_one_holding_their_meeting(
    engine: Engine,
) -> None:
    for question in (
        "ông Sơn với ông Saleumxay gặp nhau bên lề hội nghị nào vậy",
        "On the sidelines of which conference did Bui Thanh Son meet Saleumxay Kommasith?",
    ):
        assert engine.answer(question).facts[0] == "asean-fm-retreat-2024-01", question


def test_two_questions_in_one_about_different_things_are_both_answered(engine: Engine) -> None:
    # the second is asked of the person the first names
    answer = engine.answer("Sok Chenda Sophea là ai, gặp Bộ trưởng Sơn ở đâu?")
    assert answer.facts[:2] == ("sok-chenda-sophea", "meeting-bui-thanh-son-sok-chenda-sophea-2024-01-28")
    assert "Campuchia" in answer.text and "tại Lào" in answer.text


def test_two_questions_in_one_whose_whole_fits_several_things_still_asks_back(engine: Engine) -> None:
    answer = engine.answer("Ông Sơn gặp ông Saleumxay ở đâu, bàn những gì?")
    assert answer.status is Status.AMBIGUOUS


def test_an_acronym_ending_in_s_is_the_mechanism_it_names(engine: Engine) -> None:
    # the index holds "ACMECS" as "acmec", a final "s" read as an English plural
    answer = engine.answer("ACMECS là viết tắt của gì vậy?")
    assert answer.facts[0] == "acmecs" and "không nêu" in answer.text


def test_tell_me_about_someone_is_their_profile(engine: Engine) -> None:
    assert engine.answer("Cho mình biết về ông Alounkeo Kittikhoun").facts[0] == "alounkeo-kittikhoun"


def test_two_years_named_apart_are_counted_between_the_facts_of_each(engine: Engine) -> None:
    answer = engine.answer("Laos chaired ASEAN in 2016 and in 2024: how many years apart is that?")
    assert answer.status is Status.ANSWERED and "8" in answer.text.split("\n")[0]
    answer = engine.answer("lào làm chủ tịch asean năm 2016 và 2024 cách nhau bao nhiêu năm")
    assert answer.facts[0] == "vn-support-laos-asean-chair-2016" and answer.text.startswith("8 năm")


def test_a_post_said_after_a_name_with_an_act_after_it_asks_about_the_act(engine: Engine) -> None:
    # not when he became deputy minister: when what he pledged is for
    answer = engine.answer("anh Việt thứ trưởng hứa hỗ trợ tối đa cho Lào làm Chủ tịch ASEAN năm nào?")
    assert answer.facts[0] == "vn-support-laos-asean-chair-2024-dfm8"


def test_a_post_the_opening_clause_gives_someone_who_never_held_it_is_a_false_premise(engine: Engine) -> None:
    # Đỗ Hùng Việt was deputy minister: "khi ông Việt làm Bộ trưởng" is corrected, not answered around
    answer = engine.answer("Khi ông Việt làm Bộ trưởng, ông đồng chủ trì cuộc tham khảo nào?")
    assert answer.facts[0] == "do-hung-viet" and "giả định" in answer.text and "Thứ trưởng" in answer.text
    claim = engine.answer(
        "Hồi làm Bộ trưởng Ngoại giao, ông Việt có đồng chủ trì tham khảo chính trị lần 8 không?"
    )
    assert claim.verdict == "no" and claim.facts[0] == "do-hung-viet"


def test_a_post_the_opening_clause_gives_rightly_is_no_premise_to_correct(engine: Engine) -> None:
    answer = engine.answer("Khi ông Việt làm Thứ trưởng, ông đồng chủ trì cuộc tham khảo nào?")
    assert answer.facts[0] == "deputy-fm-political-consultation-8"


def test_an_acronym_that_is_a_documents_whole_title_picks_it_over_a_stance_citing_it(engine: Engine) -> None:
    answer = engine.answer("COC với DOC khác nhau chỗ nào?")
    assert list(answer.facts[:2]) == ["coc", "doc"] and "địa điểm" not in answer.text


def test_two_periods_named_side_by_side_are_two_documents_both_answered(engine: Engine) -> None:
    answer = engine.answer(
        "Compare the 2014-2020 and the 2021-2025 cooperation agreements between the two ministries"
    )
    assert set(answer.facts[:2]) == {
        "mfa-cooperation-agreement-2014-2020",
        "mfa-cooperation-agreement-2021-2025",
    }


def test_what_someone_thanked_for_is_the_point_of_the_meeting_that_says_so(engine: Engine) -> None:
    answer = engine.answer("Saleumxay cảm ơn Việt Nam về điều gì năm 2021?")
    assert answer.facts[0] == "meeting-bui-thanh-son-saleumxay-2021" and "cảm ơn" in answer.text


def test_my_in_an_english_question_is_no_united_states(engine: Engine) -> None:
    # "Mỹ" is the United States in Vietnamese; "my" in English asks nothing of it
    assert (
        engine.answer("Can you answer my question: who is Saleumxay Kommasith?").facts[0]
        == "saleumxay-kommasith"
    )
    assert engine.answer("Did the American secretary of state visit Laos?").status is Status.NOT_FOUND


def test_when_opening_a_clause_before_another_question_word_asks_no_date(engine: Engine) -> None:
    q = engine.read(
        "When Saleumxay visited Vietnam in December 2021, what did he co-chair?", "en", dt.date(2026, 12, 2)
    )
    assert Intent.WHEN not in q.intents
    q = engine.read("When did Son meet Saleumxay and who else attended?", "en", dt.date(2026, 12, 2))
    assert {Intent.WHEN, Intent.WHO} <= q.intents


def test_the_kind_of_event_a_clause_saying_when_names_is_not_the_kind_asked(engine: Engine) -> None:
    for question in (
        "When Saleumxay visited Vietnam in December 2021, what did he co-chair?",
        "Khi sang thăm Việt Nam tháng 12/2021, ông Saleumxay đồng chủ trì sự kiện gì?",
    ):
        assert engine.answer(question).facts[0] == "fm-political-consultation-8", question


def test_when_an_undated_document_was_talked_of_is_the_meetings_that_dealt_with_it(engine: Engine) -> None:
    answer = engine.answer("Thỏa thuận về người di cư tự do và kết hôn không giá thú được nhắc tới năm nào?")
    assert answer.facts[0] == "migration-unregistered-marriage-agreement"
    assert "7/2015" in answer.text and "không nêu" in answer.text


def test_the_atmosphere_asked_is_no_date_asked(engine: Engine) -> None:
    # "không khí nào" (which atmosphere) holds "khi nào" (when) once folded
    answer = engine.answer("tham khao chinh tri cap thu truong lan 8 dien ra trong khong khi nao vay")
    assert answer.facts[0] == "deputy-fm-political-consultation-8" and "chân thành" in answer.text


def test_an_attribute_the_base_never_holds_of_people_is_a_topic_of_a_meeting_named(engine: Engine) -> None:
    # "education" of a person is not on record; of the 8th consultation, it is what was said there
    answer = engine.answer("What did the 8th FM-level consultation say about education?")
    assert answer.facts[0] == "fm-political-consultation-8" and "education" in answer.text


def test_the_date_of_the_meeting_that_planned_a_round_is_no_date_of_that_round(engine: Engine) -> None:
    answer = engine.answer("Sau lần 1 năm 2015 thì lần Tham khảo chính trị thứ 2 định tổ chức ở đâu vậy?")
    assert answer.facts[0] == "deputy-fm-political-consultation-2"
    assert "Lào" in answer.text and "2016" in answer.text


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        (
            "Kim ngạch thương mại hai chiều Việt-Lào 11 tháng đầu năm 2021 vượt mốc 1 tỷ USD, đúng không?",
            "yes",
        ),
        ("Did Vietnam–Laos trade exceed USD 1 billion in the first 11 months of 2021?", "yes"),
        ("Kim ngạch thương mại Việt-Lào 11 tháng đầu năm 2021 dưới 1 tỷ USD phải không?", "no"),
        ("Kim ngạch thương mại Việt-Lào 11 tháng đầu năm 2021 là 2 tỷ USD đúng không?", "no"),
    ],
)
def test_an_amount_claimed_as_a_bound_is_checked_against_the_figure(
    engine: Engine, question: str, verdict: str
) -> None:
    answer = engine.answer(question)
    assert answer.verdict == verdict and answer.facts[0] == "vn-la-trade-11m-2021"


@pytest.mark.parametrize(
    "question",
    [
        "Tham vấn chính trị cấp Bộ trưởng lần thứ 8 diễn ra cụ thể vào ngày 28 hay 29/12?",
        "On which day exactly was the 8th FM-level political consultation held?",
    ],
)
def test_a_day_the_record_does_not_give_is_said_so_with_the_visit_it_took_place_during(
    engine: Engine, question: str
) -> None:
    answer = engine.answer(question)
    assert answer.facts[0] == "fm-political-consultation-8" and answer.not_stated
    assert "28–29" in answer.text  # the visit's days, the nearest the article comes


def test_a_stance_stated_at_a_round_named_is_found_by_the_year_it_is_about(engine: Engine) -> None:
    # no meeting of the mechanism falls in 2022; the stance stated at its 8th round is about 2022
    answer = engine.answer(
        "Theo thỏa thuận tại Tham vấn chính trị cấp Bộ trưởng lần thứ 8, năm 2022 là năm gì của hai nước?"
    )
    assert answer.facts[0] == "vn-la-solidarity-friendship-year-2022"


def test_the_years_after_one_fact_that_another_came_are_counted_between_them(engine: Engine) -> None:
    answer = engine.answer(
        "How many years after the founding of the Lao People's Army were Vietnam–Laos diplomatic "
        "relations established?"
    )
    assert answer.text.startswith("13 years")
    assert {"lao-peoples-army-founding-1949-01-20", "establishment-diplomatic-relations-1962"} <= set(
        answer.facts
    )


def test_of_two_anniversaries_named_the_one_asked_after_the_year_word_is_counted(engine: Engine) -> None:
    answer = engine.answer("nam 2024 ky niem 75 nam quan doi nhan dan lao, vay nam nao thi tron 80 nam")
    assert answer.facts[0] == "lao-peoples-army-founding-1949-01-20" and "2029" in answer.text


def test_what_event_took_place_on_a_day_is_the_days_events_not_a_stance_of_it(engine: Engine) -> None:
    answer = engine.answer("Ngày 20/7/2015 đã diễn ra sự kiện gì trong quan hệ Việt Nam-Lào?")
    assert answer.facts[0] == "reception-pham-binh-minh-alounkeo-2015-07-20"


def test_a_city_claimed_in_lower_case_without_marks_is_checked(engine: Engine) -> None:
    answer = engine.answer("tham van chinh tri cap bo truong lan 8 to chuc o vieng chan dung khong")
    assert answer.verdict == "no" and "Nhà khách Chính phủ" in answer.text


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        (
            "Khi làm Tổng Tham mưu trưởng, Thượng tướng Phùng Sĩ Tấn đã đến chúc mừng Bộ Quốc phòng Lào, "
            "đúng không?",
            "no",
        ),
        ("Was Phùng Sĩ Tấn Chief of the General Staff?", "no"),
        ("Is Phùng Sĩ Tấn the Deputy Chief of the General Staff?", "yes"),
    ],
)
def test_the_chief_of_the_general_staff_is_not_his_deputy(
    engine: Engine, question: str, verdict: str
) -> None:
    answer = engine.answer(question)
    assert answer.verdict == verdict and answer.facts[0] == "phung-si-tan"


def test_the_pair_of_countries_the_base_is_about_is_no_place_an_event_is_in(engine: Engine) -> None:
    answer = engine.answer("What happened in January 2023 in Vietnam–Laos relations?")
    assert answer.facts[0] == "visit-pham-minh-chinh-la-2023-01"


def test_whom_someone_met_on_the_sidelines_of_a_conference_is_each_meeting_held_there(engine: Engine) -> None:
    answer = engine.answer(
        "Who did Bùi Thanh Sơn meet on the sidelines of the ASEAN foreign ministers' retreat?"
    )
    # (the people met are cited after the meetings)
    assert {f for f in answer.facts if engine.knowledge.event(f) is not None} == {
        "meeting-bui-thanh-son-saleumxay-2024-01-28",
        "meeting-bui-thanh-son-sok-chenda-sophea-2024-01-28",
    }


def test_the_areas_asked_as_mang_are_the_points_of_the_round(engine: Engine) -> None:
    # "mảng" (area) is a kind of point asked, no typo of "mạnh"
    answer = engine.answer(
        "Ở lần tham khảo chính trị cấp thứ trưởng thứ 8, 2 bên muốn phối hợp "
        "giữa các đơn vị trong những mảng nào?"
    )
    assert answer.facts[0] == "deputy-fm-political-consultation-8" and "lãnh sự" in answer.text


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        (
            "At the 8th deputy-FM consultation, which legal instruments on the East Sea did they mention?",
            "agreement",
        ),
        ("Vietnam-Laos in 2023: what meetings or visits took place?", None),  # "what" asks the meetings
    ],
)
def test_the_word_asking_for_a_kind_of_record_may_stand_a_few_qualifying_words_before_it(
    engine: Engine, question: str, kind: str | None
) -> None:
    assert engine.read(question, "en", dt.date(2026, 12, 2)).fact_kind_asked == kind


def test_the_documents_named_at_a_round_asked_as_nhung_van_ban_are_listed(engine: Engine) -> None:
    answer = engine.answer(
        "Những văn bản, thỏa thuận, dự án nào giữa Việt Nam và Lào được nhắc tới trong cuộc họp "
        "Tham khảo Chính trị lần thứ nhất năm 2015?"
    )
    assert "border-marker-densification-project" in answer.facts
    assert "migration-unregistered-marriage-agreement" in answer.facts


def test_where_a_conference_was_and_whom_someone_met_on_its_sidelines_are_both_answered(
    engine: Engine,
) -> None:
    answer = engine.answer(
        "Hội nghị hẹp Bộ trưởng Ngoại giao ASEAN tháng 1/2024 tổ chức ở đâu, bên lề đó ông Sơn gặp những ai?"
    )
    assert answer.facts[0] == "asean-fm-retreat-2024-01"
    assert "Saleumxay" in answer.text and "Sok Chenda Sophea" in answer.text


def test_a_second_question_of_the_same_meeting_on_what_the_first_leaves_out_is_answered_too(
    engine: Engine,
) -> None:
    answer = engine.answer(
        "tham khao chinh tri cap thu truong lan 8 thi phia VN ai chu tri, khong khi ra sao?"
    )
    assert "Đỗ Hùng Việt" in answer.text and "thẳng thắn" in answer.text
    # the second half asking a slot the whole already answers adds nothing twice
    twice = engine.answer("ông Huệ gặp ông Sonexay ở đâu, nhân dịp gì vậy?")
    assert twice.text.count("Nhà Quốc hội") == 1


@pytest.mark.parametrize("question", ["hai bộ trưởng bàn chuyện gì nhỉ?", "hai bên bàn gì về biên giới?"])
def test_what_was_talked_about_asks_what(engine: Engine, question: str) -> None:
    assert Intent.WHAT in engine.read(question, "vi", dt.date(2026, 12, 2)).intents


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("Ngày 8/1/2024 có hoạt động gì liên quan đến Lào?", "vn-mod-congratulates-lao-army-2024-01-08"),
        # the countries it involves, not where it was (an embassy in a third country)
        (
            "Anything happen on 25 January 2024 involving Laos and Vietnam?",
            "lao-embassy-russia-tet-greeting-2024-01-25",
        ),
    ],
)
def test_what_took_place_on_a_day_in_relation_to_a_country_is_the_days_events(
    engine: Engine, question: str, fact: str
) -> None:
    assert engine.answer(question).facts[0] == fact


@pytest.mark.parametrize(
    "question",
    ["Anything notable on 8 January 2024 between Vietnam and Laos?", "ngay 8/1/2024 co gi khong"],
)
def test_anything_asked_of_a_day_is_the_days_events(engine: Engine, question: str) -> None:
    assert engine.answer(question).facts[0] == "vn-mod-congratulates-lao-army-2024-01-08"


def test_a_bodys_head_after_a_copula_describes_a_body_and_names_none(engine: Engine) -> None:
    answer = engine.answer("Ủy ban Hỗn hợp VN-Campuchia là ủy ban hợp tác về những mảng gì vậy?")
    assert answer.status is Status.ANSWERED and answer.facts[0].startswith("vn-kh-joint-commission")


def test_a_date_with_events_is_never_said_to_have_none(engine: Engine) -> None:
    # the question finds nothing, but 2015 has events: the reply must not say it has none
    answer = engine.answer("tai tham khao chinh tri lan 9 nam 2015 hai ben hen chuan bi nhung cuoc hop nao")
    assert "không có sự kiện nào vào năm 2015" not in answer.text


def test_the_next_meetings_asked_in_the_plural_of_a_round_are_those_it_planned(engine: Engine) -> None:
    answer = engine.answer("hop tham khao chinh tri lan 1 (2015) len ke hoach nhung cuoc hop nao tiep theo?")
    assert {
        "intergovernmental-committee-38",
        "deputy-pm-fm-annual-consultation-2",
        "deputy-fm-political-consultation-2",
    } <= set(answer.facts)


def test_a_passage_explaining_much_more_of_a_question_than_any_other_names_its_event(engine: Engine) -> None:
    answer = engine.answer("Phía Campuchia đề nghị tăng cường kết nối để thúc đẩy lĩnh vực gì?")
    assert answer.facts[0] == "meeting-bui-thanh-son-sok-chenda-sophea-2024-01-28"


def test_two_periods_side_by_side_are_two_documents_not_two_years(engine: Engine) -> None:
    answer = engine.answer(
        "Hai thỏa thuận hợp tác giữa Bộ Ngoại giao Việt Nam và Lào, giai đoạn 2014-2020 và 2021-2025, "
        "được ký khi nào?"
    )
    assert {"mfa-cooperation-agreement-2014-2020", "mfa-cooperation-agreement-2021-2025"} <= set(answer.facts)
    assert "12/2014" in answer.text


def test_two_officials_the_second_typed_otherwise_are_each_profiled(engine: Engine) -> None:
    answer = engine.answer("Who were Le Hoai Trung and Alounkeo Kitikhoun?")
    assert answer.facts[:2] == ("le-hoai-trung", "alounkeo-kittikhoun")


def test_the_figures_a_meeting_reported_are_its_answer_when_figures_are_asked(engine: Engine) -> None:
    answer = engine.answer("Tham vấn cấp BT lần 8 nêu số liệu thương mại gì vậy?")
    assert answer.facts[0] == "vn-la-trade-11m-2021" and "1,2" in answer.text and "33,6" in answer.text


def test_a_post_claimed_with_minister_misspelt_is_checked(engine: Engine) -> None:
    # "minster" is an English word of its own, so only the synonym list reads it as "minister"
    answer = engine.answer("Phung Si Tan is Vietnam's defence minster, right?")
    assert answer.verdict == "no" and answer.facts[0] == "phung-si-tan"


@pytest.mark.parametrize(
    ("question", "first", "said"),
    [
        (
            "Which came first: PM Pham Minh Chinh's tirp to Laos or President Vo Van Thuong's?",
            "visit-pham-minh-chinh-la-2023-01",
            "came before",
        ),
        (
            "lap quan he ngoai giao VN Lao voi ky hiep uoc huu nghi cai nao truoc, cach nhau may nam",
            "establishment-diplomatic-relations-1962",
            "15 năm",
        ),
    ],
)
def test_which_of_two_came_first_is_said_with_both_dates(
    engine: Engine, question: str, first: str, said: str
) -> None:
    answer = engine.answer(question)
    assert answer.facts[0] == first and said in answer.text


def test_each_of_the_facts_that_fit_is_answered_when_each_is_asked(engine: Engine) -> None:
    answer = engine.answer(
        "Compare the two cooperation agreements between the foreign ministries: when was each one signed?"
    )
    assert answer.status is Status.ANSWERED
    assert {"mfa-cooperation-agreement-2014-2020", "mfa-cooperation-agreement-2021-2025"} <= set(answer.facts)


def test_who_took_part_in_each_event_of_a_list_is_said_when_who_is_asked(engine: Engine) -> None:
    answer = engine.answer(
        "Which officials co-chaired the deputy-FM-level political consultations mentioned in the articles?"
    )
    assert {"le-hoai-trung", "alounkeo-kittikhoun", "do-hung-viet"} <= set(answer.facts)
    assert "Lê Hoài Trung" in answer.text and "Đỗ Hùng Việt" in answer.text


def test_the_anniversaries_of_a_year_asked_as_nhung_dip_ky_niem_are_listed(engine: Engine) -> None:
    answer = engine.answer(
        "Năm 2022 có những dịp kỷ niệm nào trong quan hệ Việt Nam - Lào mà hai bên thống nhất chuẩn bị?"
    )
    assert {"anniversary-60-diplomatic-relations-2022", "anniversary-45-treaty-of-amity-2022"} <= set(
        answer.facts
    )


def test_of_tied_facts_the_stance_naming_the_records_asked_answers(engine: Engine) -> None:
    answer = engine.answer("BT Lao nhac toi nhung co che hop tac tieu vung Me Cong nao")
    assert answer.facts[0] == "laos-mekong-subregional-cooperation"
    assert {"clv", "clmv", "acmecs"} <= set(answer.facts)


def test_a_name_the_base_lacks_is_named_without_the_sentences_first_word(engine: Engine) -> None:
    answer = engine.answer("Did Nguyen Phu Trong visit Laos?")
    assert answer.status is Status.NOT_FOUND
    assert "Nguyen Phu Trong" in answer.text and "Did Nguyen" not in answer.text


def test_the_year_relations_began_is_worked_out_from_an_anniversary_named(engine: Engine) -> None:
    answer = engine.answer("Năm 2022 là tròn 60 năm quan hệ ngoại giao VN–Lào, vậy quan hệ lập từ năm nào?")
    assert answer.facts[0] == "establishment-diplomatic-relations-1962" and "1962" in answer.text


def test_a_claimed_act_that_someone_else_of_the_post_did_then_is_denied(engine: Engine) -> None:
    # the president who visited Laos in April 2023 was another: no, with both visits
    answer = engine.answer("Did President Nguyen Xuan Phuc visit Laos in April 2023?")
    assert answer.verdict == "no" and answer.status is Status.ANSWERED
    assert answer.facts[:2] == ("visit-nguyen-xuan-phuc-la-2021-08", "visit-vo-van-thuong-la-2023-04")
    assert "August 2021" in answer.text and "Võ Văn Thưởng" in answer.text
    # an act of another post then says nothing of this person's: still not confirmed either way
    assert engine.answer("Năm 2018 Bộ trưởng Sơn có sang Lào không?").status is Status.NOT_FOUND


@pytest.mark.parametrize(
    "question",
    [
        "When were diplomatic ties established and when was the Treaty of Amity signed?",
        "When were diplomatic relations established and when was the Treaty of Amity and Cooperation signed?",
        "Quan hệ ngoại giao được thiết lập khi nào và Hiệp ước Hữu nghị ký khi nào?",
    ],
)
def test_two_questions_each_naming_its_own_subject_are_both_answered(engine: Engine, question: str) -> None:
    # the first half names nothing the second could be asked of: each is a question of its own
    answer = engine.answer(question)
    assert answer.status is Status.ANSWERED
    assert "1962" in answer.text and "1977" in answer.text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("Còn bao lâu nữa thì tròn 65 năm quan hệ ngoại giao VN-Lào?", "còn 1 năm nữa"),
        ("How many years until the 65th anniversary of Vietnam-Laos diplomatic relations?", "2026: 1"),
    ],
)
def test_how_long_until_an_anniversary_is_its_year_and_the_years_left(
    engine: Engine, question: str, said: str
) -> None:
    answer = engine.answer(question)  # asked on 23 November 2026
    assert answer.facts[0] == "establishment-diplomatic-relations-1962"
    assert "2027" in answer.text and said in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "Lào làm Chủ tịch ASEAN năm 2016 tới giờ được mấy năm rồi?",
        "Laos chaired ASEAN in 2016; how many years ago was that?",
    ],
)
def test_the_years_since_an_act_of_the_year_named_count_to_now(engine: Engine, question: str) -> None:
    # "làm Chủ tịch … được mấy năm" is no term asked when "tới giờ" counts to now; the year named
    # picks the act among those of its kind (Laos chaired ASEAN in 2016 and in 2024)
    answer = engine.answer(question, today=dt.date(2026, 12, 2))
    assert answer.facts[0] == "vn-support-laos-asean-chair-2016"
    assert answer.text.startswith("10 ")


def test_an_amount_asked_of_an_event_is_the_figure_reported_there(engine: Engine) -> None:
    # the month named is the meeting's; the figure covers 11 months of the year
    answer = engine.answer(
        "Tại cuộc Tham vấn chính trị cấp Bộ trưởng tháng 12/2021, "
        "kim ngạch thương mại hai chiều được nêu là bao nhiêu?"
    )
    assert answer.facts[0] == "vn-la-trade-11m-2021" and "1,2 tỷ USD" in answer.text
    # an amount no figure reported there measures is still not found
    assert (
        engine.answer("Tại tham vấn cấp bộ trưởng lần 8, có bao nhiêu người tham dự?").status
        is Status.NOT_FOUND
    )
    # words asking for figures ("numbers", "reported", "rate") are no subject the figures must hold
    answer = engine.answer(
        "Give me the trade numbers reported at the 8th FM-level consultation, "
        "both the value and the growth rate."
    )
    assert answer.facts[:2] == ("vn-la-trade-11m-2021", "vn-la-trade-growth-11m-2021")


@pytest.mark.parametrize(
    ("question", "said"),
    [
        (
            "Tham vấn chính trị cấp Bộ trưởng lần 8: thời gian, địa điểm, đồng chủ trì?",
            ["Thời gian", "Địa điểm"],
        ),
        ("8th FM consultation - date and venue?", ["When", "Where"]),
    ],
)
def test_slots_listed_by_their_nouns_are_each_answered(
    engine: Engine, question: str, said: list[str]
) -> None:
    answer = engine.answer(question)
    assert answer.facts[0] == "fm-political-consultation-8"
    assert all(f"• {slot}:" in answer.text for slot in said)


@pytest.mark.parametrize(
    ("question", "fact", "year"),
    [
        # the 60th anniversary record found for the 70th: the act it counts from is counted
        (
            "Năm nào sẽ tròn 70 năm thiết lập quan hệ ngoại giao Việt Nam – Lào, từ giờ còn mấy năm nữa?",
            "establishment-diplomatic-relations-1962",
            "2032",
        ),
        # "turn 50" is an anniversary's number
        (
            "In which year will the Treaty of Amity and Cooperation turn 50, and how far away is that?",
            "signing-treaty-of-amity-1977",
            "2027",
        ),
    ],
)
def test_an_anniversary_is_counted_from_the_act_itself(
    engine: Engine, question: str, fact: str, year: str
) -> None:
    answer = engine.answer(question)
    assert answer.facts[0] == fact and year in answer.text.splitlines()[0]


def test_a_session_asked_of_a_meeting_is_the_one_its_record_names(engine: Engine) -> None:
    # "kỳ họp nào" of a meeting: the session planned there, not the meeting
    answer = engine.answer(
        "Năm 2024, Bộ trưởng Bùi Thanh Sơn và ông Sok Chenda Sophea nhất trí phối hợp tổ chức tốt kỳ họp nào?"
    )
    assert answer.facts[0] == "vn-kh-joint-commission-21"
    # "which meeting" names any event: the session co-chaired is the one asked
    assert engine.answer("Siphandone Sonexay co-chaired which meeting in Vietnam?").facts[0] != (
        "meeting-bui-thanh-son-saleumxay-2024-01-28"
    )


def test_a_stance_is_dated_by_the_meeting_it_was_made_at_when_a_year_is_claimed(engine: Engine) -> None:
    # the East Sea stances carry no year of their own: the meetings they were made at date them
    assert engine.answer("Hai bên nhất trí về Biển Đông năm 2019 phải không?").verdict == "no"
    assert engine.answer(
        "Hai bên nhất trí duy trì lập trường chung ASEAN về Biển Đông năm 2021 phải không?"
    ).verdict == ("yes")
    # a stance's own year claimed, and the year of the meeting it was stated at: both hold
    claim = "Hồi {} ông Minh khẳng định VN ủng hộ Lào làm Chủ tịch ASEAN năm 2016 đúng không?"
    assert engine.answer(claim.format(2015)).verdict == "yes"
    assert engine.answer(claim.format(2019)).verdict == "no"


def test_naming_the_documents_of_a_meeting_lists_them(engine: Engine) -> None:
    # "kể tên những thỏa thuận, dự án …": the documents are asked, not the meeting's points
    answer = engine.answer(
        "Ke ten nhung thoa thuan, du an ma hai ben nhat tri trien khai tai Tham khao chinh tri lan thu nhat"
    )
    assert {
        "mfa-cooperation-agreement-2014-2020",
        "border-marker-densification-project",
        "migration-unregistered-marriage-agreement",
    } <= set(answer.facts)


@pytest.mark.parametrize(
    "question",
    [
        "The 33.6% trade growth reported in December 2021 was measured against which year?",
        "What share of the Vietnam–Cambodia land border was still waiting to be demarkated?",
    ],
)
def test_everyday_english_verbs_are_no_subject_the_base_lacks(engine: Engine, question: str) -> None:
    assert engine.answer(question).status is Status.ANSWERED


def test_the_planned_round_of_two_mechanisms_named_alike_is_asked_back(engine: Engine) -> None:
    # "tham vấn" names both the deputy-FM consultation and the annual one; each planned a 2nd round
    answer = engine.answer("Cuộc tham vấn lần thứ 2 giữa VN và Lào dự kiến tổ chức ở đâu?")
    assert answer.status is Status.AMBIGUOUS
    assert {"deputy-fm-political-consultation-2", "deputy-pm-fm-annual-consultation-2"} <= {
        c.fact_id for c in answer.candidates
    }
    # the whole name of one sets it apart
    named = engine.answer(
        "Cuộc họp tham vấn thường niên lần thứ 2 giữa hai Phó Thủ tướng, Bộ trưởng Ngoại giao "
        "dự kiến tổ chức ở đâu?"
    )
    assert named.facts[0] == "deputy-pm-fm-annual-consultation-2"


def test_mekong_spelt_the_english_way_is_the_me_cong(engine: Engine) -> None:
    answer = engine.answer(
        "Ke ten cac co che hop tac tieu vung Me Kong ma Lao khang dinh se hop tac chat che voi VN"
    )
    assert {"clv", "clmv", "acmecs"} <= set(answer.facts)


def test_aid_asked_in_english_is_the_support_the_record_speaks_of(engine: Engine) -> None:
    answer = engine.answer(
        "What did Minister Son hope Vietnam's financial and medical aid would do for Laos?"
    )
    assert answer.facts[0] == "meeting-bui-thanh-son-saleumxay-2021" and "COVID" in answer.text


def test_bilateral_activities_listed_leave_out_a_meeting_of_more_countries(engine: Engine) -> None:
    answer = engine.answer("Trong tháng 1/2024 có những hoạt động song phương nào giữa Việt Nam và Lào?")
    assert "vn-mod-congratulates-lao-army-2024-01-08" in answer.facts
    assert "asean-fm-retreat-2024-01" not in answer.facts


@pytest.mark.parametrize(
    "question",
    [
        # the mechanism named once, before the first round ("cấp TT": the deputy ministers' level)
        "Tu tham khao chinh tri cap TT lan 1 den lan 8 cach nhau may nam?",
        "From the 1st to the 8th deputy-FM consultation, how many years passed?",
    ],
)
def test_two_rounds_after_one_mechanism_s_name_are_both_its_rounds(engine: Engine, question: str) -> None:
    answer = engine.answer(question)
    assert answer.facts == ("deputy-fm-political-consultation-1", "deputy-fm-political-consultation-8")
    assert answer.text.startswith(("8 năm", "8 years"))


def test_a_span_to_a_fact_the_articles_do_not_date_is_no_count_to_today(engine: Engine) -> None:
    answer = engine.answer("Từ kỳ họp 38 đến kỳ họp 46 của UB liên Chính phủ cách nhau mấy năm?")
    assert set(answer.facts) == {"intergovernmental-committee-38", "intergovernmental-committee-46"}
    assert answer.not_stated and "năm (" not in answer.text and "không nêu thời điểm" in answer.text


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        # a person's position is the post held; a country's, a stance
        ("What was Phạm Bình Minh's position in July 2015?", "pham-binh-minh"),
        ("What was Vietnam's position on the East Sea in 2023?", "east-sea-asean-common-position-2023"),
    ],
)
def test_someone_s_position_is_their_post_a_country_s_its_stance(
    engine: Engine, question: str, fact: str
) -> None:
    assert engine.answer(question).facts[0] == fact


def test_a_place_the_base_lacks_offered_as_an_option_is_no_subject_it_lacks(engine: Engine) -> None:
    # "Hà Nội hay Viêng Chăn?": the question is about the round, answered with what its record says
    answer = engine.answer(
        "tham khảo chính trị cấp thứ trưởng lần 8 tổ chức ở đâu vậy, Hà Nội hay Viêng Chăn?"
    )
    assert answer.facts[0] == "deputy-fm-political-consultation-8" and "không nêu" in answer.text
    # named as the subject, it is still what the base lacks
    assert engine.answer("Viêng Chăn có sự kiện gì?").status is Status.NOT_FOUND


@pytest.mark.parametrize(
    "question",
    [
        # "sau" typed with no mark beside words typed with marks: "the next time"
        "Tham khảo chính trị cấp Thứ trưởng lần sau tổ chức ở đâu?",
        "tham khảo chính trị cấp thứ trưởng lần 8 ấy, hai bên chốt lần sau tổ chức ở đâu?",
    ],
)
def test_lan_sau_typed_with_marks_elsewhere_is_the_next_round(engine: Engine, question: str) -> None:
    answer = engine.answer(question)
    assert "deputy-fm-political-consultation-9" in answer.facts[:2] and "2024" in answer.text
    # typed "lần sáu", it is the sixth, which the base lacks
    assert engine.read("kỳ họp UB liên Chính phủ lần sáu ở đâu", "vi", dt.date(2026, 12, 2)).round == 6


def test_the_events_someone_co_chaired_during_a_visit_are_listed_whatever_their_kind(engine: Engine) -> None:
    # the visit holds the others; "đồng chủ trì" picks those he co-chaired, of any kind
    answer = engine.answer(
        "Trong chuyến thăm Việt Nam tháng 12/2021, Bộ trưởng Saleumxay Kommasith đồng chủ trì "
        "những cuộc họp, hội nghị nào?"
    )
    assert set(answer.facts[:3]) == {
        "fm-political-consultation-8",
        "border-delegation-meeting-31",
        "one-stop-model-review-conference-2021-12-29",
    }


def test_a_kind_qualified_before_its_question_word_is_still_the_kind_asked(engine: Engine) -> None:
    # "thỏa thuận cấp Chính phủ nào": the document is asked, not the meeting it was named at
    answer = engine.answer(
        "Thỏa thuận cấp Chính phủ nào về người di cư được nhắc đến tại Tham khảo Chính trị lần thứ nhất "
        "năm 2015?"
    )
    assert answer.facts[0] == "migration-unregistered-marriage-agreement"


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        (
            "Tham vấn cấp BT lần 8 với tham khảo chính trị cấp TT lần 1 có tổ chức cùng một chỗ không vậy?",
            "yes",
        ),
        # one held in a building, the other known only to the country it lies in: no yes or no
        (
            "Were the 8th FM-level consultation and the 46th Intergovernmental Committee session held in the "
            "same place?",
            None,
        ),
    ],
)
def test_whether_two_events_took_place_in_one_place_is_each_one_s_place(
    engine: Engine, question: str, verdict: str | None
) -> None:
    answer = engine.answer(question)
    assert len(answer.facts) == 2 and answer.verdict == verdict


@pytest.mark.parametrize(
    "question", ["UNCLOS ra đời cách đây bao nhiêu năm?", "How many years ago was UNCLOS adopted?"]
)
def test_the_years_since_a_document_dated_only_by_its_name_count_from_that_year(
    engine: Engine, question: str
) -> None:
    # the articles give no date for the convention; "1982" is in its name, and the answer says so
    answer = engine.answer(question, today=dt.date(2026, 12, 2))
    assert answer.facts[0] == "unclos-1982" and answer.text.startswith("44 ") and "1982" in answer.text


@pytest.mark.parametrize(
    ("question", "share"),
    [
        ("VN-Campuchia da phan gioi cam moc duoc khoang bao nhieu phan tram bien gioi dat lien", "84%"),
        ("What share of the land border has been demarcated?", "84%"),
        # the share still to do is the figure itself
        ("What share of the land border remains to be demarcated?", None),
        ("Còn bao nhiêu phần trăm biên giới đất liền VN-Campuchia chưa phân giới cắm mốc?", None),
    ],
)
def test_the_share_done_is_worked_out_from_the_share_still_to_do(
    engine: Engine, question: str, share: str | None
) -> None:
    answer = engine.answer(question)
    assert answer.facts[0] == "vn-kh-land-border-remaining-to-demarcate"
    if share is None:
        assert "84" not in answer.text
    else:
        assert share in answer.text and "16%" in answer.text


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        # "lần thứ bao nhiêu" asks which round, no amount
        (
            "Cuộc họp đoàn đại biểu biên giới Việt Nam - Lào cuối tháng 12/2021 là lần thứ bao nhiêu?",
            "border-delegation-meeting-31",
        ),
        # "… vậy ta?": a particle closing the question
        ("18/7/1977 là ngày gì vậy ta?", "signing-treaty-of-amity-1977"),
        # what was on the schedule of a day: its events
        ("What was on the schedule for 29 December 2021?", "border-delegation-meeting-31"),
    ],
)
def test_which_round_and_what_day_asked_casually(engine: Engine, question: str, fact: str) -> None:
    assert engine.answer(question).facts[0] == fact


def test_where_asked_of_a_conference_and_the_meetings_on_its_sidelines_is_the_conference_s_place(
    engine: Engine,
) -> None:
    # all three took place in Laos: no question back, the retreat that holds the others answers
    answer = engine.answer(
        "Bui Thanh Son went to an ASEAN foreign ministers' retreat in January 2024 — which country hosted it?"
    )
    assert answer.status is Status.ANSWERED and answer.facts[0] == "asean-fm-retreat-2024-01"


@pytest.mark.parametrize(
    "question",
    [
        "What anniversaries did Vietnam and Laos celebrate in 2022?",
        "Which anniversaries were Hanoi and Vientiane getting ready to mark in 2022?",
    ],
)
def test_anniversaries_asked_in_english_are_the_year_s_anniversaries(engine: Engine, question: str) -> None:
    facts = engine.answer(question).facts
    assert {"anniversary-45-treaty-of-amity-2022", "anniversary-60-diplomatic-relations-2022"} <= set(facts)


def test_the_days_before_an_act_decades_old_count_to_its_yearly_day(engine: Engine) -> None:
    # no year named: "ngày thành lập" is the founding day of the year of the visit, not 1949
    answer = engine.answer(
        "Bộ Quốc phòng Việt Nam đến chúc mừng trước ngày thành lập Quân đội Nhân dân Lào bao nhiêu ngày?"
    )
    assert answer.text.startswith("12 ngày")


def test_what_a_meeting_set_is_the_stance_made_there_though_no_word_ranks_it(engine: Engine) -> None:
    # "hẹn chuẩn bị các hoạt động kỷ niệm năm nào": the year of the stance made at the 8th consultation
    answer = engine.answer(
        "Tai tham van cap Bo truong lan 8, hai ben hen chuan bi cac hoat dong ky niem nam nao?"
    )
    assert answer.facts[0] == "vn-la-solidarity-friendship-year-2022" and "2022" in answer.text
    # a day asked of the meeting is the meeting's
    day = engine.answer("Tham vấn chính trị cấp Bộ trưởng lần thứ 8 diễn ra cụ thể vào ngày 28 hay 29/12?")
    assert day.facts[0] == "fm-political-consultation-8"


def test_the_anniversaries_of_a_year_asked_in_the_plural_are_each_given(engine: Engine) -> None:
    answer = engine.answer("năm 2022 VN với Lào kỷ niệm những mốc bao nhiêu năm vậy?")
    assert {"anniversary-60-diplomatic-relations-2022", "anniversary-45-treaty-of-amity-2022"} <= set(
        answer.facts
    )
    assert "60 năm" in answer.text and "45 năm" in answer.text


def test_bilateral_events_between_two_countries_leave_out_a_third_country_s_meeting(engine: Engine) -> None:
    # the meeting with Cambodia's minister took place in Laos, but is no Vietnam–Laos activity
    answer = engine.answer(
        "Trong tháng 1/2024 có những hoạt động song phương nào giữa Việt Nam và Lào được nhắc đến?"
    )
    assert "meeting-bui-thanh-son-saleumxay-2024-01-28" in answer.facts
    assert "meeting-bui-thanh-son-sok-chenda-sophea-2024-01-28" not in answer.facts

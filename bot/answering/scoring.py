"""How well a fact fits a question: named features, their weights in one table, one scoring function.

Retrieval describes each candidate by the features below (how many named officials took part, how
strongly the question names its series, the share of the question's words it explains, …); the score
is the weighted sum. The decision rule (answer, ask back, or say it does not know) reads these scores
and the thresholds here. Calibrated on the tuning question set; the held-out set and the generated
suite keep them honest.
"""

from __future__ import annotations

from typing import Final

# Points per unit of each feature (a feature is a count, a share in 0..1, or 1 when it holds).
WEIGHTS: Final[dict[str, float]] = {
    # events
    "official_named": 3.0,  # per official the question names who took part
    "series_named": 3.0,  # × how strongly the question names the event's series
    "series_related": 1.5,  # × the series' score, when the question names it only partly
    "round_named": 3.0,  # the question names the event's round
    "date_named": 2.0,  # the event falls on the date the question names
    "post_match": 1.5,  # a participant holds the post the question names ("the Lao PM")
    "role_match": 1.0,  # a participant had the role asked after ("who co-chaired")
    "named_in_role": 1.0,  # … the one the question names ("X đồng chủ trì kỳ họp gì")
    "one_country_place": 0.5,  # the question names one of the two countries, the event's place
    "place_named": 2.0,  # the event happened in a place the question names
    "place_spoken_of": 1.5,  # … or its record, alone of all, names a gate or port the question names
    "kind_primary": 1.5,  # the event is of the kind the question names first ("cuộc gặp")
    "kind_mentioned": 0.5,  # … or of another kind it names
    "only_the_asker": -2.0,  # "whom did X meet?": an event with only X in it cannot say
    "lexical_share": 4.0,  # × the share of the question's content words the fact explains
    "planned_asked": 1.5,  # a planned event, when the question asks about plans
    "planned_unasked": -0.5,  # a planned event, when it does not (and names no round)
    # agreements, figures, statements
    "agreement_cue": 1.0,  # an agreement, when the question asks about one ("thỏa thuận", "DOC")
    "signed_by_named": 3.0,  # per official the question names whose signing the document's record tells
    "statement_cue": 1.0,  # a statement, when the question asks about a stance or support
    "title_head_asked": 2.0,  # its title is named by the noun a question word asks for ("năm gì")
    "figure_cue": 1.5,  # a figure, when the question asks how much
    "value_named": 2.0,  # a figure, when the question quotes its value ("con số 9,2%")
    "percent_fit": 1.0,  # a percentage for "how much did it grow", an amount otherwise
    "date_given": 2.0,  # the fact fits the date the question gives
    # both
    "named_whole": 2.0,  # the question quotes the fact's whole name or title
    "holds_the_slot": 1.0,  # per slot asked that the fact holds (a date for "when", a place for "where"…)
    "holds_what": 0.5,  # the fact says what was agreed or discussed, for "what"
}

# Thresholds of the decision rule.
SERIES_STRONG: Final = 0.6  # share of a series' name present for the series to constrain the answer
SERIES_MENTIONED: Final = 0.3  # share of a series' name present for it to be mentioned at all
SERIES_TIE: Final = 0.08  # series scoring within this of the best are equally named
SERIES_WEAK, SERIES_LEAD = 0.55, 0.08  # a partly named series still counts when it leads the others clearly
LEXICAL_MIN: Final = 0.45  # share of the question's content a fact must explain without another anchor
PASSAGE_LEAD: Final = 3.0  # × the next record's best passage share, for a lesser share to stand alone
WORDS_HELD: Final = (
    0.85  # of a question's words, pairs aside, one point of one record alone holds to stand for it
)
WORDS_HELD_READ: Final = 50  # … read in this many records, those the question's words explain most
PASSAGE_MIN: Final = 0.7  # share of a question one passage of an event must explain to stand for the event's
# planned rounds of one number of two mechanisms the question names alike tie within this many points
# (their names, not people or dates, set them apart; the full name of one sets it well ahead)
PLANNED_ROUNDS_ALIKE: Final = 2.0
TIE_MARGIN: Final = 0.8  # candidates within this many points of the best tie (0.2 of lexical share = 0.8)
STATEMENT_TIE_MARGIN: Final = 1.2  # 0.3 of lexical share
UNKNOWN_SHARE: Final = (
    0.4  # of a question's content words, unknown ones beyond which it is about something else
)
DATE_TOPIC_MIN: Final = 0.2  # lexical share that, with a matching date, ties a fact to a question on a topic
CLAIM_SHARE: Final = 0.6  # of a yes/no question's words a statement must explain to confirm it
CLAIM_POINT: Final = 0.8  # of a claim's topic one point of an event's record must hold to confirm it
CLAIM_EVENTS: Final = 5  # the events a claim's words point to most, whose records are read for it
CLAIM_WORDS: Final = 1.0  # … or of its content words alone (no words of asking, no pairs across words)
CLAIM_DATE_SLACK_DAYS: Final = 366  # a repeatable act further from the date claimed is another one
CLAIM_MORE_WORDS: Final = 2  # base words besides a name and a post: an act is claimed, not a post
DETAIL_MIN: Final = 0.5  # of a question's topic (beyond the event it names) a passage must hold to answer it
DETAIL_RARITY: Final = 0.5  # of the rarest unit's weight, for a word to name a topic (not 'cuộc', 'ngày')
DOCUMENT_NAMED: Final = 0.7  # of a document's name (by weight) a passage must hold to name it
NAME_PART_HELD: Final = 0.5  # of a document's name a question must hold to name it in part …
NAME_PART_LEAD: Final = 0.3  # … this far ahead of any other document's
DETAIL_NEAR: Final = 0.15  # passages within this coverage of the best are shown with it
CITED_NAME_WINDOW: Final = 12  # words after a document's kind word in which the year of its name is read
POST_WINDOW: Final = 6  # words after a post's role in which a country named is the post's ("tại Việt Nam")
SIDE_WINDOW: Final = 3  # words after a side word ("về phía Việt Nam") in which a country named is that side
TOPIC_PICKS: Final = 0.3  # of the topic's weight, more than the next tied event's record holds, to pick one
STANCE_TOPIC: Final = (
    0.3  # of a question's topic within an event, the share a stance made there must hold to answer
)
FULL_NAME_SCORE: Final = 50.0  # an official matched by a name (a similarity ratio), not a given name (1)
AMOUNT_ROUNDING: Final = 0.05  # of a figure, by which an amount claimed may differ and still be it
FIGURE_WORDS_MIN: Final = 0.8  # of a how-much question's words a figure must hold to answer it
WORDS_LEAD: Final = 0.15  # of a question's words, by which an event they name leads the person's own event
LIST_SHARE: Final = 0.6  # of the best score, for a fact to join a list the question asks for


def score(features: dict[str, float]) -> float:
    """The weighted sum of a candidate's features."""
    return sum(WEIGHTS[name] * value for name, value in features.items())


# years before the other act from which a day named with no year is its yearly day, not the act itself
# ("chúc mừng trước ngày thành lập Quân đội bao nhiêu ngày": the founding day of that year)
YEARLY_DAY_GAP: Final = 10

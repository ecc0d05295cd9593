"""A record named with a clause about it: "Công ước Luật biển mà hai thứ trưởng nhắc tới hồi tham khảo lần 8
là năm nào?", "Bản ghi nhớ mà Bộ trưởng Sơn và Phó Thủ tướng Sok Chenda Sophea nhất trí triển khai là giữa
những cơ quan nào?". The record is what is asked about; the clause (the meeting where it was cited, the
people who agreed on it) only says which one, and read with the question it pulls the answer towards the
meeting. The question is asked again without the clause, and that answer stands when it is the record's.
"""

from __future__ import annotations

from bot.nlu.lexicon import RELATIVE_ENDS, RELATIVE_MARKERS
from bot.nlu.text import fold


def without_clause(text: str) -> str | None:
    """The question without the clause between its first marker and the copula after it, when a name
    comes before the marker and something is asked after the copula; else None."""
    typed = text.split()
    words = [fold(word).strip("?.,!;:") for word in typed]
    opened = next((i for i, word in enumerate(words) if word in RELATIVE_MARKERS), None)
    if opened is None or opened == 0:
        return None
    closed = next((j for j in range(opened + 2, len(words)) if words[j] in RELATIVE_ENDS), None)
    if closed is None or closed == len(words) - 1:
        return None
    return " ".join(typed[:opened] + typed[closed:])

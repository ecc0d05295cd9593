"""Language knowledge the engine needs, kept apart from the facts.

Cue words for question types, synonyms that bring English and Vietnamese
wordings of the same concept onto one folded form, country names (also the
ones the base does not cover, so a question about them is recognised as out
of scope), and attributes we never hold. All patterns are on folded text.
"""

from __future__ import annotations

import re
from enum import StrEnum


class Intent(StrEnum):
    WHEN = "when"
    WHERE = "where"
    WHO = "who"
    WHAT = "what"
    HOW_MUCH = "how_much"
    PROFILE = "profile"
    LIST = "list"
    PLANNED = "planned"


# Every word any cue list uses: words a question may contain without being about anything unknown.
CUE_WORDS: set[str] = set()


def _words(*phrases: str) -> re.Pattern[str]:
    for phrase in phrases:
        CUE_WORDS.update(phrase.split())
    return re.compile(r"\b(?:" + "|".join(sorted(phrases, key=len, reverse=True)) + r")\b")


INTENT_CUES: dict[Intent, re.Pattern[str]] = {
    Intent.WHEN: _words(
        "khi nao", "bao gio", "luc nao", "ngay nao", "ngay may", "thang nao", "nam nao", "hom nao", "thoi gian nao",
        "thoi diem nao", "vao ngay", "dien ra ngay", "when", "what date", "which date", "what year", "which year",
        "what day", "what month", "which month", "bao lau", "thoi gian", "time",
    ),
    Intent.WHERE: _words(
        "o dau", "tai dau", "dia diem", "noi nao", "noi dien ra", "o nuoc nao", "tai nuoc nao", "nuoc nao",
        "thanh pho nao", "cho nao", "dau", "where", "which city", "which country", "what venue", "venue",
        "location", "what place", "which place",
    ),
    Intent.WHO: _words(
        "ai", "nhung ai", "nguoi nao", "vi nao", "dong chu tri", "chu tri", "tham du", "dan dau", "who", "whom",
        "co chaired", "co chair", "chaired", "co chairs", "led", "attended", "hosted", "received",
    ),
    Intent.WHAT: _words(
        "thao luan", "trao doi", "ban ve", "ban gi", "nhat tri", "thong nhat", "noi dung", "ket qua", "dat duoc",
        "cam ket", "khang dinh", "de nghi", "cam on", "chuc mung", "ung ho", "nhung gi", "what",
        "agree", "agreed", "agreement on", "discuss", "discussed", "talk", "talked", "outcome", "outcomes",
        "result", "results", "decided", "about", "topics", "support", "supported",
    ),
    Intent.HOW_MUCH: _words(
        "bao nhieu", "kim ngach", "ty le", "phan tram", "gia tri", "tang bao nhieu", "how much", "how many",
        "percent", "percentage", "value", "growth", "grew", "trade", "figure", "ty usd", "usd",
    ),
    Intent.PROFILE: _words(
        "la ai", "ai la", "la nguoi nao", "chuc vu", "gioi thieu", "thong tin ve", "ho so", "who is", "who was",
        "who s", "tell me about", "profile", "what is the position", "what position", "what post", "title of",
        "biet gi ve", "cho biet ve",
    ),
    Intent.LIST: _words(
        "liet ke", "danh sach", "cac cuoc", "nhung cuoc", "tat ca", "cac lan", "nhung lan", "bao nhieu lan",
        "dong thoi gian", "timeline", "list", "all", "every", "which meetings", "how many times", "chronology",
        "history of", "lich su", "cac su kien", "nhung su kien", "su kien nao", "events", "what happened",
        "co gi", "dien ra gi", "co su kien", "happened",
    ),
    Intent.PLANNED: _words(
        "tiep theo", "sap toi", "du kien", "se to chuc", "se dien ra", "se duoc to chuc", "ke hoach", "lan toi",
        "ky toi", "sap dien ra", "chuan bi to chuc", "next", "planned", "upcoming", "will be held", "will take place",
        "scheduled", "plan", "plans", "to be held", "se hop",
    ),
}

# English and Vietnamese wordings of one concept meet on the Vietnamese folded form.
# Phrase -> replacement, matched on whole words, longest phrase first.
_SYNONYM_GROUPS: dict[str, tuple[str, ...]] = {
    "tham van": ("tham khao", "consultation", "consultations"),
    "tham van chinh tri": ("political consultation", "political consultations"),
    "chinh tri": ("political",),
    "thu truong ngoai giao": (
        "deputy foreign minister", "deputy foreign ministers", "vice foreign minister", "vice foreign ministers",
        "deputy minister of foreign affairs", "vice minister of foreign affairs", "deputy minister",
        "deputy ministers", "vice minister", "vice ministers", "deputy fm", "deputy fms", "vice fm",
        "thu truong bo ngoai giao",
    ),
    "pho thu tuong": ("deputy prime minister", "deputy prime ministers", "deputy pm"),
    "thu tuong": ("prime minister", "prime ministers", "premier", "pm"),
    "bo truong ngoai giao": (
        "foreign minister", "foreign ministers", "minister of foreign affairs", "ministers of foreign affairs",
        "fm", "fms", "bo truong bo ngoai giao",
    ),
    "bo truong": ("minister", "ministers", "ministerial"),
    "bo ngoai giao": ("ministry of foreign affairs", "foreign ministry", "foreign ministries", "mofa"),
    "ngoai giao": ("foreign affairs", "diplomatic", "diplomacy"),
    "uy ban lien chinh phu": ("intergovernmental committee", "inter governmental committee"),
    "lien chinh phu": ("intergovernmental", "inter governmental"),
    "uy ban hon hop": ("joint commission", "joint committee"),
    "doan dai bieu bien gioi": ("border delegation", "border delegations"),
    "bien gioi": ("border", "borders"),
    "ky hop": ("session", "sessions"),
    "tham chinh thuc": ("official visit",),
    "tham": ("visit", "visits", "visited", "visiting"),
    "gap": ("meeting", "meetings", "meet", "met", "hoi dam", "talks"),
    "tiep": ("hoi kien", "received", "receive", "reception", "courtesy call"),
    "hoi nghi hep": ("retreat",),
    "hoi nghi": ("conference", "conferences"),
    "chu tich nuoc": ("president",),
    "chu tich quoc hoi": (
        "national assembly chairman", "national assembly chairwoman", "chairman of the national assembly",
        "chairwoman of the national assembly", "na chairman",
    ),
    "quoc hoi": ("national assembly",),
    "dai su": ("ambassador", "ambassadors"),
    "dai su quan": ("embassy",),
    "nha khach chinh phu": ("government guesthouse", "government guest house"),
    "tru so": ("headquarters",),
    "thoa thuan": ("agreement", "agreements"),
    "hiep uoc": ("treaty",),
    "hop tac": ("cooperation",),
    "huu nghi": ("friendship",),
    "thuong mai": ("trade",),
    "hoi dong nhan quyen": ("human rights council",),
    "chu tich asean": ("chair of asean", "chairman of asean", "asean chair", "asean chairmanship",
                       "chairmanship of asean"),
    "mot cua": ("one stop", "single window"),
    "viet nam": ("vietnamese", "vietnam", "vn"),
    "lao": ("laotian", "laos"),
    "campuchia": ("cambodian", "cambodia", "cam pu chia"),
    "nga": ("russian", "russia"),
    "ha noi": ("hanoi",),
    "viang chan": ("vientiane",),
}
SYNONYMS: dict[tuple[str, ...], str] = {
    tuple(phrase.split()): target for target, phrases in _SYNONYM_GROUPS.items() for phrase in phrases
}
_LONGEST = max(len(k) for k in SYNONYMS)
SYNONYM_WORDS = frozenset(word for phrase in SYNONYMS for word in phrase)


def canonical(folded: str) -> str:
    """Rewrite known phrases of a folded text to their canonical Vietnamese form (longest match first)."""
    tokens = folded.split()
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for size in range(min(_LONGEST, len(tokens) - i), 0, -1):
            target = SYNONYMS.get(tuple(tokens[i : i + size]))
            if target is not None:
                out.append(target)
                i += size
                break
        else:
            out.append(tokens[i])
            i += 1
    return " ".join(out)


# Countries a question may name; those outside the base make a question out of scope.
COUNTRIES: dict[str, str] = {
    "viet nam": "VN", "vn": "VN", "lao": "LA", "campuchia": "KH", "nga": "RU",
    "thai lan": "TH", "thailand": "TH", "trung quoc": "CN", "china": "CN", "my": "US", "hoa ky": "US",
    "usa": "US", "united states": "US", "america": "US", "nhat ban": "JP", "japan": "JP", "han quoc": "KR",
    "korea": "KR", "trieu tien": "KP", "phap": "FR", "france": "FR", "duc": "DE", "germany": "DE",
    "anh quoc": "GB", "britain": "GB", "united kingdom": "GB", "uk": "GB", "singapore": "SG",
    "myanmar": "MM", "mien dien": "MM", "indonesia": "ID", "malaysia": "MY", "philippines": "PH",
    "phi lip pin": "PH", "brunei": "BN", "dong timo": "TL", "timor leste": "TL", "an do": "IN", "india": "IN",
    "uc": "AU", "australia": "AU", "cuba": "CU", "canada": "CA", "italia": "IT", "italy": "IT",
    "tay ban nha": "ES", "spain": "ES", "brazil": "BR", "ukraine": "UA", "israel": "IL", "iran": "IR",
    "mong co": "MN", "mongolia": "MN", "pakistan": "PK", "bangladesh": "BD", "new zealand": "NZ",
    "thuy dien": "SE", "sweden": "SE", "ha lan": "NL", "netherlands": "NL", "ai cap": "EG", "egypt": "EG",
}
COUNTRY_PATTERN = _words(*COUNTRIES)
KNOWN_COUNTRIES = frozenset({"VN", "LA", "KH", "RU"})

# Attributes the base never holds: a question about them is out of scope even when it names an official.
UNKNOWN_ATTRIBUTES = _words(
    "sinh nam", "sinh ngay", "sinh ra", "nam sinh", "ngay sinh", "bao nhieu tuoi", "tuoi", "que quan", "que o",
    "vo", "chong", "con cai", "gia dinh", "luong", "thu nhap", "tai san", "chieu cao", "can nang", "ton giao",
    "hoc o", "tot nghiep", "so dien thoai", "email", "dia chi nha", "so thich", "thich an", "mon an",
    "born", "birthday", "age", "how old", "wife", "husband", "children", "married", "salary", "income", "net worth",
    "height", "religion", "hobby", "hobbies", "favorite", "favourite", "phone", "address", "education",
    "graduated", "thoi tiet", "weather", "gia vang", "bitcoin", "bong da", "football", "recipe", "cong thuc",
    "chet", "qua doi", "died", "death", "nghi huu", "retire", "retired", "bau cu my",
)

# Words that carry no content for matching.
STOPWORDS = frozenset(
    ["a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "is", "are", "was", "were", "be", "been", "by", "with", "from", "as", "that", "this", "these", "those", "it", "its", "do", "does", "did", "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "please", "tell", "me", "about", "give", "show", "any", "there", "their", "ve", "cua", "va", "la", "cac", "nhung", "mot", "voi", "tai", "o", "trong", "cho", "duoc", "da", "se", "dang", "thi", "ma", "nay", "do", "kia", "nao", "gi", "ai", "khi", "bao", "gio", "hay", "hoac", "nhe", "a", "oi", "ah", "vay", "the", "sao", "co", "khong", "chua", "roi", "nua", "cung", "van", "con", "moi", "hai", "ben", "nuoc", "giua"]
)

GREETINGS = _words(
    "xin chao", "chao ban", "chao bot", "hello", "hi", "hey", "cam on", "thanks", "thank you", "tam biet", "bye",
    "ban la ai", "ban ten gi", "who are you", "how are you", "ban khoe khong",
)

# Event kinds a question's verb points at (on canonical folded text).
EVENT_KIND_CUES: dict[str, re.Pattern[str]] = {
    "visit": _words("tham chinh thuc", "tham huu nghi", "chuyen tham", "sang tham", "tham lao", "tham viet nam",
                    "tham"),
    "meeting": _words("gap", "cuoc gap", "gap go", "ben le"),
    "reception": _words("tiep", "chao xa giao", "tiep kien"),
    "committee_session": _words("ky hop", "uy ban lien chinh phu", "uy ban hon hop"),
    "conference": _words("hoi nghi", "hoi nghi hep", "tong ket"),
    "consultation": _words("tham van", "tham van chinh tri"),
}

"""Everything the bot shows in Telegram: HTML text, inline keyboards and callback data.

Rules kept here so that no handler has to remember them:

* every dynamic string goes through `html.escape` (`esc`) before it joins the HTML;
* a message longer than Telegram's 4096-character limit is split by `split_html` at a
  line break, else a word break, never inside a tag or an entity, closing the tags
  still open at the cut and reopening them in the next part;
* callback data is `src:<fact_id>` (show the sources of a fact) or `ans:<fact_id>`
  (answer that candidate of an ambiguous question). It carries the fact id, not an
  in-memory key, so a button keeps working after a reload or a restart for as long as
  the fact exists; fact ids are at most 60 characters, so the data fits the 64 bytes
  Telegram allows.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final, Literal

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.answering.answers import Answer, Candidate, Lang, Status
from bot.kb.knowledge import AnyFact, Knowledge
from bot.nlu.text import collapse_whitespace
from bot.nlu.understanding import detect_language
from bot.render.catalog import t

MAX_MESSAGE: Final = 4096
MAX_CALLBACK_BYTES: Final = 64
MAX_BUTTON_LABEL: Final = 48
MAX_CANDIDATE_BUTTONS: Final = 8
MAX_SOURCE_BUTTONS: Final = 4

PAGE_LINES: Final = 10  # a list longer than this is shown a page at a time (◀ ▶)

CallbackKind = Literal["src", "ans", "pg", "sp"]
_CALLBACK_KINDS: Final[frozenset[str]] = frozenset({"src", "ans", "pg", "sp"})
_FACT_ID_RE: Final = re.compile(r"^[a-z0-9][a-z0-9-]{0,59}$")


def esc(text: object) -> str:
    """Escape one dynamic value for Telegram's HTML parse mode."""
    return html.escape(str(text), quote=True)


def lang_of_text(text: str | None, default: Lang = "vi") -> Lang:
    """The language of a message the bot wrote (for a button tapped on it): the one detector."""
    return detect_language(text, default)


# ---------------------------------------------------------------------------- callback data


def callback_data(kind: CallbackKind, fact_id: str) -> str | None:
    """`kind:fact_id`, or None when it would not fit Telegram's 64 bytes (never for valid ids)."""
    data = f"{kind}:{fact_id}"
    return data if len(data.encode("utf-8")) <= MAX_CALLBACK_BYTES else None


def parse_callback(data: str | None) -> tuple[CallbackKind, str] | None:
    """The (kind, fact id) a button carries, or None for data this bot never produces."""
    if not data:
        return None
    kind, sep, fact_id = data.partition(":")
    if not sep or kind not in _CALLBACK_KINDS or not _FACT_ID_RE.match(fact_id):
        return None
    if kind in ("pg", "sp") and not fact_id.isdigit():
        return None
    known: dict[str, CallbackKind] = {"src": "src", "ans": "ans", "pg": "pg", "sp": "sp"}
    return known[kind], fact_id


# ---------------------------------------------------------------------------- labels


def truncate(text: str, limit: int = MAX_BUTTON_LABEL) -> str:
    """`text` on one line, cut at a word boundary to at most `limit` characters (with an ellipsis)."""
    flat = collapse_whitespace(text)
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    space = cut.rfind(" ")
    if space >= limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,.;:-–") + "…"


def fact_title(fact: AnyFact, lang: Lang) -> str:
    """A short human name for a fact: its title or name in `lang`."""
    for attr in (f"title_{lang}", f"name_{lang}", "name"):
        value = getattr(fact, attr, None)
        if isinstance(value, str) and value:
            return value
    return fact.id


# ---------------------------------------------------------------------------- answers


@dataclass(frozen=True)
class Rendered:
    """One reply: HTML text (possibly longer than one message; see `split_html`) and its keyboard."""

    text: str
    keyboard: InlineKeyboardMarkup | None = None


def answer_html(answer: Answer) -> str:
    """The answer's text, escaped, plus example questions when the engine offers some."""
    parts = [esc(answer.text)]
    examples = [e for e in answer.examples if e not in answer.text]
    if answer.status is Status.NOT_FOUND and examples:
        parts.append("")
        parts.append(f"<i>{esc(t('examples_title', answer.lang))}</i>")
        parts.extend(f"• {esc(example)}" for example in examples[:3])
    return "\n".join(parts)


def candidate_keyboard(candidates: Sequence[Candidate]) -> InlineKeyboardMarkup | None:
    rows = []
    for candidate in candidates[:MAX_CANDIDATE_BUTTONS]:
        data = callback_data("ans", candidate.fact_id)
        if data is not None:
            rows.append([InlineKeyboardButton(truncate(candidate.label), callback_data=data)])
    return InlineKeyboardMarkup(rows) if rows else None


def source_keyboard(
    fact_ids: Sequence[str], lang: Lang, knowledge: Knowledge | None = None
) -> InlineKeyboardMarkup | None:
    """One "Source" button for the lead fact; with several facts, one button each (labelled)."""
    ids = [i for i in dict.fromkeys(fact_ids) if knowledge is None or i in knowledge.by_id]
    ids = ids[:MAX_SOURCE_BUTTONS]
    rows = []
    for fact_id in ids:
        data = callback_data("src", fact_id)
        if data is None:
            continue
        label = t("source_button", lang)
        if len(ids) > 1 and knowledge is not None:
            label = truncate(f"{label}: {fact_title(knowledge.by_id[fact_id], lang)}")
        rows.append([InlineKeyboardButton(label, callback_data=data)])
    return InlineKeyboardMarkup(rows) if rows else None


@dataclass(frozen=True)
class ListPages:
    """A long list answer cut into pages: the lines around the items, the items and their facts."""

    head: list[str]
    items: list[str]
    facts: list[str]
    tail: list[str]

    @property
    def count(self) -> int:
        return (len(self.items) + PAGE_LINES - 1) // PAGE_LINES

    @classmethod
    def of(cls, answer: Answer) -> ListPages | None:
        """The pages of a list of more than `PAGE_LINES` items, one fact per item; else None."""
        if answer.status is not Status.ANSWERED:
            return None
        lines = answer.text.split("\n")
        bullets = [i for i, line in enumerate(lines) if line.startswith("• ")]
        facts = list(dict.fromkeys(answer.facts))
        if len(bullets) <= PAGE_LINES or len(bullets) != len(facts):
            return None
        first, last = bullets[0], bullets[-1]
        if bullets != list(range(first, last + 1)):
            return None
        return cls(lines[:first], lines[first : last + 1], facts, lines[last + 1 :])

    def page_facts(self, page: int) -> list[str]:
        return self.facts[page * PAGE_LINES : (page + 1) * PAGE_LINES]

    def render(self, page: int, lang: Lang) -> Rendered:
        page = max(0, min(page, self.count - 1))
        shown = self.items[page * PAGE_LINES : (page + 1) * PAGE_LINES]
        text = "\n".join(esc(line) for line in [*self.head, *shown, *self.tail])
        nav = [
            InlineKeyboardButton("◀", callback_data=f"pg:{page - 1}" if page > 0 else f"pg:{page}"),
            InlineKeyboardButton(f"{page + 1}/{self.count}", callback_data=f"pg:{page}"),
            InlineKeyboardButton(
                "▶", callback_data=f"pg:{page + 1}" if page + 1 < self.count else f"pg:{page}"
            ),
        ]
        source = InlineKeyboardButton(
            t("source_page_button", lang, page=page + 1), callback_data=f"sp:{page}"
        )
        return Rendered(text, InlineKeyboardMarkup([nav, [source]]))


def render_answer(answer: Answer, knowledge: Knowledge | None = None) -> Rendered:
    """The reply to a question: escaped text, and either the candidates or the Source button(s);
    a long list shows its first page, with ◀ ▶ and one Source button for the page."""
    pages = ListPages.of(answer)
    if pages is not None:
        return pages.render(0, answer.lang)
    text = answer_html(answer)
    if answer.status is Status.AMBIGUOUS:
        return Rendered(text, candidate_keyboard(answer.candidates))
    if answer.status is Status.ANSWERED:
        return Rendered(text, source_keyboard(answer.facts, answer.lang, knowledge))
    return Rendered(text, None)


def source_html(fact: AnyFact, lang: Lang, knowledge: Knowledge | None = None) -> str:
    """The seed file name and the verbatim quote(s) behind one fact (or its public references)."""
    lines = [f"📖 <b>{esc(t('source_title', lang))}</b> · <i>{esc(fact_title(fact, lang))}</i>"]
    if fact.background or fact.source is None:
        lines.append(esc(t("background", lang)))
        lines.extend(f"• {esc(reference)}" for reference in fact.references)
        return "\n".join(lines)
    lines.append(f"{esc(t('seed', lang))}: <code>{esc(fact.source)}</code>")
    quotes = [collapse_whitespace(q) for q in fact.quotes if q.strip()]
    if not quotes:
        lines.append(esc(t("no_quote", lang)))
    lines.extend(f"<blockquote>{esc(quote)}</blockquote>" for quote in quotes)
    return "\n".join(lines)


def answer_with_sources_html(answer: Answer, knowledge: Knowledge) -> str:
    """An answer followed by the sources of its facts: for inline results, which stand alone."""
    parts = [answer_html(answer)]
    for fact_id in list(dict.fromkeys(answer.facts))[:MAX_SOURCE_BUTTONS]:
        fact = knowledge.by_id.get(fact_id)
        if fact is not None:
            parts.append(source_html(fact, answer.lang, knowledge))
    return "\n\n".join(parts)


def bullet_list(items: Iterable[str]) -> str:
    return "\n".join(f"• {esc(item)}" for item in items)


# ---------------------------------------------------------------------------- splitting

# A tag, an entity, a newline, a run of spaces/tabs, a run of other word characters, or any
# other single character. Tags and entities are atoms: a cut never falls inside one.
_TOKEN_RE: Final = re.compile(r"<[^<>]*>|&#?[A-Za-z0-9]+;|\n|[ \t]+|[^<&\s]{1,64}|[\s\S]")
_TAG_NAME_RE: Final = re.compile(r"^</?\s*([A-Za-z][A-Za-z0-9-]*)")


def utf16_len(text: str) -> int:
    """Length as Telegram counts it (UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


@dataclass(frozen=True, slots=True)
class _Atom:
    text: str
    size: int
    brk: int  # 2: a line may end after this atom, 1: a word may, 0: avoid cutting here
    stack: tuple[tuple[str, str], ...]  # tags open after this atom: (name, opening tag)


def _atoms(text: str) -> list[_Atom]:
    atoms: list[_Atom] = []
    stack: list[tuple[str, str]] = []
    for match in _TOKEN_RE.finditer(text):
        token = match.group()
        brk = 0
        if token.startswith("<") and token.endswith(">"):
            name_match = _TAG_NAME_RE.match(token)
            if name_match is not None:
                name = name_match.group(1).lower()
                if token.startswith("</"):
                    for depth in range(len(stack) - 1, -1, -1):
                        if stack[depth][0] == name:
                            del stack[depth:]
                            break
                elif not token.endswith("/>"):
                    stack.append((name, token))
        elif token == "\n":
            brk = 2
        elif token.isspace():
            brk = 1
        atoms.append(_Atom(token, utf16_len(token), brk, tuple(stack)))
    return atoms


def _closing(stack: tuple[tuple[str, str], ...]) -> str:
    return "".join(f"</{name}>" for name, _ in reversed(stack))


def _opening(stack: tuple[tuple[str, str], ...]) -> str:
    return "".join(opening for _, opening in stack)


def _visible(chunk: str) -> bool:
    return bool(re.sub(r"<[^<>]*>", "", chunk).strip())


def split_html(text: str, limit: int = MAX_MESSAGE) -> list[str]:
    """Cut Telegram HTML into parts of at most `limit` UTF-16 units each (counting the markup,
    so the visible text is shorter still). Cuts fall at the last line break that keeps a part
    at least half full, else at the last space, else between two characters of a long word;
    never inside a tag or an entity. Tags open at a cut are closed there and reopened."""
    if utf16_len(text) <= limit:
        return [text] if _visible(text) else []
    atoms = _atoms(text)
    parts: list[str] = []
    start = 0
    prefix: tuple[tuple[str, str], ...] = ()
    while start < len(atoms):
        opening = _opening(prefix)
        size = utf16_len(opening)
        line_cut = word_cut = -1
        line_size = 0
        end = start
        while end < len(atoms):
            atom = atoms[end]
            if size + atom.size + utf16_len(_closing(atom.stack)) > limit:
                break
            size += atom.size
            if atom.brk == 2:
                line_cut, line_size = end, size
            elif atom.brk == 1:
                word_cut = end
            end += 1
        if end == len(atoms):
            cut = end - 1
        elif line_cut >= start and (line_size >= limit // 2 or line_cut >= word_cut):
            cut = line_cut
        elif word_cut >= start:
            cut = word_cut
        else:
            cut = max(end - 1, start)  # a hard cut inside a long word (or one oversized atom)
        body = "".join(atom.text for atom in atoms[start : cut + 1])
        chunk = (opening + body + _closing(atoms[cut].stack)).strip()
        if _visible(chunk):
            parts.append(chunk)
        prefix = atoms[cut].stack
        start = cut + 1
    return parts

"""Titles next to a person's name, kept as the mention's role.

Before the name: a title head and any modifiers up to the name (الرئيس الروسي فلاديمير بوتين →
"الرئيس الروسي"; وزير الخارجية الأمريكي → the whole phrase), but not an indefinite head joined to
the name (مستشار بوتين: Putin's adviser). After it, behind a comma (ستيف ويتكوف،
المبعوث …): the head and its modifiers. Modifiers are the words of ``TITLE_MODIFIERS``, demonyms and
words inside a registry name (المبعوث الخاص إلى الشرق الأوسط).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ._lexicon import HONORIFICS, TITLE_HEAD_MAX_WORDS, TITLE_HEADS, TITLE_MODIFIERS
from .registry import Registry
from .scan import Words, variants

__all__ = ["RoleFinder"]

# How far before a name a title may start, in words.
MAX_ROLE_WORDS = 8
_APPOSITION = re.compile(r"\s*[،,]\s*")


class RoleFinder:
    """Finds title phrases around names in one article's words."""

    def __init__(self, words: Words, registry: Registry, in_name: Callable[[int], bool]) -> None:
        self.words = words
        self.registry = registry
        self.in_name = in_name  # word i lies inside a registry place/organisation name

    def _head_at(self, k: int, limit: int, allow_prefix: bool) -> tuple[int, int, str] | None:
        """A title head starting at word k and ending before word ``limit``: (words, letters
        dropped from word k, the head)."""
        words = self.words
        forms = variants(words.norm[k]) if allow_prefix else [(words.norm[k], 0)]
        for size in range(min(TITLE_HEAD_MAX_WORDS, limit - k), 0, -1):
            if size > 1 and not words.joined(k, k + size - 1):
                continue
            rest = " ".join(words.norm[j] for j in range(k + 1, k + size))
            for form, dropped in forms:
                head = form + " " + rest if rest else form
                if head in TITLE_HEADS:
                    return size, dropped, head
        return None

    def _modifier(self, i: int) -> bool:
        norm = self.words.norm[i]
        return norm in TITLE_MODIFIERS or norm in TITLE_HEADS or self.registry.is_demonym(norm) or self.in_name(i)

    def _text(self, k: int, dropped: int, last: int) -> str:
        """The role as written from word k (less its proclitics) to word ``last``; للرئيس gives
        الرئيس (the article's alef, elided after ل, is put back)."""
        words = self.words
        start = words.skip_letters(k, dropped) if dropped else words.start[k]
        text = words.text[start : words.end[last]]
        if dropped and words.norm[k].startswith("لل") and text.startswith("ل"):
            text = "ا" + text
        return text

    def before(self, first: int) -> str | None:
        """The title right before word ``first`` (the name's first word)."""
        lo = first
        while lo > 0 and first - lo < MAX_ROLE_WORDS and self.words.joined(lo - 1, lo):
            lo -= 1
        for k in range(lo, first):
            head = self._head_at(k, first, allow_prefix=True)
            if head is None:
                continue
            size, dropped, title = head
            if all(self._modifier(j) for j in range(k + size, first)):
                return self._text(k, dropped, first - 1) if _is_role(title, k + size == first) else None
        return None

    def leading(self, first: int, last: int) -> tuple[str | None, int] | None:
        """A title at the start of words ``first..last`` that leaves a name after it:
        (the title, or None when it is not a role; first word of the name)."""
        head = self._head_at(first, last, allow_prefix=True)
        if head is None:
            return None
        size, dropped, title = head
        j = first + size
        while j < last and self._modifier(j):
            j += 1
        role = self._text(first, dropped, j - 1) if _is_role(title, j == first + size) else None
        return role, j

    def after(self, last: int, starts_person: Callable[[int], bool]) -> str | None:
        """A title in apposition after word ``last`` (", المبعوث …"), unless it leads into another
        person's name (then it is that person's title)."""
        words = self.words
        k = last + 1
        if k >= len(words):
            return None
        gap = _APPOSITION.fullmatch(words.text, words.end[last], words.start[k])
        if gap is None:
            return None
        head = self._head_at(k, len(words), allow_prefix=False)
        if head is None:
            return None
        size, _, title = head
        if title in HONORIFICS:
            return None
        j = k + size
        while j < len(words) and words.joined(j - 1, j) and self._modifier(j):
            j += 1
        if j < len(words) and words.joined(j - 1, j) and starts_person(j):
            return None
        return self._text(k, 0, j - 1)


def _is_role(title: str, touches_name: bool) -> bool:
    """Honorifics (السيد) are not roles; nor is a bare indefinite head joined to the name, which
    reads as "X's …" (مستشار بوتين is Putin's adviser, not adviser Putin)."""
    if title in HONORIFICS:
        return False
    return not (touches_name and " " not in title and not title.startswith("ال"))

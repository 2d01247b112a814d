"""Link one article: recognizer spans and registry names become ``Mention``s with entity ids.

``link_article(text, spans, registry)``:

1. every registry name in the text is found once (``scan.find_names``: longest match, one dict
   lookup per word and length, proclitics off the first word);
2. each recognizer span is linked: a registry name covering it (after proclitics) gives the
   registry entity; a person span loses a leading title (kept as role) and, on evidence, a
   proclitic (وبوتين → بوتين when بوتين is met elsewhere); other spans get an article entity;
3. persons are grouped: a shorter form (ويتكوف، بن سلمان) joins the longer name it ends
   (ستيف ويتكوف، محمد بن سلمان), the nearest preceding one when several fit; untagged
   occurrences of a full name or its surname are added (``via="coref"``); a shorter
   organisation name made of words of a longer one joins it, and so does "(الاسم المختصر)";
4. registry names the recognizer missed are added (``via="gazetteer"``, or ``"demonym"`` for
   الروسية → Russia), except where blocked (اللغة الروسية، الضفة الغربية);
5. an ambiguous name (عمان: Oman or Amman) takes the reading whose country the rest of the
   article mentions, else the prior;
6. titles before a person (or after it, behind a comma) become the mention's role.

Recognizer spans are first cleaned: non-entities are dropped (الله, a currency unit or a month
in a date, a letter pair of بي.بي.سي); a person span after "head + title" names an eponymous
institution (مركز الملك سلمان، طريق الملك عبدالله); a person span runs on over its nasab chain
(عبدالله [بن مساعد بن عبدالعزيز]) and loses a title or blessing it ran into (ولي ولي، رحمه الله);
a span inside a longer registry name takes that name (مصر العربية in جمهورية مصر العربية).

Entities without a registry entry get ``m:<TYPE>:<hash of the normalized name>``, or the id an
``EntityResolver`` gives when one is passed (then names merge across articles).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from marsad.extract.records import Entity, EntityType, Mention
from marsad.text.normalize import normalize_for_matching
from marsad.text.segment import split_sentences

from ._lexicon import (
    CHAIN_PARTICLES,
    COMMON_GIVEN_NAMES,
    CURRENCY_UNITS,
    DATE_CUES,
    EPONYM_HEADS,
    EPONYM_TITLES,
    GEOGRAPHIC_HEADS,
    LANGUAGE_HEADS,
    LOC_HEADS,
    MERGED_NAME_PREFIXES,
    MONTH_NAMES,
    NAME_PARTICLES,
    NASAB_PARTICLES,
    NON_ENTITIES,
    NON_ENTITIES_MISC,
    NUMBER_WORDS,
    ORG_GENERIC_WORDS,
    PERSON_PROCLITICS,
    PLACE_EPITHETS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    TRAILING_PARTICLES,
    TRAILING_TITLE_WORDS,
    YA_MAQSURA_CLASHES,
)
from .keys import entity_id_for, loose_name_score, name_key, norm_token
from .registry import AliasEntry, Registry, load_registry
from .resolver import EntityResolver
from .roles import RoleFinder
from .scan import Hit, Words, find_names, match_words, variants

__all__ = ["SpanLike", "link_article"]

LABELS = frozenset({"PERS", "ORG", "LOC", "MISC"})
GAZETTEER_CONFIDENCE = 0.9
DEMONYM_CONFIDENCE = 0.85
COREF_CONFIDENCE = 0.7
ALIAS_CONFIDENCE = 0.8
# Shortest surname searched for in untagged text (shorter words are too often ordinary words).
MIN_SURNAME_LETTERS = 3
_KINDS = {"PERS": "person", "ORG": "organisation", "LOC": "place"}
# "(هتا)" right after an organisation: one or two words of letters (no figures, no clauses).
_PARENTHESIS = re.compile(r"\s*\(\s*([^\W\d_][^\W\d]*(?:\s[^\W\d]+)?)\s*\)")
_TANWEEN = frozenset("\u064b\u064c\u064d")
# Longest title (in words) between an eponymous institution's head and the name.
_EPONYM_TITLE_MAX_WORDS = max(len(title.split()) for title in EPONYM_TITLES)
# How many words after the name an eponymous institution's name may run (للإغاثة والأعمال الإنسانية).
_EPONYM_TAIL_MAX_WORDS = 4
# Definite words ending like a nisba adjective that are no adjective: relative pronouns.
_NOT_ADJECTIVES = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين", "اللاتي", "اللواتي"})


class SpanLike(Protocol):
    """What the recognizer gives (``marsad.extract.ner.EntitySpan``)."""

    start: int
    end: int
    text: str
    label: str
    confidence: float
    sentence: int


@dataclass(slots=True)
class _Draft:
    first: int  # word indices, inclusive
    last: int
    start: int  # text offsets
    end: int
    label: str
    confidence: float
    via: str
    sentence: int | None = None
    entries: tuple[AliasEntry, ...] = ()  # registry readings, prior first
    entity_id: str | None = None
    group: int | None = None  # index of an article entity (non-registry)
    role: str | None = None  # "" once a title that is no role was seen
    form: tuple[str, ...] = ()


@dataclass(slots=True)
class _Group:
    """An entity of this article that the registry does not know."""

    label: str
    canonical: tuple[str, ...]
    drafts: list[int] = field(default_factory=list)


def link_article(
    text: str,
    spans: Iterable[SpanLike],
    registry: Registry | None = None,
    *,
    resolver: EntityResolver | None = None,
    sentences: Sequence[Any] | None = None,
) -> tuple[list[Mention], list[Entity]]:
    """Mentions (sorted by offset, ``text[m.start:m.end] == m.text``) and the entities they name.

    ``spans``: recognizer spans with offsets into ``text``; ``registry``: defaults to the shipped
    tables; ``resolver``: an ``EntityResolver`` that gives cross-article ids to entities the
    registry lacks; ``sentences``: the article's ``marsad.text.segment`` sentences (anything with
    ``start``) when the caller has them, else the text is split here; they give the sentence index
    of mentions the recognizer did not find.
    """
    return _ArticleLinker(text, registry or load_registry(), resolver, sentences).run(spans)


class _ArticleLinker:
    def __init__(self, text: str, registry: Registry, resolver: EntityResolver | None,
                 sentences: Sequence[Any] | None) -> None:
        self.text = text
        self.registry = registry
        self.resolver = resolver
        self.words = Words(text)
        self.hits = find_names(self.words, registry)
        n = len(self.words)
        self.hit_of: list[Hit | None] = [None] * n
        for hit in self.hits:
            for i in range(hit.first, hit.last + 1):
                self.hit_of[i] = hit
        self.taken = bytearray(n)
        self.drafts: list[_Draft] = []
        self.groups: list[_Group] = []
        self.sentence_starts = _sentence_starts(text, sentences)
        self._surfaces: dict[int, tuple[str, list[str], list[str]]] = {}
        self.roles = RoleFinder(self.words, registry, self._in_name)

    # -- helpers ----------------------------------------------------------------------------

    def _in_name(self, i: int) -> bool:
        hit = self.hit_of[i]
        return hit is not None and any(e.entity_id and e.via == "gazetteer" for e in hit.entries)

    def _free(self, first: int, last: int) -> bool:
        return not any(self.taken[first : last + 1])

    def _take(self, draft: _Draft) -> int:
        self.drafts.append(draft)
        self.taken[draft.first : draft.last + 1] = b"\x01" * (draft.last - draft.first + 1)
        return len(self.drafts) - 1

    def _sentence_of(self, pos: int) -> int:
        return max(0, bisect_right(self.sentence_starts, pos) - 1)

    def _entity_type(self, entity_id: str) -> str:
        return self.registry.entity(entity_id).type

    # -- pipeline ---------------------------------------------------------------------------

    def run(self, spans: Iterable[SpanLike]) -> tuple[list[Mention], list[Entity]]:
        persons: list[int] = []
        for span in sorted(spans, key=lambda s: (s.start, -s.end)):
            index = self._link_span(span)
            if index is not None and self.drafts[index].label == "PERS" and self.drafts[index].entity_id is None:
                persons.append(index)
        self._trim_person_proclitics(persons)
        self._group_persons(persons)
        self._find_untagged_persons()
        self._group_other_entities()
        self._add_gazetteer_names()
        self._add_parenthesized_aliases()
        self._resolve_ambiguous()
        self._assign_roles()
        return self._finish()

    def _link_span(self, span: SpanLike) -> int | None:
        label = span.label if span.label in LABELS else "MISC"
        if not (0 <= span.start < span.end <= len(self.text)):
            return None
        found = self.words.range_of(span.start, span.end)
        if found is None:
            return None
        first, last = found
        if not self._free(first, last) or self._non_entity(label, first, last):
            return None
        sentence = getattr(span, "sentence", None)
        confidence = float(getattr(span, "confidence", 1.0))
        if label == "PERS":
            index = self._link_eponym(first, last, confidence, sentence)
            if index is not None:
                return index
        hit = match_words(self.words, self.registry, first, last)
        entries = tuple(e for e in hit.entries if e.entity_id) if hit else ()
        if entries and self._accepts(label, entries[0]) and not self._ya_maqsura_clash(hit, entries[0]):
            return self._take(self._registry_draft(hit, entries, confidence, "ner", sentence))
        if label != "PERS":
            index = self._link_enclosing_name(label, first, last, confidence, sentence)
            if index is not None:
                return index
        if label == "LOC" and first < last:
            index = self._link_headed_place(first, last, confidence, sentence)
            if index is None:
                index = self._link_place_with_epithet(first, last, confidence, sentence)
            if index is not None:
                return index
        start = max(self.words.start[first], span.start)
        end = min(self.words.end[last], span.end)
        draft = _Draft(first, last, start, end, label, confidence, "ner", sentence)
        if label == "PERS":
            lead = self.roles.leading(first, last)
            if lead is not None:
                draft.role, draft.first = lead
                draft.start = self.words.start[draft.first]
                draft.role = draft.role or ""  # a title that is no role: look no further
            self._extend_nasab(draft)
            self._trim_trailing_title(draft)
        elif start == self.words.start[first]:
            draft.start = self._trim_article_proclitic(first)
        return self._take(draft)

    def _non_entity(self, label: str, first: int, last: int) -> bool:
        """الله in لله or رحمه الله, (tagged MISC) a currency unit, a month in a date, or one
        letter pair of a dotted abbreviation (بي of بي.بي.سي): no entity of the news."""
        norms = self.words.norm
        rest = tuple(norms[first + 1 : last + 1])
        for form, _ in variants(norms[first]):
            key = " ".join((form, *rest))
            if key in NON_ENTITIES or (label == "MISC" and key in NON_ENTITIES_MISC):
                return True
            if not rest and form in MONTH_NAMES and self._in_date(first):
                return True
            if not rest and form in CURRENCY_UNITS and self._after_a_number(first):
                return True
        return first == last and len(norms[first]) <= 2 and self._in_dotted_abbreviation(first)

    def _in_date(self, i: int) -> bool:
        """Month word i stands in a date: a figure, a bracket or a slash next to it, or another
        month or شهر beside it (22 أبريل، نيسان (أبريل)، نيسان/أبريل، شهري أيار وحزيران)."""
        words, text = self.words, self.text
        before = text[words.end[i - 1] if i > 0 else max(0, words.start[i] - 6) : words.start[i]]
        after = text[words.end[i] : words.start[i + 1] if i + 1 < len(words) else words.end[i] + 6]
        if any(ch.isdigit() or ch in "()/" for ch in before + after):
            return True
        near = [words.norm[k] for k in (i - 1, i + 1) if 0 <= k < len(words)]
        return any(w in DATE_CUES or any(v in MONTH_NAMES for v, _ in variants(w)) for w in near)

    def _after_a_number(self, i: int) -> bool:
        """A figure or a number word right before word i (2 مليون ريال، 500 دولار)."""
        words = self.words
        gap = self.text[words.end[i - 1] if i > 0 else 0 : words.start[i]]
        return any(ch.isdigit() for ch in gap) or (i > 0 and words.norm[i - 1] in NUMBER_WORDS)

    def _in_dotted_abbreviation(self, i: int) -> bool:
        text, start, end = self.text, self.words.start[i], self.words.end[i]
        before = start >= 2 and text[start - 1] == "." and text[start - 2].isalpha()
        after = end + 1 < len(text) and text[end] == "." and text[end + 1].isalpha()
        return before or after

    def _link_enclosing_name(self, label: str, first: int, last: int, confidence: float,
                             sentence: int | None) -> int | None:
        """A span inside a longer registry name takes that name: مصر العربية inside بجمهورية مصر
        العربية is Egypt, الخليج العربية inside مجلس التعاون لدول الخليج العربية the GCC."""
        hit = self.hit_of[first]
        if hit is None or hit is not self.hit_of[last] or (hit.first == first and hit.last == last):
            return None
        entries = tuple(e for e in hit.entries if e.entity_id and e.auto and e.via == "gazetteer")
        if not entries or not self._accepts(label, entries[0]) or not self._free(hit.first, hit.last):
            return None
        return self._take(self._registry_draft(hit, entries, confidence, "ner", sentence))

    def _link_place_with_epithet(self, first: int, last: int, confidence: float,
                                 sentence: int | None) -> int | None:
        """مصر الشقيقة → مصر: a registry place followed only by epithets (``PLACE_EPITHETS``)."""
        norms = self.words.norm
        end = last
        while end > first and norms[end] in PLACE_EPITHETS:
            end -= 1
        if end == last:
            return None
        hit = match_words(self.words, self.registry, first, end)
        entries = tuple(e for e in hit.entries if e.entity_id and e.via == "gazetteer"
                        and self._entity_type(e.entity_id) == "LOC") if hit else ()
        if not entries:
            return None
        return self._take(self._registry_draft(hit, entries, confidence, "ner", sentence))

    def _link_eponym(self, first: int, last: int, confidence: float, sentence: int | None) -> int | None:
        """مركز الملك سلمان، جامعة الملك سعود، طريق الملك عبدالله: a person span right after (or
        starting with) a title, itself after an institution head, names the institution. The
        institution's name runs on over "لل…" words, their "وال…" coordinates and nisba
        adjectives (للإغاثة والأعمال الإنسانية، الدولي، التخصصي)."""
        words, norms = self.words, self.words.norm
        for size in range(_EPONYM_TITLE_MAX_WORDS, 0, -1):
            for title_first in (first, first - size):  # the title inside the span, or before it
                name_first = title_first + size
                if title_first < 1 or name_first > last or name_first < first:
                    continue
                if " ".join(norms[title_first:name_first]) not in EPONYM_TITLES:
                    continue
                head = title_first - 1
                label = next((EPONYM_HEADS[v] for v, _ in variants(norms[head]) if v in EPONYM_HEADS), None)
                if label is None or not words.joined(head, last) or not self._free(head, last):
                    continue
                end_word = self._eponym_tail(last)
                dropped = next(d for v, d in variants(norms[head]) if v in EPONYM_HEADS)
                start = words.skip_letters(head, dropped) if dropped else words.start[head]
                return self._take(_Draft(head, end_word, start, words.end[end_word], label, confidence, "ner",
                                         sentence))
        return None

    def _eponym_tail(self, last: int) -> int:
        words, norms = self.words, self.words.norm
        end = last
        chained = False
        while end + 1 < len(words) and end - last < _EPONYM_TAIL_MAX_WORDS and words.joined(end, end + 1) \
                and not self.taken[end + 1]:
            word = norms[end + 1]
            if word.startswith("لل") and len(word) >= 4:
                chained = True
            elif chained and word.startswith("وال") and len(word) >= 5:
                pass
            elif word.startswith("ال") and word.endswith(("ي", "يه")) and len(word) >= 5 \
                    and word not in _NOT_ADJECTIVES:
                pass
            else:
                break
            end += 1
        return end

    def _extend_nasab(self, draft: _Draft) -> None:
        """الأمير [عبدالله] بن مساعد بن عبدالعزيز → the whole chain: a person span the recognizer
        ended before بن/بنت/آل + name (or on the particle itself) runs on over the chain."""
        words, norms = self.words, self.words.norm
        n = len(words)
        while True:
            last = draft.last
            if norms[last] in NASAB_PARTICLES:
                name = last + 1
            elif last + 1 < n and norms[last + 1] in NASAB_PARTICLES:
                name = last + 2
            else:
                return
            if name < n and norms[name] in MERGED_NAME_PREFIXES:
                name += 1  # بن عبد العزيز: the compound is one name
            family = norms[name - 1] == "ال"  # آل الشيخ: any word after آل is the family's name
            if name >= n or not words.joined(last, name) or not self._free(last + 1, name) \
                    or not (_name_word(norms[name]) or (family and norms[name] not in NAME_PARTICLES)):
                return
            draft.last = name
            draft.end = words.end[name]

    def _trim_trailing_title(self, draft: _Draft) -> None:
        """محمد بن سلمان ولي ولي [العهد] → محمد بن سلمان: a title, a blessing or a particle the
        recognizer ran into."""
        norms = self.words.norm
        while draft.last > draft.first and norms[draft.last] in TRAILING_PARTICLES:
            draft.last -= 1  # عبد الله بن [خالد]: the span stopped short of the next name
            draft.end = self.words.end[draft.last]
        while draft.last - draft.first >= 2:
            last = draft.last
            if norms[last - 1] in NAME_PARTICLES:
                return  # بن مساعد: a name after a particle, whatever it means
            if f"{norms[last - 1]} {norms[last]}" in TRAILING_TITLE_WORDS and last - 2 > draft.first:
                draft.last = last - 2
            elif norms[last] in TRAILING_TITLE_WORDS:
                draft.last = last - 1
            else:
                return
            draft.end = self.words.end[draft.last]

    def _accepts(self, label: str, prior: AliasEntry) -> bool:
        """Whether a recognizer span with ``label`` takes the registry reading ``prior``: a person
        span only a plain name the gazetteer may link on its own; an organisation span never a
        city (برشلونة the club, not the city)."""
        kind = self.registry.entity(prior.entity_id).kind
        if label == "PERS":
            return prior.auto and prior.via == "gazetteer"
        return not (label == "ORG" and kind == "city")

    def _ya_maqsura_clash(self, hit: Hit, prior: AliasEntry) -> bool:
        """اليمنى "the right one" is not اليمني "Yemeni", though both normalize alike."""
        return (prior.via == "demonym" and self.words.norm[hit.last] in YA_MAQSURA_CLASHES
                and _last_letter(self.text, hit.start, hit.end) == "ى")

    def _has_tanween(self, hit: Hit) -> bool:
        """A name does not take nunation: درعاً is "a shield", لفيفٍ "a group", not the places."""
        return any(ch in _TANWEEN for ch in self.text[self.words.start[hit.last] : hit.end])

    def _registry_draft(self, hit: Hit, entries: tuple[AliasEntry, ...], confidence: float, via: str,
                        sentence: int | None) -> _Draft:
        prior = entries[0]
        label = self._entity_type(prior.entity_id)
        if prior.via == "demonym":
            via = "demonym"
        return _Draft(hit.first, hit.last, hit.start, hit.end, label, confidence, via, sentence, entries,
                      prior.entity_id)

    def _link_headed_place(self, first: int, last: int, confidence: float, sentence: int | None) -> int | None:
        """العاصمة الروسية موسكو → موسكو: a registry name after place heads and qualifiers."""
        for k in range(first + 1, last + 1):
            norm = self.words.norm[k - 1]
            if not (norm in LOC_HEADS or norm in TITLE_MODIFIERS or self.registry.is_demonym(norm)
                    or any(v in LOC_HEADS for v, _ in variants(norm))):
                return None
            hit = match_words(self.words, self.registry, k, last)
            entries = tuple(e for e in hit.entries if e.entity_id and e.via == "gazetteer") if hit else ()
            if entries:
                return self._take(self._registry_draft(hit, entries, confidence, "ner", sentence))
        return None

    def _trim_article_proclitic(self, first: int) -> int:
        """والجيش الروسي → الجيش الروسي; للجيش → لجيش (the article's lam stays)."""
        norm = self.words.norm[first]
        if norm[:1] in "وف" and norm[1:3] == "ال" and len(norm) >= 5:
            return self.words.skip_letters(first, 1)
        if norm.startswith("لل") and len(norm) >= 4:
            return self.words.skip_letters(first, 1)
        return self.words.start[first]

    # -- persons ----------------------------------------------------------------------------

    def _trim_person_proclitics(self, persons: list[int]) -> None:
        """Drop a leading و/ف/ب/ل/ك from a person's name only on evidence: the rest is a common
        given name, a word of another person mention here, or a name the resolver knows."""
        seen: dict[str, int] = {}
        for index in persons:
            d = self.drafts[index]
            for i in range(d.first, d.last + 1):
                seen[self.words.norm[i]] = seen.get(self.words.norm[i], 0) + 1
        knows = self.resolver.knows_word if self.resolver is not None else None
        for index in persons:
            d = self.drafts[index]
            first = self.words.norm[d.first]
            if d.start > self.words.start[d.first] or first in COMMON_GIVEN_NAMES or seen.get(first, 0) > 1:
                continue  # already cut by the recognizer, or a name as it stands
            for prefix in PERSON_PROCLITICS:
                rest = first[len(prefix):]
                if not first.startswith(prefix) or len(rest) < 3:
                    continue
                if rest in COMMON_GIVEN_NAMES or rest in seen or (knows is not None and knows(rest)):
                    d.start = self.words.skip_letters(d.first, len(prefix))
                    break
        for index in persons:
            d = self.drafts[index]
            first_norm = _strip_to(self.words, d.first, d.start)
            d.form = (first_norm, *(self.words.norm[i] for i in range(d.first + 1, d.last + 1)))

    def _group_persons(self, persons: list[int]) -> None:
        forms: dict[tuple[str, ...], list[int]] = {}
        for index in persons:
            forms.setdefault(self.drafts[index].form, []).append(index)
        order = sorted(forms, key=lambda f: (-len(f), self.drafts[forms[f][0]].start))
        for form in order:
            parents = [g for g, group in enumerate(self.groups)
                       if group.label == "PERS" and _short_form_of(form, group.canonical)]
            for index in forms[form]:
                if parents:
                    g = self._nearest_group(parents, self.drafts[index].start)
                    if len(form) < len(self.groups[g].canonical):
                        self.drafts[index].via = "coref"
                else:
                    self.groups.append(_Group("PERS", form))
                    parents = [len(self.groups) - 1]
                    g = parents[0]
                self.drafts[index].group = g
                self.groups[g].drafts.append(index)

    def _nearest_group(self, groups: list[int], pos: int) -> int:
        """The group whose latest mention before ``pos`` is closest; else the earliest one."""
        def key(g: int) -> tuple[int, int]:
            starts = [self.drafts[i].start for i in self.groups[g].drafts]
            before = [s for s in starts if s < pos]
            return (0, -max(before)) if before else (1, min(starts, default=0))

        return min(groups, key=key)

    def _find_untagged_persons(self) -> None:
        """Occurrences of a known full name, or of its surname, that the recognizer missed."""
        patterns: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        for g, group in enumerate(self.groups):
            full = group.canonical
            if group.label != "PERS" or len(full) < 2:
                continue
            for form in [full, *(full[-n:] for n in (1, 2) if n < len(full))]:
                if form == full or _short_form_of(form, full):
                    if len(form) == 1 and len(form[0]) < MIN_SURNAME_LETTERS:
                        continue
                    patterns.setdefault(form[0], []).append((form, g))
        if not patterns:
            return
        # Every written shape of a pattern's first word, with and without a proclitic: one dict
        # lookup per word of the article.
        shapes: dict[str, tuple[str, int]] = {}
        for first, forms in patterns.items():
            forms.sort(key=lambda fg: -len(fg[0]))
            shapes[first] = (first, 0)
            for prefix in PERSON_PROCLITICS:
                shapes.setdefault(prefix + first, (first, len(prefix)))
        words, norms, n = self.words, self.words.norm, len(self.words)
        i = 0
        while i < n:
            shape = shapes.get(norms[i])
            if shape is None or self.taken[i] or self._in_multiword_name(i):
                i += 1
                continue
            first, dropped = shape
            matched = None
            for form, g in patterns[first]:
                last = i + len(form) - 1
                if (last < n and all(norms[i + k] == form[k] for k in range(1, len(form)))
                        and words.joined(i, last) and self._free(i, last)):
                    matched = (form, g, last)
                    break
            if matched is None:
                i += 1
                continue
            form, g, last = matched
            start = words.skip_letters(i, dropped) if dropped else words.start[i]
            draft = _Draft(i, last, start, words.end[last], "PERS", COREF_CONFIDENCE, "coref", group=g, form=form)
            self.groups[g].drafts.append(self._take(draft))
            i = last + 1

    def _in_multiword_name(self, i: int) -> bool:
        hit = self.hit_of[i]
        return hit is not None and hit.last > hit.first and any(e.entity_id for e in hit.entries)

    # -- organisations and other article entities ---------------------------------------------

    def _group_other_entities(self) -> None:
        """Organisations, places and others the registry lacks: same name (or, for
        organisations, a specific shorter form of a longer name) → one article entity."""
        pending = [i for i, d in enumerate(self.drafts) if d.entity_id is None and d.group is None]
        for index in pending:
            d = self.drafts[index]
            first = _strip_to(self.words, d.first, d.start)
            d.form = (first, *(self.words.norm[i] for i in range(d.first + 1, d.last + 1)))
        order = sorted(pending, key=lambda i: (-len(self.drafts[i].form), self.drafts[i].start))
        for index in order:
            d = self.drafts[index]
            target = None
            for g, group in enumerate(self.groups):
                if group.label != d.label:
                    continue
                if _same_name(d.form, group.canonical) or (
                    d.label == "ORG" and _org_short_form_of(d.form, group.canonical, self.registry)
                ):
                    target = g
                    break
            if target is None:
                self.groups.append(_Group(d.label, d.form))
                target = len(self.groups) - 1
            elif len(d.form) < len(self.groups[target].canonical):
                d.via = "coref"
            d.group = target
            self.groups[target].drafts.append(index)

    def _add_gazetteer_names(self) -> None:
        words = self.words
        for hit in self.hits:
            entries = tuple(e for e in hit.entries if e.entity_id and e.auto)
            if not entries or not self._free(hit.first, hit.last):
                continue
            prior = entries[0]
            if self._ya_maqsura_clash(hit, prior) or (prior.via == "gazetteer" and self._has_tanween(hit)):
                continue
            if prior.via == "demonym" and hit.first > 0 and words.joined(hit.first - 1, hit.first):
                before = hit.first - 1
                forms = {v for v, _ in variants(words.norm[before])}
                if forms & LANGUAGE_HEADS:
                    continue
                if prior.geo and (forms & GEOGRAPHIC_HEADS or self._place_at(before)):
                    continue
            via = "demonym" if prior.via == "demonym" else "gazetteer"
            confidence = DEMONYM_CONFIDENCE if via == "demonym" else GAZETTEER_CONFIDENCE
            self._take(self._registry_draft(hit, entries, confidence, via, None))

    def _place_at(self, i: int) -> bool:
        hit = self.hit_of[i]
        return hit is not None and any(
            e.entity_id and e.via == "gazetteer" and self._entity_type(e.entity_id) == "LOC" for e in hit.entries
        )

    def _add_parenthesized_aliases(self) -> None:
        """"هيئة تنظيم الاتصالات (هتا)": the bracketed short name of an organisation the registry
        lacks, and its later occurrences, name the same entity."""
        aliases: dict[tuple[str, ...], int] = {}
        for index in range(len(self.drafts)):
            d = self.drafts[index]
            if d.label != "ORG" or d.entity_id is not None:
                continue
            m = _PARENTHESIS.match(self.text, d.end)
            if m is None:
                continue
            found = self.words.range_of(m.start(1), m.end(1))
            if found is None or not self._free(*found) or found[1] - found[0] > 1:
                continue
            form = tuple(self.words.norm[i] for i in range(found[0], found[1] + 1))
            if any(w in TITLE_MODIFIERS or w in ORG_GENERIC_WORDS or w in COMMON_GIVEN_NAMES
                   or self.registry.is_demonym(w) or len(w) < 3 for w in form):
                continue
            self._take(self._copy_draft(d, found[0], found[1], self.words.start[found[0]]))
            aliases[form] = index
        if not aliases:
            return
        words = self.words
        for i in range(len(words)):
            for form, index in aliases.items():
                last = i + len(form) - 1
                if (last < len(words) and self._free(i, last) and words.joined(i, last)
                        and all(words.norm[i + k] == form[k] for k in range(len(form)))):
                    self._take(self._copy_draft(self.drafts[index], i, last, words.start[i]))

    def _copy_draft(self, source: _Draft, first: int, last: int, start: int) -> _Draft:
        draft = _Draft(first, last, start, self.words.end[last], source.label, ALIAS_CONFIDENCE, "coref",
                       entries=source.entries, entity_id=source.entity_id, group=source.group)
        if source.group is not None:
            self.groups[source.group].drafts.append(len(self.drafts))
        return draft

    # -- ambiguity and roles --------------------------------------------------------------------

    def _resolve_ambiguous(self) -> None:
        """Pick, for names with several readings, the one whose country the article mentions."""
        ambiguous = [d for d in self.drafts if len({e.entity_id for e in d.entries}) > 1]
        if not ambiguous:
            return
        country_of = self.registry.country_of
        support: dict[str, int] = {}
        for d in self.drafts:
            if d.entity_id and len({e.entity_id for e in d.entries}) <= 1:
                for key in {d.entity_id, country_of(d.entity_id)}:
                    if key:
                        support[key] = support.get(key, 0) + 1
        for d in ambiguous:
            scored = [(support.get(country_of(e.entity_id) or e.entity_id, 0), -rank, e.entity_id)
                      for rank, e in enumerate(d.entries)]
            d.entity_id = max(scored)[2]
            d.label = self._entity_type(d.entity_id)

    def _assign_roles(self) -> None:
        person_starts = {d.first for d in self.drafts if d.label == "PERS"}
        for d in self.drafts:
            if d.label != "PERS" or d.role is not None:
                continue
            d.role = self.roles.before(d.first) or self.roles.after(d.last, person_starts.__contains__)

    # -- output ------------------------------------------------------------------------------

    def _finish(self) -> tuple[list[Mention], list[Entity]]:
        group_ids = [self._group_entity_id(g) for g in range(len(self.groups))]
        group_of_id = {entity_id: g for g, entity_id in enumerate(group_ids)}
        mentions: list[tuple[Mention, str]] = []
        for d in sorted(self.drafts, key=lambda d: (d.start, d.end)):
            entity_id = d.entity_id if d.entity_id is not None else group_ids[d.group]
            role = d.role or None
            sentence = d.sentence if d.sentence is not None else self._sentence_of(d.start)
            mentions.append((Mention(d.start, d.end, self.text[d.start : d.end], d.label, entity_id,
                                     round(d.confidence, 4), sentence, d.via, role), entity_id))
        entities: dict[str, Entity] = {}
        for _, entity_id in mentions:
            if entity_id not in entities:
                entities[entity_id] = self._entity(entity_id, group_of_id.get(entity_id))
        return [m for m, _ in mentions], list(entities.values())

    def _group_surfaces(self, g: int) -> tuple[str, list[str], list[str]]:
        """(canonical surface, other surfaces, roles) of an article entity, in text order."""
        if g not in self._surfaces:
            self._surfaces[g] = self._collect_surfaces(g)
        return self._surfaces[g]

    def _collect_surfaces(self, g: int) -> tuple[str, list[str], list[str]]:
        group = self.groups[g]
        drafts = sorted((self.drafts[i] for i in group.drafts), key=lambda d: d.start)
        canonical = next((self.text[d.start : d.end] for d in drafts if d.form == group.canonical),
                         self.text[drafts[0].start : drafts[0].end])
        surfaces, roles, seen, seen_roles = [], [], {name_key(canonical)}, set()
        for d in drafts:
            surface = self.text[d.start : d.end]
            if name_key(surface) not in seen:
                seen.add(name_key(surface))
                surfaces.append(surface)
            if d.role and name_key(d.role) not in seen_roles:
                seen_roles.add(name_key(d.role))
                roles.append(d.role)
        return canonical, surfaces, roles

    def _group_entity_id(self, g: int) -> str:
        canonical, surfaces, roles = self._group_surfaces(g)
        label = self.groups[g].label
        if self.resolver is not None:
            group = self.groups[g]
            # Titles written with the full name itself (not with a surname of it): the evidence of
            # the resolver's title rule.
            own = [d.role for d in (self.drafts[i] for i in group.drafts) if d.role and d.form == group.canonical]
            return self.resolver.resolve(canonical, label, aliases=surfaces, roles=roles, title_roles=own)
        return entity_id_for(label, name_key(canonical))

    def _entity(self, entity_id: str, g: int | None) -> Entity:
        if entity_id in self.registry:
            return self.registry.entity(entity_id)
        if self.resolver is not None:
            return self.resolver.entity(entity_id)
        assert g is not None
        canonical, surfaces, roles = self._group_surfaces(g)
        label: EntityType = self.groups[g].label  # type: ignore[assignment]
        return Entity(entity_id, label, canonical, tuple(surfaces), roles=tuple(roles), kind=_KINDS.get(label))


# -- name form rules ------------------------------------------------------------------------------


def _strip_to(words: Words, i: int, start: int) -> str:
    """Normalized form of word i from text offset ``start`` on (its proclitics dropped)."""
    if start <= words.start[i]:
        return words.norm[i]
    return norm_token(words.text[start : words.end[i]])


def _last_letter(text: str, start: int, end: int) -> str:
    """The last character of ``text[start:end]`` that is not a mark (diacritic, tatweel)."""
    for pos in range(end - 1, start - 1, -1):
        if normalize_for_matching(text[pos]):
            return text[pos]
    return ""


def _same_name(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Equal, or spellings of one name word by word (ويتكوف / وتكوف: ``keys.loose_word_score``)."""
    return a == b or loose_name_score(a, b) is not None


def _short_form_of(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Whether ``short`` may stand for the person named ``full`` in one article.

    Same name (up to transliteration), or the end of it (ويتكوف of ستيف ويتكوف; بن سلمان of
    محمد بن سلمان, but not سلمان alone, which follows a particle), or first + last word of a
    name of three or more words, or its nasab chain cut before a further بن or آل (محمد بن سلمان
    of محمد بن سلمان بن عبدالعزيز; سلمان بن عبدالعزيز of سلمان بن عبدالعزيز آل سعود). A common
    given name alone (محمد، جون) never is, nor a family name (آل سعود). Compounds count as one
    word (عبد العزيز = عبدالعزيز), so عبد العزيز is not first + last word of عبد الله بن عبد العزيز.
    """
    short, full = _merged(short), _merged(full)
    if _same_name(short, full):
        return True
    n = len(short)
    if n >= len(full) or all(w in NAME_PARTICLES for w in short) or short[0] == "ال":
        return False
    if n == 1 and short[0] in COMMON_GIVEN_NAMES:
        return False
    if n >= 3 and short[1] in CHAIN_PARTICLES and full[n] in NASAB_PARTICLES and _same_name(short, full[:n]):
        return True
    if short[0] in CHAIN_PARTICLES:
        # بن سلمان: the father's name, the chain's first link (بن عبدالعزيز, a grandfather, is not
        # محمد بن سلمان بن عبدالعزيز).
        return n == 2 and full[1] in CHAIN_PARTICLES and _same_name(short, full[1:3])
    if _same_name(short, full[-n:]) and full[-n - 1] not in NAME_PARTICLES:
        return True
    return n == 2 and len(full) >= 3 and full[1] not in NAME_PARTICLES and _same_name(short, (full[0], full[-1]))


def _name_word(word: str) -> bool:
    """Whether a word after بن may be a name: not a particle, a title or a function word."""
    return (len(word) >= 2 and word not in NAME_PARTICLES and word not in TRAILING_TITLE_WORDS
            and word not in TITLE_HEADS and word not in TITLE_MODIFIERS)


def _merged(form: tuple[str, ...]) -> tuple[str, ...]:
    """Name words with عبد/أبو joined to the next word, as ``keys.name_tokens`` does."""
    if not any(w in MERGED_NAME_PREFIXES for w in form[:-1]):
        return form
    out: list[str] = []
    for word in form:
        if out and out[-1] in MERGED_NAME_PREFIXES:
            out[-1] += word
        else:
            out.append(word)
    return tuple(out)


def _org_short_form_of(short: tuple[str, ...], full: tuple[str, ...], registry: Registry) -> bool:
    """A shorter organisation name made of consecutive words of the longer one, with at least one
    specific word (not مجلس، الحزب، الوطني or a demonym)."""
    n = len(short)
    if n >= len(full):
        return False
    bare_short = tuple(_without_article(w) for w in short)
    bare_full = tuple(_without_article(w) for w in full)
    if not any(bare_full[k : k + n] == bare_short for k in range(len(full) - n + 1)):
        return False
    return any(w not in ORG_GENERIC_WORDS and not registry.is_demonym(w) for w in short)


def _without_article(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


def _sentence_starts(text: str, sentences: Sequence[Any] | None) -> list[int]:
    if sentences is None:
        sentences = split_sentences(text)
    return sorted(s.start for s in sentences) or [0]

"""Events — who did what to whom — in PLOVER types, found with a readable Arabic trigger dictionary.

One pass per article: the body is normalized once (the offset map kept), cut into words, and
every word is looked up in precompiled form tables (``_event_lexicon.py``: verbs with their
inflections, verbal nouns, multi-word patterns). Longer patterns win. For each trigger the actor
is the subject (before a verb, or right after it: Arabic is often verb-subject-object), the
recipient the name after على/ضد/مع/إلى/ل… or the direct object; negation (لم، لن، عدم، نفى أن …)
and speculation (قد + present, من المتوقع، ربما …) are read from the words before the trigger.

Why a dictionary and not a classifier: see ``docs/events.md``.

The word-pattern machinery here (``ArabicText``, ``WordPatterns``) is shared with the quote, tone
and signal modules of this package.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol

from marsad.extract import _event_lexicon as lex
from marsad.extract.records import Mention
from marsad.text._letters import DIACRITICS, TATWEEL
from marsad.text.normalize import Normalized, normalize, normalize_for_matching

__all__ = [
    "LABEL_RANK",
    "PLOVER_TYPES",
    "ArabicText",
    "Event",
    "Participant",
    "SentenceLike",
    "SentenceSpan",
    "WordMatch",
    "WordPatterns",
    "analyze",
    "extract_events",
    "longest_first",
    "participant_candidates",
    "sentences_of",
    "word_readings",
]

PLOVER_TYPES: tuple[str, ...] = tuple(lex.EVENT_TRIGGERS)


# --- records -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Participant:
    """An actor or recipient: ``body[start:end] == text``; ``name`` is the canonical name."""

    name: str
    entity_id: str | None
    start: int
    end: int
    text: str
    via: str = "mention"  # "mention" (given by NER/linking) or "lexicon" (actor lexicon)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "entity_id": self.entity_id, "start": self.start,
                "end": self.end, "text": self.text, "via": self.via}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Participant:
        return cls(name=d["name"], entity_id=d.get("entity_id"), start=d["start"], end=d["end"],
                   text=d["text"], via=d.get("via", "mention"))


@dataclass(frozen=True, slots=True)
class Event:
    """One event: ``body[trigger_start:trigger_end] == trigger``.

    ``confidence`` is a ranking score from the kind of match (multi-word pattern > verb > noun)
    and whether an actor and recipient were found; it is not a calibrated probability.
    """

    type: str
    trigger: str
    trigger_start: int
    trigger_end: int
    sentence: int
    sentence_start: int
    sentence_end: int
    actor: Participant | None
    recipient: Participant | None
    date: str | None
    negated: bool
    speculative: bool
    confidence: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type, "trigger": self.trigger, "trigger_start": self.trigger_start,
            "trigger_end": self.trigger_end, "sentence": self.sentence,
            "sentence_start": self.sentence_start, "sentence_end": self.sentence_end,
            "actor": self.actor.to_dict() if self.actor else None,
            "recipient": self.recipient.to_dict() if self.recipient else None,
            "date": self.date, "negated": self.negated, "speculative": self.speculative,
            "confidence": self.confidence,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        return cls(
            type=d["type"], trigger=d["trigger"], trigger_start=d["trigger_start"],
            trigger_end=d["trigger_end"], sentence=d["sentence"],
            sentence_start=d["sentence_start"], sentence_end=d["sentence_end"],
            actor=Participant.from_dict(d["actor"]) if d.get("actor") else None,
            recipient=Participant.from_dict(d["recipient"]) if d.get("recipient") else None,
            date=d.get("date"), negated=bool(d.get("negated")),
            speculative=bool(d.get("speculative")), confidence=float(d.get("confidence", 0.0)),
        )


class SentenceLike(Protocol):
    """What a sentence must offer (``marsad.text.segment.Sentence`` does)."""

    @property
    def index(self) -> int: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...


@dataclass(frozen=True, slots=True)
class SentenceSpan:
    """A sentence cut by the fallback splitter: ``text[start:end] == self.text``."""

    index: int
    start: int
    end: int
    text: str


# --- sentences ---------------------------------------------------------------------------------

# A line break ends a sentence (headings, bullets); so does . ! ? ؟ followed by space or the end.
_BOUNDARY = re.compile(r"\n|[.!?؟]+(?=\s|$)")


def _fallback_sentences(text: str) -> list[SentenceSpan]:
    spans: list[SentenceSpan] = []
    pos = 0
    for m in _BOUNDARY.finditer(text):
        _add_span(spans, text, pos, m.end())
        pos = m.end()
    _add_span(spans, text, pos, len(text))
    return spans


def _add_span(spans: list[SentenceSpan], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append(SentenceSpan(len(spans), start, end, text[start:end]))


def sentences_of(text: str) -> list[SentenceLike]:
    """Sentences from ``marsad.text.segment`` when it is installed, else a small splitter on
    line breaks and . ! ? ؟ (enough for headings, bullets and news prose)."""
    try:
        from marsad.text.segment import split_sentences
    except ImportError:
        return list(_fallback_sentences(text))
    return list(split_sentences(text))


# --- word patterns -----------------------------------------------------------------------------

_PAST_SUFFIXES = ("", "ت", "ا", "تا", "وا", "نا", "تم")
_PRESENT_SUFFIXES = ("", "ون", "ان", "ن", "وا", "ا")
_PRONOUNS = ("", "ه", "ها", "هم", "هما", "كم", "نا", "ني")
_NOUN_SUFFIXES = ("", "ا", "ه", "ات", "ان", "ين", "ون", "تين", "تان")
_PERSON_PREFIXES = ("ي", "ت", "ن", "ا")
_WEAK_END = ("ا", "ي", "و")


def _verb_forms(past: str, present: str) -> dict[str, str]:
    forms: dict[str, str] = {}
    if past:
        stems = [past] + ([past[:-1]] if past[-1] in _WEAK_END and len(past) > 2 else [])
        for stem in stems:
            for suffix in _PAST_SUFFIXES:
                for pron in _PRONOUNS:
                    s = "و" if (suffix == "وا" and pron) else suffix
                    forms.setdefault(stem + s + pron, "past")
    if present:
        body = present[1:] if present[0] == "ي" else present
        stems = [body] + ([body[:-1]] if body[-1] in _WEAK_END and len(body) > 2 else [])
        for person in _PERSON_PREFIXES:
            for stem in stems:
                for suffix in _PRESENT_SUFFIXES:
                    for pron in _PRONOUNS:
                        s = "و" if (suffix == "وا" and pron) else suffix
                        forms.setdefault(person + stem + s + pron, "present")
    return forms


def _noun_forms(stem: str) -> dict[str, str]:
    forms = {stem: "noun"}
    # A final hamza sits on ي or و before an ending (استياء → استيائها، لقاء → لقائه).
    stems = [stem] + ([stem[:-1] + "ي", stem[:-1] + "و"] if stem.endswith("ء") else [])
    for suffix in _NOUN_SUFFIXES:
        for pron in _PRONOUNS:
            if pron and suffix in ("ا", "ه", "ان", "ين", "ون", "تين", "تان"):
                continue
            for st in stems:
                forms.setdefault(st + suffix + pron, "noun")
    if stem.endswith("ه"):  # taa marbuta: عقوبة → عقوبتها، عقوبات
        base = stem[:-1]
        for pron in _PRONOUNS[1:]:
            forms.setdefault(base + "ت" + pron, "noun")
        for suffix in ("ات", "تين", "تان"):
            for pron in _PRONOUNS:
                forms.setdefault(base + suffix + pron, "noun")
    return forms


@dataclass(frozen=True, slots=True)
class _Slot:
    forms: dict[str, str]  # normalized form -> "past" | "present" | "noun" | "word"
    gap_before: bool


def _compile_slot(spec: str, gap_before: bool) -> _Slot:
    forms: dict[str, str] = {}

    def add(form: str, kind: str) -> None:
        old = forms.get(form)
        if old is None:
            forms[form] = kind
        elif _is_verb(old) != _is_verb(kind):
            forms[form] = "either"  # فرض، رفض، قصف: a past verb and its verbal noun look alike

    for alt in spec.split("|"):
        alt = normalize_for_matching(alt.strip())
        if not alt:
            continue
        if "/" in alt:
            past, present = alt.split("/", 1)
            for form, kind in _verb_forms(past, present).items():
                add(form, kind)
        elif alt.endswith("*"):
            for form, kind in _noun_forms(alt[:-1]).items():
                add(form, kind)
        else:
            add(alt, "word")
    return _Slot(forms, gap_before)


def _is_verb(kind: str) -> bool:
    return kind in ("past", "present")


def _compile_pattern(pattern: str) -> tuple[_Slot, ...]:
    slots: list[_Slot] = []
    gap = False
    for part in pattern.split():
        if part == "…":
            gap = True
            continue
        slots.append(_compile_slot(part, gap))
        gap = False
    return tuple(slots)


def _accepts(kind: str, cls: str) -> bool:
    # cls: "b" = bare or و/ف/ل in front (fits verbs and nouns), "v" = after س (verbs only),
    # "n" = after ب/ك/ال/لل (nouns only).
    if cls == "b" or kind == "either":
        return True
    if cls == "v":
        return kind in ("past", "present")
    return kind in ("noun", "word")


_NEVER_SPLIT = frozenset(normalize_for_matching(w) for w in lex.NEVER_SPLIT)


@lru_cache(maxsize=200_000)
def word_readings(word: str) -> tuple[tuple[str, str, int], ...]:
    """Readings of a normalized word as (base, class, proclitic length).

    The proclitic length counts the conjunction and preposition letters glued in front (و، ف، ب،
    ل، ك، س), never the article: spans keep ال (والعقوبات → العقوبات). The whole word comes first,
    then shorter proclitics, so a word that is itself in the lexicon (بحث) is never read as a
    proclitic plus another word (ب + حث).
    """
    out: list[tuple[str, str, int, int]] = [(word, "b", 0, 0)]  # last: letters stripped (order)
    if word in _NEVER_SPLIT:
        return ((word, "b", 0),)
    for conj in ("", "و", "ف"):
        if conj and not word.startswith(conj):
            continue
        rest = word[len(conj):]
        k = len(conj)
        if conj and len(rest) >= 2:
            out.append((rest, "b", k, k))
        if rest.startswith("س") and len(rest) >= 4:
            out.append((rest[1:], "v", k + 1, k + 1))
        if rest.startswith("لل") and len(rest) >= 4:  # ل + ال with the alef dropped
            out.append((rest[2:], "n", k + 2, k + 2))
            out.append(("ال" + rest[2:], "n", k + 2, k + 1))
        for prep in ("ب", "ك", "ل"):
            if rest.startswith(prep) and len(rest) >= 3:
                after = rest[1:]
                out.append((after, "b" if prep == "ل" else "n", k + 1, k + 1))
                if after.startswith("ال") and len(after) >= 4:
                    out.append((after[2:], "n", k + 1, k + 3))
        if rest.startswith("ال") and len(rest) >= 4:
            out.append((rest[2:], "n", k, k + 2))
    seen: set[tuple[str, str]] = set()
    unique: list[tuple[str, str, int]] = []
    for base, cls, proclitic, _ in sorted(out, key=lambda c: c[3]):
        if (base, cls) not in seen:
            seen.add((base, cls))
            unique.append((base, cls, proclitic))
    return tuple(unique)


@dataclass(frozen=True, slots=True)
class WordMatch:
    """A pattern found on words ``words`` (indices into ``ArabicText.words``)."""

    payload: Any
    words: tuple[int, ...]
    first_kind: str  # kind of the form the first word matched: past | present | noun | word | either
    skip: int  # proclitic letters (و، ف، ب، ل، ك، س) glued before the first word
    length: int  # number of slots
    cls: str = "b"  # reading of the first word: "n" after ب/ك/ال (a noun), "v" after س (a verb)

    @property
    def first(self) -> int:
        return self.words[0]

    @property
    def last(self) -> int:
        return self.words[-1]

    @property
    def contiguous_last(self) -> int:
        """Last word of the leading run without a gap (the reported trigger span)."""
        last = self.words[0]
        for w in self.words[1:]:
            if w != last + 1:
                break
            last = w
        return last


# Every pattern set owns one bit; a form maps to the bits of the sets whose patterns start with
# it. An analysed text computes, once, which sets each of its words can start, so a set only
# visits its candidate words (a dozen pattern sets then cost about one pass over the words).
_FIRST_FORM_BITS: dict[str, int] = {}
_REGISTRY = {"sets": 0, "version": 0}


class WordPatterns:
    """Patterns in the ``_event_lexicon`` syntax, compiled to form tables for dict lookups."""

    def __init__(self, entries: Iterable[tuple[str, Any]], gap_words: int = lex.GAP_WORDS) -> None:
        self._patterns: list[tuple[tuple[_Slot, ...], Any]] = []
        self._first: dict[str, list[tuple[int, str]]] = {}
        self._gap = gap_words
        self._bit = 1 << _REGISTRY["sets"]
        _REGISTRY["sets"] += 1
        _REGISTRY["version"] += 1
        for pattern, payload in entries:
            slots = _compile_pattern(pattern)
            if not slots:
                continue
            idx = len(self._patterns)
            self._patterns.append((slots, payload))
            for form, kind in slots[0].forms.items():
                self._first.setdefault(form, []).append((idx, kind))
                _FIRST_FORM_BITS[form] = _FIRST_FORM_BITS.get(form, 0) | self._bit

    def find(self, at: ArabicText, lo: int, hi: int) -> list[WordMatch]:
        """All matches whose words lie in ``[lo, hi)``."""
        out: list[WordMatch] = []
        first = self._first
        words = at.words
        hits = at.words_starting(self._bit)
        for i in hits[bisect_left(hits, lo):bisect_left(hits, hi)]:
            for base, cls, skip in word_readings(words[i]):
                entries = first.get(base)
                if not entries:
                    continue
                hit = False
                for idx, kind in entries:
                    if not _accepts(kind, cls):
                        continue
                    hit = True
                    slots, payload = self._patterns[idx]
                    found = self._extend(at, slots, i, hi)
                    if found is not None:
                        out.append(WordMatch(payload, found, kind, skip, len(slots), cls))
                if hit:
                    break
        return out

    def _extend(self, at: ArabicText, slots: tuple[_Slot, ...], i: int, hi: int) -> tuple[int, ...] | None:
        found = [i]
        pos = i
        for slot in slots[1:]:
            limit = min(hi - 1, pos + 1 + (self._gap if slot.gap_before else 0))
            nxt = None
            for j in range(pos + 1, limit + 1):
                if _slot_matches(slot, at.words[j]):
                    nxt = j
                    break
            if nxt is None:
                return None
            found.append(nxt)
            pos = nxt
        return tuple(found)


def _slot_matches(slot: _Slot, word: str) -> bool:
    for base, cls, _ in word_readings(word):
        kind = slot.forms.get(base)
        if kind is not None and _accepts(kind, cls):
            return True
    return False


def longest_first(matches: Iterable[WordMatch]) -> list[WordMatch]:
    """Non-overlapping matches: more slots first, then earlier; words of a kept match are used up."""
    used: set[int] = set()
    kept: list[WordMatch] = []
    for m in sorted(matches, key=lambda m: (-m.length, m.first)):
        if used.isdisjoint(m.words):
            kept.append(m)
            used.update(m.words)
    kept.sort(key=lambda m: m.first)
    return kept


# --- analysed text -----------------------------------------------------------------------------

_WORD = re.compile(r"[^\W_]+")
_TRAILING_MARKS = re.compile("[" + "".join(DIACRITICS) + TATWEEL + "]*")


class ArabicText:
    """A text normalized once, cut into words, with each word's sentence and original span."""

    __slots__ = ("_bits_version", "_hits", "norm", "nstarts", "ostarts", "oends",
                 "sentence_ranges", "sentences", "text", "word_sentence", "words")

    def __init__(self, text: str, sentences: Sequence[SentenceLike]) -> None:
        self.text = text
        self.norm: Normalized = normalize(text)
        ntext = self.norm.text
        starts, ends = self.norm.starts, self.norm.ends
        spans = [m.span() for m in _WORD.finditer(ntext)]
        self.words: list[str] = [ntext[a:b] for a, b in spans]
        self.nstarts: list[int] = [a for a, _ in spans]
        self.ostarts: list[int] = [starts[a] for a, _ in spans]
        self.oends: list[int] = [ends[b - 1] for _, b in spans]
        if len(ntext) != len(text):  # marks after a word's last letter belong to the word
            self.oends = [_TRAILING_MARKS.match(text, e).end() for e in self.oends]
        self.sentences: list[SentenceLike] = sorted(sentences, key=lambda s: s.start)
        # Words and sentences are both in text order: one merge assigns each word its sentence.
        self.word_sentence: list[int] = [-1] * len(spans)
        self.sentence_ranges: list[tuple[int, int]] = []
        i, n = 0, len(spans)
        for pos, s in enumerate(self.sentences):
            while i < n and self.ostarts[i] < s.start:
                i += 1
            first = i
            while i < n and self.ostarts[i] < s.end:
                self.word_sentence[i] = pos
                i += 1
            self.sentence_ranges.append((first, i) if i > first else (0, 0))
        self._bits_version = -1
        self._hits: dict[int, list[int]] = {}

    def words_starting(self, bit: int) -> list[int]:
        """Indices of the words that may start a pattern of the set owning ``bit``."""
        if self._bits_version != _REGISTRY["version"]:
            get = _FIRST_FORM_BITS.get
            self._hits = {}
            for i, word in enumerate(self.words):
                mask = 0
                for base, _, _ in word_readings(word):
                    mask |= get(base, 0)
                while mask:
                    low = mask & -mask
                    self._hits.setdefault(low, []).append(i)
                    mask ^= low
            self._bits_version = _REGISTRY["version"]
        return self._hits.get(bit, [])

    def span(self, first: int, last: int, skip: int = 0) -> tuple[int, int]:
        """Original ``[start, end)`` of words ``first..last``, ``skip`` normalized characters of
        proclitic left out of the first word."""
        start = self.norm.starts[self.nstarts[first] + skip] if skip else self.ostarts[first]
        return start, self.oends[last]

    def normalized_between(self, first: int, last: int) -> str:
        """Normalized text of words ``first..last`` with what lies between them."""
        return self.norm.text[self.nstarts[first]:self.nstarts[last] + len(self.words[last])]

    def word_at(self, offset: int) -> int:
        """Index of the word containing original ``offset`` (or the next word after it)."""
        i = bisect_right(self.ostarts, offset) - 1
        if i < 0:
            return 0
        if offset >= self.oends[i] and i + 1 < len(self.words):
            return i + 1
        return i


_ANALYSIS_CACHE: dict[tuple[str, tuple[tuple[int, int, int], ...]], ArabicText] = {}


def analyze(text: str, sentences: Sequence[SentenceLike] | None) -> ArabicText:
    """The analysed text, computed once per (text, sentences) and shared by events, quotes,
    tone and signals (the last few are kept)."""
    if sentences is None:
        sentences = sentences_of(text)
    key = (text, tuple((s.index, s.start, s.end) for s in sentences))
    cached = _ANALYSIS_CACHE.get(key)
    if cached is None:
        if len(_ANALYSIS_CACHE) >= 8:
            _ANALYSIS_CACHE.pop(next(iter(_ANALYSIS_CACHE)))
        cached = _ANALYSIS_CACHE[key] = ArabicText(text, sentences)
    return cached


# --- compiled lexicon --------------------------------------------------------------------------

_TRIGGERS = WordPatterns(
    [(p, None) for p in lex.NON_EVENTS]
    + [(p, t) for t, patterns in lex.EVENT_TRIGGERS.items() for p in patterns]
)
_LIGHT_VERBS = WordPatterns((p, "light") for p in lex.LIGHT_VERBS)
_DENIALS = WordPatterns((p, "denial") for p in lex.DENIALS)
_SPECULATION = WordPatterns((p, "spec") for p in lex.SPECULATION_CUES)


@dataclass(frozen=True, slots=True)
class _ActorEntry:
    kind: str  # "actor" | "adjective" | "agent" | "not"
    name: str | None
    entity_id: str | None


_ACTOR_PATTERNS = WordPatterns(
    [(alt, _ActorEntry("not", None, None)) for key in lex.NOT_ACTORS for alt in key.split("|")]
    + [(alt, _ActorEntry("actor", n, q)) for key, (n, q) in lex.ACTORS.items()
       for alt in key.split("|")]
    + [(alt, _ActorEntry("adjective", n, q)) for key, (n, q) in lex.ACTOR_ADJECTIVES.items()
       for alt in key.split("|")]
    + [(alt, _ActorEntry("agent", None, None)) for alt in lex.AGENT_NOUNS]
)


def _norm_set(words: Iterable[str]) -> frozenset[str]:
    return frozenset(normalize_for_matching(w) for w in words)


_NEGATORS = _norm_set(lex.NEGATORS)
_NOT_NEGATING_AFTER = _norm_set(lex.NOT_NEGATING_AFTER)
_NEGATION_TRANSPARENT = _norm_set(lex.NEGATION_TRANSPARENT)
_RECIPIENT_MARKERS = _norm_set(lex.RECIPIENT_MARKERS)
_LOCATIVE_MARKERS = _norm_set(lex.LOCATIVE_MARKERS)
_AGENT_MARKERS = tuple((normalize_for_matching(a), normalize_for_matching(b))
                       for a, b in lex.AGENT_MARKERS)
_BETWEEN = normalize_for_matching(lex.BETWEEN_MARKER)
_QAD = normalize_for_matching(lex.MODAL_QAD)
_COMPLEMENTIZERS = frozenset({"ان", "انه", "انها", "انهم", "انهما", "اننا", "بان", "بانه",
                              "بانها", "بانهم"})
_PRONOMINAL_COMPLEMENTIZERS = _COMPLEMENTIZERS - {"ان", "بان"}
_GOVERNING_SPECULATIVE = frozenset(lex.GOVERNING_TYPES_SPECULATIVE)
_GOVERNING_NEGATING = frozenset(lex.GOVERNING_TYPES_NEGATING)
_SELF_DIRECTED = frozenset(lex.SELF_DIRECTED_TYPES)
_RECIPIENT_DIRECTED = frozenset(lex.RECIPIENT_DIRECTED_TYPES)
_PLACE_TARGET = frozenset(lex.PLACE_TARGET_TYPES)
_SOURCE_MARKER_TYPES = frozenset(lex.SOURCE_MARKER_TYPES)
_FROM = normalize_for_matching(lex.FROM_MARKER)
_FROM_RECIPIENT_TYPES = frozenset(lex.FROM_RECIPIENT_TYPES)
_NOUN_PREPOSITIONS = _norm_set(lex.NOUN_PREPOSITIONS)
_PRONOUN_ENDINGS = ("هما", "هم", "ها", "ه")


def _strip_conj(word: str) -> str:
    return word[1:] if len(word) > 2 and word[0] in "وف" else word


def _pronoun_suffixed(word: str) -> bool:
    """انسحابه، دعمها، مساعداتها: a verbal noun with a possessive pronoun (its doer)."""
    for base, _, _ in word_readings(word):
        for pron in _PRONOUN_ENDINGS:
            if base.endswith(pron) and len(base) > len(pron) + 2:
                stem = base[: -len(pron)]
                if stem in _TRIGGERS._first or (stem.endswith("ت") and stem[:-1] + "ه" in _TRIGGERS._first):
                    return True
    return False


# --- participants ------------------------------------------------------------------------------


@dataclass(slots=True)
class _Cand:
    first: int
    last: int
    start: int
    end: int
    name: str
    entity_id: str | None
    label: str  # PERS | ORG | LOC | MISC (mentions) or LOC | ADJ | AGENT (lexicon)
    via: str
    proclitic: str  # normalized letters glued before the name (ل، بال، و …)
    demonym: bool = False  # الروسي، الأمريكية: a nisba adjective, not a name
    role: bool = False  # a role noun, alone or with its state (الرئيس الفرنسي)


LABEL_RANK = {"PERS": 0, "ORG": 1, "LOC": 2, "MISC": 3, "ADJ": 4, "AGENT": 5}
_NISBA_ENDINGS = ("ي", "يه", "يين", "يون", "يان", "يتين")


def participant_candidates(at: ArabicText, pos: int, mentions: Sequence[Mention]) -> list[_Cand]:
    """Names that can be actors or recipients in sentence ``pos``: the given mentions first, then
    the actor lexicon where no mention covers the words; a role word merged with the state that
    follows it (الخارجية الروسية → Russia)."""
    lo, hi = at.sentence_ranges[pos]
    if lo >= hi:
        return []
    s = at.sentences[pos]
    cands: list[_Cand] = []
    covered: set[int] = set()
    for m in mentions:
        if m.end <= s.start or m.start >= s.end or m.start >= m.end:
            continue
        first, last = at.word_at(m.start), at.word_at(m.end - 1)
        if first > last:
            continue
        proclitic = normalize_for_matching(at.text[at.ostarts[first]:m.start]) if m.start > at.ostarts[first] else ""
        cands.append(_Cand(first, last, m.start, m.end, m.text, m.entity_id, m.label, "mention",
                           proclitic, demonym=m.via == "demonym"))
        covered.update(range(first, last + 1))
    for wm in longest_first(_ACTOR_PATTERNS.find(at, lo, hi)):
        entry: _ActorEntry = wm.payload
        if entry.kind == "not" or covered.intersection(range(wm.first, wm.last + 1)):
            continue
        start, end = at.span(wm.first, wm.last, wm.skip)
        label = {"actor": "LOC", "adjective": "ADJ", "agent": "AGENT"}[entry.kind]
        name = entry.name or at.text[start:end]
        last_word = at.words[wm.last]
        demonym = entry.kind == "adjective" or (
            entry.kind == "actor" and wm.first == wm.last and last_word.endswith(_NISBA_ENDINGS))
        cands.append(_Cand(wm.first, wm.last, start, end, name, entry.entity_id, label, "lexicon",
                           at.words[wm.first][:wm.skip], demonym, role=entry.kind == "agent"))
    cands.sort(key=lambda c: (c.first, c.last))
    return _merge_adjacent(at, cands)


def _merge_adjacent(at: ArabicText, cands: list[_Cand]) -> list[_Cand]:
    """One participant from a role and what qualifies it (الخارجية الروسية، القوات الإسرائيلية)
    or a role and the person holding it (الرئيس الروسي فلاديمير بوتين → Putin). Two names side by
    side stay two participants (زودت واشنطن كييف)."""
    merged: list[_Cand] = []
    for c in cands:
        prev = merged[-1] if merged else None
        if prev is not None and not c.proclitic.startswith(("و", "ف")) and _belong_together(at, prev, c):
            merged[-1] = _combine(prev, c)
        else:
            merged.append(c)
    return merged


def _belong_together(at: ArabicText, a: _Cand, b: _Cand) -> bool:
    adjacent = b.first <= a.last + 1 and at.text[a.end:b.start].strip() == ""
    one_gap = b.first == a.last + 2 and _plain_gap_word(at, a.last + 1)
    qualifies = b.demonym or b.label == "ADJ"  # … الروسية، … الغربية
    person = b.via == "mention" and b.label == "PERS"
    # A bare role takes the name after it (الرئيس بوتين); a role already tied to a state only
    # takes a person (الرئيس الروسي فلاديمير بوتين), not the next actor (الجيش السوداني قوات …).
    role_then_name = not b.role and (
        (a.label == "AGENT" and not a.entity_id) or a.demonym or (a.role and person))
    if adjacent:
        return qualifies or role_then_name or _construct(at, a)
    if not one_gap:
        return False
    gap = at.words[a.last + 1]
    # وزراء خارجية دول الاتحاد الأوروبي: a chain of genitives without the article.
    chain = _construct(at, a) and not _strip_conj(gap).startswith("ال")
    return (person and (a.role or a.demonym)) or chain


def _construct(at: ArabicText, a: _Cand) -> bool:
    """قوات الجيش، حكومة لبنان: a role noun without the article heads a genitive construction
    (a sound plural in ون/ين cannot: مستوطنون باحات … are two phrases)."""
    word = _strip_conj(at.words[a.last])
    return (a.role and a.label == "AGENT" and not word.startswith("ال")
            and not word.endswith(("ون", "ين")))


def _plain_gap_word(at: ArabicText, w: int) -> bool:
    """A first name or a demonym between a role and a person (الرئيس الروسي فلاديمير بوتين)."""
    word = at.words[w]
    between = at.text[at.oends[w - 1]:at.ostarts[w + 1]]
    return (word[:1] not in ("و", "ف") and word not in _RECIPIENT_MARKERS
            and word not in _LOCATIVE_MARKERS and not any(ch in between for ch in "،,.;:؛"))


def _combine(a: _Cand, b: _Cand) -> _Cand:
    # A named mention heads the group (a person over a place); otherwise the role takes the id of
    # the state that qualifies it.
    named = [c for c in (a, b) if c.via == "mention" and not c.demonym]
    if named:
        return min(named, key=lambda c: LABEL_RANK.get(c.label, 9))
    with_id = b if b.entity_id else a
    label = "AGENT" if not (a.entity_id or b.entity_id) else "LOC"
    return _Cand(a.first, b.last, a.start, b.end, with_id.name if with_id.entity_id else a.name,
                 with_id.entity_id, label, with_id.via, a.proclitic, role=a.role or b.role)


def _participant(at: ArabicText, c: _Cand | None) -> Participant | None:
    if c is None:
        return None
    return Participant(c.name, c.entity_id, c.start, c.end, at.text[c.start:c.end], c.via)


def _marker_before(at: ArabicText, c: _Cand, lo: int, taken: set[int]) -> str | None:
    """The preposition governing a name: glued to it (لأوكرانيا) or standing before it, possibly
    across a word or two (إلى قطاع غزة، ضد مشروع قرار أمريكي), never across another name."""
    proclitic = c.proclitic[1:] if c.proclitic[:1] in ("و", "ف") else c.proclitic
    if proclitic.startswith(("ل", "ب")):
        return proclitic[0]
    w = c.first - 1
    skipped = 0
    while w >= lo and skipped <= lex.MARKER_LOOKBACK:
        if w in taken or _punct_between(at, w, w + 1):
            return None
        if w - 1 >= lo and (_strip_conj(at.words[w - 1]), at.words[w]) in _AGENT_MARKERS:
            return "agent"
        word = _strip_conj(at.words[w])
        if word in _RECIPIENT_MARKERS or word in _LOCATIVE_MARKERS or word == _BETWEEN:
            return word
        skipped += 1
        w -= 1
    return None


def _punct_between(at: ArabicText, a: int, b: int) -> bool:
    between = at.text[at.oends[a]:at.ostarts[b]]
    return any(ch in between for ch in "،,.;:؛!?؟()«»\"")


# --- events ------------------------------------------------------------------------------------


def extract_events(text: str, sentences: Sequence[SentenceLike] | None,
                   mentions: Sequence[Mention] = ()) -> list[Event]:
    """Events in ``text`` (an article body), one per trigger, in text order.

    ``sentences`` carry offsets into ``text`` (``None``: split here); ``mentions`` are the NER /
    linking output for the same text and supply actors and recipients with entity ids; names they
    miss are looked up in the small actor lexicon (states, capitals, demonyms, الغرب …). A trigger
    inside a mention (منظمة العفو الدولية، مجلس التعاون) is part of a name, not an event.
    """
    at = analyze(text, sentences)
    events: list[Event] = []
    inside_names = {w for m in mentions if m.start < m.end
                    for w in range(at.word_at(m.start), at.word_at(m.end - 1) + 1)} if mentions else set()
    for pos, (lo, hi) in enumerate(at.sentence_ranges):
        if lo >= hi:
            continue
        matches = [m for m in longest_first(_TRIGGERS.find(at, lo, hi))
                   if not inside_names.intersection(m.words)]
        if not any(m.payload for m in matches):
            continue
        events.extend(_SentenceEvents(at, pos, lo, hi, matches, mentions).run())
    return events


class _SentenceEvents:
    """Actor, recipient and modality for the triggers of one sentence."""

    def __init__(self, at: ArabicText, pos: int, lo: int, hi: int, matches: list[WordMatch],
                 mentions: Sequence[Mention]) -> None:
        self.at, self.pos, self.lo, self.hi = at, pos, lo, hi
        self.matches = matches
        self.cands = participant_candidates(at, pos, mentions)
        self.taken = {w for c in self.cands for w in range(c.first, c.last + 1)}
        self.markers = {id(c): _marker_before(at, c, lo, self.taken - set(range(c.first, c.last + 1)))
                        for c in self.cands}
        self.light = {m.first: m for m in _LIGHT_VERBS.find(at, lo, hi)}
        self.denials = [m.first for m in _DENIALS.find(at, lo, hi)]
        self.spec_cues = [m.first for m in _SPECULATION.find(at, lo, hi)]
        self.trigger_starts = sorted(m.first for m in matches if m.payload)
        self.date = _sentence_date(at, lo, hi)

    def run(self) -> list[Event]:
        at = self.at
        sentence = at.sentences[self.pos]
        out: list[Event] = []
        previous: WordMatch | None = None
        previous_actor: _Cand | None = None
        previous_recipient: _Cand | None = None
        for m in self.matches:
            if m.payload is None:
                previous = m
                continue
            # طالبت بالانسحاب، هددت بفرض عقوبات: a verbal noun completing a verb trigger (or a
            # verbal noun right before it: للمطالبة بصفقة).
            governed = (previous is not None and previous.payload is not None
                        and m.first - previous.contiguous_last <= lex.GOVERNED_WINDOW
                        and not _clause_break(at, previous.contiguous_last, m.first)
                        and (previous.first_kind not in ("noun", "word")
                             or (m.first == previous.last + 1 and self._after_preposition(m))))
            nominal = m.first_kind in ("noun", "word") or (
                m.first_kind == "either" and (m.cls == "n" or governed or self._after_preposition(m)))
            # A noun right after another trigger noun qualifies it (اتفاقية تعاون، قمة سلام).
            if (nominal and previous is not None and previous.payload and m.skip == 0
                    and m.first == previous.last + 1 and previous.first_kind in ("noun", "word")):
                continue
            governor = previous if governed and nominal else None
            governor_type = governor.payload if governor is not None else None
            t_last = m.contiguous_last
            start, end = at.span(m.first, t_last, m.skip)
            light_at = self._light_verb(m) if nominal else None
            inherited = (previous_actor if governor_type in _SELF_DIRECTED
                         else previous_recipient if governor_type in _RECIPIENT_DIRECTED else None)
            actor, recipient = self._assign(m, t_last, nominal, light_at, inherited)
            negated = (self._negated(m, nominal, governor) or governor_type in _GOVERNING_NEGATING)
            speculative = self._speculative(m, light_at) or governor_type in _GOVERNING_SPECULATIVE
            confidence = 0.85 if m.length > 1 else (0.6 if nominal and light_at is None else 0.75)
            confidence += (0.08 if actor else 0.0) + (0.04 if recipient else 0.0)
            out.append(Event(
                type=m.payload, trigger=at.text[start:end], trigger_start=start, trigger_end=end,
                sentence=sentence.index, sentence_start=sentence.start, sentence_end=sentence.end,
                actor=_participant(at, actor), recipient=_participant(at, recipient),
                date=self.date, negated=negated,
                speculative=speculative, confidence=round(min(confidence, 0.97), 2),
            ))
            previous, previous_actor, previous_recipient = m, actor, recipient
        return out

    def _light_verb(self, m: WordMatch) -> int | None:
        """A light verb shortly before a nominal trigger (شنت … هجوما); through a light verbal
        noun to the verb that governs it (تعهدت الدول بتقديم مساعدات → تعهدت)."""
        found = [w for w in range(m.first - 1, max(self.lo, m.first - lex.LIGHT_VERB_WINDOW) - 1, -1)
                 if w in self.light and not _clause_break(self.at, w, m.first)]
        verbs = [w for w in found if self.light[w].first_kind in ("past", "present", "either")]
        if verbs:
            return verbs[-1]
        return found[0] if found else None

    def _after_preposition(self, m: WordMatch) -> bool:
        """من طرد سفيرها، لبحث: a past-verb look-alike used as a verbal noun."""
        word = self.at.words[m.first]
        if m.skip and word[m.skip - 1] in "لب":
            return True
        return m.first > self.lo and _strip_conj(self.at.words[m.first - 1]) in _NOUN_PREPOSITIONS

    def _marker(self, c: _Cand) -> str | None:
        return self.markers[id(c)]

    def _free(self, c: _Cand) -> bool:
        """Not governed by a preposition and not an adjective: can be a subject."""
        return self._marker(c) is None and c.label != "ADJ"

    def _assign(self, m: WordMatch, t_last: int, nominal: bool, light_at: int | None,
                inherited: _Cand | None) -> tuple[_Cand | None, _Cand | None]:
        at, hi = self.at, self.hi
        trigger_words = set(m.words)
        usable = [c for c in self.cands if trigger_words.isdisjoint(range(c.first, c.last + 1))]
        after = [c for c in usable if c.first > (light_at if light_at is not None else m.first)]
        # Arguments of the next trigger belong to it (هددت إيران بإغلاق مضيق هرمز).
        stop = next((w for w in self.trigger_starts if w > t_last), hi)

        # "بين روسيا وأوكرانيا": the two sides.
        between = next((w for w in range(m.last + 1, min(hi, m.last + 4)) if at.words[w] == _BETWEEN), None)
        if between is not None:
            sides = [c for c in after if between < c.first <= between + 4
                     and not _punct_between(at, between, c.first)][:2]
            if len(sides) == 2:
                return sides[0], sides[1]
            if sides:
                return sides[0], None

        # "من قبل روسيا" / "من جانب واشنطن": the agent, wherever the trigger is.
        actor = next((c for c in after if c.first <= t_last + lex.RECIPIENT_WINDOW
                      and self._marker(c) == "agent"), None)
        verbal = not nominal or light_at is not None
        if actor is None and inherited is not None:
            actor = inherited  # هددت إيران بإغلاق …: the threatener would close it
        if actor is None and nominal and light_at is None:
            # العقوبات الغربية، غضب روسيا، هجوم روسي: the name right after the noun.
            actor = next((c for c in after if c.first <= t_last + 1 and self._marker(c) is None
                          and (c.label != "AGENT" or c.entity_id)), None)
            if actor is None and _pronoun_suffixed(at.words[m.first]):
                actor = self._subject_before(m.first, allow_far=True)  # انسحابه: its doer
        elif actor is None:
            verb_at = light_at if light_at is not None else m.first
            verb_skip = self.light[light_at].skip if light_at is not None else m.skip
            coordinated = verb_skip > 0 and at.words[verb_at][:1] in ("و", "ف")
            before = self._subject_before(verb_at, allow_far=False)
            vso = next((c for c in usable if verb_at < c.first <= verb_at + lex.ACTOR_AFTER_WINDOW
                        and self._free(c) and c.first not in trigger_words), None)
            if before is not None and not (coordinated and vso is not None):
                actor = before
            elif vso is not None:
                actor = vso
            else:
                actor = self._subject_before(verb_at, allow_far=True)

        if actor is None and m.payload in _SOURCE_MARKER_TYPES:
            actor = next((c for c in after if c.first < stop and self._marker(c) == _FROM
                          and c.first <= t_last + lex.RECIPIENT_WINDOW), None)

        # Recipient: the first marked name or (for verbs) unmarked direct object after the trigger.
        base = light_at if light_at is not None else t_last
        rest = [c for c in after if c is not actor and c.first > base and c.first < stop
                and c.first <= t_last + lex.RECIPIENT_WINDOW and c.label != "ADJ"
                and (actor is None or c.first > actor.last or c.last < actor.first)]
        object_base = max(base, actor.last) if actor is not None and actor.first > base else base
        recipient = None
        for c in rest:
            marker = self._marker(c)
            if marker == _FROM and m.payload not in _FROM_RECIPIENT_TYPES:
                continue  # an origin (أطلق من اليمن) or a giver, not a target
            if marker is not None and marker != "agent" and marker not in _LOCATIVE_MARKERS:
                recipient = c
                break
            if (marker is None and verbal and c.first <= object_base + lex.OBJECT_WINDOW
                    and (actor is None or c.first > actor.last)):
                recipient = c
                break
        if recipient is None and m.payload in _PLACE_TARGET:
            recipient = next((c for c in rest if self._marker(c) in _LOCATIVE_MARKERS), None)
        if recipient is not None and actor is not None and recipient.start == actor.start:
            recipient = None
        return actor, recipient

    def _subject_before(self, verb_at: int, allow_far: bool) -> _Cand | None:
        """The name right before the verb (SVO), or with ``allow_far`` the nearest one in the
        same clause; a pronominal أنه/إنها does not end the clause (أكد الجيش أنه لم يشن)."""
        at = self.at
        before = [c for c in self.cands if c.last < verb_at and self._free(c)
                  and verb_at - c.last <= lex.ACTOR_BEFORE_WINDOW]
        if not before:
            return None
        last = before[-1]
        if verb_at - last.last <= 1 and not _punct_between(at, last.last, verb_at):
            return last
        if not allow_far:
            return None
        if not _clause_break(at, last.last, verb_at, pronominal_ok=True):
            return last
        return None

    def _negated(self, m: WordMatch, nominal: bool, governor: WordMatch | None) -> bool:
        at, lo, first = self.at, self.lo, m.first
        window = lex.NEGATION_WINDOW_NOMINAL if nominal else lex.NEGATION_WINDOW
        # لم يطلب لبنان أي مساعدة: the negation is the governing verb's, not the noun's.
        start = max(lo, first - window, governor.contiguous_last + 1 if governor is not None else lo)
        for w in range(start, first):
            word = at.words[w]
            if not (_strip_conj(word) in _NEGATORS or word in _NEGATORS):
                continue
            if at.words[w + 1] in _NOT_NEGATING_AFTER or _clause_break(at, w, first):
                continue
            between = at.words[w + 1:first]
            if nominal and len(between) > 0 and all(b in _NEGATION_TRANSPARENT for b in between):
                return True
            # لم تستهدف الغارات …: the subject right after a negated verb is not negated.
            if nominal and len(between) == 1 and m.skip == 0:
                continue
            return True
        for d in self.denials:
            if first - lex.DENIAL_WINDOW <= d < first and not _punct_between(at, d, first):
                complement = any(at.words[w] in _COMPLEMENTIZERS for w in range(d + 1, first))
                if complement or (nominal and first - d <= lex.GOVERNED_WINDOW):
                    return True
        return False

    def _speculative(self, m: WordMatch, light_at: int | None) -> bool:
        at, lo, first = self.at, self.lo, m.first
        anchor = min(first, light_at) if light_at is not None else first
        after = m.contiguous_last + 1 if m.first_kind in ("noun", "word") else -1
        if any(anchor - lex.SPECULATION_WINDOW <= c < first or c == after for c in self.spec_cues):
            return True
        for w in range(max(lo, anchor - 3), first):
            if _strip_conj(at.words[w]) != _QAD or w + 1 >= len(at.words):
                continue
            nxt = w + 1
            if nxt == first:
                return m.first_kind == "present"
            word = at.words[nxt]
            if word[:1] in ("ي", "ن") or (word[:1] == "ت" and word != "تم"):
                return True
        return False


def _clause_break(at: ArabicText, a: int, b: int, pronominal_ok: bool = False) -> bool:
    """A complementizer (أن، إن) or punctuation between two words starts a new clause."""
    for w in range(a + 1, b):
        word = at.words[w]
        if word in _COMPLEMENTIZERS and not (pronominal_ok and word in _PRONOMINAL_COMPLEMENTIZERS):
            return True
    between = at.text[at.oends[a]:at.ostarts[b]]
    return any(ch in between for ch in "،,.;:؛")


# --- dates -------------------------------------------------------------------------------------

_MONTHS = {normalize_for_matching(k): v for k, v in lex.MONTHS.items()}
_MONTH_ALT = "|".join(sorted((re.escape(k) for k in _MONTHS), key=len, reverse=True))
_DATE_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_DATE_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?!\d)")
_DATE_WORDS = re.compile(
    rf"(?<!\d)(\d{{1,2}})\s+(?:من\s+)?(?:شهر\s+)?({_MONTH_ALT})"
    rf"(?:\s*[(\[]?\s*(?:{_MONTH_ALT})\s*[)\]]?)?\s*(?:من\s+)?(?:عام\s+|سنه\s+)?(\d{{4}})(?!\d)"
)
_MONTH_YEAR = re.compile(rf"(?<![\w])(?:شهر\s+)?({_MONTH_ALT})\s+(?:عام\s+|سنه\s+)?(\d{{4}})(?!\d)")


def _sentence_date(at: ArabicText, lo: int, hi: int) -> str | None:
    """An ISO date stated in the sentence (day precision, or month when no day is given)."""
    snippet = at.normalized_between(lo, hi - 1)
    for rx, order in ((_DATE_ISO, "ymd"), (_DATE_NUMERIC, "dmy")):
        m = rx.search(snippet)
        if m:
            parts = dict(zip(order, (int(g) for g in m.groups())))
            if 1 <= parts["m"] <= 12 and 1 <= parts["d"] <= 31:
                return f"{parts['y']:04d}-{parts['m']:02d}-{parts['d']:02d}"
    m = _DATE_WORDS.search(snippet)
    if m and 1 <= int(m.group(1)) <= 31:
        return f"{int(m.group(3)):04d}-{_MONTHS[m.group(2)]:02d}-{int(m.group(1)):02d}"
    m = _MONTH_YEAR.search(snippet)
    if m:
        return f"{int(m.group(2)):04d}-{_MONTHS[m.group(1)]:02d}"
    return None

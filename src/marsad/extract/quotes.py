"""Quotes: who said what, directly («…») or reported (قال إن …، بحسب مصادر …).

A quote is only reported where the text shows one: quotation marks with a speech verb or a colon
next to them (or a long quoted passage), a speech verb followed by أن/إن/:, or an attribution
(بحسب، وفقا ل، نقلا عن). An article without any of these gives an empty list.

The speaker is the phrase after the verb (Arabic puts the subject there: قال وزير الخارجية إن),
else the name right before it, else — for أضاف، تابع … with no subject — the previous speaker.
``anonymous`` marks unnamed sources (مصدر مطلع، مسؤول رفض الكشف عن اسمه، محللون).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from marsad.extract import _signal_lexicon as lex
from marsad.extract.events import (
    LABEL_RANK,
    ArabicText,
    SentenceLike,
    WordPatterns,
    word_readings,
    analyze,
    participant_candidates,
)
from marsad.extract.records import Mention
from marsad.text.normalize import normalize_for_matching

__all__ = ["Quote", "Speaker", "extract_quotes"]


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who is quoted: ``body[start:end] == text``; ``entity_id`` when a linked name is in it."""

    text: str
    start: int
    end: int
    entity_id: str | None = None
    label: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end,
                "entity_id": self.entity_id, "label": self.label}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Speaker:
        return cls(text=d["text"], start=d["start"], end=d["end"], entity_id=d.get("entity_id"),
                   label=d.get("label"))


@dataclass(frozen=True, slots=True)
class Quote:
    """A quoted or reported statement: ``body[start:end] == text`` (without quotation marks).

    ``cue`` is the speech verb, colon or attribution word that makes it a quote (``None`` for a
    long quoted passage with no cue).
    """

    kind: str  # "direct" | "reported"
    text: str
    start: int
    end: int
    sentence: int
    speaker: Speaker | None
    anonymous: bool
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "text": self.text, "start": self.start, "end": self.end,
                "sentence": self.sentence,
                "speaker": self.speaker.to_dict() if self.speaker else None,
                "anonymous": self.anonymous, "cue": self.cue, "cue_start": self.cue_start,
                "cue_end": self.cue_end}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Quote:
        return cls(kind=d["kind"], text=d["text"], start=d["start"], end=d["end"],
                   sentence=d["sentence"],
                   speaker=Speaker.from_dict(d["speaker"]) if d.get("speaker") else None,
                   anonymous=bool(d.get("anonymous")), cue=d.get("cue"),
                   cue_start=d.get("cue_start"), cue_end=d.get("cue_end"))


# --- compiled lexicon --------------------------------------------------------------------------

_SPEECH = WordPatterns((p, "speech") for p in lex.SPEECH_VERBS)
_CONTINUATION = WordPatterns((p, "continue") for p in lex.CONTINUATION_VERBS + lex.PARTICIPLE_CUES)
_PARTICIPLES = WordPatterns((p, "participle") for p in lex.PARTICIPLE_CUES)
_RELAY = WordPatterns((p, "relay") for p in lex.RELAY_VERBS)
_ANONYMOUS = WordPatterns((p, "anonymous") for p in lex.ANONYMOUS_PHRASES)
_OPINION = WordPatterns((p, "opinion") for p in lex.OPINION_VERBS)


def _norm_set(words: Sequence[str]) -> frozenset[str]:
    return frozenset(normalize_for_matching(w) for w in words)


_COMPLEMENTIZERS = _norm_set(lex.COMPLEMENTIZERS)
_ATTRIBUTION = _norm_set(lex.ATTRIBUTION_MARKERS)
_STOP = _norm_set(lex.SPEAKER_STOP)
_LEADING_SKIP = _norm_set(lex.SPEAKER_LEADING_SKIP)
_ANON_HEADS = _norm_set(lex.ANONYMOUS_HEADS)
_ANAPHORIC = _norm_set(lex.ANAPHORIC_ANONYMOUS)
_NOT_SPEAKERS = _norm_set(lex.NOT_SPEAKERS)
_RELAY_MARKER = normalize_for_matching(lex.RELAY_MARKER)
_GLUED_LAM = _norm_set(("وفقا", "طبقا", "وفق"))
_NOT_SAID = _norm_set(("عدم", "دون", "بدون"))
_PREP_PRONOUNS = _norm_set(lex.PREPOSITION_PRONOUNS)
_FILLERS = _norm_set(lex.ATTRIBUTION_FILLERS)
_SOURCE_NOUNS = _norm_set(lex.SOURCE_NOUNS)
_DIRECT = re.compile(
    r"«([^«»]{1,%d})»|“([^“”]{1,%d})”|”([^“”]{1,%d})“|\"([^\"\n]{1,%d})\""
    % ((lex.MAX_QUOTE_CHARS,) * 4)
)
_PUNCT_BREAK = "،,.;:؛!?؟\n"
# Text that is certainly not speech: a quoted passage with no cue that holds another quote mark.
_DIRECT_INNER = re.compile(r"[«»“”]")
_TRAILING = " \t\n.،,;:؛!?؟-–—"


def _strip_conj(word: str) -> str:
    return word[1:] if len(word) > 2 and word[0] in "وف" else word


# --- extraction --------------------------------------------------------------------------------


def extract_quotes(text: str, sentences: Sequence[SentenceLike] | None,
                   mentions: Sequence[Mention] = ()) -> list[Quote]:
    """Direct and reported quotes in ``text`` (an article body), in text order."""
    at = analyze(text, sentences)
    verbs: dict[int, Any] = {}
    continuation: set[int] = set()
    relay: set[int] = set()
    opinion: set[int] = set()
    participles: set[int] = set()
    for lo, hi in at.sentence_ranges:
        if lo < hi:
            participles.update(m.first for m in _PARTICIPLES.find(at, lo, hi))
            for m in _SPEECH.find(at, lo, hi):
                verbs[m.first] = m
            continuation.update(m.first for m in _CONTINUATION.find(at, lo, hi))
            relay.update(m.first for m in _RELAY.find(at, lo, hi))
            opinion.update(m.first for m in _OPINION.find(at, lo, hi) if m.first_kind == "present")
    ctx = _Context(at, mentions, verbs, continuation, relay, opinion, participles)
    directs = ctx.direct_quotes()
    reported = ctx.reported_quotes(directs)
    return sorted(directs + reported, key=lambda q: q.start)


class _Context:
    def __init__(self, at: ArabicText, mentions: Sequence[Mention], verbs: dict[int, Any],
                 continuation: set[int], relay: set[int], opinion: set[int],
                 participles: set[int]) -> None:
        self.at = at
        self.mentions = mentions
        self.verbs = verbs
        self.continuation = continuation
        self.relay = relay
        self.opinion_present = opinion
        self.participles = participles
        self._cands: dict[int, list[Any]] = {}
        self.last_speaker: Speaker | None = None
        self.last_anonymous = False

    # -- helpers --

    def cands(self, pos: int) -> list[Any]:
        if pos not in self._cands:
            self._cands[pos] = participant_candidates(self.at, pos, self.mentions)
        return self._cands[pos]

    def sentence_bounds(self, w: int) -> tuple[int, int, int]:
        pos = self.at.word_sentence[w]
        if pos < 0:
            return -1, w, w + 1
        lo, hi = self.at.sentence_ranges[pos]
        return pos, lo, hi

    def punct_between(self, a: int, b: int, chars: str = _PUNCT_BREAK) -> bool:
        """Punctuation in the original text between the end of word a and the start of word b."""
        between = self.at.text[self.at.oends[a]:self.at.ostarts[b]]
        return any(ch in between for ch in chars)

    def speaker_after(self, v: int, end: int) -> tuple[int, int] | None:
        """Speaker words after the verb at ``v`` and before word ``end`` (exclusive)."""
        at = self.at
        first = v + 1
        if v in self.relay:
            relay_at = next((w for w in range(first, end) if _strip_conj(at.words[w]) == _RELAY_MARKER), None)
            if relay_at is not None:
                first = relay_at + 1
        while first < end and at.words[first] in _LEADING_SKIP:
            first += 1
        last = first - 1
        for w in range(first, min(end, first + lex.SPEAKER_MAX_WORDS)):
            if at.words[w] in _STOP or (w > first and self.punct_between(w - 1, w, "،,.;:؛")):
                break
            last = w
        return (first, last) if last >= first else None

    def speaker_before(self, pos: int, v: int, lo: int) -> tuple[int, int] | None:
        """A name right before the verb (SVO: بيسكوف قال إن …)."""
        for c in reversed(self.cands(pos)):
            if c.last < v and v - c.last <= 2 and c.first >= lo and not self.punct_between(c.last, v):
                return c.first, c.last
            if c.last < v:
                break
        return None

    def make_speaker(self, pos: int, first: int, last: int, skip: int = 0) -> tuple[Speaker, bool]:
        at = self.at
        start, end = at.span(first, last, skip)
        best = None
        for c in self.cands(pos) if pos >= 0 else ():
            if c.end > start and c.start < end:
                if best is None or LABEL_RANK.get(c.label, 9) < LABEL_RANK.get(best.label, 9):
                    best = c
        person_named = best is not None and best.label == "PERS"
        speaker = Speaker(at.text[start:end], start, end, best.entity_id if best else None,
                          best.label if best else None)
        return speaker, (not person_named) and self.anonymous(first, last)

    def anonymous(self, first: int, last: int) -> bool:
        at = self.at
        head = _strip_conj(at.words[first])
        if head[:1] == "ل" and head[1:] in _ANON_HEADS:  # لمصادر
            head = head[1:]
        if head in _ANON_HEADS or head in _ANAPHORIC:
            return True
        return bool(_ANONYMOUS.find(at, first, last + 1))

    def in_relative_clause(self, v: int) -> bool:
        """المعترف به، ما أعلنت عنه الوزارة: the verb takes a preposition with a pronoun."""
        return v + 1 < len(self.at.words) and self.at.words[v + 1] in _PREP_PRONOUNS

    def resolve_speaker(self, pos: int, v: int, lo: int, end: int) -> tuple[Speaker | None, bool]:
        if v in self.participles:
            return (self.last_speaker, self.last_anonymous) if self.last_speaker else (None, False)
        after = self.speaker_after(v, end)
        if after is not None and self.at.words[after[0]][:1].isdigit():
            after = None  # ويشير 74 في المئة …: a figure, not a speaker
        if after is not None:
            speaker, anonymous = self.make_speaker(pos, *after)
            # المسؤول، الذي طلب عدم ذكر اسمه، …: the cue may follow the speaker's name.
            if not anonymous and speaker.label != "PERS" and end - 1 > after[1]:
                anonymous = bool(_ANONYMOUS.find(self.at, after[1] + 1, end))
            return speaker, anonymous
        before = self.speaker_before(pos, v, lo)
        if before is not None:
            return self.make_speaker(pos, *before)
        if v in self.continuation and self.last_speaker is not None:
            return self.last_speaker, self.last_anonymous
        return None, False

    def remember(self, speaker: Speaker | None, anonymous: bool) -> None:
        if speaker is not None:
            self.last_speaker, self.last_anonymous = speaker, anonymous

    # -- direct quotes --

    def direct_quotes(self) -> list[Quote]:
        at = self.at
        out: list[Quote] = []
        for m in _DIRECT.finditer(at.text):
            g = next(i for i in range(1, 5) if m.group(i) is not None)
            start, end = m.start(g), m.end(g)
            while start < end and at.text[start].isspace():
                start += 1
            while end > start and at.text[end - 1].isspace():
                end -= 1
            if start >= end:
                continue
            first_w, last_w = at.word_at(start), at.word_at(end - 1)
            if first_w >= len(at.words) or at.ostarts[first_w] >= end:
                continue
            n_words = last_w - first_w + 1
            pos, lo, hi = self.sentence_bounds(first_w)
            speaker, anonymous, cue = self._direct_cue(pos, lo, first_w, last_w, m.start(), m.end())
            if cue is None and (n_words < lex.MIN_UNCUED_QUOTE_WORDS or _DIRECT_INNER.search(m.group(g))):
                continue
            self.remember(speaker, anonymous)
            sentence_index = at.sentences[pos].index if pos >= 0 else -1
            out.append(Quote("direct", at.text[start:end], start, end, sentence_index, speaker,
                             anonymous, *(cue or (None, None, None))))
        return out

    def _direct_cue(self, pos: int, lo: int, first_w: int, last_w: int, open_at: int,
                    close_at: int) -> tuple[Speaker | None, bool, tuple[str, int, int] | None]:
        at = self.at
        n_words = last_w - first_w + 1
        prev = first_w - 1
        # A speech verb before the opening mark, in the same sentence; a short quote must be
        # opened right there by a colon or أن/إن (قال: «…»، وصفها بأنها «…»), else it is a title,
        # a name or a scare quote (ذكر تقرير في «ديلي ميل»).
        opened = prev >= lo and (":" in at.text[at.oends[prev]:open_at]
                                 or at.words[prev] in _COMPLEMENTIZERS)
        for v in range(first_w - 1, lo - 1, -1):
            if at.oends[v] > open_at:
                continue
            if v in self.verbs and not self.in_relative_clause(v):
                if n_words < lex.MIN_UNCUED_QUOTE_WORDS and not opened:
                    break
                end = self._first_after(v, first_w)
                speaker, anonymous = self.resolve_speaker(pos, v, lo, end)
                if not self._can_speak(speaker, anonymous, v):
                    break
                return speaker, anonymous, self._cue(v)
        # A colon right after a name: "لافروف: «…»".
        if prev >= lo and ":" in at.text[at.oends[prev]:open_at]:
            named = next((c for c in reversed(self.cands(pos)) if c.last == prev), None) if pos >= 0 else None
            colon = at.text.index(":", at.oends[prev], open_at)
            if named is not None:
                speaker, anonymous = self.make_speaker(pos, named.first, named.last)
                return speaker, anonymous, (":", colon, colon + 1)
            if n_words >= lex.MIN_UNCUED_QUOTE_WORDS:
                return None, False, (":", colon, colon + 1)
        # A speech verb right after the closing mark: "«…»، قال المتحدث".
        nxt = last_w + 1
        for v in range(nxt, min(len(at.words), nxt + 3)):
            if at.ostarts[v] < close_at:
                continue
            if v in self.verbs and not self.in_relative_clause(v):
                vpos, vlo, vhi = self.sentence_bounds(v)
                speaker, anonymous = self.resolve_speaker(vpos, v, vlo, vhi)
                return speaker, anonymous, self._cue(v)
        return None, False, None

    def _negated_verb(self, v: int) -> bool:
        """ذكر in "طلب عدم ذكر اسمه" is not a statement."""
        return v > 0 and _strip_conj(self.at.words[v - 1]) in _NOT_SAID

    def _first_after(self, v: int, limit: int) -> int:
        """Where the speaker phrase after verb v must stop: a complementizer or the quote."""
        for w in range(v + 1, limit):
            if self.at.words[w] in _COMPLEMENTIZERS or self.punct_between(w - 1, w, ":"):
                return w
        return limit

    def _cue(self, v: int) -> tuple[str, int, int]:
        start, end = self.at.span(v, v)
        return self.at.text[start:end], start, end

    # -- reported speech --

    def reported_quotes(self, directs: list[Quote]) -> list[Quote]:
        at = self.at
        direct_spans = [(q.start, q.end) for q in directs]
        used_cues = {q.cue_start for q in directs if q.cue_start is not None}
        found: list[tuple[int, int, int, int, int]] = []  # (verb, comp, content_first, pos, lo)
        skip_until = -1
        for v in sorted(self.verbs):
            if v <= skip_until or self._negated_verb(v) or self.in_relative_clause(v):
                continue
            pos, lo, hi = self.sentence_bounds(v)
            if pos < 0:
                continue
            comp = None
            for w in range(v + 1, min(hi, v + 1 + lex.COMPLEMENT_WINDOW)):
                if self.punct_between(w - 1, w, ":"):
                    comp = (w, w)
                    break
                if at.words[w] in _COMPLEMENTIZERS:
                    comp = (w, w + 1)
                    break
                if (w in self.verbs and not self._negated_verb(w)) or self.punct_between(w - 1, w, ".!?؟\n"):
                    break
            if comp is None or comp[1] >= hi:
                continue
            found.append((v, comp[0], comp[1], pos, hi))
            skip_until = comp[0]  # verbs inside the speaker phrase (عدم ذكر اسمه) are not cues
        out: list[Quote] = []
        for i, (v, comp_at, content_first, pos, hi) in enumerate(found):
            lo = at.sentence_ranges[pos][0]
            content_last = hi - 1
            if i + 1 < len(found) and found[i + 1][3] == pos:
                content_last = min(content_last, found[i + 1][0] - 1)  # up to the next speaker
            if content_last < content_first:
                continue
            start, end = at.span(content_first, content_last)
            cue_start = at.span(v, v)[0]
            if cue_start in used_cues or any(s < end and start < e for s, e in direct_spans):
                continue
            speaker, anonymous = self.resolve_speaker(pos, v, lo, comp_at)
            if not self._can_speak(speaker, anonymous, v):
                continue
            self.remember(speaker, anonymous)
            out.append(self._reported(pos, start, end, speaker, anonymous, self._cue(v)))
        out.extend(self._attributions(direct_spans, [q.start for q in out]))
        return out

    def _is_source(self, pos: int, w: int) -> bool:
        """بحسب مصادر، وفقا لوكالة، حسب لافروف — not بحسب موقعها or وفق خطة."""
        if w >= len(self.at.words):
            return False
        bases = {b for b, _, _ in word_readings(self.at.words[w])}
        if bases & (_SOURCE_NOUNS | _ANON_HEADS | _ANAPHORIC):
            return True
        return any(c.first == w for c in self.cands(pos))

    def _can_speak(self, speaker: Speaker | None, anonymous: bool, v: int) -> bool:
        """Things (هذا الحدث) do not speak; a present-tense opinion verb is a quote only for a
        person or an unnamed source (يرى محللون أن), not for a state's standing view."""
        if speaker is not None:
            head = _strip_conj(normalize_for_matching(speaker.text.split()[0])) if speaker.text.split() else ""
            if head in _NOT_SPEAKERS:
                return False
        if v in self.opinion_present:
            return anonymous or (speaker is not None and speaker.label == "PERS")
        return True

    def _reported(self, pos: int, start: int, end: int, speaker: Speaker | None, anonymous: bool,
                  cue: tuple[str, int, int]) -> Quote:
        text = self.at.text
        while end > start and text[end - 1] in _TRAILING:
            end -= 1
        return Quote("reported", text[start:end], start, end, self.at.sentences[pos].index,
                     speaker, anonymous, *cue)

    def _attributions(self, direct_spans: list[tuple[int, int]], taken: list[int]) -> list[Quote]:
        """بحسب مصادر دبلوماسية، …  /  … وفقا لمسؤول أمريكي."""
        at = self.at
        out: list[Quote] = []
        for pos, (lo, hi) in enumerate(at.sentence_ranges):
            for a in range(lo, hi):
                word = _strip_conj(at.words[a])
                if word not in _ATTRIBUTION and at.words[a] not in _ATTRIBUTION:
                    continue
                first = a + 1
                if first < hi and at.words[first] in ("ل", "عن", "لما"):
                    first += 1
                if first + 1 < hi and _strip_conj(at.words[first]) in _FILLERS:
                    first += 2  # بحسب ما ذكرته وسائل إعلام: the source follows the verb
                if not self._is_source(pos, first):
                    continue
                if first >= hi:
                    continue
                # وفقا لمسؤول: the glued ل is not part of the speaker.
                skip = 1 if at.words[first][:1] == "ل" and word in _GLUED_LAM else 0
                last = first
                while (last + 1 < hi and last + 1 - first < lex.ATTRIBUTION_SPEAKER_WORDS
                       and not self.punct_between(last, last + 1)):
                    last += 1
                if a - lo <= 1:  # at the start: the content follows the speaker phrase
                    content = last + 1
                    if content < hi and _strip_conj(at.words[content]) in _COMPLEMENTIZERS:
                        content += 1  # بحسب مصادر، فإن …
                    if content >= hi:
                        continue
                    start, end = at.span(content, hi - 1)
                else:
                    start, end = at.span(lo, a - 1)
                if any(s < end and start < e for s, e in direct_spans) or start in taken:
                    continue
                speaker, anonymous = self.make_speaker(pos, first, last, skip)
                cue = self._cue(a)
                out.append(self._reported(pos, start, end, speaker, anonymous, cue))
                break
        return out

"""Word tokens and name keys shared by the registry, the article linker and the resolver.

``name_key`` is the exact key (orthographic normalization only); ``skeleton_key`` is the loose key
that transliteration variants of one foreign name share: ويتكوف، ويتكوڤ، وتكوف and ويتكووف all
become ``وتكف``. See ``skeleton`` for the rules, and ``loose_word_score`` for when two different
words of a name may still be taken for the same one.
"""

from __future__ import annotations

import hashlib
import re

from marsad.text.normalize import normalize_for_matching

from rapidfuzz import fuzz

from ._lexicon import (
    COMMON_GIVEN_NAMES,
    MERGED_NAME_PREFIXES,
    PROCLITIC_STRIPS,
    SKELETON_FOLD,
    SKELETON_VOWELS,
)

__all__ = [
    "FUZZY_MIN_RATIO",
    "LOOSE_MIN_LETTERS",
    "WORD",
    "entity_id_for",
    "loose_name_score",
    "loose_word_score",
    "name_key",
    "name_tokens",
    "norm_token",
    "prefix_variants",
    "skeleton",
    "skeleton_key",
]

_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d"
# A word: a letter, then letters, digits and Arabic marks (diacritics, tatweel, joiners).
# Punctuation ends it; a hyphen splits "غينيا-بيساو" into two words. (One character class after
# the first letter keeps the regex fast; a digit inside a word is harmless for name lookups.)
WORD = re.compile(rf"[^\W\d_][\w{_MARKS}]*")

# Normalizing the same few thousand words again and again is most of the cost of a scan; a plain
# dict memo (cleared when full) makes a repeat word one lookup.
_NORM_MEMO: dict[str, str] = {}
_NORM_MEMO_MAX = 200_000


def norm_token(word: str) -> str:
    """``normalize_for_matching`` for one word, memoized."""
    out = _NORM_MEMO.get(word)
    if out is None:
        if len(_NORM_MEMO) >= _NORM_MEMO_MAX:
            _NORM_MEMO.clear()
        out = _NORM_MEMO[word] = normalize_for_matching(word)
    return out


def prefix_variants(norm: str) -> list[tuple[str, int]]:
    """``(form, letters dropped)`` for a normalized word: itself, then with proclitics removed.

    والروسية gives (والروسيه, 0), (الروسيه, 1), (روسيه, 3), fewest letters dropped first; للعراق
    gives (للعراق, 0), (العراق, 1) and (عراق, 2): ل + ال loses its alef in writing, so the article is put back and only the
    preposition is dropped. A remainder keeps at least two letters.
    """
    out = [(norm, 0)]
    for prefix in PROCLITIC_STRIPS:
        if norm.startswith(prefix) and len(norm) - len(prefix) >= 2:
            out.append((norm[len(prefix):], len(prefix)))
    if norm.startswith("لل") and len(norm) >= 4:
        out.append(("ا" + norm[1:], 1))
    out.sort(key=lambda variant: variant[1])  # fewest letters dropped first: الروسيه before روسيه
    return out


def name_tokens(name: str) -> list[str]:
    """Normalized word tokens of a name; عبد الله and أبو مازن are joined into one token."""
    words = [norm_token(m.group()) for m in WORD.finditer(name)]
    out: list[str] = []
    for word in words:
        if out and out[-1] in MERGED_NAME_PREFIXES:
            out[-1] = out[-1] + word
        else:
            out.append(word)
    return out


def name_key(name: str) -> str:
    """Exact matching key: normalized tokens joined by one space."""
    return " ".join(name_tokens(name))


def skeleton(token: str) -> str:
    """Consonant skeleton of one normalized token.

    Keeps the first letter as it is; after it drops the long vowels and hamza (ا و ي ء), folds
    letters that transliterations swap (ص ث → س، ذ ظ → ز، ط → ت، ض → د، ق غ → ك) and collapses
    doubled letters.
    """
    if not token:
        return ""
    out = [token[0]]
    for ch in token[1:]:
        if ch in SKELETON_VOWELS:
            continue
        ch = SKELETON_FOLD.get(ch, ch)
        if ch != out[-1]:
            out.append(ch)
    return "".join(out)


# Two different words are one name's spellings only if each has this many letters (without ال):
# short native names differ by a long vowel alone (محمد/محمود، سعد/سعيد، حسن/حسين).
LOOSE_MIN_LETTERS = 5
# rapidfuzz ``fuzz.ratio`` on the skeletons (without ال) for words whose skeletons differ: one
# consonant inserted or dropped in a 5–6 letter skeleton scores 90.9–92.3, one swapped consonant
# at most 88.9 (9 letters), so this admits insertions only, in long (foreign) names.
FUZZY_MIN_RATIO = 90.0
_NATIVE_COMPOUNDS = ("عبد", "ابو")


def _bare(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


def loose_word_score(a: str, b: str, min_ratio: float = FUZZY_MIN_RATIO) -> float | None:
    """How well two normalized name words match (100: the same), or None when they must not.

    Equal words score 100. Different words match only when neither is a common given name nor a
    عبد/أبو compound, both keep ``LOOSE_MIN_LETTERS`` letters, and their skeletons are equal
    (score 99) or rapidfuzz-similar at ``min_ratio`` or more (score = the ratio).
    """
    if a == b:
        return 100.0
    if a in COMMON_GIVEN_NAMES or b in COMMON_GIVEN_NAMES or a.startswith(_NATIVE_COMPOUNDS) \
            or b.startswith(_NATIVE_COMPOUNDS):
        return None
    a, b = _bare(a), _bare(b)
    if min(len(a), len(b)) < LOOSE_MIN_LETTERS:
        return None
    sa, sb = skeleton(a), skeleton(b)
    if sa == sb:
        return 99.0
    if min(len(sa), len(sb)) < LOOSE_MIN_LETTERS:
        return None
    ratio = fuzz.ratio(sa, sb)
    return ratio if ratio >= min_ratio else None


def loose_name_score(a: tuple[str, ...] | list[str], b: tuple[str, ...] | list[str],
                     min_ratio: float = FUZZY_MIN_RATIO) -> float | None:
    """Mean ``loose_word_score`` of two names word by word; None if lengths differ or a word fails."""
    if len(a) != len(b) or not a:
        return None
    total = 0.0
    for x, y in zip(a, b):
        score = loose_word_score(x, y, min_ratio)
        if score is None:
            return None
        total += score
    return total / len(a)


def skeleton_key(name: str) -> str:
    """Loose matching key: the skeletons of the name's tokens, joined by one space."""
    return " ".join(skeleton(t) for t in name_tokens(name))


def entity_id_for(entity_type: str, key: str) -> str:
    """Id of an entity without a Wikidata QID: ``m:<TYPE>:<12 hex of the key's hash>``."""
    digest = hashlib.blake2b(key.encode("utf-8"), digest_size=6).hexdigest()
    return f"m:{entity_type}:{digest}"

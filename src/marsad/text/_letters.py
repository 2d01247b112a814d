"""Arabic letter data for normalization: which characters fold to which, which vanish.

Kept as data so the rules can be read (and extended) without reading code.
"""

from __future__ import annotations

# Harakat, tanween, shadda, sukun, maddah/hamza marks above and below, dagger alef, Quranic marks.
DIACRITICS = (
    [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670"]
    + [chr(c) for c in range(0x0610, 0x061B)]
    + [chr(c) for c in range(0x06D6, 0x06EE) if c not in (0x06DE, 0x06E9)]
)
TATWEEL = "\u0640"
# Bidi embeddings/overrides/isolates, marks, zero-width characters and the BOM: invisible, but
# they split words for a naive matcher (scraped text is full of them).
INVISIBLE = [
    "\u200b", "\u200c", "\u200d", "\u200e", "\u200f",
    "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",
    "\u2066", "\u2067", "\u2068", "\u2069", "\u061c", "\ufeff", "\u00ad",
]

# One character to one character.
FOLD = {
    # alef forms: hamza above/below, madda, wasla
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    # hamza carriers
    "ؤ": "و", "ئ": "ي",
    # alef maqsura, taa marbuta
    "ى": "ي", "ة": "ه",
    # Persian/Urdu letters used in transliterated names (ڤ in ويتكوڤ, پ in پوتين)
    "ک": "ك", "ی": "ي", "ڤ": "ف", "پ": "ب", "چ": "ج", "گ": "ك", "ژ": "ز", "ۀ": "ه", "ە": "ه",
    # Arabic punctuation folded to its Latin twin so tokenizers see one comma
    "،": ",", "؛": ";", "؟": "?", "٪": "%", "٫": ".", "٬": ",",
}
for _i in range(10):
    FOLD[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic digits
    FOLD[chr(0x06F0 + _i)] = str(_i)  # Persian (Extended Arabic-Indic) digits
for _c in range(ord("A"), ord("Z") + 1):
    FOLD[chr(_c)] = chr(_c + 32)

# Presentation forms (ligatures such as ﻻ) expand under NFKC; handled apart since one
# character may become two.
PRESENTATION_RANGES = ((0xFB50, 0xFDFF), (0xFE70, 0xFEFE))

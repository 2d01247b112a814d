"""Bytes → text for the encodings Arabic news files actually come in.

Order of the checks (first match wins):

1. a byte-order mark: UTF-8, UTF-32 LE/BE, UTF-16 LE/BE;
2. a known binary signature (PNG, JPEG, PDF, ZIP, SQLite, …) → ``BinaryInputError``;
3. BOM-less UTF-16, recognised by its NUL pattern (ASCII characters put a NUL in every other
   byte; Arabic letters put 0x06 there);
4. any other NUL byte → binary;
5. strict UTF-8;
6. windows-1256, only when the result is mostly Arabic letters (cp1256 maps every byte, so
   "it decodes" proves nothing; the letter mix is the evidence);
7. otherwise ``UndecodableError`` naming the first bad byte.

The encoding used is returned with the text so readers can record it
(``Article.extra["encoding"]``).
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass

__all__ = [
    "BinaryInputError",
    "DecodeError",
    "Decoded",
    "UndecodableError",
    "binary_signature",
    "decode_bytes",
    "detect_bom",
    "detect_utf16_without_bom",
    "is_mostly_arabic",
]

BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 LE starts with the UTF-16 LE mark, so it must be tested first.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# (offset, magic bytes, what it is). Checked before any decoding so the message can say what the
# file is instead of "invalid byte 0x89".
SIGNATURES: tuple[tuple[int, bytes, str], ...] = (
    (0, b"\x89PNG\r\n\x1a\n", "PNG image"),
    (0, b"\xff\xd8\xff", "JPEG image"),
    (0, b"GIF87a", "GIF image"),
    (0, b"GIF89a", "GIF image"),
    (0, b"%PDF-", "PDF document"),
    (0, b"PK\x03\x04", "ZIP archive (or docx/xlsx/epub)"),
    (0, b"\x1f\x8b", "gzip data (name it .gz to have it decompressed)"),
    (0, b"BZh", "bzip2 data"),
    (0, b"\xfd7zXZ\x00", "xz data"),
    (0, b"7z\xbc\xaf\x27\x1c", "7-zip archive"),
    (0, b"SQLite format 3\x00", "SQLite database"),
    (0, b"\x7fELF", "executable"),
    (0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office document"),
    (8, b"WEBP", "WebP image"),
    (4, b"ftyp", "video/audio file"),
)

_SNIFF_BYTES = 4096
_UTF16_MIN_NUL_SHARE = 0.05  # of code units; ASCII spaces/digits alone usually give 15 %+
_UTF16_MIN_ARABIC_SHARE = 0.30  # of code units whose high byte is 0x06 (Arabic block)
_MAX_CONTROL_SHARE = 0.01  # control characters tolerated in real text
_MIN_ARABIC_LETTER_SHARE = 0.6  # of all letters, for windows-1256 to be believed
_MIN_ARABIC_LETTERS = 3


class DecodeError(ValueError):
    """The bytes are not text in a supported encoding; ``reason`` says why, in one line."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


class BinaryInputError(DecodeError):
    """The bytes are binary data (an image, an archive, NUL bytes), not text."""


class UndecodableError(DecodeError):
    """The bytes look like text but no supported encoding decodes them."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # a Python codec name: utf-8, utf-8-sig, utf-16-le, windows-1256, …


def detect_bom(data: bytes) -> tuple[str, int] | None:
    """``(codec, bom length)`` if ``data`` starts with a byte-order mark."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            return codec, len(bom)
    return None


def binary_signature(data: bytes) -> str | None:
    """What kind of binary file ``data`` starts like, or ``None``."""
    for offset, magic, what in SIGNATURES:
        if data[offset : offset + len(magic)] == magic:
            return what
    return None


def detect_utf16_without_bom(data: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` when the NUL/0x06 pattern of the first KB says so and the
    sample decodes to plausible text; else ``None``."""
    sample = data[:_SNIFF_BYTES]
    sample = sample[: len(sample) - len(sample) % 2]
    units = len(sample) // 2
    if units < 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    for codec, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        # The high byte of each code unit (odd in LE, even in BE) is NUL for ASCII and 0x06 for
        # Arabic letters; the low byte is almost never NUL in text.
        signal = high.count(0) >= units * _UTF16_MIN_NUL_SHARE or high.count(6) >= units * _UTF16_MIN_ARABIC_SHARE
        if not signal or low.count(0) > units * 0.01:
            continue
        try:
            text = sample.decode(codec)
        except UnicodeDecodeError as exc:
            if exc.start < len(sample) - 4:  # a surrogate pair cut by the sample end is fine
                continue
            text = sample[: exc.start].decode(codec)
        if _control_share(text) <= _MAX_CONTROL_SHARE:
            return codec
    return None


def is_mostly_arabic(text: str) -> bool:
    """At least a few letters, and most letters are Arabic script (judged on the first 64 K
    characters: enough evidence, bounded cost)."""
    letters = arabic = 0
    for ch in text[:65536]:
        if ch.isalpha():
            letters += 1
            if "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f":
                arabic += 1
    return arabic >= _MIN_ARABIC_LETTERS and arabic >= letters * _MIN_ARABIC_LETTER_SHARE


def decode_bytes(data: bytes) -> Decoded:
    """Decode a whole input; raises ``BinaryInputError`` or ``UndecodableError``."""
    bom = detect_bom(data)
    if bom is not None:
        codec, size = bom
        try:
            text = data[size:].decode(codec.replace("-sig", ""))
        except UnicodeDecodeError as exc:
            raise UndecodableError(
                f"starts with a {codec} byte-order mark but byte {exc.start + size} is invalid {codec}"
            ) from None
        return Decoded(_check_controls(text), codec)
    what = binary_signature(data)
    if what is not None:
        raise BinaryInputError(f"binary file ({what}), not text")
    head = data[:_SNIFF_BYTES]
    codec = detect_utf16_without_bom(data) if (0 in head or 6 in head) else None
    if codec is not None:
        try:
            return Decoded(_check_controls(data.decode(codec)), codec)
        except UnicodeDecodeError as exc:
            raise UndecodableError(f"looks like {codec} but byte {exc.start} is invalid") from None
    nul = data.find(0)
    if nul >= 0:
        raise BinaryInputError(f"binary file (NUL byte at offset {nul}), not text")
    try:
        return Decoded(_check_controls(data.decode("utf-8")), "utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    legacy = data.decode("cp1256")
    if is_mostly_arabic(legacy) and _control_share(legacy) <= _MAX_CONTROL_SHARE:
        return Decoded(legacy, "windows-1256")
    raise UndecodableError(
        f"invalid byte 0x{data[first_bad]:02x} at offset {first_bad}: not UTF-8, UTF-16 or "
        "windows-1256 Arabic; re-save the file as UTF-8"
    )


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(1 for ch in text if ch not in "\t\n\r\f\v" and unicodedata.category(ch) in ("Cc", "Cs", "Co"))
    return bad / len(text)


def _check_controls(text: str) -> str:
    if _control_share(text[:_SNIFF_BYTES * 4]) > _MAX_CONTROL_SHARE:
        raise BinaryInputError("binary file (mostly control characters), not text")
    return text

from __future__ import annotations

import codecs

import pytest

from marsad.ingest.decode import BinaryInputError, UndecodableError, decode_bytes, detect_utf16_without_bom

ARABIC = "قالت البلدية إن أعمال الترميم في السوق القديم ستنتهي قبل بداية الصيف المقبل.\nوأضافت أن المحلات ستفتح أبوابها تدريجيا."
ARABIC_NO_ASCII = "قالتالبلديةإنأعمالالترميمفيالسوقالقديمستنتهيقبلبدايةالصيف"


@pytest.mark.parametrize(
    ("data", "encoding", "text"),
    [
        (ARABIC.encode("utf-8"), "utf-8", ARABIC),
        (codecs.BOM_UTF8 + ARABIC.encode("utf-8"), "utf-8-sig", ARABIC),
        (codecs.BOM_UTF16_LE + ARABIC.encode("utf-16-le"), "utf-16-le", ARABIC),
        (codecs.BOM_UTF16_BE + ARABIC.encode("utf-16-be"), "utf-16-be", ARABIC),
        (ARABIC.encode("utf-16-le"), "utf-16-le", ARABIC),
        (ARABIC.encode("utf-16-be"), "utf-16-be", ARABIC),
        (ARABIC_NO_ASCII.encode("utf-16-le"), "utf-16-le", ARABIC_NO_ASCII),
        (codecs.BOM_UTF32_LE + ARABIC.encode("utf-32-le"), "utf-32-le", ARABIC),
        (ARABIC.encode("cp1256"), "windows-1256", ARABIC),
        (b"plain ASCII news text\n", "utf-8", "plain ASCII news text\n"),
    ],
)
def test_decode_bytes_detects_encoding(data: bytes, encoding: str, text: str) -> None:
    decoded = decode_bytes(data)
    assert decoded.encoding == encoding
    assert decoded.text == text


def test_utf8_is_preferred_over_windows_1256() -> None:
    # Valid UTF-8 Arabic also "decodes" as cp1256 (every byte maps); UTF-8 must win.
    assert decode_bytes(ARABIC.encode("utf-8")).text == ARABIC


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01", "PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF document"),
        (b"SQLite format 3\x00" + b"\x00" * 50, "SQLite database"),
        (b"abc\x00\x00\x00\x01\x02\x00\x00def\x00\x00", "NUL byte"),
        (bytes(range(1, 32)) * 20, "control characters"),
    ],
)
def test_binary_input_is_refused(data: bytes, what: str) -> None:
    with pytest.raises(BinaryInputError) as err:
        decode_bytes(data)
    assert what in err.value.reason


def test_non_arabic_invalid_bytes_are_undecodable() -> None:
    # Latin-1 French: not UTF-8, and as cp1256 it is not Arabic text.
    data = "le café était fermé à midi, déjà".encode("latin-1")
    with pytest.raises(UndecodableError) as err:
        decode_bytes(data)
    assert "offset 6" in err.value.reason
    assert "UTF-8" in err.value.reason


def test_utf16_sniff_ignores_utf8() -> None:
    assert detect_utf16_without_bom(ARABIC.encode("utf-8")) is None


@pytest.mark.parametrize(
    ("name", "encoding", "starts"),
    [("cp1256_article.txt", "windows-1256", "افتتاح معرض"), ("utf16_article.txt", "utf-16-le", "تحسن حركة")],
)
def test_fixture_files_decode(fixtures_dir, name: str, encoding: str, starts: str) -> None:
    decoded = decode_bytes((fixtures_dir / name).read_bytes())
    assert decoded.encoding == encoding
    assert decoded.text.startswith(starts)

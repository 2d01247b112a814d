"""The word-statistics file: format, absence and corruption."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from marsad.errors import ModelError
from marsad.text._wordstats import DEFAULT_PATH, read_word_stats


def test_reads_counts_and_flags(tmp_path: Path) -> None:
    path = tmp_path / "stats.tsv.gz"
    with gzip.open(path, "wt", encoding="utf-8") as out:
        out.write("# comment\nحكومه\t120\t\nالمانيا\t40\ta\nباب\t30\tp\nسلمان\t0\tn\n")
    stats = read_word_stats(path)
    assert stats.count("حكومه") == 120 and stats.count("غير_موجود") == 0
    assert stats.radical_al == {"المانيا"}
    assert stats.plain_alef == {"باب"}
    assert stats.name_like == {"سلمان"} and "سلمان" not in stats.counts


def test_corrupt_file_is_a_model_error(tmp_path: Path) -> None:
    path = tmp_path / "stats.tsv"
    path.write_text("كلمة بلا أعمدة\n", encoding="utf-8")
    with pytest.raises(ModelError, match="build_text_lexicon"):
        read_word_stats(path)


def test_shipped_file_is_small_and_readable() -> None:
    assert DEFAULT_PATH.exists()
    assert DEFAULT_PATH.stat().st_size < 1_000_000
    stats = read_word_stats(DEFAULT_PATH)
    assert stats.count("الحكومه") > 1000
    assert "المانيا" in stats.radical_al

"""A kill -9 in the middle of an ingest loses nothing committed and leaves nothing partial;
running the same command again ends with exactly a clean run's articles."""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

WORDS = ("الحكومة اعلنت خطة جديدة لدعم المزارعين في المناطق الجنوبية بعد موسم جاف وقالت الوزارة "
         "ان المشاريع ستبدا خلال الاشهر المقبلة وسط ترحيب من النقابات المحلية والخبراء الاقتصاديين "
         "الذين توقعوا تحسن الانتاج وارتفاع الصادرات الزراعية الى الاسواق المجاورة").split()


def _write_dump(path: Path, n: int) -> None:
    rng = random.Random(7)
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            body = " ".join(rng.choice(WORDS) for _ in range(120)) + f" رقم {i}."
            rec = {"title": f"خبر رقم {i}", "content": body, "source": f"outlet{i % 5}",
                   "url": f"https://news.example/{i}", "author": "", "date_extracted": "2025-01-02 10:00:00"}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")


def _counts(db: Path) -> tuple[int, int, int, int]:
    con = sqlite3.connect(db)
    try:
        return (
            con.execute("SELECT count(*) FROM articles").fetchone()[0],
            con.execute("SELECT count(DISTINCT id) FROM articles").fetchone()[0],
            con.execute("SELECT count(*) FROM article_originals").fetchone()[0],
            con.execute("SELECT count(*) FROM articles_fts").fetchone()[0],
        )
    finally:
        con.close()


def _ingest(db: Path, dump: Path) -> subprocess.Popen:
    # Stories are clustered in their own batched transactions after the articles; this test is
    # about the article commits, so it skips that step.
    return subprocess.Popen([sys.executable, "-m", "marsad", "--db", str(db), "ingest", "--quiet",
                             "--no-stories", str(dump)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


@pytest.mark.slow
def test_kill_9_mid_ingest_then_rerun_equals_clean_run(tmp_path):
    dump = tmp_path / "dump.jsonl"
    _write_dump(dump, 1500)
    clean_db, crash_db = tmp_path / "clean.db", tmp_path / "crash.db"

    assert _ingest(clean_db, dump).wait(timeout=300) == 0
    clean = _counts(clean_db)
    assert clean == (1500, 1500, 1500, 1500)

    proc = _ingest(crash_db, dump)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        time.sleep(0.05)
        if crash_db.exists():
            try:
                if _counts(crash_db)[0] >= 200:
                    break
            except sqlite3.Error:  # schema not there yet
                continue
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    partial = _counts(crash_db)
    assert 0 < partial[0] < 1500, "the kill should land mid-ingest"
    # Every committed article is whole: its original and its index row are there too.
    assert partial[0] == partial[1] == partial[2] == partial[3]

    assert _ingest(crash_db, dump).wait(timeout=300) == 0
    assert _counts(crash_db) == clean

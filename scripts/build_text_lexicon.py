#!/usr/bin/env python
"""Build src/marsad/text/data/word_stats.tsv.gz: normalized word counts plus a few flags.

Reads the development news corpora in ../shared/data (SaudiNewsNet dev period and the ANT
pretraining corpus; never the held-out eval data) and writes counts of normalized Arabic words,
no text. See marsad/text/_wordstats.py for the format and the meaning of the flags.

    .venv/bin/python scripts/build_text_lexicon.py            # default paths
    .venv/bin/python scripts/build_text_lexicon.py --shared /path/to/shared --min-count 3

Steps:
1. Count every distinct original word form (diacritics, hamza and all) over the corpora.
2. Normalize each form; add its count to the normalized word, and note whether its first and
   second letters were a hamza-alef (أ إ آ) before normalization folded them to ا.
3. Flag `a` (ال that is not the article: ألمانيا، آلاف) and `p` (plain alef where the remainder
   is a hamza word: باب ≠ ب + أب).
4. Split every word with those statistics; over the bases, flag `n` for bases that end like a
   plural/dual/nisba but behave like names (almost never take the article) or whose plural-less
   stem is never seen (قانون ≠ قان + ون).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from marsad.text import _lexicon as lex  # noqa: E402
from marsad.text._letters import DIACRITICS, INVISIBLE, TATWEEL  # noqa: E402
from marsad.text._wordstats import DEFAULT_PATH, WordStats  # noqa: E402
from marsad.text.normalize import normalize  # noqa: E402
from marsad.text.stem import Stemmer  # noqa: E402
from marsad.text.tokenize import ARABIC_LETTERS, CliticSplitter  # noqa: E402

CORPORA = (
    ("data/news_corpus/saudinewsnet_dev_period.jsonl.gz", "content"),
    ("data/pretrain_corpus/ant_multisource_v2.1.jsonl.gz", "text"),
    ("data/pretrain_corpus/ant_v1.1_jawharafm.jsonl.gz", "text"),
)
_MARKS = "".join(DIACRITICS) + TATWEEL + "".join(INVISIBLE)
ORIGINAL_WORD = re.compile(f"[{ARABIC_LETTERS}{re.escape(_MARKS)}]+")
NORMALIZED_WORD = re.compile(f"[{ARABIC_LETTERS}]+")
HAMZA_ALEF = frozenset("أإآ")

RADICAL_AL_HAMZA_SHARE = 0.25  # ال words written with a hamza this often are not article + word
PLAIN_ALEF_MAX_SHARE = 0.1  # w[1] almost never written with hamza ...
REMAINDER_HAMZA_SHARE = 0.5  # ... while w[1:] alone mostly is
FLAG_MIN_COUNT = 5
NAME_MIN_COUNT = 10
NAME_MAX_ARTICLE_SHARE = 0.03
STEM_SEEN_MIN_COUNT = 3


def corpus_texts(shared: Path) -> Iterator[str]:
    for relative, field in CORPORA:
        path = shared / relative
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                yield record.get("title") or ""
                yield record.get(field) or ""


def count_words(shared: Path) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """Normalized word counts, and how often letters 0 and 1 were a hamza-alef."""
    forms: Counter[str] = Counter()
    for text in corpus_texts(shared):
        forms.update(ORIGINAL_WORD.findall(text))
    counts: Counter[str] = Counter()
    hamza_first: Counter[str] = Counter()
    hamza_second: Counter[str] = Counter()
    for form, n in forms.items():
        normalized = normalize(form)
        for match in NORMALIZED_WORD.finditer(normalized.text):
            word = match.group()
            counts[word] += n
            at = match.start()
            if form[normalized.starts[at]] in HAMZA_ALEF:
                hamza_first[word] += n
            if len(word) > 1 and form[normalized.starts[at + 1]] in HAMZA_ALEF:
                hamza_second[word] += n
    return counts, hamza_first, hamza_second


def hamza_flags(
    counts: Counter[str], hamza_first: Counter[str], hamza_second: Counter[str]
) -> tuple[set[str], set[str]]:
    radical_al: set[str] = set()
    plain_alef: set[str] = set()
    clitic_letters = set(lex.CONJUNCTIONS + lex.PREPOSITIONS)
    for word, n in counts.items():
        if n < FLAG_MIN_COUNT:
            continue
        if word.startswith(lex.ARTICLE) and hamza_first[word] >= RADICAL_AL_HAMZA_SHARE * n:
            radical_al.add(word)
        if word[0] in clitic_letters and len(word) > 2 and word[1] == "ا":
            rest = word[1:]
            rest_n = counts.get(rest, 0)
            if (
                hamza_second[word] < PLAIN_ALEF_MAX_SHARE * n
                and rest_n >= FLAG_MIN_COUNT
                and hamza_first[rest] >= REMAINDER_HAMZA_SHARE * rest_n
            ):
                plain_alef.add(word)
    return radical_al, plain_alef


def name_like_bases(counts: Counter[str], stats: WordStats) -> set[str]:
    splitter = CliticSplitter(stats)
    stemmer = Stemmer(stats)
    base_counts: Counter[str] = Counter()
    with_article: Counter[str] = Counter()
    for word, n in counts.items():
        prefix, base = splitter.split(word)
        base_counts[base] += n
        if prefix.endswith(lex.ARTICLE) or prefix.endswith(lex.LAM_ARTICLE):
            with_article[base] += n
    seen_stems = {base for base, n in base_counts.items() if n >= STEM_SEEN_MIN_COUNT}
    name_like: set[str] = set()
    for base, n in base_counts.items():
        if n < STEM_SEEN_MIN_COUNT:
            continue
        stem = stemmer.stem(base)
        suffix = base[len(stem):] if base.startswith(stem) else ""
        if suffix not in lex.NAME_LIKE_SUFFIXES:
            continue
        behaves_like_name = n >= NAME_MIN_COUNT and with_article[base] < NAME_MAX_ARTICLE_SHARE * n
        stem_unseen = suffix != "ي" and not ({stem, stem + "ه"} & seen_stems)
        if behaves_like_name or stem_unseen:
            name_like.add(base)
    return name_like


def write_stats(
    path: Path, counts: Counter[str], min_count: int, flags: dict[str, set[str]], sources: str
) -> int:
    rows: dict[str, list[str]] = {}
    for word, n in counts.items():
        if n >= min_count:
            rows[word] = [str(n), ""]
    for flag, words in flags.items():
        for word in words:
            row = rows.setdefault(word, [str(counts.get(word, 0)) if counts.get(word, 0) >= min_count else "0", ""])
            row[1] += flag
    path.parent.mkdir(parents=True, exist_ok=True)
    header = (
        "# marsad word statistics v1: normalized word <TAB> count <TAB> flags (a, p, n)\n"
        f"# generated by scripts/build_text_lexicon.py from {sources}; counts >= {min_count}\n"
    )
    body = "".join(f"{word}\t{n}\t{fl}\n" for word, (n, fl) in sorted(rows.items()))
    # mtime=0 keeps the file byte-identical when rebuilt from the same data.
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as out:
        out.write((header + body).encode("utf-8"))
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--min-count", type=int, default=3)
    args = parser.parse_args(argv)

    started = time.perf_counter()
    counts, hamza_first, hamza_second = count_words(args.shared)
    radical_al, plain_alef = hamza_flags(counts, hamza_first, hamza_second)
    stats = WordStats(
        {w: n for w, n in counts.items() if n >= args.min_count},
        frozenset(radical_al),
        frozenset(plain_alef),
    )
    name_like = name_like_bases(counts, stats)
    sources = ", ".join(relative for relative, _ in CORPORA)
    rows = write_stats(args.out, counts, args.min_count, {"a": radical_al, "p": plain_alef, "n": name_like}, sources)
    print(
        f"{sum(counts.values()):,} words, {len(counts):,} distinct; wrote {rows:,} rows "
        f"(a={len(radical_al)}, p={len(plain_alef)}, n={len(name_like)}) to {args.out} "
        f"({args.out.stat().st_size:,} bytes) in {time.perf_counter() - started:.0f}s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

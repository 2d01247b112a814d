"""Dates as Arabic news pages write them → ISO 8601, as precise as the input states it.

``parse_arabic_date`` understands ISO strings ("2015-07-21 02:51:41", "2025-01-12T08:00:00Z"),
day–month-name–year in Egyptian/Gulf ("12 يناير 2025"), Levantine ("١٢ كانون الثاني ٢٠٢٥"),
Maghrebi and English month names, an optional weekday ("الأحد 5 مارس 2023"), a doubled month
("12 كانون الثاني/يناير 2025"), an optional time after the date ("… 2025 - 10:30 م"), numeric
day/month/year ("12/01/2025", read day first as Arabic sites write it) and month–year alone
("يناير 2025" → "2025-01"). It searches the string, so a date inside a longer line is found.
Hijri dates are not converted (a Gregorian date next to one is found).
"""

from __future__ import annotations

import re
from datetime import date

from marsad.ingest._lexicon import AM_MARKERS, MONTHS, PM_MARKERS
from marsad.text.normalize import normalize_for_matching

__all__ = ["date_line", "parse_arabic_date"]

_MIN_YEAR, _MAX_YEAR = 1900, 2100
DATELINE_MAX_OTHER_WORDS = 4
DATELINE_MAX_CHARS = 100  # a date, a weekday, a time and a label fit in far less


def _fold(word: str) -> str:
    return normalize_for_matching(word).lower()


_MONTH_NUMBER: dict[str, int] = {_fold(name): n for name, n in MONTHS.items()}
# Longest first, so "كانون الثاني" wins over "كانون" and "مايو" over "ماي"; words may be joined by
# any run of spaces.
_MONTH_ALT = "|".join(
    r"\s+".join(re.escape(part) for part in name.split())
    for name in sorted(_MONTH_NUMBER, key=len, reverse=True)
)
_MONTH = rf"(?<![\w])(?:{_MONTH_ALT})(?![\w])"
_PM = {_fold(m) for m in PM_MARKERS}
_AM = {_fold(m) for m in AM_MARKERS}
_MERIDIEM_ALT = "|".join(re.escape(m) for m in sorted(_PM | _AM, key=len, reverse=True))

_TIME = (
    rf"(?:\s*(?:[-–—,،|]|\s)\s*(?:الساعه\s*)?"
    rf"(?P<hour>\d{{1,2}}):(?P<minute>\d{{2}})(?::(?P<second>\d{{2}}))?"
    rf"(?:\s*(?P<meridiem>{_MERIDIEM_ALT})(?![\w]))?)?"
)
_ISO = re.compile(
    r"(?<!\d)(?P<year>\d{4})[-/](?P<month>\d{1,2})[-/](?P<day>\d{1,2})(?!\d)"
    r"(?:[t ](?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.\d+)?)?"
    r"\s*(?P<tz>z|[+-]\d{2}:?\d{2})?)?"
)
_DAY_MONTH_YEAR = re.compile(
    rf"(?<!\d)(?P<day>\d{{1,2}})\s*(?:من\s+)?(?:شهر\s+)?(?P<month>{_MONTH})"
    rf"(?:\s*[/\-(]\s*{_MONTH}\s*\)?)?\s*[,،]?\s*(?:(?:من\s+)?(?:عام|سنه)\s+)?(?P<year>\d{{4}})(?!\d)"
    + _TIME
)
_MONTH_DAY_YEAR = re.compile(
    rf"(?P<month>{_MONTH})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*(?P<year>\d{{4}})(?!\d)" + _TIME
)
_NUMERIC = re.compile(
    r"(?<![\d/.-])(?P<day>\d{1,2})[/.-](?P<month>\d{1,2})[/.-](?P<year>\d{4})(?![\d/.-])" + _TIME
)
_MONTH_YEAR = re.compile(rf"(?<!\d )(?<!\d)(?P<month>{_MONTH})(?:\s*[/\-(]\s*{_MONTH}\s*\)?)?\s*[,،]?\s*(?P<year>\d{{4}})(?!\d)")
_SPACES = re.compile(r"\s+")
_HAS_LETTER = re.compile(r"[^\W\d_]")


def parse_arabic_date(text: str | None) -> str | None:
    """The first date in ``text`` as ISO 8601 (``YYYY-MM-DD``, with ``THH:MM[:SS][tz]`` when a
    time is given, ``YYYY-MM`` for month–year alone), or ``None``."""
    found = _find_date(text)
    return found[0] if found else None


def date_line(line: str, *, max_other_words: int = DATELINE_MAX_OTHER_WORDS) -> str | None:
    """The ISO date when ``line`` is a dateline (a day-precise date plus at most a few words such
    as a weekday or "نشر في"), else ``None``. Used to lift a page's date line out of the body."""
    if len(line) > DATELINE_MAX_CHARS:
        return None
    found = _find_date(line)
    if found is None or len(found[0]) < 10:
        return None
    iso, folded, start, end = found
    rest = folded[:start] + " " + folded[end:]
    words = [w for w in rest.split() if _HAS_LETTER.search(w)]
    return iso if len(words) <= max_other_words else None


def _find_date(text: str | None) -> tuple[str, str, int, int] | None:
    if not text:
        return None
    folded = _SPACES.sub(" ", normalize_for_matching(text).lower()).strip()
    if not folded:
        return None
    for pattern in (_ISO, _DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _NUMERIC):
        for m in pattern.finditer(folded):
            iso = _from_match(m, numeric=pattern is _NUMERIC)
            if iso is not None:
                return iso, folded, m.start(), m.end()
    for m in _MONTH_YEAR.finditer(folded):
        year = int(m["year"])
        if _MIN_YEAR <= year <= _MAX_YEAR:
            return f"{year:04d}-{_month_number(m['month']):02d}", folded, m.start(), m.end()
    return None


def _month_number(word: str) -> int:
    return _MONTH_NUMBER[_SPACES.sub(" ", word)]


def _from_match(m: re.Match[str], *, numeric: bool) -> str | None:
    groups = m.groupdict()
    year, day = int(m["year"]), int(m["day"])
    month = int(m["month"]) if m["month"].isdigit() else _month_number(m["month"])
    if numeric and month > 12 >= day:  # 03/25/2024: the rare month-first form
        day, month = month, day
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        return None
    try:
        date(year, month, day)
    except ValueError:
        return None
    iso = f"{year:04d}-{month:02d}-{day:02d}"
    if not groups.get("hour"):
        return iso
    hour, minute = int(m["hour"]), int(m["minute"])
    meridiem = groups.get("meridiem")
    if meridiem:
        if hour > 12:
            return iso
        if meridiem in _PM and hour < 12:
            hour += 12
        elif meridiem in _AM and hour == 12:
            hour = 0
    if hour > 23 or minute > 59:
        return iso
    iso += f"T{hour:02d}:{minute:02d}"
    if groups.get("second"):
        second = int(m["second"])
        if second > 59:
            return iso
        iso += f":{second:02d}"
    tz = groups.get("tz")
    if tz:
        iso += "Z" if tz == "z" else (tz if ":" in tz else f"{tz[:3]}:{tz[3:]}")
    return iso

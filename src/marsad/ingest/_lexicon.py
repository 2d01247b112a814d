"""Word lists and line patterns the readers use, kept as data so they can be read and extended
without reading code. Month and weekday names are written as they appear; ``dates.py`` folds them
with ``normalize_for_matching`` (hamza/alef forms, ى/ي, ة/ه) before matching."""

from __future__ import annotations

# --- dates -----------------------------------------------------------------------------------

# Egyptian/Gulf (transliterated) and Levantine/Iraqi (Syriac) Gregorian month names, plus the
# Maghrebi (French) forms and common spelling variants. Two-word names come first so that
# "كانون الثاني" is not read as a bare "كانون".
MONTHS: dict[str, int] = {
    "كانون الثاني": 1, "شباط": 2, "آذار": 3, "نيسان": 4, "أيار": 5, "حزيران": 6,
    "تموز": 7, "آب": 8, "أيلول": 9, "تشرين الأول": 10, "تشرين الثاني": 11, "كانون الأول": 12,
    "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "إبريل": 4, "مايو": 5, "ماي": 5,
    "يونيو": 6, "يونية": 6, "يوليو": 7, "يولية": 7, "يوليوز": 7, "أغسطس": 8, "غشت": 8,
    "سبتمبر": 9, "شتنبر": 9, "أكتوبر": 10, "نوفمبر": 11, "نونبر": 11, "ديسمبر": 12, "دجنبر": 12,
    "جانفي": 1, "فيفري": 2, "أفريل": 4, "جوان": 6, "جويلية": 7, "أوت": 8,
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}

WEEKDAYS: tuple[str, ...] = (
    "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت",
)

# Words that mark the evening half of a 12-hour time ("10:30 م", "10:30 مساء").
PM_MARKERS: tuple[str, ...] = ("م", "مساء", "مساءً", "pm")
AM_MARKERS: tuple[str, ...] = ("ص", "صباحا", "صباحاً", "am")

# --- scraped text ----------------------------------------------------------------------------

# The label of a scraper footer ("<title> المصدر: <outlet>"), Arabic and English.
SOURCE_LABELS: tuple[str, ...] = ("المصدر", "مصدر الخبر", "المصدر الأصلي", "Source")

# Line markers that make a line a list item; the marker is stripped from the block text.
BULLET_MARKERS: tuple[str, ...] = ("-", "•", "*", "–", "—", "▪", "●", "◦", "·", "○", "■", "►")

# Whole lines that are scraper leftovers (share buttons, "read also" boxes, ad slots), matched
# against the line with its trailing punctuation removed. Regular expressions, case-insensitive.
BOILERPLATE_LINES: tuple[str, ...] = (
    r"اقرأ أيضا(?:ً)?(?:\s*[:：].{0,120})?",
    r"اقرا ايضا(?:ً)?(?:\s*[:：].{0,120})?",
    r"(?:إقرأ|اقرأ) المزيد",
    r"شارك(?:وا)? (?:هذا )?(?:المقال|الخبر|الموضوع)(?: على .{0,30})?",
    r"شارك(?:وا)? على (?:فيسبوك|فيس بوك|تويتر|واتساب|إكس|لينكدإن)",
    r"مشاركة(?: الخبر| المقال)?",
    r"طباعة(?: الخبر| المقال| الصفحة)?",
    r"(?:أرسل|ارسل) (?:لصديق|الخبر لصديق)",
    r"تابعونا على .{0,60}",
    r"تابعوا آخر الأخبار .{0,60}",
    r"اضغط هنا.{0,60}",
    r"إعلان",
    r"اعلان",
    r"مساحة إعلانية",
    r"الأكثر قراءة",
    r"مواضيع ذات صلة",
    r"أخبار ذات صلة",
    r"روابط ذات صلة",
    r"advertisement",
    r"sponsored",
    r"share(?: this)?(?: article| story)?(?: on \w+)?",
    r"print(?: this)?(?: article| page)?",
    r"tweet",
    r"email",
    r"read more",
    r"related(?: articles| stories)?",
    r"(?:facebook|twitter|whatsapp|telegram|linkedin)(?:\s*[|/·]\s*(?:facebook|twitter|whatsapp|telegram|linkedin|email|print))*",
    r"https?://\S+",
)

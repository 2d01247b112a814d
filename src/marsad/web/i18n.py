"""Interface strings in Arabic (the default) and English, and how a request picks one:
``?lang=en`` (remembered in a cookie) or the cookie alone. Article text is never translated."""

from __future__ import annotations

from collections.abc import Callable

from starlette.requests import Request

LANGUAGES = ("ar", "en")
DEFAULT_LANGUAGE = "ar"
COOKIE = "marsad_lang"
DIRECTION = {"ar": "rtl", "en": "ltr"}

STRINGS: dict[str, dict[str, str]] = {
    "ar": {
        "brand": "مرصد",
        "tagline": "رصد الأخبار العربية وقراءتها والبحث فيها",
        "nav.home": "الرئيسية",
        "nav.browse": "تصفّح",
        "nav.search": "بحث",
        "nav.api": "واجهة البرمجة",
        "switch.to": "English",
        "search.placeholder": "ابحث في الأخبار… مثل: أسعار النفط",
        "search.button": "بحث",
        "search.title": "البحث",
        "search.results": "النتائج {first}–{last} من {total}",
        "search.results_open": "النتائج {first}–{last}",
        "mode.label": "البحث في",
        "mode.lexical": "الكلمات",
        "mode.semantic": "المعنى",
        "mode.hybrid": "الكلمات والمعنى",
        "search.none": "لا توجد نتائج لـ «{query}».",
        "search.any": "لم تطابق كل الكلمات أي مقال، فهذه نتائج تطابق بعضها.",
        "search.prompt": "اكتب كلمة أو عبارة للبحث في المقالات المخزّنة.",
        "search.score": "الدرجة",
        "facets.title": "تضييق النتائج",
        "facets.sources": "المصادر",
        "facets.entities": "الكيانات",
        "facets.dates": "الفترة",
        "facets.from": "من",
        "facets.to": "إلى",
        "facets.apply": "تطبيق",
        "facets.clear": "مسح المرشحات",
        "facets.timeline": "النتائج حسب اليوم",
        "source.missing": "المصدر غير معروف",
        "article.source": "المصدر",
        "article.published": "تاريخ النشر",
        "article.author": "الكاتب",
        "article.url": "الرابط الأصلي",
        "article.language": "اللغة",
        "article.id": "المعرّف",
        "article.origin": "أصل الملف",
        "article.ingested": "تاريخ الإدخال",
        "article.json": "عرض JSON",
        "article.back": "العودة إلى النتائج",
        "article.details": "بيانات المقال",
        "date.unknown": "بلا تاريخ",
        "home.title": "نظرة عامة",
        "home.articles": "مقالات",
        "home.sources": "مصادر",
        "home.distinct": "نصوص مختلفة",
        "home.range": "الفترة المغطاة",
        "home.by_source": "المقالات حسب المصدر",
        "home.by_day": "المقالات حسب اليوم",
        "home.latest": "أحدث المقالات",
        "home.empty": "قاعدة البيانات فارغة. أضف مقالات بالأمر: marsad ingest ملفات/",
        "browse.title": "تصفّح المقالات",
        "browse.count": "عدد المقالات: {total}",
        "page.prev": "السابق",
        "page.next": "التالي",
        "error.title": "خطأ",
        "error.home": "العودة إلى الرئيسية",
        "chart.articles": "مقالات",
        "footer": "مرصد · بيانات محلية، لا شيء يُحمَّل من خارج الخادم",
        "nav.stories": "القصص",
        "nav.entities": "الكيانات",
        "nav.events": "الأحداث",
        "stories.title": "القصص",
        "stories.lead": "الخبر الواحد كما نقلته مصادر مختلفة: نسخ مطابقة، ونسخ معدّلة، وإعادات صياغة.",
        "stories.order": "الترتيب",
        "stories.order.size": "الأكبر",
        "stories.order.latest": "الأحدث",
        "stories.singles.show": "إظهار القصص ذات المقال الواحد",
        "stories.singles.hide": "إخفاء القصص ذات المقال الواحد",
        "stories.empty": "لا توجد قصص بعد. تُجمَّع القصص عند إدخال المقالات، أو بالأمر: marsad stories --update",
        "stories.first": "أول من نشر",
        "stories.more_outlets": "و{n} غيرها",
        "story.back": "كل القصص",
        "story.timeline": "انتشار القصة عبر المصادر",
        "story.members": "المقالات وفروقها",
        "story.legend": "مفتاح الرسم",
        "story.legend.edge_copy": "نقل عن",
        "story.legend.edge_rewrite": "أعاد صياغة",
        "story.derived.copy": "نقلًا عن",
        "story.derived.rewrite": "أعاد صياغة خبر",
        "story.shared": "{pct}٪ من نصه مشترك",
        "story.origin_note": "أول مقال نُشر في هذه القصة؛ يقارَن كل مقال آخر بالمقال الذي نُقل عنه.",
        "story.others_lane": "مصادر أخرى",
        "relation.origin": "المصدر الأصلي",
        "relation.exact": "نسخة مطابقة",
        "relation.near": "نسخة شبه مطابقة",
        "relation.rewrite": "إعادة صياغة",
        "diff.title": "الفرق عن المقال الذي نُقل عنه",
        "diff.kept": "دون تغيير",
        "diff.added": "أضيف",
        "diff.removed": "حُذف",
        "diff.reworded": "أعيدت صياغته",
        "diff.before": "قبل",
        "diff.after": "بعد",
        "diff.identical": "النص مطابق للمقال الذي نُقل عنه.",
        "article.story": "هذا الخبر جزء من قصة",
        "article.story_link": "عرض القصة",
        "article.story_origin": "وهذه المقالة أول من نشرها.",
    },
    "en": {
        "brand": "Marsad",
        "tagline": "Watch, read and search Arabic news",
        "nav.home": "Home",
        "nav.browse": "Browse",
        "nav.search": "Search",
        "nav.api": "API",
        "switch.to": "العربية",
        "search.placeholder": "Search the news… e.g. أسعار النفط",
        "search.button": "Search",
        "search.title": "Search",
        "search.results": "Results {first}–{last} of {total}",
        "search.results_open": "Results {first}–{last}",
        "mode.label": "Match",
        "mode.lexical": "Words",
        "mode.semantic": "Meaning",
        "mode.hybrid": "Words and meaning",
        "search.none": "No results for “{query}”.",
        "search.any": "No article matched every word, so these match some of them.",
        "search.prompt": "Type a word or phrase to search the stored articles.",
        "search.score": "score",
        "facets.title": "Narrow down",
        "facets.sources": "Outlets",
        "facets.entities": "Entities",
        "facets.dates": "Dates",
        "facets.from": "From",
        "facets.to": "To",
        "facets.apply": "Apply",
        "facets.clear": "Clear filters",
        "facets.timeline": "Hits per day",
        "source.missing": "Source unknown",
        "article.source": "Outlet",
        "article.published": "Published",
        "article.author": "Author",
        "article.url": "Original link",
        "article.language": "Language",
        "article.id": "ID",
        "article.origin": "Read from",
        "article.ingested": "Ingested",
        "article.json": "View JSON",
        "article.back": "Back to results",
        "article.details": "Article details",
        "date.unknown": "undated",
        "home.title": "Overview",
        "home.articles": "articles",
        "home.sources": "outlets",
        "home.distinct": "distinct texts",
        "home.range": "Period covered",
        "home.by_source": "Articles per outlet",
        "home.by_day": "Articles per day",
        "home.latest": "Latest articles",
        "home.empty": "The database is empty. Add articles with: marsad ingest files/",
        "browse.title": "Browse articles",
        "browse.count": "{total} articles",
        "page.prev": "Previous",
        "page.next": "Next",
        "error.title": "Error",
        "error.home": "Back to the home page",
        "chart.articles": "articles",
        "footer": "Marsad · local data, nothing loaded from outside this server",
        "nav.stories": "Stories",
        "nav.entities": "Entities",
        "nav.events": "Events",
        "stories.title": "Stories",
        "stories.lead": "One piece of news as different outlets carried it: exact copies, edited copies and rewrites.",
        "stories.order": "Order",
        "stories.order.size": "Largest",
        "stories.order.latest": "Latest",
        "stories.singles.show": "Show single-article stories",
        "stories.singles.hide": "Hide single-article stories",
        "stories.empty": "No stories yet. Stories are built when articles are ingested, or with: marsad stories --update",
        "stories.first": "First published by",
        "stories.more_outlets": "and {n} more",
        "story.back": "All stories",
        "story.timeline": "How the story spread across outlets",
        "story.members": "Articles and their differences",
        "story.legend": "Legend",
        "story.legend.edge_copy": "copied from",
        "story.legend.edge_rewrite": "rewrote",
        "story.derived.copy": "copy of",
        "story.derived.rewrite": "rewrite of",
        "story.shared": "{pct}% of its text shared",
        "story.origin_note": "The first article published in this story; every other article is compared with the one it derives from.",
        "story.others_lane": "other outlets",
        "relation.origin": "Origin",
        "relation.exact": "Exact copy",
        "relation.near": "Near copy",
        "relation.rewrite": "Rewrite",
        "diff.title": "Differences from the article it derives from",
        "diff.kept": "unchanged",
        "diff.added": "added",
        "diff.removed": "removed",
        "diff.reworded": "reworded",
        "diff.before": "before",
        "diff.after": "after",
        "diff.identical": "Same text as the article it derives from.",
        "article.story": "This article is part of a story",
        "article.story_link": "View the story",
        "article.story_origin": "and it is the first report of it.",
    },
}

# Phrases with a count, by plural category (``plural_category``): Arabic needs six forms
# (zero, one, two, few, many, other), English two; a missing form falls back to ``other``.
COUNTS: dict[str, dict[str, dict[str, str]]] = {
    "ar": {
        "articles": {
            "zero": "لا مقالات",
            "one": "مقال واحد",
            "two": "مقالان",
            "few": "{n} مقالات",
            "many": "{n} مقالًا",
            "other": "{n} مقال",
        },
        "outlets": {
            "zero": "لا مصادر",
            "one": "مصدر واحد",
            "two": "مصدران",
            "few": "{n} مصادر",
            "many": "{n} مصدرًا",
            "other": "{n} مصدر",
        },
        "kept": {
            "one": "جملة واحدة دون تغيير",
            "two": "جملتان دون تغيير",
            "few": "{n} جمل دون تغيير",
            "many": "{n} جملة دون تغيير",
            "other": "{n} جملة دون تغيير",
        },
        "other_outlets": {
            "one": "نقل مصدر آخر هذه القصة",
            "two": "نقل مصدران آخران هذه القصة",
            "few": "نقلت {n} مصادر أخرى هذه القصة",
            "many": "نقل {n} مصدرًا آخر هذه القصة",
            "other": "نقل {n} مصدر آخر هذه القصة",
        },
        "other_articles": {
            "one": "في القصة مقال آخر",
            "two": "في القصة مقالان آخران",
            "few": "في القصة {n} مقالات أخرى",
            "many": "في القصة {n} مقالًا آخر",
            "other": "في القصة {n} مقال آخر",
        },
    },
    "en": {
        "articles": {
            "one": "1 article",
            "other": "{n} articles",
        },
        "outlets": {
            "one": "1 outlet",
            "other": "{n} outlets",
        },
        "kept": {
            "one": "1 unchanged sentence",
            "other": "{n} unchanged sentences",
        },
        "other_outlets": {
            "one": "1 other outlet carried this story",
            "other": "{n} other outlets carried this story",
        },
        "other_articles": {
            "one": "1 other article in this story",
            "other": "{n} other articles in this story",
        },
    },
}

# Gregorian month names as Egyptian and Gulf papers print them.
MONTHS = {
    "ar": ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
           "أكتوبر", "نوفمبر", "ديسمبر"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}

LANGUAGE_NAMES = {
    "ar": {"ar": "العربية", "en": "الإنجليزية", "fr": "الفرنسية"},
    "en": {"ar": "Arabic", "en": "English", "fr": "French"},
}


def request_language(request: Request) -> tuple[str, bool]:
    """The interface language and whether it was chosen now (so the cookie should be set)."""
    asked = request.query_params.get("lang")
    if asked in LANGUAGES:
        return asked, True
    cookie = request.cookies.get(COOKIE)
    return (cookie if cookie in LANGUAGES else DEFAULT_LANGUAGE), False


def translator(lang: str) -> Callable[..., str]:
    table = STRINGS[lang]
    fallback = STRINGS[DEFAULT_LANGUAGE]

    def t(key: str, **values: object) -> str:
        text = table.get(key) or fallback.get(key) or key
        return text.format(**values) if values else text

    return t


def plural_category(n: int, lang: str) -> str:
    """The CLDR plural category of ``n``: Arabic has zero, one, two, few (3–10), many (11–99)
    and other; English one and other."""
    if lang != "ar":
        return "one" if n == 1 else "other"
    if n in (0, 1, 2):
        return ("zero", "one", "two")[n]
    rest = n % 100
    if 3 <= rest <= 10:
        return "few"
    return "many" if 11 <= rest <= 99 else "other"


def count_phrase(key: str, n: int, lang: str) -> str:
    """``COUNTS[lang][key]`` in ``n``'s plural category with ``{n}`` filled in:
    ``count_phrase("articles", 3, "ar")`` → ``3 مقالات``."""
    forms = COUNTS[lang].get(key) or COUNTS[DEFAULT_LANGUAGE][key]
    text = forms.get(plural_category(n, lang)) or forms["other"]
    return text.format(n=f"{n:,}")


def format_date(iso: str | None, lang: str) -> str:
    """``2015-07-21T10:05`` → ``21 يوليو 2015، 10:05``; anything unparsable is shown as is."""
    if not iso:
        return ""
    head = iso[:10]
    parts = head.split("-")
    if len(parts) < 2 or not all(p.isdigit() for p in parts):
        return iso
    year, month = int(parts[0]), int(parts[1])
    if not 1 <= month <= 12:
        return iso
    name = MONTHS[lang][month - 1]
    text = f"{name} {year}" if len(parts) == 2 else f"{int(parts[2])} {name} {year}"
    if len(iso) >= 16 and iso[10] in "T ":
        text += ("، " if lang == "ar" else ", ") + iso[11:16]
    return text


def language_name(code: str | None, lang: str) -> str:
    if not code:
        return "—"
    return LANGUAGE_NAMES[lang].get(code, code)

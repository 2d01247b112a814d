"""Interface strings of the entity, event and article-annotation views, Arabic and English; any
key not here falls back to the dashboard's own table (``marsad.web.i18n``)."""

from __future__ import annotations

from collections.abc import Callable

from marsad.web import i18n

ENTITY_TYPE_KEYS = ("PERS", "ORG", "LOC", "MISC")

STRINGS: dict[str, dict[str, str]] = {
    "ar": {
        "entities.title": "الكيانات",
        "entities.lead": "الأشخاص والمنظمات والأماكن الأكثر ذكرا في الأخبار المخزّنة، مهما اختلفت كتابة أسمائها.",
        "entities.tabs": "النوع",
        "entities.all": "الكل",
        "entities.empty": "لا كيانات بعد. أدخل مقالات بالأمر marsad ingest.",
        "entities.name": "الاسم",
        "entities.type": "النوع",
        "entities.articles": "المقالات",
        "entities.mentions": "الإشارات",
        "entities.aliases": "أسماء أخرى",
        "type.PERS": "أشخاص",
        "type.ORG": "منظمات",
        "type.LOC": "أماكن",
        "type.MISC": "أخرى",
        "type1.PERS": "شخص",
        "type1.ORG": "منظمة",
        "type1.LOC": "مكان",
        "type1.MISC": "غير ذلك",
        "entity.id": "المعرّف",
        "entity.aliases": "الأسماء الأخرى",
        "entity.roles": "الصفات",
        "entity.surface": "كيف كُتب في النصوص",
        "entity.timeline": "الإشارات حسب اليوم",
        "entity.network": "يُذكر معه",
        "entity.network_lead": "الكيانات التي ذُكرت معه في المقالات نفسها؛ سُمك الخط بعدد المقالات المشتركة.",
        "entity.network_none": "لم يُذكر معه كيان آخر بعد.",
        "entity.with": "مع {name}: {n}",
        "entity.recent": "أحدث المقالات",
        "entity.events": "أحداث فاعلها {name}",
        "entity.events_all": "كل أحداثه",
        "entity.json": "عرض JSON",
        "events.title": "الأحداث",
        "events.lead": "من فعل ماذا بمن: الفاعل ← الحدث ← المفعول به، مع الجملة التي استُخرج منها.",
        "events.type": "نوع الحدث",
        "events.any_type": "كل الأنواع",
        "events.actor": "الفاعل",
        "events.recipient": "المفعول به",
        "events.actor_placeholder": "اسم أو معرّف، مثل: روسيا",
        "events.filter": "تصفية",
        "events.clear": "مسح المرشحات",
        "events.empty": "لا أحداث تطابق هذه المرشحات.",
        "events.actor_is": "الفاعل: {name}",
        "events.unknown": "غير محدد",
        "events.sentence": "الجملة",
        "events.article": "المقال",
        "events.time": "التاريخ",
        "flag.negated": "منفي",
        "flag.speculative": "محتمل",
        "flag.negated_title": "ورد الحدث منفيا (لم، لن، نفى …)",
        "flag.speculative_title": "ورد الحدث احتمالا (قد، من المتوقع، ربما …)",
        "ann.view": "قراءة تحليلية",
        "ann.view_lead": "النص مع الكيانات المرتبطة وأدلة إشارات المصداقية، ثم الاقتباسات والأحداث والنبرة.",
        "ann.back": "العودة إلى المقال",
        "ann.legend": "الألوان",
        "ann.show_entities": "الكيانات",
        "ann.show_evidence": "أدلة الإشارات",
        "ann.entities": "الكيانات في المقال",
        "ann.entities_none": "لم يُتعرّف على كيانات في هذا المقال.",
        "ann.quotes": "الاقتباسات",
        "ann.quotes_none": "لا اقتباسات.",
        "ann.speaker": "القائل",
        "ann.speaker_unknown": "قائل غير محدد",
        "ann.direct": "مباشر",
        "ann.reported": "منقول",
        "ann.anonymous": "مصدر مجهول",
        "ann.cue": "بلفظ «{cue}»",
        "ann.events": "الأحداث",
        "ann.events_none": "لا أحداث.",
        "ann.tone": "النبرة",
        "ann.tone_score": "درجة النبرة",
        "ann.tone_scale": "من −1 (سلبية) إلى +1 (إيجابية)",
        "ann.tone_negative": "كلمات سلبية",
        "ann.tone_positive": "كلمات إيجابية",
        "ann.tone_none": "لا كلمات ذات نبرة.",
        "ann.tone.neg": "سلبية",
        "ann.tone.pos": "إيجابية",
        "ann.tone.neutral": "محايدة",
        "ann.tone_negated": "منفية",
        "ann.tone_intensified": "مشدَّدة",
        "ann.signals": "إشارات المصداقية",
        "ann.signals_none": "لا إشارات تستدعي الانتباه.",
        "ann.evidence_title": "في العنوان",
        "ann.evidence_source": "حقل المصدر فارغ",
        "ann.evidence_go": "انتقل إلى موضعه في النص",
        "ann.in_text": "في النص",
        "ann.not_analyzed": "لم يُحلَّل هذا المقال بعد (marsad reindex).",
    },
    "en": {
        "entities.title": "Entities",
        "entities.lead": "The people, organisations and places the stored news mentions most, whatever the spelling.",
        "entities.tabs": "Type",
        "entities.all": "All",
        "entities.empty": "No entities yet. Add articles with marsad ingest.",
        "entities.name": "Name",
        "entities.type": "Type",
        "entities.articles": "Articles",
        "entities.mentions": "Mentions",
        "entities.aliases": "Other names",
        "type.PERS": "People",
        "type.ORG": "Organisations",
        "type.LOC": "Places",
        "type.MISC": "Other",
        "type1.PERS": "Person",
        "type1.ORG": "Organisation",
        "type1.LOC": "Place",
        "type1.MISC": "Other",
        "entity.id": "Id",
        "entity.aliases": "Other names",
        "entity.roles": "Roles",
        "entity.surface": "As written in the texts",
        "entity.timeline": "Mentions per day",
        "entity.network": "Mentioned with",
        "entity.network_lead": "Entities mentioned in the same articles; line width is the number of shared articles.",
        "entity.network_none": "No other entity mentioned with it yet.",
        "entity.with": "with {name}: {n}",
        "entity.recent": "Latest articles",
        "entity.events": "Events with {name} as actor",
        "entity.events_all": "All its events",
        "entity.json": "View JSON",
        "events.title": "Events",
        "events.lead": "Who did what to whom: actor → event → recipient, with the sentence it was read from.",
        "events.type": "Event type",
        "events.any_type": "All types",
        "events.actor": "Actor",
        "events.recipient": "Recipient",
        "events.actor_placeholder": "Name or id, e.g. روسيا or Q159",
        "events.filter": "Filter",
        "events.clear": "Clear filters",
        "events.empty": "No events match these filters.",
        "events.actor_is": "Actor: {name}",
        "events.unknown": "unknown",
        "events.sentence": "Sentence",
        "events.article": "Article",
        "events.time": "Date",
        "flag.negated": "negated",
        "flag.speculative": "speculative",
        "flag.negated_title": "Reported as not happening (لم، لن، نفى …)",
        "flag.speculative_title": "Reported as possible (قد، من المتوقع، ربما …)",
        "ann.view": "Annotated reading",
        "ann.view_lead": "The text with linked entities and the evidence of credibility signals, then quotes, events and tone.",
        "ann.back": "Back to the article",
        "ann.legend": "Key",
        "ann.show_entities": "Entities",
        "ann.show_evidence": "Signal evidence",
        "ann.entities": "Entities in this article",
        "ann.entities_none": "No entities recognised in this article.",
        "ann.quotes": "Quotes",
        "ann.quotes_none": "No quotes.",
        "ann.speaker": "Speaker",
        "ann.speaker_unknown": "Unnamed speaker",
        "ann.direct": "direct",
        "ann.reported": "reported",
        "ann.anonymous": "anonymous source",
        "ann.cue": "cue «{cue}»",
        "ann.events": "Events",
        "ann.events_none": "No events.",
        "ann.tone": "Tone",
        "ann.tone_score": "Tone score",
        "ann.tone_scale": "from −1 (negative) to +1 (positive)",
        "ann.tone_negative": "Negative words",
        "ann.tone_positive": "Positive words",
        "ann.tone_none": "No words with a tone.",
        "ann.tone.neg": "negative",
        "ann.tone.pos": "positive",
        "ann.tone.neutral": "neutral",
        "ann.tone_negated": "negated",
        "ann.tone_intensified": "intensified",
        "ann.signals": "Credibility signals",
        "ann.signals_none": "No signals worth a look.",
        "ann.evidence_title": "In the title",
        "ann.evidence_source": "The source field is empty",
        "ann.evidence_go": "Go to it in the text",
        "ann.in_text": "in the text",
        "ann.not_analyzed": "This article has not been analysed yet (marsad reindex).",
    },
}

# PLOVER event types by name, both languages.
EVENT_TYPE_NAMES: dict[str, dict[str, str]] = {
    "ar": {
        "AGREE": "اتفاق", "CONSULT": "تشاور", "SUPPORT": "تأييد", "CONCEDE": "تنازل", "COOPERATE": "تعاون",
        "AID": "مساعدة", "RETREAT": "انسحاب", "REQUEST": "طلب", "ACCUSE": "اتهام", "REJECT": "رفض",
        "THREATEN": "تهديد", "PROTEST": "احتجاج", "SANCTION": "عقوبات", "MOBILIZE": "تعبئة",
        "COERCE": "إكراه", "ASSAULT": "اعتداء",
    },
    "en": {
        "AGREE": "Agree", "CONSULT": "Consult", "SUPPORT": "Support", "CONCEDE": "Concede",
        "COOPERATE": "Cooperate", "AID": "Aid", "RETREAT": "Retreat", "REQUEST": "Request", "ACCUSE": "Accuse",
        "REJECT": "Reject", "THREATEN": "Threaten", "PROTEST": "Protest", "SANCTION": "Sanction",
        "MOBILIZE": "Mobilize", "COERCE": "Coerce", "ASSAULT": "Assault",
    },
}

# What kind of place or body an entity is (``Entity.kind``); an unlisted kind is shown as stored.
KIND_NAMES: dict[str, dict[str, str]] = {
    "ar": {"country": "دولة", "city": "مدينة", "region": "منطقة", "water": "مسطح مائي", "place": "مكان",
           "government": "حكومة", "organisation": "منظمة", "person": "شخص"},
    "en": {"country": "country", "city": "city", "region": "region", "water": "body of water", "place": "place",
           "government": "government", "organisation": "organisation", "person": "person"},
}

# Phrases with a count by plural category: Arabic has six (zero, one, two, few 3–10, many
# 11–99, other), English two; a missing category falls back to "other".
COUNTS: dict[str, dict[str, dict[str, str]]] = {
    "ar": {
        "mentions": {"zero": "لا إشارات", "one": "إشارة واحدة", "two": "إشارتان", "few": "{n} إشارات",
                     "many": "{n} إشارة", "other": "{n} إشارة"},
        "articles": {"zero": "لا مقالات", "one": "مقال واحد", "two": "مقالان", "few": "{n} مقالات",
                     "many": "{n} مقالًا", "other": "{n} مقال"},
        "events": {"zero": "لا أحداث", "one": "حدث واحد", "two": "حدثان", "few": "{n} أحداث",
                   "many": "{n} حدثًا", "other": "{n} حدث"},
    },
    "en": {
        "mentions": {"one": "1 mention", "other": "{n} mentions"},
        "articles": {"one": "1 article", "other": "{n} articles"},
        "events": {"one": "1 event", "other": "{n} events"},
    },
}


def plural_category(n: int, lang: str) -> str:
    """CLDR plural category of ``n`` in ``lang`` (Arabic: zero, one, two, few, many, other)."""
    if lang != "ar":
        return "one" if n == 1 else "other"
    if n in (0, 1, 2):
        return ("zero", "one", "two")[n]
    rest = n % 100
    if 3 <= rest <= 10:
        return "few"
    return "many" if 11 <= rest <= 99 else "other"


def count_phrase(key: str, n: int, lang: str) -> str:
    forms = COUNTS[lang if lang in COUNTS else "ar"][key]
    return (forms.get(plural_category(n, lang)) or forms["other"]).format(n=f"{n:,}")


def translator(lang: str) -> Callable[..., str]:
    """``t(key, **values)`` over these strings, then the dashboard's."""
    table = STRINGS.get(lang, STRINGS["ar"])
    fallback = i18n.translator(lang)

    def t(key: str, **values: object) -> str:
        text = table.get(key)
        if text is None:
            return fallback(key, **values)
        return text.format(**values) if values else text

    return t


def event_type_name(code: str | None, lang: str) -> str:
    if not code:
        return ""
    return EVENT_TYPE_NAMES.get(lang, EVENT_TYPE_NAMES["ar"]).get(code, code)


def kind_name(kind: str | None, lang: str) -> str:
    if not kind:
        return ""
    return KIND_NAMES.get(lang, KIND_NAMES["ar"]).get(kind, kind)

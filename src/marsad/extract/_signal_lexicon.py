"""Word lists for quotes and credibility signals: speech verbs, anonymous-source cues, hedges,
template headings.

Written in ordinary spelling and normalized once at import by the modules that use them.
Verb and noun patterns follow the syntax described in ``_event_lexicon.py`` (``قال/يقول`` for a
verb with its inflections, ``مصدر*`` for a noun with its endings, ``a|b`` alternatives, spaces
between the words of a phrase).
"""

from __future__ import annotations

# --- reported speech ---------------------------------------------------------------------------
SPEECH_VERBS: tuple[str, ...] = (
    "قال/يقول", "أكد/يؤكد", "أضاف/يضيف", "صرح/يصرح", "أوضح/يوضح", "أشار/يشير", "ذكر/يذكر",
    "أعلن/يعلن", "كشف/يكشف", "شدد/يشدد", "لفت/يلفت", "اعتبر/يعتبر", "رأى/يرى", "أفاد/يفيد",
    # يبلغ is also "amounts to" and يدعى "is called": past tense only for those two
    "أبلغ/", "زعم/يزعم", "ادعى/", "حذر/يحذر", "تابع/يتابع", "نفى/ينفي", "أقر/يقر",
    "اعترف/يعترف", "نقل/ينقل", "أورد/يورد", "رجح/يرجح", "توقع/يتوقع", "أعرب/يعرب", "أبدى/يبدي",
    "اعتقد/يعتقد",
    "استطرد/يستطرد", "ختم/يختم", "أردف/يردف", "نوه/ينوه", "كتب/يكتب", "غرد/يغرد",
    # participles that continue a statement: وقال …، مضيفا أن …
    "مضيفا|مؤكدا|موضحا|مشيرا|لافتا|مشددا|معتبرا|قائلا|محذرا|منوها|معربا|متابعا|مضيفة|مؤكدة",
)
# The complement that opens the reported content: أن/إن and their forms with pronouns, or ":".
COMPLEMENTIZERS: tuple[str, ...] = (
    "أن", "إن", "أنه", "إنه", "أنها", "إنها", "أنهم", "إنهم", "أنهما", "إنهما", "أننا", "إننا",
    "أني", "إني", "بأن", "بأنه", "بأنها", "بأنهم", "بأنهما",
)
COMPLEMENT_WINDOW = 15  # words between the speech verb and أن/إن/:
# "بحسب مصادر …، فإن"، "وفقا لمسؤول"، "نقلا عن": attribution without a speech verb.
ATTRIBUTION_MARKERS: tuple[str, ...] = ("بحسب", "حسب", "وفق", "وفقا", "طبقا", "نقلا")
ATTRIBUTION_SPEAKER_WORDS = 8
# بحسب/وفق are also "according to (a plan, a location)": an attribution needs a source after
# them — a name, an unnamed source (مصادر …) or one of these.
SOURCE_NOUNS: tuple[str, ...] = (
    "وكالة", "وكالات", "صحيفة", "صحف", "موقع", "قناة", "تلفزيون", "إذاعة", "بيان", "تقرير",
    "تقارير", "مسؤول", "مسؤولين", "مسؤولون", "المتحدث", "متحدث", "الناطق", "وزارة", "وزير",
    "مصدر", "مصادر", "شهود", "مراسل", "بيانات", "إحصاءات", "وسائل", "مكتب", "هيئة", "مركز",
    "منظمة", "الأمم", "البيت", "الجيش", "الشرطة", "السلطات", "الحكومة", "الرئاسة", "الخارجية",
)
# Verbs of opinion: in the present tense (تعتبر موسكو أن، يرى الخبراء أن) they describe a standing
# view, often the writer's paraphrase, and count as a quote only when a person or an unnamed
# source holds it (يرى محللون أن). In the past tense (اعتبرت الوزارة أن) they report a statement.
OPINION_VERBS: tuple[str, ...] = (
    "اعتبر/يعتبر", "رأى/يرى", "توقع/يتوقع", "رجح/يرجح", "اعتقد/يعتقد",
)
# A speaker phrase opening with a demonstrative is a thing, not a speaker (يؤكد هذا القرار أن …).
NOT_SPEAKERS: tuple[str, ...] = (
    "هذا", "هذه", "ذلك", "تلك", "هذان", "هاتان", "هؤلاء", "الأمر", "الحدث", "الواقع", "ما",
    "مما",
)
# Where the speaker phrase stops: the setting of the statement, not the speaker.
SPEAKER_STOP: tuple[str, ...] = (
    "في", "خلال", "لدى", "أمام", "عبر", "أمس", "اليوم", "يوم", "صباح", "مساء", "الليلة",
    "السبت", "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "لوكالة", "لصحيفة",
    "لقناة", "لموقع", "لتلفزيون", "للصحفيين", "للصحافيين", "للتلفزيون", "لرويترز", "للصحافة",
    "بعد", "قبل", "عقب", "إثر", "ردا", "تعليقا", "حول", "بشأن", "على", "إلى", "من", "أيضا",
    "كذلك", "قوله", "قولها", "قولهم",
)
SPEAKER_MAX_WORDS = 12
# Prepositions right after the verb belong to it, not to the speaker (أشار إلى أن، شدد على أن).
SPEAKER_LEADING_SKIP: tuple[str, ...] = ("على", "إلى", "عن", "ب", "النظر", "الانتباه")
# A verb followed by a preposition with a pronoun is inside a relative clause (المعترف به،
# ما أعلنت عنه الوزارة): no statement is reported there.
PREPOSITION_PRONOUNS: tuple[str, ...] = (
    "به", "بها", "بهم", "عنه", "عنها", "عنهم", "له", "لها", "لهم", "منه", "منها", "فيه", "فيها",
    "إليه", "إليها", "عليه", "عليها",
)
# بحسب ما ذكرته …، وفقا لما أعلنته …: the attribution names the source after these.
ATTRIBUTION_FILLERS: tuple[str, ...] = ("ما", "لما")
# نقل عن: the speaker follows عن (نقلت الوكالة عن مصدر قوله إن …).
RELAY_VERBS: tuple[str, ...] = ("نقل/ينقل",)
RELAY_MARKER = "عن"
# A verb with no subject words after it (وأضاف أن …) continues the previous speaker.
CONTINUATION_VERBS: tuple[str, ...] = (
    "أضاف/يضيف", "تابع/يتابع", "أوضح/يوضح", "استطرد/يستطرد", "أردف/يردف", "ختم/يختم",
    "أشار/يشير", "شدد/يشدد", "أكد/يؤكد", "لفت/يلفت",
)
# Participles (وقال …، مضيفا أن …) never have a subject of their own: the words after them are
# their object, and the speaker is the one of the statement they continue.
PARTICIPLE_CUES: tuple[str, ...] = (
    "مضيفا|مؤكدا|موضحا|مشيرا|لافتا|مشددا|معتبرا|قائلا|محذرا|منوها|معربا|متابعا|مضيفة|مؤكدة",
)
# Direct quotes shorter than this are scare quotes or titles («الحرب الباردة»، «ديلي ميل») unless
# a colon or أن/إن opens them right after a speech verb, or a speech verb follows them.
MIN_UNCUED_QUOTE_WORDS = 6
MAX_QUOTE_CHARS = 1500

# --- anonymous sources -------------------------------------------------------------------------
# Phrases that say a source is not named (matched anywhere in the speaker phrase).
ANONYMOUS_PHRASES: tuple[str, ...] = (
    "رفض/يرفض … كشف|ذكر|إفصاح|الكشف|الإفصاح",
    "طلب/يطلب … عدم",
    "فضل/يفضل … عدم",
    "شريطة|شرط … عدم",
    "عدم … كشف|ذكر|الكشف|الإفصاح",
    "لم … يكشف|تكشف|يذكر|تذكر",
    "مطلع*|مطلعون|مطلعين|مقرب*|مقربون|مقربين",
    "رفيع* المستوى",
)
# Heads of a speaker phrase that name nobody when they are indefinite (no ال): مسؤول أمريكي،
# مصادر دبلوماسية، محللون. With ال (المصدر، المصادر) they point back to such a source.
ANONYMOUS_HEADS: tuple[str, ...] = (
    "مصدر", "مصادر", "مسؤول", "مسؤولة", "مسؤولون", "مسؤولين", "دبلوماسي", "دبلوماسيون",
    "دبلوماسيين", "ضابط", "موظف", "مراقبون", "مراقبين", "محللون", "محللين", "خبراء", "تقارير",
    "شهود", "أوساط", "دوائر", "جهات", "مقربون", "مقربين", "متابعون", "ناشطون", "ناشطين",
    "أحد", "إحدى",  # أحد قادة الاحتجاجات، أحد المسؤولين: one of a group, unnamed
)
ANAPHORIC_ANONYMOUS: tuple[str, ...] = ("المصدر", "المصادر")

# --- hedging and speculation (credibility) -----------------------------------------------------
HEDGE_CUES: tuple[str, ...] = (
    "ربما", "لعل", "يحتمل", "محتمل*", "احتمال*", "مرجح*", "يرجح", "ترجح", "يتوقع", "تتوقع",
    "متوقع*", "توقعات", "إمكانية", "يبدو", "يعتقد", "يُعتقد", "يقال", "يشاع", "يعتبر", "يُعتبر",
    "قد يكون|تكون",
    "من … المتوقع|المرجح|المحتمل|الممكن",
    "غير المستبعد",
    "على ما يبدو",
    "ينظر … إليه|إليها",
    "تشير … التقديرات|التكهنات",
    "تكهنات", "شائعات", "مخاوف",
)
# "قد" before a present verb (قد يحتوي، قد تتشدد) is counted too; see marsad.extract.signals.
# Signal when both hold: at least HEDGE_MIN_COUNT cues and HEDGE_PER_100_WORDS cues per 100 words.
# The rate was set from 1,000 SaudiNewsNet articles (/work/shared/data/news): see docs/events.md.
HEDGE_MIN_COUNT = 3
HEDGE_PER_100_WORDS = 1.0

# --- checkable details -------------------------------------------------------------------------
# Vague references to time and quantity: shown as evidence when no date or figure is given.
VAGUE_DETAILS: tuple[str, ...] = (
    "مؤخرا", "الأخير", "الأخيرة", "حاليا", "قريبا", "عدة", "بعض", "العديد",
    "الآونة … الأخيرة", "وقت … سابق|لاحق", "هذا … التوقيت|الوقت", "المدى … القريب|البعيد",
    "المرحلة … المقبلة",
)
WEEKDAYS: tuple[str, ...] = (
    "السبت", "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة",
)
RELATIVE_DAYS: tuple[str, ...] = ("أمس", "اليوم", "غدا", "الليلة", "البارحة")

# --- template structure ------------------------------------------------------------------------
# Generic section headings of machine-written or padded articles. A heading matches when its
# normalized text starts with one of these (or is a question opening with QUESTION_OPENERS).
TEMPLATE_HEADINGS: tuple[str, ...] = (
    "السياق العام", "السياق", "التداعيات المتوقعة", "التداعيات", "في النهاية", "على الصعيد الدولي",
    "الخلاصة", "خلاصة القول", "في الختام", "ختاما", "نظرة عامة", "خلفية", "الخلفية",
    "ردود الفعل", "الموقف الدولي", "الأبعاد", "السيناريوهات المحتملة", "الآفاق المستقبلية",
    "ماذا بعد", "ما الذي يعنيه", "التحديات", "أهمية", "قراءة في", "ما وراء", "الأسباب والدوافع",
    "التأثيرات المحتملة", "آفاق", "مستقبل", "الدروس المستفادة",
)
QUESTION_OPENERS: tuple[str, ...] = ("لماذا", "كيف", "ماذا", "ما هي", "ما هو", "ما الذي", "هل")
# Stock openers of a paragraph that work as an inline heading (في النهاية، …).
TEMPLATE_OPENERS: tuple[str, ...] = (
    "في النهاية", "على الصعيد الدولي", "في الختام", "ختاما", "خلاصة القول", "في المحصلة",
    "في نهاية المطاف", "بشكل عام", "لا يمكن قراءة", "لا يمكن فهم", "يبقى السؤال",
)
# The footer label of a scraped page whose source was left empty.
SOURCE_LABELS: tuple[str, ...] = ("المصدر", "مصدر الخبر", "المصدر الأصلي")

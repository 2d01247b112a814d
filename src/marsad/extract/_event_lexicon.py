"""Arabic trigger dictionary for events, and the small word lists that decide actor, recipient,
negation and speculation.

Written in ordinary spelling; ``marsad.extract.events`` normalizes every form once at import
(alef/hamza, ى/ي, ة/ه folded, diacritics dropped), so hamza variants and vowel marks never matter.

Pattern syntax (one string = one pattern; words are separated by spaces):

* ``فرض/يفرض``   a verb: past stem / present stem written with ي. Inflections are generated:
  فرضت، فرضوا، فرضا، فرضتم … and يفرض، تفرض، نفرض، يفرضون، تفرضان … with object pronouns
  (فرضها، يتهمونه). Stems ending in ا/ي/و also lose that letter before ت/وا/ون (دعا → دعت،
  دعوا؛ يلتقي → يلتقون). Verbs take و/ف/س/ل in front, never the article.
* ``عقوبة*``     a noun with its endings: ات، ان، ين، ون، ا (tanween), pronouns (عقوبتها).
* ``اتفاقيات``   a word exactly as written (still with proclitics و/ف/ب/ل/ك and the article ال).
* ``a|b``         alternatives for one word (a space always starts the next word, so a choice
  between phrases is written as separate patterns).
* ``…``           up to ``GAP_WORDS`` words in between (Arabic puts the subject there:
  فرضت الولايات المتحدة عقوبات).

The trigger span of a match is its first word plus the words that follow it without a gap
(``العقوبات المفروضة`` is one trigger; ``فرضت … عقوبات`` reports ``فرضت``).
Longer patterns win over shorter ones that overlap them.
"""

from __future__ import annotations

GAP_WORDS = 4

# PLOVER type -> patterns. Condemnation and anger (أدان، ندد، غضب، استياء) are PROTEST: they are
# expressed disapproval of something done; REJECT is kept for refusing a proposal, demand or claim
# (رفض، عارض، نفى الاتهامات). See docs/events.md.
EVENT_TRIGGERS: dict[str, tuple[str, ...]] = {
    "AGREE": (
        "اتفق/يتفق", "توافق/يتوافق", "وافق/يوافق", "أبرم/يبرم",
        "أبرم/يبرم|إبرام … اتفاق*|اتفاقية*|اتفاقيات|معاهدة*|صفقة*",
        "اتفاق*|اتفاقية*|اتفاقيات|معاهدة*|هدنة*|صفقة*|تفاهمات",
        "مذكرة* تفاهم",
        "وقع/يوقع|توقيع … اتفاق*|اتفاقية*|اتفاقيات|معاهدة*|مذكرة*|صفقة*|إعلان*",
        "توصل/يتوصل|توصل* … اتفاق*|تفاهم*|تسوية*|صيغة*",
        "قبل/يقبل … عرض*|مقترح*|مقترحات|اقتراح*|شروط|وساطة*|خطة*",
    ),
    "CONSULT": (
        "التقى/يلتقي", "اجتمع/يجتمع", "بحث/يبحث", "ناقش/يناقش", "تباحث/يتباحث",
        "استقبل/يستقبل", "زار/يزور", "تشاور/يتشاور", "تفاوض/يتفاوض", "حاور/يحاور",
        "اتصل/يتصل", "هاتف/يهاتف",
        "محادثات|مباحثات|مشاورات|مفاوضات|لقاء|لقاءات|لقائه|لقائها|اجتماع|اجتماعا|اجتماعات"
        "|قمة|قمم|زيارة*|مكالمة*|حوار|حوارا",
        "اتصال* هاتفي*",
    ),
    "SUPPORT": (
        "أيد/يؤيد", "دعم/يدعم", "ساند/يساند", "رحب/يرحب", "أشاد/يشيد", "تضامن/يتضامن",
        "تأييد*|دعم*|مساندة*|ترحيب*|إشادة*|تضامن*",
    ),
    "CONCEDE": (
        "تنازل/يتنازل", "تنازل*", "أفرج/يفرج", "إفراج*", "استجاب/يستجيب", "عفو*",
        "أطلق/يطلق|إطلاق … سراح",
        "رفع/يرفع|رفع … عقوبات|عقوبة*|حظر*|حصار*|قيود*",
        "خفف/يخفف|تخفيف … عقوبات|عقوبة*|حظر*|حصار*|قيود*",
        "سمح/يسمح|سماح … دخول*|عبور*|مرور*|عودة*|وصول*|إدخال*",
        "تراجع/يتراجع|تراجع* … عن",
    ),
    "COOPERATE": (
        "تعاون/يتعاون", "تعاون*", "نسق/ينسق", "تنسيق*", "شراكة*", "تطبيع*",
        "استأنف/يستأنف|استئناف … علاقات*|تعاون*",
        "تبادل/يتبادل|تبادل* … معلومات*|خبرات*",
        "مناورات|مناورة* مشترك*",
    ),
    "AID": (
        # singular مساعدة is often plain "help" (المساعدة في تنظيم …) and loans are mostly
        # commercial (القروض العقارية): both only count with what makes them aid.
        "مساعدات|معونة*|معونات|إغاثة*|إمدادات|تبرعات|منحة*",
        "مساعدة* إنسانية*|عسكرية*|مالية*|اقتصادية*|طبية*|غذائية*|عاجلة*",
        "قرض*|قروض … ميسر*|ميسرة|دولي*",
        "زود/يزود", "تزويد*", "مول/يمول", "تبرع/يتبرع",
        "دعم* عسكري*|مالي*|اقتصادي*|إنساني*|لوجستي*",
        "أرسل/يرسل|إرسال … مساعدات|أسلحة|معدات|شحنة*|شحنات|إمدادات|ذخائر|ذخيرة*",
    ),
    "RETREAT": (
        "انسحب/ينسحب", "انسحاب*",
        "سحب/يسحب|سحب … قوات*|جنود*|جندي*|وحدات*|قواعد*",
        "أخلى/يخلي|إخلاء … قاعدة*|قواعد|مواقع*|موقع*|مقر*|ثكنة*",
        "خفض/يخفض|خفض|تقليص … قوات*|وجود*|عديد*",
        "أنهى/ينهي|إنهاء … عمليات*|عملية*|وجود*|انتشار*",
    ),
    "REQUEST": (
        # the noun طلب is as often "demand" in the market sense (الطلب المتزايد): verbs only
        "طالب/يطالب", "مطالبة*|مطالبات|مطلب*|مطالب*", "دعا/يدعو", "دعوة*|دعوات", "طلب/يطلب",
        "ناشد/يناشد", "مناشدة*", "حث/يحث", "حض/يحض", "التمس/يلتمس",
    ),
    "ACCUSE": (
        "اتهم/يتهم", "اتهام*|اتهامات", "انتقد/ينتقد", "انتقاد*|انتقادات",
        "حمل/يحمل|تحميل … مسؤولية*",
        "ألقى/يلقي|إلقاء … لوم",
    ),
    "REJECT": (
        "رفض/يرفض", "رفض*", "عارض/يعارض", "تجاهل/يتجاهل", "فيتو",
        "نفى/ينفي|نفي … اتهام*|اتهامات|تقارير|مزاعم|ادعاء*|ادعاءات|صحة",
        "استخدم/يستخدم|استخدام … نقض|فيتو",
        "انسحب/ينسحب|انسحاب* … من اتفاق*|اتفاقية*|معاهدة*|مفاوضات|محادثات",
    ),
    "THREATEN": (
        "هدد/يهدد", "تهديد*|تهديدات", "توعد/يتوعد", "لوح/يلوح", "أنذر/ينذر", "إنذار*",
        "أمهل/يمهل",
        "حذر/يحذر … عواقب|رد|ردا|انتقام*",
    ),
    "PROTEST": (
        "أدان/يدين", "إدانة*", "ندد/يندد", "تنديد*", "احتج/يحتج", "احتجاج*|احتجاجات",
        "تظاهر/يتظاهر", "مظاهرة*|مظاهرات|تظاهرة*|تظاهرات", "استنكر/يستنكر", "استنكار*",
        "شجب/يشجب", "غضب*|استياء*|امتعاض*|غاضب*", "اعترض/يعترض", "اعتراض*",
        "إضراب*|إضرابات|اعتصام*",
        "استدعى/يستدعي|استدعاء … سفير*|قائم",
    ),
    "SANCTION": (
        # singular عقوبة is mostly a court sentence (العقوبة الإعدام) and يعاقب the law's
        # "punishable by": sanctions are plural
        "عقوبات",
        "فرض/يفرض|فرض … عقوبات|عقوبة*",
        "فرض/يفرض|فرض … حظر* … أسلحة|تصدير|صادرات|واردات|استيراد|نفط",
        "عقوبات|عقوبة* … مفروضة*",
        "جمد/يجمد|تجميد … أصول|أموال*|أرصدة*|عضوية*",
        "قطع/يقطع|قطع … علاقات*",
        "طرد/يطرد|طرد … دبلوماسي*|سفير*|مبعوث*|ممثل*|مسؤول*|موظف*",
        "سحب/يسحب|سحب … سفير*",
        "تعليق … عضوية*|مساعدات|تعاون",
        "علق/يعلق … عضوية*|مساعدات|مساعدات*",
        "حظر* … تصدير|صادرات|واردات|استيراد|أسلحة|نفط",
        "رسوم جمركية",
        "مقاطعة*",
    ),
    "MOBILIZE": (
        "حشد/يحشد", "حشد*|حشود", "تعزيزات", "استنفار*", "تعبئة*", "استنفر/يستنفر",
        "مناورات|مناورة*",
        "نشر/ينشر|نشر … قوات*|جنود*|صواريخ|منظومة*|منظومات|أنظمة|مدمرة*|حاملة*|وحدات*|دبابات",
        "رفع/يرفع|رفع … تأهب*|جاهزية*",
        "دفع/يدفع|دفع … تعزيزات|قوات*",
        "أرسل/يرسل|إرسال … قوات*|جنود*|تعزيزات",
        "استدعى/يستدعي|استدعاء … احتياط*|جنود*|جندي*",
    ),
    "COERCE": (
        "اعتقل/يعتقل", "اعتقال*|اعتقالات", "احتجز/يحتجز", "احتجاز*", "حظر/يحظر", "حظر*",
        "داهم/يداهم", "مداهمة*|مداهمات", "ترحيل*", "حجب/يحجب",
        "اختطف/يختطف", "اختطاف*", "قمع/يقمع", "قمع*", "سجن/يسجن", "تهجير*",
        "تفريق* … قوة|متظاهرين|محتجين|تظاهرة*|احتجاج*|اعتصام*",
        "حكم* … سجن|إعدام",
        "رحل/يرحل … مهاجر*|لاجئ*|أجانب",
        "ألقى/يلقي|إلقاء … قبض",
        "فرض/يفرض|فرض … حظر*|حظرا|قيود*|حصار*|حصارا",
        "أغلق/يغلق|إغلاق … مكتب*|مكاتب|مقر*|صحيفة*|قناة*|معبر*|معابر|حدود*|مضيق*|ميناء|موانئ"
        "|مطار*|أجواء|مجال*",
    ),
    "ASSAULT": (
        # present-tense يستهدف is mostly "aims at" (برامج تستهدف الطلاب): past tense only
        "قصف/يقصف", "قصف*", "هاجم/يهاجم", "هجوم*|هجمات", "غارة*|غارات", "استهدف/",
        "استهداف*", "ضربات", "ضربة* جوية|صاروخية|عسكرية|استباقية", "اغتال/يغتال", "اغتيال*", "قتل/يقتل|قتل",
        "اشتبك/يشتبك", "اشتباك*|اشتباكات", "تفجير*|تفجيرات", "اقتحم/يقتحم", "اقتحام*",
        "عدوان*", "اعتدى/يعتدي", "اعتداء*|اعتداءات", "قتال|معارك|معركة*",
        "عملية*|عمليات عسكرية*",
        "أطلق/يطلق|إطلاق … صواريخ|صاروخ*|نار|قذائف|قذيفة*",
        "أسقط/يسقط|إسقاط … طائرة*|مسيرة*|صاروخ*",
    ),
}

# Matches that are not events: they only stop a shorter trigger from firing inside them (and
# win over a trigger of the same length).
NON_EVENTS: tuple[str, ...] = (
    "لوحة|لوحات|لوحته|لوحتها",              # a painting, not لوح (brandished)
    "استجابة|استجابته",                    # "in response to", not a concession
    "بحث/يبحث … عن",                      # searched for
    "رفض/يرفض … كشف|ذكر|إفصاح",   # an official who declined to be named
    "طلب/يطلب … عدم",                      # asked not to be named
    "فضل/يفضل … عدم",
    "قتلى",                                # the dead are a count, not the killing
    "وقف … إطلاق نار",                     # a ceasefire is not shooting
    "هدد/يهدد … أمن|استقرار|حياة|مستقبل|سلامة",  # "threatens the stability of": no threat made
)

# Verbs that carry a nominal trigger (شنت روسيا هجوما، أعربت موسكو عن غضبها، عقد الوزيران
# محادثات): the actor is looked for around the light verb, as for a verbal trigger.
LIGHT_VERBS: tuple[str, ...] = (
    "شن/يشن", "نفذ/ينفذ", "أجرى/يجري", "عقد/يعقد", "قدم/يقدم", "وجه/يوجه", "أعرب/يعرب",
    "أبدى/يبدي", "أظهر/يظهر", "عبر/يعبر", "أطلق/يطلق", "أصدر/يصدر", "بدأ/يبدأ",
    "واصل/يواصل", "جدد/يجدد", "أعلن/يعلن", "أثار/يثير", "منح/يمنح", "لجأ/يلجأ", "سعى/يسعى",
    "تعهد/يتعهد",
    # their verbal nouns (تعهدت بتقديم مساعدات، يعتزم إجراء محادثات)
    "تقديم", "إجراء", "توجيه", "إطلاق", "إعلان", "تنفيذ", "مواصلة",
)
LIGHT_VERB_WINDOW = 5

# A nominal trigger governed by one of these types is not a fact but what was asked for,
# threatened or refused (طالبت بالانسحاب، هددت بفرض عقوبات، رفضت الانسحاب).
GOVERNING_TYPES_SPECULATIVE = ("REQUEST", "THREATEN")
GOVERNING_TYPES_NEGATING = ("REJECT",)
# Governors whose subject also does the governed act (هددت إيران بإغلاق المضيق، وافقت إسرائيل على
# السماح، رفضت روسيا الانسحاب): the governed event takes their actor when it has none.
SELF_DIRECTED_TYPES = ("THREATEN", "AGREE", "REJECT")
# Governors whose recipient does the governed act (اتهم الجيش قوات الدعم السريع بقصف …).
RECIPIENT_DIRECTED_TYPES = ("ACCUSE",)
GOVERNED_WINDOW = 5

# Words before a participant that make it a recipient (the target of the action).
RECIPIENT_MARKERS: tuple[str, ...] = (
    "على", "ضد", "مع", "إلى", "بحق", "تجاه", "نحو", "إزاء", "لصالح", "عن", "من", "حول",
)
# من marks a recipient only for a withdrawal (انسحب من خيرسون); elsewhere it is an origin
# (صاروخ أطلق من اليمن) or, for AID/SUPPORT, the giver.
FROM_MARKER = "من"
FROM_RECIPIENT_TYPES = ("RETREAT", "REJECT", "SANCTION")
# Prepositions before a verbal noun that look like past verbs (من طرد سفيرها، على فرض عقوبات).
NOUN_PREPOSITIONS: tuple[str, ...] = ("من", "على", "إلى", "عن", "في", "بعد", "قبل", "حول", "بشأن")
# Proclitics that mark a recipient when glued to the name (لأوكرانيا، بموسكو).
RECIPIENT_PROCLITICS: tuple[str, ...] = ("ل", "لل", "ب", "بال")
# Words before a name that make it a place, never an actor or recipient.
LOCATIVE_MARKERS: tuple[str, ...] = (
    "في", "داخل", "قرب", "عبر", "أنحاء", "لدى", "أمام", "خلال", "قبالة",
)
# Words that may stand between a preposition and the name it governs (إلى قطاع غزة، من مدينة
# خيرسون، ضد مشروع قرار أمريكي); the look-back stops at another name or at punctuation.
MARKER_LOOKBACK = 2
# Types whose target may be a place: with no other recipient, "في X" is the recipient
# (قصف في أم درمان، انسحاب من قواتها في النيجر، مشروعات في الأردن).
PLACE_TARGET_TYPES = ("ASSAULT", "RETREAT", "AID")
# "مساعدات من اليابان"، "بتأييد من الدول العربية": من marks the giver.
SOURCE_MARKER_TYPES = ("AID", "SUPPORT")
# "من قبل روسيا"، "من جانب واشنطن"، "على يد": the agent of a nominal or passive trigger.
AGENT_MARKERS: tuple[tuple[str, str], ...] = (("من", "قبل"), ("من", "جانب"), ("على", "يد"))
BETWEEN_MARKER = "بين"

ACTOR_BEFORE_WINDOW = 8     # words back from a verb to its subject
ACTOR_AFTER_WINDOW = 3      # words after a verb where a VSO subject may start
RECIPIENT_WINDOW = 10       # words after the trigger where a recipient may start
OBJECT_WINDOW = 4           # words after the trigger for an unmarked direct object

# Words that begin with a letter that is also a proclitic but never carry one: read whole, so
# وزارة is never و + زارة ("visited him"). Only words whose remainder is a trigger form matter.
NEVER_SPLIT: tuple[str, ...] = (
    "وزارة", "وزارات", "وزير", "وزيرة", "وزراء", "وكالة", "وكالات", "وفد", "وفود", "وقف", "وضع",
    "وسط", "واقع", "وحدة", "وحدات", "ولاية", "ولايات", "فريق", "بيان", "بلاد", "كلمة", "لجنة",
    "لقاء", "وثيقة", "وجود", "وصول", "وقت", "بحث", "فرض", "بدء", "لقطات", "فائدة", "فوائد",
    "فائدتها", "فوائدها", "لابد",
)

# --- negation and speculation ------------------------------------------------------------------
# Particles within NEGATION_WINDOW words before the trigger (لم تفرض، لن يتم فرض، عدم التوصل).
NEGATORS: tuple[str, ...] = ("لم", "لن", "لا", "ليس", "ليست", "عدم", "دون", "بدون", "لما")
NEGATION_WINDOW = 3
NEGATION_WINDOW_NOMINAL = 5  # لم تصل أي شحنة من المساعدات
# Words that do not stop a negator from reaching a verbal noun (لم يتم التوصل، لم تكن هناك محادثات).
NEGATION_TRANSPARENT: tuple[str, ...] = ("يتم", "تم", "يكن", "تكن", "يعد", "تعد", "أي", "هناك", "ثمة")
# A negator followed by one of these is not negation: لا سيما (especially), لا يزال (still).
NOT_NEGATING_AFTER: tuple[str, ...] = (
    "سيما", "يزال", "تزال", "يزالون", "زال", "زالت", "بد", "شك", "سيما،",
)
# Denials that negate a later event in the same sentence (نفت موسكو أن تكون قد فرضت).
DENIALS: tuple[str, ...] = ("نفى/ينفي", "نفي", "رفض/يرفض", "استبعد/يستبعد")
DENIAL_WINDOW = 8
# Epistemic and conditional cues within SPECULATION_WINDOW words before the trigger.
SPECULATION_CUES: tuple[str, ...] = (
    "ربما", "لعل", "يحتمل", "محتمل*", "احتمال*", "مرجح*", "يرجح", "ترجح", "يتوقع", "تتوقع",
    "متوقع*", "توقعات", "إمكانية", "يمكن", "يبدو", "إذا", "لو", "حال", "يعتزم", "تعتزم",
    "ينوي", "تنوي", "يدرس", "تدرس", "يخطط", "تخطط", "يسعى", "تسعى", "المتوقع", "المرجح",
    "المحتمل", "الممكن", "يشتبه", "مزعوم*", "مرتقب*",
)
SPECULATION_WINDOW = 8
# قد before a present-tense verb is "may"; before a past verb it is "has indeed".
MODAL_QAD = "قد"

# --- actors ------------------------------------------------------------------------------------
# In these tables "|" separates whole phrases (a phrase may have several words) and every word is
# matched exactly, with proclitics و/ف/ب/ل/ك allowed in front of the first.
# Collective actors, states and their demonyms, resolved to (name, entity id). QIDs only where
# certain; collectives get the readable "m:" ids the linking tables use (m:LOC:the-west; Europe is
# Q46 there too). A capital used as a political actor stands for its state (موسكو قررت = Russia
# decided), so capitals carry the state's id here; the linker's own mentions (Moscow = Q649) win
# wherever they are given.
ACTORS: dict[str, tuple[str, str]] = {
    "روسيا|موسكو|الكرملين|روسي|روسية|الروس|روس|روسيين|روسيون": ("روسيا", "Q159"),
    "أوكرانيا|كييف|أوكراني|أوكرانية|أوكرانيين|أوكرانيون": ("أوكرانيا", "Q212"),
    "الولايات المتحدة|أمريكا|أميركا|واشنطن|أمريكي|أمريكية|أميركي|أميركية|أمريكيين|أمريكيون"
    "|أميركيين|أميركيون|البيت الأبيض": ("الولايات المتحدة", "Q30"),
    "الاتحاد الأوروبي|بروكسل": ("الاتحاد الأوروبي", "Q458"),
    "حلف شمال الأطلسي|حلف الناتو|الناتو|الأطلسي": ("حلف شمال الأطلسي", "Q7184"),
    "إيران|طهران|إيراني|إيرانية|إيرانيين|إيرانيون": ("إيران", "Q794"),
    "السعودية|المملكة العربية السعودية|الرياض|سعودي|سعودية|سعوديين|سعوديون": ("السعودية", "Q851"),
    "مصر|القاهرة|مصري|مصرية|مصريين|مصريون": ("مصر", "Q79"),
    "إسرائيل|تل أبيب|إسرائيلي|إسرائيلية|إسرائيليين|إسرائيليون": ("إسرائيل", "Q801"),
    "الأمم المتحدة|المنظمة الدولية|أممي|أممية": ("الأمم المتحدة", "Q1065"),
    "الصين|بكين|صيني|صينية|صينيين|صينيون": ("الصين", "Q148"),
    "تركيا|أنقرة|تركي|تركية|أتراك": ("تركيا", "Q43"),
    "فرنسا|باريس|فرنسي|فرنسية|فرنسيين|فرنسيون": ("فرنسا", "Q142"),
    "بريطانيا|المملكة المتحدة|لندن|بريطاني|بريطانية|بريطانيين|بريطانيون": ("المملكة المتحدة", "Q145"),
    "ألمانيا|برلين|ألماني|ألمانية|ألمان": ("ألمانيا", "Q183"),
    "سوريا|سورية|دمشق|سوري|سوريين|سوريون": ("سوريا", "Q858"),
    # Arab states and other frequent actors (QIDs checked against the shared country gazetteer)
    "العراق|بغداد|عراقي|عراقية|عراقيين|عراقيون": ("العراق", "Q796"),
    "لبنان|بيروت|لبناني|لبنانية|لبنانيين|لبنانيون": ("لبنان", "Q822"),
    "الأردن|أردني|أردنية|أردنيين|أردنيون": ("الأردن", "Q810"),
    "قطر|الدوحة|قطري|قطرية|قطريين|قطريون": ("قطر", "Q846"),
    "الإمارات|الإمارات العربية المتحدة|أبوظبي|أبو ظبي|إماراتي|إماراتية": ("الإمارات", "Q878"),
    "الكويت|كويتي|كويتية": ("الكويت", "Q817"),
    "السودان|الخرطوم|سوداني|سودانية|سودانيين|سودانيون": ("السودان", "Q1049"),
    "اليمن|صنعاء|يمني|يمنية|يمنيين|يمنيون": ("اليمن", "Q805"),
    "ليبيا|ليبي|ليبية|ليبيين|ليبيون": ("ليبيا", "Q1016"),
    "فلسطين|فلسطيني|فلسطينية|الفلسطينيون|الفلسطينيين|فلسطينيين|فلسطينيون": ("فلسطين", "Q219060"),
    "الجزائر|جزائري|جزائرية": ("الجزائر", "Q262"),
    "المغرب|الرباط|مغربي|مغربية": ("المغرب", "Q1028"),
    "تونس|تونسي|تونسية": ("تونس", "Q948"),
    "اليابان|طوكيو|ياباني|يابانية": ("اليابان", "Q17"),
    "الهند|نيودلهي|هندي|هندية": ("الهند", "Q668"),
    "كوريا الشمالية|بيونغ يانغ|بيونغيانغ": ("كوريا الشمالية", "Q423"),
    "كوريا الجنوبية|سيول": ("كوريا الجنوبية", "Q884"),
    "باكستان|إسلام آباد|باكستاني|باكستانية": ("باكستان", "Q843"),
    "أفغانستان|كابل|أفغاني|أفغانية": ("أفغانستان", "Q889"),
    "الغرب|الدول الغربية|العواصم الغربية|القوى الغربية|الحلفاء الغربيون|الحلفاء الغربيين"
    "|الغربيون|الغربيين": ("الغرب", "m:LOC:the-west"),
    "الدول الأوروبية|العواصم الأوروبية|الحلفاء الأوروبيون|الحلفاء الأوروبيين|الأوروبيون"
    "|الأوروبيين|أوروبا": ("أوروبا", "Q46"),
    "المجتمع الدولي": ("المجتمع الدولي", "m:ORG:international-community"),
}
# Adjectives that name a collective only right after the noun they qualify (العقوبات الغربية،
# الدعم الأوروبي): alone they are directions or places (الضفة الغربية، الحدود الغربية).
ACTOR_ADJECTIVES: dict[str, tuple[str, str]] = {
    "غربي|غربية": ("الغرب", "m:LOC:the-west"),
    "أوروبي|أوروبية": ("أوروبا", "Q46"),
    "دولي|دولية": ("المجتمع الدولي", "m:ORG:international-community"),
}
# Places whose names contain an actor adjective; matched first so they are never read as actors.
NOT_ACTORS: tuple[str, ...] = (
    "الضفة الغربية", "الضفة", "المنطقة الغربية", "الحدود الغربية", "الجبهة الغربية",
    "الساحل الغربي", "الشطر الغربي", "القارة الأوروبية",
)
# Agents without a name of their own; merged with a following state or demonym
# (الخارجية الروسية → Russia, قوات الاحتلال الإسرائيلي → Israel).
# Written without the article; a match may carry it (حكومة / الحكومة).
AGENT_NOUNS: tuple[str, ...] = (
    "حكومة", "جيش", "قوات", "شرطة", "سلطات", "وزارة الخارجية", "الخارجية", "وزارة الدفاع",
    "رئاسة", "رئيس", "رئيس الوزراء", "رئيس الحكومة", "وزير الخارجية", "وزير الدفاع", "وزير",
    "وزراء", "برلمان", "مجلس الأمن", "وفد", "متظاهرون", "متظاهرين", "محتجون", "محتجين",
    "معارضة", "فصائل", "مسلحون", "مسلحين", "متمردون", "متمردين", "مستوطنون", "مستوطنين",
    "المقاتلات", "البحرية", "الحرس الثوري", "قوات الأمن", "نظام", "الاحتلال", "الكونغرس",
    "إدارة", "البنتاغون", "استخبارات", "مخابرات", "الأوساط السياسية", "سفارة", "متحدث",
    "ناطق", "وزارة", "حلفاء", "دول", "منظمة", "منظمات", "نقابة", "نقابات", "قادة", "زعيم",
    "قائد", "مجلس", "محكمة",
)

# --- dates -------------------------------------------------------------------------------------
MONTHS: dict[str, int] = {
    "يناير": 1, "جانفي": 1, "كانون الثاني": 1,
    "فبراير": 2, "فيفري": 2, "شباط": 2,
    "مارس": 3, "آذار": 3,
    "أبريل": 4, "إبريل": 4, "أفريل": 4, "نيسان": 4,
    "مايو": 5, "ماي": 5, "أيار": 5,
    "يونيو": 6, "يونيه": 6, "جوان": 6, "حزيران": 6,
    "يوليو": 7, "يوليه": 7, "جويلية": 7, "تموز": 7,
    "أغسطس": 8, "أوت": 8, "آب": 8,
    "سبتمبر": 9, "أيلول": 9,
    "أكتوبر": 10, "تشرين الأول": 10,
    "نوفمبر": 11, "تشرين الثاني": 11,
    "ديسمبر": 12, "كانون الأول": 12,
}

"""Word lists the recognizer's features use: proclitics, cue words, punctuation.

All entries are in normalized form (``normalize_for_matching``: bare alef, ي for ى, ه for ة),
because features look words up after normalization. Kept as data so they can be read and extended.
"""

from __future__ import annotations

# One-letter proclitics that attach to a following word, in the order they stack: a conjunction
# (و ف) may come before a preposition (ب ل ك), which may come before the article ال.
CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ل", "ك")
ARTICLE = "ال"
# Prepositions trimmed off the start of an entity span. ك (as, like) is left out: it seldom
# precedes a name, while many foreign names start with ك (كوفي، كولن). Measured on NewsFANE, whose
# tokenisation splits clitics off: 95 % of entity-initial tokens get the right cut.
SPAN_PREPOSITIONS = ("ب", "ل")
# A stripped remainder must keep at least this many letters, so that short words such as وزن,
# بلد or كان are not read as clitic + two letters.
MIN_BASE_LETTERS = 3

# Titles and roles that announce a person name next to them.
PERSON_CUES = frozenset(
    """
    الرئيس رئيس الملك ملك الملكه الامير امير الاميره الشيخ شيخ السيد السيده الدكتور الدكتوره
    الوزير وزير الوزيره وزيره نائب المستشار مستشار المستشاره السفير سفير القائد قائد اللواء
    العقيد العميد الجنرال الفريق المشير الرائد النقيب الامام الامين امين الحاج البابا المطران
    الاسقف الحاخام القس الشاعر الكاتب الروائي الفنان الفنانه المطرب المطربه المخرج الممثل
    الممثله اللاعب لاعب المدرب مدرب الحارس المهاجم المدافع النجم الزعيم زعيم المتحدث متحدث
    الناطق المبعوث مبعوث المندوب مندوب المدير مدير القاضي المحامي البروفيسور الاستاذ المرشد
    الخليفه السلطان سلطان ولي العاهل المفوض رئيسه المرشح مرشح النائب السناتور السيناتور
    الحاكم حاكم المحافظ محافظ العمده عمده المراسل مراسل الصحفي الصحافي المغني المغنيه
    """.split()
)

# Words that head organisation names (وزارة الخارجية، شركة ...، جامعة ...).
ORG_CUES = frozenset(
    """
    وزاره الوزاره شركه الشركه جامعه الجامعه حزب الحزب منظمه المنظمه مؤسسه مؤسسه الموسسه موسسه
    هيئه الهيئه مجلس المجلس وكاله الوكاله بنك البنك مصرف المصرف صندوق الصندوق اتحاد الاتحاد
    نادي النادي فريق منتخب المنتخب جمعيه الجمعيه لجنه اللجنه حركه الحركه جبهه الجبهه مركز المركز
    معهد المعهد كليه الكليه محكمه المحكمه برلمان البرلمان صحيفه الصحيفه جريده الجريده قناه
    القناه اذاعه الاذاعه تلفزيون مجموعه المجموعه مكتب المكتب اكاديميه الاكاديميه نقابه النقابه
    تحالف التحالف ائتلاف الائتلاف جيش الجيش قوات القوات مديريه المديريه دائره الدائره مصلحه
    """.split()
)

# Words that head place names or announce one (مدينة ...، في العاصمة ...).
LOC_CUES = frozenset(
    """
    مدينه المدينه عاصمه العاصمه بلده البلده قريه القريه محافظه المحافظه ولايه الولايه اقليم
    الاقليم منطقه المنطقه جزيره الجزيره جزر نهر النهر بحر البحر جبل الجبل جبال صحراء الصحراء
    خليج الخليج مضيق المضيق بحيره البحيره شمال جنوب شرق غرب وسط شمالي جنوبي شرقي غربي حي
    الحي شارع الشارع ميدان الميدان ساحه الساحه مطار المطار ميناء الميناء مخيم المخيم دوله
    الدوله جمهوريه الجمهوريه مملكه المملكه اماره الاماره قطاع القطاع ضاحيه الضاحيه
    """.split()
)

# Verbs of saying and reporting: the subject that follows is usually a person or an organisation.
SPEECH_CUES = frozenset(
    """
    قال وقال قالت وقالت اعلن واعلن اعلنت واعلنت اكد واكد اكدت واكدت اضاف واضاف اضافت واضافت
    صرح وصرح ذكر وذكر ذكرت وذكرت اوضح واوضح اشار واشار دعا ودعا طالب وطالب نفى ونفى
    """.split()
)

# Punctuation that may stick to a token's edges in the corpus ("(د", "ق.م.") and is stripped
# before lookups.
EDGE_PUNCTUATION = "\"'()[]{}<>«»“”‘’.,;:!?،؛؟…-–—_*/\\|+=#%&@~^`"

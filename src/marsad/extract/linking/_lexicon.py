"""Word lists the linker uses at run time: proclitics, titles, name particles, cue words.

Entries may be written in ordinary spelling: ``_entries`` normalizes them
(``normalize_for_matching``: bare alef, ي for ى and ئ, ه for ة), since lookups happen after
normalization. An underscore joins the words of a multi-word entry (رئيس_الوزراء).
"""

from __future__ import annotations

from marsad.text.normalize import normalize_for_matching


def _entries(block: str) -> frozenset[str]:
    """Whitespace-separated entries, normalized; "_" joins the words of a multi-word entry."""
    return frozenset(normalize_for_matching(word.replace("_", " ")) for word in block.split())


# Proclitic strings tried in front of a word, longest first: a conjunction (و ف), then a
# preposition (ب ل ك), then the article. A variant only counts when the remainder is a known name.
PROCLITIC_STRIPS = (
    "وبال", "فبال", "وكال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل",
    "وب", "فب", "ول", "فل", "وك", "فك", "و", "ف", "ب", "ل", "ك",
)
# Prefixes a person name may carry in front (وبوتين، لترامب); stripped only on evidence.
PERSON_PROCLITICS = ("وب", "ول", "فب", "فل", "و", "ف", "ب", "ل", "ك")

# Skeleton keys (see keys.skeleton): letters dropped after the first, and letters folded together
# because transliterations swap them.
SKELETON_VOWELS = frozenset("اويء")
SKELETON_FOLD = {"ص": "س", "ث": "س", "ذ": "ز", "ظ": "ز", "ط": "ت", "ض": "د", "ق": "ك", "غ": "ك"}

# Name parts joined with the next token in keys (عبد الله = عبدالله).
MERGED_NAME_PREFIXES = _entries("عبد أبو")
# Name particles: a short form must not start right after one of these (سلمان alone is not
# محمد بن سلمان; بن سلمان is), and a particle alone is never a name.
NAME_PARTICLES = _entries("بن ابن بنت ابو ام ال آل عبد فون فان دير دي دا دو لا لو ديل")

# Common given names: never read as a surname on their own, never merged into a full name by
# the surname rule, and taken as evidence that a leading و/ف/ب/ل is a proclitic (ومحمد).
COMMON_GIVEN_NAMES = _entries(
    """
    محمد احمد محمود مصطفي علي حسن حسين عمر عثمان خالد سعد سعيد سعود سلمان فيصل فهد عبدالله
    عبدالرحمن عبدالعزيز عبدالملك عبدالفتاح ابراهيم اسماعيل يوسف يعقوب موسي عيسي داود سليمان
    صالح طارق ماجد ناصر منصور حمد حمدان زايد راشد سلطان تميم جاسم نواف بندر تركي عادل كريم
    جمال كمال هشام وليد وائل نبيل سامي رامي فادي زياد مروان نزار رياض عماد ايمن اسامه باسم
    هاني نادر بشار حافظ رفيق نجيب عباس جعفر قاسم مهدي هادي رضا حيدر امين انور جواد
    فاطمه عائشه خديجه مريم زينب سارا ساره ليلي هند نور رانيا منال سميره سلمي هدي امل
    جون جو جورج جيمس ديفيد دافيد مايكل مايك روبرت بوب وليام بيل توماس توم تشارلز ريتشارد
    دونالد ستيف ستيفن بيتر بول مارك بيتر كريس كريستوفر دانيال اندرو انتوني انطونيو
    جان جاك بيير ميشيل فرانسوا ايمانويل نيكولا ماريو لويس كارلوس خوسيه خوان
    فلاديمير سيرغي سيرجي ديمتري ديميتري الكسندر الكسي ايفان ميخائيل يوري بوريس نيكولاي
    ماريا ماري اليزابيث ان انا كاترين هيلاري كامالا نانسي
    """
)

# Titles that may stand right before a person's name (or after it, behind a comma). The longest
# head wins; modifiers (below), demonyms and place names may follow it up to the name.
TITLE_HEADS = _entries(
    """
    الرئيس رئيس الرئيسه رئيسه رئيس_الوزراء رئيسه_الوزراء رئيس_الحكومه رئيسه_الحكومه
    رئيس_وزراء رئيسه_وزراء نائب_الرئيس نائبه_الرئيس نائب_رئيس نائب_رئيس_الوزراء
    الملك ملك الملكه العاهل ولي_العهد الامير امير الاميره الشيخ الشيخه السلطان
    المستشار المستشاره مستشار مستشاره كبير_مستشاري كبير_المستشارين مستشار_الامن_القومي
    الوزير الوزيره وزير وزيره نائب_وزير مساعد_وزير وكيل_وزاره
    المبعوث المبعوثه مبعوث مبعوثه المندوب المندوبه مندوب السفير السفيره سفير
    المتحدث المتحدثه متحدث الناطق الناطقه
    الامين_العام امين_عام الامينه_العامه المدير المديره مدير المدير_العام المدير_التنفيذي
    رئيس_الاركان رئيس_اركان القائد قائد الزعيم زعيم المرشد المرشد_الاعلي
    السيناتور السناتور النائب النائبه عضو_الكونغرس عضو_مجلس_الشيوخ
    الجنرال اللواء العميد العقيد الفريق الفريق_اول المشير الادميرال الاميرال
    البابا الحاخام الامام الدكتور الدكتوره السيد السيده
    الحاكم حاكم المحافظ محافظ العمده عمده رئيس_بلديه المفوض المفوضه الممثل_الاعلي
    رجل_الاعمال الملياردير المرشح المرشحه مرشح
    القاضي المدعي_العام النائب_العام المنسق المقرر_الخاص المفاوض كبير_المفاوضين
    """
)
# Forms of address: stripped from a name like titles, never kept as roles.
HONORIFICS = _entries("السيد السيده سيد سيده")
TITLE_HEAD_MAX_WORDS = max(len(head.split()) for head in TITLE_HEADS)

# Words that may follow a title head before the name: qualifiers, offices and portfolios
# (وزير الخارجية، رئيس مجلس النواب), and connectors towards a place or body (المبعوث الخاص إلى
# الشرق الأوسط، المتحدث باسم الخارجية). Demonyms and registry place names also qualify.
TITLE_MODIFIERS = _entries(
    """
    المنتخب المنتخبه السابق السابقه الاسبق الحالي الحاليه الجديد الجديده المقبل المؤقت المؤقته
    الانتقالي الخاص الخاصه الاعلي العام العامه الاول الاولي الثاني الفعلي الراحل المخلوع المعزول
    المستقيل التنفيذي الدائم الدائمه الاممي الدولي العسكري السياسي الاقليمي الرسمي المكلف المساعد
    الخارجيه الدفاع الداخليه الماليه الخزانه العدل الاقتصاد التجاره الطاقه النفط الصحه التعليم
    التربيه الاعلام الزراعه الصناعه النقل الاتصالات الثقافه السياحه الرياضه البيئه الهجره
    الاسكان الاوقاف الشوون الوزراء الحكومه الاركان البرلمان النواب الشيوخ الكونغرس الدوله
    الجمهوريه مجلس المجلس الامن القومي الاستخبارات المخابرات الشرطه الجيش القوات الحرس الثوري
    الحزب حزب الحركه حركه الجبهه البنك المركزي الجمعيه الوطنيه الشعب البيت الابيض
    باسم الي لدي في لشوون لمنطقه للامم المتحده الامم
    """
)

# Demonyms read as "the West" (الغربية) are not a political actor after a geographic head
# (الضفة الغربية، الحدود الغربية) or after a place name (برلين الغربية).
GEOGRAPHIC_HEADS = _entries(
    """
    الضفه المنطقه المناطق الحدود الجهه الضاحيه الضواحي الاطراف الاجزاء الجزء الساحل السواحل
    الشاطي الجانب الطرف الريف المدخل القطاع الجبهه البوابه الناحيه المحافظه الولايه الاحياء
    الحي الصحراء الجنوب الشمال الشرق الجناح القسم المدينه الاقليم الاراضي الجهات المحافظات
    الضفاف الضفتين البوابات الحافه الجبال الجبل السهول الجدار الحائط شمال جنوب شرق وسط
    الشمالي الجنوبي الشرقي
    """
)
# A demonym right after one of these names a language, not a country (اللغة الروسية).
LANGUAGE_HEADS = _entries("اللغه باللغه للغه لغه بلغه واللغه اللغات")

# Demonym forms whose spelling with a final ى is another word (اليمنى "the right one", مجرى
# "channel"): a demonym hit written with ى is skipped for these (elsewhere ى for ي is just
# Egyptian spelling: الأمريكى).
YA_MAQSURA_CLASHES = frozenset({"اليمني", "يمني", "مجري", "المجري"})

# Words that head a place name and may be dropped to reach the place (العاصمة موسكو).
LOC_HEADS = _entries(
    """
    مدينه المدينه العاصمه عاصمه محافظه المحافظه ولايه الولايه اقليم الاقليم منطقه المنطقه
    بلده البلده قريه القريه جزيره الجزيره ميناء الميناء مطار المطار
    """
)

# Generic words of organisation names: a short form made only of these (and demonyms) is not
# specific enough to stand for a longer name (المنظمة, الاتحاد, المجلس الوطني).
ORG_GENERIC_WORDS = _entries(
    """
    وزاره الوزاره شركه الشركه منظمه المنظمه اتحاد الاتحاد مجلس المجلس هيئه الهيئه حركه الحركه
    حزب الحزب جماعه الجماعه جيش الجيش قوات القوات بنك البنك وكاله الوكاله جامعه الجامعه مكتب
    المكتب صندوق الصندوق لجنه اللجنه دوله الدوله مؤسسه المؤسسه مركز المركز محكمه المحكمه
    تنظيم التنظيم تحالف التحالف جبهه الجبهه الوطني الوطنيه الدولي الدوليه العالمي العالميه
    العربي العربيه الاسلامي الاسلاميه الشعبي الشعبيه الديمقراطي الديمقراطيه المتحده الاعلي
    العام العامه العليا الاتحادي الاتحاديه المركزي المركزيه الامن الدفاع الخارجيه الداخليه
    للامم لل في من
    """
)

# Recognizer spans that are no entity of the news, whatever the label: the name of God in set
# phrases (الحمد لله، رحمه الله، إن شاء الله). Compared with proclitics off the first word.
NON_ENTITIES = _entries("الله لله اللهم")
# Currency units: no entity when tagged MISC (مليون دولار، ارتفع اليورو), nor under any label after
# a figure or a number word (2 مليون ريال tagged ORG). A currency named with its country
# (الريال السعودي) or a club (الريال, as ORG, with no figure) is not affected.
CURRENCY_UNITS = _entries(
    """
    دولار الدولار دولارا دولارات يورو اليورو ريال الريال ريالا ريالات جنيه الجنيه جنيها جنيهات
    دينار الدينار دينارا دنانير درهم الدرهم درهما دراهم ليره الليره ليرات روبل الروبل روبيه الروبيه
    فرنك الفرنك ين الين يوان اليوان
    """
)
NUMBER_WORDS = _entries("مليون ملايين مليار مليارات ترليون الف ألف الاف آلاف الفا مائه مئه مئات")
# Spans that are no entity when tagged MISC: currencies, and generic words the recognizer takes
# for a name (السوبر of كأس السوبر).
NON_ENTITIES_MISC = CURRENCY_UNITS | _entries("السوبر")

# Words a recognizer span may wrongly end on: the start of a title after the name (محمد بن سلمان
# ولي ولي [العهد], فيصل بن سلمان أمير [منطقة المدينة]) or a formula of blessing (رحمه الله،
# حفظه الله). Dropped from the end of a person's name while two or more words remain.
# (Not أمين or مساعد: given names too.)
TRAILING_TITLE_WORDS = _entries(
    """
    ولي نائب وزير رئيس امير مستشار سفير مندوب قائد وكيل محافظ مدير المتحدث الناطق
    الرئيس الوزير الامير الملك ولي_العهد
    رحمه_الله يرحمه_الله حفظه_الله يحفظه_الله رعاه_الله يرعاه_الله وفقه_الله ايده_الله
    """
)

# Institutions named after a king or prince: "مركز الملك سلمان", "جامعة الملك سعود", "طريق الملك
# عبدالله". A person span right after "head + title" names the institution, not the person.
# Head → the entity type of the institution (places and roads LOC, bodies ORG).
EPONYM_HEADS: dict[str, str] = {
    **{w: "ORG" for w in _entries(
        """
        مركز جامعه كليه مستشفي مؤسسه جائزه مكتبه معهد برنامج مشروع صندوق مجمع دار داره
        كرسي اكاديميه مستوصف وقف هيئه جمعيه
        """)},
    **{w: "LOC" for w in _entries(
        """
        مطار طريق شارع ميدان مدينه حي ملعب استاد ستاد حديقه منتزه متنزه جسر ميناء قاعده جامع
        مسجد كورنيش قصر نفق دوار محطه
        """)},
}
# Titles between the head and the name of an eponymous institution.
EPONYM_TITLES = _entries("الملك الامير الاميره الشيخ الشيخه السلطان الامام خادم_الحرمين_الشريفين")

# "son/daughter of": the links of a nasab chain (محمد بن سلمان بن عبدالعزيز).
CHAIN_PARTICLES = _entries("بن ابن بنت")
# Name particles that start a further link of a nasab chain or a family name (آل سعود): a name
# may be cited without what follows them.
NASAB_PARTICLES = CHAIN_PARTICLES | _entries("ال")
# Titles held by one person at a time in a country, by office: a given name alone after one of
# these (الملك سلمان) may stand for the one known full name with that given name and office.
UNIQUE_TITLES: dict[str, str] = {
    **dict.fromkeys(_entries("الملك العاهل خادم_الحرمين_الشريفين"), "king"),
    **dict.fromkeys(_entries("الملكه"), "queen"),
    **dict.fromkeys(_entries("السلطان"), "sultan"),
}

# Particles a person span may wrongly end on (عبد الله بن [خالد]): dropped from its end.
TRAILING_PARTICLES = _entries("بن ابن بنت ال ابو ام عبد")

# Words after a place name that do not change the place (جمهورية مصر العربية cut to مصر العربية,
# مصر الشقيقة, القدس المحتلة): a place span of a registry name and these links to the name.
PLACE_EPITHETS = _entries("العربيه العربي الشقيقه الشقيق المحتله المحتل الكبري")

# Month names (Gregorian and Levantine): no entity in a date (22 أبريل، نيسان (أبريل)، شهر أيار).
MONTH_NAMES = _entries(
    """
    يناير فبراير مارس ابريل أبريل مايو يونيو يونيه يوليو يوليه اغسطس أغسطس سبتمبر اكتوبر أكتوبر
    نوفمبر ديسمبر كانون شباط اذار آذار نيسان ايار أيار حزيران تموز اب آب ايلول أيلول تشرين
    """
)
# Words that make the next or previous word a date (شهر نيسان، شهري أيار وحزيران).
DATE_CUES = _entries("شهر شهري وشهر بشهر لشهر الشهر")

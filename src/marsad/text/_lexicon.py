"""Arabic word lists for the text layer: clitics, suffixes, function words, protected names.

Written in ordinary spelling for readability; every list is normalized (``normalize_for_matching``)
once, at import, by the modules that use it. Corpus-derived statistics live apart, in
``data/word_stats.tsv.gz`` (built by ``scripts/build_text_lexicon.py``).
"""

from __future__ import annotations

# --- proclitics -------------------------------------------------------------------------------
# Conjunctions come first in a word, then a preposition, then the article:
#   [و|ف] [ب|ك|ل] [ال]  base      (ل + ال is written لل)
CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ك", "ل")
ARTICLE = "ال"
LAM_ARTICLE = "لل"

# How much corpus evidence a split needs: strip clitic c from word w (remainder r) only when
#   count(r) >= MIN_REMAINDER_COUNT  and  count(r) >= ratio[c] * count(w).
# و is by far the commonest proclitic, so it needs the least evidence; ف/ب/ل/ك start many
# nouns and names (فكرة، بريد، لجنة، كمال), so they need the remainder to be common on its own.
MIN_REMAINDER_COUNT = 3
SPLIT_RATIO = {"و": 0.03, "ف": 1.0, "ب": 0.5, "ك": 3.0, "ل": 0.5}
# A word that itself takes the article (البلدية، البطاقة، الوزير) is a word, not clitic + word:
# nothing is split off when ال + word is seen at least this often, relative to the word.
ARTICLE_EVIDENCE_RATIO = 0.02
# A remainder that starts with the article (والعقوبات → العقوبات) is strong evidence by its shape.
ARTICLE_REMAINDER_RATIO = 0.05
# A two-letter remainder (وجد → جد, ولي → لي) must be more common than the whole word.
SHORT_REMAINDER_RATIO = 1.0
# After ف a remainder that starts like an imperfect verb or a prefixed word (فيقول، فالعقوبات)
# needs the usual evidence; any other (فقال، فكان) must be FA_OTHER_RATIO times more common than
# the whole word, since many nouns and names merely start with ف (فورد، فراس).
FA_VERB_STARTS = ("ي", "ت", "ن", "ا", "ب", "ل", "س")
FA_OTHER_RATIO = 3.0
# ك (like, as) attaches to nouns, never to a verb (ي…) and seldom to a و-word; names often
# start that way (كوفي، كيلي).
KAF_REMAINDER_NEVER_STARTS = ("ي", "و")
MIN_BASE_AFTER_ARTICLE = 2
MIN_BASE_AFTER_CLITIC = 2

# --- suffixes for light stemming ----------------------------------------------------------------
# (suffix, shortest stem that may remain). Pronouns first, then number/gender endings; at most one
# of each is removed. ة is normalized to ه, so "ه" is both the taa marbuta and "his".
PRONOUN_SUFFIXES = (
    ("هما", 3), ("كما", 4), ("هم", 3), ("هن", 3), ("ها", 3), ("كم", 4), ("كن", 4), ("نا", 4),
    ("ه", 3),
)
NUMBER_SUFFIXES = (
    ("يات", 3), ("يون", 3), ("يين", 3),
    ("ات", 3), ("ون", 3), ("ين", 3), ("ان", 3), ("وا", 3), ("يه", 3), ("ي", 3),
)
# Endings that also close many names (سلمان، ياسين، ماكرون، سامي): the corpus statistics mark the
# bases that carry them but behave like names, and those are left unstemmed.
NAME_LIKE_SUFFIXES = ("ان", "ين", "ون", "ي", "نا")
# Nisba endings (ي، يه، يون، يين، يات) are not stripped after an alef, where the ي belongs to the
# word (نهاية → نهاي, like نهايات; ولايات → ولاي).
NISBA = "ي"
NISBA_NOT_AFTER = "ا"
# Compound names ending in الله (عبدالله، نصرالله) keep their ه.
KEEP_ENDING = "الله"
# Before a pronoun the taa marbuta is written ت (عقوبة → عقوبتها); restored by dropping it when
# the stem stays at least this long.
TAA_STEM_MIN = 3

# --- function words -----------------------------------------------------------------------------
# Never split into clitics and never stemmed (بين is not ب + ين, كان is not ك + ان).
STOPWORDS = frozenset("""
في من إلى على عن مع منذ حتى عند لدى لدي نحو حول ضد عبر خلال بين بعد قبل فوق تحت أمام وراء دون
أن إن لأن لكن لكنّ بل ثم أو أم أي إذا إذ إذن لو لولا لعل ليت كي كيلا لئلا إلا غير سوى
لا لم لن ما ليس ليست لسنا كان كانت كانوا يكون تكون قد لقد فقد سوف هل
هو هي هم هن هما أنا نحن أنت أنتم إياه إياها
هذا هذه هذان هاتان هؤلاء ذلك تلك ذلكم أولئك هنا هناك هنالك
الذي التي الذين اللذان اللتان اللذين اللتين اللاتي اللواتي
له لها لهم لهن لهما لنا لي لك لكم به بها بهم بهن بهما بنا بي بك فيه فيها فيهم فيما بما لما
منه منها منهم عنه عنها عنهم عليه عليها عليهم إليه إليها إليهم معه معها معهم
كل كلا كلتا بعض جميع كما كذلك لذلك لذا أيضا فقط جدا حيث حين بينما عندما كيف كم متى أين أينما
لماذا ماذا مما ممن عما فيم الآن إنه إنها أنه أنها كأن كأنها ولكن كله كلها كلهم كلما لله
بعده بعدها بعدهم قبله قبلها قبلهم لست
""".split())
# Other words kept exactly as written (not split, not stemmed): words that look like clitic +
# function word (فتحت is not ف + تحت, فحسب not ف + حسب; كلم is the kilometre abbreviation).
KEEP_WHOLE = frozenset(["الله", "فتحت", "كلم", "كفى", "فحسب"])

# --- protected words ----------------------------------------------------------------------------
# Names and words whose first letters only look like proclitics, or whose endings only look like
# suffixes. Kept whole by the clitic splitter and by the stemmer; a clitic in front of them is
# still split off (وبوتين → و + بوتين). For names written with the article (البحرين) the article
# is split off as usual and the bare name (بحرين) is what is protected from stemming.
PROTECTED_NAMES = frozenset("""
بوتين بايدن بلينكن بوش بلير براون بيرنز بومبيو بولتون بنس بيلوسي بشار بنيامين بندر بن
بيونغ بيروت بغداد باريس برلين بكين بروكسل بودابست بوخارست بلغراد براغ برن بوسطن بنغازي بيشاور
بريطانيا بولندا بلجيكا بلغاريا بيلاروسيا البوسنة بنما بيرو بوليفيا بوروندي بنين بوتسوانا باكستان
بنغلاديش بورما البرتغال البرازيل البحرين
لبنان ليبيا لندن لافروف لاهاي لشبونة لوكسمبورغ ليتوانيا لاتفيا ليبيريا لاوس لوس ليما لوبان
فرنسا فلسطين فنزويلا فيينا فيتنام فنلندا الفلبين فلاديمير فلوريدا فرانكفورت فانكوفر فيلادلفيا
فيصل فهد فؤاد فاطمة فريد فارس فراس فادي فايز فالح فواز فيروز فتح فورد
كييف كندا كوريا كوبا كابول كازاخستان كولومبيا كينيا كرواتيا كمبوديا الكويت الكاميرون الكونغو
كيري كوشنر كلينتون كمال كامل كريم كاراكاس كشمير كتالونيا كيبيك
واشنطن ويتكوف وليد وائل وفاء وسام وديع وهيب وارسو ويلز ويلسون
موسكو روسيا أوكرانيا سوريا سورية السعودية مصر إيران العراق اليمن السودان اليابان الصين الأردن
تركيا طهران أنقرة إسرائيل أمريكا أميركا ألمانيا إيطاليا إسبانيا اليونان الهند الجزائر المغرب
تونس قطر عمان الإمارات الكرملين الناتو
سلمان سليمان عثمان رمضان عدنان حسين ياسين ماكرون ترامب تشرين حزيران نيسان كانون
بريد ولي والي
""".split())

# --- sentence splitting -------------------------------------------------------------------------
# A full stop after these does not end a sentence (any single letter counts too: د. أ. U.S.).
ABBREVIATIONS = frozenset(
    ["mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "no", "inc", "ltd", "co", "gen", "col"]
)
# Era letters after a year (2015 م. ، 1436 هـ.) do end a sentence.
ERA_LETTERS = frozenset(["م", "ه"])

"""Arabic text written for these tests (not copied from any source)."""

from __future__ import annotations

import pytest

# A news-style paragraph with the usual hazards: diacritics, tatweel, a zero-width non-joiner
# inside a word, Arabic-Indic digits with a decimal separator, a thousands comma, Latin words,
# «» quotes, Arabic punctuation, an ellipsis.
PARAGRAPH = (
    "أعلنت وزارةُ الخارجية في بيانٍ صدر صباح الثلاثاء أن الوزير سيزور كييف وباريس ولندن خلال "
    "الأسبـــوع المقبل، في جولة تهدف إلى بحث العقوبات المفر\u200cوضة على روسيا ودعم أُوكْرَانْيَا. "
    "وقال المتحدث باسم الوزارة للصحفيين: «نحن ملتزمون بالحوار مع جميع الأطراف.» وأضاف أن الحكومة "
    "خصصت ٣٫٥ مليار دولار للمساعدات الإنسانية، أي ما يعادل 1,200 مليون دولار أكثر من العام الماضي. "
    "من جهته، رحّب الرئيس الفرنسي بالزيارة، مؤكداً أن «الحوار هو الطريق الوحيد». وذكرت وكالة Reuters "
    "أن بوتين لم يعلّق بعد على الجولة؛ فيما أشارت مصادر في واشنطن إلى أن المبعوث ويتكوف قد يلتقي "
    "مسؤولين روساً قريباً… هل تنجح هذه الجهود؟ لا أحد يعرف بعد!"
)

# A scraped-article body: title line, headings without final punctuation, "- " and "• " bullets,
# a question heading, blank lines.
BODY = (
    "وزراء الطاقة يبحثون أسعار النفط في فيينا\n"
    "\n"
    "اجتمع وزراء الطاقة في العاصمة النمساوية لبحث تراجع الأسعار. وأكد المجتمعون أهمية استقرار السوق.\n"
    "خلفية الاجتماع\n"
    "تراجعت أسعار الخام بنسبة 3.5 في المئة خلال الشهر الماضي، بحسب د. سامر الحلبي؛ وهو أكبر تراجع منذ عامين.\n"
    "- خفض الإنتاج: اقترحت بعض الدول خفضاً مؤقتاً للإنتاج\n"
    "• مراقبة السوق: دعا آخرون إلى لجنة متابعة شهرية.\n"
    "ما الخطوة التالية؟\n"
    "قال أحد المندوبين «سنلتقي مجدداً في الخريف.» ولم يحدد موعداً.\n"
    "\n"
)


@pytest.fixture
def paragraph() -> str:
    return PARAGRAPH


@pytest.fixture
def body() -> str:
    return BODY

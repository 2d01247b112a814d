"""Articles written for the story API and page tests: one event (a desalination plant opens)
told by several outlets at different times — the origin, two near copies (a sentence reworded,
added or dropped), an exact copy and a free rewrite — plus a second, later two-article story and
one article on its own. A database is built from them through ``marsad.pipeline.ingest`` and
``update_stories``, as ``marsad ingest`` does.

Imported by tests/api/test_api_stories*.py and tests/web/test_web_stories*.py."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from marsad.ingest.article import Article, Block, article_id, content_hash

STORY_XSS = "<script>window.__xss=9</script>"
STORY_XSS_IMG = '<img src=x onerror="window.__xss=8">'

_PLANT_TITLE = "افتتاح محطة لتحلية مياه البحر شمال مدينة الساحل"
_PLANT = (
    "افتتح وزير المياه صباح اليوم محطة جديدة لتحلية مياه البحر شمال مدينة الساحل بطاقة إنتاجية تبلغ مئتي ألف متر مكعب يوميا.",
    "وقال الوزير في كلمة خلال حفل الافتتاح إن المحطة ستغطي حاجة نحو نصف مليون نسمة من مياه الشرب.",
    "وبلغت تكلفة المشروع قرابة أربعمئة مليون دولار، واستغرق بناؤه ثلاث سنوات.",
    "وتعمل المحطة بتقنية التناضح العكسي، وتستمد جزءا من حاجتها للكهرباء من ألواح شمسية أقيمت بجوارها.",
    "وأوضح مدير المشروع أن المرحلة الثانية ستبدأ العام المقبل لرفع الطاقة الإنتاجية إلى الضعف.",
    "ويأتي افتتاح المحطة في وقت تعاني فيه المنطقة من تراجع منسوب المياه الجوفية.",
)
# The first near copy rewords the cost sentence and adds a closing one.
_PLANT_COPY = (
    _PLANT[0], _PLANT[1],
    "وبلغت كلفة المشروع نحو أربعمئة مليون دولار، واستغرق تنفيذه ثلاث سنوات.",
    _PLANT[3], _PLANT[4], _PLANT[5],
    "وحضر حفل الافتتاح عدد من المسؤولين وممثلي الشركات المنفذة للمشروع.",
)
# The second copies the first, drops the second phase and adds a sentence carrying markup that
# must be shown as text.
_PLANT_COPY_2 = (
    _PLANT_COPY[0], _PLANT_COPY[1], _PLANT_COPY[2], _PLANT_COPY[3], _PLANT_COPY[5], _PLANT_COPY[6],
    f"ونشر حساب مجهول تعليقا يحوي الشيفرة {STORY_XSS} والوسم {STORY_XSS_IMG} فحذفته المنصة.",
)
_PLANT_REWRITE = (
    "دخلت محطة التحلية الجديدة في شمال الساحل الخدمة رسميا، لتضخ مئتي ألف متر مكعب من المياه العذبة كل يوم.",
    "ويرى خبراء أن المشروع يخفف الضغط على الآبار التي انخفض منسوبها خلال السنوات الأخيرة.",
)

_VOLLEY_TITLE = "منتخب الشباب يحرز لقب بطولة الكرة الطائرة"
_VOLLEY = (
    "أحرز منتخب الشباب لقب البطولة الإقليمية للكرة الطائرة بعد فوزه في المباراة النهائية بثلاثة أشواط دون رد.",
    "وتألق قائد الفريق في الشوط الثالث وسجل أعلى عدد من النقاط في اللقاء.",
    "وأهدى المدرب الفوز إلى الجماهير التي ساندت الفريق طوال البطولة.",
)
_VOLLEY_COPY = (
    _VOLLEY[0], _VOLLEY[1],
    "وأهدى المدرب اللقب إلى الجماهير التي ساندت اللاعبين طوال البطولة.",
    "ويستعد المنتخب للمشاركة في البطولة القارية مطلع الصيف.",
)


@dataclass(frozen=True)
class StoryDoc:
    key: str
    title: str
    paragraphs: tuple[str, ...]
    source: str | None
    published_at: str | None


STORY_DOCS: tuple[StoryDoc, ...] = (
    StoryDoc("origin", _PLANT_TITLE, _PLANT, "وكالة أنباء الساحل", "2024-04-10T08:15:00"),
    StoryDoc("near", _PLANT_TITLE, _PLANT_COPY, "صحيفة المساء", "2024-04-10T10:40:00"),
    StoryDoc("near2", "محطة تحلية جديدة شمال الساحل", _PLANT_COPY_2, "موقع الخليج <b>الإخباري</b>",
             "2024-04-10T13:05:00"),
    StoryDoc("exact", _PLANT_TITLE, _PLANT, "اليوم الإخبارية", "2024-04-10T16:20:00"),
    StoryDoc("rewrite", "المياه العذبة تتدفق من محطة التحلية الجديدة", _PLANT_REWRITE, "مجلة البيئة",
             "2024-04-11T09:00:00"),
    StoryDoc("volley", _VOLLEY_TITLE, _VOLLEY, "صحيفة الملاعب", "2024-04-12T18:00:00"),
    StoryDoc("volley_copy", _VOLLEY_TITLE, _VOLLEY_COPY, "الرياضة اليوم", "2024-04-12T21:30:00"),
    StoryDoc("alone", "مهرجان للتمور في الواحة الشرقية",
             ("انطلق مهرجان التمور السنوي في الواحة الشرقية بمشاركة مئات المزارعين من مختلف القرى.",),
             "صحيفة الواحة", "2024-04-09T12:00:00"),
)

# The keys that surely share a story (exact and near copies of the origin); "rewrite" may or
# may not join it under the default thresholds.
PLANT_COPIES = ("origin", "near", "near2", "exact")


def build_story_article(doc: StoryDoc) -> Article:
    blocks: list[Block] = []
    pos = 0
    for text in doc.paragraphs:
        blocks.append(Block("paragraph", text, pos, pos + len(text)))
        pos += len(text) + 1
    body = "\n".join(doc.paragraphs)
    return Article(
        id=article_id(url=None, source=doc.source, title=doc.title, body=body), title=doc.title, body=body,
        blocks=tuple(blocks), content_hash=content_hash(doc.title, body), source=doc.source,
        published_at=doc.published_at, language="ar", original=doc.title + "\n" + body,
        origin=f"test:{doc.key}", format="text", layer="test",
    )


STORY_ARTICLES: dict[str, Article] = {d.key: build_story_article(d) for d in STORY_DOCS}


def build_story_db(path: Path) -> Path:
    """The articles stored at ``path`` and clustered into stories, as ``marsad ingest`` does."""
    from marsad.pipeline import ingest, update_stories
    from marsad.store import open_store

    with open_store(path) as store:
        report = ingest(store, iter(STORY_ARTICLES.values()), paths=["test"])
        assert report.new == len(STORY_ARTICLES), report.to_dict()
        update = update_stories(store)
        assert update.clustered == len(STORY_ARTICLES), update.to_dict()
    return path

"""Articles written for the entity, event and annotation tests: sanctions on Russia, aid to
Ukraine, talks in Ankara, a statement carrying markup that must stay text, and one article with
no names at all, on four days. A database is built from them through ``marsad.pipeline.ingest``
(text analysis → entities → events, quotes, tone and signals), as ``marsad ingest`` does.

Imported by tests/api/test_api_entities*.py, tests/api/test_api_events*.py and
tests/web/test_web_entities*.py."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from marsad.ingest.article import Article, Block, article_id, content_hash

ENTITY_XSS = "<script>window.__xss=5</script>"
ENTITY_XSS_IMG = '<img src=x onerror="window.__xss=6">'
SANCTION_SENTENCE = "فرضت الدول الغربية عقوبات جديدة على روسيا بسبب الحرب في أوكرانيا."
QUOTE_TEXT = "العقوبات ستبقى قائمة حتى تتوقف الحرب"
HOSTILE_QUOTE = f"{ENTITY_XSS} لن نتراجع عن موقفنا"


@dataclass(frozen=True)
class EntityDoc:
    key: str
    title: str
    blocks: tuple[tuple[str, str], ...]  # (kind, text)
    source: str | None
    published_at: str


ENTITY_DOCS: tuple[EntityDoc, ...] = (
    EntityDoc("sanctions", "عقوبات غربية جديدة على روسيا", (
        ("paragraph", SANCTION_SENTENCE),
        ("paragraph", f"وقال وزير الخارجية الأمريكي في مؤتمر صحفي: «{QUOTE_TEXT}»."),
        ("paragraph", "ونددت موسكو بالقرار ووصفته بأنه عدائي، وقالت مصادر مطلعة إن الكرملين يدرس الرد."),
    ), "وكالة الأنباء", "2024-05-01T09:00:00"),
    EntityDoc("aid", "مساعدات أمريكية جديدة لأوكرانيا", (
        ("paragraph", "أعلنت الولايات المتحدة تقديم مساعدات عسكرية جديدة لأوكرانيا، فيما اتهمت روسيا واشنطن بإطالة أمد الحرب."),
        ("heading", "ردود الفعل"),
        ("paragraph", "ورحبت كييف بالقرار، وقال مسؤول أوكراني إن الشحنات الأولى ستصل خلال أيام."),
    ), "صحيفة الغد", "2024-05-02T10:30:00"),
    EntityDoc("talks", "محادثات روسية تركية في أنقرة", (
        ("paragraph", "التقى وزير الخارجية الروسي نظيره التركي في أنقرة لبحث الحرب في أوكرانيا."),
        ("paragraph", "ولم تفرض تركيا أي عقوبات على روسيا حتى الآن، وقد تستضيف جولة جديدة من المحادثات."),
    ), "وكالة الأنباء", "2024-05-03T12:00:00"),
    EntityDoc("hostile", "موسكو ترفض الشروط <b>عاجل</b>", (
        ("paragraph", f"قال متحدث باسم <b>الكرملين</b> إن موسكو لن تقبل الشروط الغربية {ENTITY_XSS_IMG} مهما طال الوقت."),
        ("paragraph", f"وقال المتحدث: «{HOSTILE_QUOTE}»."),
    ), "مصدر <i>مائل</i>", "2024-05-04T08:00:00"),
    EntityDoc("books", "افتتاح معرض الكتاب السنوي", (
        ("paragraph", "افتتح معرض الكتاب السنوي أبوابه صباح اليوم بمشاركة مئات دور النشر."),
    ), "المدينة الثقافية", "2024-05-04T11:00:00"),
)


def build_entity_article(doc: EntityDoc) -> Article:
    blocks: list[Block] = []
    pos = 0
    for kind, text in doc.blocks:
        blocks.append(Block(kind, text, pos, pos + len(text)))  # type: ignore[arg-type]
        pos += len(text) + 1
    body = "\n".join(text for _, text in doc.blocks)
    return Article(
        id=article_id(url=None, source=doc.source, title=doc.title, body=body), title=doc.title, body=body,
        blocks=tuple(blocks), content_hash=content_hash(doc.title, body), source=doc.source, url=None,
        published_at=doc.published_at, language="ar", original=doc.title + "\n" + body,
        origin=f"test:{doc.key}", format="text", layer="test",
    )


ENTITY_ARTICLES: dict[str, Article] = {d.key: build_entity_article(d) for d in ENTITY_DOCS}


def build_entity_db(path: Path) -> Path:
    """The corpus stored at ``path`` through ``marsad.pipeline.ingest``."""
    from marsad.pipeline import ingest
    from marsad.store import open_store

    with open_store(path) as store:
        report = ingest(store, iter(ENTITY_ARTICLES.values()), paths=["test"])
    assert report.new == len(ENTITY_ARTICLES), report.to_dict()
    return path


def entity_app(db_path: Path):
    """The app over ``db_path`` with the entity and event routes and pages: added here while
    ``marsad.api.app`` / ``marsad.web.install_web`` do not list them yet, left alone once they do."""
    from marsad.api import create_app
    from marsad.api.routers import entities, events
    from marsad.web.entity_pages import router as pages

    app = create_app(db_path, token=None)
    # FastAPI keeps an included router whole (``original_router``) or copies its routes in,
    # depending on the version: look for either.
    included = {id(getattr(route, "original_router", None)) for route in app.routes}
    paths = {getattr(route, "path", None) for route in app.routes}
    for router in (entities.router, events.router, pages):
        if id(router) not in included and not any(getattr(r, "path", None) in paths for r in router.routes):
            app.include_router(router)
    return app

"""A small corpus for the API and web tests (written for these tests), a database built from it
through the library's own ingest, and an in-process client for the app (no network).

Imported by tests/api/conftest.py and tests/web/conftest.py."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import anyio
import httpx

from marsad.ingest.article import Article, Block, article_id, content_hash

TOKEN = "test-token-7f3a"  # the ingest bearer token the test apps are created with
XSS_SCRIPT = "<script>window.__xss=1</script>"
XSS_IMG = '<img src=x onerror="window.__xss=2">'


@dataclass(frozen=True)
class Doc:
    key: str
    title: str
    blocks: tuple[tuple[str, str], ...]  # (kind, text)
    source: str | None
    published_at: str | None
    url: str | None = None
    language: str | None = "ar"


DOCS: tuple[Doc, ...] = (
    Doc("aid", "وصول شحنة مساعدات طبية إلى أوكرانيا", (
        ("paragraph", "أعلنت منظمة إغاثة دولية وصول شحنة جديدة من المساعدات الطبية لأوكرانيا صباح الجمعة."),
        ("heading", "محتويات الشحنة"),
        ("bullet", "أدوية للأمراض المزمنة"),
        ("bullet", "معدات جراحية ومستلزمات إسعاف"),
        ("paragraph", "وقال متحدث باسم المنظمة إن الشحنة ستوزع على المستشفيات خلال أسبوع."),
    ), "صحيفة الشرق", "2024-03-01", "https://example.org/news/aid"),
    Doc("oil", "أسعار النفط ترتفع مع تراجع المخزونات", (
        ("paragraph", "ارتفعت أسعار النفط في تعاملات الأسواق الآسيوية بعد بيانات أظهرت تراجع المخزونات."),
        ("paragraph", "ويتوقع محللون أن يستمر ارتفاع الأسعار حتى نهاية الشهر الجاري."),
    ), "الاقتصادية اليوم", "2024-03-02"),
    Doc("energy", "اجتماع وزاري لبحث أمن الطاقة", (
        ("paragraph", "ناقش وزراء الطاقة في اجتماعهم أسعار النفط وإمدادات الغاز إلى أوروبا."),
        ("paragraph", "واتفق المجتمعون على لقاء ثان في الربيع المقبل."),
    ), "صحيفة الشرق", "2024-03-05"),
    Doc("books", "افتتاح معرض الكتاب بمشاركة واسعة", (
        ("paragraph", "افتتح معرض الكتاب أبوابه أمس بمشاركة أكثر من خمسمئة دار نشر عربية."),
    ), "المدينة الثقافية", "2024-02-20"),
    Doc("match", "فريق المدينة يفوز في مباراة الافتتاح", (
        ("paragraph", "حقق الفريق فوزا مستحقا في مباراة افتتاح الموسم وسط حضور جماهيري كبير."),
    ), None, None),
    Doc("xss", "تحذير من رسائل احتيال في الأمن الرقمي <b>عاجل</b>", (
        ("paragraph", f"حذر خبراء الأمن الرقمي من رسائل احتيال تحمل شيفرة مثل {XSS_SCRIPT} داخل النص."),
        ("paragraph", f"ومن الأمثلة أيضا الوسم {XSS_IMG} الذي يجب أن يظهر نصا عاديا."),
    ), "مصدر <i>مائل</i>", "2024-03-03", "javascript:window.__xss=3"),
    Doc("rain", "الأمطار تغلق طرقا في المناطق الجبلية", (
        ("paragraph", "أغلقت السلطات عدة طرق في المناطق الجبلية بعد أمطار غزيرة هطلت طوال الليل."),
    ), "الاقتصادية اليوم", "2024-03-05T08:30:00"),
    Doc("english", "Oil prices climb as stocks fall", (
        ("paragraph", "Oil prices rose in Asian trading after data showed falling stocks."),
    ), "Wire English", "2024-03-04", None, "en"),
)


def build_article(doc: Doc) -> Article:
    blocks: list[Block] = []
    pos = 0
    for kind, text in doc.blocks:
        blocks.append(Block(kind, text, pos, pos + len(text)))  # type: ignore[arg-type]
        pos += len(text) + 1
    body = "\n".join(text for _, text in doc.blocks)
    return Article(
        id=article_id(url=doc.url, source=doc.source, title=doc.title, body=body), title=doc.title,
        body=body, blocks=tuple(blocks), content_hash=content_hash(doc.title, body), source=doc.source,
        url=doc.url, published_at=doc.published_at, language=doc.language,
        original=doc.title + "\n" + body, origin=f"test:{doc.key}", format="text", layer="test",
    )


ARTICLES: dict[str, Article] = {d.key: build_article(d) for d in DOCS}


def build_db(path: Path) -> Path:
    """The corpus stored at ``path`` through ``marsad.pipeline.ingest``."""
    from marsad.pipeline import ingest
    from marsad.store import open_store

    with open_store(path) as store:
        report = ingest(store, iter(ARTICLES.values()), paths=["test"])
    assert report.new == len(ARTICLES), report.to_dict()
    return path


class AppClient:
    """Synchronous calls into an ASGI app over ``httpx.ASGITransport``: in-process, no sockets."""

    def __init__(self, app: Any, *, raise_app_exceptions: bool = True) -> None:
        self.app = app
        self.raise_app_exceptions = raise_app_exceptions

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        async def call() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app, raise_app_exceptions=self.raise_app_exceptions)
            async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
                return await client.request(method, url, **kwargs)

        return anyio.run(call)

    def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("POST", url, **kwargs)

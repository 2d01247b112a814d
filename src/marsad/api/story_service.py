"""Stories as the JSON routes and the web pages both answer them: a page of the listing, one
story, the story an article belongs to. Plain functions over a ``SQLiteStore``; no HTTP here."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from marsad.store.sqlite import SQLiteStore

StoryOrder = Literal["size", "latest"]
ORDERS: tuple[str, ...] = ("size", "latest")
DEFAULT_MIN_SIZE = 2  # as ``marsad stories``: a story of one article is not news spreading


@dataclass(frozen=True, slots=True)
class StoryListing:
    order: str
    min_size: int
    limit: int
    offset: int
    stories: list[dict[str, Any]]
    has_more: bool

    @property
    def next_offset(self) -> int | None:
        return self.offset + self.limit if self.has_more else None

    def to_dict(self) -> dict[str, Any]:
        return {"order": self.order, "min_size": self.min_size, "limit": self.limit, "offset": self.offset,
                "next_offset": self.next_offset, "stories": self.stories}


def list_stories(store: SQLiteStore, *, order: str = "size", min_size: int = DEFAULT_MIN_SIZE,
                 limit: int = 20, offset: int = 0) -> StoryListing:
    """One page of stories; one row more is read to tell whether another page follows."""
    rows = store.list_stories(limit=limit + 1, offset=offset, order=order, min_size=min_size)
    return StoryListing(order, min_size, limit, offset, rows[:limit], len(rows) > limit)


def outlets_in_order(members: list[dict[str, Any]]) -> list[str | None]:
    """Each outlet once, in the order it first carried the story (members come oldest first);
    None stands for members whose outlet is unknown."""
    return list(dict.fromkeys(m["source"] for m in members))


@dataclass(frozen=True, slots=True)
class ArticleStory:
    """Where one article stands in its story."""

    article_id: str
    story_id: str
    title: str
    size: int
    outlets: int
    origin: str | None
    is_origin: bool
    other_articles: int
    other_outlets: tuple[str, ...]  # outlets other than the article's own, first carrier first

    def to_dict(self) -> dict[str, Any]:
        return {"article_id": self.article_id, "story_id": self.story_id, "title": self.title,
                "size": self.size, "outlets": self.outlets, "origin": self.origin,
                "is_origin": self.is_origin, "other_articles": self.other_articles,
                "other_outlets": list(self.other_outlets)}


def article_story(store: SQLiteStore, article_id: str, story_id: str | None = None) -> ArticleStory | None:
    """The story of ``article_id`` (None while it is in no story). ``story_id`` saves the lookup
    when the caller already has it (``StoredArticle.layers["story_id"]``)."""
    story_id = story_id or store.story_of_article(article_id)
    if story_id is None:
        return None
    story = store.get_story(story_id)
    members = story["members"]
    own = next((m["source"] for m in members if m["id"] == article_id), None)
    others = tuple(s for s in outlets_in_order([m for m in members if m["id"] != article_id])
                   if s and s != own)
    return ArticleStory(article_id, story["id"], story["title"], story["size"], story["outlets"],
                        story["origin"], story["origin"] == article_id, len(members) - 1, others)

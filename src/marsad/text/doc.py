"""``Doc``: one article's text with its sentences, tokens and the layers later stages add.

``analyze(article_id, text)`` makes the first ``Doc`` (sentences and tokens); extraction stages
return new ``Doc``s through ``with_layer("mentions", ...)``. A ``Doc`` is immutable: its layers are
a read-only mapping, and adding one copies the mapping, not the tokens.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any

from marsad.text.segment import Sentence, split_sentences
from marsad.text.tokenize import Token, tokenize

__all__ = ["Doc", "analyze"]


@dataclass(frozen=True, slots=True)
class Doc:
    """An article's text for the pipeline; every span in it is an offset into ``text``."""

    article_id: str
    text: str
    sentences: tuple[Sentence, ...] = ()
    tokens: tuple[Token, ...] = ()
    layers: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "sentences", tuple(self.sentences))
        object.__setattr__(self, "tokens", tuple(self.tokens))
        object.__setattr__(self, "layers", MappingProxyType(dict(self.layers)))

    def with_layer(self, name: str, value: Any) -> Doc:
        """A copy of this ``Doc`` with layer ``name`` set (replaced if present)."""
        return replace(self, layers={**self.layers, name: value})

    def tokens_in(self, start: int, end: int) -> tuple[Token, ...]:
        """The tokens lying inside ``[start, end)``, e.g. a sentence's."""
        first = bisect_left(self.tokens, start, key=_token_start)
        last = bisect_left(self.tokens, end, lo=first, key=_token_start)
        while last > first and self.tokens[last - 1].end > end:
            last -= 1
        return self.tokens[first:last]

    def sentence_tokens(self, sentence: Sentence) -> tuple[Token, ...]:
        return self.tokens_in(sentence.start, sentence.end)

    def to_dict(self) -> dict[str, Any]:
        """Plain data (JSON-ready when the layers' values are)."""
        return {
            "article_id": self.article_id,
            "text": self.text,
            "sentences": [s.to_dict() for s in self.sentences],
            "tokens": [t.to_dict() for t in self.tokens],
            "layers": {name: _plain(value) for name, value in self.layers.items()},
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Doc:
        """Inverse of ``to_dict``; layers come back as the plain data they were stored as."""
        return cls(
            article_id=data["article_id"],
            text=data["text"],
            sentences=tuple(Sentence.from_dict(s) for s in data.get("sentences", ())),
            tokens=tuple(Token.from_dict(t) for t in data.get("tokens", ())),
            layers=dict(data.get("layers", {})),
        )


def analyze(article_id: str, text: str) -> Doc:
    """Sentences and tokens of ``text``: the ``Doc`` every later stage starts from."""
    return Doc(article_id, text, tuple(split_sentences(text)), tuple(tokenize(text)))


def _token_start(token: Token) -> int:
    return token.start


def _plain(value: Any) -> Any:
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, Mapping):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value

"""Entity linking: canonical entities, article mentions, cross-article resolution.

- ``load_registry()`` / ``Registry``: countries, cities, regions, organisations and demonyms from the
  committed tables in ``marsad/extract/data/`` (``scripts/build_entity_tables.py`` builds them);
- ``link_article(text, spans, registry)``: recognizer spans plus registry names → ``Mention``s and
  ``Entity``s, with in-article coreference and roles;
- ``EntityResolver``: one id per person/organisation across articles (``to_dict``/``from_dict``).
"""

from .keys import name_key, skeleton, skeleton_key
from .linker import link_article
from .registry import AliasEntry, Registry, load_registry
from .resolver import FUZZY_MIN_RATIO, EntityResolver

__all__ = [
    "FUZZY_MIN_RATIO",
    "AliasEntry",
    "EntityResolver",
    "Registry",
    "link_article",
    "load_registry",
    "name_key",
    "skeleton",
    "skeleton_key",
]

"""Extraction: entities, linking, events, quotes, tone and credibility signals."""

from __future__ import annotations

import marsad.ingest


def test_public_names_resolve() -> None:
    for name in marsad.ingest.__all__:
        assert callable(getattr(marsad.ingest, name)), name

"""marsad (مرصد): Arabic-first news intelligence."""

from __future__ import annotations

import logging

from marsad.errors import (
    ConfigError,
    EvalError,
    IngestError,
    MarsadError,
    ModelError,
    NotFoundError,
    StoreError,
    TooLargeError,
)

__version__ = "0.1.0"

__all__ = [
    "ConfigError",
    "EvalError",
    "IngestError",
    "MarsadError",
    "ModelError",
    "NotFoundError",
    "StoreError",
    "TooLargeError",
    "__version__",
]

logging.getLogger("marsad").addHandler(logging.NullHandler())

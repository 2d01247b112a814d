"""marsad's one exception tree.

    MarsadError
     ├── ConfigError          bad settings, flags or environment
     ├── IngestError          a file or record could not be read (knows .path and .record)
     │    └── TooLargeError   over a documented size limit
     ├── StoreError           the database refused or is not a marsad database
     │    └── NotFoundError   no article/entity/story with that id
     ├── ModelError           a shipped model file is missing or unreadable
     └── EvalError            an evaluation file is malformed

Messages say what failed, where, and what to do; the CLI and API print them as they are.
"""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "EvalError",
    "IngestError",
    "MarsadError",
    "ModelError",
    "NotFoundError",
    "StoreError",
    "TooLargeError",
]


class MarsadError(Exception):
    """Root of every error marsad raises on purpose."""


class ConfigError(MarsadError):
    """A setting, flag or environment variable is invalid."""


class IngestError(MarsadError):
    """A file or one record in it could not be turned into an article.

    ``path`` names the file, ``record`` the line or member inside it (``None`` for whole files).
    ``str(err)`` is one line: ``path[:record]: reason``.
    """

    def __init__(self, path: str, reason: str, record: int | str | None = None) -> None:
        self.path = path
        self.record = record
        self.reason = reason
        where = path if record is None else f"{path}:{record}"
        super().__init__(f"{where}: {reason}")

    def __reduce__(self) -> tuple[type, tuple[str, str, int | str | None]]:
        # Exceptions pickle their message only; rebuild from the fields instead.
        return (type(self), (self.path, self.reason, self.record))


class TooLargeError(IngestError):
    """The input is over a documented size limit (see ``marsad.settings``)."""


class StoreError(MarsadError):
    """The store could not be opened, migrated or written."""


class NotFoundError(StoreError):
    """No row with the requested id."""


class ModelError(MarsadError):
    """A shipped model file is missing, corrupt or of an unknown version."""


class EvalError(MarsadError):
    """An evaluation file is malformed; the message names the line."""

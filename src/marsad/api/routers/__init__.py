"""One router module per resource. Each exposes ``router``; a module whose stage may be absent
also exposes ``available() -> bool`` and is left out of the app when it answers False."""

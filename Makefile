# marsad — two commands from a fresh Debian/Python 3.11 machine: `make demo`, `make test`.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)
DEMO_DB ?= demo.db

PORT    ?= 8000
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: install browser demo serve test bench clean

$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -r requirements.lock
	$(BIN)/python -m pip install -q --no-deps -e .
	@rm -f $(VENV)/.installed-*; touch $@

install: $(STAMP)

# Debian's Chromium drives the browser tests (Playwright never downloads a browser here).
browser:
	@command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium >/dev/null; }

demo: install
	@rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/marsad --db $(DEMO_DB) ingest samples/ || test $$? -eq 3
	$(BIN)/marsad --db $(DEMO_DB) stats
	$(BIN)/marsad --db $(DEMO_DB) search "أوكرانيا" --limit 3
	$(BIN)/marsad --db $(DEMO_DB) search "العقوبات على روسيا" --limit 3
	$(BIN)/marsad --db $(DEMO_DB) search "الاتفاق النووي" --limit 3
	$(BIN)/marsad --db $(DEMO_DB) search "sanctions on Russia" --semantic --limit 3
	$(BIN)/marsad --db $(DEMO_DB) stories --limit 8
	@echo "dashboard: http://127.0.0.1:$(PORT)/  (Ctrl-C to stop)"
	$(BIN)/marsad --db $(DEMO_DB) serve --port $(PORT)

serve: install
	@echo "dashboard: http://127.0.0.1:$(PORT)/"
	$(BIN)/marsad --db $(DEMO_DB) serve --port $(PORT)

test: install browser
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/dedup.py --n 20000
	$(BIN)/python bench/api.py

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm .pytest_cache

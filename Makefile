# marsad — two commands from a fresh Debian/Python 3.11 machine: `make demo`, `make test`.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)
DEMO_DB ?= demo.db

.PHONY: install demo test bench clean

$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -r requirements.lock
	$(BIN)/python -m pip install -q --no-deps -e .
	@rm -f $(VENV)/.installed-*; touch $@

install: $(STAMP)

demo: install
	@rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/marsad --db $(DEMO_DB) ingest samples/ || test $$? -eq 3
	$(BIN)/marsad --db $(DEMO_DB) stats
	$(BIN)/marsad --db $(DEMO_DB) search "أوكرانيا" --limit 3
	$(BIN)/marsad --db $(DEMO_DB) search "العقوبات على روسيا" --limit 3
	$(BIN)/marsad --db $(DEMO_DB) search "الاتفاق النووي" --limit 3

test: install
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python bench/ingest.py

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm .pytest_cache

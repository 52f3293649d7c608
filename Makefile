# Two commands matter: `make demo` and `make test`. Both start from a machine
# with only python3 and build what they need in .venv from requirements.lock.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export PORT

.PHONY: install demo test lint bench lock messages clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.lock | $(BIN)/python
	$(BIN)/python -m pip install --disable-pip-version-check --quiet --upgrade pip
	$(BIN)/python -m pip install --disable-pip-version-check --quiet -r requirements.lock
	touch $@

install: $(VENV)/.installed

demo: install
	$(BIN)/python manage.py compile_catalogues
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(BIN)/python manage.py load_demo_content
	$(BIN)/python manage.py ensure_admin
	@echo "Serving on http://127.0.0.1:$(PORT)/ (Ctrl-C to stop); scheduled pages are published every minute."
	@( while sleep 60; do $(BIN)/python manage.py publish_scheduled >/dev/null; done ) & \
	scheduler=$$!; trap 'kill $$scheduler 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: install
	$(BIN)/python manage.py compile_catalogues
	$(BIN)/python -m pytest -n 2

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# The site benchmark: a 1,000-story site on PostgreSQL served by gunicorn;
# prints a Markdown table (see bench/RESULTS.md). Needs PostgreSQL and Redis.
bench: install
	$(BIN)/python bench/site_bench.py

# Refresh the Spanish interface catalogue after changing strings (needs GNU
# gettext for extraction only; compiling uses polib).
messages: install
	$(BIN)/python manage.py makemessages -l es --ignore=".venv/*" --ignore="tests/*" --ignore="demo/*" --no-obsolete

# Re-pin every dependency after changing requirements.in.
lock: $(BIN)/python
	$(BIN)/python -m pip install --disable-pip-version-check --quiet -r requirements.in
	$(BIN)/python -m pip freeze --exclude-editable > requirements.lock

clean:
	rm -rf $(VENV) static_collected media/test

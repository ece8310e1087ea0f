# newszone — one way to run every task. `make ci` is exactly what .ci/run does.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
WORKERS ?= 2
PG_URL ?= postgres://postgres@127.0.0.1:5432/test
TEST_ENV := NEWSZONE_SECRET_KEY=test-only-not-secret NEWSZONE_MEDIA_ROOT=$(CURDIR)/var/test-media
SECRET = NEWSZONE_SECRET_KEY="$$(cat var/secret_key)"

.PHONY: run install venv demo messages test test-sqlite test-pg test-browser \
        browser-deps test-tools lint format migrations-check ci clean

run: install
	@echo "Serving the demo paper on http://127.0.0.1:$(PORT)/ (Ctrl-C stops it)"
	$(SECRET) exec $(BIN)/newszone serve --port $(PORT) --workers $(WORKERS)

install: venv var/secret_key
	$(SECRET) $(BIN)/newszone migrate --noinput
	$(SECRET) $(BIN)/newszone collectstatic --noinput --verbosity 0
	$(SECRET) $(BIN)/newszone load_demo
	$(SECRET) $(BIN)/newszone rebuild_search_index --no-progress
	$(SECRET) $(BIN)/newszone ensure_admin

venv: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

var/secret_key:
	mkdir -p var
	umask 077 && $(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > $@

messages: venv
	cd newszone && $(TEST_ENV) ../$(BIN)/newszone makemessages -l ko -l en --no-obsolete --no-location
	cd newszone && $(TEST_ENV) ../$(BIN)/newszone compilemessages

test: test-sqlite test-pg test-browser

test-sqlite: venv test-tools
	$(TEST_ENV) $(BIN)/pytest -m "not browser"

test-pg: venv test-tools
	$(TEST_ENV) DATABASE_URL=$(PG_URL) $(BIN)/pytest -m "not browser"

test-browser: venv browser-deps
	$(TEST_ENV) $(BIN)/pytest -m browser

browser-deps: node_modules/axe-core/axe.min.js
	@test -x /usr/bin/chromium || { \
	  echo "Installing Debian's chromium for the browser tests (needs root)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk; }

# exiftool writes IPTC/XMP (Korean captions, GPS) into the photos the tests upload.
test-tools:
	@command -v exiftool >/dev/null || { \
	  echo "Installing Debian's exiftool for the photo tests (needs root)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libimage-exiftool-perl; }

node_modules/axe-core/axe.min.js: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: venv
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

migrations-check: venv
	$(TEST_ENV) $(BIN)/newszone makemigrations --check --dry-run

ci: lint migrations-check test

clean:
	rm -rf $(VENV) node_modules var/static var/test-media

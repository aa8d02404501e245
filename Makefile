# Day of Action: `make demo` runs the app with demo data, `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed-dev

.PHONY: demo test install lint format check clean

$(INSTALLED): requirements/dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/dev.txt
	touch $@

install: $(INSTALLED)

# Embedded defaults: SQLite in var/, Celery's queue in files under var/, mail on the console.
demo: export DJANGO_DEBUG = true
demo: export PYTHONUNBUFFERED = 1
demo: $(INSTALLED)
	$(BIN)/python manage.py migrate --noinput
	@# Lawmakers: from ../shared/data when it is there, else downloaded; the demo starts either way.
	@if [ -d "$${DAYOFACTION_LAWMAKER_DATA_DIR:-../shared/data}/congress-legislators" ]; \
		then $(BIN)/python manage.py import_lawmakers; \
		else $(BIN)/python manage.py import_lawmakers --download; fi \
		|| echo "Lawmakers not imported. Later: $(BIN)/python manage.py import_lawmakers --path DIR (or --download)."
	@# After the lawmakers, so the demo meetings have offices to meet.
	$(BIN)/python manage.py load_demo
	@echo "Serving http://127.0.0.1:8000 with a worker and beat; Ctrl-C stops everything."
	$(BIN)/honcho --procfile Procfile.demo start

# The real PostgreSQL and Redis: DATABASE_URL and REDIS_URL, with this machine's defaults.
test: $(INSTALLED)
	$(BIN)/python -m pytest

# The app map of docs/architecture.md is a contract: lint-imports fails when an import climbs.
lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-logo

format: $(INSTALLED)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: $(INSTALLED)
	DJANGO_DEBUG=true $(BIN)/python manage.py makemigrations --check --dry-run
	DJANGO_DEBUG=false DJANGO_SECRET_KEY=check-deploy-$$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n') \
		DJANGO_ALLOWED_HOSTS=dayofaction.example.org DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
		CACHE_URL=redis://127.0.0.1:6379/1 CELERY_BROKER_URL=redis://127.0.0.1:6379/2 \
		EMAIL_URL=smtp+tls://mailer:secret@smtp.example.org:587 \
		$(BIN)/python manage.py check --deploy --fail-level WARNING

clean:
	rm -rf var staticfiles

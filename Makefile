# Community Portal — run `make help` for the list of targets.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: help setup demo run test lint audit format messages clean mutation mutation-ci

help: ## Show this help
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

setup: ## Install system packages (if missing), Python and npm dependencies, compile translations
	@bash scripts/bootstrap.sh

demo: ## Run the site with Saint Paul demo content at http://127.0.0.1:8000/
	@SKIP_BROWSER=1 bash scripts/bootstrap.sh
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	$(PY) manage.py runserver 127.0.0.1:8000

run: ## Run the development server without reloading demo content
	$(PY) manage.py runserver 127.0.0.1:8000

test: setup ## Run the whole test suite (browser tests included)
	DJANGO_SETTINGS_MODULE=cms.settings.test $(PY) -m pytest $(PYTEST_ARGS)

lint: ## Check code style, formatting, system checks and migrations (the same checks as CI)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DJANGO_SETTINGS_MODULE=cms.settings.test $(PY) manage.py check
	DJANGO_SETTINGS_MODULE=cms.settings.test $(PY) manage.py makemigrations --check --dry-run --noinput

audit: ## Known vulnerabilities in the installed Python packages and npm's runtime packages (needs network)
	$(PY) scripts/audit.py

format: ## Format code
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

messages: ## Extract UI strings into every language's catalogue
	$(PY) manage.py makemessages --all --no-wrap --ignore=node_modules --ignore=.cache \
		--ignore=staticfiles --ignore=static_build --ignore=.venv
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules

clean: ## Remove the virtualenv, caches and the local database
	rm -rf $(VENV) node_modules .cache staticfiles db.sqlite3

# Mutation testing: mutmut works on a copy of the apps in mutants/ ([tool.mutmut] in
# pyproject.toml lists the modules and the tests). Not part of `make test`. The tests it
# runs (tests/rules and three unit-test files) build their own rows on a copy of a migrated
# SQLite database, so it always runs on SQLite, whatever DATABASE_URL says.
# The report counts a survivor listed in tests/mutation_equivalents.toml (with the line it
# changes) as equivalent; the 90% line applies to the other mutants.
MUTATION_ENV := env -u DATABASE_URL DJANGO_SETTINGS_MODULE=cms.settings.test PYTHONDONTWRITEBYTECODE=1
MUTATION_JOBS ?= 2
MUTATION_CI_MODULES := "cms.preview.*" "district_councils.workflows.*" \
	"district_councils.permissions.*" "cms.api.params.*"

mutation: ## Mutation testing of the rule modules; prints survivors and kill ratios
	rm -rf mutants
	$(MUTATION_ENV) $(VENV)/bin/mutmut run --max-children $(MUTATION_JOBS)
	$(PY) scripts/mutation_report.py --min 90 $(MUTATION_REPORT_ARGS)

mutation-ci: ## The CI subset: preview links, council rights, query parameters
	rm -rf mutants
	$(MUTATION_ENV) $(VENV)/bin/mutmut run --max-children $(MUTATION_JOBS) $(MUTATION_CI_MODULES)
	$(PY) scripts/mutation_report.py --min 90

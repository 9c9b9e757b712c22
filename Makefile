# The README's two commands: `make run` (site with demo data) and `make test` (the whole suite).
# Both bootstrap a virtualenv from the lock file; running them again only does what changed.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: run test venv migrate demo lint messages lock clean

run: migrate demo
	@echo "Serving on http://127.0.0.1:$(PORT)/ — press Ctrl+C to stop."
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

test: venv
	$(PY) -m pytest $(PYTEST_ARGS)

venv: $(STAMP)

$(STAMP): requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (found %s); set PYTHON=python3.x" % sys.version.split()[0])'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip>=24"
	$(PY) -m pip install --quiet --require-hashes -r requirements.lock
	touch $(STAMP)

migrate: venv
	$(PY) manage.py migrate --noinput

demo: venv
	$(PY) manage.py load_demo

lint: venv
	$(VENV)/bin/ruff check .
	$(PY) manage.py makemigrations --check --dry-run

# Needs GNU gettext; the compiled catalogs are committed so that running the site does not.
messages: venv
	$(PY) manage.py makemessages --all --ignore='.venv/*' --ignore='var/*' --no-obsolete
	$(PY) manage.py compilemessages --ignore='.venv/*'

# Re-resolve the lock after changing pyproject.toml (needs pip-tools in the venv).
lock: venv
	$(PY) -m pip install --quiet pip-tools
	$(VENV)/bin/pip-compile --quiet --extra dev --generate-hashes --strip-extras -o requirements.lock pyproject.toml

clean:
	rm -rf $(VENV) var db.sqlite3

# Two commands do everything on a fresh machine with Python 3.11+ and make:
#   make run   - create .venv, install, start the bot (console chat without TELEGRAM_BOT_TOKEN)
#   make test  - create .venv, install with the test extra, lint (ruff), run the whole suite
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: run test eval bench bench-quick soak clean bytecode

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed-run

# The package's bytecode, written ahead: an editable install does not write it, nor does Python on
# import when PYTHONDONTWRITEBYTECODE is set, and compiling bot/ costs every cold start some 20 ms.
bytecode: | $(PY)
	$(PY) -m compileall -q bot

run: $(VENV)/.installed-run bytecode
	$(PY) -m bot

test: $(VENV)/.installed-test
	$(PY) -m ruff check .
	$(PY) -m pytest

eval: $(VENV)/.installed-run
	$(PY) -m bot eval tests/eval/questions.yaml

$(VENV)/.installed-bench: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[test,bench]'
	touch $@

bench: $(VENV)/.installed-bench bytecode
	$(PY) -m benchmarks.bench

bench-quick: $(VENV)/.installed-bench bytecode
	$(PY) -m benchmarks.bench --sizes 1000

# Ten minutes of the real bot against the fake Bot API at 50 updates a second (not part of test).
soak: $(VENV)/.installed-test
	$(PY) -m tests.soak

clean:
	rm -rf $(VENV) .cache

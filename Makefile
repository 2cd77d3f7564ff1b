# The course in two commands:
#   make lab    set up .venv (Python 3.13), start LocalStack, open JupyterLab on lesson 00
#   make test   set up the same way, then run every test with a LocalStack of its own
# Also: make hub (a JupyterHub for a class: docs/classroom.md) | notebooks | bench | mutants |
#       verdicts | lock | clean | distclean | find-python
#
# Knobs: LOCALSTACK_PORT (4566), LAB_PORT (8888), LAB_ARGS (e.g. --no-browser), LAB_START,
#        PYTEST_ARGS (e.g. -x -k fifo), PYTEST_WORKERS (2), PYTHON (a python3.13 to use),
#        HUB_PORT (8000; make hub also needs TOYQUEUE_HUB_PASSWORD in the environment).

SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.requirements.stamp
LOCALSTACK_PORT ?= 4566
LAB_PORT        ?= 8888
LAB_ARGS        ?=
# JupyterLab serves the whole project (the lessons link to ../exercises/ and ../README.md) and
# opens on this notebook (so does each learner's server under `make hub`); the Korean edition:
# LAB_START=notebooks/ko/00_setup.ipynb
LAB_START       ?= notebooks/00_setup.ipynb
HUB_PORT        ?= 8000
CHP    := classroom/node_modules/.bin/configurable-http-proxy
PYTEST_WORKERS  ?= 2
PYTEST_ARGS     ?=
# JupyterLab refuses to run as root unless told; it only listens on 127.0.0.1 here.
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root)
PYTHON_FALLBACKS ?= /usr/bin/python3.13 /usr/local/bin/python3.13

# Keep Jupyter's, IPython's and matplotlib's per-user files inside the project (.make/ is
# git-ignored): nothing is written to $HOME, and a stray ~/.local kernelspec cannot hijack the
# notebooks' `python3` kernel.
export JUPYTER_CONFIG_DIR  := $(CURDIR)/.make/jupyter/config
export JUPYTER_DATA_DIR    := $(CURDIR)/.make/jupyter/data
export JUPYTER_RUNTIME_DIR := $(CURDIR)/.make/jupyter/runtime
export JUPYTER_PLATFORM_DIRS := 1
export JUPYTER_PREFER_ENV_PATH := 1
export IPYTHONDIR          := $(CURDIR)/.make/ipython
export MPLCONFIGDIR        := $(CURDIR)/.make/matplotlib
export PYTHONDONTWRITEBYTECODE := 1

# Prints the path of a Python 3.13 that really runs (and can make a venv), or explains how to
# get one. Order: $PYTHON, python3.13 on PATH, pyenv's 3.13.x, /usr/bin, /usr/local/bin.
define FIND_PYTHON
ok() { "$$1" -c 'import sys, venv, ensurepip; sys.exit(sys.version_info[:2] != (3, 13))' >/dev/null 2>&1; }
for c in "$${PYTHON:-}" python3.13; do
  [ -n "$$c" ] || continue
  p=$$(command -v "$$c" 2>/dev/null) || continue
  if ok "$$p"; then echo "$$p"; exit 0; fi
done
root=$$(pyenv root 2>/dev/null || echo "$${PYENV_ROOT:-$$HOME/.pyenv}")
for p in $$(ls -d "$$root"/versions/3.13.*/bin/python3.13 2>/dev/null | sort -rV) \
         $(PYTHON_FALLBACKS); do
  if [ -x "$$p" ] && ok "$$p"; then echo "$$p"; exit 0; fi
done
cat >&2 <<'MSG'
error: Python 3.13 was not found (this course needs exactly 3.13, with its venv module).
Looked for: $$PYTHON, python3.13 on PATH, pyenv's versions/3.13.*, /usr/bin and /usr/local/bin.
Get it with one of:
  Debian/Ubuntu:  sudo apt-get install python3.13 python3.13-venv
  pyenv:          pyenv install 3.13
  macOS:          brew install python@3.13
  Windows:        use WSL, or install 3.13 from python.org
or point at one you have:  make lab PYTHON=/path/to/python3.13
MSG
exit 1
endef
export FIND_PYTHON
export PYTHON

.PHONY: help lab test setup notebooks bench mutants verdicts lock clean distclean find-python localstack-status \
	hub hub-proxy

help:
	@echo "make lab    - set up (first time 2-5 min), start LocalStack, open JupyterLab on lesson 00"
	@echo "make test   - set up, then run every test (own LocalStack on a free port)"
	@echo "make hub    - JupyterHub for a class on this machine (TOYQUEUE_HUB_PASSWORD=... make hub)"
	@echo "make notebooks | bench | mutants | verdicts | lock | clean | distclean | find-python"

find-python:
	@bash -c "$$FIND_PYTHON"

# ------------------------------------------------------------------ the virtual environment

$(PY):
	@if [ -e "$(VENV)" ] && ! "$(PY)" -c 'pass' >/dev/null 2>&1; then \
	  echo "error: $(VENV) exists but its python does not run (moved or built elsewhere?)." >&2; \
	  echo "Remove it and run make again:  rm -rf $(VENV)" >&2; exit 1; fi
	@py=$$(bash -c "$$FIND_PYTHON") || exit 1; \
	  echo "Creating $(VENV) with $$py"; \
	  "$$py" -m venv "$(VENV)"

$(STAMP): requirements.txt | $(PY)
	@$(PY) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 13))' || { \
	  echo "error: $(VENV) is Python $$($(PY) -c 'import platform; print(platform.python_version())'), the course needs 3.13." >&2; \
	  echo "Remove it and run make again:  rm -rf $(VENV)" >&2; exit 1; }
	@mkdir -p "$$JUPYTER_CONFIG_DIR" "$$JUPYTER_DATA_DIR" "$$JUPYTER_RUNTIME_DIR" "$$IPYTHONDIR" "$$MPLCONFIGDIR"
	@echo "Installing the pinned packages (requirements.txt) into $(VENV)..."
	$(PY) -m pip install --disable-pip-version-check -q -r requirements.txt
	@# the notebooks (run from notebooks/) import toyqueue from the project root
	@$(PY) -c 'import sysconfig, pathlib; pathlib.Path(sysconfig.get_paths()["purelib"], "toyqueue-course.pth").write_text("$(CURDIR)\n")'
	@# the notebooks name the kernel `python3`: make it this venv's interpreter
	@$(PY) -m ipykernel install --sys-prefix --name python3 >/dev/null
	@touch $@

# JupyterLab's defaults for everyone this venv serves (make lab, make hub): no "Would you like
# to get notified about official Jupyter news?" toast over the lessons, and no update checks.
LAB_OVERRIDES := $(VENV)/share/jupyter/lab/settings/overrides.json
$(LAB_OVERRIDES): | $(STAMP)
	@mkdir -p $(@D)
	@echo '{"@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": false}}' > $@

setup: $(STAMP) $(LAB_OVERRIDES)
	@mkdir -p "$$JUPYTER_CONFIG_DIR" "$$JUPYTER_DATA_DIR" "$$JUPYTER_RUNTIME_DIR" "$$IPYTHONDIR" "$$MPLCONFIGDIR"

# ------------------------------------------------------------------ the two commands

lab: setup
	@$(PY) -c 'import glob, json, os, sys; \
	  infos = [json.load(open(f)) for f in glob.glob(os.path.join(os.environ["JUPYTER_RUNTIME_DIR"], "jpserver-*.json"))]; \
	  alive = lambda pid: os.path.exists(f"/proc/{pid}") if os.path.isdir("/proc") else True; \
	  s = [i for i in infos if i.get("root_dir", "").rstrip("/") == "$(CURDIR)" and alive(i.get("pid", 0))]; \
	  s and print("error: JupyterLab for this course is already running at " + s[0]["url"] + "lab (pid " + str(s[0]["pid"]) + ").\nUse that one, or stop it first (Ctrl-C in its terminal).", file=sys.stderr); \
	  sys.exit(1 if s else 0)'
	@$(PY) -m toyqueue.localstack run --port $(LOCALSTACK_PORT) -- \
	  $(PY) -m jupyterlab --ServerApp.root_dir=. --LabApp.default_url=/lab/tree/$(LAB_START) \
	  --ServerApp.ip=127.0.0.1 --ServerApp.port=$(LAB_PORT) --ServerApp.answer_yes=True $(ALLOW_ROOT) \
	  --LabApp.news_url= --LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate \
	  $(LAB_ARGS)

# make test never uses the lab's LocalStack (its queues are the learner's): conftest.py starts
# one on a free port. pytest exit code 5 (nothing collected) is a failure too.
test: setup hub-proxy
	@env -u TOYQUEUE_LOCALSTACK_URL $(PY) -m pytest -n $(PYTEST_WORKERS) --dist loadfile \
	  tests notebooks solutions $(PYTEST_ARGS); rc=$$?; \
	  if [ $$rc -eq 5 ]; then echo "error: no tests ran" >&2; fi; exit $$rc

# ------------------------------------------------------------------ a class on one machine

# JupyterHub's proxy is an npm package: installed from the registry, pinned by
# classroom/package-lock.json, into classroom/node_modules (nothing global).
$(CHP): classroom/package.json classroom/package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "error: JupyterHub's proxy (configurable-http-proxy) comes from npm: install Node.js 20+ with npm (Debian/Ubuntu: sudo apt-get install nodejs npm)." >&2; exit 1; }
	cd classroom && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

hub-proxy: $(CHP)

# One LocalStack for the class (each learner in an account of their own), the hub on
# 127.0.0.1:$(HUB_PORT). Stop with Ctrl-C: the learners' servers and the LocalStack stop too.
hub: setup hub-proxy
	@[ -n "$$TOYQUEUE_HUB_PASSWORD" ] || { echo "error: set the class password: TOYQUEUE_HUB_PASSWORD=... make hub" >&2; exit 1; }
	@TOYQUEUE_HUB_PORT=$(HUB_PORT) TOYQUEUE_HUB_START=$(LAB_START) $(PY) -m toyqueue.localstack run --port $(LOCALSTACK_PORT) -- \
	  $(PY) -m jupyterhub -f classroom/jupyterhub_config.py

# ------------------------------------------------------------------ the rest

notebooks: setup
	$(PY) tools/nbbuild.py --all

bench: setup
	@set -e; for f in benchmarks/bench_*.py; do [ -e "$$f" ] || continue; echo "== $$f"; $(PY) "$$f"; done

# How good the exercise checks are (slow, so not part of make test): mutation score per exercise,
# and the verdicts of every concurrency check over 50 runs.
mutants: setup
	$(PY) tools/mutants.py

verdicts: setup
	$(PY) tools/verdicts.py

localstack-status: setup
	@$(PY) -m toyqueue.localstack status --port $(LOCALSTACK_PORT)

# Re-resolve pyproject.toml's dependencies in a scratch venv and freeze everything they pull in.
lock:
	@rm -rf .make/lock-venv && mkdir -p .make
	@py=$$(bash -c "$$FIND_PYTHON") && "$$py" -m venv .make/lock-venv
	@.make/lock-venv/bin/python -c 'import tomllib; print("\n".join(tomllib.load(open("pyproject.toml", "rb"))["project"]["dependencies"]))' > .make/lock-inputs.txt
	.make/lock-venv/bin/python -m pip install --disable-pip-version-check -q -r .make/lock-inputs.txt
	@{ echo "# Every package pinned for Python 3.13 (the full resolved set: LocalStack's own ranges are too loose"; \
	   echo "# to trust; cbor2<6, pyopenssl<26 and service_identity are what it needs to start today)."; \
	   echo "# Regenerate: make lock"; \
	   .make/lock-venv/bin/python -m pip freeze --disable-pip-version-check --exclude pip \
	     | grep -v -i '^localstack-core==' ; \
	   .make/lock-venv/bin/python -m pip freeze --disable-pip-version-check \
	     | grep -i '^localstack-core==' | sed 's/^[Ll]ocalstack[-_]core==/localstack-core[runtime]==/'; \
	 } > requirements.txt.new && mv requirements.txt.new requirements.txt
	@rm -rf .make/lock-venv .make/lock-inputs.txt
	@echo "requirements.txt regenerated ($$(grep -c '==' requirements.txt) pins); run make test"

clean:
	@for d in .localstack/*/; do [ -f "$$d/localstack.pid" ] && $(PY) -m toyqueue.localstack stop --port "$$(basename $$d)"; done; true
	rm -rf .localstack .make .pytest_cache .hypothesis test-results classroom/node_modules
	find . -name __pycache__ -type d -not -path './.venv/*' -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV)

# Front door. Every target installs what it needs first (scripts/setup is idempotent) and calls the
# CMake presets; configurations live in CMakePresets.json.
SHELL := /bin/bash
.DEFAULT_GOAL := run
export NODE_PATH := /usr/share/nodejs
PORT ?= 8000
JOBS ?= $(shell nproc)
CONCLAB := build/native/conclab

.PHONY: deps deps-native deps-web native web web-test run test test-native test-asan test-tsan test-web test-e2e bench screenshots clean

deps:
	bash scripts/setup all

deps-native:
	bash scripts/setup native

deps-web:
	bash scripts/setup web

native: deps-native
	cmake --preset native >/dev/null
	cmake --build --preset native -j $(JOBS)

web: deps-web
	cmake --preset web >/dev/null
	cmake --build --preset web -j $(JOBS)

# The page with the process pool's test hooks (build/web-test), for the wasm and browser suites: the one web
# configuration that `make test` builds. The shipped page (`make web`) has no hooks.
web-test: deps-web
	cmake --preset web-test >/dev/null
	cmake --build --preset web-test -j $(JOBS)

## run: build the web app and serve it with COOP/COEP headers on http://127.0.0.1:$(PORT)/, with the offline
## mirror of Wikimedia Commons on the same origin (/w/api.php) for wikipics; MIRROR_FLAGS adds its faults,
## e.g. make run MIRROR_FLAGS="--bandwidth 1_200_000 --error-rate 0.1"
MIRROR_FLAGS ?=
run: web native
	@echo "Concurrency Lab: open http://127.0.0.1:$(PORT)/"
	$(CONCLAB) serve --port $(PORT) --dir build/web --mirror $(MIRROR_FLAGS)

## test: every suite — native, ASan+UBSan, TSan (every native suite but the GUI smoke), wasm under node, browser end-to-end
test: deps
	bash scripts/test-all

test-native: native
	ctest --preset native -j $(JOBS)

test-asan: deps-native
	cmake --preset native-asan >/dev/null
	cmake --build --preset native-asan -j $(JOBS)
	ctest --preset native-asan -j $(JOBS)

test-tsan: deps-native
	cmake --preset native-tsan >/dev/null
	cmake --build --preset native-tsan -j $(JOBS)
	ctest --preset native-tsan -j $(JOBS)

test-web: web-test
	ctest --preset web-test

# The suite runs against the page with test hooks (build/web-test), and its smoke test against the shipped page
# (build/web, what `make run` and GitHub Pages serve).
test-e2e: web-test web native
	cd web && CONCLAB_WEB_DIR=$(CURDIR)/build/web-test CONCLAB_SHIPPED_WEB_DIR=$(CURDIR)/build/web \
	  node --test --test-concurrency=1 tests/

## bench: figures, not tests (native executors, headless Chromium, the talk's Python on the same numbers)
bench: deps web native
	python3 bench/run

## screenshots: every demo at desktop, tablet and phone sizes in EN and PT (build/screenshots/tour/), failing where
## a panel's content runs past its edge; look at them
screenshots: deps-web web native
	cd web && CONCLAB_WEB_DIR=$(CURDIR)/build/web node bench/screenshots.mjs

clean:
	rm -rf build

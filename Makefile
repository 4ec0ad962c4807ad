# convtutor — `make run` and `make test` install what is missing, build, and go.

SWIFT ?= swift
# System libraries: cmark-gfm for lessons (libcmark-gfm-extensions-dev carries the GitHub tables).
DEBIAN_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev
# Arguments for `make run`, e.g. make run ARGS="compute conv2d --cell 1,1".
ARGS ?=

.PHONY: all deps build run test bench golden clean

all: build

deps:
	@scripts/install-deps.sh $(DEBIAN_PACKAGES)

build: deps
	$(SWIFT) build

run: build
	@"$$($(SWIFT) build --show-bin-path)/convtutor" $(ARGS)

# Unit tests, golden vectors, and the end-to-end tests that run the built binary.
test: deps
	$(SWIFT) build --build-tests
	SWIFT_BACKTRACE=interactive=no $(SWIFT) test --skip-build

# Timings of the compute core in a release build.
bench: deps
	$(SWIFT) run -c release convtutor-bench

# Regenerates the golden vectors with numpy/scipy (they are committed; tests only read them).
golden:
	python3 Tests/ConvCoreTests/Golden/make_golden.py

clean:
	$(SWIFT) package clean

# convtutor — `make run` and `make test` install what is missing, build, and go.

SWIFT ?= swift
# System libraries: cmark-gfm for lessons (libcmark-gfm-extensions-dev carries the GitHub tables),
# libyaml for their YAML blocks, ncursesw for the screen. The end-to-end tests also drive the
# binary in tmux.
DEBIAN_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev libyaml-dev libncurses-dev
TEST_PACKAGES := tmux
# Practice runs the learner's Python with numpy; its tests need both. Debian's packages are
# installed only when python3 cannot import numpy already (a pip or pyenv numpy counts).
PYTHON_PACKAGES := python3 python3-numpy
# Arguments for `make run`, e.g. make run ARGS="compute conv2d --cell 1,1".
ARGS ?=

.PHONY: all deps test-deps build run test bench golden clean

all: build

deps:
	@scripts/install-deps.sh $(DEBIAN_PACKAGES)

test-deps:
	@scripts/install-deps.sh $(DEBIAN_PACKAGES) $(TEST_PACKAGES)
	@python3 -c "import numpy" 2>/dev/null || scripts/install-deps.sh $(PYTHON_PACKAGES)

build: deps
	$(SWIFT) build

run: build
	@"$$($(SWIFT) build --show-bin-path)/convtutor" $(ARGS)

# Unit tests, golden vectors, and the end-to-end tests that run the built binary.
test: test-deps
	$(SWIFT) build --build-tests
	SWIFT_BACKTRACE=interactive=no $(SWIFT) test --skip-build

# Timings of the compute core and the tutor's frames, then the terminal figures of the real
# binary in a pseudo-terminal (first frame, idle CPU, bytes per step); release build.
bench: deps
	$(SWIFT) build -c release
	"$$($(SWIFT) build -c release --show-bin-path)/convtutor-bench"
	python3 scripts/bench_terminal.py "$$($(SWIFT) build -c release --show-bin-path)/convtutor"

# Regenerates the golden vectors with numpy/scipy (they are committed; tests only read them):
# convolution, pooling and their gradients, then pooling's options and adaptive pooling, then FFT,
# Winograd, folding, separable kernels, …
golden:
	python3 Tests/ConvCoreTests/Golden/make_golden.py
	python3 Tests/ConvCoreTests/Golden/make_golden_pool.py
	python3 Tests/ConvCoreTests/Golden/make_fast_golden.py

clean:
	$(SWIFT) package clean

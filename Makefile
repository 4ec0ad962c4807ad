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
# Where `make install` puts convtutor: PREFIX/bin/convtutor and PREFIX/share/convtutor/Lessons.
PREFIX ?= $(HOME)/.local
# The build a learner runs: optimised, with the Swift standard library and Foundation linked in
# (no Swift runtime to find at start), and not position-independent, so that the loader has no
# 88,000 relocations to apply at every start. `make run`, `make install` and `make bench` share it.
RELEASE := -c release --static-swift-stdlib -Xswiftc -Xclang-linker -Xswiftc -no-pie
RELEASE_BIN = "$$($(SWIFT) build $(RELEASE) --show-bin-path)/convtutor"

.PHONY: all deps test-deps build release run install uninstall test test-install bench golden torch-check clean

all: build

deps:
	@scripts/install-deps.sh $(DEBIAN_PACKAGES)

test-deps:
	@scripts/install-deps.sh $(DEBIAN_PACKAGES) $(TEST_PACKAGES)
	@python3 -c "import numpy" 2>/dev/null || scripts/install-deps.sh $(PYTHON_PACKAGES)

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build $(RELEASE) --product convtutor

run: release
	@$(RELEASE_BIN) $(ARGS)

install: release
	@scripts/install.sh "$(PREFIX)" $(RELEASE_BIN)

uninstall:
	@scripts/uninstall.sh "$(PREFIX)"

# Unit tests, golden vectors, and the end-to-end tests that run the built binary.
test: test-deps
	$(SWIFT) build --build-tests
	SWIFT_BACKTRACE=interactive=no $(SWIFT) test --skip-build
	$(MAKE) test-install

# End to end: installs the release build into a temporary prefix, runs it from another folder
# (by path and from PATH), and uninstalls it.
test-install: release
	scripts/test-install.sh $(RELEASE_BIN)

# Timings of the compute core and the tutor's frames, then the real binary's figures in a
# pseudo-terminal, each beside its comparison measured in the same run: start-up beside vim and
# less, 2,600 more lessons beside none, 1,000,000 reviews beside 100 (the large catalogue and
# database are generated into .build/bench), the explorer's idle CPU and bytes per step.
bench: deps
	$(SWIFT) build $(RELEASE) --product convtutor
	$(SWIFT) build $(RELEASE) --product convtutor-bench
	"$$($(SWIFT) build $(RELEASE) --show-bin-path)/convtutor-bench"
	python3 scripts/bench_terminal.py $(RELEASE_BIN) .build/bench

# Regenerates the golden vectors with numpy/scipy (they are committed; tests only read them):
# convolution, pooling and their gradients, then pooling's options and adaptive pooling, then FFT,
# Winograd, folding, separable kernels, …
golden:
	python3 Tests/ConvCoreTests/Golden/make_golden.py
	python3 Tests/ConvCoreTests/Golden/make_golden_pool.py
	python3 Tests/ConvCoreTests/Golden/make_fast_golden.py

# Runs the golden vectors of the padding and pooling options through PyTorch itself (needs torch;
# not part of `make test`): python3 -m pip install torch, or PYTHON=path/to/venv/bin/python.
PYTHON ?= python3
torch-check:
	$(PYTHON) Tests/ConvCoreTests/Golden/check_against_torch.py

clean:
	$(SWIFT) package clean

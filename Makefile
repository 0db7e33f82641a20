# The README's commands. Every target that builds first runs the idempotent set-up.
#   make run    set-up, build, start plateau serve (the web app) on the bundled example production,
#               in a SQLite file in build/; prints the URL and the demo logins (Ctrl-C stops it)
#   make example  compute the bundled example from its spreadsheet timecards: pay statements on
#               screen, the spec's JSON and the remittance report in build/
#   make test   set-up, build, run every test (ctest), the store's on SQLite and a throwaway PostgreSQL
#   make test-e2e  the web app in Debian's chromium (playwright-core)
#   make build  build only; the program lands at build/plateau
#   make bench  set-up, build, measure throughput (not a test: nothing fails on a time)
#   make fuzz   set-up, build the libFuzzer targets (clang) and run each FUZZ_SECONDS (docs/robustness.md)

BUILD_DIR   ?= build
ASAN_DIR    ?= build-asan
BUILD_TYPE  ?= RelWithDebInfo
WERROR      ?= OFF
JOBS        ?= $(shell nproc)
EXAMPLE     ?= examples/le-grand-nord.csv
FUZZ_DIR    ?= build-fuzz
FUZZ_SECONDS ?= 300
PORT        ?= 8080
DEMO_DB     ?= $(BUILD_DIR)/plateau-demo.db

.PHONY: all setup configure build run example test test-e2e test-asan bench fuzz clean

all: build

setup:
	@bash scripts/setup.sh

configure:
	@cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DPLATEAU_WERROR=$(WERROR) >/dev/null

build: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS)

# Builds the program alone (not the tests) before running it. The demo database is made afresh
# from the example on each run.
run: setup configure
	@cmake --build $(BUILD_DIR) -j $(JOBS) --target plateau
	@rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	@$(BUILD_DIR)/plateau serve --db $(DEMO_DB) --port $(PORT) --demo $(EXAMPLE)

example: setup configure
	@cmake --build $(BUILD_DIR) -j $(JOBS) --target plateau
	@$(BUILD_DIR)/plateau compute $(EXAMPLE) --format text
	@$(BUILD_DIR)/plateau compute $(EXAMPLE) --format json -o $(BUILD_DIR)/example-pay.json
	@$(BUILD_DIR)/plateau compute $(EXAMPLE) --format remittance-csv -o $(BUILD_DIR)/example-remittances.csv
	@echo "Also written: $(BUILD_DIR)/example-pay.json (the spec's JSON), $(BUILD_DIR)/example-remittances.csv (the remittance report)"

# The store's tests run on SQLite and on a throwaway PostgreSQL server started for the run.
test: setup build
	@bash tests/store/with_postgresql.sh ctest --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS)

# The web UI in a real browser: Debian's chromium driven by playwright-core (tests/e2e/run.sh).
test-e2e: setup
	@cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DPLATEAU_WERROR=$(WERROR) >/dev/null
	@cmake --build $(BUILD_DIR) -j $(JOBS) --target plateau
	@BUILD_DIR=$(BUILD_DIR) bash tests/e2e/run.sh

# Tests under AddressSanitizer and UndefinedBehaviorSanitizer, in a build directory of their own.
test-asan: setup
	@cmake -S . -B $(ASAN_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DPLATEAU_WERROR=$(WERROR) -DPLATEAU_SANITIZE=ON >/dev/null
	@cmake --build $(ASAN_DIR) -j $(JOBS)
	@cd $(ASAN_DIR) && ctest --output-on-failure -j $(JOBS)

# Throughput: the I/O floor, compute --ndjson end to end and the engine alone, at 1× and 10× a
# generated input (bench/run.sh says what is measured; docs/performance.md has the figures).
bench: setup configure
	@cmake --build $(BUILD_DIR) -j $(JOBS) --target plateau plateau-bench-generate plateau-bench-floor plateau-bench-engine
	@BUILD_DIR=$(BUILD_DIR) bash bench/run.sh

# The libFuzzer targets of fuzz/ (clang, ASan + UBSan, in build-fuzz/): every kept regression
# input, then FUZZ_SECONDS of fuzzing per target, one at a time; fails on any crash, leak,
# undefined behaviour, hang or broken invariant (fuzz/run.sh; docs/robustness.md).
fuzz: setup
	@FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_DIR=$(FUZZ_DIR) JOBS=$(JOBS) WERROR=$(WERROR) bash fuzz/run.sh

clean:
	rm -rf $(BUILD_DIR) $(ASAN_DIR) $(FUZZ_DIR)

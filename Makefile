# The two commands of the README. Each installs what is missing first (.ci/setup).
.PHONY: run test setup

## Set up, build and start the app on the demo portfolio (headless summary without a display).
run: setup
	.ci/start

## Run every test: fmt, clippy, Rust, bindings freshness, Vitest, end-to-end.
test: setup
	.ci/test

setup:
	.ci/setup

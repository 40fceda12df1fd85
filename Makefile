# SPDX-License-Identifier: GPL-2.0-only
#
# nr-security: the two commands of the README are `make demo` and `make test`; both install
# what they need from Debian 12 packages first.

BUILD      ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
OUT        ?= demo-output

# Debian 12 packages: ns-3 3.37 (libns3-dev; ns3 ships the helper programs its CMake config
# checks for) and the libraries that config needs but does not pull in,
# OpenSSL 3, Boost (headers + program_options), Google Benchmark, Wireshark's tshark, pybind11,
# Python, pytest, mscgen, and the build tools.
DEB_PACKAGES = build-essential cmake libns3-dev ns3 libgsl-dev libxml2-dev libsqlite3-dev \
               libssl-dev libboost-dev libboost-program-options-dev libbenchmark-dev tshark \
               pybind11-dev python3-dev python3-pytest mscgen

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build test bench demo clean

all: build

deps:
	@missing=""; \
	for p in $(DEB_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  echo "wireshark-common wireshark-common/install-setuid boolean false" | $(SUDO) debconf-set-selections; \
	  $(SUDO) apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends $$missing; \
	else \
	  echo "Debian packages: all present"; \
	fi

build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE)
	cmake --build $(BUILD) -j $(JOBS)

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

bench: build
	python3 bench/ratios.py $(BUILD)/bin/nr-security-bench

# Until the SMC example lands, the demo walks the key hierarchy of the reference context.
demo: build
	@mkdir -p $(OUT)
	@sh examples/nr-security-demo.sh $(BUILD)/bin/nr-security-calc | tee $(OUT)/keys.txt
	@echo "Written: $(OUT)/keys.txt"

clean:
	rm -rf $(BUILD) build-asan

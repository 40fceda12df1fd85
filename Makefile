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
# Python, pytest, mscgen, Chromium (headless, for the run report's test), and the build tools.
DEB_PACKAGES = build-essential cmake libns3-dev ns3 libgsl-dev libxml2-dev libsqlite3-dev \
               libssl-dev libboost-dev libboost-program-options-dev libbenchmark-dev tshark \
               pybind11-dev python3-dev python3-pytest python3-sphinx python3-venv mscgen \
               chromium
# Intel's Multi-Buffer Crypto for IPsec (the fast NEA/NIA backend) exists for x86-64 only.
ifeq ($(shell dpkg --print-architecture 2>/dev/null),amd64)
DEB_PACKAGES += libipsec-mb-dev
endif

# Fuzzing (make fuzz, make fuzz-smoke): clang 14 and its libFuzzer (libclang-rt-14-dev ships
# -fsanitize=fuzzer; libfuzzer-14-dev the standalone libFuzzer library).
FUZZ_DEB_PACKAGES = clang-14 libclang-rt-14-dev libfuzzer-14-dev
FUZZ_BUILD         ?= build-fuzz
FUZZ_SECONDS       ?= 60
FUZZ_SMOKE_SECONDS ?= 10
FUZZ_RUNS          ?=

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps venv build test bench scale demo doc clean fuzz-build fuzz fuzz-smoke

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
	@$(MAKE) --no-print-directory venv

build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE)
	cmake --build $(BUILD) -j $(JOBS)

# The Python packages from PyPI (cppyy for the Python bindings, pycrate, the independent ASN.1
# decoder of test nr-security-rrc-pycrate, pytest), every version pinned in
# bindings/python/requirements.txt, in a virtual environment under build/ (never system-wide):
# Debian's /usr/bin/python3 -m venv. Re-made when the requirements change.
VENV ?= build/venv
VENV_REQUIREMENTS = bindings/python/requirements.txt

venv:
	@want="$$(sha256sum $(VENV_REQUIREMENTS) | cut -c1-64)"; \
	if [ -x $(VENV)/bin/python3 ] && [ "$$(cat $(VENV)/.requirements.sha256 2>/dev/null)" = "$$want" ]; then \
	  echo "$(VENV): the pinned Python packages are present"; \
	else \
	  echo "Creating $(VENV) (PyPI: $(VENV_REQUIREMENTS); cppyy compiles its C++ part, 1-3 min)"; \
	  rm -rf $(VENV) && /usr/bin/python3 -m venv $(VENV) && \
	  $(VENV)/bin/pip install -q --disable-pip-version-check -r $(VENV_REQUIREMENTS) && \
	  echo "$$want" > $(VENV)/.requirements.sha256; \
	fi

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

bench: build
	python3 bench/ratios.py $(BUILD)/bin/nr-security-bench
	@echo "User plane: simulated Mbit/s per wall-clock second, saturating UDP over one DRB:"
	$(BUILD)/bin/nr-security-user-plane --bench=5
	@echo "Radio model: RadioModel Power against Simple (the channel before issue 16), 10000 UEs:"
	python3 bench/nr-security-radio-cost.py --smc $(BUILD)/bin/nr-security-smc --ues 10000 --runs 3

# Scale: the SMC example at 1k, 10k, 100k UEs over 1, 10, 100 cells, the user-plane example
# (a few packets per UE) and ns-3's LTE ideal-RRC attach; wall time, CPU time and peak memory
# per UE (bench/nr-security-scale.py; the runs stop at SCALE_BUDGET seconds, 14 minutes).
SCALE_BUDGET ?= 840
scale: build
	python3 bench/nr-security-scale.py --build $(BUILD) --budget $(SCALE_BUDGET)

# The main job: 1 gNB, 3 UEs, the AS Security Mode Command procedure (smc-ue-N.msc/.png), then the
# user-plane example (3 UEs, 1 s of UDP and TCP through the DRBs) into $(OUT)/user-plane/: its
# gnb-1.pcap holds the whole lifecycle, SRB0 to DRBs, ciphered, and tshark deciphers it with the
# exported keys. The SMC run's files stay in $(OUT)/.
TSHARK_DEMO = WIRESHARK_CONFIG_DIR=$(OUT)/user-plane/wireshark tshark -C nr-security -r $(OUT)/user-plane/gnb-1.pcap \
              --enable-heuristic pdcp_nr_udp --disable-protocol nas-5gs
demo: build
	@mkdir -p $(OUT)
	$(BUILD)/bin/nr-security-smc --outputDir=$(OUT)
	$(BUILD)/bin/nr-security-user-plane --ues=3 --duration=1 --outputDir=$(OUT)/user-plane
	$(BUILD)/bin/nr-security-handover --outputDir=$(OUT)/handover
	$(BUILD)/bin/nr-security-attack-alter --outputDir=$(OUT)/attack-alter
	$(BUILD)/bin/nr-security-attack-alter --mitigated=1 --outputDir=$(OUT)/attack-alter-mitigated
	@echo
	@echo "Files in $(OUT)/ (the SMC run), $(OUT)/user-plane/ and $(OUT)/handover/, each:"
	@echo "traces.csv (one row per trace event), traces-pdus.csv (one row per PDCP PDU at every"
	@echo "entity), gnb-1.pcap and ue-N.pcap (every SRB0 message and PDCP PDU on the air), keys.csv"
	@echo "(with K_AMF and the uplink NAS COUNT), a Wireshark profile with the keys (wireshark/);"
	@echo "$(OUT)/smc-ue-1.png ... smc-ue-3.png (from smc-ue-N.msc: the sequence chart of each UE of"
	@echo "the SMC run, steps 26-33 with their clauses, lost attempts and retransmissions);"
	@echo "$(OUT)/handover/ also has"
	@echo "traces-key-epochs.csv (every K_gNB of the run with the inputs of its derivation)."
	@echo "$(OUT)/attack-alter/ and attack-alter-mitigated/: the aLTEr attack (a relay redirects DNS"
	@echo "queries by flipping ciphertext bits) without and with UP integrity, each with the labelled"
	@echo "dataset dataset.csv/dataset.pcap (forged frames: tshark -Y 'ip.dsfield.dscp#1 != 0')."
	@echo "Run reports of UE 1 (open in a browser; click a PDU row for its bytes deciphered):"
	@echo "  $(OUT)/report-ue-1.html (the SMC run), $(OUT)/user-plane/report-ue-1.html (with DRBs)"
	@if command -v tshark >/dev/null; then \
	  echo "tshark's decoding of the signalling in user-plane/gnb-1.pcap (SRB0-SRB2):"; \
	  $(TSHARK_DEMO) -Y 'pdcp-nr.plane == 1' 2>/dev/null; \
	  echo "The first DRB PDUs, deciphered by tshark (frame, UE, direction 0=UL, SN, outer and"; \
	  echo "deciphered IPv4 addresses, protocols, MAC-I):"; \
	  $(TSHARK_DEMO) -Y 'pdcp-nr.plane == 2' -T fields -e frame.number -e pdcp-nr.ueid \
	    -e pdcp-nr.direction -e pdcp-nr.seq-num -e ip.src -e ip.dst -e frame.protocols \
	    -e pdcp-nr.mac 2>/dev/null | head -12; \
	  printf "  DRB PDUs: %s, deciphered into IPv4 by tshark: %s\n" \
	    "$$($(TSHARK_DEMO) -Y 'pdcp-nr.plane == 2' 2>/dev/null | wc -l)" \
	    "$$($(TSHARK_DEMO) -Y 'pdcp-nr.plane == 2 && count(ip.src) == 2' 2>/dev/null | wc -l)"; \
	  echo "MAC-I checked by tshark with the exported keys (the same command with -V):"; \
	  $(TSHARK_DEMO) -V 2>/dev/null \
	    | awk '/Matches calculated result/ {ok++} \
	           /^ *\[MAC-I Digest wrong.*but found 00000000\]/ {zero++; next} \
	           /^ *\[MAC-I Digest wrong/ {bad++} \
	           END {printf "  %d MAC-I match, %d wrong; %d sent before integrity (MAC-I 0: " \
	                "RRCSetupComplete, SecurityModeFailure)\n", ok, bad, zero}'; fi

# The module chapter as HTML (Debian's python3-sphinx; -W: a warning fails the build).
doc: deps
	/usr/bin/python3 -m sphinx -W --keep-going -q -b html doc $(BUILD)/doc/html
	@echo "HTML: $(BUILD)/doc/html/index.html"

# Fuzzing: the five libFuzzer targets of fuzz/ (PDCP PDU codec, PDCP receive path, RRC UPER
# decoders, calculator parsing, crypto backends), built with clang, ASan and UBSan in $(FUZZ_BUILD)/ (library
# included; no tests, examples or Python module), each run for FUZZ_SECONDS from its committed
# seed corpus (FUZZ_RUNS=N bounds the executions instead). fuzz-smoke: a few seconds each, as
# CI runs it; a crash fails either.
fuzz-build:
	$(MAKE) deps DEB_PACKAGES="$(DEB_PACKAGES) $(FUZZ_DEB_PACKAGES)"
	cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++-14 \
	  -DNR_SECURITY_FUZZ=ON -DNR_SECURITY_PYTHON=OFF
	cmake --build $(FUZZ_BUILD) --target nr-security-fuzz -j $(JOBS)

fuzz: fuzz-build
	bash fuzz/run-fuzz.sh $(FUZZ_BUILD) $(FUZZ_SECONDS) $(FUZZ_RUNS)

fuzz-smoke: fuzz-build
	bash fuzz/run-fuzz.sh $(FUZZ_BUILD) $(FUZZ_SMOKE_SECONDS)

clean:
	rm -rf $(BUILD) build-asan

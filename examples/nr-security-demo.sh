#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Interim `make demo`: the 5G AS key hierarchy of the project's reference context (TS 33.501
# Annex A), one derivation per line, computed by nr-security-calc.
set -e
CALC=${1:-build/bin/nr-security-calc}
KAMF=d655f16142035d4d72ca39583d228d2dd2ec0ca7929ad007f53b382d05544405
echo "K_AMF      = $KAMF"
KGNB=$($CALC kgnb --kamf $KAMF --ul-nas-count 0)
echo "K_gNB      = $KGNB   (A.9, uplink NAS COUNT 0, 3GPP access)"
$CALC as-keys --kgnb "$KGNB" --nea 2 --nia 2 | sed 's/=/ = /; s/^/           /; s/^ *K_/K_/' \
    | awk '{printf "%-10s %s %s   (A.8, NEA2/NIA2)\n", $1, $2, $3}'
echo "NH1        = $($CALC nh --kamf $KAMF --sync-input "$KGNB")   (A.10)"
echo "K_gNB*     = $($CALC kgnb-star --key "$KGNB" --pci 1 --arfcn-dl 632628)   (A.11, PCI 1, ARFCN-DL 632628)"
MAC=$($CALC nia --alg 2 --key 3dc37c61c21fb16740a2b2fe27783646 --count 1 --bearer 0 --direction 1 --bits 48 --data 000128804000)
echo "MAC-I      = $MAC   (NIA2 over SRB1 PDCP header+payload 0001 28804000, COUNT 1, downlink)"

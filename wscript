# -*- Mode: python; py-indent-offset: 4; indent-tabs-mode: nil; coding: utf-8; -*-
# SPDX-License-Identifier: GPL-2.0-only
#
# nr-security for waf-era ns-3 (<= 3.35): drop this folder into contrib/nr-security.
# The lists below must stay identical to NR_SECURITY_SOURCES, NR_SECURITY_HEADERS and
# NR_SECURITY_TEST_SOURCES of CMakeLists.txt (checked by a test).
import re


def required_boost_libs(conf):
    # ns-3's top-level wscript collects these and stores the libraries under 'BOOST'.
    conf.env['REQUIRED_BOOST_LIBS'] += ['program_options']


def configure(conf):
    conf.env.append_value('CXXFLAGS', ['-std=c++17'])
    conf.check_cfg(package='libcrypto', args=['--cflags', '--libs'], uselib_store='OPENSSL',
                   atleast_version='3.0.0', mandatory=True)
    # ipsec-mb (x86-64, libipsec-mb-dev): optional fast backend for NEA1-3 / NIA1-3.
    if conf.check_cxx(lib='IPSec_MB', header_name='intel-ipsec-mb.h', uselib_store='IPSEC_MB',
                      mandatory=False):
        conf.env.append_value('DEFINES_IPSEC_MB', ['NR_SECURITY_HAVE_IPSEC_MB'])
    # NR_SECURITY_NS3_VERSION (major * 100 + minor: 335 for ns-3.35), read by
    # model/compat/nr-security-ns3-compat.h, from the VERSION file at the top of the ns-3 tree
    # ("3-dev" on a development tree is taken as the newest).
    version = conf.srcnode.find_node('VERSION').read().strip()
    major_minor = re.match(r'^(\d+)\.(\d+)', version)
    number = int(major_minor.group(1)) * 100 + int(major_minor.group(2)) if major_minor else 999
    conf.env['DEFINES_NR_SECURITY_NS3'] = ['NR_SECURITY_NS3_VERSION=%d' % number]
    conf.env['NR_SECURITY_NS3_VERSION'] = number
    conf.msg('nr-security: NR_SECURITY_NS3_VERSION', str(number))


def build(bld):
    module = bld.create_ns3_module('nr-security', ['core', 'network', 'mobility', 'propagation',
                                                  'internet', 'virtual-net-device', 'point-to-point',
                                                  'applications'])
    module.use.append('OPENSSL')
    module.use.append('IPSEC_MB')
    # the version define for the module, its tests and the programs that use it
    module.use.append('NR_SECURITY_NS3')
    module.export_defines = bld.env['DEFINES_NR_SECURITY_NS3']
    module.source = [
        'model/crypto/nr-security-hex.cc',
        'model/crypto/nr-security-kdf.cc',
        'model/crypto/nr-security-explain.cc',
        'model/crypto/nr-security-key-chain.cc',
        'model/crypto/nr-security-algorithms.cc',
        'model/crypto/snow3g.cc',
        'model/crypto/zuc.cc',
        'model/crypto/nr-security-crypto-backend.cc',
        'model/crypto/nr-security-ipsec-mb.cc',
        'model/pdcp/nr-security-packet-bytes.cc',
        'model/pdcp/nr-security-pdcp-pdu.cc',
        'model/pdcp/nr-security-pdcp-count-guard.cc',
        'model/pdcp/nr-security-pdcp.cc',
        'model/pdcp/nr-security-pdcp-rx.cc',
        'model/pdcp/nr-security-pdcp-retransmit.cc',
        'model/pdcp/nr-security-sdap.cc',
        'model/core/nr-security-ue-capabilities.cc',
        'model/core/nr-security-amf.cc',
        'model/core/nr-security-amf-mobility.cc',
        'model/core/nr-security-pdu-session.cc',
        'model/core/nr-security-attribute-checker.cc',
        'model/core/nr-security-gtpu.cc',
        'model/core/nr-security-upf.cc',
        'model/rrc/nr-security-asn1.cc',
        'model/rrc/nr-security-rrc-message.cc',
        'model/rrc/nr-security-rrc-codec.cc',
        'model/rrc/nr-security-rrc-bearer-config.cc',
        'model/rrc/nr-security-rrc-ccch-codec.cc',
        'model/rrc/nr-security-rrc-dcch-codec.cc',
        'model/rrc/nr-security-rrc-capability-codec.cc',
        'model/rrc/nr-security-rrc-mobility-codec.cc',
        'model/rrc/nr-security-rrc-reestablishment-codec.cc',
        'model/rrc/nr-security-short-mac-i.cc',
        'model/rrc/nr-security-c-rnti-pool.cc',
        'model/rrc/nr-security-rrc.cc',
        'model/rrc/nr-security-radio-bearer.cc',
        'model/rrc/nr-security-ue-rrc.cc',
        'model/rrc/nr-security-ue-rrc-setup.cc',
        'model/rrc/nr-security-ue-rrc-smc.cc',
        'model/rrc/nr-security-ue-rrc-reconfiguration.cc',
        'model/rrc/nr-security-ue-rrc-measurement.cc',
        'model/rrc/nr-security-ue-rrc-handover.cc',
        'model/rrc/nr-security-ue-rrc-reestablishment.cc',
        'model/rrc/nr-security-ue-rrc-resume.cc',
        'model/rrc/nr-security-gnb-rrc.cc',
        'model/rrc/nr-security-gnb-rrc-setup.cc',
        'model/rrc/nr-security-gnb-rrc-smc.cc',
        'model/rrc/nr-security-gnb-rrc-reconfiguration.cc',
        'model/rrc/nr-security-gnb-rrc-handover.cc',
        'model/rrc/nr-security-gnb-rrc-handover-target.cc',
        'model/rrc/nr-security-gnb-rrc-key-refresh.cc',
        'model/rrc/nr-security-gnb-rrc-reestablishment.cc',
        'model/rrc/nr-security-gnb-rrc-retrieve.cc',
        'model/rrc/nr-security-gnb-rrc-resume.cc',
        'model/rrc/nr-security-gnb-rrc-drb-readd.cc',
        'model/air/nr-security-channel.cc',
        'model/air/nr-security-net-device.cc',
        'model/air/nr-security-ue-net-device.cc',
        'model/air/nr-security-gnb-net-device.cc',
        'model/air/nr-security-gnb-n3.cc',
        'model/air/nr-security-xn.cc',
        'model/air/nr-security-capture.cc',
        'model/air/nr-security-ue-cell-selection.cc',
        'model/adversary/nr-security-adversary-net-device.cc',
        'model/adversary/nr-security-sniffer.cc',
        'model/adversary/nr-security-injector.cc',
        'model/adversary/nr-security-mitm-relay.cc',
        'model/adversary/nr-security-jammer.cc',
        'model/adversary/nr-security-keystream-reuse.cc',
        'helper/nr-security-pcap-writer.cc',
        'helper/nr-security-pcap-recorder.cc',
        'helper/nr-security-trace-writer.cc',
        'helper/nr-security-pdu-trace-writer.cc',
        'helper/nr-security-key-epoch-writer.cc',
        'helper/nr-security-msc-chart.cc',
        'helper/nr-security-scenario.cc',
        'helper/nr-security-smc-steps.cc',
        'helper/nr-security-report-writer.cc',
        'helper/nr-security-report-html.cc',
        'helper/nr-security-msc-writer.cc',
        'helper/nr-security-user-plane.cc',
        'helper/nr-security-dataset-writer.cc',
        'helper/nr-security-helper.cc',
        'helper/nr-security-adversary-helper.cc',
    ]

    module_test = bld.create_ns3_module_test_library('nr-security')
    module_test.defines = ['NR_SECURITY_TEST_DATA_DIR="%s"' % bld.path.find_dir('test/data').abspath()]
    module_test.source = [
        'test/nr-security-test-vectors.cc',
        'test/nr-security-kdf-test-suite.cc',
        'test/nr-security-nea-test-suite.cc',
        'test/nr-security-nia-test-suite.cc',
        'test/nr-security-snow3g-test-suite.cc',
        'test/nr-security-zuc-test-suite.cc',
        'test/nr-security-crypto-cases-test-suite.cc',
        'test/nr-security-crypto-errors-test-suite.cc',
        'test/nr-security-crypto-backends-test-suite.cc',
        'test/nr-security-pdcp-test-helpers.cc',
        'test/nr-security-pdcp-cases-test-suite.cc',
        'test/nr-security-pdcp-test-suite.cc',
        'test/nr-security-pdcp-faults-test-suite.cc',
        'test/nr-security-rrc-test-suite.cc',
        'test/nr-security-rrc-messages-test-suite.cc',
        'test/nr-security-rrc-messages-refusal-test-suite.cc',
        'test/nr-security-smc-test-suite.cc',
        'test/nr-security-smc-failures-test-suite.cc',
        'test/nr-security-msc-test-suite.cc',
        'test/nr-security-pcap-pdu-trace-test-suite.cc',
        'test/nr-security-hardening-test-suite.cc',
        'test/nr-security-lifecycle-test-suite.cc',
        'test/nr-security-lifecycle-up-test-suite.cc',
        'test/nr-security-user-plane-test-suite.cc',
        'test/nr-security-user-plane-gtpu-test-suite.cc',
        'test/nr-security-key-chain-test-suite.cc',
        'test/nr-security-pdcp-reestablish-test-suite.cc',
        'test/nr-security-rrc-mobility-messages-test-suite.cc',
        'test/nr-security-handover-test-suite.cc',
        'test/nr-security-handover-agreement-test.cc',
        'test/nr-security-reestablishment-test-suite.cc',
        'test/nr-security-reestablishment-replay-test-suite.cc',
        'test/nr-security-mobility-channel-test-suite.cc',
        'test/nr-security-radio-model-test-suite.cc',
        'test/nr-security-cell-selection-test-suite.cc',
        'test/nr-security-adversary-test-suite.cc',
        'test/nr-security-vulnerability-profiles-test-suite.cc',
        'test/nr-security-vulnerability-profiles-drb-test-suite.cc',
        'test/nr-security-explain-test-suite.cc',
        'test/nr-security-crnti-test-suite.cc',
    ]

    headers = bld(features='ns3header')
    headers.module = 'nr-security'
    headers.source = [
        'model/crypto/nr-security-hex.h',
        'model/crypto/nr-security-kdf.h',
        'model/crypto/nr-security-explain.h',
        'model/crypto/nr-security-key-chain.h',
        'model/crypto/nr-security-algorithms.h',
        'model/crypto/nr-security-stream-cipher.h',
        'model/crypto/snow3g.h',
        'model/crypto/zuc.h',
        'model/crypto/nr-security-crypto-backend.h',
        'model/crypto/nr-security-ipsec-mb.h',
        'model/pdcp/nr-security-packet-bytes.h',
        'model/pdcp/nr-security-pdcp-count-guard.h',
        'model/pdcp/nr-security-pdcp-pdu.h',
        'model/pdcp/nr-security-pdcp-user.h',
        'model/pdcp/nr-security-pdcp.h',
        'model/pdcp/nr-security-sdap.h',
        'model/core/nr-security-ue-capabilities.h',
        'model/core/nr-security-amf.h',
        'model/core/nr-security-pdu-session.h',
        'model/core/nr-security-attribute-checker.h',
        'model/core/nr-security-gtpu.h',
        'model/core/nr-security-upf.h',
        'model/rrc/nr-security-asn1.h',
        'model/rrc/nr-security-rrc-message.h',
        'model/rrc/nr-security-rrc-bearer-config.h',
        'model/rrc/nr-security-rrc-codec.h',
        'model/rrc/nr-security-rrc-mobility.h',
        'model/rrc/nr-security-short-mac-i.h',
        'model/rrc/nr-security-c-rnti-pool.h',
        'model/rrc/nr-security-cell-info.h',
        'model/rrc/nr-security-key-epoch.h',
        'model/rrc/nr-security-xn-message.h',
        'model/rrc/nr-security-rrc-state.h',
        'model/rrc/nr-security-rrc.h',
        'model/rrc/nr-security-rb-pdu.h',
        'model/rrc/nr-security-radio-bearer.h',
        'model/rrc/nr-security-ue-rrc.h',
        'model/rrc/nr-security-gnb-rrc.h',
        'model/rrc/nr-security-gnb-ue-context.h',
        'model/air/nr-security-air-frame.h',
        'model/air/nr-security-channel.h',
        'model/air/nr-security-net-device.h',
        'model/air/nr-security-ue-net-device.h',
        'model/air/nr-security-gnb-net-device.h',
        'model/air/nr-security-gnb-n3.h',
        'model/air/nr-security-xn.h',
        'model/air/nr-security-capture.h',
        'model/adversary/nr-security-adversary-net-device.h',
        'model/adversary/nr-security-sniffer.h',
        'model/adversary/nr-security-injector.h',
        'model/adversary/nr-security-mitm-relay.h',
        'model/adversary/nr-security-jammer.h',
        'model/adversary/nr-security-keystream-reuse.h',
        'helper/nr-security-pcap-writer.h',
        'helper/nr-security-pcap-recorder.h',
        'helper/nr-security-trace-writer.h',
        'helper/nr-security-pdu-trace-writer.h',
        'helper/nr-security-key-epoch-writer.h',
        'helper/nr-security-msc-chart.h',
        'helper/nr-security-scenario.h',
        'helper/nr-security-smc-steps.h',
        'helper/nr-security-report-writer.h',
        'helper/nr-security-report-html.h',
        'helper/nr-security-msc-writer.h',
        'helper/nr-security-user-plane.h',
        'helper/nr-security-dataset-writer.h',
        'helper/nr-security-helper.h',
        'helper/nr-security-adversary-helper.h',
    ]

    # The examples are built and checked with ns-3 3.36 and newer only (the attack examples
    # schedule lambdas, which ns-3 schedules from 3.36 on); in 3.35 the library and its tests
    # build and pass.
    if bld.env.ENABLE_EXAMPLES and bld.env['NR_SECURITY_NS3_VERSION'] < 336:
        print('nr-security: the examples need ns-3 3.36 or newer; not built')
    if bld.env.ENABLE_EXAMPLES and bld.env['NR_SECURITY_NS3_VERSION'] >= 336:
        calc = bld.create_ns3_program('nr-security-calc', ['nr-security'])
        calc.source = 'examples/nr-security-calc.cc'
        calc.use.append('BOOST')
        smc = bld.create_ns3_program('nr-security-smc', ['nr-security', 'mobility'])
        smc.source = 'examples/nr-security-smc.cc'
        up = bld.create_ns3_program('nr-security-user-plane',
                                    ['nr-security', 'internet', 'applications'])
        up.source = 'examples/nr-security-user-plane.cc'
        ho = bld.create_ns3_program('nr-security-handover',
                                    ['nr-security', 'internet', 'applications', 'mobility'])
        ho.source = 'examples/nr-security-handover.cc'
        # the attack examples (issue 16), one file each
        attack1 = bld.create_ns3_program('nr-security-attack-alter',
                                          ['nr-security', 'internet', 'applications', 'mobility'])
        attack1.source = 'examples/attacks/nr-security-attack-alter.cc'
        attack2 = bld.create_ns3_program('nr-security-attack-revolte',
                                          ['nr-security', 'internet', 'applications', 'mobility'])
        attack2.source = 'examples/attacks/nr-security-attack-revolte.cc'
        attack3 = bld.create_ns3_program('nr-security-attack-smc-tampering',
                                          ['nr-security', 'internet', 'applications', 'mobility'])
        attack3.source = 'examples/attacks/nr-security-attack-smc-tampering.cc'
        attack4 = bld.create_ns3_program('nr-security-attack-replay',
                                          ['nr-security', 'internet', 'applications', 'mobility'])
        attack4.source = 'examples/attacks/nr-security-attack-replay.cc'
        attack5 = bld.create_ns3_program('nr-security-attack-presecurity-dos',
                                          ['nr-security', 'internet', 'applications', 'mobility'])
        attack5.source = 'examples/attacks/nr-security-attack-presecurity-dos.cc'
        attack6 = bld.create_ns3_program('nr-security-attack-capability-hijack',
                                          ['nr-security', 'internet', 'applications', 'mobility'])
        attack6.source = 'examples/attacks/nr-security-attack-capability-hijack.cc'
        attack7 = bld.create_ns3_program('nr-security-attack-fbs-capture',
                                          ['nr-security', 'internet', 'applications', 'mobility'])
        attack7.source = 'examples/attacks/nr-security-attack-fbs-capture.cc'
        attack8 = bld.create_ns3_program('nr-security-attack-blind-dos',
                                          ['nr-security', 'internet', 'applications', 'mobility'])
        attack8.source = 'examples/attacks/nr-security-attack-blind-dos.cc'
        attack9 = bld.create_ns3_program('nr-security-attack-overshadowing',
                                          ['nr-security', 'internet', 'applications', 'mobility'])
        attack9.source = 'examples/attacks/nr-security-attack-overshadowing.cc'

# -*- Mode: python; py-indent-offset: 4; indent-tabs-mode: nil; coding: utf-8; -*-
# SPDX-License-Identifier: GPL-2.0-only
#
# nr-security for waf-era ns-3 (<= 3.35): drop this folder into contrib/nr-security.
# The lists below must stay identical to NR_SECURITY_SOURCES, NR_SECURITY_HEADERS and
# NR_SECURITY_TEST_SOURCES of CMakeLists.txt (checked by a test).


def required_boost_libs(conf):
    # ns-3's top-level wscript collects these and stores the libraries under 'BOOST'.
    conf.env['REQUIRED_BOOST_LIBS'] += ['program_options']


def configure(conf):
    conf.env.append_value('CXXFLAGS', ['-std=c++17'])
    conf.check_cfg(package='libcrypto', args=['--cflags', '--libs'], uselib_store='OPENSSL',
                   atleast_version='3.0.0', mandatory=True)


def build(bld):
    module = bld.create_ns3_module('nr-security', ['core', 'network', 'mobility', 'propagation'])
    module.use.append('OPENSSL')
    module.source = [
        'model/nr-security-hex.cc',
        'model/nr-security-kdf.cc',
        'model/nr-security-algorithms.cc',
        'model/snow3g.cc',
        'model/zuc.cc',
        'model/nr-security-pdcp-pdu.cc',
        'model/nr-security-pdcp.cc',
        'model/nr-security-asn1.cc',
        'model/nr-security-rrc-message.cc',
        'model/nr-security-ue-capabilities.cc',
        'model/nr-security-amf.cc',
        'model/nr-security-channel.cc',
        'model/nr-security-net-device.cc',
        'model/nr-security-ue-net-device.cc',
        'model/nr-security-gnb-net-device.cc',
        'model/nr-security-rrc.cc',
        'model/nr-security-ue-rrc.cc',
        'model/nr-security-gnb-rrc.cc',
        'helper/nr-security-pcap-writer.cc',
        'helper/nr-security-pcap-recorder.cc',
        'helper/nr-security-trace-writer.cc',
        'helper/nr-security-msc-writer.cc',
        'helper/nr-security-helper.cc',
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
        'test/nr-security-pdcp-test-helpers.cc',
        'test/nr-security-pdcp-cases-test-suite.cc',
        'test/nr-security-pdcp-test-suite.cc',
        'test/nr-security-rrc-test-suite.cc',
        'test/nr-security-smc-test-suite.cc',
        'test/nr-security-msc-test-suite.cc',
    ]

    headers = bld(features='ns3header')
    headers.module = 'nr-security'
    headers.source = [
        'model/nr-security-hex.h',
        'model/nr-security-kdf.h',
        'model/nr-security-algorithms.h',
        'model/snow3g.h',
        'model/zuc.h',
        'model/nr-security-pdcp-pdu.h',
        'model/nr-security-pdcp.h',
        'model/nr-security-asn1.h',
        'model/nr-security-rrc-message.h',
        'model/nr-security-ue-capabilities.h',
        'model/nr-security-amf.h',
        'model/nr-security-air-frame.h',
        'model/nr-security-channel.h',
        'model/nr-security-net-device.h',
        'model/nr-security-ue-net-device.h',
        'model/nr-security-gnb-net-device.h',
        'model/nr-security-rrc-state.h',
        'model/nr-security-rrc.h',
        'model/nr-security-ue-rrc.h',
        'model/nr-security-gnb-rrc.h',
        'helper/nr-security-pcap-writer.h',
        'helper/nr-security-pcap-recorder.h',
        'helper/nr-security-trace-writer.h',
        'helper/nr-security-msc-writer.h',
        'helper/nr-security-helper.h',
    ]

    if bld.env.ENABLE_EXAMPLES:
        calc = bld.create_ns3_program('nr-security-calc', ['nr-security'])
        calc.source = 'examples/nr-security-calc.cc'
        calc.use.append('BOOST')
        smc = bld.create_ns3_program('nr-security-smc', ['nr-security', 'mobility'])
        smc.source = 'examples/nr-security-smc.cc'

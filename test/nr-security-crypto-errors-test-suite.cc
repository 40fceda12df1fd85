// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 *
 * Bad input to the crypto layer gets a clear exception naming the parameter, never undefined
 * behaviour: wrong key length, BEARER > 31, DIRECTION > 1, LENGTH longer than the buffer,
 * unknown algorithm identity, out-of-range KDF parameters.
 */
#include "nr-security-test-vectors.h"
#include "ns3/nr-security-algorithms.h"
#include "ns3/nr-security-kdf.h"
#include "ns3/test.h"

#include <functional>
#include <stdexcept>

using namespace ns3;
using ns3::nrsecuritytest::InvalidArgumentMessage;

namespace
{

bool
Names(const std::string& message, const std::string& parameter)
{
    return message.find(parameter) != std::string::npos;
}

class CryptoErrorsTestCase : public TestCase
{
  public:
    CryptoErrorsTestCase()
        : TestCase("every invalid parameter throws std::invalid_argument naming it")
    {
    }

  private:
    void Expect(const std::function<void()>& f,
                const std::string& parameter,
                const std::string& what)
    {
        std::string m = InvalidArgumentMessage(f);
        NS_TEST_EXPECT_MSG_EQ(Names(m, parameter),
                              true,
                              what << ": expected an invalid_argument naming '" << parameter
                                   << "', got '" << m << "'");
    }

    void DoRun() override
    {
        NrSecurityKey128 key{};
        std::vector<uint8_t> data(8, 0x11);
        using A = NrSecurityAlgorithms;
        for (auto c : {NrSecurityCiphering::NEA0,
                       NrSecurityCiphering::NEA1,
                       NrSecurityCiphering::NEA2,
                       NrSecurityCiphering::NEA3})
        {
            Expect(
                [&] { A::Nea(c, key, 0, 32, 0, data, 64); }, "bearer", A::Name(c) + " BEARER 32");
            Expect([&] { A::Nea(c, key, 0, 0, 2, data, 64); },
                   "direction",
                   A::Name(c) + " DIRECTION 2");
            Expect([&] { A::Nea(c, key, 0, 0, 0, data, 65); },
                   "lengthBits",
                   A::Name(c) + " LENGTH 65 > 64");
            Expect([&] { A::Nea(c, key, 0, 0, 0, data.data(), 1, 9); },
                   "lengthBits",
                   A::Name(c) + " in place LENGTH 9 > 8");
        }
        for (auto i : {NrSecurityIntegrity::NIA0,
                       NrSecurityIntegrity::NIA1,
                       NrSecurityIntegrity::NIA2,
                       NrSecurityIntegrity::NIA3})
        {
            Expect(
                [&] { A::Nia(i, key, 0, 32, 0, data, 64); }, "bearer", A::Name(i) + " BEARER 32");
            Expect([&] { A::Nia(i, key, 0, 0, 2, data, 64); },
                   "direction",
                   A::Name(i) + " DIRECTION 2");
            Expect([&] { A::Nia(i, key, 0, 0, 0, data, 65); },
                   "lengthBits",
                   A::Name(i) + " LENGTH 65 > 64");
        }
        Expect([&] { A::Nea(static_cast<NrSecurityCiphering>(4), key, 0, 0, 0, data, 8); },
               "algorithm",
               "NEA identity 4");
        Expect([&] { A::Nia(static_cast<NrSecurityIntegrity>(7), key, 0, 0, 0, data, 8); },
               "algorithm",
               "NIA identity 7");
        Expect([&] { A::CipheringFromId(4); }, "algorithm", "CipheringFromId(4)");
        Expect([&] { A::IntegrityFromId(16); }, "algorithm", "IntegrityFromId(16)");
        Expect([&] { A::Key128FromBytes(std::vector<uint8_t>(15)); }, "key", "15-byte key");
        Expect([&] { A::Key128FromBytes(std::vector<uint8_t>(32)); },
               "key",
               "32-byte key for a 128-bit key");
        Expect(
            [&] { A::Key256FromBytes(std::vector<uint8_t>(16)); }, "key", "16-byte key for K_gNB");

        NrSecurityKey256 k256{};
        Expect([&]
               { NrSecurityKdf::DeriveAlgorithmKey(k256, NrSecurityAlgorithmType::N_RRC_INT, 16); },
               "algorithmId",
               "algorithm identity 16 in A.8");
        Expect(
            [&] {
                NrSecurityKdf::DeriveAlgorithmKey(k256, static_cast<NrSecurityAlgorithmType>(7), 2);
            },
            "type",
            "algorithm type distinguisher 7 in A.8");
        Expect(
            [&] {
                NrSecurityKdf::DeriveAlgorithmKey(k256, static_cast<NrSecurityAlgorithmType>(0), 2);
            },
            "type",
            "algorithm type distinguisher 0 in A.8");
        Expect([&] { NrSecurityKdf::DeriveKgnbStar(k256, 1008, 0); }, "pci", "PCI 1008");
        Expect([&] { NrSecurityKdf::DeriveKgnbStar(k256, 0, 3279166); },
               "arfcnDl",
               "ARFCN-DL 3279166");
        Expect([&] { NrSecurityKdf::BuildS(0x69, {std::vector<uint8_t>(65536)}); },
               "P0",
               "a 65536-byte KDF parameter");

        // The boundary values themselves are accepted.
        NS_TEST_EXPECT_MSG_EQ(
            InvalidArgumentMessage(
                [&]
                {
                    A::Nia(NrSecurityIntegrity::NIA2, key, 0xFFFFFFFF, 31, 1, data, 64);
                    NrSecurityKdf::DeriveKgnbStar(k256, 1007, 3279165);
                }),
            "",
            "BEARER 31, DIRECTION 1, LENGTH = buffer, PCI 1007, ARFCN 3279165");
    }
};

class NrSecurityCryptoErrorsTestSuite : public TestSuite
{
  public:
    NrSecurityCryptoErrorsTestSuite()
        : TestSuite("nr-security-crypto-errors")
    {
        AddTestCase(new CryptoErrorsTestCase);
    }
};

NrSecurityCryptoErrorsTestSuite g_nrSecurityCryptoErrorsTestSuite;

} // namespace

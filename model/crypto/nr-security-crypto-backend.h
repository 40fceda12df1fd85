// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_CRYPTO_BACKEND_H
#define NR_SECURITY_CRYPTO_BACKEND_H

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief The implementations NrSecurityAlgorithms can run NEA1-3 and NIA1-3 on.
 *
 * ipsec-mb runs AES too because it measured faster than OpenSSL on 40- and 1500-byte messages
 * (Performance section of doc/nr-security.rst); NEA0/NIA0 need no backend.
 */
enum class NrSecurityCryptoBackend : uint8_t
{
    PORTABLE = 0, ///< our Snow3g / Zuc cores (written from the specifications) and OpenSSL 3
                  ///< EVP for AES; runs everywhere
    IPSEC_MB = 1, ///< Intel Multi-Buffer Crypto for IPsec (libIPSec_MB, x86-64 only), all six
};

/**
 * \ingroup nr-security
 * \brief Which backend NrSecurityAlgorithms uses, process-wide.
 *
 * The default is the environment variable NR_SECURITY_CRYPTO_BACKEND, read once at the first
 * crypto call: "portable", "ipsec-mb" or "auto" (= unset: ipsec-mb when it was found at
 * configure time and initialises on this CPU, else portable). Select() overrides it at any
 * time (tests use it to run every backend). Every backend gives the same output for every
 * input the API accepts, including any LENGTH in bits; the differential test suite
 * nr-security-crypto-backends checks that.
 */
class NrSecurityCryptoBackends
{
  public:
    /// The environment variable that selects the default backend.
    static constexpr const char* ENV_VARIABLE = "NR_SECURITY_CRYPTO_BACKEND";

    /**
     * \brief The backend in use; the first call reads NR_SECURITY_CRYPTO_BACKEND.
     * \return the backend.
     * \throws std::invalid_argument if NR_SECURITY_CRYPTO_BACKEND is set to a value other than
     *         "portable", "ipsec-mb" or "auto", or names a backend that is not available.
     */
    static NrSecurityCryptoBackend Selected();

    /**
     * \brief Makes NrSecurityAlgorithms use a backend from the next call on (all threads).
     * \param backend the backend.
     * \throws std::invalid_argument if the backend is not available in this build or on
     *         this CPU (see IsAvailable()).
     */
    static void Select(NrSecurityCryptoBackend backend);

    /**
     * \brief Whether a backend can be used: PORTABLE always; IPSEC_MB when the library was
     *        found at configure time (CMake option NR_SECURITY_IPSEC_MB) and its manager
     *        initialises on this CPU.
     * \param backend the backend.
     * \return true if Select(backend) would succeed.
     */
    static bool IsAvailable(NrSecurityCryptoBackend backend);

    /**
     * \brief The available backends, PORTABLE first.
     * \return the list.
     */
    static std::vector<NrSecurityCryptoBackend> Available();

    /**
     * \brief The name used by NR_SECURITY_CRYPTO_BACKEND.
     * \param backend the backend.
     * \return "portable" or "ipsec-mb".
     */
    static std::string Name(NrSecurityCryptoBackend backend);

    /**
     * \brief Parses a backend name.
     * \param name "portable" or "ipsec-mb".
     * \return the backend.
     * \throws std::invalid_argument naming the value otherwise.
     */
    static NrSecurityCryptoBackend FromName(const std::string& name);
};

} // namespace ns3

#endif // NR_SECURITY_CRYPTO_BACKEND_H

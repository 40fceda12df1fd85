// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#include "nr-security-crypto-backend.h"

#include "nr-security-ipsec-mb.h"

#include <atomic>
#include <cstdlib>
#include <stdexcept>

namespace ns3
{

namespace
{

constexpr uint8_t UNSET = 0xFF; ///< no backend chosen yet

/// The backend in use (a NrSecurityCryptoBackend value), or UNSET before the first call.
std::atomic<uint8_t> g_selected{UNSET};

/// The default: NR_SECURITY_CRYPTO_BACKEND, or the fastest available backend.
NrSecurityCryptoBackend
FromEnvironment()
{
    const char* env = std::getenv(NrSecurityCryptoBackends::ENV_VARIABLE);
    std::string value = env != nullptr ? env : "";
    if (value.empty() || value == "auto")
    {
        return NrSecurityIpsecMb::Available() ? NrSecurityCryptoBackend::IPSEC_MB
                                              : NrSecurityCryptoBackend::PORTABLE;
    }
    NrSecurityCryptoBackend b;
    try
    {
        b = NrSecurityCryptoBackends::FromName(value);
    }
    catch (const std::invalid_argument&)
    {
        throw std::invalid_argument(std::string(NrSecurityCryptoBackends::ENV_VARIABLE) + "='"
                                    + value + "' is not portable, ipsec-mb or auto");
    }
    if (!NrSecurityCryptoBackends::IsAvailable(b))
    {
        throw std::invalid_argument(std::string(NrSecurityCryptoBackends::ENV_VARIABLE) + "='"
                                    + value + "': that backend is not available in this build "
                                    + "or on this CPU");
    }
    return b;
}

} // namespace

NrSecurityCryptoBackend
NrSecurityCryptoBackends::Selected()
{
    uint8_t v = g_selected.load(std::memory_order_relaxed);
    if (v == UNSET)
    {
        uint8_t chosen = static_cast<uint8_t>(FromEnvironment());
        // A concurrent Select() wins over the default.
        g_selected.compare_exchange_strong(v, chosen, std::memory_order_relaxed);
        v = g_selected.load(std::memory_order_relaxed);
    }
    return static_cast<NrSecurityCryptoBackend>(v);
}

void
NrSecurityCryptoBackends::Select(NrSecurityCryptoBackend backend)
{
    if (!IsAvailable(backend))
    {
        throw std::invalid_argument("backend: " + Name(backend)
                                    + " is not available in this build or on this CPU");
    }
    g_selected.store(static_cast<uint8_t>(backend), std::memory_order_relaxed);
}

bool
NrSecurityCryptoBackends::IsAvailable(NrSecurityCryptoBackend backend)
{
    switch (backend)
    {
        case NrSecurityCryptoBackend::PORTABLE:
            return true;
        case NrSecurityCryptoBackend::IPSEC_MB:
            return NrSecurityIpsecMb::Available();
    }
    return false;
}

std::vector<NrSecurityCryptoBackend>
NrSecurityCryptoBackends::Available()
{
    std::vector<NrSecurityCryptoBackend> out{NrSecurityCryptoBackend::PORTABLE};
    if (IsAvailable(NrSecurityCryptoBackend::IPSEC_MB))
    {
        out.push_back(NrSecurityCryptoBackend::IPSEC_MB);
    }
    return out;
}

std::string
NrSecurityCryptoBackends::Name(NrSecurityCryptoBackend backend)
{
    switch (backend)
    {
        case NrSecurityCryptoBackend::PORTABLE:
            return "portable";
        case NrSecurityCryptoBackend::IPSEC_MB:
            return "ipsec-mb";
    }
    return "backend " + std::to_string(static_cast<unsigned>(backend));
}

NrSecurityCryptoBackend
NrSecurityCryptoBackends::FromName(const std::string& name)
{
    if (name == "portable")
    {
        return NrSecurityCryptoBackend::PORTABLE;
    }
    if (name == "ipsec-mb")
    {
        return NrSecurityCryptoBackend::IPSEC_MB;
    }
    throw std::invalid_argument("backend: '" + name + "' is not portable or ipsec-mb");
}

} // namespace ns3

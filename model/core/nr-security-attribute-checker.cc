// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#include "nr-security-attribute-checker.h"

#include <utility>

namespace ns3
{

namespace
{

/// Delegates to the value type's checker and adds the model's validity test.
class NrSecurityChecker : public AttributeChecker
{
  public:
    NrSecurityChecker(Ptr<const AttributeChecker> inner,
                      std::function<bool(const AttributeValue&)> accept,
                      std::string allowed)
        : m_inner(std::move(inner))
        , m_accept(std::move(accept))
        , m_allowed(std::move(allowed))
    {
    }

    bool Check(const AttributeValue& value) const override
    {
        if (!m_inner->Check(value))
        {
            return false;
        }
        try
        {
            return m_accept(value);
        }
        catch (...)
        {
            return false;
        }
    }

    std::string GetValueTypeName() const override
    {
        return m_inner->GetValueTypeName();
    }

    bool HasUnderlyingTypeInformation() const override
    {
        return true;
    }

    std::string GetUnderlyingTypeInformation() const override
    {
        return m_allowed;
    }

    Ptr<AttributeValue> Create() const override
    {
        return m_inner->Create();
    }

    bool Copy(const AttributeValue& source, AttributeValue& destination) const override
    {
        return m_inner->Copy(source, destination);
    }

  private:
    Ptr<const AttributeChecker> m_inner;                 ///< the value type's checker
    std::function<bool(const AttributeValue&)> m_accept; ///< the model's test
    std::string m_allowed;                               ///< documentation
};

} // namespace

Ptr<const AttributeChecker>
MakeNrSecurityChecker(Ptr<const AttributeChecker> inner,
                      std::function<bool(const AttributeValue&)> accept,
                      const std::string& allowed)
{
    return Ptr<const AttributeChecker>(new NrSecurityChecker(inner, accept, allowed), false);
}

} // namespace ns3

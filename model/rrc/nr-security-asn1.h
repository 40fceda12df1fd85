// SPDX-License-Identifier: GPL-2.0-only
/*
 * nr-security: 5G NR Access Stratum security for ns-3.
 */
#ifndef NR_SECURITY_ASN1_H
#define NR_SECURITY_ASN1_H

#include <cstddef>
#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup nr-security
 * \brief Bit-field writer for ASN.1 unaligned PER (ITU-T X.691, UNALIGNED variant).
 *
 * Appends bit-fields one after another with no alignment, most significant bit first: bit 0
 * of the encoding is bit 7 (0x80) of byte 0. This is all unaligned PER needs for the
 * fixed-size fields of the RRC messages we carry (constrained whole numbers, X.691 11.5;
 * presence bitmaps and extension bits, X.691 19 and 23). Pure C++, no ns-3 types.
 */
class NrSecurityUperWriter
{
  public:
    /**
     * \brief Appends the lengthBits least significant bits of value, most significant first.
     * \param value the value; must be below 2^lengthBits.
     * \param lengthBits the width of the bit-field in bits, 0..32 (0 appends nothing).
     * \throws std::invalid_argument if lengthBits > 32 or value does not fit in lengthBits.
     */
    void Append(uint32_t value, uint32_t lengthBits);

    /**
     * \brief Appends a single bit (a presence, extension or choice bit).
     * \param bit the bit.
     */
    void AppendBit(bool bit);

    /**
     * \return the number of bits appended so far.
     */
    size_t BitLength() const;

    /**
     * \brief The encoding padded with zero bits to a whole number of octets, as a complete
     *        encoding of the outermost type (X.691 11.1; TS 38.331 clause 8: padding bits are 0).
     *
     * An empty writer yields an empty buffer (the single zero octet that X.691 11.1 requires
     * for an empty complete encoding is the caller's business; our messages are never empty).
     * \return ceil(BitLength() / 8) bytes.
     */
    std::vector<uint8_t> Bytes() const;

  private:
    std::vector<uint8_t> m_bytes; //!< the bytes written so far, the last one possibly partial
    size_t m_bitLength{0};        //!< the number of bits written
};

/**
 * \ingroup nr-security
 * \brief Bit-field reader for ASN.1 unaligned PER (ITU-T X.691, UNALIGNED variant).
 *
 * Reads bit-fields most significant bit first from a byte buffer that it does not own (the
 * buffer must outlive the reader). Every read is bounds-checked: TryRead() reports reading
 * past the end by returning false and leaves the position unchanged, Read() throws. Pure
 * C++, no ns-3 types, no undefined behaviour on any input.
 */
class NrSecurityUperReader
{
  public:
    /**
     * \brief Reads from bytes bytes at data.
     * \param data the buffer; may be nullptr only if bytes is 0 (otherwise the reader acts
     *        as if the buffer were empty).
     * \param bytes the size of the buffer in bytes.
     */
    NrSecurityUperReader(const uint8_t* data, size_t bytes);

    /**
     * \brief Reads a bit-field of lengthBits bits, most significant bit first.
     * \param lengthBits the width in bits, 0..32 (0 reads nothing and yields 0).
     * \param value receives the value; untouched on failure.
     * \return false (and no bit consumed) if lengthBits > 32 or fewer than lengthBits bits
     *         remain; true otherwise.
     */
    bool TryRead(uint32_t lengthBits, uint32_t& value);

    /**
     * \brief Reads a bit-field of lengthBits bits, most significant bit first.
     * \param lengthBits the width in bits, 0..32.
     * \return the value.
     * \throws std::out_of_range if fewer than lengthBits bits remain (no bit is consumed).
     * \throws std::invalid_argument if lengthBits > 32.
     */
    uint32_t Read(uint32_t lengthBits);

    /**
     * \return the number of bits read so far (the position of the next bit).
     */
    size_t Position() const;

    /**
     * \return the size of the buffer in bits (8 * bytes).
     */
    size_t BitLength() const;

    /**
     * \return the number of bits not read yet.
     */
    size_t RemainingBits() const;

    /**
     * \brief Whether every bit after the position is zero, i.e. the rest is only zero
     *        padding (X.691 11.1; TS 38.331 clause 8 pads with 0 bits).
     *
     * True when nothing remains. Combine with RemainingBits() < 8 to also refuse whole
     * trailing octets.
     * \return true if the remaining bits are all zero.
     */
    bool RemainingBitsAreZero() const;

  private:
    const uint8_t* m_data; //!< the buffer (not owned)
    size_t m_bytes;        //!< its size in bytes
    size_t m_position{0};  //!< the next bit to read
};

} // namespace ns3

#endif // NR_SECURITY_ASN1_H

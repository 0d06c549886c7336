package neardup

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// Encoding versions, the first byte of a marshalled Signature. They are
// not Version (see neardup.go): both hold Version 1 signatures. When
// Version changes, the decoders of the older encodings must go, so that
// stored signatures of the old scheme are rejected and signed again.
const (
	// encodingVersion is written by MarshalBinary: the shingle count and
	// the first Bands MinHash values as uint32, the other NumHashes-Bands
	// as uint16 (their low 16 bits), little-endian.
	encodingVersion = 2
	// encodingFull is the encoding of databases written before: the
	// 1+NumHashes elements as uint32, little-endian. It is still read.
	encodingFull = 1
)

// Encoded lengths, version byte included: 325 and 517 bytes.
const (
	encodedLen     = 1 + 4*(1+Bands) + narrowBits/8*(NumHashes-Bands)
	encodedLenFull = 1 + 4*sigLen
)

// ErrBadSignature is returned by UnmarshalBinary for bytes that are not a
// marshalled signature: unknown version byte, wrong length for the
// version, or zero shingle count. Callers holding such stored bytes should
// sign the item again.
var ErrBadSignature = errors.New("neardup: bad signature encoding")

// MarshalBinary encodes s in 325 bytes: a version byte (2), then the
// shingle count and the first Bands MinHash values as uint32, then the
// other NumHashes-Bands values as uint16 (the low 16 bits, all Similarity
// compares), little-endian. The empty signature encodes as zero bytes, so
// it can be stored as an empty BLOB.
func (s Signature) MarshalBinary() ([]byte, error) {
	if s.Empty() {
		return []byte{}, nil
	}
	out := make([]byte, 1, encodedLen)
	out[0] = encodingVersion
	for _, v := range s[:1+Bands] {
		out = binary.LittleEndian.AppendUint32(out, v)
	}
	for _, v := range s[1+Bands:] {
		out = binary.LittleEndian.AppendUint16(out, uint16(v))
	}
	return out, nil
}

// UnmarshalBinary decodes what MarshalBinary produced, and the 517-byte
// encoding 1 of earlier releases (every value as uint32): both give the
// same Signature, whose high 16 bits past the first Bands values are zero,
// so Same, Similarity and BandKeys decide alike on either. Zero bytes give
// the empty signature (nil). Anything else fails with an error wrapping
// ErrBadSignature.
func (s *Signature) UnmarshalBinary(data []byte) error {
	if len(data) == 0 {
		*s = nil
		return nil
	}
	var want int
	switch data[0] {
	case encodingVersion:
		want = encodedLen
	case encodingFull:
		want = encodedLenFull
	default:
		return fmt.Errorf("unmarshal signature: unknown version %d: %w", data[0], ErrBadSignature)
	}
	if len(data) != want {
		return fmt.Errorf("unmarshal signature: version %d, %d bytes, want %d: %w", data[0], len(data), want, ErrBadSignature)
	}
	sig := make(Signature, sigLen)
	body := data[1:]
	if data[0] == encodingFull {
		for i := range sig {
			sig[i] = binary.LittleEndian.Uint32(body[4*i:])
		}
		narrow(sig)
	} else {
		for i := range 1 + Bands {
			sig[i] = binary.LittleEndian.Uint32(body[4*i:])
		}
		body = body[4*(1+Bands):]
		for i := range NumHashes - Bands {
			sig[1+Bands+i] = uint32(binary.LittleEndian.Uint16(body[2*i:]))
		}
	}
	if sig.Empty() {
		return fmt.Errorf("unmarshal signature: zero shingle count: %w", ErrBadSignature)
	}
	*s = sig
	return nil
}

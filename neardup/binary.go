package neardup

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// ErrBadSignature is returned by UnmarshalBinary for bytes that are not a
// signature of this Version: wrong version byte or wrong length. Callers
// holding such stored bytes should sign the item again.
var ErrBadSignature = errors.New("neardup: bad signature encoding")

// MarshalBinary encodes s as one Version byte followed by its 1+NumHashes
// elements, little-endian (517 bytes). The empty signature encodes as zero
// bytes, so it can be stored as an empty BLOB.
func (s Signature) MarshalBinary() ([]byte, error) {
	if s.Empty() {
		return []byte{}, nil
	}
	out := make([]byte, 1, 1+4*len(s))
	out[0] = Version
	for _, v := range s {
		out = binary.LittleEndian.AppendUint32(out, v)
	}
	return out, nil
}

// UnmarshalBinary decodes what MarshalBinary produced. Zero bytes give the
// empty signature (nil). Anything else that is not exactly a Version byte
// and 1+NumHashes elements fails with an error wrapping ErrBadSignature.
func (s *Signature) UnmarshalBinary(data []byte) error {
	if len(data) == 0 {
		*s = nil
		return nil
	}
	if data[0] != Version {
		return fmt.Errorf("unmarshal signature: version %d, want %d: %w", data[0], Version, ErrBadSignature)
	}
	body := data[1:]
	if len(body) != 4*sigLen {
		return fmt.Errorf("unmarshal signature: %d bytes, want %d: %w", len(data), 1+4*sigLen, ErrBadSignature)
	}
	sig := make(Signature, sigLen)
	for i := range sig {
		sig[i] = binary.LittleEndian.Uint32(body[4*i:])
	}
	if sig.Empty() {
		return fmt.Errorf("unmarshal signature: zero shingle count: %w", ErrBadSignature)
	}
	*s = sig
	return nil
}

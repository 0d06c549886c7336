package neardup

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// encodingVersion is the first byte of a marshalled Signature. Encodings 1
// and 2 held Version 1 signatures (MinHash only), encoding 3 Version 2
// signatures without the content words' Bloom filter, encoding 4 the
// full signatures of encoding 5 alone (texts under MinWords words had
// none); their decoders are gone, so UnmarshalBinary rejects such stored
// bytes and the caller signs the item again (storage does at Open).
const encodingVersion = 5

// encodedLen is the length of a marshalled usable Signature, version byte
// included: 711 bytes.
const encodedLen = 1 + 4 + 4*Bands + narrowBits/8*(NumHashes-Bands) + 4*bloomLen + 4*wordsLen + 2 + 4*MaxNames

// shortEncodedLen is the length of a marshalled short Signature, version
// byte included: 199 bytes.
const shortEncodedLen = 1 + 4 + 4*wordsLen + 2 + 4*MaxNames

// ErrBadSignature is returned by UnmarshalBinary for bytes that are not a
// marshalled signature: unknown version byte (the encodings of earlier
// signature Versions included), wrong length, zero shingle count or
// malformed names. Callers holding such stored bytes should sign the item
// again.
var ErrBadSignature = errors.New("neardup: bad signature encoding")

// MarshalBinary encodes s in 711 bytes, little-endian: a version byte (5),
// the shingle count (uint32), the first Bands MinHash values (uint32), the
// other NumHashes-Bands (uint16, the low 16 bits, all Similarity
// compares), the shingles' Bloom filter (uint32 words), the content
// words' Bloom filter (uint32 words), the number of names (uint16,
// saturated) and the MaxNames name slots (uint32). A short signature
// encodes in 199 bytes: the version byte, the content word count
// (uint32), the content words' Bloom filter, the number of names (uint16)
// and the name slots. The empty signature encodes as zero bytes, so it
// can be stored as an empty BLOB.
func (s Signature) MarshalBinary() ([]byte, error) {
	if s.Empty() {
		return []byte{}, nil
	}
	if s.short() {
		out := make([]byte, 1, shortEncodedLen)
		out[0] = encodingVersion
		out = binary.LittleEndian.AppendUint32(out, s[sizeSlot])
		for _, v := range s.words() {
			out = binary.LittleEndian.AppendUint32(out, v)
		}
		out = binary.LittleEndian.AppendUint16(out, uint16(min(s[shortCountSlot], 0xffff)))
		for _, v := range s[shortNamesSlot:] {
			out = binary.LittleEndian.AppendUint32(out, v)
		}
		return out, nil
	}
	out := make([]byte, 1, encodedLen)
	out[0] = encodingVersion
	out = binary.LittleEndian.AppendUint32(out, s[sizeSlot])
	m := s.mins()
	for _, v := range m[:Bands] {
		out = binary.LittleEndian.AppendUint32(out, v)
	}
	for _, v := range m[Bands:] {
		out = binary.LittleEndian.AppendUint16(out, uint16(v))
	}
	for _, v := range s.bloom() {
		out = binary.LittleEndian.AppendUint32(out, v)
	}
	for _, v := range s.words() {
		out = binary.LittleEndian.AppendUint32(out, v)
	}
	out = binary.LittleEndian.AppendUint16(out, uint16(min(s[countSlot], 0xffff)))
	for _, v := range s[namesSlot:] {
		out = binary.LittleEndian.AppendUint32(out, v)
	}
	return out, nil
}

// UnmarshalBinary decodes what MarshalBinary produced. Zero bytes give the
// empty signature (nil). Anything else fails with an error wrapping
// ErrBadSignature, and leaves s unchanged.
func (s *Signature) UnmarshalBinary(data []byte) error {
	if len(data) == 0 {
		*s = nil
		return nil
	}
	if data[0] != encodingVersion {
		return fmt.Errorf("unmarshal signature: unknown version %d (want %d): %w", data[0], encodingVersion, ErrBadSignature)
	}
	if len(data) != encodedLen && len(data) != shortEncodedLen {
		return fmt.Errorf("unmarshal signature: %d bytes, want %d (or %d, short): %w", len(data), encodedLen, shortEncodedLen, ErrBadSignature)
	}
	body := data[1:]
	u32 := func() uint32 { v := binary.LittleEndian.Uint32(body); body = body[4:]; return v }
	var sig Signature
	if len(data) == shortEncodedLen {
		sig = make(Signature, shortLen)
		sig[sizeSlot] = u32()
		for i := range wordsLen {
			sig[shortWordsSlot+i] = u32()
		}
		sig[shortCountSlot] = uint32(binary.LittleEndian.Uint16(body))
		body = body[2:]
		for i := range MaxNames {
			sig[shortNamesSlot+i] = u32()
		}
		return s.checked(sig)
	}
	sig = make(Signature, sigLen)
	sig[sizeSlot] = u32()
	for i := range Bands {
		sig[minsSlot+i] = u32()
	}
	for i := Bands; i < NumHashes; i++ {
		sig[minsSlot+i] = uint32(binary.LittleEndian.Uint16(body))
		body = body[2:]
	}
	for i := range bloomLen {
		sig[bloomSlot+i] = u32()
	}
	for i := range wordsLen {
		sig[wordsSlot+i] = u32()
	}
	sig[countSlot] = uint32(binary.LittleEndian.Uint16(body))
	body = body[2:]
	for i := range MaxNames {
		sig[namesSlot+i] = u32()
	}
	return s.checked(sig)
}

// checked sets *s to the decoded sig if its counts and names are
// well formed.
func (s *Signature) checked(sig Signature) error {
	if sig.Empty() {
		return fmt.Errorf("unmarshal signature: zero shingle count: %w", ErrBadSignature)
	}
	kept, _ := sig.names()
	at := namesSlot
	if sig.short() {
		at = shortNamesSlot
	}
	slots := sig[at:]
	for i, v := range slots {
		switch {
		case i < len(kept) && (v == 0 || i > 0 && v <= kept[i-1]):
			return fmt.Errorf("unmarshal signature: name %d out of order: %w", i, ErrBadSignature)
		case i >= len(kept) && v != 0:
			return fmt.Errorf("unmarshal signature: name slot %d set beyond the %d names: %w", i, len(kept), ErrBadSignature)
		}
	}
	*s = sig
	return nil
}

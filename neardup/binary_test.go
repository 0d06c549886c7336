package neardup

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/signature-v5.bin and signature-v5-short.bin")

func decode(t *testing.T, data []byte) Signature {
	t.Helper()
	var s Signature
	if err := s.UnmarshalBinary(data); err != nil {
		t.Fatalf("UnmarshalBinary(%d bytes): %v", len(data), err)
	}
	return s
}

func TestMarshalLength(t *testing.T) {
	data, err := Sign("", dispatchFR).MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(data), 711; got != want || got != encodedLen {
		t.Errorf("encoded length = %d, want %d", got, want)
	}
	if got, want := data[0], byte(5); got != want {
		t.Errorf("version byte = %d, want %d", got, want)
	}
	data, err = Sign(flashTitle, flashText).MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(data), 199; got != want || got != shortEncodedLen || data[0] != 5 {
		t.Errorf("short encoded length = %d (version %d), want %d (5)", got, data[0], want)
	}
	var empty Signature
	data, err = empty.MarshalBinary()
	if err != nil || len(data) != 0 {
		t.Fatalf("MarshalBinary(nil) = %v, %v; want empty, nil", data, err)
	}
	back := Signature{1, 2}
	if err := back.UnmarshalBinary(data); err != nil || back != nil {
		t.Errorf("UnmarshalBinary(empty) = %v, %v; want nil, nil", back, err)
	}
}

// TestUnmarshalStored decodes the signatures of the French dispatch and
// of a flash as stored (testdata/signature-v5.bin and
// signature-v5-short.bin, which -update rewrites) and checks that they
// are what Sign returns today and decide alike; the signatures of
// Version 1 (signature-v1.bin, encoding 1), those of encoding 3, without
// the content words' Bloom filter (signature-v3.bin), and those of
// encoding 4, before short signatures (signature-v4.bin), never
// regenerated, must be rejected so that storage signs those items again.
func TestUnmarshalStored(t *testing.T) {
	for _, tc := range []struct{ golden, title, text string }{
		{"signature-v5.bin", "", dispatchFR},
		{"signature-v5-short.bin", flashTitle, flashText},
	} {
		fresh := Sign(tc.title, tc.text)
		enc, err := fresh.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		golden := filepath.Join("testdata", tc.golden)
		if *update {
			if err := os.WriteFile(golden, enc, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		data, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(data, enc) {
			t.Errorf("MarshalBinary differs from %s (run with -update if the change is meant, and bump Version)", golden)
		}
		got := decode(t, data)
		if !slices.Equal(got, fresh) || !slices.Equal(got.BandKeys(), fresh.BandKeys()) {
			t.Errorf("%s: decoded signature or its band keys differ from Sign's", tc.golden)
		}
	}
	for _, name := range []string{"signature-v1.bin", "signature-v3.bin", "signature-v4.bin"} {
		old, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		var s Signature
		if err := s.UnmarshalBinary(old); !errors.Is(err, ErrBadSignature) || s != nil {
			t.Errorf("%s: err = %v, signature %v; want ErrBadSignature and none", name, err, s)
		}
		x := NewIndex(3600)
		if err := x.AddEncoded(1, 0, old); !errors.Is(err, ErrBadSignature) || x.Len() != 0 {
			t.Errorf("%s: AddEncoded err = %v, %d items; want ErrBadSignature and none", name, err, x.Len())
		}
	}
}

// TestMarshalLabeledSet round-trips both sides of every labeled pair and
// checks that every decision is the one made on fresh signatures.
func TestMarshalLabeledSet(t *testing.T) {
	short := 0
	for _, p := range signedSet(t) {
		if p.a.short() || p.b.short() {
			short++
		}
		ea, _ := p.a.MarshalBinary()
		eb, _ := p.b.MarshalBinary()
		a, b := decode(t, ea), decode(t, eb)
		if !slices.Equal(a, p.a) || !slices.Equal(b, p.b) {
			t.Errorf("%s: decoded signatures differ from Sign's", p.ID)
		}
		if got, want := Same(a, b), Same(p.a, p.b); got != want {
			t.Errorf("%s: Same(decoded, decoded) = %v, want %v", p.ID, got, want)
		}
		if got, want := Conflict(a, b), Conflict(p.a, p.b); got != want {
			t.Errorf("%s: Conflict(decoded, decoded) = %v, want %v", p.ID, got, want)
		}
	}
	if short == 0 {
		t.Error("no labeled pair has a short signature: the short form is not exercised")
	}
}

func TestUnmarshalRejects(t *testing.T) {
	good, err := Sign("", dispatchFR).MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	flash, err := Sign(flashTitle, flashText).MarshalBinary()
	if err != nil || len(flash) != shortEncodedLen {
		t.Fatalf("flash: %d bytes, %v", len(flash), err)
	}
	withByte := func(data []byte, i int, b ...byte) []byte {
		out := slices.Clone(data)
		copy(out[i:], b)
		return out
	}
	countAt := encodedLen - 2 - 4*MaxNames
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"version byte only", good[:1]},
		{"truncated", good[:len(good)-1]},
		{"too long", append(slices.Clone(good), 0)},
		{"version 1 (signature Version 1)", withByte(good, 0, 1)},
		{"version 2 (signature Version 1)", withByte(good[:325], 0, 2)},
		{"version 3 (no words' Bloom filter)", withByte(good[:583], 0, 3)},
		{"version 4 (before short signatures)", withByte(good, 0, 4)},
		{"version 4, short length", withByte(flash, 0, 4)},
		{"short, truncated", flash[:len(flash)-1]},
		{"short, zero word count", withByte(flash, 1, 0, 0, 0, 0)},
		{"short, names out of order", withByte(flash, shortEncodedLen-2-4*MaxNames+2, 0xff, 0xff, 0xff, 0xff)},
		{"short, name slot beyond the count", withByte(flash, shortEncodedLen-2-4*MaxNames, 0, 0)},
		{"version 255", withByte(good, 0, 255)},
		{"zero shingle count", withByte(good, 1, 0, 0, 0, 0)},
		{"names out of order", withByte(good, countAt+2, 0xff, 0xff, 0xff, 0xff)},
		{"name slot beyond the count", withByte(good, countAt, 0, 0)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := Signature{7}
			err := s.UnmarshalBinary(tc.data)
			if !errors.Is(err, ErrBadSignature) {
				t.Errorf("err = %v, want ErrBadSignature", err)
			}
			if !slices.Equal(s, Signature{7}) {
				t.Errorf("signature changed to %v on error", s)
			}
		})
	}
}

// TestSimilarityNarrowBits documents the trade of the encoding: past the
// first Bands positions only the low 16 bits of a value count, so two
// values differing only above them agree; in the first Bands positions
// (behind the band keys) every bit counts.
func TestSimilarityNarrowBits(t *testing.T) {
	s := Sign("", dispatchFR)
	for _, tc := range []struct {
		name     string
		pos      int // MinHash position (0-based)
		xor      uint32
		want     float64
		sameKeys bool
	}{
		{"high bits past the bands", Bands, 0xabcd0000, 1, true},
		{"top bit of the last value", NumHashes - 1, 1 << 31, 1, true},
		{"low bit past the bands", Bands, 1, 127.0 / 128, true},
		{"bit 15 of the last value", NumHashes - 1, 1 << 15, 127.0 / 128, true},
		{"high bits in a band", 0, 0x00010000, 127.0 / 128, false},
		{"top bit of the last band", Bands - 1, 1 << 31, 127.0 / 128, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x := slices.Clone(s)
			x[minsSlot+tc.pos] ^= tc.xor
			if got := Similarity(s, x); got != tc.want {
				t.Errorf("Similarity = %v, want %v", got, tc.want)
			}
			if got := Similarity(x, s); got != tc.want {
				t.Errorf("Similarity reversed = %v, want %v", got, tc.want)
			}
			if got := slices.Equal(s.BandKeys(), x.BandKeys()); got != tc.sameKeys {
				t.Errorf("same band keys = %v, want %v", got, tc.sameKeys)
			}
		})
	}
}

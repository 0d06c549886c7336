package neardup

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// FuzzSign feeds arbitrary titles and texts (invalid UTF-8 included) to
// Sign and TitleKey: they must not panic, must be deterministic, and their
// outputs must keep their invariants.
func FuzzSign(f *testing.F) {
	f.Add("Le Sénat adopte le budget", dispatchFR)
	f.Add("", "")
	f.Add("Live", "a b c d e f g h i j k l m n o p")
	f.Add("ŒUVRE ﬁn", "\xff\xfe Ǆ ǅ ß İ ı 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ０１２３ e\u0301\u0301\u0301 l'été d’après — 3-1 4,25 %")
	f.Add("x", "\u0300\u0301 \u200b\u200d\ufeff 😀 👩‍👩‍👧 a.b.c.d.e.f.g.h.i.j.k.l.m")
	f.Fuzz(func(t *testing.T, title, text string) {
		s := Sign(title, text)
		if again := Sign(title, text); !slices.Equal(s, again) {
			t.Fatal("Sign is not deterministic")
		}
		if s.short() {
			// A flash's short signature (6–11 words): words and names
			// only, no bands; it round-trips in its own length.
			if s.Empty() || s.BandKeys() != nil || Similarity(s, s) != 0 {
				t.Fatalf("short signature: empty=%v, band keys %d, similarity %v", s.Empty(), len(s.BandKeys()), Similarity(s, s))
			}
			data, err := s.MarshalBinary()
			if err != nil || len(data) != shortEncodedLen {
				t.Fatalf("MarshalBinary of a short signature = %d bytes, %v; want %d, nil", len(data), err, shortEncodedLen)
			}
			var back Signature
			if err := back.UnmarshalBinary(data); err != nil || !slices.Equal(back, s) {
				t.Fatalf("round trip of a short signature: %v", err)
			}
		} else if s != nil {
			if len(s) != sigLen || s.Empty() {
				t.Fatalf("non-nil signature of length %d, empty=%v", len(s), s.Empty())
			}
			if !Same(s, s) || Similarity(s, s) != 1 {
				t.Fatal("a signature is not the same as itself")
			}
			if len(s.BandKeys()) != Bands {
				t.Fatalf("len(BandKeys) = %d, want %d", len(s.BandKeys()), Bands)
			}
			data, err := s.MarshalBinary()
			if err != nil || len(data) != encodedLen {
				t.Fatalf("MarshalBinary = %d bytes, %v; want %d, nil", len(data), err, encodedLen)
			}
			var back Signature
			if err := back.UnmarshalBinary(data); err != nil || !slices.Equal(back, s) {
				t.Fatalf("round trip: %v", err)
			}
		} else if s.BandKeys() != nil || Same(s, s) {
			t.Fatal("empty signature is usable")
		}
		k := TitleKey(title)
		if k != TitleKey(title) {
			t.Fatal("TitleKey is not deterministic")
		}
		if k != "" && TitleKey(k) != k {
			t.Fatalf("TitleKey(%q) = %q, not a fixed point", k, TitleKey(k))
		}
		var back Signature
		_ = back.UnmarshalBinary([]byte(text)) // must not panic
	})
}

// FuzzUnmarshalSignature feeds arbitrary stored bytes to UnmarshalBinary:
// it must not panic, and what it accepts must be a usable signature whose
// encoding re-encodes to the same bytes and decodes to the same signature.
func FuzzUnmarshalSignature(f *testing.F) {
	for _, name := range []string{"signature-v1.bin", "signature-v3.bin"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
		f.Add(data[:len(data)-2])
	}
	f.Add([]byte{})
	f.Add([]byte{encodingVersion})
	f.Add(make([]byte, encodedLen))
	f.Fuzz(func(t *testing.T, data []byte) {
		var s Signature
		if err := s.UnmarshalBinary(data); err != nil {
			if s != nil {
				t.Fatalf("signature %v set on error %v", s, err)
			}
			return
		}
		if len(data) == 0 {
			if s != nil {
				t.Fatal("zero bytes did not decode to the empty signature")
			}
			return
		}
		if s.Empty() || Similarity(s, s) != 1 || !Same(s, s) || len(s.BandKeys()) != Bands {
			t.Fatalf("decoded signature is not usable: %v", s)
		}
		out, err := s.MarshalBinary()
		if err != nil || len(out) != encodedLen {
			t.Fatalf("MarshalBinary = %d bytes, %v; want %d, nil", len(out), err, encodedLen)
		}
		if !slices.Equal(out, data) {
			t.Fatal("an accepted encoding does not re-encode to the same bytes")
		}
		var back Signature
		if err := back.UnmarshalBinary(out); err != nil || !slices.Equal(back, s) {
			t.Fatalf("round trip: %v", err)
		}
	})
}

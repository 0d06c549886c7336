package neardup

import (
	"encoding/binary"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/signature-v2.bin")

// marshalFull mirrors the encoder of encoding 1 (every element as uint32),
// which databases written before encoding 2 hold.
func marshalFull(s Signature) []byte {
	out := []byte{encodingFull}
	for _, v := range s {
		out = binary.LittleEndian.AppendUint32(out, v)
	}
	return out
}

// widen returns a copy of s with arbitrary high 16 bits in the values past
// the first Bands, as the signatures of encoding 1 had.
func widen(s Signature) Signature {
	w := slices.Clone(s)
	for i := 1 + Bands; i < len(w); i++ {
		w[i] |= uint32(mix64(uint64(i)+uint64(s[1]))) &^ (1<<narrowBits - 1)
	}
	return w
}

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
	if got, want := len(data), 325; got != want {
		t.Errorf("encoded length = %d, want %d", got, want)
	}
	if got, want := data[0], byte(2); got != want {
		t.Errorf("version byte = %d, want %d", got, want)
	}
	if got, want := len(marshalFull(Sign("", dispatchFR))), encodedLenFull; got != want || got != 517 {
		t.Errorf("encoding 1 length = %d, want %d and 517", got, want)
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

// TestUnmarshalStored decodes signatures of the French dispatch as stored:
// testdata/signature-v1.bin was written by the encoder of encoding 1 (full
// 32-bit values, before this package narrowed them) and must never be
// regenerated; testdata/signature-v2.bin pins encoding 2 (-update rewrites
// it). Both must decode to what Sign returns today and decide alike.
func TestUnmarshalStored(t *testing.T) {
	fresh := Sign("", dispatchFR)
	v2, err := fresh.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "signature-v2.bin")
	if *update {
		if err := os.WriteFile(golden, v2, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	retold := Sign("", `Le projet de loi de finances pour 2026 a été adopté mardi soir par le
Sénat, par 198 voix contre 121, après trois semaines de débats souvent tendus. Le texte
prévoit de réduire le déficit public à 4,6 % du produit intérieur brut.`)
	other := Sign("", `Le Sénat a rejeté jeudi, par 187 voix contre 134, l'amendement de la
gauche visant à ramener l'âge légal de départ à la retraite à 62 ans, lors de l'examen du
projet de loi de financement de la Sécurité sociale.`)
	if !Same(fresh, retold) || Same(fresh, other) {
		t.Fatalf("fixtures: Same(fresh, retold) = %v, Same(fresh, other) = %v; want true, false", Same(fresh, retold), Same(fresh, other))
	}
	for _, name := range []string{"signature-v1.bin", "signature-v2.bin"} {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", name))
			if err != nil {
				t.Fatal(err)
			}
			if name == "signature-v2.bin" && !slices.Equal(data, v2) {
				t.Errorf("MarshalBinary differs from %s (run with -update if the change is meant)", name)
			}
			got := decode(t, data)
			if !slices.Equal(got, fresh) {
				t.Errorf("decoded signature differs from Sign's")
			}
			if !slices.Equal(got.BandKeys(), fresh.BandKeys()) {
				t.Error("band keys differ from Sign's")
			}
			for _, x := range []Signature{retold, other} {
				if g, w := Similarity(got, x), Similarity(fresh, x); g != w {
					t.Errorf("Similarity = %v, want %v", g, w)
				}
				if g, w := Same(got, x), Same(fresh, x); g != w {
					t.Errorf("Same = %v, want %v", g, w)
				}
			}
		})
	}
}

// TestMarshalLabeledSet round-trips both sides of every labeled pair
// through both encodings (encoding 1 with arbitrary high bits, as stored
// before) and checks that every decision is the one made on fresh
// signatures.
func TestMarshalLabeledSet(t *testing.T) {
	for _, p := range signedSet(t) {
		if p.a.Empty() || p.b.Empty() {
			t.Fatalf("%s: empty signature", p.ID)
		}
		v2a, _ := p.a.MarshalBinary()
		v2b, _ := p.b.MarshalBinary()
		for _, enc := range []struct {
			name string
			a, b []byte
		}{
			{"encoding 1", marshalFull(widen(p.a)), marshalFull(widen(p.b))},
			{"encoding 2", v2a, v2b},
		} {
			a, b := decode(t, enc.a), decode(t, enc.b)
			if !slices.Equal(a, p.a) || !slices.Equal(b, p.b) {
				t.Errorf("%s %s: decoded signatures differ from Sign's", p.ID, enc.name)
			}
			if got, want := Similarity(a, p.b), Similarity(p.a, p.b); got != want {
				t.Errorf("%s %s: Similarity(decoded, fresh) = %v, want %v", p.ID, enc.name, got, want)
			}
			if got, want := Same(a, b), Same(p.a, p.b); got != want {
				t.Errorf("%s %s: Same(decoded, decoded) = %v, want %v", p.ID, enc.name, got, want)
			}
			if got, want := sharesBandKey(a, p.b), sharesBandKey(p.a, p.b); got != want {
				t.Errorf("%s %s: shares a band key = %v, want %v", p.ID, enc.name, got, want)
			}
		}
	}
}

func TestUnmarshalRejects(t *testing.T) {
	good, err := Sign("", dispatchFR).MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	full := marshalFull(widen(Sign("", dispatchFR)))
	withByte := func(data []byte, i int, b ...byte) []byte {
		out := slices.Clone(data)
		copy(out[i:], b)
		return out
	}
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"version byte only", good[:1]},
		{"truncated", good[:len(good)-1]},
		{"too long", append(slices.Clone(good), 0)},
		{"encoding 1 truncated", full[:len(full)-1]},
		{"encoding 1 too long", append(slices.Clone(full), 0)},
		{"encoding 2 at the length of 1", withByte(full, 0, encodingVersion)},
		{"encoding 1 at the length of 2", withByte(good, 0, encodingFull)},
		{"version 0", withByte(good, 0, 0)},
		{"version 3", withByte(good, 0, 3)},
		{"version 255", withByte(full, 0, 255)},
		{"zero shingle count", withByte(good, 1, 0, 0, 0, 0)},
		{"encoding 1 zero shingle count", withByte(full, 1, 0, 0, 0, 0)},
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

// TestSimilarityNarrowBits documents the trade of encoding 2: past the
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
			x[1+tc.pos] ^= tc.xor
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

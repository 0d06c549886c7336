package neardup

import (
	"errors"
	"fmt"
	"slices"
	"testing"
)

// foldedKeys computes BandKeys' keys itself: they must stay the same keys.
func TestFoldedKeysAreBandKeys(t *testing.T) {
	for i, text := range []string{
		"Le gouvernement a présenté mardi son projet de loi de finances devant l'Assemblée nationale",
		"An earthquake of magnitude 6.1 struck the coast on Sunday morning, officials said",
	} {
		sig := Sign("", text)
		keys := sig.BandKeys()
		got := foldedKeys(sig)
		for band, k := range keys {
			f := uint32(k) ^ uint32(uint64(k)>>32)
			if f == 0 {
				f = 1
			}
			if got[band] != f {
				t.Fatalf("text %d band %d: folded key %x, BandKeys folds to %x", i, band, got[band], f)
			}
		}
	}
	if got := foldedKeys(nil); got != ([Bands]uint32{}) {
		t.Fatal("the empty signature has keys")
	}
}

// AddEncoded indexes what Add indexes for the decoded signature: the same
// candidates for every look-up, and refuses what UnmarshalBinary refuses
// for its version, length or shingle count.
func TestAddEncodedIsAdd(t *testing.T) {
	a, b := NewIndex(3600), NewIndex(3600)
	var sigs []Signature
	for i := range 300 {
		text := fmt.Sprintf("Le conseil municipal de la ville %d a voté le budget %d après un débat sur les écoles et la voirie numéro %d", i%37, i%11, i)
		sig := Sign("", text)
		raw, err := sig.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		var dec Signature
		if err := dec.UnmarshalBinary(raw); err != nil {
			t.Fatal(err)
		}
		a.Add(int64(i+1), int64(i*60), dec)
		if err := b.AddEncoded(int64(i+1), int64(i*60), raw); err != nil {
			t.Fatal(err)
		}
		sigs = append(sigs, dec)
	}
	for i, sig := range sigs {
		ca := a.Candidates(nil, sig, 0, 300*60)
		cb := b.Candidates(nil, sig, 0, 300*60)
		if !slices.Equal(ca, cb) {
			t.Fatalf("look-up %d: Add gives %v, AddEncoded %v", i, ca, cb)
		}
	}
	raw, _ := sigs[0].MarshalBinary()
	for name, bad := range map[string][]byte{
		"version": append([]byte{2}, raw[1:]...),
		"length":  raw[:len(raw)-1],
		"count":   append(append([]byte{raw[0]}, 0, 0, 0, 0), raw[5:]...),
	} {
		if err := b.AddEncoded(999, 0, bad); !errors.Is(err, ErrBadSignature) {
			t.Errorf("%s: AddEncoded = %v, want ErrBadSignature", name, err)
		}
	}
	if b.Len() != 300 {
		t.Fatalf("Len %d after refused additions, want 300", b.Len())
	}
}

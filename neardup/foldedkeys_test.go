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
// entries and text parts (names beyond those kept, short texts), the same
// candidates for every look-up, and refuses what UnmarshalBinary refuses
// for its version, length or shingle count.
func TestAddEncodedIsAdd(t *testing.T) {
	a, b := NewIndex(3600), NewIndex(3600)
	var sigs []Signature
	for i := range 300 {
		text := fmt.Sprintf("Le conseil municipal de la ville %d a voté le budget %d après un débat sur les écoles et la voirie numéro %d", i%37, i%11, i)
		switch i % 4 {
		case 1: // more names than a signature keeps
			text += fmt.Sprintf(" selon Dupont, Martin, Bernard, Durand, Petit, Leroy, Moreau, Simon, Laurent, Lefebvre, Michel, Garcia et Roux, %d, %d, %d, %d, %d, %d lundi %d mars", i+1, i+2, i+3, i+4, i+5, i+6, i%28+1)
		case 2: // fewer word pairs than Same's short size
			text = fmt.Sprintf("le la les de du des un une et ou budget voté ville %d", i)
		case 3: // a flash, under MinWords words: a short signature
			text = fmt.Sprintf("Budget %d voté à Lyon par Martin", i)
		}
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
	many, short, flashes := 0, 0, 0
	for _, sig := range sigs {
		if _, complete := sig.names(); !complete {
			many++
		}
		switch {
		case sig.short():
			flashes++
		case sig.size() < defaultDecision().shortSize:
			short++
		}
	}
	if many == 0 || short == 0 || flashes == 0 {
		t.Fatalf("%d signatures with more names than kept, %d with few word pairs, %d short ones: the corpus misses a case", many, short, flashes)
	}
	// The same text parts, read in place or from the decoded signature.
	for k, sa := range a.shards {
		sb := b.shards[k]
		if sb == nil || !slices.Equal(sa.texts, sb.texts) || !slices.Equal(sa.entries, sb.entries) {
			t.Fatalf("shard %d: Add and AddEncoded keep different entries or text parts", k)
		}
	}
	for i, sig := range sigs {
		ca := a.Candidates(nil, sig, 0, 300*60)
		cb := b.Candidates(nil, sig, 0, 300*60)
		if !slices.Equal(ca, cb) {
			t.Fatalf("look-up %d: Add gives %v, AddEncoded %v", i, ca, cb)
		}
		if !b.Holds(int64(i+1), int64(i*60), sig) {
			t.Fatalf("item %d: not held after AddEncoded", i+1)
		}
	}
	raw, _ := sigs[0].MarshalBinary()
	flash, _ := sigs[3].MarshalBinary()
	for name, bad := range map[string][]byte{
		"version":       append([]byte{2}, raw[1:]...),
		"version 4":     append([]byte{4}, raw[1:]...),
		"length":        raw[:len(raw)-1],
		"count":         append(append([]byte{raw[0]}, 0, 0, 0, 0), raw[5:]...),
		"short length":  flash[:len(flash)-1],
		"short count":   append(append([]byte{flash[0]}, 0, 0, 0, 0), flash[5:]...),
		"short version": append([]byte{4}, flash[1:]...),
	} {
		if err := b.AddEncoded(999, 0, bad); !errors.Is(err, ErrBadSignature) {
			t.Errorf("%s: AddEncoded = %v, want ErrBadSignature", name, err)
		}
	}
	if b.Len() != 300 {
		t.Fatalf("Len %d after refused additions, want 300", b.Len())
	}
}

// Holds finds an item with the signature it was added with, and not with
// a signature that differs only in what the look-up checks in memory (a
// Bloom bit, a name, the sketch), nor under another id or date.
func TestHolds(t *testing.T) {
	x := NewIndex(3600)
	sig := Sign("", "Le conseil municipal de Rouen a voté mardi le budget de 2027 après un débat de six heures sur les écoles et la voirie")
	other := Sign("", "La préfecture du Calvados a fermé jeudi trois plages de Deauville après une pollution aux hydrocarbures signalée par des pêcheurs")
	x.Add(1, 100, sig)
	x.Add(2, 100, other)
	x.Add(3, 7300, sig) // another shard
	if !x.Holds(1, 100, sig) || !x.Holds(2, 100, other) || !x.Holds(3, 7300, sig) {
		t.Fatal("Holds misses an added item")
	}
	bloom := slices.Clone(sig)
	bloom[bloomSlot] ^= 1 << 7
	names := slices.Clone(sig)
	names[namesSlot] ^= 1 << 20
	sketch := slices.Clone(sig)
	sketch[minsSlot+Bands+3] ^= 1
	for name, c := range map[string]struct {
		id, at int64
		sig    Signature
	}{
		"a Bloom bit":    {1, 100, bloom},
		"a name":         {1, 100, names},
		"a sketch byte":  {1, 100, sketch},
		"another item's": {1, 100, other},
		"another id":     {4, 100, sig},
		"another date":   {1, 101, sig},
		"another shard":  {1, 3700, sig},
		"empty":          {1, 100, nil},
	} {
		if x.Holds(c.id, c.at, c.sig) {
			t.Errorf("%s: Holds(%d, %d) = true", name, c.id, c.at)
		}
	}
	x.Remove(1, 100)
	if x.Holds(1, 100, sig) {
		t.Error("Holds finds a removed item")
	}
	// A short signature hangs on its names only.
	flash := Sign("Séisme ressenti dans les Pyrénées", "Magnitude 5,1 près d'Arette, aucune victime.")
	x.Add(5, 100, flash)
	if !x.Holds(5, 100, flash) {
		t.Error("Holds misses an added short signature")
	}
	words := slices.Clone(flash)
	words[shortWordsSlot] ^= 1 << 3
	if x.Holds(5, 100, words) || x.Holds(6, 100, flash) {
		t.Error("Holds finds a short signature that differs")
	}
}

package neardup

import (
	"math"
	"slices"
	"strings"
	"testing"
)

const dispatchFR = `PARIS (AFP) - Le Sénat a adopté mardi soir, par 198 voix contre 121, le
projet de loi de finances pour 2026, au terme de trois semaines de débats
souvent tendus. Le texte prévoit une réduction du déficit public à 4,6 % du
produit intérieur brut. Une commission mixte paritaire doit se réunir la
semaine prochaine pour trouver une version commune.`

// candidateProbability is the probability that two items of Jaccard
// similarity s share at least one band key: 1-(1-s^Rows)^Bands.
func candidateProbability(s float64) float64 {
	return 1 - math.Pow(1-math.Pow(s, Rows), Bands)
}

func TestSCurve(t *testing.T) {
	for _, tc := range []struct {
		s, min, max float64
	}{
		{0.01, 0, 0.50},   // unrelated stories: the index skips their common keys
		{0.03, 0.85, 1},   // Same's Jaccard floor
		{0.08, 0.99, 1},   // a one-line summary of a 200-word lead
		{0.15, 0.9999, 1}, // cut-down copies and retold dispatches
	} {
		p := candidateProbability(tc.s)
		t.Logf("s=%.2f P(candidate)=%.4f", tc.s, p)
		if p < tc.min || p > tc.max {
			t.Errorf("P(candidate | s=%.2f) = %.4f, want in [%.3f, %.3f]", tc.s, p, tc.min, tc.max)
		}
	}
}

func TestSignShape(t *testing.T) {
	s := Sign("Budget", dispatchFR)
	if got, want := len(s), sigLen; got != want || got != 210 {
		t.Fatalf("len = %d, want %d", got, want)
	}
	if s.Empty() {
		t.Fatal("signature of a full dispatch is empty")
	}
	if got := Similarity(s, s); got != 1 {
		t.Errorf("Similarity(s, s) = %v, want 1", got)
	}
	if !Same(s, s) {
		t.Error("Same(s, s) = false, want true")
	}
	if got, want := len(s.BandKeys()), Bands; got != want {
		t.Errorf("len(BandKeys) = %d, want %d", got, want)
	}
}

func TestSignNormalizes(t *testing.T) {
	// Case, accents, punctuation, ligatures, stop words and line breaks do
	// not change the shingles (size, MinHash values, Bloom filter); names
	// depend on capitals, and an all-caps text has none but its numbers
	// and dates.
	a := Sign("", "Le cœur du Sénat : l'Élysée a réagi, très vite, à la décision prise mardi par les élus de la majorité sénatoriale.")
	b := Sign("", "LE COEUR DU SENAT -- L ELYSEE A REAGI TRES VITE A LA DECISION\nPRISE MARDI PAR LES ELUS DE LA MAJORITE SENATORIALE")
	if !slices.Equal(a[:countSlot], b[:countSlot]) {
		t.Errorf("signatures differ:\n%v\n%v", a[:4], b[:4])
	}
	if kept, _ := b.names(); len(kept) != 1 { // "mardi"
		t.Errorf("all-caps text: %d names, want 1 (the day)", len(kept))
	}
	c := Sign("", "Le cœur du Sénat : l'Élysée a réagi, très vite, à la décision prise mercredi par les élus de la majorité sénatoriale.")
	if slices.Equal(a, c) {
		t.Error("changing a content word left the signature unchanged")
	}
}

func TestSignDropsRepeatedTitle(t *testing.T) {
	title := "Le Sénat adopte le budget"
	plain := Sign(title, dispatchFR)
	repeated := Sign(title, title+". "+dispatchFR)
	if !slices.Equal(plain, repeated) {
		t.Error("a headline repeated at the head of the text changed the signature")
	}
	if got := Sign("Autre titre", dispatchFR); !slices.Equal(got, plain) {
		t.Error("the title changed the signature")
	}
}

func TestEmptySignature(t *testing.T) {
	full := Sign("", dispatchFR)
	for _, tc := range []struct {
		name, title, text string
	}{
		{"no text", "Le Sénat adopte le budget 2026 après trois semaines de débats", ""},
		{"five words", "Le Sénat adopte le budget", "Le Sénat a voté mardi."},
		{"eleven words, one name", "Le budget est adopté", "Le budget a été adopté mardi soir par les sénateurs."},
		{"eleven words, names only in a shouting title", "LE SÉNAT ADOPTE LE BUDGET DE L'ÉTAT", "Le budget a été adopté mardi soir par les sénateurs."},
		{"only stop words", "", "et le la les de du des un une et ou mais donc or ni car que qui"},
		{"only punctuation", "", strings.Repeat("… — ! ? ", 20)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := Sign(tc.title, tc.text)
			if s != nil {
				t.Fatalf("Sign = %v, want nil", s[:min(len(s), 3)])
			}
			if !s.Empty() {
				t.Error("Empty() = false, want true")
			}
			if Same(s, s) || Same(s, full) || Same(full, s) {
				t.Error("an empty signature matched")
			}
			if got := Similarity(s, full); got != 0 {
				t.Errorf("Similarity = %v, want 0", got)
			}
			if got := s.BandKeys(); got != nil {
				t.Errorf("BandKeys = %v, want nil", got)
			}
		})
	}
	// Twelve words, some of them content words: signable.
	if s := Sign("", "Le Sénat a adopté mardi soir le budget pour l'an 2027."); s == nil || s.short() {
		t.Error("Sign of a twelve-word text is not a full signature")
	}
	// Eleven words and two names: a short signature.
	if s := Sign("", "Le Sénat a adopté mardi soir le budget de l'État."); !s.short() || s.Empty() {
		t.Error("Sign of an eleven-word text with two names is not a short signature")
	}
	// A malformed signature (wrong length) never matches either.
	bad := full[:10]
	if Same(bad, bad) || Similarity(bad, full) != 0 || bad.BandKeys() != nil {
		t.Error("a truncated signature was usable")
	}
}

func TestSameTextDifferentEdits(t *testing.T) {
	a := Sign("Budget 2026 : le Sénat dit oui", dispatchFR)
	b := Sign("Le Sénat adopte le projet de budget", strings.Replace(dispatchFR, "PARIS (AFP) - ", "", 1)+" Avec AFP.")
	if !Same(a, b) {
		t.Errorf("Same = false for a byline and sign-off edit (similarity %.2f)", Similarity(a, b))
	}
	c := Sign("Le Sénat rejette l'amendement sur les retraites", `Le Sénat a rejeté jeudi, par 187 voix
contre 134, l'amendement de la gauche visant à ramener l'âge légal de départ à la retraite à
62 ans, lors de l'examen du projet de loi de financement de la Sécurité sociale.`)
	if Same(a, c) {
		t.Errorf("Same = true for two different Senate votes (similarity %.2f)", Similarity(a, c))
	}
}

// TestBandKeysStable pins signature values and band keys: they are stored,
// so they must not change across runs, machines or Go versions without a
// Version bump.
func TestBandKeysStable(t *testing.T) {
	s := Sign("", dispatchFR)
	if got, want := s[:4], (Signature{0x26, 0xc64d784, 0x2f69b61, 0x936c6e}); !slices.Equal(got, want) {
		t.Errorf("signature head = %#v, want %#v", got, want)
	}
	keys := s.BandKeys()
	if got, want := keys[:3], []int64{2317712784386479801, -8063891173624450424, -6809386598908155768}; !slices.Equal(got, want) {
		t.Errorf("band keys = %#v, want %#v", got, want)
	}
	if again := Sign("", dispatchFR).BandKeys(); !slices.Equal(again, keys) {
		t.Error("band keys differ between two calls")
	}
	seen := map[int64]bool{}
	for _, k := range keys {
		seen[k] = true
	}
	if len(seen) != len(keys) {
		t.Errorf("%d distinct keys among %d bands, want all distinct", len(seen), len(keys))
	}
}

// The flash of the closing note: an agency's title and one line,
// under MinWords words, against the full article another source printed.
const (
	flashTitle   = "Séisme ressenti dans les Pyrénées"
	flashText    = "Magnitude 5,1 près d'Arette, aucune victime."
	flashArticle = `Un séisme de magnitude 5,1 a frappé samedi matin le Béarn, a annoncé le Bureau central sismologique. Son épicentre se trouvait près d'Arette, dans les Pyrénées-Atlantiques, à sept kilomètres de profondeur.

Les habitants de Lanne et d'Aramits ont été réveillés par la secousse. Les pompiers n'ont relevé aucune victime ; quelques cheminées sont tombées et une grange s'est effondrée.`
)

// TestFlash: a flash gets a short signature that Same matches with its
// article and no other report, that an Index finds from either side, and
// that never vetoes the headline rule.
func TestFlash(t *testing.T) {
	flash := Sign(flashTitle, flashText)
	article := Sign("Le Béarn secoué par un séisme", flashArticle)
	if !flash.short() || flash.Empty() || article.short() || article.Empty() {
		t.Fatalf("flash short %v, article short %v", flash.short(), article.short())
	}
	if !Same(flash, article) || !Same(article, flash) {
		t.Error("the flash is not the same story as its article")
	}
	// Two flashes are never the same story by their texts: one score
	// reordered is another match.
	if Same(flash, Sign(flashTitle, flashText)) || Same(flash, flash) {
		t.Error("two flashes are the same story")
	}
	if Same(Sign("", "Score final à Lyon 2, Nice 1, vendredi soir."), Sign("", "Score final à Nice 2, Lyon 1, vendredi soir.")) {
		t.Error("two scores of one template are the same story")
	}
	if Conflict(flash, article) || Conflict(article, flash) {
		t.Error("Conflict vetoes a flash")
	}
	if Similarity(flash, article) != 0 || Containment(flash, article) != 0 || flash.BandKeys() != nil {
		t.Error("a short signature has MinHash values or shingles")
	}
	for name, other := range map[string]struct{ title, text string }{
		"another magnitude":  {flashTitle, "Magnitude 4,2 près d'Arette, aucune victime."},
		"another place":      {flashTitle, "Magnitude 5,1 près de Lourdes, aucune victime."},
		"another day":        {flashTitle, "Magnitude 5,1 près d'Arette dimanche, aucune victime."},
		"the follow-up":      {"Réplique dans les Pyrénées", "Une réplique de magnitude 3,4 près d'Arette cette nuit."},
		"the same place":     {"Arette, Pyrénées-Atlantiques", "La commune inaugure sa nouvelle école maternelle en septembre."},
		"other words":        {"Pyrénées : Arette fête le fromage", "Le festival du fromage de brebis attire les visiteurs à Arette."},
		"another flash kind": {"Séisme ressenti dans les Alpes", "Magnitude 5,1 près de Barcelonnette, aucune victime."},
	} {
		s := Sign(other.title, other.text)
		if Same(s, article) || Same(article, s) || Same(s, flash) {
			t.Errorf("%s: the same story", name)
		}
	}
	x := NewIndex(3600)
	x.Add(1, 100, article)
	if got := x.Candidates(nil, flash, 0, 200); !slices.Equal(got, []int64{1}) {
		t.Errorf("the flash's look-up finds %v, want the article", got)
	}
	x.Add(2, 100, flash)
	if got := x.Candidates(nil, article, 0, 200); !slices.Equal(got, []int64{1, 2}) {
		t.Errorf("the article's look-up finds %v, want itself and the flash", got)
	}
	if got := x.Candidates(nil, flash, 0, 200); !slices.Equal(got, []int64{1, 2}) {
		t.Errorf("the flash's look-up finds %v, want the article and itself", got)
	}
	if !x.Holds(2, 100, flash) {
		t.Error("the index does not hold the flash")
	}
}

package neardup

import (
	"strings"
	"testing"
)

// Floors for TestLabeledSet. Precision is the requirement; the recall floor
// is set a little under what the held-out half reaches, so a regression
// shows while the estimate's noise does not.
const (
	minPrecision = 0.98
	minRecall    = 0.90
)

// TestLabeledSet measures Same on testdata/pairs.jsonl: on the tuning half
// (where the thresholds were chosen), on the held-out half and on all of
// it. It also logs the LSH candidate recall (true pairs that share a band
// key) and the end-to-end recall (true pairs that are both candidates and
// accepted), which is what storage will see.
func TestLabeledSet(t *testing.T) {
	set := signedSet(t)
	d := defaultDecision()
	for _, tc := range []struct {
		name string
		keep func(labeledPair) bool
	}{
		{"tune", func(p labeledPair) bool { return p.Split == "tune" }},
		{"holdout", func(p labeledPair) bool { return p.Split == "holdout" }},
		{"all", func(labeledPair) bool { return true }},
		{"fr", func(p labeledPair) bool { return p.Lang == "fr" }},
		{"en", func(p labeledPair) bool { return p.Lang == "en" }},
		{"hand-written", func(p labeledPair) bool { return strings.HasPrefix(p.Kind, "hand-") }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := evaluate(set, d, tc.keep, func(p signedPair) {
				j := Similarity(p.a, p.b)
				t.Logf("wrong: %s %s (%s) same=%v j=%.3f c=%.3f sizes %d,%d",
					p.ID, p.Kind, p.Note, p.Same, j, containment(j, p.a.size(), p.b.size()), p.a.size(), p.b.size())
			})
			e2e := 0
			for _, p := range set {
				if tc.keep(p.labeledPair) && p.Same && d.same(p.a, p.b) && sharesBandKey(p.a, p.b) {
					e2e++
				}
			}
			maxJ, maxC := 0.0, 0.0
			for _, p := range set {
				if tc.keep(p.labeledPair) && !p.Same {
					j := Similarity(p.a, p.b)
					maxJ, maxC = max(maxJ, j), max(maxC, containment(j, p.a.size(), p.b.size()))
				}
			}
			t.Logf("%s: highest estimates among different stories: jaccard %.3f, containment %.3f", tc.name, maxJ, maxC)
			t.Logf("%s: %v; end-to-end recall %.3f; %d pairs", tc.name, s, float64(e2e)/float64(s.tp+s.fn), s.tp+s.fp+s.fn+s.tn)
			if s.precision() < minPrecision {
				t.Errorf("precision = %.3f, want >= %.2f", s.precision(), minPrecision)
			}
			if s.recall() < minRecall {
				t.Errorf("recall = %.3f, want >= %.2f", s.recall(), minRecall)
			}
		})
	}
	// Kinds are logged without floors: the generated positives include
	// deliberately hard cut-down copies.
	for _, kind := range []string{"hand-pos", "hand-hard", "hand-easy", "gen-pos", "gen-hard"} {
		s := evaluate(set, d, func(p labeledPair) bool { return p.Kind == kind }, nil)
		t.Logf("kind %s: %d pairs, accepted %d", kind, s.tp+s.fp+s.fn+s.tn, s.tp+s.fp)
	}
	neg, cand := 0, 0
	for _, p := range set {
		if !p.Same {
			neg++
			if sharesBandKey(p.a, p.b) {
				cand++
			}
		}
	}
	t.Logf("negatives that are LSH candidates (confirmed and rejected by Same): %d/%d", cand, neg)
}

// TestLabeledSetShape checks that the labeled set is what it claims to be:
// enough pairs, enough French, enough fully hand-written pairs, stories of
// 60–200 words, both halves with positives and negatives.
func TestLabeledSetShape(t *testing.T) {
	stories := readJSONL[story](t, "stories.jsonl")
	for _, s := range stories {
		if n := len(strings.Fields(s.Text)); n < 60 || n > 200 {
			t.Errorf("story %s: %d words, want 60–200", s.ID, n)
		}
	}
	pairs := readJSONL[labeledPair](t, "pairs.jsonl")
	fr, hand := 0, 0
	count := map[string]int{}
	for _, p := range pairs {
		if p.Lang == "fr" {
			fr++
		}
		if strings.HasPrefix(p.Kind, "hand-") && len(p.A.Ops) == 0 && len(p.B.Ops) == 0 {
			hand++
		}
		count[p.Split+"/"+map[bool]string{true: "pos", false: "neg"}[p.Same]]++
	}
	if got, want := len(pairs), 240; got < want {
		t.Errorf("pairs = %d, want >= %d", got, want)
	}
	if got := float64(fr) / float64(len(pairs)); got < 0.40 {
		t.Errorf("French share = %.2f, want >= 0.40", got)
	}
	if got, want := hand, 80; got < want {
		t.Errorf("hand-written pairs = %d, want >= %d", got, want)
	}
	for _, k := range []string{"tune/pos", "tune/neg", "holdout/pos", "holdout/neg"} {
		if count[k] < 40 {
			t.Errorf("%s pairs = %d, want >= 40", k, count[k])
		}
	}
	t.Logf("%d stories, %d pairs, %d French, %d hand-written, %v", len(stories), len(pairs), fr, hand, count)
}

package neardup

import (
	"flag"
	"testing"
)

var tune = flag.Bool("tune", false, "log the threshold grid in TestTuneGrid")

// TestTuneGrid checks the rule by which defaultDecision was chosen on the
// tuning half: the containment threshold sits at least 0.1 (two standard
// errors of the estimate) above every pair of different stories there, and
// the Jaccard floor keeps accepted pairs where LSH finds them with
// probability ≥ 0.95. With -tune it also logs the grid of precision and
// recall on that half:
//
//	go test -run TestTuneGrid -tune -v ./neardup
func TestTuneGrid(t *testing.T) {
	set := signedSet(t)
	onTune := func(p labeledPair) bool { return p.Split == "tune" }
	base := defaultDecision()
	maxC := 0.0
	for _, p := range set {
		if onTune(p.labeledPair) && !p.Same {
			j := Similarity(p.a, p.b)
			maxC = max(maxC, containment(j, p.a.size(), p.b.size()))
		}
	}
	if base.containment < maxC+0.1 {
		t.Errorf("containment threshold %.2f, want >= %.2f (tuning-half maximum %.3f + 0.1)", base.containment, maxC+0.1, maxC)
	}
	if p := candidateProbability(base.minJaccard); p < 0.95 {
		t.Errorf("candidate probability at the Jaccard floor %.2f = %.3f, want >= 0.95", base.minJaccard, p)
	}
	if !*tune {
		return
	}
	for _, jmin := range []float64{0.06, 0.08, 0.10, 0.12, 0.15} {
		for tc := 0.28; tc <= 0.501; tc += 0.02 {
			d := base
			d.minJaccard, d.containment = jmin, tc
			t.Logf("C>=%.2f & J>=%.2f: %v", tc, jmin, evaluate(set, d, onTune, nil))
		}
	}
}

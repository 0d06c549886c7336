package neardup

import (
	"flag"
	"testing"
)

var tune = flag.Bool("tune", false, "log the threshold grid in TestTuneGrid")

// TestTuneGrid checks the rules by which defaultDecision was chosen on
// the tuning half, and with -tune logs the grid of precision and recall
// on that half (never on the held-out half):
//
//	go test -run TestTuneGrid -tune -v ./neardup
func TestTuneGrid(t *testing.T) {
	set := signedSet(t)
	onTune := func(p labeledPair) bool { return p.Split == "tune" }
	base := defaultDecision()
	if p := candidateProbability(base.minJaccard); p < 0.85 {
		t.Errorf("candidate probability at the Jaccard floor %.2f = %.3f, want >= 0.85", base.minJaccard, p)
	}
	if !*tune {
		return
	}
	t.Logf("default: %v", evaluate(set, base, onTune, nil))
	for _, c := range []float64{0.3, 0.35, 0.4, 0.45, 0.5, 0.6} {
		d := base
		d.containment = c
		t.Logf("containment %.2f: %v", c, evaluate(set, d, onTune, nil))
	}
	for _, c := range []float64{0.05, 0.1, 0.15, 0.2, 0.25, 0.3} {
		d := base
		d.conflictContainment = c
		t.Logf("conflict containment %.2f: %v", c, evaluate(set, d, onTune, nil))
	}
	for _, r := range []float64{0.15, 0.2, 0.25, 0.3} {
		d := base
		d.retoldContainment = r
		t.Logf("retold containment %.2f: %v", r, evaluate(set, d, onTune, nil))
	}
	for _, f := range []float64{0.2, 0.25, 0.3, 0.35, 0.4, 0.5} {
		for _, w := range []float64{1, 2, 3} {
			d := base
			d.disagreeSmall, d.numberWeight = f, w
			t.Logf("disagree share %.2f, number weight %.0f: %v", f, w, evaluate(set, d, onTune, nil))
		}
	}
	for _, n := range []float64{3, 4, 6, 8} {
		for _, sm := range []float64{0.1, 0.15, 0.2} {
			d := base
			d.agreeNames, d.agreeSmall = n, sm
			t.Logf("agree names %.0f, small share %.2f: %v", n, sm, evaluate(set, d, onTune, nil))
		}
	}
	for _, c := range []float64{0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9} {
		for _, size := range []int{30, 40, 60} {
			for _, names := range []int{1, 2, 3} {
				d := base
				d.digestContainment, d.digestSize, d.digestNames = c, size, names
				t.Logf("digest words %.2f, size %d, names %d: %v", c, size, names, evaluate(set, d, onTune, nil))
			}
		}
	}
	for _, c := range []float64{0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 1} {
		for _, names := range []int{1, 2, 3} {
			for _, numbers := range []int{0, 1} {
				d := base
				d.flashContainment, d.flashNames, d.flashNumbers = c, names, numbers
				t.Logf("flash words %.2f, names %d, numbers %d: %v", c, names, numbers, evaluate(set, d, onTune, nil))
			}
		}
	}
}

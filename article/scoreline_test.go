package article

import (
	"strings"
	"testing"
)

// TestResultLine: a match report's result line in the body ("Ballyroe
// 2-11 Carrick 1-09", "Harlow 24 Stansted 17", "Quimper 3-1 Vannes") is
// text: the line vote, which takes short lines of names and digits for
// furniture, keeps it. Fixtures in other words than
// ../testdata/heldout19/county-b-en.
func TestResultLine(t *testing.T) {
	report := map[string][]string{
		"en": {"The hurlers from the west of the parish needed a late point from their corner-forward to see off a Carrick side that never stopped running in the second half.",
			"Carrick led by three at the break after playing with the breeze, but two frees from the captain and a goal from a rebound turned the game within ten minutes.",
			"The winners meet the champions from the north of the county in the semi-final at the new grounds on the last Sunday of the month."},
		"fr": {"Les Quimpérois ont longtemps douté avant de faire la différence dans le dernier quart d'heure, portés par un public venu en nombre malgré la pluie battante.",
			"Menés à la pause après un penalty discuté, ils ont égalisé sur corner puis marqué deux fois en contre face à une équipe vannetaise épuisée.",
			"Le club recevra le leader du championnat dans quinze jours, avec l'espoir de retrouver enfin la tête du classement avant la trêve hivernale."},
	}
	for _, tc := range []struct{ name, lang, line string }{
		{"hurling score en", "en", "Ballyroe 2-11 Carrick 1-09"},
		{"rugby score en", "en", "Harlow 24 Stansted 17"},
		{"football score between the sides fr", "fr", "Quimper 3-1 Vannes"},
		{"score with totals en", "en", "Ballyroe 2-11 (17) Carrick 1-09 (12)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := report[tc.lang]
			page := `<html lang="` + tc.lang + `"><head><title>A late point settles it | The Parish Record</title></head><body><article><h1>A late point settles it</h1>` +
				`<div class="body"><p>` + tc.line + `</p><p>` + p[0] + `</p><p>` + p[1] + `</p><p>` + p[2] + `</p></div></article></body></html>`
			text := extractedText(t, page)
			if !strings.Contains(text, tc.line) {
				t.Errorf("the result line is lost: %q", text)
			}
			if !strings.Contains(text, p[2][:30]) {
				t.Errorf("the report is lost: %q", text)
			}
		})
	}
}

// TestResultLineShape: the shapes of a result line, and the lines of
// names and numbers that are not one (a pager, an issue's number, a
// series' episode, a date).
func TestResultLineShape(t *testing.T) {
	for _, tc := range []struct {
		line string
		want bool
	}{
		{"Ardcullen 1-14 Kilnamona 0-13", true},
		{"St Brigid's 0-15 v Vale of Clwyd 2-08", true},
		{"Saint-Pol de Léon 21 Morlaix 18", true},
		{"Lorient 2–0 Brest", true},
		{"Page 1 Next 2", false},
		{"Vol. 12 No. 3", false},
		{"Saison 2 Épisode 4", false},
		{"Tuesday 24 November 2026", false},
		{"Ardcullen 1-14", false},
		{"The two sides 1-1 at the break", false},
	} {
		if got := resultLine(tc.line); got != tc.want {
			t.Errorf("resultLine(%q) = %v, want %v", tc.line, got, tc.want)
		}
	}
}

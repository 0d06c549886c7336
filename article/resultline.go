package article

import (
	"regexp"
	"strings"
)

// A match report's result line: the two sides and their scores, standing
// as a line of its own at the top of the report or under a heading
// ("Ardcullen 1-14 Kilnamona 0-13" in Gaelic games, goals and points;
// "Harlow 24 Stansted 17" in rugby; "Quimper 3-1 Vannes" with the score
// between the sides). It is text: the line vote, which reads short lines
// of capitalised names and digits as furniture (a price, a counter, a
// date line), must not drop it.

// resultSide is a side's name: capitalised words, with the small words of
// a club's name between them ("Saint-Pol de Léon", "Vale of Clwyd").
const resultSide = `\p{Lu}[\p{L}\p{M}'’.\-]*(?:\s+(?:\p{Lu}[\p{L}\p{M}'’.\-]*|de|du|des|la|le|les|d'|of|the|and|&))*`

// resultLineRe matches a result line: each side followed by its score
// (a number, goals-points, a total in brackets after it), the sides
// perhaps joined by "v"; or the score between the sides.
var resultLineRe = regexp.MustCompile(`^(` + resultSide + `)\s+\d{1,3}(?:\s?[-–]\s?\d{1,3})?(?:\s\(\d{1,3}\))?,?(?:\s+(?:v|vs\.?|[-–]))?\s+(` + resultSide + `)\s+\d{1,3}(?:\s?[-–]\s?\d{1,3})?(?:\s\(\d{1,3}\))?$` +
	`|^(` + resultSide + `)\s+\d{1,3}\s?[-–:]\s?\d{1,3}\s+(` + resultSide + `)$`)

// countLabels are the words that number a page's parts, not a side:
// "Page 1 Next 2", "Vol. 12 No. 3", "Saison 2 Épisode 4".
var countLabels = map[string]bool{"page": true, "pages": true, "vol": true, "vol.": true, "volume": true, "no": true, "no.": true, "n°": true,
	"part": true, "partie": true, "chapter": true, "chapitre": true, "episode": true, "épisode": true, "season": true, "saison": true,
	"issue": true, "numéro": true, "step": true, "étape": true, "tome": true, "act": true, "acte": true, "next": true, "suivant": true,
	"previous": true, "précédent": true, "week": true, "semaine": true, "day": true, "jour": true, "round": true, "journée": true}

// resultLine reports whether a line's text is a match result.
func resultLine(text string) bool {
	m := resultLineRe.FindStringSubmatch(text)
	if m == nil {
		return false
	}
	for _, side := range m[1:] {
		if side == "" {
			continue
		}
		if countLabels[strings.ToLower(strings.Fields(side)[0])] {
			return false
		}
	}
	return true
}

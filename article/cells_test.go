package article

import "testing"

// TestDataTableCells: the cells of a data table (a caption, header cells)
// are the table's text, a cell that reads as a date line or names the
// author as well; a date line in a box drawn with a table of one cell
// still goes. Fixtures in other words than the page that showed the class
// (../testdata/heldout22: ezpublish-fr).
func TestDataTableCells(t *testing.T) {
	for _, tc := range []struct {
		name, lang, page, gone, kept string
	}{
		{"works calendar fr", "fr", `<div class="texte"><p>{0}</p><p>{1}</p><table class="renderedtable"><caption>Calendrier du dragage</caption>` +
			`<tr><th><p>Étape</p></th><th><p>Zone</p></th><th><p>Période</p></th></tr>` +
			`<tr><td><p>1</p></td><td><p>Chenal d'accès</p></td><td><p>Septembre à novembre 2027</p></td></tr>` +
			`<tr><td><p>2</p></td><td><p>Bassin des pêcheurs</p></td><td><p>Décembre 2027 à février 2028</p></td></tr></table><p>{2}</p></div>`,
			"", "Septembre à novembre 2027"},
		{"tide of the works en", "en", `<div class="body"><p>{0}</p><p>{1}</p><table><thead><tr><th>Stage</th><th>Where</th><th>Starts</th></tr></thead><tbody>` +
			`<tr><td>One</td><td>Eastern wall</td><td><p>14 June 2027</p></td></tr>` +
			`<tr><td>Two</td><td>Inner basin</td><td><p>6 September 2027</p></td></tr></tbody></table><p>{2}</p></div>`,
			"", "14 June 2027"},
		{"author named in a roster en", "en", `<meta name="author" content="Tamsin Rowe"><div class="body"><p>{0}</p><p>{1}</p><table><caption>Who to ask</caption><tr><th>Question</th><th>Contact</th></tr>` +
			`<tr><td>Berths and the waiting list</td><td><p>Tamsin Rowe</p></td></tr><tr><td>Dredging</td><td><p>Kit Penhallow</p></td></tr></table><p>{2}</p></div>`,
			"", "Tamsin Rowe"},
		{"date line in a one-cell box goes fr", "fr", `<div class="texte"><table class="encadre"><tr><td><p>Publié le 3 mars 2027</p></td></tr></table><p>{0}</p><p>{1}</p><p>{2}</p></div>`,
			"Publié le 3 mars 2027", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkHarbour(t, tc.lang, extractedText(t, harbourPage(tc.lang, tc.page)), tc.gone, tc.kept)
		})
	}
}

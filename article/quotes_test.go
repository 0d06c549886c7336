package article

import (
	"strings"
	"testing"
)

// TestQuoteAttributionLines: a quote's "Name, role" line, the last line
// of its <blockquote> or the line right after it, is the quote's, whatever
// its class says ("…-auteur", "…-author") and when it names the page's
// own author or gives again the name and role the text gave the speaker;
// the byline under the headline and a signature under a closing quote
// still go. Fixtures in other words than the pages that showed the class
// (../testdata/heldout22: duda-en, hebdo-a-fr, hebdo-c-fr).
func TestQuoteAttributionLines(t *testing.T) {
	for _, tc := range []struct {
		name, lang, page string
		gone             string // furniture that must go
		kept             string // the attribution
		times            int    // how often kept is in the text
	}{
		{"last line of the quote with an author class fr", "fr",
			`<div class="texte"><p>{0}</p><p>{1}</p><blockquote class="exergue"><p>Nous attendions ces pontons depuis quinze ans. Les enfants du club pourront enfin naviguer ici toute l'année.</p><p class="exergue-auteur">Maëlle Guéguen, présidente de l'école de voile</p></blockquote><p>{2}</p></div>`,
			"", "Maëlle Guéguen, présidente de l'école de voile", 1},
		{"the page's author quoted in her own post en", "en",
			`<meta name="author" content="Tamsin Rowe"><div class="body"><p class="byline">By Tamsin Rowe</p><p>{0}</p><p>{1}</p><blockquote><p>We have waited for these pontoons since I first sailed here. The children of the club will finally have water all year round.</p><p class="size-14"><span>Tamsin Rowe, harbour trust chair</span></p></blockquote><p>{2}</p></div>`,
			"By Tamsin Rowe", "Tamsin Rowe, harbour trust chair", 1},
		{"line right after the quote en", "en",
			`<div class="body"><p>{0}</p><p>{1}</p><blockquote class="pull"><p>The basin silts up every winter. Dredging it once a decade was never going to be enough for boats of this size.</p></blockquote><p class="pull-author">Kit Penhallow, harbour master</p><p>{2}</p></div>`,
			"", "Kit Penhallow, harbour master", 1},
		{"attribution the text gave fr", "fr",
			`<div class="texte"><p>{0}</p><p>« Les jeunes pourront naviguer même en hiver », se réjouit Erwan Cadiou, président du club nautique de la baie.</p><blockquote class="citation"><p>Le port était devenu trop petit pour les bateaux d'aujourd'hui, et trop cher à entretenir pour la commune seule.</p><p class="citation-auteur">Erwan Cadiou, président du club nautique de la baie</p></blockquote><p>{1}</p><p>{2}</p></div>`,
			"", "Erwan Cadiou, président du club nautique de la baie", 2},
		{"signature under a closing quote goes en", "en",
			`<div class="body"><p>{0}</p><p>{1}</p><p>{2}</p><blockquote><p>We have waited for these pontoons since I first sailed here, and so have the children of the club.</p></blockquote><p class="author">Kit Penhallow, harbour correspondent</p></div>`,
			"Kit Penhallow, harbour correspondent", "", 0},
		{"author's signature after a quote goes fr", "fr",
			`<meta name="author" content="Gwenola Le Du"><div class="texte"><p>{0}</p><p>{1}</p><p>{2}</p><blockquote><p>Nous attendions ces pontons depuis quinze ans, et les enfants du club aussi.</p></blockquote><p>Gwenola Le Du, correspondante à Saint-Brévin</p><p class="tags">Mots-clés : <a href="/tag/port">port</a> <a href="/tag/voile">voile</a></p></div>`,
			"Gwenola Le Du, correspondante", "", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := extractedText(t, harbourPage(tc.lang, tc.page))
			checkHarbour(t, tc.lang, text, tc.gone, "")
			if got := strings.Count(text, tc.kept); tc.kept != "" && got != tc.times {
				t.Errorf("%q %d times in the text, want %d: %q", tc.kept, got, tc.times, text)
			}
		})
	}
}

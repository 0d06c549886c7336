package article

import (
	"strings"
	"testing"
)

// TestDocumentationPage: on a documentation page, the sentence in which
// the page tells what it covers ("Cette page récapitule …", "This page
// explains …") is text, while a notice about the page ("Content on this
// page is for information only") still goes; and subheadings written as
// an anchor icon's block and a block of words stay, their words apart.
// Fixtures in other words than the page that showed the class
// (../testdata/heldout27: gitbook-fr).
func TestDocumentationPage(t *testing.T) {
	for _, tc := range []struct{ lang, says, notice, head string }{
		{"fr", "Cette page présente les réglages de la sauvegarde automatique et la façon de restaurer un projet supprimé par erreur.",
			"Les informations de cette page sont fournies à titre indicatif et peuvent changer sans préavis.", "Restaurer un projet"},
		{"en", "This page explains how automatic backups are set up and how to bring back a project deleted by mistake.",
			"Content on this page is for general information only and may change without notice.", "Restore a project"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			p := sitebitsParas[tc.lang]
			head := `<h2 id="h" class="heading flex"><div class="grid-area-1-1 opacity-0"><a href="#h" aria-label="Lien direct"><svg><use href="#link"></use></svg></a></div><div class="grid-area-1-1 flex-1">` + tc.head + `</div><div>(2026)</div></h2>`
			page := `<html lang="` + tc.lang + `"><head><title>Sauvegardes | Docs</title></head><body><main><h1>Sauvegardes</h1><div class="doc">` +
				p[0] + `<p>` + tc.says + `</p>` + head + p[1] + p[2] + p[3] + `</div><p class="notice">` + tc.notice + `</p></main></body></html>`
			text := extractedText(t, page)
			if !strings.Contains(text, tc.says) {
				t.Errorf("the page's sentence lost: %q", text)
			}
			if !strings.Contains(text, tc.head+" (2026)") {
				t.Errorf("the subheading lost or run together: %q", text)
			}
			if strings.Contains(text, tc.notice) {
				t.Errorf("the notice left: %q", text)
			}
		})
	}
}

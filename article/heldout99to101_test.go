package article

import (
	"fmt"
	"strings"
	"testing"
)

// placedPage is a page laid out by absolute positions, as a desktop web
// designer exports it: the site's name, the headline, the four paragraphs
// in one column at left 60, then side (boxes at left 720) and a footer
// band across the page. unit is "px" or "" (quirks mode), or "reversed":
// in pixels, the paragraphs' boxes written last first.
func placedPage(lang, headline, unit string, side []string, foot string) string {
	p := sitebitsParas[lang]
	order := unit
	if unit == "reversed" {
		unit = "px"
	}
	box := func(left, top, width int, inner string) string {
		return fmt.Sprintf(`<div class="xr_txt" style="position:absolute; left:%d%s; top:%d%s; width:%d%s; height:10%s;"><span class="xr_tl">%s</span></div>`+"\n", left, unit, top, unit, width, unit, unit, inner)
	}
	var b strings.Builder
	b.WriteString(`<html lang="` + lang + `"><head><title>Compte rendu</title></head><body><div id="xr_xr" class="xr_ap" style="width: 960px; height: 1800px; top:0px; left:50%;">` + "\n")
	b.WriteString(box(60, 70, 600, "Festival du Canton"))
	b.WriteString(box(60, 282, 600, headline))
	for i := range p {
		if order == "reversed" {
			// the source's order is not the reading order
			i = len(p) - 1 - i
		}
		b.WriteString(box(60, 330+i*100, 600, plainOf(p[i])))
	}
	for i, s := range side {
		b.WriteString(box(720, 300+i*22, 200, s))
	}
	if foot != "" {
		b.WriteString(box(60, 1741, 840, foot))
	}
	b.WriteString(`</div></body></html>`)
	return b.String()
}

// TestPlacedLayout: a page laid out by absolute positions is read by its
// column: a sidebar's run of boxes beside the text goes, and so does the
// footer's band across the page under it; the short box right above the
// first paragraph is the headline (../testdata/heldout101: xara-fr). A lone
// box beside the text (an image's caption) stays.
func TestPlacedLayout(t *testing.T) {
	side := map[string][]string{
		"fr": {"Prochains concerts", "Dimanche 18 juillet – Autrans", "Dimanche 25 juillet – Méaudre", "Entrée : libre participation"},
		"en": {"Coming concerts", "Sunday 18 July – Hale", "Sunday 25 July – Marsh", "Admission: pay what you can"},
	}
	foot := map[string]string{
		"fr": "Association du Festival – Maison des associations, 38250 Le Canton – Contact : festival@127.0.0.1",
		"en": "The Festival Society – Village Hall, Hale – Contact: festival@127.0.0.1",
	}
	headline := map[string]string{"fr": "Le grand orgue triomphe à l'église", "en": "The great organ triumphs at the church"}
	for _, lang := range []string{"fr", "en"} {
		for _, unit := range []string{"px", ""} {
			t.Run(lang+" "+unit, func(t *testing.T) {
				page := placedPage(lang, headline[lang], unit, side[lang], foot[lang])
				for _, gone := range []string{side[lang][1], foot[lang][:20], headline[lang]} {
					checkGoneKept(t, lang, page, gone, "")
				}
			})
		}
		t.Run(lang+" reading order", func(t *testing.T) {
			text := extractedText(t, placedPage(lang, headline[lang], "reversed", side[lang], foot[lang]))
			first, last := strings.Index(text, plainOf(sitebitsParas[lang][0])), strings.Index(text, plainOf(sitebitsParas[lang][3]))
			if first < 0 || last < 0 || first > last {
				t.Errorf("the paragraphs are not in the order of their places: %q", text)
			}
		})
		t.Run(lang+" caption beside", func(t *testing.T) {
			caption := map[string]string{"fr": "La console de l'orgue restauré. Photo Marc Arnaud", "en": "The console of the restored organ. Photo Mark Arnold"}[lang]
			checkGoneKept(t, lang, placedPage(lang, headline[lang], "px", []string{caption}, ""), "", caption)
		})
	}
}

// TestHiddenCaptionCredit: a caption's credit marked aria-hidden is shown
// all the same (../testdata/heldout99: quotidien-fr).
func TestHiddenCaptionCredit(t *testing.T) {
	for lang, credit := range map[string]string{"fr": "JULIE MARCEAU POUR « LE CANTON »", "en": "JULIE MARCEAU FOR THE VALLEY POST"} {
		fig := `<figure><img src="https://127.0.0.1/chantier.jpg" alt=""><figcaption class="article__legend">` + map[string]string{"fr": "Le terrain de l'ancienne gendarmerie, le 18 novembre.", "en": "The site of the old police station, on 18 November."}[lang] +
			` <span class="article__credit" aria-hidden="true">` + credit + `</span></figcaption></figure>`
		checkGoneKept(t, lang, sitebitsPage(lang, "", fig, "", [2]string{}), "", credit)
	}
}

// TestPlayerAndCardLines: a video player's own lines and an event's card
// among the paragraphs go (../testdata/heldout100: courier-en,
// heldout99: mighty-en); a sentence about a video, or a box of the text
// opening on a word of its own, stays.
func TestPlayerAndCardLines(t *testing.T) {
	checkLineCases(t, "lineChrome", lineChrome, []lineCase{
		{`<p id="l">The video will auto-play soon<span>8</span><button>Cancel</button></p>`, true},
		{`<p id="l">La vidéo va démarrer dans 5 secondes</p>`, true},
		{`<p id="l">Vidéo indisponible</p>`, true},
		{`<p id="l">The video will play a part in the inquiry, the coroner said.</p>`, false},
	})
	for _, tc := range []struct{ name, lang, mid, gone, kept string }{
		{"event card en", "en", `<div class="post-embed post-embed--event" data-embed-type="event"><div class="post-embed__label">Event</div><div class="post-embed__title">Volunteer briefing: Saturday 9 January, 10:00</div><div class="post-embed__meta">Online · 31 going</div><a class="mn-button mn-button--primary" href="https://127.0.0.1/events/briefing">RSVP</a></div>`, "Volunteer briefing", ""},
		{"event card fr", "fr", `<div class="post-embed post-embed--event" data-embed-type="event"><div class="post-embed__label">Événement</div><div class="post-embed__title">Réunion des bénévoles : samedi 9 janvier, 10 h</div><div class="post-embed__meta">En ligne · 31 participants</div><a class="mn-button mn-button--primary" href="https://127.0.0.1/events/reunion">Je participe</a></div>`, "Réunion des bénévoles", ""},
		{"a box of the text stays fr", "fr", `<div class="encadre"><div>Calendrier</div><div>Permis de construire déposé en mars, choix des entreprises en juin.</div><div>Ouverture prévue au printemps 2029.</div><a class="btn" href="/calendrier">Le calendrier</a></div>`, "", "choix des entreprises en juin"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkGoneKept(t, tc.lang, sitebitsPage(tc.lang, "", tc.mid, "", [2]string{}), tc.gone, tc.kept)
		})
	}
}

// TestHeadingBesideItsAnchor: a subheading in a wrapper of its own beside
// its empty anchor link (Starlight's "sl-heading-wrapper") stays
// (../testdata/heldout101: starlight-en); a box whose text went leaves
// its heading to the box's rules.
func TestHeadingBesideItsAnchor(t *testing.T) {
	for lang, h := range map[string]string{"en": "Checks now run in parallel", "fr": "Les contrôles tournent en parallèle"} {
		mid := `<div class="sl-heading-wrapper level-h2"><h2 id="s1">` + h + `</h2><a class="sl-anchor-link" href="#s1"><span aria-hidden="true" class="sl-anchor-icon"><svg width="16" height="16"><path d="m12 15"></path></svg></span><span class="sr-only">Section titled « ` + h + ` »</span></a></div>`
		checkGoneKept(t, lang, sitebitsPage(lang, "", mid, "", [2]string{}), "", h)
	}
}

package article

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// invitationParas are three paragraphs of a newsletter's or a paper's
// text, per language, for the boxes set among or after them.
var invitationParas = map[string][3]string{
	"fr": {"<p>La chaufferie au bois du quartier des Tilleuls a fonctionné tout l'hiver sans panne, et a chauffé deux cents logements et l'école primaire.</p>",
		"<p>Le conseil de l'association a décidé d'agrandir le silo à plaquettes, trop petit pendant les semaines de grand froid de janvier et de février.</p>",
		"<p>Les travaux d'agrandissement seront financés par les parts sociales souscrites cet automne par les habitants et par une aide de la région.</p>"},
	"en": {"<p>The wood-chip boiler on the Linden estate ran all winter without a fault, heating two hundred homes and the primary school next door.</p>",
		"<p>The board of the association has decided to enlarge the chip store, which proved too small during the cold weeks of January and February.</p>",
		"<p>The extension will be paid for by the shares residents bought this autumn and by a grant from the regional energy fund.</p>"},
}

// invitationPage is a page of the three paragraphs, box set after the
// second, and tail after the third.
func invitationPage(lang, box, tail string) string {
	p := invitationParas[lang]
	return `<html lang="` + lang + `"><head><title>Chaufferie | Énergie des Tilleuls</title></head><body><main><article><h1>La chaufferie</h1>` +
		`<div class="text">` + p[0] + p[1] + box + p[2] + `</div>` + tail + `</article></main></body></html>`
}

// checkInvitation checks that gone left the published text and that the
// paragraphs stayed.
func checkInvitation(t *testing.T, lang, page, gone string) {
	t.Helper()
	text := extractedText(t, page)
	if gone != "" && strings.Contains(text, gone) {
		t.Errorf("box left: %q", text)
	}
	for _, p := range invitationParas[lang] {
		if !strings.Contains(text, plainOf(p)) {
			t.Errorf("the text lost %q: %q", plainOf(p), text)
		}
	}
}

// TestEventInvitationBox: a box naming an event by its kind ("Visite de
// la chaufferie", "Open evening"), inviting the reader (a clause opening
// on a call: "venez découvrir", "come and see") and followed by, or
// holding, a button signing them up, set among the paragraphs, is the
// publisher's invitation and goes; the practical box of the story's own
// event (place, dates, "Book tickets") invites no one and stays, with its
// one-date line ("Le 4 mars, à 17 heures.": a schedule's sentence, not a
// stamp), as does an invitation without a sign-up. Fixtures in other words than the page
// that showed the class (../testdata/heldout26: mailchimp-fr).
func TestEventInvitationBox(t *testing.T) {
	for _, tc := range []struct{ name, lang, box, gone string }{
		{"campaign blocks fr", "fr", `<table class="mcnBoxedTextBlock"><tr><td><table><tr><td class="mcnTextContent"><strong>Visite de la chaufferie</strong><br>Mercredi 4 mars à 17 h, venez découvrir la chaudière et le silo avec le technicien. Vingt places.</td></tr></table></td></tr></table>` +
			`<table class="mcnButtonBlock"><tr><td><a class="mcnButton" href="https://energie.example/inscription">Je m'inscris</a></td></tr></table>`, "venez découvrir"},
		{"box with button en", "en", `<div class="boxed"><p><b>Open evening at the boiler house</b></p><p>Thursday 5 March, 6pm: join the engineers for a tour of the boiler and the new chip store.</p><a class="btn" href="/events/open-evening">Register</a></div>`, "join the engineers"},
	} {
		t.Run(tc.name, func(t *testing.T) { checkInvitation(t, tc.lang, invitationPage(tc.lang, tc.box, ""), tc.gone) })
	}
	for _, tc := range []struct{ name, lang, box, kept string }{
		{"practical box fr", "fr", `<div class="pratique"><h3>Visite de la chaufferie</h3><p>Local technique, 3 rue des Écoles.</p><p>Du 2 au 6 mars, à 17 heures.</p><a href="/resa">Réservez vos places</a></div>`, "3 rue des Écoles"},
		{"practical box en", "en", `<div class="visit"><h3>Open evening at the boiler house</h3><p>Linden Road, behind the school.</p><p>Thursday 5 March, 6pm to 8pm.</p><a class="button" href="/tickets">Book tickets</a></div>`, "behind the school"},
		{"one-date schedule fr", "fr", `<div class="pratique"><h3>Pratique</h3><p>Local technique, 3 rue des Écoles.</p><p>Le 4 mars, à 17 heures.</p></div>`, "Le 4 mars, à 17 heures."},
		{"one-date schedule en", "en", `<div class="visit"><h3>If you go</h3><p>Boiler house, 3 School Lane.</p><p>Thursday 5 March, 6pm.</p></div>`, "Thursday 5 March, 6pm."},
		{"invitation without sign-up en", "en", `<div class="boxed"><p><b>Open evening at the boiler house</b></p><p>Thursday 5 March, 6pm: come along and see the boiler and the new chip store for yourself.</p></div>`, "come along and see"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := invitationPage(tc.lang, tc.box, "")
			checkInvitation(t, tc.lang, page, "")
			if text := extractedText(t, page); !strings.Contains(text, tc.kept) {
				t.Errorf("%q lost: %q", tc.kept, text)
			}
		})
	}
}

// TestSubscriptionPitchBox: a short box after the text, of a sentence or
// two on the newsroom's work, ending on a link that names the offer it
// asks for ("See subscription offers", "Voir nos formules d'abonnement"),
// is the paper's subscription pitch and goes in preclean (readability
// keeps it when its container climbs above the text's); a box of the
// text's own whose last link names no offer stays. Checked on what
// preclean leaves. Fixtures in other words than the page that showed the
// class (../testdata/heldout26: kellerton-c-en).
func TestSubscriptionPitchBox(t *testing.T) {
	tail := `<div class="mt-8"><span>Sujets :</span> <a href="/t/energie">Énergie</a></div>`
	for _, tc := range []struct{ name, lang, box, gone string }{
		{"pitch fr", "fr", `<div class="rounded border p-5"><p class="font-bold">L'info de proximité a un prix.</p><p>Nos journalistes suivent chaque conseil municipal et chaque match du canton. Aidez-les à continuer.</p><a class="btn" href="/abonnement">Voir nos formules d'abonnement</a></div>`, "Nos journalistes suivent"},
		{"pitch en", "en", `<div class="rounded border p-5"><p class="font-bold">Journalism that stays local.</p><p>Our reporters sit through every planning meeting so nobody else has to. Back them today.</p><a class="btn" href="/subscribe">See subscription offers</a></div>`, "Our reporters sit through"},
		{"text's box en", "en", `<div class="rounded border p-5"><p class="font-bold">How the shares work</p><p>Our association sells shares at fifty pounds each, and each member has one vote whatever the number of shares held.</p><a href="/docs/statutes.pdf">Read the statutes</a></div>`, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(invitationPage(tc.lang, "", tail+tc.box)))
			if err != nil {
				t.Fatal(err)
			}
			preclean(doc)
			text := strings.Join(strings.Fields(textOf(doc)), " ")
			if tc.gone != "" && strings.Contains(text, tc.gone) {
				t.Errorf("pitch left: %q", text)
			}
			if tc.gone == "" && !strings.Contains(text, "fifty pounds each") {
				t.Errorf("the text's box lost: %q", text)
			}
			for _, p := range invitationParas[tc.lang] {
				if !strings.Contains(text, plainOf(p)) {
					t.Errorf("the text lost %q: %q", plainOf(p), text)
				}
			}
		})
	}
}

package article

import "testing"

// TestStoreCall: a line among a devlog's paragraphs asking to wishlist or
// follow the game on a store, with a link to the store's page, goes, and
// so does a store widget's title alone on its line; a sentence about the
// studio's own launch on the store, and a call with no store link, stay.
// Fixtures in other words than the page that showed the class
// (../testdata/heldout23: itch-en).
func TestStoreCall(t *testing.T) {
	for _, tc := range []struct {
		name, box, gone, kept string
	}{
		{"wishlist call en", `<p><strong>Wishlist the game on Steam!</strong> Every wishlist tells the store we exist: <a href="https://store.steampowered.com/app/1234/Allotment_Tales/">Allotment Tales on Steam</a></p>`,
			"Every wishlist tells the store", ""},
		{"liste de souhaits fr", `<p>Ajoutez le jeu à votre liste de souhaits, ça nous aide beaucoup : <a href="https://store.steampowered.com/app/1234/">la page Steam</a>.</p>`,
			"ça nous aide beaucoup", ""},
		{"widget title alone en", `<p><a href="https://store.steampowered.com/app/1234/">Allotment Tales on Steam</a></p>`,
			"Allotment Tales on Steam", ""},
		{"follow on a store fr", `<div><p>Suivez le jeu sur GOG pour être prévenus de la sortie : <a href="https://www.gog.com/fr/game/allotment_tales">Allotment Tales sur GOG</a></p></div>`,
			"être prévenus de la sortie", ""},
		{"launch sentence stays en", `<p>The early access version of the garden game opens on Steam in April, with the <a href="https://store.steampowered.com/app/1234/">first three seasons</a> playable.</p>`,
			"", "with the first three seasons playable"},
		{"call without a store link stays fr", `<p>Ajoutez le jeu à votre liste de souhaits si les courges vous plaisent : la prochaine version fera pousser les potirons.</p>`,
			"", "la prochaine version fera pousser les potirons"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkCallout(t, extractedText(t, calloutPage("", tc.box)), tc.gone, tc.kept)
		})
	}
}

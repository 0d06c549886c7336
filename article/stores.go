package article

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A game studio's or an app maker's post asks the reader, among its
// paragraphs, to wishlist or follow the product on a store, with a link
// to the store page ("Wishlist us on Steam! … <a>Lanterns on Steam</a>"),
// or leaves the title of the store's widget alone on its line ("… on
// Steam", "… on the App Store"). Neither is the post's text: the post
// says what changed; the store line sells.

var (
	// storeHostRe is the host of a store page of a game or an app.
	storeHostRe = regexp.MustCompile(`(?:^|\.)(?:store\.steampowered\.com|steamcommunity\.com|gog\.com|store\.epicgames\.com|apps\.apple\.com|play\.google\.com|` +
		`xbox\.com|store\.playstation\.com|nintendo\.com|humblebundle\.com|itch\.io)$`)
	// storeCallRe opens a sentence asking to wishlist or follow on a
	// store: "Wishlist us on Steam", "Add it to your wishlist", "Follow
	// the game on Steam", "Ajoutez le jeu à votre liste de souhaits".
	storeCallRe = regexp.MustCompile(`^(?:please )?(?:wishlist|wish-list|add (?:it|us|the game|[\p{L}'-]+ [\p{L}'-]+) to your wishlist|follow (?:us|it|the game) on|` +
		`ajoutez(?:-le|-la| le jeu| [\p{L}'-]+)? (?:à|a) (?:votre|ta) (?:liste de souhaits|wishlist)|mettez(?:-le| le jeu)? en wishlist|wishlistez|suivez(?:-nous| le jeu) sur)(?:$|[^\p{L}])`)
	// storeTitleRe is the title a store's widget gives a product: "… on
	// Steam", "… sur Steam", "… on the App Store", "… on Google Play".
	storeTitleRe = regexp.MustCompile(`(?:^|\s)(?:on|sur) (?:steam|gog(?:\.com)?|the epic games store|epic games|itch\.io|the app store|l'app store|google play|nintendo eshop|the eshop|xbox|playstation)$`)
)

// storeCall reports whether n, a line of at most 40 words with no block
// in it, calls the reader to wishlist or follow a product on a store
// (storeCallRe opening one of its sentences) and links to the store's
// page; or is only a link to a store page titled as a store's widget
// titles it (storeTitleRe). A devlog's sentence about its own Steam
// launch calls for nothing and has no store link.
func storeCall(n *html.Node) bool {
	if !plainLine(n, atom.P, atom.Div, atom.Li) {
		return false
	}
	if wordsOver(n, 40) {
		return false
	}
	raw := normText(n)
	if nw := len(strings.Fields(raw)); nw == 0 || nw > 40 {
		return false
	}
	var store []*html.Node
	for _, a := range linksIn(n) {
		if storeHostRe.MatchString(hostOf(attr(a, "href"))) {
			store = append(store, a)
		}
	}
	if len(store) == 0 {
		return false
	}
	if len(store) == 1 && strings.TrimSpace(textOutsideLinks(n)) == "" && storeTitleRe.MatchString(titleForm(textOf(store[0]))) {
		return true // the widget's title alone on its line
	}
	low := strings.ToLower(strings.ReplaceAll(raw, "’", "'"))
	for _, s := range strings.FieldsFunc(low, func(r rune) bool { return r == '.' || r == '!' || r == '?' || r == ':' }) {
		if storeCallRe.MatchString(strings.TrimSpace(s)) {
			return true
		}
	}
	return false
}

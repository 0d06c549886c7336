package neardup

import "strings"

// TitleKey returns the folded form of a headline for the rule "same
// normalized title from two sources within a short window": lower-case,
// accents removed, every run of punctuation and white space made one space
// ("Le Sénat adopte le budget !" → "le senat adopte le budget"). Stop words
// are kept: the key must be as strict as the headline.
//
// It returns "" for headlines too short or too generic to identify a story:
// fewer than 4 words, fewer than 3 content words (stop words and lone
// letters excluded), or a headline that is a recurring slot rather than a
// story: starting with a marker such as "Live", "En direct", "Direct",
// "Flash info", "Breaking", "Vidéo", "Podcast", "Revue de presse", or
// containing "minute par minute", "as it happened", "live blog". A ""
// key must never be matched.
func TitleKey(title string) string {
	var b strings.Builder
	words, content := 0, 0
	forEachWord(title, func(w []byte) {
		if words > 0 {
			b.WriteByte(' ')
		}
		b.Write(w)
		words++
		if isContentWord(w) {
			content++
		}
	})
	key := b.String()
	if words < 4 || content < 3 || isGenericTitle(key) {
		return ""
	}
	return key
}

// isGenericTitle reports whether a folded title is a recurring slot (live
// page, newsletter, programme) whose wording repeats across unrelated days.
func isGenericTitle(key string) bool {
	for _, p := range []string{
		"live", "en direct", "direct", "flash info", "flash", "breaking",
		"update", "updates", "mise a jour", "video", "videos", "podcast",
		"replay", "revue de presse", "la une", "a la une", "edito",
		"newsletter", "horoscope", "meteo", "in pictures", "en images",
		"photos", "watch", "listen", "quiz", "morning briefing",
		"evening briefing", "l essentiel", "les titres", "le point sur",
	} {
		if key == p || strings.HasPrefix(key, p+" ") {
			return true
		}
	}
	for _, p := range []string{"minute par minute", "as it happened", "live blog", "liveblog"} {
		if strings.Contains(key, p) {
			return true
		}
	}
	return false
}

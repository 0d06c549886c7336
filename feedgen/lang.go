package feedgen

import (
	"strconv"
	"strings"
	"time"
)

// texts is the interface text of the HTML pages in one language.
type texts struct {
	Lang          string // the BCP 47 primary tag these texts are in
	Home          string // link back to the index
	Latest        string // heading of a section page's items
	More          string // "More from %s" on the index
	Subscribe     string // heading of the subscribe box
	SubscribeHelp string // what to do with the feed URL
	FeedURL       string // label of the URL to copy
	OtherFormats  string // label of the other formats' links
	Readers       string // label of the one-click reader links
	AllSections   string // the OPML line of the index
	OPML          string // the OPML link text
	NoItems       string
	AlsoReported  string // before the other reports of a story
	Older, Newer  string // paging links
	Paging        string // aria-label of the paging nav
	Image         string // alt text prefix of a lead image when the item has no title
	months        [12]string
	dateTime      func(t time.Time, month string) string
}

var english = texts{
	Lang:          "en",
	Home:          "All sections",
	Latest:        "Latest items",
	More:          "More from %s",
	Subscribe:     "How to subscribe",
	SubscribeHelp: "Copy this address into your feed reader, or open it in one of the readers below.",
	FeedURL:       "Feed address",
	OtherFormats:  "Other formats",
	Readers:       "Open in",
	AllSections:   "Subscribe to every section at once:",
	OPML:          "OPML list (import it in your feed reader)",
	NoItems:       "No items yet.",
	AlsoReported:  "Also reported by",
	Older:         "Older items",
	Newer:         "Newer items",
	Paging:        "Pages",
	Image:         "Image",
	months:        [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
	dateTime: func(t time.Time, month string) string {
		return month + " " + strconv.Itoa(t.Day()) + ", " + strconv.Itoa(t.Year()) + ", " + t.Format("15:04 MST")
	},
}

var french = texts{
	Lang:          "fr",
	Home:          "Toutes les rubriques",
	Latest:        "Derniers articles",
	More:          "Tous les articles de la rubrique %s",
	Subscribe:     "S’abonner",
	SubscribeHelp: "Copiez cette adresse dans votre lecteur de flux, ou ouvrez-la dans l’un des lecteurs ci-dessous.",
	FeedURL:       "Adresse du flux",
	OtherFormats:  "Autres formats",
	Readers:       "Ouvrir dans",
	AllSections:   "S’abonner à toutes les rubriques d’un coup :",
	OPML:          "liste OPML (à importer dans votre lecteur de flux)",
	NoItems:       "Aucun article pour l’instant.",
	AlsoReported:  "Également sur",
	Older:         "Articles plus anciens",
	Newer:         "Articles plus récents",
	Paging:        "Pages",
	Image:         "Image",
	months:        [12]string{"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."},
	dateTime: func(t time.Time, month string) string {
		return strconv.Itoa(t.Day()) + " " + month + " " + strconv.Itoa(t.Year()) + " à " + t.Format("15:04 MST")
	},
}

// textsFor returns the interface texts for a section's language tag (its
// primary subtag decides), English when newsdesk has no translation.
func textsFor(lang string) *texts {
	primary, _, _ := strings.Cut(strings.ToLower(lang), "-")
	switch primary {
	case "fr":
		return &french
	}
	return &english
}

// formatTime writes t for a reader: date, time and zone, in loc.
func (tx *texts) formatTime(t time.Time, loc *time.Location) string {
	if loc == nil {
		loc = time.UTC
	}
	t = t.In(loc)
	return tx.dateTime(t, tx.months[t.Month()-1])
}

// more is the index's link to a section page.
func (tx *texts) more(title string) string { return strings.Replace(tx.More, "%s", title, 1) }

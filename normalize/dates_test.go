package normalize

import (
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
)

// TestLooseDate: dates gofeed cannot read, as French, German, Spanish,
// Italian, Portuguese, Dutch and English sites write them, are read to the
// second with their zone; what is not clearly a date is refused.
func TestLooseDate(t *testing.T) {
	paris := time.FixedZone("", 3600)
	ok := []struct {
		in   string
		want time.Time
	}{
		{"Mar, 01 déc 2026 10:00:00 +0100", time.Date(2026, 12, 1, 10, 0, 0, 0, paris)},
		{"mar., 01 déc. 2026 10:00:00 +0100", time.Date(2026, 12, 1, 10, 0, 0, 0, paris)},
		{"Mardi 1er décembre 2026 à 10h30", time.Date(2026, 12, 1, 10, 30, 0, 0, time.UTC)},
		{"1 décembre 2026 10:00", time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)},
		{"Publié le 14 février 2026 à 18h05 CET", time.Date(2026, 2, 14, 18, 5, 0, 0, paris)},
		{"Lun, 16 Fév 2026 08:00:00 GMT", time.Date(2026, 2, 16, 8, 0, 0, 0, time.UTC)},
		{"Mer, 12 Aoû 2026 07:15:00 +0200", time.Date(2026, 8, 12, 7, 15, 0, 0, time.FixedZone("", 7200))},
		{"Tuesday, December 1, 2026 10:00 AM EST", time.Date(2026, 12, 1, 10, 0, 0, 0, time.FixedZone("", -5*3600))},
		{"December 1st, 2026 at 3:45pm PST", time.Date(2026, 12, 1, 15, 45, 0, 0, time.FixedZone("", -8*3600))},
		{"12:30 AM, Dec 2, 2026", time.Date(2026, 12, 2, 0, 30, 0, 0, time.UTC)},
		{"Di, 01. Dez 2026 10:00:00 +0100", time.Date(2026, 12, 1, 10, 0, 0, 0, paris)},
		{"1. Dezember 2026 um 10:00 Uhr", time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)},
		{"mié, 02 dic 2026 09:00:00 +0100", time.Date(2026, 12, 2, 9, 0, 0, 0, paris)},
		{"02 dicembre 2026 09:00 +01:00", time.Date(2026, 12, 2, 9, 0, 0, 0, paris)},
		{"qua, 02 dez 2026 09:00:00 -0300", time.Date(2026, 12, 2, 9, 0, 0, 0, time.FixedZone("", -3*3600))},
		{"wo 2 dec. 2026 09:00 GMT+0100", time.Date(2026, 12, 2, 9, 0, 0, 0, paris)},
		{"3 maart 2026", time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC)},
		{"Sat, 07 Mar 2026 11:00:00 +0100", time.Date(2026, 3, 7, 11, 0, 0, 0, paris)},
	}
	for _, c := range ok {
		got, good := looseDate(c.in)
		if !good || !got.Equal(c.want) {
			t.Errorf("looseDate(%q) = %v %v, want %v", c.in, got, good, c.want)
		}
	}
	for _, in := range []string{
		"", "hier", "il y a 3 heures", "décembre 2026", "1 décembre", "31 novembre 2026 10:00",
		"1 décembre 2026 25:00", "Numéro 12, décembre 2026", "1 déc 2026 10:00 +0100 +0200",
		"1 déc 2026 13:00 PM", "sometime in May 2026", "12 / 03 / 2026", "0000 0001 mai", "0001 mai 2026",
	} {
		if got, good := looseDate(in); good {
			t.Errorf("looseDate(%q) = %v, want refused", in, got)
		}
	}
}

// TestLocalizedFeedDates: an RSS feed of a French regional paper dating
// its items in French, and an Atom feed with an English long-form date,
// keep their own dates (not the time they were first seen).
func TestLocalizedFeedDates(t *testing.T) {
	doc := `<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>La Gazette</title><link>http://127.0.0.1/</link><description>x</description>
<item><title>Conseil municipal</title><link>http://127.0.0.1/a</link><pubDate>Mer, 25 févr. 2026 18:30:00 +0100</pubDate></item>
<item><title>Marché de Noël</title><link>http://127.0.0.1/b</link><dc:date>28 février 2026 à 9h15</dc:date></item>
<item><title>Sans date lisible</title><link>http://127.0.0.1/c</link><pubDate>hier soir</pubDate></item>
</channel></rss>`
	f, err := gofeed.NewParser().Parse(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	res := Feed(f, Options{FeedURL: "http://127.0.0.1/rss", Now: fetchTime})
	want := map[string]time.Time{
		"Conseil municipal": time.Date(2026, 2, 25, 17, 30, 0, 0, time.UTC),
		"Marché de Noël":    time.Date(2026, 2, 28, 9, 15, 0, 0, time.UTC),
		"Sans date lisible": {},
	}
	for title, w := range want {
		if got := itemByTitle(t, res, title).Published; !got.Equal(w) {
			t.Errorf("%s: published %v, want %v", title, got, w)
		}
	}
}

// FuzzLooseDate: any input is read or refused without a panic, and a date
// read is within the years time.Time writes.
func FuzzLooseDate(f *testing.F) {
	for _, s := range []string{"Mar, 01 déc 2026 10:00:00 +0100", "1er décembre 2026 à 10h30", "December 1st, 2026 at 3:45pm PST", "12:30 AM, Dec 2, 2026", "1 h 2026 mai", "gmt+ 5 mai 2026"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := looseDate(s)
		if !ok {
			return
		}
		if got.Year() < 1 || got.Year() > 9999 {
			t.Fatalf("looseDate(%q) = %v", s, got)
		}
	})
}

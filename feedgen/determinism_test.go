package feedgen

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"newsdesk"
)

// inZone returns a copy of items with every time moved to loc: the same
// instants, written differently.
func inZone(items []newsdesk.Item, loc *time.Location) []newsdesk.Item {
	out := make([]newsdesk.Item, len(items))
	for i, it := range items {
		for _, t := range []*time.Time{&it.Published, &it.Updated, &it.FirstSeen, &it.SortAt, &it.ModifiedAt} {
			if !t.IsZero() {
				*t = t.In(loc)
			}
		}
		out[i] = it
	}
	return out
}

func fixedClock(t time.Time) func() time.Time { return func() time.Time { return t } }

func TestRenderIsDeterministic(t *testing.T) {
	optA, optB := testOptions(), testOptions()
	optA.Now = fixedClock(time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC))
	optB.Now = fixedClock(time.Date(2031, 7, 9, 13, 14, 15, 0, time.UTC))
	for _, sec := range testSections() {
		items := testItems()[sec.ID]
		for _, r := range renderers {
			t.Run(sec.ID+"."+r.ext, func(t *testing.T) {
				a, err := r.render(&sec, items, optA, PageLinks{})
				if err != nil {
					t.Fatal(err)
				}
				b, err := r.render(&sec, inZone(items, time.FixedZone("X", -9*3600)), optB, PageLinks{})
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(a, b) {
					t.Errorf("renders with other clocks and zones differ:\n%s\n---\n%s", a, b)
				}
			})
		}
	}
}

func TestServedETagsAreDeterministic(t *testing.T) {
	handler := func(now time.Time) *Handler {
		opt := testOptions()
		opt.Now = fixedClock(now)
		return NewHandler(pagingStore(testItems), testSections(), opt)
	}
	a := handler(time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC))
	b := handler(time.Date(2031, 7, 9, 13, 14, 15, 0, time.UTC))
	for _, path := range []string{"/", "/sections/world", "/feeds.opml", "/feeds/politique.atom", "/feeds/politique.rss", "/feeds/world.json?limit=1", "/feed.xsl"} {
		t.Run(path, func(t *testing.T) {
			var tags [2]string
			for i, h := range []*Handler{a, b} {
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
				if rec.Code != http.StatusOK {
					t.Fatalf("status = %d", rec.Code)
				}
				tags[i] = rec.Header().Get("ETag")
			}
			if tags[0] == "" || tags[0] != tags[1] {
				t.Errorf("ETags = %q, want two equal tags", tags)
			}
		})
	}
}

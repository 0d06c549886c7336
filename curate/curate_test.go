package curate

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"newsdesk"
	"newsdesk/neardup"
)

var t0 = time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)

func text(from, n int) string {
	var b strings.Builder
	for i := from; i < from+n; i++ {
		fmt.Fprintf(&b, "mot%c%c%c ", 'a'+i%26, 'a'+(i/26)%26, 'a'+(i/676)%26)
	}
	return b.String()
}

func mk(id int64, src, link, title string, from, n int, at time.Time) Member {
	return Member{Item: Item{ID: id, Source: src, Key: fmt.Sprint(id), Link: link, TitleKey: neardup.TitleKey(title),
		StoryAt: at, Words: n, Ord: OrdKey(src, fmt.Sprint(id)), Sig: neardup.Sign(title, text(from, n))}, State: StateIn}
}

func TestMatchIsSymmetricAndNeverWithinOneSource(t *testing.T) {
	e := New()
	var ms []Member
	for i := range 24 {
		src := fmt.Sprint("s", i%3)
		ms = append(ms, mk(int64(i+1), src, fmt.Sprint("l", i%5), fmt.Sprintf("Le titre numero %d du jour", i%4), (i%6)*30, 60+i%3*20, t0.Add(time.Duration(i*7)*time.Hour)))
	}
	matched := 0
	for i := range ms {
		for j := range ms {
			a, _ := e.Match(&ms[i].Item, &ms[j].Item)
			b, _ := e.Match(&ms[j].Item, &ms[i].Item)
			if a != b {
				t.Fatalf("Match(#%d, #%d) = %v but Match(#%d, #%d) = %v", i+1, j+1, a, j+1, i+1, b)
			}
			if a && ms[i].Source == ms[j].Source {
				t.Fatalf("#%d and #%d of one source matched", i+1, j+1)
			}
			if a {
				matched++
			}
		}
	}
	if matched == 0 {
		t.Fatal("no pair matched: the fixture tests nothing")
	}
}

func TestRepresentativeRule(t *testing.T) {
	sec := &newsdesk.Section{ID: "s", Sources: []newsdesk.SectionSource{{URL: "low"}, {URL: "high", Priority: 5}, {URL: "other"}}}
	e := New()
	article := mk(1, "low", "", "t", 0, 200, t0.Add(time.Hour))
	digest := mk(2, "other", "", "t", 0, 20, t0)
	early := mk(3, "other", "", "t", 0, 200, t0)
	prio := mk(4, "high", "", "t", 0, 20, t0.Add(2*time.Hour))
	tests := []struct {
		name    string
		members []Member
		want    int64
		why     string
	}{
		{"priority first", []Member{article, digest, prio}, 4, "priority"},
		{"an article over an earlier digest", []Member{article, digest}, 1, "digest"},
		{"the earliest full report", []Member{article, early}, 3, "earliest"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, order := range [][]int{{0, 1, 2}, {2, 1, 0}, {1, 0, 2}} {
				var ms []Member
				for _, i := range order {
					if i < len(tt.members) {
						ms = append(ms, tt.members[i])
					}
				}
				rep, why := e.Representative(sec, ms)
				if rep.ID != tt.want || !strings.Contains(why, tt.why) {
					t.Fatalf("order %v: representative #%d (%s), want #%d (%s)", order, rep.ID, why, tt.want, tt.why)
				}
			}
		})
	}
}

func TestStoriesHoldOneItemPerSource(t *testing.T) {
	e := New()
	// b1 matches a1 and a2 (one source's two near-identical items).
	a1 := mk(1, "a", "", "Resultats du match de samedi", 0, 80, t0)
	a2 := mk(2, "a", "", "Resultats du match de dimanche", 0, 80, t0.Add(time.Hour))
	b1 := mk(3, "b", "", "Le match de samedi", 0, 80, t0.Add(2*time.Hour))
	for _, order := range [][]Member{{a1, a2, b1}, {b1, a2, a1}, {a2, b1, a1}} {
		stories := e.stories(order)
		if len(stories) != 2 || len(stories[0]) != 2 || stories[0][0].ID != 1 || stories[0][1].ID != 3 || stories[1][0].ID != 2 {
			t.Fatalf("stories = %v, want [[#1 #3] [#2]]", ids(stories))
		}
	}
}

func ids(stories [][]Member) [][]int64 {
	var out [][]int64
	for _, s := range stories {
		var x []int64
		for _, m := range s {
			x = append(x, m.ID)
		}
		out = append(out, x)
	}
	return out
}

func TestCheckFindsViolations(t *testing.T) {
	ok := []Row{
		{Section: "s", Item: 1, Source: "a", State: StateIn, Cluster: 10, Rep: 1},
		{Section: "s", Item: 2, Source: "b", State: StateDuplicate, Cluster: 10, Rep: 1},
		{Section: "s", Item: 3, Source: "a", State: StateFiltered},
	}
	clusters := []ClusterRow{{"s", 10}}
	if err := Check(ok, clusters); err != nil {
		t.Fatalf("valid rows: %v", err)
	}
	tests := []struct {
		name     string
		rows     []Row
		clusters []ClusterRow
		want     string
	}{
		{"representative pruned", ok[1:], clusters, "not filed"},
		{"two in one story", append([]Row{{Section: "s", Item: 4, Source: "c", State: StateDuplicate, Cluster: 10, Rep: 2}}, ok...), clusters, "which is duplicate"},
		{"two items of one source", append([]Row{{Section: "s", Item: 5, Source: "a", State: StateDuplicate, Cluster: 10, Rep: 1}}, ok...), clusters, "two items of a"},
		{"cluster not recorded", ok, nil, "not recorded"},
		{"empty cluster", ok, append([]ClusterRow{{"s", 11}}, clusters...), "no member"},
		{"filtered in a cluster", append([]Row{{Section: "s", Item: 6, Source: "d", State: StateFiltered, Cluster: 10}}, ok...), clusters, "filtered item #6"},
		{"hidden story published", []Row{ok[0], {Section: "s", Item: 2, Source: "b", State: StateDuplicate, Cluster: 10, Rep: 1, Hidden: true}}, clusters, "#2, a member, is hidden"},
		{"hidden without a hidden member", []Row{{Section: "s", Item: 1, Source: "a", State: StateHidden, Cluster: 10, Rep: 1}}, clusters, "hidden but no member is"},
		{"pin on a duplicate", []Row{ok[0], {Section: "s", Item: 2, Source: "b", State: StateDuplicate, Cluster: 10, Rep: 1, Pinned: 99}}, clusters, "carries a pin"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Check(tt.rows, tt.clusters)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Check = %v, want an error naming %q", err, tt.want)
			}
		})
	}
}

// TestStoryMarks: a story is hidden by any hidden member, and pinned
// until the latest pin of its members.
func TestStoryMarks(t *testing.T) {
	t1, t2 := time.Unix(100, 0), time.Unix(200, 0)
	story := []Member{
		{Item: Item{ID: 3}, Marks: Marks{PinnedUntil: t1}},
		{Item: Item{ID: 2}, Marks: Marks{Hidden: true, PinnedUntil: t2}},
		{Item: Item{ID: 5}, Marks: Marks{Hidden: true}},
	}
	hider, pinned := storyMarks(story)
	if hider != 2 || !pinned.Equal(t2) {
		t.Fatalf("storyMarks = %d, %v; want 2, %v", hider, pinned, t2)
	}
	if hider, pinned := storyMarks(story[:1]); hider != 0 || !pinned.Equal(t1) {
		t.Fatalf("storyMarks of an unhidden story = %d, %v; want 0, %v", hider, pinned, t1)
	}
}

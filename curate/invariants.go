package curate

import (
	"errors"
	"fmt"
)

// Row is one stored membership, as Check reads it.
type Row struct {
	Section string
	Item    int64
	Source  string
	State   string
	Cluster int64
	Rep     int64
	Hidden  bool  // the editor's mark on the item
	Pinned  int64 // the story pin stored on the row (unix seconds; 0: none)
}

// ClusterRow is one stored cluster.
type ClusterRow struct {
	Section string
	ID      int64
}

// Check verifies the invariants of the engine's decisions over what a
// backend stores (every membership row and cluster row; rows of pruned
// items must be gone):
//   - every cluster has members, all filed in its section;
//   - every story (a representative and the duplicates naming it) has
//     exactly one member in, the representative, which is live and in the
//     same cluster as its duplicates;
//   - no story holds two items of one source;
//   - a filtered item belongs to no cluster; no item is filed twice in
//     one section;
//   - no hidden story is published: a story with a member an editor hid
//     is represented by a hidden row, and a story without one by a row
//     that is in; only representatives carry a pin.
//
// It returns every violation found, joined.
func Check(rows []Row, clusters []ClusterRow) error {
	var errs []error
	type key struct {
		section string
		id      int64
	}
	known := map[key]bool{}
	for _, c := range clusters {
		known[key{c.Section, c.ID}] = true
	}
	byItem := map[key]Row{}
	for _, r := range rows {
		k := key{r.Section, r.Item}
		if _, dup := byItem[k]; dup {
			errs = append(errs, fmt.Errorf("section %s: item #%d filed twice", r.Section, r.Item))
		}
		byItem[k] = r
	}
	members := map[key]int{}
	storySources := map[key]map[string]bool{}
	hidden := map[key]int64{} // by story: a member an editor hid
	for _, r := range rows {
		switch r.State {
		case StateFiltered:
			if r.Cluster != 0 {
				errs = append(errs, fmt.Errorf("section %s: filtered item #%d is in cluster %d", r.Section, r.Item, r.Cluster))
			}
			continue
		case StateIn, StateHidden:
			if r.Rep != r.Item {
				errs = append(errs, fmt.Errorf("section %s: item #%d is %s but names #%d as its representative", r.Section, r.Item, r.State, r.Rep))
			}
		case StateDuplicate:
			rep, ok := byItem[key{r.Section, r.Rep}]
			switch {
			case !ok:
				errs = append(errs, fmt.Errorf("section %s: duplicate #%d names #%d, which is not filed (pruned?)", r.Section, r.Item, r.Rep))
			case rep.State != StateIn && rep.State != StateHidden:
				errs = append(errs, fmt.Errorf("section %s: duplicate #%d names #%d, which is %s", r.Section, r.Item, r.Rep, rep.State))
			case rep.Cluster != r.Cluster:
				errs = append(errs, fmt.Errorf("section %s: duplicate #%d is in cluster %d, its representative #%d in %d", r.Section, r.Item, r.Cluster, r.Rep, rep.Cluster))
			}
		default:
			errs = append(errs, fmt.Errorf("section %s: item #%d has state %q", r.Section, r.Item, r.State))
			continue
		}
		if !known[key{r.Section, r.Cluster}] {
			errs = append(errs, fmt.Errorf("section %s: item #%d is in cluster %d, which is not recorded", r.Section, r.Item, r.Cluster))
		}
		if r.Pinned != 0 && r.State == StateDuplicate {
			errs = append(errs, fmt.Errorf("section %s: duplicate #%d carries a pin", r.Section, r.Item))
		}
		if r.Hidden {
			hidden[key{r.Section, r.Rep}] = r.Item
		}
		members[key{r.Section, r.Cluster}]++
		sk := key{r.Section, r.Rep}
		if storySources[sk] == nil {
			storySources[sk] = map[string]bool{}
		}
		if storySources[sk][r.Source] {
			errs = append(errs, fmt.Errorf("section %s: the story of #%d holds two items of %s", r.Section, r.Rep, r.Source))
		}
		storySources[sk][r.Source] = true
	}
	for k, r := range byItem {
		if r.State != StateIn && r.State != StateHidden {
			continue
		}
		switch h, ok := hidden[k]; {
		case ok && r.State == StateIn:
			errs = append(errs, fmt.Errorf("section %s: the story of #%d is published but #%d, a member, is hidden", r.Section, r.Item, h))
		case !ok && r.State == StateHidden:
			errs = append(errs, fmt.Errorf("section %s: the story of #%d is hidden but no member is", r.Section, r.Item))
		}
	}
	for _, c := range clusters {
		if members[key{c.Section, c.ID}] == 0 {
			errs = append(errs, fmt.Errorf("section %s: cluster %d has no member", c.Section, c.ID))
		}
	}
	return errors.Join(errs...)
}

package main

import (
	"strings"
	"testing"
	"time"

	"newsdesk/storage"
)

// TestStateLine: what the editor's commands say of an item after an
// action: a report of a hidden story is never said to be published, and
// a pin on a hidden story is said to wait for the unhide.
func TestStateLine(t *testing.T) {
	pin := time.Now().Add(time.Hour)
	for _, tt := range []struct {
		name string
		f    storage.Filed
		want string
		not  string
	}{
		{"published", storage.Filed{State: storage.StateIn}, "published", "hidden"},
		{"pinned", storage.Filed{State: storage.StateIn, StoryPinned: pin}, "pinned first until", "hidden"},
		{"duplicate", storage.Filed{State: storage.StateDuplicate, Rep: 4}, "published through #4", "hidden"},
		{"hidden", storage.Filed{State: storage.StateHidden, Hidden: true, StoryHidden: true}, "its story is hidden", "pin"},
		{"duplicate marked hidden", storage.Filed{State: storage.StateDuplicate, Rep: 4, Hidden: true, StoryHidden: true}, "its story (represented by #4) is hidden", "published"},
		{"duplicate of a story hidden through another report", storage.Filed{State: storage.StateDuplicate, Rep: 4, StoryHidden: true}, "its story (represented by #4) is hidden", "published"},
		{"pin on a hidden story", storage.Filed{State: storage.StateDuplicate, Rep: 4, StoryHidden: true, StoryPinned: pin}, "applies once it is unhidden", "published"},
		{"pinned hidden representative", storage.Filed{State: storage.StateHidden, StoryHidden: true, StoryPinned: pin}, "applies once it is unhidden", "published"},
	} {
		got := stateLine(tt.f)
		if !strings.Contains(got, tt.want) || strings.Contains(got, tt.not) {
			t.Errorf("%s: stateLine = %q, want it to say %q and not %q", tt.name, got, tt.want, tt.not)
		}
	}
}

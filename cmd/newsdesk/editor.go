package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/user"
	"strings"
	"text/tabwriter"
	"time"

	"newsdesk/curate"
	"newsdesk/normalize"
	"newsdesk/storage"
)

// editorCommand is hide, unhide, pin or unpin: ITEM is the number explain
// shows, an output id or a link.
func editorCommand(kind, summary, help string) *command {
	var section, reason string
	var pinFor time.Duration
	args, maxArgs := "[--section ID] ITEM... [--reason TEXT]", 1<<20
	if kind == curate.Pin {
		args, maxArgs = "[--section ID] ITEM [--for 24h] [--reason TEXT]", 1
	}
	return &command{
		name:    kind,
		summary: summary,
		minArgs: 1, maxArgs: maxArgs, usage: args,
		flags: func(g *globals) *flag.FlagSet {
			fs := newFlags(g, kind, args, help+"\n\nITEM is the number explain shows (#12 or 12), the item's output id, or its\n"+
				"link (as published or canonical). Without --section, every section holding it.\n"+
				"A running serve reflects the change within 2 s. Exit 0 done, 1 no such item,\n2 usage.")
			fs.StringVar(&section, "section", "", "only in this section")
			fs.StringVar(&reason, "reason", "", "why, for the audit (explain shows it)")
			if kind == curate.Pin {
				fs.DurationVar(&pinFor, "for", 24*time.Hour, "how long the pin lasts")
			}
			return fs
		},
		run: func(ctx context.Context, g *globals, refs []string) int {
			switch {
			case len(refs) == 0:
				return fail(g, usageError{fmt.Errorf("%s: name at least one ITEM", kind)})
			case kind == curate.Pin && len(refs) > 1:
				return fail(g, usageError{fmt.Errorf("pin: one ITEM at a time (got %d)", len(refs))})
			case kind == curate.Pin && pinFor <= 0:
				return fail(g, usageError{fmt.Errorf("pin: --for must be positive, got %s", pinFor)})
			}
			a, err := openStore(ctx, g)
			if err != nil {
				return fail(g, err)
			}
			defer a.Close()
			if section != "" && a.cfg.Section(section) == nil {
				return fail(g, usageError{fmt.Errorf("%s: --section: no section %q in %s", kind, section, g.config)})
			}
			act := storage.EditorAction{Kind: kind, Who: osUser(), Reason: reason}
			if kind == curate.Pin {
				act.Until = time.Now().Add(pinFor).Truncate(time.Second)
			}
			code := 0
			for _, ref := range refs {
				done, err := editItems(ctx, a, section, ref, act, g)
				switch {
				case errors.Is(err, storage.ErrNoItem):
					where := "any section"
					if section != "" {
						where = "section " + section
					}
					fmt.Fprintf(g.stderr, "newsdesk: %s: no item %q in %s (explain --section ID lists the items and their numbers)\n", kind, ref, where)
					code = 1
				case err != nil:
					return fail(g, err)
				case done == 0:
					fmt.Fprintf(g.stderr, "newsdesk: %s: item %q is only in sections no longer configured\n", kind, ref)
					code = 1
				}
			}
			return code
		},
	}
}

// editItems applies act to every item ref names and prints a line each.
func editItems(ctx context.Context, a *app, section, ref string, act storage.EditorAction, g *globals) (int, error) {
	var alt []string
	if c, err := normalize.CanonicalURL(ref, a.cfg.Tracking); err == nil && c != ref {
		alt = append(alt, c)
	}
	found, err := a.db.FindItems(ctx, section, ref, alt...)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, f := range found {
		if a.cfg.Section(f.Section) == nil {
			continue
		}
		after, err := a.db.Edit(ctx, f.Section, f.ID, act)
		if err != nil {
			return n, err
		}
		n++
		fmt.Fprintf(g.stdout, "%s #%d in %s: %s — %s\n", pastTense(act.Kind), after.ID, after.Section, clip(after.Title, 60), stateLine(after))
	}
	return n, nil
}

func pastTense(kind string) string {
	switch kind {
	case curate.Hide:
		return "hid"
	case curate.Unhide:
		return "unhid"
	case curate.Pin:
		return "pinned"
	}
	return "unpinned"
}

// stateLine says where an item stands after an action.
func stateLine(f storage.Filed) string {
	switch f.State {
	case storage.StateHidden:
		if !f.StoryPinned.IsZero() && f.StoryPinned.After(time.Now()) {
			return "its story is hidden; its pin until " + f.StoryPinned.Local().Format("2006-01-02 15:04") + " applies once it is unhidden"
		}
		return "its story is hidden"
	case storage.StateFiltered:
		s := "filtered out (" + f.Reason + ")"
		if f.Hidden || !f.PinnedUntil.IsZero() {
			s += "; the marks apply if a rule admits it again"
		}
		return s
	case storage.StateDuplicate:
		if f.Hidden || f.StoryHidden {
			s := fmt.Sprintf("its story (represented by #%d) is hidden", f.Rep)
			if !f.StoryPinned.IsZero() && f.StoryPinned.After(time.Now()) {
				s += "; its pin until " + f.StoryPinned.Local().Format("2006-01-02 15:04") + " applies once it is unhidden"
			}
			return s
		}
		s := fmt.Sprintf("published through #%d, which represents its story", f.Rep)
		if !f.StoryPinned.IsZero() {
			s += ", pinned until " + f.StoryPinned.Local().Format("2006-01-02 15:04")
		}
		return s
	}
	if !f.StoryPinned.IsZero() && f.StoryPinned.After(time.Now()) {
		return "published, pinned first until " + f.StoryPinned.Local().Format("2006-01-02 15:04")
	}
	return "published"
}

// osUser names the person running the command, for the audit.
func osUser() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	if u := os.Getenv("USER"); u != "" {
		return u
	}
	return "cli"
}

func previewCommand() *command {
	var section string
	return &command{
		name:    "preview",
		summary: "list what a reload of the config on disk would add to or remove from the sections",
		flags: func(g *globals) *flag.FlagSet {
			fs := newFlags(g, "preview", "[--section ID]",
				"Compares the config file on disk with what is published: applies its section\n"+
					"rules (include, exclude, categories, max_age) to the stored items without\n"+
					"writing anything, and lists each item a reload would add or remove, with the\n"+
					"rule responsible. Exit 0 (also when there is nothing to change).")
			fs.StringVar(&section, "section", "", "only this section")
			return fs
		},
		run: func(ctx context.Context, g *globals, args []string) int {
			a, err := openStore(ctx, g)
			if err != nil {
				return fail(g, err)
			}
			defer a.Close()
			if section != "" && a.cfg.Section(section) == nil {
				return fail(g, usageError{fmt.Errorf("preview: --section: no section %q in %s", section, g.config)})
			}
			changes, err := a.db.Reapply(ctx, true)
			if err != nil {
				return fail(g, err)
			}
			tw := tabwriter.NewWriter(g.stdout, 0, 4, 2, ' ', 0)
			n := 0
			for _, c := range changes {
				if section != "" && c.Section != section {
					continue
				}
				if n == 0 {
					fmt.Fprintln(tw, "SECTION\tCHANGE\tITEM\tSOURCE\tTITLE\tWHY")
				}
				n++
				fmt.Fprintf(tw, "%s\t%s\t#%d\t%s\t%s\t%s\n", c.Section, c.Change, c.ItemID, clip(c.Source, 24), clip(c.Title, 60), c.Why)
			}
			if err := tw.Flush(); err != nil {
				return fail(g, err)
			}
			if n == 0 {
				fmt.Fprintf(g.stdout, "no change: %s publishes what is published now\n", g.config)
			} else {
				fmt.Fprintf(g.stdout, "%d change(s); a reload (SIGHUP) or a restart applies them\n", n)
			}
			return 0
		},
	}
}

// whoList is the text of an audit entry.
func auditLine(a storage.Audit) string {
	s := fmt.Sprintf("%s  %-6s #%d by %s", a.At.Local().Format("2006-01-02 15:04:05"), a.Action, a.ItemID, a.Who)
	if !a.Until.IsZero() {
		s += " until " + a.Until.Local().Format("2006-01-02 15:04")
	}
	if a.Reason != "" {
		s += ": " + a.Reason
	}
	return s + "  (" + strings.TrimSpace(clip(a.Title, 50)) + ")"
}

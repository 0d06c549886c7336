package feedgen

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"newsdesk"
)

// Export writes every document the Handler serves as static files under
// dir: feeds/{section}.atom|.rss|.json, feeds.opml, index.html,
// sections/{section}/index.html, feed.xsl and static/style.css. Each file
// is replaced atomically (temporary file in the same folder, fsync,
// rename), so a web server reading dir never sees a partial file.
func Export(ctx context.Context, store Store, sections []newsdesk.Section, opt Options, dir string) error {
	pages, err := newPageRenderer(opt)
	if err != nil {
		return err
	}
	pages.dirs = true // a static host serves sections/ID/index.html at sections/ID/
	for i := range sections {
		if !validID(sections[i].ID) {
			return fmt.Errorf("export: section id %q: want [a-z0-9-]+", sections[i].ID)
		}
	}
	items, _, err := latestItems(ctx, store, sections, 0)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	latest := make([][]newsdesk.Item, len(sections))
	for i := range sections {
		sec := &sections[i]
		latest[i] = items[i][:min(indexItems, len(items[i]))]
		changed, err := emptyChanged(ctx, store, sec.ID, items[i])
		if err != nil {
			return fmt.Errorf("export section %s: %w", sec.ID, err)
		}
		for _, f := range []struct {
			ext    string
			render func(*newsdesk.Section, []newsdesk.Item, Options, PageLinks) ([]byte, error)
		}{{formatAtom, Atom}, {formatRSS, RSS}, {formatJSON, JSON}} {
			body, err := f.render(sec, items[i], opt, PageLinks{Changed: changed})
			if err != nil {
				return fmt.Errorf("export section %s: %w", sec.ID, err)
			}
			if err := writeFileAtomic(filepath.Join(dir, "feeds", sec.ID+"."+f.ext), body); err != nil {
				return err
			}
		}
		body, err := pages.page(sec, items[i], pageLinks{})
		if err != nil {
			return fmt.Errorf("export section %s: %w", sec.ID, err)
		}
		if err := writeFileAtomic(filepath.Join(dir, "sections", sec.ID, "index.html"), body); err != nil {
			return err
		}
	}
	body, err := OPML(sections, opt)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if err := writeFileAtomic(filepath.Join(dir, "feeds.opml"), body); err != nil {
		return err
	}
	if body, err = pages.index(sections, latest); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if err := writeFileAtomic(filepath.Join(dir, "index.html"), body); err != nil {
		return err
	}
	for path, a := range staticAssets() {
		if err := writeFileAtomic(filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(path, "/"))), asset(a.name)); err != nil {
			return err
		}
	}
	return nil
}

// writeFileAtomic replaces path with data: it writes a temporary file in
// the same folder, syncs it, renames it over path and syncs the folder.
func writeFileAtomic(path string, data []byte) (err error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	defer func() {
		if err != nil {
			_ = f.Close()           // already failed; the first error matters
			_ = os.Remove(f.Name()) // best effort cleanup of the temporary file
		}
	}()
	if _, err = f.Write(data); err != nil {
		return fmt.Errorf("export %s: %w", path, err)
	}
	if err = f.Chmod(0o644); err != nil {
		return fmt.Errorf("export %s: %w", path, err)
	}
	if err = f.Sync(); err != nil {
		return fmt.Errorf("export %s: %w", path, err)
	}
	if err = f.Close(); err != nil {
		return fmt.Errorf("export %s: %w", path, err)
	}
	if err = os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("export %s: %w", path, err)
	}
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	defer d.Close()
	if err = d.Sync(); err != nil {
		return fmt.Errorf("export sync %s: %w", dir, err)
	}
	return nil
}

// validID reports whether id is a section id safe in a file name.
func validID(id string) bool {
	if id == "" {
		return false
	}
	for _, r := range id {
		if (r < 'a' || r > 'z') && (r < '0' || r > '9') && r != '-' {
			return false
		}
	}
	return true
}

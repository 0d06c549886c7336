package main

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// pagesFixture serves testdata/pages with BASE replaced by its own URL, and
// small PNG images at /img/NAME.png.
func pagesFixture(t *testing.T) *httptest.Server {
	t.Helper()
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if name, ok := strings.CutPrefix(r.URL.Path, "/img/"); ok && strings.HasSuffix(name, ".png") {
			img := image.NewRGBA(image.Rect(0, 0, 120, 80))
			c := color.RGBA{uint8(len(name) * 37), 90, 140, 255}
			for y := range 80 {
				for x := range 120 {
					img.Set(x, y, c)
				}
			}
			w.Header().Set("Content-Type", "image/png")
			png.Encode(w, img)
			return
		}
		b, err := os.ReadFile(filepath.Join("testdata/pages", filepath.Base(r.URL.Path)))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/xml")
		w.Write(bytes.ReplaceAll(b, []byte("BASE"), []byte(srv.URL)))
	}))
	t.Cleanup(srv.Close)
	return srv
}

// chromiumPath finds the Debian chromium binary, or skips the test naming
// the package to install. In CI (CI set) a missing browser fails the test:
// .ci/run installs it.
func chromiumPath(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("no chromium: .ci/run should have installed the Debian package chromium")
	}
	t.Skip("headless browser test: install the Debian package chromium (apt-get install chromium)")
	return ""
}

// TestPagesInBrowser loads the index, a section page, its older page, a
// feed URL as a browser does, /sources and /report of a real serve (base
// URL with a path) in headless Chromium at 420 and 1280 px, and checks that
// nothing is wider than the window and that the console logs no error
// (a blocked image or stylesheet, a 404, a CSP violation). With
// NEWSDESK_SCREENSHOTS=DIR it saves a full-page PNG of each.
func TestPagesInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("short mode: no browser")
	}
	exe := chromiumPath(t)
	feeds := pagesFixture(t)
	addr := freeAddr(t)
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config.yaml")
	os.WriteFile(cfg, []byte(fmt.Sprintf(`listen: %[1]s
base_url: http://%[1]s/news/
database: pages.db
sections:
  - id: une
    title: À la une
    description: Les nouvelles du port, de la ville et du large
    language: fr
    limit: 3
    sources:
      - %[2]s/gazette.rss
      - url: %[2]s/wire.atom
        title: Harbour Wire
  - id: harbour
    title: Harbour news
    description: Shipping, cruise and port authority
    language: en
    sources:
      - %[2]s/wire.atom
`, addr, feeds.URL)), 0o644)
	_, logs := startServe(t, cfg)
	base := "http://" + addr + "/news"
	eventually(t, "both sources fetched", logs, func() bool {
		_, une := get(base + "/sections/une")
		_, harbour := get(base + "/sections/harbour")
		return strings.Contains(une, "rénovation complète") && strings.Contains(harbour, "Pilots")
	})
	_, first := get(base + "/sections/une")
	older := regexp.MustCompile(`<a rel="next" href="([^"]+)"`).FindStringSubmatch(first)
	if older == nil {
		t.Fatalf("section page has no older link:\n%s", first)
	}
	pages := []struct{ name, url string }{
		{"index", base + "/"},
		{"section", base + "/sections/une"},
		{"section-older", "http://" + addr + strings.ReplaceAll(older[1], "&amp;", "&")},
		{"feed-atom", base + "/feeds/une.atom"},
		{"feed-json", base + "/feeds/harbour.json"},
		{"sources", base + "/sources"},
		{"report", base + "/report"},
	}

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("no-first-run", true),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(allocCtx)
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(ctx, 3*time.Minute)
	defer cancelTimeout()

	var mu sync.Mutex
	var consoleErrors []string
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.IsException() {
				mu.Lock()
				consoleErrors = append(consoleErrors, m.String()+" at "+m.URL)
				mu.Unlock()
			}
		}
	}()
	shots := os.Getenv("NEWSDESK_SCREENSHOTS")
	for _, width := range []int64{420, 1280} {
		for _, p := range pages {
			t.Run(fmt.Sprintf("%s@%d", p.name, width), func(t *testing.T) {
				mu.Lock()
				consoleErrors = nil
				mu.Unlock()
				err := chromedp.Do(ctx,
					chromedp.EmulateViewport(width, 900),
					chromedp.Navigate(p.url),
				)
				if err != nil {
					t.Fatal(err)
				}
				// Browsers at a feed URL get the page, not the XML.
				isHTML, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.contentType === "text/html"`))
				if err != nil || !isHTML {
					t.Fatalf("%s is not shown as an HTML page (err %v)", p.url, err)
				}
				dims, err := chromedp.Run(ctx, chromedp.Evaluate[[]int](`[document.documentElement.scrollWidth, window.innerWidth,
					[...document.images].filter(i => i.complete && i.naturalWidth === 0).length]`))
				if err != nil {
					t.Fatal(err)
				}
				if dims[0] > dims[1] {
					t.Errorf("%s at %d px: the page is %d px wide, wider than the window (%d px)", p.name, width, dims[0], dims[1])
				}
				if dims[2] > 0 {
					t.Errorf("%s at %d px: %d images failed to load", p.name, width, dims[2])
				}
				if shots != "" {
					png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
					if err != nil {
						t.Fatal(err)
					}
					os.WriteFile(filepath.Join(shots, fmt.Sprintf("%s-%d.png", p.name, width)), png, 0o644)
				}
				// Console messages arrive as events: give the last ones a moment.
				chromedp.Do(ctx, chromedp.Sleep(200*time.Millisecond))
				mu.Lock()
				defer mu.Unlock()
				for _, e := range consoleErrors {
					t.Errorf("%s at %d px: console error: %s", p.name, width, e)
				}
			})
		}
	}
}

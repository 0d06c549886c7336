package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// TestDeskInBrowser drives /desk in headless Chromium with JavaScript
// off (the forms are plain HTML): log in with the token, click Hide on an
// item, and the item leaves the served feed. The screenshot of the page
// after the click is written to $NEWSDESK_SCREENSHOT (if set).
func TestDeskInBrowser(t *testing.T) {
	exe := chromiumPath(t)
	feeds := newDeskFeeds(t)
	dir := t.TempDir()
	addr := freeAddr(t)
	const token = "browser-token-5a1f93d7c2e8"
	cfg := deskConfig(t, dir, feeds.URL, addr, "")
	_, logs := startServe(t, cfg, "NEWSDESK_TOKEN="+token)
	base := "http://" + addr
	eventually(t, "the first fetch is served", logs, func() bool { return len(feedItems(t, base)) == 4 })

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(filepath.Join(dir, "chromium-profile")),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(ctx, 60*time.Second)
	defer cancelTimeout()

	hideButton := chromedp.Search(`//tr[td/a[starts-with(normalize-space(.), "` + pont + `")]]//button[@class="hide"]`)
	pontRow := `//tr[td/a[starts-with(normalize-space(.), "` + pont + `")]]`
	err := chromedp.Do(ctx,
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
			return err
		}),
		chromedp.Navigate(base+"/desk"),
		chromedp.WaitVisible(chromedp.ID("token")),
	)
	if err != nil {
		t.Fatalf("browser: open the desk: %v\nlogs:\n%s", err, logs.String())
	}
	loginTitle, err := chromedp.Run(ctx, chromedp.Title())
	if err != nil {
		t.Fatal(err)
	}
	err = chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.ID("token"), token),
		chromedp.Click(chromedp.ID("login")),
		chromedp.WaitVisible(hideButton),
	)
	if err != nil {
		t.Fatalf("browser: log in: %v\nlogs:\n%s", err, logs.String())
	}
	cookies, err := chromedp.Call(ctx, network.GetCookies, network.GetCookiesParams{})
	if err != nil {
		t.Fatal(err)
	}
	err = chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.Search(pontRow+`//input[@name="reason"]`), "publié par erreur"),
		chromedp.Click(hideButton),
		chromedp.WaitVisible(chromedp.ID("message")),
	)
	if err != nil {
		t.Fatalf("browser: hide: %v\nlogs:\n%s", err, logs.String())
	}
	message, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID("message")))
	if err != nil {
		t.Fatal(err)
	}
	state, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.Search(pontRow), "data-state"))
	if err != nil {
		t.Fatal(err)
	}
	stateAfter := state.Value
	shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(loginTitle, "Log in") {
		t.Errorf("login page title = %q", loginTitle)
	}
	if len(cookies.Cookies) != 1 || !cookies.Cookies[0].HTTPOnly || cookies.Cookies[0].SameSite != network.CookieSameSiteStrict {
		t.Errorf("cookies after login = %+v, want one HttpOnly SameSite=Strict session cookie", cookies.Cookies)
	}
	if !strings.Contains(message, "hid #") || !strings.Contains(message, "its story is hidden") {
		t.Errorf("message after Hide = %q", message)
	}
	if stateAfter != "hidden" {
		t.Errorf("the row's state after Hide = %q, want hidden", stateAfter)
	}
	if p := os.Getenv("NEWSDESK_SCREENSHOT"); p != "" {
		if err := os.WriteFile(p, shot, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	eventually(t, "the item hidden in the browser leaves the served feed", logs, func() bool {
		items := feedItems(t, base)
		return len(items) == 3 && !hasTitle(items, pont)
	})
	code, out, _ := runCLI(t, "--config", cfg, "explain", "--section", "desk")
	if code != 0 || !strings.Contains(out, "by desk: publié par erreur") {
		t.Fatalf("explain after the browser's hide: exit %d\n%s", code, out)
	}
	if strings.Contains(logs.String(), token) {
		t.Fatal("the token appears in serve's logs")
	}
}

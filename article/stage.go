package article

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"newsdesk"
	"newsdesk/fetcher"
	"newsdesk/normalize"
	"newsdesk/storage"
)

// Defaults of Stage's zero fields.
const (
	DefaultBudget       = 20 // article pages fetched per source per run
	DefaultSummaryWords = 60 // auto: feed text under this many words is a summary
	recurPages          = 3  // a block on this many of a site's pages …
	recurShare          = 0.5
	learnRunes          = 300 // … and at most this long is the site's furniture
	fetchWorkers        = 4
	recleanItems        = 50 // recent upgraded items of a source cleaned again after learning
	robotsTTL           = time.Hour
)

// Stage fetches and publishes the articles of full_text sources' items. It
// is safe for concurrent use; Run calls for one source should not overlap
// (Runner serializes them).
type Stage struct {
	Fetcher      *fetcher.Fetcher
	Store        *storage.DB
	UserAgent    string   // the fetcher's, for robots.txt groups
	Budget       int      // article pages fetched per source per run (default 20)
	SummaryWords int      // auto: feed text under this many words is a summary (default 60)
	Tracking     []string // extra tracking query parameters
	Now          func() time.Time
	Logger       *slog.Logger
	// OnChange, when set, is called with the sections whose feeds changed.
	OnChange func(sections []string)

	robotsMu sync.Mutex
	robots   map[string]*robotsEntry

	pruneMu   sync.Mutex
	lastPrune time.Time
}

// articleKeep is how long a stored article outlives the last item that
// links to it (a source may carry the link again meanwhile).
const articleKeep = 7 * 24 * time.Hour

// prune deletes, at most once an hour, the stored articles no item links
// to any more.
func (s *Stage) prune(ctx context.Context) {
	now := s.now()
	s.pruneMu.Lock()
	due := now.Sub(s.lastPrune) >= time.Hour
	if due {
		s.lastPrune = now
	}
	s.pruneMu.Unlock()
	if !due {
		return
	}
	if n, err := s.Store.PruneArticles(ctx, now.Add(-articleKeep)); err != nil {
		s.logger().Warn("articles", "err", err)
	} else if n > 0 {
		s.logger().Info("articles pruned", "articles", n)
	}
}

type robotsEntry struct {
	ready   chan struct{} // closed once r and err are set
	r       robots
	err     error // robots.txt unreachable: no page of the host for now
	expires time.Time
}

// Report is what one Run did.
type Report struct {
	Source    string
	Pending   int // items without a decision for their current version
	Fetched   int // pages requested
	Reused    int // stored extractions used without a request
	Full      int // items now publishing their article's text
	Kept      int // items keeping their feed text after a failure
	Retry     int // transient failures, tried again on a later run
	Skipped   int // not wanted (auto)
	Deferred  int // left for a later run: the budget was spent
	Recleaned int // items published before, cleaned again with what the run learned of their site
	Changed   []string
}

// job is one pending item through the run.
type job struct {
	it       storage.ArticleItem
	key      string // article key: the item's canonical link
	feedText normalize.ArticleText
	art      storage.Article
	fresh    bool // art was fetched in this run
	first    bool // and never before: its blocks count once for its site
	state    string
	reason   string
}

// Run decides, fetches and publishes the pending articles of one source.
// An error is a storage failure; page failures are recorded per item.
func (s *Stage) Run(ctx context.Context, src newsdesk.Source) (Report, error) {
	rep := Report{Source: src.URL}
	if src.FullText == newsdesk.FullTextOff {
		return rep, nil
	}
	budget := s.Budget
	if budget <= 0 {
		budget = DefaultBudget
	}
	pending, err := s.Store.PendingArticles(ctx, src.URL, budget*4+20)
	if err != nil {
		return rep, err
	}
	rep.Pending = len(pending)
	if len(pending) == 0 {
		return rep, nil
	}
	st, err := s.Store.SourceState(ctx, src.URL)
	if err != nil {
		return rep, err
	}
	sites := []string{siteOf(src.URL), siteOf(st.FinalURL), siteOf(st.SiteURL)}

	// Decide, and find what must be fetched.
	var jobs []*job
	var toFetch []*job
	byKey := map[string]*job{} // one request per page within the run
	for _, it := range pending {
		j := &job{it: it, key: ArticleKey(it.Link, s.Tracking)}
		j.feedText = normalize.Article(it.ContentHTML, normalize.ArticleOptions{Base: it.Link})
		if reason := s.unwanted(src, j, sites); reason != "" {
			j.state, j.reason = storage.ArticleSkipped, reason
			jobs = append(jobs, j)
			continue
		}
		jobs = append(jobs, j)
		if first := byKey[j.key]; first != nil {
			continue // filled from first after the fetches
		}
		byKey[j.key] = j
		a, ok, err := s.Store.StoredArticle(ctx, j.key)
		if err != nil {
			return rep, err
		}
		if ok && !it.Changed && it.Tries == 0 {
			j.art = a
			rep.Reused++
			continue
		}
		if ok {
			j.art = a // validators for the conditional request
		}
		if len(toFetch) >= budget {
			j.state = "deferred"
			continue
		}
		toFetch = append(toFetch, j)
	}
	s.fetchAll(ctx, toFetch)
	rep.Fetched = len(toFetch)
	if ctx.Err() != nil {
		return rep, ctx.Err()
	}

	// Learn the blocks of the pages fetched now, before cleaning any.
	learned := false
	for _, j := range toFetch {
		if !j.fresh || !j.first || j.art.HTML == "" {
			continue
		}
		if _, digests := blockDigests(j.art.HTML); len(digests) > 0 {
			if err := s.Store.LearnBlocks(ctx, siteOf(j.art.FinalURL), digests); err != nil {
				return rep, err
			}
			learned = true
		}
	}

	for _, j := range jobs {
		if j.state == "" {
			if first := byKey[j.key]; first != j {
				j.art, j.state, j.reason = first.art, first.state, first.reason
				if first.state == "deferred" {
					j.state = "deferred"
				}
			}
		}
		switch j.state {
		case "deferred":
			rep.Deferred++
			continue
		case storage.ArticleSkipped, storage.ArticleRetry:
			if err := s.record(ctx, j, &rep); err != nil {
				return rep, err
			}
			continue
		}
		if j.art.Error != "" {
			j.state, j.reason = storage.ArticleKept, j.art.Error
			if err := s.record(ctx, j, &rep); err != nil {
				return rep, err
			}
			continue
		}
		changed, err := s.publish(ctx, src, j, &rep)
		if err != nil {
			return rep, err
		}
		rep.Changed = appendNew(rep.Changed, changed...)
	}
	if learned {
		// What the new pages taught about the site's furniture applies to
		// the items published before it was known.
		done := map[int64]bool{}
		for _, j := range jobs {
			done[j.it.ID] = true
		}
		changed, err := s.reclean(ctx, src, done, &rep)
		if err != nil {
			return rep, err
		}
		rep.Changed = appendNew(rep.Changed, changed...)
	}
	s.logger().Info("articles", "source", src.URL, "pending", rep.Pending, "fetched", rep.Fetched, "reused", rep.Reused,
		"full", rep.Full, "kept", rep.Kept, "retry", rep.Retry, "skipped", rep.Skipped, "deferred", rep.Deferred,
		"recleaned", rep.Recleaned)
	if len(rep.Changed) > 0 && s.OnChange != nil {
		s.OnChange(rep.Changed)
	}
	s.prune(ctx)
	return rep, nil
}

// ArticleKey is the key of an item's article: the canonical form of its
// link (tracking parameters removed), the same for every source linking
// to the page.
func ArticleKey(link string, tracking []string) string {
	if c, err := normalize.CanonicalURL(link, tracking); err == nil {
		return c
	}
	return link
}

// unwanted returns why an item's article is not fetched, or "".
func (s *Stage) unwanted(src newsdesk.Source, j *job, sites []string) string {
	u := j.it.Link
	if !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
		return "the link is not http(s)"
	}
	if src.FullText != newsdesk.FullTextAuto {
		return ""
	}
	limit := s.SummaryWords
	if limit <= 0 {
		limit = DefaultSummaryWords
	}
	if n := normalize.Words(j.feedText.Text); n >= limit {
		return fmt.Sprintf("the feed's text is not a summary (%d words)", n)
	}
	site := siteOf(u)
	for _, own := range sites {
		if sameSite(site, own) {
			return ""
		}
	}
	if onHosts(hostOf(u), src.FullTextHosts) {
		return ""
	}
	return fmt.Sprintf("%s is not the source's site nor in full_text_hosts", site)
}

// fetchAll fetches the jobs' pages, a few at a time (the fetcher's per-host
// and global limits apply to each request).
func (s *Stage) fetchAll(ctx context.Context, jobs []*job) {
	next := make(chan *job)
	var wg sync.WaitGroup
	for range min(fetchWorkers, len(jobs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range next {
				s.fetch(ctx, j)
			}
		}()
	}
	for _, j := range jobs {
		select {
		case next <- j:
		case <-ctx.Done():
		}
	}
	close(next)
	wg.Wait()
}

// fetch requests one page (conditionally when j.art holds validators) and
// extracts it. A lasting failure is stored as the article's error; a
// transient one sets j.state to retry.
func (s *Stage) fetch(ctx context.Context, j *job) {
	if ok, err := s.allowed(ctx, j.it.Link); err != nil {
		j.state, j.reason = storage.ArticleRetry, "robots.txt unavailable: "+err.Error()
		return
	} else if !ok {
		j.art = storage.Article{URL: j.key, FinalURL: j.it.Link, Error: "robots.txt disallows it", FetchedAt: s.now()}
		j.fresh = true
		s.save(ctx, j)
		return
	}
	prev := j.art
	j.first = prev.FetchedAt.IsZero()
	p, err := s.Fetcher.GetPage(ctx, j.it.Link, prev.ETag, prev.LastModified)
	a := storage.Article{URL: j.key, FinalURL: j.it.Link, FetchedAt: s.now()}
	if p != nil {
		a.Status, a.FinalURL, a.ETag, a.LastModified = p.Status, p.URL, p.ETag, p.LastModified
	}
	switch {
	case err == nil && p.NotModified && prev.HTML != "":
		prev.FetchedAt, prev.Status = a.FetchedAt, a.Status
		if a.ETag != "" || a.LastModified != "" {
			prev.ETag, prev.LastModified = a.ETag, a.LastModified
		}
		j.art = prev
		s.save(ctx, j)
		return
	case err != nil && transient(err, a.Status):
		j.state, j.reason = storage.ArticleRetry, describeErr(err, a.Status)
		return
	case err != nil:
		a.Error = describeErr(err, a.Status)
	case p.NotModified:
		a.Error = "304 Not Modified to a request without validators"
	case !isHTML(p.ContentType, p.Body):
		mt, _, _ := mime.ParseMediaType(p.ContentType)
		if mt == "" {
			mt = "no Content-Type"
		}
		a.Error = "not an HTML page (" + mt + ")"
	default:
		s.extract(p, &a)
	}
	j.art, j.fresh = a, true
	s.save(ctx, j)
}

func (s *Stage) extract(p *fetcher.Page, a *storage.Article) {
	page, _, err := fetcher.DecodeHTML(p.Body, p.ContentType)
	if err != nil {
		a.Error = "cannot decode the page: " + err.Error()
		return
	}
	ex, err := Extract(page, p.URL)
	if err != nil {
		a.Error = "no article text found in the page"
		return
	}
	a.HTML, a.Byline, a.Published, a.ImageURL, a.Canonical = ex.HTML, ex.Byline, ex.Published, ex.Image, ex.Canonical
}

func (s *Stage) save(ctx context.Context, j *job) {
	if err := s.Store.SaveArticle(ctx, j.art); err != nil {
		// Not stored: the decision below still holds for this run; the
		// next change of the item fetches the page again.
		s.logger().Warn("articles", "url", j.art.URL, "err", err)
	}
}

// transient reports whether a failure may pass: timeouts, network errors,
// 5xx and 429.
func transient(err error, status int) bool {
	switch {
	case errors.Is(err, fetcher.ErrTooLarge), errors.Is(err, fetcher.ErrTooManyRedirects), errors.Is(err, fetcher.ErrRedirectLoop):
		return false
	case errors.Is(err, fetcher.ErrHTTPStatus):
		return status >= 500 || status == http.StatusTooManyRequests || status == http.StatusRequestTimeout
	case strings.Contains(err.Error(), "not an absolute http(s) URL"), strings.Contains(err.Error(), "unsupported url"):
		return false
	}
	return true
}

func describeErr(err error, status int) string {
	switch {
	case errors.Is(err, fetcher.ErrHTTPStatus):
		return fmt.Sprintf("HTTP %d %s", status, http.StatusText(status))
	case errors.Is(err, fetcher.ErrTooLarge):
		return "the page is larger than fetch.max_body"
	case errors.Is(err, fetcher.ErrTimeout):
		return "the page did not answer in time (fetch.timeout)"
	}
	msg := err.Error()
	if len(msg) > 200 {
		msg = msg[:200] + "…"
	}
	return msg
}

// reclean cleans again the source's recent upgraded items (but those in
// skip) and publishes those whose text loses blocks now known to recur
// across the site.
func (s *Stage) reclean(ctx context.Context, src newsdesk.Source, skip map[int64]bool, rep *Report) ([]string, error) {
	ups, err := s.Store.UpgradedArticles(ctx, src.URL, recleanItems)
	if err != nil {
		return nil, err
	}
	var changed []string
	for _, u := range ups {
		if skip[u.ID] {
			continue
		}
		text, err := s.clean(ctx, src, u.Article)
		if err != nil {
			return nil, err
		}
		if text.ContentHTML == u.ContentHTML {
			continue
		}
		ch, err := s.Store.UpgradeItem(ctx, storage.Upgrade{ItemID: u.ID, FeedHash: u.ContentHash, URL: u.Key, Title: u.Title,
			ContentHTML: text.ContentHTML, Lead: text.Lead, Words: normalize.Words(text.Text)})
		if err != nil {
			return nil, err
		}
		rep.Recleaned++
		changed = appendNew(changed, ch...)
	}
	return changed, nil
}

// clean makes an article's stored extraction ready to publish for src:
// normalize.Article with the source's strip rules and the blocks that
// recur across the page's site.
func (s *Stage) clean(ctx context.Context, src newsdesk.Source, a storage.Article) (normalize.ArticleText, error) {
	texts, digests := blockDigests(a.HTML)
	recurring, err := s.Store.RecurringBlocks(ctx, siteOf(a.FinalURL), digests, recurPages, recurShare)
	if err != nil {
		return normalize.ArticleText{}, err
	}
	rec := map[string]bool{}
	for i, d := range digests {
		if recurring[d] {
			rec[texts[i]] = true
		}
	}
	return normalize.Article(a.HTML, normalize.ArticleOptions{Base: a.FinalURL, Strip: src.Strip, Tracking: s.Tracking, Recurring: rec}), nil
}

// publish cleans an item's stored extraction and upgrades the item, or
// keeps its feed text when the article has less to say.
func (s *Stage) publish(ctx context.Context, src newsdesk.Source, j *job, rep *Report) ([]string, error) {
	if j.art.FinalURL == "" {
		j.art.FinalURL = j.it.Link
	}
	base := j.art.FinalURL
	text, err := s.clean(ctx, src, j.art)
	if err != nil {
		return nil, err
	}
	words, feedWords := normalize.Words(text.Text), normalize.Words(j.feedText.Text)
	if words <= feedWords || words < 20 {
		j.state = storage.ArticleKept
		j.reason = fmt.Sprintf("the page's text is not longer than the feed's (%d words, feed %d)", words, feedWords)
		return nil, s.record(ctx, j, rep)
	}
	up := storage.Upgrade{ItemID: j.it.ID, FeedHash: j.it.ContentHash, URL: j.key, Title: j.it.Title,
		ContentHTML: text.ContentHTML, Lead: text.Lead, Words: words}
	if j.it.ImageURL == "" {
		up.ImageURL = j.art.ImageURL
		if up.ImageURL == "" {
			up.ImageURL = text.Image
		}
		if up.ImageURL != "" {
			up.ImageURL = normalize.CleanURL(up.ImageURL, base, s.Tracking)
		}
	}
	if !j.it.HasAuthors && j.art.Byline != "" {
		up.Authors = []string{normalize.Title(j.art.Byline)}
	}
	if j.it.Published.IsZero() {
		up.Published = j.art.Published
	}
	if j.art.Canonical != "" && !isRoot(j.art.Canonical) {
		// A canonical link to a site's home page (a common template
		// mistake) would make every story of the site one.
		if c, err := normalize.CanonicalURL(j.art.Canonical, s.Tracking); err == nil {
			up.Canonical = c
		}
	}
	changed, err := s.Store.UpgradeItem(ctx, up)
	if err != nil {
		return nil, err
	}
	rep.Full++
	return changed, nil
}

func (s *Stage) record(ctx context.Context, j *job, rep *Report) error {
	switch j.state {
	case storage.ArticleKept:
		rep.Kept++
	case storage.ArticleRetry:
		rep.Retry++
	case storage.ArticleSkipped:
		rep.Skipped++
	}
	return s.Store.RecordArticle(ctx, storage.ArticleDecision{ItemID: j.it.ID, URL: j.key, FeedHash: j.it.ContentHash,
		State: j.state, Reason: j.reason})
}

// blockDigests returns the short blocks of extracted HTML and their
// digests, for the recurring-block detection.
func blockDigests(extracted string) (texts, digests []string) {
	for _, t := range normalize.ArticleBlocks(extracted) {
		if utf8.RuneCountInString(t) > learnRunes {
			continue
		}
		sum := sha256.Sum256([]byte(strings.ToLower(t)))
		texts = append(texts, t)
		digests = append(digests, hex.EncodeToString(sum[:12]))
	}
	return texts, digests
}

// isRoot reports whether a URL is a site's home page.
func isRoot(raw string) bool {
	u, err := url.Parse(raw)
	return err != nil || strings.Trim(u.Path, "/") == "" && u.RawQuery == ""
}

func appendNew(dst []string, more ...string) []string {
	for _, m := range more {
		found := false
		for _, d := range dst {
			if d == m {
				found = true
				break
			}
		}
		if !found {
			dst = append(dst, m)
		}
	}
	return dst
}

func (s *Stage) now() time.Time {
	if s.Now == nil {
		return time.Now()
	}
	return s.Now()
}

func (s *Stage) logger() *slog.Logger {
	if s.Logger == nil {
		return slog.New(slog.DiscardHandler)
	}
	return s.Logger
}

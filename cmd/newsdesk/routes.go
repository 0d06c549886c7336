package main

import (
	"encoding/json"
	"html/template"
	"net/http"
	"time"

	"newsdesk/feedgen"
)

// routes is the HTTP surface of serve: the feeds and pages of feedgen and
// /healthz (public), and the admin surface behind the guard (/sources,
// /report, /metrics, /desk, /api/*). With admin_listen, the admin surface
// is a second handler, served on that address only (admin is nil
// otherwise).
//
// Every path is served under the base path of base_url (feedgen.Under);
// /healthz also answers at the root, for probes that know only the port.
func (s *server) routes() (public, admin http.Handler) {
	if s.guard == nil {
		s.guard = newGuard(func() string { return s.config().Token }, s.log.With("component", "access"))
	}
	if s.guard.store == nil && s.db != nil {
		s.guard.store = s.db
	}
	base := feedgen.BasePath(s.config().BaseURL)
	mux := http.NewServeMux()
	if s.feeds != nil {
		mux.Handle("/", s.feeds.Routes())
	}
	mux.HandleFunc("GET /healthz", s.serveHealth)
	mux.HandleFunc("/healthz", methodNotAllowed)
	under := func(h http.Handler) http.Handler {
		if base == "" {
			return s.metrics.Instrument(h)
		}
		root := http.NewServeMux()
		root.HandleFunc("GET /healthz", s.serveHealth)
		root.HandleFunc("/healthz", methodNotAllowed)
		root.Handle("/", feedgen.Under(base, s.metrics.Instrument(h)))
		return root
	}
	if s.config().AdminListen == "" {
		s.adminRoutes(mux, base)
		return under(mux), nil
	}
	adm := http.NewServeMux()
	if s.feeds != nil {
		adm.Handle("GET /static/", s.feeds.Routes()) // the desk's stylesheet
	}
	s.adminRoutes(adm, base)
	return under(mux), under(adm)
}

// adminRoutes registers the admin surface on mux, each path behind the
// guard.
func (s *server) adminRoutes(mux *http.ServeMux, base string) {
	protect := s.guard.protect
	handle := func(pattern string, h http.HandlerFunc) { mux.Handle(pattern, protect(h, nil)) }
	s.deskRoutes(mux, protect)
	handle("POST /api/sections/{id}/items/{item}/{action}", s.serveEdit)
	handle("GET /api/sources", func(w http.ResponseWriter, r *http.Request) {
		rows, err := sourceRows(r.Context(), s.config(), s.db, time.Now(), s.sched.Entries(), s.desk.StoreFailures())
		if err != nil {
			s.storageError(w, r, err)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.Encode(rows)
	})
	handle("GET /sources", func(w http.ResponseWriter, r *http.Request) {
		rows, err := sourceRows(r.Context(), s.config(), s.db, time.Now(), s.sched.Entries(), s.desk.StoreFailures())
		if err != nil {
			s.storageError(w, r, err)
			return
		}
		htmlHeaders(w)
		if err := sourcesPage.Execute(w, sourcesView{Base: base, Rows: rows}); err != nil {
			s.log.Warn("render /sources", "err", err)
		}
	})
	handle("GET /report", func(w http.ResponseWriter, r *http.Request) {
		rep, err := buildReport(r.Context(), s.snapshot(), time.Now(), 7, 72*time.Hour)
		if err != nil {
			s.storageError(w, r, err)
			return
		}
		htmlHeaders(w)
		if err := rep.WriteHTML(w, base); err != nil {
			s.log.Warn("render /report", "err", err)
		}
	})
	handle("GET /api/report", func(w http.ResponseWriter, r *http.Request) {
		rep, err := buildReport(r.Context(), s.snapshot(), time.Now(), 7, 72*time.Hour)
		if err != nil {
			s.storageError(w, r, err)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		json.NewEncoder(w).Encode(rep)
	})
	mux.Handle("GET /metrics", protect(s.metrics.Handler(), nil))
	// The operational paths answer other methods with 405 and Allow, as
	// the feeds do (the catch-all "/" would otherwise say 404).
	for _, p := range []string{"/metrics", "/sources", "/api/sources", "/report", "/api/report"} {
		mux.HandleFunc(p, methodNotAllowed)
	}
	// Everything else under /api/ and /desk/ is admin too: without the
	// token it answers 401 (or 403 off loopback without one), never a
	// public 404 that would tell which paths exist.
	unknown := func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "no such admin path: "+r.URL.Path, http.StatusNotFound)
	}
	handle("/api/", unknown)
	handle("/desk/", unknown)
}

// snapshot returns the app with the current config, for handlers.
func (s *server) snapshot() *app {
	a := *s.app
	a.cfg = s.config()
	return &a
}

// htmlHeaders sets the headers of every HTML page we serve.
func htmlHeaders(w http.ResponseWriter) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' https: http:")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
}

// sourcesView is what /sources shows.
type sourcesView struct {
	Base string // base path of base_url
	Rows []sourceRow
}

var sourcesPage = template.Must(template.New("sources").Funcs(template.FuncMap{"time": fmtTime, "ms": fmtMillis}).Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sources — newsdesk</title><link rel="stylesheet" href="{{.Base}}/static/style.css"><link rel="icon" href="{{.Base}}/static/icon.svg" type="image/svg+xml"></head>
<body class="wide"><main><h1>Sources</h1><p><a href="{{.Base}}/">Sections</a> · <a href="{{.Base}}/report">Report</a> · <a href="{{.Base}}/api/sources">JSON</a></p>
<table><thead><tr><th>Source</th><th>Sections</th><th>Last fetch</th><th>Status</th><th class="num">Errors</th><th class="num">Items</th><th>Full text</th><th class="num">Took</th><th>Next fetch</th><th>Note</th></tr></thead><tbody>
{{range .Rows}}<tr><td class="url" data-label="Source">{{with .Name}}<strong>{{.}}</strong><br>{{end}}<a href="{{.URL}}">{{.URL}}</a></td>
<td data-label="Sections">{{range $i, $s := .Sections}}{{if $i}}, {{end}}<a href="{{$.Base}}/sections/{{$s}}">{{$s}}</a>{{end}}</td>
<td class="nowrap" data-label="Last fetch">{{time .LastAttempt}}</td><td data-label="Status">{{.StatusText}}</td><td class="num" data-label="Errors">{{.ConsecutiveErrors}}</td>
<td class="num" data-label="Items">{{.ItemsStored}}</td><td class="nowrap" data-label="Full text">{{.ArticleText}}</td><td class="num nowrap" data-label="Took">{{if .LastAttempt.IsZero}}{{else}}{{ms .DurationMS}}{{end}}</td><td class="nowrap" data-label="Next fetch">{{time .NextFetch}}</td><td data-label="Note">{{.Note}}</td></tr>
{{end}}</tbody></table></main></body></html>
`))

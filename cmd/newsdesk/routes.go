package main

import (
	"encoding/json"
	"html/template"
	"net/http"
	"time"
)

// routes is the HTTP surface of serve: the feeds and pages of feedgen and
// /healthz (public), and the admin surface behind the guard (/sources,
// /report, /metrics, /desk, /api/*). With admin_listen, the admin surface
// is a second handler, served on that address only (admin is nil
// otherwise).
func (s *server) routes() (public, admin http.Handler) {
	if s.guard == nil {
		s.guard = newGuard(func() string { return s.config().Token }, s.log.With("component", "access"))
	}
	mux := http.NewServeMux()
	mux.Handle("/", s.feeds)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		if err := s.db.Ping(r.Context()); err != nil {
			http.Error(w, "database: "+err.Error(), http.StatusServiceUnavailable)
			return
		}
		w.Write([]byte("ok\n"))
	})
	if s.config().AdminListen == "" {
		s.adminRoutes(mux)
		return s.metrics.Instrument(mux), nil
	}
	adm := http.NewServeMux()
	adm.Handle("GET /static/", s.feeds) // the desk's stylesheet
	s.adminRoutes(adm)
	return s.metrics.Instrument(mux), s.metrics.Instrument(adm)
}

// adminRoutes registers the admin surface on mux, each path behind the
// guard.
func (s *server) adminRoutes(mux *http.ServeMux) {
	protect := s.guard.protect
	handle := func(pattern string, h http.HandlerFunc) { mux.Handle(pattern, protect(h, nil)) }
	s.deskRoutes(mux, protect)
	handle("POST /api/sections/{id}/items/{item}/{action}", s.serveEdit)
	handle("GET /api/sources", func(w http.ResponseWriter, r *http.Request) {
		rows, err := sourceRows(r.Context(), s.config(), s.db, time.Now(), s.sched.Entries())
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.Encode(rows)
	})
	handle("GET /sources", func(w http.ResponseWriter, r *http.Request) {
		rows, err := sourceRows(r.Context(), s.config(), s.db, time.Now(), s.sched.Entries())
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		htmlHeaders(w)
		if err := sourcesPage.Execute(w, rows); err != nil {
			s.log.Warn("render /sources", "err", err)
		}
	})
	handle("GET /report", func(w http.ResponseWriter, r *http.Request) {
		rep, err := buildReport(r.Context(), s.snapshot(), time.Now(), 7, 72*time.Hour)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		htmlHeaders(w)
		if err := rep.WriteHTML(w); err != nil {
			s.log.Warn("render /report", "err", err)
		}
	})
	handle("GET /api/report", func(w http.ResponseWriter, r *http.Request) {
		rep, err := buildReport(r.Context(), s.snapshot(), time.Now(), 7, 72*time.Hour)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		json.NewEncoder(w).Encode(rep)
	})
	mux.Handle("GET /metrics", protect(s.metrics.Handler(), nil))
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
	h.Set("Content-Security-Policy", "default-src 'self'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
}

var sourcesPage = template.Must(template.New("sources").Funcs(template.FuncMap{"time": fmtTime}).Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sources — newsdesk</title><link rel="stylesheet" href="/static/style.css"></head>
<body><main><h1>Sources</h1><p><a href="/">Sections</a> · <a href="/api/sources">JSON</a></p>
<table><thead><tr><th>Source</th><th>Sections</th><th>Last fetch</th><th>Status</th><th>Errors</th><th>Items</th><th>Next fetch</th><th>Note</th></tr></thead><tbody>
{{range .}}<tr><td>{{if .Title}}{{.Title}}<br>{{end}}<small>{{.URL}}</small></td><td>{{range $i, $s := .Sections}}{{if $i}}, {{end}}{{$s}}{{end}}</td>
<td>{{time .LastAttempt}}</td><td>{{.StatusText}}</td><td>{{.ConsecutiveErrors}}</td><td>{{.ItemsStored}}</td><td>{{time .NextFetch}}</td><td>{{.Note}}</td></tr>
{{end}}</tbody></table></main></body></html>
`))

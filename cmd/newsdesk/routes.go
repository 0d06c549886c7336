package main

import (
	"encoding/json"
	"html/template"
	"net/http"
	"time"
)

// routes is the HTTP surface of serve: the feeds and pages of feedgen, and
// the operational endpoints.
func (s *server) routes() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/", s.feeds)
	mux.HandleFunc("GET /healthz", s.serveHealth)
	mux.HandleFunc("GET /api/sources", func(w http.ResponseWriter, r *http.Request) {
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
	mux.HandleFunc("GET /sources", func(w http.ResponseWriter, r *http.Request) {
		rows, err := sourceRows(r.Context(), s.config(), s.db, time.Now(), s.sched.Entries(), s.desk.StoreFailures())
		if err != nil {
			s.storageError(w, r, err)
			return
		}
		htmlHeaders(w)
		if err := sourcesPage.Execute(w, rows); err != nil {
			s.log.Warn("render /sources", "err", err)
		}
	})
	mux.HandleFunc("GET /report", func(w http.ResponseWriter, r *http.Request) {
		rep, err := buildReport(r.Context(), s.snapshot(), time.Now(), 7, 72*time.Hour)
		if err != nil {
			s.storageError(w, r, err)
			return
		}
		htmlHeaders(w)
		if err := rep.WriteHTML(w); err != nil {
			s.log.Warn("render /report", "err", err)
		}
	})
	mux.HandleFunc("GET /api/report", func(w http.ResponseWriter, r *http.Request) {
		rep, err := buildReport(r.Context(), s.snapshot(), time.Now(), 7, 72*time.Hour)
		if err != nil {
			s.storageError(w, r, err)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		json.NewEncoder(w).Encode(rep)
	})
	mux.Handle("GET /metrics", s.metrics.Handler())
	// The operational paths answer other methods with 405 and Allow, as
	// the feeds do (the catch-all "/" would otherwise say 404).
	for _, p := range []string{"/healthz", "/metrics", "/sources", "/api/sources", "/report", "/api/report"} {
		mux.HandleFunc(p, methodNotAllowed)
	}
	return s.metrics.Instrument(mux)
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

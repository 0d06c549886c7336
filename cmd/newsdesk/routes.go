package main

import (
	"encoding/json"
	"html/template"
	"net/http"
	"time"

	"newsdesk/feedgen"
)

// routes is the HTTP surface of serve: the feeds and pages of feedgen, and
// the operational endpoints.
//
// Every path is served under the base path of base_url (feedgen.Under);
// /healthz also answers at the root, for probes that know only the port.
func (s *server) routes() http.Handler {
	base := feedgen.BasePath(s.config().BaseURL)
	mux := http.NewServeMux()
	if s.feeds != nil {
		mux.Handle("/", s.feeds.Routes())
	}
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
		if err := sourcesPage.Execute(w, sourcesView{Base: base, Rows: rows}); err != nil {
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
		if err := rep.WriteHTML(w, base); err != nil {
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
	if base == "" {
		return s.metrics.Instrument(mux)
	}
	root := http.NewServeMux()
	root.HandleFunc("GET /healthz", s.serveHealth)
	root.HandleFunc("/healthz", methodNotAllowed)
	root.Handle("/", feedgen.Under(base, s.metrics.Instrument(mux)))
	return root
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

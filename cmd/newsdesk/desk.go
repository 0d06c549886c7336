package main

import (
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"newsdesk/curate"
	"newsdesk/feedgen"
	"newsdesk/storage"
)

// deskRow is one item on the desk page.
type deskRow struct {
	storage.Decision
	State    string // what the editor reads: in, filtered by…, duplicate of…, hidden by…
	Pinned   string // "until …" when its story is pinned
	HiddenBy string
	CanHide  bool
	CanPin   bool
	IsPinned bool
}

// deskPage is what the desk template renders.
type deskPage struct {
	Base     string // the base path of base_url ("" at the root)
	Sections []string
	Section  string
	Title    string
	Rows     []deskRow
	Audit    []string
	CSRF     string
	CanEdit  bool   // logged in with the token
	ReadOnly bool   // loopback without a token
	Message  string // the outcome of the last action
}

func (s *server) deskRoutes(mux *http.ServeMux, protect func(http.Handler, http.HandlerFunc) http.Handler) {
	login := func(w http.ResponseWriter, r *http.Request) { s.renderLogin(w, r, http.StatusUnauthorized, "") }
	mux.Handle("GET /desk", protect(http.HandlerFunc(s.serveDesk), login))
	mux.Handle("GET /desk/{section}", protect(http.HandlerFunc(s.serveDesk), login))
	mux.Handle("POST /desk/{section}/items/{item}/{action}", protect(http.HandlerFunc(s.serveDeskAction), nil))
	mux.Handle("POST /desk/logout", protect(http.HandlerFunc(s.serveLogout), nil))
	mux.HandleFunc("POST /desk/login", s.serveLogin)
}

// base is the base path of base_url, which every link carries.
func (s *server) base() string { return feedgen.BasePath(s.config().BaseURL) }

func (s *server) renderLogin(w http.ResponseWriter, r *http.Request, code int, msg string) {
	htmlHeaders(w)
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	if err := loginPage.Execute(w, struct{ Base, Message string }{s.base(), msg}); err != nil {
		s.log.Warn("render /desk login", "err", err)
	}
}

func (s *server) serveLogin(w http.ResponseWriter, r *http.Request) {
	cfg := s.config()
	if cfg.Token == "" {
		http.Error(w, "no token is configured: the desk is read-only (loopback clients only)", http.StatusForbidden)
		return
	}
	if err := r.ParseForm(); err != nil {
		http.Error(w, "bad form: "+err.Error(), http.StatusBadRequest)
		return
	}
	if !s.guard.login(w, r, r.PostForm.Get("token"), secureCookie(r, cfg.BaseURL)) {
		s.renderLogin(w, r, http.StatusUnauthorized, "Wrong token.")
		return
	}
	http.Redirect(w, r, s.base()+"/desk", http.StatusSeeOther)
}

func (s *server) serveLogout(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil || !s.guard.csrfOK(r, r.PostForm.Get("csrf")) {
		http.Error(w, "forbidden: the form's CSRF token is missing or wrong (reload the desk)", http.StatusForbidden)
		return
	}
	if c, err := r.Cookie(deskCookie); err == nil {
		s.guard.revoke(r.Context(), c.Value)
	}
	logout(w, secureCookie(r, s.config().BaseURL))
	http.Redirect(w, r, s.base()+"/desk", http.StatusSeeOther)
}

func (s *server) serveDeskAction(w http.ResponseWriter, r *http.Request) {
	if accessOf(r) != editor {
		http.Error(w, "forbidden: no token is configured, the desk changes nothing", http.StatusForbidden)
		return
	}
	if err := r.ParseForm(); err != nil || !s.guard.csrfOK(r, r.PostForm.Get("csrf")) {
		http.Error(w, "forbidden: the form's CSRF token is missing or wrong (reload the desk)", http.StatusForbidden)
		return
	}
	section, kind := r.PathValue("section"), r.PathValue("action")
	switch kind {
	case curate.Hide, curate.Unhide, curate.Pin, curate.Unpin:
	default:
		http.Error(w, fmt.Sprintf("no action %q", kind), http.StatusNotFound)
		return
	}
	items, code, err := s.edit(r, section, r.PathValue("item"), kind, r.PostForm.Get("for"), r.PostForm.Get("reason"), "desk")
	msg := ""
	switch {
	case err != nil && code != http.StatusBadRequest:
		http.Error(w, err.Error(), code)
		return
	case err != nil:
		msg = err.Error()
	default:
		for _, f := range items {
			msg += fmt.Sprintf("%s #%d: %s. ", pastTense(kind), f.ID, stateLine(f))
		}
	}
	http.Redirect(w, r, s.base()+"/desk/"+url.PathEscape(section)+"?done="+url.QueryEscape(msg), http.StatusSeeOther)
}

func (s *server) serveDesk(w http.ResponseWriter, r *http.Request) {
	cfg := s.config()
	if len(cfg.Sections) == 0 {
		http.Error(w, "no section is configured", http.StatusNotFound)
		return
	}
	id := r.PathValue("section")
	if id == "" {
		id = cfg.Sections[0].ID
	}
	sec := cfg.Section(id)
	if sec == nil {
		http.Error(w, fmt.Sprintf("no section %q", id), http.StatusNotFound)
		return
	}
	p := deskPage{Base: s.base(), Section: id, Title: sec.Title, ReadOnly: accessOf(r) != editor, CanEdit: accessOf(r) == editor,
		Message: r.URL.Query().Get("done")}
	for _, s := range cfg.Sections {
		p.Sections = append(p.Sections, s.ID)
	}
	if c, err := r.Cookie(deskCookie); err == nil && p.CanEdit {
		p.CSRF = csrfToken(cfg.Token, c.Value)
	}
	ds, err := s.db.Explain(r.Context(), id, 100)
	if err != nil {
		http.Error(w, s.internal(r, "reading the section", err).Error(), http.StatusInternalServerError)
		return
	}
	audit, err := s.db.EditorActions(r.Context(), id, 0, 200)
	if err != nil {
		http.Error(w, s.internal(r, "reading the audit", err).Error(), http.StatusInternalServerError)
		return
	}
	hiddenBy := map[int64]string{}
	for i := len(audit) - 1; i >= 0; i-- { // oldest first: the latest hide wins
		a := audit[i]
		if a.Action == curate.Hide {
			who := a.Who + " on " + a.At.Local().Format("2006-01-02 15:04")
			if a.Reason != "" {
				who += " (" + a.Reason + ")"
			}
			hiddenBy[a.ItemID] = who
		}
	}
	now := time.Now()
	hidden := map[int64]bool{}
	for _, d := range ds {
		hidden[d.ItemID] = d.Hidden
	}
	for _, d := range ds {
		row := deskRow{Decision: d, CanHide: !d.Hidden, CanPin: d.State == storage.StateIn || d.State == storage.StateDuplicate}
		switch d.State {
		case storage.StateIn:
			row.State = "in"
		case storage.StateFiltered:
			row.State = "filtered: " + d.Reason
		case storage.StateDuplicate:
			row.State = "duplicate of #" + strconv.FormatInt(d.Rep, 10)
			if hidden[d.Rep] {
				row.State += ", whose story is hidden" // as the CLI and the API say
			}
		case storage.StateHidden:
			row.State = "hidden"
			if d.Reason != "hidden by an editor" {
				row.State = "hidden: " + d.Reason // with its story, by another member
			}
		}
		if d.Hidden {
			row.HiddenBy = "hidden by " + hiddenBy[d.ItemID]
		}
		if d.Pinned.After(now) {
			row.Pinned, row.IsPinned = "pinned until "+d.Pinned.Local().Format("2006-01-02 15:04"), true
		}
		p.Rows = append(p.Rows, row)
	}
	for i, a := range audit {
		if i == 20 {
			break
		}
		p.Audit = append(p.Audit, auditLine(a))
	}
	htmlHeaders(w)
	w.Header().Set("Cache-Control", "no-store")
	if err := deskTemplate.Execute(w, p); err != nil {
		s.log.Warn("render /desk", "err", err)
	}
}

var loginPage = template.Must(template.New("login").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Log in — newsdesk desk</title><link rel="stylesheet" href="{{.Base}}/static/style.css"></head>
<body><main><h1>The editor's desk</h1>
{{if .Message}}<p id="message"><strong>{{.Message}}</strong></p>{{end}}
<form method="post" action="{{.Base}}/desk/login">
<p><label for="token">Admin token</label> <input type="password" id="token" name="token" autocomplete="current-password" required></p>
<p><button type="submit" id="login">Log in</button></p>
</form></main></body></html>
`))

var deskTemplate = template.Must(template.New("desk").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Desk: {{.Title}} — newsdesk</title><link rel="stylesheet" href="{{.Base}}/static/style.css"></head>
<body class="wide"><main><h1>The editor's desk: {{.Title}}</h1>
<p>{{range $i, $s := .Sections}}{{if $i}} · {{end}}{{if eq $s $.Section}}<strong>{{$s}}</strong>{{else}}<a href="{{$.Base}}/desk/{{$s}}">{{$s}}</a>{{end}}{{end}}
 — <a href="{{.Base}}/sections/{{.Section}}">published page</a> · <a href="{{.Base}}/report">report</a> · <a href="{{.Base}}/sources">sources</a></p>
{{if .CanEdit}}<form method="post" action="{{.Base}}/desk/logout"><input type="hidden" name="csrf" value="{{.CSRF}}"><button type="submit" id="logout">Log out</button></form>{{end}}
{{if .ReadOnly}}<p><strong>Read-only:</strong> no admin token is configured (set <code>token:</code>, <code>token_file:</code> or <code>NEWSDESK_TOKEN</code> to hide and pin items here).</p>{{end}}
{{if .Message}}<p id="message">{{.Message}}</p>{{end}}
<table><thead><tr><th>Item</th><th>Date</th><th>Source</th><th>Title</th><th>State</th><th>Changed</th>{{if .CanEdit}}<th>Actions</th>{{end}}</tr></thead><tbody>
{{range .Rows}}<tr id="item-{{.ItemID}}" data-state="{{.Decision.State}}"><td>#{{.ItemID}}</td><td>{{.SortAt.Format "2006-01-02 15:04"}}</td><td>{{.Source}}</td>
<td><a href="{{.Link}}" rel="noreferrer">{{.Title}}</a></td>
<td>{{.State}}{{if .HiddenBy}}<br><small>{{.HiddenBy}}</small>{{end}}{{if .Pinned}}<br><small>{{.Pinned}}</small>{{end}}</td>
<td><small>{{.DecidedAt.Local.Format "2006-01-02 15:04"}}</small></td>
{{if $.CanEdit}}<td>
{{if .CanHide}}<form method="post" action="{{$.Base}}/desk/{{$.Section}}/items/{{.ItemID}}/hide"><input type="hidden" name="csrf" value="{{$.CSRF}}"><input name="reason" placeholder="reason" aria-label="reason"> <button type="submit" class="hide">Hide</button></form>
{{else}}<form method="post" action="{{$.Base}}/desk/{{$.Section}}/items/{{.ItemID}}/unhide"><input type="hidden" name="csrf" value="{{$.CSRF}}"><button type="submit" class="unhide">Unhide</button></form>{{end}}
{{if .IsPinned}}<form method="post" action="{{$.Base}}/desk/{{$.Section}}/items/{{.ItemID}}/unpin"><input type="hidden" name="csrf" value="{{$.CSRF}}"><button type="submit" class="unpin">Unpin</button></form>
{{else if .CanPin}}<form method="post" action="{{$.Base}}/desk/{{$.Section}}/items/{{.ItemID}}/pin"><input type="hidden" name="csrf" value="{{$.CSRF}}"><select name="for" aria-label="pin for"><option value="6h">6 h</option><option value="24h" selected>24 h</option><option value="168h">7 days</option></select> <button type="submit" class="pin">Pin</button></form>{{end}}
</td>{{end}}</tr>
{{end}}</tbody></table>
{{if .Audit}}<h2>Editor actions</h2><ul>{{range .Audit}}<li>{{.}}</li>{{end}}</ul>{{end}}
</main></body></html>
`))

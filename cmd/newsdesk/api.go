package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"newsdesk/curate"
	"newsdesk/normalize"
	"newsdesk/storage"
)

// editRequest is the JSON body of an editor API call (all optional).
type editRequest struct {
	Reason string `json:"reason"`
	For    string `json:"for"` // pin: a duration such as "24h" (default 24h)
}

// editedItem is one item in an editor API answer.
type editedItem struct {
	Section     string    `json:"section"`
	Item        int64     `json:"item"`
	OutputID    string    `json:"id"`
	Title       string    `json:"title"`
	Link        string    `json:"link"`
	State       string    `json:"state"` // in, duplicate, filtered, hidden
	Published   bool      `json:"published"`
	Hidden      bool      `json:"hidden"`
	StoryHidden bool      `json:"story_hidden"` // its story is hidden (the item itself or its representative)
	PinnedUntil time.Time `json:"pinned_until,omitzero"`
	Reason      string    `json:"reason,omitempty"`
}

func editedFrom(f storage.Filed) editedItem {
	return editedItem{Section: f.Section, Item: f.ID, OutputID: f.OutputID, Title: f.Title, Link: f.Link, State: f.State,
		Published: f.Published(), Hidden: f.Hidden, StoryHidden: f.StoryHidden, PinnedUntil: f.StoryPinned, Reason: f.Reason}
}

// apiError writes a JSON error.
func apiError(w http.ResponseWriter, code int, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(map[string]string{"error": msg})
}

// serveEdit is POST /api/sections/{id}/items/{item}/{action}: item is the
// output id (URL-escaped), the number explain shows, or the link.
func (s *server) serveEdit(w http.ResponseWriter, r *http.Request) {
	kind := r.PathValue("action")
	switch kind {
	case curate.Hide, curate.Unhide, curate.Pin, curate.Unpin:
	default:
		apiError(w, http.StatusNotFound, fmt.Sprintf("no action %q: hide, unhide, pin or unpin", kind))
		return
	}
	if accessOf(r) != editor {
		apiError(w, http.StatusForbidden, "no token is configured: the API changes nothing (set token:, token_file: or NEWSDESK_TOKEN)")
		return
	}
	if viaCookie(r) && !s.guard.csrfOK(r, r.Header.Get("X-CSRF-Token")) {
		apiError(w, http.StatusForbidden, "a change made with the desk cookie needs its X-CSRF-Token header")
		return
	}
	var req editRequest
	body, err := io.ReadAll(io.LimitReader(r.Body, 64<<10))
	if err != nil {
		apiError(w, http.StatusBadRequest, "read body: "+err.Error())
		return
	}
	if len(strings.TrimSpace(string(body))) > 0 {
		dec := json.NewDecoder(strings.NewReader(string(body)))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&req); err != nil {
			apiError(w, http.StatusBadRequest, "body: "+err.Error()+` (want {"reason": "...", "for": "24h"})`)
			return
		}
	}
	items, code, err := s.edit(r, r.PathValue("id"), r.PathValue("item"), kind, req.For, req.Reason, "api")
	if err != nil {
		apiError(w, code, err.Error())
		return
	}
	out := make([]editedItem, 0, len(items))
	for _, f := range items {
		out = append(out, editedFrom(f))
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(map[string]any{"action": kind, "items": out})
}

// internal logs a storage failure behind a request with its cause and
// returns the error the client gets: what failed and where to look, never
// the storage's own words (a path, a query, a constraint).
func (s *server) internal(r *http.Request, what string, err error) error {
	s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "what", what, "err", err)
	return fmt.Errorf("internal error: %s failed; the daemon's log has the cause", what)
}

// edit applies an editor action from the API or the desk, returning the
// items changed, or an HTTP status and an error for the user.
func (s *server) edit(r *http.Request, section, ref, kind, pinFor, reason, who string) ([]storage.Filed, int, error) {
	cfg := s.config()
	if cfg.Section(section) == nil {
		return nil, http.StatusNotFound, fmt.Errorf("no section %q", section)
	}
	act := storage.EditorAction{Kind: kind, Who: who, Reason: strings.TrimSpace(reason)}
	if len(act.Reason) > 500 {
		return nil, http.StatusBadRequest, errors.New("reason: at most 500 bytes")
	}
	if kind == curate.Pin {
		d := 24 * time.Hour
		if pinFor != "" {
			var err error
			if d, err = time.ParseDuration(pinFor); err != nil || d <= 0 {
				return nil, http.StatusBadRequest, fmt.Errorf("for: %q is not a positive duration such as 24h", pinFor)
			}
		}
		act.Until = time.Now().Add(d).Truncate(time.Second)
	}
	var alt []string
	if c, err := normalize.CanonicalURL(ref, cfg.Tracking); err == nil && c != ref {
		alt = append(alt, c)
	}
	found, err := s.db.FindItems(r.Context(), section, ref, alt...)
	if errors.Is(err, storage.ErrNoItem) {
		return nil, http.StatusNotFound, fmt.Errorf("no item %q in section %s", ref, section)
	}
	if err != nil {
		return nil, http.StatusInternalServerError, s.internal(r, "find items", err)
	}
	var out []storage.Filed
	for _, f := range found {
		after, err := s.db.Edit(r.Context(), f.Section, f.ID, act)
		if err != nil {
			return nil, http.StatusInternalServerError, s.internal(r, "editor action", err)
		}
		out = append(out, after)
	}
	s.feeds.Invalidate(section)
	s.log.Info("editor action", "action", kind, "section", section, "items", len(out), "who", who)
	return out, http.StatusOK, nil
}

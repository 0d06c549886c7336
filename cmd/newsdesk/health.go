package main

import (
	"errors"
	"net/http"

	"newsdesk/storage"
)

// serveHealth is /healthz: 200 "ok" when the store can do its job, 503
// with the reason in words otherwise (storage.DB.Health: the file is the
// one opened, it reads for real, and writes have not all been failing).
// The detail goes to the log.
func (s *server) serveHealth(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	err := s.db.Health(r.Context())
	if err == nil {
		w.Write([]byte("ok\n"))
		return
	}
	reason := "the database does not answer"
	var he *storage.HealthError
	if errors.As(err, &he) {
		reason = he.Reason
	}
	s.log.Warn("unhealthy", "reason", reason, "err", err)
	w.WriteHeader(http.StatusServiceUnavailable)
	w.Write([]byte("unhealthy: " + reason + "\n"))
}

// storageError answers a page whose data could not be read: 503 with the
// condition in words; SQLite's own text goes to the log only.
func (s *server) storageError(w http.ResponseWriter, r *http.Request, err error) {
	s.log.Error("read for "+r.URL.Path, "err", err)
	msg := storage.Describe(err)
	if msg == "" {
		msg = "storage failed: the database could not be read (the log has the detail)"
	}
	http.Error(w, msg, http.StatusServiceUnavailable)
}

// methodNotAllowed answers a method other than GET and HEAD.
func methodNotAllowed(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Allow", "GET, HEAD")
	http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
}

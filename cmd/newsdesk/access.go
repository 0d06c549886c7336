package main

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// deskCookie is the name of the /desk login cookie.
const deskCookie = "newsdesk_desk"

// deskSession is how long a /desk login lasts.
const deskSession = 12 * time.Hour

// guard protects the admin surface (/sources, /report, /metrics, /desk,
// /api/*). With a token, a request needs it as a Bearer header or the
// signed desk cookie; tokens are compared in constant time, failures are
// logged (never the token) and slowed down per client address. Without a
// token, only loopback clients are answered and nothing can be changed.
// It is safe for concurrent use.
type guard struct {
	token func() string // the current admin token ("" : none)
	log   *slog.Logger
	now   func() time.Time
	sleep func(ctx context.Context, d time.Duration)

	// store keeps the revocations where every process sharing the
	// database sees them, and a restart keeps them (nil: memory only).
	store sessionStore

	mu      sync.Mutex
	fails   map[string]*failures // by client address
	revoked map[string]time.Time // sessions ended by logout here, until they expire
}

// sessionStore is where revoked desk sessions are recorded; storage.DB
// implements it.
type sessionStore interface {
	RevokeSession(ctx context.Context, id string, until time.Time) error
	SessionRevoked(ctx context.Context, id string) (bool, error)
}

// sessionID is what the store records of a session: a digest of its
// cookie, which a reader of the database cannot present.
func sessionID(v string) string {
	h := sha256.Sum256([]byte("newsdesk desk session\n" + v))
	return hex.EncodeToString(h[:])
}

type failures struct {
	n    int
	last time.Time
}

// access is what a request may do.
type access int

const (
	denied   access = iota
	readOnly        // loopback without a token: read, change nothing
	editor          // the token: read and change
)

type accessKey struct{}

// accessOf returns the access the guard granted a request.
func accessOf(r *http.Request) access {
	a, _ := r.Context().Value(accessKey{}).(access)
	return a
}

// viaCookie reports whether the request was let in by the desk cookie
// (its changes then need a CSRF token).
type cookieKey struct{}

func viaCookie(r *http.Request) bool { v, _ := r.Context().Value(cookieKey{}).(bool); return v }

func newGuard(token func() string, log *slog.Logger) *guard {
	return &guard{token: token, log: log, now: time.Now, fails: map[string]*failures{}, revoked: map[string]time.Time{},
		sleep: func(ctx context.Context, d time.Duration) {
			t := time.NewTimer(d)
			defer t.Stop()
			select {
			case <-ctx.Done():
			case <-t.C:
			}
		}}
}

// key derives the signing key of cookies and CSRF tokens from the token:
// changing the token ends every session.
func key(token string) []byte {
	h := sha256.Sum256([]byte("newsdesk desk key\n" + token))
	return h[:]
}

func sign(k []byte, parts ...string) string {
	m := hmac.New(sha256.New, k)
	m.Write([]byte(strings.Join(parts, "\n")))
	return hex.EncodeToString(m.Sum(nil))
}

// tokenOK compares a presented token with the real one in constant time.
func tokenOK(presented, token string) bool {
	a := sha256.Sum256([]byte(presented))
	b := sha256.Sum256([]byte(token))
	return subtle.ConstantTimeCompare(a[:], b[:]) == 1 && token != ""
}

// sessionValue is a signed cookie value valid until exp: its expiry, a
// random nonce (two logins in one second are two sessions, and a logout
// ends one), and their signature.
func sessionValue(token string, exp time.Time) string {
	e := strconv.FormatInt(exp.Unix(), 10)
	var b [12]byte
	rand.Read(b[:])
	n := hex.EncodeToString(b[:])
	return e + "." + n + "." + sign(key(token), "session", e, n)
}

// sessionOK checks a cookie value: signed with the current token, not
// expired, not revoked. When the store cannot say whether it was revoked,
// the session is refused (and the error logged): a logout elsewhere must
// never be undone by a failing database.
func (g *guard) sessionOK(ctx context.Context, v, token string) bool {
	parts := strings.Split(v, ".")
	if len(parts) != 3 || token == "" {
		return false
	}
	exp, err := strconv.ParseInt(parts[0], 10, 64)
	if err != nil || g.now().Unix() > exp {
		return false
	}
	want := sign(key(token), "session", parts[0], parts[1])
	if subtle.ConstantTimeCompare([]byte(parts[2]), []byte(want)) != 1 {
		return false
	}
	g.mu.Lock()
	_, out := g.revoked[v]
	g.mu.Unlock()
	if out || g.store == nil {
		return !out
	}
	revoked, err := g.store.SessionRevoked(ctx, sessionID(v))
	if err != nil {
		g.log.Error("desk session refused: cannot read the revoked sessions", "err", err)
		return false
	}
	return !revoked
}

// revoke ends a session before its expiry (logout): a copy of the cookie
// no longer works either, on any process sharing the database, also after
// a restart. The revocation is kept in memory too, until the session would
// have expired, so that this process refuses it even if the store fails.
func (g *guard) revoke(ctx context.Context, v string) {
	e, _, _ := strings.Cut(v, ".")
	exp, err := strconv.ParseInt(e, 10, 64)
	if err != nil {
		return
	}
	now := g.now()
	g.mu.Lock()
	for s, until := range g.revoked {
		if now.After(until) {
			delete(g.revoked, s)
		}
	}
	g.revoked[v] = time.Unix(exp, 0)
	g.mu.Unlock()
	if g.store != nil {
		if err := g.store.RevokeSession(ctx, sessionID(v), time.Unix(exp, 0)); err != nil {
			g.log.Error("logout: the session is ended in this process only", "err", err)
		}
	}
}

// csrfToken is the CSRF token of the forms of a desk session.
func csrfToken(token, session string) string { return sign(key(token), "csrf", session) }

// csrfOK checks a form's CSRF token against the request's session.
func (g *guard) csrfOK(r *http.Request, presented string) bool {
	c, err := r.Cookie(deskCookie)
	tok := g.token()
	if err != nil || tok == "" || !g.sessionOK(r.Context(), c.Value, tok) {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(presented), []byte(csrfToken(tok, c.Value))) == 1
}

// clientAddr is the request's peer address, without the port.
func clientAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

func isLoopback(r *http.Request) bool {
	ip := net.ParseIP(clientAddr(r))
	return ip != nil && ip.IsLoopback()
}

// check returns what the request may do, from its credentials.
func (g *guard) check(r *http.Request) (access, bool) {
	tok := g.token()
	if tok == "" {
		if isLoopback(r) {
			return readOnly, false
		}
		return denied, false
	}
	if h := r.Header.Get("Authorization"); h != "" {
		scheme, cred, _ := strings.Cut(h, " ")
		if strings.EqualFold(scheme, "Bearer") && tokenOK(strings.TrimSpace(cred), tok) {
			return editor, false
		}
		return denied, false
	}
	if c, err := r.Cookie(deskCookie); err == nil && g.sessionOK(r.Context(), c.Value, tok) {
		return editor, true
	}
	return denied, false
}

// presented reports whether the request carried credentials at all.
func presented(r *http.Request) bool {
	if r.Header.Get("Authorization") != "" {
		return true
	}
	_, err := r.Cookie(deskCookie)
	return err == nil
}

// failed records a failed attempt from the request's client, logs it, and
// waits longer the more failures that client had lately (250 ms doubling
// up to 5 s; forgotten after 15 minutes without one).
func (g *guard) failed(r *http.Request, what string) {
	addr := clientAddr(r)
	now := g.now()
	g.mu.Lock()
	f := g.fails[addr]
	if f == nil || now.Sub(f.last) > 15*time.Minute {
		f = &failures{}
		g.fails[addr] = f
	}
	f.n++
	f.last = now
	n := f.n
	if len(g.fails) > 10000 { // bounded: forget the oldest quiet clients
		for a, x := range g.fails {
			if now.Sub(x.last) > time.Minute {
				delete(g.fails, a)
			}
		}
	}
	g.mu.Unlock()
	delay := min(250*time.Millisecond<<min(n-1, 5), 5*time.Second)
	g.log.Warn("admin: rejected credentials", "client", addr, "path", r.URL.Path, "what", what, "failures", n, "delay", delay.String())
	g.sleep(r.Context(), delay)
}

// succeeded forgets a client's failures.
func (g *guard) succeeded(r *http.Request) {
	g.mu.Lock()
	delete(g.fails, clientAddr(r))
	g.mu.Unlock()
}

// protect wraps an admin handler. onDenied, when set, answers a request
// without valid credentials (the desk's login page); else 401 or 403.
func (g *guard) protect(next http.Handler, onDenied http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		a, cookie := g.check(r)
		if a == denied {
			if g.token() == "" {
				http.Error(w, "forbidden: without a token the admin pages answer loopback clients only", http.StatusForbidden)
				return
			}
			if presented(r) {
				g.failed(r, "wrong token or expired session")
			}
			if onDenied != nil {
				onDenied(w, r)
				return
			}
			w.Header().Set("WWW-Authenticate", `Bearer realm="newsdesk"`)
			http.Error(w, "unauthorized: this path needs the admin token (Authorization: Bearer TOKEN)", http.StatusUnauthorized)
			return
		}
		if a == editor && !cookie {
			g.succeeded(r)
		}
		ctx := context.WithValue(r.Context(), accessKey{}, a)
		ctx = context.WithValue(ctx, cookieKey{}, cookie)
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// login checks a token posted by the desk's login form and sets the
// session cookie. It returns false (after the failure's delay) when the
// token is wrong.
func (g *guard) login(w http.ResponseWriter, r *http.Request, presentedToken string, secure bool) bool {
	tok := g.token()
	if !tokenOK(presentedToken, tok) {
		g.failed(r, "wrong token at login")
		return false
	}
	g.succeeded(r)
	exp := g.now().Add(deskSession)
	http.SetCookie(w, &http.Cookie{Name: deskCookie, Value: sessionValue(tok, exp), Path: "/", Expires: exp,
		MaxAge: int(deskSession.Seconds()), HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: secure})
	return true
}

// logout clears the session cookie.
func logout(w http.ResponseWriter, secure bool) {
	http.SetCookie(w, &http.Cookie{Name: deskCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true,
		SameSite: http.SameSiteStrictMode, Secure: secure})
}

// secureCookie reports whether the desk cookie must be Secure: the
// request came over TLS, directly or through a proxy saying so, or the
// public URL is https.
func secureCookie(r *http.Request, baseURL string) bool {
	return r.TLS != nil || strings.EqualFold(r.Header.Get("X-Forwarded-Proto"), "https") || strings.HasPrefix(baseURL, "https://")
}

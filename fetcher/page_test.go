package fetcher

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

func TestDecodeHTML(t *testing.T) {
	latin1, _ := charmap.ISO8859_1.NewEncoder().String(`<html><head><meta charset="iso-8859-1"></head><body><p>Éléphant à Noël</p></body></html>`)
	cp1252, _ := charmap.Windows1252.NewEncoder().String(`<html><body><p>L’œuvre – « déjà »</p></body></html>`)
	equiv, _ := charmap.ISO8859_1.NewEncoder().String(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"></head><body><p>Été</p></body></html>`)
	utf16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(`<html><body><p>Été</p></body></html>`)
	cases := []struct {
		name, body, contentType, want, enc string
	}{
		{"meta charset only", latin1, "text/html", "Éléphant à Noël", "windows-1252"},
		{"http-equiv only", equiv, "", "Été", "windows-1252"},
		{"header wins over meta", strings.Replace(latin1, "iso-8859-1", "utf-8", 1), "text/html; charset=ISO-8859-1", "Éléphant à Noël", "windows-1252"},
		{"undeclared windows-1252", cp1252, "text/html", "L’œuvre – « déjà »", "windows-1252"},
		{"undeclared utf-8", `<p>Déjà vu</p>`, "text/html", "Déjà vu", "utf-8"},
		{"BOM wins over a wrong meta", "\xEF\xBB\xBF" + `<meta charset="iso-8859-1"><p>Déjà</p>`, "", "Déjà", "utf-8"},
		{"utf-16 with BOM", utf16, "text/html; charset=iso-8859-1", "Été", "utf-16le"},
		{"forbidden characters dropped", "<p>a\x01b\x0bc</p>", "text/html; charset=utf-8", "abc", "utf-8"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, enc, err := DecodeHTML([]byte(c.body), c.contentType)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(out), c.want) {
				t.Errorf("decoded %q, want it to hold %q", out, c.want)
			}
			if enc != c.enc {
				t.Errorf("encoding %q, want %q", enc, c.enc)
			}
		})
	}
}

// TestGetPage: a page request sends the User-Agent and the validators,
// follows redirects, reports 304, and names error statuses and bodies over
// the limit.
func TestGetPage(t *testing.T) {
	var ua, inm string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/moved":
			http.Redirect(w, r, "/page", http.StatusMovedPermanently)
		case "/page":
			ua, inm = r.Header.Get("User-Agent"), r.Header.Get("If-None-Match")
			w.Header().Set("ETag", `"e1"`)
			if inm == `"e1"` {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte("<p>hello</p>"))
		case "/big":
			w.Write([]byte(strings.Repeat("x", 2000)))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	f := New(Options{UserAgent: "newsdesk-test/1", MaxBody: 1000})
	defer f.Close()
	ctx := context.Background()
	p, err := f.GetPage(ctx, srv.URL+"/moved", "", "")
	if err != nil || string(p.Body) != "<p>hello</p>" || p.URL != srv.URL+"/page" || p.ETag != `"e1"` || ua != "newsdesk-test/1" {
		t.Fatalf("GetPage = %+v, %v (user agent %q)", p, err, ua)
	}
	if p, err = f.GetPage(ctx, srv.URL+"/page", `"e1"`, ""); err != nil || !p.NotModified || inm != `"e1"` {
		t.Fatalf("conditional GetPage = %+v, %v (If-None-Match %q)", p, err, inm)
	}
	if p, err = f.GetPage(ctx, srv.URL+"/nope", "", ""); !errors.Is(err, ErrHTTPStatus) || p.Status != 404 {
		t.Fatalf("404: %+v, %v", p, err)
	}
	if _, err = f.GetPage(ctx, srv.URL+"/big", "", ""); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("big page: %v, want ErrTooLarge", err)
	}
	if _, err = f.GetPage(ctx, "ftp://127.0.0.1/x", "", ""); err == nil {
		t.Fatal("ftp URL accepted")
	}
}

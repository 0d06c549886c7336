package normalize

import (
	"errors"
	"testing"
)

func TestCanonicalURL(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		tracking []string
		want     string
	}{
		{"already canonical", "https://127.0.0.1/a/b?x=1", nil, "https://127.0.0.1/a/b?x=1"},
		{"scheme and host lower-cased", "HTTPS://News.Example.ORG/Politique/Article", nil, "https://news.example.org/Politique/Article"},
		{"path case kept", "http://127.0.0.1/Some/CamelCase.html", nil, "http://127.0.0.1/Some/CamelCase.html"},
		{"default http port removed", "http://127.0.0.1:80/a", nil, "http://127.0.0.1/a"},
		{"default https port removed", "https://127.0.0.1:443/a", nil, "https://127.0.0.1/a"},
		{"other port kept", "http://127.0.0.1:8080/a", nil, "http://127.0.0.1:8080/a"},
		{"https on port 80 kept", "https://127.0.0.1:80/a", nil, "https://127.0.0.1:80/a"},
		{"empty port removed", "http://127.0.0.1:/a", nil, "http://127.0.0.1/a"},
		{"fragment kept", "http://127.0.0.1/a#section-2", nil, "http://127.0.0.1/a#section-2"},
		{"tracking fragment removed", "http://127.0.0.1/a#xtor=RSS-3", nil, "http://127.0.0.1/a"},
		{"tracking pairs of a fragment removed", "http://127.0.0.1/a#utm_source=x&part=2", nil, "http://127.0.0.1/a#part=2"},
		{"empty fragment removed", "http://127.0.0.1/a#", nil, "http://127.0.0.1/a"},
		{"fragment with default port", "HTTP://QUOTIDIEN.test:80/a?utm_medium=rss#p2", nil, "http://quotidien.test/a#p2"},
		{"empty path becomes slash", "http://127.0.0.1", nil, "http://127.0.0.1/"},
		{"trailing question mark dropped", "http://127.0.0.1/a?", nil, "http://127.0.0.1/a"},
		{"utm removed", "http://127.0.0.1/a?utm_source=rss&utm_medium=feed", nil, "http://127.0.0.1/a"},
		{"utm case-insensitive", "http://127.0.0.1/a?UTM_Source=rss&id=3", nil, "http://127.0.0.1/a?id=3"},
		{"click ids removed", "http://127.0.0.1/a?fbclid=1&gclid=2&dclid=3&msclkid=4&yclid=5&igshid=6", nil, "http://127.0.0.1/a"},
		{"mailchimp and hubspot removed", "http://127.0.0.1/a?mc_cid=1&mc_eid=2&_hsenc=3&_hsmi=4&p=1", nil, "http://127.0.0.1/a?p=1"},
		{"xtor and ref_src removed", "http://127.0.0.1/a?xtor=RSS-3&ref_src=twsrc", nil, "http://127.0.0.1/a"},
		{"params sorted", "http://127.0.0.1/a?z=1&a=2&m=3", nil, "http://127.0.0.1/a?a=2&m=3&z=1"},
		{"repeated params keep their order", "http://127.0.0.1/a?b=2&a=9&b=1", nil, "http://127.0.0.1/a?a=9&b=2&b=1"},
		{"encoding kept", "http://127.0.0.1/a?q=caf%C3%A9+cr%C3%A8me", nil, "http://127.0.0.1/a?q=caf%C3%A9+cr%C3%A8me"},
		{"blank query dropped", "http://127.0.0.1/a? #x", nil, "http://127.0.0.1/a#x"},
		{"space in query escaped", "http://127.0.0.1/a?q=a b", nil, "http://127.0.0.1/a?q=a%20b"},
		{"empty pairs dropped", "http://127.0.0.1/a?&&x=1&", nil, "http://127.0.0.1/a?x=1"},
		{"extra exact tracking", "http://127.0.0.1/a?ref=home&id=2", []string{"ref"}, "http://127.0.0.1/a?id=2"},
		{"extra prefix tracking", "http://127.0.0.1/a?at_xtor=1&at_campaign=2&id=2", []string{"at_*"}, "http://127.0.0.1/a?id=2"},
		{"extra does not touch others", "http://127.0.0.1/a?reference=1", []string{"ref"}, "http://127.0.0.1/a?reference=1"},
		{"surrounding space trimmed", "  http://127.0.0.1/a \n", nil, "http://127.0.0.1/a"},
		{"ipv6 default port", "http://[::1]:80/a", nil, "http://[::1]/a"},
		{"ipv6 other port", "http://[::1]:8080/a", nil, "http://[::1]:8080/a"},
		{"userinfo kept", "http://user@127.0.0.1/a", nil, "http://user@127.0.0.1/a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := CanonicalURL(tt.in, tt.tracking)
			if err != nil {
				t.Fatalf("CanonicalURL(%q) error: %v", tt.in, err)
			}
			if got != tt.want {
				t.Errorf("CanonicalURL(%q) = %q, want %q", tt.in, got, tt.want)
			}
			again, err := CanonicalURL(got, tt.tracking)
			if err != nil || again != got {
				t.Errorf("CanonicalURL(%q) = %q, %v; not a fixed point", got, again, err)
			}
		})
	}
}

func TestCanonicalURLErrors(t *testing.T) {
	for _, in := range []string{
		"", "/relative/path", "javascript:alert(1)", "mailto:a@127.0.0.1",
		"http://", "http://[::1", "ftp://127.0.0.1/file", "data:text/html,hi",
		"http://]:0", "http://a]b/", // a bracket Hostname leaves is no host (FuzzCanonicalURL)
	} {
		t.Run(in, func(t *testing.T) {
			got, err := CanonicalURL(in, nil)
			if !errors.Is(err, ErrInvalidURL) {
				t.Errorf("CanonicalURL(%q) = %q, %v; want ErrInvalidURL", in, got, err)
			}
		})
	}
}

func TestCleanURL(t *testing.T) {
	const base = "http://127.0.0.1:8082/blog/2026/"
	tests := []struct {
		name, raw, base string
		tracking        []string
		want            string
	}{
		{"absolute kept", "http://127.0.0.1/A/B?Z=1&a=2", base, nil, "http://127.0.0.1/A/B?Z=1&a=2"},
		{"relative path", "post.html", base, nil, "http://127.0.0.1:8082/blog/2026/post.html"},
		{"root relative", "/img/a.png", base, nil, "http://127.0.0.1:8082/img/a.png"},
		{"dot segments", "../2025/old.html", base, nil, "http://127.0.0.1:8082/blog/2025/old.html"},
		{"protocol relative", "//127.0.0.2/x", base, nil, "http://127.0.0.2/x"},
		{"query only", "?page=2", base, nil, "http://127.0.0.1:8082/blog/2026/?page=2"},
		{"tracking removed order kept", "/a?z=1&utm_source=x&b=2", base, nil, "http://127.0.0.1:8082/a?z=1&b=2"},
		{"only tracking drops question mark", "/a?utm_source=x", base, nil, "http://127.0.0.1:8082/a"},
		{"fragment kept", "/a#comments", base, nil, "http://127.0.0.1:8082/a#comments"},
		{"tracking fragment removed", "/a#xtor=RSS-3208", base, nil, "http://127.0.0.1:8082/a"},
		{"extra tracking", "/a?src=rss&id=1", base, []string{"src"}, "http://127.0.0.1:8082/a?id=1"},
		{"host lower-cased, path case kept", "http://News.Example.ORG/Path", base, nil, "http://news.example.org/Path"},
		{"default port removed", "HTTP://QUOTIDIEN.test:80/a?utm_source=x&b=1", base, nil, "http://quotidien.test/a?b=1"},
		{"https default port removed", "https://127.0.0.1:443/a", base, nil, "https://127.0.0.1/a"},
		{"other port kept", "https://127.0.0.1:8443/a", base, nil, "https://127.0.0.1:8443/a"},
		{"javascript refused", "javascript:alert(1)", base, nil, ""},
		{"javascript mixed case refused", "JaVaScRiPt:alert(1)", base, nil, ""},
		{"javascript with tab refused", "java\tscript:alert(1)", base, nil, ""},
		{"vbscript refused", "vbscript:msgbox", base, nil, ""},
		{"data refused", "data:image/png;base64,AAAA", base, nil, ""},
		{"relative without base", "post.html", "", nil, ""},
		{"relative with bad base", "post.html", "javascript:x", nil, ""},
		{"mailto kept", "mailto:redaction@127.0.0.1", base, nil, "mailto:redaction@127.0.0.1"},
		{"empty", "   ", base, nil, ""},
		{"unparseable", "http://[::1", base, nil, ""},
		{"space escaped", "/a b.html", base, nil, "http://127.0.0.1:8082/a%20b.html"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CleanURL(tt.raw, tt.base, tt.tracking); got != tt.want {
				t.Errorf("CleanURL(%q, %q) = %q, want %q", tt.raw, tt.base, got, tt.want)
			}
		})
	}
}

package config

import (
	"os"
	"strings"
	"testing"
)

func TestBaseURLFromListen(t *testing.T) {
	host, _ := os.Hostname()
	host = strings.ToLower(host)
	if host == "" {
		host = "localhost"
	}
	for _, c := range []struct{ listen, want string }{
		{"127.0.0.1:8080", "http://127.0.0.1:8080"},
		{"127.0.0.1:9001", "http://127.0.0.1:9001"},
		{"[::1]:9002", "http://[::1]:9002"},
		{"192.0.2.7:80", "http://192.0.2.7:80"},
		{":9000", "http://" + host + ":9000"},
		{"0.0.0.0:9000", "http://" + host + ":9000"},
		{"[::]:9000", "http://" + host + ":9000"},
	} {
		if got := BaseURLFromListen(c.listen); got != c.want {
			t.Errorf("BaseURLFromListen(%q) = %q, want %q", c.listen, got, c.want)
		}
	}
	cfg, err := Parse([]byte("listen: 127.0.0.1:9005\nsections:\n  - id: a\n    sources: [http://127.0.0.1:1/f]\n"), "c.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if cfg.BaseURL != "http://127.0.0.1:9005" {
		t.Errorf("BaseURL = %q, want the listen address", cfg.BaseURL)
	}
	cfg, err = Parse([]byte("base_url: https://news.example/desk/\nsections:\n  - id: a\n    sources: [http://127.0.0.1:1/f]\n"), "c.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if cfg.BaseURL != "https://news.example/desk" || len(cfg.Warnings) != 0 {
		t.Errorf("BaseURL = %q, warnings %v", cfg.BaseURL, cfg.Warnings)
	}
}

func TestWarnings(t *testing.T) {
	const src = "sections:\n  - id: a\n    sources:\n      - url: http://127.0.0.1:1/f\n"
	for _, c := range []struct {
		name, yaml string
		want       []string // each a substring of one warning, in order
	}{
		{"unset base_url on loopback", "listen: 127.0.0.1:8080\n" + src, []string{"base_url: not set"}},
		{"loopback base on a public listen", "listen: 0.0.0.0:8080\nbase_url: http://localhost:8080\n" + src,
			[]string{"c.yaml:2:11: base_url: http://localhost:8080 is this machine only while listen \"0.0.0.0:8080\""}},
		{"public base on a public listen", "listen: 0.0.0.0:8080\nbase_url: https://news.example\n" + src, nil},
		{"no section", "base_url: https://news.example\n", []string{"sections: no section"}},
		{"same title and schedule twice", "base_url: https://n.example\nsections:\n" +
			"  - id: a\n    sources:\n      - {url: http://127.0.0.1:1/f, title: T, schedule: '@hourly'}\n" +
			"  - id: b\n    sources:\n      - {url: http://127.0.0.1:1/f, title: T, schedule: '@hourly'}\n", nil},
		{"title set once", "base_url: https://n.example\nsections:\n" +
			"  - id: a\n    sources:\n      - http://127.0.0.1:1/f\n" +
			"  - id: b\n    sources:\n      - {url: http://127.0.0.1:1/f, title: T}\n", nil},
		{"three listings", "base_url: https://n.example\nsections:\n" +
			"  - id: a\n    sources:\n      - http://127.0.0.1:1/f\n" +
			"  - id: b\n    sources:\n      - {url: http://127.0.0.1:1/f, title: One}\n" +
			"  - id: c\n    sources:\n      - {url: http://127.0.0.1:1/f, title: Two, schedule: '@hourly'}\n",
			[]string{`c.yaml:11:44: sections[2].sources[0].title: "Two" differs from sections[1].sources[0].title "One" (line 8)`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			cfg, err := Parse([]byte(c.yaml), "c.yaml")
			if err != nil {
				t.Fatal(err)
			}
			if len(cfg.Warnings) != len(c.want) {
				t.Fatalf("warnings %q, want %d", cfg.Warnings.Error(), len(c.want))
			}
			for i, w := range c.want {
				if got := cfg.Warnings[i].Error(); !strings.Contains(got, w) {
					t.Errorf("warning %d = %q, want it to contain %q", i, got, w)
				}
			}
		})
	}
}

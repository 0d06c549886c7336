package newsdesk

import "testing"

func TestRedactorURL(t *testing.T) {
	r := NewRedactor([]string{"Feed-Code"})
	tests := []struct{ in, want string }{
		{"http://alice:s3cretpw@127.0.0.1/feed.rss?token=SECRET123", "http://127.0.0.1/feed.rss?token=REDACTED"},
		{"https://127.0.0.1/f?a=1&API_KEY=x&b=2", "https://127.0.0.1/f?a=1&API_KEY=REDACTED&b=2"},
		{"https://127.0.0.1/f?client_secret=x&sig=y&page=2", "https://127.0.0.1/f?client_secret=REDACTED&sig=REDACTED&page=2"},
		{"https://127.0.0.1/f?feed_code=abc", "https://127.0.0.1/f?feed_code=REDACTED"},
		{"https://127.0.0.1/f?monkey=1&keyword=2", "https://127.0.0.1/f?monkey=1&keyword=2"},
		{"https://127.0.0.1/f#access_token=abc", "https://127.0.0.1/f#access_token=REDACTED"},
		{"https://127.0.0.1/f?token=%zz<bad", "https://127.0.0.1/f?token=REDACTED"},
		{"https://user@127.0.0.1/f", "https://127.0.0.1/f"},
		{"https://127.0.0.1/a@b", "https://127.0.0.1/a@b"},
		{"https://127.0.0.1/plain.rss", "https://127.0.0.1/plain.rss"},
	}
	for _, tt := range tests {
		if got := r.URL(tt.in); got != tt.want {
			t.Errorf("URL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestRedactorText(t *testing.T) {
	var r Redactor
	in := `fetch "http://alice:pw@127.0.0.1/f?key=K1": moved to https://127.0.0.1/g?pass=P2, then (http://127.0.0.1/h?auth=A3).`
	want := `fetch "http://127.0.0.1/f?key=REDACTED": moved to https://127.0.0.1/g?pass=REDACTED, then (http://127.0.0.1/h?auth=REDACTED).`
	if got := r.Text(in); got != want {
		t.Fatalf("Text =\n%s\nwant\n%s", got, want)
	}
	if got := r.Text("no url here"); got != "no url here" {
		t.Fatalf("Text changed plain text: %q", got)
	}
}

func TestRedactorTextSchemes(t *testing.T) {
	var r Redactor
	in := "database postgres://news:hunter2@127.0.0.1:5432/db?sslmode=disable and x://y"
	want := "database postgres://127.0.0.1:5432/db?sslmode=disable and x://y"
	if got := r.Text(in); got != want {
		t.Fatalf("Text = %q, want %q", got, want)
	}
}

func TestEncodeURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{`http://127.0.0.1/a?q=<b>"x"{|}^` + "`", "http://127.0.0.1/a?q=%3Cb%3E%22x%22%7B%7C%7D%5E%60"},
		{"http://127.0.0.1/a b\\c", "http://127.0.0.1/a%20b%5Cc"},
		{"http://127.0.0.1/é?x=%3C&y=1#f", "http://127.0.0.1/é?x=%3C&y=1#f"},
		{"http://127.0.0.1/\x01\x7f\t\u00a0ok", "http://127.0.0.1/%01%7F%09\u00a0ok"},
	}
	for _, tt := range tests {
		if got := EncodeURL(tt.in); got != tt.want {
			t.Errorf("EncodeURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

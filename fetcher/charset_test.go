package fetcher

import (
	"bytes"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
)

func TestDecodeCharset(t *testing.T) {
	latin1 := func(s string) string {
		b, _ := charmap.ISO8859_1.NewEncoder().String(s)
		return b
	}
	eucjp, _ := japanese.EUCJP.NewEncoder().String("日本語")
	tests := []struct {
		name, in, ct, want string
	}{
		{"utf-8 unchanged", `<?xml version="1.0" encoding="UTF-8"?><rss>é</rss>`, "", `<?xml version="1.0" encoding="UTF-8"?><rss>é</rss>`},
		{"no declaration, valid utf-8", `<rss>é</rss>`, "", `<rss>é</rss>`},
		{"utf-8 bom removed", "\xEF\xBB\xBF<rss>é</rss>", "", `<rss>é</rss>`},
		{"header charset", latin1(`<rss>café</rss>`), "text/xml; charset=iso-8859-1", `<rss>café</rss>`},
		{"quoted header charset", latin1(`<rss>café</rss>`), `text/xml; charset="ISO-8859-1"`, `<rss>café</rss>`},
		{"declaration beats header", "<?xml version='1.0' encoding='koi8-r'?><rss>\xf0\xd2\xc9</rss>", "text/xml; charset=iso-8859-1",
			"<?xml version='1.0' encoding='UTF-8'?><rss>При</rss>"},
		{"declaration rewritten", latin1(`<?xml version="1.0" encoding="ISO-8859-1" standalone="yes"?><rss>café</rss>`), "",
			`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><rss>café</rss>`},
		{"undeclared windows-1252", "<rss>\x93quoted\x94 \x80</rss>", "", "<rss>“quoted” €</rss>"},
		{"utf-8 label on latin-1 bytes", latin1(`<?xml version="1.0" encoding="utf-8"?><rss>café</rss>`), "",
			`<?xml version="1.0" encoding="utf-8"?><rss>café</rss>`},
		{"stray invalid byte in utf-8", "<rss>é \xff ü</rss>", "text/xml; charset=utf-8", "<rss>é \uFFFD ü</rss>"},
		{"unknown label falls through", `<?xml version="1.0" encoding="x-bogus"?><rss>é</rss>`, "",
			`<?xml version="1.0" encoding="UTF-8"?><rss>é</rss>`},
		{"utf-16 label on ascii ignored", `<?xml version="1.0" encoding="UTF-16"?><rss>é</rss>`, "",
			`<?xml version="1.0" encoding="UTF-8"?><rss>é</rss>`},
		{"euc-jp", `<?xml version="1.0" encoding="EUC-JP"?><rss>` + eucjp + `</rss>`, "",
			`<?xml version="1.0" encoding="UTF-8"?><rss>日本語</rss>`},
		{"utf-16le bom", "\xFF\xFE<\x00r\x00>\x00\xe9\x00<\x00/\x00r\x00>\x00", "text/xml; charset=iso-8859-1", "<r>é</r>"},
		{"utf-16be bom", "\xFE\xFF\x00<\x00r\x00>\x00\xe9\x00<\x00/\x00r\x00>", "", "<r>é</r>"},
		{"utf-16le without bom", "<\x00r\x00/\x00>\x00", "", "<r/>"},
		{"forbidden characters stripped", "<rss>a\x00b\x01c\x1Fd\te\uFFFEf\uFFFF</rss>", "", "<rss>abcd\tef</rss>"},
		{"json keeps bytes", "\xEF\xBB\xBF{\"title\": \"caf\xc3\xa9\"}", "application/json; charset=iso-8859-1", "{\"title\": \"café\"}"},
		{"json invalid utf-8 replaced", "{\"t\": \"\xff\"}", "", "{\"t\": \"\uFFFD\"}"},
		{"empty", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := DecodeCharset([]byte(tt.in), tt.ct)
			if err != nil {
				t.Fatalf("err = %v", err)
			}
			if string(got) != tt.want {
				t.Errorf("DecodeCharset(%q, %q) = %q, want %q", tt.in, tt.ct, got, tt.want)
			}
		})
	}
}

func FuzzDecodeCharset(f *testing.F) {
	f.Add([]byte(`<?xml version="1.0" encoding="ISO-8859-1"?><rss>caf`+"\xe9"+`</rss>`), "")
	f.Add([]byte("\xFF\xFE<\x00r\x00>\x00"), "text/xml")
	f.Add([]byte("<rss>\x93q\x94</rss>"), "text/xml; charset=windows-1252")
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1.1"}`), "application/feed+json")
	f.Add([]byte("<?xml version='1.0' encoding='shift_jis'?><a>\x93\x8c</a>"), "")
	f.Add([]byte("\xEF\xBB\xBF<a>\x00\x01</a>"), "text/xml; charset=koi8-r")
	f.Fuzz(func(t *testing.T, body []byte, ct string) {
		out, err := DecodeCharset(body, ct)
		if err != nil {
			return
		}
		if !utf8.Valid(out) {
			t.Fatalf("output is not UTF-8: %q", out)
		}
		if !looksJSON(out) {
			if i := firstForbidden(out); i >= 0 {
				t.Fatalf("output keeps a character XML forbids at %d: %q", i, out)
			}
			if enc := declaredEncoding(out); enc != "" && !bytes.EqualFold([]byte(enc), []byte("utf-8")) {
				t.Fatalf("declaration still says %q", enc)
			}
		}
		if !bytes.Contains(out, []byte{0}) {
			again, err := DecodeCharset(out, "")
			if err != nil || !bytes.Equal(again, out) {
				t.Fatalf("decoding twice changed the text: %q -> %q (err %v)", out, again, err)
			}
		}
	})
}

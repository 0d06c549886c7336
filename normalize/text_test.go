package normalize

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestTitle(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain english", "Budget day", "Budget day"},
		{"plain french", "Le conseil municipal vote le budget", "Le conseil municipal vote le budget"},
		{"named entity", "Tom &amp; Jerry", "Tom & Jerry"},
		{"numeric entity", "It&#8217;s here", "It’s here"},
		{"double escaped numeric", "It&amp;#8217;s here", "It’s here"},
		{"double escaped amp", "Fish &amp;amp; chips", "Fish & chips"},
		{"triple escaped amp", "A &amp;amp;amp; B", "A & B"},
		{"hex entity", "L&#x2019;été", "L’été"},
		{"french entities", "L&rsquo;&eacute;t&eacute; &agrave; Paris", "L’été à Paris"},
		{"tags stripped", "Rain <b>tomorrow</b>", "Rain tomorrow"},
		{"escaped tags stripped", "Rain &lt;b&gt;tomorrow&lt;/b&gt;", "Rain tomorrow"},
		{"script dropped", "Hello <script>alert(1)</script>world", "Hello world"},
		{"slash-separated tag dropped", "Hi <img/src=x/onerror=alert(2)>there", "Hi there"},
		{"slash-separated svg dropped", "Hi <svg/onload=alert(1)>", "Hi"},
		{"gofeed wrapper dropped", "<html><head></head><body>Le titre</body></html>", "Le titre"},
		{"executable tags go even alone", "Where the <script> tag goes", "Where the tag goes"},
		{"lone img is text", "The <img> element", "The <img> element"},
		{"p wrapper dropped", "<p>Hello</p>", "Hello"},
		{"block markup dropped", `<div onmouseover="alert(19)">hover</div>`, "hover"},
		{"lone div is text", "Use a <div> here", "Use a <div> here"},
		{"unknown pair is text", "Map<Key>x</Key>", "Map<Key>x</Key>"},
		{"generic type kept", "Vector&lt;T&gt; in C++", "Vector<T> in C++"},
		{"generic type kept raw", "Vector<T> in C++", "Vector<T> in C++"},
		{"blink kept", "AT&T & the <blink> tag", "AT&T & the <blink> tag"},
		{"blink kept escaped", "AT&amp;T &amp; the &lt;blink&gt; tag", "AT&T & the <blink> tag"},
		{"div kept", "Use a <div> here", "Use a <div> here"},
		{"lone inline name kept", "The <b> element", "The <b> element"},
		{"inline with attributes dropped", `<a href="/x">Lien</a> et <span class="k">suite</span>`, "Lien et suite"},
		{"inline kept inside literal", "<em>List<String></em> is generic", "List<String> is generic"},
		{"br is a space", "Line one<br/>line two", "Line one line two"},
		{"sub and sup", "H<sub>2</sub>O at 10<sup>3</sup>", "H2O at 103"},
		{"c1 quote mapped", "n\u0092est pas", "n’est pas"},
		{"c1 euro mapped", "\u0080 20", "€ 20"},
		{"c1 reference mapped", "l&#146;été", "l’été"},
		{"c1 undefined dropped", "a\u0081b", "ab"},
		{"comparison kept", "Why x<y matters", "Why x<y matters"},
		{"escaped comparison kept", "3 &lt; 4 and 5 &gt; 2", "3 < 4 and 5 > 2"},
		{"ampersand kept", "AT&T and R&D", "AT&T and R&D"},
		{"whitespace folded", "  Le\n\tmarché   de\u00a0printemps  ", "Le marché de printemps"},
		{"nbsp entity folded", "Travaux&nbsp;: le pont", "Travaux : le pont"},
		{"narrow nbsp folded", "Question\u202f?", "Question ?"},
		{"zero width removed", "Zero\u200bwidth", "Zerowidth"},
		{"control chars removed", "Bad\x00 \x08chars\x1f", "Bad chars"},
		{"escaped control char removed", "Bell&#7;ring", "Bellring"},
		{"invalid utf8 removed", "caf\xe9 cr\xc3\xa8me", "caf crème"},
		{"noncharacter removed", "A\uFFFEB", "AB"},
		{"empty", "   ", ""},
		{"only inline tags", "<b></b>", ""},
		{"cdata-like comment", "Title <!-- hidden --> shown", "Title shown"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Title(tt.in); got != tt.want {
				t.Errorf("Title(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTextTitle(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"div kept", "Use a <div> here", "Use a <div> here"},
		{"bold kept", "The <b>bold</b> tag", "The <b>bold</b> tag"},
		{"comment kept", "a <!-- b --> c", "a <!-- b --> c"},
		{"double escaped decoded", "It&amp;#8217;s", "It’s"},
		{"c1 mapped", "\u0093Oui\u0094", "“Oui”"},
		{"controls removed", "a\x00b\x7fc", "abc"},
		{"folded", "  a \n b ", "a b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := TextTitle(tt.in); got != tt.want {
				t.Errorf("TextTitle(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSummary(t *testing.T) {
	long := strings.Repeat("mot ", 100) // 400 runes
	tests := []struct {
		name string
		in   string
		max  int
		want string
	}{
		{"short kept", "Une phrase courte.", 300, "Une phrase courte."},
		{"folded", " A\n\n b\u00a0 c ", 300, "A b c"},
		{"cut at word", "The quick brown fox jumps over the lazy dog", 20, "The quick brown fox…"},
		{"cut inside word goes back", "Le budget municipal adopté", 15, "Le budget…"},
		{"trailing comma dropped", "Paris, Lyon, Marseille, Lille", 14, "Paris, Lyon…"},
		{"no space hard cut", "abcdefghijklmnopqrstuvwxyz", 10, "abcdefghi…"},
		{"default max", long, 0, strings.TrimSpace(strings.Repeat("mot ", 75)) + "…"},
		{"tags removed", "a <b>bold</b> move", 300, "a bold move"},
		{"exact length kept", "abcde", 5, "abcde"},
		{"max one", "abcde", 1, "…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Summary(tt.in, tt.max)
			if got != tt.want {
				t.Errorf("Summary(%q, %d) = %q, want %q", tt.in, tt.max, got, tt.want)
			}
			max := tt.max
			if max <= 0 {
				max = 300
			}
			if n := utf8.RuneCountInString(got); n > max {
				t.Errorf("Summary(%q, %d) has %d runes, more than %d", tt.in, tt.max, n, max)
			}
		})
	}
}

func TestStripInvalid(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"clean kept", "tab\tnew\nline\r", "tab\tnew\nline\r"},
		{"c0 removed", "a\x01b\x0bc", "abc"},
		{"fffe and ffff removed", "a\uFFFEb\uFFFFc", "abc"},
		{"replacement char kept", "a\uFFFDb", "a\uFFFDb"},
		{"bad bytes removed", "a\xffb\xc3", "ab"},
		{"astral kept", "emoji 😀", "emoji 😀"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := stripInvalid(tt.in); got != tt.want {
				t.Errorf("stripInvalid(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// foldRef is fold as first written, the reference of FuzzFold.
func foldRef(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		case r == '\u200b' || r == '\ufeff' || r == '\u00ad' || r == '\u2060':
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"", " ", "a", " a  b ", "a\u00a0\u00a0b\u200b", "x\xffy", "é\tè\n", "a \u0085b", "ab"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := fold(s), foldRef(s); got != want {
			t.Fatalf("fold(%q) = %q, want %q", s, got, want)
		}
	})
}

// stripInvalidRef is stripInvalid as first written, the reference of
// FuzzStripInvalid.
func stripInvalidRef(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if xmlChar(r, size) {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

func FuzzStripInvalid(f *testing.F) {
	for _, s := range []string{"", "plain ascii text here", "tab\there\x00nul", "0123456\x1f89abcdef", "\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x80", "é\uFFFE\ud7ff\ue000x", "12345678\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := stripInvalid(s), stripInvalidRef(s); got != want {
			t.Fatalf("stripInvalid(%q) = %q, want %q", s, got, want)
		}
	})
}

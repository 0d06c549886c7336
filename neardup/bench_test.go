package neardup

import (
	"strings"
	"testing"
)

// text200 returns a 200-word French dispatch built from a stored story.
func text200(b *testing.B) (string, string) {
	b.Helper()
	s := readJSONL[story](b, "stories.jsonl")[0]
	words := strings.Fields(s.Text + " " + s.Text)
	return s.Title, strings.Join(words[:200], " ")
}

func BenchmarkSign(b *testing.B) {
	title, text := text200(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Sign(title, text)
	}
}

func BenchmarkSame(b *testing.B) {
	title, text := text200(b)
	x := Sign(title, text)
	y := Sign("", strings.Replace(text, "mardi", "mercredi", 1))
	b.ReportAllocs()
	for b.Loop() {
		Same(x, y)
	}
}

func BenchmarkBandKeys(b *testing.B) {
	title, text := text200(b)
	x := Sign(title, text)
	b.ReportAllocs()
	for b.Loop() {
		x.BandKeys()
	}
}

func BenchmarkUnmarshal(b *testing.B) {
	title, text := text200(b)
	data, err := Sign(title, text).MarshalBinary()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	var s Signature
	for b.Loop() {
		if err := s.UnmarshalBinary(data); err != nil {
			b.Fatal(err)
		}
	}
}

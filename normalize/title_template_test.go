package normalize

import "testing"

// A template element written as markup in a text title (a start tag closed
// later) goes with its content, as the other wrappers a reader rendering
// titles as HTML would parse; a lone "<template>" is a word about one.
func TestTextTitleTemplate(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"<template><script>alert(1)</script></template>Élections", "Élections"},
		{"Avant <template><b>x</b></template> après", "Avant après"},
		{"Using <template> in web components", "Using <template> in web components"},
		{"The </template> end tag alone", "The </template> end tag alone"},
		{"<TEMPLATE shadowrootmode=open></TEMPLATE>Titre", "Titre"},
	} {
		if got := TextTitle(c.in); got != c.want {
			t.Errorf("TextTitle(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// A tag whose attributes hold a '<' is still a tag, as an HTML tokenizer
// reads it ("<a onclick=alert(1)<>": an a element with a handler): its
// handler never stays in a title.
func TestTitleTagWithLessThan(t *testing.T) {
	for _, in := range []string{"<A onclick=alert(1)<>x", "<a onclick=alert(1)<b>x", `<img src=x onerror=alert(1)//<>`, "<A on<>"} {
		for name, fn := range map[string]func(string) string{"Title": Title, "TextTitle": TextTitle} {
			if got := fn(in); executes(got) != "" {
				t.Errorf("%s(%q) = %q runs as HTML: %s", name, in, got, executes(got))
			}
		}
	}
	if got := TextTitle("Vector<T> and a < b"); got != "Vector<T> and a < b" {
		t.Errorf("TextTitle kept %q, want the literal text", got)
	}
}

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

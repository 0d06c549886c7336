package fetcher

import (
	"bytes"
	"fmt"
)

// checkDepth fails with ErrParse when elements nest deeper than max. It is
// one linear pass with no allocation per element: comments, CDATA,
// processing instructions and declarations are skipped, quotes in tags are
// honoured, and an end tag closes every open element above its match, as
// the lenient XML parser does, so unclosed <br> tags do not accumulate.
func checkDepth(b []byte, max int) error {
	stack := make([][]byte, 0, 64)
	open := make(map[string]*int) // open elements by name; one allocation per distinct name
	for i := 0; i < len(b); {
		j := bytes.IndexByte(b[i:], '<')
		if j < 0 {
			return nil
		}
		i += j
		rest := b[i:]
		var skip int
		switch {
		case bytes.HasPrefix(rest, []byte("<!--")):
			skip = endOf(rest, "-->")
		case bytes.HasPrefix(rest, []byte("<![CDATA[")):
			skip = endOf(rest, "]]>")
		case bytes.HasPrefix(rest, []byte("<?")):
			skip = endOf(rest, "?>")
		case bytes.HasPrefix(rest, []byte("<!")):
			skip = endOf(rest, ">")
		case bytes.HasPrefix(rest, []byte("</")):
			name := readName(rest[2:])
			if n := open[string(name)]; n != nil && *n > 0 {
				for {
					top := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					*open[string(top)]--
					if bytes.Equal(top, name) {
						break
					}
				}
			}
			skip = endOf(rest, ">")
		default:
			name := readName(rest[1:])
			end := tagEnd(rest)
			if len(name) == 0 || end < 0 {
				skip = 1
				break
			}
			if rest[end-1] != '/' {
				stack = append(stack, name)
				if n := open[string(name)]; n != nil {
					*n++
				} else {
					one := 1
					open[string(name)] = &one
				}
				if len(stack) > max {
					return fmt.Errorf("%w: elements nested more than %d deep", ErrParse, max)
				}
			}
			skip = end + 1
		}
		if skip <= 0 {
			return nil // unterminated: the parser reports it
		}
		i += skip
	}
	return nil
}

// endOf returns the length of b up to and including the first delim, or 0.
func endOf(b []byte, delim string) int {
	k := bytes.Index(b, []byte(delim))
	if k < 0 {
		return 0
	}
	return k + len(delim)
}

// tagEnd returns the index of the '>' closing the start tag at b[0], outside
// quotes, or -1.
func tagEnd(b []byte) int {
	var quote byte
	for i := 1; i < len(b); i++ {
		c := b[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '<':
			return -1 // '<' cannot appear in a tag: not a tag after all
		case c == '>':
			return i
		}
	}
	return -1
}

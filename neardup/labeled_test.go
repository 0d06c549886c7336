package neardup

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// story is one hand-written item of testdata/stories.jsonl.
type story struct {
	ID    string `json:"id"`
	Group string `json:"group"`
	Lang  string `json:"lang"`
	Title string `json:"title"`
	Text  string `json:"text"`
}

// pairSide names a story and the edits applied to it (see applyOps).
type pairSide struct {
	Story string   `json:"story"`
	Ops   []string `json:"ops"`
}

// labeledPair is one line of testdata/pairs.jsonl.
type labeledPair struct {
	ID    string   `json:"id"`
	Kind  string   `json:"kind"`  // see testdata/README.md
	Lang  string   `json:"lang"`  // fr, en, mixed
	Split string   `json:"split"` // tune or holdout
	Same  bool     `json:"same"`
	A     pairSide `json:"a"`
	B     pairSide `json:"b"`
	Note  string   `json:"note"`
}

// item is a side of a pair after its edits.
type item struct{ title, text string }

// readJSONL decodes every line of a testdata file into a new T.
func readJSONL[T any](t testing.TB, name string) []T {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []T
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for line := 1; sc.Scan(); line++ {
		var v T
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			t.Fatalf("%s:%d: %v", name, line, err)
		}
		out = append(out, v)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// labeledSet loads the pairs and resolves each side to its edited text.
func labeledSet(t testing.TB) ([]labeledPair, [][2]item) {
	t.Helper()
	byID := map[string]story{}
	for _, s := range readJSONL[story](t, "stories.jsonl") {
		byID[s.ID] = s
	}
	pairs := readJSONL[labeledPair](t, "pairs.jsonl")
	items := make([][2]item, len(pairs))
	for i, p := range pairs {
		for j, sd := range []pairSide{p.A, p.B} {
			s, ok := byID[sd.Story]
			if !ok {
				t.Fatalf("%s: unknown story %q", p.ID, sd.Story)
			}
			it, err := applyOps(item{s.Title, s.Text}, sd.Ops)
			if err != nil {
				t.Fatalf("%s: %v", p.ID, err)
			}
			items[i][j] = it
		}
	}
	return pairs, items
}

// applyOps applies the deterministic edits the generated pairs use to
// mimic a second newspaper printing the same copy. Paragraphs are separated
// by blank lines.
//
//	byline=X  prefix X to the first paragraph ("PARIS (AFP) -")
//	intro=X   insert paragraph X first;  outro=X  append paragraph X
//	drop=N    remove paragraph N (or "last");  swap=I,J  exchange two
//	lead=N    keep the first N paragraphs;  words=N  keep N words + "…"
//	sentences=N  keep the first N sentences (a feed's summary)
//	typos=N   swap two inner letters in N words;  title=X  new headline
func applyOps(it item, ops []string) (item, error) {
	paras := strings.Split(it.text, "\n\n")
	for _, op := range ops {
		name, arg, _ := strings.Cut(op, "=")
		switch name {
		case "title":
			it.title = arg
		case "byline":
			paras[0] = arg + " " + paras[0]
		case "intro":
			paras = append([]string{arg}, paras...)
		case "outro":
			paras = append(paras, arg)
		case "drop":
			n := len(paras) - 1
			if arg != "last" {
				var err error
				if n, err = strconv.Atoi(arg); err != nil || n >= len(paras) {
					return it, fmt.Errorf("op %q: bad paragraph", op)
				}
			}
			paras = append(paras[:n:n], paras[n+1:]...)
		case "swap":
			is, js, _ := strings.Cut(arg, ",")
			i, err1 := strconv.Atoi(is)
			j, err2 := strconv.Atoi(js)
			if err1 != nil || err2 != nil || i >= len(paras) || j >= len(paras) {
				return it, fmt.Errorf("op %q: bad paragraphs", op)
			}
			paras[i], paras[j] = paras[j], paras[i]
		case "lead":
			n, err := strconv.Atoi(arg)
			if err != nil || n < 1 {
				return it, fmt.Errorf("op %q: bad count", op)
			}
			paras = paras[:min(n, len(paras))]
		case "words":
			n, err := strconv.Atoi(arg)
			if err != nil || n < 1 {
				return it, fmt.Errorf("op %q: bad count", op)
			}
			w := strings.Fields(strings.Join(paras, " "))
			paras = []string{strings.Join(w[:min(n, len(w))], " ") + "…"}
		case "sentences":
			n, err := strconv.Atoi(arg)
			if err != nil || n < 1 {
				return it, fmt.Errorf("op %q: bad count", op)
			}
			paras = []string{firstSentences(strings.Join(paras, " "), n)}
		case "typos":
			n, err := strconv.Atoi(arg)
			if err != nil {
				return it, fmt.Errorf("op %q: bad count", op)
			}
			paras = strings.Split(addTypos(strings.Join(paras, "\n\n"), n), "\n\n")
		default:
			return it, fmt.Errorf("unknown op %q", op)
		}
	}
	it.text = strings.Join(paras, "\n\n")
	return it, nil
}

// firstSentences returns the first n sentences of text: up to a point, an
// exclamation or a question mark followed by a space and a capital.
func firstSentences(text string, n int) string {
	for i := 0; i+2 < len(text); i++ {
		if strings.IndexByte(".!?", text[i]) >= 0 && text[i+1] == ' ' {
			r, _ := utf8.DecodeRuneInString(text[i+2:])
			if unicode.IsUpper(r) || r == '«' {
				if n--; n == 0 {
					return text[:i+1]
				}
			}
		}
	}
	return text
}

// addTypos swaps the two middle letters of n words of at least 5 letters,
// picked at a fixed stride so the result is the same on every run.
func addTypos(text string, n int) string {
	words := strings.Split(text, " ")
	var long []int
	for i, w := range words {
		if utf8.RuneCountInString(w) >= 5 && !strings.ContainsAny(w, "\n") {
			long = append(long, i)
		}
	}
	for k := 0; k < n && len(long) > 0; k++ {
		i := long[(k*37+11)%len(long)]
		r := []rune(words[i])
		m := len(r) / 2
		r[m-1], r[m] = r[m], r[m-1]
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}

// score is the outcome of a decision over a subset of the labeled pairs.
type score struct {
	tp, fp, fn, tn int
	candidates     int // accepted true pairs the LSH band keys find
}

func (s score) n() int { return s.tp + s.fp + s.fn + s.tn }

func (s score) precision() float64 {
	if s.tp+s.fp == 0 {
		return 1
	}
	return float64(s.tp) / float64(s.tp+s.fp)
}

func (s score) recall() float64 {
	if s.tp+s.fn == 0 {
		return 1
	}
	return float64(s.tp) / float64(s.tp+s.fn)
}

func (s score) String() string {
	return fmt.Sprintf("precision %.3f (%d/%d) recall %.3f (%d/%d), %d of the %d accepted true pairs share a band key",
		s.precision(), s.tp, s.tp+s.fp, s.recall(), s.tp, s.tp+s.fn, s.candidates, s.tp)
}

// signedPair is a labeled pair with both sides signed once.
type signedPair struct {
	labeledPair
	ta, tb string // titles
	a, b   Signature
}

// signedSet loads and signs the labeled set.
func signedSet(t testing.TB) []signedPair {
	pairs, items := labeledSet(t)
	out := make([]signedPair, len(pairs))
	for i, p := range pairs {
		a, b := items[i][0], items[i][1]
		out[i] = signedPair{p, a.title, b.title, Sign(a.title, a.text), Sign(b.title, b.text)}
	}
	return out
}

// sharesBandKey reports whether a and b would be LSH candidates.
func sharesBandKey(a, b Signature) bool {
	ka, kb := a.BandKeys(), b.BandKeys()
	if len(ka) != len(kb) {
		return false // a short signature has no band keys
	}
	for i := range ka {
		if ka[i] == kb[i] {
			return true
		}
	}
	return false
}

// byTitle is rule (b) of the engine: equal non-empty title keys, texts
// that do not conflict.
func (d decision) byTitle(p signedPair) bool {
	k := TitleKey(p.ta)
	return k != "" && k == TitleKey(p.tb) && !d.conflict(p.a, p.b)
}

// decide is the engine's decision over two items of different sources
// without a common link: rule (b) or rule (c), Same.
func (d decision) decide(p signedPair) bool { return d.byTitle(p) || d.same(p.a, p.b) }

// evaluate scores decision d on the pairs keep selects; when wrong is not
// nil it receives every misclassified pair.
func evaluate(set []signedPair, d decision, keep func(labeledPair) bool, wrong func(signedPair)) score {
	var s score
	for _, p := range set {
		if !keep(p.labeledPair) {
			continue
		}
		got := d.decide(p)
		switch {
		case got && p.Same:
			s.tp++
			if d.byTitle(p) || sharesBandKey(p.a, p.b) {
				s.candidates++
			}
		case got:
			s.fp++
		case p.Same:
			s.fn++
		default:
			s.tn++
		}
		if got != p.Same && wrong != nil {
			wrong(p)
		}
	}
	return s
}

package article

// missing returns the words of want that got lacks (bags of words).
func missing(got, want string) []string {
	bag := map[string]int{}
	for _, w := range words(got) {
		bag[w]++
	}
	var out []string
	for _, w := range words(want) {
		if bag[w] > 0 {
			bag[w]--
			continue
		}
		out = append(out, w)
	}
	return out
}

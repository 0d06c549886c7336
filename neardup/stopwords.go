package neardup

// isStopWord reports whether w, already folded (lower-case, no accents), is
// a French or English function word, or a reporting verb ("said", "a
// declare") that news copy sprinkles everywhere. A switch rather than a map
// keeps the list immutable and allocation-free.
func isStopWord(w string) bool {
	switch w {
	case "a", "about", "according", "affirme", "afin", "after", "again",
		"against", "ainsi", "ajoute", "all", "alors", "also", "an", "and", "any",
		"apres", "are", "as", "at", "au", "aujourd", "aura", "auront", "aussi",
		"autre", "autres", "aux", "avaient", "avait", "avant", "avec", "avoir",
		"be", "because", "been", "before", "being", "between", "bien", "both",
		"but", "by", "ca", "can", "car", "ce", "ceci", "cela", "celle", "celles",
		"celui", "ces", "cet", "cette", "ceux", "chez", "comme", "comment",
		"contre", "could", "dans", "de", "declare", "deja", "depuis", "des", "did",
		"dit", "do", "does", "donc", "dont", "down", "du", "during", "each",
		"egalement", "elle", "elles", "encore", "entre", "est", "et", "etaient",
		"etait", "etc", "ete", "etre", "eux", "explique", "faire", "fait", "few",
		"for", "from", "further", "had", "has", "have", "he", "her", "here",
		"hers", "him", "his", "how", "however", "hui", "ici", "if", "il", "ils",
		"in", "indique", "into", "is", "it", "its", "je", "just", "la", "laquelle",
		"le", "lequel", "les", "lesquelles", "lesquels", "leur", "leurs", "lors",
		"lui", "ma", "mais", "may", "me", "meme", "memes", "mes", "might", "mine",
		"moins", "mon", "more", "most", "must", "my", "ne", "ni", "no", "nor",
		"nos", "not", "notamment", "notre", "nous", "of", "off", "on", "once",
		"only", "ont", "onto", "or", "other", "ou", "our", "out", "over", "own",
		"par", "pas", "pendant", "per", "peu", "plus", "pour", "pourquoi",
		"precise", "puis", "qu", "quand", "que", "qui", "quoi", "sa", "said",
		"same", "sans", "say", "says", "se", "selon", "sera", "seraient", "serait",
		"seront", "ses", "shall", "she", "should", "si", "since", "so", "soit",
		"some", "son", "sont", "sous", "such", "sur", "ta", "tandis", "te", "tes",
		"than", "that", "the", "their", "theirs", "them", "then", "there", "these",
		"they", "this", "those", "through", "to", "told", "ton", "too", "tous",
		"tout", "toute", "toutes", "tres", "tu", "un", "under", "une", "until",
		"up", "us", "vers", "very", "via", "vos", "votre", "vous", "was", "we",
		"were", "what", "when", "where", "which", "while", "who", "whom", "whose",
		"why", "will", "with", "would", "yes", "you", "your":
		return true
	}
	return false
}

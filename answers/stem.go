package answers

import "strings"

// stem is a light English stemmer: it removes the common inflections so that
// "earnings", "earned" and "earning" meet at "earn". It is deliberately
// conservative; the same function runs over the lexicon, the knowledge base
// and the question, so consistency matters more than linguistic accuracy.
// Curators never see its output: the lexicon is written in whole words.
func stem(w string) string {
	if len(w) <= 3 || !isASCIILetters(w) {
		return w
	}
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		w = w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"):
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
	case strings.HasSuffix(w, "s"):
		w = w[:len(w)-1]
	}
	for _, suf := range []string{"ing", "ed", "ment", "ly"} {
		if strings.HasSuffix(w, suf) && len(w)-len(suf) >= 4 {
			w = w[:len(w)-len(suf)]
			// undo doubled consonants: "shipping" -> "ship"
			if n := len(w); n >= 2 && w[n-1] == w[n-2] && !strings.ContainsRune("aeiouls", rune(w[n-1])) {
				w = w[:n-1]
			}
			break
		}
	}
	if len(w) > 4 && strings.HasSuffix(w, "e") && !strings.HasSuffix(w, "ee") {
		w = w[:len(w)-1]
	}
	// British spellings meet American ones: "centres" and "centers",
	// "labour" and "labor", "organisation" and "organization".
	switch {
	case len(w) > 4 && strings.HasSuffix(w, "tr"):
		w = w[:len(w)-2] + "ter"
	case len(w) > 5 && strings.HasSuffix(w, "our"):
		w = w[:len(w)-3] + "or"
	case strings.HasSuffix(w, "isation"):
		w = w[:len(w)-7] + "ization"
	}
	return w
}

func isASCIILetters(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

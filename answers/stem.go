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

// americanSpelling returns w with British spellings made American
// ("organisationally" → "organizationally", "characterise" →
// "characterize", "labour" → "labor"), for looking an unknown word up in
// the English word list, which is American. Applied to a word not in the
// list only, so "four" and "your" are never read as "for" and "yor".
func americanSpelling(w string) string {
	for _, r := range [][2]string{{"isation", "ization"}, {"ising", "izing"}, {"ised", "ized"}, {"ises", "izes"},
		{"yse", "yze"}, {"our", "or"}, {"tre", "ter"}, {"lled", "led"}, {"lling", "ling"}, {"ogue", "og"}} {
		w = strings.ReplaceAll(w, r[0], r[1])
	}
	if strings.HasSuffix(w, "ise") {
		w = w[:len(w)-3] + "ize"
	}
	return w
}

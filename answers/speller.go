package answers

import (
	"sort"
	"sync"
)

// minSpellLen is the shortest word the speller corrects freely. Shorter
// words have too many neighbours one edit away (Roman Urdu "jate" is one
// letter from "rate") for a correction to be more likely right than wrong;
// a word one letter shorter is only completed with a missing letter.
const minSpellLen = 5

// speller corrects a word that is one edit (insertion, deletion,
// substitution or transposition of neighbours) away from a known word, using
// the symmetric-delete method: every known word is indexed under itself and
// each string one deletion away, so a lookup costs a few map probes however
// large the vocabulary is.
//
// The deletion index is built on the first correction: most questions need
// none, and a process that answers one question should not pay for it.
type speller struct {
	freq    map[string]int // known words and how often they occur
	once    sync.Once
	deletes map[string][]string // string one deletion from known words -> those words
}

func newSpeller(words map[string]int) *speller {
	return &speller{freq: words}
}

// index builds the deletion index.
func (sp *speller) index() {
	words := sp.freq
	sp.deletes = make(map[string][]string)
	keys := make([]string, 0, len(words))
	for w := range words {
		keys = append(keys, w)
	}
	sort.Strings(keys) // deterministic candidate order
	for _, w := range keys {
		if len(w) < minSpellLen {
			continue
		}
		for _, d := range deletions(w) {
			sp.deletes[d] = append(sp.deletes[d], w)
		}
	}
}

// correct returns the known word closest to w, and whether one was found.
// A known word is returned as it is.
func (sp *speller) correct(w string) (string, bool) {
	if _, ok := sp.freq[w]; ok {
		return w, true
	}
	if len(w) < minSpellLen-1 || len(w) > 40 || !isASCIILetters(w) {
		return "", false
	}
	sp.once.Do(sp.index)
	best, bestFreq := "", -1
	consider := func(c string) {
		if !oneEdit(w, c) {
			return
		}
		if f := sp.freq[c]; f > bestFreq || f == bestFreq && c < best {
			best, bestFreq = c, f
		}
	}
	// w is a known word with one letter missing.
	for _, c := range sp.deletes[w] {
		consider(c)
	}
	if len(w) < minSpellLen {
		// A word one letter short of minSpellLen ("daba") is only
		// completed, never changed: changing short words guesses too much.
		return best, best != ""
	}
	for _, d := range deletions(w) {
		// w is a known word with one letter too many.
		if _, ok := sp.freq[d]; ok {
			consider(d)
		}
		// w is a known word with one letter changed or two swapped.
		for _, c := range sp.deletes[d] {
			consider(c)
		}
	}
	return best, best != ""
}

// deletions returns the distinct strings one byte deletion away from w
// (w is ASCII, checked by the callers).
func deletions(w string) []string {
	out := make([]string, 0, len(w))
	for i := 0; i < len(w); i++ {
		if i > 0 && w[i] == w[i-1] {
			continue // deleting either of a doubled letter gives the same string
		}
		out = append(out, w[:i]+w[i+1:])
	}
	return out
}

// oneEdit reports whether a and b differ by exactly one insertion, deletion,
// substitution or transposition of adjacent letters.
func oneEdit(a, b string) bool {
	if a == b {
		return false
	}
	la, lb := len(a), len(b)
	if la > lb {
		a, b, la, lb = b, a, lb, la
	}
	if lb-la > 1 {
		return false
	}
	i := 0
	for i < la && a[i] == b[i] {
		i++
	}
	if la == lb {
		if a[i+1:] == b[i+1:] {
			return true // substitution
		}
		return i+1 < la && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:] // transposition
	}
	return a[i:] == b[i+1:] // insertion
}

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
// substitution or transposition of neighbours) away from a known word: of
// those, the most frequent, then the first in alphabetical order.
//
// Known words are grouped by length and first letter. A word one edit away
// either shares the first letter, and is in one of three groups (one letter
// shorter, as long, one longer), or differs in the first letter, and is then
// one of the few dozen words made by editing the first letter, looked up
// directly. So a correction costs a few small scans, and there is no index
// of deletions to build when the process starts.
type speller struct {
	freq   map[string]int // known words and how often they occur
	once   sync.Once
	groups map[int][]string // length*32 + first letter -> known words, sorted
}

func newSpeller(words map[string]int) *speller {
	return &speller{freq: words}
}

func groupKey(n int, first byte) int { return n*32 + int(first-'a') }

// index groups the known words.
func (sp *speller) index() {
	sp.groups = map[int][]string{}
	for w := range sp.freq {
		if len(w) >= minSpellLen-1 && isASCIILetters(w) {
			k := groupKey(len(w), w[0])
			sp.groups[k] = append(sp.groups[k], w)
		}
	}
	for _, ws := range sp.groups {
		sort.Strings(ws)
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
		switch {
		case len(w) < minSpellLen && len(c) != len(w)+1:
			return // short words are only completed, never changed
		case len(c) < minSpellLen && len(c) != len(w)-1:
			return // a short known word is only reached by deleting a letter
		}
		if f, ok := sp.freq[c]; ok && (f > bestFreq || f == bestFreq && c < best) {
			best, bestFreq = c, f
		}
	}
	lo, hi := len(w)-1, len(w)+1
	if len(w) < minSpellLen {
		// A word one letter short of minSpellLen ("daba") is only
		// completed, never changed: changing short words guesses too much.
		lo = len(w) + 1
	}
	for n := lo; n <= hi; n++ {
		for _, c := range sp.groups[groupKey(n, w[0])] {
			if oneEdit(w, c) {
				consider(c)
			}
		}
	}
	// Edits of the first letter.
	b := []byte("a" + w)
	for x := byte('a'); x <= 'z'; x++ {
		b[0] = x
		consider(string(b)) // a letter inserted before
		if x != w[0] {
			consider(string(x) + w[1:]) // the first letter changed
		}
	}
	consider(w[1:]) // the first letter deleted
	if w[0] != w[1] {
		consider(string([]byte{w[1], w[0]}) + w[2:]) // the first two swapped
	}
	return best, best != ""
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

package answers

import (
	"sort"
	"strings"
	"sync"

	"github.com/bpobot/bpobot/internal/edits"
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
	skel   map[string][]string
	// meaning returns what a known word means on its own (a term id), or
	// -1 for none of its own: a function word, a word only of phrases.
	// Nil means no word has a meaning of its own.
	meaning func(string) int32
	// phrases returns the lexicon's forms of two words ("how many", "call
	// center"), from which split learns how two words typed as one read.
	// Nil means none.
	phrases func() []string
	joined  map[string][2]string // "howmany" -> how, many
}

// minSkeletonLen is the fewest consonants a word needs for its skeleton to
// be matched: "hn" (hain) has two; "h" alone is anything.
const minSkeletonLen = 2

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
	sp.skel = map[string][]string{}
	for w := range sp.freq {
		if k := skeleton(w); isASCIILetters(w) && k != "" {
			sp.skel[k] = append(sp.skel[k], w)
		}
	}
	for _, ws := range sp.skel {
		sort.Strings(ws)
	}
	sp.joined = map[string][2]string{}
	if sp.phrases != nil {
		for _, f := range sp.phrases() {
			if a, b, ok := strings.Cut(f, " "); ok && !strings.Contains(b, " ") {
				if _, taken := sp.joined[a+b]; !taken {
					sp.joined[a+b] = [2]string{a, b}
				}
			}
		}
	}
}

// skeleton is how a Latin word is written without its vowels, as Roman Urdu
// is often typed ("krty hn" for "karte hain", "kmaya" for "kamaya", "btao"
// for "batao"): its first letter, its other consonants with doubled letters
// squashed ("c" and "q" are "k"), and the class of a final vowel ("y" ending a word is a vowel:
// "krty", "karte"). It is "" for a word with fewer than minSkeletonLen
// consonants.
func skeleton(w string) string {
	if w == "" || !isASCIILetters(w) {
		return ""
	}
	b := make([]byte, 0, len(w)+2)
	b = append(b, sound(w[0]))
	cons := 1
	for i := 1; i < len(w); i++ {
		c := sound(w[i])
		if !isVowel(c) {
			if c != b[len(b)-1] {
				b = append(b, c)
				cons++
			}
			continue
		}
		if i == len(w)-1 {
			if c == 'y' {
				c = 'e'
			}
			b = append(b, '|', c)
		}
	}
	if cons < minSkeletonLen {
		return ""
	}
	return string(b)
}

// sound folds letters that are written for one sound: "scam" and "skam",
// "qeemat" and "keemat".
func sound(c byte) byte {
	if c == 'c' || c == 'q' {
		return 'k'
	}
	return c
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// maxSkeletonEdits bounds how far a word found by its skeleton may be from
// the word typed: "krty" is two edits from "karte".
const maxSkeletonEdits = 2

// bySkeleton returns the known word written with w's skeleton that is at
// most maxSkeletonEdits from w (the most frequent, then the nearest, then
// the first in alphabetical order), and whether there is one. There is none
// when such words mean different things on their own: "kn" could be "kon"
// (who) or "kyun" (why).
func (sp *speller) bySkeleton(w string) (string, bool) {
	k := skeleton(w)
	if k == "" {
		return "", false
	}
	best, bestD, bestF := "", 0, -1
	var meaning int32 = -1
	for _, c := range sp.skel[k] {
		d := edits.Distance(w, c)
		if d > maxSkeletonEdits {
			continue
		}
		if sp.meaning != nil {
			if m := sp.meaning(c); m >= 0 {
				if meaning >= 0 && m != meaning {
					return "", false
				}
				meaning = m
			}
		}
		if f := sp.freq[c]; f > bestF || f == bestF && (d < bestD || d == bestD && c < best) {
			best, bestD, bestF = c, d, f
		}
	}
	return best, best != ""
}

// correct returns the known word closest to w, and whether one was found.
// A known word is returned as it is.
func (sp *speller) correct(w string) (string, bool) {
	if _, ok := sp.freq[w]; ok {
		return w, true
	}
	if len(w) > 40 || !isASCIILetters(w) {
		return "", false
	}
	sp.once.Do(sp.index)
	if len(w) < minSpellLen-1 {
		return sp.bySkeleton(w)
	}
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
	if best == "" {
		return sp.bySkeleton(w)
	}
	return best, true
}

// split reads w as the two words of a lexicon phrase typed without the
// space between them ("howmany", "callcenter", "dabbascam"): only a phrase,
// so a name is never read as two words that happen to make it up.
func (sp *speller) split(w string) (a, b string, ok bool) {
	sp.once.Do(sp.index)
	p, ok := sp.joined[w]
	return p[0], p[1], ok
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

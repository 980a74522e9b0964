// Package fold normalises text for matching: Unicode compatibility forms,
// case, and the many ways Urdu is typed.
//
// Urdu is written on Urdu, Arabic and Persian keyboard layouts, which give
// different code points for what a reader sees as the same letter: yeh is
// U+06CC, U+064A or U+0649; kaf U+06A9 or U+0643; heh U+06C1, U+0647 or
// U+06BE. Diacritics, tatweel and zero-width joiners are optional, digits come
// in three scripts and punctuation in two. String folds all of these to one
// form, so a lexicon written in standard Urdu matches every way of typing it.
// The same fold runs over the knowledge base and the question.
package fold

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// letters maps letter variants to the form the lexicon uses.
var letters = map[rune]rune{
	'\u064A': 'ی', // Arabic yeh
	'\u0649': 'ی', // alef maksura
	'\u06D0': 'ی', // Pashto yeh
	'\u06D2': 'ی', // yeh barree: Arabic layouts cannot type it, so ے and ی meet
	'\u06D3': 'ی', // yeh barree with hamza
	'\u0626': 'ی', // yeh with hamza
	'\u0643': 'ک', // Arabic kaf
	'\u0647': 'ہ', // Arabic heh
	'\u06BE': 'ہ', // heh doachashmee (typed as ه on Arabic layouts)
	'\u06C2': 'ہ', // heh goal with hamza
	'\u06C0': 'ہ', // heh with yeh
	'\u0629': 'ہ', // teh marbuta
	'\u0623': 'ا', // alef with hamza above
	'\u0625': 'ا', // alef with hamza below
	'\u0622': 'ا', // alef with madda
	'\u0671': 'ا', // alef wasla
	'\u0624': 'و', // waw with hamza
	'\u06C3': 'ت', // teh marbuta goal
	'\u060C': ',', // Arabic comma
	'\u061F': '?', // Arabic question mark
	'\u061B': ';', // Arabic semicolon
	'\u06D4': '.', // Urdu full stop
	'\u066A': '%', // Arabic percent sign
	'\u066B': '.', // Arabic decimal separator
	'\u066C': ',', // Arabic thousands separator
	'\u2019': '\'',
	'\u2018': '\'',
	'\u201C': '"',
	'\u201D': '"',
}

// dropped reports whether r is removed altogether: Arabic-script diacritics,
// tatweel, and the invisible joiners and marks.
func dropped(r rune) bool {
	switch {
	case r >= 0x064B && r <= 0x065F, r == 0x0670, r == 0x0640:
		return true
	case r == 0x200B, r == 0x200C, r == 0x200D, r == 0x200E, r == 0x200F, r == 0xFEFF:
		return true
	}
	return false
}

// String returns s folded for matching: NFKC, lowercase, Urdu letter variants
// unified, diacritics, tatweel and joiners removed, Urdu and Arabic-Indic
// digits as ASCII digits, and Urdu punctuation as ASCII punctuation.
func String(s string) string {
	if isPlainASCII(s) {
		return strings.ToLower(s)
	}
	return strings.ToLower(Letters(s))
}

// Letters folds s as String does but keeps the case of Latin letters, for
// callers that tell "US" from "us".
func Letters(s string) string {
	if isPlainASCII(s) {
		return s
	}
	s = norm.NFKC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if dropped(r) {
			continue
		}
		if m, ok := letters[r]; ok {
			r = m
		} else if r >= 0x06F0 && r <= 0x06F9 {
			r = '0' + (r - 0x06F0)
		} else if r >= 0x0660 && r <= 0x0669 {
			r = '0' + (r - 0x0660)
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// IsArabicScript reports whether r is a letter of the Arabic script, in
// which Urdu is written.
func IsArabicScript(r rune) bool {
	return unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r)
}

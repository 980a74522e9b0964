package answers

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bpobot/bpobot/internal/fold"
)

// MaxQuestionRunes is how much of a question is read: a whole Discord message
// (2,000 characters; the /ask option allows 300). Cutting there keeps the
// cost of a 100 KB paste bounded.
const MaxQuestionRunes = 2000

// A token is one word of a text.
type token struct {
	raw   string // as typed, letters folded but case kept ("US")
	lower string // folded and lowercased
	brk   bool   // a sentence boundary (?, ., !, ;, newline) comes before it
	urdu  bool   // written in Urdu (Arabic) script
	num   bool   // a number
	endQ  bool   // a question mark follows it
	comma bool   // a comma comes before it

	typed     string // what the user typed, when corrected
	corrected bool   // raw and lower are a spelling correction of typed
	joined    bool   // the second of two words typed as one (typed is the whole word)

	keys     [numLangs]string // wordKey of lower in each language, computed once
	exactKey string           // exactMark+lower, computed once
	caseKey  string           // caseMark+raw, computed once (raw has capitals)
}

func (t *token) exact() string {
	if t.exactKey == "" {
		t.exactKey = exactMark + t.lower
	}
	return t.exactKey
}

func (t *token) cased() string {
	if t.caseKey == "" {
		t.caseKey = caseMark + t.raw
	}
	return t.caseKey
}

// key returns the token's lookup key in a language.
func (t *token) key(lang int) string {
	if t.keys[lang] == "" {
		t.keys[lang] = wordKey(lang, t.lower)
	}
	return t.keys[lang]
}

// clean returns s limited to MaxQuestionRunes, valid UTF-8, with control
// characters turned into spaces.
func clean(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, " ")
	}
	n := 0
	var b strings.Builder
	b.Grow(min(len(s), MaxQuestionRunes*2))
	for _, r := range s {
		if n >= MaxQuestionRunes {
			break
		}
		n++
		if unicode.IsControl(r) && r != '\n' || r == '\u200b' || r == '\ufeff' {
			r = ' '
		}
		b.WriteRune(r)
	}
	return b.String()
}

// inWord reports whether r can be part of a token: letters, digits, marks,
// and the symbols the lexicon uses inside words ("p@sha", "f&a", "24.6",
// "$", "%").
func inWord(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '@' || r == '&'
}

// tokenize splits text into tokens: runs of letters and digits, with "$" and
// "%" as tokens of their own, and decimals kept whole ("24.6"). It runs the
// number scanner first. Everything, the question and the knowledge base,
// goes through it, so both sides see the same tokens.
func tokenize(sc *numberScanner, text string) []token {
	s := sc.scan(fold.Letters(text))
	out := make([]token, 0, len(s)/5+1) // about one token per five bytes
	brk, comma := false, false
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		raw := strings.Trim(s[start:end], "@&")
		start = -1
		if raw == "" {
			return
		}
		t := token{raw: raw, lower: strings.ToLower(raw), brk: brk, comma: comma}
		r, _ := utf8.DecodeRuneInString(raw)
		t.urdu = fold.IsArabicScript(r)
		t.num = unicode.IsDigit(r)
		out = append(out, t)
		brk, comma = false, false
	}
	for i, r := range s {
		switch {
		case inWord(r):
			if start < 0 {
				start = i
			}
		case r == '.' && start >= 0 && i+1 < len(s) && isDigit(s[i+1]) && i > 0 && isDigit(s[i-1]):
			// a decimal point: keep "24.6" whole
		default:
			flush(i)
			switch r {
			case '?', '.', '!', ';', ':', '\n', '+':
				brk = true
				if r == '?' && len(out) > 0 {
					out[len(out)-1].endQ = true
				}
			case ',', '،':
				comma = true
			case '$', '%':
				start = i
				flush(i + 1)
			}
		}
	}
	flush(len(s))
	return out
}

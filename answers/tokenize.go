package answers

import (
	"html"
	"regexp"
	"strings"
	"sync"
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

// clean returns what of s is read: at most MaxQuestionRunes, its beginning
// and its end when it is longer (a long message's question is mostly at one
// of them); valid UTF-8, with control characters as spaces; without the
// markup of web and chat text (HTML tags and entities, a markdown link's
// target, bare links), which would read as words; and with a run of three or
// more of one Latin letter cut to two ("earnnnn", "howwww": the speller
// mends the rest).
func clean(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, " ")
	}
	s = headAndTail(s, MaxQuestionRunes)
	s = stripMarkup(s)
	var b strings.Builder
	b.Grow(len(s))
	var p1, p2 rune // the two runes before
	for _, r := range s {
		if unicode.IsControl(r) && r != '\n' || r == '\u200b' || r == '\ufeff' {
			r = ' '
		}
		if r == p1 && r == p2 && r < utf8.RuneSelf && isLetter(byte(r)) {
			continue
		}
		p2, p1 = p1, r
		b.WriteRune(r)
	}
	return b.String()
}

// headAndTail returns s, or when it has more than limit runes its first
// and last limit/2 runes (about: it cuts between words) on two lines.
func headAndTail(s string, limit int) string {
	if len(s) <= limit || utf8.RuneCountInString(s) <= limit {
		return s
	}
	head, n := 0, 0
	for head < len(s) && n < limit/2 {
		_, size := utf8.DecodeRuneInString(s[head:])
		head += size
		n++
	}
	tail, n := len(s), 0
	for tail > head && n < limit-limit/2-1 { // and the newline between
		_, size := utf8.DecodeLastRuneInString(s[:tail])
		tail -= size
		n++
	}
	// Cut between words, not inside one ("call cen" and "ter call" would
	// read as words of their own), when a space is near.
	if i := strings.LastIndexAny(s[max(0, head-cutSlack):head], " \t\n"); i >= 0 {
		head = max(0, head-cutSlack) + i
	}
	if i := strings.IndexAny(s[tail:min(len(s), tail+cutSlack)], " \t\n"); i >= 0 {
		tail += i + 1
	}
	return s[:head] + "\n" + s[tail:]
}

// cutSlack is how many bytes headAndTail looks back, or on, for a space to
// cut a long message at.
const cutSlack = 40

// The markup stripMarkup removes: HTML tags ("<b>", "</p>") and script
// and style elements whole, a markdown link's target ("[text](https://...)"
// reads as "text"), and bare links.
var (
	codeRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?is)<(script|style)\b[^>]*>.*?</(?:script|style)\s*>`)
	})
	tagRE  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]{0,300})?/?>`) })
	linkRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\[([^\]\n]{0,300})\]\([^)\s]{1,1000}\)`) })
	urlRE  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)\b(?:https?://|www\.)\S+`) })
)

// stripMarkup removes the markup of web and chat text from s (see tagRE),
// and decodes HTML entities ("&lt;b&gt;" is a tag, then removed).
func stripMarkup(s string) string {
	if strings.Contains(s, "&") && strings.Contains(s, ";") {
		s = html.UnescapeString(s)
	}
	if strings.Contains(s, "<") && strings.Contains(s, ">") {
		s = codeRE().ReplaceAllString(s, " ") // a script's code is no part of a question
		s = tagRE().ReplaceAllString(s, " ")
	}
	if strings.Contains(s, "](") {
		s = linkRE().ReplaceAllString(s, "$1")
	}
	if strings.Contains(s, "://") || strings.Contains(s, "www.") {
		s = urlRE().ReplaceAllString(s, " ")
	}
	return s
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
	return split(sc.scan(fold.Letters(text)))
}

// split splits text the number scanner has read into tokens (see
// tokenize).
func split(s string) []token {
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

package answers

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/bpobot/bpobot/internal/fold"
	"github.com/bpobot/bpobot/knowledge"
)

// The number scanner: the one place regular expressions are used. It
// rewrites the spellings of fiscal years, amounts and abbreviations that
// span several tokens, so the tokenizer sees one token for each: "FY
// 2024-25", "fiscal 2025", "July 2024 to June 2025" and "مالی سال 2025" all
// become FY25; "24/7" becomes 24x7; "1,000" becomes 1000; "U.S." becomes US;
// "50 lakh" becomes "5 million". The words it reads (units, number words,
// the names of a fiscal year) are the lexicon's (settings.numbers in
// knowledge/data/lexicon/numbers.yaml); only the notation is here.

// A rewrite replaces what re matches with with. It runs only when the text
// contains one of its triggers (a cheap test that spares most questions).
type rewrite struct {
	re       *regexp.Regexp // compiled; or nil, and pattern compiled when first needed
	pattern  string
	once     sync.Once
	with     string
	triggers []string                                     // tests (see triggered), or substrings of s
	lower    []string                                     // the first words of its forms, lowercased: one must open a word of s
	whole    bool                                         // and be the whole word (each form's first word is followed by a space or ends it)
	needs    []string                                     // tests that must all pass as well (see triggered)
	fn       func(re *regexp.Regexp, match string) string // used instead of with when set
}

// regexp returns the rewrite's expression, compiling it the first time a
// text needs it: most questions trigger none of the lexicon's rewrites,
// and compiling them all would be most of loading a snapshot.
func (rw *rewrite) regexp() *regexp.Regexp {
	rw.once.Do(func() {
		if rw.re == nil {
			rw.re = regexp.MustCompile(rw.pattern)
		}
	})
	return rw.re
}

// fires reports whether rw, the scanner's rewrite i, should run on s: each
// of its needs passes, and one of its triggers, or one of its forms opens
// a word of s (bit i of *opened, the scanner's wordsOpened of s, computed
// when first needed).
func (sc *numberScanner) fires(i int, s string, opened *uint64, done *bool) bool {
	rw := sc.rewrites[i]
	for _, t := range rw.needs {
		if !triggered(s, t) {
			return false
		}
	}
	for _, t := range rw.triggers {
		if triggered(s, t) {
			return true
		}
	}
	if len(rw.lower) == 0 {
		return false
	}
	if !*done {
		*opened, *done = sc.wordsOpened(s), true
	}
	return *opened&(1<<i) != 0
}

// wordsOpened returns the set of the rewrites (bit i for rewrite i) one of
// whose forms opens a word of s: is the whole word, or begins it when the
// form runs on into digits ("fy25"). Every lexicon rewrite's pattern opens
// with a word boundary, so a rewrite whose forms open no word of s cannot
// match.
func (sc *numberScanner) wordsOpened(s string) uint64 {
	var set uint64
	var buf [32]byte
	word := func(w string) {
		if len(w) <= len(buf) {
			n := 0
			ascii := true
			for i := 0; i < len(w); i++ {
				c := w[i]
				if c >= 0x80 {
					ascii = false
					break
				}
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				buf[n] = c
				n++
			}
			if ascii {
				set |= sc.whole[string(buf[:n])]
				for _, p := range sc.prefixes {
					if len(w) >= len(p.form) && string(buf[:len(p.form)]) == p.form {
						set |= p.set
					}
				}
				return
			}
		}
		lw := strings.ToLower(w)
		set |= sc.whole[lw]
		for _, p := range sc.prefixes {
			if strings.HasPrefix(lw, p.form) {
				set |= p.set
			}
		}
	}
	start := -1
	for i, r := range s {
		if isWordChar(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			word(s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		word(s[start:])
	}
	return set
}

// isWordChar reports whether r is one of wordChars.
func isWordChar(r rune) bool {
	switch {
	case r < 0x80:
		return isDigit(byte(r)) || isLetter(byte(r))
	case r >= 0x00C0 && r <= 0x024F, r >= 0x0600 && r <= 0x06FF, r >= 0x0750 && r <= 0x077F,
		r >= 0x08A0 && r <= 0x08FF, r >= 0xFB50 && r <= 0xFDFF, r >= 0xFE70 && r <= 0xFEFF:
		return true
	}
	return false
}

// apply rewrites s.
func (rw *rewrite) apply(s string) string {
	re := rw.regexp()
	if rw.fn != nil {
		return re.ReplaceAllStringFunc(s, func(m string) string { return rw.fn(re, m) })
	}
	return re.ReplaceAllString(s, rw.with)
}

// Triggers that are tests rather than substrings.
const (
	anyDigit       = "0-9"         // any ASCII digit
	dotted         = "x.y."        // a letter, a dot, a letter and a dot: "U.S."
	fourDigits     = "four digits" // a run of four digits: a year
	commaDigits    = "9,9"         // a digit, a comma, a digit: "1,000"
	yearRange      = "24-25"       // a dash or slash (a range of years)
	unitAfterDigit = "9m"          // a digit followed, maybe after a space, by a letter
	roundTheClock  = "24/7"        // 24, maybe a space, and a slash, x or ×
	twoNumbers     = "9 9"         // a digit, white space and a digit
	yearThenSpace  = "2x "         // a 2, a digit and white space: a year of two digits, then a word
)

// triggered reports whether s passes trigger t.
func triggered(s, t string) bool {
	switch t {
	case anyDigit:
		for i := 0; i < len(s); i++ {
			if isDigit(s[i]) {
				return true
			}
		}
		return false
	case dotted:
		for i := 0; i+3 < len(s); i++ {
			if s[i+1] == '.' && s[i+3] == '.' && isLetter(s[i]) && isLetter(s[i+2]) {
				return true
			}
		}
		return false
	case commaDigits:
		for i := 1; i+1 < len(s); i++ {
			if s[i] == ',' && isDigit(s[i-1]) && isDigit(s[i+1]) {
				return true
			}
		}
		return false
	case yearRange:
		return strings.IndexByte(s, '-') >= 0 || strings.IndexByte(s, '/') >= 0 || strings.Contains(s, "–")
	case unitAfterDigit:
		for i := 0; i+1 < len(s); i++ {
			if isDigit(s[i]) {
				j := i + 1
				if s[j] == ' ' && j+1 < len(s) {
					j++
				}
				if isLetter(s[j]) || s[j] >= 0xC0 { // a letter, or the first byte of a non-ASCII one
					return true
				}
			}
		}
		return false
	case twoNumbers:
		for i := 0; i < len(s); i++ {
			if !isDigit(s[i]) {
				continue
			}
			j := i + 1
			for j < len(s) && isSpace(s[j]) {
				j++
			}
			if j > i+1 && j < len(s) && isDigit(s[j]) {
				return true
			}
		}
		return false
	case yearThenSpace:
		for i := 0; i+2 < len(s); i++ {
			if s[i] == '2' && isDigit(s[i+1]) && isSpace(s[i+2]) {
				return true
			}
		}
		return false
	case roundTheClock:
		for i := strings.Index(s, "24"); i >= 0; {
			rest := strings.TrimLeft(s[i+2:], " ")
			if strings.HasPrefix(rest, "/") || strings.HasPrefix(rest, "x") || strings.HasPrefix(rest, "X") || strings.HasPrefix(rest, "×") {
				return true
			}
			j := strings.Index(s[i+2:], "24")
			if j < 0 {
				break
			}
			i += 2 + j
		}
		return false
	case fourDigits:
		n := 0
		for i := 0; i < len(s); i++ {
			if isDigit(s[i]) {
				if n++; n == 4 {
					return true
				}
			} else {
				n = 0
			}
		}
		return false
	}
	return strings.Contains(s, t)
}

// isSpace reports whether c is white space as \s matches it.
func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// notation are the rewrites of how numbers are written, whatever the
// language: links, dotted abbreviations, ranges of years written in
// digits, calendar years, thousands separators and "24/7". The scanner runs
// the lexicon's rewrites (fiscal-year names, number words and units) around
// them; see newNumberScanner for the order.
var (
	links      = &rewrite{re: regexp.MustCompile(`https?://\S+`), with: " ", triggers: []string{"http"}}
	dots       = &rewrite{re: regexp.MustCompile(`\b([A-Za-z])\.([A-Za-z])\.(?:([A-Za-z])\.?)?`), with: " $1$2$3 ", triggers: []string{dotted}}
	yearDigits = &rewrite{re: regexp.MustCompile(`\b20\d{2}\s*[-–/]\s*(?:20)?(\d{2})\b`), with: " FY$1 ", triggers: []string{yearRange}, needs: []string{fourDigits}}
	years      = &rewrite{re: bareYear, with: " FY$1 ", triggers: []string{fourDigits}}
	// "2024 25 ki earning": a range without a dash, when the second year
	// follows the first (FY25); "2024 25 call centers" is left alone.
	spacedYears = &rewrite{re: regexp.MustCompile(`()\b20(\d{2})\s+(?:20)?(\d{2})\b`), triggers: []string{twoNumbers}, needs: []string{fourDigits}, fn: consecutiveYears(1)}
	// After the years: "2,000 call centers" is a count, never the year 2000.
	thousands = &rewrite{re: regexp.MustCompile(`(\d),(\d{3})\b`), with: "$1$2", triggers: []string{commaDigits}}
	allDay    = &rewrite{re: regexp.MustCompile(`\b24\s*[/x×]\s*7\b`), with: " 24x7 ", triggers: []string{roundTheClock}}
)

// A numberScanner rewrites the spellings of figures and fiscal years so the
// tokenizer sees one token for each. It is built from the lexicon's number
// words (knowledge.Numbers): the words are data, the grammar is here.
type numberScanner struct {
	rewrites []*rewrite        // at most 64
	whole    map[string]uint64 // a word, lowercased: the rewrites it triggers (see wordsOpened)
	prefixes []prefixTrigger   // the forms that trigger a rewrite by opening a word
}

// A prefixTrigger is a rewrite's form that triggers it by opening a word.
type prefixTrigger struct {
	form string
	set  uint64
}

// Word boundaries that work for every script (\b knows ASCII only): a
// rewrite captures the character on either side and writes it back.
const (
	wordStart = `(^|[^` + wordChars + `])`
	wordEnd   = `([^` + wordChars + `]|$)`
	// wordChars are the letters and digits of folded text: ASCII, Latin
	// letters with accents, and the Arabic script's blocks. Written as
	// ranges because \pL costs a tenth of a millisecond to compile, and
	// `bpobot ask` compiles these for one question.
	wordChars = `0-9A-Za-z\x{00C0}-\x{024F}\x{0600}-\x{06FF}\x{0750}-\x{077F}\x{08A0}-\x{08FF}\x{FB50}-\x{FDFF}\x{FE70}-\x{FEFF}`
)

// newNumberScanner compiles the lexicon's number words. Its rewrites run in
// this order: links and abbreviations; fiscal years named by a lead-in with
// a range ("FY 2024-25"), by their months ("July 2024 to June 2025") or the
// month they end in ("the year ending June 2025"), as a
// range of digits ("2024-25") or by a lead-in alone ("fiscal 2025"); then
// calendar years, thousands separators and "24/7"; then numbers written as
// words ("five"), and last the units after a figure ("50 lakh").
func newNumberScanner(n knowledge.Numbers) *numberScanner {
	sc := &numberScanner{}
	add := func(rw *rewrite) { sc.rewrites = append(sc.rewrites, rw) }
	add(links)
	add(dots)
	fy := n.FiscalYear
	if len(fy.LeadIns) > 0 {
		lead := alternation(fy.LeadIns)
		add(&rewrite{pattern: (`(?i)` + wordStart + lead + `\s*[-–']?\s*(?:20)?\d{2}\s*[-–/]\s*(?:20)?(\d{2})\b`), with: "$1 FY$2 ",
			needs: []string{yearRange, anyDigit}, lower: lowered(fy.LeadIns)})
	}
	if len(fy.First) > 0 && len(fy.Through) > 0 && len(fy.Last) > 0 {
		from := ""
		if len(fy.From) > 0 {
			from = `(?:` + alternation(fy.From) + `\s+)?`
		}
		until := ""
		if len(fy.Until) > 0 {
			until = `(?:\s+` + alternation(fy.Until) + `)?`
		}
		add(&rewrite{pattern: (`(?i)` + wordStart + from + alternation(fy.First) + `\s+(?:20)?\d{2}\s*` + alternation(fy.Through) +
			`\s*` + alternation(fy.Last) + `\s+(?:20)?(\d{2})` + until + wordEnd), with: "$1 FY$2 $3", lower: lowered(fy.First), whole: true, needs: []string{anyDigit}})
	}
	if len(fy.Ending) > 0 && len(fy.Last) > 0 {
		// "the year ending June 2025", "year ended June 30, 2025".
		add(&rewrite{pattern: (`(?i)` + wordStart + alternation(fy.Ending) + `\s+` + alternation(fy.Last) + `\s+(?:30(?:th)?,?\s+)?(?:20)?(\d{2})\b`),
			with: "$1 FY$2 ", lower: lowered(fy.Ending), whole: true, needs: []string{anyDigit}})
	}
	add(yearDigits)
	if len(fy.LeadIns) > 0 {
		// "fy 24 25": the years of one fiscal year, written without a
		// dash, when the second follows the first.
		add(&rewrite{pattern: (`(?i)` + wordStart + alternation(fy.LeadIns) + `\s*(?:20)?(\d{2})\s+(?:20)?(\d{2})\b`),
			lower: lowered(fy.LeadIns), needs: []string{twoNumbers}, fn: consecutiveYears(1)})
		add(&rewrite{pattern: (`(?i)` + wordStart + alternation(fy.LeadIns) + `\s*[-–']?\s*(?:20)?(\d{2})\b`), with: "$1 FY$2 ",
			lower: lowered(fy.LeadIns), needs: []string{anyDigit}})
	}
	add(spacedYears)
	if len(fy.After) > 0 {
		// "earning kitni thi 24 me": a year of two digits, from 20 to 29,
		// before a word that makes it one.
		add(&rewrite{pattern: (`(?i)` + wordStart + `(2\d)\s+(` + alternation(fy.After) + `)` + wordEnd), with: "$1 FY$2 $3$4",
			lower: lowered(fy.After), whole: true, needs: []string{yearThenSpace}})
	}
	add(years)
	add(thousands)
	add(allDay)
	if len(n.BeforeUnits) > 0 && len(n.Units) > 0 {
		// "one billion", "ek arab": a number word only before a unit (of
		// two letters or more: "a m" is no figure).
		value := map[string]string{}
		var forms, units []string
		for _, w := range n.BeforeUnits {
			for _, f := range w.Forms {
				value[strings.ToLower(fold.Letters(f))] = strconv.FormatFloat(w.Value, 'f', -1, 64)
				forms = append(forms, f)
			}
		}
		for _, u := range n.Units {
			for _, f := range append(slices.Clip(u.Forms), u.As) { // "one billion" as well as "ek arab"
				if utf8.RuneCountInString(f) >= 2 && !slices.Contains(units, f) {
					units = append(units, f)
				}
			}
		}
		add(&rewrite{pattern: `(?i)` + wordStart + `(` + alternation(forms) + `)(\s+)(` + alternation(units) + `)` + wordEnd, lower: lowered(forms), whole: true, fn: func(re *regexp.Regexp, m string) string {
			sm := re.FindStringSubmatch(m)
			return sm[1] + value[strings.ToLower(sm[2])] + sm[3] + sm[4] + sm[5]
		}})
	}
	if len(n.Words) > 0 {
		value := map[string]string{}
		var forms []string
		for _, w := range n.Words {
			for _, f := range w.Forms {
				value[strings.ToLower(fold.Letters(f))] = strconv.FormatFloat(w.Value, 'f', -1, 64)
				forms = append(forms, f)
			}
		}
		add(&rewrite{pattern: `(?i)` + wordStart + `(` + alternation(forms) + `)` + wordEnd, lower: lowered(forms), whole: true, fn: func(re *regexp.Regexp, m string) string {
			sm := re.FindStringSubmatch(m)
			return sm[1] + value[strings.ToLower(sm[2])] + sm[3]
		}})
	}
	if len(n.Units) > 0 {
		unit := map[string]knowledge.Unit{}
		var forms []string
		for _, u := range n.Units {
			for _, f := range u.Forms {
				unit[strings.ToLower(fold.Letters(f))] = u
				forms = append(forms, f)
			}
		}
		// A figure not run on from a word ("FY25 k liye" is "for FY25"),
		// then its unit, maybe after a space.
		add(&rewrite{pattern: `(?i)(^|[^.` + wordChars + `])(\d+(?:\.\d+)?)(\s*)(` + alternation(forms) + `)` + wordEnd, triggers: []string{unitAfterDigit}, fn: func(re *regexp.Regexp, m string) string {
			sm := re.FindStringSubmatch(m)
			u := unit[strings.ToLower(sm[4])]
			num := sm[2]
			if u.Times != 0 && u.Times != 1 {
				v, err := strconv.ParseFloat(num, 64)
				if err != nil {
					return m
				}
				num = strconv.FormatFloat(v*u.Times, 'f', -1, 64)
			}
			if u.As != "" {
				num += " " + u.As
			}
			return sm[1] + num + " " + sm[5]
		}})
	}
	if len(sc.rewrites) > 64 {
		panic("answers: more number rewrites than wordsOpened's set holds")
	}
	sc.whole = map[string]uint64{}
	for i, rw := range sc.rewrites {
		for _, f := range rw.lower {
			if rw.whole {
				sc.whole[f] |= 1 << i
				continue
			}
			k := slices.IndexFunc(sc.prefixes, func(p prefixTrigger) bool { return p.form == f })
			if k < 0 {
				k = len(sc.prefixes)
				sc.prefixes = append(sc.prefixes, prefixTrigger{form: f})
			}
			sc.prefixes[k].set |= 1 << i
		}
	}
	return sc
}

// alternation returns a regular expression group matching any of forms,
// folded as the scanner's input is, the longest first, with any run of
// spaces between words.
func alternation(forms []string) string {
	qs := make([]string, 0, len(forms))
	for _, f := range forms {
		f = strings.TrimSpace(fold.Letters(f))
		if f == "" {
			continue
		}
		words := strings.Fields(f)
		for i, w := range words {
			words[i] = regexp.QuoteMeta(w)
		}
		qs = append(qs, strings.Join(words, `\s+`))
	}
	slices.SortStableFunc(qs, func(a, b string) int { return len(b) - len(a) })
	return `(?:` + strings.Join(qs, "|") + `)`
}

// lowered returns forms folded and lowercased, as triggers.
func lowered(forms []string) []string {
	out := make([]string, 0, len(forms))
	for _, f := range forms {
		if f = strings.ToLower(strings.TrimSpace(fold.Letters(f))); f != "" {
			out = append(out, strings.Fields(f)[0])
		}
	}
	return out
}

// bareYear is a calendar year written alone, read as the fiscal year that
// ends in it: "2024" is FY24 (July 2023 to June 2024). A round hundred
// ("2000", "1900") is a count: "are 2000 call centers registered?" asks
// about call centers, not about the year 2000.
var bareYear = regexp.MustCompile(`\b(?:19|20)(0[1-9]|[1-9]\d)\b`)

// calendarYears returns the calendar years s names alone ("2024", not
// "FY 2024" or "2024-25"), which scan reads as fiscal years.
func (sc *numberScanner) calendarYears(s string) []string {
	if !triggered(s, fourDigits) {
		return nil
	}
	var opened uint64
	var done bool
	for i, rw := range sc.rewrites {
		if rw == years {
			return bareYear.FindAllString(s, -1)
		}
		if sc.fires(i, s, &opened, &done) {
			s = rw.apply(s)
			done = false
		}
	}
	return nil
}

// scan applies the rewrites to s. The words that trigger a rewrite are
// looked for in s as given, split and lowercased once: a rewrite writes
// figures and "FY", never a word that triggers a later one.
func (sc *numberScanner) scan(s string) string {
	var opened uint64
	var done bool
	for i, rw := range sc.rewrites {
		if sc.fires(i, s, &opened, &done) {
			s = rw.apply(s)
		}
	}
	return s
}

// periodToken reports whether a token is a fiscal year made by scanNumbers
// (or typed as one, "fy25"), and returns it as written in the facts: FY25.
func periodToken(tok string) (string, bool) {
	if len(tok) == 4 && (tok[0] == 'F' || tok[0] == 'f') && (tok[1] == 'Y' || tok[1] == 'y') && isDigit(tok[2]) && isDigit(tok[3]) {
		return "FY" + tok[2:], true
	}
	return "", false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// figureRE finds the figures a fact states: sums of money, percentages and
// other numbers. Two facts stating the same figures say the same thing, and
// a reply shows the first only.
var figureRE = regexp.MustCompile(`\$\s?[\d.,]+(?:\s?(?:million|billion))?|[\d.,]+\s?%|\b\d[\d,]*(?:\.\d+)?\b`)

// figures returns the figures in a fact's text, normalised.
func figures(text string) []string {
	var out []string
	for _, f := range figureRE.FindAllString(text, -1) {
		f = strings.ReplaceAll(strings.ReplaceAll(f, " ", ""), ",", "")
		if len(f) == 4 && (strings.HasPrefix(f, "19") || strings.HasPrefix(f, "20")) && f[2:] != "00" {
			continue // a year, not a figure (a round hundred is a count, as bareYear reads it)
		}
		if f == "24" || f == "7" {
			continue
		}
		out = append(out, f)
	}
	return out
}

// consecutiveYears returns a rewrite's function for two years written one
// after the other (submatches first+1 and first+2; submatch first is the
// character before, written back): "FYnn" of the second when it follows
// the first, the match unchanged otherwise.
func consecutiveYears(first int) func(re *regexp.Regexp, m string) string {
	return func(re *regexp.Regexp, m string) string {
		sm := re.FindStringSubmatch(m)
		if len(sm) < first+3 {
			return m
		}
		a, errA := strconv.Atoi(sm[first+1])
		b, errB := strconv.Atoi(sm[first+2])
		if errA != nil || errB != nil || b != a+1 {
			return m
		}
		return sm[first] + " FY" + sm[first+2] + " "
	}
}

package answers

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// The number scanner: the one place regular expressions are used. It
// rewrites the spellings of fiscal years, amounts and abbreviations that
// span several tokens, so the tokenizer sees one token for each: "FY
// 2024-25", "fiscal 2025", "July 2024 to June 2025" and "مالی سال 2025" all
// become FY25; "24/7" becomes 24x7; "1,000" becomes 1000; "U.S." becomes US.
// No words are rewritten here: what words mean is the lexicon's business.

// A rewrite replaces what re matches with with. It runs only when the text
// contains one of its triggers (a cheap test that spares most questions).
type rewrite struct {
	re       *regexp.Regexp
	with     string
	triggers []string
	fn       func(match string) string // used instead of with when set
}

// apply rewrites s.
func (rw *rewrite) apply(s string) string {
	if rw.fn != nil {
		return rw.re.ReplaceAllStringFunc(s, rw.fn)
	}
	return rw.re.ReplaceAllString(s, rw.with)
}

// Triggers that are tests rather than substrings.
const (
	anyDigit       = "0-9"         // any ASCII digit
	dotted         = "x.y."        // a letter, a dot, a letter and a dot: "U.S."
	unitAfterDigit = "9m"          // a digit followed (maybe after a space) by m, b or k
	fourDigits     = "four digits" // a run of four digits: a year
	commaDigits    = "9,9"         // a digit, a comma, a digit: "1,000"
	yearRange      = "fy 24-25"    // fy, fiscal or financial, and a dash or slash
)

// triggered reports whether s passes trigger t.
func triggered(s, t string) bool {
	switch t {
	case anyDigit:
		return strings.ContainsAny(s, "0123456789")
	case dotted:
		for i := 0; i+3 < len(s); i++ {
			if s[i+1] == '.' && s[i+3] == '.' && isLetter(s[i]) && isLetter(s[i+2]) {
				return true
			}
		}
		return false
	case unitAfterDigit:
		for i := 0; i+1 < len(s); i++ {
			if isDigit(s[i]) {
				j := i + 1
				if s[j] == ' ' && j+1 < len(s) {
					j++
				}
				switch s[j] | 0x20 {
				case 'm', 'b', 'k':
					return true
				}
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
		if !strings.ContainsAny(s, "-–/") {
			return false
		}
		for _, t := range []string{"fy", "FY", "Fy", "fiscal", "financial", "Fiscal", "Financial"} {
			if strings.Contains(s, t) {
				return true
			}
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

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

var rewrites = []rewrite{
	{regexp.MustCompile(`https?://\S+`), " ", []string{"http"}, nil},
	{regexp.MustCompile(`\b([A-Za-z])\.([A-Za-z])\.(?:([A-Za-z])\.?)?`), " $1$2$3 ", []string{dotted}, nil},
	{regexp.MustCompile(`(?i)\b(?:fy|fiscal|financial)\s*(?:years?\s*|yr\s*)?'?(?:20)?\d{2}\s*[-–/]\s*(?:20)?(\d{2})\b`), " FY$1 ", []string{yearRange}, nil},
	{regexp.MustCompile(`(?i)\b(?:from\s+)?july\s+(?:20)?\d{2}\s*(?:-|–|to|and|se|till|until|through|thru)\s*june\s+(?:20)?(\d{2})(?:\s+tak)?\b`), " FY$1 ", []string{"july", "July", "JULY"}, nil},
	{regexp.MustCompile(`\b20\d{2}\s*[-–/]\s*(?:20)?(\d{2})\b`), " FY$1 ", []string{fourDigits}, nil},
	{regexp.MustCompile(`(?i)\b(?:fy|fiscal|financial)\s*(?:years?\s*|yr\s*)?'?(?:20)?(\d{2})\b`), " FY$1 ", []string{"fy", "FY", "Fy", "fiscal", "financial", "Fiscal", "Financial"}, nil},
	// The scanner reads folded text: "ایف وائی" (FY) is "ایف وایی" by then.
	{regexp.MustCompile(`(?:مالی سال|مالیاتی سال|ایف وائی|ایف وایی)\s*(?:20)?(\d{2})\b`), " FY$1 ", []string{"مالی", "ایف"}, nil},
	{bareYear, " FY$1 ", []string{fourDigits}, nil},
	// After the years: "2,000 call centers" is a count, never the year 2000.
	{regexp.MustCompile(`(\d),(\d{3})\b`), "$1$2", []string{commaDigits}, nil},
	{regexp.MustCompile(`\b24\s*[/x×]\s*7\b`), " 24x7 ", []string{"24"}, nil},
	{regexp.MustCompile(`(?i)\b(?:10|das)\s*lakh\b`), " a million ", []string{"lakh", "Lakh"}, nil},
	// South Asian units: a lakh is 100,000 and a crore ten million, so "50
	// lakh" is 5 million and "32 crore" 320 million.
	{lakhCrore, "", []string{"lakh", "Lakh", "lac", "crore", "Crore", "karor", "لاکھ", "کروڑ"}, lakhsAndCrores},
	{regexp.MustCompile(`(?i)(\d)\s*(?:m|mn)\b`), "$1 million", []string{unitAfterDigit}, nil},
	{regexp.MustCompile(`(?i)(\d)\s*(?:bn|b)\b`), "$1 billion", []string{unitAfterDigit}, nil},
	{regexp.MustCompile(`(?i)(\d)\s*k\b`), "${1}000", []string{unitAfterDigit}, nil},
	// Urdu and Roman Urdu units, so a figure reads the same in any script.
	{regexp.MustCompile(`(\d)\s*ملین`), "$1 million", []string{"ملین"}, nil},
	{regexp.MustCompile(`(\d)\s*(?:بلین|ارب)`), "$1 billion", []string{"بلین", "ارب"}, nil},
	{regexp.MustCompile(`(?i)(\d)\s*arab\b`), "$1 billion", []string{"arab", "Arab"}, nil},
	{regexp.MustCompile(`(?i)(\d)\s*(?:فیصد|فی صد|fisad|feesad|fesad)`), "$1 percent", []string{"فیصد", "فی صد", "fisad", "feesad", "fesad"}, nil},
	// Small numbers in English words ("the five key trends") are numbers;
	// not "one" and "two", more often "one of", "number one", "the two
	// associations" than counts.
	{numberWord, "", []string{"three", "four", "five", "six", "seven", "eight", "nine", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine"}, numberWords},
}

// numberWord finds a small number written as an English word.
var numberWord = regexp.MustCompile(`(?i)\b(three|four|five|six|seven|eight|nine)\b`)

// numberWords writes a small number word in digits.
func numberWords(m string) string {
	return strconv.Itoa(3 + slices.Index([]string{"three", "four", "five", "six", "seven", "eight", "nine"}, strings.ToLower(m)))
}

// lakhCrore finds a number of lakhs or crores.
var lakhCrore = regexp.MustCompile(`(?i)(\d+(?:\.\d+)?)\s*(lakhs?|lacs?|crores?|karor|لاکھ|کروڑ)`)

// lakhsAndCrores writes a number of lakhs or crores in millions: "50 lakh"
// is "5 million", "32 crore" is "320 million".
func lakhsAndCrores(m string) string {
	sm := lakhCrore.FindStringSubmatch(m)
	v, err := strconv.ParseFloat(sm[1], 64)
	if err != nil {
		return m
	}
	unit := strings.ToLower(sm[2])
	switch {
	case strings.HasPrefix(unit, "l"), unit == "لاکھ":
		v /= 10 // lakhs of 100,000 in millions
	default:
		v *= 10 // crores of ten million
	}
	return " " + strconv.FormatFloat(v, 'f', -1, 64) + " million "
}

// bareYear is a calendar year written alone, read as the fiscal year that
// ends in it: "2024" is FY24 (July 2023 to June 2024). A round hundred
// ("2000", "1900") is a count: "are 2000 call centers registered?" asks
// about call centers, not about the year 2000.
var bareYear = regexp.MustCompile(`\b(?:19|20)(0[1-9]|[1-9]\d)\b`)

// calendarYears returns the calendar years s names alone ("2024", not
// "FY 2024" or "2024-25"), which scanNumbers reads as fiscal years.
func calendarYears(s string) []string {
	if !triggered(s, fourDigits) {
		return nil
	}
	for i := range rewrites {
		rw := &rewrites[i]
		if rw.re == bareYear {
			return bareYear.FindAllString(s, -1)
		}
		for _, t := range rw.triggers {
			if triggered(s, t) {
				s = rw.apply(s)
				break
			}
		}
	}
	return nil
}

// scanNumbers applies the rewrites to s.
func scanNumbers(s string) string {
	for i := range rewrites {
		rw := &rewrites[i]
		for _, t := range rw.triggers {
			if triggered(s, t) {
				s = rw.apply(s)
				break
			}
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

package answers

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxQuestionRunes is how much of a question is read. Discord's /ask option
// allows 300 characters and a message 2,000; anything past this is noise for
// matching, and cutting it keeps the cost of a 100 KB paste bounded.
const MaxQuestionRunes = 1000

// A rewrite replaces what re matches with with. It runs only when the
// lowercased text contains one of its triggers: running some thirty regular
// expressions over every question was most of the cost of a question, and
// most of them cannot match most questions.
type rewrite struct {
	re       *regexp.Regexp
	with     string
	triggers []string
}

// digit is a trigger that any ASCII digit satisfies.
const digit = "0-9"

func (r *rewrite) apply(s, lower string) string {
	for _, t := range r.triggers {
		if t == digit && strings.ContainsAny(lower, "0123456789") || strings.Contains(lower, t) {
			return r.re.ReplaceAllString(s, r.with)
		}
	}
	return s
}

// caseRewrites run on the raw (case-preserved) text, before lowercasing, where
// case tells an abbreviation from an ordinary word ("IT" and "it", "US" and
// "us").
var caseRewrites = []rewrite{
	{regexp.MustCompile(`\bU\.?S\.?A?\b\.?`), " usa ", []string{"US", "U.S"}},          // the United States, not "us"
	{regexp.MustCompile(`\bI\.?T\b`), " infotech ", []string{"IT", "I.T"}},             // information technology, not "it"
	{regexp.MustCompile(`\bA\.I\.`), " ai ", []string{"a.i"}},                          // artificial intelligence
	{regexp.MustCompile(`(?i)p\s?@\s?sha`), " pasha ", []string{"@"}},                  // P@SHA
	{regexp.MustCompile(`(?i)\bpa\.?sha\b`), " pasha ", []string{"sha", "SHA", "Sha"}}, // PASHA
}

// phraseRewrites run on lowercased text and fold multi-word terms, number
// formats and fiscal-year spellings into single tokens, so "FY 2024-25",
// "fiscal 2025" and "fy25" all become "fy25".
var phraseRewrites = []rewrite{
	{regexp.MustCompile(`https?://\S+`), " ", []string{"http"}},
	{regexp.MustCompile(`\b(?:fy|fiscal|financial)\s*(?:years?\s*|yr\s*)?'?(?:20)?(\d{2})\s*[-–/]\s*(?:20)?(\d{2})\b`), " fy$2 ", []string{"fy", "fiscal", "financial"}},
	{regexp.MustCompile(`\b(?:from\s+)?july\s+(?:20)?\d{2}\s*(?:-|–|to|and|se|till|until|through|thru)\s*june\s+(?:20)?(\d{2})(?:\s+tak)?\b`), " fy$1 ", []string{"july"}},
	{regexp.MustCompile(`\b20(\d{2})\s*[-–/]\s*(?:20)?(\d{2})\b`), " fy$2 ", []string{"20"}},
	{regexp.MustCompile(`\b(?:fy|fiscal|financial)\s*(?:years?\s*|yr\s*)?'?(?:20)?(\d{2})\b`), " fy$1 ", []string{"fy", "fiscal", "financial"}},
	{regexp.MustCompile(`\b24\s*[/x]\s*7\b|\bround[\s-]the[\s-]clock\b|\baround[\s-]the[\s-]clock\b`), " roundtheclock ", []string{"24", "clock"}},
	{regexp.MustCompile(`\byear[\s-]on[\s-]year\b|\byear[\s-]over[\s-]year\b|\by\s?o\s?y\b`), " yoy ", []string{"year", "yoy", "y o"}},
	{regexp.MustCompile(`\be[\s-]?commerce\b`), " ecommerce ", []string{"commerce"}},
	{regexp.MustCompile(`\bcall[\s-]?cent(?:er|re)s?\b`), " callcenter ", []string{"call"}},
	{regexp.MustCompile(`\bsenior\s+vice[\s-]?chair(?:man|person)?\b|\bsvc\b`), " seniorvicechairman ", []string{"vice", "svc"}},
	{regexp.MustCompile(`\bvice[\s-]?chair(?:man|person)?\b`), " vicechairman ", []string{"vice"}},
	{regexp.MustCompile(`\bvice[\s-]?president\b|\bvp\b`), " vicepresident ", []string{"vice", "vp"}},
	{regexp.MustCompile(`\bsab\s+se\s+(?:bari|bara|bade|bada|bary|barhi|zyada\s+bari)\b`), " biggest ", []string{"sab"}},
	{regexp.MustCompile(`\b(?:kaun|kon|koun)\s+(?:sa|si|se|sy)\b`), " which ", []string{"kaun", "kon", "koun"}},
	{regexp.MustCompile(`\b(?:list|names?)\s+(?:of\s+)?(?:the\s+|some\s+|all\s+)?(?:\w+\s+){0,2}(?:compan(?:y|ies)|firms)\b|\b(?:compan(?:y|ies)|firms)\s+(?:list|names?)\b|\bname\s+of\s+(?:\S+\s+){0,3}compan(?:y|ies)\b|\bwhich\s+(?:\w+\s+)?(?:compan(?:y|ies)|firms?|institutes?|institutions?|universit(?:y|ies)|colleges?|agenc(?:y|ies)|banks?|academ(?:y|ies))\b`), " companynames ", []string{"compan", "firm", "institut", "universit", "college", "agenc", "bank", "academ"}},
	{regexp.MustCompile(`\bmiddle[\s-]east(?:ern)?\b`), " middleeast ", []string{"middle"}},
	{regexp.MustCompile(`\bnorth[\s-]america(?:n)?\b`), " northamerica ", []string{"north"}},
	{regexp.MustCompile(`\bunited\s+states\b|\bamerica(?:n)?\b`), " usa ", []string{"united", "america"}},
	{regexp.MustCompile(`\bunited\s+kingdom\b|\bbritain\b|\bbritish\b|\bu\.k\.`), " uk ", []string{"united", "brit", "u.k"}},
	{regexp.MustCompile(`\bunited\s+arab\s+emirates\b|\bu\.a\.e\.?`), " uae ", []string{"united", "u.a"}},
	{regexp.MustCompile(`\bartificial\s+intelligence\b|\ba\.i\.`), " ai ", []string{"artificial", "a.i"}},
	{regexp.MustCompile(`\binformation\s+technology\b`), " infotech ", []string{"information"}},
	{regexp.MustCompile(`\bit\s+(sector|parks?|industry|industries|services?|compan(?:y|ies)|firms?|infrastructure|outsourcing|zones?|exports?|hub|professionals?|skills?|policy|policies)\b`), " infotech $1 ", []string{"it "}},
	{regexp.MustCompile(`\b(software\s+and|and|&)\s+it\b`), " $1 infotech ", []string{"it"}},
	{regexp.MustCompile(`\bdata\s+analytics?\b`), " dataanalytics ", []string{"data"}},
	{regexp.MustCompile(`\bforeign\s+exchange\b|\bforex\b|\bfx\b`), " forex ", []string{"foreign", "forex", "fx"}},
	{regexp.MustCompile(`\bhow\s+(?:much|many|mny|mch|mani)\b`), " qty ", []string{"how"}},
	{regexp.MustCompile(`\b(?:the\s+)?(?:exact\s+|total\s+)?(?:number|count|tadaad|tadad)\s+(?:of|ki|ka)\b|\bexact\s+(?:number|figure|count)\b`), " qty ", []string{"number", "count", "tadaad", "tadad", "exact"}},
	{regexp.MustCompile(`\bhow\s+old\b`), " age ", []string{"old"}},
	{regexp.MustCompile(`\bbrain[\s-]drain\b`), " talent drain ", []string{"brain"}},
	{regexp.MustCompile(`\bsoftware\s+houses?\b`), " softwarehouse ", []string{"software"}},
	{regexp.MustCompile(`\b(?:which|what|konsa|konsi|kis)\s+(?:city|cities|shehar|shehron)\b`), " whichcity ", []string{"cit", "sheh"}},
	{regexp.MustCompile(`\b(?:the\s+)?(?:biggest|largest|main|major|top|key|primary|greatest)\s+((?:\w+\s+)?(?:challenges?|problems?|issues?|reasons?|advantages?|benefits?|trends?|risks?|hurdles?|obstacles?|factors?|drivers?|strengths?|weaknesses?))\b`), " $1 ", []string{"big", "larg", "main", "major", "top", "key", "primary", "great"}},
	{regexp.MustCompile(`\bthe\s+(?:most|least|best|worst)\b`), " superlative ", []string{"most", "least", "best", "worst"}},
	{regexp.MustCompile(`\bnext\s+(?:year|years|month|quarter|decade|fiscal)\b|\bcoming\s+years?\b|\bin\s+future\b|\bwill\s+(?:\w+\s+){0,4}(?:earn|make|reach|generate|grow|be\s+worth)\b|\bagle\s+saal\b`), " forecast ", []string{"next", "coming", "future", "will", "agle"}},
	{regexp.MustCompile(`\b10\s*lakh\b|\bdas\s+lakh\b`), " 1 million ", []string{"lakh"}},
	{regexp.MustCompile(`\bhow\s+(?:do|can|could|should|would|to)\s+(?:i|we|you|one|someone|u)\b|\bhow\s+to\b|\bsteps?\s+(?:to|for)\b|\bprocess\s+(?:to|for)\b|\bprocedure\b|\b(?:do|would|will|should)\s+i\s+need\b|\b(?:start|open|set\s*up|launch)(?:ing)?\s+(?:a|my|an|our)\b|\bkaise\s+(?:karu|karun|karein|karen|karte|milegi|milay|milega|mile)\b`), " howto ", []string{"how", "step", "process", "procedure", "kaise", "need", "start", "open", "set", "launch"}},
	{regexp.MustCompile(`(\d),(\d{3})`), "$1$2", []string{","}},
	{regexp.MustCompile(`(\d+(?:\.\d+)?)\s*%`), " $1 percent ", []string{"%"}},
	{regexp.MustCompile(`\$\s*(\d)`), " usd $1", []string{"$"}},
	{regexp.MustCompile(`(\d)\s*(?:m|mn|million)\b`), "$1 million", []string{digit}},
	{regexp.MustCompile(`(\d)\s*(?:bn|b|billion)\b`), "$1 billion", []string{digit}},
	{regexp.MustCompile(`(\d)\s*(?:k)\b`), "${1}000", []string{digit}},
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
		if unicode.IsControl(r) || r == '\u200b' || r == '\ufeff' {
			r = ' '
		}
		b.WriteRune(r)
	}
	return b.String()
}

// tokenize turns text into normalised tokens: rewritten, lowercased, split on
// anything but letters and digits, with spelling variants, Roman Urdu and
// synonyms mapped to one form and words stemmed. Stop words are kept, marked
// by stopword; callers decide whether to drop them.
func tokenize(text string) []string {
	s := clean(text)
	for i := range caseRewrites {
		s = caseRewrites[i].apply(s, s) // case-sensitive triggers, checked in the raw text
	}
	s = strings.ToLower(s)
	for i := range phraseRewrites {
		s = phraseRewrites[i].apply(s, s)
	}
	fields := strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '.'
	})
	out := make([]string, 0, len(fields))
	for _, f := range fields {
		f = strings.Trim(f, ".")
		if f == "" {
			continue
		}
		if strings.Contains(f, ".") && !isNumber(f) {
			// "u.s" style leftovers and sentence dots: split them.
			for _, p := range strings.Split(f, ".") {
				if p != "" {
					out = append(out, p)
				}
			}
			continue
		}
		out = append(out, f)
	}
	return out
}

func isNumber(s string) bool {
	for _, r := range s {
		if !(r >= '0' && r <= '9' || r == '.') {
			return false
		}
	}
	return true
}

// canon maps one lowercased word to its canonical term: spelling variant,
// Roman Urdu and synonym mapping, then stemming. It returns "" for words that
// carry no meaning for matching (stop words and filler).
func canon(w string) string {
	if m, ok := variants[w]; ok {
		w = m
	}
	if stopwords[w] {
		return ""
	}
	if intents[w] {
		return w // question words are kept as they are: "where", not "wher"
	}
	if isNumber(w) {
		return yearToken(w)
	}
	st := stem(w)
	if m, ok := synonyms[st]; ok {
		return m
	}
	if stopwords[st] {
		return ""
	}
	return st
}

// yearToken maps bare years and numbers. 2024 and 2025 are taken as the
// fiscal years that end in them (FY24 ends June 2024, FY25 June 2025).
func yearToken(w string) string {
	if len(w) == 4 && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20")) {
		return "fy" + w[2:]
	}
	return w
}

// stem is a light English stemmer: it removes the common inflections so that
// "earnings", "earned" and "earning" meet at "earn". It is deliberately
// conservative; the same function runs over the knowledge base and the
// question, so consistency matters more than linguistic accuracy.
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

package answers

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bpobot/bpobot/internal/fold"
	"github.com/bpobot/bpobot/knowledge"
)

// A Term is one unit of meaning found in a question: a concept or kind of
// question from the lexicon, a name, a fiscal year, a word of the knowledge
// base, or a word nobody knows.
type Term struct {
	ID        int32  // the term's id, or -1 for a word the knowledge base does not have
	Surface   string // the words as the user typed them
	Class     string // the salient class (knowledge.ClassPlace, ...), or ""
	Kind      *knowledge.Kind
	Period    string  // for a fiscal year: "FY25"
	Weight    float64 // how much it counts (its IDF over the entries)
	Tok       int     // the index of its first token
	Lang      string  // the language it was read in
	Unknown   bool    // in neither the lexicon, the knowledge base nor the English word list
	Name      bool    // an unknown word that looks like a name ("Afiniti"): the sources cannot answer about it
	Corrected bool    // read through a spelling correction
	number    bool    // a number: it weighs numberWeight of its IDF
	relative  string  // for a period read from a relative one ("last year"): how it was resolved
	within    bool    // read inside a kind's phrase ("percent" in "what percent"): part of the kind
	base      bool    // a period read as where a change starts ("up from FY24", "FY24 se")
	of        string  // for a role that blocks: the name the question asks it of ("who heads PSEB?")
}

// numberWeight is the share of its weight a number of the question keeps. A
// figure is mostly a claim to check ("was the growth 25%?": notePremise
// does), not what the question is about, and a number that some other
// entry happens to state must not outweigh the words. Determined on the
// tune set and leave-one-out.
const numberWeight = 0.25

// content reports whether t carries content (not a kind of question).
func (t *Term) content() bool { return t.Kind == nil && !t.Unknown }

// An Analysis is a question as the engine reads it: its terms in order, its
// language, and whether it greets or asks about the bot.
type Analysis struct {
	Text     string
	Lang     string // the language Latin-script words were read in: en or roman
	Terms    []Term
	Greet    bool            // a greeting
	greeting *knowledge.Kind // the greeting kind with its own reply (a message), if any
	Thank    bool            // thanks or goodbye
	farewell *knowledge.Kind // the thanks kind with its own reply ("goodbye"), if any
	// opensYesNo, when set, is whether the question opens as a yes-or-no
	// question: kept when its words are not (a follow-up read with the
	// words it borrowed).
	opensYesNo *bool
	Introduce  bool   // a question about the bot itself
	replyIn    string // the language the asker asked the reply in ("reply in urdu"), or ""
	Corrected  bool   // some word was read through a spelling correction
	link       bool   // the message had a link, removed (clean)

	toks    []token
	scanned string // Text as the number scanner read it, folded ("" while building)
	repeats []Term // terms read again after their first time, for the parts of a message
}

// binaryShare is the share of a message's first bytes that, as bytes not
// UTF-8 or as control characters, make it binary rather than text: text
// typed or pasted has none (tabs and line breaks aside), and random bytes
// are about half.
const binaryShare = 0.1

// binary reports whether more than binaryShare of s's first 4,096 bytes are
// not UTF-8 or are control characters other than tabs and line breaks.
func binary(s string) bool {
	s = s[:min(len(s), 4096)]
	bad, n := 0, 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 || unicode.IsControl(r) && r != '\n' && r != '\r' && r != '\t' {
			bad++
		}
		n++
		i += max(size, 1)
	}
	return n > 0 && float64(bad) > binaryShare*float64(n)
}

// scannedText returns the question as the number scanner reads it.
func (e *Engine) scannedText(a *Analysis) string {
	if a.scanned == "" {
		a.scanned = e.v.scan.scan(fold.Letters(a.Text))
	}
	return a.scanned
}

// hasNumber reports whether the question has a number, in digits or in
// words the number scanner reads ("fifty percent", "پچاس فیصد"): only then
// can it state a figure.
func (a *Analysis) hasNumber() bool {
	if a.toks == nil {
		return strings.ContainsFunc(a.Text, unicode.IsDigit)
	}
	return slices.ContainsFunc(a.toks, func(t token) bool { return t.num })
}

// isPeriodToken reports whether s is a fiscal year as a token ("FY23").
func isPeriodToken(s string) bool {
	_, ok := periodToken(s)
	return ok
}

// replyLang returns the language a reply to a is best given in: "ur" when
// more of its words are in Urdu script than in Latin letters (figures and
// fiscal years are neither), else the language its Latin-script words were
// read in.
func (a *Analysis) replyLang() string {
	if a.replyIn != "" {
		return a.replyIn
	}
	urdu, latin := 0, 0
	for i := range a.toks {
		switch t := &a.toks[i]; {
		case t.num:
		case isPeriodToken(t.raw):
			// A year the scanner wrote as "FY23" ("2023 میں؟"), or typed
			// so: a figure, in no script.
		case t.urdu:
			urdu++
		default:
			latin++
		}
	}
	if urdu > latin {
		return knowledge.Urdu
	}
	return a.Lang
}

// detectLang decides whether the Latin-script words of a message are
// English or Roman Urdu, by counting the words that are function words in
// one language only. Ties go to English.
func (e *Engine) detectLang(toks []token) int {
	en, ro := 0, 0
	for i := range toks {
		t := &toks[i]
		if t.urdu || t.num {
			continue
		}
		me, mr := e.v.word(langEn, t), e.v.word(langRoman, t)
		switch {
		case me != nil && me.function && mr == nil:
			en++
		case mr != nil && me == nil:
			ro++ // a Roman Urdu function or content word: "hai", "kamaya"
		}
	}
	if ro > en {
		return langRoman
	}
	return langEn
}

// Analyze reads a question into terms.
func (e *Engine) Analyze(text string) Analysis {
	if binary(text) {
		// Mostly not text (a file piped in): no question, and never
		// searched for figures ("You mentioned $2...").
		return Analysis{Text: strings.TrimSpace(clean(text))}
	}
	link := strings.Contains(text, "://") || strings.Contains(text, "www.")
	link = link && urlRE().MatchString(text)
	text = strings.TrimSpace(clean(text))
	a := Analysis{Text: text, link: link}
	var toks []token
	if e.tokCache == nil {
		a.scanned = e.v.scan.scan(fold.Letters(text))
		toks = split(a.scanned)
	} else {
		toks = e.tokenize(text)
	}
	a.toks = toks
	lang := e.detectLang(toks)
	a.Lang = langNames[lang]
	other := langRoman
	if lang == langRoman {
		other = langEn
	}
	if !e.building {
		toks = e.correctSpelling(toks, lang)
		a.toks = toks
	}
	seen := make(map[int32]bool, len(toks))
	a.Terms = make([]Term, 0, min(len(toks), 16)) // one allocation, not one per doubling
	add := func(t Term) {
		if t.ID < 0 && t.Surface == "" {
			return // a word that means nothing here
		}
		if t.ID >= 0 {
			if c := e.v.terms[t.ID].concept; c != nil && c.Resolves != "" {
				t.relative = c.Resolves
				t.ID = e.relativePeriod(c.Resolves)
				if t.ID < 0 {
					return
				}
			}
			if seen[t.ID] {
				if ti := &e.v.terms[t.ID]; ti.class == knowledge.ClassPlace {
					// "Lahore and Islamabad": one concept, both named.
					for j := range a.Terms {
						if a.Terms[j].ID == t.ID && !strings.Contains(a.Terms[j].Surface, t.Surface) {
							a.Terms[j].Surface += " or " + t.Surface
						}
					}
				}
				if ti := &e.v.terms[t.ID]; ti.kind == nil || ti.kind.Act == "" {
					// Read again later in the message: a part of it may need
					// it ("FY25 earnings and FY24 earnings").
					t.Weight = e.ix.weight[t.ID]
					t.Class, t.Kind, t.Period = ti.class, ti.kind, ti.period
					a.repeats = append(a.repeats, t)
				}
				return
			}
			seen[t.ID] = true
			t.Weight = e.ix.weight[t.ID]
			if t.number {
				t.Weight *= numberWeight
			}
			ti := &e.v.terms[t.ID]
			t.Class, t.Kind, t.Period = ti.class, ti.kind, ti.period
		}
		if t.Kind != nil {
			switch t.Kind.Act {
			case knowledge.ActGreet:
				if t.Kind.Message != "" {
					a.greeting = t.Kind // "salaam" is answered "wa alaikum assalam"
				}
				a.Greet = true
				return
			case knowledge.ActThank:
				if t.Kind.Message != "" {
					a.farewell = t.Kind // "bye" is answered "goodbye", not "you're welcome"
				}
				a.Thank = true
				return
			case knowledge.ActIntroduce:
				a.Introduce = true
				return
			case knowledge.ActReply:
				a.replyIn = t.Kind.Reply // "urdu mein jawab do": how to reply, not what to
				return
			}
		}
		a.Terms = append(a.Terms, t)
	}
	var memo map[string]Term // words read once, however often repeated
	for i := 0; i < len(toks); {
		t := &toks[i]
		var m *lexMatch
		n, l := 0, lang
		if t.urdu {
			m, n, _ = e.v.longest(langUr, toks, i)
			l = langUr
		} else {
			var cased bool
			m, n, cased = e.v.longest(lang, toks, i)
			m2, n2, cased2 := e.v.longest(other, toks, i)
			// The longer reading wins; of two as long, one that matched a
			// capitalised form as typed ("US") beats a function word ("us").
			if n2 > n || n2 == n && n > 0 && m.function && !m2.function && cased2 && !cased {
				m, n, l = m2, n2, other
			}
		}
		if n > 1 {
			m, n, l = e.yieldToLonger(toks, i, m, n, l, lang, other)
		}
		if n > 0 {
			if !m.function {
				id := m.term
				if m.homonym != nil {
					id = e.resolveHomonym(m.homonym, l, toks)
				}
				add(Term{ID: id, Surface: joinRaw(toks[i : i+n]), Tok: i, Lang: langNames[l], Corrected: anyCorrected(toks[i : i+n])})
				if k := e.v.terms[max(id, 0)].kind; id >= 0 && n > 1 && (k != nil && countsThings(k) || e.v.gapped(l, toks, i, n)) {
					e.conceptsWithin(toks, i+1, i+n, l, other, add)
				}
			}
			i += n
			continue
		}
		if memo == nil {
			memo = map[string]Term{}
		}
		w, ok := memo[t.raw]
		if !ok {
			w = e.word(t, i, l)
			memo[t.raw] = w
		}
		w.Tok = i
		add(w)
		i++
	}
	a.Terms = e.dropConjunctions(a.Terms, toks)
	for i := range a.Terms {
		t := &a.Terms[i]
		if t.Corrected {
			a.Corrected = true
		}
		if t.Period != "" && t.Tok >= 0 {
			t.base = e.changeBase(toks, t)
		}
	}
	return a
}

// changeBase reports whether the period t is read as where a change starts:
// a word of the lexicon's change_from comes just before it, or before a
// function word before it ("up from the previous year", "compared to
// FY24"), or just after it ("FY24 se", "FY24 سے").
func (e *Engine) changeBase(toks []token, t *Term) bool {
	if len(e.changeFrom) == 0 {
		return false
	}
	for i := t.Tok - 1; i >= 0 && i >= t.Tok-2; i-- {
		if e.changeFrom[toks[i].lower] {
			return true
		}
		if !e.isFunctionWord(toks[i].lower) {
			break // "from the year before", not "from ... FY24 ... "
		}
	}
	next := t.Tok + len(strings.Fields(t.Surface))
	return next < len(toks) && e.changeFrom[toks[next].lower]
}

// dropConjunctions drops a question word that joins a clause rather than
// asks: one of its kind's `joins` forms ("when") inside a sentence, after a
// word of content and before more words. "Is data security a
// concern when outsourcing to Pakistan?" asks about data security, not
// when; "call center earnings, when?" and "when did it start?" still ask
// when.
func (e *Engine) dropConjunctions(terms []Term, toks []token) []Term {
	content := false // a word of content since the sentence began
	next := 0
	out := terms[:0]
	for _, t := range terms {
		for ; next <= t.Tok && next < len(toks); next++ {
			if toks[next].brk || toks[next].comma || e.joiners[langEn][toks[next].key(langEn)] {
				content = false
			}
		}
		last := t.Tok+1 >= len(toks) || toks[t.Tok+1].brk || toks[t.Tok].endQ
		if t.Kind != nil && t.Tok >= 0 && content && !last && slices.ContainsFunc(t.Kind.Joins.Of(t.Lang), func(f string) bool { return strings.EqualFold(f, t.Surface) }) {
			continue
		}
		if t.content() || t.Name {
			content = true
		}
		out = append(out, t)
	}
	return out
}

// yieldToLonger shortens the match m of n tokens at toks[i] when a longer
// form starts inside it and ends past it: in "the State Bank of Pakistan",
// "the state" (the government) yields to the name "State Bank of
// Pakistan", and "the" is read on its own. It returns the match to take at
// i, which may be none (n 0: read toks[i] as a word).
func (e *Engine) yieldToLonger(toks []token, i int, m *lexMatch, n, l, lang, other int) (*lexMatch, int, int) {
	if l == langUr {
		lang, other = langUr, langUr
	}
	for j := i + 1; j < i+n; j++ {
		_, nj, _ := e.v.longest(lang, toks, j)
		if lang != other {
			if _, n2, _ := e.v.longest(other, toks, j); n2 > nj {
				nj = n2
			}
		}
		if nj > n && j+nj > i+n {
			m2, n2, _ := e.v.longest(l, toks[:j], i)
			return m2, n2, l
		}
	}
	return m, n, l
}

// countsThings reports whether a kind of question asks for a quantity
// (money, a count, a share) of something its phrase may name: "kitne log"
// counts people, as "how many people" does. A kind that asks for an entity
// (a place, a name, a period) names only the type of the answer: "which
// countries" asks for places and is about none.
func countsThings(k *knowledge.Kind) bool {
	if len(k.Needs) == 0 {
		return false
	}
	for _, n := range k.Needs {
		switch n {
		case knowledge.StatesMoney, knowledge.StatesCount, knowledge.StatesPercent:
		default:
			return false
		}
	}
	return true
}

// conceptsWithin adds the concepts and figures written inside a phrase, in
// toks[from:to]: a kind's that counts things (see countsThings), or a
// form's gaps (see vocab.gapped).
func (e *Engine) conceptsWithin(toks []token, from, to, lang, other int, add func(Term)) {
	for j := from; j < to; {
		m, n, _ := e.v.longest(lang, toks[:to], j)
		if lang != langUr {
			// English words in a Roman Urdu phrase ("kitne call centers").
			if m2, n2, _ := e.v.longest(other, toks[:to], j); n2 > n {
				m, n = m2, n2
			}
		}
		if n == 0 {
			if t := &toks[j]; t.num {
				// "where is the 263 million from": the figure too.
				if w := e.word(t, j, lang); w.ID >= 0 {
					w.within = true
					add(w)
				}
			}
			j++
			continue
		}
		if !m.function && m.homonym == nil && m.term >= 0 && e.v.terms[m.term].kind == nil {
			add(Term{ID: m.term, Surface: joinRaw(toks[j : j+n]), Tok: j, Lang: langNames[lang], Corrected: anyCorrected(toks[j : j+n]), within: true})
		}
		j += n
	}
}

// tokenize is tokenize, cached while the index is built.
func (e *Engine) tokenize(text string) []token {
	if e.tokCache == nil {
		return tokenize(e.v.scan, text)
	}
	toks, ok := e.tokCache[text]
	if !ok {
		toks = tokenize(e.v.scan, text)
		e.tokCache[text] = toks
	}
	return slices.Clone(toks)
}

// relativePeriod returns the term of the latest period the facts cover, or
// of the one before it, or -1.
func (e *Engine) relativePeriod(which string) int32 {
	i := len(e.periods) - 1
	if which == "previous" {
		i--
	}
	if i < 0 {
		return -1
	}
	if id, ok := e.v.ids["p:"+e.periods[i]]; ok {
		return id
	}
	return -1
}

// known reports whether a Latin token means something as it is: it starts
// a lexicon form, is a word of the knowledge base, or is a fiscal year.
func (e *Engine) known(t *token) bool {
	for l := range langUr {
		n := e.v.tries[l]
		if n.next[t.key(l)] != nil || t.raw != t.lower && n.next[t.cased()] != nil {
			return true
		}
	}
	if _, ok := periodToken(t.raw); ok {
		return true
	}
	_, ok := e.v.ids["w:"+stem(t.lower)]
	return ok
}

// wordMeaning returns the term a known word means on its own (a concept,
// kind or name of one word, or a word of the knowledge base), or -1: for
// the speller, which must not choose between two words that mean different
// things.
func (e *Engine) wordMeaning(w string) int32 {
	for _, l := range []int{langEn, langRoman} {
		if m := e.v.lookupForm(l, w); m != nil {
			if m.function {
				return -1
			}
			return m.term
		}
	}
	if id, ok := e.v.ids["w:"+stem(w)]; ok {
		return id
	}
	return -1
}

// correctSpelling replaces each Latin word that means nothing as typed and
// is not an ordinary English word by the known word one edit away, before
// phrases are matched, so "artifical inteligence" still reads as one
// concept; a word that is none is read as two known words typed together
// ("howmany" is "how many"). It returns toks, grown by the words split.
func (e *Engine) correctSpelling(toks []token, lang int) []token {
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if t.urdu || t.num || len(t.lower) < 2 || e.known(t) || e.v.lex.IsEnglishWord(t.lower) || innerCapital(t.raw) {
			continue
		}
		if c, ok := e.sp.correct(t.lower); ok {
			if c != t.lower {
				t.typed = t.raw
				t.raw, t.lower, t.corrected = c, c, true
				t.keys, t.exactKey, t.caseKey = [numLangs]string{}, "", ""
			}
			continue
		}
		if a, b, ok := e.sp.split(t.lower); ok {
			second := token{raw: b, lower: b, typed: t.raw, corrected: true, joined: true, endQ: t.endQ}
			t.typed = t.raw
			t.raw, t.lower, t.corrected, t.endQ = a, a, true, false
			t.keys, t.exactKey, t.caseKey = [numLangs]string{}, "", ""
			toks = slices.Insert(toks, i+1, second)
			i++
		}
	}
	return toks
}

// innerCapital reports whether a word mixes cases after its first letter
// ("VoIP", "iPhone", "McKinsey"): a name or a term spelt so on purpose, not
// a misspelling to correct.
func innerCapital(w string) bool {
	upper, lower := false, false
	for i, r := range w {
		if i == 0 {
			continue
		}
		upper = upper || unicode.IsUpper(r)
		lower = lower || unicode.IsLower(r)
	}
	return upper && lower
}

// word reads one token no lexicon form covers: a fiscal year, a number or a
// word of the knowledge base, a misspelling of one, an ordinary English word
// (skipped), or an unknown word.
func (e *Engine) word(t *token, i, lang int) Term {
	if p, ok := periodToken(t.raw); ok {
		if id, ok := e.v.ids["p:"+p]; ok {
			return Term{ID: id, Surface: p, Tok: i}
		}
		// A fiscal year no fact covers: it blocks every entry.
		return Term{ID: -1, Surface: p, Class: knowledge.ClassPeriod, Period: p, Tok: i, Weight: e.ix.maxWeight}
	}
	if t.num {
		if id, ok := e.v.ids["w:"+t.lower]; ok {
			return Term{ID: id, Surface: t.raw, Tok: i, number: true}
		}
		if alphanumeric(t.lower) {
			// "5G", "3D": a word no entry has, as any other (the number
			// scanner has read the figures with units: "5m", "10k").
			return Term{ID: -1, Surface: t.raw, Tok: i, Unknown: true, Weight: e.ix.maxWeight}
		}
		return Term{ID: -1}
	}
	if t.urdu {
		if id, ok := e.v.ids["w:"+t.lower]; ok {
			return Term{ID: id, Surface: t.raw, Tok: i}
		}
		return Term{ID: -1, Surface: t.raw, Tok: i, Unknown: true, Weight: e.ix.maxWeight * unknownUrduShare}
	}
	if id, ok := e.v.ids["w:"+stem(t.lower)]; ok {
		return Term{ID: id, Surface: t.raw, Tok: i}
	}
	ordinary := e.v.lex.IsEnglishWord(t.lower)
	if am := americanSpelling(t.lower); !ordinary && am != t.lower {
		// "organisationally", "characterise": English, spelt British.
		ordinary = e.v.lex.IsEnglishWord(am) || strings.HasSuffix(am, "ly") && e.v.lex.IsEnglishWord(strings.TrimSuffix(am, "ly"))
	}
	if len(t.lower) <= 2 {
		return Term{ID: -1}
	}
	// A word in no entry weighs what the rarest term weighs. It blocks as an
	// unknown name unless it is an ordinary English word or one typo away
	// from one ("recieve").
	// In a Roman Urdu message an unknown lowercase word is more likely Urdu
	// the lexicon lacks than a name.
	name := len(t.lower) >= 4 && isASCIILetters(t.lower) && (lang == langEn || t.raw != t.lower) &&
		!ordinary && !e.nearEnglishWord(t.lower)
	return Term{ID: -1, Surface: t.raw, Tok: i, Unknown: true, Name: name, Weight: e.ix.maxWeight}
}

// alphanumeric reports whether s, which starts with a digit, goes on with
// a letter after its digits, not as an ordinal ("1st", "3rd", "24th").
func alphanumeric(s string) bool {
	i := 0
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	if i == len(s) || !isLetter(s[i]) {
		return false
	}
	switch s[i:] {
	case "st", "nd", "rd", "th":
		return false
	}
	return true
}

// resolveHomonym picks a homonym's meaning from the other words of the
// question.
func (e *Engine) resolveHomonym(h *homonymRule, lang int, toks []token) int32 {
	for i := range toks {
		if id, ok := h.context[toks[i].key(lang)]; ok {
			return id
		}
	}
	return h.def
}

// joinRaw returns the tokens as the user typed them ("India's" is one word,
// not "India s").
func joinRaw(toks []token) string {
	var b strings.Builder
	for i := range toks {
		if toks[i].joined && i > 0 {
			continue // the first half wrote the word as typed
		}
		w := toks[i].raw
		if toks[i].typed != "" {
			w = toks[i].typed
		}
		switch {
		case i == 0:
		case w == "s" || w == "S":
			b.WriteString("'")
		default:
			b.WriteString(" ")
		}
		b.WriteString(w)
	}
	return b.String()
}

func anyCorrected(toks []token) bool {
	for i := range toks {
		if toks[i].corrected {
			return true
		}
	}
	return false
}

// nearEnglishWord reports whether w is one edit (a deletion, insertion,
// substitution or swap of neighbours) from a common English word.
func (e *Engine) nearEnglishWord(w string) bool {
	is := e.v.lex.IsEnglishWordBytes
	var buf [48]byte
	if len(w)+1 > len(buf) {
		return false
	}
	// One letter deleted, or two neighbours swapped.
	for i := range len(w) {
		d := append(append(buf[:0], w[:i]...), w[i+1:]...)
		if is(d) {
			return true
		}
		if i+1 < len(w) && w[i] != w[i+1] {
			t := append(buf[:0], w...)
			t[i], t[i+1] = t[i+1], t[i]
			if is(t) {
				return true
			}
		}
	}
	// One letter changed.
	b := append(buf[:0], w...)
	for i := range b {
		orig := b[i]
		for c := byte('a'); c <= 'z'; c++ {
			if c != orig {
				b[i] = c
				if is(b) {
					return true
				}
			}
		}
		b[i] = orig
	}
	// One letter inserted.
	ins := buf[:len(w)+1]
	for i := 0; i <= len(w); i++ {
		copy(ins, w[:i])
		copy(ins[i+1:], w[i:])
		for c := byte('a'); c <= 'z'; c++ {
			ins[i] = c
			if is(ins) {
				return true
			}
		}
	}
	return false
}

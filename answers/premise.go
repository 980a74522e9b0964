package answers

import (
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/bpobot/bpobot/internal/fold"
	"github.com/bpobot/bpobot/knowledge"
)

// A stated figure: a sum in millions (with "$" or "million"), a percentage,
// or a plain count.
type statedFigure struct {
	kind   byte    // 'm' millions, '%' a percentage, 'n' a count
	value  float64 // in millions for 'm'
	text   string  // as written
	bound  byte    // how the question bounds it: '>' over, '<' under, '~' about, 'r' the rest of, 'q' a point of reference; 0 exactly
	dollar bool    // written with "$" or "dollars": money, never a count
	at     int     // where it starts in the text it was read from
}

// minHeadcount is the least plain number read as the same kind of figure as
// one the facts write in millions ("500,000 people" and "over a million"):
// a smaller one ("328") is more likely a figure of other units.
const minHeadcount = 10000

// comparable returns the values of a and g on one scale, and whether they
// can be compared: the same kind, or a count and millions not written as
// money ("500,000 people" and "over a million people").
func comparable(a, g statedFigure) (av, gv float64, ok bool) {
	switch {
	case a.kind == 'm' && g.kind == 'm' && a.dollar && !g.dollar:
		// The facts write money with "$": a million they write without
		// it is a headcount ("over a million people"), not a sum.
		return 0, 0, false
	case a.kind == g.kind:
		return a.value, g.value, true
	case a.kind == 'n' && g.kind == 'm' && !g.dollar && a.value >= minHeadcount:
		return a.value, g.value * 1e6, true
	case a.kind == 'm' && !a.dollar && g.kind == 'n' && g.value >= minHeadcount:
		return a.value * 1e6, g.value, true
	}
	return 0, 0, false
}

// within reports whether the asked figure a is borne out by a fact's
// figure g, which the fact itself may bound ("over a million people"): a
// value on the bound's side, short of twice (or half) its figure. A fact's
// "about" or "nearly" is read as exact.
func (a statedFigure) within(g statedFigure) bool {
	av, gv, ok := comparable(a, g)
	if !ok {
		return false
	}
	switch {
	case a.bound != 0:
		scale := 1.0 // g on a's scale
		if av != a.value {
			scale = av / a.value
		}
		return a.agrees(statedFigure{kind: a.kind, value: gv / scale})
	case g.bound == '>':
		// "Over a million" is not how 2 million is written: a bound in
		// the facts reaches up to twice its figure, not beyond.
		return av >= gv && av < 2*gv
	case g.bound == '<':
		return av <= gv && av > gv/2
	case a.kind == '%' && g.kind == '%':
		// A share's rounding: $263 million to $328 million is 24.7% worked
		// out, 24.6% as the article gives it; neither corrects the other.
		return math.Abs(av-gv) <= 0.1+1e-9
	}
	return av == gv
}

// shown is how a fact's figure is named in a correction: with the fact's
// own bound ("over 1 million").
func (g statedFigure) shown(bs *bounds) string {
	if w := bs.word(g.bound); w != "" && (g.bound == '>' || g.bound == '<') {
		return w + " " + g.text
	}
	return g.text
}

// aboutPoints is how many percentage points "about", "nearly" or "around"
// a share allows: "around 88%" agrees with "nearly 90%"; "nearly 80%" does
// not.
const aboutPoints = 5

// agrees reports whether the given figure g bears out the asked figure a:
// equal, or within a's bound ("over $300 million" and $328 million).
func (a statedFigure) agrees(g statedFigure) bool {
	switch a.bound {
	case '>':
		return g.value >= a.value
	case '<':
		return g.value <= a.value
	case '~':
		if a.kind == '%' {
			// A share is about another within a few points, not within
			// 15% of itself: "nearly 80%" is not "nearly 90%".
			return math.Abs(g.value-a.value) <= aboutPoints
		}
		return math.Abs(g.value-a.value) <= 0.15*a.value
	case 'r':
		// The rest of a share: "the remaining 10 percent" of "nearly 90%".
		// Of a count or a sum, "the other 500" is a figure as stated.
		if a.kind != '%' {
			return g.value == a.value
		}
		return g.kind == '%' && math.Abs(100-g.value-a.value) <= 0.15*a.value
	}
	return g.value == a.value
}

// differenceOf reports whether a is the difference between two figures of
// its kind the facts give, as its bound allows: a rise from $263 million to
// $328 million is one of $65 million.
func differenceOf(a statedFigure, given []statedFigure) bool {
	for i, g := range given {
		for _, h := range given[i+1:] {
			if g.kind != a.kind || h.kind != a.kind || g.value == h.value {
				continue
			}
			d := statedFigure{kind: a.kind, value: math.Abs(g.value - h.value)}
			if a.agrees(d) {
				return true
			}
		}
	}
	return false
}

// sumOf reports whether a count a is the sum of two counts the facts give,
// as its bound allows: over 1,000 registered call centers and 500 more
// are 1,500 ("are there more than 1500 call centers?" is not contradicted).
// Sums of money or shares are never read: FY24's and FY25's earnings added
// are no figure of the sources.
func sumOf(a statedFigure, given []statedFigure) bool {
	if a.kind != 'n' {
		return false
	}
	for i, g := range given {
		for _, h := range given[i+1:] {
			if g.kind == 'n' && h.kind == 'n' && a.agrees(statedFigure{kind: 'n', value: g.value + h.value}) {
				return true
			}
		}
	}
	return false
}

// bounds finds the lexicon's words that bound a figure (Settings.Bounds).
type bounds struct {
	before, after []string        // the words said before and after a figure, the longest first
	kind          map[string]byte // a word, lowercased: '>', '<', '~' or 'r'
	first         map[byte]string // the first word listed before a figure, by kind
}

// newBounds reads the lexicon's bound words.
func newBounds(b knowledge.Bounds) *bounds {
	bs := &bounds{kind: map[string]byte{}, first: map[byte]string{}}
	for _, k := range []struct {
		kind byte
		b    knowledge.Bound
	}{{'>', b.Over}, {'<', b.Under}, {'~', b.About}, {'r', b.Rest}, {'q', b.Reference}} {
		for _, w := range k.b.Before {
			if _, ok := bs.first[k.kind]; !ok {
				bs.first[k.kind] = w
			}
			bs.kind[strings.ToLower(w)] = k.kind
			bs.before = append(bs.before, w)
		}
		for _, w := range k.b.After {
			bs.kind[strings.ToLower(w)] = k.kind
			bs.after = append(bs.after, w)
		}
	}
	longestFirst := func(a, b string) int { return len(b) - len(a) }
	slices.SortStableFunc(bs.before, longestFirst)
	slices.SortStableFunc(bs.after, longestFirst)
	return bs
}

// word returns the first word the lexicon lists before a figure for the
// bound kind ("over" for '>'), or "".
func (bs *bounds) word(kind byte) string {
	if bs == nil {
		return ""
	}
	return bs.first[kind]
}

// of returns the bound the words around a figure give it: '>' over, '<'
// under, '~' about, or 0. A word bounds the figure when it ends the text
// before it, or opens the text after it, as a whole word (the longest
// that does), maybe with white space between.
func (bs *bounds) of(before, after string) byte {
	if bs == nil {
		return 0
	}
	const space = " \t\n\f\r"
	before = strings.TrimRight(before, space)
	for _, w := range bs.before {
		if n := len(before) - len(w); n >= 0 && strings.EqualFold(before[n:], w) {
			if r, _ := utf8.DecodeLastRuneInString(before[:n]); n == 0 || !unicode.IsLetter(r) {
				return bs.kind[strings.ToLower(w)]
			}
		}
	}
	after = strings.TrimLeft(after, space)
	for _, w := range bs.after {
		if len(after) >= len(w) && strings.EqualFold(after[:len(w)], w) {
			if r, _ := utf8.DecodeRuneInString(after[len(w):]); len(after) == len(w) || !unicode.IsLetter(r) {
				return bs.kind[strings.ToLower(w)]
			}
		}
	}
	return 0
}

// statedRE finds figures as the facts write them, and the number scanner
// writes a question's: "$328 million", "400 million", "24.6%", "30
// percent", "1,000", "5000".
var statedRE = regexp.MustCompile(`(?i)(\$\s?)?\b(\d[\d,]*(?:\.\d+)?)\s?(%|percent\b|million\b|billion\b)?`)

// aMillionRE finds "a million", "a billion": one of them.
var aMillionRE = regexp.MustCompile(`(?i)\ba (million|billion)\b`)

// statedFigures returns the figures in text, bounded by the words around
// them (bs may be nil: a fact's figures are exact). A plain number under
// 100 without a comma ("top 5", "24/7") and a year are not figures.
func statedFigures(text string, bs *bounds) []statedFigure {
	var out []statedFigure
	if strings.IndexAny(text, "0123456789") < 0 && !strings.Contains(text, "illion") {
		return nil // most questions state no figure: no expression is run
	}
	if strings.Contains(text, "illion") {
		text = aMillionRE.ReplaceAllString(text, "1 $1")
	}
	for _, ix := range statedRE.FindAllStringSubmatchIndex(text, -1) {
		m := make([]string, 4)
		for i := range m {
			if ix[2*i] >= 0 {
				m[i] = text[ix[2*i]:ix[2*i+1]]
			}
		}
		dollar, num, unit := m[1] != "", strings.TrimRight(m[2], ","), strings.ToLower(m[3])
		if num != m[2] && unit != "" {
			continue // "7, m..." is a number and the next word
		}
		v, err := strconv.ParseFloat(strings.ReplaceAll(num, ",", ""), 64)
		if err != nil {
			continue
		}
		f := statedFigure{text: strings.TrimSpace(m[0]), bound: bs.of(text[:ix[0]], text[ix[1]:]), dollar: dollar, at: ix[0]}
		switch unit {
		case "%", "percent":
			f.kind = '%'
		case "million":
			f.kind, f.value = 'm', v
			f.dollar = f.dollar || dollarsAfter(text[ix[1]:])
		case "billion":
			f.kind, f.value = 'm', v*1000
			f.dollar = f.dollar || dollarsAfter(text[ix[1]:])
		default:
			if dollar {
				f.kind, f.value = 'm', v/1e6
				break
			}
			if v < 100 && !strings.Contains(num, ",") || !strings.Contains(num, ",") && v >= 1900 && v <= 2100 && math.Mod(v, 100) != 0 {
				continue // a small number, or a year (a round hundred is a count, as bareYear reads it)
			}
			f.kind = 'n'
		}
		if f.kind != 'm' {
			f.value = v
		}
		out = append(out, f)
	}
	return out
}

// dollarsAfter reports whether the text after a figure names dollars
// ("400 million dollars").
func dollarsAfter(rest string) bool {
	rest = strings.ToLower(strings.TrimLeft(rest, " "))
	return strings.HasPrefix(rest, "dollar") || strings.HasPrefix(rest, "usd")
}

// notePremise says so when the question states a figure the answer's facts
// contradict: "why did earnings reach $400 million?" is answered with
// $328 million and "You mentioned $400 million; my sources give $328
// million." It uses the lexicon's optional premise message.
func (e *Engine) notePremise(r *Reply, question, s string, number, checks bool) {
	msg := e.msg("premise")
	if msg == "" || !number {
		return
	}
	// The facts shown; or, for a question asked back ("did you mean"),
	// those of the nearest entry: "Given the 34.6% growth, is the sector
	// healthy?" is told the growth was 24.6% before it is asked back.
	facts, ok := r.factsChecked()
	switch {
	case ok:
	case r.Reason == DeclineUnsupported && r.blockedNever && r.Nearest != nil:
		// "Since the industry employs 10 million people, what's revenue
		// per employee?": no averages, and not 10 million either. (Not
		// for a year or a forecast the sources lack: "$400 million in
		// FY26?" is no mistake about FY25; nor when the nearest entry
		// lacks a metric others have: its figures are of something
		// else, "the 1 million employees" no mistake about $328 million.)
		facts = r.Nearest.Facts
	default:
		return
	}
	// As scanned: "500 ملین" is 500 million, "$400m" $400 million, "2,000"
	// the count 2000.
	// Each is shown as typed when it was typed as the facts write it.
	scanned := s
	if scanned == "" {
		scanned = e.v.scan.scan(fold.Letters(question))
	}
	asked := statedFigures(scanned, e.bounds)
	typed := statedFigures(question, nil)
	for i, a := range asked {
		if j := slices.IndexFunc(typed, func(t statedFigure) bool { return t.kind == a.kind && t.value == a.value }); j >= 0 {
			asked[i].text = typed[j].text
		}
	}
	if !ok && r.Unsupported != "" {
		// "call centers pay 50k salary, right?": a figure in the clause
		// that names what the sources never give is a figure of that, no
		// mistake about anything they do give.
		asked = slices.DeleteFunc(asked, func(a statedFigure) bool {
			return strings.Contains(strings.ToLower(e.clauseAt(scanned, a.at)), strings.ToLower(r.Unsupported))
		})
	}
	if len(asked) == 0 {
		return
	}
	// A fact's figures, as the facts bound them ("more than 1,000", "over a
	// million"); a bound is not read where the facts also give its figure
	// exactly ("over $328 million" beside "$328 million").
	var given []statedFigure
	var givenFact []string // the fact each of given is from
	figs := e.factFigures()
	for _, id := range facts {
		if f := e.kb.Fact(id); f != nil {
			if src := e.kb.Source(f.Source); src != nil && src.Editorial {
				continue // our own arithmetic ($65 million) is no figure the sources give
			}
		}
		given = append(given, figs[id]...)
		for range figs[id] {
			givenFact = append(givenFact, id)
		}
	}
	for i, g := range given {
		if g.bound != 0 && slices.ContainsFunc(given, func(h statedFigure) bool { return h.bound == 0 && h.kind == g.kind && h.value == g.value }) {
			given[i].bound = 0
		}
	}
	if e.wrongYear(r, scanned, asked) {
		return
	}
	rest := e.asksRest(question) // "10% serve local clients?": the rest of nearly 90%
	rounding := ""               // a share the facts give a tenth of a point away: the shown figure
	var confirmed []string       // the facts' figures that bear out every figure asked, as shown
	roughly := false             // one of them only within the asked figure's bound ("around 25%")
	claims := 0                  // figures asked that are claims, not references
	for _, a := range asked {
		if a.bound == 'q' && e.statedAnywhere(a) {
			continue // "the previous year's figure, before the $328m?": a reference, not a claim
		}
		if a.bound != 'r' {
			claims++ // "the other 10 percent": a share worked out, not a claim to confirm
		}
		var same []string
		skip := e.otherMeasures(question, a, given, givenFact) // "earning 500 million?": not the million people
		agrees := differenceOf(a, given) || sumOf(a, given)    // "did exports grow by $65 million?": 328 - 263
		if rest && a.kind == '%' && a.bound != 'r' {
			b := a
			b.value, b.bound = 100-a.value, 0
			agrees = agrees || slices.ContainsFunc(given, func(g statedFigure) bool { _, _, ok := comparable(b, g); return ok && b.within(g) })
		}
		for i, g := range given {
			if _, _, ok := comparable(a, g); !ok || skip != nil && skip[i] {
				continue
			}
			if a.within(g) {
				agrees = true
				// "1.5 million people?" is within "over a million" but
				// not borne out by it; "the other 10 percent" is worked
				// out, not claimed.
				if !(a.bound == 0 && (g.bound == '>' || g.bound == '<') || a.bound == 'r') {
					t := g.shown(e.bounds)
					if w := e.bounds.word(g.bound); g.bound == '~' && w != "" {
						t = w + " " + g.text // "nearly 90%"
					}
					if !containsString(confirmed, t) {
						confirmed = append(confirmed, t)
					}
					// "about $330 million" is $328 million only roughly;
					// "over $300 million" is borne out by it.
					av, gv, _ := comparable(a, g)
					roughly = roughly || av != gv && (a.bound == 0 || a.bound == '~')
				}
				if a.kind == '%' && g.kind == '%' && a.bound == 0 && g.bound == 0 && a.value != g.value && math.Abs(a.value-g.value) <= 0.1+1e-9 && rounding == "" && e.msg("premise_rounding") != "" {
					rounding = strings.NewReplacer("{asked}", e.figureWords(a.text), "{given}", e.figureWords(g.shown(e.bounds))).Replace(e.msg("premise_rounding"))
				}
			}
			if t := g.shown(e.bounds); !containsString(same, t) {
				same = append(same, t)
			}
		}
		// A figure some fact states is no mistake of the asker's unless a
		// year makes it one ("$263 million in FY25"): "did exports grow by
		// $65 million?" answered with FY25's earnings is not told "my
		// sources give $328 million".
		if len(same) > 0 && !agrees && !(e.quotesFigure(scanned, a) && e.statedAnywhere(a)) && !(e.statedExactly(a) && (e.periodStating(a) == "" || len(periodsIn(scanned)) == 0)) {
			for i := range same {
				same[i] = e.figureWords(same[i])
			}
			a.text = e.figureWords(a.text)
			r.Premise = strings.NewReplacer("{asked}", a.text, "{given}", e.list(same)).Replace(msg)
			if p := e.periodStating(a); r.Answered && p != "" && len(r.Periods()) > 0 && !slices.Contains(r.Periods(), p) && e.msg("premise_period") != "" {
				// "Since call centers earned $328 million in FY24...": the
				// figure is right, of another year.
				r.Premise = strings.NewReplacer("{asked}", a.text, "{period}", p, "{given}", e.list(same),
					"{term}", strings.Join(r.Periods(), " "+e.tr.Label("and")+" ")).Replace(e.msg("premise_period"))
			}
			return
		}
	}
	if rounding != "" && r.Premise == "" {
		// "Is 24.6% right? I get 24.7% from 328 and 263": both are the
		// same growth, rounded; said, not corrected.
		r.Premise = rounding
	}
	if r.Premise == "" && r.Answered {
		e.figureOfOther(r, scanned, asked, given)
	}
	if key := "premise_confirmed"; r.Premise == "" && r.Answered && checks && claims > 0 && len(confirmed) >= claims {
		// "exports grew 24.6% right?": yes, said first, as a mistake
		// would be; "around 25 percent?" roughly so. (Not a difference
		// or a sum worked out from two figures: no one figure says it.)
		if roughly {
			key = "premise_roughly"
		}
		if msg := e.msg(key); msg != "" {
			for i := range confirmed {
				confirmed[i] = e.figureWords(confirmed[i])
			}
			r.Premise = strings.ReplaceAll(msg, "{given}", e.list(confirmed))
		}
	}
}

// otherMeasures marks the figures of given (from the facts givenFact) that
// measure something else than the figure a asks about, when a is millions
// not written as money and given has millions both of money and not ("were
// call centers earning 500 million?": the sums, not "over a million
// people"): those whose facts name fewer of the question's words that set
// the facts apart (in some of them, not all), by their weight, than the
// ones that name the most. Nil when nothing is to be left out.
func (e *Engine) otherMeasures(question string, a statedFigure, given []statedFigure, givenFact []string) []bool {
	if a.kind != 'm' || a.dollar {
		return nil
	}
	money, other := false, false
	for _, g := range given {
		if _, _, ok := comparable(a, g); ok {
			money, other = money || g.dollar, other || !g.dollar
		}
	}
	if !money || !other {
		return nil
	}
	var words []int32
	weight := map[int32]float64{}
	for _, t := range e.Analyze(question).Terms {
		if t.ID >= 0 && t.content() && !t.number {
			words = append(words, t.ID)
			weight[t.ID] = t.Weight
		}
	}
	named := map[string][]int32{} // the question's words each fact names
	for i, g := range given {
		if _, _, ok := comparable(a, g); !ok {
			continue
		}
		if _, done := named[givenFact[i]]; !done {
			ids := e.factTerms()[givenFact[i]]
			named[givenFact[i]] = slices.DeleteFunc(slices.Clone(words), func(w int32) bool { return !slices.Contains(ids, w) })
		}
	}
	count := map[string]float64{} // the weight of the words some facts name and others not
	best := 0.0
	for id, has := range named {
		for _, w := range has {
			all := true
			for _, other := range named {
				all = all && slices.Contains(other, w)
			}
			if !all {
				count[id] += weight[w]
			}
		}
		best = max(best, count[id])
	}
	if best == 0 {
		return nil
	}
	skip := make([]bool, len(given))
	for i := range given {
		if _, ok := named[givenFact[i]]; ok {
			skip[i] = count[givenFact[i]] < best
		}
	}
	return skip
}

// asksRest reports whether the question names a concept that is the rest
// of another's share (knowledge.Concept.RestOf: local clients) and not that
// other (overseas clients).
func (e *Engine) asksRest(question string) bool {
	terms := e.Analyze(question).Terms
	concept := func(t Term) *knowledge.Concept {
		if t.ID < 0 || t.Kind != nil {
			return nil
		}
		return e.v.terms[t.ID].concept
	}
	has := func(id string) bool {
		return slices.ContainsFunc(terms, func(t Term) bool { c := concept(t); return c != nil && c.ID == id })
	}
	return slices.ContainsFunc(terms, func(t Term) bool { c := concept(t); return c != nil && c.RestOf != "" && !has(c.RestOf) })
}

// figureOfOther notes a figure the question puts on something the answer
// gives no figure of its kind for, when another entry's facts state it:
// "Nearly 90% of call centers are registered with PSEB?" is told that in
// the sources 90% is the share of work for overseas clients (the lexicon's
// optional premise_other message, with that entry's question).
func (e *Engine) figureOfOther(r *Reply, scanned string, asked, given []statedFigure) {
	msg := e.msg("premise_other")
	if msg == "" {
		return
	}
	for _, a := range asked {
		if a.bound == 'q' || a.bound == 'r' || e.quotesFigure(scanned, a) || slices.ContainsFunc(given, func(g statedFigure) bool { return g.kind == a.kind }) {
			continue
		}
		exact := a
		exact.bound = 0 // "nearly 90%" names the facts' 90%
		best := e.entryStating([]statedFigure{exact})
		if best == nil || slices.ContainsFunc(r.Parts, func(p Part) bool { return p.Entry == best.entry }) {
			continue
		}
		r.Premise = strings.NewReplacer("{asked}", e.figureWords(a.text), "{question}", e.tr.Question(best.entry)).Replace(msg)
		return
	}
}

// wrongYear notes a figure the facts state for one year that the question
// puts in another it names: "since call centers earned $263 million in
// FY25, what was the growth?" is told $263 million is FY24's, and FY25's
// figure, even when the answer (the growth from $263 million to $328
// million) states both. It reports whether it noted one.
func (e *Engine) wrongYear(r *Reply, scanned string, asked []statedFigure) bool {
	msg := e.msg("premise_period")
	if msg == "" || !r.Answered {
		return false
	}
	all := periodsIn(scanned)
	for _, a := range asked {
		// The year the question puts the figure in: the one it names, or,
		// naming several, the one right after the figure in its clause
		// ("$328 million in FY24, how much in FY25?").
		named := all
		if len(all) > 1 {
			named = periodsIn(e.clauseAt(scanned, a.at))
		}
		if len(named) != 1 || !slices.ContainsFunc(r.Periods(), func(p string) bool { return strings.Contains(p, named[0]) }) {
			continue // "how much in FY25, was it $263 million?" answered with FY24 is no place to say so
		}
		p := e.periodStating(a)
		if a.bound != 0 || p == "" || p == named[0] {
			continue
		}
		var given []string
		for _, f := range e.kb.Facts {
			if f.Period != named[0] {
				continue
			}
			if src := e.kb.Source(f.Source); src != nil && src.Editorial {
				continue
			}
			for _, g := range e.factFigures()[f.ID] {
				if g.kind == a.kind && g.bound == 0 && !containsString(given, g.shown(e.bounds)) {
					given = append(given, g.shown(e.bounds))
				}
			}
		}
		if len(given) != 1 {
			continue
		}
		r.Premise = strings.NewReplacer("{asked}", e.figureWords(a.text), "{period}", p, "{given}", e.figureWords(given[0]),
			"{term}", named[0]).Replace(msg)
		return true
	}
	return false
}

// figureOfUncoveredPeriod returns, for a question that puts a figure the
// facts state for one period in a period no fact covers ("the SBP reported
// $263 million for FY23"), the entry stating it and a premise saying which
// period it is for and that the sources have nothing for the one asked (the
// lexicon's optional premise_period_uncovered message). Otherwise nil.
func (e *Engine) figureOfUncoveredPeriod(a *Analysis, period *Term) (*match, string) {
	msg := e.msg("premise_period_uncovered")
	if msg == "" {
		return nil, ""
	}
	for _, f := range statedFigures(e.scannedText(a), e.bounds) {
		if f.bound != 0 {
			continue
		}
		p := e.periodStating(f)
		if p == "" || p == period.Period || slices.ContainsFunc(a.Terms, func(t Term) bool { return t.Period == p }) {
			continue // "in 2025 the earnings were 328 million, what about 2023?" puts it in its year
		}
		ei := e.entryStating([]statedFigure{f})
		if ei == nil {
			continue
		}
		premise := strings.NewReplacer("{asked}", e.figureWords(f.text), "{period}", p, "{term}", e.asTyped(a.Text, period).Surface,
			"{periods}", e.list(e.periods)).Replace(msg)
		return &match{ei: ei, score: 1, coverage: 1, phrasing: 1, content: true}, premise
	}
	return nil, ""
}

// clauseAt returns the clause of text around byte offset at: from the last
// punctuation mark or joining word ("and", "aur", "اور") before it to the
// next one after it. ("FY24 mein 263 million aur FY25 mein 328 million"
// has two clauses, each a year and its figure.)
func (e *Engine) clauseAt(text string, at int) string {
	if at < 0 || at > len(text) {
		return ""
	}
	start, pos := 0, 0
	for _, w := range strings.Fields(text) {
		i := pos + strings.Index(text[pos:], w)
		pos = i + len(w)
		marked := strings.ContainsAny(w[len(w)-1:], ",.?;") // a mark after the word, not "24.6%"'s point
		if !marked && !e.isJoiner(strings.ToLower(w)) {
			continue
		}
		switch {
		case pos <= at:
			start = pos // a stop before the figure
		case marked && i >= at:
			return text[start:pos] // "in FY24," ends the clause, its year kept
		case i >= at:
			return text[start:i] // "... aur": the joining word is the next clause's
		}
	}
	return text[start:]
}

// isJoiner reports whether w is one of the lexicon's words that join two
// questions, in any language.
func (e *Engine) isJoiner(w string) bool {
	for l := range numLangs {
		if e.joiners[l][wordKey(l, w)] {
			return true
		}
	}
	return false
}

// periodsIn returns the fiscal years a scanned text names, once each.
func periodsIn(scanned string) []string {
	var named []string
	for _, w := range strings.Fields(scanned) {
		if isPeriodToken(w) && !slices.Contains(named, w) {
			named = append(named, w)
		}
	}
	return named
}

// factsChecked returns the ids of the facts a premise is checked against:
// those shown, or, for a question asked back ("did you mean"), those of the
// nearest entry; ok is false for any other reply.
func (r *Reply) factsChecked() (facts []string, ok bool) {
	switch {
	case r.Answered:
		for _, f := range r.Facts {
			facts = append(facts, f.Fact.ID)
		}
		return facts, true
	case r.Reason == DeclineUnsure && r.Nearest != nil:
		return r.Nearest.Facts, true
	}
	return nil, false
}

// quotesFigure reports whether the question quotes figure a rather than
// claims it: a word before it points back ("that 90 percent") or a word
// after it points at an item ("the 90% figure", "90% wala", the lexicon's
// ordinal_pointers).
func (e *Engine) quotesFigure(scanned string, a statedFigure) bool {
	if e.pointedAt(scanned[:a.at]) {
		return true
	}
	rest := scanned[a.at:]
	if i := strings.Index(rest, a.text); i >= 0 {
		rest = rest[i+len(a.text):]
	}
	f := strings.Fields(rest)
	return len(f) > 0 && e.pointers[strings.ToLower(strings.Trim(f[0], ".,?!\"'”’)"))]
}

// pointedAt reports whether the text before a figure ends with a word that
// points back at something said ("that 90 percent", "ye 90 percent"): the
// asker quotes a figure, and another answer's figure does not contradict it.
func (e *Engine) pointedAt(before string) bool {
	f := strings.Fields(before)
	if len(f) == 0 {
		return false
	}
	w := strings.ToLower(strings.TrimLeft(f[len(f)-1], "\"'“‘("))
	for l := range numLangs {
		if e.thingRefs[l][wordKey(l, w)] {
			return true
		}
	}
	return false
}

// statedAnywhere reports whether some fact of the knowledge base states
// figure a: "is that 90 percent by revenue?" quotes the sources' share of
// overseas work, and an answer about growth must not call it wrong.
// periodStating returns the year the facts state figure a exactly for,
// when all that state it for one year give the same; else "". (A change
// over two years, "from $263 million to $328 million", does not count.)
func (e *Engine) periodStating(a statedFigure) string {
	period := ""
	for _, f := range e.kb.Facts {
		if !slices.ContainsFunc(e.factFigures()[f.ID], func(g statedFigure) bool { return g.kind == a.kind && g.value == a.value && g.bound == 0 }) {
			continue
		}
		switch {
		case strings.Contains(f.Period, "–"):
			continue // a change from one year to the next states both years' figures
		case f.Period == "" || period != "" && period != f.Period:
			return ""
		}
		period = f.Period
	}
	return period
}

// figureWords returns a figure as the reply's language words it: "$263
// million" is "$263 ملین" in Urdu.
func (e *Engine) figureWords(s string) string {
	if e.tr == nil {
		return s
	}
	if w := e.bounds.word('>'); w != "" && strings.HasPrefix(s, w+" ") {
		// "over 1 million" is "1 ملین سے زیادہ"
		s = strings.ReplaceAll(e.tr.Label("over"), "{n}", strings.TrimPrefix(s, w+" "))
	}
	return strings.NewReplacer(" million", " "+e.tr.Label("million"), " billion", " "+e.tr.Label("billion"), " percent", " "+e.tr.Label("percent")).Replace(s)
}

// statedExactly reports whether some fact states a's figure as it is, not
// as a bound ("$65 million", not "over $328 million" for $400 million).
func (e *Engine) statedExactly(a statedFigure) bool {
	for _, fs := range e.factFigures() {
		if slices.ContainsFunc(fs, func(g statedFigure) bool { return g.kind == a.kind && g.value == a.value && g.bound == 0 }) {
			return true
		}
	}
	return false
}

func (e *Engine) statedAnywhere(a statedFigure) bool {
	for _, fs := range e.factFigures() {
		if slices.ContainsFunc(fs, a.within) {
			return true
		}
	}
	return false
}

// readFactFigures returns a function that reads the figures of every fact
// the first time it is called (most questions state no figure), and
// returns them by fact id.
func (e *Engine) readFactFigures() func() map[string][]statedFigure {
	return sync.OnceValue(func() map[string][]statedFigure {
		out := make(map[string][]statedFigure, len(e.kb.Facts))
		for _, f := range e.kb.Facts {
			out[f.ID] = statedFigures(f.Text, e.bounds)
		}
		return out
	})
}

// indexDown collects the forms that say a change went down (a concept's
// `down:` forms), by language and words, for noteDirection.
func (e *Engine) indexDown() {
	e.down, e.downGapped = map[string]bool{}, nil
	for _, c := range e.v.lex.Concepts {
		for l := range numLangs {
			for _, f := range c.Down.Of(langNames[l]) {
				if !strings.Contains(f, "*") {
					e.down[e.downKey(l, f)] = true
					continue
				}
				// "kam * hui": the language, each word's key, and "*" for
				// any one word.
				form := []string{strconv.Itoa(l)}
				for _, w := range strings.Fields(f) {
					if w != "*" {
						w = strings.TrimPrefix(e.downKey(l, w), strconv.Itoa(l)+"\x00")
					}
					form = append(form, w)
				}
				e.downGapped = append(e.downGapped, form)
			}
		}
	}
}

// downKey is how a form and a question's words are compared: each word by
// its language's key (an English word by its stem: "fell", "falling").
func (e *Engine) downKey(lang int, text string) string {
	var b strings.Builder
	b.WriteString(strconv.Itoa(lang))
	for _, t := range tokenize(e.v.scan, text) {
		b.WriteString("\x00" + wordKey(lang, t.lower))
	}
	return b.String()
}

// isDown reports whether the words a term was read from, in its language,
// are a form that says a change went down; a form's "*" stands for any one
// word ("kam * hui": "kam kyu hui").
func (e *Engine) isDown(lang int, surface string) bool {
	key := e.downKey(lang, surface)
	if e.down[key] {
		return true
	}
	if len(e.downGapped) == 0 {
		return false
	}
	words := strings.Split(key, "\x00")
	for _, form := range e.downGapped {
		if len(form) != len(words) {
			continue
		}
		same := true
		for i := range form {
			if form[i] != "*" && form[i] != words[i] {
				same = false
				break
			}
		}
		if same {
			return true
		}
	}
	return false
}

// noteDirection says so when the question says a change went down and the
// answer's facts give it as a rise: "why did earnings fall in FY25?" is
// answered with the 24.6% growth, after "My sources report a rise, not a
// fall." It uses the lexicon's optional premise_rise message, and gives way
// to a contradicted figure (notePremise).
func (e *Engine) noteDirection(r *Reply, terms []Term) {
	msg := e.msg("premise_rise")
	if msg == "" || r.Premise != "" {
		return
	}
	// "how did the 24.6% decline affect jobs?" is told it was a rise
	// before it is asked back, as an answer is.
	facts, ok := r.factsChecked()
	if !ok {
		return
	}
	down := false
	for i := range terms {
		t := &terms[i]
		if e.asksFor(t, knowledge.StatesChange) && e.isDown(langIndex(t.Lang), t.Surface) {
			down = true
			break
		}
	}
	if !down {
		return
	}
	for _, id := range facts {
		if f := e.kb.Fact(id); f != nil && f.Direction == "up" {
			r.Premise = msg
			return
		}
	}
}

// figureAsks returns the kind of question a yes-or-no question asks by
// stating a count when it names no kind of its own: "are there more than
// 1500 call centers?" asks how many there are (it read as "call centers"
// alone, a topic). The kind is the lexicon's narrowest one a fact stating a
// count answers (the fewest needs); the count itself is then checked as a
// premise (notePremise). Sums of money and shares are not read so: such
// questions name what they ask ("did earnings reach $400 million?"), and
// a figure in millions may be money or people.
func (e *Engine) figureAsks(a *Analysis) (Term, bool) {
	if !a.hasNumber() || !e.isYesNo(a) || slices.ContainsFunc(a.Terms, func(t Term) bool { return t.Kind != nil }) {
		return Term{}, false
	}
	figs := statedFigures(e.scannedText(a), e.bounds)
	if len(figs) == 0 || figs[0].kind != 'n' {
		return Term{}, false
	}
	var best *knowledge.Kind
	for _, k := range e.v.lex.Kinds {
		if !k.Never && k.Act == "" && slices.Contains(k.Needs, knowledge.StatesCount) && (best == nil || len(k.Needs) < len(best.Needs)) {
			best = k
		}
	}
	if best == nil {
		return Term{}, false
	}
	id, ok := e.v.ids["k:"+best.ID]
	if !ok {
		return Term{}, false
	}
	tok := slices.IndexFunc(a.toks, func(t token) bool { return t.num })
	return Term{ID: id, Surface: figs[0].text, Tok: max(tok, 0), Weight: e.ix.weight[id], Kind: best}, true
}

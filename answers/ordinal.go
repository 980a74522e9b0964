package answers

import (
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/bpobot/bpobot/internal/fold"
	"github.com/bpobot/bpobot/knowledge"
)

// Last is the item Ordinal reports for "the last one" ("aakhri wala"): the
// lexicon's ordinal with value -1.
const Last = -1

// ListNumber reports the number of a list's item that a message of one or
// two digits picks ("2", Urdu "۲", Arabic-Indic "٢"); "2025" is a question,
// not item 2025.
func ListNumber(message string) (int, bool) {
	s := strings.TrimSpace(fold.Letters(message))
	if len(s) == 0 || len(s) > 2 {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

// Ordinal reports which item of the last reply a message picks, by the
// lexicon's ordinals (settings.ordinals): "tell me more about the second
// one", "teesra wala samjhao" and "پہلا والا" pick items 2, 3 and 1. An
// ordinal picks only when one of the lexicon's pointer words follows it
// ("one", "wala") or it is all the message says ("second?", "the third"),
// and so does a number after a pointer word ("number 4", "point 2"),
// and the message asks nothing else: "pehle source ka khulasa" asks about
// the first source, and picks nothing.
func (e *Engine) Ordinal(message string) (int, bool) {
	n, ok := e.ordinalPick(message)
	if ok && e.asksFigure(e.Analyze(message).Terms) {
		return n, false // "how much did the second one earn?": a figure of it, asked as a question (see itemFigure)
	}
	return n, ok
}

// ordinalPick is Ordinal, whatever else the message asks of the item.
func (e *Engine) ordinalPick(message string) (int, bool) {
	if len(e.ordinals) == 0 {
		return 0, false
	}
	for _, sep := range []string{" - ", " – ", " — ", ": "} {
		// "last one - kya ye sab PSEB ke under hain?": an ordinal before a
		// dash or a colon leads in a question of its own.
		if before, after, ok := strings.Cut(message, sep); ok && len(strings.Fields(after)) >= 2 {
			if _, lead := e.ordinalPick(before); lead {
				return 0, false
			}
		}
	}
	words := strings.FieldsFunc(strings.ToLower(fold.Letters(message)), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r)
	})
	content := 0 // words that are neither function words nor the ordinal's
	n, pointed := 0, false
	for i := 0; i < len(words); i++ {
		w := words[i]
		if v := e.ordinals[w]; v != 0 && n == 0 {
			n, pointed = v, i+1 < len(words) && e.pointers[words[i+1]]
			continue
		}
		if e.pointers[w] && n == 0 && i+1 < len(words) {
			// "what's number 4?", "point 2", "نمبر 3 والا": a pointer
			// word before the item's number, with nothing else asked
			// ("number 1 country?" asks for a ranking).
			if v, ok := ListNumber(words[i+1]); ok && v > 0 {
				n = v
				i++
				continue
			}
		}
		if !e.pointers[w] && !e.isFunctionWord(w) {
			content++
		}
	}
	// With a pointer word, one word besides ("explain the second one",
	// "teesra wala samjhao"); without, none ("second?"). A longer message
	// asks something of its own.
	return n, n != 0 && (content == 0 || pointed && content <= 1)
}

// indexOrdinals reads the lexicon's ordinals and pointer words, folded and
// lowercased, and its asides (see segments), each as its words.
func (e *Engine) indexOrdinals() {
	lx := e.v.lex
	e.asides = nil
	for _, l := range []string{knowledge.English, knowledge.RomanUrdu, knowledge.Urdu} {
		for _, f := range lx.Settings.Asides.Of(l) {
			if ws := strings.Fields(strings.ToLower(fold.Letters(f))); len(ws) > 0 {
				e.asides = append(e.asides, ws)
			}
		}
	}
	e.elseWords = map[string]bool{}
	for _, l := range []string{knowledge.English, knowledge.RomanUrdu, knowledge.Urdu} {
		for _, f := range lx.Settings.Else.Of(l) {
			e.elseWords[strings.ToLower(fold.Letters(f))] = true
		}
	}
	e.changeFrom = map[string]bool{}
	for _, l := range []string{knowledge.English, knowledge.RomanUrdu, knowledge.Urdu} {
		for _, f := range lx.Settings.ChangeFrom.Of(l) {
			e.changeFrom[strings.ToLower(fold.Letters(f))] = true
		}
	}
	e.ordinals, e.pointers = map[string]int{}, map[string]bool{}
	for _, o := range lx.Settings.Ordinals {
		for _, f := range o.Forms {
			e.ordinals[strings.ToLower(fold.Letters(f))] = int(o.Value)
		}
	}
	for _, l := range []string{knowledge.English, knowledge.RomanUrdu, knowledge.Urdu} {
		for _, f := range lx.Settings.OrdinalPointers.Of(l) {
			e.pointers[strings.ToLower(fold.Letters(f))] = true
		}
	}
}

// isFunctionWord reports whether w (folded, lowercase) is a function word
// of any language.
func (e *Engine) isFunctionWord(w string) bool {
	for l := range numLangs {
		if m := e.v.word(l, &token{raw: w, lower: w}); m != nil && m.function {
			return true
		}
	}
	return false
}

// ItemEntry returns the entry an item of r stands for: for an answer of
// two or more facts, the entry whose own facts most narrowly hold its nth
// fact ("tell me more about the second one" after the challenges: the
// talent drain); otherwise its nth follow-up or suggestion. It returns nil
// when r has no such item.
func (e *Engine) ItemEntry(r *Reply, n int) *knowledge.Entry {
	if r == nil || n < 1 && n != Last {
		return nil
	}
	if n == Last {
		// "the last one": the last point of an answer of several, or the
		// last suggestion.
		switch {
		case r.Answered && len(r.Facts) >= 2:
			n = len(r.Facts)
		case r.Answered:
			n = len(r.Related)
		default:
			n = len(r.Suggestions)
		}
		if n == 0 {
			return nil
		}
	}
	if r.Answered && len(r.Facts) >= 2 && n <= len(r.Facts) {
		id := r.Facts[n-1].Fact.ID
		var best *knowledge.Entry
		for _, en := range e.kb.Entries {
			if slices.Contains(r.EntryIDs(), en.ID) || !slices.Contains(en.Facts, id) || en.AboutSources {
				continue
			}
			if best == nil || len(en.Facts) < len(best.Facts) {
				best = en
			}
		}
		if best != nil {
			return best
		}
	}
	list := r.Related
	if !r.Answered {
		list = r.Suggestions
	}
	if n <= len(list) {
		return list[n-1]
	}
	return nil
}

// PickItem returns the entry an ordinal picks in a conversation: item n of
// the last reply or, past its end, of the last list (a reply of several
// points: "aur paanchwa?" after a point). When the last reply answered one
// of the list's points ("tell me more about the second one"), the next
// ordinal counts in the list too: "and the third?" is the third
// challenge, not the talent drain answer's third follow-up. Nil when
// neither has item n.
func (e *Engine) PickItem(last, list *Reply, n int) *knowledge.Entry {
	if list != nil && last != nil && list != last && last.Answered && len(last.Parts) == 1 {
		for k := 1; ; k++ {
			en := e.ItemEntry(list, k)
			if en == nil || k > len(list.Facts) {
				break
			}
			if en.ID == last.Parts[0].Entry.ID {
				if en := e.ItemEntry(list, n); en != nil {
					return en
				}
				break
			}
		}
	}
	if en := e.ItemEntry(last, n); en != nil {
		return en
	}
	return e.ItemEntry(list, n)
}

// nthItem answers a question about one point of a list the sources give
// ("what is the third key trend?", "pehla challenge kya hai?", "the last
// challenge"): the nth point, in the source's order, of the entry that
// answers the question with its ordinal left out (see listPoints). The
// ordinal must come right before a word of that entry's own that not most
// entries have ("the first challenge"; not "the first article", "last
// year"). It returns nil when there is no such list; the whole entry when
// there is no nth point in it ("the 6th key trend"), with how many points
// the list has.
func (e *Engine) nthItem(a *Analysis) (*match, int) {
	if len(e.ordinals) == 0 {
		return nil, 0
	}
	n, at := 0, -1
	for i := range a.toks {
		if v := e.ordinals[a.toks[i].lower]; v != 0 {
			if e.isFunctionWord(a.toks[i].lower) {
				return nil, 0 // "pehle" is also "before", "دوسرے" "other"
			}
			n, at = v, i
			break
		}
	}
	pointer := -1 // "trend number 1", "number 2 challenge": the pointer word before the number
	if at < 0 {
		for i := 0; i+1 < len(a.toks); i++ {
			if v, ok := ListNumber(a.toks[i+1].lower); ok && v > 0 && e.pointers[a.toks[i].lower] {
				n, at, pointer = v, i+1, i
				break
			}
		}
	}
	if at < 0 {
		return nil, 0
	}
	rest := slices.DeleteFunc(slices.Clone(a.Terms), func(t Term) bool { return t.Tok == at || pointer >= 0 && t.Tok == pointer })
	next := -1 // the term right after the ordinal
	for i, t := range rest {
		if t.Tok > at && t.ID >= 0 && (next < 0 || t.Tok < rest[next].Tok) {
			next = i
		}
	}
	if pointer >= 0 && (next < 0 || rest[next].Tok > at+2) {
		// "trend number 1": the list's word before the pointer.
		next = -1
		for i, t := range rest {
			if t.Tok >= 0 && t.Tok < pointer && t.Tok >= pointer-2 && t.ID >= 0 && t.Kind == nil && (next < 0 || t.Tok > rest[next].Tok) {
				next = i
			}
		}
		if next >= 0 {
			at = rest[next].Tok - 1 // as if the ordinal came right before it
		}
	}
	if next < 0 || rest[next].Tok > at+2 || contentTerms(rest) == 0 {
		return nil, 0 // "the first challenge", "the third key trend"; not "first, what are the challenges"
	}
	id := rest[next].ID
	if float64(len(e.ix.postings[id])) > e.policy.PartShare*float64(len(e.ix.entries)) {
		return nil, 0 // a word of lists ("challenge", "trend"), not a common one ("the first call center")
	}
	ranked := e.rank(rest)
	best, _ := e.decide(ranked, rest)
	var points []string
	if best != nil && best.coverage >= 1 && best.ei.hasPrimary(id) {
		points = e.listPoints(best.ei)
	}
	if len(points) < 3 {
		// The question as a whole is not answered ("gimme the 4th
		// challenge", "the fifth trend mentioned", "pehla reason kya hai
		// pakistan ko choose karne ka": a word no entry has, or one of
		// an article's summary): the best of the first few entries whose
		// own word follows the ordinal, not about the sources, when it
		// gives a list and no salient term of the question blocks it.
		// ("second client country?": the client countries' entry, which
		// is no list; not the reasons to outsource, whose second point
		// is no client.)
		best, points = nil, nil
		if len(e.segments(a, false)) > 1 {
			return nil, 0 // "the 2nd trend, and FY25's earnings?": each part is asked on its own
		}
		for i := range ranked[:min(len(ranked), nthCandidates)] {
			m := &ranked[i]
			if m.score < nthMinScore {
				break
			}
			if !m.content || !m.ei.hasPrimary(id) || m.ei.entry.AboutSources {
				continue
			}
			if ps := e.listPoints(m.ei); len(ps) >= 3 && m.ei.meetsRequires(rest) && e.blocker(m.ei, rest) == nil {
				best, points = m, ps
			}
			break
		}
		if best == nil {
			return nil, 0
		}
	}
	i := n - 1
	if n == Last {
		i = len(points) - 1
	}
	if i >= len(points) {
		return best, len(points) // "the 6th key trend": all five
	}
	one := *best
	one.only = map[string]bool{points[i]: true}
	// "what is the 1st trend and what is the 5th trend?": another ordinal
	// right before the list's word picks another point.
	for k := at + 1; k < len(a.toks); k++ {
		v := e.ordinals[a.toks[k].lower]
		if v == 0 || e.isFunctionWord(a.toks[k].lower) {
			continue
		}
		word := stem(a.toks[rest[next].Tok].lower) // a question's terms are each once: the tokens tell
		if !slices.ContainsFunc(a.toks[k+1:min(k+3, len(a.toks))], func(t token) bool { return stem(t.lower) == word }) {
			continue
		}
		if v == Last {
			v = len(points)
		}
		if v >= 1 && v <= len(points) {
			one.only[points[v-1]] = true
		}
	}
	return &one, len(points)
}

// topOfList answers a ranking that asks for as many as a list has ("top 5
// trends list kar do", "the top five reasons to outsource to Pakistan"):
// the sources rank nothing, but they list exactly that many, and the list
// is what is asked for. It returns the entry's points, or nil: "top 3
// challenges" (the sources list four) is still a ranking, and so is "top
// 5 companies" (no list).
func (e *Engine) topOfList(a *Analysis) *match {
	at := slices.IndexFunc(a.Terms, func(t Term) bool { return t.Kind != nil && t.Kind.Never })
	if at < 0 {
		return nil
	}
	n := e.countIn(a.Terms[at].Surface)
	if n < 3 {
		return nil
	}
	rest := slices.Delete(slices.Clone(a.Terms), at, at+1)
	if contentTerms(rest) == 0 || slices.ContainsFunc(rest, func(t Term) bool { return t.Kind != nil && t.Kind.Never }) {
		return nil
	}
	ranked := e.rank(rest)
	best, _ := e.decide(ranked, rest)
	if best == nil || best.ei.entry.AboutSources {
		return nil
	}
	// The list's own word follows the ranking's ("top 5 trends"), as an
	// ordinal's must (see nthItem).
	end := a.Terms[at].Tok + len(strings.Fields(a.Terms[at].Surface))
	next := slices.IndexFunc(rest, func(t Term) bool { return t.Tok >= end && t.Tok <= end+1 && t.ID >= 0 })
	if next < 0 || !best.ei.hasPrimary(rest[next].ID) || float64(len(e.ix.postings[rest[next].ID])) > e.policy.PartShare*float64(len(e.ix.entries)) {
		return nil
	}
	points := e.listPoints(best.ei)
	if len(points) != n {
		return nil
	}
	return onlyPoints(best, points)
}

// onlyPoints returns m answering with the points alone.
func onlyPoints(m *match, points []string) *match {
	one := *m
	one.only = make(map[string]bool, len(points))
	for _, p := range points {
		one.only[p] = true
	}
	return &one
}

// countOfList answers how many points a list has ("how many challenges
// are listed?", "how many reasons does the article give for outsourcing
// to Pakistan?", "kitne trends hain?"): the sources give no such count,
// but they list the points, and the list is the answer, with how many
// there are. A count's words must come right before the list's own word,
// as an ordinal's must (see nthItem). It returns the list's points, and
// how many, or nil.
func (e *Engine) countOfList(a *Analysis) (*match, int) {
	at := slices.IndexFunc(a.Terms, func(t Term) bool {
		return t.Kind != nil && !t.Kind.Never && slices.Contains(t.Kind.Needs, knowledge.StatesCount)
	})
	if at < 0 || a.Terms[at].Tok < 0 {
		return nil, 0
	}
	end := a.Terms[at].Tok + len(strings.Fields(a.Terms[at].Surface))
	rest := slices.Delete(slices.Clone(a.Terms), at, at+1)
	next := slices.IndexFunc(rest, func(t Term) bool { return t.Tok >= end && t.Tok <= end+1 && t.ID >= 0 && t.content() })
	if next < 0 || slices.ContainsFunc(rest, func(t Term) bool { return t.Kind != nil || t.Class != "" && t.Class != knowledge.ClassName }) {
		return nil, 0 // "how many call centers in Karachi": a count of things in a place, not of a list
	}
	id := rest[next].ID
	if float64(len(e.ix.postings[id])) > e.policy.PartShare*float64(len(e.ix.entries)) {
		return nil, 0 // "how many call centers": a common word, no list's
	}
	best, _ := e.decide(e.rank(rest), rest)
	if best == nil || best.ei.entry.AboutSources || !best.ei.hasPrimary(id) {
		return nil, 0
	}
	points := e.listPoints(best.ei)
	if len(points) < 3 {
		return nil, 0
	}
	return onlyPoints(best, points), len(points)
}

// countIn returns the number a ranking's words end in ("top 5", "top
// five": 5; the number words are the lexicon's), or 0.
func (e *Engine) countIn(surface string) int {
	words := strings.Fields(strings.ToLower(fold.Letters(surface)))
	if len(words) == 0 {
		return 0
	}
	w := words[len(words)-1]
	if n, err := strconv.Atoi(w); err == nil {
		return n
	}
	for _, nw := range e.v.lex.Settings.Numbers.Words {
		for _, f := range nw.Forms {
			if strings.EqualFold(fold.Letters(f), w) {
				return int(nw.Value)
			}
		}
	}
	return 0
}

// listPoints returns the points of the list an entry gives, in its order:
// its facts that open with a short label ("Infrastructure issues: ...",
// "Skilled workforce: ..."), as the sources' lists do, from one source. An
// entry's other facts (an introduction, the other article's fraud
// challenges) are no points of it.
func (e *Engine) listPoints(ei *entryIndex) []string {
	var points []string
	source := ""
	for _, id := range ei.entry.Facts {
		f := e.kb.Fact(id)
		if f == nil {
			continue
		}
		label, _, ok := strings.Cut(f.Text, ": ")
		if !ok || len(strings.Fields(label)) > maxLabelWords || source != "" && f.Source != source {
			continue
		}
		source = f.Source
		points = append(points, id)
	}
	return points
}

// nthCandidates is how many of the best entries nthItem looks through for a
// list when the question without its ordinal is not answered, and
// nthMinScore the least score one may have: an ordinal right before a
// list's own word is sure of what it asks, and its other words are often
// chat ("gimme", "mentioned"). Determined on the tune set and reviews.
const (
	nthCandidates = 3
	nthMinScore   = 0.3
)

// maxLabelWords is the most words a list point's label has ("Increased
// investment in IT parks").
const maxLabelWords = 6

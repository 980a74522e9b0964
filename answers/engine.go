// Package answers turns a question into a reply from the knowledge base.
//
// An Engine normalises the question (case, punctuation, emoji, typos,
// British and American spelling, abbreviations, fiscal-year spellings, Roman
// Urdu), finds the best entry through an inverted index, decides whether that
// entry really answers the question, and composes a cited Reply. It declines,
// with suggestions, when the sources do not answer: off-topic questions, and
// on-topic ones whose salient term (a year, a place, an organisation, a role,
// a metric, a kind of question) the best entry does not support.
//
// The package is pure: no Discord, no environment, no I/O. An Engine is
// immutable after New and safe for concurrent use.
package answers

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/bpobot/bpobot/knowledge"
)

// Thresholds for answering. They were set against the dev set
// (testdata/devset.yaml) and are documented here, where they are defined.
const (
	// MinScore is the lowest combined score that answers. The score mixes
	// how much of the question the entry covers with how close the question
	// is to one of the entry's own phrasings; both are in [0, 1].
	MinScore = 0.55
	// MinCoverage is the lowest share of the question's weight the entry must
	// cover, so that a question with a strong off-topic word is declined even
	// when the rest of it matches well.
	MinCoverage = 0.5
	// coverageShare is how much coverage counts in the combined score; the
	// rest is phrasing similarity.
	coverageShare = 0.65
	// candidates is how many entries are fully scored after the index has
	// ranked them by a cheap partial score.
	candidates = 12
	// Terms in more than max(commonTermMin, entries/commonTermDiv) entries
	// do not select candidates (they still count in the score): they cannot
	// tell entries apart, and walking their long posting lists is what would
	// make the cost per question grow with the knowledge base.
	commonTermMin = 32
	commonTermDiv = 20
	// fallbackPostings bounds the candidates a question made only of common
	// terms selects.
	fallbackPostings = 512
	// MaxSuggestions is how many questions a decline suggests.
	MaxSuggestions = 3
)

// Engine answers questions from a knowledge base.
type Engine struct {
	kb       *knowledge.Base
	ix       *index
	defaults []*knowledge.Entry // suggested when nothing in the question helps
	complete *completer
}

// New builds an Engine over kb. kb must not change afterwards.
func New(kb *knowledge.Base) *Engine {
	e := &Engine{kb: kb, ix: newIndex(kb)}
	for _, id := range []string{"fy25-earnings", "why-outsource-to-pakistan", "challenges-overview"} {
		if en := kb.Entry(id); en != nil {
			e.defaults = append(e.defaults, en)
		}
	}
	for _, en := range kb.Entries {
		if len(e.defaults) >= MaxSuggestions {
			break
		}
		if !containsEntry(e.defaults, en) {
			e.defaults = append(e.defaults, en)
		}
	}
	e.complete = newCompleter(kb, e)
	return e
}

// Knowledge returns the knowledge base the engine answers from.
func (e *Engine) Knowledge() *knowledge.Base { return e.kb }

// term is one canonical term of a question.
type term struct {
	canon   string
	surface string  // the word as the user typed it (lowercased)
	class   string  // salient class, or ""
	known   bool    // occurs in the knowledge base
	weight  float64 // how much it counts (see index.weight)
	id      int32   // index.ids of canon, or -1 when unknown
}

// analyze returns the distinct content terms of a question.
func (e *Engine) analyze(text string) []term {
	var out []term
	seen := make(map[string]bool)
	for _, w := range tokenize(text) {
		t := canon(w)
		if t == "" {
			continue
		}
		if !e.ix.vocab[t] && salientClass(t) == "" && !intents[t] {
			// Not a word we know: try a spelling correction.
			if c, ok := e.ix.speller.correct(w); ok && c != w {
				if ct := canon(c); ct != "" {
					t = ct
				} else {
					continue
				}
			}
		}
		if seen[t] {
			continue
		}
		seen[t] = true
		id, known := e.ix.ids[t]
		if !known {
			id = -1
		}
		out = append(out, term{canon: t, surface: w, class: salientClass(t), known: known, weight: e.ix.weight(t), id: id})
	}
	return out
}

// match is a scored candidate entry for a question.
type match struct {
	ei          *entryIndex
	score       float64
	coverage    float64
	phrasing    float64
	unsupported *term // first salient term the entry does not support
	matched     []string
}

// rank scores the entries that share terms with the question, best first.
func (e *Engine) rank(terms []term) []match {
	ix := e.ix
	limit := max(commonTermMin, len(ix.entries)/commonTermDiv)
	partial := make(map[int]float64, 64)
	var rarest []posting
	for _, t := range terms {
		ps := ix.postings[t.canon]
		if len(ps) > limit {
			if rarest == nil || len(ps) < len(rarest) {
				rarest = ps
			}
			continue
		}
		for _, p := range ps {
			partial[p.entry] += t.weight * p.weight
		}
	}
	if len(partial) == 0 && rarest != nil {
		// Only common terms ("pakistan bpo"): let the rarest of them select,
		// up to a bound, so the cost stays flat as the knowledge base grows.
		for _, p := range rarest[:min(len(rarest), fallbackPostings)] {
			partial[p.entry] += p.weight
		}
	}
	ids := make([]int, 0, len(partial))
	for id := range partial {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(a, b int) bool {
		if partial[ids[a]] != partial[ids[b]] {
			return partial[ids[a]] > partial[ids[b]]
		}
		return ids[a] < ids[b]
	})
	if len(ids) > candidates {
		ids = ids[:candidates]
	}
	out := make([]match, 0, len(ids))
	for _, id := range ids {
		out = append(out, e.score(&ix.entries[id], terms))
	}
	sort.SliceStable(out, func(a, b int) bool {
		if out[a].score != out[b].score {
			return out[a].score > out[b].score
		}
		return out[a].ei.order < out[b].ei.order
	})
	return out
}

// score computes the full score of one entry for the question.
func (e *Engine) score(ei *entryIndex, terms []term) match {
	m := match{ei: ei}
	var total, got float64
	for i := range terms {
		t := &terms[i]
		w := t.weight
		total += w
		switch {
		case ei.primary[t.canon]:
			got += w * primaryWeight
			m.matched = append(m.matched, t.canon)
		case ei.secondary[t.canon] && !intents[t.canon]:
			got += w * secondaryWeight
			m.matched = append(m.matched, t.canon)
		case t.class != "" && (m.unsupported == nil || classRank[t.class] < classRank[m.unsupported.class]):
			// Of several unsupported terms, name the most telling one:
			// "India's revenue" is declined for India, not for revenue.
			m.unsupported = t
		}
	}
	if total > 0 {
		m.coverage = got / total
	}
	for _, p := range ei.phrasings {
		if p.total == 0 {
			continue
		}
		var pg float64
		for j, t := range p.terms {
			if hasTerm(terms, t) {
				pg += p.weights[j]
			}
		}
		m.phrasing = max(m.phrasing, pg/p.total)
	}
	m.score = coverageShare*m.coverage + (1-coverageShare)*m.phrasing
	return m
}

func hasTerm(terms []term, id int32) bool {
	for i := range terms {
		if terms[i].id == id {
			return true
		}
	}
	return false
}

// accepts reports whether m answers the question, and if not, why.
func (e *Engine) accepts(m match, terms []term) (ok bool, unsupported *term) {
	if m.unsupported != nil {
		return false, m.unsupported
	}
	if m.score < MinScore || m.coverage < MinCoverage {
		return false, nil
	}
	content := false
	for _, t := range m.matched {
		if !intents[t] && m.ei.primary[t] {
			content = true
		}
	}
	if !content {
		return false, nil
	}
	for _, t := range terms {
		switch {
		case t.canon == "qty" && !m.ei.hasFigure:
			// "How many were arrested?" when the entry gives no figure.
			return false, &term{canon: "qty", surface: "a figure", class: classMetric}
		case t.canon == "where" && !m.ei.hasPlace:
			// "Where are the IT parks being built?" when the entry names no place.
			return false, &term{canon: "where", surface: "where", class: classAsk}
		case t.canon == "when" && !m.ei.hasPeriod:
			// "When did the crackdown start?" when the entry gives no date.
			return false, &term{canon: "when", surface: "when", class: classAsk}
		}
	}
	return true, nil
}

// decide picks the answering entry from ranked matches. It returns the
// accepted match, or nil and the salient term that blocked the best one.
func (e *Engine) decide(ranked []match, terms []term) (*match, *term) {
	var blocker *term
	for i := range ranked {
		m := &ranked[i]
		if m.score < MinScore {
			break
		}
		ok, uns := e.accepts(*m, terms)
		if ok {
			return m, blocker
		}
		if blocker == nil {
			blocker = uns
		}
	}
	return nil, blocker
}

// Ask answers one question. It never returns nil.
func (e *Engine) Ask(question string) *Reply {
	text := strings.TrimSpace(clean(question))
	r := &Reply{Question: text}
	terms := e.analyze(text)
	if len(terms) == 0 {
		return e.decline(r, nil, nil, DeclineEmpty)
	}
	ranked := e.rank(terms)
	best, blocker := e.decide(ranked, terms)
	parts, partBlocker := e.askParts(text, best == nil)
	switch {
	case len(parts) > 1 && (best == nil || containsMatch(parts, best)):
		// A question that asks two covered things gets both parts.
		e.answer(r, parts)
	case best != nil:
		e.answer(r, []*match{best})
		return r
	case len(parts) == 1:
		// Part of the question is covered: answer that part.
		e.answer(r, parts)
	default:
		if blocker == nil {
			blocker = unsupportedTerm(ranked, terms)
		}
		reason := DeclineNotCovered
		if blocker != nil {
			reason = DeclineUnsupported
		}
		return e.decline(r, ranked, blocker, reason)
	}
	if partBlocker != nil {
		r.Note = "I can't answer the rest of your question: " + lowerFirst(unsupportedMessage(partBlocker))
	}
	return r
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// unsupportedTerm returns the salient term of a declined question that
// explains the decline best: one the knowledge base never mentions, else one
// the nearest entry does not support; nil if there is none.
func unsupportedTerm(ranked []match, terms []term) *term {
	var best *term
	for i := range terms {
		t := &terms[i]
		if t.class != "" && !t.known && (best == nil || classRank[t.class] < classRank[best.class]) {
			best = t
		}
	}
	if best == nil && len(ranked) > 0 {
		best = ranked[0].unsupported
	}
	return best
}

// splitter finds the joints of a question that asks two things, and the
// sentence boundaries of a long message.
var splitter = regexp.MustCompile(`(?i)\?+|;|[.!:,]+\s+|\n+|\s\+\s|\s+(?:and|aur|also|plus|&|as well as)\s+|,\s*(?:and\s+)?(?:what|how|who|why|which|when|where|kya|kitne|kitna|kaun)\b`)

// asks is a word that marks a part of a message as a question.
var asks = set("what how why who which when where whats is are was were does do did can could will would should kya kia kitna kitne kitni kyun kyon kaun kon batao btao tell explain qty")

// askParts splits the question at its joints and answers the parts on
// their own. It returns the distinct entries that answer parts, and the
// salient term that blocked a part that asked something not covered.
//
// Two or more answered parts make a two-part answer. A single answered
// part is returned only when the whole was declined (whole) and the part
// is itself a question: the question buried in a long message ("I'm a
// student in Lahore... how much did call centers earn in FY25?"), or the
// covered half of "earnings in FY25 and the average salary", whose other
// half is then named as not covered.
func (e *Engine) askParts(text string, whole bool) ([]*match, *term) {
	if !mayHaveParts(text) {
		return nil, nil
	}
	var segs []string
	for _, p := range splitter.Split(text, 12) {
		if len(strings.Fields(p)) >= 2 {
			segs = append(segs, p)
		}
	}
	if len(segs) < 2 {
		return nil, nil
	}
	var out []*match
	var blocker *term
	asked := false // some answered part is itself a question
	for _, seg := range segs {
		terms := e.analyze(seg)
		question := isQuestion(seg)
		if len(terms) == 0 || len(terms) == 1 && !question {
			continue // "outsourcing ke liye" is not a question of its own
		}
		m, uns := e.decide(e.rank(terms), terms)
		switch {
		case m != nil && !containsMatch(out, m):
			out = append(out, m)
			asked = asked || question
		case m == nil && question && blocker == nil:
			if uns == nil {
				uns = unsupportedTerm(nil, terms)
			}
			blocker = uns
		}
	}
	switch {
	case len(out) >= 2:
		return out, blocker
	case len(out) == 1 && whole && asked:
		return out, blocker
	}
	return nil, nil
}

// mayHaveParts is a cheap test that spares most questions the splitter:
// a joint must appear somewhere before the final punctuation.
func mayHaveParts(text string) bool {
	t := strings.ToLower(strings.TrimRight(text, "?!. "))
	return strings.ContainsAny(t, "?;.!:,+&\n") || strings.Contains(t, " and ") || strings.Contains(t, " aur ") ||
		strings.Contains(t, " also ") || strings.Contains(t, " plus ") || strings.Contains(t, " as well as ")
}

// isQuestion reports whether a part of a message asks something.
func isQuestion(seg string) bool {
	for _, w := range tokenize(seg) {
		if asks[w] {
			return true
		}
	}
	return false
}

func containsMatch(ms []*match, m *match) bool {
	for _, x := range ms {
		if x.ei.entry == m.ei.entry {
			return true
		}
	}
	return false
}

func containsEntry(es []*knowledge.Entry, e *knowledge.Entry) bool {
	for _, x := range es {
		if x == e {
			return true
		}
	}
	return false
}

// Explain describes how the engine sees a question: its terms (with their
// salient class) and the best candidate entries with their coverage,
// phrasing similarity and combined score. It is for curators and the REPL's
// /why command, not for users.
func (e *Engine) Explain(question string) string {
	var b strings.Builder
	terms := e.analyze(strings.TrimSpace(clean(question)))
	b.WriteString("terms:")
	for _, t := range terms {
		b.WriteString(" " + t.canon)
		if t.surface != t.canon {
			b.WriteString("(" + t.surface + ")")
		}
		if t.class != "" {
			b.WriteString("[" + t.class + "]")
		}
		if !t.known {
			b.WriteString("?")
		}
	}
	b.WriteString("\n")
	for i, m := range e.rank(terms) {
		if i == 5 {
			break
		}
		ok, uns := e.accepts(m, terms)
		fmt.Fprintf(&b, "%-28s score %.3f  coverage %.3f  phrasing %.3f  accepted %v", m.ei.entry.ID, m.score, m.coverage, m.phrasing, ok)
		if uns != nil {
			fmt.Fprintf(&b, "  unsupported %s [%s]", uns.canon, uns.class)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// AnswerEntry returns the reply for one entry, as if its canonical question
// had been asked: for follow-up and suggestion buttons, which name an entry.
// It returns nil when there is no entry with that id.
func (e *Engine) AnswerEntry(id string) *Reply {
	for i := range e.ix.entries {
		ei := &e.ix.entries[i]
		if ei.entry.ID == id {
			r := &Reply{Question: ei.entry.Question}
			e.answer(r, []*match{{ei: ei, score: 1}})
			return r
		}
	}
	return nil
}

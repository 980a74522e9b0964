package answers

import (
	"slices"
	"strings"

	"github.com/bpobot/bpobot/knowledge"
)

// A credit is a fact its source credits to someone ("according to CCAP
// president Adeel Azhar"), with the terms of whom it credits.
type credit struct {
	fact    *knowledge.Fact
	entries []int32 // the entries that answer with it: the one with fewest facts first, then by id
	terms   []int32 // sorted term ids of the attribution
}

// indexCredits finds the facts with an attribution, for "what did X say".
func (e *Engine) indexCredits() {
	e.ix.credits = nil
	for _, f := range e.kb.Facts {
		if f.Attribution == "" {
			continue
		}
		c := credit{fact: f, terms: e.allTerms(e.kb.Lexicon.Attributee(f.Attribution))}
		for i := range e.ix.entries {
			if en := e.ix.entries[i].entry; slices.Contains(en.Facts, f.ID) && !en.AboutSources {
				c.entries = append(c.entries, int32(i))
			}
		}
		// The entry with fewest facts is the one most about it; a tie goes
		// by id, not by file order.
		slices.SortFunc(c.entries, func(a, b int32) int {
			x, y := e.ix.entries[a].entry, e.ix.entries[b].entry
			if d := len(x.Facts) - len(y.Facts); d != 0 {
				return d
			}
			return strings.Compare(x.ID, y.ID)
		})
		if len(c.entries) > 0 && len(c.terms) > 0 {
			e.ix.credits = append(e.ix.credits, c)
		}
	}
}

// allTerms returns the sorted ids of every name and role any form of which
// matches anywhere in text, not only the longest reading: "P@SHA senior
// vice chairman Muhammad Umair Nizam" is that whole name, and also P@SHA,
// the senior vice chairman and Umair Nizam. A role inside a longer role is
// not one: a senior vice chairman is not the chairman.
func (e *Engine) allTerms(text string) []int32 {
	ids := e.termIDs(text)
	toks := e.tokenize(text)
	type span struct {
		from, to int
		term     int32
	}
	var roles []span
	for i := range toks {
		for _, l := range []int{langEn, langRoman, langUr} {
			e.v.each(l, toks, i, func(m *lexMatch, n int, _ bool) {
				if m.function || m.term < 0 {
					return
				}
				switch e.v.terms[m.term].class {
				case knowledge.ClassName:
					if !slices.Contains(ids, m.term) {
						ids = append(ids, m.term)
					}
				case knowledge.ClassRole:
					roles = append(roles, span{i, i + n, m.term})
				}
			})
		}
	}
	for _, r := range roles {
		inside := slices.ContainsFunc(roles, func(o span) bool {
			return o.from <= r.from && r.to <= o.to && o.to-o.from > r.to-r.from
		})
		if !inside && !slices.Contains(ids, r.term) {
			ids = append(ids, r.term)
		}
	}
	slices.Sort(ids)
	return ids
}

// quoted answers a question that asks what someone said ("what did the
// State Bank of Pakistan say?", "CCAP ke president ne kya kaha"): the
// question names who (a name or a role) and a concept that asks for an
// attribution. The answer is every fact the sources credit to whoever it
// names, in the entries that answer with them, each fact once.
//
// A question that also names what they said it about ("what did P@SHA say
// about the crackdown?") is answered with the credited facts about that: in
// an entry that has every such term, or that state it themselves. When the
// sources credit them with nothing about it, quoted returns no match and
// the name as the blocker: a fact of theirs about something else is not
// what they said about this ("what did Adeel Azhar say about the crackdown?"
// is not answered with his remark on new deals).
//
// It returns nil and no blocker when the question is not such a question or
// no fact is credited to them; the question then goes through ranking.
func (e *Engine) quoted(terms []Term) ([]*match, *Term) {
	asks := false
	var who []int32
	var whoTerm *Term
	var about []int32
	for i := range terms {
		t := &terms[i]
		switch {
		case t.ID < 0:
			if t.Unknown || t.Name || t.Class != "" {
				return nil, nil // someone or something the sources do not know
			}
		case e.asksFor(t, knowledge.AsksSource):
			return nil, nil // "which article mentions the State Bank of Pakistan?": where, not what it said
		case e.asksFor(t, knowledge.AsksAttribution):
			asks = true
		case t.Kind != nil && t.Kind.Never:
			return nil, nil // "how do I apply, what did CCAP say": not only a quote
		case t.Kind != nil && len(t.Kind.Needs) > 0 && !slices.Contains(t.Kind.Needs, knowledge.StatesName):
			// "when did Nizam say this?", "how much did he say?": asks a
			// date or a figure of what was said, which ranking checks.
			return nil, nil
		case t.Kind != nil:
			// "what", "who": the kind of question does not change whom it is about
		case t.Class == knowledge.ClassName || t.Class == knowledge.ClassRole:
			who = append(who, t.ID)
			if whoTerm == nil || t.Class == knowledge.ClassName && whoTerm.Class != knowledge.ClassName {
				whoTerm = t
			}
		case t.Class != "":
			return nil, nil // a year, a place, a metric: ranking weighs it
		default:
			about = append(about, t.ID)
		}
	}
	if !asks || len(who) == 0 {
		return nil, nil
	}
	var ms []*match
	byEntry := map[int32]*match{}
	credited := false
	for _, c := range e.ix.credits {
		if !containsAll(c.terms, who) {
			continue
		}
		credited = true
		at := c.entries[0]
		if len(about) > 0 {
			var ok bool
			if at, ok = e.creditAbout(c, about); !ok {
				continue
			}
		}
		m := byEntry[at]
		if m == nil {
			m = &match{ei: &e.ix.entries[at], score: 1, coverage: 1, phrasing: 1, content: true, only: map[string]bool{}}
			byEntry[at] = m
			ms = append(ms, m)
		}
		m.only[c.fact.ID] = true
	}
	if len(ms) == 0 && credited && whoTerm != nil && whoTerm.Class == knowledge.ClassName {
		return nil, whoTerm
	}
	return ms, nil
}

// quotesSay reports whether one of the facts of ms (the remarks quoted
// finds) itself names every word of content a asks about besides who and
// saying: a remark the answer holds because its entry is about the thing,
// not because it says it, does not bear out "did X say ...?".
func (e *Engine) quotesSay(a *Analysis, ms []*match) bool {
	var about []int32
	for i := range a.Terms {
		t := &a.Terms[i]
		if t.ID >= 0 && t.content() && t.Class == "" && !e.asksFor(t, knowledge.AsksAttribution) {
			about = append(about, t.ID)
		}
	}
	if len(about) == 0 {
		return true
	}
	for _, m := range ms {
		for id := range m.only {
			f := e.kb.Fact(id)
			if f == nil {
				continue
			}
			said := e.termIDs(f.Text)
			if !slices.ContainsFunc(about, func(id int32) bool { return !slices.Contains(said, id) }) {
				return true
			}
		}
	}
	return false
}

// quotedEach answers a question that asks what two or more people or
// bodies said ("what did CCAP and P@SHA say?", "what did both say?" after
// them), which no one fact is credited to together: each one's remarks, as
// quoted finds them for each alone. It returns nil unless every name is
// credited with something.
func (e *Engine) quotedEach(terms []Term) []*match {
	var names []int
	for i := range terms {
		if t := &terms[i]; t.Class == knowledge.ClassName && t.ID >= 0 && !slices.ContainsFunc(names, func(j int) bool { return terms[j].ID == t.ID }) {
			names = append(names, i)
		}
	}
	if len(names) < 2 {
		return nil
	}
	var all []*match
	for _, n := range names {
		one := make([]Term, 0, len(terms))
		for i, t := range terms {
			if i == n || !slices.Contains(names, i) {
				one = append(one, t)
			}
		}
		ms, _ := e.quoted(one)
		if len(ms) == 0 {
			return nil
		}
		for _, m := range ms {
			if k := slices.IndexFunc(all, func(o *match) bool { return o.ei == m.ei }); k >= 0 {
				for id := range m.only {
					all[k].only[id] = true
				}
			} else {
				all = append(all, m)
			}
		}
	}
	return all
}

// creditAbout reports whether a credited fact is about every one of the
// terms, and under which entry to give it: the first of its entries that has
// each term in its own words, else in its facts; else, when the fact's text
// itself states each, its first entry.
func (e *Engine) creditAbout(c credit, about []int32) (int32, bool) {
	for _, loose := range []bool{false, true} {
		// First an entry that asks about it in its own words, then one
		// whose facts mention it.
		for _, i := range c.entries {
			ei := &e.ix.entries[i]
			if !slices.ContainsFunc(about, func(id int32) bool { return !ei.hasPrimary(id) && !(loose && ei.hasSecondary(id)) }) {
				return i, true
			}
		}
	}
	said := e.termIDs(c.fact.Text) // rarely needed: read when it is
	for _, id := range about {
		if !slices.Contains(said, id) {
			return 0, false
		}
	}
	return c.entries[0], true
}

// asksFor reports whether the term is a concept that asks for what.
func (e *Engine) asksFor(t *Term, what string) bool {
	if t.ID < 0 {
		return false
	}
	c := e.v.terms[t.ID].concept
	return c != nil && slices.Contains(c.Asks, what)
}

// containsAll reports whether the sorted ids contain every one of want.
func containsAll(ids, want []int32) bool {
	for _, w := range want {
		if _, ok := slices.BinarySearch(ids, w); !ok {
			return false
		}
	}
	return true
}

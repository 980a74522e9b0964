package answers

import (
	"slices"

	"github.com/bpobot/bpobot/knowledge"
)

// A credit is a fact its source credits to someone ("according to CCAP
// president Adeel Azhar"), with the terms of whom it credits.
type credit struct {
	fact  *knowledge.Fact
	entry int32   // the entry that answers with it: the one with fewest facts, then the first by id
	terms []int32 // sorted term ids of the attribution
}

// indexCredits finds the facts with an attribution, for "what did X say".
func (e *Engine) indexCredits() {
	e.ix.credits = nil
	for _, f := range e.kb.Facts {
		if f.Attribution == "" {
			continue
		}
		c := credit{fact: f, entry: -1, terms: e.allTerms(e.kb.Lexicon.Attributee(f.Attribution))}
		for i := range e.ix.entries {
			en := e.ix.entries[i].entry
			if !slices.Contains(en.Facts, f.ID) || en.AboutSources {
				continue
			}
			if c.entry < 0 {
				c.entry = int32(i)
				continue
			}
			// The entry with fewest facts is the one most about it; a tie
			// goes by id, not by file order.
			if cur := e.ix.entries[c.entry].entry; len(en.Facts) < len(cur.Facts) || len(en.Facts) == len(cur.Facts) && en.ID < cur.ID {
				c.entry = int32(i)
			}
		}
		if c.entry >= 0 && len(c.terms) > 0 {
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

// quoted answers a question that asks only what someone said ("what did
// the State Bank of Pakistan say?", "CCAP ke president ne kya kaha"): the
// question names who (a name or a role, nothing else of content) and a
// concept that asks for an attribution. The answer is every fact the
// sources credit to whoever it names, in the entries that answer with them,
// each fact once. It returns nil when the question is not such a question or
// no fact is credited to them; the question then goes through ranking.
func (e *Engine) quoted(terms []Term) []*match {
	asks := false
	var who []int32
	for i := range terms {
		t := &terms[i]
		switch {
		case t.ID < 0:
			if t.Unknown || t.Name || t.Class != "" {
				return nil // someone or something the sources do not know
			}
		case e.asksFor(t, knowledge.AsksAttribution):
			asks = true
		case t.Kind != nil && t.Kind.Never:
			return nil // "how do I apply, what did CCAP say": not only a quote
		case t.Kind != nil:
			// "what", "who": the kind of question does not change whom it is about
		case t.Class == knowledge.ClassName || t.Class == knowledge.ClassRole:
			who = append(who, t.ID)
		default:
			return nil // about something: ranking finds what they said of it
		}
	}
	if !asks || len(who) == 0 {
		return nil
	}
	var ms []*match
	byEntry := map[int32]*match{}
	for _, c := range e.ix.credits {
		if !containsAll(c.terms, who) {
			continue
		}
		m := byEntry[c.entry]
		if m == nil {
			m = &match{ei: &e.ix.entries[c.entry], score: 1, coverage: 1, phrasing: 1, content: true, only: map[string]bool{}}
			byEntry[c.entry] = m
			ms = append(ms, m)
		}
		m.only[c.fact.ID] = true
	}
	return ms
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

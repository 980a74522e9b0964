package answers

import (
	"github.com/bpobot/bpobot/knowledge"

	"slices"
	"sync"
)

// match is a scored candidate entry for a question.
type match struct {
	ei       *entryIndex
	score    float64
	coverage float64
	phrasing float64
	dice     float64         // the best phrasing's overlap with the question, both ways: breaks ties
	content  bool            // a content term of the question is in the entry's primary fields
	only     map[string]bool // if set, the ids of the only facts of the entry to answer with
}

// better orders matches: by score, then coverage, then phrasing, then entry
// id, so ties are broken by content and never by file order.
func better(a, b *match) bool {
	switch {
	case a.score != b.score:
		return a.score > b.score
	case a.coverage != b.coverage:
		return a.coverage > b.coverage
	case a.phrasing != b.phrasing:
		return a.phrasing > b.phrasing
	case a.dice != b.dice:
		return a.dice > b.dice
	}
	return a.ei.entry.ID < b.ei.entry.ID
}

// scratch is the per-question working memory of rank, reused through a pool
// so ranking does not allocate in proportion to the knowledge base.
type scratch struct {
	cov      []float64 // by entry
	best     []float64 // by entry: the best phrasing similarity
	dice     []float64 // by entry: the best Dice overlap
	content  []bool    // by entry
	seen     []bool    // by entry: touched
	phrSeen  []bool    // by phrasing: touched
	phr      []float64 // by phrasing
	touchedE []int32
	touchedP []int32
}

var scratchPool sync.Pool

// topK is how many ranked candidates rank returns: the decision looks at
// the best few, suggestions at the first three.
const topK = 8

// rareLimit is the longest posting list of a term that selects candidates
// when the question also has common terms (see rank).
func rareLimit(entries int) int { return max(64, entries/64) }

// rank returns the best topK entries for the question, best first, as if
// every entry that shares a term with it were scored.
//
// Scoring every such entry is what it does at the shipped size. At ten
// thousand entries the common terms' posting lists are long, so it first
// scores only the entries that have a rare term, completing their scores
// with the common terms, and then bounds what any other entry could score:
// its coverage at most the common terms' weight, its phrasing similarity at
// most the sum, over the common terms, of each term's weight over the
// lightest phrasing that has it. When that bound is below the topK-th
// score, no other entry can enter the top and the result is exact. When
// fewer entries have a rare term, the others are left out only if none of
// them could change a decision: the bound is below every score the policy
// acts on and their coverage below what a suggestion needs. Otherwise it
// scores them all.
func (e *Engine) rank(terms []Term) []match {
	if !e.exhaustive {
		if top, ok := e.rankPruned(terms); ok {
			return top
		}
	}
	return e.rankAll(terms)
}

// rankPruned is the pruned ranking; ok is false when it cannot prove its
// result is the exhaustive one.
func (e *Engine) rankPruned(terms []Term) ([]match, bool) {
	ix := e.ix
	limit := rareLimit(len(ix.entries))
	var total, commonW, phrBound float64
	var rare, common []*Term
	for i := range terms {
		t := &terms[i]
		total += t.Weight
		if t.ID < 0 {
			continue
		}
		if len(ix.postings[t.ID]) > limit {
			common = append(common, t)
			commonW += t.Weight
			if mt := ix.minTotal[t.ID]; mt > 0 {
				phrBound += t.Weight / mt
			}
		} else {
			rare = append(rare, t)
		}
	}
	if len(common) == 0 || len(rare) == 0 || total == 0 {
		return nil, false
	}
	share := e.policy.CoverageShare
	bound := share*min(1, commonW/total) + (1-share)*min(1, phrBound)
	s := e.scratch()
	defer e.release(s)
	for _, t := range rare {
		for _, id := range append([]int32{t.ID}, e.within[t.ID]...) {
			for _, p := range ix.postings[id] {
				if !s.seen[p.entry] {
					s.seen[p.entry] = true
					s.touchedE = append(s.touchedE, p.entry)
				}
			}
		}
	}
	top := make([]match, 0, topK+1)
	for _, ei := range s.touchedE {
		m := e.score(&ix.entries[ei], terms, total)
		top = insertTop(top, m)
	}
	p := &e.policy
	switch {
	case len(top) == topK && bound < top[topK-1].score:
		return top, true // exactly the exhaustive top
	case bound < min(p.MinScore, p.AskScore) && commonW/total <= p.SuggestCoverage:
		return top, true // the others cannot be answered, offered or suggested
	}
	return nil, false
}

// score computes one entry's match directly (the pruned path).
func (e *Engine) score(ei *entryIndex, terms []Term, total float64) match {
	ix := e.ix
	m := match{ei: ei}
	var cov float64
	for i := range terms {
		t := &terms[i]
		if t.ID < 0 {
			continue
		}
		switch {
		case ei.hasPrimary(t.ID):
			cov += t.Weight * primaryWeight
			m.content = m.content || t.content()
		case t.Kind == nil && ei.hasSecondary(t.ID):
			cov += t.Weight * secondaryWeight
		case len(e.within[t.ID]) > 0 && slices.ContainsFunc(e.within[t.ID], func(n int32) bool { return ei.hasPrimary(n) || ei.hasSecondary(n) }):
			cov += t.Weight * e.withinWeight(t.ID) // a place within it
		}
	}
	for _, pi := range ei.phrasings {
		p := &ix.phrasings[pi]
		if p.total == 0 {
			continue
		}
		var got float64
		for i := range terms {
			if t := &terms[i]; t.ID >= 0 {
				if _, ok := slices.BinarySearch(p.terms, t.ID); ok {
					got += t.Weight
				}
			}
		}
		m.phrasing = max(m.phrasing, min(1, got/p.total))
		m.dice = max(m.dice, 2*got/(p.total+total))
	}
	m.coverage = min(1, cov/total)
	m.score = e.policy.CoverageShare*m.coverage + (1-e.policy.CoverageShare)*m.phrasing
	return m
}

// insertTop inserts m into the bounded, sorted top list.
func insertTop(top []match, m match) []match {
	if len(top) == topK && !better(&m, &top[topK-1]) {
		return top
	}
	j := len(top)
	top = append(top, m)
	for j > 0 && better(&top[j], &top[j-1]) {
		top[j], top[j-1] = top[j-1], top[j]
		j--
	}
	if len(top) > topK {
		top = top[:topK]
	}
	return top
}

func (e *Engine) scratch() *scratch {
	ix := e.ix
	s, _ := scratchPool.Get().(*scratch)
	if s == nil || len(s.cov) != len(ix.entries) || len(s.phr) != len(ix.phrasings) {
		n := len(ix.entries)
		s = &scratch{
			cov: make([]float64, n), best: make([]float64, n), dice: make([]float64, n),
			content: make([]bool, n), seen: make([]bool, n), phr: make([]float64, len(ix.phrasings)),
			phrSeen: make([]bool, len(ix.phrasings)),
		}
	}
	return s
}

func (e *Engine) release(s *scratch) {
	for _, ei := range s.touchedE {
		s.seen[ei] = false
	}
	s.touchedE, s.touchedP = s.touchedE[:0], s.touchedP[:0]
	scratchPool.Put(s)
}

// addPlacesWithin adds to the coverage of each entry that lacks the place
// id but has a place within it ("Europe" and Germany) the place's weight w
// as if found in its facts (once, however many such places it has). A place
// the asked one lies within only lets an entry answer (blocker), it does not
// cover it: the Middle East is not Dubai.
func (e *Engine) addPlacesWithin(s *scratch, id int32, within []int32, w float64) {
	ix := e.ix
	done := map[int32]bool{}
	for _, p := range ix.postings[id] {
		done[p.entry] = true // has the place itself
	}
	for _, n := range within {
		for _, p := range ix.postings[n] {
			if done[p.entry] {
				continue
			}
			done[p.entry] = true
			if !s.seen[p.entry] {
				s.seen[p.entry] = true
				s.touchedE = append(s.touchedE, p.entry)
			}
			s.cov[p.entry] += w * e.withinWeight(id)
		}
	}
}

// withinWeight is the share of its weight a term of id counts for in an
// entry that has only a place within it: a place's (Europe, and Germany in
// the facts) as if the facts named it; a concept's that places stand for
// (foreign, and the US) less: the facts name where, not that it is abroad
// ("don't the call centers that don't serve overseas clients serve
// anyone?" is still about the overseas share, not the client countries).
// Determined on the tune set.
func (e *Engine) withinWeight(id int32) float64 {
	if e.v.terms[id].concept != nil && e.v.terms[id].concept.Class != knowledge.ClassPlace {
		return standsForWeight
	}
	return secondaryWeight
}

// rankAll scores every entry that shares a term with the question.
func (e *Engine) rankAll(terms []Term) []match {
	ix := e.ix
	s := e.scratch()
	var total float64
	for i := range terms {
		t := &terms[i]
		total += t.Weight
		if t.ID < 0 {
			continue
		}
		w := t.Weight
		for _, p := range ix.postings[t.ID] {
			if !s.seen[p.entry] {
				s.seen[p.entry] = true
				s.touchedE = append(s.touchedE, p.entry)
			}
			if p.primary {
				s.cov[p.entry] += w * primaryWeight
				if t.content() {
					s.content[p.entry] = true
				}
			} else if t.Kind == nil {
				s.cov[p.entry] += w * secondaryWeight
			}
		}
		if within := e.within[t.ID]; len(within) > 0 {
			e.addPlacesWithin(s, t.ID, within, w)
		}
		for _, pi := range ix.phrPost[t.ID] {
			if !s.phrSeen[pi] {
				s.phrSeen[pi] = true
				s.touchedP = append(s.touchedP, pi)
			}
			s.phr[pi] += w
		}
	}
	for _, pi := range s.touchedP {
		p := &ix.phrasings[pi]
		if p.total > 0 {
			if sim := min(1, s.phr[pi]/p.total); sim > s.best[p.entry] {
				s.best[p.entry] = sim
			}
			if d := 2 * s.phr[pi] / (p.total + total); d > s.dice[p.entry] {
				s.dice[p.entry] = d
			}
		}
		s.phr[pi], s.phrSeen[pi] = 0, false
	}
	top := make([]match, 0, topK+1)
	share := e.policy.CoverageShare
	for _, ei := range s.touchedE {
		m := match{ei: &ix.entries[ei], phrasing: s.best[ei], dice: s.dice[ei], content: s.content[ei]}
		if total > 0 {
			m.coverage = min(1, s.cov[ei]/total)
		}
		m.score = share*m.coverage + (1-share)*m.phrasing
		s.cov[ei], s.best[ei], s.dice[ei], s.content[ei], s.seen[ei] = 0, 0, 0, false, false
		top = insertTop(top, m)
	}
	s.touchedE, s.touchedP = s.touchedE[:0], s.touchedP[:0]
	scratchPool.Put(s)
	return top
}

package answers

import (
	"sync"
)

// match is a scored candidate entry for a question.
type match struct {
	ei       *entryIndex
	score    float64
	coverage float64
	phrasing float64
	dice     float64 // the best phrasing's overlap with the question, both ways: breaks ties
	content  bool    // a content term of the question is in the entry's primary fields
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
	phr      []float64 // by phrasing
	touchedE []int32
	touchedP []int32
}

var scratchPool sync.Pool

// topK is how many ranked candidates rank returns: the decision looks at
// the best few, suggestions at the first three.
const topK = 8

// rank scores every entry that shares a term with the question (exhaustive:
// no candidate is pruned, so the right entry cannot be lost) and returns the
// best topK, best first.
func (e *Engine) rank(terms []Term) []match {
	ix := e.ix
	s, _ := scratchPool.Get().(*scratch)
	if s == nil || len(s.cov) != len(ix.entries) || len(s.phr) != len(ix.phrasings) {
		s = &scratch{
			cov: make([]float64, len(ix.entries)), best: make([]float64, len(ix.entries)), dice: make([]float64, len(ix.entries)),
			content: make([]bool, len(ix.entries)), phr: make([]float64, len(ix.phrasings)),
		}
	}
	var total float64
	for i := range terms {
		t := &terms[i]
		total += t.Weight
		if t.ID < 0 {
			continue
		}
		w := t.Weight
		for _, p := range ix.postings[t.ID] {
			if s.cov[p.entry] == 0 && !s.content[p.entry] {
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
			if s.cov[p.entry] == 0 && !s.content[p.entry] {
				// A zero-weight term touched it: keep it listed once.
				s.cov[p.entry] = 1e-12
			}
		}
		for _, pi := range ix.phrPost[t.ID] {
			if s.phr[pi] == 0 {
				s.touchedP = append(s.touchedP, pi)
			}
			s.phr[pi] += w + 1e-12
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
		s.phr[pi] = 0
	}
	top := make([]match, 0, topK+1)
	share := e.policy.CoverageShare
	for _, ei := range s.touchedE {
		m := match{ei: &ix.entries[ei], phrasing: s.best[ei], dice: s.dice[ei], content: s.content[ei]}
		if total > 0 {
			m.coverage = min(1, s.cov[ei]/total)
		}
		m.score = share*m.coverage + (1-share)*m.phrasing
		s.cov[ei], s.best[ei], s.dice[ei], s.content[ei] = 0, 0, 0, false
		// Insert into the bounded, sorted top list.
		if len(top) == topK && !better(&m, &top[topK-1]) {
			continue
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
	}
	s.touchedE, s.touchedP = s.touchedE[:0], s.touchedP[:0]
	scratchPool.Put(s)
	return top
}

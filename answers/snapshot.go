package answers

import (
	"bytes"
	"encoding/gob"
	"errors"
	"fmt"
	"maps"
	"slices"

	"github.com/bpobot/bpobot/knowledge"
)

// A snapshot is a compiled engine, knowledge base included, encoded so that
// loading it costs a fraction of compiling: `bpobot ask` answers one question
// and exits, and compiling is most of its time. Only slices are encoded, in
// a fixed order, so the same knowledge always gives the same bytes (the
// snapshot is generated and checked in; a test regenerates it).
type snapshot struct {
	Version    int
	Hash       string // what the snapshot was compiled from (knowledge.EmbeddedHash)
	KB         *knowledge.Base
	Terms      snapTerms
	Tries      [numLangs]snapTrie
	Collisions []string
	Entries    []snapEntry
	Phrasings  snapPhrasings
	Postings   snapPostings
	Weight     []float64
	MaxWeight  float64
	ExactKeys  []string
	ExactVals  []int32
	SameAs     []string
	Words      []string // the speller's words
	WordFreq   []int
	Joiners    [numLangs][]string
	PersonRefs [numLangs][]string
	ThingRefs  [numLangs][]string
	Defaults   []string
	Policy     Policy
}

const snapshotVersion = 3

// The encoded forms below are flat arrays rather than slices of structs:
// decoding a few long slices is far cheaper than many small ones.

type snapTerms struct {
	Keys, Classes, Periods, Displays []string
	Kinds, Concepts                  []int32 // indexes into the lexicon's kinds and concepts, or -1
}

// snapTrie holds a trie's nodes breadth first: node i's children are
// Keys[Start[i]:Start[i+1]] and Children[Start[i]:Start[i+1]].
type snapTrie struct {
	Start    []int32
	Keys     []string
	Children []int32
	Vals     []int32 // noVal, fnVal or a term id
	HomNodes []int32 // nodes whose meaning is a homonym
	HomDefs  []int32
	HomStart []int32
	HomKeys  []string
	HomTerms []int32
}

const (
	noVal = -2
	fnVal = -1
)

type snapEntry struct {
	Primary, Secondary []int32
	States             []string
	Changes            []string
	Ranges             [][2]string
	Kinds              []int32
	Periods            bool
	Phrasings          []int32
	Figures            [][]string
}

type snapPhrasings struct {
	Entries []int32
	Totals  []float64
	Start   []int32
	Terms   []int32
}

// snapPostings: term t's postings are [Start[t]:Start[t+1]], its phrasings
// PhrIdx[PhrStart[t]:PhrStart[t+1]].
type snapPostings struct {
	Start    []int32
	Entries  []int32
	Primary  []bool
	PhrStart []int32
	PhrIdx   []int32
}

// Snapshot encodes the compiled engine. hash names what it was compiled
// from, for whoever loads it to check.
func (e *Engine) Snapshot(hash string) ([]byte, error) {
	lx := e.v.lex
	s := snapshot{Version: snapshotVersion, Hash: hash, KB: e.kb, Collisions: e.v.collisions,
		Weight: e.ix.weight, MaxWeight: e.ix.maxWeight, SameAs: e.ix.sameAs, Policy: e.policy}
	st := &s.Terms
	for _, t := range e.v.terms {
		st.Keys = append(st.Keys, t.key)
		st.Classes = append(st.Classes, t.class)
		st.Periods = append(st.Periods, t.period)
		st.Displays = append(st.Displays, t.display)
		st.Kinds = append(st.Kinds, int32(slices.Index(lx.Kinds, t.kind)))
		st.Concepts = append(st.Concepts, int32(slices.Index(lx.Concepts, t.concept)))
	}
	for l := range numLangs {
		s.Tries[l] = flattenTrie(e.v.tries[l])
		s.Joiners[l] = e.joiners.keys(l)
		s.PersonRefs[l] = e.personRefs.keys(l)
		s.ThingRefs[l] = e.thingRefs.keys(l)
	}
	for _, ei := range e.ix.entries {
		se := snapEntry{Primary: ei.primary, Secondary: ei.secondary, Kinds: ei.kinds, Periods: ei.periods, Phrasings: ei.phrasings,
			Figures: ei.figures, Ranges: ei.ranges}
		se.States = slices.Sorted(maps.Keys(ei.states))
		se.Changes = slices.Sorted(maps.Keys(ei.changes))
		s.Entries = append(s.Entries, se)
	}
	sp := &s.Phrasings
	for _, p := range e.ix.phrasings {
		sp.Entries = append(sp.Entries, p.entry)
		sp.Totals = append(sp.Totals, p.total)
		sp.Start = append(sp.Start, int32(len(sp.Terms)))
		sp.Terms = append(sp.Terms, p.terms...)
	}
	sp.Start = append(sp.Start, int32(len(sp.Terms)))
	po := &s.Postings
	for t, ps := range e.ix.postings {
		po.Start = append(po.Start, int32(len(po.Entries)))
		for _, p := range ps {
			po.Entries = append(po.Entries, p.entry)
			po.Primary = append(po.Primary, p.primary)
		}
		po.PhrStart = append(po.PhrStart, int32(len(po.PhrIdx)))
		po.PhrIdx = append(po.PhrIdx, e.ix.phrPost[t]...)
	}
	po.Start = append(po.Start, int32(len(po.Entries)))
	po.PhrStart = append(po.PhrStart, int32(len(po.PhrIdx)))
	for _, k := range slices.Sorted(maps.Keys(e.ix.exact)) {
		s.ExactKeys = append(s.ExactKeys, k)
		s.ExactVals = append(s.ExactVals, e.ix.exact[k])
	}
	for _, w := range slices.Sorted(maps.Keys(e.sp.freq)) {
		s.Words = append(s.Words, w)
		s.WordFreq = append(s.WordFreq, e.sp.freq[w])
	}
	for _, d := range e.defaults {
		s.Defaults = append(s.Defaults, d.ID)
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(&s); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// flattenTrie lists a trie's nodes breadth first, children in key order.
func flattenTrie(root *trieNode) snapTrie {
	var st snapTrie
	queue := []*trieNode{root}
	for i := 0; i < len(queue); i++ {
		n := queue[i]
		val := int32(noVal)
		if m := n.val; m != nil {
			val = m.term
			if m.function {
				val = fnVal
			}
			if h := m.homonym; h != nil {
				st.HomNodes = append(st.HomNodes, int32(i))
				st.HomDefs = append(st.HomDefs, h.def)
				st.HomStart = append(st.HomStart, int32(len(st.HomKeys)))
				for _, k := range slices.Sorted(maps.Keys(h.context)) {
					st.HomKeys = append(st.HomKeys, k)
					st.HomTerms = append(st.HomTerms, h.context[k])
				}
			}
		}
		st.Vals = append(st.Vals, val)
		st.Start = append(st.Start, int32(len(st.Keys)))
		for _, k := range slices.Sorted(maps.Keys(n.next)) {
			st.Keys = append(st.Keys, k)
			st.Children = append(st.Children, int32(len(queue)))
			queue = append(queue, n.next[k])
		}
	}
	st.Start = append(st.Start, int32(len(st.Keys)))
	st.HomStart = append(st.HomStart, int32(len(st.HomKeys)))
	return st
}

// trie rebuilds a trie from its flat form.
func (st *snapTrie) trie() *trieNode {
	nodes := make([]trieNode, len(st.Vals))
	vals := make([]lexMatch, len(st.Vals))
	for i := range nodes {
		n := &nodes[i]
		if a, b := st.Start[i], st.Start[i+1]; b > a {
			n.next = make(map[string]*trieNode, b-a)
			for j := a; j < b; j++ {
				n.next[st.Keys[j]] = &nodes[st.Children[j]]
				n.link(st.Keys[j], &nodes[st.Children[j]])
			}
		}
		switch v := st.Vals[i]; v {
		case noVal:
		case fnVal:
			vals[i] = lexMatch{term: -1, function: true}
			n.val = &vals[i]
		default:
			vals[i] = lexMatch{term: v}
			n.val = &vals[i]
		}
	}
	for h, ni := range st.HomNodes {
		rule := &homonymRule{def: st.HomDefs[h], context: map[string]int32{}}
		for j := st.HomStart[h]; j < st.HomStart[h+1]; j++ {
			rule.context[st.HomKeys[j]] = st.HomTerms[j]
		}
		nodes[ni].val.homonym = rule
	}
	return &nodes[0]
}

// LoadSnapshot decodes an engine encoded by Snapshot. It returns the hash
// the snapshot was compiled from, for the caller to check it is current.
func LoadSnapshot(data []byte) (*Engine, string, error) {
	var s snapshot
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&s); err != nil {
		return nil, "", fmt.Errorf("decoding the engine snapshot: %w", err)
	}
	if s.Version != snapshotVersion || s.KB == nil {
		return nil, "", errors.New("the engine snapshot is from another version")
	}
	kb := s.KB
	lx := kb.Lexicon
	e := &Engine{kb: kb, policy: s.Policy, periods: kb.Periods()}
	st := &s.Terms
	v := &vocab{ids: make(map[string]int32, len(st.Keys)), lex: lx, collisions: s.Collisions, scan: newNumberScanner(lx.Settings.Numbers)}
	v.terms = make([]termInfo, len(st.Keys))
	for i, key := range st.Keys {
		ti := termInfo{key: key, class: st.Classes[i], period: st.Periods[i], display: st.Displays[i]}
		if k := st.Kinds[i]; k >= 0 {
			ti.kind = lx.Kinds[k]
		}
		if c := st.Concepts[i]; c >= 0 {
			ti.concept = lx.Concepts[c]
		}
		v.terms[i] = ti
		v.ids[key] = int32(i)
	}
	for l := range numLangs {
		v.tries[l] = s.Tries[l].trie()
		e.joiners.load(l, s.Joiners[l])
		e.personRefs.load(l, s.PersonRefs[l])
		e.thingRefs.load(l, s.ThingRefs[l])
	}
	e.v = v
	ix := &index{weight: s.Weight, maxWeight: s.MaxWeight, sameAs: s.SameAs, exact: make(map[string]int32, len(s.ExactKeys))}
	for i, k := range s.ExactKeys {
		ix.exact[k] = s.ExactVals[i]
	}
	ix.entries = make([]entryIndex, len(s.Entries))
	for i, se := range s.Entries {
		ei := &ix.entries[i]
		*ei = entryIndex{entry: kb.Entries[i], primary: se.Primary, secondary: se.Secondary, kinds: se.Kinds,
			periods: se.Periods, phrasings: se.Phrasings, figures: se.Figures, ranges: se.Ranges,
			states: make(map[string]bool, len(se.States)), changes: make(map[string]bool, len(se.Changes))}
		for _, st := range se.States {
			ei.states[st] = true
		}
		for _, st := range se.Changes {
			ei.changes[st] = true
		}
	}
	sp := &s.Phrasings
	ix.phrasings = make([]phrasingIndex, len(sp.Entries))
	for i := range ix.phrasings {
		ix.phrasings[i] = phrasingIndex{entry: sp.Entries[i], terms: sp.Terms[sp.Start[i]:sp.Start[i+1]:sp.Start[i+1]], total: sp.Totals[i]}
	}
	po := &s.Postings
	n := len(po.Start) - 1
	ix.postings = make([][]posting, n)
	ix.phrPost = make([][]int32, n)
	all := make([]posting, len(po.Entries))
	for i := range all {
		all[i] = posting{entry: po.Entries[i], primary: po.Primary[i]}
	}
	for t := range n {
		ix.postings[t] = all[po.Start[t]:po.Start[t+1]:po.Start[t+1]]
		ix.phrPost[t] = po.PhrIdx[po.PhrStart[t]:po.PhrStart[t+1]:po.PhrStart[t+1]]
	}
	ix.finish()
	e.ix = ix
	freq := make(map[string]int, len(s.Words))
	for i, w := range s.Words {
		freq[w] = s.WordFreq[i]
	}
	e.sp = newSpeller(freq)
	e.sp.meaning, e.sp.phrases = e.wordMeaning, e.twoWordForms
	e.building, e.tokCache = true, map[string][]token{}
	e.indexCredits() // cheap: a dozen attributions
	e.building, e.tokCache = false, nil
	e.indexDown()
	e.indexRequires()
	e.indexOrdinals()
	e.bounds = newBounds(e.v.lex.Settings.Bounds)
	e.factFigures = e.readFactFigures()
	e.factTerms = e.readFactTerms()
	e.figureEntries = e.readFigureEntries()
	e.yesNo = newWordSet(e.v.lex.Settings.YesNo)
	e.checkTags = newWordSet(e.v.lex.Settings.CheckTags)
	e.summary = newWordSet(e.v.lex.Settings.Summary.Forms)
	e.indexPlaces()
	for _, id := range s.Defaults {
		if en := kb.Entry(id); en != nil {
			e.defaults = append(e.defaults, en)
		}
	}
	e.complete = newCompleter(kb, e)
	e.translate()
	return e, s.Hash, nil
}

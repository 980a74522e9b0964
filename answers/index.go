package answers

import (
	"fmt"
	"slices"
	"strings"

	"github.com/bpobot/bpobot/knowledge"
)

// Field weights: a term found in an entry's question, phrasings or keywords
// (its primary fields) counts fully; one found only in the text of its facts
// counts for less, because facts mention many things they are not about.
const (
	primaryWeight   = 1.0
	secondaryWeight = 0.6
	// standsForWeight is what a concept that places stand for counts
	// (knowledge.Concept.Places) in an entry whose facts name such a place.
	standsForWeight = 0.3
)

// unknownUrduShare is the weight of an Urdu-script word the lexicon does not
// know, as a share of the weight of an unknown Latin word: the Urdu lexicon
// is young, so an unknown Urdu word lowers confidence less and never blocks.
const unknownUrduShare = 0.3

// maxKindWeight caps the weight of a kind of question ("how many", "why").
const maxKindWeight = 1.2

// entryIndex is what the index knows about one entry.
type entryIndex struct {
	entry     *knowledge.Entry
	primary   []int32         // sorted term ids of the question, phrasings and keywords
	secondary []int32         // sorted term ids found only in its facts
	states    map[string]bool // what its facts that state no change state
	changes   map[string]bool // what its facts that state a change state
	ranges    [][2]string     // the periods each change is between: FY24, FY25
	kinds     []int32         // kinds of question it answers whatever its facts state (Entry.Kinds)
	requires  []int32         // concepts of which a question must name one (Entry.Requires)
	periods   bool            // some fact of it has a period
	phrasings []int32         // indexes into index.phrasings
	figures   [][]string
}

// indexRequires reads each entry's Requires as term ids.
func (e *Engine) indexRequires() {
	for i := range e.ix.entries {
		ei := &e.ix.entries[i]
		ei.requires = nil
		for _, c := range ei.entry.Requires {
			if id, ok := e.v.ids["c:"+c]; ok {
				ei.requires = append(ei.requires, id)
			}
		}
	}
}

// meetsRequires reports whether the question names one of the concepts the
// entry requires, or the entry requires none.
func (ei *entryIndex) meetsRequires(terms []Term) bool {
	if len(ei.requires) == 0 {
		return true
	}
	for i := range terms {
		if slices.Contains(ei.requires, terms[i].ID) {
			return true
		}
	}
	return false
}

func (ei *entryIndex) hasPrimary(id int32) bool {
	_, ok := slices.BinarySearch(ei.primary, id)
	return ok
}

func (ei *entryIndex) hasSecondary(id int32) bool {
	_, ok := slices.BinarySearch(ei.secondary, id)
	return ok
}

// phrasingIndex is one way of asking an entry's question.
type phrasingIndex struct {
	entry int32
	terms []int32
	total float64 // the sum of its terms' weights
}

// posting is one entry a term occurs in.
type posting struct {
	entry   int32
	primary bool
}

// index is the inverted index over a knowledge base, built once by New.
type index struct {
	entries   []entryIndex
	phrasings []phrasingIndex
	postings  [][]posting // by term id
	phrPost   [][]int32   // by term id: the phrasings it occurs in
	weight    []float64   // by term id
	maxWeight float64     // the weight of a term in one entry: what an unknown word weighs
	exact     map[string]int32
	minTotal  []float64                  // by term id: the least total weight of a phrasing that has it (for rank's bound)
	declared  []bool                     // by term id: a kind of question some entry lists under kinds:
	position  map[*knowledge.Entry]int32 // where each entry is in entries
	sameAs    []string                   // phrasings of two entries that read the same, for lint messages
	credits   []credit                   // the facts credited to someone, in the knowledge base's order
}

// texts of an entry, by field.
func entryTexts(kb *knowledge.Base, e *knowledge.Entry) (phrasings, keywords, facts []string) {
	phrasings = append([]string{e.Question}, e.Phrasings...)
	keywords = e.Keywords
	for _, id := range e.Facts {
		f := kb.Fact(id)
		if f == nil {
			continue
		}
		if e.AboutSources {
			// An entry about the sources answers questions about the
			// sources, not about what its sample facts happen to say.
			if src := kb.Source(f.Source); src != nil {
				facts = append(facts, src.Title+". "+src.Credit()+". "+strings.Join(src.Cites, ". "))
			}
			continue
		}
		facts = append(facts, f.Text+". "+f.Attribution+". "+strings.Join(f.Entities, ". ")+". "+f.Period)
	}
	return
}

// learn adds the words of a knowledge-base text that no lexicon form covers
// to the vocabulary, so questions can match them, and feeds the speller.
func (e *Engine) learn(text string, words map[string]int) {
	toks := e.tokenize(text)
	lang := e.detectLang(toks)
	for i := 0; i < len(toks); {
		t := &toks[i]
		if t.urdu {
			if _, n, _ := e.v.longest(langUr, toks, i); n > 0 {
				i += n
				continue
			}
			e.v.intern("w:" + t.lower)
			i++
			continue
		}
		_, n, _ := e.v.longest(lang, toks, i)
		if _, n2, _ := e.v.longest(1-lang, toks, i); n2 > n {
			n = n2
		}
		if !t.num && isASCIILetters(t.lower) {
			words[t.lower]++
		}
		if n > 0 {
			i += n
			continue
		}
		if p, ok := periodToken(t.raw); ok {
			_, ti := e.v.intern("p:" + p)
			ti.class, ti.period = knowledge.ClassPeriod, p
		} else if t.num {
			e.v.intern("w:" + t.lower)
		} else if len(t.lower) > 1 {
			e.v.intern("w:" + stem(t.lower))
		}
		i++
	}
}

// termIDs returns the distinct term ids of a knowledge-base text.
func (e *Engine) termIDs(text string) []int32 {
	a := e.Analyze(text)
	out := make([]int32, 0, len(a.Terms))
	for _, t := range a.Terms {
		if t.ID >= 0 && !slices.Contains(out, t.ID) {
			out = append(out, t.ID)
		}
	}
	return out
}

// exactKey is the key of the exact-match stage: the question's terms in
// order. Two texts with the same key ask the same thing in the same words,
// up to case, spelling variants and function words.
func exactKey(a *Analysis) string {
	if !slices.ContainsFunc(a.Terms, func(t Term) bool { return t.Kind == nil }) {
		return "" // kinds of question alone ("where from?") say nothing of what is asked
	}
	var b strings.Builder
	for _, t := range a.Terms {
		if t.ID < 0 {
			return "" // an unknown word: never an exact match
		}
		b.WriteString(string(rune(t.ID + 1)))
	}
	return b.String()
}

// buildIndex compiles the knowledge base: the vocabulary, the entries'
// terms by field, the weights and the exact-match table.
func (e *Engine) buildIndex() {
	kb := e.kb
	ix := &index{exact: map[string]int32{}}
	e.ix = ix
	for _, p := range kb.Periods() {
		_, ti := e.v.intern("p:" + p)
		ti.class, ti.period = knowledge.ClassPeriod, p
	}
	words := map[string]int{}
	for _, en := range kb.Entries {
		ph, kw, fs := entryTexts(kb, en)
		for _, t := range slices.Concat(ph, kw, fs) {
			e.learn(t, words)
		}
	}
	// The words of concepts' and kinds' forms: "universites" is read as
	// "universities", so "which universities" is the names kind.
	forms := make([]knowledge.Forms, 0, len(e.v.lex.Concepts)+len(e.v.lex.Kinds))
	for _, c := range e.v.lex.Concepts {
		forms = append(forms, c.Forms)
	}
	for _, k := range e.v.lex.Kinds {
		forms = append(forms, k.Forms)
	}
	for _, fo := range forms {
		for _, l := range []string{knowledge.English, knowledge.RomanUrdu} {
			for _, f := range fo.Of(l) {
				for _, w := range strings.Fields(strings.ToLower(f)) {
					if isASCIILetters(w) {
						words[w]++
					}
				}
			}
		}
	}
	// Function words too, so "waht" is read as "what", not as a heavy
	// unknown word.
	for _, l := range []string{knowledge.English, knowledge.RomanUrdu} {
		for _, f := range e.v.lex.FunctionWords.Of(l) {
			for _, w := range strings.Fields(strings.ToLower(f)) {
				if isASCIILetters(w) {
					words[w]++
				}
			}
		}
	}
	e.sp = newSpeller(words)
	e.sp.meaning, e.sp.phrases = e.wordMeaning, e.twoWordForms
	ix.weight = make([]float64, len(e.v.terms)) // zero while indexing: weights come from the entries

	// Concepts that ask who said something ("said", "according to") are
	// had by every entry with a fact its source credits to someone.
	var asksWho []int32
	for _, c := range e.v.lex.Concepts {
		if slices.Contains(c.Asks, knowledge.AsksAttribution) {
			if id, ok := e.v.ids["c:"+c.ID]; ok {
				asksWho = append(asksWho, id)
			}
		}
	}

	ix.entries = make([]entryIndex, len(kb.Entries))
	var exactOwners = map[string]int32{}
	exactText := map[string]string{}
	for i, en := range kb.Entries {
		ei := &ix.entries[i]
		ei.entry = en
		ei.states, ei.changes = map[string]bool{}, map[string]bool{}
		ph, kw, fs := entryTexts(kb, en)
		prim := map[int32]bool{}
		sets := map[string]bool{} // the entry's phrasings' term sets: two alike score alike
		for _, p := range ph {
			a := e.Analyze(p)
			ids := make([]int32, 0, len(a.Terms))
			for _, t := range a.Terms {
				if t.ID >= 0 && !slices.Contains(ids, t.ID) {
					ids = append(ids, t.ID)
					prim[t.ID] = true
				}
			}
			sorted := slices.Sorted(slices.Values(ids))
			if set := fmt.Sprint(sorted); !sets[set] {
				sets[set] = true
				ei.phrasings = append(ei.phrasings, int32(len(ix.phrasings)))
				ix.phrasings = append(ix.phrasings, phrasingIndex{entry: int32(i), terms: ids})
			}
			if k := exactKey(&a); k != "" {
				if owner, dup := exactOwners[k]; dup && owner != int32(i) {
					exactOwners[k] = -1 // two entries share this wording: no exact answer
					ix.sameAs = append(ix.sameAs, fmt.Sprintf("%s: entry %q: %q reads the same as %s", en.Pos, en.ID, p, exactText[k]))
				} else if !dup {
					exactOwners[k] = int32(i)
					exactText[k] = fmt.Sprintf("%q of entry %q", p, en.ID)
				}
			}
		}
		for _, k := range kw {
			for _, id := range e.termIDs(k) {
				prim[id] = true
			}
		}
		sec := map[int32]bool{}
		for _, f := range fs {
			for _, id := range e.termIDs(f) {
				if !prim[id] {
					sec[id] = true
				}
			}
		}
		for _, id := range en.Facts {
			if f := kb.Fact(id); f != nil {
				if f.Attribution != "" {
					for _, id := range asksWho {
						if !prim[id] {
							sec[id] = true
						}
					}
				}
				states := ei.states
				if slices.Contains(f.States, knowledge.StatesChange) {
					states = ei.changes
					if p := knowledge.SplitPeriods(f.Period); len(p) == 2 {
						ei.ranges = append(ei.ranges, [2]string{p[0], p[1]})
					}
				}
				for _, s := range f.States {
					states[s] = true
				}
				ei.periods = ei.periods || f.Period != ""
				ei.figures = append(ei.figures, figures(f.Text))
			}
		}
		for _, k := range en.Kinds {
			if id, ok := e.v.ids["k:"+k]; ok {
				ei.kinds = append(ei.kinds, id)
			}
		}
		ei.primary = sortedIDs(prim)
		ei.secondary = sortedIDs(sec)
	}
	// An entry's question as a translation words it (an Urdu reply's
	// suggestions and follow-ups) answers the entry when typed or pasted
	// back word for word; it takes no wording from another entry, and is
	// no phrasing of the ranking.
	for i, en := range kb.Entries {
		for _, t := range kb.Translations {
			if q := t.Entries[en.ID]; q != "" {
				a := e.Analyze(q)
				if k := exactKey(&a); k != "" {
					if _, taken := exactOwners[k]; !taken {
						exactOwners[k] = int32(i)
					}
				}
			}
		}
	}
	ix.exact = exactOwners

	// Weights: IDF over the entries.
	n := len(ix.entries)
	df := make([]int, len(e.v.terms))
	ix.postings = make([][]posting, len(e.v.terms))
	ix.phrPost = make([][]int32, len(e.v.terms))
	for i := range ix.entries {
		ei := &ix.entries[i]
		for _, id := range ei.primary {
			df[id]++
			ix.postings[id] = append(ix.postings[id], posting{entry: int32(i), primary: true})
		}
		for _, id := range ei.secondary {
			df[id]++
			ix.postings[id] = append(ix.postings[id], posting{entry: int32(i)})
		}
	}
	ix.maxWeight = idf(n, 1)
	for id := range e.v.terms {
		ix.weight[id] = idf(n, df[id])
		if ti := &e.v.terms[id]; ti.kind != nil {
			// A kind of question tells entries apart but is not what a
			// question is about: its weight is capped, and greetings weigh
			// nothing.
			ix.weight[id] = min(ix.weight[id], maxKindWeight)
			if ti.kind.Act != "" {
				ix.weight[id] = 0
			}
		}
	}
	for pi := range ix.phrasings {
		p := &ix.phrasings[pi]
		slices.Sort(p.terms)
		for _, id := range p.terms {
			p.total += ix.weight[id]
			ix.phrPost[id] = append(ix.phrPost[id], int32(pi))
		}
	}
	ix.finish()
}

// finish computes what the index derives from the rest (also after loading
// a snapshot).
func (ix *index) finish() {
	ix.position = make(map[*knowledge.Entry]int32, len(ix.entries))
	for i := range ix.entries {
		ix.position[ix.entries[i].entry] = int32(i)
	}
	ix.declared = make([]bool, len(ix.weight))
	for i := range ix.entries {
		for _, id := range ix.entries[i].kinds {
			ix.declared[id] = true
		}
	}
	ix.minTotal = make([]float64, len(ix.weight))
	for pi := range ix.phrasings {
		p := &ix.phrasings[pi]
		for _, id := range p.terms {
			if mt := ix.minTotal[id]; mt == 0 || p.total < mt {
				ix.minTotal[id] = p.total
			}
		}
	}
}

// twoWordForms returns the English and Roman Urdu forms of two words of
// the lexicon's concepts, kinds and function words, lowercased (for the
// speller's split).
func (e *Engine) twoWordForms() []string {
	lx := e.v.lex
	var all []knowledge.Forms
	for _, c := range lx.Concepts {
		all = append(all, c.Forms)
	}
	for _, k := range lx.Kinds {
		all = append(all, k.Forms)
	}
	all = append(all, lx.FunctionWords)
	var out []string
	for _, fo := range all {
		for _, l := range []string{knowledge.English, knowledge.RomanUrdu} {
			for _, f := range fo.Of(l) {
				ws := strings.Fields(strings.ToLower(f))
				if len(ws) == 2 && isASCIILetters(ws[0]) && isASCIILetters(ws[1]) {
					out = append(out, ws[0]+" "+ws[1])
				}
			}
		}
	}
	return out
}

func sortedIDs(m map[int32]bool) []int32 {
	out := make([]int32, 0, len(m))
	for id := range m {
		out = append(out, id)
	}
	slices.Sort(out)
	return out
}

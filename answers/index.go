package answers

import (
	"math"
	"regexp"
	"sort"
	"strings"

	"github.com/bpobot/bpobot/knowledge"
)

// Field weights: a term found in an entry's question, phrasings or keywords
// counts fully; one found only in the text of its facts counts for less,
// because facts mention many things they are not about.
const (
	primaryWeight   = 1.0
	secondaryWeight = 0.6
)

// intentWeight is the weight of a question word (why, who, qty for "how
// much/how many", when, where). They tell entries apart but never carry a
// match on their own.
const intentWeight = 0.8

var intents = set("why who qty when where how which")

// entryIndex is what the index knows about one entry.
type entryIndex struct {
	entry     *knowledge.Entry
	order     int
	primary   map[string]bool
	secondary map[string]bool
	phrasings []phrasing // the question and each phrasing
	hasFigure bool       // some fact states a number
	hasPlace  bool       // some fact names a place (for "where" questions)
	hasPeriod bool       // some fact names a period or date (for "when" questions)
}

// sourcesTopic is the topic of entries about the sources themselves.
const sourcesTopic = "sources"

// phrasing is one way of asking an entry's question, as weighted terms.
type phrasing struct {
	terms   []int32 // term ids (see index.ids)
	weights []float64
	total   float64
}

// posting is one entry a term occurs in, with the field weight.
type posting struct {
	entry  int
	weight float64
}

// index is the inverted index over a knowledge base, built once by New.
type index struct {
	entries  []entryIndex
	postings map[string][]posting
	idf      map[string]float64
	maxIDF   float64
	vocab    map[string]bool  // every canonical term in the knowledge base
	ids      map[string]int32 // a small number for each term of vocab, for fast comparison
	speller  *speller
}

func newIndex(kb *knowledge.Base) *index {
	ix := &index{
		postings: make(map[string][]posting),
		idf:      make(map[string]float64),
		vocab:    make(map[string]bool),
		ids:      make(map[string]int32),
	}
	var phrasingTerms [][][]string // per entry, per phrasing
	surface := make(map[string]int)
	for i, e := range kb.Entries {
		ei := entryIndex{entry: e, order: i, primary: make(map[string]bool), secondary: make(map[string]bool)}
		var pts [][]string
		for _, p := range append([]string{e.Question}, e.Phrasings...) {
			terms := ix.collect(p, surface)
			pts = append(pts, terms)
			for _, t := range terms {
				ei.primary[t] = true
			}
		}
		for _, k := range e.Keywords {
			for _, t := range ix.collect(k, surface) {
				ei.primary[t] = true
			}
		}
		for _, id := range e.Facts {
			f := kb.Fact(id)
			text := f.Text + " " + f.Attribution + " " + f.Period
			if src := kb.Source(f.Source); src != nil && e.Topic == sourcesTopic {
				// An entry about the sources answers questions about the
				// sources, not about what its sample facts happen to say.
				text = src.Title + " " + src.Credit() + " " + strings.Join(src.Cites, " ")
			}
			for _, t := range ix.collect(text, surface) {
				if !ei.primary[t] {
					ei.secondary[t] = true
				}
			}
			if hasNumber(f.Text) {
				ei.hasFigure = true
			}
			if f.Period != "" || periodWords.MatchString(f.Text) {
				ei.hasPeriod = true
			}
			for _, w := range tokenize(f.Text) {
				if t := canon(w); salientClass(t) == classPlace || placeWords[t] {
					ei.hasPlace = true
				}
			}
		}
		ix.entries = append(ix.entries, ei)
		phrasingTerms = append(phrasingTerms, pts)
	}
	n := float64(len(ix.entries))
	df := make(map[string]int)
	for i, ei := range ix.entries {
		for _, t := range sortedKeys(ei.primary) {
			ix.postings[t] = append(ix.postings[t], posting{i, primaryWeight})
			df[t]++
		}
		for _, t := range sortedKeys(ei.secondary) {
			ix.postings[t] = append(ix.postings[t], posting{i, secondaryWeight})
			df[t]++
		}
	}
	for _, t := range sortedKeys(boolKeys(df)) {
		ix.idf[t] = math.Log(1 + n/float64(df[t]))
		ix.vocab[t] = true
		ix.ids[t] = int32(len(ix.ids))
		ix.maxIDF = max(ix.maxIDF, ix.idf[t])
	}
	for i, pts := range phrasingTerms {
		for _, terms := range pts {
			var p phrasing
			for _, t := range terms {
				w := ix.weight(t)
				p.terms = append(p.terms, ix.ids[t])
				p.weights = append(p.weights, w)
				p.total += w
			}
			ix.entries[i].phrasings = append(ix.entries[i].phrasings, p)
		}
	}
	// The speller corrects toward words of the knowledge base and words the
	// lexicon knows (so "salry" is still recognised as a salary question).
	for w := range variants {
		surface[w]++
	}
	for _, w := range lexiconWords() {
		surface[w]++
	}
	for w := range synonyms {
		if isASCIILetters(w) {
			surface[w]++
		}
	}
	ix.speller = newSpeller(surface)
	return ix
}

// collect returns the distinct canonical content terms of text and counts
// its surface words for the speller.
func (ix *index) collect(text string, surface map[string]int) []string {
	var out []string
	seen := make(map[string]bool)
	for _, w := range tokenize(text) {
		surface[w]++
		t := canon(w)
		if t == "" || seen[t] {
			continue
		}
		seen[t] = true
		out = append(out, t)
	}
	return out
}

// weight is how much a query term counts: rarer terms count more, unknown
// terms count as much as the rarest, so an off-topic word drags a match down.
func (ix *index) weight(t string) float64 {
	if intents[t] {
		return intentWeight
	}
	if w, ok := ix.idf[t]; ok {
		return w
	}
	return ix.maxIDF
}

// placeWords answer "where" besides named places; periodWords answer "when".
var (
	placeWords  = set("city abroad country market")
	periodWords = regexp.MustCompile(`(?i)\b(?:FY\s?\d{2}|(?:19|20)\d{2}|january|february|march|april|may|june|july|august|september|october|november|december)\b`)
)

var notFigures = regexp.MustCompile(`24/7|\bFY\s?\d{2}\b|\b(?:19|20)\d{2}\b`)

var numberWords = set("one two three four five six seven eight nine ten hundred thousand million billion")

func hasNumber(s string) bool {
	s = notFigures.ReplaceAllString(s, " ") // "24/7", "FY25" and "2024" are not figures
	for _, r := range s {
		if r >= '0' && r <= '9' {
			return true
		}
	}
	for _, w := range strings.Fields(strings.ToLower(s)) {
		if numberWords[strings.Trim(w, ".,;:()")] {
			return true
		}
	}
	return false
}

func boolKeys(m map[string]int) map[string]bool {
	out := make(map[string]bool, len(m))
	for k := range m {
		out[k] = true
	}
	return out
}

func sortedKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// lexiconWords are the surface words the lexicon knows beyond the knowledge
// base: salient terms, so that misspelt ones are still caught.
func lexiconWords() []string {
	var out []string
	for class, group := range salientWords {
		if class == classPeriod {
			continue // "match" is not a misspelt "march"
		}
		out = append(out, strings.Fields(group)...)
	}
	return out
}

package usage

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Two phrasings are near-duplicates when the Jaccard similarity of their token
// sets is at least simNum/simDen (0.6). Kept as a fraction so that the
// arithmetic is exact.
const (
	simNum = 3
	simDen = 5
)

// maxExamples is how many phrasings a DeclinedGroup shows besides its label.
const maxExamples = 3

// stopwords are left out of token sets: words that say nothing about what is
// asked, in English and in Roman Urdu, including the question words (the
// kind of question is not what the curator groups by).
var stopwords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`
		a an the and or but of in on at to for from by with about as into than
		is are was were be been being am do does did has have had will would
		can could should shall may might must
		i me my we our us you your he him his she her it its they them their
		this that these those there here
		what which who whom whose how why when where
		much many any some all tell please know give

		hai hain tha thi ka ki ke ko se mein main ne par pe aur bhi
		kya kia koi ye yeh wo woh
		kitna kitne kitni kaun kon kyun kyon kyu kab kahan kaise kesay
		batao bataen bataye`) {
		stopwords[w] = true
	}
}

// tokenSet returns the distinct words of s that matter for similarity:
// lowercased, split at anything not a letter or digit, without stopwords and
// single letters.
func tokenSet(s string) []string {
	fields := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	})
	set := fields[:0]
	for _, f := range fields {
		if stopwords[f] {
			continue
		}
		if r, n := utf8.DecodeRuneInString(f); n == len(f) && unicode.IsLetter(r) {
			continue
		}
		set = append(set, f)
	}
	slices.Sort(set)
	return slices.Compact(set)
}

// A phrasing is one distinct declined question text and how often it was
// asked.
type phrasing struct {
	text  string
	count int
}

// groupDeclined groups near-duplicate phrasings. ps must be in order of count
// descending, then text ascending. Each phrasing in turn joins the existing
// group whose label (its first, most frequent phrasing) it is most similar to,
// if that similarity is at least 0.6 (the earliest such group on a tie), or
// starts a new group. Phrasings without tokens each form their own group.
// The groups are returned by total count descending, then label ascending.
//
// To stay fast on many phrasings it compares a phrasing only with the groups
// whose label shares a token in their prefixes (the rarest tokens first): two
// sets of Jaccard similarity t or more must share a token among the first
// n-ceil(t*n)+1 tokens of each (prefix filtering, as in Bayardo et al.'s
// All-Pairs). The result is the same as comparing with every group.
func groupDeclined(ps []phrasing) []DeclinedGroup {
	sets := make([][]string, len(ps))
	df := map[string]int{}
	for i, p := range ps {
		sets[i] = tokenSet(p.text)
		for _, t := range sets[i] {
			df[t]++
		}
	}
	// Rank the tokens, rarest first, and write each set as sorted ranks.
	vocab := make([]string, 0, len(df))
	for t := range df {
		vocab = append(vocab, t)
	}
	slices.SortFunc(vocab, func(a, b string) int {
		return cmp.Or(cmp.Compare(df[a], df[b]), strings.Compare(a, b))
	})
	rank := make(map[string]int32, len(vocab))
	for i, t := range vocab {
		rank[t] = int32(i)
	}
	ranked := make([][]int32, len(ps))
	for i, set := range sets {
		r := make([]int32, len(set))
		for j, t := range set {
			r[j] = rank[t]
		}
		slices.Sort(r)
		ranked[i] = r
	}

	type group struct {
		label   []int32 // the label's ranked tokens
		members []int   // indexes into ps, in order
		count   int
	}
	var groups []group
	index := map[int32][]int{} // prefix token -> groups whose label has it in its prefix
	seen := []int{}            // seen[g] == i+1 when group g is already a candidate for phrasing i
	for i, a := range ranked {
		best, bestInter, bestUnion := -1, 0, 1
		for _, tok := range a[:prefixLen(len(a))] {
			for _, g := range index[tok] {
				if seen[g] == i+1 {
					continue
				}
				seen[g] = i + 1
				inter, union := overlap(a, groups[g].label)
				if inter*simDen < union*simNum {
					continue
				}
				// More similar, or as similar and earlier.
				if c := inter*bestUnion - bestInter*union; c > 0 || (c == 0 && (best < 0 || g < best)) {
					best, bestInter, bestUnion = g, inter, union
				}
			}
		}
		if best >= 0 {
			groups[best].members = append(groups[best].members, i)
			groups[best].count += ps[i].count
			continue
		}
		g := len(groups)
		groups = append(groups, group{label: a, members: []int{i}, count: ps[i].count})
		seen = append(seen, 0)
		for _, tok := range a[:prefixLen(len(a))] {
			index[tok] = append(index[tok], g)
		}
	}

	out := make([]DeclinedGroup, len(groups))
	for g, gr := range groups {
		dg := DeclinedGroup{
			Label:     ps[gr.members[0]].text,
			Count:     gr.count,
			Phrasings: len(gr.members),
			Examples:  []string{},
		}
		for _, m := range gr.members[1:min(len(gr.members), 1+maxExamples)] {
			dg.Examples = append(dg.Examples, ps[m].text)
		}
		out[g] = dg
	}
	slices.SortStableFunc(out, func(a, b DeclinedGroup) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), strings.Compare(a.Label, b.Label))
	})
	return out
}

// prefixLen is how many of the rarest tokens of a set of n tokens must
// include a shared one if the set is to be near-duplicate with another:
// n - ceil(0.6 n) + 1, or 0 for an empty set, which matches nothing.
func prefixLen(n int) int {
	if n == 0 {
		return 0
	}
	return n - (simNum*n+simDen-1)/simDen + 1
}

// overlap returns the sizes of the intersection and union of two sorted sets.
func overlap(a, b []int32) (inter, union int) {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			inter++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return inter, len(a) + len(b) - inter
}

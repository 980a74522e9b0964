package usage

import (
	"cmp"
	"slices"
	"strings"
)

// maxExamples is how many phrasings a DeclinedGroup shows besides its label,
// and how many questions an EntryFeedback or a PickCount shows.
const maxExamples = 3

// A phrasing is one distinct question text, how often it was asked, and what
// the engine made of it.
type phrasing struct {
	text                  string
	count                 int
	reason, term, nearest string
	unknown               string // space-separated
}

// groupKey is what declined questions are grouped by: the engine's own
// analysis. A named term wins ("salary", whichever entry came near); then
// the nearest entry; a question with neither (or recorded before the
// analysis was) is a group of its own.
func (p *phrasing) groupKey() [3]string {
	switch {
	case p.term != "":
		return [3]string{p.reason, strings.ToLower(p.term), ""}
	case p.nearest != "":
		return [3]string{p.reason, "", p.nearest}
	}
	return [3]string{p.reason, "", "\x00" + p.text}
}

// groupDeclined groups declined phrasings by groupKey. Within a group the
// phrasings are ordered by count descending, then text; the first is the
// label. The groups are returned by total count descending, then label.
func groupDeclined(ps []phrasing) []DeclinedGroup {
	byKey := map[[3]string][]phrasing{}
	for _, p := range ps {
		k := p.groupKey()
		byKey[k] = append(byKey[k], p)
	}
	groups := make([]DeclinedGroup, 0, len(byKey))
	for k, members := range byKey {
		slices.SortFunc(members, func(a, b phrasing) int {
			return cmp.Or(cmp.Compare(b.count, a.count), cmp.Compare(a.text, b.text))
		})
		// The same text can be declined in two ways (before and after a
		// knowledge change); count it once per group.
		g := DeclinedGroup{Reason: k[0], Term: k[1], Label: members[0].text, Examples: []string{}}
		if !strings.HasPrefix(k[2], "\x00") {
			g.Nearest = k[2]
		}
		seen := map[string]bool{}
		for _, m := range members {
			g.Count += m.count
			if seen[m.text] {
				continue
			}
			seen[m.text] = true
			g.Phrasings++
			if m.text != g.Label && len(g.Examples) < maxExamples {
				g.Examples = append(g.Examples, m.text)
			}
		}
		groups = append(groups, g)
	}
	slices.SortFunc(groups, func(a, b DeclinedGroup) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Label, b.Label),
			cmp.Compare(a.Reason, b.Reason), cmp.Compare(a.Term, b.Term), cmp.Compare(a.Nearest, b.Nearest))
	})
	return groups
}

// countWords counts the unknown words of the phrasings: each question
// counts once per word it holds. The example of a word is its most frequent
// question (then the first in text order). Sorted by count descending, then
// word.
func countWords(ps []phrasing) []WordCount {
	type acc struct {
		count     int
		best      string
		bestCount int
	}
	words := map[string]*acc{}
	for _, p := range ps {
		for _, w := range strings.Fields(p.unknown) {
			a := words[w]
			if a == nil {
				a = &acc{}
				words[w] = a
			}
			a.count += p.count
			if p.count > a.bestCount || p.count == a.bestCount && p.text < a.best {
				a.best, a.bestCount = p.text, p.count
			}
		}
	}
	out := make([]WordCount, 0, len(words))
	for w, a := range words {
		out = append(out, WordCount{Word: w, Count: a.count, Example: a.best})
	}
	slices.SortFunc(out, func(a, b WordCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Word, b.Word))
	})
	return out
}

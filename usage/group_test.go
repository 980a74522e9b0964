package usage

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestTokenSet(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"What is the BPO salary in Karachi?", []string{"bpo", "karachi", "salary"}},
		{"karachi, BPO... salary!!", []string{"bpo", "karachi", "salary"}},
		{"call centers ne FY25 mein kitna kamaya?", []string{"call", "centers", "fy25", "kamaya"}},
		{"pakistan's top 10 call-centers", []string{"10", "call", "centers", "pakistan", "top"}},
		{"what is it?", []string{}},
		{"", []string{}},
		{"کال سینٹر کی آمدنی", []string{"آمدنی", "سینٹر", "کال", "کی"}},
	} {
		got := tokenSet(tc.in)
		if len(got) == 0 && len(tc.want) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("tokenSet(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}

func TestGroupDeclined(t *testing.T) {
	ps := []phrasing{ // in the order the report's query gives: count, then text
		{"bpo salary in karachi", 5},
		{"salary of agents", 3},
		{"???", 2},                                // no tokens: its own group
		{"bpo salary karachi lahore", 2},          // 3/4 with the first
		{"what is the bpo salary in karachi?", 2}, // the same tokens as the first
		{"!!!", 1},                                // no tokens either, not merged with ???
		{"agents salary", 1},                      // 2/2 with "salary of agents"
		{"bpo karachi", 1},                        // 2/3 with the first
		{"karachi", 1},                            // 1/3: not similar enough
		{"salary karachi bpo 2024", 1},            // 3/4 with the first: a fourth example, not shown
	}
	got := groupDeclined(ps)
	want := []DeclinedGroup{
		{"bpo salary in karachi", 11, 5, []string{"bpo salary karachi lahore", "what is the bpo salary in karachi?", "bpo karachi"}},
		{"salary of agents", 4, 2, []string{"agents salary"}},
		{"???", 2, 1, []string{}},
		{"!!!", 1, 1, []string{}},
		{"karachi", 1, 1, []string{}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("groupDeclined:\n%+v\nwant\n%+v", got, want)
	}
}

// TestGroupDeclinedBestGroup checks that a phrasing joins the group whose
// label it is most similar to, not the first that passes the threshold.
func TestGroupDeclinedBestGroup(t *testing.T) {
	ps := []phrasing{
		{"alpha beta gamma delta epsilon", 3},
		{"alpha beta gamma zeta", 2},       // 3/6 with the first: its own group
		{"alpha beta gamma delta zeta", 1}, // 4/6 with the first, 4/5 with the second
	}
	got := groupDeclined(ps)
	if len(got) != 2 || got[1].Label != "alpha beta gamma zeta" || got[1].Phrasings != 2 {
		t.Errorf("groupDeclined put the last phrasing in the less similar group: %+v", got)
	}
}

// naiveGroup is groupDeclined without prefix filtering: each phrasing is
// compared with every group's label.
func naiveGroup(ps []phrasing) []DeclinedGroup {
	type group struct {
		label   map[string]bool
		members []int
		count   int
	}
	var groups []group
	for i, p := range ps {
		set := map[string]bool{}
		for _, t := range tokenSet(p.text) {
			set[t] = true
		}
		best, bestSim := -1, 0.0
		for g, gr := range groups {
			inter := 0
			for t := range set {
				if gr.label[t] {
					inter++
				}
			}
			union := len(set) + len(gr.label) - inter
			if union == 0 || len(set) == 0 {
				continue
			}
			if sim := float64(inter) / float64(union); sim >= 0.6-1e-9 && sim > bestSim+1e-12 {
				best, bestSim = g, sim
			}
		}
		if best >= 0 {
			groups[best].members = append(groups[best].members, i)
			groups[best].count += p.count
		} else {
			groups = append(groups, group{label: set, members: []int{i}, count: p.count})
		}
	}
	var out []DeclinedGroup
	for _, gr := range groups {
		dg := DeclinedGroup{Label: ps[gr.members[0]].text, Count: gr.count, Phrasings: len(gr.members), Examples: []string{}}
		for _, m := range gr.members[1:min(len(gr.members), 4)] {
			dg.Examples = append(dg.Examples, ps[m].text)
		}
		out = append(out, dg)
	}
	slices.SortStableFunc(out, func(a, b DeclinedGroup) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(a.Label, b.Label)
	})
	return out
}

// randomPhrasings makes n distinct phrasings from a small vocabulary, so that
// many are near-duplicates, sorted as the report query sorts them.
func randomPhrasings(r *rand.Rand, n int) []phrasing {
	vocab := strings.Fields("bpo call center salary karachi lahore fy25 fy24 earnings exports pasha dabba scam top companies jobs india growth clients the of in kitna")
	seen := map[string]bool{}
	var ps []phrasing
	for len(ps) < n {
		k := 1 + r.IntN(6)
		words := make([]string, k)
		for i := range words {
			words[i] = vocab[r.IntN(len(vocab))]
		}
		text := strings.Join(words, " ")
		if r.IntN(4) == 0 {
			text += "?"
		}
		if seen[text] {
			continue
		}
		seen[text] = true
		ps = append(ps, phrasing{text, 1 + r.IntN(5)})
	}
	slices.SortFunc(ps, func(a, b phrasing) int {
		if a.count != b.count {
			return b.count - a.count
		}
		return strings.Compare(a.text, b.text)
	})
	return ps
}

func TestGroupDeclinedMatchesNaive(t *testing.T) {
	for seed := range uint64(20) {
		ps := randomPhrasings(rand.New(rand.NewPCG(seed, 1)), 400)
		got, want := groupDeclined(ps), naiveGroup(ps)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("seed %d: prefix-filtered grouping differs from comparing with every group:\n%s", seed, diffGroups(got, want))
		}
	}
}

func diffGroups(got, want []DeclinedGroup) string {
	var b strings.Builder
	for i := range max(len(got), len(want)) {
		var g, w DeclinedGroup
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if !reflect.DeepEqual(g, w) {
			fmt.Fprintf(&b, "%d: got %+v\n   want %+v\n", i, g, w)
		}
	}
	return b.String()
}

// TestGroupDeclinedScales groups many phrasings that share a common word, the
// case where comparing with every group is quadratic.
func TestGroupDeclinedScales(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	r := rand.New(rand.NewPCG(1, 2))
	ps := make([]phrasing, 20000)
	for i := range ps {
		ps[i] = phrasing{fmt.Sprintf("bpo w%d w%d w%d", r.IntN(5000), r.IntN(5000), i), 1}
	}
	start := time.Now()
	groups := groupDeclined(ps)
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("grouping %d phrasings took %v", len(ps), took)
	}
	if len(groups) == 0 {
		t.Fatal("no groups")
	}
}

func BenchmarkGroupDeclined(b *testing.B) {
	ps := randomPhrasings(rand.New(rand.NewPCG(1, 1)), 5000)
	for b.Loop() {
		groupDeclined(ps)
	}
}

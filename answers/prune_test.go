package answers

import (
	"testing"
)

// TestPrunedRankIsExact: wherever the pruned ranking claims a result, it is
// the exhaustive one, entry for entry and score for score.
func TestPrunedRankIsExact(t *testing.T) {
	kb, qs := syntheticKB(t, 10000)
	e := New(kb)
	pruned := 0
	for _, q := range qs {
		a := e.Analyze(q)
		got, ok := e.rankPruned(a.Terms)
		if !ok {
			continue
		}
		pruned++
		want := e.rankAll(a.Terms)
		if len(got) < topK {
			want = want[:min(len(want), len(got))] // the rest cannot matter (see rank)
		}
		if len(got) != len(want) {
			t.Fatalf("%q: %d matches pruned, %d exhaustive", q, len(got), len(want))
		}
		for i := range got {
			if got[i].ei != want[i].ei || got[i].score != want[i].score {
				t.Errorf("%q: match %d is %s %.6f pruned, %s %.6f exhaustive", q, i, got[i].ei.entry.ID, got[i].score, want[i].ei.entry.ID, want[i].score)
			}
		}
	}
	t.Logf("pruned %d of %d questions", pruned, len(qs))
	// Wherever it prunes, the replies are those of the exhaustive ranking.
	all := *e
	all.exhaustive = true
	common := 0
	for _, q := range qs {
		if a, b := e.Ask(q), all.Ask(q); a.Text() != b.Text() || a.Reason != b.Reason || a.Score != b.Score {
			t.Errorf("Ask(%q): pruned %s %.3f, exhaustive %s %.3f", q, a.Reason, a.Score, b.Reason, b.Score)
		}
		a := e.Analyze(q)
		hasCommon, hasRare := false, false
		for _, term := range a.Terms {
			if term.ID >= 0 {
				long := len(e.ix.postings[term.ID]) > rareLimit(len(e.ix.entries))
				hasCommon, hasRare = hasCommon || long, hasRare || !long
			}
		}
		if hasCommon && hasRare {
			common++
		}
	}
	if pruned < common*9/10 {
		t.Errorf("pruning applied to %d of the %d questions with both common and rare terms", pruned, common)
	}
}

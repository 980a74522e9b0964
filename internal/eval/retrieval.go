package eval

import (
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/bpobot/bpobot/answers"
	"github.com/bpobot/bpobot/knowledge"
)

// A Phrasing is one way an entry asks its question: the canonical question
// (Index 0) or one of its phrasings (Index i is Phrasings[i-1]).
type Phrasing struct {
	Entry *knowledge.Entry
	Index int
	Text  string
}

// Where names the phrasing for a curator: file, line, entry and text.
func (p Phrasing) Where() string {
	what := "question"
	if p.Index > 0 {
		what = fmt.Sprintf("phrasing %d", p.Index)
	}
	return fmt.Sprintf("%s: entry %q %s %q", p.Entry.Pos, p.Entry.ID, what, p.Text)
}

// A RetrievalMiss is a phrasing that did not answer its own entry.
type RetrievalMiss struct {
	Phrasing
	Got *answers.Reply
}

func (m RetrievalMiss) String() string {
	got := "is declined (" + m.Got.Reason.String() + ")"
	if m.Got.Unsupported != "" {
		got += " for " + strconv.Quote(m.Got.Unsupported)
	}
	if m.Got.Answered {
		got = "answers " + m.Got.EntryID()
	}
	return m.Where() + " " + got
}

// Phrasings lists every canonical question and phrasing of kb.
func Phrasings(kb *knowledge.Base) []Phrasing {
	var out []Phrasing
	for _, e := range kb.Entries {
		out = append(out, Phrasing{Entry: e, Index: 0, Text: e.Question})
		for i, p := range e.Phrasings {
			out = append(out, Phrasing{Entry: e, Index: i + 1, Text: p})
		}
	}
	return out
}

// answersOwn reports whether r answers entry id (as its first part, or any
// part of a multi-part answer).
func answersOwn(r *answers.Reply, id string) bool {
	if !r.Answered {
		return false
	}
	return slices.Contains(r.EntryIDs(), id)
}

// SelfRetrieval asks every canonical question and phrasing of the engine's
// knowledge base and returns those that do not answer their own entry.
func SelfRetrieval(e *answers.Engine) (total int, misses []RetrievalMiss) {
	for _, p := range Phrasings(e.Knowledge()) {
		total++
		r := e.Ask(p.Text)
		if !answersOwn(r, p.Entry.ID) {
			misses = append(misses, RetrievalMiss{Phrasing: p, Got: r})
		}
	}
	return total, misses
}

// LeaveOneOut removes each phrasing in turn (not the canonical questions),
// rebuilds the engine without it, asks it and counts how often its entry
// still answers: how well the engine generalises to a phrasing it has not
// seen. newEngine builds an engine over a knowledge base. The phrasings are
// shared among GOMAXPROCS workers; the misses come in the phrasings' order.
func LeaveOneOut(kb *knowledge.Base, newEngine func(*knowledge.Base) *answers.Engine) (total int, misses []RetrievalMiss) {
	var out []Phrasing
	for _, p := range Phrasings(kb) {
		if p.Index > 0 {
			out = append(out, p)
		}
	}
	missed := make([]*RetrievalMiss, len(out))
	var wg sync.WaitGroup
	next := atomic.Int64{}
	for range max(1, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= len(out) {
					return
				}
				p := out[i]
				if r := newEngine(without(kb, p)).Ask(p.Text); !answersOwn(r, p.Entry.ID) {
					missed[i] = &RetrievalMiss{Phrasing: p, Got: r}
				}
			}
		})
	}
	wg.Wait()
	for _, m := range missed {
		if m != nil {
			misses = append(misses, *m)
		}
	}
	return len(out), misses
}

// without returns a shallow copy of kb whose entry p.Entry lacks phrasing p.
func without(kb *knowledge.Base, p Phrasing) *knowledge.Base {
	entries := slices.Clone(kb.Entries)
	for i, e := range entries {
		if e == p.Entry {
			ne := *e
			ne.Phrasings = slices.Delete(slices.Clone(e.Phrasings), p.Index-1, p.Index)
			entries[i] = &ne
		}
	}
	return kb.WithEntries(entries)
}

// A SweepRow is the accuracy at one policy.
type SweepRow struct {
	MinScore, MinCoverage float64
	Result                Result
}

// Sweep evaluates the cases over a grid of MinScore and MinCoverage, the
// other thresholds as in base.
func Sweep(e *answers.Engine, cases []Case, base answers.Policy, scores, coverages []float64) []SweepRow {
	var rows []SweepRow
	for _, s := range scores {
		for _, c := range coverages {
			p := base
			p.MinScore, p.MinCoverage = s, c
			res := Evaluate(e.WithPolicy(p), cases)
			res.Misses = nil
			rows = append(rows, SweepRow{MinScore: s, MinCoverage: c, Result: res})
		}
	}
	return rows
}

// Best returns the row with the highest balanced accuracy; of equal rows,
// the one nearest the middle of the grid (the most stable choice).
func Best(rows []SweepRow) SweepRow {
	best := rows[0]
	for _, r := range rows[1:] {
		if r.Result.Balanced() > best.Result.Balanced()+1e-9 {
			best = r
		}
	}
	return best
}

// CrossValidate estimates how a threshold chosen on the tune set does on
// questions it was not chosen on: the cases are split into k folds; for
// each, the best grid point on the other folds is evaluated on it. It
// returns the pooled result over the held-back folds.
func CrossValidate(e *answers.Engine, cases []Case, base answers.Policy, scores, coverages []float64, k int) (Result, []SweepRow) {
	var pooled Result
	var chosen []SweepRow
	for f := range k {
		var train, test []Case
		for i, c := range cases {
			if i%k == f {
				test = append(test, c)
			} else {
				train = append(train, c)
			}
		}
		b := Best(Sweep(e, train, base, scores, coverages))
		chosen = append(chosen, b)
		p := base
		p.MinScore, p.MinCoverage = b.MinScore, b.MinCoverage
		r := Evaluate(e.WithPolicy(p), test)
		pooled.Answer += r.Answer
		pooled.AnswerRight += r.AnswerRight
		pooled.Decline += r.Decline
		pooled.DeclineRight += r.DeclineRight
	}
	return pooled, chosen
}

// SweepTable renders sweep rows as a table.
func SweepTable(rows []SweepRow) string {
	var b strings.Builder
	b.WriteString("min_score  min_coverage  answer   decline  balanced\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "%9.2f  %12.2f  %5.1f%%  %6.1f%%  %7.1f%%\n", r.MinScore, r.MinCoverage,
			100*r.Result.AnswerAccuracy(), 100*r.Result.DeclineAccuracy(), 100*r.Result.Balanced())
	}
	return b.String()
}

// Grid returns the thresholds a sweep tries.
func Grid() (scores, coverages []float64) {
	for s := 0.40; s <= 0.701; s += 0.05 {
		scores = append(scores, round2(s))
	}
	for c := 0.30; c <= 0.701; c += 0.05 {
		coverages = append(coverages, round2(c))
	}
	return
}

func round2(x float64) float64 { return float64(int(x*100+0.5)) / 100 }

package answers

import (
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/bpobot/bpobot/internal/kbtest"
	"github.com/bpobot/bpobot/knowledge"
	"go.yaml.in/yaml/v3"
)

// testLexicon returns the smallest lexicon a knowledge base needs: its
// messages and settings, with the given default suggestions.
func testLexicon(defaults ...string) string {
	var b strings.Builder
	b.WriteString(kbtest.Messages)
	fmt.Fprintf(&b, "settings:\n  default_suggestions: [%s]\n", strings.Join(defaults, ", "))
	return b.String()
}

// BenchmarkAsk answers every dev-set question once per iteration and
// reports the cost per question.
func BenchmarkAsk(b *testing.B) {
	data, err := os.ReadFile("../internal/eval/testdata/tune.yaml")
	if err != nil {
		b.Fatal(err)
	}
	var cases []struct {
		Q string `yaml:"q"`
	}
	if err := yaml.Unmarshal(data, &cases); err != nil {
		b.Fatal(err)
	}
	e := engine(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		e.Ask(cases[i%len(cases)].Q)
	}
}

// BenchmarkNew measures building the engine over the shipped knowledge base
// (what `bpobot ask` pays at start, after loading the knowledge).
func BenchmarkNew(b *testing.B) {
	kb, err := knowledge.Default()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		New(kb)
	}
}

// BenchmarkAskScale answers questions over synthetic knowledge bases of
// growing size. The cost per question must grow far slower than the number
// of entries: the inverted index touches only entries that share a rare
// term with the question.
func BenchmarkAskScale(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		kb, qs := syntheticKB(b, n)
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		e := New(kb)
		runtime.GC()
		runtime.ReadMemStats(&after)
		index := float64(after.HeapAlloc) - float64(before.HeapAlloc)
		b.Run(fmt.Sprintf("entries=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				e.Ask(qs[i%len(qs)])
			}
			b.ReportMetric(index/(1<<20), "index-MiB")
		})
	}
}

// BenchmarkComplete measures autocomplete over the shipped knowledge base.
func BenchmarkComplete(b *testing.B) {
	e := engine(b)
	partials := []string{"how much", "earn fy2", "dabba", "kitne log", "why pak", "who is"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		e.Complete(partials[i%len(partials)], 25)
	}
}

// syntheticKB builds a knowledge base of n entries whose vocabulary grows
// with n, as a real one does, plus questions drawn from its phrasings (and
// some off-topic ones). Everything is seeded, so runs compare.
func syntheticKB(tb testing.TB, n int) (*knowledge.Base, []string) {
	rng := rand.New(rand.NewPCG(1, uint64(n)))
	vocab := make([]string, 3*n+50)
	for i := range vocab {
		vocab[i] = pseudoWord(i)
	}
	word := func() string { return vocab[rng.IntN(len(vocab))] }
	common := []string{"pakistan", "bpo", "call centers", "outsourcing", "industry"}
	var y strings.Builder
	y.WriteString(testLexicon("e0"))
	y.WriteString("sources:\n  - id: s\n    title: Synthetic\ntopics:\n  - id: t\n    title: T\nfacts:\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&y, "  - id: f%d\n    source: s\n    section: S\n    text: %s %s %s %s in %s.\n", i, word(), word(), word(), word(), common[i%len(common)])
	}
	y.WriteString("entries:\n")
	var qs []string
	for i := 0; i < n; i++ {
		a, b2, c, d := word(), word(), word(), word()
		fmt.Fprintf(&y, "  - id: e%d\n    topic: t\n    question: What about %s %s in %s?\n    phrasings:\n      - %s %s %s\n      - how does %s affect %s\n    keywords: [%s]\n    facts: [f%d]\n",
			i, a, b2, common[i%len(common)], a, c, d, b2, d, c, i)
		if i%max(1, n/200) == 0 {
			qs = append(qs, fmt.Sprintf("what about %s %s", a, b2), fmt.Sprintf("%s %s %s pakistan", a, c, d))
		}
	}
	qs = append(qs, "weather in lahore", "who won the match", "how much did they earn in FY23")
	kb, err := knowledge.Load(fstest.MapFS{"kb.yaml": {Data: []byte(y.String())}})
	if err != nil {
		tb.Fatal(err)
	}
	return kb, qs
}

// pseudoWord returns a distinct lowercase word for i ("bak", "bek", ...).
func pseudoWord(i int) string {
	const cons, vow = "bdfgklmnprstvz", "aeiou"
	var b strings.Builder
	for {
		b.WriteByte(cons[i%len(cons)])
		i /= len(cons)
		b.WriteByte(vow[i%len(vow)])
		i /= len(vow)
		if i == 0 {
			break
		}
	}
	b.WriteString("x")
	return b.String()
}

// TestSyntheticKBAnswers keeps the scaling benchmark honest: the synthetic
// questions must mostly be answered, not cheaply declined.
func TestSyntheticKBAnswers(t *testing.T) {
	kb, qs := syntheticKB(t, 1000)
	e := New(kb)
	answered := 0
	for _, q := range qs[:len(qs)-3] {
		if e.Ask(q).Answered {
			answered++
		}
	}
	if n := len(qs) - 3; answered < n*8/10 {
		t.Errorf("answered %d of %d synthetic questions", answered, n)
	}
	for _, q := range qs[len(qs)-3:] {
		if e.Ask(q).Answered {
			t.Errorf("answered off-topic %q", q)
		}
	}
}

// BenchmarkAskHuge asks a 100 KB paste: only the first MaxQuestionRunes
// are read, so it costs about what a long question does.
func BenchmarkAskHuge(b *testing.B) {
	e := engine(b)
	q := "how much did call centers earn in FY25 " + strings.Repeat("lorem ipsum dolor sit amet ", 4000)
	b.ReportAllocs()
	for b.Loop() {
		e.Ask(q)
	}
}

package answers

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/bpobot/bpobot/knowledge"
)

// changeKB is a fixture with a level (earnings in two years), a change
// between them (a growth rate) and a share (of work done for clients
// abroad), to test that a growth rate answers only questions about a change.
const changeKB = `
concepts:
  - id: growth
    asks: [change]
    en: [growth, grow, grew, increase]
  - id: earn
    class: metric
    en: [earn, earnings, revenue]
kinds:
  - id: amount
    needs: [money, percent, count]
    en: ["how much"]
  - id: share
    needs: [percent]
    en: ["what percentage", "what share", "share of"]
sources:
  - id: s
    title: Source
topics:
  - id: t
    title: T
facts:
  - id: fy24
    source: s
    section: S
    period: FY24
    states: [money]
    text: "In FY24 earnings were $100 million."
  - id: fy25
    source: s
    section: S
    period: FY25
    states: [money]
    text: "In FY25 earnings were $120 million."
  - id: rate
    source: s
    section: S
    period: FY24–FY25
    states: [percent, change]
    text: "Earnings grew 20% from FY24 to FY25."
  - id: abroad
    source: s
    section: S
    period: FY25
    states: [percent]
    text: "Clients abroad bring 90% of the work."
entries:
  - id: growth-rate
    topic: t
    question: How fast are earnings growing?
    phrasings: [earnings growth rate, how much did earnings grow]
    facts: [rate, fy24, fy25]
  - id: earnings
    topic: t
    question: How much were the earnings?
    phrasings: [earnings in FY25, earnings in FY24]
    facts: [fy25, fy24]
  - id: clients-abroad
    topic: t
    question: What share of the work is for clients abroad?
    phrasings: [clients abroad share]
    facts: [abroad]
`

func TestChangeAnswersOnlyChangeQuestions(t *testing.T) {
	kb, err := knowledge.Load(fstest.MapFS{"kb.yaml": {Data: []byte(testLexicon("earnings") + changeKB)}})
	if err != nil {
		t.Fatal(err)
	}
	e := New(kb)
	for _, tt := range []struct {
		q, want string // want "" is a decline
		blocker string
	}{
		{"what percentage did earnings grow", "growth-rate", ""},
		{"how much did earnings increase in FY25", "growth-rate", ""},
		{"earnings growth from FY24 to FY25", "growth-rate", ""},
		// The growth rate is not a share of anything.
		{"what percentage of earnings is revenue", "", ""},
		// The change is from FY24 to FY25: it is not the growth in FY24,
		// and FY24's earnings do not answer that either.
		{"earnings growth in FY24", "", "FY24"},
		// A question about a level is not answered with the change.
		{"how much were earnings in FY24", "earnings", ""},
	} {
		r := e.Ask(tt.q)
		switch {
		case tt.want == "" && r.Answered:
			t.Errorf("Ask(%q) answered %s, want a decline", tt.q, r.EntryID())
		case tt.want != "" && r.EntryID() != tt.want:
			t.Errorf("Ask(%q) = %q (%s), want %s", tt.q, r.EntryID(), r.Decline, tt.want)
		case tt.blocker != "" && !strings.Contains(r.Decline, tt.blocker):
			t.Errorf("Ask(%q) declined %q, want it to name %s", tt.q, r.Decline, tt.blocker)
		}
	}
}

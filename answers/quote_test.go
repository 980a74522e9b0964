package answers

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/bpobot/bpobot/internal/kbtest"
	"github.com/bpobot/bpobot/knowledge"
)

// quoteKB is a fixture where two people are credited with facts, one of
// them sharing an entry with a fact credited to no one.
const quoteKB = `
settings:
  default_suggestions: [exports]
  attribution_lead_ins: [according to]
function_words:
  en: [did, the, about]
  roman: [ne, kya]
concepts:
  - id: say
    asks: [attribution]
    en: [say, said, says]
    roman: [kaha]
  - id: chairman
    class: role
    en: [chairman]
  - id: export
    en: [export, exports]
  - id: rule
    en: [rule, rules]
kinds:
  - id: what
    en: [what]
sources:
  - id: s
    title: Source
    cites: ["Jane Doe, Chairman", "Omar Khan"]
topics:
  - id: t
    title: T
facts:
  - id: jane-exports
    source: s
    section: S
    attribution: according to chairman Jane Doe
    text: "Exports are doing well."
  - id: plain
    source: s
    section: S
    text: "Exports go to many countries."
  - id: jane-people
    source: s
    section: S
    attribution: according to chairman Jane Doe
    text: "The industry employs many people."
  - id: omar
    source: s
    section: S
    attribution: according to Omar Khan
    text: "Rules will be tightened."
entries:
  - id: exports
    topic: t
    question: How are exports doing?
    phrasings: [exports doing well]
    facts: [plain, jane-exports]
  - id: people
    topic: t
    question: How many people does the industry employ?
    facts: [jane-people]
  - id: rules
    topic: t
    question: Will the rules change?
    facts: [omar]
`

func TestWhatSomeoneSaid(t *testing.T) {
	kb, err := knowledge.Load(fstest.MapFS{"kb.yaml": {Data: []byte(kbtest.Messages + quoteKB)}})
	if err != nil {
		t.Fatal(err)
	}
	e := New(kb)
	for _, tt := range []struct {
		q    string
		want []string // fact ids, in order
	}{
		{"what did Jane Doe say", []string{"jane-exports", "jane-people"}},
		{"what did the chairman say", []string{"jane-exports", "jane-people"}},
		{"Omar Khan ne kya kaha", []string{"omar"}},
	} {
		r := e.Ask(tt.q)
		var got []string
		for _, f := range r.Facts {
			got = append(got, f.Fact.ID)
		}
		if !r.Answered || strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("Ask(%q) = answered %v with facts %v, want %v", tt.q, r.Answered, got, tt.want)
		}
	}
	// Someone the sources do not credit is not answered with what others said.
	if r := e.Ask("what did John Smith say"); r.Answered {
		t.Errorf("Ask(what did John Smith say) answered %s", r.EntryID())
	}
	// What they said about something is a question about it, not a list
	// of everything they said.
	r := e.Ask("what did Jane Doe say about exports")
	var got []string
	for _, f := range r.Facts {
		got = append(got, f.Fact.ID)
	}
	if !r.Answered || strings.Join(got, " ") != "jane-exports" {
		t.Errorf("Ask(what did Jane Doe say about exports) = answered %v with facts %v; want only what she said of exports", r.Answered, got)
	}
	// Nothing she said is about the rules: not answered with what she
	// said of something else, and declined naming her.
	r = e.Ask("what did Jane Doe say about the rules")
	if r.Answered || r.Reason != DeclineUnsupported || r.Unsupported != "Jane Doe" {
		t.Errorf("Ask(what did Jane Doe say about the rules) = answered %v (%s), reason %v, unsupported %q; want declined for Jane Doe",
			r.Answered, r.EntryID(), r.Reason, r.Unsupported)
	}
	// When someone said it asks for a date the quotes do not give.
	if r := engine(t).Ask("When did Umair Nizam give this statement?"); r.Answered || !strings.Contains(r.Decline, "date") {
		t.Errorf("when did Nizam say it: answered %v (%s), decline %q; want no date given", r.Answered, r.EntryID(), r.Decline)
	}
}

// TestOneRemarkHeadedAsSaid: one remark is headed as what they said, not as
// the entry's question.
func TestOneRemarkHeadedAsSaid(t *testing.T) {
	e := engine(t)
	r := e.AskAfter("who is adeel azhar", "what did he say?")
	if !r.Answered || len(r.Parts) != 1 || !strings.HasPrefix(r.Parts[0].Title(), "What ") || !strings.Contains(r.Parts[0].Title(), "Adeel Azhar said") {
		t.Errorf("heading %q", r.Parts[0].Title())
	}
}

// TestExactPhrasingOfWhatWasSaid: a phrasing that asks what someone said
// ("What did Adeel Azhar say?") is answered with what they said, headed so,
// and still answers its own entry.
func TestExactPhrasingOfWhatWasSaid(t *testing.T) {
	e := engine(t)
	r := e.Ask("What did Adeel Azhar say?")
	if !r.Answered || !strings.Contains(r.Parts[0].Title(), "Adeel Azhar said") || !slices.Contains(r.EntryIDs(), "adeel-azhar") {
		t.Errorf("heading %q, entries %v", r.Parts[0].Title(), r.EntryIDs())
	}
}

// "Did X say Y?" of remarks that do not themselves say Y is told the
// sources do not credit Y to X, with what they do say of Y.
func TestDidSayNotInTheirRemarks(t *testing.T) {
	e := engine(t)
	r := e.Ask("Did the State Bank of Pakistan say the sector has a bright future?")
	if !r.Answered || !strings.Contains(r.Premise, "don't credit that") || strings.Contains(r.Text(), "24.6%") {
		t.Errorf("did SBP say a bright future =\n%s\nwant not credited to it, and the outlook", r.Text())
	}
	if r := e.Ask("did nizam say most call centers are ethical?"); !r.Answered || r.Premise != "" || !strings.Contains(r.Text(), "ethically") {
		t.Errorf("did nizam say most call centers are ethical = %q (premise %q); want his remark", r.Text(), r.Premise)
	}
}

// "Did X say Y?" answered by another remark of X's own is told the sources
// don't quote X saying Y, never that they don't credit it to X.
func TestDidSayAnsweredByTheirOtherRemark(t *testing.T) {
	e := engine(t)
	for _, q := range []string{"Did Nizam say the crackdown should stop?", "کیا نظام نے کہا کہ کریک ڈاؤن بند ہونا چاہیے؟"} {
		r := e.Ask(q)
		if !r.Answered || strings.Contains(r.Premise, "credit") || !strings.Contains(r.Premise, "Muhammad Umair Nizam") || !strings.Contains(r.Text(), "excessive crackdowns") && !strings.Contains(r.Text(), "کریک ڈاؤن") {
			t.Errorf("%s =\n%s\nwant: not quoted saying that, and his warning", q, r.Text())
		}
	}
}

// "Did X say <a figure>?" of a figure the sources give with its own bound
// ("over a million") and credit to no one is told so, not shown X's remarks.
func TestDidSayABoundedFigure(t *testing.T) {
	e := engine(t)
	r := e.Ask("Did the SBP say that over a million people work in call centers?")
	if !r.Answered || !strings.Contains(r.Premise, "without crediting anyone") || r.EntryID() != "employment" {
		t.Errorf("did the SBP say over a million people: %s, premise %q", r.EntryID(), r.Premise)
	}
	r = e.Ask(`Is the "over a million people" figure from PSEB?`)
	if !r.Answered || !strings.Contains(r.Premise, "“PSEB”") || r.EntryID() != "employment" {
		t.Errorf("over a million from PSEB: %s, premise %q", r.EntryID(), r.Premise)
	}
}

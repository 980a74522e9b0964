package answers

import (
	"strings"
	"testing"
)

func TestOrdinal(t *testing.T) {
	e := engine(t)
	for q, want := range map[string]int{
		"tell me more about the second one": 2,
		"teesra wala samjhao":               3,
		"پہلا والا":                         1,
		"the 2nd":                           2,
		"second?":                           2,
		"pehla wala detail me batao":        1,
		"what's number 4?":                  4,
		"and number 2?":                     2,
		"نمبر 3 والا":                       3,
		"دوسرا نکتہ مزید سمجھائیں": 2,
		"پہلا نکتہ؟":               1,
	} {
		if n, ok := e.Ordinal(q); !ok || n != want {
			t.Errorf("Ordinal(%q) = %d, %v; want %d", q, n, ok, want)
		}
	}
	for _, q := range []string{"pehle source ka khulasa", "what was the first article about", "who came second", "how much did call centers earn in FY25?", "",
		"the first one is fine, but how much did call centers earn in FY25?",
		"number 1 country?", "number of call centers 2"} {
		if n, ok := e.Ordinal(q); ok {
			t.Errorf("Ordinal(%q) = %d; it picks nothing", q, n)
		}
	}
}

func TestItemEntry(t *testing.T) {
	e := engine(t)
	r := e.Ask("what challenges does the bpo industry face")
	if en := e.ItemEntry(r, 2); en == nil || !strings.Contains(en.Question, "talent drain") {
		t.Errorf("ItemEntry(challenges, 2) = %v; want the talent drain's entry", en)
	}
	d := e.Ask("how do I apply for a call center job in Lahore?")
	if d.Answered || len(d.Suggestions) == 0 {
		t.Fatalf("want a decline with suggestions")
	}
	if en := e.ItemEntry(d, 1); en != d.Suggestions[0] {
		t.Errorf("ItemEntry(decline, 1) = %v; want its first suggestion", en)
	}
	if en := e.ItemEntry(d, 99); en != nil {
		t.Errorf("ItemEntry(decline, 99) = %v; want nil", en)
	}
	if en := e.ItemEntry(nil, 1); en != nil {
		t.Errorf("ItemEntry(nil, 1) = %v", en)
	}
}

// TestOrdinalLast: "the last one" picks the last point of an answer, or
// the last suggestion of a decline; "last year" picks nothing.
func TestOrdinalLast(t *testing.T) {
	e := engine(t)
	for _, q := range []string{"and the last one?", "aakhri wala", "آخری والا"} {
		if n, ok := e.Ordinal(q); !ok || n != Last {
			t.Errorf("Ordinal(%q) = %d, %v; want Last", q, n, ok)
		}
	}
	if n, ok := e.Ordinal("and last year?"); ok {
		t.Errorf("Ordinal(and last year?) = %d; want none", n)
	}
	r := e.Ask("why is pakistan a growing BPO hub?")
	last := e.ItemEntry(r, Last)
	if want := e.ItemEntry(r, len(r.Facts)); last == nil || last != want {
		t.Errorf("ItemEntry(Last) = %v; want the entry of point %d, %v", last, len(r.Facts), want)
	}
	if d := e.Ask("what is the weather in karachi"); len(d.Suggestions) > 0 && e.ItemEntry(d, Last) != d.Suggestions[len(d.Suggestions)-1] {
		t.Errorf("ItemEntry(Last) of a decline is not its last suggestion")
	}
}

// TestOrdinalLeadIn: an ordinal before a dash or a colon leads in a
// question of its own, and picks nothing.
func TestOrdinalLeadIn(t *testing.T) {
	e := engine(t)
	for _, q := range []string{"last one - kya ye sab PSEB ke under hain?", "second one: what about the crackdown?"} {
		if n, ok := e.Ordinal(q); ok {
			t.Errorf("Ordinal(%q) = %d, a pick", q, n)
		}
	}
	if n, ok := e.Ordinal("the second one"); !ok || n != 2 {
		t.Errorf("Ordinal(the second one) = %d %v", n, ok)
	}
}

// TestListNumber: one or two digits pick an item, in ASCII, Urdu or
// Arabic-Indic digits; a year or words do not.
func TestListNumber(t *testing.T) {
	for in, want := range map[string]int{"2": 2, " 12 ": 12, "۲": 2, "٣": 3, "۱۰": 10} {
		if n, ok := ListNumber(in); !ok || n != want {
			t.Errorf("ListNumber(%q) = %d, %v; want %d", in, n, ok, want)
		}
	}
	for _, in := range []string{"2025", "two", "", "2a", "۲۰۲۵"} {
		if n, ok := ListNumber(in); ok {
			t.Errorf("ListNumber(%q) = %d; want no number", in, n)
		}
	}
}

// TestPickItemWalksTheList: after a point of a list was picked, the next
// ordinal counts in that list, not in the point's own follow-ups.
func TestPickItemWalksTheList(t *testing.T) {
	e := engine(t)
	list := e.Ask("what are the challenges?")
	second := e.PickItem(list, list, 2)
	if second == nil || second.ID != "talent-drain" {
		t.Fatalf("second challenge: %v", second)
	}
	last := e.AnswerEntry(second.ID)
	if got := e.PickItem(last, list, 3); got == nil || got.ID != "competition" {
		t.Errorf("and the third, after the second: %v, want competition", got)
	}
	// A reply that is not one of the list's points counts its own items.
	other := e.Ask("how much did call centers earn in FY25?")
	if got, want := e.PickItem(other, list, 1), e.ItemEntry(other, 1); got != want {
		t.Errorf("first after another answer: %v, want its own first follow-up %v", got, want)
	}
}

// TestNthItemChat: an ordinal right before a list's own word picks that
// point even when other words keep the question from answering whole
// (review 21); it never picks a point of another entry's list.
func TestNthItemChat(t *testing.T) {
	e := engine(t)
	for q, want := range map[string]string{
		"gimme the 4th challenge":                          "Data security",
		"What is the fifth trend mentioned?":               "AI and data analytics",
		"Name the fourth reason companies choose Pakistan": "Government support",
		"What is the 1st trend and what is the 5th trend?": "AI and data analytics",
	} {
		r := e.Ask(q)
		if !r.Answered || len(r.Facts) == 0 || !strings.Contains(r.Text(), want) {
			t.Errorf("Ask(%q) = %v; want the point %q", q, r.EntryIDs(), want)
		}
		if q != "What is the 1st trend and what is the 5th trend?" && len(r.Facts) != 1 {
			t.Errorf("Ask(%q): %d facts; want the one point", q, len(r.Facts))
		}
	}
	if r := e.Ask("What is the 1st trend and what is the 5th trend?"); len(r.Facts) != 2 {
		t.Errorf("two ordinals: %d facts; want 2", len(r.Facts))
	}
	for _, q := range []string{"second client country?", "what is the fourth trend in india?"} {
		if r := e.Ask(q); r.Answered {
			t.Errorf("Ask(%q) = %v; want no point of a list", q, r.EntryIDs())
		}
	}
}

// TestTopOfList: "top 5 trends" is the five trends the sources list
// (unranked, and said so); "top 3 challenges" (four listed) and "top 5
// companies" are rankings.
func TestTopOfList(t *testing.T) {
	e := engine(t)
	r := e.Ask("top 5 trends list kar do")
	if !r.Answered || len(r.Facts) != 5 || !strings.Contains(r.Text(), "without ranking") {
		t.Errorf("top 5 trends: %v, %d facts, note %q", r.EntryIDs(), len(r.Facts), r.Note)
	}
	for _, q := range []string{"top 3 challenges?", "top 5 companies", "top 5 call centers in pakistan"} {
		if r := e.Ask(q); r.Answered {
			t.Errorf("Ask(%q) = %v; want a decline", q, r.EntryIDs())
		}
	}
}

// TestNthItemNotOverParts: a message of two parts is not read as one
// point of a list when it is not answered whole: each part is asked.
func TestNthItemNotOverParts(t *testing.T) {
	e := engine(t)
	r := e.Ask("yo the 3rd trend. also how many people work in call centers?")
	if !strings.Contains(r.Text(), "million people") {
		t.Errorf("two parts, one with an ordinal: %v", r.EntryIDs())
	}
}

// TestNthItemNumbered: "trend number 1", "challenge number 3 kya hai": a
// number after a pointer word, beside a list's word, picks that point; in
// a conversation too ("What is the third trend?" after the trends).
func TestNthItemNumbered(t *testing.T) {
	e := engine(t)
	for q, want := range map[string]string{
		"what about trend number 1?": "IT and software development",
		"challenge number 3 kya hai": "Global competition",
		"number 2 trend?":            "Call centers and customer support",
	} {
		if r := e.Ask(q); len(r.Facts) != 1 || !strings.Contains(r.Text(), want) {
			t.Errorf("Ask(%q) = %v; want the point %q", q, r.EntryIDs(), want)
		}
	}
	if r := e.AskAfter("What are the key trends?", "What is the third trend?"); len(r.Facts) != 1 || !strings.Contains(r.Text(), "Financial and accounting") {
		t.Errorf("the third trend after the trends: %v", r.EntryIDs())
	}
	if r := e.Ask("number 1 bpo country?"); r.Answered {
		t.Errorf("number 1 asks a ranking: %v", r.EntryIDs())
	}
}

// TestCountOfList: "how many challenges are listed?" is the list, said to
// be four; a count of a common word is not.
func TestCountOfList(t *testing.T) {
	e := engine(t)
	r := e.Ask("how many challenges are listed?")
	if !r.Answered || len(r.Facts) != 4 || !strings.Contains(r.Note, "4") {
		t.Errorf("how many challenges: %v, %d facts, note %q", r.EntryIDs(), len(r.Facts), r.Note)
	}
	if r := e.Ask("how many call centers are there?"); r.EntryID() != "call-center-count" || r.Note != "" {
		t.Errorf("how many call centers: %v, note %q", r.EntryIDs(), r.Note)
	}
}

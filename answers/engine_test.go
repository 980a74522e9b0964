package answers

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/bpobot/bpobot/knowledge"
)

var (
	engineOnce sync.Once
	testEngine *Engine
)

func engine(t testing.TB) *Engine {
	t.Helper()
	engineOnce.Do(func() {
		kb, err := knowledge.Default()
		if err != nil {
			panic(err)
		}
		testEngine = New(kb)
	})
	return testEngine
}

// TestDevSet is the quality gate: at least 95% of the dev set's questions
// to answer must be answered with every labelled term, and at least 95% of
// those to decline must be declined.
func TestDevSet(t *testing.T) {
	cases, err := ParseCases(DevSet)
	if err != nil {
		t.Fatal(err)
	}
	var answer, decline int
	for _, c := range cases {
		if c.Answer {
			answer++
		} else {
			decline++
		}
	}
	if len(cases) < 200 || decline < 70 {
		t.Fatalf("dev set has %d questions, %d to decline; want at least 200 and 70", len(cases), decline)
	}
	res := Evaluate(engine(t), cases)
	t.Logf("answer accuracy %.1f%% (%d/%d), decline accuracy %.1f%% (%d/%d)",
		100*res.AnswerAccuracy(), res.AnswerRight, res.Answer, 100*res.DeclineAccuracy(), res.DeclineRight, res.Decline)
	if res.AnswerAccuracy() < 0.95 || res.DeclineAccuracy() < 0.95 {
		t.Errorf("accuracy below 95%%:\n%s", res.Summary())
	}
}

func TestAskAnswers(t *testing.T) {
	e := engine(t)
	for _, tt := range []struct {
		q, id string
		want  []string
	}{
		{"how much did call centers earn in FY25?", "fy25-earnings", []string{"$328 million", "State Bank of Pakistan", "[1]"}},
		{"bpo earnings fy25", "fy25-earnings", []string{"$328 million"}},
		{"call centres ne FY 2024-25 mein kitna kamaya", "fy25-earnings", []string{"$328 million"}},
		{"earnigs in fiscal 2025??", "fy25-earnings", []string{"$328 million"}},
		{"why outsource to pakistan?", "", []string{"time zone"}},
		{"who is the senior vice chairman of P@SHA", "", []string{"Muhammad Umair Nizam"}},
		{"PASHA senior vice chairman kaun hai", "", []string{"Muhammad Umair Nizam"}},
	} {
		r := e.Ask(tt.q)
		if !r.Answered {
			t.Errorf("Ask(%q) declined (%s: %s)", tt.q, r.Reason, r.Decline)
			continue
		}
		if tt.id != "" && r.EntryID() != tt.id {
			t.Errorf("Ask(%q) = entry %s, want %s", tt.q, r.EntryID(), tt.id)
		}
		text := strings.ToLower(r.Text())
		for _, w := range tt.want {
			if !strings.Contains(text, strings.ToLower(w)) {
				t.Errorf("Ask(%q) text lacks %q:\n%s", tt.q, w, text)
			}
		}
	}
}

func TestAskDeclines(t *testing.T) {
	e := engine(t)
	for _, tt := range []struct {
		q      string
		reason DeclineReason
	}{
		{"", DeclineEmpty},
		{"   ", DeclineEmpty},
		{"?", DeclineEmpty},
		{"🙂🙂🔥", DeclineEmpty},
		{"hi", DeclineEmpty},
		{"\x00\x01\xff\xfe", DeclineEmpty},
		{"what's the weather in lahore tomorrow", DeclineUnsupported},
		{"how do I reverse a string in go", DeclineUnsupported},
		{"how much did call centers earn in FY23?", DeclineUnsupported},
		{"average call center salary in pakistan", DeclineUnsupported},
		{"how many call centers are in karachi", DeclineUnsupported},
		{"what is india's bpo revenue", DeclineUnsupported},
	} {
		r := e.Ask(tt.q)
		if r.Answered {
			t.Errorf("Ask(%q) answered %s (score %.3f), want a decline", tt.q, r.EntryID(), r.Score)
			continue
		}
		if r.Reason != tt.reason {
			t.Errorf("Ask(%q) reason = %s, want %s", tt.q, r.Reason, tt.reason)
		}
		if r.Decline == "" || len(r.Suggestions) == 0 || len(r.Suggestions) > MaxSuggestions {
			t.Errorf("Ask(%q): decline %q with %d suggestions", tt.q, r.Decline, len(r.Suggestions))
		}
		if len(r.Facts) != 0 || len(r.Citations) != 0 {
			t.Errorf("Ask(%q): a decline carries facts", tt.q)
		}
	}
}

func TestUnsupportedTermNamed(t *testing.T) {
	r := engine(t).Ask("call center earnings FY23")
	if r.Answered || !strings.Contains(r.Decline, "FY23") || r.Unsupported == "" {
		t.Fatalf("got answered=%v decline=%q unsupported=%q", r.Answered, r.Decline, r.Unsupported)
	}
	// The suggestions point at what it can answer instead.
	if len(r.Suggestions) == 0 || !strings.Contains(r.Suggestions[0].Question, "FY") {
		t.Errorf("suggestions = %v", questions(r.Suggestions))
	}
}

func TestTwoPartQuestion(t *testing.T) {
	r := engine(t).Ask("how much did call centers earn in FY25 and how many people do they employ?")
	if !r.Answered || len(r.Parts) != 2 {
		t.Fatalf("want two answered parts, got answered=%v parts=%d", r.Answered, len(r.Parts))
	}
	text := r.Text()
	for _, w := range []string{"$328 million", "million people"} {
		if !strings.Contains(text, w) {
			t.Errorf("text lacks %q:\n%s", w, text)
		}
	}
}

func TestCitationsNumbered(t *testing.T) {
	r := engine(t).Ask("how much did call centers earn in FY25?")
	if len(r.Citations) == 0 {
		t.Fatal("no citations")
	}
	for i, c := range r.Citations {
		if c.N != i+1 || c.Source == nil || c.Section == "" {
			t.Errorf("citation %d = %+v", i, c)
		}
	}
	for _, f := range r.Facts {
		if f.Cite < 1 || f.Cite > len(r.Citations) || r.Citations[f.Cite-1].Source.ID != f.Source {
			t.Errorf("fact %s cites [%d] wrongly", f.ID, f.Cite)
		}
	}
}

func TestAskDeterministicAndConcurrent(t *testing.T) {
	e := engine(t)
	qs := []string{"why outsource to pakistan", "bpo earnings fy25", "weather", "dabba scam kya hai", "pakistn outsorcing trends"}
	want := make([]string, len(qs))
	for i, q := range qs {
		want[i] = e.Ask(q).Text()
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				k := (g + i) % len(qs)
				if got := e.Ask(qs[k]).Text(); got != want[k] {
					t.Errorf("Ask(%q) changed between calls", qs[k])
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestHugeInput(t *testing.T) {
	e := engine(t)
	for _, q := range []string{
		strings.Repeat("earnings ", 12000),
		strings.Repeat("a", 100<<10),
		strings.Repeat("🙂", 30000),
		"how much did call centers earn in FY25 " + strings.Repeat("x", 100<<10),
	} {
		r := e.Ask(q)
		if n := utf8.RuneCountInString(r.Text()); n > MaxTextRunes {
			t.Errorf("reply is %d runes", n)
		}
		if utf8.RuneCountInString(r.Question) > MaxQuestionRunes {
			t.Errorf("question kept at %d runes", utf8.RuneCountInString(r.Question))
		}
	}
}

func TestComplete(t *testing.T) {
	e := engine(t)
	if got := e.Complete("", 0); len(got) != min(MaxCompletions, len(e.kb.Entries)) {
		t.Errorf("Complete(\"\") = %d entries", len(got))
	}
	for _, tt := range []struct{ partial, want string }{
		{"earn fy2", "fy25-earnings"},
		{"how much did call cen", ""},
		{"dabba", ""},
		{"kitne log", ""},
	} {
		got := e.Complete(tt.partial, 25)
		if len(got) == 0 || len(got) > MaxCompletions {
			t.Errorf("Complete(%q) = %d entries", tt.partial, len(got))
			continue
		}
		if tt.want != "" && !containsID(got[:min(3, len(got))], tt.want) {
			t.Errorf("Complete(%q) top 3 = %v, want %s among them", tt.partial, questions(got[:min(3, len(got))]), tt.want)
		}
		seen := map[string]bool{}
		for _, en := range got {
			if seen[en.ID] {
				t.Errorf("Complete(%q) repeats %s", tt.partial, en.ID)
			}
			seen[en.ID] = true
		}
	}
	if got := e.Complete("zzzzqqq", 25); len(got) > 25 {
		t.Errorf("too many: %d", len(got))
	}
	if got := e.Complete("why", 3); len(got) > 3 {
		t.Errorf("limit ignored: %d", len(got))
	}
}

func TestNormalize(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"FY25", "fy25"},
		{"FY 2024-25", "fy25"},
		{"fy2024-25", "fy25"},
		{"fiscal 2025", "fy25"},
		{"fiscal year 2024-25", "fy25"},
		{"FY24", "fy24"},
		{"2024-25", "fy25"},
		{"FY23", "fy23"},
		{"P@SHA", "pasha"},
		{"PASHA", "pasha"},
		{"call centres", "callcenter"},
		{"call-center", "callcenter"},
		{"24/7", "roundtheclock"},
		{"year-on-year", "yoy"},
		{"YoY", "yoy"},
		{"e-commerce", "ecommerce"},
		{"IT parks", "infotech park"},
		{"labour", "labor"},
		{"earnings", "earn"},
		{"kamaya", "earn"},
		{"kitne", "qty"},
		{"how many", "qty"},
		{"kyun", "why"},
		{"kaun", "who"},
		{"log", "peopl"}, // "people", stemmed as the knowledge base is
		{"24.6%", "24.6 percent"},
		{"$328 million", "dollar 328 million"},
		{"US clients", "usa client"},
		{"how do I apply", "howto apply"},
	} {
		var got []string
		for _, w := range tokenize(tt.in) {
			if c := canon(w); c != "" {
				got = append(got, c)
			}
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("normalise(%q) = %q, want %q", tt.in, g, tt.want)
		}
	}
}

func TestSpeller(t *testing.T) {
	sp := newSpeller(map[string]int{"pakistan": 3, "outsourcing": 2, "receive": 1, "earnings": 4, "earning": 1})
	for _, tt := range []struct {
		in, want string
		ok       bool
	}{
		{"pakistn", "pakistan", true},   // deletion
		{"pakisttan", "pakistan", true}, // insertion
		{"outsorcing", "outsourcing", true},
		{"recieve", "receive", true}, // transposition
		{"earnigs", "earnings", true},
		{"pakistan", "pakistan", true},
		{"pkstn", "", false}, // two edits
		{"fy", "", false},    // too short
	} {
		got, ok := sp.correct(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("correct(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestOneEdit(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"abc", "abd", true}, {"abc", "ab", true}, {"abc", "abcd", true}, {"abc", "bac", true},
		{"abc", "abc", false}, {"abc", "cba", false}, {"abc", "a", false}, {"abcd", "badc", false},
	} {
		if got := oneEdit(tt.a, tt.b); got != tt.want {
			t.Errorf("oneEdit(%q, %q) = %v", tt.a, tt.b, got)
		}
	}
}

func TestSalientClassesDisjoint(t *testing.T) {
	seen := map[string]string{}
	for class, words := range salientWords {
		for _, w := range strings.Fields(words) {
			c := canon(w)
			if prev, ok := seen[c]; ok && prev != class {
				t.Errorf("%q is both %s and %s", w, prev, class)
			}
			seen[c] = class
		}
	}
}

func containsID(es []*knowledge.Entry, id string) bool {
	for _, e := range es {
		if e.ID == id {
			return true
		}
	}
	return false
}

func questions(es []*knowledge.Entry) []string {
	var out []string
	for _, e := range es {
		out = append(out, fmt.Sprintf("%s (%s)", e.Question, e.ID))
	}
	return out
}

func TestAnswerEntry(t *testing.T) {
	e := engine(t)
	r := e.AnswerEntry("fy25-earnings")
	if r == nil || !r.Answered || r.EntryID() != "fy25-earnings" || len(r.Citations) == 0 || r.Score != 1 {
		t.Fatalf("AnswerEntry = %+v", r)
	}
	if e.AnswerEntry("no-such-entry") != nil {
		t.Error("AnswerEntry of an unknown id is not nil")
	}
}

package answers

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzAsk checks that no input panics, that every reply fits in
// MaxTextRunes, and that a reply never carries an '@' (so it can never
// mention anyone, whatever the question contained).
func FuzzAsk(f *testing.F) {
	for _, s := range []string{
		"", "?", "how much did call centers earn in FY25?", "bpo earnings fy25",
		"call centres ne FY 2024-25 mein kitna kamaya", "@everyone why pakistan", "<@123> <#456> <@&789>",
		"🙂🔥", "\x00\xff", "P@SHA P@SHA p @ sha", "fy fy fy 2024-25-26", "24/7 24x7", "$$$ 328m 1,000,000 %",
		strings.Repeat("why ", 500), "and and ? ; + and", "who is the president of ccap and kitne log and kyun",
	} {
		f.Add(s)
	}
	e := engine(f)
	f.Fuzz(func(t *testing.T, q string) {
		r := e.Ask(q)
		text := r.Text()
		if n := utf8.RuneCountInString(text); n > MaxTextRunes {
			t.Fatalf("reply is %d runes", n)
		}
		if mentions(text) {
			t.Fatalf("reply can mention someone: %q", text)
		}
		if r.Answered == (r.Decline != "") {
			t.Fatalf("answered=%v with decline %q", r.Answered, r.Decline)
		}
		if !r.Answered && len(r.Suggestions) == 0 {
			t.Fatal("decline without suggestions")
		}
		if got := e.Complete(q, 25); len(got) > 25 {
			t.Fatalf("Complete returned %d", len(got))
		}
		// In a conversation: q as a follow-up, and as the question before one.
		for _, r := range []*Reply{e.AskAfter("who is adeel azhar", q), e.AskAfter(q, "who said that?"), e.AskAfter(q, "and in FY24?")} {
			text := r.Text()
			if n := utf8.RuneCountInString(text); n > MaxTextRunes || mentions(text) || r.Answered == (r.Decline != "") {
				t.Fatalf("follow-up reply (%d runes, answered=%v, decline %q): %q", n, r.Answered, r.Decline, text)
			}
		}
	})
}

// mentions reports whether s holds Discord mention syntax: <@id>, <@!id>,
// <@&id>, <#id>, @everyone or @here. ("P@SHA" is not one.)
func mentions(s string) bool {
	return strings.Contains(s, "<@") || strings.Contains(s, "<#") ||
		strings.Contains(s, "@everyone") || strings.Contains(s, "@here")
}

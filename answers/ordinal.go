package answers

import (
	"slices"
	"strings"
	"unicode"

	"github.com/bpobot/bpobot/internal/fold"
	"github.com/bpobot/bpobot/knowledge"
)

// Ordinal reports which item of the last reply a message picks, by the
// lexicon's ordinals (settings.ordinals): "tell me more about the second
// one", "teesra wala samjhao" and "پہلا والا" pick items 2, 3 and 1. An
// ordinal picks only when one of the lexicon's pointer words follows it
// ("one", "wala") or it is all the message says ("second?", "the third"):
// "pehle source ka khulasa" asks about the first source, and picks nothing.
func (e *Engine) Ordinal(message string) (int, bool) {
	words := strings.FieldsFunc(strings.ToLower(fold.Letters(message)), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r)
	})
	lx := e.v.lex
	value := func(w string) int {
		for _, o := range lx.Settings.Ordinals {
			if slices.ContainsFunc(o.Forms, func(f string) bool { return strings.ToLower(fold.Letters(f)) == w }) {
				return int(o.Value)
			}
		}
		return 0
	}
	pointer := func(w string) bool {
		for _, l := range []string{knowledge.English, knowledge.RomanUrdu, knowledge.Urdu} {
			if slices.ContainsFunc(lx.Settings.OrdinalPointers.Of(l), func(f string) bool { return strings.ToLower(fold.Letters(f)) == w }) {
				return true
			}
		}
		return false
	}
	content := 0 // words that are neither function words nor the ordinal's
	n := 0
	for i, w := range words {
		if v := value(w); v > 0 && n == 0 {
			if i+1 < len(words) && pointer(words[i+1]) {
				return v, true
			}
			n = v
			continue
		}
		if !e.isFunctionWord(w) && !pointer(w) {
			content++
		}
	}
	return n, n > 0 && content == 0
}

// isFunctionWord reports whether w (folded, lowercase) is a function word
// of any language.
func (e *Engine) isFunctionWord(w string) bool {
	for l := range numLangs {
		if m := e.v.word(l, &token{raw: w, lower: w}); m != nil && m.function {
			return true
		}
	}
	return false
}

// ItemEntry returns the entry an item of r stands for: for an answer of
// two or more facts, the entry whose own facts most narrowly hold its nth
// fact ("tell me more about the second one" after the challenges: the
// talent drain); otherwise its nth follow-up or suggestion. It returns nil
// when r has no such item.
func (e *Engine) ItemEntry(r *Reply, n int) *knowledge.Entry {
	if r == nil || n < 1 {
		return nil
	}
	if r.Answered && len(r.Facts) >= 2 && n <= len(r.Facts) {
		id := r.Facts[n-1].Fact.ID
		var best *knowledge.Entry
		for _, en := range e.kb.Entries {
			if slices.Contains(r.EntryIDs(), en.ID) || !slices.Contains(en.Facts, id) || en.AboutSources {
				continue
			}
			if best == nil || len(en.Facts) < len(best.Facts) {
				best = en
			}
		}
		if best != nil {
			return best
		}
	}
	list := r.Related
	if !r.Answered {
		list = r.Suggestions
	}
	if n <= len(list) {
		return list[n-1]
	}
	return nil
}

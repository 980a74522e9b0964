package answers

import (
	"strings"

	"github.com/bpobot/bpobot/knowledge"
	"github.com/sahilm/fuzzy"
)

// MaxCompletions is the most questions Complete returns: Discord's limit on
// autocomplete choices.
const MaxCompletions = 25

// completer holds what autocomplete searches: the canonical questions.
type completer struct {
	questions []string
	entries   []*knowledge.Entry
	empty     []*knowledge.Entry // shown before the user has typed anything
}

func newCompleter(kb *knowledge.Base, e *Engine) *completer {
	c := &completer{}
	for _, en := range kb.Entries {
		c.questions = append(c.questions, en.Question)
		c.entries = append(c.entries, en)
	}
	c.empty = append(c.empty, e.defaults...)
	for _, en := range kb.Entries {
		if !containsEntry(c.empty, en) {
			c.empty = append(c.empty, en)
		}
	}
	return c
}

// Complete returns up to limit canonical questions (entries) that best match
// a partial question as the user types it; limit is capped at
// MaxCompletions. Whole words are matched through the same normalisation as
// Ask (so word order, Roman Urdu and typos are forgiven); the characters
// typed so far are matched fuzzily against the questions with
// github.com/sahilm/fuzzy, so "earn fy2" finds "How much did ... earn in
// FY25?". An empty partial returns the most useful questions first.
func (e *Engine) Complete(partial string, limit int) []*knowledge.Entry {
	if limit <= 0 || limit > MaxCompletions {
		limit = MaxCompletions
	}
	c := e.complete
	p := strings.TrimSpace(Truncate(clean(partial), 100))
	if p == "" {
		return c.empty[:min(limit, len(c.empty))]
	}
	var out []*knowledge.Entry
	add := func(en *knowledge.Entry) {
		if len(out) < limit && !containsEntry(out, en) {
			out = append(out, en)
		}
	}
	var weak []*knowledge.Entry
	if a := e.Analyze(p); len(a.Terms) > 0 {
		for _, m := range e.rank(a.Terms) {
			if m.score >= e.policy.MinScore {
				add(m.ei.entry)
			} else if m.coverage > 0 && m.content {
				weak = append(weak, m.ei.entry)
			}
		}
	}
	for _, m := range fuzzy.Find(p, c.questions) {
		add(c.entries[m.Index])
	}
	for _, en := range weak {
		add(en)
	}
	return out
}

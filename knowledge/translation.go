package knowledge

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// A Translation renders replies in another language for questions asked in
// it: the facts, their attributions, the entries' questions (which head
// answers and suggestions), the messages and the labels of a reply, each by
// its id or key. Anything it leaves out is shown in English. It lives in
// translations/LANG.yaml under `translation:`, so a curator adds or fixes a
// translation without touching Go.
//
// A translation must keep the sources exact: every figure of the English
// ($328, 24.6%, 1,000, FY25), every acronym (BPO, CCAP, P@SHA) and every
// placeholder ({term}) occurs in it unchanged; the loader checks.
type Translation struct {
	// Lang is the language of the questions it answers: "ur" (Urdu
	// script) or "roman" (Roman Urdu).
	Lang         string            `yaml:"lang"`
	Facts        map[string]string `yaml:"facts"`         // fact id → text
	Attributions map[string]string `yaml:"attributions"`  // English attribution → translated
	Entries      map[string]string `yaml:"entries"`       // entry id → question
	Messages     map[string]string `yaml:"messages"`      // message key → text
	KindMessages map[string]string `yaml:"kind_messages"` // kind id → its message
	// ConceptMessages are concepts' messages, by concept id.
	ConceptMessages map[string]string `yaml:"concept_messages"`
	Labels          map[string]string `yaml:"labels"` // label key (see Labels) → text
	// Names are whom the facts are credited to, as Lexicon.Attributee
	// gives them ("State Bank of Pakistan"), in the language: how "who
	// said that?" and a heading of someone's remarks name them.
	Names map[string]string `yaml:"names"`
	// Topics are the browsing topics' titles, by topic id: how the
	// introduction lists what the bot can tell about.
	Topics map[string]string `yaml:"topics"`

	Pos   Pos            `yaml:"-"`
	lines map[string]int // "section/key" → line, for errors
}

// Labels are the keys of the fixed words of a reply a translation may
// give, with their English: the heading of the sources, of the suggestions,
// of the follow-ups, the years the figures are for ({periods}), how to pick
// a suggestion, the title of an answer in parts ({n}), the Discord footer,
// the word joining the last two of a list and the comma between the others,
// the words of a citation (an untitled source's title marked ours, its
// section, its author), "million" and "billion" in a figure that a reply
// words itself (a premise corrected), and what is said when a reply's
// facts do not all fit in its text.
var Labels = map[string]string{
	"sources":     "Sources",
	"suggestions": "You could ask:",
	"follow_ups":  "Follow-ups:",
	"figures_for": "Figures are for {periods}.",
	"pick_hint":   "(type a number to ask one of these)",
	"parts":       "Your question has {n} parts",
	"footer":      "bpobot answers only from the sources cited above.",
	"and":         "and",
	"title_ours":  "(title ours)",
	"section":     "section",
	"by":          "by",
	"comma":       ", ",
	"million":     "million",
	"billion":     "billion",
	"percent":     "percent",
	"over":        "over {n}", // a figure the facts give as a bound: "over 1 million"
	"cut":         "(The rest of the answer did not fit: ask about fewer things at a time.)",
}

// Translation returns the translation for questions in lang ("ur",
// "roman"), or nil.
func (b *Base) Translation(lang string) *Translation {
	for _, t := range b.Translations {
		if t.Lang == lang {
			return t
		}
	}
	return nil
}

// or returns the text t gives in section m (one of its maps) for key, or
// english when t is nil or gives none. Every accessor below is nil-safe: a
// nil *Translation is English.
func (t *Translation) or(m func(*Translation) map[string]string, key, english string) string {
	if t != nil {
		if s := m(t)[key]; s != "" {
			return s
		}
	}
	return english
}

// Label returns the translation of a label, or its English (Labels).
func (t *Translation) Label(key string) string {
	return t.or(func(t *Translation) map[string]string { return t.Labels }, key, Labels[key])
}

// KindMessage returns the translation of a kind's message, or "".
func (t *Translation) KindMessage(id string) string {
	return t.or(func(t *Translation) map[string]string { return t.KindMessages }, id, "")
}

// ConceptMessage returns the translation of a concept's message, or "".
func (t *Translation) ConceptMessage(id string) string {
	return t.or(func(t *Translation) map[string]string { return t.ConceptMessages }, id, "")
}

// Fact returns the translation of the fact's text, or its English.
func (t *Translation) Fact(f *Fact) string {
	return t.or(func(t *Translation) map[string]string { return t.Facts }, f.ID, f.Text)
}

// Attribution returns the translation of an attribution, or the English.
func (t *Translation) Attribution(a string) string {
	return t.or(func(t *Translation) map[string]string { return t.Attributions }, a, a)
}

// Name returns the translation of whom a fact is credited to (an
// attributee), or "" when it has none.
func (t *Translation) Name(who string) string {
	return t.or(func(t *Translation) map[string]string { return t.Names }, who, "")
}

// Topic returns the translation of a topic's title, or its English.
func (t *Translation) Topic(tp *Topic) string {
	return t.or(func(t *Translation) map[string]string { return t.Topics }, tp.ID, tp.Title)
}

// Question returns the translation of the entry's question, or its
// English.
func (t *Translation) Question(e *Entry) string {
	return t.or(func(t *Translation) map[string]string { return t.Entries }, e.ID, e.Question)
}

// translationLines records, for the `translation:` section of a file, the
// line of each key of each of its maps.
func translationLines(n *yaml.Node) map[string]int {
	lines := map[string]int{}
	if n == nil || n.Kind != yaml.MappingNode {
		return lines
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		section, m := n.Content[i].Value, n.Content[i+1]
		lines[section] = n.Content[i].Line
		if m.Kind != yaml.MappingNode {
			continue
		}
		for j := 0; j+1 < len(m.Content); j += 2 {
			lines[section+"/"+m.Content[j].Value] = m.Content[j].Line
		}
	}
	return lines
}

// exactTokens are what a translation must keep as the English has them:
// figures with their signs, words with a digit (FY25, 24/7), acronyms
// (BPO, P@SHA) and placeholders ({term}).
var exactTokens = regexp.MustCompile(`\{[a-z]+\}|\$?\d[\d,./]*\d%?|\$?\d%?|\b[A-Z]{0,3}\d+\b|\b[A-Z][A-Z@&]*[A-Z]\b`)

// missingExact returns the tokens of en (exactTokens) that tr does not
// contain as often as en does.
func missingExact(en, tr string) []string {
	var miss []string
	count := map[string]int{}
	for _, tok := range exactTokens.FindAllString(en, -1) {
		count[tok]++
	}
	for _, tok := range slices.Sorted(maps.Keys(count)) {
		if strings.Count(tr, tok) < count[tok] {
			miss = append(miss, tok)
		}
	}
	return miss
}

// validateTranslations checks that every translation is for a language
// questions are read in, names only ids and keys that exist, and keeps the
// English exact.
func (b *Base) validateTranslations() []error {
	var errs []error
	seen := map[string]*Translation{}
	attributions, attributees := map[string]bool{}, map[string]bool{}
	for _, f := range b.Facts {
		if f.Attribution != "" {
			attributions[f.Attribution] = true
			attributees[b.Lexicon.Attributee(f.Attribution)] = true
		}
	}
	kinds, concepts := map[string]*Kind{}, map[string]*Concept{}
	messages := map[string]string{}
	if lx := b.Lexicon; lx != nil {
		for _, k := range lx.Kinds {
			kinds[k.ID] = k
		}
		for _, c := range lx.Concepts {
			concepts[c.ID] = c
		}
		messages = lx.Messages
	}
	for _, t := range b.Translations {
		at := func(section, key string) Pos { return Pos{t.Pos.File, t.lines[section+"/"+key]} }
		bad := func(pos Pos, format string, args ...any) {
			errs = append(errs, fmt.Errorf("%s: translation %q: %s", pos, t.Lang, fmt.Sprintf(format, args...)))
		}
		switch {
		case t.Lang != "ur" && t.Lang != "roman":
			bad(t.Pos, `lang must be "ur" (Urdu script) or "roman" (Roman Urdu)`)
		case seen[t.Lang] != nil:
			bad(t.Pos, "a second translation for the language (the first is at %s)", seen[t.Lang].Pos)
		}
		seen[t.Lang] = t
		// Each section: its map, the English of a key (ok false when the
		// key names nothing), and what to say of a key that names nothing.
		for _, sec := range []struct {
			name    string
			m       map[string]string
			english func(key string) (string, bool)
			unknown string
		}{
			{"facts", t.Facts, func(id string) (string, bool) {
				if f := b.facts[id]; f != nil {
					return f.Text, true
				}
				return "", false
			}, "fact %q is not defined"},
			{"attributions", t.Attributions, func(a string) (string, bool) { return a, attributions[a] }, "no fact has the attribution %q"},
			{"names", t.Names, func(n string) (string, bool) { return n, attributees[n] },
				"no fact is credited to %q (a name is an attribution after its lead-in: " + strings.Join(quoteAll(slices.Sorted(maps.Keys(attributees))), ", ") + ")"},
			{"entries", t.Entries, func(id string) (string, bool) {
				if e := b.entries[id]; e != nil {
					return e.Question, true
				}
				return "", false
			}, "entry %q is not defined"},
			{"topics", t.Topics, func(id string) (string, bool) {
				if i := slices.IndexFunc(b.Topics, func(tp *Topic) bool { return tp.ID == id }); i >= 0 {
					return b.Topics[i].Title, true
				}
				return "", false
			}, "topic %q is not defined"},
			{"messages", t.Messages, func(k string) (string, bool) { en, ok := messages[k]; return en, ok }, "message %q is not defined"},
			{"kind_messages", t.KindMessages, func(id string) (string, bool) {
				if k := kinds[id]; k != nil && k.Message != "" {
					return k.Message, true
				}
				return "", false
			}, "kind %q has no message"},
			{"concept_messages", t.ConceptMessages, func(id string) (string, bool) {
				if c := concepts[id]; c != nil && c.Message != "" {
					return c.Message, true
				}
				return "", false
			}, "concept %q has no message"},
			{"labels", t.Labels, func(k string) (string, bool) { en, ok := Labels[k]; return en, ok },
				"label %q is not one of " + strings.Join(quoteAll(slices.Sorted(maps.Keys(Labels))), ", ")},
		} {
			for _, key := range slices.Sorted(maps.Keys(sec.m)) {
				en, ok := sec.english(key)
				switch tr := sec.m[key]; {
				case !ok:
					bad(at(sec.name, key), sec.unknown, key)
				case blank(tr):
					bad(at(sec.name, key), "%s %q is empty", sec.name, key)
				default:
					if miss := missingExact(en, tr); len(miss) > 0 {
						bad(at(sec.name, key), "%s %q lacks %s as the English has it (figures, acronyms and placeholders stay exact)",
							sec.name, key, strings.Join(quoteAll(miss), ", "))
					}
				}
			}
		}
	}
	return errs
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}

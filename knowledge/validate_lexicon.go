package knowledge

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/bpobot/bpobot/internal/fold"
)

// FormKey is how a form is compared: folded, except that a form with a
// capital letter keeps its case, because it matches only as typed ("US").
func FormKey(form string) string {
	form = strings.Join(strings.Fields(form), " ")
	for _, r := range form {
		if unicode.IsUpper(r) {
			return form
		}
	}
	return fold.String(form)
}

// validateLexicon checks the lexicon: ids, classes, what kinds need, that no
// form of one language means two things unless declared a homonym, that
// every required message is there and that settings name real entries.
func (b *Base) validateLexicon() []error {
	var errs []error
	lx := b.Lexicon
	bad := func(pos Pos, kind, id, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: %s %q: %s", pos, kind, id, fmt.Sprintf(format, args...)))
	}
	ids := make(map[string]Pos)
	type owner struct {
		id  string
		pos Pos
	}
	forms := map[string]map[string][]owner{} // lang -> key -> owners
	for _, l := range Languages {
		forms[l] = map[string][]owner{}
	}
	addForms := func(kind, id string, pos Pos, f Forms) {
		n := 0
		for _, l := range Languages {
			for _, form := range f.Of(l) {
				if blank(form) {
					bad(pos, kind, id, "has an empty %s form", l)
					continue
				}
				n++
				k := FormKey(form)
				if os := forms[l][k]; len(os) > 0 && os[len(os)-1].id == id {
					continue // two spellings that fold to one form
				}
				forms[l][k] = append(forms[l][k], owner{id, pos})
			}
		}
		if n == 0 {
			bad(pos, kind, id, "has no forms (list them under en, roman and ur)")
		}
	}
	for _, c := range lx.Concepts {
		if !validID(c.ID) {
			bad(c.Pos, "concept", c.ID, "id must be lowercase letters, digits and dashes")
		} else if p, dup := ids[c.ID]; dup {
			bad(c.Pos, "concept", c.ID, "duplicate id (first defined at %s)", p)
		}
		ids[c.ID] = c.Pos
		if c.Class != "" && !slices.Contains(Classes, c.Class) {
			bad(c.Pos, "concept", c.ID, "class %q is not one of %s", c.Class, strings.Join(Classes, ", "))
		}
		for _, a := range c.Asks {
			if a != StatesChange && a != AsksAttribution && a != AsksSource && a != AsksOther && a != AsksOtherPerson && a != AsksFigure {
				bad(c.Pos, "concept", c.ID, "asks %q: a concept can ask only for %s, %s, %s, %s, %s or %s", a, StatesChange, AsksAttribution, AsksSource, AsksOther, AsksOtherPerson, AsksFigure)
			}
		}
		if c.Subject && c.Class != ClassMetric {
			bad(c.Pos, "concept", c.ID, "is a subject, which only a measure can be: give it class %s or drop subject", ClassMetric)
		}
		if c.Resolves != "" && c.Resolves != "latest" && c.Resolves != "previous" {
			bad(c.Pos, "concept", c.ID, "resolves %q is not latest or previous", c.Resolves)
		}
		for _, l := range []string{English, RomanUrdu, Urdu} {
			for _, f := range c.Down.Of(l) {
				if !slices.Contains(c.Forms.Of(l), f) {
					bad(c.Pos, "concept", c.ID, "down form %q is not one of its %s forms: list it there too", f, l)
				}
			}
		}
		addForms("concept", c.ID, c.Pos, c.Forms)
	}
	for _, c := range lx.Concepts {
		if c.RestOf != "" {
			if o := lx.Concept(c.RestOf); o == nil || o.ID == c.ID {
				bad(c.Pos, "concept", c.ID, "is the rest of %q, which is no other concept", c.RestOf)
			}
		}
		for _, w := range c.Within {
			switch o := lx.Concept(w); {
			case c.Class != ClassPlace:
				bad(c.Pos, "concept", c.ID, "is not a place, so it lies within nothing (within: %s)", w)
			case o == nil:
				bad(c.Pos, "concept", c.ID, "lies within %q, which is no concept", w)
			case o.Class != ClassPlace:
				bad(c.Pos, "concept", c.ID, "lies within %q, which is not a place", w)
			case o.ID == c.ID:
				bad(c.Pos, "concept", c.ID, "lies within itself")
			}
		}
	}
	for _, c := range lx.Concepts {
		for _, w := range c.Places {
			switch o := lx.Concept(w); {
			case c.Class == ClassPlace:
				bad(c.Pos, "concept", c.ID, "is a place: list %q under within, not places", w)
			case o == nil:
				bad(c.Pos, "concept", c.ID, "lists the place %q, which is no concept", w)
			case o.Class != ClassPlace:
				bad(c.Pos, "concept", c.ID, "lists %q under places, which is not a place", w)
			}
		}
	}
	for _, k := range lx.Kinds {
		if !validID(k.ID) {
			bad(k.Pos, "kind", k.ID, "id must be lowercase letters, digits and dashes")
		} else if p, dup := ids[k.ID]; dup {
			bad(k.Pos, "kind", k.ID, "duplicate id (first defined at %s)", p)
		}
		ids[k.ID] = k.Pos
		for _, a := range k.Asks {
			if a != AsksReason && a != AsksComparison && a != AsksDefinition {
				bad(k.Pos, "kind", k.ID, "asks %q: a kind can ask only for %s, %s or %s", a, AsksReason, AsksComparison, AsksDefinition)
			}
		}
		for _, n := range k.Needs {
			if !slices.Contains(allStates, n) {
				bad(k.Pos, "kind", k.ID, "needs %q, which is not one of %s", n, strings.Join(allStates, ", "))
			}
		}
		if k.Act != "" && k.Act != ActGreet && k.Act != ActThank && k.Act != ActIntroduce && k.Act != ActReply {
			bad(k.Pos, "kind", k.ID, "act %q is not %s, %s, %s or %s", k.Act, ActGreet, ActThank, ActIntroduce, ActReply)
		}
		if (k.Act == ActReply) != (k.Reply != "") {
			bad(k.Pos, "kind", k.ID, "act reply and reply: go together (reply: names the language, such as ur)")
		} else if k.Reply != "" && k.Reply != English && k.Reply != Urdu {
			// Replies are given in English, and in the languages of the
			// translations (translations/*.yaml); Urdu script today.
			bad(k.Pos, "kind", k.ID, "reply %q is not a language replies are given in: write en or ur", k.Reply)
		}
		if k.Never && blank(k.Message) {
			bad(k.Pos, "kind", k.ID, "is never answered, so it needs a message saying so")
		}
		if k.Aside && !k.Never {
			bad(k.Pos, "kind", k.ID, "is an aside but not never: add never: true, or remove aside")
		}
		if k.Context && !k.Never {
			bad(k.Pos, "kind", k.ID, "is a context but not never: add never: true, or remove context")
		}
		for _, l := range Languages {
			for _, j := range k.Joins.Of(l) {
				if !slices.ContainsFunc(k.Forms.Of(l), func(f string) bool { return FormKey(f) == FormKey(j) }) || strings.Contains(strings.TrimSpace(j), " ") {
					bad(k.Pos, "kind", k.ID, "joins %q, which is not one of its own one-word %s forms", j, l)
				}
			}
		}
		addForms("kind", k.ID, k.Pos, k.Forms)
	}
	declared := map[string]*Homonym{}
	for _, h := range lx.Homonyms {
		if !slices.Contains(Languages, h.Lang) {
			bad(h.Pos, "homonym", h.Form, "lang %q is not one of %s", h.Lang, strings.Join(Languages, ", "))
			continue
		}
		key := h.Lang + "\x00" + FormKey(h.Form)
		declared[key] = h
		owners := forms[h.Lang][FormKey(h.Form)]
		has := func(id string) bool {
			for _, o := range owners {
				if o.id == id {
					return true
				}
			}
			return false
		}
		if !has(h.Default) {
			bad(h.Pos, "homonym", h.Form, "default %q does not list the %s form %q", h.Default, h.Lang, h.Form)
		}
		for id := range h.Context {
			if !has(id) {
				bad(h.Pos, "homonym", h.Form, "context names %q, which does not list the %s form %q", id, h.Lang, h.Form)
			}
		}
	}
	for _, l := range Languages {
		for k, os := range forms[l] {
			if len(os) > 1 && declared[l+"\x00"+k] == nil {
				var where []string
				for _, o := range os {
					where = append(where, fmt.Sprintf("%q (%s)", o.id, o.pos))
				}
				errs = append(errs, fmt.Errorf("%s: the %s form %q belongs to %s: keep it in one, or declare it under homonyms", os[1].pos, l, k, strings.Join(where, " and ")))
			}
		}
		seen := map[string]bool{}
		for _, w := range lx.FunctionWords.Of(l) {
			k := FormKey(w)
			if seen[w] {
				errs = append(errs, fmt.Errorf("function word %q is listed twice under %s", w, l))
			}
			seen[w] = true
			if os := forms[l][k]; len(os) > 0 {
				errs = append(errs, fmt.Errorf("%s: %s %q is both a function word and a form of %q: remove one", os[0].pos, l, w, os[0].id))
			}
		}
	}
	kinds := map[string]bool{}
	for _, k := range lx.Kinds {
		kinds[k.ID] = true
	}
	concepts := map[string]bool{}
	for _, c := range lx.Concepts {
		concepts[c.ID] = true
	}
	for _, e := range b.Entries {
		for _, k := range e.Kinds {
			if !kinds[k] {
				bad(e.Pos, "entry", e.ID, "kinds: %q is not a kind of question in the lexicon", k)
			}
		}
		for _, c := range e.Requires {
			if !concepts[c] {
				bad(e.Pos, "entry", e.ID, "requires: %q is not a concept in the lexicon", c)
			}
		}
	}
	for _, key := range RequiredMessages {
		if blank(lx.Messages[key]) {
			errs = append(errs, fmt.Errorf("lexicon: message %q is missing (add it under messages:)", key))
		}
	}
	for _, k := range lx.Kinds {
		for _, id := range k.Suggest {
			if b.entries[id] == nil {
				errs = append(errs, fmt.Errorf("%s: kind %q: suggest %q is not an entry", k.Pos, k.ID, id))
			}
		}
	}
	for _, id := range lx.Settings.DefaultSuggestions {
		if b.entries[id] == nil {
			errs = append(errs, fmt.Errorf("lexicon: settings: default suggestion %q is not an entry", id))
		}
	}
	if id := lx.Settings.Summary.Entry; id != "" && b.entries[id] == nil {
		errs = append(errs, fmt.Errorf("lexicon: settings: summary entry %q is not an entry", id))
	}
	errs = append(errs, lx.Settings.Numbers.validate()...)
	for i, o := range lx.Settings.Ordinals {
		if len(o.Forms) == 0 || o.Value < 1 && o.Value != -1 || o.Value != float64(int(o.Value)) {
			errs = append(errs, fmt.Errorf("lexicon: settings: ordinal %d needs forms and a whole value of 1 or more, or -1 for the last", i+1))
		}
	}
	return errs
}

// validate checks the number words: every unit and number has forms, none
// is listed twice, a unit's factor and a number are positive, and a unit
// writes at most one word after the figure.
func (n Numbers) validate() []error {
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("lexicon: settings: numbers: "+format, args...))
	}
	seen := map[string]string{}
	form := func(what, f string) {
		k := strings.ToLower(strings.TrimSpace(f))
		switch {
		case k == "":
			bad("%s has an empty form", what)
		case seen[k] != "":
			bad("%q is listed twice (%s and %s); a form can mean one thing", f, seen[k], what)
		default:
			seen[k] = what
		}
	}
	forms := func(what string, fs []string) {
		if len(fs) == 0 {
			bad("%s has no forms", what)
		}
		for _, f := range fs {
			form(what, f)
		}
	}
	for i, u := range n.Units {
		what := fmt.Sprintf("unit %d", i+1)
		forms(what, u.Forms)
		if u.Times < 0 {
			bad("%s: times is %v; it must be positive (or left out for 1)", what, u.Times)
		}
		if strings.ContainsFunc(u.As, unicode.IsSpace) {
			bad("%s: as is %q; it must be one word", what, u.As)
		}
		if u.Times == 0 && u.As == "" {
			bad("%s changes nothing: give it times, as, or both", what)
		}
	}
	numberWords := func(kind string, ws []NumberWord) {
		for i, w := range ws {
			what := fmt.Sprintf("%s %d", kind, i+1)
			forms(what, w.Forms)
			if w.Value <= 0 {
				bad("%s: value is %v; it must be positive", what, w.Value)
			}
		}
	}
	numberWords("number word", n.Words)
	numberWords("number word before a unit", n.BeforeUnits)
	if len(n.BeforeUnits) > 0 && len(n.Units) == 0 {
		bad("before_units needs units to come before")
	}
	fy := n.FiscalYear
	if (len(fy.First) == 0) != (len(fy.Last) == 0) || len(fy.First) > 0 && len(fy.Through) == 0 {
		bad("fiscal_year: a span needs first, through and last months, or none of them")
	}
	if len(fy.Ending) > 0 && len(fy.Last) == 0 {
		bad("fiscal_year: ending needs the last month (last:)")
	}
	return errs
}

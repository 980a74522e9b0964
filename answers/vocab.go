package answers

import (
	"fmt"
	"math"
	"strings"
	"unicode"

	"github.com/bpobot/bpobot/knowledge"
)

// Languages, as small numbers for the hot path.
const (
	langEn = iota
	langRoman
	langUr
	numLangs
)

var langNames = [numLangs]string{knowledge.English, knowledge.RomanUrdu, knowledge.Urdu}

// termInfo is what the engine knows about one term. Terms are concepts and
// kinds of the lexicon, names from the sources, fiscal years, and the words
// of the knowledge base that no concept lists (by stem).
type termInfo struct {
	key     string // "c:earn", "k:amount", "p:FY25", "w:payrol"
	class   string // salient class, or ""
	kind    *knowledge.Kind
	concept *knowledge.Concept
	period  string // for a fiscal year: "FY25"
	display string // how a decline names it, when the user's word is not better
}

// A trie node: the lexicon's forms, word by word, keyed by each language's
// key for a word (see wordKey).
type trieNode struct {
	next map[string]*trieNode
	val  *lexMatch
	// wild and gap are next[wildcard] and next[gap], kept beside the map:
	// every node is asked for them, and few have them.
	wild, gap *trieNode
}

// link sets n's wildcard and gap children, c, when k is one of them.
func (n *trieNode) link(k string, c *trieNode) {
	switch k {
	case wildcard:
		n.wild = c
	case gap:
		n.gap = c
	}
}

// lexMatch is what a form means.
type lexMatch struct {
	term     int32 // the concept or kind, or -1 for a function word
	homonym  *homonymRule
	function bool
}

type homonymRule struct {
	def     int32
	context map[string]int32 // a word key in the question -> the meaning it selects
}

// vocab is the compiled lexicon: interned terms, a trie per language, and
// what the knowledge base's own words are.
type vocab struct {
	terms []termInfo
	ids   map[string]int32
	tries [numLangs]*trieNode
	lex   *knowledge.Lexicon
	scan  *numberScanner // built from lex.Settings.Numbers

	owner      map[*trieNode]owner // who defined a node's meaning, for lint messages
	collisions []string            // forms that lost to another meaning of the same key
}

func (v *vocab) intern(key string) (int32, *termInfo) {
	if id, ok := v.ids[key]; ok {
		return id, &v.terms[id]
	}
	id := int32(len(v.terms))
	v.terms = append(v.terms, termInfo{key: key})
	v.ids[key] = id
	return id, &v.terms[id]
}

// exactMark prefixes the key of a one-word form matched as written rather
// than by its stem.
const exactMark = "\x02"

// wildcard in a form stands for any one word ("which * companies"), and
// gap for one to maxGap words ("where is the ... from"); neither can
// start a form.
const (
	wildcard = "*"
	gap      = "..."
	maxGap   = 5
)

// caseMark prefixes the key of a form written with a capital: it matches
// only a word typed exactly so.
const caseMark = "\x01"

// wordKey is how a word of one language is looked up: English by its stem,
// Roman Urdu with doubled letters squashed (kitnaa, kitna), Urdu as folded.
func wordKey(lang int, lower string) string {
	switch lang {
	case langEn:
		return stem(lower)
	case langRoman:
		return squash(lower)
	}
	return lower
}

// squash collapses runs of one letter: "zyaada" and "zyada" meet.
func squash(w string) string {
	if len(w) < 3 {
		return w
	}
	b := make([]byte, 0, len(w))
	for i := 0; i < len(w); i++ {
		if i > 0 && w[i] == w[i-1] && w[i] < 0x80 {
			continue
		}
		b = append(b, w[i])
	}
	return string(b)
}

func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// formKeys returns the trie path of a form in one language.
func (v *vocab) formKeys(lang int, form string) []string {
	toks := tokenize(v.scan, form)
	keys := make([]string, 0, len(toks))
	if strings.Contains(form, wildcard) || strings.Contains(form, gap) {
		// The words around the wildcard are words of a phrase, keyed as
		// a phrase's are (by their stems: "top * companies" matches "top
		// BPO companies"), never as one-word forms matched as written.
		var keys []string
		for _, w := range strings.Fields(form) {
			if w == wildcard || w == gap {
				keys = append(keys, w)
				continue
			}
			for _, t := range tokenize(v.scan, w) {
				if hasUpper(t.raw) {
					keys = append(keys, caseMark+t.raw)
				} else {
					keys = append(keys, wordKey(lang, t.lower))
				}
			}
		}
		return keys
	}
	for _, t := range toks {
		switch k := wordKey(lang, t.lower); {
		case hasUpper(t.raw):
			keys = append(keys, caseMark+t.raw)
		case len(toks) == 1 && k != t.lower:
			// A one-word form whose stem is another word ("whats" is not
			// "what"): matched as written, before stems.
			keys = append(keys, exactMark+t.lower)
		default:
			keys = append(keys, k)
		}
	}
	return keys
}

// owner is what defined a form: formatted only for a lint message.
type owner struct {
	what, id string
	pos      knowledge.Pos
}

func (o owner) String() string {
	switch o.what {
	case "function":
		return "a function word"
	case "name":
		return fmt.Sprintf("the name %q", o.id)
	}
	return fmt.Sprintf("%s %q (%s)", o.what, o.id, o.pos)
}

func (v *vocab) add(lang int, form string, m *lexMatch, who owner) {
	keys := v.formKeys(lang, form)
	if len(keys) == 0 {
		return
	}
	n := v.tries[lang]
	for _, k := range keys {
		c := n.next[k]
		if c == nil {
			c = &trieNode{next: map[string]*trieNode{}}
			n.next[k] = c
			n.link(k, c)
		}
		n = c
	}
	switch {
	case n.val == nil:
		n.val = m // the first meaning wins: function words are added first
		v.owner[n] = who
	case n.val.function != m.function || !n.val.function && n.val.term != m.term:
		if v.owner[n] != who {
			v.collisions = append(v.collisions, fmt.Sprintf("the %s form %q of %s is read as %s (the engine compares words by their stems)", langNames[lang], form, who, v.owner[n]))
		}
	}
}

// newVocab compiles the lexicon, plus the names the sources mention (the
// open class).
func newVocab(kb *knowledge.Base) *vocab {
	lx := kb.Lexicon
	if lx == nil {
		lx = &knowledge.Lexicon{}
	}
	v := &vocab{ids: map[string]int32{}, lex: lx, owner: map[*trieNode]owner{}, scan: newNumberScanner(lx.Settings.Numbers)}
	for l := range v.tries {
		v.tries[l] = &trieNode{next: map[string]*trieNode{}}
	}
	fn := &lexMatch{term: -1, function: true}
	for l := range numLangs {
		for _, w := range lx.FunctionWords.Of(langNames[l]) {
			v.add(l, w, fn, owner{what: "function"})
		}
	}
	for _, c := range lx.Concepts {
		id, ti := v.intern("c:" + c.ID)
		ti.class, ti.concept, ti.display = c.Class, c, c.Display
		for l := range numLangs {
			for _, f := range c.Forms.Of(langNames[l]) {
				v.add(l, f, &lexMatch{term: id}, owner{"concept", c.ID, c.Pos})
			}
		}
	}
	for _, k := range lx.Kinds {
		id, ti := v.intern("k:" + k.ID)
		ti.kind = k
		for l := range numLangs {
			for _, f := range k.Forms.Of(langNames[l]) {
				v.add(l, f, &lexMatch{term: id}, owner{"kind", k.ID, k.Pos})
			}
		}
	}
	// The open class: names from citations, attributions and entities. A
	// name whose form a concept already lists adds its other forms there.
	for _, n := range kb.Names() {
		var id int32 = -1
		for i, f := range n.Forms {
			n.Forms[i] = strings.ToLower(f) // names match whatever the case
		}
		for _, f := range n.Forms {
			if m := v.lookupForm(langEn, f); m != nil && m.term >= 0 {
				id = m.term
				break
			}
		}
		if id < 0 {
			var ti *termInfo
			id, ti = v.intern("n:" + strings.ToLower(n.Forms[0]))
			ti.class, ti.display = knowledge.ClassName, n.Forms[0]
		}
		for _, f := range n.Forms {
			if v.lookupForm(langEn, f) == nil {
				v.add(langEn, f, &lexMatch{term: id}, owner{what: "name", id: n.Forms[0]})
				v.add(langRoman, f, &lexMatch{term: id}, owner{what: "name", id: n.Forms[0]})
			}
		}
	}
	for _, h := range lx.Homonyms {
		l := langIndex(h.Lang)
		m := v.lookupForm(l, h.Form)
		if m == nil {
			continue
		}
		rule := &homonymRule{def: v.ids[termKeyOf(lx, h.Default)], context: map[string]int32{}}
		for id, words := range h.Context {
			for _, w := range words {
				rule.context[wordKey(l, strings.ToLower(w))] = v.ids[termKeyOf(lx, id)]
			}
		}
		m.homonym = rule
		m.term = rule.def
		// A declared homonym is not a collision.
		var keep []string
		for _, c := range v.collisions {
			if !strings.Contains(c, fmt.Sprintf("form %q ", h.Form)) && !strings.Contains(c, fmt.Sprintf("form %q ", h.Form+"s")) {
				keep = append(keep, c)
			}
		}
		v.collisions = keep
	}
	return v
}

// termKeyOf returns the term key of a concept or kind id.
func termKeyOf(lx *knowledge.Lexicon, id string) string {
	for _, k := range lx.Kinds {
		if k.ID == id {
			return "k:" + id
		}
	}
	return "c:" + id
}

func langIndex(name string) int {
	for i, n := range langNames {
		if n == name {
			return i
		}
	}
	return langEn
}

// lookupForm returns what a whole form means in one language, or nil.
func (v *vocab) lookupForm(lang int, form string) *lexMatch {
	n := v.tries[lang]
	for _, k := range v.formKeys(lang, form) {
		if n = n.next[k]; n == nil {
			return nil
		}
	}
	return n.val
}

// longest finds the longest form of one language starting at toks[i]. It
// returns the match, how many tokens it spans (0 for none), and whether it
// matched a form written with a capital ("US") exactly as typed.
func (v *vocab) longest(lang int, toks []token, i int) (*lexMatch, int, bool) {
	var best *lexMatch
	bestLen, bestCased := 0, false
	v.each(lang, toks, i, func(m *lexMatch, n int, cased bool) {
		if n > bestLen {
			best, bestLen, bestCased = m, n, cased
		}
	})
	return best, bestLen, bestCased
}

// each calls fn with every form of the language that matches toks from i,
// with its length in tokens and whether it matched a capitalised form as
// typed.
func (v *vocab) each(lang int, toks []token, i int, fn func(m *lexMatch, n int, cased bool)) {
	var walk func(n *trieNode, j int, cased bool)
	walk = func(n *trieNode, j int, cased bool) {
		if n.val != nil && j > i {
			fn(n.val, j-i, cased)
		}
		if j >= len(toks) || j-i >= 8 || (j > i && toks[j].brk) {
			return
		}
		t := &toks[j]
		if t.raw != t.lower {
			if c := n.next[t.cased()]; c != nil {
				walk(c, j+1, true)
			}
		}
		if j == i {
			if c := n.next[t.exact()]; c != nil {
				walk(c, j+1, cased)
			}
		}
		if c := n.next[t.key(lang)]; c != nil {
			walk(c, j+1, cased)
		}
		if c := n.wild; c != nil && j > i {
			walk(c, j+1, cased) // "which * companies": any one word
		}
		if c := n.gap; c != nil && j > i {
			// "where is the ... from": one to maxGap words, within
			// a sentence.
			for k := j + 1; k <= len(toks) && k-j <= maxGap && (k == j+1 || !toks[k-1].brk); k++ {
				walk(c, k, cased)
			}
		}
	}
	walk(v.tries[lang], i, false)
}

// gapped reports whether the form that matches toks[i:i+n] in a language
// matches only through a wildcard or a gap ("which European countries",
// "where is the 263 million from"): the words
// in its gaps say something of their own, which a question reads too.
func (v *vocab) gapped(lang int, toks []token, i, n int) bool {
	plain, gapped := false, false
	var walk func(node *trieNode, j int, viaGap bool)
	walk = func(node *trieNode, j int, viaGap bool) {
		if j == i+n {
			if node.val != nil {
				if viaGap {
					gapped = true
				} else {
					plain = true
				}
			}
			return
		}
		t := &toks[j]
		for _, k := range [...]string{t.cased(), t.exact(), t.key(lang)} {
			if c := node.next[k]; c != nil && (k != t.exact() || j == i) {
				walk(c, j+1, viaGap)
			}
		}
		if c := node.wild; c != nil && j > i {
			walk(c, j+1, true)
		}
		if c := node.gap; c != nil && j > i {
			for k := j + 1; k <= i+n && k-j <= maxGap && (k == j+1 || !toks[k-1].brk); k++ {
				walk(c, k, true)
			}
		}
	}
	walk(v.tries[lang], i, false)
	return gapped && !plain
}

// word returns what a single token means on its own in one language (a
// one-word form), or nil.
func (v *vocab) word(lang int, t *token) *lexMatch {
	root := v.tries[lang]
	if t.raw != t.lower {
		if c := root.next[t.cased()]; c != nil && c.val != nil {
			return c.val
		}
	}
	if c := root.next[t.exact()]; c != nil && c.val != nil {
		return c.val
	}
	if c := root.next[t.key(lang)]; c != nil {
		return c.val
	}
	return nil
}

// idf is the inverse document frequency of a term found in df of n entries.
func idf(n, df int) float64 {
	return math.Log(1 + float64(n)/float64(max(df, 1)))
}

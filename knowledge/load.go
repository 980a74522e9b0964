package knowledge

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

//go:embed data
var embedded embed.FS

// embeddedWords is the English word list of the embedded files, as a
// string, so that a snapshot's lexicon uses it without copying 600 KB.
//
//go:embed data/lexicon/english-words.txt
var embeddedWords string

// Embedded returns the knowledge files shipped inside the binary, rooted so
// that Load(Embedded()) loads them.
func Embedded() fs.FS {
	sub, err := fs.Sub(embedded, "data")
	if err != nil {
		panic(err) // the embed pattern guarantees data/ exists
	}
	return sub
}

// Default loads the shipped knowledge base. An error here means the embedded
// files are broken, which the package tests rule out.
func Default() (*Base, error) {
	return Load(Embedded())
}

// A Base is a loaded, validated knowledge base. It is read-only after Load
// and safe for concurrent use.
type Base struct {
	Sources []*Source
	Facts   []*Fact
	Topics  []*Topic
	Entries []*Entry
	Lexicon *Lexicon // the language and domain vocabulary (lexicon/*.yaml)
	// Translations render replies to questions in other languages
	// (translations/*.yaml).
	Translations []*Translation

	sources map[string]*Source
	facts   map[string]*Fact
	topics  map[string]*Topic
	entries map[string]*Entry
}

// Source returns the source with the given id, or nil.
func (b *Base) Source(id string) *Source { return b.sources[id] }

// Fact returns the fact with the given id, or nil.
func (b *Base) Fact(id string) *Fact { return b.facts[id] }

// Topic returns the topic with the given id, or nil.
func (b *Base) Topic(id string) *Topic { return b.topics[id] }

// Entry returns the entry with the given id, or nil.
func (b *Base) Entry(id string) *Entry { return b.entries[id] }

// TopicEntries returns the entries of a topic in file order.
func (b *Base) TopicEntries(topicID string) []*Entry {
	var out []*Entry
	for _, e := range b.Entries {
		if e.Topic == topicID {
			out = append(out, e)
		}
	}
	return out
}

// Stats counts what a Base holds.
type Stats struct {
	Sources, Facts, Topics, Entries, Phrasings int
}

// Stats returns the counts of what b holds.
func (b *Base) Stats() Stats {
	s := Stats{Sources: len(b.Sources), Facts: len(b.Facts), Topics: len(b.Topics), Entries: len(b.Entries)}
	for _, e := range b.Entries {
		s.Phrasings += 1 + len(e.Phrasings)
	}
	return s
}

// MaxQuestionLen is the longest canonical question allowed: questions are
// offered as suggestions as the user types, which chat apps cut at 100
// characters.
const MaxQuestionLen = 100

// file is the shape of one knowledge file. Every section is optional, so a
// new source with its facts, or a new batch of entries, is just a new file.
type file struct {
	Sources []*Source `yaml:"sources"`
	Facts   []*Fact   `yaml:"facts"`
	Topics  []*Topic  `yaml:"topics"`
	Entries []*Entry  `yaml:"entries"`

	// The lexicon's sections (lexicon/*.yaml).
	FunctionWords *Forms            `yaml:"function_words"`
	Concepts      []*Concept        `yaml:"concepts"`
	Kinds         []*Kind           `yaml:"kinds"`
	Homonyms      []*Homonym        `yaml:"homonyms"`
	Messages      map[string]string `yaml:"messages"`
	Settings      *Settings         `yaml:"settings"`

	Translation *Translation `yaml:"translation"`
}

// englishWords is the file of common English words, one a line, sorted.
const englishWords = "lexicon/english-words.txt"

// fiscalYear is the one form of period the engine reads: Pakistan's fiscal
// year, FY and two digits.
var fiscalYear = regexp.MustCompile(`^FY\d{2}$`)

// Load reads every .yaml and .yml file in fsys (recursively, in lexical
// order), merges them and validates the result. Unknown fields are errors.
// The error lists every problem found, each naming the file, the line and
// the item, for example:
//
//	entries/earnings.yaml:12: entry "earnings-fy25": fact "earnings-fy26" is not defined
func Load(fsys fs.FS) (*Base, error) {
	var names []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && (path.Ext(p) == ".yaml" || path.Ext(p) == ".yml") {
			names = append(names, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading knowledge files: %w", err)
	}
	if len(names) == 0 {
		return nil, errors.New("no knowledge files (*.yaml) found")
	}
	sort.Strings(names)

	b := &Base{Lexicon: &Lexicon{Messages: make(map[string]string)}}
	var errs []error
	if data, err := fs.ReadFile(fsys, englishWords); err == nil {
		b.Lexicon.words = string(data)
	}
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", name, err))
			continue
		}
		f, err := parseFile(name, data)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		b.Sources = append(b.Sources, f.Sources...)
		b.Facts = append(b.Facts, f.Facts...)
		b.Topics = append(b.Topics, f.Topics...)
		b.Entries = append(b.Entries, f.Entries...)
		if f.Translation != nil {
			b.Translations = append(b.Translations, f.Translation)
		}
		lx := b.Lexicon
		if f.FunctionWords != nil {
			lx.FunctionWords.En = append(lx.FunctionWords.En, f.FunctionWords.En...)
			lx.FunctionWords.Roman = append(lx.FunctionWords.Roman, f.FunctionWords.Roman...)
			lx.FunctionWords.Ur = append(lx.FunctionWords.Ur, f.FunctionWords.Ur...)
		}
		lx.Concepts = append(lx.Concepts, f.Concepts...)
		lx.Kinds = append(lx.Kinds, f.Kinds...)
		lx.Homonyms = append(lx.Homonyms, f.Homonyms...)
		for k, v := range f.Messages {
			if _, dup := lx.Messages[k]; dup {
				errs = append(errs, fmt.Errorf("%s: message %q is defined twice", name, k))
			}
			lx.Messages[k] = v
		}
		if f.Settings != nil {
			lx.Settings.DefaultSuggestions = append(lx.Settings.DefaultSuggestions, f.Settings.DefaultSuggestions...)
			lx.Settings.Joiners.En = append(lx.Settings.Joiners.En, f.Settings.Joiners.En...)
			lx.Settings.Joiners.Roman = append(lx.Settings.Joiners.Roman, f.Settings.Joiners.Roman...)
			lx.Settings.Joiners.Ur = append(lx.Settings.Joiners.Ur, f.Settings.Joiners.Ur...)
			lx.Settings.Asides = lx.Settings.Asides.merge(f.Settings.Asides)
			lx.Settings.Else = lx.Settings.Else.merge(f.Settings.Else)
			lx.Settings.ChangeFrom = lx.Settings.ChangeFrom.merge(f.Settings.ChangeFrom)
			lx.Settings.PersonReferences = lx.Settings.PersonReferences.merge(f.Settings.PersonReferences)
			lx.Settings.ThingReferences = lx.Settings.ThingReferences.merge(f.Settings.ThingReferences)
			lx.Settings.AttributionLeadIns = append(lx.Settings.AttributionLeadIns, f.Settings.AttributionLeadIns...)
			b := &lx.Settings.Bounds
			b.Over, b.Under, b.About = b.Over.merge(f.Settings.Bounds.Over), b.Under.merge(f.Settings.Bounds.Under), b.About.merge(f.Settings.Bounds.About)
			b.Rest = b.Rest.merge(f.Settings.Bounds.Rest)
			b.Reference = b.Reference.merge(f.Settings.Bounds.Reference)
			lx.Settings.Numbers = lx.Settings.Numbers.merge(f.Settings.Numbers)
			lx.Settings.Ordinals = append(lx.Settings.Ordinals, f.Settings.Ordinals...)
			lx.Settings.OrdinalPointers = lx.Settings.OrdinalPointers.merge(f.Settings.OrdinalPointers)
			lx.Settings.YesNo = lx.Settings.YesNo.merge(f.Settings.YesNo)
			lx.Settings.CheckTags = lx.Settings.CheckTags.merge(f.Settings.CheckTags)
			lx.Settings.Summary.Forms = lx.Settings.Summary.Forms.merge(f.Settings.Summary.Forms)
			if f.Settings.Summary.Entry != "" {
				lx.Settings.Summary.Entry = f.Settings.Summary.Entry
			}
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if err := b.validate(); err != nil {
		return nil, err
	}
	return b, nil
}

// parseFile decodes one file strictly and records where each item starts.
func parseFile(name string, data []byte) (*file, error) {
	var f file
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		if errors.Is(err, io.EOF) {
			return &f, nil // an empty file is allowed
		}
		return nil, fmt.Errorf("%s: %s", name, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	// Decode again as a node tree for line numbers; it parsed once, so it parses again.
	lines := map[string]map[int]int{} // section -> item index -> line
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err == nil && len(root.Content) == 1 {
		top := root.Content[0]
		for i := 0; i+1 < len(top.Content); i += 2 {
			lines[top.Content[i].Value] = itemLines(top.Content[i+1])
		}
	}
	place(f.Sources, name, lines["sources"], func(x *Source) *Pos { return &x.Pos })
	place(f.Facts, name, lines["facts"], func(x *Fact) *Pos { return &x.Pos })
	place(f.Topics, name, lines["topics"], func(x *Topic) *Pos { return &x.Pos })
	place(f.Entries, name, lines["entries"], func(x *Entry) *Pos { return &x.Pos })
	place(f.Concepts, name, lines["concepts"], func(x *Concept) *Pos { return &x.Pos })
	place(f.Kinds, name, lines["kinds"], func(x *Kind) *Pos { return &x.Pos })
	place(f.Homonyms, name, lines["homonyms"], func(x *Homonym) *Pos { return &x.Pos })
	if t := f.Translation; t != nil {
		t.Pos = Pos{name, 0}
		if len(root.Content) == 1 {
			top := root.Content[0]
			for i := 0; i+1 < len(top.Content); i += 2 {
				if top.Content[i].Value == "translation" {
					t.Pos.Line = top.Content[i].Line
					t.lines = translationLines(top.Content[i+1])
				}
			}
		}
	}
	return &f, nil
}

// place records where each item of a section was defined: the file, and
// the line when it is known.
func place[T any](items []*T, file string, lines map[int]int, pos func(*T) *Pos) {
	for j, x := range items {
		*pos(x) = Pos{file, lines[j]}
	}
}

// itemLines returns the line of each item of a sequence node, padded so that
// indexing never fails.
func itemLines(seq *yaml.Node) map[int]int {
	lines := make(map[int]int)
	if seq.Kind == yaml.SequenceNode {
		for i, n := range seq.Content {
			lines[i] = n.Line
		}
	}
	return lines
}

// validate checks ids, references and required text, and builds the indexes.
func (b *Base) validate() error {
	var errs []error
	bad := func(pos Pos, kind, id, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: %s %q: %s", pos, kind, id, fmt.Sprintf(format, args...)))
	}
	b.sources = make(map[string]*Source)
	b.facts = make(map[string]*Fact)
	b.topics = make(map[string]*Topic)
	b.entries = make(map[string]*Entry)

	for _, s := range b.Sources {
		switch {
		case !validID(s.ID):
			bad(s.Pos, "source", s.ID, "id must be lowercase letters, digits and dashes")
		case b.sources[s.ID] != nil:
			bad(s.Pos, "source", s.ID, "duplicate id (first defined at %s)", b.sources[s.ID].Pos)
		default:
			b.sources[s.ID] = s
		}
		if blank(s.Title) {
			bad(s.Pos, "source", s.ID, "title is empty")
		}
	}
	for _, t := range b.Topics {
		switch {
		case !validID(t.ID):
			bad(t.Pos, "topic", t.ID, "id must be lowercase letters, digits and dashes")
		case b.topics[t.ID] != nil:
			bad(t.Pos, "topic", t.ID, "duplicate id (first defined at %s)", b.topics[t.ID].Pos)
		default:
			b.topics[t.ID] = t
		}
		if blank(t.Title) {
			bad(t.Pos, "topic", t.ID, "title is empty")
		}
	}
	for _, f := range b.Facts {
		switch {
		case !validID(f.ID):
			bad(f.Pos, "fact", f.ID, "id must be lowercase letters, digits and dashes")
		case b.facts[f.ID] != nil:
			bad(f.Pos, "fact", f.ID, "duplicate id (first defined at %s)", b.facts[f.ID].Pos)
		default:
			b.facts[f.ID] = f
		}
		if blank(f.Text) {
			bad(f.Pos, "fact", f.ID, "text is empty")
		}
		switch {
		case blank(f.Source):
			bad(f.Pos, "fact", f.ID, "has no source (add `source:` with a source id)")
		case b.sources[f.Source] == nil:
			bad(f.Pos, "fact", f.ID, "source %q is not defined", f.Source)
		}
		if blank(f.Section) {
			bad(f.Pos, "fact", f.ID, "section is empty (name the part of the source it comes from)")
		}
		for _, st := range f.States {
			if !slices.Contains(allStates, st) {
				bad(f.Pos, "fact", f.ID, "states %q, which is not one of %s", st, strings.Join(allStates, ", "))
			}
		}
		if strings.Contains(f.Text, "$") && !slices.Contains(f.States, StatesMoney) {
			bad(f.Pos, "fact", f.ID, "states a sum of money: add money to `states:`")
		}
		if strings.Contains(f.Text, "%") && !slices.Contains(f.States, StatesPercent) {
			bad(f.Pos, "fact", f.ID, "states a percentage: add percent to `states:`")
		}
		for _, p := range SplitPeriods(f.Period) {
			if !fiscalYear.MatchString(p) {
				bad(f.Pos, "fact", f.ID, "period %q is not a fiscal year the engine understands: write it as FY25 (two digits), or a range such as FY24–FY25", p)
			}
		}
		if slices.Contains(f.States, StatesChange) && len(SplitPeriods(f.Period)) != 2 {
			bad(f.Pos, "fact", f.ID, "states a change but its period %q is not a range: write the two periods it is between, such as FY24–FY25", f.Period)
		}
		switch {
		case f.Direction != "" && f.Direction != "up" && f.Direction != "down":
			bad(f.Pos, "fact", f.ID, "direction %q is not up or down", f.Direction)
		case f.Direction != "" && !slices.Contains(f.States, StatesChange):
			bad(f.Pos, "fact", f.ID, "has a direction but does not state a change: add change to `states:`")
		}
		if f.Current && len(SplitPeriods(f.Period)) != 1 {
			bad(f.Pos, "fact", f.ID, "is current but its period %q is not one fiscal year: write the period of the report it came with, such as FY25", f.Period)
		}
		if f.Period == "" {
			for _, st := range []string{StatesMoney, StatesCount, StatesPercent} {
				if slices.Contains(f.States, st) {
					bad(f.Pos, "fact", f.ID, "states a figure (%s) but no period: add `period:` with the fiscal year it is for, such as FY25", st)
					break
				}
			}
		}
		if f.Period != "" && !slices.Contains(f.States, StatesPeriod) {
			f.States = append(f.States, StatesPeriod) // a period states one
		}
		if f.Attribution != "" && !slices.Contains(f.States, StatesName) {
			f.States = append(f.States, StatesName) // who said it: "who said so?"
		}
	}
	for _, e := range b.Entries {
		switch {
		case !validID(e.ID):
			bad(e.Pos, "entry", e.ID, "id must be lowercase letters, digits and dashes")
		case b.entries[e.ID] != nil:
			bad(e.Pos, "entry", e.ID, "duplicate id (first defined at %s)", b.entries[e.ID].Pos)
		default:
			b.entries[e.ID] = e
		}
		if blank(e.Question) {
			bad(e.Pos, "entry", e.ID, "question is empty")
		} else if n := utf8.RuneCountInString(e.Question); n > MaxQuestionLen {
			bad(e.Pos, "entry", e.ID, "question is %d characters; keep it to %d (it is shown as a suggestion and a button)", n, MaxQuestionLen)
		}
		for i, p := range e.Phrasings {
			if blank(p) {
				bad(e.Pos, "entry", e.ID, "phrasing %d is empty", i+1)
			}
		}
		for i, k := range e.Keywords {
			if blank(k) {
				bad(e.Pos, "entry", e.ID, "keyword %d is empty", i+1)
			}
		}
		switch {
		case blank(e.Topic):
			bad(e.Pos, "entry", e.ID, "has no topic")
		case b.topics[e.Topic] == nil:
			bad(e.Pos, "entry", e.ID, "topic %q is not defined", e.Topic)
		}
		if len(e.Facts) == 0 {
			bad(e.Pos, "entry", e.ID, "has no facts (list the fact ids that answer it)")
		}
		seen := make(map[string]bool)
		for _, id := range e.Facts {
			if b.facts[id] == nil {
				bad(e.Pos, "entry", e.ID, "fact %q is not defined", id)
			}
			if seen[id] {
				bad(e.Pos, "entry", e.ID, "fact %q is listed twice", id)
			}
			seen[id] = true
		}
	}
	// Related and reason ids can point forward, so check them once all
	// entries are known.
	for _, e := range b.Entries {
		for _, l := range []struct {
			ids       []string
			what, own string
		}{{e.Related, "related", "related"}, {e.Reasons, "reason", "a reason"}} {
			for _, id := range l.ids {
				switch {
				case b.entries[id] == nil:
					bad(e.Pos, "entry", e.ID, "%s entry %q is not defined", l.what, id)
				case id == e.ID:
					bad(e.Pos, "entry", e.ID, "lists itself as %s", l.own)
				}
			}
		}
	}
	if len(b.Entries) == 0 {
		errs = append(errs, errors.New("the knowledge base has no entries"))
	}
	errs = append(errs, b.validateLexicon()...)
	errs = append(errs, b.validateTranslations()...)
	return errors.Join(errs...)
}

func blank(s string) bool { return strings.TrimSpace(s) == "" }

// validID reports whether id is non-empty kebab-case: a-z, 0-9 and '-'.
func validID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

// WithEntries returns a copy of b that has the given entries instead of its
// own, for evaluation (the same base with one phrasing left out). The
// entries must be valid for b.
func (b *Base) WithEntries(es []*Entry) *Base {
	c := *b
	c.Entries = es
	c.entries = make(map[string]*Entry, len(es))
	for _, e := range es {
		c.entries[e.ID] = e
	}
	return &c
}

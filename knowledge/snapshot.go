package knowledge

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"io/fs"
	"maps"
	"path"
	"slices"
	"sort"
)

// baseSnapshot is the encoded form of a Base: slices only, in a fixed
// order, so the same knowledge always encodes to the same bytes.
type baseSnapshot struct {
	Sources       []*Source
	Facts         []*Fact
	Topics        []*Topic
	Entries       []*Entry
	FunctionWords Forms
	Concepts      []*Concept
	Kinds         []*Kind
	Homonyms      []homonymSnapshot
	MessageKeys   []string
	MessageValues []string
	Settings      Settings
	Translations  []translationSnapshot
}

// translationSnapshot is a Translation with its maps as sorted pairs, so
// that it encodes to the same bytes every time.
type translationSnapshot struct {
	Lang                 string
	Sections, Keys, Text []string
}

// translationSections are a Translation's maps by section name.
func translationSections(t *Translation) map[string]*map[string]string {
	return map[string]*map[string]string{
		"facts": &t.Facts, "attributions": &t.Attributions, "entries": &t.Entries, "messages": &t.Messages,
		"kind_messages": &t.KindMessages, "concept_messages": &t.ConceptMessages, "labels": &t.Labels, "names": &t.Names, "topics": &t.Topics,
	}
}

type homonymSnapshot struct {
	Lang, Form, Default string
	ContextIDs          []string
	ContextWords        [][]string
	Pos                 Pos
}

// GobEncode encodes b deterministically. The English word list is not
// encoded: GobDecode takes it from the embedded knowledge files.
func (b *Base) GobEncode() ([]byte, error) {
	s := baseSnapshot{Sources: b.Sources, Facts: b.Facts, Topics: b.Topics, Entries: b.Entries}
	if lx := b.Lexicon; lx != nil {
		s.FunctionWords, s.Concepts, s.Kinds, s.Settings = lx.FunctionWords, lx.Concepts, lx.Kinds, lx.Settings
		for _, h := range lx.Homonyms {
			hs := homonymSnapshot{Lang: h.Lang, Form: h.Form, Default: h.Default, Pos: h.Pos}
			for _, id := range slices.Sorted(maps.Keys(h.Context)) {
				hs.ContextIDs = append(hs.ContextIDs, id)
				hs.ContextWords = append(hs.ContextWords, h.Context[id])
			}
			s.Homonyms = append(s.Homonyms, hs)
		}
		for _, k := range slices.Sorted(maps.Keys(lx.Messages)) {
			s.MessageKeys = append(s.MessageKeys, k)
			s.MessageValues = append(s.MessageValues, lx.Messages[k])
		}
	}
	for _, t := range b.Translations {
		ts := translationSnapshot{Lang: t.Lang}
		secs := translationSections(t)
		for _, sec := range slices.Sorted(maps.Keys(secs)) {
			m := *secs[sec]
			for _, k := range slices.Sorted(maps.Keys(m)) {
				ts.Sections, ts.Keys, ts.Text = append(ts.Sections, sec), append(ts.Keys, k), append(ts.Text, m[k])
			}
		}
		s.Translations = append(s.Translations, ts)
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(&s); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// GobDecode decodes a Base encoded by GobEncode from the embedded knowledge
// and rebuilds its lookups. It does not validate: the encoded Base was valid.
func (b *Base) GobDecode(data []byte) error {
	var s baseSnapshot
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&s); err != nil {
		return err
	}
	*b = Base{Sources: s.Sources, Facts: s.Facts, Topics: s.Topics, Entries: s.Entries}
	lx := &Lexicon{FunctionWords: s.FunctionWords, Concepts: s.Concepts, Kinds: s.Kinds, Settings: s.Settings, Messages: map[string]string{}}
	for _, h := range s.Homonyms {
		hm := &Homonym{Lang: h.Lang, Form: h.Form, Default: h.Default, Pos: h.Pos, Context: map[string][]string{}}
		for i, id := range h.ContextIDs {
			hm.Context[id] = h.ContextWords[i]
		}
		lx.Homonyms = append(lx.Homonyms, hm)
	}
	for i, k := range s.MessageKeys {
		lx.Messages[k] = s.MessageValues[i]
	}
	for _, ts := range s.Translations {
		t := &Translation{Lang: ts.Lang}
		secs := translationSections(t)
		for i, sec := range ts.Sections {
			m := secs[sec]
			if *m == nil {
				*m = map[string]string{}
			}
			(*m)[ts.Keys[i]] = ts.Text[i]
		}
		b.Translations = append(b.Translations, t)
	}
	lx.words = embeddedWords
	b.Lexicon = lx
	b.reindex()
	return nil
}

// reindex rebuilds the id lookups of a Base known to be valid.
func (b *Base) reindex() {
	b.sources = make(map[string]*Source, len(b.Sources))
	for _, x := range b.Sources {
		b.sources[x.ID] = x
	}
	b.facts = make(map[string]*Fact, len(b.Facts))
	for _, x := range b.Facts {
		b.facts[x.ID] = x
	}
	b.topics = make(map[string]*Topic, len(b.Topics))
	for _, x := range b.Topics {
		b.topics[x.ID] = x
	}
	b.entries = make(map[string]*Entry, len(b.Entries))
	for _, x := range b.Entries {
		b.entries[x.ID] = x
	}
}

// EmbeddedHash returns a hash of the embedded knowledge files (the English
// word list aside), so a compiled snapshot of them can tell whether it is
// still current.
func EmbeddedHash() string {
	h := sha256.New()
	fsys := Embedded()
	var names []string
	fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && p != englishWords && (path.Ext(p) == ".yaml" || path.Ext(p) == ".yml") {
			names = append(names, p)
		}
		return nil
	})
	sort.Strings(names)
	for _, n := range names {
		data, _ := fs.ReadFile(fsys, n)
		h.Write([]byte(n))
		h.Write([]byte{0})
		h.Write(data)
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

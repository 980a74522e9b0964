package knowledge

import (
	"github.com/bpobot/bpobot/internal/kbtest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

func TestDefaultLoads(t *testing.T) {
	b, err := Default()
	if err != nil {
		t.Fatalf("shipped knowledge base does not load:\n%v", err)
	}
	st := b.Stats()
	if st.Sources < 2 || st.Facts < 40 || st.Entries < 30 || st.Topics < 9 {
		t.Errorf("shipped knowledge base is smaller than expected: %+v", st)
	}
	for _, id := range []string{"why-pakistan", "trends", "challenges", "future", "earnings-size", "clients", "fraud", "people-orgs", "sources"} {
		if b.Topic(id) == nil {
			t.Errorf("topic %q missing", id)
		} else if len(b.TopicEntries(id)) == 0 {
			t.Errorf("topic %q has no entries", id)
		}
	}
}

// TestEveryFactReachable checks the coverage promise: each fact answers at
// least one entry, so nothing the sources say is unreachable.
func TestEveryFactReachable(t *testing.T) {
	b, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	used := make(map[string]bool)
	for _, e := range b.Entries {
		for _, id := range e.Facts {
			used[id] = true
		}
	}
	for _, f := range b.Facts {
		if !used[f.ID] {
			t.Errorf("%s: fact %q is not used by any entry", f.Pos, f.ID)
		}
	}
}

// TestKeyTermsExact checks that the figures and key terms the sources use
// appear verbatim somewhere in the facts.
func TestKeyTermsExact(t *testing.T) {
	b, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	for _, f := range b.Facts {
		all.WriteString(f.Text + " " + f.Attribution + "\n")
	}
	text := all.String()
	for _, term := range []string{
		"$328 million", "$263 million", "24.6%", "FY25", "FY24", "State Bank of Pakistan",
		"1,000", "500", "million people", "talent drain", "power shortages", "Dabba scam",
		"Dabba Capital of the World", "tax incentives", "IT parks", "24/7", "Pakistan Software Export Board",
		"Call Centers Association of Pakistan", "Pakistan Software Houses Association", "P@SHA",
		"Adeel Azhar", "Muhammad Umair Nizam", "Germany", "Spain", "Italy", "Dubai", "Philippines",
		"India", "Middle East", "North America", "90%", "July",
	} {
		if !strings.Contains(text, term) {
			t.Errorf("no fact contains the exact term %q", term)
		}
	}
}

// TestNoCopiedSentences guards the rule that facts are written in our own
// words: no run of 12 consecutive words may match the source articles.
func TestNoCopiedSentences(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "sources")
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Skipf("source articles not available: %v", err)
	}
	var src strings.Builder
	for _, e := range ents {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		src.WriteString(strings.Join(words(string(data)), " ") + " ")
	}
	article := " " + src.String()
	b, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	const run = 12
	for _, f := range b.Facts {
		w := words(f.Text)
		for i := 0; i+run <= len(w); i++ {
			chunk := " " + strings.Join(w[i:i+run], " ") + " "
			if strings.Contains(article, chunk) {
				t.Errorf("%s: fact %q copies the article: %q", f.Pos, f.ID, strings.TrimSpace(chunk))
				break
			}
		}
	}
}

func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '$' || r == '%' || r == '.' || r == ',')
	})
}

func TestBrokenFixtures(t *testing.T) {
	tests := []struct {
		dir  string
		want []string // substrings the error must contain
	}{
		{"unknown-field", []string{"kb.yaml", "line 16", "field answer not found"}},
		{"duplicate-id", []string{"kb.yaml:17", `entry "e1"`, "duplicate id", "kb.yaml:13"}},
		{"no-facts", []string{"kb.yaml:13", `entry "e1"`, "has no facts"}},
		{"unknown-fact", []string{"kb.yaml:13", `entry "e1"`, `fact "f9" is not defined`}},
		{"fact-without-source", []string{"kb.yaml:5", `fact "f1"`, "has no source"}},
		{"unknown-source", []string{"kb.yaml:5", `fact "f1"`, `source "nowhere" is not defined`}},
		{"dangling-related", []string{"kb.yaml:13", `entry "e1"`, `related entry "e7" is not defined`}},
		{"dangling-reason", []string{"kb.yaml:13", `entry "e1"`, `reason entry "e7" is not defined`}},
		{"bad-summary", []string{`settings: summary entry "nowhere" is not an entry`}},
		{"bad-kind-asks", []string{"kb.yaml:19", `kind "when"`, `asks "money": a kind can ask only for reason`}},
		{"empty-text", []string{"kb.yaml:5", `fact "f1"`, "text is empty"}},
		{"empty-question", []string{"kb.yaml:13", `entry "e1"`, "question is empty"}},
		{"unknown-topic", []string{"kb.yaml:13", `entry "e1"`, `topic "nope" is not defined`}},
		{"bad-yaml", []string{"kb.yaml", "line"}},
		{"bad-period", []string{"kb.yaml:5", `fact "f1"`, `period "FY2025" is not a fiscal year the engine understands: write it as FY25`}},
		{"figure-without-period", []string{"kb.yaml:5", `fact "f1"`, "states a figure (count) but no period"}},
		{"bad-concept-asks", []string{"kb.yaml:19", `concept "growth"`, `asks "share": a concept can ask only for change, attribution, source, other, other-person or figure`}},
		{"bad-requires", []string{"kb.yaml:14", `entry "e1"`, `requires: "nope" is not a concept in the lexicon`}},
		{"bad-down-form", []string{"kb.yaml:19", `concept "growth"`, `down form "fell" is not one of its en forms`}},
		{"direction-without-change", []string{"kb.yaml:5", `fact "f1"`, "has a direction but does not state a change"}},
		{"current-without-period", []string{"kb.yaml:5", `fact "f1"`, `is current but its period "" is not one fiscal year`}},
		{"change-without-range", []string{"kb.yaml:5", `fact "f1"`, `states a change but its period "FY25" is not a range`}},
		{"bad-kind-joins", []string{"kb.yaml:19", `kind "when"`, `joins "whenever", which is not one of its own one-word en forms`}},
		{"bad-kind-aside", []string{"kb.yaml:22", `kind "misread"`, `is an aside but not never`}},
		{"bad-kind-suggest", []string{"kb.yaml:22", `kind "setup"`, `suggest "e7" is not an entry`}},
		{"bad-kind-reply", []string{"kb.yaml:22", `kind "in-french"`, `reply "fr" is not a language replies are given in`}},
		{"bad-within", []string{`concept "germany": lies within "atlantis", which is no concept`, `concept "germany": lies within "growth", which is not a place`,
			`concept "growth": is not a place, so it lies within nothing`, `concept "growth": is the rest of "atlantis", which is no other concept`,
			`concept "germany": is a place: list "europe" under within, not places`, `concept "foreign": lists the place "mars", which is no concept`,
			`concept "foreign": lists "growth" under places, which is not a place`,
			`concept "growth": is a subject, which only a measure can be: give it class metric or drop subject`}},
		{"bad-translation", []string{`fr.yaml:1: translation "fr": lang must be "ur" (Urdu script) or "roman" (Roman Urdu)`,
			`ur.yaml:4: translation "ur": facts "f1" lacks "$328", "CCAP", "FY25" as the English has it`,
			`ur.yaml:5: translation "ur": fact "f9" is not defined`,
			`ur.yaml:10: translation "ur": label "nope" is not one of`,
			`ur.yaml:12: translation "ur": messages "not_covered" lacks "BPO"`,
			`ur.yaml:13: translation "ur": messages "unknown_name" lacks "{term}"`,
			`ur.yaml:15: translation "ur": topic "atlantis" is not defined`}},
		{"bad-numbers", []string{`numbers: "Lakh" is listed twice (unit 1 and unit 2)`, "unit 2 changes nothing", "number word 1: value is 0"}},
	}
	for _, tt := range tests {
		t.Run(tt.dir, func(t *testing.T) {
			_, err := Load(os.DirFS(filepath.Join("testdata", tt.dir)))
			if err == nil {
				t.Fatal("Load succeeded, want an error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q\ndoes not contain %q", err, w)
				}
			}
		})
	}
}

func TestValidFixture(t *testing.T) {
	b, err := Load(os.DirFS(filepath.Join("testdata", "valid")))
	if err != nil {
		t.Fatal(err)
	}
	e := b.Entry("e1")
	if e == nil || e.Pos.String() != "kb.yaml:13" || e.Related[0] != "e2" {
		t.Fatalf("entry e1 = %+v", e)
	}
	if got := b.Fact("f1").Pos.String(); got != "kb.yaml:5" {
		t.Errorf("fact position = %s, want kb.yaml:5", got)
	}
}

func TestLoadMergesFilesAndReportsAll(t *testing.T) {
	fsys := fstest.MapFS{
		"a.yaml":        {Data: []byte("sources:\n  - id: s\n    title: S\ntopics:\n  - id: t\n    title: T\n")},
		"sub/b.yml":     {Data: []byte("facts:\n  - id: f\n    source: s\n    section: X\n    text: Y\n")},
		"sub/c.yaml":    {Data: []byte("entries:\n  - id: e\n    topic: t\n    question: Q?\n    facts: [f, g]\n    related: [z]\n")},
		"notes.txt":     {Data: []byte("ignored")},
		"empty.yaml":    {Data: []byte("")},
		"readme.yaml":   {Data: []byte("# only a comment\n")},
		"messages.yaml": {Data: []byte(kbtest.Messages)},
	}
	_, err := Load(fsys)
	if err == nil {
		t.Fatal("want errors for missing fact g and related z")
	}
	for _, w := range []string{`sub/c.yaml:2: entry "e": fact "g" is not defined`, `related entry "z" is not defined`} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error %q does not contain %q", err, w)
		}
	}
	delete(fsys, "sub/c.yaml")
	fsys["sub/c.yaml"] = &fstest.MapFile{Data: []byte("entries:\n  - id: e\n    topic: t\n    question: Q?\n    facts: [f]\n")}
	b, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if st := b.Stats(); st != (Stats{Sources: 1, Facts: 1, Topics: 1, Entries: 1, Phrasings: 1}) {
		t.Errorf("Stats = %+v", st)
	}
}

func TestLoadEmpty(t *testing.T) {
	if _, err := Load(fstest.MapFS{}); err == nil || !strings.Contains(err.Error(), "no knowledge files") {
		t.Fatalf("err = %v", err)
	}
}

func TestCredit(t *testing.T) {
	for _, tt := range []struct {
		s    Source
		want string
	}{
		{Source{Author: "A", Publisher: "P"}, "A, P"},
		{Source{Author: "A"}, "A"},
		{Source{Publisher: "P"}, "P"},
		{Source{}, ""},
	} {
		if got := tt.s.Credit(); got != tt.want {
			t.Errorf("Credit(%+v) = %q, want %q", tt.s, got, tt.want)
		}
	}
}

func TestQuestionTooLong(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "valid", "kb.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Replace(string(data), "question: What?", "question: "+strings.Repeat("w", MaxQuestionLen)+"?", 1)
	_, err = Load(fstest.MapFS{"kb.yaml": {Data: []byte(long)}})
	if err == nil || !strings.Contains(err.Error(), `kb.yaml:13: entry "e1": question is 101 characters; keep it to 100`) {
		t.Fatalf("err = %v", err)
	}
}

// TestUntitledLabel: a source with no headline is named with its title
// marked as ours; one with a headline by its title.
func TestUntitledLabel(t *testing.T) {
	if got := (&Source{Title: "A report", Untitled: true}).Label(); got != "A report (title ours)" {
		t.Errorf("untitled: %q", got)
	}
	if got := (&Source{Title: "BPO Services in Pakistan"}).Label(); got != "BPO Services in Pakistan" {
		t.Errorf("titled: %q", got)
	}
}

// TestShippedTranslationComplete: the shipped Urdu translation renders
// every fact, attribution, entry question, message and label; a new one
// added without its Urdu would be shown in English to Urdu readers.
func TestShippedTranslationComplete(t *testing.T) {
	b, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tr := b.Translation(Urdu)
	if tr == nil {
		t.Fatal("no Urdu translation")
	}
	for _, f := range b.Facts {
		if tr.Facts[f.ID] == "" {
			t.Errorf("fact %q (%s) has no Urdu in translations/ur.yaml", f.ID, f.Pos)
		}
		if f.Attribution != "" && tr.Attributions[f.Attribution] == "" {
			t.Errorf("attribution %q has no Urdu", f.Attribution)
		}
	}
	for _, e := range b.Entries {
		if tr.Entries[e.ID] == "" {
			t.Errorf("entry %q (%s) has no Urdu question", e.ID, e.Pos)
		}
	}
	for k := range b.Lexicon.Messages {
		if tr.Messages[k] == "" {
			t.Errorf("message %q has no Urdu", k)
		}
	}
	for _, k := range b.Lexicon.Kinds {
		if k.Message != "" && tr.KindMessages[k.ID] == "" {
			t.Errorf("kind %q's message has no Urdu", k.ID)
		}
	}
	for _, c := range b.Lexicon.Concepts {
		if c.Message != "" && tr.ConceptMessages[c.ID] == "" {
			t.Errorf("concept %q's message has no Urdu", c.ID)
		}
	}
	for k := range Labels {
		if tr.Labels[k] == "" {
			t.Errorf("label %q has no Urdu", k)
		}
	}
	for _, f := range b.Facts {
		if who := b.Lexicon.Attributee(f.Attribution); f.Attribution != "" && tr.Names[who] == "" {
			t.Errorf("name %q (credited in fact %q) has no Urdu", who, f.ID)
		}
	}
}

// TestNilTranslationIsEnglish: every accessor of a nil translation gives
// the English, so code that renders a reply needs no language check.
func TestNilTranslationIsEnglish(t *testing.T) {
	var tr *Translation
	f, e := &Fact{ID: "f", Text: "A fact."}, &Entry{ID: "e", Question: "What?"}
	if tr.Label("sources") != "Sources" || tr.Fact(f) != "A fact." || tr.Question(e) != "What?" ||
		tr.Attribution("according to X") != "according to X" || tr.Name("X") != "" || tr.KindMessage("k") != "" {
		t.Error("a nil translation does not give the English")
	}
	ur := &Translation{Lang: Urdu, Facts: map[string]string{"f": "ایک حقیقت۔"}}
	if ur.Fact(f) != "ایک حقیقت۔" || ur.Question(e) != "What?" || ur.Label("sources") != "Sources" {
		t.Error("a translation does not fall back to the English for what it lacks")
	}
}

// Package knowledge holds bpobot's curated knowledge base: the sources it
// draws on, the facts taken from them (in the project's own words, each with
// a citation), the topics, and the question-and-answer entries that point at
// those facts.
//
// The shipped knowledge lives in YAML files under data/, embedded into the
// binary. A curator edits those files; Load validates them strictly so that a
// misspelt field, an unknown id or a fact without a source is an error that
// names the file, the line and the entry. There is no matching logic here:
// the answers package decides which entry answers a question.
package knowledge

import "strconv"

// A Source is one article or document the knowledge base draws on.
type Source struct {
	ID        string   `yaml:"id"`
	Title     string   `yaml:"title"`
	Author    string   `yaml:"author,omitempty"`    // the person named as author, if any
	Publisher string   `yaml:"publisher,omitempty"` // the publisher or site, if named
	Cites     []string `yaml:"cites,omitempty"`     // bodies and people the source quotes or relies on
	Summary   string   `yaml:"summary,omitempty"`   // one line on what the source covers
	// Untitled marks a source with no headline of its own: Title is ours,
	// and Label says so wherever it is shown.
	Untitled bool `yaml:"untitled,omitempty"`
	// Editorial marks our own notes (the editors' background to terms the
	// articles use): "who said that?" of their facts says they are ours,
	// not an article's reporting.
	Editorial bool `yaml:"editorial,omitempty"`

	Pos Pos `yaml:"-"`
}

// Label returns how replies name the source: its title, marked as ours
// when the source has none ("… (title ours)").
func (s *Source) Label() string {
	if s.Untitled {
		return s.Title + " (title ours)"
	}
	return s.Title
}

// Credit returns who the source is by: its author, its publisher, or both.
// It returns "" when the source names neither.
func (s *Source) Credit() string {
	switch {
	case s.Author != "" && s.Publisher != "":
		return s.Author + ", " + s.Publisher
	case s.Author != "":
		return s.Author
	default:
		return s.Publisher
	}
}

// A Fact is one statement taken from a source, written in our own words with
// the source's figures, names and key terms kept exact.
type Fact struct {
	ID          string `yaml:"id"`
	Source      string `yaml:"source"`                // id of the Source it comes from
	Section     string `yaml:"section"`               // the section heading of the source it comes from
	Text        string `yaml:"text"`                  // the statement itself
	Attribution string `yaml:"attribution,omitempty"` // who the source credits, e.g. "according to the State Bank of Pakistan"
	Period      string `yaml:"period,omitempty"`      // the period a figure refers to, e.g. "FY25"
	// Current says the source gives the figure as holding when it was
	// written ("currently ..."), not as a figure for a period: Period is
	// then the period of the report it came with, and replies say what
	// "currently" means instead of "Figures are for" that period.
	Current bool `yaml:"current,omitempty"`
	// Direction says which way a change went: "up" or "down" (a fact that
	// states a change only). A question that says it went the other way
	// is told so.
	Direction string `yaml:"direction,omitempty"`
	// States says what kinds of thing the fact states, for questions that
	// need one: money, count, percent, place, period, name. A figure with
	// "$" must declare money and one with "%" percent (the loader checks).
	States []string `yaml:"states,omitempty"`
	// Entities names the organisations, companies and people the fact is
	// about, beyond its attribution; they join the open class of names.
	Entities []string `yaml:"entities,omitempty"`

	Pos Pos `yaml:"-"`
}

// A Topic groups entries for browsing (for example "Why Pakistan" or
// "Earnings and size").
type Topic struct {
	ID          string `yaml:"id"`
	Title       string `yaml:"title"`
	Description string `yaml:"description,omitempty"`

	Pos Pos `yaml:"-"`
}

// An Entry is one question the knowledge base can answer: a canonical
// question, the other ways people ask it, extra keywords, the facts that
// answer it and related entries to offer as follow-ups.
type Entry struct {
	ID        string   `yaml:"id"`
	Topic     string   `yaml:"topic"`
	Question  string   `yaml:"question"`            // the canonical question, shown to users
	Phrasings []string `yaml:"phrasings,omitempty"` // other ways people ask it
	Keywords  []string `yaml:"keywords,omitempty"`  // synonyms and terms that point at this entry
	Facts     []string `yaml:"facts"`               // ids of the facts that answer it, in reply order
	Related   []string `yaml:"related,omitempty"`   // ids of entries to offer as follow-ups
	// Reasons lists entries whose facts give the reasons the sources offer
	// for what this entry reports: a question asking why (a kind with
	// `asks: [reason]`) answered with this entry gets them too ("why did
	// earnings grow?": the growth, and the new deals CCAP's president
	// credits for it).
	Reasons []string `yaml:"reasons,omitempty"`
	// AboutSources marks an entry about the sources themselves ("where does
	// your data come from"): it is matched on the sources' titles, authors
	// and citations rather than on what its sample facts say.
	AboutSources bool `yaml:"about_sources,omitempty"`
	// Kinds lists kinds of question (lexicon kinds: where, how-to, ...)
	// the entry answers although its facts do not state what they need:
	// "where do you get your data" is a where question a sources entry
	// answers without naming a place.
	Kinds []string `yaml:"kinds,omitempty"`
	// Requires lists concepts of which a question must name one for the
	// entry to answer it (by ranking; its own phrasings still answer it
	// exactly): an entry that defines a term answers questions that name
	// the term ("what does year-on-year mean"), not every question its
	// other words match ("what is their growth").
	Requires []string `yaml:"requires,omitempty"`

	Pos Pos `yaml:"-"`
}

// Pos is where something was defined: a file and a line (1-based).
type Pos struct {
	File string
	Line int
}

// String formats p as "file:line", or just the file when the line is unknown.
func (p Pos) String() string {
	if p.Line <= 0 {
		return p.File
	}
	return p.File + ":" + strconv.Itoa(p.Line)
}

package knowledge

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
)

// The languages a lexicon form can be written in.
const (
	English   = "en"    // English
	RomanUrdu = "roman" // Urdu in Latin letters, as Pakistanis type it in chat
	Urdu      = "ur"    // Urdu in Urdu (Arabic) script
)

// Languages lists the languages in the order forms are listed.
var Languages = []string{English, RomanUrdu, Urdu}

// Forms are the ways one concept is written, per language, as users type
// them: whole words or phrases of several words, never stems. A form with a
// capital letter ("US", "IT") matches only when typed with that capital, so
// that "US" is the country and "us" is not.
type Forms struct {
	En    []string `yaml:"en,omitempty"`
	Roman []string `yaml:"roman,omitempty"`
	Ur    []string `yaml:"ur,omitempty"`
}

// merge returns f with the forms of g added.
func (f Forms) merge(g Forms) Forms {
	f.En = append(f.En, g.En...)
	f.Roman = append(f.Roman, g.Roman...)
	f.Ur = append(f.Ur, g.Ur...)
	return f
}

// Of returns the forms in one language.
func (f Forms) Of(lang string) []string {
	switch lang {
	case English:
		return f.En
	case RomanUrdu:
		return f.Roman
	case Urdu:
		return f.Ur
	}
	return nil
}

// The salient classes of concepts. A question that names a salient concept
// the best entry does not support is declined, whatever its score: the
// sources answer "earnings in FY25", not "in FY23", not "in Karachi".
const (
	ClassPlace  = "place"  // countries, cities, regions
	ClassPeriod = "period" // months, quarters, "next year" (fiscal years are recognised by shape)
	ClassName   = "name"   // organisations, companies and people: an open class
	ClassRole   = "role"   // titles such as president or senior vice chairman
	ClassMetric = "metric" // what can be measured: salaries, employees, earnings
	ClassSector = "sector" // industries other than BPO: IT, textiles, freelancing
)

// Classes lists the salient classes, from the most to the least telling: of
// several unsupported terms, a decline names the first.
var Classes = []string{ClassPeriod, ClassPlace, ClassName, ClassRole, ClassSector, ClassMetric}

// What a fact can state, for question kinds that need one: "how many" needs
// a count, "where" a place.
const (
	StatesMoney   = "money"
	StatesCount   = "count"
	StatesPercent = "percent"
	StatesPlace   = "place"
	StatesPeriod  = "period"
	StatesName    = "name"
	// StatesChange marks a figure that is a change from one period to the
	// next (a growth rate, an increase), not a level or a share: its period
	// is a range, such as FY24–FY25. It answers only a question that asks
	// about a change (a concept with `asks: [change]`, such as growth), and
	// a question that does not ask about one is never answered with it:
	// "what percentage of exports are call centers" is not "24.6%".
	StatesChange = "change"
)

// AsksAttribution, as a concept's `asks:`, marks a concept that asks who
// said something or what someone said ("said", "according to"): every
// entry with a fact its source credits to someone (an attribution) has it.
const AsksAttribution = "attribution"

// AsksSource, as a concept's `asks:`, marks a concept that asks where
// something comes from ("source", "article"): a question naming it and
// something else ("which article mentions tax incentives?", "where is the
// 263 million from?") is answered with that something, led by the sources
// its facts come from and whom they are credited to.
const AsksSource = "source"

// AsksReason, as a kind's `asks:`, marks a kind of question that asks why
// ("why", "kyun", "کیوں"): a question of the kind answered with an entry
// that lists `reasons:` is answered with those entries too, the reasons
// the sources give for what it reports.
const AsksReason = "reason"

// AsksComparison, as a kind's `asks:`, marks a kind of question that
// compares ("vs", "which was bigger", "kaunsa zyada"): one that compares the
// two periods the facts cover is answered with the change between them.
const AsksComparison = "comparison"

// AsksDefinition, as a kind's `asks:`, marks a kind of question that asks
// what something is or stands for ("what is", "means", "stand for"): one
// asked of a name with an expansion the sources don't give ("CCAP means
// call center association of punjab?") is answered with the name's own
// entry, after saying so.
const AsksDefinition = "definition"

// AsksOther, as a concept's `asks:`, marks a concept that asks what the
// other sources say ("the other article", "and the other source?"): a
// follow-up naming it is answered, on the subject of the question before
// (or its own), from the sources the answer before did not use.
const AsksOther = "other"

// AsksOtherPerson, as a concept's `asks:`, marks a concept that asks about
// the other person the sources quote ("and who is the other guy?"): a
// follow-up naming it, after an answer about one of the people facts are
// credited to, is answered about the one other.
const AsksOtherPerson = "other-person"

// AsksFigure, as a concept's `asks:`, marks a concept that asks for a
// figure as such ("figure", "number"): a question of nothing but it and a
// fiscal year ("what was the FY24 figure?") is answered by the one entry
// whose facts are all of that year and state a figure, when there is one.
const AsksFigure = "figure"

var allStates = []string{StatesMoney, StatesCount, StatesPercent, StatesPlace, StatesPeriod, StatesName, StatesChange}

// A Concept is one unit of meaning with its forms in each language, for
// example earn: earn, revenue, income; kamaya, kamai; کمایا, آمدنی.
type Concept struct {
	ID      string `yaml:"id"`
	Class   string `yaml:"class,omitempty"`   // a salient class, or empty
	Display string `yaml:"display,omitempty"` // how a decline names it, e.g. "salaries"
	Message string `yaml:"message,omitempty"` // the decline message when it blocks, instead of its class's; {term} is the word as typed
	// Resolves makes the concept a relative period: "latest" reads it as
	// the latest period the facts cover ("last fiscal year"), "previous" as
	// the one before.
	Resolves string `yaml:"resolves,omitempty"`
	// Refers marks a concept that, right after a word pointing back ("this
	// figure", "ye number", "یہ اعداد"), stands for the answer before and
	// asks nothing of its own: "who gave this number?" asks who reported
	// what was just answered.
	Refers bool `yaml:"refers,omitempty"`
	// Relative marks a concept that, as all a short follow-up says ("and
	// the rest?", "baqi?"), is relative to the answer before: the rest of
	// what it counted, not a question of its own.
	Relative bool `yaml:"relative,omitempty"`
	// Domain marks a concept that makes a question about the sector (call
	// center, BPO): when nothing answers such a question, the decline says
	// the sources don't have it, not that it is off-topic.
	Domain bool `yaml:"domain,omitempty"`
	// Segment marks a line of work within the sector that the sources
	// describe but give no figures of its own for (e-commerce support,
	// finance and accounting): a question asking a figure of it ("how many
	// people work in e-commerce support?") is not answered by an entry
	// that does not have it: the sector's whole figures are not the
	// segment's.
	Segment bool `yaml:"segment,omitempty"`
	// Subject marks a measure (class metric) that is also a subject people
	// ask about without a figure ("is a call center job safe?", "were
	// people arrested?"): it keeps an entry without it from answering only
	// a question that asks for a figure or states one. Without it a
	// measure blocks every such entry: earnings and costs are figures
	// whenever they are asked about.
	Subject bool `yaml:"subject,omitempty"`
	// RestOf names the concept whose share this one is the rest of: the
	// domestic clients are what the share of work for foreign ones leaves
	// ("10% serve local clients?" agrees with "nearly 90% work for clients
	// overseas").
	RestOf string `yaml:"rest_of,omitempty"`
	// Person marks a name that is a person's, not a body's: "the other
	// guy" asks about another person (AsksOtherPerson).
	Person bool `yaml:"person,omitempty"`
	// Asks says what a question naming the concept asks for: a question
	// about growth asks for a change (StatesChange), so only a fact that
	// states a change answers its "how much" or "what percentage"; one
	// with "said" asks for an attributed fact (AsksAttribution).
	Asks []string `yaml:"asks,omitempty"`
	// Down lists those of the concept's forms that say a change went down
	// ("fell", "girawat"): a question that says so of a change its facts
	// give as a rise is told so (the optional premise_rise message).
	Down Forms `yaml:"down,omitempty"`
	// Within lists the places a place lies in (the US is in North America
	// and the West): an entry about one of them, or about a place within
	// this one, bears on a question naming it ("is labour cheaper than in
	// the US?" and the West's labour costs; "clients in Europe?" and
	// Germany).
	Within []string `yaml:"within,omitempty"`
	// Places lists, for a concept that is not a place, the places that
	// stand for it (foreign: the West, the Middle East, India, ...): an
	// entry whose facts name one of them, or a place within one, covers
	// it as if its facts said it ("which countries are the overseas
	// clients in?" and the US, Germany, Spain, Italy and Dubai). It only
	// covers: a question naming one of the places is not answered by the
	// concept's word ("Indian clients?" is not "overseas clients").
	Places []string `yaml:"places,omitempty"`
	Forms  `yaml:",inline"`

	Pos Pos `yaml:"-"`
}

// Acts a question kind can call for instead of an answer from the entries.
const (
	ActGreet     = "greet"     // hello, salam
	ActThank     = "thank"     // thanks, shukriya, bye
	ActIntroduce = "introduce" // who are you, what can you do
	ActReply     = "reply"     // "reply in urdu": the reply's language, with the kind's Reply
)

// A Kind is a kind of question ("how many", "where", "how to"), recognised by
// its forms, and what a fact must state to answer it.
type Kind struct {
	ID      string   `yaml:"id"`
	Needs   []string `yaml:"needs,omitempty"`   // a fact of the entry must state one of these
	Never   bool     `yaml:"never,omitempty"`   // the sources never answer it (how-to, forecasts, rankings)
	Act     string   `yaml:"act,omitempty"`     // greet or introduce: answered by the bot, not from entries
	Message string   `yaml:"message,omitempty"` // the decline message when it blocks; for act greet, the reply
	// Aside marks a never kind that remarks on the conversation rather
	// than asks ("that's not what I asked"): beside a question that is
	// answered, its message is not given as the rest of the question.
	Aside bool `yaml:"aside,omitempty"`
	// Context marks a never kind that, beside a question the sources
	// answer, only says why it is asked: "what challenges should I expect
	// if I start a BPO?" is answered with the challenges, and its message
	// given as the rest of the question.
	Context bool `yaml:"context,omitempty"`
	// Suggest lists entry ids a decline for the kind suggests first: what
	// the sources do say to someone who asks it ("I want to open a call
	// center": the government's support, the challenges, the workforce).
	Suggest []string `yaml:"suggest,omitempty"`
	// Reply is, for act reply, the language the asker wants the reply in
	// ("ur": "urdu mein jawab do", "reply in urdu"); the rest of the message
	// is the question.
	Reply string `yaml:"reply,omitempty"`
	// Asks says what a question of the kind asks for beyond what its facts
	// state: AsksReason (the reasons an entry lists).
	Asks []string `yaml:"asks,omitempty"`
	// Joins are forms of the kind (one word each) that, inside a sentence
	// after a word of content and before more words, join a clause rather
	// than ask: "a concern when outsourcing". Per language.
	Joins Forms `yaml:"joins,omitempty"`
	Forms `yaml:",inline"`

	Pos Pos `yaml:"-"`
}

// A Homonym declares a form that belongs to two concepts or kinds of one
// language ("mean": what a word means, or an average). The form takes the
// meaning of the first alternative whose context words occur in the
// question, and otherwise the default.
type Homonym struct {
	Lang    string              `yaml:"lang"`
	Form    string              `yaml:"form"`
	Default string              `yaml:"default"`           // a concept or kind id
	Context map[string][]string `yaml:"context,omitempty"` // concept or kind id -> words that select it

	Pos Pos `yaml:"-"`
}

// Settings are product settings that name knowledge-base ids, validated
// like the rest.
type Settings struct {
	DefaultSuggestions []string `yaml:"default_suggestions"` // entry ids suggested when nothing in the question helps
	// Joiners are the words that join two questions in one message ("and",
	// "aur", "vs"): the engine tries the parts on their own.
	Joiners Forms `yaml:"joiners"`
	// Asides are the words that open a clause of the asker's own after a
	// question ("because I don't want to join something that's
	// collapsing", "kyunke mujhe..."): it says why they ask, not what,
	// and the message's parts are read without it.
	Asides Forms `yaml:"asides,omitempty"`
	// Else are the words that ask for more than the last answer showed
	// ("what else did he say?"): a follow-up with one is answered without
	// the facts the last answer gave.
	Else Forms `yaml:"else,omitempty"`
	// ChangeFrom are the words that make a period the start of a change
	// when they come just before it ("up from FY24", "compared to the
	// year before") or, in Urdu, just after it ("FY24 se", "FY24 سے"): a
	// question about the change from FY24 is answered by the growth from
	// FY24 to FY25, as one about the change in FY24 is not.
	ChangeFrom Forms `yaml:"change_from,omitempty"`
	// PersonReferences and ThingReferences are the words that point back
	// to the previous question of a conversation: a person ("he",
	// "انہوں") stands for someone it named, a thing ("that", "یہ") for
	// what it asked about. See answers.Engine.AskAfter.
	PersonReferences Forms `yaml:"person_references"`
	ThingReferences  Forms `yaml:"thing_references"`
	// AttributionLeadIns are the words before a name in an attribution
	// ("according to the"): the name is what follows them.
	AttributionLeadIns []string `yaml:"attribution_lead_ins"`
	// Bounds are the words that bound a figure of a question, so that a
	// fact bearing it out does not contradict it: "over $300 million" and
	// $328 million.
	Bounds Bounds `yaml:"bounds"`
	// Ordinals are the words that pick an item of the last reply ("the
	// second one", "teesra wala"), with the words that must follow one
	// unless it is the whole message (OrdinalPointers: "one", "wala").
	Ordinals        []NumberWord `yaml:"ordinals"`
	OrdinalPointers Forms        `yaml:"ordinal_pointers"`
	// YesNo are the words that open a yes-or-no question ("did", "was",
	// "kya"): one that names someone the sources don't link with what it
	// asks is answered with what they do say, after saying so.
	YesNo Forms `yaml:"yes_no"`
	// CheckTags are the words that, ending a message, ask whether what it
	// states is right ("exports grew 24.6%, right?", "328 million, sahi?").
	CheckTags Forms `yaml:"check_tags"`
	// Numbers are the words the number scanner reads in figures and years:
	// "50 lakh" is 5 million, "the five trends" 5, "fiscal 2025" FY25.
	Numbers Numbers `yaml:"numbers"`
	// Summary answers a message that asks for a summary and nothing else
	// ("give me a summary", "khulasa batao", "خلاصہ"): with the entry
	// named, what the sources are and what each covers.
	Summary Summary `yaml:"summary"`
}

// A Summary is the words that ask for a summary (one word each), and the
// entry id that answers a message of nothing else.
type Summary struct {
	Entry string `yaml:"entry"`
	Forms `yaml:",inline"`
}

// Numbers are the words, in any language, that the answer engine's number
// scanner rewrites before it reads a question or a fact, so that a figure
// or a fiscal year reads the same however it is written.
type Numbers struct {
	// Units are the words after a figure that scale it or name what it
	// counts: "50 lakh" is "5 million", "400m" "400 million", "30 fisad"
	// "30 percent".
	Units []Unit `yaml:"units"`
	// Words are numbers written as words ("five", "das"), read as digits.
	Words []NumberWord `yaml:"words"`
	// BeforeUnits are numbers written as words that are read as digits
	// only just before a unit ("one billion", "a million", "ek arab",
	// "ایک ارب"): alone, "one" and "a" are more often meant otherwise.
	BeforeUnits []NumberWord `yaml:"before_units,omitempty"`
	// FiscalYear is how a fiscal year is named: "FY 2024-25", "fiscal
	// 2025", "July 2024 to June 2025" and "مالی سال 2025" are all FY25.
	FiscalYear FiscalYear `yaml:"fiscal_year"`
}

// A Unit is the words for one unit after a figure. The figure is
// multiplied by Times (1 when not given) and followed by As, the word the
// facts write ("million"; none for "5k", which is 5000).
type Unit struct {
	Forms []string `yaml:"forms"`
	Times float64  `yaml:"times,omitempty"`
	As    string   `yaml:"as,omitempty"`
}

// A NumberWord is the words for one number ("five", "پانچ").
type NumberWord struct {
	Forms []string `yaml:"forms"`
	Value float64  `yaml:"value"`
}

// FiscalYear names a fiscal year. LeadIns come before a year or a range of
// years ("FY", "fiscal year", "مالی سال"). A span names the months it runs
// from and to: From? First YEAR Through Last YEAR Until? ("from July 2024
// to June 2025", "July 2024 se June 2025 tak").
type FiscalYear struct {
	LeadIns []string `yaml:"lead_ins"`
	From    []string `yaml:"from"`    // before the first month: "from"
	First   []string `yaml:"first"`   // the month it starts: "July"
	Through []string `yaml:"through"` // between the years: "to", "se", "till"
	Last    []string `yaml:"last"`    // the month it ends: "June"
	Until   []string `yaml:"until"`   // after the last year: "tak"
	// Ending are the words before the month a year ends in: "the year
	// ending June 2025", "year ended June 30, 2025" are FY25.
	Ending []string `yaml:"ending"`
	// After are the words after a year written with two digits alone that
	// make it one: Roman Urdu "24 me kitna kamaya" ("in 24") asks of FY24.
	After []string `yaml:"after"`
}

// merge returns n with m's words added.
func (n Numbers) merge(m Numbers) Numbers {
	n.Units = append(n.Units, m.Units...)
	n.Words = append(n.Words, m.Words...)
	n.BeforeUnits = append(n.BeforeUnits, m.BeforeUnits...)
	f, g := &n.FiscalYear, m.FiscalYear
	f.LeadIns = append(f.LeadIns, g.LeadIns...)
	f.From = append(f.From, g.From...)
	f.First = append(f.First, g.First...)
	f.Through = append(f.Through, g.Through...)
	f.Last = append(f.Last, g.Last...)
	f.Until = append(f.Until, g.Until...)
	f.Ending = append(f.Ending, g.Ending...)
	f.After = append(f.After, g.After...)
	return n
}

// Bounds are the words, in any language, that bound a figure: over it,
// under it, or about it (within 15%).
type Bounds struct {
	Over  Bound `yaml:"over"`
	Under Bound `yaml:"under"`
	About Bound `yaml:"about"`
	// Rest are the words that make a percentage the rest of one the facts
	// give: "the remaining 10 percent" agrees with "nearly 90%".
	Rest Bound `yaml:"rest"`
	// Reference are the words that make a figure a point of reference
	// rather than a claim: "before the $328m", "compared to 24.6%". One
	// the facts state is never corrected.
	Reference Bound `yaml:"reference"`
}

// A Bound is the words written before a figure ("more than $300 million")
// or after it ("300 million se zyada") that bound it one way.
type Bound struct {
	Before []string `yaml:"before"`
	After  []string `yaml:"after"`
}

// merge returns b with c's words added.
func (b Bound) merge(c Bound) Bound {
	b.Before = append(b.Before, c.Before...)
	b.After = append(b.After, c.After...)
	return b
}

// A Lexicon is the language and domain vocabulary the answer engine reads:
// function words per language, concepts, question kinds, homonyms, and the
// messages and settings replies are built from. It is data: a curator extends
// it in lexicon/*.yaml without touching Go.
type Lexicon struct {
	FunctionWords Forms // words that carry no content, per language
	Concepts      []*Concept
	Kinds         []*Kind
	Homonyms      []*Homonym
	Messages      map[string]string // reply texts by key (see RequiredMessages)
	Settings      Settings

	// words is the sorted, newline-separated list of common English words
	// (lexicon/english-words.txt), used to tell an ordinary word the
	// knowledge base does not use from a name it does not know.
	words     string // the English word list, one a line (embedded: not copied)
	wordsOnce sync.Once
	wordTable []uint32 // a hash table of the words' offsets plus one
}

// IsEnglishWord reports whether w (lowercase) is a common English word.
func (l *Lexicon) IsEnglishWord(w string) bool { return l.isWord(w, nil) }

// Concept returns the concept with the id, or nil.
func (l *Lexicon) Concept(id string) *Concept {
	for _, c := range l.Concepts {
		if c.ID == id {
			return c
		}
	}
	return nil
}

// IsEnglishWordBytes is IsEnglishWord for a byte slice (no allocation).
func (l *Lexicon) IsEnglishWordBytes(w []byte) bool { return l.isWord("", w) }

// isWord looks up s, or b when b is not nil.
func (l *Lexicon) isWord(s string, b []byte) bool {
	l.wordsOnce.Do(l.indexWords)
	if len(l.wordTable) == 0 {
		return false
	}
	n := len(s)
	h := uint32(2166136261)
	if b != nil {
		n = len(b)
		for i := 0; i < n; i++ {
			h = (h ^ uint32(b[i])) * 16777619
		}
	} else {
		for i := 0; i < n; i++ {
			h = (h ^ uint32(s[i])) * 16777619
		}
	}
	mask := uint32(len(l.wordTable) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		off := l.wordTable[i]
		if off == 0 {
			return false
		}
		start := off - 1
		end := start + uint32(n)
		if int(end) >= len(l.words) || l.words[end] != '\n' {
			continue
		}
		if b != nil && l.words[start:end] == string(b) || b == nil && l.words[start:end] == s {
			return true
		}
	}
}

// hashWord is FNV-1a.
func hashWord(w string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h ^= uint32(w[i])
		h *= 16777619
	}
	return h
}

// indexWords builds an open-addressing hash table over the word list: each
// slot holds a word's offset plus one (0 is empty). About a millisecond, on
// the first lookup.
func (l *Lexicon) indexWords() {
	if len(l.words) > 0 && l.words[len(l.words)-1] != '\n' {
		l.words += "\n"
	}
	data := l.words
	n := strings.Count(data, "\n")
	size := 1
	for size < 2*n {
		size <<= 1
	}
	l.wordTable = make([]uint32, size)
	mask := uint32(size - 1)
	for i := 0; i < len(data); {
		j := strings.IndexByte(data[i:], '\n')
		w := data[i : i+j]
		for k := hashWord(w) & mask; ; k = (k + 1) & mask {
			if l.wordTable[k] == 0 {
				l.wordTable[k] = uint32(i) + 1
				break
			}
		}
		i += j + 1
	}
}

// RequiredMessages are the message keys a lexicon must define. Messages may
// use {term} (the word the sources do not cover), {periods} (the periods the
// facts cover, computed from them) and {topics} (the browsing topics).
var RequiredMessages = []string{
	"empty", "greeting", "thanks", "introduction", "not_covered", "not_found", "unsure", "unknown_name",
	"period", "period_known", "partial", "fiscal_year", "class_place", "class_period", "class_name",
	"class_role", "class_sector", "class_metric",
}

// A Name is an organisation, company or person the knowledge base mentions,
// found in the sources' citations, the facts' attributions and entities.
// Names form the open class: every new source adds its own.
type Name struct {
	Forms []string // the full name, its abbreviation and, for a person, the surname
}

// Names returns the names mentioned by the sources, attributions and fact
// entities, in a stable order.
func (b *Base) Names() []Name {
	seen := make(map[string]bool)
	var out []Name
	add := func(text string) {
		for _, n := range parseNames(text, b.isRole) {
			key := strings.ToLower(n.Forms[0])
			if !seen[key] {
				seen[key] = true
				out = append(out, n)
			}
		}
	}
	for _, s := range b.Sources {
		for _, c := range s.Cites {
			add(c)
		}
	}
	for _, f := range b.Facts {
		if f.Attribution != "" {
			add(b.Lexicon.Attributee(f.Attribution))
		}
		for _, e := range f.Entities {
			add(e)
		}
	}
	return out
}

// isRole reports whether s is an English form of a role concept.
func (b *Base) isRole(s string) bool {
	if b.Lexicon == nil {
		return false
	}
	for _, c := range b.Lexicon.Concepts {
		if c.Class != ClassRole {
			continue
		}
		for _, f := range c.En {
			if strings.EqualFold(f, s) {
				return true
			}
		}
	}
	return false
}

// Attributee strips the lead-in of an attribution, as the lexicon's
// settings list them: "according to the State Bank of Pakistan" is "State
// Bank of Pakistan".
func (l *Lexicon) Attributee(a string) string {
	if l == nil {
		return a
	}
	lower := strings.ToLower(a)
	best := ""
	for _, p := range l.Settings.AttributionLeadIns {
		if p = strings.ToLower(p) + " "; strings.HasPrefix(lower, p) && len(p) > len(best) {
			best = p
		}
	}
	return a[len(best):]
}

// parseNames reads a citation such as "Adeel Azhar, President, Call Centers
// Association of Pakistan (CCAP)": comma-separated parts, each a name, a
// role, or a name with its abbreviation in brackets.
func parseNames(text string, isRole func(string) bool) []Name {
	var out []Name
	for _, part := range strings.Split(text, ",") {
		part = strings.TrimSpace(part)
		if part == "" || isRole(part) {
			continue
		}
		var n Name
		if i := strings.Index(part, "("); i > 0 && strings.HasSuffix(part, ")") {
			full := strings.TrimSpace(part[:i])
			n.Forms = append(n.Forms, full, strings.TrimSpace(part[i+1:len(part)-1]))
		} else {
			n.Forms = append(n.Forms, part)
			words := strings.Fields(part)
			if len(words) >= 2 && len(words) <= 4 && allCapitalised(words) {
				// A person: also known by surname and by first and last name.
				last := words[len(words)-1]
				if len(last) >= 4 {
					n.Forms = append(n.Forms, last)
				}
				if len(words) > 2 {
					n.Forms = append(n.Forms, strings.Join(words[len(words)-2:], " "))
				}
			}
		}
		out = append(out, n)
	}
	return out
}

func allCapitalised(words []string) bool {
	for _, w := range words {
		r := []rune(w)
		if len(r) == 0 || !unicode.IsUpper(r[0]) || strings.ToUpper(w) == w {
			return false // a connector ("of") or an acronym: not a person's name
		}
	}
	return true
}

// Periods returns the distinct periods the facts' figures cover, sorted,
// e.g. ["FY24", "FY25"]. A range such as "FY24–FY25" counts as both.
func (b *Base) Periods() []string {
	var out []string
	for _, f := range b.Facts {
		for _, p := range SplitPeriods(f.Period) {
			if !slices.Contains(out, p) {
				out = append(out, p)
			}
		}
	}
	sort.Strings(out)
	return out
}

// SplitPeriods splits a fact's period field into its periods.
func SplitPeriods(s string) []string {
	return strings.FieldsFunc(s, func(c rune) bool { return c == '–' || c == '-' || c == ',' || c == ' ' })
}

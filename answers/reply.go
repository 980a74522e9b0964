package answers

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/bpobot/bpobot/internal/fold"
	"github.com/bpobot/bpobot/knowledge"
)

// DeclineReason says why a question was not answered from an entry.
type DeclineReason int

// The reasons a question is not answered from an entry.
const (
	NotDeclined        DeclineReason = iota
	DeclineEmpty                     // nothing to match: empty, emoji only, a lone "?"
	DeclineNotCovered                // nothing in the knowledge base answers it
	DeclineUnsupported               // on topic, but a term of it is not covered by the sources
	DeclineUnsure                    // the best entries are close but not sure: "did you mean"
	Greeted                          // a greeting or thanks, greeted back
	Introduced                       // a question about the bot, answered with an introduction
	OfferedMore                      // "tell me more" after an answer: its follow-ups offered
)

// String names the reason, for logs and JSON.
func (d DeclineReason) String() string {
	switch d {
	case NotDeclined:
		return "answered"
	case DeclineEmpty:
		return "empty"
	case DeclineNotCovered:
		return "not-covered"
	case DeclineUnsupported:
		return "unsupported"
	case DeclineUnsure:
		return "unsure"
	case Greeted:
		return "greeting"
	case Introduced:
		return "introduction"
	case OfferedMore:
		return "more"
	}
	return fmt.Sprintf("DeclineReason(%d)", int(d))
}

// A Reply is the engine's answer to one question: either the cited facts of
// one or more entries, or a message (a decline, "did you mean", a greeting
// or an introduction) with suggested questions.
type Reply struct {
	Question string // the question as asked, cleaned and trimmed

	Answered bool
	Parts    []Part  // the entries answered, one per part of the question
	Score    float64 // the best entry's score in [0, 1], rounded to 3 places; 0 for an empty question

	Facts     []CitedFact // every fact of every part, in order
	Citations []Citation  // the sources cited, numbered from 1
	Related   []*knowledge.Entry

	Reason      DeclineReason
	Decline     string             // the message, when not answered
	Unsupported string             // the term the sources do not cover, when Reason is DeclineUnsupported
	Suggestions []*knowledge.Entry // questions it can answer, when not answered
	Note        string             // for a partial answer: what part of the question is not covered
	Premise     string             // a figure of the question the facts contradict, said first
	FollowUp    bool               // read as a follow-up of the previous question (AskAfter)
	// Brief is whether to show the reply without its facts: whom they are
	// credited to (Premise) and the citations only. A conversation sets
	// it when the reply says who said what its last reply showed
	// (Restates). Facts still holds them.
	Brief bool

	// For the curator: the words of the question the engine did not know
	// (in neither the lexicon, the knowledge base nor the English word
	// list), as typed; and, when declined, the entry that came nearest.
	Unknown []string
	Nearest *knowledge.Entry

	tr           *knowledge.Translation // the language it is in; nil for English
	context      string                 // what a follow-up asked, as a question (see Context)
	saysWho      bool                   // answers "who said that?" with Premise (see Restates)
	pushedBack   bool                   // answers a figure pushed back with Premise (see Restates)
	offTopic     bool                   // declined, about nothing of the sector or nothing of its own: it starts no subject (see Context)
	blockedNever bool                   // declined for a metric no entry has ("per employee", salaries)
	fiscalNote   string
	calendarNote string // a calendar year of the question was read as a fiscal year
	currentNote  string // what "currently" means, for facts that hold when their source was written
}

// Context returns what a later question of the conversation follows up
// (see Engine.AskAfter): the question as asked; or, for a follow-up that
// was answered, what it asked with the words it borrowed (after "how much
// did call centers earn in FY25?" and "and in FY24?", "who said that?" is
// asked of FY24's earnings; after "who is the president of CCAP?" and "what
// did he say?", "and P@SHA's?" asks what P@SHA's people said); or "" for a
// follow-up not answered so: the conversation's subject stays.
func (r *Reply) Context() string {
	switch {
	case !r.FollowUp && (r.offTopic || r.Reason == DeclineEmpty || r.Reason == DeclineUnsure):
		// "total?", "per person?", "hmm": nothing to follow up; the
		// subject before stays the conversation's. Nor does a question
		// the bot asked back about ("did you mean"): what follows it
		// ("and Dubai?") is more likely about the last thing understood.
		return ""
	case !r.FollowUp:
		return r.Question
	case r.Answered && r.context != "":
		return r.context
	}
	return ""
}

// Part is the answer to one part of a question.
type Part struct {
	Entry *knowledge.Entry
	// Heading, when set, heads the part instead of its entry's question:
	// what someone said, gathered from several entries; Also are the
	// entries after Entry that its facts were gathered from.
	Heading string
	Also    []*knowledge.Entry
	Facts   []CitedFact
	// Credit is the attribution the facts from CreditAt on share
	// ("according to P@SHA senior vice chairman Muhammad Umair Nizam"),
	// when it would otherwise follow two or more of them: said once, before
	// them (CreditLine), and not after each. The facts before CreditAt are
	// credited to no one. Empty otherwise.
	Credit   string
	CreditAt int
}

// Title is what heads the part: its Heading, else its entry's question.
func (p Part) Title() string {
	if p.Heading != "" {
		return p.Heading
	}
	return p.Entry.Question
}

// gatherQuotes makes the parts of an answer to what someone said one part
// a person under the lexicon's quoted heading: the remarks of one person are
// one list, not each under the entry it happens to belong to, and one remark
// is headed as what they said, not as the entry's question ("what did he
// say?" after "who is Adeel Azhar?" is not headed "Who is Adeel Azhar?").
// The heading names whom the remarks are credited to, and they are not
// credited again; two people's remarks ("what did both say?") are two
// parts, in the order they first come.
func (e *Engine) gatherQuotes(r *Reply) {
	msg := e.msg("quoted")
	if len(r.Parts) == 0 || msg == "" {
		return
	}
	var parts []Part
	at := map[string]int{} // credit → its part
	for _, p := range r.Parts {
		for _, f := range p.Facts {
			credit := f.Fact.Attribution
			if credit == "" {
				return // not only remarks: the entries' questions say what each part is
			}
			i, ok := at[credit]
			if !ok {
				who := e.kb.Lexicon.Attributee(credit)
				if n := e.tr.Name(who); n != "" {
					who = n
				}
				i = len(parts)
				at[credit] = i
				parts = append(parts, Part{Entry: p.Entry, Heading: strings.ReplaceAll(msg, "{term}", who)})
			}
			if q := &parts[i]; q.Entry != p.Entry && !slices.Contains(q.Also, p.Entry) {
				q.Also = append(q.Also, p.Entry)
			}
			f.Credit = false
			parts[i].Facts = append(parts[i].Facts, f)
		}
	}
	r.Parts = parts
}

// Restates reports whether r answers "who said that?" of the facts prev
// showed, all of them and no others, all credited to someone or none: a
// conversation that just showed prev shows r Brief, whom they are credited
// to, not the facts again.
func (r *Reply) Restates(prev *Reply) bool {
	if !r.saysWho && !r.pushedBack || r.Premise == "" || prev == nil || !prev.Answered || prev.Brief || len(prev.Facts) != len(r.Facts) {
		return false
	}
	if r.pushedBack {
		for i := range r.Facts {
			if r.Facts[i].ID != prev.Facts[i].ID {
				return false
			}
		}
		return true // the figure stated is checked: the facts were just shown
	}
	credited := 0
	for i := range r.Facts {
		if r.Facts[i].ID != prev.Facts[i].ID {
			return false
		}
		if r.Facts[i].Attribution != "" {
			credited++
		}
	}
	// Premise says whom all of them are credited to, or that none is:
	// when only some are, the facts show which.
	return credited == 0 || credited == len(r.Facts)
}

// A CitedFact is a fact with its citation number.
type CitedFact struct {
	*knowledge.Fact
	// Text and Attribution are the fact's, in the language of the reply:
	// the knowledge base's translation of them, or the English.
	Text, Attribution string
	Cite              int
	// Credit is whether the fact's text must be followed by its
	// attribution: false when the text already names who it credits.
	Credit bool
}

// A Citation is one numbered source reference: a section of a source.
type Citation struct {
	N       int
	Source  *knowledge.Source
	Section string
	tr      *knowledge.Translation // the reply's language, for CitationLine's words
}

// Handled reports whether the reply did what was asked: answered from an
// entry, or greeted back, or introduced the bot. Only a decline is not.
func (r *Reply) Handled() bool {
	return r.Answered || r.Reason == Greeted || r.Reason == Introduced || r.Reason == OfferedMore
}

// Entry returns the first answered entry, or nil when declined.
func (r *Reply) Entry() *knowledge.Entry {
	if len(r.Parts) == 0 {
		return nil
	}
	return r.Parts[0].Entry
}

// EntryID returns the first answered entry's id, or "" when declined.
func (r *Reply) EntryID() string {
	if e := r.Entry(); e != nil {
		return e.ID
	}
	return ""
}

// EntryIDs returns the answered entries' ids, in the order of the parts
// (a part gathered from several entries gives each), or nil when declined.
func (r *Reply) EntryIDs() []string {
	var ids []string
	for _, p := range r.Parts {
		ids = append(ids, p.Entry.ID)
		for _, en := range p.Also {
			ids = append(ids, en.ID)
		}
	}
	return ids
}

// Periods returns the distinct fiscal years of the figures in the reply,
// sorted, e.g. ["FY24", "FY25"]. A range such as "FY24–FY25" counts as both.
// A current fact's period is the report's, not the figure's: it is not
// counted unless the knowledge base has no current message to say so.
func (r *Reply) Periods() []string {
	return r.periods(func(f CitedFact) bool { return !f.Current || r.currentNote == "" })
}

// reportPeriods returns the periods of the reports the reply's current
// facts came with ("currently, as of the FY25 report").
func (r *Reply) reportPeriods() []string {
	return r.periods(func(f CitedFact) bool { return f.Current && r.currentNote != "" })
}

func (r *Reply) periods(keep func(CitedFact) bool) []string {
	var out []string
	for _, f := range r.Facts {
		if !keep(f) {
			continue
		}
		for _, p := range knowledge.SplitPeriods(f.Period) {
			if !containsString(out, p) {
				out = append(out, p)
			}
		}
	}
	slices.Sort(out)
	return out
}

// creditOnce sets p.Credit when the facts of p, after some credited to no
// one, all have one attribution and two or more would repeat it; those are
// then not credited one by one.
func creditOnce(p *Part) {
	at := slices.IndexFunc(p.Facts, func(f CitedFact) bool { return f.Attribution != "" })
	if at < 0 {
		return
	}
	credit, credited := p.Facts[at].Attribution, 0
	for _, f := range p.Facts[at:] {
		if f.Attribution != credit {
			return
		}
		if f.Credit {
			credited++
		}
	}
	if credited < 2 {
		return
	}
	p.Credit, p.CreditAt = credit, at
	p.Facts = slices.Clone(p.Facts)
	for i := range p.Facts {
		p.Facts[i].Credit = false
	}
}

// without removes the facts in drop from r: its parts left without facts
// go, and so do the citations no fact cites any more, the rest numbered
// again in order.
func (r *Reply) without(drop map[string]bool) {
	renumber := map[int]int{}
	var cites []Citation
	var parts []Part
	r.Facts = nil
	for _, p := range r.Parts {
		var kept []CitedFact
		at := -1
		for i, f := range p.Facts {
			if drop[f.Fact.ID] {
				continue
			}
			if p.Credit != "" && i >= p.CreditAt && at < 0 {
				at = len(kept)
			}
			n, ok := renumber[f.Cite]
			if !ok && f.Cite >= 1 && f.Cite <= len(r.Citations) {
				c := r.Citations[f.Cite-1]
				n = len(cites) + 1
				c.N = n
				cites = append(cites, c)
				renumber[f.Cite] = n
			}
			f.Cite = n
			kept = append(kept, f)
		}
		if len(kept) == 0 {
			continue
		}
		p.Facts = kept
		if p.Credit != "" {
			if at < 0 {
				p.Credit, p.CreditAt = "", 0
			} else {
				p.CreditAt = at
			}
		}
		parts = append(parts, p)
		r.Facts = append(r.Facts, kept...)
	}
	r.Parts, r.Citations = parts, cites
}

// CreditLine renders a part's shared attribution as the line before its
// facts: "According to the State Bank of Pakistan:".
func CreditLine(p Part) string {
	if p.Credit == "" {
		return ""
	}
	return upperFirst(p.Credit) + ":"
}

// answer fills r with the facts of the given matches. Each fact appears
// once, and a fact whose figures an earlier fact already gave is left out:
// no two bullets say the same figure.
func (e *Engine) answer(r *Reply, ms []*match) {
	r.Answered, r.Reason, r.tr = true, NotDeclined, e.tr
	r.Score = round3(ms[0].score)
	r.fiscalNote = e.msg("fiscal_year")
	r.currentNote = e.msg("current")
	cites := make(map[[2]string]int)
	shownFacts := map[string]bool{}
	shownFigures := map[string]bool{}
	for _, m := range ms {
		p := Part{Entry: m.ei.entry}
		if e.tr != nil {
			p.Heading = e.tr.Question(m.ei.entry)
		}
		for fi, id := range m.ei.entry.Facts {
			f := e.kb.Fact(id)
			if f == nil || shownFacts[id] || m.only != nil && !m.only[id] {
				continue
			}
			if figs := m.ei.figures[fi]; len(figs) > 0 && allShown(figs, shownFigures) {
				continue
			}
			shownFacts[id] = true
			for _, g := range m.ei.figures[fi] {
				shownFigures[g] = true
			}
			key := [2]string{f.Source, f.Section}
			n, ok := cites[key]
			if !ok {
				n = len(r.Citations) + 1
				cites[key] = n
				r.Citations = append(r.Citations, Citation{N: n, Source: e.kb.Source(f.Source), Section: f.Section, tr: e.tr})
			}
			cf := CitedFact{Fact: f, Text: e.tr.Fact(f), Attribution: e.tr.Attribution(f.Attribution), Cite: n, Credit: f.Attribution != "" &&
				!strings.Contains(strings.ToLower(f.Text), strings.ToLower(e.kb.Lexicon.Attributee(f.Attribution)))}
			p.Facts = append(p.Facts, cf)
			r.Facts = append(r.Facts, cf)
		}
		creditOnce(&p)
		if len(p.Facts) > 0 || len(r.Parts) == 0 {
			r.Parts = append(r.Parts, p) // a part whose facts an earlier part gave is left out
		}
	}
	r.Related = nil
	for _, m := range ms {
		for _, id := range m.ei.entry.Related {
			en := e.kb.Entry(id)
			if en != nil && !containsEntry(r.Related, en) && !answeredEntry(r, en) {
				r.Related = append(r.Related, en)
			}
		}
	}
}

func allShown(figs []string, shown map[string]bool) bool {
	for _, g := range figs {
		if !shown[g] {
			return false
		}
	}
	return true
}

func answeredEntry(r *Reply, en *knowledge.Entry) bool {
	for _, p := range r.Parts {
		if p.Entry == en {
			return true
		}
	}
	return false
}

// kindMessage returns the kind's message in the language the engine
// replies in, or "" for no kind.
func (e *Engine) kindMessage(k *knowledge.Kind) string {
	if k == nil {
		return ""
	}
	if s := e.tr.KindMessage(k.ID); s != "" {
		return s
	}
	return k.Message
}

// msg returns the lexicon's message key as it is, in the language the
// engine replies in: its translation's when it has one, else the English.
func (e *Engine) msg(key string) string {
	if e.tr != nil {
		if s := e.tr.Messages[key]; s != "" {
			return s
		}
	}
	return e.v.lex.Messages[key]
}

// message returns a lexicon message with its placeholders filled: {term},
// {periods}, {topics} and any extra ones.
func (e *Engine) message(key, term string, extra map[string]string) string {
	s := e.msg(key)
	if s == "" {
		s = e.msg("not_covered")
	}
	if strings.Contains(s, "{periods}") {
		s = strings.ReplaceAll(s, "{periods}", e.list(e.periods))
	}
	if strings.Contains(s, "{topics}") {
		var ts []string
		for _, t := range e.kb.Topics {
			ts = append(ts, e.tr.Topic(t))
		}
		s = strings.ReplaceAll(s, "{topics}", e.list(ts))
	}
	s = strings.ReplaceAll(s, "{term}", term)
	for k, v := range extra {
		s = strings.ReplaceAll(s, k, v)
	}
	return s
}

// givesFigures reports whether an entry that has the term as its own
// states a figure (money, a count, a percentage): the sources do give
// figures on it.
func (e *Engine) givesFigures(id int32) bool {
	for _, p := range e.ix.postings[id] {
		if ei := &e.ix.entries[p.entry]; p.primary && (ei.states[knowledge.StatesMoney] || ei.states[knowledge.StatesCount] || ei.states[knowledge.StatesPercent]) {
			return true
		}
	}
	return false
}

// blockMessage says why a blocking term cannot be answered, in the words of
// the lexicon's messages.
func (e *Engine) blockMessage(t *Term) string {
	term := e.shownTerm(t)
	var ti *termInfo
	if t.ID >= 0 {
		ti = &e.v.terms[t.ID]
	}
	switch {
	case t.Name:
		return e.message("unknown_name", term, nil)
	case t.Class == knowledge.ClassName && t.ID >= 0 && len(e.ix.postings[t.ID]) > 0 && e.v.lex.Messages["name_known"] != "":
		// "Did Adeel Azhar warn about crackdowns": the sources do know him.
		return e.message("name_known", term, nil)
	case t.Period != "" && t.ID >= 0 && len(e.ix.postings[t.ID]) > 0:
		return e.message("period_known", term, nil) // the sources have that year, not for this
	case t.Period != "":
		return e.message("period", term, nil)
	case ti != nil && ti.concept != nil && ti.concept.Message != "":
		msg := ti.concept.Message
		if s := e.tr.ConceptMessage(ti.concept.ID); s != "" {
			msg = s
		}
		return strings.ReplaceAll(msg, "{term}", term)
	case e.isSegment(t) && e.msg("segment") != "":
		return e.message("segment", term, nil)
	case t.Kind != nil && t.Kind.Message != "":
		return e.kindMessage(t.Kind)
	case t.Kind != nil && len(t.Kind.Needs) > 0:
		return e.message("needs_"+t.Kind.Needs[0], term, nil)
	case t.Class == knowledge.ClassMetric && t.ID >= 0 && e.givesFigures(t.ID) && e.v.lex.Messages["name_known"] != "":
		// "kya call center ki job achi hai?": the sources do give
		// employment figures, just not this; "don't give figures on
		// employment" would be untrue.
		if ti != nil && ti.display != "" && e.tr == nil {
			term = ti.display
		}
		return e.message("name_known", term, nil)
	case t.Class != "":
		if t.Class == knowledge.ClassMetric && ti != nil && ti.display != "" && e.tr == nil {
			term = ti.display // a translated reply keeps the asker's word: the display is English
		}
		if t.Class == knowledge.ClassRole && ti != nil && ti.concept != nil && t.Lang == knowledge.English {
			// A title read through another form of it, through a phrase
			// ("who is the head of P@SHA?") or through an inflected word
			// ("who heads PSEB?") is named by the title: who the
			// president is.
			forms := ti.concept.Forms.Of(knowledge.English)
			lower := strings.ToLower(t.Surface)
			if len(forms) > 0 && (strings.Contains(t.Surface, " ") || wordKey(langEn, lower) != lower || !slices.ContainsFunc(forms, func(f string) bool { return strings.EqualFold(f, t.Surface) })) {
				term = forms[0]
			}
		}
		if t.Class == knowledge.ClassPlace && ti != nil && ti.display != "" && e.tr == nil && t.Lang == knowledge.English && sameStem(ti.display, strings.Trim(term, "“”")) {
			// "How much do Indian call centers earn?": declined for
			// India, as the place is named, not for "Indian" (but
			// "London" is not named the UK).
			term = "“" + ti.display + "”"
		}
		if t.of != "" && e.msg("class_role_of") != "" {
			return e.message("class_role_of", term, map[string]string{"{name}": t.of})
		}
		return e.message("class_"+t.Class, term, nil)
	}
	return e.message("not_covered", term, nil)
}

// decline fills r as not answered, with suggestions drawn from the nearest
// entries (or the defaults when nothing is near).
func (e *Engine) decline(r *Reply, ranked []match, blocker *Term, reason DeclineReason) *Reply {
	r.Answered, r.Reason = false, reason
	if len(ranked) > 0 {
		r.Score = round3(ranked[0].score)
		r.Nearest = ranked[0].ei.entry
	}
	switch reason {
	case DeclineEmpty:
		r.Decline = e.message("empty", "", nil)
	case DeclineUnsupported:
		blocker = e.asTyped(r.Question, blocker)
		r.Unsupported = blocker.Surface
		r.blockedNever = blocker.Class == knowledge.ClassMetric && (blocker.ID < 0 || len(e.ix.postings[blocker.ID]) == 0)
		r.Decline = e.blockMessage(blocker)
		if msg := e.msg("period_change"); msg != "" && blocker.Period != "" && len(ranked) > 0 {
			// "Did earnings grow 24.6% in FY24?": the nearest entry gives
			// a change from that year, not in it.
			for _, rg := range ranked[0].ei.ranges {
				if rg[0] == blocker.Period {
					r.Decline = strings.NewReplacer("{term}", displayTerm(blocker), "{from}", rg[0], "{to}", rg[1]).Replace(msg)
					break
				}
			}
		}
	case DeclineUnsure:
		r.Decline = e.message("unsure", "", nil)
	default:
		r.Decline = e.message("not_covered", "", nil)
		if len(ranked) > 0 && ranked[0].content && ranked[0].coverage > e.policy.SuggestCoverage {
			// On topic, but nothing answers it: not the off-topic message.
			r.Decline = e.message("not_found", "", nil)
		}
	}
	// A kind's own suggestions first ("I want to open a call center": what
	// the sources say that bears on it); then the nearest entries that a
	// user could have meant, but only ones that share a real term with the
	// question; otherwise the defaults.
	if reason == DeclineUnsupported && blocker != nil && blocker.Kind != nil {
		for _, id := range blocker.Kind.Suggest {
			if en := e.kb.Entry(id); en != nil && len(r.Suggestions) < MaxSuggestions && !containsEntry(r.Suggestions, en) {
				r.Suggestions = append(r.Suggestions, en)
			}
		}
	}
	for _, m := range ranked {
		if len(r.Suggestions) >= MaxSuggestions {
			break
		}
		if m.coverage > e.policy.SuggestCoverage && m.content && !containsEntry(r.Suggestions, m.ei.entry) {
			r.Suggestions = append(r.Suggestions, m.ei.entry)
		}
	}
	for _, d := range e.defaults {
		if len(r.Suggestions) >= MaxSuggestions {
			break
		}
		if !containsEntry(r.Suggestions, d) {
			r.Suggestions = append(r.Suggestions, d)
		}
	}
	return r
}

// Introduction returns the bot's introduction: what it answers, from the
// knowledge base's topics.
func (e *Engine) Introduction() string { return e.message("introduction", "", nil) }

func (e *Engine) greet(r *Reply, thanks bool, reply string) *Reply {
	e.decline(r, nil, nil, Greeted)
	r.Decline = e.message("greeting", "", nil)
	if reply != "" {
		r.Decline = reply
	}
	if thanks {
		r.Decline = e.message("thanks", "", nil)
	}
	return r
}

func (e *Engine) introduce(r *Reply) *Reply {
	e.decline(r, nil, nil, Introduced)
	r.Decline = e.message("introduction", "", nil)
	return r
}

// asTyped returns t with its surface as the question wrote it. Urdu is read
// with its letters folded ("بھارت" as "بہارت", "آئی" as "ایی"), and a decline
// must not echo a word back misspelt. Each of the names a surface joins
// ("کراچی or لاہور") is found among the question's words; one not found
// stays as read. A fiscal year read from a calendar year ("2030" as FY30)
// is shown as the year typed.
func (e *Engine) asTyped(question string, t *Term) *Term {
	if t != nil && t.Period != "" {
		for _, y := range e.v.scan.calendarYears(question) {
			if "FY"+y[2:] == t.Surface {
				c := *t
				c.Surface = y
				return &c
			}
		}
	}
	if t != nil && strings.Contains(t.Surface, " ") && !strings.ContainsFunc(t.Surface, fold.IsArabicScript) {
		// "e commerce support" as typed: "e-commerce support" (a hyphen
		// is one byte, as the space it was read as).
		spaced := strings.ToLower(strings.ReplaceAll(question, "-", " "))
		if i := strings.Index(spaced, strings.ToLower(t.Surface)); i >= 0 && len(spaced) == len(question) {
			if typed := question[i : i+len(t.Surface)]; typed != t.Surface && strings.Contains(typed, "-") {
				c := *t
				c.Surface = typed
				return &c
			}
		}
		return t
	}
	if t == nil || !strings.ContainsFunc(t.Surface, fold.IsArabicScript) {
		return t
	}
	words := strings.FieldsFunc(question, func(r rune) bool { return !inWord(r) })
	parts := strings.Split(t.Surface, " or ")
	for p, part := range parts {
		n := len(strings.Fields(part))
		for i := 0; i+n <= len(words); i++ {
			if typed := strings.Join(words[i:i+n], " "); typed != part && fold.Letters(typed) == part {
				parts[p] = typed
				break
			}
		}
	}
	c := *t
	c.Surface = strings.Join(parts, " or ")
	return &c
}

// shownTerm is displayTerm, with the lexicon's casing of a name typed in
// other case: "ccap" is named CCAP, not Ccap.
func (e *Engine) shownTerm(t *Term) string {
	term := displayTerm(t)
	if t.ID >= 0 {
		if d := e.v.terms[t.ID].display; d != "" && strings.EqualFold(d, strings.Trim(term, "“”")) {
			return "“" + d + "”"
		}
	}
	return term
}

// sameStem reports whether word is another form of the name display (its
// first four letters, "the" left out: "Indian" and India, "Italian" and
// Italy), and not the same.
func sameStem(display, word string) bool {
	d := strings.ToLower(strings.TrimPrefix(display, "the "))
	w := strings.ToLower(word)
	return d != w && len(d) >= 4 && len(w) >= 4 && d[:4] == w[:4]
}

// displayTerm shows the user's word back to them: letters, digits and
// spaces only, so nothing in it can mention anyone or break formatting.
func displayTerm(t *Term) string {
	rs := []rune(t.Surface)
	s := strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == ' ' || r == '\'' || r == '-' {
			return r
		}
		return -1
	}, t.Surface)
	if strings.ContainsRune(t.Surface, '@') && !strings.Contains(t.Surface, " ") && len(rs) > 2 && rs[0] != '@' {
		s = t.Surface // "P@SHA" cannot mention anyone: a mention needs the @ first
		for _, r := range rs {
			if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '@') {
				s = strings.ReplaceAll(s, string(r), "")
			}
		}
	}
	s = strings.Trim(s, " -")
	if l := strings.ToLower(s); strings.HasSuffix(l, "'s") && len(s) > 3 {
		s = s[:len(s)-2] // "India's BPO revenue" is declined for India
	}
	if s == "" {
		return "that"
	}
	if (t.Class == knowledge.ClassPlace || t.Class == knowledge.ClassName) && s == strings.ToLower(s) && isASCIILetters(strings.ReplaceAll(s, " ", "")) {
		s = capitalise(s) // "lahore" is named Lahore
	}
	return "“" + Truncate(s, 40) + "”"
}

// capitalise capitalises each word of a place or name typed in lowercase,
// but the "or" that joins two ("Lahore or Karachi").
func capitalise(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		if w != "or" || i == 0 || i == len(words)-1 {
			words[i] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return strings.Join(words, " ")
}

// list joins ss as a list in the reply's language: "a, b and c".
func (e *Engine) list(ss []string) string {
	return joinAnd(ss, e.tr.Label("and"), e.tr.Label("comma"))
}

func joinAnd(ss []string, and, comma string) string {
	switch len(ss) {
	case 0:
		return ""
	case 1:
		return ss[0]
	case 2:
		return ss[0] + " " + and + " " + ss[1]
	}
	return strings.Join(ss[:len(ss)-1], comma) + " " + and + " " + ss[len(ss)-1]
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

func containsString(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

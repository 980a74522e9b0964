package answers

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/bpobot/bpobot/internal/fold"
	"github.com/bpobot/bpobot/knowledge"
)

// Engine answers questions from a knowledge base. It is immutable after New
// and safe for concurrent use.
type Engine struct {
	kb       *knowledge.Base
	v        *vocab
	ix       *index
	sp       *speller
	policy   Policy
	defaults []*knowledge.Entry // suggested when nothing in the question helps
	joiners  wordSet
	asides   [][]string // the lexicon's asides, each as its words folded and lowercased
	// The words that point back to the previous question (AskAfter).
	personRefs, thingRefs wordSet
	yesNo                 wordSet // the words that open a yes-or-no question
	checkTags             wordSet // the words that, ending a message, ask whether it is right
	summary               wordSet // the words that ask for a summary (knowledge.Summary)
	// near are, by place term id, the places that lie within it or that it
	// lies within (knowledge.Concept.Within, followed through): an entry
	// with one of them bears on a question naming it. within are those
	// that lie within it: an entry with one covers it, as its facts would.
	near, within map[int32][]int32
	complete     *completer
	periods      []string        // the periods the facts cover
	down         map[string]bool // the forms that say a change went down (see noteDirection)
	downGapped   [][]string      // those with "*", as word keys ("*" for any one word)
	ordinals     map[string]int  // an ordinal's forms, folded: its value
	pointers     map[string]bool // the words that make an ordinal pick an item
	elseWords    map[string]bool // the lexicon's words asking for more than the last answer (Settings.Else)
	changeFrom   map[string]bool // the lexicon's words that make a period a change's start (Settings.ChangeFrom)
	bounds       *bounds         // the words that bound a figure of a question (see notePremise)
	// factFigures returns the figures each fact states, by fact id, read
	// when a premise is first checked (see notePremise).
	factFigures func() map[string][]statedFigure
	// factTerms returns the term ids each fact's text reads as, by fact
	// id, read the first time a reply needs them (see narrowToPlace).
	factTerms func() map[string][]int32
	// figureEntries returns the entries stating each figure (see
	// readFigureEntries).
	figureEntries func() map[figureKey][]int32

	exhaustive bool // never prune candidates (for tests of the pruning)

	// tr is the translation the engine replies in, nil for English;
	// translated are the engines that reply in each language the
	// knowledge base has a translation for, by the language of the
	// questions they answer ("ur": Urdu script).
	tr         *knowledge.Translation
	translated map[string]*Engine

	// While New builds the index: the knowledge base's texts, tokenized
	// once (each is read several times), and no spelling correction (every
	// word of the knowledge base is known by then).
	building bool
	tokCache map[string][]token
}

// New builds an Engine over kb with DefaultPolicy. kb must not change
// afterwards.
func New(kb *knowledge.Base) *Engine {
	e := &Engine{kb: kb, policy: DefaultPolicy, periods: kb.Periods()}
	e.v = newVocab(kb)
	e.building, e.tokCache = true, map[string][]token{}
	e.buildIndex()
	e.indexCredits()
	e.building, e.tokCache = false, nil
	e.indexDown()
	e.indexRequires()
	e.indexOrdinals()
	e.bounds = newBounds(e.v.lex.Settings.Bounds)
	e.factFigures = e.readFactFigures()
	e.factTerms = e.readFactTerms()
	e.figureEntries = e.readFigureEntries()
	e.yesNo = newWordSet(e.v.lex.Settings.YesNo)
	e.checkTags = newWordSet(e.v.lex.Settings.CheckTags)
	e.summary = newWordSet(e.v.lex.Settings.Summary.Forms)
	e.indexPlaces()
	lx := e.v.lex
	e.joiners = newWordSet(lx.Settings.Joiners)
	e.personRefs = newWordSet(lx.Settings.PersonReferences)
	e.thingRefs = newWordSet(lx.Settings.ThingReferences)
	for _, id := range lx.Settings.DefaultSuggestions {
		if en := kb.Entry(id); en != nil {
			e.defaults = append(e.defaults, en)
		}
	}
	for _, en := range kb.Entries {
		if len(e.defaults) >= MaxSuggestions {
			break
		}
		if !containsEntry(e.defaults, en) {
			e.defaults = append(e.defaults, en)
		}
	}
	e.complete = newCompleter(kb, e)
	e.translate()
	return e
}

// translate makes the engines that reply in the knowledge base's
// translations: each shares e's index and policy.
func (e *Engine) translate() {
	e.translated = nil
	for _, t := range e.kb.Translations {
		c := *e
		c.tr, c.translated = t, nil
		if e.translated == nil {
			e.translated = map[string]*Engine{}
		}
		e.translated[t.Lang] = &c
	}
}

// WithPolicy returns an engine that shares e's index and decides with p.
func (e *Engine) WithPolicy(p Policy) *Engine {
	c := *e
	c.policy = p
	c.translate()
	return &c
}

// English returns an engine that shares e's index and policy and replies
// in English to questions in every language (evaluation checks the facts
// an answer gives in their English words).
func (e *Engine) English() *Engine {
	c := *e
	c.tr, c.translated = nil, nil
	return &c
}

// In returns the engine that replies in lang (see Reply.Lang) to
// questions in every language, or e when the knowledge base has no
// translation for it: a question picked from a list shown in Urdu is
// answered in Urdu.
func (e *Engine) In(lang string) *Engine {
	if t := e.translated[lang]; t != nil {
		return t
	}
	return e
}

// Question returns an entry's question in the language e replies in.
func (e *Engine) Question(en *knowledge.Entry) string { return e.tr.Question(en) }

// replying returns the engine that replies to a: the one for its language
// when the knowledge base has a translation for it, else e.
func (e *Engine) replying(a *Analysis) *Engine {
	if t := e.translated[a.replyLang()]; t != nil {
		return t
	}
	return e
}

// Policy returns the policy the engine decides with.
func (e *Engine) Policy() Policy { return e.policy }

// Knowledge returns the knowledge base the engine answers from.
func (e *Engine) Knowledge() *knowledge.Base { return e.kb }

// Ask answers one question. It never returns nil.
//
// The stages: Analyze reads the question into terms; an exact match of
// those terms against an entry's own question or phrasings answers it;
// otherwise rank scores every entry sharing a term, and decide takes the
// best one that clears the policy and supports every salient term of the
// question. A message with several questions is also answered part by part.
// What is not answered is declined with the reason, or, when the best entry
// is close, offered back as "did you mean".
func (e *Engine) Ask(question string) *Reply {
	a := e.Analyze(question)
	e = e.replying(&a)
	r := e.askOwn(a)
	r.tr = e.tr
	return r
}

// askOwn answers a question on its own. One declined that has nothing an
// entry has ("per person?", "total?") starts no subject for a later
// question to follow up (Reply.Context).
func (e *Engine) askOwn(a Analysis) *Reply {
	r := e.ask(a)
	if !r.Answered || !slices.ContainsFunc(r.Parts, func(p Part) bool { return !p.Entry.AboutSources }) {
		// "Does the first article mention AI?" got that article's summary,
		// "What does the first article say about Europe?" a decline: what
		// that article says of it, or that it says nothing.
		if in := e.inSource(&a); in != nil {
			in.tr = r.tr
			return in
		}
	}
	if !r.Answered && !slices.ContainsFunc(a.Terms, func(t Term) bool { return t.ID >= 0 && t.Kind == nil && len(e.ix.postings[t.ID]) > 0 }) {
		r.offTopic = true
	}
	if !r.Answered && r.Premise == "" && a.link {
		// "what does this say https://...": the link is not read.
		r.Premise = e.msg("link")
	}
	return r
}

// AskAfter answers a question asked right after previous, in a
// conversation (the REPL, direct messages). It borrows from previous what
// the question leaves out:
//
//   - a question that names only a year, a place or a name ("and in FY24?",
//     "aur India mein?", "what about P@SHA?") asks again what previous
//     asked, of that instead: after "how much did call centers earn in
//     FY25?", "and in FY24?" is answered with FY24's earnings;
//   - a question that points back at a thing and asks nothing of its own
//     ("who said that?", "is that true?", "یہ کس نے کہا؟") asks it of what
//     previous asked about;
//   - a question that points back at a person and names no one ("what
//     organisation is he from?", "انہوں نے کیا کہا؟") asks it of the names
//     previous had;
//   - a kind of question alone ("kab?", "why?") asks it of what previous
//     asked about; when that only gives the same answer again, its
//     follow-ups are offered instead (the optional no_more message).
//
// Any other question is answered on its own, as Ask answers it.
func (e *Engine) AskAfter(previous, question string) *Reply {
	a := e.Analyze(question)
	e = e.replying(&a)
	r := e.followUp(previous, &a)
	if r == nil {
		r = e.askOwn(a)
	} else if own := e.nameAlone(question, r); own != nil {
		r = own
	}
	if again := e.sameAgain(previous, &a, r); again != nil {
		r = again
	}
	r.tr = e.tr
	return r
}

// sameAgain returns, for r, the answer to a question read on its own that
// asks for more than the last answer showed ("Which tax incentives
// exactly?" after the government's support; Settings.Else) as besidesLast
// gives it: without the facts already shown, or, with none besides, that
// the sources say no more (the no_more message); or nil when it asks for
// nothing more or r was read as a follow-up.
func (e *Engine) sameAgain(previous string, a *Analysis, r *Reply) *Reply {
	if previous == "" || !r.Answered || r.FollowUp || !e.asksElse(a) {
		return nil
	}
	return e.besidesLast(previous, r)
}

// nameAlone returns the answer to question on its own when it names one
// body or person and nothing else ("ccap?", "and pasha?") and, read as a
// follow-up, was declined: "ccap?" after FY25's earnings asks what CCAP
// is, not what CCAP earned. Otherwise nil.
func (e *Engine) nameAlone(question string, followed *Reply) *Reply {
	if followed.Answered {
		return nil
	}
	a := e.Analyze(question)
	if len(a.Terms) != 1 || a.Terms[0].Class != knowledge.ClassName || a.Terms[0].ID < 0 {
		return nil
	}
	if followed.Reason == DeclineUnsupported && !strings.EqualFold(e.asTyped(question, &a.Terms[0]).Surface, followed.Unsupported) {
		return nil // declined for something else the last question asked: "and P@SHA?" after "who heads CCAP?"
	}
	if own := e.askOwn(a); own.Answered {
		return own
	}
	return nil
}

// FollowUp answers question as AskAfter does when it follows up previous,
// and reports false, answering nothing, when it stands on its own: then Ask
// answers it (a caller with a cache of Ask's replies uses it). The question
// is analysed once.
func (e *Engine) FollowUp(previous, question string) (*Reply, bool) {
	if previous == "" {
		return nil, false
	}
	a := e.Analyze(question)
	e = e.replying(&a)
	r := e.followUp(previous, &a)
	if r == nil {
		// On its own, unless it asks for more than the last answer
		// showed and only repeats it (asked first: askOwn is the work the
		// caller's cache saves).
		if e.asksElse(&a) {
			if again := e.sameAgain(previous, &a, e.askOwn(a)); again != nil {
				again.tr = e.tr
				return again, true
			}
		}
		return nil, false
	}
	if own := e.nameAlone(question, r); own != nil {
		r = own
	}
	if again := e.sameAgain(previous, &a, r); again != nil {
		r = again
	}
	r.tr = e.tr
	return r, true
}

// followUp answers a as a follow-up of previous (see AskAfter), or returns
// nil when it stands on its own. Its readings are tried in this order, and
// the first that applies answers.
func (e *Engine) followUp(previous string, a *Analysis) *Reply {
	if previous == "" {
		return nil
	}
	if m, _ := e.nthItem(a); m != nil && m.only != nil {
		return nil // "what is the third trend?" after the trends: a point of a list, asked on its own
	}
	for _, read := range []func(previous string, a *Analysis) *Reply{
		e.inLanguage,    // "translate that to urdu", "in english please": the last answer again, in that language
		e.figureAlone,   // "what does 90% mean here?": the figure's own question, whatever came before
		e.itemFigure,    // "how much did the second one earn?": a figure of an item the last answer listed
		e.pushback,      // "no, I read it was 100,000" (before "tell me more": it has no word of content either)
		e.offerMore,     // "tell me more", "aur batao"
		e.otherSource,   // "and the other article?"
		e.otherPerson,   // "and who is the other guy?"
		e.sourceOfLast,  // "source?", "where is that from?"
		e.reasonsOfLast, // "why?", "kyun?" after an answer whose entry lists reasons
		e.borrowing,     // "and in FY24?", "who said that?", "why?", "what did he say?"
	} {
		if r := read(previous, a); r != nil {
			if r.Answered && e.asksElse(a) {
				return e.besidesLast(previous, r) // "what else did he say?"
			}
			return r
		}
	}
	return nil
}

// itemFigure answers a figure asked of an item the answer to previous
// listed, picked by its place ("how much did the second one earn?" after
// the trends): that item's entry when its facts state such a figure, or
// else a decline of the figure, suggesting the item. It returns nil for any
// other question.
func (e *Engine) itemFigure(previous string, a *Analysis) *Reply {
	n, ok := e.ordinalPick(a.Text)
	if !ok || !e.asksFigure(a.Terms) {
		return nil
	}
	p := e.Ask(previous)
	en := e.ItemEntry(p, n)
	ei := e.entryIndexOf(en)
	if ei == nil {
		return nil
	}
	r := &Reply{Question: a.Text, FollowUp: true}
	terms := slices.DeleteFunc(slices.Clone(a.Terms), func(t Term) bool { return t.ID >= 0 && e.ordinals[strings.ToLower(t.Surface)] != 0 })
	if b := e.blocker(ei, terms); b != nil {
		e.decline(r, nil, b, DeclineUnsupported)
		r.Suggestions = []*knowledge.Entry{en}
		return r
	}
	e.answer(r, []*match{{ei: ei, score: 1, coverage: 1, phrasing: 1, content: true}})
	return r
}

// figureAlone answers on its own a plain what-question about one figure
// the facts state ("what does 90% mean here?" after the employment figure:
// the overseas share), or returns nil.
func (e *Engine) figureAlone(_ string, a *Analysis) *Reply {
	if person, _ := e.refersBack(a); person || !a.hasNumber() || e.figureNamed(a) == nil {
		return nil // "is he the one who said 90%?" asks of the last answer's person
	}
	return e.askOwn(*a)
}

// borrowing answers a question that borrows from previous what it leaves
// out (see borrows), or one that only points back at it, or returns nil.
func (e *Engine) borrowing(previous string, a *Analysis) *Reply {
	person, thing := e.refersBack(a)
	if r := e.creditCheck(previous, a, thing); r != nil {
		return r
	}
	carry := e.borrows(a)
	defines := slices.ContainsFunc(a.Terms, func(u Term) bool { return u.Kind != nil && slices.Contains(u.Kind.Asks, knowledge.AsksDefinition) })
	if asks := thing || person || slices.ContainsFunc(a.Terms, func(u Term) bool { return u.Kind != nil }); carry == nil && asks && !(defines && !thing && !person) && e.sameSubject(a, previous) {
		// (What a word of it is asks that alone: "BPO kya hota hai?"
		// after an assignment on Pakistan's BPO industry is what BPO is.)
		// "why did it grow?", "کیوں بڑھا؟" after the growth: a kind of
		// question, or a pointer, with the last question's words only
		// is asked of it: the reasons for the growth, not why the sector
		// grows at all; "kya wo crackdown k khilaf hain?" after what
		// Nizam said of the crackdown, his remarks on it.
		carry = func(t *Term) bool { return t.Kind == nil }
	}
	if carry == nil {
		if r := e.namedInLast(previous, a, thing); r != nil {
			return r
		}
		return e.askPointing(a, person, thing)
	}
	if e.asksWhoSaid(a) && !(person && !thing) {
		// "who said that?", "ye kis ki report hai?". ("What did he say?"
		// points at a person: it asks what he said, below.)
		return e.whoSaidLast(previous, a)
	}

	p := e.Analyze(previous)
	terms := borrowedTerms(&p, carry)
	if person && !thing && !e.refersBoth(a) && !slices.ContainsFunc(terms, func(t Term) bool { return t.ID >= 0 && e.isPerson(t.ID) }) {
		// "what did he say?" after "which association?" answered with
		// CCAP: he is the one person the last answer names (its
		// president, Adeel Azhar), not the association.
		if name, ok := e.personOfLast(previous); ok {
			previous = name
			p = e.Analyze(previous)
			terms = borrowedTerms(&p, carry)
		}
	}
	if len(terms) == 0 && person && !thing && e.refersBoth(a) {
		// "us ki earning" after "india ka kia scene": "us" is "his" or
		// "its", and the last question named no one: its India.
		if c := e.borrowsAs(a, false, true); c != nil {
			if terms = borrowedTerms(&p, c); len(terms) > 0 {
				thing = true
			}
		}
	}
	if len(terms) == 0 {
		return e.askPointing(a, person, thing)
	}
	e.relativeTo(a.Terms, p.Terms, func() []string { return e.Ask(previous).Periods() })
	b := *a
	b.Terms = append(terms, a.Terms...)
	b.toks, b.repeats = nil, nil // one question, not parts
	if person && !thing {
		// "did he say most call centers are ethical?": still a yes-or-no
		// question about him.
		yesNo := e.isYesNo(a)
		b.opensYesNo = &yesNo
	}
	r := e.ask(b)
	if own := e.ownReading(previous, a, terms, r); own != nil {
		return own
	}
	r.FollowUp = true
	r.context = termsText(b.Terms)
	kindsOnly := !slices.ContainsFunc(a.Terms, func(t Term) bool { return t.Kind == nil && !t.within })
	if !kindsOnly {
		if r.Answered {
			e.narrowTo(r, previous, a.Terms)
		}
		return r
	}
	return e.askedOfLast(previous, a, r)
}

// asksElse reports whether a word of a asks for more than the last answer
// showed ("what else did he say?", "مزید کیا کہا"; Settings.Else).
func (e *Engine) asksElse(a *Analysis) bool {
	return slices.ContainsFunc(a.toks, func(t token) bool { return e.elseWords[t.lower] })
}

// besidesLast settles r, a follow-up's answer that asks for more than the
// answer to previous showed: r without the facts that answer gave; or,
// when it has none besides, the optional no_more message with that
// answer's follow-ups.
func (e *Engine) besidesLast(previous string, r *Reply) *Reply {
	r.FollowUp = true
	p := e.Ask(previous)
	shown := map[string]bool{}
	for _, f := range p.Facts {
		shown[f.Fact.ID] = true
	}
	if !slices.ContainsFunc(r.Facts, func(f CitedFact) bool { return shown[f.Fact.ID] }) {
		return r // nothing of it was shown
	}
	if slices.ContainsFunc(r.Facts, func(f CitedFact) bool { return !shown[f.Fact.ID] }) && !r.Brief {
		r.without(shown)
		return r
	}
	if msg := e.msg("no_more"); msg != "" && len(p.Related) > 0 {
		return &Reply{Question: r.Question, Reason: OfferedMore, Decline: msg, Suggestions: p.Related, FollowUp: true}
	}
	return r
}

// reasonsOfLast answers a question that only asks why ("why?", "kyun?",
// "کیوں؟") right after an answer from one entry that lists its reasons
// (knowledge.Entry.Reasons) with those reasons, headed as such; or returns
// nil. (Read with the last question's words instead, "why call centers
// earn" can rank another entry first: the talent drain.)
func (e *Engine) reasonsOfLast(previous string, a *Analysis) *Reply {
	if !asksWhyOnly(a) {
		return nil
	}
	p := e.Ask(previous)
	if !p.Answered || len(p.Parts) != 1 || len(p.Parts[0].Entry.Reasons) == 0 {
		return nil
	}
	var ms []*match
	for _, id := range p.Parts[0].Entry.Reasons {
		if ei := e.entryIndexOf(e.kb.Entry(id)); ei != nil {
			ms = append(ms, &match{ei: ei, score: 1, coverage: 1, phrasing: 1, content: true})
		}
	}
	if len(ms) == 0 {
		return nil
	}
	r := &Reply{Question: a.Text, FollowUp: true, context: p.Parts[0].Entry.Question}
	e.answer(r, ms)
	e.headReasons(r, true, 0)
	return r
}

// asksWhyOnly reports whether a asks why and has no words of its own
// ("why?", "kyun nahi?"; "why did it grow?" has).
func asksWhyOnly(a *Analysis) bool {
	why := false
	for i := range a.Terms {
		t := &a.Terms[i]
		switch {
		case t.Kind != nil && slices.Contains(t.Kind.Asks, knowledge.AsksReason):
			why = true
		case t.Kind == nil:
			return false
		}
	}
	return why
}

// WhyNot answers question when it asks only why ("why not?", "kyun nahi
// pata?", "کیوں نہیں؟") right after last, a decline of something the
// sources do not report: why there is no answer (the lexicon's optional
// why_declined message), with last's suggestions, in the language question
// is answered in. It returns nil for any other question or last reply: then
// AskAfter answers it. (A conversation keeps the reply it showed last; a
// decline of what has nothing of the sector's starts no subject of its own,
// see Reply.Context, so AskAfter alone cannot tell.)
func (e *Engine) WhyNot(last *Reply, question string) *Reply {
	if last == nil || last.Reason != DeclineNotCovered && last.Reason != DeclineUnsupported {
		return nil
	}
	a := e.Analyze(question)
	e = e.replying(&a)
	msg := e.msg("why_declined")
	if msg == "" || !asksWhyOnly(&a) {
		return nil
	}
	return &Reply{Question: a.Text, Reason: last.Reason, Decline: msg, Suggestions: last.Suggestions, FollowUp: true, tr: e.tr}
}

// askPointing answers a question that points back at something ("ye kaun
// chalata hai?") but borrows nothing from previous: on its own, as about
// what was just asked; or returns nil when it does not point back.
func (e *Engine) askPointing(a *Analysis, person, thing bool) *Reply {
	if !person && !thing {
		return nil
	}
	r := e.ask(*a)
	r.context = a.Text
	if r.Reason == DeclineNotCovered && e.v.lex.Messages["not_found"] != "" {
		// "ye kaun chalata hai?" after the Dabba scam: about what was
		// just asked, so not off topic, only not in the sources.
		r.Decline = e.message("not_found", "", nil)
	}
	return r
}

// namedInLast answers a question that points back at a thing and names no
// one ("which org is that?" after the count of registered call centers) as
// if it named the one name the last answer's facts give (PSEB, which
// registers them), not what its own words reach first (CCAP, the call
// centers' association): with an entry about that name, or a decline of
// what the sources don't say of it. Or nil.
func (e *Engine) namedInLast(previous string, a *Analysis, thing bool) *Reply {
	if !thing || slices.ContainsFunc(a.Terms, func(t Term) bool { return t.Class == knowledge.ClassName || e.aboutSources(&t) }) || contentTerms(a.Terms) == 0 {
		return nil // ("who wrote that article?" after PSEB: an article, not PSEB)
	}
	p := e.Ask(previous)
	if !p.Answered {
		return nil
	}
	var names []int32
	ft := e.factTerms()
	for _, f := range p.Facts {
		for _, id := range ft[f.ID] {
			if e.v.terms[id].class == knowledge.ClassName && !slices.Contains(names, id) {
				names = append(names, id)
			}
		}
	}
	if len(names) != 1 {
		return nil // none, or "that" could be any of them
	}
	// The question asked of the name, as if it had named it.
	ti := &e.v.terms[names[0]]
	terms := append(slices.Clip(a.Terms), Term{ID: names[0], Class: ti.class, Surface: ti.display, Tok: -1, Weight: e.ix.weight[names[0]]})
	b := *a
	b.Terms, b.toks, b.repeats = terms, nil, nil
	r := e.ask(b)
	if !r.Answered && r.Reason == DeclineUnsupported && r.Unsupported != "" && (!strings.EqualFold(r.Unsupported, ti.display) || asksWho(a.Terms)) {
		// "who heads it?" after PSEB: the sources don't say who heads
		// PSEB, nor that of PSEB (not CCAP's president, whom "heads"
		// reaches first). A decline of the name for another question
		// ("how many people work in them?" after the registered count)
		// is the question's own words not reaching the name.
		r.Question, r.FollowUp = a.Text, true
		return r
	}
	if !r.Answered || !slices.ContainsFunc(r.Parts, func(pt Part) bool {
		ei := e.entryIndexOf(pt.Entry)
		return ei != nil && ei.hasPrimary(names[0])
	}) {
		return nil
	}
	r.Question, r.FollowUp, r.context = a.Text, true, termsText(terms)
	return r
}

// whoSaidOf reports whether terms ask who said something and name no one
// ("who said 90% work for overseas clients?"; "did Nizam say...?" names
// him, and is answered otherwise); with orSource, also who reported it
// ("who reported the 24.6%?", of a figure: not "who wrote the articles?").
func (e *Engine) whoSaidOf(terms []Term, orSource bool) bool {
	said := false
	for i := range terms {
		t := &terms[i]
		if t.Class == knowledge.ClassName || t.Class == knowledge.ClassRole {
			return false
		}
		said = said || e.asksFor(t, knowledge.AsksAttribution) || orSource && e.aboutSources(t)
	}
	return said && asksWho(terms)
}

// saidOf returns the entry that answers a question asking who said or
// reported something (whoSaidOf) once the words of asking who are left out,
// or nil.
func (e *Engine) saidOf(terms []Term) *match {
	rest := make([]Term, 0, len(terms))
	for i := range terms {
		t := &terms[i]
		if e.asksFor(t, knowledge.AsksAttribution) || e.aboutSources(t) || t.Kind != nil && !countsThings(t.Kind) && slices.Contains(t.Kind.Needs, knowledge.StatesName) {
			continue
		}
		rest = append(rest, *t)
	}
	if contentTerms(rest) == 0 {
		return nil
	}
	m, _ := e.decide(e.rank(rest), rest)
	return m
}

// asksWho reports whether a kind among terms asks for a name (who, which
// body).
func asksWho(terms []Term) bool {
	return slices.ContainsFunc(terms, func(t Term) bool {
		return t.Kind != nil && !countsThings(t.Kind) && slices.Contains(t.Kind.Needs, knowledge.StatesName)
	})
}

// creditCheck answers a yes-or-no question whether the last answer is
// someone's ("is that the SBP's figure?", "is this from CCAP?"): it points
// back, names someone, and asks nothing else but of a figure or who said
// it. The last answer again, led by whether the sources credit it to them
// and whom they credit it to; or nil.
func (e *Engine) creditCheck(previous string, a *Analysis, thing bool) *Reply {
	if !thing || !e.isYesNo(a) {
		return nil
	}
	var name *Term
	for i := range a.Terms {
		t := &a.Terms[i]
		switch {
		case t.ID < 0:
			return nil
		case t.Class == knowledge.ClassName && name == nil:
			name = t
		case t.Kind != nil, e.v.terms[t.ID].concept != nil && (e.v.terms[t.ID].concept.Refers || e.asksFor(t, knowledge.AsksAttribution)):
		default:
			return nil // something of its own to ask
		}
	}
	if name == nil {
		return nil
	}
	r := e.whoSaidLast(previous, a)
	if !r.Answered {
		return r
	}
	credited := slices.ContainsFunc(e.ix.credits, func(c credit) bool {
		_, named := slices.BinarySearch(c.terms, name.ID)
		return named && slices.ContainsFunc(r.Facts, func(f CitedFact) bool { return f.Fact == c.fact })
	})
	if !credited && e.msg("name_known") != "" {
		r.Premise = strings.TrimSpace(e.message("name_known", displayTerm(e.asTyped(a.Text, name)), nil) + " " + r.Premise)
	}
	return r
}

// whoSaidLast answers "who said that?", "ye kis ki report hai?": the
// answer before again, led by whom its facts are credited to.
func (e *Engine) whoSaidLast(previous string, a *Analysis) *Reply {
	r := e.Ask(previous)
	r.Question, r.FollowUp, r.context = a.Text, true, previous
	if r.Answered {
		// Whom they are credited to, in place of what the answer said
		// first of its own question ("Yes: my sources give $328
		// million."). The facts are shown again when the premise points
		// at them to tell which are whose ("the points below that name
		// Nizam").
		if by, some := e.saidByWhich(r); by != "" {
			r.Premise, r.saysWho = by, !some
		}
	}
	return r
}

// personOfLast returns the name of the one person the facts of the answer
// to previous name or are credited to, as the lexicon writes it; false
// when they name none or several.
func (e *Engine) personOfLast(previous string) (string, bool) {
	r := e.Ask(previous)
	if !r.Answered {
		return "", false
	}
	ft := e.factTerms()
	var who int32 = -1
	for _, f := range r.Facts {
		ids := ft[f.Fact.ID]
		for _, c := range e.ix.credits {
			if c.fact.ID == f.Fact.ID {
				ids = append(slices.Clip(ids), c.terms...) // whom it is credited to: "Most call centers run ethically", said Nizam
			}
		}
		for _, id := range ids {
			if e.v.terms[id].class != knowledge.ClassName || !e.isPerson(id) || id == who {
				continue
			}
			if who >= 0 {
				return "", false // two people: "he" is not known
			}
			who = id
		}
	}
	if who < 0 {
		return "", false
	}
	if c := e.v.terms[who].concept; c != nil && len(c.Forms.Of(knowledge.English)) > 0 {
		return c.Forms.Of(knowledge.English)[0], true
	}
	return "", false
}

// borrowedTerms returns the terms of the previous question p that carry
// keeps, marked as not words of the question that borrows them.
func borrowedTerms(p *Analysis, carry func(*Term) bool) []Term {
	named := slices.ContainsFunc(p.Terms, func(t Term) bool { return t.Class == knowledge.ClassName })
	var terms []Term
	for _, t := range p.Terms {
		if named && t.Class == knowledge.ClassRole {
			// The names say who: a title with them may be the one the
			// sources don't give ("Is Umair Nizam the chairman of P@SHA?",
			// then "what did he say?").
			continue
		}
		if carry(&t) {
			t.Tok = -1 // the previous question's: not a word of this one
			terms = append(terms, t)
		}
	}
	return terms
}

// ownReading returns a read on its own when that serves better than r, its
// reading with the terms borrowed from previous; else nil.
func (e *Engine) ownReading(previous string, a *Analysis, borrowed []Term, r *Reply) *Reply {
	person, thing := e.refersBack(a)
	kind := slices.ContainsFunc(a.Terms, func(t Term) bool { return t.Kind != nil })
	if !r.Answered && (contentTerms(a.Terms) >= 2 || kind && !person && !thing && contentTerms(a.Terms) == 1) && !e.endsPointingBack(a) {
		// Read with the last question it is not answered, read on its own
		// it is: a question of its own ("kya yeh sach hai ke India ko
		// Dabba capital kaha jata hai?" after a title was asked about).
		// ("and in FY24?" has nothing of its own to be read alone; "what
		// does CCAP think about it?" points back, and is declined for
		// CCAP rather than answered with what CCAP said of something else.)
		// A kind of question with one word of its own that points at
		// nothing is a question of its own too: "What are the main risks,
		// specifically?" after an overview.
		if own := e.ask(*a); own.Answered {
			return own
		}
	}
	if !r.Answered && r.Unsupported != "" && contentTerms(a.Terms) >= 1 && slices.ContainsFunc(a.Terms, func(t Term) bool {
		return t.Period != "" && t.Tok >= 0 && strings.EqualFold(e.asTyped(a.Text, &t).Surface, r.Unsupported)
	}) {
		// Declined for a year of its own, with a word of its own: "what did
		// it earn the year before?" after "by how much did it grow?" asks
		// FY24's earnings, which the growth (FY24 to FY25) does not give
		// for FY24 alone.
		if own := e.ask(*a); own.Answered {
			return own
		}
	}
	if !r.Answered && r.Unsupported != "" && !salientOnly(a.Terms) && slices.ContainsFunc(borrowed, func(t Term) bool { return strings.EqualFold(t.Surface, r.Unsupported) }) {
		// Declined for a word borrowed from the last question ("how much
		// is the tax break?" after one about Lahore: "don't give that for
		// Lahore"), while the question has words of its own: if those are
		// declined too, their reason is the one to give.
		if own := e.ask(*a); !own.Answered && own.Reason != DeclineEmpty {
			own.FollowUp = true
			return own
		}
	}
	if !r.Answered && r.Unsupported != "" && salientOnly(a.Terms) && slices.ContainsFunc(borrowed, func(t Term) bool { return strings.EqualFold(t.Surface, r.Unsupported) }) {
		// "what about India?" after FY24's earnings: the entries with
		// India lack FY24, those with FY24 lack India. What is not given
		// is what was asked, India; FY24 was just answered.
		for i := range a.Terms {
			if t := &a.Terms[i]; t.Tok >= 0 && t.Class != "" && !strings.EqualFold(t.Surface, r.Unsupported) {
				t = e.asTyped(a.Text, t)
				r.Unsupported, r.Decline = t.Surface, e.blockMessage(t)
				return nil // still read with the last question: a follow-up
			}
		}
	}
	if r.Answered && !salientOnly(a.Terms) && !e.endsPointingBack(a) &&
		(!person && !thing && contentTerms(a.Terms) > 0 && !slices.ContainsFunc(a.Terms, func(t Term) bool { return e.relativeAlone(a, &t) }) || slices.ContainsFunc(a.Terms, func(t Term) bool {
			return t.ID >= 0 && (t.Class == knowledge.ClassPlace || t.Class == knowledge.ClassName)
		})) {
		// "بھارت کے بارے میں کیا کہا گیا؟" (what was said about India?)
		// after the challenges: read with them it is the challenges
		// again; read on its own it is what was said of India. So is a
		// question with words of its own that points at nothing: "how
		// many call centers are there?" after the client countries is
		// the count, not the countries again. ("and the rest?" is of the
		// last answer.)
		if p := e.Ask(previous); p.Answered && slices.Equal(p.EntryIDs(), r.EntryIDs()) {
			if own := e.ask(*a); own.Answered && !slices.Equal(own.EntryIDs(), r.EntryIDs()) {
				return own
			}
		}
	}
	return nil
}

// shownIn reports whether every fact of r is one p showed.
func shownIn(r, p *Reply) bool {
	return len(r.Facts) > 0 && !slices.ContainsFunc(r.Facts, func(f CitedFact) bool {
		return !slices.ContainsFunc(p.Facts, func(g CitedFact) bool { return g.Fact.ID == f.Fact.ID })
	})
}

// askedOfLast settles r, the answer to a kind of question alone asked of
// what previous asked ("why?", "kitna farq hai?"): what follows it is
// asked of the entry it was answered with; the same answer again is
// replaced by the last answer's follow-ups, and the last answer followed
// by its reasons by the reasons alone.
func (e *Engine) askedOfLast(previous string, a *Analysis, r *Reply) *Reply {
	if !r.Answered {
		return r
	}
	if len(r.Parts) == 1 && !r.Parts[0].Entry.AboutSources {
		// "kitna farq hai?" answered with the growth: what follows ("why?")
		// is asked of the growth, the question it was answered as.
		r.context = r.Parts[0].Entry.Question
	}
	if statesWhatIsAsked(a.Terms) {
		return r // "by how much?", "what percent?": a figure the answer states, given again
	}
	p := e.Ask(previous)
	if p.Answered && (slices.Equal(p.EntryIDs(), r.EntryIDs()) || shownIn(r, p)) {
		// "why?" after an answer, and the same answer again says nothing
		// new: its follow-ups are offered. So does one of its points
		// again ("kyun?" after the challenges: the talent drain, which
		// the list gave with its cause).
		if msg := e.msg("no_more"); msg != "" && len(p.Related) > 0 {
			return &Reply{Question: r.Question, Reason: OfferedMore, Decline: msg, Suggestions: p.Related, FollowUp: true}
		}
	}
	if p.Answered && len(r.Parts) > 1 && slices.Equal(p.EntryIDs(), r.EntryIDs()[:1]) {
		// "kyun?" after the earnings: the reasons the sources give,
		// not the earnings again.
		var ms []*match
		for _, pt := range r.Parts[1:] {
			if ei := e.entryIndexOf(pt.Entry); ei != nil {
				ms = append(ms, &match{ei: ei, score: r.Score, coverage: 1, phrasing: 1, content: true})
			}
		}
		if len(ms) > 0 {
			e.reanswer(r, ms)
			e.headReasons(r, true, 0)
		}
	}
	return r
}

// A figureKey is a figure as the facts state it: its kind and value.
type figureKey struct {
	kind  byte
	value float64
}

// readFigureEntries returns a function that indexes, the first time it is
// called, the entries with a fact stating each figure exactly (by entry
// index, in order), so a question naming a figure finds them without
// reading every entry.
func (e *Engine) readFigureEntries() func() map[figureKey][]int32 {
	return sync.OnceValue(func() map[figureKey][]int32 {
		figs := e.factFigures()
		out := map[figureKey][]int32{}
		for i := range e.ix.entries {
			for _, id := range e.ix.entries[i].entry.Facts {
				for _, g := range figs[id] {
					k := figureKey{g.kind, g.value}
					if ids := out[k]; len(ids) == 0 || ids[len(ids)-1] != int32(i) {
						out[k] = append(ids, int32(i))
					}
				}
			}
		}
		return out
	})
}

// readFactTerms returns a function that reads the term ids of every fact
// the first time it is called, and returns them by fact id.
func (e *Engine) readFactTerms() func() map[string][]int32 {
	return sync.OnceValue(func() map[string][]int32 {
		out := make(map[string][]int32, len(e.kb.Facts))
		for _, f := range e.kb.Facts {
			out[f.ID] = e.termIDs(f.Text)
		}
		return out
	})
}

// narrowToPlace leaves out of a one-entry answer the facts about other
// places when the question names one place, the entry is about it (its
// question, phrasings or keywords name it) and some facts are about it:
// "how does Pakistan compare to the Philippines?" is the competition with
// India and the Philippines, not also what P@SHA said of India alone. A
// fact about a place within the one named is about it ("clients in
// Europe": Germany); a fact that names no place stays.
func (e *Engine) narrowToPlace(r *Reply, terms []Term) {
	place := int32(-1)
	for i := range terms {
		if t := &terms[i]; t.Class == knowledge.ClassPlace && t.ID >= 0 {
			if place >= 0 && place != t.ID {
				return // two places: the answer is about both
			}
			place = t.ID
		}
	}
	if place < 0 || len(r.Parts) != 1 || len(r.Facts) < 2 {
		return
	}
	ei := e.entryIndexOf(r.Parts[0].Entry)
	if ei == nil || !ei.hasPrimary(place) {
		return // only an entry about the place itself (its question names it) is narrowed to it
	}
	ft := e.factTerms()
	about := func(ids []int32) bool {
		return slices.Contains(ids, place) || slices.ContainsFunc(e.within[place], func(w int32) bool { return slices.Contains(ids, w) })
	}
	otherPlace := func(ids []int32) bool {
		return slices.ContainsFunc(ids, func(id int32) bool { return e.v.terms[id].class == knowledge.ClassPlace })
	}
	only := map[string]bool{}
	some := false
	for _, f := range r.Facts {
		ids := ft[f.ID]
		switch {
		case about(ids):
			some = true
			only[f.ID] = true
		case !otherPlace(ids):
			only[f.ID] = true
		}
	}
	if !some || len(only) == len(r.Facts) {
		return
	}
	e.reanswer(r, []*match{{ei: ei, score: r.Score, coverage: 1, phrasing: 1, content: true, only: only}})
}

// creditedOnly narrows best to its credited facts when the question asks
// who said something (a kind that needs a name, and a concept that asks
// for an attribution) and the entry has facts credited to someone and
// facts that are not: "who said most call centers operate ethically?" is
// answered with P@SHA's remarks, not first with the scam the entry also
// reports.
func (e *Engine) creditedOnly(terms []Term, best *match) {
	who, said := false, false
	for i := range terms {
		t := &terms[i]
		who = who || t.Kind != nil && slices.Contains(t.Kind.Needs, knowledge.StatesName)
		said = said || e.asksFor(t, knowledge.AsksAttribution)
	}
	if !who || !said || best.only != nil {
		return
	}
	only := map[string]bool{}
	n := 0
	for _, id := range best.ei.entry.Facts {
		if f := e.kb.Fact(id); f != nil {
			n++
			if f.Attribution != "" {
				only[id] = true
			}
		}
	}
	if len(only) > 0 && len(only) < n {
		best.only = only
	}
}

// withReasons returns best, and when the question asks why (a kind with
// knowledge.AsksReason) the entries best lists as its reasons: "why did
// earnings grow in FY25?" is answered with the growth and the new deals
// CCAP's president credits for it.
func (e *Engine) withReasons(terms []Term, best *match) []*match {
	ms := []*match{best}
	if len(best.ei.entry.Reasons) == 0 || !slices.ContainsFunc(terms, func(t Term) bool { return t.Kind != nil && slices.Contains(t.Kind.Asks, knowledge.AsksReason) }) {
		return ms
	}
	for _, id := range best.ei.entry.Reasons {
		if ei := e.entryIndexOf(e.kb.Entry(id)); ei != nil {
			ms = append(ms, &match{ei: ei, score: best.score, coverage: 1, phrasing: 1, content: true})
		}
	}
	return ms
}

// reanswer fills r anew with the facts of ms (see answer), keeping the
// rest of r: its question, notes and premise.
func (e *Engine) reanswer(r *Reply, ms []*match) {
	r.Parts, r.Facts, r.Citations = nil, nil, nil
	e.answer(r, ms)
}

// hasWord reports whether a word of the question, read in its language, is
// in set.
func (e *Engine) hasWord(a *Analysis, set wordSet) bool {
	l := langIndex(a.Lang)
	return slices.ContainsFunc(a.toks, func(t token) bool {
		if t.urdu {
			return set.has(langUr, &t)
		}
		return set.has(l, &t)
	})
}

// onlySummary reports whether every term of a is read from a word that
// asks for a summary ("tldr", "gist": also a concept of the entries that
// summarise one article), so the message asks for nothing else.
func (e *Engine) onlySummary(a *Analysis) bool {
	l := langIndex(a.Lang)
	for _, t := range a.Terms {
		if t.Tok < 0 || t.Tok >= len(a.toks) {
			return false
		}
		tok, lang := &a.toks[t.Tok], l
		if tok.urdu {
			lang = langUr
		}
		if !e.summary.has(lang, tok) {
			return false
		}
	}
	return true
}

// asksSummary reports whether a word of the question asks for a summary.
func (e *Engine) asksSummary(a *Analysis) bool { return e.hasWord(a, e.summary) }

// headReasons heads the parts from the from-th on as the reasons the
// sources give (the lexicon's optional reasons message), when they are.
func (e *Engine) headReasons(r *Reply, reasons bool, from int) {
	msg := e.msg("reasons")
	if !reasons || msg == "" {
		return
	}
	for i := from; i < len(r.Parts); i++ {
		r.Parts[i].Heading = msg
	}
}

// entryIndexOf returns the index of entry en, or nil.
func (e *Engine) entryIndexOf(en *knowledge.Entry) *entryIndex {
	if i, ok := e.ix.position[en]; ok {
		return &e.ix.entries[i]
	}
	return nil
}

// sourceOfLast answers a follow-up that asks only for the source ("source?",
// "source kya hai?", "ذریعہ؟") with where the answer before comes from: its
// sources' titles and whom they credit, shown briefly after it. Otherwise
// nil.
func (e *Engine) sourceOfLast(previous string, a *Analysis) *Reply {
	if e.v.lex.Messages["from_sources"] == "" {
		return nil
	}
	asks, who := false, false
	for i := range a.Terms {
		t := &a.Terms[i]
		switch {
		case e.aboutSources(t):
			asks = true
		case t.Kind != nil && !t.Kind.Never:
			who = who || slices.Contains(t.Kind.Needs, knowledge.StatesName)
		case e.refersAt(a, t), e.asksFor(t, knowledge.AsksAttribution):
		case t.Tok >= 0 && t.Tok < len(a.toks) && e.ordinals[a.toks[t.Tok].lower] > 0 && e.pointsBack(a):
			// "is that in the first article or the second?": which one
		default:
			return nil
		}
	}
	if !asks {
		return nil
	}
	if ei, ok := e.ix.exact[exactKey(a)]; ok && ei >= 0 && !e.pointsBack(a) && len(a.toks) > shortFollowUp {
		// "what are your sources?": a question of its own, word for
		// word. ("where is that from?" points back; "source?", "source
		// kya hai?" are too short to be anything but a follow-up.)
		return nil
	}
	r := e.Ask(previous)
	if !r.Answered || slices.ContainsFunc(r.Parts, func(p Part) bool { return p.Entry.AboutSources }) {
		return nil // the answer before was about the sources: asked again as its own
	}
	if who {
		// "who reported it?": whom the sources credit, as "who said
		// that?" is told, not which article it is in.
		return e.whoSaidLast(previous, a)
	}
	r.Question, r.FollowUp, r.context = a.Text, true, previous
	r.Premise = e.fromSources(r)
	r.saysWho = r.Premise != ""
	return r
}

// inLanguage answers a follow-up that only asks for a reply's language
// ("translate that to urdu", "urdu mein", "in english please"): the last
// question again, answered in it (e replies in it already). It returns nil
// for any other question.
func (e *Engine) inLanguage(previous string, a *Analysis) *Reply {
	if a.replyIn == "" || len(a.Terms) > 0 || a.Greet || a.Introduce {
		return nil // ("shukriya, ab english mein batao" asks for it too)
	}
	r := e.askOwn(e.Analyze(previous))
	if !r.Answered {
		return nil
	}
	r.tr = e.tr
	r.Question, r.FollowUp, r.context = a.Text, true, previous
	return r
}

// otherPerson answers a follow-up that asks about the other person ("and
// who is the other guy?", "aur doosra banda kon hai"): when the answer
// before names one of the people facts are credited to (a name credited
// with a title) and there is one other, the question is asked of that one.
// It returns nil for any other question.
func (e *Engine) otherPerson(previous string, a *Analysis) *Reply {
	i := slices.IndexFunc(a.Terms, func(t Term) bool { return e.asksFor(&t, knowledge.AsksOtherPerson) })
	if i < 0 {
		return nil
	}
	var p *Reply
	if previous != "" {
		if p = e.Ask(previous); !p.Answered {
			return nil
		}
	}
	// The people facts are credited to: the names of credits that the
	// lexicon marks as a person's.
	var people []int32
	for _, c := range e.ix.credits {
		for _, id := range c.terms {
			if ti := &e.v.terms[id]; ti.class == knowledge.ClassName && ti.concept != nil && ti.concept.Person && !slices.Contains(people, id) {
				people = append(people, id)
			}
		}
	}
	var shown []int32
	for _, f := range p.factsOrNone() {
		ids := e.termIDs(f.Fact.Text)
		for _, c := range e.ix.credits {
			if c.fact.ID == f.Fact.ID {
				ids = append(ids, c.terms...) // whom it is credited to
			}
		}
		for _, id := range people {
			if slices.Contains(ids, id) && !slices.Contains(shown, id) {
				shown = append(shown, id)
			}
		}
	}
	others := slices.DeleteFunc(slices.Clone(people), func(id int32) bool { return len(shown) == 1 && id == shown[0] })
	terms := slices.Delete(slices.Clone(a.Terms), i, i+1)
	for _, id := range others {
		terms = append(terms, Term{ID: id, Class: knowledge.ClassName, Surface: e.v.terms[id].display, Tok: -1, Weight: e.ix.weight[id]})
	}
	ranked := e.rank(terms)
	r := &Reply{Question: a.Text, FollowUp: true}
	if len(others) == 1 {
		if best, _ := e.decide(ranked, terms); best != nil {
			e.answer(r, []*match{best})
			r.context = termsText(terms) // "what did he say?" next is of the other one
			return r
		}
	}
	// Which other person is not clear (the answer before named no one,
	// or several): asked back with the people.
	return e.decline(r, ranked, nil, DeclineUnsure)
}

// factsOrNone returns r's facts, or none when r is nil.
func (r *Reply) factsOrNone() []CitedFact {
	if r == nil {
		return nil
	}
	return r.Facts
}

// otherSource answers a follow-up that asks what the other sources say
// ("and the other article?", "what does the other article say about the
// future?"): on its own subject, or else the
// previous question's, the first entry that would answer it (by the
// policy's thresholds) with facts from the articles the answer before did
// not use, with those facts only, led by the optional other_source message;
// or the optional other_source_none or other_source_both message with the
// answer before's follow-ups. It returns nil for any other question.
func (e *Engine) otherSource(previous string, a *Analysis) *Reply {
	if e.v.lex.Messages["other_source"] == "" || !slices.ContainsFunc(a.Terms, func(t Term) bool { return e.asksFor(&t, knowledge.AsksOther) }) {
		return nil
	}
	p := e.Ask(previous)
	if !p.Answered || !slices.ContainsFunc(p.Parts, func(pt Part) bool { return !pt.Entry.AboutSources }) {
		return nil // (after an answer about the articles themselves: asked on its own)
	}
	used := map[string]bool{}
	for _, f := range p.Facts {
		used[f.Source] = true
	}
	if !slices.ContainsFunc(e.kb.Sources, func(s *knowledge.Source) bool { return !s.Editorial && used[s.ID] }) {
		return nil // nor after one from the editors' notes alone ("who wrote the articles?")
	}
	var others []*knowledge.Source
	for _, s := range e.kb.Sources {
		if !s.Editorial && !used[s.ID] {
			others = append(others, s)
		}
	}
	r := &Reply{Question: a.Text, FollowUp: true, context: previous}
	if len(others) == 0 {
		if msg := e.msg("other_source_both"); msg != "" {
			r.Reason, r.Decline, r.Suggestions = OfferedMore, msg, p.Related
			return r
		}
		return nil
	}
	var titles []string
	other := map[string]bool{}
	for _, s := range others {
		titles = append(titles, e.sourceTitle(s))
		other[s.ID] = true
	}
	sources := e.list(titles)
	// The subject: the question's own words of content, or the last question's.
	terms := slices.DeleteFunc(slices.Clone(a.Terms), func(t Term) bool {
		return t.ID < 0 || t.Kind != nil || e.asksFor(&t, knowledge.AsksOther) || e.aboutSources(&t) || e.asksFor(&t, knowledge.AsksAttribution)
	})
	if contentTerms(terms) == 0 {
		terms = e.Analyze(previous).Terms
	} else {
		r.context = ""
	}
	if m, _, _ := e.fromArticles(terms, other, false); m != nil {
		e.answer(r, []*match{m})
		r.Premise = strings.ReplaceAll(e.msg("other_source"), "{sources}", sources)
		return r
	}
	if msg := e.msg("other_source_none"); msg != "" {
		r.Reason, r.Decline, r.Suggestions = OfferedMore, strings.ReplaceAll(msg, "{sources}", sources), p.Related
		return r
	}
	return nil
}

// inSource answers a question about what one article says, named by its
// place in the sources' list ("Does the first article mention AI?", "What
// does the second article say about call centers?"): the facts from that
// article of the best entry that has some with a word of the question,
// led by the optional other_source message; or, when the question is
// answered by entries none of whose facts come from it, other_source_none
// ("... says nothing on that"). It returns nil when no article is named
// so, when the rest of the question is not answered at all, or when an
// entry has facts from the article that do not say whether they bear on
// it.
func (e *Engine) inSource(a *Analysis) *Reply {
	if e.msg("other_source") == "" || e.msg("other_source_none") == "" {
		return nil
	}
	at := -1 // the article's token
	var src *knowledge.Source
	for i := 0; i+1 < len(a.toks); i++ {
		n := e.ordinals[a.toks[i].lower]
		if n < 1 || e.isFunctionWord(a.toks[i].lower) {
			continue
		}
		// The word after the ordinal is one for the sources ("article",
		// "مضمون"), a term of the question or inside a phrase ("what does
		// the first article say about Europe?").
		sources := false
		for l := range numLangs {
			if m := e.v.word(l, &a.toks[i+1]); m != nil && m.term >= 0 {
				t := Term{ID: m.term}
				sources = sources || e.aboutSources(&t)
			}
		}
		if !sources {
			continue
		}
		if slices.ContainsFunc(a.Terms, func(t Term) bool {
			return t.Tok >= 0 && t.Tok <= i && i < t.Tok+len(strings.Fields(t.Surface)) && (e.aboutSources(&t) || e.asksFor(&t, knowledge.AsksSource))
		}) {
			return nil // "What is the full title of the first article?": about the article itself
		}
		k := 0
		for _, s := range e.kb.Sources {
			if s.Editorial {
				continue
			}
			if k++; k == n {
				src = s
			}
		}
		at = i + 1
		break
	}
	if src == nil {
		return nil
	}
	terms := slices.DeleteFunc(slices.Clone(a.Terms), func(t Term) bool {
		return t.Tok == at-1 || t.Tok == at || t.ID < 0 && !t.Name || e.aboutSources(&t) || e.asksFor(&t, knowledge.AsksSource) || e.asksFor(&t, knowledge.AsksAttribution) ||
			t.Kind != nil && slices.Contains(t.Kind.Asks, knowledge.AsksDefinition) // "what does the first article say": no definition asked
	})
	if contentTerms(terms) == 0 {
		return nil // "what does the first article say?": its summary, as usual
	}
	describes := func(t Term) bool { // a word of an article's own entry: "the trends article"
		return slices.ContainsFunc(e.ix.entries, func(ei entryIndex) bool { return ei.entry.AboutSources && ei.hasPrimary(t.ID) })
	}
	if !slices.ContainsFunc(terms, func(t Term) bool { return t.content() && t.ID >= 0 && !describes(t) }) {
		return nil // "پہلے source یعنی trends والے آرٹیکل میں کیا ہے": what the article is, as usual
	}
	r := &Reply{Question: a.Text}
	title := e.sourceTitle(src)
	m, answers, unsure := e.fromArticles(terms, map[string]bool{src.ID: true}, true)
	if m != nil {
		e.answer(r, []*match{m})
		r.Premise = strings.ReplaceAll(e.msg("other_source"), "{sources}", title)
		return r
	}
	if len(answers) == 0 || unsure {
		return nil
	}
	e.decline(r, nil, nil, OfferedMore)
	r.Decline = strings.ReplaceAll(e.msg("other_source_none"), "{sources}", title)
	r.Suggestions = answers[:min(len(answers), 3)] // what the other article says of it
	return r
}

// fromArticles returns the first entry ranked for terms that the policy
// would answer and that has facts from sources, set to answer with those
// facts only. With bearing (a question about one article), the entries
// about the sources themselves are passed over, and so is an entry none of
// whose facts from sources has a word of the question: the call-center
// article's "multinational and utility firms" says nothing of e-commerce.
// It also returns every entry that would answer, from any source, up to
// the one returned, and whether one passed over had facts from sources
// that do not say whether they bear on the question.
func (e *Engine) fromArticles(terms []Term, sources map[string]bool, bearing bool) (m *match, answers []*knowledge.Entry, unsure bool) {
	pol := &e.policy
	var ft map[string][]int32
	if bearing {
		ft = e.factTerms()
	}
	bearsOn := func(id string) bool {
		return slices.ContainsFunc(ft[id], func(x int32) bool {
			return slices.ContainsFunc(terms, func(t Term) bool {
				return t.content() && (t.ID == x || slices.Contains(e.within[t.ID], x))
			})
		})
	}
	for _, c := range e.rank(terms) {
		if c.score < pol.MinScore {
			break
		}
		if c.coverage < pol.MinCoverage || !c.content || bearing && c.ei.entry.AboutSources || e.blocker(c.ei, terms) != nil {
			continue
		}
		answers = append(answers, c.ei.entry)
		only, bears := map[string]bool{}, !bearing
		for _, id := range c.ei.entry.Facts {
			if f := e.kb.Fact(id); f != nil && sources[f.Source] {
				only[id] = true
				bears = bears || bearsOn(id)
			}
		}
		if len(only) == 0 || !bears {
			unsure = unsure || len(only) > 0
			continue
		}
		c.only = only
		return &c, answers, unsure
	}
	return nil, answers, unsure
}

// shortFollowUp is the most words a message that asks only for the source
// may have to be read as asking it of the answer before even when it is
// word for word a question of its own ("source kya hai?"): "what are your
// sources?" has four.
const shortFollowUp = 3

// pointsBack reports whether a word of the question, inside a term or not,
// points back at a thing ("that", "ye").
func (e *Engine) pointsBack(a *Analysis) bool { return e.hasWord(a, e.thingRefs) }

// aboutSources reports whether t is a concept that every entry about the
// sources (Entry.AboutSources) has as its own: the word for the sources
// themselves ("source", "article", "ذریعہ").
func (e *Engine) aboutSources(t *Term) bool {
	if t.ID < 0 || t.Kind != nil || e.v.terms[t.ID].concept == nil {
		return false
	}
	about := 0
	for i := range e.ix.entries {
		if ei := &e.ix.entries[i]; ei.entry.AboutSources {
			if !ei.hasPrimary(t.ID) {
				return false
			}
			about++
		}
	}
	return about > 0
}

// pushback answers a follow-up that only states a figure ("no, I read it
// was 400 million", "are you sure? I thought it was 100,000", "nahi, 500
// million tha"): the answer before again, its figures checked against the
// one stated (notePremise), so a conversation shows only whether the
// sources bear it out. Otherwise nil.
func (e *Engine) pushback(previous string, a *Analysis) *Reply {
	if !a.hasNumber() {
		return nil
	}
	figs := statedFigures(e.scannedText(a), e.bounds)
	if len(figs) == 0 {
		return nil
	}
	for i := range a.Terms {
		t := &a.Terms[i]
		inFigure := slices.ContainsFunc(figs, func(f statedFigure) bool {
			return t.Surface != "" && strings.Contains(strings.ToLower(f.text), strings.ToLower(t.Surface))
		})
		switch {
		case inFigure, t.number, t.Kind != nil && !t.Kind.Never, t.Unknown && !t.Name,
			e.asksFor(t, knowledge.AsksAttribution), e.asksFor(t, knowledge.AsksSource), e.refersAt(a, t), e.aboutSources(t):
		default:
			return nil // it asks something of its own
		}
	}
	r := e.Ask(previous)
	if !r.Answered {
		return nil
	}
	r.Question, r.FollowUp, r.context = a.Text, true, previous
	r.Premise = ""
	e.notePremise(r, a.Text, e.scannedText(a), true, true)
	r.pushedBack = r.Premise != ""
	return r
}

// narrowTo answers a follow-up that names only places or names with the
// facts that name them, when it would give the answer before again: "aur
// India?" after the challenges is the one challenge that names India (the
// global competition), not the whole list again.
func (e *Engine) narrowTo(r *Reply, previous string, terms []Term) {
	var want []int32
	var periods []string
	for _, t := range terms {
		switch {
		case t.Kind != nil:
		case t.ID >= 0 && (t.Class == knowledge.ClassPlace || t.Class == knowledge.ClassName):
			want = append(want, t.ID)
		case t.ID >= 0 && t.Period != "" && t.Tok >= 0:
			periods = append(periods, t.Period) // "and in FY24?" after the industry's size
		default:
			return // it asks something of its own
		}
	}
	if len(want)+len(periods) == 0 || len(r.Parts) != 1 {
		return
	}
	if p := e.Ask(previous); !p.Answered || !slices.Equal(p.EntryIDs(), r.EntryIDs()) {
		return
	}
	ei := e.entryIndexOf(r.Parts[0].Entry)
	if ei == nil {
		return
	}
	only := map[string]bool{}
	for _, f := range r.Facts {
		ids := e.termIDs(f.Text)
		ends := strings.Split(f.Fact.Period, "–") // a change names both ends: "FY24–FY25"
		if slices.ContainsFunc(want, func(id int32) bool { return slices.Contains(ids, id) }) ||
			slices.ContainsFunc(periods, func(p string) bool { return slices.Contains(ends, p) && !f.Fact.Current }) {
			only[f.ID] = true
		}
	}
	if len(only) == 0 || len(only) == len(r.Facts) {
		return
	}
	e.reanswer(r, []*match{{ei: ei, score: r.Score, coverage: 1, phrasing: 1, content: true, only: only}})
}

// sourceOf answers a question that asks where something else comes from
// ("which article mentions tax incentives?", "where is the 263 million
// from?", a concept that asks for the source, knowledge.AsksSource): the
// best match for the question without those words, and whether to lead it
// with its sources (not when it is itself about the sources: "who wrote the
// article about the $328 million?"). Otherwise nil: the question is read as
// usual.
func (e *Engine) sourceOf(a *Analysis) (*match, bool) {
	if !slices.ContainsFunc(a.Terms, func(t Term) bool { return e.asksFor(&t, knowledge.AsksSource) }) {
		return nil, false // most questions: nothing to copy
	}
	var asks []int32
	rest := make([]Term, 0, len(a.Terms))
	for i := range a.Terms {
		switch t := &a.Terms[i]; {
		case e.asksFor(t, knowledge.AsksSource):
			asks = append(asks, t.ID)
		case e.asksFor(t, knowledge.AsksAttribution):
			// "which article talks about the Dabba scam?" asks about the
			// scam, not what someone said of it: the lead says who.
		default:
			rest = append(rest, a.Terms[i])
		}
	}
	// Something else: a word of content, or a figure ("where is the ...
	// from" holds it in its gap).
	if len(asks) == 0 || !slices.ContainsFunc(rest, func(t Term) bool { return t.content() }) {
		return nil, false
	}
	best, _ := e.decide(e.rank(rest), rest)
	named := e.namedIn(rest)
	if best == nil {
		if best = e.mentioning(named); best == nil {
			return nil, false
		}
	} else if only := e.factsMentioning(best.ei, named); len(only) > 0 {
		// "which article mentions the Philippines?": the facts that name
		// it, from the article that has them, not every fact of the
		// entry (the competition entry's India remark is from the other).
		m := *best
		m.only = only
		best = &m
	}
	return best, !slices.ContainsFunc(asks, best.ei.hasPrimary)
}

// namedIn returns the places and names among terms.
func (e *Engine) namedIn(terms []Term) []int32 {
	var ids []int32
	for _, t := range terms {
		if t.ID >= 0 && (t.Class == knowledge.ClassPlace || t.Class == knowledge.ClassName) {
			ids = append(ids, t.ID)
		}
	}
	return ids
}

// factsMentioning returns the facts of the entry whose text names one of
// ids (a place within one counts), or nil.
func (e *Engine) factsMentioning(ei *entryIndex, ids []int32) map[string]bool {
	if len(ids) == 0 {
		return nil
	}
	ft := e.factTerms()
	var only map[string]bool
	for _, id := range ei.entry.Facts {
		if slices.ContainsFunc(ft[id], func(t int32) bool {
			return slices.Contains(ids, t) || slices.ContainsFunc(ids, func(n int32) bool { return slices.Contains(e.within[n], t) })
		}) {
			if only == nil {
				only = map[string]bool{}
			}
			only[id] = true
		}
	}
	return only
}

// mentioning returns the entry with the most facts naming one of ids
// (fewer facts in all first, then by id), narrowed to those facts; or nil.
func (e *Engine) mentioning(ids []int32) *match {
	var best *match
	for i := range e.ix.entries {
		ei := &e.ix.entries[i]
		if ei.entry.AboutSources {
			continue
		}
		only := e.factsMentioning(ei, ids)
		if len(only) == 0 {
			continue
		}
		if best != nil {
			b := best.ei.entry
			if len(only) < len(best.only) || len(only) == len(best.only) && (len(ei.entry.Facts) > len(b.Facts) ||
				len(ei.entry.Facts) == len(b.Facts) && ei.entry.ID > b.ID) {
				continue
			}
		}
		best = &match{ei: ei, score: 1, coverage: 1, phrasing: 1, content: true, only: only}
	}
	return best
}

// periodsCompared returns, for a question that compares two periods the
// facts cover ("which year was bigger, FY24 or FY25?", "FY24 vs FY25",
// "FY24 mein zyada kamaya ya FY25 mein?"), with nothing else of content but
// what is compared, the entry with the fewest facts that states a change
// between exactly those two; or nil.
func (e *Engine) periodsCompared(a *Analysis) *match {
	var periods []string
	var others []int32 // words the entry must have: "call centres" in "a better year for call centres"
	compares := false
	for i := range a.Terms {
		t := &a.Terms[i]
		switch {
		case t.Period != "" && t.ID >= 0:
			if !slices.Contains(periods, t.Period) {
				periods = append(periods, t.Period)
			}
		case t.Kind != nil && slices.Contains(t.Kind.Asks, knowledge.AsksComparison), e.asksFor(t, knowledge.StatesChange):
			compares = true
		case t.Kind != nil && !t.Kind.Never, t.Class == knowledge.ClassMetric && t.ID >= 0:
			// "which year", "earnings": how it is asked, or what is compared
		case t.ID >= 0 && t.Class == "" && e.v.terms[t.ID].concept != nil && e.v.terms[t.ID].concept.Domain:
			others = append(others, t.ID) // "for call centres": the sector, which the change is of
		default:
			return nil
		}
	}
	if !compares || len(periods) != 2 {
		return nil
	}
	slices.Sort(periods)
	var best *entryIndex
	for i := range e.ix.entries {
		ei := &e.ix.entries[i]
		if slices.Contains(ei.ranges, [2]string{periods[0], periods[1]}) && (best == nil || len(ei.entry.Facts) < len(best.entry.Facts)) &&
			!slices.ContainsFunc(others, func(id int32) bool { return !ei.hasPrimary(id) && !ei.hasSecondary(id) }) {
			best = ei
		}
	}
	if best == nil {
		return nil
	}
	return &match{ei: best, score: 1, coverage: 1, phrasing: 1, content: true}
}

// figureOfPeriod answers a question of nothing but a concept that asks for
// a figure (knowledge.AsksFigure) and one fiscal year the facts cover, and
// kinds of question that ask for a figure or nothing: with the one entry
// whose facts all are of that year, one of them stating a figure. Nil
// when there is none, or several (FY25 has many: the question is read as
// usual).
func (e *Engine) figureOfPeriod(a *Analysis) *match {
	period, figure := "", false
	for i := range a.Terms {
		t := &a.Terms[i]
		switch {
		case t.ID < 0:
			return nil
		case t.Period != "":
			if period != "" && period != t.Period {
				return nil
			}
			period = t.Period
		case e.asksFor(t, knowledge.AsksFigure):
			figure = true
		case e.asksFor(t, knowledge.AsksAttribution), e.aboutSources(t):
			// "who reported the FY24 figure?": whose it is (whoSaidOf)
		case t.Kind != nil && !t.Kind.Never && !countsThings(t.Kind) && slices.Contains(t.Kind.Needs, knowledge.StatesName):
		case t.Kind != nil && !t.Kind.Never && (len(t.Kind.Needs) == 0 || slices.ContainsFunc(t.Kind.Needs, func(n string) bool {
			return n == knowledge.StatesMoney || n == knowledge.StatesCount || n == knowledge.StatesPercent
		})):
		default:
			return nil
		}
	}
	if period == "" || !figure && len(a.toks) > 1 {
		return nil // a year all alone ("fy24"; not "and in FY24?" with nothing before) asks for its figure as well
	}
	var only *entryIndex
	for i := range e.ix.entries {
		ei := &e.ix.entries[i]
		all, figures := len(ei.entry.Facts) > 0, false
		for _, id := range ei.entry.Facts {
			f := e.kb.Fact(id)
			if f == nil || f.Period != period {
				all = false
				break
			}
			figures = figures || slices.ContainsFunc(f.States, func(s string) bool {
				return s == knowledge.StatesMoney || s == knowledge.StatesCount || s == knowledge.StatesPercent
			})
		}
		if all && figures {
			if only != nil {
				return nil
			}
			only = ei
		}
	}
	if only == nil {
		return nil
	}
	return &match{ei: only, score: 1, coverage: 1, phrasing: 1, content: true}
}

// figureNamed answers a question that asks when or who of a figure the
// facts state ("In which year did call centers earn $263 million?", "who
// reported the 24.6%?"), or that quotes one ("90% wala kya hai?"): the entry with the fewest facts among those with a
// fact stating it exactly, unless a term of the question blocks that one.
// Otherwise nil.
func (e *Engine) figureNamed(a *Analysis) *match {
	asks := slices.ContainsFunc(a.Terms, func(t Term) bool {
		return t.Kind != nil && !t.Kind.Never && (slices.Contains(t.Kind.Needs, knowledge.StatesPeriod) || slices.Contains(t.Kind.Needs, knowledge.StatesName))
	})
	if !a.hasNumber() {
		return nil
	}
	scanned := e.scannedText(a)
	asked := statedFigures(scanned, e.bounds)
	subject := false // the figure is what the question is about
	if !asks {
		// "90% wala kya hai?", "what is the 90% figure?": a figure quoted,
		// not claimed, names what it is asked about.
		quoted := slices.DeleteFunc(slices.Clone(asked), func(f statedFigure) bool { return !e.quotesFigure(scanned, f) })
		if len(quoted) == 0 && len(asked) == 1 && (plainWhat(a.Terms) || figureAlone(a.Terms, asked[0])) {
			// "what does 90% mean?", "90 percent kya matlab": a plain
			// what-question about one figure asks what the figure is,
			// when the words beside it are the figure's own or its
			// entry's (checked below); and so does the figure alone
			// ("328m?", "$263 million").
			subject = true
		} else {
			asked = quoted
		}
	}
	if len(asked) == 0 || slices.ContainsFunc(a.Terms, func(t Term) bool { return e.onlyOfSources(&t) }) {
		// "Who wrote the article about the $328 million?": the writer,
		// which only the entries about the articles have.
		return nil
	}
	best := e.entryStating(asked)
	if best == nil || e.blocker(best, a.Terms) != nil {
		// "which body reported the $328m figure, was it PSEB?": the
		// usual reading says the sources don't credit it to PSEB.
		return nil
	}
	if subject {
		words := strings.Fields(strings.ToLower(asked[0].text))
		for _, t := range a.Terms {
			if !t.content() || t.number || t.ID >= 0 && (best.hasPrimary(t.ID) || best.hasSecondary(t.ID)) {
				continue
			}
			if !slices.Contains(words, strings.ToLower(t.Surface)) && !strings.Contains(asked[0].text, t.Surface) {
				return nil // "what does 90% of India's revenue mean?"
			}
		}
	}
	return &match{ei: best, score: 1, coverage: 1, phrasing: 1, content: true}
}

// onlyOfSources reports whether t is a concept that only some of the
// entries of the topic about the articles have (the topic of the entries
// marked about_sources: "wrote", "byline"): a question naming it asks about
// the articles themselves. One the entries about the sources all have
// ("article") is not: "which article reported the $328 million?" asks
// about the figure too.
func (e *Engine) onlyOfSources(t *Term) bool {
	if t.ID < 0 || t.Kind != nil || t.number || e.aboutSources(t) || len(e.ix.postings[t.ID]) == 0 {
		return false
	}
	var topics []string
	for i := range e.ix.entries {
		if en := e.ix.entries[i].entry; en.AboutSources && !slices.Contains(topics, en.Topic) {
			topics = append(topics, en.Topic)
		}
	}
	for _, p := range e.ix.postings[t.ID] {
		if !slices.Contains(topics, e.ix.entries[p.entry].entry.Topic) {
			return false
		}
	}
	return true
}

// figureAlone reports whether terms are the figure f and nothing else: its
// number and the words of its text ("328m?", "$263 million").
func figureAlone(terms []Term, f statedFigure) bool {
	words := strings.Fields(strings.ToLower(f.text))
	for _, t := range terms {
		if !t.number && !slices.Contains(words, strings.ToLower(t.Surface)) {
			return false
		}
	}
	return len(terms) > 0
}

// figureNotTheirs returns, for a question about what someone said (ms, the
// facts credited to them) that states a figure none of those facts states,
// the entry whose facts state it (the fewest facts first) and the name the
// question gave; else nil. The figure is then credited by its own facts.
func (e *Engine) figureNotTheirs(a *Analysis, ms []*match) (*match, *Term) {
	if len(ms) == 0 || !a.hasNumber() {
		return nil, nil
	}
	i := slices.IndexFunc(a.Terms, func(t Term) bool { return t.Class == knowledge.ClassName && t.ID >= 0 })
	if i < 0 {
		return nil, nil
	}
	asked := e.namedFigures(statedFigures(e.scannedText(a), e.bounds))
	if len(asked) == 0 {
		return nil, nil
	}
	figs := e.factFigures()
	name := a.Terms[i].ID
	theirs := func(id string) bool { // a fact credited to the one named
		return slices.ContainsFunc(e.ix.credits, func(c credit) bool { return c.fact.ID == id && slices.Contains(c.terms, name) })
	}
	for _, m := range ms {
		for _, id := range m.ei.entry.Facts {
			if theirs(id) && slices.ContainsFunc(figs[id], func(g statedFigure) bool {
				return slices.ContainsFunc(asked, func(f statedFigure) bool { return g.kind == f.kind && g.value == f.value })
			}) {
				return nil, nil // one of theirs: "did Nizam say 90%?"
			}
		}
	}
	best := e.entryStating(asked)
	if best == nil {
		return nil, nil
	}
	return &match{ei: best, score: 1, coverage: 1, phrasing: 1, content: true}, &a.Terms[i]
}

// namedFigures returns the figures of asked that name a figure of the
// facts: those stated exactly, and those bounded as a fact bounds them
// ("over a million" names the facts' "over a million people"), made exact.
func (e *Engine) namedFigures(asked []statedFigure) []statedFigure {
	figs := e.factFigures()
	out := asked[:0]
	for _, f := range asked {
		for _, gs := range figs {
			if f.bound != 0 && slices.ContainsFunc(gs, func(g statedFigure) bool { return g.kind == f.kind && g.value == f.value && g.bound == f.bound }) {
				f.bound = 0
			}
		}
		if f.bound == 0 {
			out = append(out, f)
		}
	}
	return out
}

// figureFromOther returns, for a yes-or-no question about a figure the
// facts state exactly, naming a body or person as its source ("Is the $328
// million figure from PSEB?", "did PSEB report the 328 million?"), the entry
// stating the figure and the name, when no fact stating it is credited to
// that name or names it. Otherwise nil.
func (e *Engine) figureFromOther(a *Analysis) (*match, *Term) {
	if !slices.ContainsFunc(a.Terms, func(t Term) bool {
		return e.asksFor(&t, knowledge.AsksFigure) || e.asksFor(&t, knowledge.AsksAttribution)
	}) || !e.isYesNo(a) {
		return nil, nil
	}
	i := slices.IndexFunc(a.Terms, func(t Term) bool { return t.Class == knowledge.ClassName && t.ID >= 0 })
	if i < 0 {
		return nil, nil
	}
	name := a.Terms[i].ID
	ft := e.factTerms()
	theirs := func(id string) bool {
		return slices.Contains(ft[id], name) || slices.ContainsFunc(e.ix.credits, func(c credit) bool { return c.fact.ID == id && slices.Contains(c.terms, name) })
	}
	if !a.hasNumber() {
		// "Was the FY25 figure reported by the Ministry of IT?": the
		// figure named by its year, as the question without the name
		// reads it, when the entry that answers it credits its facts to
		// someone else.
		if !slices.ContainsFunc(a.Terms, func(t Term) bool { return t.Period != "" && t.ID >= 0 }) {
			return nil, nil
		}
		rest := slices.Delete(slices.Clone(a.Terms), i, i+1)
		m, _ := e.decide(e.rank(rest), rest)
		if m == nil || slices.ContainsFunc(m.ei.entry.Facts, theirs) || !slices.ContainsFunc(m.ei.entry.Facts, func(id string) bool {
			f := e.kb.Fact(id)
			return f != nil && f.Attribution != ""
		}) {
			return nil, nil
		}
		return m, &a.Terms[i]
	}
	asked := e.namedFigures(statedFigures(e.scannedText(a), e.bounds))
	best := e.entryStating(asked)
	if best == nil {
		return nil, nil
	}
	for id, figs := range e.factFigures() {
		if !slices.ContainsFunc(figs, func(g statedFigure) bool {
			return slices.ContainsFunc(asked, func(f statedFigure) bool { return g.kind == f.kind && g.value == f.value })
		}) {
			continue
		}
		if theirs(id) {
			return nil, nil // theirs, or about them: "are 1,000 call centers registered with PSEB?"
		}
	}
	return &match{ei: best, score: 1, coverage: 1, phrasing: 1, content: true}, &a.Terms[i]
}

// entryStating returns, of the entries with a fact stating one of figs
// exactly, the one whose facts state it soonest, of those the one with the
// fewest facts (the first in order of several); or nil. A bounded figure
// ("over 300") names none.
func (e *Engine) entryStating(figs []statedFigure) *entryIndex {
	stating := e.figureEntries()
	factFigs := e.factFigures()
	// at is where in entry i's facts the first that states q comes: an
	// entry that leads with it is about it ("how many call centers are
	// there?" for PSEB's 1,000 registered centers), one that adds it
	// after another point only mentions it (what PSEB is).
	at := func(i int32, q statedFigure) int {
		return slices.IndexFunc(e.ix.entries[i].entry.Facts, func(id string) bool {
			return slices.ContainsFunc(factFigs[id], func(g statedFigure) bool { return g.kind == q.kind && g.value == q.value })
		})
	}
	bestI, bestAt := int32(-1), 0
	for _, q := range figs {
		if q.bound != 0 {
			continue
		}
		for _, i := range stating[figureKey{q.kind, q.value}] {
			n, pos := len(e.ix.entries[i].entry.Facts), at(i, q)
			if bestI < 0 || pos < bestAt || pos == bestAt && (n < len(e.ix.entries[bestI].entry.Facts) ||
				n == len(e.ix.entries[bestI].entry.Facts) && i < bestI) {
				bestI, bestAt = i, pos
			}
		}
	}
	if bestI < 0 {
		return nil
	}
	return &e.ix.entries[bestI]
}

// plainWhat reports whether the question's kinds are all plain
// what-questions (none asks for a kind of fact, or why; none is one the sources
// never answer), and it has at least one.
func plainWhat(terms []Term) bool {
	n := 0
	for _, t := range terms {
		if t.Kind != nil {
			if t.Kind.Never || len(t.Kind.Needs) > 0 || slices.Contains(t.Kind.Asks, knowledge.AsksReason) {
				return false
			}
			n++
		}
	}
	return n > 0
}

// sourceTitle returns a source's title as a reply names it: quoted, and
// marked as ours when the source has none of its own.
func (e *Engine) sourceTitle(s *knowledge.Source) string {
	t := "“" + s.Title + "”"
	if s.Untitled {
		t += " " + e.tr.Label("title_ours")
	}
	return t
}

// fromSources says which sources an answer's facts come from and whom
// they credit them to (the lexicon's optional from_sources message, then
// saidBy's), or "".
func (e *Engine) fromSources(r *Reply) string {
	msg := e.msg("from_sources")
	if msg == "" {
		return ""
	}
	var titles []string
	for _, c := range r.Citations {
		if t := e.sourceTitle(c.Source); !slices.Contains(titles, t) {
			titles = append(titles, t)
		}
	}
	lead := strings.ReplaceAll(msg, "{sources}", e.list(titles))
	if slices.ContainsFunc(r.Facts, func(f CitedFact) bool { return f.Fact.Attribution == "" && !e.namesCredited(f.Fact.Text) }) {
		// Some of it is the article's own reporting: whom the rest is
		// credited to would read as the source of all of it ("the 1
		// million employees figure" is not the SBP's).
		return lead
	}
	if by := e.saidBy(r); by != "" && by != e.msg("said_by_none") {
		lead += " " + by
	}
	return lead
}

// attributees returns whom the reply's facts are credited to, as their
// attributions name them (in the reply's language), in order.
func (e *Engine) attributees(r *Reply) []string {
	var who []string
	for _, cf := range r.Facts {
		f := cf.Fact // the English attribution: names are given as the sources give them
		if f.Attribution == "" {
			continue
		}
		// The attribution after its shortest lead-in: "according to the
		// State Bank of Pakistan" credits "the State Bank of Pakistan".
		cut := 0
		for _, in := range e.v.lex.Settings.AttributionLeadIns {
			if p := in + " "; len(p) < len(f.Attribution) && strings.EqualFold(f.Attribution[:len(p)], p) && (cut == 0 || len(p) < cut) {
				cut = len(p)
			}
		}
		w := f.Attribution[cut:]
		if n := e.tr.Name(e.kb.Lexicon.Attributee(f.Attribution)); n != "" {
			w = n
		}
		if !slices.Contains(who, w) {
			who = append(who, w)
		}
	}
	return who
}

// saidBy says whom the answer's facts are credited to, for "who said
// that?" (the lexicon's optional said_by and said_by_none messages), or "".
func (e *Engine) saidBy(r *Reply) string {
	s, _ := e.saidByWhich(r)
	return s
}

// saidByWhich is saidBy, and whether what it says points at the facts to
// tell which are whose (said_by_some): then they must be shown.
func (e *Engine) saidByWhich(r *Reply) (string, bool) {
	who := e.attributees(r)
	if len(who) == 0 {
		var named []string // whom facts that name their speaker name
		for _, f := range r.Facts {
			if n := e.creditedIn(f.Fact.Text); n != "" {
				// "P@SHA's Muhammad Umair Nizam drew a comparison...": the
				// fact itself says who; "nobody is credited" would
				// contradict it.
				if !slices.Contains(named, n) {
					named = append(named, n)
				}
			}
		}
		if len(named) > 0 {
			if msg := e.msg("said_by_some"); msg != "" && len(r.Facts) > 1 && slices.ContainsFunc(r.Facts, func(f CitedFact) bool { return e.creditedIn(f.Fact.Text) == "" }) {
				// The competition: the trends article's own point, and
				// Nizam's comparison with India.
				return strings.ReplaceAll(msg, "{term}", e.list(named)), true
			}
			return "", false
		}
		if msg := e.msg("said_by_editors"); msg != "" && !slices.ContainsFunc(r.Facts, func(f CitedFact) bool {
			s := e.kb.Source(f.Source)
			return s == nil || !s.Editorial
		}) {
			// The fiscal year explained, $65 million worked out: ours.
			return msg, false
		}
		return e.msg("said_by_none"), false
	}
	if msg := e.msg("said_by_some"); msg != "" && slices.ContainsFunc(r.Facts, func(f CitedFact) bool {
		s := e.kb.Source(f.Source)
		return f.Fact.Attribution == "" && e.creditedIn(f.Fact.Text) == "" && s != nil && !s.Editorial
	}) {
		// "who said that?" after the industry's size: the earnings are
		// the State Bank of Pakistan's, the counts the article's own.
		return strings.ReplaceAll(msg, "{term}", e.list(who)), true
	}
	if msg := e.msg("said_by"); msg != "" {
		return strings.ReplaceAll(msg, "{term}", e.list(who)), false
	}
	return "", false
}

// namesCredited reports whether text names a name or title to which some
// fact is credited (Muhammad Umair Nizam, the State Bank of Pakistan).
func (e *Engine) namesCredited(text string) bool { return e.creditedIn(text) != "" }

// creditedIn returns the first one text names to whom some fact is
// credited, by name or title, as the reply's language names them; or "".
func (e *Engine) creditedIn(text string) string {
	ids := e.termIDs(text)
	for _, c := range e.ix.credits {
		for _, id := range c.terms {
			if ti := &e.v.terms[id]; (ti.class == knowledge.ClassName || ti.class == knowledge.ClassRole) && slices.Contains(ids, id) {
				n := e.kb.Lexicon.Attributee(c.fact.Attribution)
				if t := e.tr.Name(n); t != "" {
					n = t
				}
				return n
			}
		}
	}
	return ""
}

// contentTerms counts the terms that say what is asked about: not kinds of
// question, unknown words, years, or words inside a kind's phrase.
func contentTerms(terms []Term) int {
	n := 0
	for i := range terms {
		if t := &terms[i]; t.content() && !t.within && t.Period == "" {
			n++
		}
	}
	return n
}

// statesWhatIsAsked reports whether a kind of question among terms asks
// for a figure or a name (how much, what share, who): an answer that got
// past it states one.
func statesWhatIsAsked(terms []Term) bool {
	for _, t := range terms {
		if t.Kind != nil && !t.Kind.Never && len(t.Kind.Needs) > 0 && !slices.Contains(t.Kind.Needs, knowledge.StatesPeriod) {
			return true
		}
	}
	return false
}

// termsText writes terms as a question that reads as them again: what a
// follow-up asked, borrowed words and its own ("how much call centers earn
// FY24" for "and in FY24?" after FY25's earnings), for the question after
// it to follow up (Reply.Context).
func termsText(terms []Term) string {
	var b strings.Builder
	for _, t := range terms {
		if t.ID < 0 && t.Period == "" || t.Surface == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		if t.Period != "" {
			b.WriteString(t.Period) // "aur pichlay saal?" read as FY24 stays FY24
		} else {
			b.WriteString(t.Surface)
		}
	}
	return b.String()
}

// relativeTo reads a relative year of a follow-up against the year the
// previous question asked about: after "how much did call centers earn in
// FY25?", "aur pichlay saal?" (last year) is the year before it, FY24, not
// the latest year again; after FY24, it is FY23, which no fact covers. A
// previous question that named no year is read against the years its
// answer gave (answered, its periods). "The year before (that)" is read so
// too: after FY24, it is FY23, not FY24 again.
func (e *Engine) relativeTo(terms, previous []Term, answered func() []string) {
	for i := range terms {
		t := &terms[i]
		if t.relative != "latest" && t.relative != "previous" || t.ID < 0 {
			continue
		}
		var asked []string
		for _, p := range previous {
			if p.Period != "" && !slices.Contains(asked, p.Period) {
				asked = append(asked, p.Period)
			}
		}
		if len(asked) == 0 {
			asked = answered()
		}
		if len(asked) != 1 {
			continue
		}
		yy, err := strconv.Atoi(strings.TrimPrefix(asked[0], "FY"))
		if err != nil || !strings.HasPrefix(asked[0], "FY") || yy < 1 {
			continue
		}
		before := fmt.Sprintf("FY%02d", yy-1)
		if id, ok := e.v.ids["p:"+before]; ok {
			ti := &e.v.terms[id]
			t.ID, t.Period, t.Weight = id, ti.period, e.ix.weight[id]
			t.relative = "previous" // read as the year before the one asked: said so (noteCalendarYear)
			continue
		}
		// A year no fact covers: it blocks every entry ("My sources only
		// give figures for FY24 and FY25").
		t.ID, t.Period, t.Class, t.Surface, t.Weight = -1, before, knowledge.ClassPeriod, before, e.ix.maxWeight
	}
}

// sameSubject reports whether every word of content a has (a concept of
// no salient class) is one the previous question has too.
func (e *Engine) sameSubject(a *Analysis, previous string) bool {
	p := e.Analyze(previous)
	n := 0
	for i := range a.Terms {
		t := &a.Terms[i]
		if !t.content() || t.within {
			continue
		}
		if t.Class != "" || t.ID < 0 || !slices.ContainsFunc(p.Terms, func(u Term) bool { return u.ID == t.ID }) {
			return false
		}
		n++
	}
	return n > 0
}

// FollowsUp reports whether AskAfter would read question as a follow-up of
// a previous one: it names only a year, a place or a name, points back at
// something a previous question named, or says nothing ("tell me more").
func (e *Engine) FollowsUp(question string) bool {
	a := e.Analyze(question)
	return e.borrows(&a) != nil || e.asksMore(&a)
}

// borrows returns which terms of the previous question a follows up with,
// or nil when it stands on its own (see AskAfter).
func (e *Engine) borrows(a *Analysis) func(*Term) bool {
	person, thing := e.refersBack(a)
	return e.borrowsAs(a, person, thing)
}

// borrowsAs is borrows with a's words that point back read as pointing at
// a person, a thing, or both.
func (e *Engine) borrowsAs(a *Analysis, person, thing bool) func(*Term) bool {
	if a.Greet || a.Thank || a.Introduce || len(a.Terms) == 0 {
		return nil
	}
	var names []int32
	for _, t := range a.Terms {
		if t.Class == knowledge.ClassName && t.ID >= 0 && !slices.Contains(names, t.ID) {
			names = append(names, t.ID)
		}
	}
	if len(names) >= 2 {
		return nil // "what did both CCAP and P@SHA say?": two names are a subject of its own
	}
	has := func(class string) bool {
		return slices.ContainsFunc(a.Terms, func(u Term) bool { return u.Class == class })
	}
	hasKind := slices.ContainsFunc(a.Terms, func(u Term) bool { return u.Kind != nil })
	own := false    // asks about something itself, not only who said what
	quotes := false // asks who said it: "kis ne kaha?" points back without a word for it
	for i := range a.Terms {
		t := &a.Terms[i]
		switch {
		case e.asksFor(t, knowledge.AsksAttribution):
			quotes = true
		case e.refersAt(a, t), e.relativeAlone(a, t):
			// "ye number kis ne diya?": the number is the answer before;
			// "and the rest?": the rest of it.
		case t.content() && !t.within && t.Class == "", t.Unknown:
			// ("what percent?" asks nothing of its own: "percent" is the
			// kind's; "what does CCAP think about it?" asks of CCAP what
			// "it" points at.)
			own = true
		}
	}
	thing = thing || quotes || slices.ContainsFunc(a.Terms, func(t Term) bool { return e.relativeAlone(a, &t) })
	kindsOnly := !slices.ContainsFunc(a.Terms, func(t Term) bool { return (t.Kind == nil && !t.within) || t.Kind != nil && t.Kind.Never })
	// A kind that says what it counts ("aur kitne call centers hain?")
	// asks a question of its own: of the previous one it keeps only the
	// year, place or name ("kitne log" in FY25 in Lahore).
	counts := slices.ContainsFunc(a.Terms, func(u Term) bool { return u.within }) &&
		slices.ContainsFunc(a.Terms, func(u Term) bool { return u.Kind != nil && slices.Contains(u.Kind.Needs, knowledge.StatesCount) })
	switch {
	case person && !thing && has(knowledge.ClassName) && !kindsOnly:
		// "is he from P@SHA?" after "who is Adeel Azhar?": he is a name
		// the last question had, asked of with the one this names.
		return func(t *Term) bool {
			return t.Class == knowledge.ClassName && !slices.ContainsFunc(a.Terms, func(u Term) bool { return u.ID == t.ID })
		}
	case person && !thing && kindsOnly && !has(knowledge.ClassName):
		// "what is his title?", "where is he from?": asked of the names
		// previous had, not again of what it asked about them.
		return func(t *Term) bool { return t.Class == knowledge.ClassName || t.Class == knowledge.ClassRole }
	case salientOnly(a.Terms), thing && !own, kindsOnly:
		// What previous asked, of what this one names instead.
		// A kind of its own replaces the last question's with the words
		// read inside it: "which countries?" after "what percent is for
		// overseas clients?" asks where those clients are, not a percent.
		return func(t *Term) bool {
			return (t.Class == "" || !has(t.Class)) && (t.Kind == nil && !t.within || !hasKind) && !(counts && t.Class == "")
		}
	case person && !has(knowledge.ClassName):
		return func(t *Term) bool { return t.Class == knowledge.ClassName || t.Class == knowledge.ClassRole }
	}
	return nil
}

// relativeAlone reports whether t is a relative concept (knowledge.Concept.
// Relative) in a short message with no other word of content: "and the
// rest?", "baqi?".
func (e *Engine) relativeAlone(a *Analysis, t *Term) bool {
	if t.ID < 0 || len(a.toks) > shortFollowUp {
		return false
	}
	if c := e.v.terms[t.ID].concept; c == nil || !c.Relative {
		return false
	}
	return !slices.ContainsFunc(a.Terms, func(u Term) bool { return u.ID != t.ID && u.content() })
}

// refersAt reports whether t is a concept that refers (knowledge.Concept.
// Refers) right after a word that points back: "this figure", "ye number".
func (e *Engine) refersAt(a *Analysis, t *Term) bool {
	if t.ID < 0 || t.Tok < 1 || t.Tok > len(a.toks) {
		return false
	}
	if c := e.v.terms[t.ID].concept; c == nil || !c.Refers {
		return false
	}
	p := &a.toks[t.Tok-1]
	l := langIndex(a.Lang)
	if p.urdu {
		l = langUr
	}
	return e.thingRefs.has(l, p)
}

// asksWhoSaid reports whether a asks only who said or reported something
// ("who said that?", "kis ne bataya?"): a word of saying, perhaps a kind of
// question, and nothing else.
func (e *Engine) asksWhoSaid(a *Analysis) bool {
	said, who, pointed := false, false, false
	for i := range a.Terms {
		t := &a.Terms[i]
		switch {
		case e.asksFor(t, knowledge.AsksAttribution):
			said = true
		case e.refersAt(a, t):
			pointed = true
		case t.Kind != nil && !t.Kind.Never:
			who = who || slices.Contains(t.Kind.Needs, knowledge.StatesName)
		default:
			return false
		}
	}
	// "ye calculation kis ne ki?": who did what was just answered.
	return said || who && pointed
}

// endsPointingBack reports whether a word that points back at a thing
// comes after every word of content: "what does CCAP think about it?"
// asks of CCAP what came before, where "kya yeh sach hai ke India ko Dabba
// capital kaha jata hai?" ("is it true that...") asks what follows.
func (e *Engine) endsPointingBack(a *Analysis) bool {
	last := -1
	for _, t := range a.Terms {
		if t.Tok >= 0 && (t.content() || t.Unknown) {
			last = max(last, t.Tok+len(strings.Fields(t.Surface))-1)
		}
	}
	return a.hasWordFrom(e.thingRefs, last+1)
}

// hasWordFrom reports whether a word of the message from token from on is
// in set, each read in its own language (Urdu script as Urdu).
func (a *Analysis) hasWordFrom(set wordSet, from int) bool {
	lang := langIndex(a.Lang)
	for i := max(from, 0); i < len(a.toks); i++ {
		t := &a.toks[i]
		l := lang
		if t.urdu {
			l = langUr
		}
		if set.has(l, t) {
			return true
		}
	}
	return false
}

// refersBack reports whether a has a word that points back at a person or
// at a thing (the lexicon's references), one not read as part of a term
// ("IT" is the sector, not "it"). A word in both lists ("wo", "یہ": "he"
// or "that") before a word of content points at a thing ("ye bpo kya
// hai": this BPO), and otherwise at either ("wo kis tanzeem se hai").
func (e *Engine) refersBack(a *Analysis) (person, thing bool) {
	inTerm := make([]bool, len(a.toks))
	inKind := make([]bool, len(a.toks)) // within a kind's phrase: "his title" still points at him
	startsContent := make([]bool, len(a.toks)+1)
	for _, t := range a.Terms {
		for i := t.Tok; i >= 0 && i < len(a.toks) && i < t.Tok+len(strings.Fields(t.Surface)); i++ {
			if t.Kind != nil {
				inKind[i] = true
			} else {
				inTerm[i] = true
			}
		}
		if t.Tok >= 0 && t.Tok < len(a.toks) && (t.content() || t.Unknown) {
			startsContent[t.Tok] = true
		}
	}
	saying := slices.ContainsFunc(a.Terms, func(t Term) bool { return e.asksFor(&t, knowledge.AsksAttribution) })
	lang := langIndex(a.Lang)
	for i := range a.toks {
		t := &a.toks[i]
		if inTerm[i] {
			continue
		}
		l := lang
		if t.urdu {
			l = langUr
		}
		p, th := e.personRefs.has(l, t), e.thingRefs.has(l, t)
		if inKind[i] {
			th = false // "how does it compare" asks nothing of a thing before
		}
		switch {
		case p && th && startsContent[i+1]:
			p = false // a determiner: "that organisation", "ye bpo"
		case p && th && !saying:
			th = false // "وہ کون ہیں؟" after Nizam's remarks: who he is ("یہ کس نے کہا؟" asks who said it)
		}
		person, thing = person || p, thing || th
	}
	return person, thing
}

// refersBoth reports whether a word of a points back at a person or a
// thing alike ("us", "wo", "یہ": in both of the lexicon's references).
func (e *Engine) refersBoth(a *Analysis) bool {
	lang := langIndex(a.Lang)
	for i := range a.toks {
		t := &a.toks[i]
		l := lang
		if t.urdu {
			l = langUr
		}
		if e.personRefs.has(l, t) && e.thingRefs.has(l, t) {
			return true
		}
	}
	return false
}

// asksMore reports whether a says nothing but that it wants more ("tell me
// more", "aur batao", "details?"), when the lexicon has a more message.
func (e *Engine) asksMore(a *Analysis) bool {
	return len(a.Terms) == 0 && strings.TrimSpace(a.Text) != "" && !a.Greet && !a.Thank && !a.Introduce &&
		e.v.lex.Messages["more"] != "" && slices.ContainsFunc(a.toks, func(t token) bool { return !t.num }) &&
		!e.asksSummary(a) // "give me a summary" after an answer asks for the summary
}

// offerMore answers "tell me more" after an answer with that answer's
// follow-ups, or returns nil.
func (e *Engine) offerMore(previous string, a *Analysis) *Reply {
	if previous == "" || !e.asksMore(a) {
		return nil
	}
	p := e.Ask(previous)
	if !p.Answered || len(p.Related) == 0 {
		return nil
	}
	return &Reply{Question: a.Text, Reason: OfferedMore, Decline: e.message("more", "", nil), Suggestions: p.Related, FollowUp: true}
}

// A wordSet is a set of words per language, held by their word keys.
type wordSet [numLangs]map[string]bool

// newWordSet returns the set of the forms.
func newWordSet(f knowledge.Forms) wordSet {
	var s wordSet
	for l := range numLangs {
		s[l] = map[string]bool{}
		for _, w := range f.Of(langNames[l]) {
			s[l][wordKey(l, strings.ToLower(fold.Letters(w)))] = true
		}
	}
	return s
}

// keys returns the set's keys in language l, sorted (for the snapshot).
func (s wordSet) keys(l int) []string {
	return slices.Sorted(maps.Keys(s[l]))
}

// load sets the set's keys in language l.
func (s *wordSet) load(l int, keys []string) {
	s[l] = make(map[string]bool, len(keys))
	for _, k := range keys {
		s[l][k] = true
	}
}

// has reports whether token t, read in language l, is in the set.
func (s wordSet) has(l int, t *token) bool { return s[l][t.key(l)] }

// salientOnly reports whether the terms are years, places and names, perhaps
// with a question word asking for a figure, and there is one.
func salientOnly(terms []Term) bool {
	salient := false
	for _, t := range terms {
		switch {
		case t.Class == knowledge.ClassPeriod || t.Class == knowledge.ClassPlace || t.Class == knowledge.ClassName:
			salient = true
		case t.Kind != nil && !t.Kind.Never && slices.ContainsFunc(t.Kind.Needs, func(n string) bool {
			return n == knowledge.StatesMoney || n == knowledge.StatesCount || n == knowledge.StatesPercent
		}):
			// "karachi mein kitne hain?": a figure asked of a place asks
			// what the last question asked, there. ("What is CCAP?" and
			// "who is Adeel Azhar?" stand on their own.)
		default:
			return false
		}
	}
	return salient
}

// otherScript reports whether most letters of s are in a script other than
// the Latin and Arabic ones the bot reads (Devanagari, Chinese, Cyrillic...).
func otherScript(s string) bool {
	read, other := 0, 0
	for _, r := range s {
		switch {
		case !unicode.IsLetter(r):
		case unicode.In(r, unicode.Latin, unicode.Arabic):
			read++
		default:
			other++
		}
	}
	return other > read
}

func (e *Engine) ask(a Analysis) *Reply {
	r := &Reply{Question: a.Text}
	content := 0
	for _, t := range a.Terms {
		if t.content() || t.Name {
			content++
		}
		if t.Unknown && !slices.Contains(r.Unknown, t.Surface) {
			r.Unknown = append(r.Unknown, t.Surface)
		}
	}
	switch {
	case a.Introduce && content == 0:
		return e.introduce(r)
	case len(a.Terms) == 0 && (a.Greet || a.Thank):
		if a.Thank && !a.Greet && a.farewell != nil {
			return e.greet(r, false, e.kindMessage(a.farewell))
		}
		return e.greet(r, a.Thank && !a.Greet, e.kindMessage(a.greeting))
	case otherScript(a.Text) && e.v.lex.Messages["other_script"] != "":
		// "कॉल सेंटर ने कितना कमाया?", "पाकिस्तान के कॉल सेंटरों ने FY25 में
		// कितना कमाया?": a script the bot does not read, even with a word
		// it does.
		e.decline(r, nil, nil, DeclineNotCovered)
		r.Decline = e.message("other_script", "", nil)
		return r
	case e.asksSummary(&a) && e.onlySummary(&a):
		// "give me a summary", "khulasa batao": the sources and what
		// each covers.
		if ei := e.entryIndexOf(e.kb.Entry(e.v.lex.Settings.Summary.Entry)); ei != nil {
			e.answer(r, []*match{{ei: ei, score: 1, coverage: 1, phrasing: 1, content: true}})
			return r
		}
		return e.decline(r, nil, nil, DeclineEmpty)
	case len(a.Terms) == 0:
		return e.decline(r, nil, nil, DeclineEmpty)
	case repetitive(a.toks):
		// "call center call center call center ..." a thousand times: no
		// question, whatever words it repeats.
		e.decline(r, nil, nil, DeclineEmpty)
		if msg := e.msg("repeated"); msg != "" {
			r.Decline = e.message("repeated", "", nil)
		}
		return r
	case e.msg("unreadable") != "" && unreadable(&a):
		// "asdkjh qwpeoiru zxmcnv": keys struck at random, not a name
		// the sources don't mention.
		e.decline(r, nil, nil, DeclineEmpty)
		r.Decline = e.message("unreadable", "", nil)
		return r
	}
	defer e.noteCalendarYear(r, a.Text, a.Terms)
	defer e.noteDirection(r, a.Terms) // after notePremise: a contradicted figure is said first
	defer e.notePlaceBroader(r, a.Terms)
	defer e.notePremise(r, a.Text, a.scanned, a.hasNumber(), a.hasNumber() && e.checksFigure(&a))
	if slices.ContainsFunc(a.Terms, func(t Term) bool { return e.asksFor(&t, knowledge.AsksOtherPerson) }) {
		if o := e.otherPerson("", &a); o != nil {
			// "who is the other guy?" with nothing before: which one is
			// asked back.
			o.FollowUp = false
			return o
		}
	}
	ms, who := e.quoted(a.Terms)
	if len(ms) > 0 && e.isYesNo(&a) && !a.hasNumber() && !e.quotesSay(&a, ms) {
		// "Did the State Bank of Pakistan say the sector has a bright
		// future?": its remarks in an entry about the future do not say
		// so themselves; asked yes or no, that is not what it said (see
		// creditedElsewhere).
		theirs := map[string]bool{}
		for _, m := range ms {
			maps.Copy(theirs, m.only)
		}
		ms = nil
		if m, who := e.creditedElsewhere(a.Terms); m != nil {
			e.creditedOnly(a.Terms, m)
			e.answer(r, []*match{m})
			r.Premise = e.notCredited(r, who)
			if msg := e.msg("not_said"); msg != "" && slices.ContainsFunc(r.Facts, func(f CitedFact) bool { return theirs[f.Fact.ID] }) {
				// "Did Nizam say the crackdown should stop?": his own
				// warning answers it, so the sources do credit him, just
				// not with that.
				r.Premise = e.message("not_said", "", map[string]string{"{who}": e.list(e.attributees(r))})
			}
			return r
		}
	}
	if (len(ms) > 0 || who != nil) && e.asksBesidesQuote(&a, ms) {
		ms, who = nil, nil // "dabba scam kya hai aur P@SHA ka kya kehna hai": each part, below
	}
	if len(ms) == 0 && who == nil {
		ms = e.quotedEach(a.Terms) // "what did both of them say?": each one's remarks
	}
	var wrongRole *Term
	if len(ms) == 0 && e.v.lex.Messages["role_other"] != "" {
		// "What did P@SHA president Umair Nizam say about the
		// crackdown?": what he said, after saying the sources don't give
		// him that title (his own heads it). Only a title right before a
		// name is his: "what did the chairman of P@SHA say?" asks for
		// someone the sources don't name.
		// So is one set off by a comma right after a name ("What did Umair
		// Nizam, president of CCAP, say?"), with the body it names.
		apposed := func(t, n Term) bool {
			return n.Tok+len(strings.Fields(n.Surface)) == t.Tok && t.Tok < len(a.toks) && a.toks[t.Tok].comma
		}
		if i := slices.IndexFunc(a.Terms, func(t Term) bool {
			return t.Class == knowledge.ClassRole && t.Tok >= 0 && slices.ContainsFunc(a.Terms, func(n Term) bool {
				return n.Class == knowledge.ClassName && n.ID >= 0 && (n.Tok == t.Tok+len(strings.Fields(t.Surface)) || apposed(t, n))
			})
		}); i >= 0 {
			role := a.Terms[i]
			rest := slices.DeleteFunc(slices.Clone(a.Terms), func(t Term) bool {
				return t.Class == knowledge.ClassRole || t.Class == knowledge.ClassName && t.Tok > role.Tok && t.Tok <= role.Tok+3 &&
					slices.ContainsFunc(a.Terms, func(n Term) bool { return n.Class == knowledge.ClassName && apposed(role, n) })
			})
			if ms2, _ := e.quoted(rest); len(ms2) > 0 {
				ms, who, wrongRole = ms2, nil, &a.Terms[i]
			}
		}
	}
	if ei, ok := e.ix.exact[exactKey(&a)]; ok && ei >= 0 {
		if len(ms) > 0 && slices.ContainsFunc(ms, func(m *match) bool { return m.ei == &e.ix.entries[ei] }) {
			// "What did Adeel Azhar say?", a phrasing of his entry: what
			// he said, headed so.
			e.answer(r, ms)
			e.gatherQuotes(r)
			return r
		}
		m := match{ei: &e.ix.entries[ei], score: 1, coverage: 1, phrasing: 1, content: true}
		e.answer(r, []*match{&m})
		return r
	}
	if m, name := e.figureNotTheirs(&a, ms); m != nil {
		// "did Adeel Azhar say 328 million?": the sources credit the
		// $328 million to the State Bank of Pakistan, not to him.
		e.answer(r, []*match{m})
		r.Premise = e.notCredited(r, name)
		return r
	}
	if len(ms) == 0 {
		if m, name := e.figureFromOther(&a); m != nil {
			// "Is the $328 million figure from PSEB?": the sources
			// credit it to the State Bank of Pakistan.
			e.answer(r, []*match{m})
			r.Premise = e.notCredited(r, name)
			return r
		}
	}
	if len(ms) > 0 {
		e.answer(r, ms)
		e.gatherQuotes(r)
		if wrongRole != nil {
			r.Premise = e.message("role_other", displayTerm(e.asTyped(r.Question, wrongRole)), nil)
		}
		return r
	} else if who != nil {
		ranked := e.rank(a.Terms)
		if e.isYesNo(&a) {
			if m, _ := e.creditedElsewhere(a.Terms); m != nil {
				// "did Adeel Azhar say most call centers are ethical?":
				// what the sources say of it, and whom they credit it to,
				// after saying they don't credit it to him.
				e.creditedOnly(a.Terms, m)
				e.answer(r, []*match{m})
				r.Premise = e.notCredited(r, who)
				return r
			}
			// "Did Adeel Azhar warn about excessive crackdowns?": what
			// the sources say of the warning (Nizam's), after saying
			// they don't say it of him.
			if m := e.otherName(ranked, a.Terms, who, true, true); m != nil {
				e.answer(r, []*match{m})
				r.Premise = e.blockMessage(e.asTyped(r.Question, who))
				return r
			}
		}
		return e.decline(r, ranked, who, DeclineUnsupported)
	}
	if m := e.periodsCompared(&a); m != nil {
		// "Which year was bigger, FY24 or FY25?": the change from one
		// to the other.
		e.answer(r, []*match{m})
		return r
	}
	if m := e.figureOfPeriod(&a); m != nil {
		// "What was the FY24 figure?": FY24's earnings, the one entry
		// of FY24's figures (not the industry's size, with FY24 in it).
		e.answer(r, []*match{m})
		if e.whoSaidOf(a.Terms, true) {
			// "Who reported the FY24 figure?": the SBP.
			r.Premise = e.saidBy(r)
		}
		return r
	}
	if m := e.figureNamed(&a); m != nil {
		// "In which year did call centers earn $263 million?": FY24's.
		e.answer(r, []*match{m})
		if e.whoSaidOf(a.Terms, true) {
			// "Who said 90% work for overseas clients?": the article's
			// own reporting; "who reported the 24.6%?": the SBP.
			r.Premise = e.saidBy(r)
		}
		return r
	}
	if m, n := e.countOfList(&a); m != nil && e.msg("list_count") != "" {
		// "how many challenges are listed?": the list, and how long it is.
		e.answer(r, []*match{m})
		r.Note = strings.ReplaceAll(e.msg("list_count"), "{count}", strconv.Itoa(n))
		return r
	}
	if m := e.topOfList(&a); m != nil {
		// "top 5 trends": the five the sources list, not a ranking.
		e.answer(r, []*match{m})
		if msg := e.msg("list_unranked"); msg != "" {
			r.Note = strings.ReplaceAll(msg, "{count}", strconv.Itoa(len(m.only)))
		}
		return r
	}
	if m, n := e.nthItem(&a); m != nil {
		// "what is the third key trend?": that point of the list alone;
		// "the 6th key trend": the list, saying how long it is.
		e.answer(r, []*match{m})
		if m.only == nil && e.msg("list_end") != "" {
			r.Note = strings.ReplaceAll(e.msg("list_end"), "{count}", strconv.Itoa(n))
		}
		return r
	}
	if m, lead := e.sourceOf(&a); m != nil {
		if in := e.inSource(&a); in != nil {
			// "Does the first article mention any numbers about market
			// size?": what that article says of it, not which article has it.
			in.tr = r.tr
			return in
		}
		// "which article mentions tax incentives?": the incentives, from
		// the article that has them.
		e.answer(r, []*match{m})
		if lead {
			r.Premise = e.fromSources(r)
		}
		return r
	}
	if t, ok := e.figureAsks(&a); ok {
		// "are there more than 1500 call centers?": how many there are.
		a.Terms = append(slices.Clip(a.Terms), t)
	}
	ranked := e.rank(a.Terms)
	if e.vague(a.Terms) {
		// Nothing in it picks an entry out ("are there call centers in
		// pakistan?" reads as "call centers", "pakistan"): not answered with
		// whichever entry happens to rank first.
		return e.decline(r, ranked, nil, DeclineUnsure)
	}
	best, blocker := e.decide(ranked, a.Terms)
	if best == nil && (blocker == nil || blocker.Kind != nil && blocker.Kind.Context) &&
		slices.ContainsFunc(a.Terms, func(t Term) bool { return t.Kind != nil && t.Kind.Context }) {
		ctx := blocker
		if ctx == nil {
			ctx = &a.Terms[slices.IndexFunc(a.Terms, func(t Term) bool { return t.Kind != nil && t.Kind.Context })]
		}
		if m, clause := e.withoutContext(&a); m != nil && (clause || blocker != nil) {
			// "what challenges should I expect if I start a BPO?": the
			// challenges, and that the sources give no guidance on
			// setting one up.
			e.answer(r, []*match{m})
			r.Note = e.message("partial", "", map[string]string{"{reason}": lowerFirst(e.blockMessage(e.asTyped(r.Question, ctx)))})
			return r
		}
	}
	if i := slices.IndexFunc(a.Terms, func(t Term) bool { return t.Class == knowledge.ClassPeriod && t.ID < 0 }); best == nil && i >= 0 && a.hasNumber() {
		if m, premise := e.figureOfUncoveredPeriod(&a, &a.Terms[i]); m != nil {
			// "the SBP reported $263 million for FY23": declined for
			// FY23, saying that is FY24's figure, which is suggested
			// first.
			r.Suggestions = append(r.Suggestions, m.ei.entry)
			e.decline(r, ranked, &a.Terms[i], DeclineUnsupported)
			r.Decline = premise
			return r
		}
	}
	parts, partBlocker := e.askParts(&a, best)
	if b := blocker; best == nil && len(parts) < 2 && e.v.lex.Messages["name_other"] != "" {
		if b == nil {
			b = e.whyNot(a.Terms, ranked, nil)
		}
		if b != nil {
			if m, name := e.definedOther(&a, ranked, b); m != nil {
				// "CCAP means call center association of punjab?": what
				// CCAP stands for, after saying the sources don't link
				// it with Punjab.
				e.answer(r, []*match{m})
				r.Premise = e.message("name_other", displayTerm(e.asTyped(r.Question, b)),
					map[string]string{"{name}": displayTerm(e.asTyped(r.Question, name))})
				return r
			}
		}
	}
	if best == nil && blocker != nil && len(parts) < 2 {
		if m := e.otherName(ranked, a.Terms, blocker, e.isYesNo(&a), e.offersName(&a)); m != nil {
			// "Is Adeel Azhar the president of P@SHA?": what the sources
			// say of him, after saying they don't link him with P@SHA.
			e.answer(r, []*match{m})
			r.Premise = e.blockMessage(e.asTyped(r.Question, blocker))
			if name := e.primaryName(m, a.Terms, blocker); name != nil && e.v.lex.Messages["name_other"] != "" {
				// "Is Adeel Azhar from P@SHA?": the two are not linked.
				r.Premise = e.message("name_other", displayTerm(e.asTyped(r.Question, blocker)),
					map[string]string{"{name}": displayTerm(e.asTyped(r.Question, name))})
			}
			return r
		}
	}
	if best == nil && len(parts) < 2 && e.isYesNo(&a) {
		if m, who := e.creditedElsewhere(a.Terms); m != nil {
			// "Did the PSEB chairman say most call centers operate
			// ethically?": what the sources say, and whom they credit it
			// to, after saying they don't credit it to the one named.
			e.answer(r, []*match{m})
			r.Premise = e.notCredited(r, who)
			return r
		}
	}
	if best == nil && len(parts) < 2 && e.whoSaidOf(a.Terms, true) {
		if m := e.saidOf(a.Terms); m != nil {
			// "Who reported the employment figure?": the figure, led by
			// whom the sources credit it to, or that they credit no one
			// (the words of asking who weighed it towards the entries
			// about the sources).
			e.answer(r, []*match{m})
			r.Premise = e.saidBy(r)
			return r
		}
	}
	if best == nil && len(parts) < 2 {
		if m, role := e.otherRole(a.Terms); m != nil {
			// "Is Umair Nizam the chairman of P@SHA?": what the sources
			// say of him (senior vice chairman), after saying they don't
			// give him that title.
			e.answer(r, []*match{m})
			r.Premise = e.message("role_other", displayTerm(e.asTyped(r.Question, role)), nil)
			return r
		}
	}
	switch {
	case len(parts) > 1 && (best == nil || containsMatch(parts, best) ||
		best.ei.entry.AboutSources && !slices.ContainsFunc(a.Terms, func(t Term) bool { return e.aboutSources(&t) })):
		// A question that asks two covered things gets both parts; so
		// does one whose whole reached only an article's summary without
		// asking about the articles ("FY25 earnings and number of call
		// centers?").
		e.answer(r, parts)
	case best != nil:
		e.creditedOnly(a.Terms, best)
		ms := e.withReasons(a.Terms, best)
		e.answer(r, ms)
		if e.whoSaidOf(a.Terms, false) && r.Premise == "" {
			// "Who said 90% work for overseas clients?": whom the
			// sources credit, or that they credit no one, first.
			r.Premise = e.saidBy(r)
		}
		e.headReasons(r, len(ms) > 1, 1)
		e.narrowToPlace(r, a.Terms)
		if len(parts) == 1 && parts[0].ei == best.ei && partBlocker != nil {
			break // answered, and another part is not covered: say so
		}
		return r
	case len(parts) == 1:
		e.answer(r, parts) // part of the question is covered: answer that part
	default:
		return e.declineRanked(r, &a, ranked, blocker)
	}
	if partBlocker != nil && (partBlocker.Kind == nil || !partBlocker.Kind.Aside) {
		r.Note = e.message("partial", "", map[string]string{"{reason}": lowerFirst(e.blockMessage(e.asTyped(r.Question, partBlocker)))})
	}
	return r
}

// noteCalendarYear tells, on an answer with figures, that a calendar year
// in the question was read as a fiscal year ("2024" as FY24), with the
// knowledge base's calendar_year message, if it has one.
func (e *Engine) noteCalendarYear(r *Reply, text string, terms []Term) {
	if !r.Answered || len(r.Periods())+len(r.reportPeriods()) == 0 {
		return
	}
	if ys := e.v.scan.calendarYears(text); len(ys) > 0 && e.msg("calendar_year") != "" {
		r.calendarNote = strings.ReplaceAll(e.msg("calendar_year"), "{year}", ys[0])
		return
	}
	// "How much did call centers earn last year?": which fiscal year "last
	// year" was read as (the lexicon's optional relative_latest and
	// relative_previous messages), since the asker's year may not be it.
	for i := range terms {
		t := &terms[i]
		if t.relative == "" || t.Tok < 0 || t.Period == "" || !slices.Contains(r.Periods(), t.Period) {
			continue
		}
		if msg := e.msg("relative_" + t.relative); msg != "" {
			r.calendarNote = strings.NewReplacer("{term}", e.asTyped(text, t).Surface, "{period}", t.Period).Replace(msg)
		}
		return
	}
}

// declineRanked declines a question nothing answered: for a blocking term
// when there is one (an unknown name first), as "did you mean" when the best
// entry is close, and otherwise as not covered.
func (e *Engine) declineRanked(r *Reply, a *Analysis, ranked []match, blocker *Term) *Reply {
	p := &e.policy
	blocker = e.whyNot(a.Terms, ranked, blocker)
	if blocker != nil && blocker.Class == knowledge.ClassPlace && !e.onTopic(a.Terms) && (len(ranked) == 0 || ranked[0].coverage < p.SuggestCoverage) {
		// "What is the capital of France?": nothing of the sector, and
		// nothing near: off-topic, not a question the sources answer for
		// other places than France.
		blocker = nil
	}
	switch {
	case blocker != nil:
		return e.decline(r, ranked, e.alsoBlocking(a.Terms, ranked, blocker), DeclineUnsupported)
	case len(ranked) > 0 && ranked[0].content && ranked[0].score >= p.AskScore && ranked[0].coverage >= p.AskCoverage:
		if b := e.blocker(ranked[0].ei, a.Terms); b != nil && b.Kind != nil && !b.Kind.Never {
			// "Which countries were clients in FY24?": the nearest entry
			// (what FY24 is) names no country, but the next one near
			// does (the clients' countries): that is asked back, first,
			// not "my sources don't say where".
			for i := 1; i < min(3, len(ranked)); i++ {
				m := ranked[i]
				if m.content && m.score >= p.AskScore && m.coverage >= p.AskCoverage && e.blocker(m.ei, a.Terms) == nil {
					reordered := append([]match{m}, slices.Delete(slices.Clone(ranked), i, i+1)...)
					return e.decline(r, reordered, nil, DeclineUnsure)
				}
			}
		}
		if b := e.blocker(ranked[0].ei, a.Terms); b != nil && (b.Kind != nil || b.Class == knowledge.ClassPlace) {
			// "how much FDI came into BPO?": the nearest entry (the IT
			// parks) gives no sum; "Germany ke clients kitne percent
			// hain?": the nearest (the overseas share) is not given for
			// Germany. Offering it back would not answer what was
			// asked. (A metric it lacks may be one another entry has:
			// then it is asked back; see decide.)
			return e.decline(r, ranked, e.alsoBlocking(a.Terms, ranked, b), DeclineUnsupported)
		}
		return e.decline(r, ranked, nil, DeclineUnsure)
	}
	e.decline(r, ranked, nil, DeclineNotCovered)
	r.offTopic = !e.onTopic(a.Terms)
	if !r.offTopic {
		// "What shift timings do call centers have?": about the sector,
		// just not in the sources, and not an off-topic question.
		r.Decline = e.message("not_found", "", nil)
	}
	return r
}

// onTopic reports whether a term is a concept of the sector (Domain).
func (e *Engine) onTopic(terms []Term) bool {
	for i := range terms {
		if t := &terms[i]; t.ID >= 0 {
			if c := e.v.terms[t.ID].concept; c != nil && c.Domain {
				return true
			}
		}
	}
	return false
}

// alsoBlocking returns the blocker, naming with it the other places (or
// periods) of the question that the nearest entry does not support either:
// "call centers in Lahore and Islamabad" is declined for both.
func (e *Engine) alsoBlocking(terms []Term, ranked []match, blocker *Term) *Term {
	if blocker.Class == knowledge.ClassRole {
		// "who heads PSEB?": the title the sources don't give is PSEB's.
		// A body's title, not a person's: "Adeel Azhar is CEO of PSEB?"
		// asks for PSEB's.
		for i := range terms {
			if t := &terms[i]; t.Class == knowledge.ClassName && t.ID >= 0 && !t.Name && !e.isPerson(t.ID) {
				b := *blocker
				b.of = e.shownTerm(t)
				return &b
			}
		}
	}
	if blocker.Class != knowledge.ClassPlace && blocker.Class != knowledge.ClassPeriod {
		return blocker
	}
	named := []*Term{blocker}
	for i := range terms {
		t := &terms[i]
		if t.Class != blocker.Class || t.Surface == blocker.Surface || t.Tok == blocker.Tok {
			continue
		}
		if t.ID >= 0 && len(ranked) > 0 && (ranked[0].ei.hasPrimary(t.ID) || ranked[0].ei.hasSecondary(t.ID)) {
			continue // the nearest entry has this one
		}
		if t.ID >= 0 && blocker.ID < 0 {
			continue // one the sources cover, beside one they do not cover at all
		}
		named = append(named, t)
	}
	if len(named) == 1 {
		return blocker
	}
	slices.SortStableFunc(named, func(a, b *Term) int { return a.Tok - b.Tok }) // as the question names them
	names := make([]string, len(named))
	for i, t := range named {
		names[i] = t.Surface
	}
	b := *blocker
	b.Surface = strings.Join(names, " or ")
	return &b
}

// whyNot returns the term that explains why a question is not answered:
// a term no entry supports (an unknown name, a year or a place the sources
// never mention, a kind of question never answered), else the most telling
// term the nearest entry with content lacks; or blocker, the one decide
// found.
func (e *Engine) whyNot(terms []Term, ranked []match, decided *Term) *Term {
	var blocker *Term
	consider := func(t *Term) {
		if t != nil && (blocker == nil || e.moreTelling(t, blocker)) {
			blocker = t
		}
	}
	for i := range terms {
		t := &terms[i]
		switch {
		case breakdown(t) && !e.hasCovered(terms, t):
			// A place with nothing else the sources have: not "not
			// broken down for Lahore" (the weather in لاہور); another
			// term may still say why ("average salary in Karachi").
		case t.Name, t.Class != "" && (t.ID < 0 || len(e.ix.postings[t.ID]) == 0):
			consider(t)
		case t.Kind != nil && t.Kind.Never && !e.anyKinds(t.ID):
			consider(t)
		}
	}
	if blocker != nil && !(blocker.Class != "" && offTopicWord(terms, blocker)) {
		return blocker
	}
	blocker = nil
	// When every near entry lacks something, the most telling of what they
	// lack ("india's bpo revenue": one entry lacks India, another revenue;
	// India is named). When one lacks nothing, no term is to blame: it is
	// just not close enough ("Adeel Azhar's phone number" is not declined
	// for Adeel Azhar).
	for i := range min(3, len(ranked)) {
		m := &ranked[i]
		if m.coverage < e.policy.SuggestCoverage || !m.content {
			continue
		}
		b := e.blocker(m.ei, terms)
		if b == nil && decided == nil {
			return nil
		}
		if i == 0 && b != nil && (b.Class == knowledge.ClassRole || b.Class == knowledge.ClassName && b.ID >= 0 && len(e.ix.postings[b.ID]) > 0) {
			// The nearest entry has everything but the role ("who is
			// the president of P@SHA": P@SHA's entry lacks a president):
			// the role is what the sources lack, not the name. Or all
			// but a name they know ("Adeel Azhar ne India ko Dabba
			// capital kyun kaha?"): they don't say it of him.
			return b
		}
		if i == 0 && b != nil && b.Kind != nil && !slices.ContainsFunc(terms, func(t Term) bool {
			return t.content() && t.ID >= 0 && !m.ei.hasPrimary(t.ID) && !m.ei.hasSecondary(t.ID)
		}) {
			// The nearest entry has every word of the question but what
			// it asks for ("how many hours ahead of the UK?": the time
			// zone, with no number of hours): that is what is not given,
			// not the UK.
			return b
		}
		consider(b)
	}
	consider(decided)
	if blocker != nil && blocker.Class != "" && offTopicWord(terms, blocker) {
		// "What is the weather in Karachi": the sources lack the weather
		// as much as Karachi; naming Karachi would say they have the
		// weather elsewhere. Not covered, without a term.
		return nil
	}
	return blocker
}

// isPerson reports whether term id is a person's name (a concept marked
// person: true).
func (e *Engine) isPerson(id int32) bool {
	c := e.v.terms[id].concept
	return c != nil && c.Person
}

// breakdown reports whether a decline for t says the sources have the rest
// of the question, just not for t ("don't give that for Lahore"). A
// year alone is still declined for the year: the decline names the years
// the sources have.
func breakdown(t *Term) bool {
	return t.Class == knowledge.ClassPlace
}

// hasCovered reports whether a term of the question other than b is
// something the sources have: a word or concept of some entry. Without one,
// "لاہور کا موسم کیسا ہے" (the weather in Lahore) is not declined as if
// the sources had it for other cities.
func (e *Engine) hasCovered(terms []Term, b *Term) bool {
	for i := range terms {
		t := &terms[i]
		if t != b && t.Tok != b.Tok && t.ID >= 0 && t.Kind == nil && len(e.ix.postings[t.ID]) > 0 {
			return true
		}
	}
	return false
}

// offTopicWord reports whether the question has an ordinary word no entry
// has (an English word, not a name) that weighs at least as much as the
// term b the near entries lack.
func offTopicWord(terms []Term, b *Term) bool {
	for i := range terms {
		t := &terms[i]
		if t.Unknown && !t.Name && t.Weight >= b.Weight {
			return true
		}
	}
	return false
}

// otherName returns the best match when it is blocked only by a name the
// sources know and is about another name or a place of the question: a
// question that joins two of the sources' names wrongly ("Is Adeel Azhar the
// president of P@SHA?", "Did Adeel Azhar say India is the Dabba capital?")
// is answered with what they say of the one, after saying they don't say it
// of the other. Otherwise nil.
func (e *Engine) otherName(ranked []match, terms []Term, blocker *Term, yesNo, offered bool) *match {
	if len(ranked) == 0 || blocker.Class != knowledge.ClassName || blocker.ID < 0 || len(e.ix.postings[blocker.ID]) == 0 {
		return nil
	}
	m := &ranked[0]
	p := &e.policy
	if m.score < p.MinScore || m.coverage < p.MinCoverage || !m.content || !m.ei.meetsRequires(terms) {
		return nil
	}
	// A yes-or-no question, or one that asks who, offers the name as the
	// answer ("Was it Umair Nizam who announced new deals?", "which body
	// reported the $328m figure, was it PSEB?"): what the sources say is
	// the correction. A question that asks something else of the name
	// ("how much did P@SHA earn?") is declined for it.
	other := yesNo
	rest := make([]Term, 0, len(terms))
	for _, t := range terms {
		if t.ID == blocker.ID {
			continue
		}
		switch {
		case (t.Class == knowledge.ClassName || t.Class == knowledge.ClassPlace) && t.ID >= 0 && m.ei.hasPrimary(t.ID):
			other = true
		case t.Kind != nil && slices.Contains(t.Kind.Needs, knowledge.StatesName) && offered:
			// "who ..., was it X?": a name is what it asks for, and X is
			// offered as one. ("who heads P@SHA?" offers none: P@SHA is
			// whom it asks about.)
			other = true
		}
		rest = append(rest, t)
	}
	if slices.ContainsFunc(terms, func(t Term) bool { return t.Kind != nil && !slices.Contains(t.Kind.Needs, knowledge.StatesName) }) {
		other = false // "how much", "when": asks a figure or a date of the name
	}
	if !other || e.blocker(m.ei, rest) != nil {
		return nil
	}
	return m
}

// definedOther returns, for a definition asked of a name that offers an
// expansion with a place or name the sources don't give it ("CCAP means
// call center association of punjab?", "does PSEB stand for the Punjab
// software board?"), the nearest entry when it is the name's own and has
// every other term, and the name; otherwise nil.
func (e *Engine) definedOther(a *Analysis, ranked []match, blocker *Term) (*match, *Term) {
	if len(ranked) == 0 || blocker.Class != knowledge.ClassPlace && blocker.Class != knowledge.ClassName {
		return nil, nil
	}
	d := slices.IndexFunc(a.Terms, func(t Term) bool { return t.Kind != nil && slices.Contains(t.Kind.Asks, knowledge.AsksDefinition) })
	if d < 0 || blocker.Tok <= a.Terms[d].Tok {
		return nil, nil
	}
	m := &ranked[0]
	n := slices.IndexFunc(a.Terms, func(t Term) bool {
		return t.Class == knowledge.ClassName && t.ID >= 0 && t.Tok < a.Terms[d].Tok && m.ei.hasPrimary(t.ID)
	})
	if n < 0 || m.score < e.policy.MinScore || !m.ei.meetsRequires(a.Terms) {
		return nil, nil
	}
	rest := slices.DeleteFunc(slices.Clone(a.Terms), func(t Term) bool { return t.Tok == blocker.Tok })
	if e.blocker(m.ei, rest) != nil {
		return nil, nil
	}
	return m, &a.Terms[n]
}

// primaryName returns the name of terms, other than except, that m's
// entry is about (has as its own), or nil.
func (e *Engine) primaryName(m *match, terms []Term, except *Term) *Term {
	for i := range terms {
		if t := &terms[i]; t.Class == knowledge.ClassName && t.ID >= 0 && t.ID != except.ID && m.ei.hasPrimary(t.ID) {
			return t
		}
	}
	return nil
}

// indexPlaces computes e.near from the lexicon's places and what they lie
// within.
func (e *Engine) indexPlaces() {
	e.near, e.within = map[int32][]int32{}, map[int32][]int32{}
	broader := map[string][]string{}
	for _, c := range e.v.lex.Concepts {
		broader[c.ID] = c.Within
	}
	var up func(id string, seen map[string]bool)
	up = func(id string, seen map[string]bool) {
		for _, w := range broader[id] {
			if !seen[w] {
				seen[w] = true
				up(w, seen)
			}
		}
	}
	for _, c := range e.v.lex.Concepts {
		if len(c.Within) == 0 {
			continue
		}
		id, ok := e.v.ids["c:"+c.ID]
		if !ok {
			continue
		}
		seen := map[string]bool{}
		up(c.ID, seen)
		for w := range seen {
			if wid, ok := e.v.ids["c:"+w]; ok {
				e.near[id] = append(e.near[id], wid)
				e.near[wid] = append(e.near[wid], id)
				e.within[wid] = append(e.within[wid], id)
			}
		}
	}
	for _, c := range e.v.lex.Concepts {
		// A concept that places stand for (foreign): an entry naming one
		// of them, or a place within one, covers it. Only covers: it is
		// not near them, so it answers no question naming a place.
		id, ok := e.v.ids["c:"+c.ID]
		if !ok || len(c.Places) == 0 {
			continue
		}
		for _, p := range e.v.lex.Concepts {
			seen := map[string]bool{p.ID: true}
			up(p.ID, seen)
			if slices.ContainsFunc(c.Places, func(w string) bool { return seen[w] }) {
				if pid, ok := e.v.ids["c:"+p.ID]; ok {
					e.within[id] = append(e.within[id], pid)
				}
			}
		}
	}
	for _, m := range []map[int32][]int32{e.near, e.within} {
		for id, ns := range m {
			slices.Sort(ns)
			m[id] = slices.Compact(ns)
		}
	}
}

// notePlaceBroader says so when an answer reached a place of the question
// only through a wider one its facts name ("Do Pakistani call centers serve
// clients in the UK?" and Europe; "Is labour cheaper than in the US?" and
// Western countries), with the lexicon's optional place_broader message.
// An answer naming a place within the one asked ("clients in Europe?" and
// Germany) needs no note.
func (e *Engine) notePlaceBroader(r *Reply, terms []Term) {
	msg := e.msg("place_broader")
	if !r.Answered || msg == "" || r.Note != "" {
		return
	}
	ids := r.EntryIDs()
	for i := range terms {
		t := &terms[i]
		if t.Class != knowledge.ClassPlace || t.ID < 0 {
			continue
		}
		named, wider := false, false
		for j := range e.ix.entries {
			ei := &e.ix.entries[j]
			if !slices.Contains(ids, ei.entry.ID) {
				continue
			}
			has := func(id int32) bool { return ei.hasPrimary(id) || ei.hasSecondary(id) }
			named = named || has(t.ID) || slices.ContainsFunc(e.within[t.ID], has)
			wider = wider || e.nearPlace(ei, t.ID)
		}
		if !named && wider {
			r.Note = strings.ReplaceAll(msg, "{term}", displayTerm(e.asTyped(r.Question, t)))
			return
		}
	}
}

// nearPlace reports whether the entry has a place that lies within the
// place id or that it lies within.
func (e *Engine) nearPlace(ei *entryIndex, id int32) bool {
	for _, n := range e.near[id] {
		if ei.hasPrimary(n) || ei.hasSecondary(n) {
			return true
		}
	}
	return false
}

// isYesNo reports whether a opens as a yes-or-no question ("did", "was",
// "kya"): its first word is one of the lexicon's yes_no words.
func (e *Engine) isYesNo(a *Analysis) bool {
	if a.opensYesNo != nil {
		return *a.opensYesNo
	}
	if len(a.toks) == 0 {
		return false
	}
	t := &a.toks[0]
	l := langIndex(a.Lang)
	if t.urdu {
		l = langUr
	}
	return e.yesNo.has(l, t)
}

// notCredited is what an answer to a yes-or-no question that credits its
// facts to who says first: that the sources don't say it of them, and whom
// they credit it to; or, when they credit it to no one, that in one
// sentence (the lexicon's optional not_credited_none message).
func (e *Engine) notCredited(r *Reply, who *Term) string {
	typed := e.asTyped(r.Question, who)
	by := e.saidBy(r)
	if by != "" && by == e.msg("said_by_none") && e.msg("not_credited_none") != "" {
		return e.message("not_credited_none", displayTerm(typed), nil)
	}
	if who := e.attributees(r); len(who) > 0 && e.msg("not_credited_other") != "" {
		// "Is the $328 million figure from PSEB?": whom the sources
		// credit it to, in one sentence.
		return e.message("not_credited_other", displayTerm(typed), map[string]string{"{who}": e.list(who)})
	}
	p := e.blockMessage(typed)
	if by != "" {
		p += " " + by
	}
	return p
}

// creditedElsewhere returns the answer to a yes-or-no question that asks
// whether someone said something ("Did the PSEB chairman say most call
// centers operate ethically?") when, the names and titles left out, the
// question is answered by facts the sources credit to someone else; and
// the first name or title it named. Otherwise nil.
func (e *Engine) creditedElsewhere(terms []Term) (*match, *Term) {
	var who *Term
	asks := false
	rest := make([]Term, 0, len(terms))
	for i := range terms {
		t := &terms[i]
		switch {
		case e.asksFor(t, knowledge.AsksAttribution):
			asks = true
		case t.Class == knowledge.ClassName || t.Class == knowledge.ClassRole:
			if who == nil {
				who = t
			}
		default:
			rest = append(rest, *t)
		}
	}
	if !asks || who == nil || contentTerms(rest) == 0 {
		return nil, nil
	}
	best, _ := e.decide(e.rank(rest), rest)
	if best == nil {
		return nil, nil
	}
	// Credited to someone else, or to no one ("Is he the one who said 90%
	// work for overseas clients?": the article's own reporting).
	return best, who
}

// checksFigure reports whether a question that states a figure asks
// whether it is right: it opens as a yes-or-no question ("did exports grow
// 24.6%?") or ends with one of the lexicon's check_tags ("exports grew 24.6%
// right?"). "How much did they earn, $328 million?" asks how much.
func (e *Engine) checksFigure(a *Analysis) bool {
	if slices.ContainsFunc(a.Terms, func(t Term) bool {
		return t.Class == knowledge.ClassName || t.Class == knowledge.ClassRole || e.asksFor(&t, knowledge.AsksAttribution) || e.aboutSources(&t)
	}) {
		return false // "is the 328 million figure from SBP?": whose it is, not whether it is right
	}
	if e.isYesNo(a) {
		return true
	}
	if len(a.toks) == 0 {
		return false
	}
	t := &a.toks[len(a.toks)-1]
	l := langIndex(a.Lang)
	if t.urdu {
		l = langUr
	}
	return e.checkTags.has(l, t)
}

// offersName reports whether a word that opens a yes-or-no question comes
// anywhere in the message ("which body reported the $328m figure, was it
// PSEB?"): a name in it may be offered as the answer.
func (e *Engine) offersName(a *Analysis) bool { return a.hasWordFrom(e.yesNo, 0) }

// otherRole returns the entry that answers a yes-or-no question about
// someone the sources name once the title it gives them is left out, when
// the sources give them another title and not that one ("Is Umair Nizam the
// chairman of P@SHA?": he is its senior vice chairman), and that title;
// else nil. A question that asks who holds a title ("who is the president
// of P@SHA?") is not one: it is declined for the title.
func (e *Engine) otherRole(terms []Term) (*match, *Term) {
	if e.v.lex.Messages["role_other"] == "" || slices.ContainsFunc(terms, func(t Term) bool { return t.Kind != nil || t.Name }) {
		return nil, nil
	}
	for i := range terms {
		role := &terms[i]
		if role.Class != knowledge.ClassRole {
			continue
		}
		rest := make([]Term, 0, len(terms)-1)
		named := false
		for _, t := range terms {
			if t.Tok != role.Tok {
				rest = append(rest, t)
				named = named || t.Class == knowledge.ClassName && t.ID >= 0
			}
		}
		if !named {
			return nil, nil
		}
		ranked := e.rank(rest)
		m, b := e.decide(ranked, rest)
		if m == nil && b != nil {
			// "Is Adeel Azhar the chairman of P@SHA?": with P@SHA's
			// title left out, still two names joined wrongly.
			m = e.otherName(ranked, rest, b, false, false)
		}
		if m == nil || role.ID >= 0 && (m.ei.hasPrimary(role.ID) || m.ei.hasSecondary(role.ID)) || !e.givesRole(m.ei) {
			return nil, nil
		}
		for _, t := range rest {
			if t.Class == knowledge.ClassName && t.ID >= 0 && m.ei.hasPrimary(t.ID) {
				return m, role
			}
		}
		return nil, nil
	}
	return nil, nil
}

// givesRole reports whether the entry gives someone a title (a role).
func (e *Engine) givesRole(ei *entryIndex) bool {
	for _, ids := range [][]int32{ei.primary, ei.secondary} {
		for _, id := range ids {
			if e.v.terms[id].class == knowledge.ClassRole {
				return true
			}
		}
	}
	return false
}

// vague reports whether the question's terms are all words nearly every
// entry has (more than Policy.VagueShare of them: call center, Pakistan), or
// all kinds of question and "said": such a question does not say what it
// asks ("are there call centers in Pakistan?", "why?", "who said
// that?"). A salient term, a name, a word no entry has, a kind the sources
// never answer, a kind with a common word ("how many call centers?") or one
// common word alone ("call centers") is not vague.
func (e *Engine) vague(terms []Term) bool {
	n := len(e.ix.entries)
	asks, common := false, 0
	for i := range terms {
		t := &terms[i]
		switch {
		case t.Kind != nil && !t.Kind.Never, t.ID >= 0 && t.Kind == nil && e.asksFor(t, knowledge.AsksAttribution):
			asks = true // "why?", "who said that?": a kind of question, of nothing
		case t.ID < 0 || t.Kind != nil || t.Class != "" || t.Name || float64(len(e.ix.postings[t.ID])) <= e.policy.VagueShare*float64(n):
			return false
		default:
			common++
		}
	}
	// A kind of question with a common word is specific enough ("how many
	// call centers are there?"), and so is one common word alone, a topic
	// ("call centers": what they are).
	return n >= 8 && (asks && common == 0 || !asks && common >= 2)
}

// anyKinds reports whether some entry lists the kind of question under
// `kinds:`.
func (e *Engine) anyKinds(id int32) bool { return e.ix.declared[id] }

// lowerFirst lowers the first letter of a sentence to go on from a colon,
// unless its first word is "I" or an acronym ("I give...", "PSEB...").
func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	if len(s) > 1 && (s[0] == 'I' && (s[1] == ' ' || s[1] == '\'') || unicode.IsUpper(rune(s[1]))) {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// A segment is a run of tokens between joints.
// A segment is a part of a message: tokens from up to to. joined is set on
// a part that follows a joiner ("and"), not a sentence's or clause's end.
type segment struct {
	from, to int
	joined   bool
	item     bool // a part of a list: a thing asked about, even alone
}

// maxListItem is the most words of content an item of a list may have
// (see segments): "key risks", "time zone advantage", not a clause.
const maxListItem = 3

// segments splits a message at its joints: sentence boundaries and the
// lexicon's joiners ("and", "aur", "vs").
func (e *Engine) segments(a *Analysis, lists bool) []segment {
	var segs []segment
	lang := langIndex(a.Lang)
	kindAt := make([]bool, len(a.toks))               // a kind of question starts here: ", how many"
	for _, ts := range [][]Term{a.Terms, a.repeats} { // (a kind asked again: "how many ..., how many ...")
		for _, t := range ts {
			if t.Kind != nil && t.Tok >= 0 && t.Tok < len(kindAt) {
				kindAt[t.Tok] = true
			}
		}
	}
	// A clause after a comma that holds a kind of question is a part of
	// its own: "yaar mera interview hai kal, mujhe batao kitne log ...".
	kindAhead := make([]bool, len(a.toks))
	ahead := false
	for i := len(a.toks) - 1; i >= 0; i-- {
		ahead = ahead || kindAt[i]
		kindAhead[i] = ahead
		if a.toks[i].brk || a.toks[i].comma {
			ahead = false
		}
	}
	// With lists, a list of things ("cost, workforce and time zone";
	// "earnings, growth, employment?") is split at each comma: two or more
	// separators, each item short, one kind of question at most.
	list := false
	if seps, n := 0, 0; lists && len(a.toks) > 0 {
		short := true
		for i := range a.toks {
			t := &a.toks[i]
			l := lang
			if t.urdu {
				l = langUr
			}
			if i > 0 && (t.comma || e.joiners[l][t.key(l)]) {
				seps++
				short = short && n >= 1 && n <= maxListItem // "hi, ..." is no item
				n = 0
			}
			if t.brk && i > 0 {
				seps, n, short = 0, 0, true // a new sentence: its own list, if any
			}
			if m := e.v.word(l, t); m == nil || !m.function {
				n++ // the item's words of content: "tell me about cost" is one
			}
		}
		kinds := 0 // a list of things asks one thing of them all: "kitna ... aur kitna" asks two
		for _, ts := range [][]Term{a.Terms, a.repeats} {
			for _, t := range ts {
				if t.Kind != nil {
					kinds++
				}
			}
		}
		list = seps >= 2 && short && n >= 1 && n <= maxListItem+2 && kinds <= 1
	}
	aside := e.asideAt(a, kindAt)
	start, joined := 0, false
	for i := range a.toks {
		t := &a.toks[i]
		if aside[i] {
			// "..., because I don't want to join ...": why the asker
			// asks, left out up to the sentence's end.
			if i > start && !aside[start] {
				segs = append(segs, segment{start, i, joined, list})
			}
			start, joined = i+1, false
			continue
		}
		l := lang
		if t.urdu {
			l = langUr
		}
		joiner := e.joiners[l][t.key(l)]
		if t.brk || joiner || t.comma && (kindAhead[i] || list) {
			if i > start {
				segs = append(segs, segment{start, i, joined, list})
			}
			start, joined = i, joiner
			if joiner {
				start = i + 1
			}
		}
	}
	if start < len(a.toks) {
		segs = append(segs, segment{start, len(a.toks), joined, list})
	}
	return segs
}

// asideAt marks the tokens of the asides of a (the lexicon's, see
// knowledge.Settings.Asides): from one that follows a kind of question in
// its sentence (kindAt) to the sentence's end.
func (e *Engine) asideAt(a *Analysis, kindAt []bool) []bool {
	out := make([]bool, len(a.toks))
	if len(e.asides) == 0 {
		return out
	}
	asked, in := false, false
	for i := range a.toks {
		if a.toks[i].brk {
			asked, in = false, false
		}
		if !in && asked && slices.ContainsFunc(e.asides, func(ws []string) bool {
			if i+len(ws) > len(a.toks) {
				return false
			}
			for k, w := range ws {
				if a.toks[i+k].lower != w {
					return false
				}
			}
			return true
		}) {
			in = true
		}
		out[i] = in
		asked = asked || kindAt[i]
	}
	return out
}

// unreadable reports whether every word of a is a word no one knows, in
// lower case and Latin letters, and there are two or more: nothing in it
// can be read, and nothing in it is written as a name.
func unreadable(a *Analysis) bool {
	if len(a.toks) < 2 || len(a.Terms) != len(a.toks) {
		return false
	}
	for i := range a.toks {
		t := &a.toks[i]
		if t.urdu || t.num || t.raw != t.lower || !a.Terms[i].Unknown || a.Terms[i].Tok != i {
			return false
		}
	}
	return true
}

// askParts answers the parts of a message on their own. It returns the
// distinct entries that answer parts, and the term that blocked a part that
// asked something not covered.
//
// Two or more answered parts make a multi-part answer. A single answered
// part is returned only when the whole was declined (best is nil) and the
// part is itself a question: the question buried in a long message, or the
// covered half of "earnings in FY25 and the average salary", whose other
// half is then named as not covered.
func (e *Engine) askParts(a *Analysis, best *match) ([]*match, *Term) {
	whole := best == nil
	segs := e.segments(a, best == nil) // a list is split only when the whole is not answered
	if len(segs) < 2 {
		return nil, nil
	}
	var out []*match
	var lone []int32     // for each of out, the one term its part had, or -1
	var vagueOnes []bool // for each of out, whether its part's own words were vague
	var alones [][]Term  // for each of out, its part's own terms
	var blocker *Term
	asked := false
	// A kind of question distributes over the parts it joins: "what do PSEB
	// and SBP stand for" asks what each stands for.
	var kinds []Term
	for _, t := range a.Terms {
		if t.Kind != nil {
			kinds = append(kinds, t)
		}
	}
	var prev []Term      // the terms of the part before
	anyOwn := false      // some part asks something itself
	kindParts := 0       // parts with a kind of question of their own
	unknownItem := false // an item of a list names something no entry has
	oneSentence := !slices.ContainsFunc(segs[1:], func(sg segment) bool { return !sg.joined })
	plain := false // the one answered part was answered from its own words, no other part's kind
	for si, sg := range segs {
		var terms []Term
		own := a.toks[sg.to-1].endQ || sg.item // a part ending in "?" asks something; so does an item of a list
		for _, ts := range [][]Term{a.Terms, a.repeats} {
			for _, t := range ts {
				if t.Tok >= sg.from && t.Tok < sg.to && !slices.ContainsFunc(terms, func(u Term) bool { return u.ID >= 0 && u.ID == t.ID }) {
					terms = append(terms, t)
					own = own || t.Kind != nil
				}
			}
		}

		if onlyPeriods(terms) && len(prev) > 0 {
			// "earnings in FY24 and FY25": the second part is FY25's
			// earnings, what the first asked of FY24.
			for _, t := range prev {
				if t.Period == "" {
					terms = append(terms, t)
				}
			}
		} else if onlyPeriods(terms) && si+1 < len(segs) {
			// "FY24 and FY25 earnings": the first part is FY24's
			// earnings, what the next asks of FY25.
			next := segs[si+1]
			for _, t := range a.Terms {
				if t.Tok >= next.from && t.Tok < next.to && t.Period == "" && !slices.ContainsFunc(terms, func(u Term) bool { return u.ID >= 0 && u.ID == t.ID }) {
					terms = append(terms, t)
				}
			}
		}
		if len(terms) > 0 && contentTerms(terms) == 0 && !slices.ContainsFunc(terms, func(t Term) bool { return t.Kind == nil || t.Kind.Never || len(t.Kind.Needs) == 0 }) &&
			sg.joined && contentTerms(prev) > 0 {
			// "how many call centers are in Karachi and how many in
			// total?": the second part asks its kind of what the first
			// asked about, not of the first's place or year (nor of an
			// article it names). A kind that needs no figure, place or
			// name ("kis wajah se", why) is not borrowed for.
			for _, t := range prev {
				if t.Kind == nil && t.Class == "" && t.content() && !t.within && !e.aboutSources(&t) && !e.asksFor(&t, knowledge.AsksSource) {
					terms = append(terms, t)
				}
			}
		}
		prev = terms
		if slices.ContainsFunc(terms, func(t Term) bool { return t.Kind != nil }) {
			kindParts++
		}
		anyOwn = anyOwn || own
		if t := terms; len(t) == 1 && t[0].Class == knowledge.ClassMetric && t[0].Tok >= 0 && (t[0].ID < 0 || len(e.ix.postings[t[0].ID]) == 0) {
			// "salary and number of jobs": a metric the sources never
			// give, alone, asks for it, and is named as not answered.
			own = true
		}
		question := own
		alone := terms // the part's own terms, without another part's kind
		if !own && len(terms) > 0 && len(kinds) > 0 {
			terms = append(slices.Clip(terms), kinds...)
			question = true // the kind of another part: enough for a multi-part answer, not for a partial one
		}
		if len(terms) == 0 || len(terms) == 1 && !question && !e.telling(&terms[0]) {
			continue // "outsourcing ke liye" is not a question of its own
		}
		ranked := e.rank(terms)
		m, b := e.decide(ranked, terms)
		if len(alone) >= 2 && len(alone) < len(terms) && slices.ContainsFunc(alone, func(t Term) bool { return t.Period != "" && t.ID >= 0 }) &&
			slices.ContainsFunc(alone, func(t Term) bool { return t.Class == knowledge.ClassMetric && t.ID >= 0 }) {
			// The kind belongs to the other part: "FY25 earnings and how
			// many people work there?" asks FY25's earnings, not how many
			// they are, and "what did call centers earn in FY25 and how
			// many are registered?" is not answered with what counts
			// something in FY25. (Only a figure of a year the facts cover
			// asks without a question word.)
			if m2, _ := e.decide(e.rank(alone), alone); m2 != nil {
				m = m2
			}
		}
		switch {
		case m != nil && !containsMatch(out, m):
			mm := *m
			out = append(out, &mm)
			lone = append(lone, -1)
			if len(terms) == 1 && terms[0].Kind == nil {
				lone[len(lone)-1] = terms[0].ID
			}
			vagueOnes = append(vagueOnes, e.vague(alone))
			alones = append(alones, alone)
			asked = asked || own
			plain = len(alone) >= 2 && len(alone) == len(terms)
		case m != nil:
			// A part that asks what an earlier part was answered with:
			// the answer is asked for ("...the sectors that contribute
			// to it. How much did call centers earn in FY25?").
			asked = asked || own
		case m == nil && sg.item && slices.ContainsFunc(alone, func(t Term) bool {
			return t.Unknown && (t.Name || e.v.lex.IsEnglishWord(strings.ToLower(t.Surface))) // not a typo
		}):
			// An item of a list that names what the sources don't know:
			// the list is not answered by another item alone ("What
			// certifications, such as ISO 27001, do Pakistani BPOs hold?"
			// is not what BPO is).
			unknownItem = true
		case m == nil && own && blocker == nil && !(sg.item && !a.toks[sg.to-1].endQ && !slices.ContainsFunc(alone, func(t Term) bool { return t.Kind != nil || t.Class != "" })):
			// (An item of a list that asks nothing in so many words, and
			// names nothing salient, is not named as not answered: "I'm
			// writing a LinkedIn post, give me the growth, jobs, ..." asks
			// nothing of LinkedIn; "salaries, jobs and growth" asks
			// salaries.)
			// Only a part that asks something itself is named as not
			// answered: "I work at Teleperformance in Lahore." asks nothing.
			if b = e.whyNot(terms, ranked, b); b != nil {
				bb := *b
				blocker = &bb
			} else if len(alone) == 1 && alone[0].Kind != nil && len(alone[0].Kind.Needs) > 0 {
				// "are IT parks being built? where?": the kind alone,
				// of what the other part asked, is what is not given.
				bb := alone[0]
				blocker = &bb
			} else if i := slices.IndexFunc(alone, func(t Term) bool { return t.Kind == nil }); i >= 0 && alone[i].Class != "" && contentTerms(alone) == 1 {
				// "...and how many in karachi?": the one thing the part
				// asks about, which nothing answers.
				bb := alone[i]
				blocker = &bb
			}
		}
	}
	// A part of one common word that another part's answer is already
	// about ("are tax incentives only for IT companies or also BPO?": the
	// support of the BPO sector) is no question of its own; nor, beside
	// a part that asks something telling, one whose own words every entry
	// has ("Could you tell me what Pakistan's call centre and BPO segment
	// earned in FY25?": not customer support first).
	for i := len(out) - 1; i >= 0 && len(out) >= 2; i-- {
		id := lone[i]
		common := id >= 0 && float64(len(e.ix.postings[id])) > e.policy.PartShare*float64(len(e.ix.entries)) &&
			slices.ContainsFunc(out, func(m *match) bool { return m != out[i] && m.ei.hasPrimary(id) })
		defines := slices.ContainsFunc(alones[i], func(t Term) bool { return t.Kind != nil && slices.Contains(t.Kind.Asks, knowledge.AsksDefinition) })
		if common || vagueOnes[i] && slices.Contains(vagueOnes, false) || oneSentence && kindParts == 1 && best != nil && out[i].ei != best.ei && containsMatch(out, best) && e.coversAll(best.ei, alones[i]) && !defines {
			// The last: in one sentence with one part that has a kind
			// of question (not what something is: "Dabba scam kya hai
			// aur India ko kya kaha gaya?" asks what the scam is too),
			// a part the whole's answer, itself one of the parts, answers
			// in full ("How much did the call center and BPO segment earn
			// in FY25?" is not also how many call centers there are: "how
			// much did the call center" is the earnings; "how many call
			// centres r there n how many ppl work in them" asks two).
			out = slices.Delete(out, i, i+1)
			lone = slices.Delete(lone, i, i+1)
			vagueOnes = slices.Delete(vagueOnes, i, i+1)
			alones = slices.Delete(alones, i, i+1)
		}
	}
	// A part whose entry's facts another part's entry all has adds
	// nothing: "how much did they earn in FY24 and FY25 combined?" is the
	// two years added up, which gives FY24's figure too.
	for i := len(out) - 1; i >= 0 && len(out) >= 2; i-- {
		if slices.ContainsFunc(out, func(m *match) bool {
			return m != out[i] && len(m.ei.entry.Facts) > len(out[i].ei.entry.Facts) && containsAllFacts(m.ei.entry.Facts, out[i].ei.entry.Facts)
		}) {
			out = slices.Delete(out, i, i+1)
		}
	}
	compares := slices.ContainsFunc(a.Terms, func(t Term) bool { return t.Kind != nil && slices.Contains(t.Kind.Asks, knowledge.AsksComparison) })
	switch {
	case len(out) >= 2:
		return out, blocker
	case len(out) == 1 && whole && compares && blocker != nil && blocker.Class != "":
		// "sri lanka vs pakistan call centers?": one side of a
		// comparison is no answer to it; the whole is declined for the
		// other.
		return nil, nil
	case len(out) == 1 && whole && asked && !unknownItem:
		return out, blocker
	case len(out) == 1 && whole && !anyOwn && plain && blocker == nil:
		// No part asks anything in so many words: the one that is
		// answered is what the message wants to know, the rest is about
		// the asker ("I'm from Lahore and I wanted to know what the
		// government is doing for the bpo sector").
		return out, nil
	}
	return nil, nil
}

// asksBesidesQuote reports whether a message that asks what someone said
// also asks, in a part of its own that names no one, a question of another
// kind that an entry other than those of the remarks ms answers ("dabba
// scam kya hai aur P@SHA ka kya kehna hai"): its parts are answered, not
// only the remarks.
func (e *Engine) asksBesidesQuote(a *Analysis, ms []*match) bool {
	segs := e.segments(a, false)
	if len(segs) < 2 {
		return false
	}
	for _, sg := range segs {
		in := func(t Term) bool { return t.Tok >= sg.from && t.Tok < sg.to }
		if !slices.ContainsFunc(a.Terms, func(t Term) bool { return in(t) && t.Kind != nil && !t.Kind.Never }) ||
			slices.ContainsFunc(a.Terms, func(t Term) bool {
				return in(t) && (t.Class == knowledge.ClassName || e.asksFor(&t, knowledge.AsksAttribution))
			}) {
			continue
		}
		var terms []Term
		for _, t := range a.Terms {
			if in(t) {
				terms = append(terms, t)
			}
		}
		if own, _ := e.decide(e.rank(terms), terms); own != nil && !containsMatch(ms, own) {
			return true
		}
	}
	return false
}

// withoutContext decides a question without its context kinds ("if I start
// a BPO"), when what is left asks something telling: a word of content
// that not most entries have ("challenges", "incentives"; not "call
// center"). Otherwise nil. A context in a clause a comma ends before the
// question is left out whole, with its city (clause is then true).
func (e *Engine) withoutContext(a *Analysis) (m *match, clause bool) {
	// The clause of the context, when a comma ends it before the question
	// ("As a founder planning to open a call center in Faisalabad, what
	// government incentives exist?"): the asker's, Faisalabad included.
	from, to := -1, -1
	for _, t := range a.Terms {
		if t.Kind == nil || !t.Kind.Context || t.Tok < 0 || t.Tok >= len(a.toks) {
			continue
		}
		// Both marks are on the token after them.
		f, c := t.Tok, t.Tok+1
		for f > 0 && !a.toks[f].brk && !a.toks[f].comma {
			f--
		}
		for c < len(a.toks) && !a.toks[c].comma && !a.toks[c].brk {
			c++
		}
		if c < len(a.toks) && a.toks[c].comma {
			from, to = f, c-1 // the clause's tokens, up to the comma
		}
	}
	rest := slices.DeleteFunc(slices.Clone(a.Terms), func(t Term) bool {
		return t.Kind != nil && t.Kind.Context || from >= 0 && t.Tok >= from && t.Tok <= to
	})
	if !slices.ContainsFunc(rest, func(t Term) bool {
		return t.ID >= 0 && t.content() && float64(len(e.ix.postings[t.ID])) <= e.policy.PartShare*float64(len(e.ix.entries)) &&
			(e.v.terms[t.ID].concept == nil || !e.v.terms[t.ID].concept.Domain)
	}) {
		return nil, false
	}
	best, _ := e.decide(e.rank(rest), rest)
	return best, from >= 0
}

// containsAllFacts reports whether facts has every one of want.
func containsAllFacts(facts, want []string) bool {
	for _, f := range want {
		if !slices.Contains(facts, f) {
			return false
		}
	}
	return true
}

// telling reports whether t, alone in a part of a message, names a subject
// of its own beside another part's question: a word of content few entries
// have ("Tell me about the Dabba scam and also the FY25 earnings", "...aur
// kya challenges hain"), not a common one ("outsourcing ke liye"). Such a
// part counts toward a multi-part answer, never a partial one.
func (e *Engine) telling(t *Term) bool {
	return t.ID >= 0 && t.content() && t.Class == "" && float64(len(e.ix.postings[t.ID])) <= e.policy.LoneShare*float64(len(e.ix.entries))
}

// onlyPeriods reports whether every term is a fiscal year (and there is one).
func onlyPeriods(terms []Term) bool {
	for _, t := range terms {
		if t.Period == "" {
			return false
		}
	}
	return len(terms) > 0
}

// coversAll reports whether ei, ranked on terms alone, covers all of them.
func (e *Engine) coversAll(ei *entryIndex, terms []Term) bool {
	for _, m := range e.rank(terms) {
		if m.ei == ei {
			return m.coverage >= 1
		}
	}
	return false
}

func containsMatch(ms []*match, m *match) bool {
	for _, x := range ms {
		if x.ei.entry == m.ei.entry {
			return true
		}
	}
	return false
}

func containsEntry(es []*knowledge.Entry, e *knowledge.Entry) bool {
	for _, x := range es {
		if x == e {
			return true
		}
	}
	return false
}

// Explain describes how the engine reads a question: its terms (with their
// class, kind and language) and the best candidate entries with their
// coverage, phrasing similarity and combined score, and what blocks each.
// It is for curators and the REPL's /why command, not for users.
func (e *Engine) Explain(question string) string {
	var b strings.Builder
	a := e.Analyze(question)
	fmt.Fprintf(&b, "language: %s\nterms:", a.Lang)
	for _, t := range a.Terms {
		b.WriteString(" ")
		switch {
		case t.ID >= 0:
			b.WriteString(e.v.terms[t.ID].key)
		default:
			b.WriteString("?" + t.Surface)
		}
		if t.Surface != "" && t.ID >= 0 {
			b.WriteString("(" + t.Surface + ")")
		}
		if t.Class != "" {
			b.WriteString("[" + t.Class + "]")
		}
		if t.Name {
			b.WriteString("[unknown name]")
		}
		if t.Corrected {
			b.WriteString("[spelling]")
		}
		fmt.Fprintf(&b, "=%.2f", t.Weight)
	}
	if a.Greet {
		b.WriteString(" (greeting)")
	}
	if a.Introduce {
		b.WriteString(" (about the bot)")
	}
	b.WriteString("\n")
	if ei, ok := e.ix.exact[exactKey(&a)]; ok {
		if ei >= 0 {
			fmt.Fprintf(&b, "exact match: %s\n", e.ix.entries[ei].entry.ID)
		} else {
			b.WriteString("exact match: several entries share this wording\n")
		}
	}
	p := e.policy
	for _, m := range e.rank(a.Terms) {
		ok := m.score >= p.MinScore && m.coverage >= p.MinCoverage && m.content
		bl := e.blocker(m.ei, a.Terms)
		fmt.Fprintf(&b, "%-28s score %.3f  coverage %.3f  phrasing %.3f  answers %v", m.ei.entry.ID, m.score, m.coverage, m.phrasing, ok && bl == nil)
		if bl != nil {
			fmt.Fprintf(&b, "  blocked by %q", bl.Surface)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// AnswerEntry returns the reply for one entry, as if its canonical question
// had been asked: for follow-up and suggestion buttons, which name an entry.
// It returns nil when there is no entry with that id.
func (e *Engine) AnswerEntry(id string) *Reply {
	for i := range e.ix.entries {
		ei := &e.ix.entries[i]
		if ei.entry.ID == id {
			r := &Reply{Question: ei.entry.Question}
			e.answer(r, []*match{{ei: ei, score: 1, coverage: 1, phrasing: 1}})
			return r
		}
	}
	return nil
}

// repetitive reports whether toks are many words that say a few over and
// over: at least repeatMin words, of no more than repeatDistinct kinds. (A
// long paste that repeats a sentence before its question is not: its
// sentence has more kinds of words.)
func repetitive(toks []token) bool {
	if len(toks) < repeatMin {
		return false
	}
	seen := map[string]bool{}
	for i := range toks {
		seen[toks[i].lower] = true
		if len(seen) > repeatDistinct {
			return false
		}
	}
	return true
}

// A message of repeatMin words or more, of repeatDistinct kinds of word or
// fewer, is repetitive: long questions, even chatty ones, have far more
// kinds of words.
const (
	repeatMin      = 30
	repeatDistinct = 6
)

package answers

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/bpobot/bpobot/knowledge"
)

// DeclineReason says why a question was not answered.
type DeclineReason int

// The reasons a question is declined.
const (
	NotDeclined        DeclineReason = iota
	DeclineEmpty                     // nothing to match: empty, emoji only, a lone "?", a greeting
	DeclineNotCovered                // nothing in the knowledge base answers it
	DeclineUnsupported               // on topic, but a salient term is not covered by the sources
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
	}
	return fmt.Sprintf("DeclineReason(%d)", int(d))
}

// A Reply is the engine's answer to one question: either the cited facts of
// one or more entries, or a decline with suggested questions.
type Reply struct {
	Question string // the question as asked, cleaned and trimmed

	Answered bool
	Parts    []Part  // the entries answered, one per part of the question
	Score    float64 // the best entry's score in [0, 1], rounded to 3 places; 0 for an empty question

	Facts     []CitedFact // every fact of every part, in order
	Citations []Citation  // the sources cited, numbered from 1
	Related   []*knowledge.Entry

	Reason      DeclineReason
	Decline     string             // the decline message, when not answered
	Unsupported string             // the term the sources do not cover, when Reason is DeclineUnsupported
	Suggestions []*knowledge.Entry // questions it can answer, when not answered
	Matched     []string           // normalised terms the best entry matched (for "why")
	Note        string             // for a partial answer: what part of the question is not covered
}

// Part is the answer to one part of a question.
type Part struct {
	Entry *knowledge.Entry
	Facts []CitedFact
}

// A CitedFact is a fact with its citation number.
type CitedFact struct {
	*knowledge.Fact
	Cite int
}

// A Citation is one numbered source reference: a section of a source.
type Citation struct {
	N            int
	Source       *knowledge.Source
	Section      string
	Attributions []string // who the cited facts credit, e.g. "according to the State Bank of Pakistan"
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

// Periods returns the distinct fiscal years of the figures in the reply,
// sorted, e.g. ["FY24", "FY25"]. A range such as "FY24–FY25" counts as both.
func (r *Reply) Periods() []string {
	var out []string
	for _, f := range r.Facts {
		for _, p := range strings.FieldsFunc(f.Period, func(c rune) bool { return c == '–' || c == '-' || c == ',' || c == ' ' }) {
			if !containsString(out, p) {
				out = append(out, p)
			}
		}
	}
	sort.Strings(out)
	return out
}

// answer fills r with the facts of the given matches.
func (e *Engine) answer(r *Reply, ms []*match) {
	r.Answered, r.Reason = true, NotDeclined
	r.Score = round3(ms[0].score)
	r.Matched = ms[0].matched
	cites := make(map[[2]string]int)
	for _, m := range ms {
		p := Part{Entry: m.ei.entry}
		for _, id := range m.ei.entry.Facts {
			f := e.kb.Fact(id)
			key := [2]string{f.Source, f.Section}
			n, ok := cites[key]
			if !ok {
				n = len(r.Citations) + 1
				cites[key] = n
				r.Citations = append(r.Citations, Citation{N: n, Source: e.kb.Source(f.Source), Section: f.Section})
			}
			c := &r.Citations[n-1]
			if f.Attribution != "" && !containsString(c.Attributions, f.Attribution) {
				c.Attributions = append(c.Attributions, f.Attribution)
			}
			cf := CitedFact{Fact: f, Cite: n}
			p.Facts = append(p.Facts, cf)
			r.Facts = append(r.Facts, cf)
		}
		r.Parts = append(r.Parts, p)
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

func answeredEntry(r *Reply, en *knowledge.Entry) bool {
	for _, p := range r.Parts {
		if p.Entry == en {
			return true
		}
	}
	return false
}

// decline fills r as a decline, with suggestions drawn from the nearest
// entries (or the defaults when nothing is near).
func (e *Engine) decline(r *Reply, ranked []match, blocker *term, reason DeclineReason) *Reply {
	r.Answered, r.Reason = false, reason
	if len(ranked) > 0 {
		r.Score = round3(ranked[0].score)
		r.Matched = ranked[0].matched
	}
	switch reason {
	case DeclineEmpty:
		r.Decline = "Ask me a question about Pakistan's BPO and call-center sector and I'll answer from my sources."
	case DeclineUnsupported:
		r.Unsupported = blocker.surface
		r.Decline = unsupportedMessage(blocker)
	default:
		r.Decline = "My sources don't cover that. I only answer questions about Pakistan's BPO and call-center sector, from the articles I cite."
	}
	// Suggest the nearest entries that a user could have meant, but only
	// ones that share a real term with the question; otherwise the defaults.
	for _, m := range ranked {
		if len(r.Suggestions) >= MaxSuggestions {
			break
		}
		if m.coverage > 0.2 && hasContent(m) {
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

func hasContent(m match) bool {
	for _, t := range m.matched {
		if !intents[t] && m.ei.primary[t] {
			return true
		}
	}
	return false
}

func unsupportedMessage(t *term) string {
	d := displayTerm(t)
	switch t.class {
	case classYear:
		return fmt.Sprintf("My sources only give figures for FY24 and FY25 (Pakistan's fiscal years), so I can't answer for %s.", d)
	case classPeriod:
		return fmt.Sprintf("My sources give yearly figures for FY24 and FY25 only, nothing for %s.", d)
	case classPlace:
		return fmt.Sprintf("My sources don't cover that for %s.", d)
	case classQualifier:
		return "My sources don't give averages or other statistics beyond the figures they state, so I can't answer that."
	case classAsk:
		switch t.canon {
		case "howto":
			return "My sources describe the industry; they don't give step-by-step guidance, so I can't answer that."
		case "forecast", "predict", "prediction", "projection", "project", "estimat", "expect":
			return "My sources don't make forecasts, so I can't answer that."
		case "companynames":
			return "My sources don't name or list companies, so I can't answer that."
		case "whichcity":
			return "My sources don't break the industry down by city, so I can't answer that."
		case "apply", "application", "interview", "resum", "cv", "vacancy", "vacanci", "hiring", "course", "fee":
			return "My sources don't cover jobs, applications or fees, so I can't answer that."
		}
		return "My sources don't rank companies, cities or segments, so I can't answer that."
	}
	switch t.canon {
	case "where":
		return "My sources don't say where, so I can't answer that."
	case "when":
		return "My sources don't give a date for that, so I can't answer it."
	case "qty":
		return "My sources don't give a figure for that, so I can't answer it."
	}
	return fmt.Sprintf("My sources don't cover %s, so I can't answer that.", d)
}

// displayNames turn internal terms back into words for messages.
var displayNames = map[string]string{
	"infotech": "IT", "callcenter": "call centers", "softwarehouse": "software houses",
	"seniorvicechairman": "senior vice chairman", "vicechairman": "vice chairman",
	"vicepresident": "vice president", "middleeast": "the Middle East", "northamerica": "North America",
	"usa": "the US", "uk": "the UK", "uae": "the UAE", "pasha": "P@SHA", "age": "age",
}

// displayTerm shows the user's word back to them: letters and digits only,
// so nothing in it can mention anyone or break formatting.
func displayTerm(t *term) string {
	s := t.surface
	if n, ok := displayNames[s]; ok {
		s = n
	} else if strings.HasPrefix(s, "fy") && t.class == classYear {
		s = strings.ToUpper(s)
	}
	s = Truncate(s, 40)
	return "“" + s + "”"
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

package answers

import (
	"fmt"

	"github.com/bpobot/bpobot/knowledge"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// MaxTextRunes bounds the plain-text rendering of any reply.
const MaxTextRunes = 4000

// FactLine renders one fact as a user reads it: the statement, its
// attribution when the text does not already carry it, and the citation
// marker.
func FactLine(f CitedFact) string {
	s := strings.TrimSpace(f.Text)
	if f.Credit {
		if strings.HasSuffix(s, "۔") {
			// Urdu: the credit comes first, as Urdu says it
			// ("اسٹیٹ بینک آف پاکستان کے مطابق، ...").
			s = f.Attribution + "، " + s
		} else {
			s = strings.TrimRight(s, ".") + ", " + f.Attribution + "."
		}
	}
	return s + " [" + strconv.Itoa(f.Cite) + "]"
}

// rlm is the right-to-left mark: a line of an Urdu reply starts with it,
// so that one whose first word is Latin (FY25, BPO, P@SHA) is still laid
// out right to left (Discord and terminals take a line's direction from
// its first strong letter).
const rlm = "\u200f"

// Directed returns text with each of its lines marked right to left when
// the reply is in a right-to-left language (Urdu), the citation lines too
// (an English title runs inside them left to right, between the Urdu
// words around it); otherwise text unchanged.
func (r *Reply) Directed(text string) string { return Directed(r.Lang(), text) }

// Directed returns text as [Reply.Directed] does for a reply in lang: what a
// program prints beside a reply (a question it echoes) reads the same way.
func Directed(lang, text string) string {
	if lang != knowledge.Urdu || text == "" {
		return text
	}
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		if l != "" && !strings.HasPrefix(l, rlm) {
			lines[i] = rlm + l
		}
	}
	return strings.Join(lines, "\n")
}

// Lang is the language the reply is written in: "en", or the language of
// the translation it was rendered with ("ur").
func (r *Reply) Lang() string {
	if r.tr == nil {
		return knowledge.English
	}
	return r.tr.Lang
}

// Label returns a fixed word of the reply (knowledge.Labels: "sources",
// "suggestions", "follow_ups", "pick_hint", "parts", "footer") in its
// language.
func (r *Reply) Label(key string) string { return r.tr.Label(key) }

// QuestionOf returns an entry's question in the reply's language, as its
// suggestions and follow-ups are shown.
func (r *Reply) QuestionOf(en *knowledge.Entry) string { return r.tr.Question(en) }

// CitationLine renders one numbered source reference:
// [1] Title, section “Section”, by Author. Who a fact is credited to is said
// with the fact (its text, or the credit line before its part), never here:
// a section cites facts credited to different people and to no one.
func CitationLine(c Citation) string {
	var b strings.Builder
	b.WriteString("[" + strconv.Itoa(c.N) + "] " + c.Source.Title)
	if c.Source.Untitled {
		b.WriteString(" " + c.tr.Label("title_ours"))
	}
	if c.Section != "" {
		b.WriteString(c.tr.Label("comma") + c.tr.Label("section") + " “" + c.Section + "”")
	}
	if credit := c.Source.Credit(); credit != "" {
		b.WriteString(c.tr.Label("comma") + c.tr.Label("by") + " " + credit)
	}
	return b.String()
}

// PeriodNote describes the periods of the figures in r, or "" if none:
// the fiscal years they are for, what "currently" means for figures that
// held when their source was written, and how the fiscal year runs.
func (r *Reply) PeriodNote() string { return r.PeriodNoteSeen(nil) }

// PeriodNoteSeen is PeriodNote for a conversation: the explanations
// already given in it (what "currently" means, how the fiscal year runs),
// as recorded in seen, are left out, and those given now are recorded. The
// years the figures are for are always said. A nil seen leaves nothing out.
func (r *Reply) PeriodNoteSeen(seen map[string]bool) string {
	ps, cs := r.Periods(), r.reportPeriods()
	if len(ps) == 0 && len(cs) == 0 {
		return ""
	}
	// once reports whether an explanation is to be given: the first time
	// in the conversation.
	once := func(key string) bool {
		if seen == nil {
			return true
		}
		if seen[key] {
			return false
		}
		seen[key] = true
		return true
	}
	var note string
	if len(ps) > 0 {
		note = strings.ReplaceAll(r.Label("figures_for"), "{periods}", strings.Join(ps, " "+r.Label("and")+" ")) + " "
	}
	if len(cs) > 0 && once("current") {
		note += strings.ReplaceAll(r.currentNote, "{period}", strings.Join(cs, " and ")) + " "
	}
	if r.calendarNote != "" {
		note += r.calendarNote + " "
	}
	if once("fiscal") {
		all := append(ps, cs...)
		slices.Sort(all)
		note += fiscalExample(r.fiscalNote, all[len(all)-1])
	}
	return strings.TrimSpace(note)
}

// fiscalExample fills the fiscal-year message's {period}, {start} and {end}
// with period ("FY24": July 2023 to June 2024), so that the example is the
// year the figures are for.
func fiscalExample(msg, period string) string {
	if !strings.Contains(msg, "{period}") {
		return msg
	}
	yy, err := strconv.Atoi(strings.TrimPrefix(period, "FY"))
	if err != nil || !strings.HasPrefix(period, "FY") {
		return msg
	}
	end := 2000 + yy
	return strings.NewReplacer("{period}", period, "{start}", strconv.Itoa(end-1), "{end}", strconv.Itoa(end)).Replace(msg)
}

// SuggestionsHeading is what introduces a decline's suggestions: "You
// could ask:" when they are questions the bot can answer, or "" when the
// message itself introduces them ("did you mean", "here is more").
func (r *Reply) SuggestionsHeading() string {
	if r.Answered || len(r.Suggestions) == 0 || r.Reason == DeclineUnsure || r.Reason == OfferedMore {
		return ""
	}
	return r.Label("suggestions")
}

// DeclineText is what a reply that is not an answer says, without its
// suggestions: its message (Decline), after a figure of the question the
// sources contradict (Premise), if any.
func (r *Reply) DeclineText() string {
	if r.Premise != "" {
		return r.Premise + " " + r.Decline
	}
	return r.Decline
}

// Text renders the reply as plain text for the CLI and the REPL. It is at
// most MaxTextRunes long.
func (r *Reply) Text() string { return r.TextSeen(nil) }

// TextSeen is Text for a conversation, with its period note as
// PeriodNoteSeen gives it: an explanation is given once, not under every
// figure.
func (r *Reply) TextSeen(seen map[string]bool) string {
	var b strings.Builder
	if !r.Answered {
		b.WriteString(r.DeclineText())
		if len(r.Suggestions) > 0 {
			if h := r.SuggestionsHeading(); h != "" {
				b.WriteString("\n\n" + h)
			} else {
				b.WriteString("\n")
			}
			for i, s := range r.Suggestions {
				fmt.Fprintf(&b, "\n%d. %s", i+1, r.QuestionOf(s))
			}
		}
		return Truncate(r.Directed(b.String()), MaxTextRunes)
	}
	if r.Premise != "" {
		b.WriteString(r.Premise)
		if r.Brief {
			b.WriteString(" " + r.Marks())
		}
		b.WriteString("\n\n")
	}
	if r.Brief {
		b.WriteString(r.Label("sources") + ":")
		for _, c := range r.Citations {
			b.WriteString("\n" + CitationLine(c))
		}
		return Truncate(r.Directed(b.String()), MaxTextRunes)
	}
	var body []string // the parts' lines, each ending in a newline
	for i, p := range r.Parts {
		if i > 0 {
			body = append(body, "\n")
		}
		body = append(body, p.Title()+"\n")
		for i, f := range p.Facts {
			if c := CreditLine(p); c != "" && i == p.CreditAt {
				body = append(body, c+"\n")
			}
			body = append(body, "- "+FactLine(f)+"\n")
		}
	}
	var tail strings.Builder
	if r.Note != "" {
		tail.WriteString("\n" + r.Note + "\n")
	}
	if note := r.PeriodNoteSeen(seen); note != "" {
		tail.WriteString("\n" + note + "\n")
	}
	tail.WriteString("\n" + r.Label("sources") + ":")
	for _, c := range r.Citations {
		tail.WriteString("\n" + CitationLine(c))
	}
	text := func(body []string, cut string) string {
		return r.Directed(b.String() + strings.Join(body, "") + cut + tail.String())
	}
	s := text(body, "")
	if utf8.RuneCountInString(s) > MaxTextRunes {
		// A message of many questions: whole lines of facts are left
		// out from the end, and said to be, so the sources still show.
		cut := "\n" + r.Label("cut") + "\n"
		for len(body) > 1 && utf8.RuneCountInString(text(body, cut)) > MaxTextRunes {
			body = body[:len(body)-1]
		}
		s = text(body, cut)
	}
	return Truncate(s, MaxTextRunes)
}

// Marks returns the reply's citation marks, "[1] [2]": what a brief reply
// ("who said that?") cites, since it shows no facts of its own.
func (r *Reply) Marks() string {
	marks := make([]string, len(r.Citations))
	for i, c := range r.Citations {
		marks[i] = "[" + strconv.Itoa(c.N) + "]"
	}
	return strings.Join(marks, " ")
}

// Truncate cuts s to at most n runes, ending with an ellipsis when cut.
func Truncate(s string, n int) string {
	if n <= 0 {
		return ""
	}
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

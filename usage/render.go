package usage

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// textQuestionLen is how many runes of a question the text form shows.
const textQuestionLen = 100

// timeLayout is how the text and HTML forms show the window's ends.
const timeLayout = "2006-01-02 15:04 MST"

// Text writes the report as plain text for a terminal or an email: the
// totals, then a table for each part. Questions are quoted, with control
// characters escaped (they are user input), and cut to 100 runes.
func (r *Report) Text(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "bpobot usage report\n%s to %s\n\n", r.From.UTC().Format(timeLayout), r.To.UTC().Format(timeLayout))

	summary := table{right: []bool{false, true, true}}
	summary.add("questions", strconv.Itoa(r.Total), "")
	summary.add("answered", strconv.Itoa(r.Answered), percent(r.AnswerRate))
	summary.add("declined", strconv.Itoa(r.Declined), "")
	summary.add("distinct users", strconv.Itoa(r.DistinctUsers), "")
	summary.write(&b)
	if r.DistinctUsers == 0 && r.Total > 0 {
		b.WriteString("  (no users counted: questions from ask and repl carry none)\n")
	}

	b.WriteString("\nWords the engine did not know (add them to the lexicon or the knowledge base)\n")
	words := table{head: []string{"COUNT", "WORD", "EXAMPLE"}, right: []bool{true}}
	for _, w := range r.UnknownWords {
		words.add(strconv.Itoa(w.Count), quoteIfNeeded(w.Word), quoteText(w.Example))
	}
	words.write(&b)

	b.WriteString("\nQuestions per day\n")
	days := table{head: []string{"DATE", "TOTAL", "ANSWERED", "RATE"}, right: []bool{false, true, true, true}}
	for _, d := range r.Days {
		rate := "-"
		if d.Total > 0 {
			rate = percent(d.Rate())
		}
		days.add(d.Date, strconv.Itoa(d.Total), strconv.Itoa(d.Answered), rate)
	}
	days.write(&b)

	b.WriteString("\nTop questions\n")
	top := table{head: []string{"COUNT", "ENTRY", "QUESTION"}, right: []bool{true}}
	for _, q := range r.TopQuestions {
		entry := "(declined)"
		switch {
		case q.EntryID != "":
			entry = quoteIfNeeded(q.EntryID)
		case q.Answered:
			entry = "(replied)" // a greeting or the introduction
		}
		top.add(strconv.Itoa(q.Count), entry, quoteText(q.Text))
	}
	top.write(&b)

	b.WriteString("\nDeclined questions, grouped by why\n")
	groups := table{head: []string{"COUNT", "PHRASINGS", "WHY", "QUESTION"}, right: []bool{true, true}}
	for _, g := range r.TopDeclined {
		groups.add(strconv.Itoa(g.Count), strconv.Itoa(g.Phrasings), g.Why(), quoteText(g.Label))
		for _, e := range g.Examples {
			groups.add("", "", "", "  "+quoteText(e))
		}
	}
	groups.write(&b)

	b.WriteString("\nMost thumbs-down\n")
	liked := table{head: []string{"ENTRY", "DOWN", "UP", "QUESTION"}, right: []bool{false, true, true}}
	for _, f := range r.MostDisliked {
		first := ""
		if len(f.Questions) > 0 {
			first = quoteText(f.Questions[0])
		}
		liked.add(quoteIfNeeded(f.EntryID), strconv.Itoa(f.Down), strconv.Itoa(f.Up), first)
		for _, q := range f.Questions[min(1, len(f.Questions)):] {
			liked.add("", "", "", quoteText(q))
		}
	}
	liked.write(&b)

	b.WriteString("\nSuggestions picked after a decline\n")
	picks := table{head: []string{"ENTRY", "COUNT", "FOR THE QUESTION"}, right: []bool{false, true}}
	for _, p := range r.Picks {
		entry := quoteIfNeeded(p.EntryID)
		if p.EntryID == PickNone {
			entry = "(none of these)"
		}
		first := ""
		if len(p.Questions) > 0 {
			first = quoteText(p.Questions[0])
		}
		picks.add(entry, strconv.Itoa(p.Count), first)
		for _, q := range p.Questions[min(1, len(p.Questions)):] {
			picks.add("", "", quoteText(q))
		}
	}
	picks.write(&b)

	_, err := io.WriteString(w, b.String())
	return err
}

// Why says in a few words why a group was declined: the term the sources
// do not cover, or the entry that came nearest, and the engine's reason.
func (g DeclinedGroup) Why() string {
	reason := g.Reason
	if reason == "" {
		reason = "declined"
	}
	switch {
	case g.Term != "":
		return "no " + quoteIfNeeded(g.Term) + " (" + reason + ")"
	case g.Nearest != "":
		return "near " + quoteIfNeeded(g.Nearest) + " (" + reason + ")"
	}
	return reason
}

// JSON writes the report as one indented JSON object with snake_case field
// names (see the Report type's field tags), times in RFC 3339, and empty
// lists as [] rather than null. <, > and & in strings are written as \u003c,
// \u003e and \u0026, so the output is safe to embed in HTML.
func (r *Report) JSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// percent formats a rate in [0, 1] as a percentage with one decimal.
func percent(x float64) string { return strconv.FormatFloat(100*x, 'f', 1, 64) + "%" }

// quoteText quotes a question for the text form, escaping anything that is
// not printable (so no user input reaches a terminal as a control sequence)
// and cutting it to textQuestionLen runes.
func quoteText(s string) string {
	if utf8.RuneCountInString(s) > textQuestionLen {
		s = clip(s, textQuestionLen-1) + "…"
	}
	return strconv.Quote(s)
}

// quoteIfNeeded returns an id as it is if it is printable and has no spaces
// or quotes, and quoted otherwise.
func quoteIfNeeded(s string) string {
	if s == "" || strings.ContainsFunc(s, func(r rune) bool { return r == ' ' || r == '"' || !strconv.IsPrint(r) }) {
		return strconv.Quote(s)
	}
	return s
}

// A table lays out text in columns separated by two spaces, each as wide as
// its widest cell (in runes), for the text form.
type table struct {
	head  []string   // column headings, or nil for none
	right []bool     // whether column i is right-aligned
	rows  [][]string // the cells
}

func (t *table) add(cells ...string) { t.rows = append(t.rows, cells) }

// write writes the table, each line indented by two spaces, or "  (none)"
// when it has no rows.
func (t *table) write(b *strings.Builder) {
	if len(t.rows) == 0 {
		b.WriteString("  (none)\n")
		return
	}
	rows := t.rows
	if t.head != nil {
		rows = append([][]string{t.head}, rows...)
	}
	var width []int
	for _, row := range rows {
		for i, c := range row {
			if i == len(width) {
				width = append(width, 0)
			}
			width[i] = max(width[i], utf8.RuneCountInString(c))
		}
	}
	for _, row := range rows {
		var line strings.Builder
		line.WriteString("  ")
		for i, c := range row {
			if i > 0 {
				line.WriteString("  ")
			}
			pad := strings.Repeat(" ", width[i]-utf8.RuneCountInString(c))
			if i < len(t.right) && t.right[i] {
				line.WriteString(pad + c)
			} else {
				line.WriteString(c + pad)
			}
		}
		b.WriteString(strings.TrimRight(line.String(), " "))
		b.WriteByte('\n')
	}
}

// dayLabel formats a YYYY-MM-DD date as "Jun 9" for the chart.
func dayLabel(date string) string {
	d, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return date
	}
	return d.Format("Jan 2")
}

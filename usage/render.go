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
		if q.EntryID != "" {
			entry = quoteIfNeeded(q.EntryID)
		}
		top.add(strconv.Itoa(q.Count), entry, quoteText(q.Text))
	}
	top.write(&b)

	b.WriteString("\nDeclined questions, near-duplicates grouped\n")
	groups := table{head: []string{"COUNT", "PHRASINGS", "QUESTION"}, right: []bool{true, true}}
	for _, g := range r.TopDeclined {
		groups.add(strconv.Itoa(g.Count), strconv.Itoa(g.Phrasings), quoteText(g.Label))
		for _, e := range g.Examples {
			groups.add("", "", "  "+quoteText(e))
		}
	}
	groups.write(&b)

	b.WriteString("\nMost thumbs-down\n")
	liked := table{head: []string{"ENTRY", "DOWN", "UP"}, right: []bool{false, true, true}}
	for _, f := range r.MostDisliked {
		liked.add(quoteIfNeeded(f.EntryID), strconv.Itoa(f.Down), strconv.Itoa(f.Up))
	}
	liked.write(&b)

	b.WriteString("\nSuggestions picked after a decline\n")
	picks := table{head: []string{"ENTRY", "COUNT"}, right: []bool{false, true}}
	for _, p := range r.Picks {
		entry := quoteIfNeeded(p.EntryID)
		if p.EntryID == PickNone {
			entry = "(none of these)"
		}
		picks.add(entry, strconv.Itoa(p.Count))
	}
	picks.write(&b)

	_, err := io.WriteString(w, b.String())
	return err
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

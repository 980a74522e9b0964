package usage

import (
	"fmt"
	"html/template"
	"io"
	"math"
	"strconv"
	"time"
)

// HTML writes the report as a single self-contained HTML page: no external
// assets and no JavaScript. Questions per day are drawn as bars and the
// answer rate as a line in an inline SVG chart; the rest are tables. All text
// is escaped by html/template.
func (r *Report) HTML(w io.Writer) error {
	return htmlPage.Execute(w, struct {
		*Report
		Chart *chart
	}{r, newChart(r.Days)})
}

// The chart's geometry, in SVG user units: the image, and the plot area in it
// (x from chartX0 to chartX1, y from chartY0 at the top to chartY1).
const (
	chartW, chartH   = 760, 280
	chartX0, chartX1 = 48, chartW - 52
	chartY0, chartY1 = 16, chartH - 40
	plotW, plotH     = chartX1 - chartX0, chartY1 - chartY0
	maxXLabels       = 10 // dates under the bars, at most
	maxBarW          = 40
)

// A chart is the precomputed geometry of the questions-per-day chart, so
// that the template only places it.
type chart struct {
	W, H           int
	X0, X1, Y0, Y1 int // the plot area
	Bars           []chartBar
	Lines          []string // polyline points: one run of days with questions each
	Dots           []chartDot
	YTicks         []chartTick // questions, on the left
	RateTicks      []chartTick // answer rate, on the right
	XLabels        []chartTick // dates, under the bars
}

type chartBar struct {
	X, Y, W, H string
	Title      string
}

type chartDot struct {
	X, Y  string
	Title string
}

type chartTick struct {
	Pos   string // y for the axes, x for the dates
	Label string
}

// newChart lays out the chart of days, or returns nil when there are none.
func newChart(days []Day) *chart {
	if len(days) == 0 {
		return nil
	}
	c := &chart{W: chartW, H: chartH, X0: chartX0, X1: chartX1, Y0: chartY0, Y1: chartY1}
	most := 0
	for _, d := range days {
		most = max(most, d.Total)
	}
	step := niceStep(most)
	top := step * max(1, (most+step-1)/step)
	for v := 0; v <= top; v += step {
		c.YTicks = append(c.YTicks, chartTick{Pos: num(y(float64(v) / float64(top))), Label: strconv.Itoa(v)})
	}
	for _, p := range []int{0, 50, 100} {
		c.RateTicks = append(c.RateTicks, chartTick{Pos: num(y(float64(p) / 100)), Label: strconv.Itoa(p) + "%"})
	}

	slot := float64(plotW) / float64(len(days))
	barW := math.Min(maxBarW, math.Max(1, slot*0.7))
	every := (len(days) + maxXLabels - 1) / maxXLabels
	var line []byte
	for i, d := range days {
		mid := chartX0 + slot*(float64(i)+0.5)
		h := float64(plotH) * float64(d.Total) / float64(top)
		if d.Total > 0 {
			c.Bars = append(c.Bars, chartBar{
				X: num(mid - barW/2), Y: num(chartY1 - h), W: num(barW), H: num(h),
				Title: fmt.Sprintf("%s: %d questions, %d answered", d.Date, d.Total, d.Answered),
			})
			ry := y(d.Rate())
			c.Dots = append(c.Dots, chartDot{X: num(mid), Y: num(ry),
				Title: fmt.Sprintf("%s: %s answered", d.Date, percent(d.Rate()))})
			line = fmt.Appendf(line, "%s,%s ", num(mid), num(ry))
		}
		if d.Total == 0 || i == len(days)-1 {
			if len(line) > 0 {
				c.Lines = append(c.Lines, string(line[:len(line)-1]))
				line = line[:0]
			}
		}
		if i%every == 0 {
			c.XLabels = append(c.XLabels, chartTick{Pos: num(mid), Label: dayLabel(d.Date)})
		}
	}
	return c
}

// y maps a fraction of the plot's height, from 0 at the bottom, to an SVG y.
func y(frac float64) float64 { return chartY1 - frac*plotH }

// num formats a coordinate with at most one decimal.
func num(x float64) string { return strconv.FormatFloat(math.Round(x*10)/10, 'f', -1, 64) }

// niceStep returns a step of 1, 2 or 5 times a power of ten that divides
// 0..most into at most 5 ticks.
func niceStep(most int) int {
	for p := 1; ; p *= 10 {
		for _, m := range []int{1, 2, 5} {
			if s := m * p; most <= 5*s {
				return s
			}
		}
	}
}

var htmlPage = template.Must(template.New("report").Funcs(template.FuncMap{
	"percent": percent,
	"time":    func(t time.Time) string { return t.UTC().Format(timeLayout) },
}).Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>bpobot usage report</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1d1d1f; }
h1 { margin-bottom: 0.2rem; }
.window { color: #555; margin-top: 0; }
.summary { display: flex; flex-wrap: wrap; gap: 1rem; }
.summary div { border: 1px solid #ddd; border-radius: 6px; padding: 0.6rem 1rem; min-width: 8rem; }
.summary b { display: block; font-size: 1.6rem; }
table { border-collapse: collapse; width: 100%; margin-bottom: 1rem; }
th, td { text-align: left; padding: 0.3rem 0.6rem; border-bottom: 1px solid #e5e5e5; vertical-align: top; overflow-wrap: anywhere; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
ul.examples { margin: 0.2rem 0 0; padding-left: 1.2rem; color: #555; }
.none { color: #777; font-style: italic; }
svg { max-width: 100%; height: auto; font-size: 11px; }
.bar { fill: #7aa6d8; }
.rate { fill: none; stroke: #d9622b; stroke-width: 2; }
.dot { fill: #d9622b; }
.grid { stroke: #e5e5e5; }
.axis { fill: #555; }
.legend span { display: inline-block; width: 0.8rem; height: 0.8rem; margin: 0 0.3rem 0 1rem; vertical-align: middle; }
</style>
</head>
<body>
<h1>bpobot usage report</h1>
<p class="window">{{time .From}} to {{time .To}}</p>

<div class="summary">
<div><b>{{.Total}}</b>questions</div>
<div><b>{{.Answered}}</b>answered ({{percent .AnswerRate}})</div>
<div><b>{{.Declined}}</b>declined</div>
<div><b>{{.DistinctUsers}}</b>distinct users</div>
</div>

<h2>Words the engine did not know</h2>
{{with .UnknownWords -}}
<p>Add them to the lexicon, or to the knowledge base, first.</p>
<table>
<tr><th class="n">Count</th><th>Word</th><th>Example</th></tr>
{{- range .}}
<tr><td class="n">{{.Count}}</td><td>{{.Word}}</td><td>{{.Example}}</td></tr>
{{- end}}
</table>
{{- else -}}
<p class="none">None in this window.</p>
{{- end}}

<h2>Questions per day</h2>
{{with .Chart -}}
<p class="legend"><span style="background:#7aa6d8"></span>questions <span style="background:#d9622b"></span>answer rate</p>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {{.W}} {{.H}}" width="{{.W}}" height="{{.H}}" role="img" aria-label="Questions per day and answer rate">
{{- range .YTicks}}
<line class="grid" x1="{{$.Chart.X0}}" x2="{{$.Chart.X1}}" y1="{{.Pos}}" y2="{{.Pos}}"/>
<text class="axis" x="{{$.Chart.X0}}" y="{{.Pos}}" dx="-6" dy="4" text-anchor="end">{{.Label}}</text>
{{- end}}
{{- range .RateTicks}}
<text class="axis" x="{{$.Chart.X1}}" y="{{.Pos}}" dx="6" dy="4">{{.Label}}</text>
{{- end}}
{{- range .Bars}}
<rect class="bar" x="{{.X}}" y="{{.Y}}" width="{{.W}}" height="{{.H}}"><title>{{.Title}}</title></rect>
{{- end}}
{{- range .Lines}}
<polyline class="rate" points="{{.}}"/>
{{- end}}
{{- range .Dots}}
<circle class="dot" cx="{{.X}}" cy="{{.Y}}" r="3"><title>{{.Title}}</title></circle>
{{- end}}
{{- range .XLabels}}
<text class="axis" x="{{.Pos}}" y="{{$.Chart.Y1}}" dy="16" text-anchor="middle">{{.Label}}</text>
{{- end}}
</svg>
{{- else -}}
<p class="none">No questions in this window.</p>
{{- end}}
{{with .Days}}
<details>
<summary>Table</summary>
<table>
<tr><th>Date</th><th class="n">Questions</th><th class="n">Answered</th><th class="n">Rate</th></tr>
{{- range .}}
<tr><td>{{.Date}}</td><td class="n">{{.Total}}</td><td class="n">{{.Answered}}</td><td class="n">{{if .Total}}{{percent .Rate}}{{else}}-{{end}}</td></tr>
{{- end}}
</table>
</details>
{{- end}}

<h2>Top questions</h2>
{{with .TopQuestions -}}
<table>
<tr><th class="n">Count</th><th>Entry</th><th>Question</th></tr>
{{- range .}}
<tr><td class="n">{{.Count}}</td><td>{{if .EntryID}}{{.EntryID}}{{else if .Answered}}(replied){{else}}(declined){{end}}</td><td>{{.Text}}</td></tr>
{{- end}}
</table>
{{- else -}}
<p class="none">None in this window.</p>
{{- end}}

<h2>Declined questions, grouped by why</h2>
{{with .TopDeclined -}}
<table>
<tr><th class="n">Count</th><th class="n">Phrasings</th><th>Why</th><th>Question</th></tr>
{{- range .}}
<tr><td class="n">{{.Count}}</td><td class="n">{{.Phrasings}}</td><td>{{.Why}}</td><td>{{.Label}}
{{- with .Examples}}<ul class="examples">{{range .}}<li>{{.}}</li>{{end}}</ul>{{end -}}
</td></tr>
{{- end}}
</table>
{{- else -}}
<p class="none">None in this window.</p>
{{- end}}

<h2>Most thumbs-down</h2>
{{with .MostDisliked -}}
<table>
<tr><th>Entry</th><th class="n">Down</th><th class="n">Up</th><th>Questions</th></tr>
{{- range .}}
<tr><td>{{.EntryID}}</td><td class="n">{{.Down}}</td><td class="n">{{.Up}}</td><td>{{with .Questions}}<ul class="examples">{{range .}}<li>{{.}}</li>{{end}}</ul>{{end}}</td></tr>
{{- end}}
</table>
{{- else -}}
<p class="none">None in this window.</p>
{{- end}}

<h2>Suggestions picked after a decline</h2>
{{with .Picks -}}
<table>
<tr><th>Entry</th><th class="n">Count</th><th>For the questions</th></tr>
{{- range .}}
<tr><td>{{if eq .EntryID "none"}}(none of these){{else}}{{.EntryID}}{{end}}</td><td class="n">{{.Count}}</td><td>{{with .Questions}}<ul class="examples">{{range .}}<li>{{.}}</li>{{end}}</ul>{{end}}</td></tr>
{{- end}}
</table>
{{- else -}}
<p class="none">None in this window.</p>
{{- end}}
</body>
</html>
`))

package usage

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

var update = flag.Bool("update", false, "rewrite the testdata/*.golden files")

// xssQuestion is a question that would run script if the HTML form did not
// escape it.
const xssQuestion = `<script>alert(1)</script>`

// fixtureStore returns a store of the backend filled with a fixed week of
// usage, and the start of the week: testNow minus 7 days.
func fixtureStore(t *testing.T, b backend) (*sqlStore, time.Time) {
	t.Helper()
	s := b.open(t, Options{HashKey: []byte("fixture")})
	since := testNow.Add(-7 * 24 * time.Hour) // 2025-06-08 12:00 UTC
	day := func(d, h int) time.Time { return time.Date(2025, 6, d, h, 0, 0, 0, time.UTC) }

	// What the engine made of a declined question.
	salary := Question{Reason: "unsupported", Blocker: "salary", Nearest: "bpo-jobs"}
	top := Question{Reason: "unsupported", Blocker: "top", Nearest: "top-clients"}
	india := Question{Reason: "unsupported", Blocker: "India", Nearest: "fy25-earnings"}
	offTopic := Question{Reason: "not-covered", Unknown: []string{"script", "alert"}}
	type q struct {
		at      time.Time
		user    string
		text    string
		entry   string   // "" when declined
		analyse Question // for a declined one
	}
	fixtures := []q{
		// Before the window: not counted.
		{day(7, 10), "u9", "bpo salary in karachi", "", salary},
		{day(8, 11), "u9", "how much did call centers earn in fy25", "fy25-earnings", Question{}},

		{day(8, 13), "u1", "how much did call centers earn in fy25", "fy25-earnings", Question{}},
		{day(8, 14), "u2", "bpo salary in karachi", "", salary},
		{day(9, 9), "u1", "how much did call centers earn in fy25", "fy25-earnings", Question{}},
		{day(9, 10), "u3", "why do companies outsource to pakistan", "why-pakistan", Question{}},
		{day(9, 11), "u4", "salary of bpo in karachi?", "", salary},
		{day(10, 8), "u2", "how much did call centers earn in fy25", "fy25-earnings", Question{}},
		{day(10, 9), "u5", "top 10 bpo companies", "", top},
		{day(10, 12), "u5", "top 10 bpo companies in lahore", "", top},
		// Nothing on June 11.
		{day(12, 15), "u6", "call centers ne fy25 mein kitna kamaya", "fy25-earnings", Question{}},
		{day(12, 16), "u3", "bpo salary in karachi", "", salary},
		{day(12, 17), "", "what is the dabba scam", "dabba-crackdown", Question{}},
		{day(13, 9), "u7", xssQuestion, "", offTopic},
		{day(13, 10), "u4", "why do companies outsource to pakistan", "why-pakistan", Question{}},
		{day(13, 11), "u2", "bpo salaries karachi", "", Question{Reason: "unsure", Nearest: "bpo-jobs", Unknown: []string{"salaries"}}},
		{day(14, 20), "u1", "how much did call centers earn in fy25", "fy25-earnings", Question{}},
		{day(14, 21), "u8", "india bpo revenue", "", india},
		{day(14, 22), "u5", "top 10 bpo companies", "", top},
		{day(15, 9), "u6", "what is the dabba scam", "dabba-crackdown", Question{}},
		{day(15, 10), "u2", "karachi bpo salary", "", salary},
		{day(15, 11), "u3", "why do companies outsource to pakistan", "why-pakistan", Question{}},
	}
	ids := make([]int64, len(fixtures))
	for i, f := range fixtures {
		surface := SurfaceSlash
		if i%3 == 1 {
			surface = SurfaceDM
		}
		ids[i] = record(t, s, Question{ID: int64(1000 + i), Time: f.at, Surface: surface, GuildID: "g", UserID: f.user,
			Normalized: f.text, EntryID: f.entry, Answered: f.entry != "", Score: 0.5,
			Reason: f.analyse.Reason, Blocker: f.analyse.Blocker, Unknown: f.analyse.Unknown, Nearest: f.analyse.Nearest})
	}
	at := func(i int) int64 { return ids[i] }

	ctx := t.Context()
	votes := []struct {
		q    int
		user string
		up   bool
	}{
		{1, "u9", false}, // on a question before the window, but given now: counted
		{2, "u1", false},
		{4, "u1", false},
		{4, "u2", true},
		{5, "u3", false},
		{5, "u3", true}, // changed its mind
		{5, "u4", false},
		{14, "u4", false},
		{12, "u5", true},
		{16, "u1", false},
	}
	for _, v := range votes {
		// Votes name their entry, as the bot's buttons do.
		if _, err := s.RecordFeedback(ctx, Vote{QuestionID: at(v.q), EntryID: fixtures[v.q].entry, UserID: v.user, Up: v.up}); err != nil {
			t.Fatal(err)
		}
	}
	picks := []struct {
		q     int
		entry string
	}{
		{3, PickNone},
		{8, "top-clients"},
		{9, "top-clients"},
		{11, PickNone},
		{11, PickNone}, // pressed twice
		{15, PickNone},
		{17, "why-pakistan"},
	}
	for _, p := range picks {
		if err := s.RecordPick(ctx, at(p.q), p.entry); err != nil {
			t.Fatal(err)
		}
	}
	return s, since
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it):\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

// TestReportGolden checks the report of the fixture against the golden
// files, on both backends: they must give the same report.
func TestReportGolden(t *testing.T) {
	eachBackend(t, testReportGolden)
}

func testReportGolden(t *testing.T, b backend) {
	s, since := fixtureStore(t, b)
	r, err := s.Report(t.Context(), since)
	if err != nil {
		t.Fatal(err)
	}
	var text, js bytes.Buffer
	if err := r.Text(&text); err != nil {
		t.Fatal(err)
	}
	if err := r.JSON(&js); err != nil {
		t.Fatal(err)
	}
	golden(t, "report.txt.golden", text.Bytes())
	golden(t, "report.json.golden", js.Bytes())

	// The JSON form reads back into the same report.
	var back Report
	if err := json.Unmarshal(js.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(&back, r) {
		t.Errorf("JSON round trip changed the report:\n%+v\n%+v", back, *r)
	}
}

// TestReportFigures checks the fixture's report against figures worked out by
// hand, independently of the golden files.
func TestReportFigures(t *testing.T) {
	eachBackend(t, testReportFigures)
}

func testReportFigures(t *testing.T, b backend) {
	s, since := fixtureStore(t, b)
	r, err := s.Report(t.Context(), since)
	if err != nil {
		t.Fatal(err)
	}
	if r.Total != 20 || r.Answered != 10 || r.Declined != 10 || r.AnswerRate != 0.5 || r.DistinctUsers != 8 {
		t.Errorf("total %d, answered %d, declined %d, rate %v, users %d; want 20, 10, 10, 0.5, 8",
			r.Total, r.Answered, r.Declined, r.AnswerRate, r.DistinctUsers)
	}
	wantDays := []Day{
		{"2025-06-08", 2, 1}, {"2025-06-09", 3, 2}, {"2025-06-10", 3, 1}, {"2025-06-11", 0, 0},
		{"2025-06-12", 3, 2}, {"2025-06-13", 3, 1}, {"2025-06-14", 3, 1}, {"2025-06-15", 3, 2},
	}
	if !reflect.DeepEqual(r.Days, wantDays) {
		t.Errorf("days:\n%v\nwant\n%v", r.Days, wantDays)
	}
	if got := r.TopQuestions[0]; got != (QuestionCount{"how much did call centers earn in fy25", 4, "fy25-earnings", true}) {
		t.Errorf("top question %+v", got)
	}
	wantDeclined := []DeclinedGroup{
		{"unsupported", "salary", "", "bpo salary in karachi", 4, 3, []string{"karachi bpo salary", "salary of bpo in karachi?"}},
		{"unsupported", "top", "", "top 10 bpo companies", 3, 2, []string{"top 10 bpo companies in lahore"}},
		{"not-covered", "", "", xssQuestion, 1, 1, []string{}},
		{"unsure", "", "bpo-jobs", "bpo salaries karachi", 1, 1, []string{}},
		{"unsupported", "india", "", "india bpo revenue", 1, 1, []string{}},
	}
	if !reflect.DeepEqual(r.TopDeclined, wantDeclined) {
		t.Errorf("declined groups:\n%+v\nwant\n%+v", r.TopDeclined, wantDeclined)
	}
	wantWords := []WordCount{{"alert", 1, xssQuestion}, {"salaries", 1, "bpo salaries karachi"}, {"script", 1, xssQuestion}}
	if !reflect.DeepEqual(r.UnknownWords, wantWords) {
		t.Errorf("unknown words %+v; want %+v", r.UnknownWords, wantWords)
	}
	wantDisliked := []EntryFeedback{
		{"fy25-earnings", 4, 1, []string{"how much did call centers earn in fy25"}},
		{"why-pakistan", 2, 1, []string{"why do companies outsource to pakistan"}},
	}
	if !reflect.DeepEqual(r.MostDisliked, wantDisliked) {
		t.Errorf("most disliked %+v; want %+v", r.MostDisliked, wantDisliked)
	}
	wantPicks := []PickCount{
		{PickNone, 3, []string{"bpo salary in karachi", "bpo salaries karachi"}}, // one text twice, one once
		{"top-clients", 2, []string{"top 10 bpo companies", "top 10 bpo companies in lahore"}},
		{"why-pakistan", 1, []string{"india bpo revenue"}},
	}
	if !reflect.DeepEqual(r.Picks, wantPicks) {
		t.Errorf("picks %+v; want %+v", r.Picks, wantPicks)
	}
}

func TestReportOrderingAndLimit(t *testing.T) {
	eachBackend(t, testReportOrderingAndLimit)
}

func testReportOrderingAndLimit(t *testing.T, b backend) {
	s := b.open(t, Options{})
	// 30 questions asked twice each, and "b" three times: "b" first, then
	// the rest by text, cut at TopN.
	for i := range 30 {
		for range 2 {
			record(t, s, Question{Normalized: fmt.Sprintf("q%02d", 29-i), EntryID: "e", Answered: true})
		}
	}
	for range 3 {
		record(t, s, Question{Normalized: "b"})
	}
	r, err := s.Report(t.Context(), testNow.Add(-time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.TopQuestions) != TopN {
		t.Fatalf("%d top questions; want %d", len(r.TopQuestions), TopN)
	}
	if q := r.TopQuestions[0]; q.Text != "b" || q.Count != 3 || q.EntryID != "" {
		t.Errorf("first %+v; want b, 3, declined", q)
	}
	for i, q := range r.TopQuestions[1:] {
		if want := fmt.Sprintf("q%02d", i); q.Text != want || q.Count != 2 {
			t.Errorf("top question %d: %+v; want %s, 2", i+1, q, want)
		}
	}
}

func TestReportEmptyWindow(t *testing.T) {
	s := sqliteBackend.open(t, Options{})
	record(t, s, Question{Normalized: "long ago", Time: testNow.Add(-30 * 24 * time.Hour)})
	r, err := s.Report(t.Context(), testNow.Add(-24*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if r.Total != 0 || r.AnswerRate != 0 || len(r.Days) != 0 {
		t.Errorf("empty window: %+v", r)
	}
	var js, text, page bytes.Buffer
	if err := r.JSON(&js); err != nil {
		t.Fatal(err)
	}
	for _, field := range []string{"days", "unknown_words", "top_questions", "top_declined", "most_disliked", "picks"} {
		if !strings.Contains(js.String(), fmt.Sprintf("%q: []", field)) {
			t.Errorf("JSON of an empty report has no empty %s list:\n%s", field, js.String())
		}
	}
	if err := r.Text(&text); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text.String(), "(none)") {
		t.Errorf("text of an empty report does not say (none):\n%s", text.String())
	}
	if err := r.HTML(&page); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(page.String(), "<svg") || !strings.Contains(page.String(), "No questions in this window") {
		t.Error("HTML of an empty report draws a chart or does not say there were no questions")
	}
}

func TestReportAllTime(t *testing.T) {
	eachBackend(t, testReportAllTime)
}

func testReportAllTime(t *testing.T, b backend) {
	s := b.open(t, Options{Retention: -1})
	record(t, s, Question{Normalized: "long ago", Time: testNow.AddDate(-2, 0, 0)})
	record(t, s, Question{Normalized: "today"})
	r, err := s.Report(t.Context(), time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	// The days start at the first question, not at year 1.
	if r.Total != 2 || len(r.Days) != 732 || r.Days[0].Date != "2023-06-15" {
		t.Errorf("all-time report: total %d, %d days from %v; want 2, 732 days from 2023-06-15",
			r.Total, len(r.Days), r.Days[0].Date)
	}
	var page bytes.Buffer
	if err := r.HTML(&page); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(page.String(), `text-anchor="middle"`); n > maxXLabels {
		t.Errorf("a chart of %d days has %d date labels; want at most %d", len(r.Days), n, maxXLabels)
	}
}

func TestReportSinceAfterNow(t *testing.T) {
	s := sqliteBackend.open(t, Options{})
	_, err := s.Report(t.Context(), testNow.Add(time.Minute))
	if err == nil || !strings.Contains(err.Error(), "after now") {
		t.Errorf("Report(since in the future) = %v; want an error saying so", err)
	}
}

func TestReportHTML(t *testing.T) {
	s, since := fixtureStore(t, sqliteBackend)
	r, err := s.Report(t.Context(), since)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := r.HTML(&b); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	if strings.Contains(page, xssQuestion) {
		t.Error("the page contains the question's <script> tag unescaped")
	}
	if !strings.Contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("the page does not contain the question's <script> tag escaped")
	}
	for _, external := range []string{"src=", "href=", "@import", "url("} {
		if strings.Contains(page, external) {
			t.Errorf("the page refers to an external resource: %s", external)
		}
	}

	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	elements := map[string]int{}
	var texts []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.ElementNode:
			elements[n.Data]++
		case html.TextNode:
			texts = append(texts, n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if elements["script"] != 0 {
		t.Errorf("the page has %d <script> elements; want none", elements["script"])
	}
	if elements["svg"] != 1 {
		t.Errorf("the page has %d <svg> elements; want 1", elements["svg"])
	}
	days := 0
	for _, d := range r.Days {
		if d.Total > 0 {
			days++
		}
	}
	if elements["rect"] != days || elements["circle"] != days {
		t.Errorf("chart: %d bars and %d rate points; want one each for the %d days with questions",
			elements["rect"], elements["circle"], days)
	}
	// June 11 had no questions: the rate line breaks there.
	if elements["polyline"] != 2 {
		t.Errorf("chart: %d rate lines; want 2, broken at the day without questions", elements["polyline"])
	}
	// The question reaches the reader as text, exactly as asked.
	if !containsString(texts, xssQuestion) {
		t.Error("the question does not appear as text in the parsed page")
	}
	for _, want := range []string{"bpo salary in karachi", "fy25-earnings", "(none of these)", "50.0%", "no salary (unsupported)", "Words the engine did not know"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page does not contain %q", want)
		}
	}
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if strings.Contains(x, s) {
			return true
		}
	}
	return false
}

func TestTextEscapesControlCharacters(t *testing.T) {
	r := &Report{
		From:         testNow.Add(-time.Hour),
		To:           testNow,
		TopQuestions: []QuestionCount{{Text: "evil \x1b[2J\u202eterminal", Count: 1}},
	}
	var b bytes.Buffer
	if err := r.Text(&b); err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(b.String(), "\x1b\u202e") {
		t.Errorf("text form passes control characters through:\n%q", b.String())
	}
	if !strings.Contains(b.String(), `"evil \x1b[2J\u202eterminal"`) {
		t.Errorf("text form does not show the question escaped:\n%s", b.String())
	}
}

func TestFillDays(t *testing.T) {
	got, err := fillDays([]Day{{"2024-02-27", 1, 1}, {"2024-03-01", 2, 0}}, time.Date(2024, 3, 2, 23, 59, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	want := []Day{{"2024-02-27", 1, 1}, {"2024-02-28", 0, 0}, {"2024-02-29", 0, 0}, {"2024-03-01", 2, 0}, {"2024-03-02", 0, 0}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("fillDays:\n%v\nwant\n%v", got, want)
	}
}

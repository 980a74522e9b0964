package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"

	"github.com/bpobot/bpobot/answers"
	"github.com/bpobot/bpobot/internal/eval"
	"github.com/bpobot/bpobot/knowledge"
)

// jsonReply is the --json form of a reply: one object per line, with these
// fields exactly.
type jsonReply struct {
	Question    string         `json:"question"`
	Answered    bool           `json:"answered"`
	ID          string         `json:"id"`
	IDs         []string       `json:"ids"`
	Score       float64        `json:"score"`
	Text        string         `json:"text"`
	Citations   []jsonCitation `json:"citations"`
	Suggestions []string       `json:"suggestions"`
	Lang        string         `json:"lang"` // the language of text and suggestions: "en", or "ur" for a question in Urdu script
}

type jsonCitation struct {
	N       int    `json:"n"`
	Source  string `json:"source"`
	Title   string `json:"title"`
	Section string `json:"section"`
}

func toJSON(r *answers.Reply) jsonReply {
	j := jsonReply{
		Question:    r.Question,
		Answered:    r.Answered,
		ID:          r.EntryID(),
		IDs:         []string{},
		Score:       r.Score,
		Citations:   []jsonCitation{},
		Suggestions: []string{},
		Lang:        r.Lang(),
	}
	if r.Answered {
		j.Text = r.Text()
		j.IDs = append(j.IDs, r.EntryIDs()...)
	} else {
		j.Text = r.DeclineText()
	}
	for _, c := range r.Citations {
		j.Citations = append(j.Citations, jsonCitation{N: c.N, Source: c.Source.ID, Title: c.Source.Title, Section: c.Section})
	}
	for _, s := range r.Suggestions {
		j.Suggestions = append(j.Suggestions, r.QuestionOf(s))
	}
	return j
}

// maxLine is the longest input line read; the rest of a longer line is
// skipped (the engine reads only the first answers.MaxQuestionRunes anyway).
const maxLine = 64 << 10

func askCmd(args []string, std stdio, newEngine func() (*answers.Engine, error), logQuestion func(string, *answers.Reply)) error {
	fs := flag.NewFlagSet("ask", flag.ContinueOnError)
	fs.SetOutput(std.err)
	asJSON := fs.Bool("json", false, "print one JSON object per question")
	fs.Usage = func() {
		fmt.Fprintln(std.out, "usage: bpobot ask [--json] [QUESTION...]\n\nThe words given are one question; two or more quoted questions are answered\neach on its own. With no QUESTION, answers each line of standard input.")
	}
	help := quietFlags(fs, std.out)
	question, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			help()
			return nil
		}
		return usagef("ask: %s", flagError(err, args))
	}
	if len(question) > 0 && strings.TrimSpace(strings.Join(question, "")) == "" {
		return usagef("ask: the question is empty: give one, as in bpobot ask 'how much did call centers earn in FY25?', or none to read questions from standard input")
	}
	if _, set := os.LookupEnv("GOGC"); !set {
		// Loading the snapshot allocates about 2 MB, and a batch a few KB
		// a question over a live heap that is mostly the snapshot:
		// collecting a quarter as often spares one question a collection
		// (bpobot ask stays within 2x bpobot help) and answers 6,600
		// questions about a fifth faster, for about 12 MiB more peak
		// memory (docs/performance.md).
		defer debug.SetGCPercent(debug.SetGCPercent(askGCPercent))
	}
	eng, err := newEngine()
	if err != nil {
		return err
	}
	render := func(q string, many bool) ([]byte, *answers.Reply, error) {
		r := eng.Ask(q)
		var b bytes.Buffer
		if *asJSON {
			enc := json.NewEncoder(&b)
			enc.SetEscapeHTML(false)
			if err := enc.Encode(toJSON(r)); err != nil {
				return nil, nil, err
			}
			return b.Bytes(), r, nil
		}
		if many {
			fmt.Fprintf(&b, "> %s\n", answers.Truncate(r.Question, 200))
		}
		b.WriteString(r.Text())
		b.WriteByte('\n')
		if many {
			b.WriteByte('\n')
		}
		return b.Bytes(), r, nil
	}
	if len(question) > 0 {
		// Words are one question (bpobot ask how much did they earn);
		// two or more quoted questions are answered each on its own
		// (bpobot ask "how much in FY25?" "and in FY24?").
		qs := []string{strings.Join(question, " ")}
		if len(question) > 1 && !slices.ContainsFunc(question, func(q string) bool { return !strings.ContainsAny(strings.TrimSpace(q), " \t") }) {
			qs = question
		}
		for _, q := range qs {
			text, r, err := render(q, len(qs) > 1)
			if err != nil {
				return err
			}
			logQuestion(q, r)
			if _, err := std.out.Write(text); err != nil {
				return err
			}
		}
		return nil
	}
	echo := !*asJSON
	if isTerminal(std.in) {
		fmt.Fprintln(std.err, "Reading questions from the terminal, one per line; end with Ctrl-D.")
		echo = false // the terminal already shows what was typed
	}
	return answerLines(std.in, std.out, runtime.GOMAXPROCS(0), func(line string) ([]byte, error) {
		text, r, err := render(line, echo)
		if err == nil {
			logQuestion(line, r)
		}
		return text, err
	})
}

// answerLines answers each non-blank line of in with answer, on up to
// workers goroutines, and writes the answers to out in the order of the
// lines. Lines already read ahead go to a worker in groups of up to
// batchLines, so a large batch pays for one hand-off per group, not per
// line; a line after which nothing more is buffered is sent at once, so a
// program that writes a question and waits reads its answer at once. Output
// is flushed whenever no further answer is ready, so a batch is written in
// large blocks. answer must be safe for concurrent use.
func answerLines(in io.Reader, out io.Writer, workers int, answer func(string) ([]byte, error)) error {
	type result struct {
		text []byte
		err  error
	}
	type group struct {
		lines []string
		res   chan []result // receives one result per line, in order
	}
	workers = max(1, workers)
	jobs := make(chan group, workers)
	pending := make(chan chan []result, 4*workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for g := range jobs {
				rs := make([]result, 0, len(g.lines))
				for _, l := range g.lines {
					text, err := answer(l)
					rs = append(rs, result{text, err})
					if err != nil {
						break
					}
				}
				g.res <- rs
			}
		}()
	}
	stop := make(chan struct{})
	readErr := make(chan error, 1)
	go func() {
		defer close(pending)
		defer close(jobs)
		var lines []string
		send := func() error {
			if len(lines) == 0 {
				return nil
			}
			res := make(chan []result, 1)
			select {
			case pending <- res:
			case <-stop:
				return errStopped
			}
			jobs <- group{lines, res}
			lines = nil
			return nil
		}
		err := eachLine(in, func(line string, more bool) error {
			if strings.TrimSpace(line) != "" {
				lines = append(lines, line)
			}
			if more && len(lines) < batchLines {
				return nil
			}
			return send()
		})
		if err == nil {
			err = send()
		}
		readErr <- err
	}()
	w := bufio.NewWriterSize(out, 64<<10)
	var err error
	for res := range pending {
		if err != nil {
			continue // drain, so the reader and workers end
		}
		for _, r := range <-res {
			if err = r.err; err == nil {
				_, err = w.Write(r.text)
			}
			if err != nil {
				break
			}
		}
		if err == nil && len(pending) == 0 {
			err = w.Flush()
		}
		if err != nil {
			close(stop)
		}
	}
	wg.Wait()
	if rerr := <-readErr; err == nil && !errors.Is(rerr, errStopped) {
		err = rerr
	}
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
	return err
}

// batchLines is the most lines answerLines hands a worker at once: enough
// that the hand-off costs little against answering them (about 20 µs each),
// few enough that the workers stay evenly loaded on a short batch.
const batchLines = 32

// askGCPercent is the garbage collector's target while ask loads the
// knowledge and answers, unless GOGC is set.
const askGCPercent = 400

var errStopped = errors.New("stopped")

// parseInterspersed parses flags wherever they appear among the arguments
// ("ask fy25 earnings --json" as well as "ask --json fy25 earnings") and
// returns the other arguments. "--" ends the flags.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return rest, nil
		}
		if args[0] == "--" {
			return append(rest, args[1:]...), nil
		}
		rest = append(rest, args[0])
		args = args[1:]
	}
}

// eachLine calls fn for each line of r, cutting lines at maxLine bytes.
// more reports whether more input was already read past the line, so the
// next line can be had without waiting.
func eachLine(r io.Reader, fn func(line string, more bool) error) error {
	br := bufio.NewReaderSize(r, 4096)
	for {
		var line []byte
		long := false
		for {
			chunk, isPrefix, err := br.ReadLine()
			if err != nil {
				if err == io.EOF {
					if len(line) > 0 {
						return fn(string(line), false)
					}
					return nil
				}
				return fmt.Errorf("reading questions: %w", err)
			}
			if !long {
				line = append(line, chunk...)
				if len(line) > maxLine {
					line, long = line[:maxLine], true
				}
			}
			if !isPrefix {
				break
			}
		}
		if err := fn(string(line), br.Buffered() > 0); err != nil {
			return err
		}
	}
}

func evalCmd(args []string, std stdio, newEngine func() (*answers.Engine, error), kbLoad func() (*knowledge.Base, error)) error {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(std.err)
	set := fs.String("set", "all", "which set: "+strings.Join(eval.SetNames(), ", ")+" or all")
	misses := fs.Bool("misses", false, "list every miss of the sets tuned on (always, for a FILE, unless it says it is FROZEN; never of a held-out set)")
	self := fs.Bool("self", false, "also check that every canonical question and phrasing answers its own entry")
	loo := fs.Bool("loo", false, "also run leave-one-phrasing-out (rebuilds the engine once per phrasing)")
	sweep := fs.Bool("sweep", false, "print how accuracy on the tune set moves with the thresholds, and the 5-fold cross-validated choice")
	fs.Usage = func() {
		fmt.Fprintln(std.out, "usage: bpobot eval [--set "+strings.Join(eval.SetNames(), "|")+"|all] [--misses] [--self] [--loo] [--sweep] [FILE]\n\n"+
			"Scores the engine on the project's question sets (the tune set and the frozen held-out sets,\n"+
			"each reported separately), or on FILE, and exits 1 when a figure is below its gate.")
		fs.PrintDefaults()
	}
	help := quietFlags(fs, std.out)
	files, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			help()
			return nil
		}
		return usagef("eval: %s", flagError(err, args))
	}
	if len(files) > 1 {
		return usagef("eval takes at most one FILE")
	}
	eng, err := newEngine()
	if err != nil {
		return err
	}
	failed := false
	report := func(name string, cases []eval.Case, gate *eval.Gate, heldOut bool) {
		res := eval.Evaluate(eng, cases)
		fmt.Fprintf(std.out, "%s: %d questions\n", name, len(cases))
		if *misses && !heldOut || gate == nil {
			fmt.Fprint(std.out, res.Summary())
		} else {
			fmt.Fprint(std.out, res.Figures())
		}
		if gate != nil && !gate.Passes(res) {
			failed = true
			fmt.Fprintf(std.out, "BELOW GATE (answer %.1f%%, decline %.1f%%)\n", 100*gate.Answer, 100*gate.Decline)
		}
	}
	if len(files) == 1 {
		data, err := os.ReadFile(files[0])
		if err != nil {
			return fmt.Errorf("reading question set: %v", err)
		}
		cases, err := eval.ParseCases(data)
		if err != nil {
			return fmt.Errorf("%s: %v", files[0], err)
		}
		if eval.Frozen(data) && !*misses {
			// A held-out set measured from its file: its figures, not
			// what it misses (--misses shows them).
			report(files[0], cases, &eval.Gate{}, true)
		} else {
			report(files[0], cases, nil, false)
		}
	} else {
		chosen := eval.Sets
		if *set != "all" {
			i := slices.IndexFunc(eval.Sets, func(s eval.Set) bool { return s.Name == *set })
			if i < 0 {
				return usagef("eval: --set is %s or all, not %q", strings.Join(eval.SetNames(), ", "), *set)
			}
			chosen = eval.Sets[i : i+1]
		}
		for _, s := range chosen {
			cases, err := eval.Load(s.Name)
			if err != nil {
				return err
			}
			report(s.Label, cases, s.Gate, !s.TunedOn)
		}
	}
	if *self {
		n, ms := eval.SelfRetrieval(eng)
		fmt.Fprintf(std.out, "self-retrieval: %d/%d canonical questions and phrasings answer their own entry (%.1f%%)\n", n-len(ms), n, 100*float64(n-len(ms))/float64(n))
		for _, m := range ms {
			fmt.Fprintln(std.out, "  "+m.String())
		}
		if float64(n-len(ms)) < eval.SelfGate*float64(n) {
			failed = true
		}
	}
	if *loo {
		kb, err := kbLoad()
		if err != nil {
			return err
		}
		n, ms := eval.LeaveOneOut(kb, answers.New)
		share := float64(n-len(ms)) / float64(n)
		fmt.Fprintf(std.out, "leave-one-phrasing-out: %d/%d phrasings still answer their entry (%.1f%%)\n", n-len(ms), n, 100*share)
		if *misses {
			for _, m := range ms {
				fmt.Fprintln(std.out, "  "+m.String())
			}
		}
		if share+1e-9 < eval.LOOGate {
			failed = true
			fmt.Fprintf(std.out, "BELOW GATE (%.1f%%)\n", 100*eval.LOOGate)
		}
	}
	if *sweep {
		// Over both sets the engine is tuned on: the thresholds are fitted
		// to them, never to a held-out set.
		cases, err := eval.Load(eval.TuneSet)
		if err != nil {
			return err
		}
		para, err := eval.Load(eval.ParaphraseSet)
		if err != nil {
			return err
		}
		cases = append(cases, para...)
		base := eng.Policy()
		scores, covs := eval.Grid()
		rows := eval.Sweep(eng, cases, base, scores, covs)
		fmt.Fprint(std.out, "\nsweep over the tune and paraphrase sets (other thresholds as in the policy):\n"+eval.SweepTable(rows))
		cv, chosen := eval.CrossValidate(eng, cases, base, scores, covs, 5)
		fmt.Fprintf(std.out, "\n5-fold cross-validation: thresholds chosen on 4/5, measured on the other 1/5:\n%s", cv.Figures())
		for i, c := range chosen {
			fmt.Fprintf(std.out, "  fold %d chose min_score %.2f, min_coverage %.2f\n", i+1, c.MinScore, c.MinCoverage)
		}
		fmt.Fprintf(std.out, "policy in use: min_score %.2f, min_coverage %.2f\n", base.MinScore, base.MinCoverage)
	}
	if failed {
		return errors.New("eval: a figure is below its gate")
	}
	return nil
}

func kbCmd(args []string, std stdio, kbDir string) error {
	if len(args) == 0 || args[0] != "check" {
		return usagef("usage: bpobot kb check [DIR]")
	}
	if len(args) > 2 {
		return usagef("kb check takes at most one DIR")
	}
	dir, name := kbDir, kbDir // --kb DIR kb check
	if len(args) == 2 {
		dir, name = args[1], args[1]
	}
	if dir == "" {
		name = "embedded knowledge base"
	}
	kb, err := loadKnowledge(dir)
	if err != nil {
		return err
	}
	// Lint: what the engine notices compiling it, and every canonical
	// question and phrasing must answer its own entry.
	eng := answers.New(kb)
	lint := eng.Lint()
	_, misses := eval.SelfRetrieval(eng)
	for _, m := range misses {
		lint = append(lint, m.String()+" (rephrase it, move it to the entry it answers, or list the kind of question under the entry's kinds:)")
	}
	if len(lint) > 0 {
		return fmt.Errorf("%s: %d problems:\n  %s", name, len(lint), strings.Join(lint, "\n  "))
	}
	st := kb.Stats()
	lx := kb.Lexicon
	fmt.Fprintf(std.out, "%s: OK\n  %d sources, %d facts, %d topics, %d entries (%d questions and phrasings, each answering its own entry)\n",
		name, st.Sources, st.Facts, st.Topics, st.Entries, st.Phrasings)
	fmt.Fprintf(std.out, "  lexicon: %d concepts, %d kinds of question, %d names from the sources; periods covered: %s\n",
		len(lx.Concepts), len(lx.Kinds), len(kb.Names()), strings.Join(kb.Periods(), ", "))
	for _, t := range kb.Topics {
		fmt.Fprintf(std.out, "  %-15s %2d entries  %s\n", t.ID, len(kb.TopicEntries(t.ID)), t.Title)
	}
	return nil
}

package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/bpobot/bpobot/answers"
)

// jsonReply is the --json form of a reply: one object per line, with these
// fields exactly.
type jsonReply struct {
	Question    string         `json:"question"`
	Answered    bool           `json:"answered"`
	ID          string         `json:"id"`
	Score       float64        `json:"score"`
	Text        string         `json:"text"`
	Citations   []jsonCitation `json:"citations"`
	Suggestions []string       `json:"suggestions"`
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
		Score:       r.Score,
		Citations:   []jsonCitation{},
		Suggestions: []string{},
	}
	if r.Answered {
		j.Text = r.Text()
	} else {
		j.Text = r.Decline
	}
	for _, c := range r.Citations {
		j.Citations = append(j.Citations, jsonCitation{N: c.N, Source: c.Source.ID, Title: c.Source.Title, Section: c.Section})
	}
	for _, s := range r.Suggestions {
		j.Suggestions = append(j.Suggestions, s.Question)
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
		fmt.Fprintln(std.err, "usage: bpobot ask [--json] [QUESTION...]\n\nWith no QUESTION, answers each line of standard input.")
	}
	question, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return usagef("ask: %v", err)
	}
	eng, err := newEngine()
	if err != nil {
		return err
	}
	out := bufio.NewWriter(std.out)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	answer := func(q string, many bool) error {
		r := eng.Ask(q)
		logQuestion(q, r)
		if *asJSON {
			return enc.Encode(toJSON(r))
		}
		if many {
			fmt.Fprintf(out, "> %s\n", answers.Truncate(r.Question, 200))
		}
		_, err := fmt.Fprintf(out, "%s\n", r.Text())
		if many {
			fmt.Fprintln(out)
		}
		return err
	}
	if len(question) > 0 {
		return answer(strings.Join(question, " "), false)
	}
	echo := !*asJSON
	if isTerminal(std.in) {
		fmt.Fprintln(std.err, "Reading questions from the terminal, one per line; end with Ctrl-D.")
		echo = false // the terminal already shows what was typed
	}
	return eachLine(std.in, func(line string) error {
		if strings.TrimSpace(line) == "" {
			return nil
		}
		if err := answer(line, echo); err != nil {
			return err
		}
		return out.Flush()
	})
}

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
func eachLine(r io.Reader, fn func(string) error) error {
	br := bufio.NewReaderSize(r, 4096)
	for {
		var line []byte
		long := false
		for {
			chunk, isPrefix, err := br.ReadLine()
			if err != nil {
				if err == io.EOF {
					if len(line) > 0 {
						return fn(string(line))
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
		if err := fn(string(line)); err != nil {
			return err
		}
	}
}

func evalCmd(args []string, std stdio, newEngine func() (*answers.Engine, error)) error {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(std.err)
	fs.Usage = func() {
		fmt.Fprintln(std.err, "usage: bpobot eval [FILE]\n\nScores the engine on a labelled question set (YAML); default: the project's dev set.")
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return usagef("eval: %v", err)
	}
	if fs.NArg() > 1 {
		return usagef("eval takes at most one FILE")
	}
	data, name := answers.DevSet, "the built-in dev set"
	if fs.NArg() == 1 {
		name = fs.Arg(0)
		var err error
		if data, err = os.ReadFile(name); err != nil {
			return fmt.Errorf("reading question set: %v", err)
		}
	}
	cases, err := answers.ParseCases(data)
	if err != nil {
		return fmt.Errorf("%s: %v", name, err)
	}
	eng, err := newEngine()
	if err != nil {
		return err
	}
	res := answers.Evaluate(eng, cases)
	fmt.Fprintf(std.out, "%s: %d questions\n%s", name, len(cases), res.Summary())
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
	st := kb.Stats()
	fmt.Fprintf(std.out, "%s: OK\n  %d sources, %d facts, %d topics, %d entries (%d questions and phrasings)\n",
		name, st.Sources, st.Facts, st.Topics, st.Entries, st.Phrasings)
	for _, t := range kb.Topics {
		fmt.Fprintf(std.out, "  %-15s %2d entries  %s\n", t.ID, len(kb.TopicEntries(t.ID)), t.Title)
	}
	return nil
}

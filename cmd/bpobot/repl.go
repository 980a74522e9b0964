package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/bpobot/bpobot/answers"
	"github.com/bpobot/bpobot/knowledge"
	"github.com/peterh/liner"
	"golang.org/x/term"
)

const replHelp = `Ask anything about Pakistan's BPO and call-center sector, in English, Roman Urdu or Urdu script
(a question in Urdu script is answered in Urdu, any other in English).
Commands:
  /topics         list the topics and their questions
  /sources        list the sources
  /why            show why the last question matched (entry id, score, terms)
  /help           show this help
  /quit           leave (or Ctrl-D; or Ctrl-C twice: once clears the line)
  Tab             complete a question from the knowledge base (again for the next one)
  1, 2, 3 ...     ask the numbered follow-up or suggestion from the last reply
  the second one  ("teesra wala") more on that point of the last answer, or that suggestion
  and in FY24?    a year, place or name alone asks the last question again of it
  who said that?  "that", "he", "kis ne kaha?" point back at the last question
  tell me more    the last answer's follow-ups`

// session is the REPL's state between lines.
type session struct {
	eng  *answers.Engine
	out  io.Writer
	last *answers.Reply
	list *answers.Reply // the last answer of three points or more
	// context is what a follow-up ("and in FY24?") asks again of
	// something else: the last question asked on its own, or the one a
	// follow-up was answered as (answers.Reply.Context).
	context string
	next    []*knowledge.Entry // numbered follow-ups offered by the last reply
	// nextLang is the language next was shown in: a question picked from
	// it is answered in it.
	nextLang string
	// seen are the explanations of the period notes given so far (how the
	// fiscal year runs): each is given once, not under every figure.
	seen map[string]bool
	log  func(string, *answers.Reply)
	// rows is the terminal's height for paging long listings, 0 for none;
	// more asks whether to show the next page.
	rows int
	more func() bool
}

// repl runs the interactive loop. In a terminal it uses line editing and
// history; otherwise it reads lines from std.in without prompts, so it can be
// scripted.
func repl(ctx context.Context, eng *answers.Engine, std stdio, logQuestion func(string, *answers.Reply)) error {
	s := &session{eng: eng, out: std.out, log: logQuestion, seen: map[string]bool{}}
	if !isTerminal(std.in) {
		return s.script(ctx, std.in)
	}
	ln := liner.NewLiner()
	defer ln.Close()
	ln.SetCtrlCAborts(true)
	ln.SetCompleter(func(line string) []string {
		var out []string
		for _, e := range eng.Complete(line, 10) {
			out = append(out, e.Question)
		}
		return out
	})
	hist := historyPath()
	if f, err := os.Open(hist); err == nil {
		ln.ReadHistory(f)
		f.Close()
	}
	if f, ok := std.out.(*os.File); ok {
		if _, h, err := term.GetSize(int(f.Fd())); err == nil && h > 2 {
			s.rows = h - 1
			s.more = func() bool {
				a, err := ln.Prompt("-- more: Enter for the next page, q to stop -- ")
				return err == nil && !strings.EqualFold(strings.TrimSpace(a), "q")
			}
		}
	}
	fmt.Fprintln(std.out, "bpobot: ask about Pakistan's BPO sector. /help for commands, Ctrl-D to quit.")
	aborted := false // the last prompt ended with Ctrl-C
	for ctx.Err() == nil {
		line, err := ln.Prompt("bpobot> ")
		switch {
		case errors.Is(err, liner.ErrPromptAborted):
			// Ctrl-C clears what was typed, as in a shell; a second one
			// with nothing entered between quits. (liner does not say
			// whether the aborted line was empty.)
			if aborted {
				fmt.Fprintln(std.out)
				return nil
			}
			aborted = true
			fmt.Fprintln(std.out, "(line cleared: Ctrl-C again or Ctrl-D to quit)")
			continue
		case errors.Is(err, io.EOF):
			fmt.Fprintln(std.out)
			return nil
		case err != nil:
			return fmt.Errorf("reading input: %w", err)
		}
		aborted = false
		if strings.TrimSpace(line) != "" {
			ln.AppendHistory(line)
			saveHistory(ln, hist) // as lines are entered: a crash or a kill loses none
		}
		if !s.handle(line) {
			return nil
		}
	}
	return nil
}

// saveHistory writes the REPL's history to path (its last 1,000 lines).
func saveHistory(ln *liner.State, path string) {
	if path == "" {
		return
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return
	}
	tmp := path + ".tmp"
	f, err := os.OpenFile(tmp, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		return
	}
	_, werr := ln.WriteHistory(f)
	if cerr := f.Close(); werr == nil && cerr == nil {
		os.Rename(tmp, path) // whole or not at all
	} else {
		os.Remove(tmp)
	}
}

// script reads lines from r until EOF, a quit command or ctx ends.
func (s *session) script(ctx context.Context, r io.Reader) error {
	lines := make(chan string)
	errc := make(chan error, 1)
	go func() {
		errc <- eachLine(r, func(l string, _ bool) error {
			select {
			case lines <- l:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
		close(lines)
	}()
	for {
		select {
		case <-ctx.Done():
			return nil
		case l, ok := <-lines:
			if !ok {
				if err := <-errc; err != nil && !errors.Is(err, context.Canceled) {
					return err
				}
				return nil
			}
			if !s.handle(l) {
				return nil
			}
		}
	}
}

// handle runs one line; it returns false to quit.
func (s *session) handle(line string) bool {
	line = strings.TrimSpace(line)
	switch strings.ToLower(line) {
	case "":
		return true
	case "/quit", "/exit", "/q", "quit", "exit":
		return false
	case "/help", "help", "?help":
		fmt.Fprintln(s.out, replHelp)
		return true
	case "/topics":
		s.topics()
		return true
	case "/sources":
		s.sources()
		return true
	case "/why":
		s.why()
		return true
	}
	if strings.HasPrefix(line, "/") {
		fmt.Fprintf(s.out, "Unknown command %s. Type /help for the commands.\n", answers.Truncate(strings.Fields(line)[0], 40))
		return true
	}
	eng := s.eng
	var picked, pickedLang string              // a question picked from a list, by its number or an ordinal
	if n, ok := answers.ListNumber(line); ok { // "2", "۲"; "2025" is a question, not item 2025
		if n < 1 || n > len(s.next) {
			if len(s.next) == 0 {
				fmt.Fprintf(s.out, "There is no list to pick %d from yet. Type /topics to list the questions I can answer.\n\n", n)
			} else {
				fmt.Fprintf(s.out, "There is no question numbered %d: the numbers are those of the last list shown (1 to %d). Type /topics to list every question.\n\n", n, len(s.next))
			}
			return true
		}
		line = s.next[n-1].Question
		eng = s.eng.In(s.nextLang) // answered in the language the list was shown in
		picked, pickedLang = eng.Question(s.next[n-1]), s.nextLang
	}
	if n, ok := s.eng.Ordinal(line); ok {
		// "tell me more about the second one", "teesra wala samjhao":
		// the item of the last reply, asked as its own question.
		en := s.eng.PickItem(s.last, s.list, n) // "aur paanchwa?", "and the third?" after a point of the list
		if en == nil && s.last != nil {
			if n == answers.Last {
				fmt.Fprint(s.out, "My last answer has no points or follow-ups to pick from. Type /topics to list the questions I can answer.\n\n")
				return true
			}
			fmt.Fprintf(s.out, "My last answer has no point or follow-up number %d. Type /topics to list the questions I can answer.\n\n", n)
			return true
		}
		if en != nil {
			line = en.Question
			eng = s.eng.In(s.last.Lang())
			picked, pickedLang = eng.Question(en), s.last.Lang()
		}
	}
	r := s.eng.WhyNot(s.last, line) // "why not?" right after a decline
	if r == nil {
		r = eng.AskAfter(s.context, line)
	}
	if r.Restates(s.last) {
		r.Brief = true // "who said that?": whom to credit, not the facts just shown again
	}
	if c := r.Context(); c != "" {
		s.context = c
	}
	s.log(line, r)
	s.last = r
	if r.Answered && len(r.Facts) >= 3 {
		s.list = r
	}
	if picked != "" && !(r.Answered && len(r.Parts) == 1 && r.Parts[0].Title() == picked) {
		// The question picked, unless the answer is headed with it.
		fmt.Fprintln(s.out, answers.Directed(pickedLang, "> "+picked))
	}
	fmt.Fprintln(s.out, r.TextSeen(s.seen))
	s.next, s.nextLang = r.Related, r.Lang()
	if !r.Answered {
		s.next = r.Suggestions
	} else if len(s.next) > 0 {
		fmt.Fprintln(s.out, "\n"+r.Directed(r.Label("follow_ups")))
		for i, e := range s.next {
			fmt.Fprintln(s.out, r.Directed(fmt.Sprintf("  %d. %s", i+1, r.QuestionOf(e))))
		}
	}
	if !r.Answered && len(s.next) > 0 {
		fmt.Fprintln(s.out, r.Directed(r.Label("pick_hint")))
	}
	fmt.Fprintln(s.out)
	return true
}

func (s *session) topics() {
	kb := s.eng.Knowledge()
	s.next, s.nextLang = nil, knowledge.English
	var lines []string
	for _, t := range kb.Topics {
		lines = append(lines, fmt.Sprintf("%s: %s", t.Title, t.Description))
		for _, e := range kb.TopicEntries(t.ID) {
			s.next = append(s.next, e)
			lines = append(lines, fmt.Sprintf("  %d. %s", len(s.next), e.Question))
		}
	}
	s.page(lines)
}

// page prints lines, a screenful at a time when the terminal is shorter
// than they are.
func (s *session) page(lines []string) {
	for i, l := range lines {
		if s.rows > 0 && s.more != nil && i > 0 && i%s.rows == 0 && !s.more() {
			return
		}
		fmt.Fprintln(s.out, l)
	}
}

func (s *session) sources() {
	for _, src := range s.eng.Knowledge().Sources {
		fmt.Fprintf(s.out, "- %s", src.Label())
		if c := src.Credit(); c != "" {
			fmt.Fprintf(s.out, " (by %s)", c)
		}
		fmt.Fprintln(s.out)
		if len(src.Cites) > 0 {
			fmt.Fprintf(s.out, "  cites: %s\n", strings.Join(src.Cites, "; "))
		}
	}
}

func (s *session) why() {
	r := s.last
	if r == nil {
		fmt.Fprintln(s.out, "Ask a question first.")
		return
	}
	if r.Answered {
		fmt.Fprintf(s.out, "answered: entry %s, score %.3f\n", strings.Join(r.EntryIDs(), " + "), r.Score)
	} else {
		fmt.Fprintf(s.out, "declined (%s), best score %.3f", r.Reason, r.Score)
		if r.Unsupported != "" {
			fmt.Fprintf(s.out, ", the sources do not cover %q", r.Unsupported)
		}
		fmt.Fprintln(s.out)
	}
	p := s.eng.Policy()
	fmt.Fprintf(s.out, "thresholds: score >= %.2f and coverage >= %.2f\n", p.MinScore, p.MinCoverage)
	fmt.Fprint(s.out, s.eng.Explain(r.Question))
}

// historyPath is where the REPL keeps its history, or "" if there is no
// per-user cache directory.
func historyPath() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "bpobot", "repl_history")
}

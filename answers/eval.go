package answers

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// DevSet is the project's labelled evaluation set (testdata/devset.yaml):
// questions written the way users type them, each labelled with whether it
// must be answered and, if so, the figures or terms a correct reply contains.
//
//go:embed testdata/devset.yaml
var DevSet []byte

// A Case is one labelled question.
type Case struct {
	Q        string   `yaml:"q"`
	Answer   bool     `yaml:"answer"`
	Contains []string `yaml:"contains,omitempty"`
	Kind     string   `yaml:"kind,omitempty"` // for declines: off-topic or near-miss
	Note     string   `yaml:"note,omitempty"`
}

// ParseCases decodes a labelled question set (a YAML list of Case). Unknown
// fields are errors.
func ParseCases(data []byte) ([]Case, error) {
	var cases []Case
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&cases); err != nil {
		return nil, fmt.Errorf("decoding question set: %s", strings.TrimPrefix(err.Error(), "yaml: "))
	}
	if len(cases) == 0 {
		return nil, errors.New("question set is empty")
	}
	for i, c := range cases {
		if strings.TrimSpace(c.Q) == "" && c.Answer {
			return nil, fmt.Errorf("question %d: empty question labelled to answer", i+1)
		}
		if c.Answer && len(c.Contains) == 0 {
			return nil, fmt.Errorf("question %d (%q): labelled to answer but lists no terms under contains", i+1, c.Q)
		}
	}
	return cases, nil
}

// A Miss is a case the engine got wrong.
type Miss struct {
	Case    Case
	Reply   *Reply
	Missing []string // terms the reply lacks, for a question it answered
}

// Result is the outcome of an evaluation.
type Result struct {
	Answer, AnswerRight   int // questions to answer, and how many were answered correctly
	Decline, DeclineRight int // questions to decline, and how many were declined
	Misses                []Miss
}

// AnswerAccuracy is the share of questions to answer that were answered
// with every labelled term; 1 when there are none.
func (r Result) AnswerAccuracy() float64 { return ratio(r.AnswerRight, r.Answer) }

// DeclineAccuracy is the share of questions to decline that were declined;
// 1 when there are none.
func (r Result) DeclineAccuracy() float64 { return ratio(r.DeclineRight, r.Decline) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// Evaluate asks every case and scores the replies. A question to answer is
// right when it is answered and the reply's text contains every labelled
// term (case-insensitively); a question to decline is right when declined.
func Evaluate(e *Engine, cases []Case) Result {
	var res Result
	for _, c := range cases {
		r := e.Ask(c.Q)
		if !c.Answer {
			res.Decline++
			if !r.Answered {
				res.DeclineRight++
			} else {
				res.Misses = append(res.Misses, Miss{Case: c, Reply: r})
			}
			continue
		}
		res.Answer++
		if !r.Answered {
			res.Misses = append(res.Misses, Miss{Case: c, Reply: r})
			continue
		}
		text := strings.ToLower(r.Text())
		var missing []string
		for _, t := range c.Contains {
			if !strings.Contains(text, strings.ToLower(t)) {
				missing = append(missing, t)
			}
		}
		if len(missing) == 0 {
			res.AnswerRight++
		} else {
			res.Misses = append(res.Misses, Miss{Case: c, Reply: r, Missing: missing})
		}
	}
	return res
}

// Summary renders the accuracies and every miss as text.
func (r Result) Summary() string {
	var b strings.Builder
	fmt.Fprintf(&b, "to answer:  %d/%d correct (%.1f%%)\n", r.AnswerRight, r.Answer, 100*r.AnswerAccuracy())
	fmt.Fprintf(&b, "to decline: %d/%d correct (%.1f%%)\n", r.DeclineRight, r.Decline, 100*r.DeclineAccuracy())
	if len(r.Misses) == 0 {
		return b.String()
	}
	fmt.Fprintf(&b, "\n%d misses:\n", len(r.Misses))
	for _, m := range r.Misses {
		got := "declined (" + m.Reply.Reason.String() + ")"
		if m.Reply.Answered {
			got = "answered " + m.Reply.EntryID()
		}
		fmt.Fprintf(&b, "- %q\n  want: ", m.Case.Q)
		if m.Case.Answer {
			fmt.Fprintf(&b, "answer containing %q", m.Case.Contains)
		} else {
			fmt.Fprintf(&b, "decline (%s)", m.Case.Kind)
		}
		fmt.Fprintf(&b, "; got: %s, score %.3f", got, m.Reply.Score)
		if len(m.Missing) > 0 {
			fmt.Fprintf(&b, ", missing %q", m.Missing)
		}
		b.WriteString("\n")
	}
	return b.String()
}

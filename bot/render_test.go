package bot

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/bpobot/bpobot/answers"
	"github.com/bpobot/bpobot/internal/kbtest"
	"github.com/bpobot/bpobot/knowledge"
	"github.com/bwmarrin/discordgo"
)

var update = flag.Bool("update", false, "rewrite golden files")

func shippedEngine(t testing.TB) *answers.Engine {
	t.Helper()
	kb, err := knowledge.Default()
	if err != nil {
		t.Fatal(err)
	}
	return answers.New(kb)
}

// fixtureEngine answers from the small knowledge base in
// testdata/fixture, for the golden files: they pin how replies are rendered
// for Discord, and must not change when the shipped knowledge does.
func fixtureEngine(t testing.TB) *answers.Engine {
	t.Helper()
	fsys := fstest.MapFS{"messages-required.yaml": {Data: []byte(kbtest.Messages)}}
	for _, name := range []string{"kb.yaml", "messages.yaml"} {
		data, err := os.ReadFile(filepath.Join("testdata", "fixture", name))
		if err != nil {
			t.Fatal(err)
		}
		fsys[name] = &fstest.MapFile{Data: data}
	}
	kb, err := knowledge.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	return answers.New(kb)
}

// hugeEngine is a knowledge base built to overflow every Discord limit:
// long titles, sections and questions, and many long facts.
func hugeEngine(t testing.TB) *answers.Engine {
	t.Helper()
	long := func(prefix string, n int) string { return prefix + strings.Repeat("x", n) }
	var y strings.Builder
	y.WriteString("topics:\n  - id: t\n    title: T\nsources:\n")
	for s := 0; s < 40; s++ {
		fmt.Fprintf(&y, "  - id: s%d\n    title: %q\n    author: %q\n", s, long("Title ", 400), long("Author ", 300))
	}
	y.WriteString("facts:\n")
	var ids []string
	for f := 0; f < 60; f++ {
		fmt.Fprintf(&y, "  - id: f%d\n    source: s%d\n    section: %q\n    text: %q\n    attribution: %q\n    period: FY25\n",
			f, f%40, long("Section ", 300), long("Fact ", 900), long("according to ", 200))
		ids = append(ids, fmt.Sprintf("f%d", f))
	}
	y.WriteString("entries:\n")
	for e := 0; e < 4; e++ {
		fmt.Fprintf(&y, "  - id: e%d\n    topic: t\n    question: %q\n    facts: [%s]\n    related: [e%d, e%d, e%d]\n",
			e, long(fmt.Sprintf("Question %d zebra ", e), 80), strings.Join(ids, ", "), (e+1)%4, (e+2)%4, (e+3)%4)
	}
	kb, err := knowledge.Load(fstest.MapFS{"kb.yaml": {Data: []byte(y.String())}, "messages.yaml": {Data: []byte(kbtest.Messages)}})
	if err != nil {
		t.Fatal(err)
	}
	return answers.New(kb)
}

// checkLimits fails t for anything in d beyond Discord's limits.
func checkLimits(t *testing.T, d *discordgo.InteractionResponseData) {
	t.Helper()
	if n := runes(d.Content); n > maxContent {
		t.Errorf("content %d > %d", n, maxContent)
	}
	if len(d.Embeds) > 10 {
		t.Errorf("%d embeds", len(d.Embeds))
	}
	total := 0
	for _, e := range d.Embeds {
		if n := runes(e.Title); n > maxEmbedTitle {
			t.Errorf("title %d > %d", n, maxEmbedTitle)
		}
		if n := runes(e.Description); n > maxEmbedDescription {
			t.Errorf("description %d > %d", n, maxEmbedDescription)
		}
		if len(e.Fields) > maxEmbedFields {
			t.Errorf("%d fields", len(e.Fields))
		}
		total += runes(e.Title) + runes(e.Description)
		for _, f := range e.Fields {
			if runes(f.Name) > maxFieldName || runes(f.Value) > maxFieldValue || f.Value == "" {
				t.Errorf("field %d/%d", runes(f.Name), runes(f.Value))
			}
			total += runes(f.Name) + runes(f.Value)
		}
		if e.Footer != nil {
			if n := runes(e.Footer.Text); n > maxFooter {
				t.Errorf("footer %d", n)
			}
			total += runes(e.Footer.Text)
		}
	}
	if total > maxEmbedTotal {
		t.Errorf("embeds total %d > %d", total, maxEmbedTotal)
	}
	if len(d.Components) > maxRows {
		t.Errorf("%d rows", len(d.Components))
	}
	for _, c := range d.Components {
		row := c.(discordgo.ActionsRow)
		if len(row.Components) > maxButtonsPerRow {
			t.Errorf("%d components in a row", len(row.Components))
		}
		for _, cc := range row.Components {
			switch x := cc.(type) {
			case discordgo.Button:
				if runes(x.Label) > maxButtonLabel || len(x.CustomID) > maxCustomID || x.CustomID == "" {
					t.Errorf("button %q / %q", x.Label, x.CustomID)
				}
			case discordgo.SelectMenu:
				if len(x.Options) > maxSelectOptions {
					t.Errorf("%d options", len(x.Options))
				}
			}
		}
	}
	if len(d.Choices) > maxChoices {
		t.Errorf("%d choices", len(d.Choices))
	}
	for _, c := range d.Choices {
		if n := runes(c.Name); n > maxChoiceName || n == 0 {
			t.Errorf("choice name %d", n)
		}
	}
	if d.AllowedMentions == nil || d.AllowedMentions.Parse == nil || len(d.AllowedMentions.Parse) != 0 {
		if d.Choices == nil {
			t.Errorf("allowed mentions %+v", d.AllowedMentions)
		}
	}
}

func TestHugeAnswerFitsLimits(t *testing.T) {
	e := hugeEngine(t)
	r := e.AnswerEntry("e0")
	d := replyMessage(r).interactionData()
	checkLimits(t, d)
	emb := d.Embeds[0]
	if !strings.HasSuffix(emb.Description, "…") {
		t.Error("a cut description should end with …")
	}
	if len(emb.Fields) == 0 {
		t.Error("sources were dropped entirely")
	}
	// Exactly at the limits: a description of 4096 runes stays whole.
	m := message{Embeds: []*discordgo.MessageEmbed{{Description: strings.Repeat("é", maxEmbedDescription)}}, Content: strings.Repeat("a", maxContent)}
	d = m.interactionData()
	if runes(d.Embeds[0].Description) != maxEmbedDescription || runes(d.Content) != maxContent {
		t.Errorf("content at the limit was cut: %d, %d", runes(d.Embeds[0].Description), runes(d.Content))
	}
	m = message{Embeds: []*discordgo.MessageEmbed{{Description: strings.Repeat("é", maxEmbedDescription+1)}}, Content: strings.Repeat("a", maxContent+1)}
	d = m.interactionData()
	if runes(d.Embeds[0].Description) != maxEmbedDescription || runes(d.Content) != maxContent {
		t.Errorf("content over the limit: %d, %d", runes(d.Embeds[0].Description), runes(d.Content))
	}
}

func TestFitComponentsAndTotal(t *testing.T) {
	var rows []discordgo.MessageComponent
	for r := 0; r < 7; r++ {
		var btns []discordgo.MessageComponent
		for b := 0; b < 7; b++ {
			btns = append(btns, discordgo.Button{Label: strings.Repeat("L", 200), CustomID: fmt.Sprintf("ask:%d-%d", r, b)})
		}
		rows = append(rows, discordgo.ActionsRow{Components: btns})
	}
	var opts []discordgo.SelectMenuOption
	for i := 0; i < 30; i++ {
		opts = append(opts, discordgo.SelectMenuOption{Label: "x", Value: fmt.Sprint(i)})
	}
	rows[0] = discordgo.ActionsRow{Components: []discordgo.MessageComponent{discordgo.SelectMenu{CustomID: idTopic, Options: opts}}}
	var embeds []*discordgo.MessageEmbed
	for i := 0; i < 12; i++ {
		embeds = append(embeds, &discordgo.MessageEmbed{Title: strings.Repeat("t", 300), Description: strings.Repeat("d", 5000),
			Footer: &discordgo.MessageEmbedFooter{Text: strings.Repeat("f", 3000)}})
	}
	d := message{Components: rows, Embeds: embeds}.interactionData()
	checkLimits(t, d)
}

func TestDeclineButtons(t *testing.T) {
	r := shippedEngine(t).Ask("what is the average salary in call centers")
	if r.Answered {
		t.Fatal("expected a decline")
	}
	d := replyMessage(r).interactionData()
	checkLimits(t, d)
	if d.Flags&discordgo.MessageFlagsEphemeral == 0 {
		t.Error("a decline to a slash command should be ephemeral")
	}
	row := d.Components[0].(discordgo.ActionsRow)
	last := row.Components[len(row.Components)-1].(discordgo.Button)
	if last.CustomID != idNone || len(row.Components) != len(r.Suggestions)+1 {
		t.Errorf("want %d suggestion buttons and none-of-these, got %+v", len(r.Suggestions), row.Components)
	}
	for _, c := range row.Components[:len(row.Components)-1] {
		if !strings.HasPrefix(c.(discordgo.Button).CustomID, idAsk) {
			t.Errorf("suggestion button %+v", c)
		}
	}
}

// TestAllowedMentionsSerialised checks the wire form: "parse":[] (an
// empty list suppresses every ping; null would not).
func TestAllowedMentionsSerialised(t *testing.T) {
	for _, m := range []message{replyMessage(shippedEngine(t).Ask("@everyone why pakistan <@&123>")), {Content: "x"}} {
		b, err := json.Marshal(m.interactionData())
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), `"allowed_mentions":{"parse":[]`) {
			t.Errorf("interaction data: %s", b)
		}
		b, _ = json.Marshal(m.messageSend(nil))
		if !strings.Contains(string(b), `"allowed_mentions":{"parse":[]`) {
			t.Errorf("message send: %s", b)
		}
	}
}

func TestCommands(t *testing.T) {
	for _, global := range []bool{true, false} {
		cmds := Commands(global)
		names := map[string]bool{}
		for _, c := range cmds {
			names[c.Name] = true
			switch n := runes(c.Description); {
			case c.Type == discordgo.MessageApplicationCommand && n != 0:
				t.Errorf("%s: a message command has a description (Discord refuses it)", c.Name)
			case c.Type != discordgo.MessageApplicationCommand && (n < 1 || n > 100):
				t.Errorf("%s: description %d runes", c.Name, n)
			}
			if (c.Contexts != nil) != global || (c.IntegrationTypes != nil) != global {
				t.Errorf("%s: contexts/integration types set=%v on global=%v", c.Name, c.Contexts != nil, global)
			}
		}
		for _, n := range []string{"ask", "topics", "sources", "help", "Ask bpobot"} {
			if !names[n] {
				t.Errorf("command %s missing", n)
			}
		}
		ask := cmds[0].Options[0]
		if !ask.Autocomplete || ask.MaxLength != maxQuestionLen || !ask.Required || len(ask.Choices) != 0 {
			t.Errorf("ask option %+v", ask)
		}
		if p := cmds[0].Options[1]; p.Name != "private" || p.Type != discordgo.ApplicationCommandOptionBoolean || p.Required {
			t.Errorf("private option %+v", p)
		}
	}
}

func TestTopicMessages(t *testing.T) {
	kb := shippedEngine(t).Knowledge()
	d := topicsMessage(kb).interactionData()
	checkLimits(t, d)
	menu := d.Components[0].(discordgo.ActionsRow).Components[0].(discordgo.SelectMenu)
	if len(menu.Options) != len(kb.Topics) {
		t.Errorf("%d options for %d topics", len(menu.Options), len(kb.Topics))
	}
	for _, tp := range kb.Topics {
		d := topicMessage(kb, tp.ID).interactionData()
		checkLimits(t, d)
		buttons := 0
		for _, c := range d.Components[1:] {
			buttons += len(c.(discordgo.ActionsRow).Components)
		}
		if want := min(len(kb.TopicEntries(tp.ID)), 20); buttons != want {
			t.Errorf("topic %s: %d buttons, want %d", tp.ID, buttons, want)
		}
	}
	checkLimits(t, sourcesMessage(kb).interactionData())
	checkLimits(t, helpMessage(shippedEngine(t)).interactionData())
}

// TestQuotesEmbed: what one person said is one list under a title that
// names them, not "Your question has 5 parts" with a heading an entry's.
func TestQuotesEmbed(t *testing.T) {
	r := shippedEngine(t).Ask("P@SHA ka kya kehna hai?")
	e := answerEmbed(r)
	if !strings.HasPrefix(e.Title, "What ") || !strings.Contains(e.Title, "Umair Nizam said") {
		t.Errorf("title %q", e.Title)
	}
	if strings.Contains(e.Description, "**") || strings.Count(e.Description, "• ") < 4 {
		t.Errorf("description:\n%s", e.Description)
	}
}

// TestGoldenAskEmbed pins the rendered /ask replies: an answer, two parts,
// a decline, a premise and a partial answer, on the fixture knowledge base.
func TestGoldenAskEmbed(t *testing.T) {
	eng := fixtureEngine(t)
	for _, tt := range []struct{ name, q string }{
		{"ask-fy25", "how much did call centers earn in FY25?"},
		{"ask-two-part", "how much did call centers earn in FY25 and how many people do they employ?"},
		{"decline-fy23", "call center earnings in FY23"},
		{"ask-premise", "why did call centers earn $400 million in FY25?"},
		{"ask-partial", "how much did call centers earn in FY25 and what is the salary?"},
		{"ask-credit", "What does the SBP report about call centers?"}, // one attribution, said once
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := json.MarshalIndent(channelMessage(replyMessage(eng.Ask(tt.q))), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", tt.name+".json")
			if *update {
				os.MkdirAll("testdata", 0o755)
				if err := os.WriteFile(path, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update)", err)
			}
			if string(got)+"\n" != string(want) {
				t.Errorf("rendered %s changed:\n%s", tt.name, got)
			}
		})
	}
}

func TestCutKeepsUTF8(t *testing.T) {
	s := strings.Repeat("🙂", 100)
	c := cut(s, 10)
	if !utf8.ValidString(c) || runes(c) != 10 {
		t.Errorf("cut = %q", c)
	}
}

// TestHelpSaysWhoSeesWhat: /help explains the private option and the
// message command, and what is shown only to the asker.
func TestHelpSaysWhoSeesWhat(t *testing.T) {
	d := helpMessage(shippedEngine(t)).interactionData()
	desc := d.Embeds[0].Description
	for _, want := range []string{"private: True", "Ask bpobot", "shown only to you", "Who sees what"} {
		if !strings.Contains(desc, want) {
			t.Errorf("/help does not say %q:\n%s", want, desc)
		}
	}
	checkLimits(t, d)
}

package bot

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"
)

const pingBody = `{"id":"1","application_id":"2","type":1,"token":"t","version":1}`

// FuzzInteraction feeds arbitrary interaction bodies, as the HTTP endpoint
// receives them once their signature checks, through DecodeInteraction and
// the pipeline: a body is refused or answered, never with the panic
// apology, and every answer is within Discord's limits with no pings
// possible.
func FuzzInteraction(f *testing.F) {
	for _, s := range []string{
		pingBody, `{}`, `[]`, `null`, `{"type":2}`, `{"id":"1","type":2,"data":{"name":"ask"}}`,
		`{"id":"1","type":2,"data":{"name":"ask","options":[{"name":"question","type":3,"value":7}]}}`,
		`{"id":"1","type":4,"data":{"name":"ask","options":[{"name":"question","type":4,"value":"x","focused":true}]}}`,
		`{"id":"1","type":3,"data":{"custom_id":"topic","component_type":3}}`,
		`{"id":"1","type":3,"data":{"custom_id":"ask:","component_type":2}}`,
	} {
		f.Add([]byte(s))
	}
	b, _ := testBot(f, nil)
	b.limiter = newLimiter(1e9, 1e9)
	f.Fuzz(func(t *testing.T, body []byte) {
		i, err := DecodeInteraction(body)
		if err != nil || i.Type == discordgo.InteractionPing {
			return
		}
		var out []byte
		b.Handle(context.Background(), Event{Interaction: i}, func(r Response) error { out = r.Interaction; return nil })
		if out == nil {
			return
		}
		var w wireResponse
		if err := json.Unmarshal(out, &w); err != nil {
			t.Fatalf("invalid JSON answer %q: %v", out, err)
		}
		if strings.Contains(w.Data.Content, apology) {
			t.Fatalf("a handler panicked on %q", body)
		}
		if runes(w.Data.Content) > maxContent || len(w.Data.Embeds) > 10 || len(w.Data.Choices) > maxChoices || len(w.Data.Components) > maxRows {
			t.Fatalf("over Discord's limits: %s", string(out))
		}
		for _, e := range w.Data.Embeds {
			if runes(e.Description) > maxEmbedDescription || strings.Contains(e.Description, "@everyone") {
				t.Fatalf("embed %q", e.Description)
			}
		}
		for _, c := range w.Data.Choices {
			if runes(c.Name) > maxChoiceName {
				t.Fatalf("choice %q", c.Name)
			}
		}
		for _, row := range w.Data.Components {
			if len(row.Components) > maxButtonsPerRow {
				t.Fatalf("row of %d", len(row.Components))
			}
			for _, c := range row.Components {
				if len(c.CustomID) > maxCustomID || runes(c.Label) > maxButtonLabel {
					t.Fatalf("component %+v", c)
				}
			}
		}
		if w.Type != 1 && w.Type != 8 && (w.Data.AllowedMentions == nil || w.Data.AllowedMentions.Parse == nil) {
			t.Fatalf("no allowed_mentions: %s", string(out))
		}
	})
}

package bot

import (
	"context"
	"errors"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/bwmarrin/discordgo"
)

// memRecorder is an in-memory Recorder that keeps everything it is told.
type memRecorder struct {
	mu        sync.Mutex
	questions []Record
	picks     map[int64][]string
	votes     map[[2]string]bool
	fail      bool
}

func (m *memRecorder) RecordQuestion(_ context.Context, r Record) (int64, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.fail {
		return 0, errors.New("disk full")
	}
	m.questions = append(m.questions, r)
	return int64(len(m.questions)), nil
}

func (m *memRecorder) RecordPick(_ context.Context, q int64, entry string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.picks == nil {
		m.picks = map[int64][]string{}
	}
	m.picks[q] = append(m.picks[q], entry)
	return nil
}

func (m *memRecorder) RecordFeedback(_ context.Context, q int64, user string, up bool) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.votes == nil {
		m.votes = map[[2]string]bool{}
	}
	k := [2]string{string(rune(q)), user}
	old, had := m.votes[k]
	m.votes[k] = up
	return !had || old != up, nil
}

func TestRecording(t *testing.T) {
	b, rec := testBot(t, nil)
	mem := &memRecorder{}
	b.cfg.Recorder = mem

	b.HandleInteraction(context.Background(), slash("u1", "How much did call centers EARN in FY25?  <@123>"))
	resp := rec.last(t)
	if len(mem.questions) != 1 {
		t.Fatalf("recorded %d questions", len(mem.questions))
	}
	q := mem.questions[0]
	if q.Surface != "slash" || q.GuildID != "g" || q.UserID != "u1" || q.Question != "how much did call centers earn in fy25?" || q.EntryID != "fy25-earnings" || !q.Answered {
		t.Errorf("record %+v", q)
	}
	last := resp.Data.Components[len(resp.Data.Components)-1].Components
	if len(last) != 2 || last[0].CustomID != "fb:1:up" || last[1].CustomID != "fb:1:down" {
		t.Fatalf("feedback buttons %+v", last)
	}

	click := func(user, id string) wireResponse {
		b.HandleInteraction(context.Background(), &discordgo.Interaction{ID: "9", Token: "t", Type: discordgo.InteractionMessageComponent,
			User: &discordgo.User{ID: user}, Data: discordgo.MessageComponentInteractionData{CustomID: id}})
		return rec.last(t)
	}
	if r := click("u2", "fb:1:down"); !strings.Contains(r.Data.Content, "Thanks for the feedback") || r.Data.Flags&discordgo.MessageFlagsEphemeral == 0 {
		t.Errorf("feedback reply %+v", r.Data)
	}
	if r := click("u2", "fb:1:down"); !strings.Contains(r.Data.Content, "already rated") {
		t.Errorf("second vote %+v", r.Data)
	}

	// A decline's suggestions record the pick; "none of these" too.
	b.HandleInteraction(context.Background(), slash("u1", "average salary at call centers"))
	d := rec.last(t)
	btns := d.Data.Components[0].Components
	if !strings.HasPrefix(btns[0].CustomID, "pick:2:") || btns[len(btns)-1].CustomID != "none:2" {
		t.Fatalf("decline buttons %+v", btns)
	}
	if r := click("u1", btns[0].CustomID); len(r.Data.Embeds) != 1 {
		t.Errorf("pick answer %+v", r.Data)
	}
	click("u1", "none:2")
	if got := mem.picks[2]; len(got) != 2 || got[1] != "none" || got[0] != strings.TrimPrefix(btns[0].CustomID, "pick:2:") {
		t.Errorf("picks %v", got)
	}
	if n := len(mem.questions); n != 3 || mem.questions[2].Surface != "button" || !strings.HasSuffix(mem.questions[2].Question, "?") {
		t.Errorf("the pick was not recorded as a button question: %+v", mem.questions)
	}

	// A failing database breaks nothing: the answer comes without feedback buttons.
	mem.fail = true
	b.HandleInteraction(context.Background(), slash("u3", "who is adeel azhar"))
	r := rec.last(t)
	if len(r.Data.Embeds) != 1 {
		t.Fatalf("no answer when recording failed: %+v", r.Data)
	}
	for _, row := range r.Data.Components {
		for _, c := range row.Components {
			if strings.HasPrefix(c.CustomID, "fb:") {
				t.Error("feedback buttons for an unrecorded question")
			}
		}
	}
	if got := testutilCounter(t, b, "bpobot_recording_errors_total"); got != "1" {
		t.Errorf("recording errors = %s", got)
	}
}

// testutilCounter returns a metric's value as exposed on /metrics.
func testutilCounter(t *testing.T, b *Bot, name string) string {
	t.Helper()
	rr := httptest.NewRecorder()
	b.Metrics().Handler().ServeHTTP(rr, httptest.NewRequest("GET", "/metrics", nil))
	for _, l := range strings.Split(rr.Body.String(), "\n") {
		if strings.HasPrefix(l, name+" ") {
			return strings.TrimPrefix(l, name+" ")
		}
	}
	return ""
}

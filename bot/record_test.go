package bot

import (
	"context"
	"fmt"
	"log/slog"
	"net/http/httptest"
	"strconv"
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
	votes     map[string]Vote // by question id and user
	fail      bool
}

func (m *memRecorder) Record(r Record) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.fail {
		return false
	}
	m.questions = append(m.questions, r)
	return true
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

func (m *memRecorder) RecordFeedback(_ context.Context, v Vote) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.votes == nil {
		m.votes = map[string]Vote{}
	}
	k := fmt.Sprint(v.QuestionID, "/", v.UserID)
	old, had := m.votes[k]
	m.votes[k] = v
	return !had || old.Up != v.Up, nil
}

// Stats makes memRecorder a queueing Recorder, for the metrics.
func (m *memRecorder) Stats() RecorderStats {
	m.mu.Lock()
	defer m.mu.Unlock()
	return RecorderStats{Written: int64(len(m.questions)), Batches: 1, Depth: 2}
}

func TestRecording(t *testing.T) {
	_, rec := testBot(t, nil)
	mem := &memRecorder{}
	b := New(Config{Recorder: mem, Logger: slog.New(slog.DiscardHandler)}, shippedEngine(t))

	rec.do(b, slash("u1", "How much did call centers EARN in FY25?  <@123>"))
	resp := rec.last(t)
	if len(mem.questions) != 1 {
		t.Fatalf("recorded %d questions", len(mem.questions))
	}
	q := mem.questions[0]
	if q.Surface != "slash" || q.GuildID != "g" || q.UserID != "u1" || q.Question != "how much did call centers earn in fy25?" || q.EntryID != "fy25-earnings" || !q.Answered {
		t.Errorf("record %+v", q)
	}
	if q.ID <= 0 {
		t.Fatalf("question id %d; want a positive random id", q.ID)
	}
	ref := strconv.FormatInt(q.ID, 10)
	last := resp.Data.Components[len(resp.Data.Components)-1].Components
	if len(last) != 2 || last[0].CustomID != "fb:"+ref+":up:fy25-earnings" || last[1].CustomID != "fb:"+ref+":down:fy25-earnings" {
		t.Fatalf("feedback buttons %+v; want them to carry question %s and its entry", last, ref)
	}

	click := func(user, id string) wireResponse {
		rec.do(b, &discordgo.Interaction{ID: "9", Token: "t", Type: discordgo.InteractionMessageComponent,
			User: &discordgo.User{ID: user}, Data: discordgo.MessageComponentInteractionData{CustomID: id}})
		return rec.last(t)
	}
	if r := click("u2", last[1].CustomID); !strings.Contains(r.Data.Content, "Thanks for the feedback") || r.Data.Flags&discordgo.MessageFlagsEphemeral == 0 {
		t.Errorf("feedback reply %+v", r.Data)
	}
	if r := click("u2", last[1].CustomID); !strings.Contains(r.Data.Content, "already rated") {
		t.Errorf("second vote %+v", r.Data)
	}
	if v := mem.votes[ref+"/u2"]; v != (Vote{QuestionID: q.ID, EntryID: "fy25-earnings", UserID: "u2"}) {
		t.Errorf("vote %+v; want a thumbs-down from u2 on question %s, entry fy25-earnings", v, ref)
	}
	// A button from before votes carried the entry still works.
	click("u3", "fb:"+ref+":up")
	if v := mem.votes[ref+"/u3"]; v != (Vote{QuestionID: q.ID, UserID: "u3", Up: true}) {
		t.Errorf("old-style vote %+v", v)
	}

	// A decline's suggestions record the pick; "none of these" too.
	rec.do(b, slash("u1", "average salary at call centers"))
	d := rec.last(t)
	declined := mem.questions[len(mem.questions)-1]
	if declined.Answered || declined.Reason != "unsupported" || declined.Blocker == "" || declined.Nearest == "" {
		t.Errorf("declined record %+v; want its reason, blocking term and nearest entry", declined)
	}
	dref := strconv.FormatInt(declined.ID, 10)
	btns := d.Data.Components[0].Components
	if !strings.HasPrefix(btns[0].CustomID, "pick:"+dref+":") || btns[len(btns)-1].CustomID != "none:"+dref {
		t.Fatalf("decline buttons %+v", btns)
	}
	if r := click("u1", btns[0].CustomID); len(r.Data.Embeds) != 1 {
		t.Errorf("pick answer %+v", r.Data)
	}
	click("u1", "none:"+dref)
	if got := mem.picks[declined.ID]; len(got) != 2 || got[1] != "none" || got[0] != strings.TrimPrefix(btns[0].CustomID, "pick:"+dref+":") {
		t.Errorf("picks %v", got)
	}
	if n := len(mem.questions); n != 3 || mem.questions[2].ID == declined.ID || mem.questions[2].Surface != "button" || !strings.HasSuffix(mem.questions[2].Question, "?") {
		t.Errorf("the pick was not recorded as a button question: %+v", mem.questions)
	}

	// A failing database breaks nothing: the answer comes without feedback buttons.
	mem.fail = true
	rec.do(b, slash("u3", "who is adeel azhar"))
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
	// A queueing recorder's counters are metrics.
	if got := testutilCounter(t, b, "bpobot_log_rows_written_total"); got != "3" {
		t.Errorf("bpobot_log_rows_written_total = %q; want 3", got)
	}
	if got := testutilCounter(t, b, "bpobot_log_queue_depth"); got != "2" {
		t.Errorf("bpobot_log_queue_depth = %q; want 2", got)
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

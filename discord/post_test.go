package discord

import (
	"io"
	"net/http"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/bwmarrin/discordgo"
)

// callbacks is an http.RoundTripper that answers every request with 204
// and keeps the paths and bodies of interaction callbacks: a hand-written
// fake of Discord's callback endpoint.
type callbacks struct {
	mu     sync.Mutex
	paths  []string
	bodies []string
	keep   bool
}

func (c *callbacks) RoundTrip(req *http.Request) (*http.Response, error) {
	b, _ := io.ReadAll(req.Body)
	c.mu.Lock()
	if c.keep {
		c.paths = append(c.paths, req.URL.Path)
		c.bodies = append(c.bodies, string(b))
	}
	c.mu.Unlock()
	return &http.Response{StatusCode: http.StatusNoContent, Body: io.NopCloser(strings.NewReader("")), Header: http.Header{}, Request: req}, nil
}

func slash(id, token, q string) *discordgo.InteractionCreate {
	return &discordgo.InteractionCreate{Interaction: &discordgo.Interaction{
		ID: id, Token: token, Type: discordgo.InteractionApplicationCommand, GuildID: "g",
		Member: &discordgo.Member{User: &discordgo.User{ID: "u"}},
		Data: discordgo.ApplicationCommandInteractionData{Name: "ask", Options: []*discordgo.ApplicationCommandInteractionDataOption{
			{Name: "question", Type: discordgo.ApplicationCommandOptionString, Value: q},
		}},
	}}
}

// TestGatewayPostsCallbacks: an interaction from the gateway is answered by
// a POST to its callback URL, with the pipeline's response as the body.
func TestGatewayPostsCallbacks(t *testing.T) {
	g := NewGateway(Config{Token: "t"}, testBot(t))
	cb := &callbacks{keep: true}
	g.client = &http.Client{Transport: cb}
	g.onInteraction(nil, slash("1", "itok", "how much did call centers earn in FY25?"))
	if len(cb.paths) != 1 || cb.paths[0] != "/api/v9/interactions/1/itok/callback" || !strings.Contains(cb.bodies[0], "$328 million") {
		t.Errorf("callbacks %v %v", cb.paths, cb.bodies)
	}
}

// TestMemoryBounded guards discordgo v0.29.0 bug #1333 (a rate-limit bucket
// per interaction token, never freed): after many interactions, each with
// its own token, the heap has not grown with the count. (The gateway
// answers interactions with its own HTTP post, never through discordgo's
// limiter.)
func TestMemoryBounded(t *testing.T) {
	n := 100_000
	if raceEnabled || testing.Short() {
		n = 10_000
	}
	g := NewGateway(Config{Token: "t"}, testBot(t))
	g.client = &http.Client{Transport: &callbacks{}}
	ask := func(i int) {
		g.onInteraction(nil, slash("id", "token-"+strings.Repeat("x", 60)+strconv.Itoa(i), "bpo earnings fy25"))
	}
	for i := 0; i < 1000; i++ {
		ask(i)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	for i := 0; i < n; i++ {
		ask(i)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	growth := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	t.Logf("%d interactions: heap %+d bytes", n, growth)
	if growth > 4<<20 {
		t.Errorf("heap grew by %d bytes over %d interactions", growth, n)
	}
}

// TestHealthy: a gateway is not healthy before Run has connected it, nor
// once its bot drains.
func TestHealthy(t *testing.T) {
	b := testBot(t)
	g := NewGateway(Config{Token: "t"}, b)
	if g.Healthy() {
		t.Error("healthy before Run")
	}
	g.online.Store(true)
	if !g.Healthy() {
		t.Error("not healthy when online")
	}
	g.shards = []*shard{{}}
	g.shards[0].disconnectedAt.Store(1)
	if g.Healthy() {
		t.Error("healthy with a shard disconnected")
	}
	g.shards[0].disconnectedAt.Store(0)
	b.Drain()
	if g.Healthy() {
		t.Error("healthy while draining")
	}
}

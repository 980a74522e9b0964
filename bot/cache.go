package bot

import (
	"container/list"
	"encoding/json"
	"sync"

	"github.com/bpobot/bpobot/answers"
	"github.com/bwmarrin/discordgo"
)

// replyCacheSize bounds the reply cache. The engine is deterministic, so a
// question asked again gets the same reply; with autocomplete, most /ask
// questions are the knowledge base's own canonical questions, so a small
// cache catches most of them.
const replyCacheSize = 4096

// replyCache is a bounded least-recently-used cache of replies by question
// text. It is safe for concurrent use.
type replyCache struct {
	mu        sync.Mutex
	max       int
	order     *list.List // front: most recently used
	items     map[string]*list.Element
	encodings map[*discordgo.InteractionResponse][]byte
}

// A cached entry: the reply, and its /ask interaction response built and
// encoded once (the rendering and JSON encoding cost as much as answering).
type cached struct {
	question string
	reply    *answers.Reply
	resp     *discordgo.InteractionResponse
}

func newReplyCache(max int) *replyCache {
	return &replyCache{max: max, order: list.New(), items: make(map[string]*list.Element),
		encodings: make(map[*discordgo.InteractionResponse][]byte)}
}

// get returns the cached entry for q, computing and caching it with ask on
// a miss. Entries are shared: callers must not modify them.
func (c *replyCache) get(q string, ask func() *answers.Reply) *cached {
	c.mu.Lock()
	if el, ok := c.items[q]; ok {
		c.order.MoveToFront(el)
		e := el.Value.(*cached)
		c.mu.Unlock()
		return e
	}
	c.mu.Unlock()
	r := ask()
	e := &cached{question: q, reply: r, resp: channelMessage(replyMessage(r))}
	if len(q) > 1000 {
		return e // long messages are rarely repeated; do not let them fill the cache
	}
	raw, err := json.Marshal(e.resp)
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[q]; ok {
		return el.Value.(*cached) // another goroutine got there first
	}
	c.items[q] = c.order.PushFront(e)
	if err == nil {
		c.encodings[e.resp] = raw
	}
	if c.order.Len() > c.max {
		old := c.order.Back()
		c.order.Remove(old)
		o := old.Value.(*cached)
		delete(c.items, o.question)
		delete(c.encodings, o.resp)
	}
	return e
}

// encode returns the JSON of resp, from the cache when resp is a cached
// entry's response.
func (c *replyCache) encode(resp *discordgo.InteractionResponse) ([]byte, error) {
	c.mu.Lock()
	raw, ok := c.encodings[resp]
	c.mu.Unlock()
	if ok {
		return raw, nil
	}
	return json.Marshal(resp)
}

func (c *replyCache) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.order.Len()
}

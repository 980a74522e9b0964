package bot

import (
	"bytes"
	"container/list"
	"encoding/json"
	"math/rand/v2"
	"strconv"
	"strings"
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
	mu    sync.Mutex
	max   int
	order *list.List // front: most recently used
	items map[string]*list.Element
}

// A cached entry: the reply, and its /ask interaction response built and
// encoded once (the rendering and JSON encoding cost as much as answering).
// A recorded reply's response differs only in the question id its buttons
// carry, so it is encoded once too, as a template the id is spliced into.
type cached struct {
	question string
	reply    *answers.Reply
	resp     *discordgo.InteractionResponse
	raw      []byte // resp's JSON; nil when it could not be encoded

	normOnce   sync.Once
	normalized string // the question as the question log records it; see recordedQuestion

	tmplOnce sync.Once
	tmpl     [][]byte // the recorded response's JSON, split where the id goes; nil when not usable
}

func newReplyCache(max int) *replyCache {
	return &replyCache{max: max, order: list.New(), items: make(map[string]*list.Element)}
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
	e.raw, _ = json.Marshal(e.resp)
	if len(q) > 1000 {
		return e // long messages are rarely repeated; do not let them fill the cache
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[q]; ok {
		return el.Value.(*cached) // another goroutine got there first
	}
	c.items[q] = c.order.PushFront(e)
	if c.order.Len() > c.max {
		old := c.order.Back()
		c.order.Remove(old)
		delete(c.items, old.Value.(*cached).question)
	}
	return e
}

// recordedQuestion is the entry's question as the question log records it,
// normalised once per entry, and only when recording asks for it.
func (e *cached) recordedQuestion() string {
	e.normOnce.Do(func() { e.normalized = normalizeForRecord(e.question) })
	return e.normalized
}

// placeholderID stands for the question id in a recorded response's
// template: 19 digits chosen at random when the process starts, so no
// question text can be made to contain it.
var placeholderID = strconv.FormatInt(1<<62+rand.Int64N(1<<61), 10)

// recordedJSON returns the JSON of the entry's response for the question
// recorded under id: with the feedback or pick buttons that carry it. It
// renders and encodes once per entry; after that it only splices the id in.
func (e *cached) recordedJSON(id int64) ([]byte, error) {
	e.tmplOnce.Do(func() {
		n, _ := strconv.ParseInt(placeholderID, 10, 64)
		m := recordedMessage(e.reply, n)
		raw, err := json.Marshal(channelMessage(m))
		if err != nil {
			return
		}
		parts := bytes.Split(raw, []byte(placeholderID))
		if len(parts)-1 == idRefs(m) { // the id is exactly where the buttons carry it
			e.tmpl = parts
		}
	})
	if e.tmpl == nil {
		return json.Marshal(channelMessage(recordedMessage(e.reply, id)))
	}
	return bytes.Join(e.tmpl, []byte(strconv.FormatInt(id, 10))), nil
}

// idRefs counts the buttons of m whose custom id carries a question id.
func idRefs(m message) int {
	n := 0
	for _, c := range m.Components {
		row, ok := c.(discordgo.ActionsRow)
		if !ok {
			continue
		}
		for _, cc := range row.Components {
			if btn, ok := cc.(discordgo.Button); ok && strings.Contains(btn.CustomID, placeholderID) {
				n++
			}
		}
	}
	return n
}

func (c *replyCache) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.order.Len()
}

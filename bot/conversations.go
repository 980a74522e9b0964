package bot

import (
	"sync"
	"time"

	"github.com/bpobot/bpobot/answers"
)

// Conversations in direct messages and mentions: what a follow-up asks again.
const (
	conversationTTL = 15 * time.Minute // how long a question is remembered
	conversationMax = 10_000           // how many people's questions at most
)

// conversations remembers, per channel and person, the last question they
// asked on its own, so that a follow-up that names only a year, a place or
// a name ("and in FY24?", "aur India?") asks it again of that
// (answers.Engine.AskAfter), and the last reply, whose points and
// suggestions "the second one" picks (answers.Engine.ItemEntry). It is
// bounded in time and in size, and it keeps them only in memory: a restart
// forgets them.
type conversations struct {
	mu sync.Mutex
	m  map[string]conversation
}

type conversation struct {
	question string
	reply    *answers.Reply
	list     *answers.Reply // the last reply of listMin points or more, for "the fifth" after a point of it
	at       time.Time
}

// listMin is how many points make a reply a list an ordinal can still pick
// from after later replies ("BPO ke key trends kya hain", "doosra wala",
// "aur paanchwa?").
const listMin = 3

// last returns the question remembered for key, or "" if none is, or it is
// older than conversationTTL.
func (c *conversations) last(key string, now time.Time) string {
	q, _ := c.lastReply(key, now)
	return q
}

// lastReply returns the question and the reply remembered for key, or ""
// and nil.
func (c *conversations) lastReply(key string, now time.Time) (string, *answers.Reply) {
	q, r, _ := c.lastList(key, now)
	return q, r
}

// lastList is lastReply with the last list remembered for key (nil if
// none).
func (c *conversations) lastList(key string, now time.Time) (string, *answers.Reply, *answers.Reply) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if q, ok := c.m[key]; ok && now.Sub(q.at) < conversationTTL {
		return q.question, q.reply, q.list
	}
	return "", nil, nil
}

// remember keeps question as key's last, with no reply.
func (c *conversations) remember(key, question string, now time.Time) {
	c.rememberReply(key, question, nil, now)
}

// rememberReply keeps question and reply as key's last. When full, it forgets the expired
// ones, and if none has expired, the oldest.
func (c *conversations) rememberReply(key, question string, reply *answers.Reply, now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = make(map[string]conversation)
	}
	if _, ok := c.m[key]; !ok && len(c.m) >= conversationMax {
		oldest, at := "", now
		for k, q := range c.m {
			if now.Sub(q.at) >= conversationTTL {
				delete(c.m, k)
				continue
			}
			if oldest == "" || q.at.Before(at) {
				oldest, at = k, q.at
			}
		}
		if len(c.m) >= conversationMax {
			delete(c.m, oldest)
		}
	}
	list := c.m[key].list
	if reply != nil && reply.Answered && len(reply.Facts) >= listMin {
		list = reply
	}
	c.m[key] = conversation{question, reply, list, now}
}

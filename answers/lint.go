package answers

// Lint returns what the engine noticed while compiling the knowledge base
// that a curator should fix: lexicon forms that read as another meaning of
// the same word (once stemmed or folded), and phrasings of two entries that
// read the same, so neither can be answered exactly. `bpobot kb check`
// prints them.
func (e *Engine) Lint() []string {
	out := append([]string(nil), e.v.collisions...)
	return append(out, e.ix.sameAs...)
}

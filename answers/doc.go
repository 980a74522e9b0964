// Package answers turns a question into a reply from the knowledge base.
//
// It is pure: no Discord, no environment, no I/O. An Engine is immutable
// after New (or LoadSnapshot) and safe for concurrent use. Everything it
// knows about language and the domain comes from the knowledge base's
// lexicon (knowledge/data/lexicon); this package holds only mechanisms and
// their parameters.
//
// # Stages
//
// A question goes through typed stages, each a plain value:
//
//  1. Analysis (Analyze). The text is cleaned (at most MaxQuestionRunes,
//     its beginning and end when longer; HTML tags, markdown link targets
//     and bare links removed; a letter held down, "earnnnn", cut to two) and
//     folded (Unicode NFKC, the letter
//     variants of Urdu typed on Urdu, Arabic and Persian keyboards,
//     diacritics, Urdu digits and punctuation), the number scanner rewrites
//     fiscal years and amounts ("FY 2024-25", "July 2024 to June 2025",
//     "مالی سال 2025" are all FY25; "50 lakh" is 5 million; the words it
//     reads are the lexicon's settings.numbers), and the text is split into tokens. The
//     message's language (English or Roman Urdu; Urdu script is always
//     Urdu) is decided by the words that are function words in one language
//     only, so "is", "me", "us" keep their English meaning in an English
//     sentence. Each position is matched against the lexicon's forms in a
//     trie per language, longest form first: English forms by stem, Roman
//     Urdu with doubled letters squashed, Urdu as folded; a form written with
//     a capital ("US", "IT") matches only as typed. What matches is a
//     concept, a kind of question ("how many", "where", "how to") or a
//     function word (skipped). A word no form covers is a fiscal year, a word
//     of the knowledge base (by stem), a misspelling of one (one edit away;
//     or, for a word typed without its vowels as Roman Urdu often is, the
//     same consonants: "krty hn" is "karte hain", unless words of different
//     meanings share them; or the two words of a lexicon phrase typed as
//     one: "howmany" is "how many"; run before phrases are matched), an ordinary
//     English word, or an unknown word; an unknown word that is not one typo away
//     from an English word is an unknown name ("Afiniti"). Each term carries
//     its weight: its IDF over the entries.
//
//  2. Candidates (rank). An exact match of the question's terms against an
//     entry's own question or phrasings answers it outright. Otherwise every
//     entry that shares a term is scored, with integer term ids and per-term
//     posting lists: coverage is the share of the question's weight the
//     entry has (fully in its question, phrasings and keywords, 0.6 in its
//     facts); phrasing similarity is the share of its nearest phrasing the
//     question contains; the score mixes them (Policy.CoverageShare). Ties are
//     broken by coverage, phrasing, a two-way overlap, then entry id: never
//     by file order. For large knowledge bases rank prunes only by a proven
//     bound (see rank), and a test checks it against the exhaustive ranking.
//
//  3. Decision (decide, Policy). The best candidate that clears
//     Policy.MinScore and Policy.MinCoverage and supports every salient term
//     of the question answers. A salient term is supported when the entry
//     has it: a fiscal year, a place, a name, a role, a sector, a metric (a
//     place also by a place it lies within or that lies within it, as the
//     lexicon's `within:` says: the US and "Western countries"). A
//     kind of question that needs a money figure, a count, a percentage, a
//     place, a date or a name needs a fact that states one (facts declare
//     what they state); a kind the sources never answer (how-to, forecasts,
//     rankings, company lists, jobs) blocks unless the entry declares it;
//     one marked context ("if I open a call center") only says why the rest
//     is asked, which is answered with its message as a note.
//     A fact that states a change between two periods (a growth rate)
//     answers only a question about a change (a concept that asks for one),
//     and such a question needs a change ending in the period it names. A
//     question that asks only what someone said is answered with the facts
//     credited to them (quoted).
//     A question of only words nearly every entry has ("are there call
//     centers in Pakistan?") or only a kind of question ("why?") picks no
//     entry out: it is offered back as "did you mean" (Policy.VagueShare);
//     a yes-or-no question stating a count asks how many ("are there 1500
//     call centers?"). Messages with several questions are also answered
//     part by part; a part of one common word another part's answer is
//     about asks nothing of its own (Policy.PartShare), while one naming a
//     subject few entries have does (Policy.LoneShare: "the Dabba scam and
//     also the FY25 earnings"); a part of only a year asks what the part
//     next to it asks ("FY24 and FY25 earnings"); and a part whose entry's
//     facts another part's entry all has adds nothing. A why-question
//     also gets the entries its answer lists as reasons. What
//     is not answered is declined naming the most telling blocking term, or,
//     when the best entry is close (Policy.AskScore), offered back as "did
//     you mean". Greetings and questions about the bot get a greeting and an
//     introduction; a request for the reply's language ("urdu mein jawab
//     do") is read in analysis and chooses the reply's language, and alone
//     after an answer gives that answer again in it.
//
//  4. Reply. The facts of the answering entries, each once and no two
//     stating the same figure, numbered citations by source and section,
//     related entries; or the decline with suggestions. Every message comes
//     from the lexicon, with the periods the facts cover computed from them.
//
// The thresholds are one value, Policy; DefaultPolicy was chosen on the
// tune set's sweep (`bpobot eval --sweep`) and is checked against a frozen
// held-out set (internal/eval).
package answers

package answers

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/bpobot/bpobot/knowledge"
)

var (
	engineOnce sync.Once
	testEngine *Engine
)

// engine returns the shipped engine replying in English to every
// question: the tests of what it understands read its replies in English
// (as the question sets do). translatedEngine replies to Urdu-script
// questions in Urdu, as the product does.
func engine(t testing.TB) *Engine {
	return translatedEngine(t).English()
}

func translatedEngine(t testing.TB) *Engine {
	t.Helper()
	engineOnce.Do(func() {
		kb, err := knowledge.Default()
		if err != nil {
			panic(err)
		}
		testEngine = New(kb)
	})
	return testEngine
}

func TestAskAnswers(t *testing.T) {
	e := engine(t)
	for _, tt := range []struct {
		q, id string
		want  []string
	}{
		{"how much did call centers earn in FY25?", "fy25-earnings", []string{"$328 million", "State Bank of Pakistan", "[1]"}},
		{"bpo earnings fy25", "fy25-earnings", []string{"$328 million"}},
		{"call centres ne FY 2024-25 mein kitna kamaya", "fy25-earnings", []string{"$328 million"}},
		{"earnigs in fiscal 2025??", "fy25-earnings", []string{"$328 million"}},
		{"why outsource to pakistan?", "", []string{"time zone"}},
		{"who is the senior vice chairman of P@SHA", "", []string{"Muhammad Umair Nizam"}},
		{"PASHA senior vice chairman kaun hai", "", []string{"Muhammad Umair Nizam"}},
		// Urdu script, Arabic-keyboard letters, and scripts mixed.
		{"کال سینٹرز نے کتنا کمایا؟", "", []string{"$328 million"}},
		{"كال سينٹرز نے كتنا كمايا؟", "", []string{"$328 million"}},
		{"FY25 میں call centers نے کتنا کمایا", "fy25-earnings", []string{"$328 million"}},
		{"بی پی او کیا ہے؟", "what-is-bpo", []string{"Business Process Outsourcing"}},
		// "FY" in Urdu letters, which the number scanner sees folded.
		{"ایف وائی 24 میں کال سینٹرز نے کتنا کمایا؟", "fy24-earnings", []string{"$263 million"}},
		// What once went wrong ("What is BPO?" lost in candidate pruning).
		{"What is BPO?", "what-is-bpo", nil},
		// From a third new-user review: a call center is not defined by
		// the Dabba scam; a growth figure is not a dictionary entry; an
		// incentive is support, not a crackdown.
		{"what is a call centre?", "bpo-vs-call-center", []string{"customer support"}},
		{"What was the year-on-year growth?", "earnings-growth-rate", []string{"24.6%"}},
		// A definition answers a question that names what it defines.
		{"what is their growth?", "earnings-growth-rate", []string{"24.6%"}},
		{"سال بہ سال کا کیا مطلب ہے؟", "what-is-yoy", []string{"Year-on-year"}},
		{"What incentives does the government give?", "government-support", []string{"tax incentives"}},
		{"what role does the government play?", "government-role", []string{"tax incentives", "crackdowns"}},
		{"who wrote this article?", "who-wrote", []string{"admin"}},
		// The people the sources name, in Urdu script.
		{"عمیر نظام نے بھارت کے بارے میں کیا کہا؟", "india-dabba-capital", []string{"Dabba Capital"}},
		{"عدیل اظہر کون ہیں", "adeel-azhar", []string{"CCAP"}},
		{"یہ آرٹیکل کس نے لکھا", "who-wrote", []string{"admin"}},
		{"what's a bpo", "what-is-bpo", nil},
		{"bpo kya hota hai", "what-is-bpo", nil},
		{"what does talent drain mean", "", []string{"talent drain"}},
		{"where do you get your data", "", []string{"[1]"}},
		{"what is the role of PSEB", "pseb", []string{"Pakistan Software Export Board"}},
		// "Who said it grew" asks for a name: any credited fact gives one,
		// not only a growth rate.
		{"who said the industry is expanding with new business deals?", "new-deals", []string{"Adeel Azhar"}},
		{"how many call centers are there in total?", "call-center-count", []string{"1,000"}},
		{"is AI used in Pakistan's BPO sector?", "ai-analytics", []string{"AI"}},
		{"what opportunities exist for new BPO firms?", "future-overview", nil},
		{"what did the senior vice chairman of P@SHA say", "", []string{"Muhammad Umair Nizam", "ethically", "excessive crackdowns"}},
		{"what's Nizam's full name and title?", "umair-nizam", []string{"Muhammad Umair Nizam", "senior vice chairman"}},
		{"kitne feesad kaam bahar ke clients ke liye hai", "overseas-share", []string{"90%"}},
		// A false premise is answered with what happened: they grew.
		{"why did call center earnings drop in FY25?", "earnings-growth-rate", []string{"24.6%"}},
		{"kamai kyun kam hui?", "earnings-growth-rate", []string{"24.6%"}},
		{"آمدنی کیوں کم ہوئی؟", "earnings-growth-rate", []string{"24.6%"}},
		// "What do you know about X" asks about X, not about the bot.
		{"what do you know about dabba scams", "dabba-scam", []string{"Dabba"}},
		// A tax incentive is government support, not tax work.
		{"what tax incentives are offered?", "government-support", []string{"tax incentives"}},
		{"kitna zar-e-mubadla kamaya call centers ne", "fy25-earnings", []string{"$328 million"}},
		{"call center me kaam karne walay kitne hain", "employment", []string{"million"}},
		// A clause after a comma that asks is found in a chatty message.
		{"yaar mera interview hai kal, mujhe batao pakistan mein kitne log call centers mein kaam karte hain", "employment", []string{"million"}},
	} {
		r := e.Ask(tt.q)
		if !r.Answered {
			t.Errorf("Ask(%q) declined (%s: %s)", tt.q, r.Reason, r.Decline)
			continue
		}
		if tt.id != "" && r.EntryID() != tt.id {
			t.Errorf("Ask(%q) = entry %s, want %s", tt.q, r.EntryID(), tt.id)
		}
		text := strings.ToLower(r.Text())
		for _, w := range tt.want {
			if !strings.Contains(text, strings.ToLower(w)) {
				t.Errorf("Ask(%q) text lacks %q:\n%s", tt.q, w, text)
			}
		}
	}
}

func TestAskDeclines(t *testing.T) {
	e := engine(t)
	for _, tt := range []struct {
		q      string
		reason DeclineReason
	}{
		{"", DeclineEmpty},
		{"   ", DeclineEmpty},
		{"?", DeclineEmpty},
		{"🙂🙂🔥", DeclineEmpty},
		{"hi", Greeted},
		{"assalam o alaikum", Greeted},
		{"السلام علیکم", Greeted},
		{"کیا حال ہے؟", Greeted}, // how are you: not "حال" of "حال ہی میں" (recently)
		{"shukriya", Greeted},
		{"thanks bro ur a lifesaver 🙏", Greeted},
		{"how old are these articles?", DeclineUnsupported}, // their dates, not an age
		{"Does the article quote Adeel Azhar directly?", DeclineUnsupported}, // quotes: our own words
		{"subsidy kitni milti", DeclineUnsupported},                          // no figure, and not a salary
		{"Name some Pakistani call center companies", DeclineUnsupported},    // the sources name none
		{"who made you", Introduced},
		{"who are you?", Introduced},
		{"what can you do", Introduced},
		{"tell me everything", Introduced},
		{"do call centers hire students?", DeclineUnsupported},       // a jobs question
		{"is registration with PSEB mandatory?", DeclineUnsupported}, // rules: the sources count the registered, nothing more
		{"kya PSEB mein register karwana zaroori hai?", DeclineUnsupported},
		{"مالی سال 2024 میں کتنے کال سینٹرز تھے؟", DeclineUnsupported}, // a count of FY24, not FY24's dollars
		{"\x00\x01\xff\xfe", DeclineEmpty},
		{"what's the weather in lahore tomorrow", DeclineNotCovered}, // the weather is off topic: not "nothing for Lahore"
		{"how do I reverse a string in go", DeclineUnsupported},
		{"How much did Afiniti earn in FY25?", DeclineUnsupported},
		{"how many people worked in call centers in FY24", DeclineUnsupported},
		{"best company to work for in pakistan bpo", DeclineUnsupported},
		{"how much did call centers earn in FY23?", DeclineUnsupported},
		{"average call center salary in pakistan", DeclineUnsupported},
		{"how many call centers are in karachi", DeclineUnsupported},
		{"what is india's bpo revenue", DeclineUnsupported},
	} {
		r := e.Ask(tt.q)
		if r.Answered {
			t.Errorf("Ask(%q) answered %s (score %.3f), want a decline", tt.q, r.EntryID(), r.Score)
			continue
		}
		if r.Reason != tt.reason {
			t.Errorf("Ask(%q) reason = %s, want %s", tt.q, r.Reason, tt.reason)
		}
		if r.Decline == "" || len(r.Suggestions) == 0 && tt.reason != Greeted && tt.reason != Introduced || len(r.Suggestions) > MaxSuggestions {
			t.Errorf("Ask(%q): decline %q with %d suggestions", tt.q, r.Decline, len(r.Suggestions))
		}
		if len(r.Facts) != 0 || len(r.Citations) != 0 {
			t.Errorf("Ask(%q): a decline carries facts", tt.q)
		}
	}
}

// TestPreamble: a sentence or a clause before the question that asks
// nothing is neither a reason to decline nor named as a part not answered.
func TestPreamble(t *testing.T) {
	e := engine(t)
	for q, want := range map[string]string{
		"I work at Teleperformance in Lahore. how much did call centers earn in FY25?": "$328 million",
		"Journalist here with Dawn: what did P@SHA say?":                               "P@SHA",
	} {
		r := e.Ask(q)
		if !r.Answered || !strings.Contains(r.Text(), want) || r.Note != "" {
			t.Errorf("Ask(%q) = answered %v, note %q, text:\n%s\nwant an answer with %q and no note", q, r.Answered, r.Note, r.Text(), want)
		}
	}
}

// TestGreetingsAnswered: a salaam is answered with its reply, a hello with
// a hello.
func TestGreetingsAnswered(t *testing.T) {
	e := engine(t)
	for q, want := range map[string]string{
		"hi": "Hello!", "kya haal hai": "Hello!",
		"assalam o alaikum": "Wa alaikum assalam", "السلام علیکم": "Wa alaikum assalam", "aoa": "Wa alaikum assalam",
		"thanks": "You're welcome", "shukriya": "You're welcome",
		"bye": "Goodbye!", "thanks, bye": "Goodbye!", "allah hafiz": "Allah hafiz!", "خدا حافظ": "Allah hafiz!",
	} {
		if r := e.Ask(q); r.Reason != Greeted || !strings.HasPrefix(r.Decline, want) {
			t.Errorf("Ask(%q) = %s %q, want a greeting starting %q", q, r.Reason, r.Decline, want)
		}
	}
}

func TestUnsupportedTermNamed(t *testing.T) {
	r := engine(t).Ask("call center earnings FY23")
	if r.Answered || !strings.Contains(r.Decline, "FY23") || r.Unsupported == "" {
		t.Fatalf("got answered=%v decline=%q unsupported=%q", r.Answered, r.Decline, r.Unsupported)
	}
	// The suggestions point at what it can answer instead.
	if len(r.Suggestions) == 0 || !strings.Contains(strings.Join(questions(r.Suggestions), " "), "FY") {
		t.Errorf("suggestions = %v", questions(r.Suggestions))
	}
}

// TestDeclineNamesTheRightTerm: a decline names the term the sources do not
// cover, the most telling one first.
func TestDeclineNamesTheRightTerm(t *testing.T) {
	for _, tt := range []struct{ q, want string }{
		{"india's bpo revenue", "“India”"}, // not “India's”
		{"India’s BPO revenue", "“India”"},
		// Urdu is read folded; the decline shows the word as typed.
		{"پاکستان کی آئی ٹی ایکسپورٹ کتنی ہے", "“آئی ٹی”"},
		{"بھارت کا بی پی او ریونیو کتنا ہے", "“بھارت”"},
		// What Adeel Azhar said is credited; nothing of his on the crackdown.
		{"What did Adeel Azhar say about the crackdown?", "don't say that about “Adeel Azhar”"},
		{"How much did Afiniti earn in FY25?", "Afiniti"},
		{"call centers in karachi", "karachi"},
		{"how much did call centers earn in FY23", "FY24 and FY25"}, // the periods come from the facts
		// P@SHA is covered; its president is not named.
		{"who is the president of P@SHA?", "say who the “president” of “P@SHA” is"},
		{"who is the head of P@SHA?", "say who the president of “P@SHA” is"}, // a title read through another form of it
		{"who heads PSEB?", "say who the president of “PSEB” is"},            // or through an inflected word
		{"Adeel Azhar is CEO of PSEB?", "say who the “CEO” of “PSEB” is"},    // a body's title, not the person's
		// A metric no entry has comes before a place: no salaries at all.
		{"لاہور میں کال سینٹر کی تنخواہ کتنی ہے؟", "salaries"},
		{"call center salary in lahore", "salaries"},
		// "will X reach/cross Y" is a forecast, not a figure to correct.
		{"Will call center exports reach $1 billion?", "forecasts"},
		// A wildcard form's words match by their stems: "top * companies".
		{"top bpo companies in pakistan", "name no companies"},
		{"pakistan ki top BPO companies kon si hain", "name no companies"},
		// A name the sources know is not said to be unknown.
		{"what did Adeel Azhar say about the crackdown?", "don't say that about “Adeel Azhar”"},
		// Every place or year not covered is named.
		{"how many call centers are in Lahore and Islamabad?", "Lahore or Islamabad"},
		{"call center earnings in FY22 and FY23", "FY22 or FY23"},
		// The economy's figures, and a forecast in Urdu.
		{"what is the unemployment rate?", "“unemployment”"},
		{"آئندہ سال کتنی کمائی ہوگی", "forecasts"},
		// Whether a figure lasts is a forecast; whom to trust, the asker's judgement.
		{"Is 24.6% growth sustainable?", "forecasts"},
		{"AI se jobs khatam to nahi hongi?", "forecasts"},
		{"why should I trust him?", "opinions"},
		// The asker says the last reply missed: ask for other words.
		{"That's not what I asked.", "misread"},
		{"galat jawab yr", "misread"},
		// Whether the information is current asks the articles' dates.
		{"is this information up to date?", "dates"},
		// A remark credited to the wrong person is not his.
		{"Adeel Azhar ne India ko Dabba capital kyun kaha?", "say that about “Adeel Azhar”"},
		// A career in it is a job question; which body to join, advice.
		{"career growth hai is field mein ya dead end?", "jobs"},
		{"any industry association I should join?", "advice"},
		// What the asker would be paid is a salary, not the industry's earnings.
		{"paisa kitna milta hai bhai", "salaries"},
		{"how much money do u make working in a call center", "salaries"},
		// Earnings per call center are an average the sources don't give.
		{"per call center earnings?", "averages"},
		// Whether to take a job there is advice; a risk ranked, a ranking.
		{"to kya mujhe darna chahiye job lene se?", "advice"},
		{"Which is the biggest risk?", "rank anything"},
		// Costs are compared with Western countries' only: not India's.
		{"Is Pakistan cheaper than India?", "“India”"},
		{"How does Pakistan compare with the Philippines on cost?", "“Philippines”"},
		// A senior vice chairman is not the chairman.
		{"what did the chairman of P@SHA say", "say who the “chairman” of “P@SHA” is"},
		// A kind of question never answered says more than a place.
		{"How do I get a job at a call center in Islamabad?", "jobs"},
		{"top 5 call centers in Lahore", "rank"},
		// A calendar year is named as typed, not as the fiscal year read.
		{"2030 tak BPO sector kitna barha hoga", "“2030”"},
		{"which agency conducted the crackdown?", "organisations"},
		// The world's market is not Pakistan's.
		{"What is the market share of Pakistan in global BPO?", "market shares"},
	} {
		r := engine(t).Ask(tt.q)
		if r.Answered || !strings.Contains(strings.ToLower(r.Decline), strings.ToLower(tt.want)) {
			t.Errorf("Ask(%q): answered=%v decline=%q, want it to name %q", tt.q, r.Answered, r.Decline, tt.want)
		}
	}
	// Off topic, with a place or a role in it: naming the place would say
	// the sources have the rest elsewhere.
	for _, q := range []string{"what is the weather in karachi today", "who is the prime minister of pakistan", "لاہور کا موسم کیسا ہے؟"} {
		r := engine(t).Ask(q)
		if r.Answered || r.Unsupported != "" || r.Reason != DeclineNotCovered {
			t.Errorf("Ask(%q): answered=%v reason=%v term=%q decline=%q; want not covered, naming no term", q, r.Answered, r.Reason, r.Unsupported, r.Decline)
		}
	}
}

// TestNoUntrueDecline: a decline never says the sources lack something an
// entry that would answer has. "kitna paisa" (earnings) blocks the count of
// call centers, which ranked first; the earnings entry lacks the country
// ("mulk"), so nothing is answered, but "my sources don't give figures on
// earnings" would be untrue: it is asked back, earnings among the offers.
func TestNoUntrueDecline(t *testing.T) {
	r := engine(t).Ask("bhai call centre wale kitna paisa la rahe hain mulk mein?")
	if r.Answered || r.Reason != DeclineUnsure || strings.Contains(r.Decline, "earnings") {
		t.Fatalf("got answered=%v reason=%s decline=%q; want it asked back", r.Answered, r.Reason, r.Decline)
	}
	if !slices.Contains(ids(r.Suggestions), "fy25-earnings") {
		t.Errorf("suggestions %v lack fy25-earnings", ids(r.Suggestions))
	}
	// A metric the sources do give figures on is not said to be missing.
	if r := engine(t).Ask("kya call center ki job achi hai?"); r.Answered || strings.Contains(r.Decline, "don't give figures") {
		t.Errorf("a good job? answered=%v %q", r.Answered, r.Decline)
	}
	// A metric no entry has is still named.
	if r := engine(t).Ask("call center salaries kitni hain"); r.Answered || r.Reason != DeclineUnsupported {
		t.Errorf("salaries: answered=%v reason=%s decline=%q; want declined naming salaries", r.Answered, r.Reason, r.Decline)
	}
}

// TestDidYouMean: a question close to an entry but not sure is offered the
// entry back, not told the sources do not cover it.
func TestDidYouMean(t *testing.T) {
	e := engine(t)
	strict := e.Policy()
	strict.MinScore = 0.99 // nothing short of exact answers
	r := e.WithPolicy(strict).Ask("cal centres earnings fy25 foreign")
	if r.Answered || r.Reason != DeclineUnsure || len(r.Suggestions) == 0 || r.Suggestions[0].ID != "fy25-earnings" {
		t.Fatalf("got answered=%v reason=%s suggestions=%v", r.Answered, r.Reason, questions(r.Suggestions))
	}
}

// TestTiesBrokenByContent: the answer does not depend on the order of the
// knowledge files.
func TestTiesBrokenByContent(t *testing.T) {
	kb := engine(t).Knowledge()
	reversed := slices.Clone(kb.Entries)
	slices.Reverse(reversed)
	e2 := New(kb.WithEntries(reversed))
	for _, q := range []string{"What is BPO?", "bpo", "pakistan bpo", "call centers", "outsourcing pakistan"} {
		if a, b := engine(t).Ask(q).EntryID(), e2.Ask(q).EntryID(); a != b {
			t.Errorf("Ask(%q) = %s, but %s with the entries in reverse order", q, a, b)
		}
	}
}

// TestEachFigureOnce: no two bullets of a reply state the same figure.
func TestEachFigureOnce(t *testing.T) {
	r := engine(t).Ask("how much did call centers earn in FY25?")
	n := 0
	for _, f := range r.Facts {
		n += strings.Count(f.Text, "$328 million")
	}
	if n != 1 {
		t.Errorf("$328 million appears %d times:\n%s", n, r.Text())
	}
}

func TestTwoPartQuestion(t *testing.T) {
	r := engine(t).Ask("how much did call centers earn in FY25 and how many people do they employ?")
	if !r.Answered || len(r.Parts) != 2 {
		t.Fatalf("want two answered parts, got answered=%v parts=%d", r.Answered, len(r.Parts))
	}
	text := r.Text()
	for _, w := range []string{"$328 million", "million people"} {
		if !strings.Contains(text, w) {
			t.Errorf("text lacks %q:\n%s", w, text)
		}
	}
	// The question word of one part is not the other's: "FY25 earnings"
	// asks for the figure, not how many.
	for _, q := range []string{"FY25 earnings and how many people work in call centers", "FY25 ki earning aur kitne log kaam karte hain dono batao"} {
		r := engine(t).Ask(q)
		if len(r.Parts) != 2 || !strings.Contains(r.Text(), "$328 million") || !strings.Contains(r.Text(), "million people") {
			t.Errorf("Ask(%q): %d parts:\n%s", q, len(r.Parts), r.Text())
		}
	}
	// A part asking what the sources never give is named as not answered.
	r = engine(t).Ask("What is PSEB and do I need to register with them?")
	if r.EntryID() != "pseb" || !strings.Contains(r.Note, "legal requirements") {
		t.Errorf("what is PSEB and must I register: %s, note %q; want PSEB and a note that the sources give no rules", r.EntryID(), r.Note)
	}
	// Nor is it when the part would be answered by something else with
	// it: not the article's summary, which counts things in FY25.
	r = engine(t).Ask("what did call centers earn in FY25 and how many are registered with PSEB?")
	if got := r.EntryIDs(); len(got) != 2 || got[0] != "fy25-earnings" || got[1] != "call-center-count" {
		t.Errorf("earn in FY25 and how many registered: %v, want fy25-earnings and call-center-count", got)
	}
}

// TestChatJoiners: "n" joins the parts of a chatty message as "and" does,
// so none of three parts is lost (it was declined as "my sources don't give
// figures on earnings": the count of call centers ranked first).
// TestAboutTheAskerIsContext: in a message none of whose parts asks in so
// many words, the part that is answered is what it wants to know; the rest
// is about the asker ("I'm from Lahore"), not a subject the sources lack.
func TestAboutTheAskerIsContext(t *testing.T) {
	e := engine(t)
	r := e.Ask("I'm from Lahore and I wanted to know what the government is doing for the bpo sector")
	if !r.Answered || r.EntryID() != "government-role" {
		t.Errorf("got %s %q; want government-role", r.Reason, r.EntryID())
	}
	// A part with no words of its own is not it: "pakistan vs india
	// cricket match score" asks nothing the sources hold.
	if r := e.Ask("pakistan vs india cricket match score"); r.Answered {
		t.Errorf("a cricket score was answered with %s", r.EntryID())
	}
}

// TestChangeAskedOfItsFirstYear: a change asked of the year it starts from
// is declined saying which year it is for, not only that the sources lack
// it for that year; other figures of that year are declined as before.
func TestChangeAskedOfItsFirstYear(t *testing.T) {
	e := engine(t)
	for _, q := range []string{"Did earnings grow 24.6% in FY24?", "FY24 mein growth kitni thi?"} {
		if r := e.Ask(q); r.Answered || r.Decline != "My sources give that for FY25, over FY24, not for “FY24”." {
			t.Errorf("Ask(%q) = %s %q", q, r.EntryID(), r.Decline)
		}
	}
	if r := e.Ask("how many people worked in call centers in FY24"); r.Answered || strings.Contains(r.Decline, "over FY24") {
		t.Errorf("a headcount for FY24: %s %q", r.EntryID(), r.Decline)
	}
}

// TestWrongNameInAYesNoQuestion: a yes-or-no question (or one that asks
// who) naming someone the sources know but don't link with what it asks is
// answered with what they say, after saying they don't say it of them; a
// question asking a figure of that name is still declined.
func TestWrongNameInAYesNoQuestion(t *testing.T) {
	e := engine(t)
	for q, want := range map[string][2]string{
		"did Adeel Azhar warn about excessive crackdowns?":                 {"Adeel Azhar", "Umair Nizam"},
		"Was it Umair Nizam who announced new deals with foreign clients?": {"Umair Nizam", "Adeel Azhar"},
		"Which body reported the $328m figure, was it PSEB?":               {"PSEB", "State Bank of Pakistan"},
	} {
		r := e.Ask(q)
		if !r.Answered || r.Premise != "My sources don't say that about “"+want[0]+"”." || !strings.Contains(r.Text(), want[1]) {
			t.Errorf("Ask(%q) = %s, premise %q:\n%s", q, r.EntryID(), r.Premise, r.Text())
		}
	}
	if r := e.Ask("how much did P@SHA earn?"); r.Answered {
		t.Errorf("a figure asked of a name the facts don't give it for: answered %s", r.EntryID())
	}
}

// TestPlacesWithinPlaces: a place lets an entry about a place it lies
// within answer (the US and the West's labour costs), and an entry about a
// place within it covers it (Europe and Germany, the UAE and Dubai); a
// figure the sources give for no place is still declined for it.
func TestPlacesWithinPlaces(t *testing.T) {
	e := engine(t)
	for q, want := range map[string]string{ // what the answer must say
		"Is labour cheaper in Pakistan than in the US?":                          "Western",
		"do pakistani call centers have clients in europe?":                      "Germany, Spain, Italy",
		"do Pakistani call centres work with companies in the UAE?":              "Dubai",
		"I'm a founder in Dubai, do Pakistani call centres work with UAE firms?": "Dubai",
	} {
		if r := e.Ask(q); !r.Answered || !strings.Contains(r.Text(), want) {
			t.Errorf("Ask(%q) = %s %s %q; want an answer with %q", q, r.Reason, r.EntryID(), r.Decline, want)
		}
	}
	if r := e.Ask("how much did call centers earn from the US?"); r.Answered {
		t.Errorf("earnings from the US: answered %s", r.EntryID())
	}
	// The pruned ranking sees the same entries.
	ex := *e
	ex.exhaustive = true
	for _, q := range []string{"clients in europe", "is labour cheaper than in the US"} {
		a := e.Analyze(q)
		if got, want := e.rank(a.Terms), ex.rank(a.Terms); len(got) != len(want) || len(got) > 0 && got[0].ei != want[0].ei {
			t.Errorf("rank(%q) differs from the exhaustive ranking", q)
		}
	}
}

// TestExplainSimply: "explain simply", "urdu mein samjhao" after an answer
// ask for it again in other words, which the sources don't have: the answer's
// follow-ups are offered, not an off-topic decline (a reviewer's).
func TestExplainSimply(t *testing.T) {
	e := engine(t)
	for _, q := range []string{"explain simply", "in simple words", "asaan alfaaz mein"} {
		if r := e.AskAfter("what is a dabba scam?", q); r.Reason != OfferedMore {
			t.Errorf("AskAfter(dabba, %q) = %s %q", q, r.Reason, r.Decline)
		}
	}
}

// TestMarkupAndNoise: the markup of web and chat text, letters held down
// and a long message's question at its end are read past (a QA review's).
func TestMarkupAndNoise(t *testing.T) {
	e := engine(t)
	long := strings.Repeat("I have been reading about the economy and the sectors that make it up. ", 40)
	for q, want := range map[string]string{
		"<script>alert(1)</script> how much did call centers earn in FY25?":         "fy25-earnings",
		"what is &lt;b&gt;CCAP&lt;/b&gt;":                                           "ccap",
		"[click here](https://evil.example.com) who is adeel azhar":                 "adeel-azhar",
		"see https://example.com/x?y=1 what is PSEB":                                "pseb",
		"sooooo how much did they earnnnn in FY25":                                  "fy25-earnings",
		"howwww manyyyy peopleee workkkk in call centers":                           "employment",
		long + "Could you tell me how much Pakistan's call centers earned in FY25?": "fy25-earnings",
	} {
		if r := e.Ask(q); !r.Answered || r.EntryID() != want {
			t.Errorf("Ask(%.60q) = %s %s %q; want %s", q, r.Reason, r.EntryID(), r.Decline, want)
		}
	}
	// A comparison written with < and > is not a tag.
	if got := clean("is it < 300 million and > 200 million?"); !strings.Contains(got, "300") || !strings.Contains(got, "200") {
		t.Errorf("clean dropped a comparison: %q", got)
	}
	// Two letters in a row stay ("committee", "call").
	if got := clean("committee call"); got != "committee call" {
		t.Errorf("clean(committee call) = %q", got)
	}
}

// TestOtherScript: a message in a script the bot does not read is told
// which it reads, not that the sources don't cover it; Urdu is read.
func TestOtherScript(t *testing.T) {
	e := engine(t)
	for _, q := range []string{"कॉल सेंटर ने कितना कमाया?", "पाकिस्तान के कॉल सेंटरों ने FY25 में कितना कमाया?", "сколько заработали колл-центры"} {
		if r := e.Ask(q); r.Answered || !strings.Contains(r.Decline, "Roman Urdu") {
			t.Errorf("Ask(%q) = %s %q", q, r.Reason, r.Decline)
		}
	}
	if r := e.Ask("کال سینٹرز نے کتنا کمایا؟"); !r.Answered {
		t.Errorf("Urdu: %s %q", r.Reason, r.Decline)
	}
}

func TestChatJoiners(t *testing.T) {
	r := engine(t).Ask("how many call centers r there n how much they earn n who r the clients")
	if !r.Answered || len(r.Parts) != 3 {
		t.Fatalf("want three answered parts, got answered=%v parts=%d decline=%q", r.Answered, len(r.Parts), r.Decline)
	}
	for _, w := range []string{"1,000", "$328 million", "Germany"} {
		if !strings.Contains(r.Text(), w) {
			t.Errorf("text lacks %q:\n%s", w, r.Text())
		}
	}
}

// TestUncoveredMetricPartNamed: a part that is only a metric the sources
// never give is named as not answered, not silently dropped.
func TestUncoveredMetricPartNamed(t *testing.T) {
	r := engine(t).Ask("salary and number of jobs")
	if !r.Answered || !strings.Contains(r.Text(), "million people") || !strings.Contains(r.Note, "salaries") {
		t.Errorf("answered=%v note %q:\n%s", r.Answered, r.Note, r.Text())
	}
}

// TestPartsAskTheSameOfTwoYears: a word asked of both years is in both
// parts, whether repeated ("FY25 earnings and FY24 earnings") or said once
// ("earnings in FY24 and FY25").
func TestPartsAskTheSameOfTwoYears(t *testing.T) {
	e := engine(t)
	for _, q := range []string{
		"FY25 earnings and FY24 earnings?",
		"FY25 earning aur FY24 earning kya thi?",
		"earnings in FY24 and FY25",
		"how much did call centers earn in FY24 and FY25?",
		// The first year borrows what the next part asks.
		"FY24 and FY25 earnings",
		"what were the FY24 and FY25 earnings?",
		"FY24 aur FY25 ki kamai",
	} {
		r := e.Ask(q)
		text := r.Text()
		if !r.Answered || !strings.Contains(text, "$263 million") || !strings.Contains(text, "$328 million") {
			t.Errorf("Ask(%q) = %s; want both years' earnings:\n%s", q, r.EntryID(), text)
		}
	}
}

func TestCitationsNumbered(t *testing.T) {
	r := engine(t).Ask("how much did call centers earn in FY25?")
	if len(r.Citations) == 0 {
		t.Fatal("no citations")
	}
	for i, c := range r.Citations {
		if c.N != i+1 || c.Source == nil || c.Section == "" {
			t.Errorf("citation %d = %+v", i, c)
		}
	}
	for _, f := range r.Facts {
		if f.Cite < 1 || f.Cite > len(r.Citations) || r.Citations[f.Cite-1].Source.ID != f.Source {
			t.Errorf("fact %s cites [%d] wrongly", f.ID, f.Cite)
		}
	}
}

// TestCitationCreditsNoOne: a citation line names the source and section,
// never whom the facts are credited to: a section's facts are credited to
// different people, or to no one ("Authorities have started crackdowns"
// was cited to a line "according to" P@SHA's senior vice chairman).
func TestCitationCreditsNoOne(t *testing.T) {
	r := engine(t).Ask("What does the article on call center earnings in FY25 say?")
	if !r.Answered || len(r.Citations) < 2 {
		t.Fatalf("got %s with %d citations", r.Reason, len(r.Citations))
	}
	for _, c := range r.Citations {
		if l := CitationLine(c); strings.Contains(l, "according to") {
			t.Errorf("citation line credits someone: %s", l)
		}
	}
	if txt := r.Text(); !strings.Contains(txt, "according to P@SHA senior vice chairman Muhammad Umair Nizam") {
		t.Errorf("the quoted fact lost its credit:\n%s", txt)
	}
}

func TestAskDeterministicAndConcurrent(t *testing.T) {
	e := engine(t)
	qs := []string{"why outsource to pakistan", "bpo earnings fy25", "weather", "dabba scam kya hai", "pakistn outsorcing trends"}
	want := make([]string, len(qs))
	for i, q := range qs {
		want[i] = e.Ask(q).Text()
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				k := (g + i) % len(qs)
				if got := e.Ask(qs[k]).Text(); got != want[k] {
					t.Errorf("Ask(%q) changed between calls", qs[k])
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestHugeInput(t *testing.T) {
	e := engine(t)
	for _, q := range []string{
		strings.Repeat("earnings ", 12000),
		strings.Repeat("a", 100<<10),
		strings.Repeat("🙂", 30000),
		"how much did call centers earn in FY25 " + strings.Repeat("x", 100<<10),
	} {
		r := e.Ask(q)
		if n := utf8.RuneCountInString(r.Text()); n > MaxTextRunes {
			t.Errorf("reply is %d runes", n)
		}
		if utf8.RuneCountInString(r.Question) > MaxQuestionRunes {
			t.Errorf("question kept at %d runes", utf8.RuneCountInString(r.Question))
		}
	}
}

// A long message repeating a few words asks nothing; one that is long
// because it chats still has its question answered.
func TestRepetitiveMessage(t *testing.T) {
	e := engine(t)
	for _, q := range []string{strings.Repeat("call center ", 500), strings.Repeat("کال سینٹر ", 100), strings.Repeat("how much ", 40)} {
		if r := e.Ask(q); r.Answered || r.Reason != DeclineEmpty || !strings.Contains(r.Decline, "over and over") && !strings.Contains(r.Decline, "دہرائے") {
			t.Errorf("Ask(%.30q...) = answered %v, %v %q; want the repeated message", q, r.Answered, r.Reason, r.Decline)
		}
	}
	long := "Hi, I am a student and I am writing a long report about the sector for my class, and my teacher wants figures from good sources. " +
		"How much did call centers earn in FY25? Thanks a lot for your help, it really means a lot to me and to my group."
	if r := e.Ask(long); !r.Answered || !strings.Contains(r.Text(), "$328 million") {
		t.Errorf("a long chatty question = %q; want FY25's earnings", r.Text())
	}
}

func TestHeadAndTailCutsBetweenWords(t *testing.T) {
	s := strings.Repeat("call center ", 500)
	got := headAndTail(s, MaxQuestionRunes)
	for w := range strings.FieldsSeq(got) {
		if w != "call" && w != "center" {
			t.Fatalf("headAndTail cut inside a word: %q", w)
		}
	}
	if n := utf8.RuneCountInString(got); n > MaxQuestionRunes {
		t.Errorf("headAndTail kept %d runes, more than %d", n, MaxQuestionRunes)
	}
}

func TestComplete(t *testing.T) {
	e := engine(t)
	if got := e.Complete("", 0); len(got) != min(MaxCompletions, len(e.kb.Entries)) {
		t.Errorf("Complete(\"\") = %d entries", len(got))
	}
	for _, tt := range []struct{ partial, want string }{
		{"earn fy2", "fy25-earnings"},
		{"how much did call cen", ""},
		{"dabba", ""},
		{"kitne log", ""},
	} {
		got := e.Complete(tt.partial, 25)
		if len(got) == 0 || len(got) > MaxCompletions {
			t.Errorf("Complete(%q) = %d entries", tt.partial, len(got))
			continue
		}
		if tt.want != "" && !containsID(got[:min(3, len(got))], tt.want) {
			t.Errorf("Complete(%q) top 3 = %v, want %s among them", tt.partial, questions(got[:min(3, len(got))]), tt.want)
		}
		seen := map[string]bool{}
		for _, en := range got {
			if seen[en.ID] {
				t.Errorf("Complete(%q) repeats %s", tt.partial, en.ID)
			}
			seen[en.ID] = true
		}
	}
	if got := e.Complete("zzzzqqq", 25); len(got) > 25 {
		t.Errorf("too many: %d", len(got))
	}
	if got := e.Complete("why", 3); len(got) > 3 {
		t.Errorf("limit ignored: %d", len(got))
	}
}

func TestAnalyze(t *testing.T) {
	e := engine(t)
	for _, tt := range []struct{ in, want string }{
		{"FY25", "p:FY25"},
		{"FY 2024-25", "p:FY25"},
		{"fy2024-25", "p:FY25"},
		{"fiscal 2025", "p:FY25"},
		{"fiscal year 2024-25", "p:FY25"},
		{"July 2024 to June 2025", "p:FY25"},
		{"مالی سال 2025", "p:FY25"},
		{"FY24", "p:FY24"},
		{"2024-25", "p:FY25"},
		// Without a dash, when the second year follows the first.
		{"2024 25", "p:FY25"},
		{"fy 24 25", "p:FY25"},
		{"2024 26", "p:FY24"}, // not one fiscal year: the first read alone
		// Two digits before a Roman Urdu "in".
		{"24 me", "p:FY24"},
		{"25 mein", "p:FY25"},
		{"P@SHA", "c:pasha"},
		{"PASHA", "c:pasha"},
		{"call centres", "c:call-center"},
		{"call-center", "c:call-center"},
		{"کال سینٹرز", "c:call-center"},
		{"24/7", "c:round-the-clock"},
		{"year-on-year", "c:yoy"},
		{"e-commerce", "c:ecommerce"},
		{"labour", "c:labor"},
		{"earnings", "c:earn"},
		{"kamaya", "c:earn"},
		{"کمایا", "c:earn"},
		{"kitne", "k:amount"},
		{"kitne log", "k:count c:people"}, // "how many people": the phrase counts people
		{"kitne call centers", "k:count c:call-center"},
		{"how many", "k:count"},
		{"which countries", "k:where"}, // asks for places, is about none
		{"kyun", "k:why"},
		{"کیوں", "k:why"},
		{"kaun", "k:who"},
		{"US clients", "c:usa c:client"},
		{"how do I apply", "k:howto k:jobs"},
		// Words that are filler in Roman Urdu keep their English meaning in English.
		{"is the US a client", "c:usa c:client"},
		{"kya US mein clients hain", "c:usa c:client"},
		{"what does talent drain mean", "k:define c:talent-drain"},
		// "mean" is what something means, even beside a figure's word.
		{"what does foreign exchange earnings mean", "k:define c:forex c:earn"},
		{"average salary", "c:average c:salary"},
		// A form inside a longer one yields to it: "the state" (the
		// government) does not swallow the start of a name.
		{"the State Bank of Pakistan", "c:sbp"},
		// "What role does X play" is about X, not a role such as president.
		{"what role does the government play", "k:part c:government"},
		{"what did the State Bank of Pakistan say", "c:sbp c:say"},
		// The words in a form's gaps are read too: the place of "which *
		// countries", the figure of "where is the ... from".
		{"which European countries", "k:where c:europe c:country"},
		{"where is the 263 million from", "c:source-of w:263 c:million"},
		{"which countries", "k:where"},
	} {
		a := e.Analyze(tt.in)
		var got []string
		for _, term := range a.Terms {
			if term.ID >= 0 {
				got = append(got, e.v.terms[term.ID].key)
			} else {
				got = append(got, "?"+term.Surface)
			}
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("Analyze(%q) = %q, want %q", tt.in, g, tt.want)
		}
	}
}

func TestUnknownName(t *testing.T) {
	e := engine(t)
	for _, tt := range []struct {
		q    string
		name bool
	}{
		{"how much did Afiniti earn", true},
		{"how much did afiniti earn", true},
		{"can european businesses recieve round the clock service", false}, // a typo, not a name
		{"baaki call centers kis ke liye kaam karte hain", false},          // Roman Urdu, not a name
	} {
		found := false
		for _, term := range e.Analyze(tt.q).Terms {
			found = found || term.Name
		}
		if found != tt.name {
			t.Errorf("Analyze(%q): unknown name found = %v, want %v", tt.q, found, tt.name)
		}
	}
}

func TestLintClean(t *testing.T) {
	if l := engine(t).Lint(); len(l) > 0 {
		t.Errorf("the shipped knowledge base has lint:\n%s", strings.Join(l, "\n"))
	}
}

func TestSpeller(t *testing.T) {
	sp := newSpeller(map[string]int{"pakistan": 3, "outsourcing": 2, "receive": 1, "earnings": 4, "earning": 1})
	for _, tt := range []struct {
		in, want string
		ok       bool
	}{
		{"pakistn", "pakistan", true},   // deletion
		{"pakisttan", "pakistan", true}, // insertion
		{"outsorcing", "outsourcing", true},
		{"recieve", "receive", true}, // transposition
		{"earnigs", "earnings", true},
		{"pakistan", "pakistan", true},
		{"pkstn", "", false}, // two edits
		{"fy", "", false},    // too short
	} {
		got, ok := sp.correct(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("correct(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// TestWordsTypedTogether: two words of a lexicon phrase typed as one are
// read as the phrase; a name is not read as words that make it up.
func TestWordsTypedTogether(t *testing.T) {
	e := engine(t)
	for q, want := range map[string]string{
		"howmany callcenters registerd with pseb": "call-center-count",
		"howmuch did call centers earn in FY25":   "fy25-earnings",
		"datasecurity concerns":                   "data-security",
	} {
		if r := e.Ask(q); !r.Answered || r.Entry().ID != want {
			t.Errorf("Ask(%q) = %s %s; want %s", q, r.Reason, r.EntryID(), want)
		}
	}
	a := e.Analyze("howmany people work at afiniticorp")
	if got := joinRaw(a.toks); got != "howmany people work at afiniticorp" {
		t.Errorf("the split words read back as %q", got)
	}
	r := e.Ask("howmuch did afiniticorp earn")
	if r.Answered || !strings.Contains(r.Decline, "afiniticorp") {
		t.Errorf("an unknown name is not split: got %s %q", r.Reason, r.Decline)
	}
}

// TestSkeletonSpelling: a word typed without its vowels, as Roman Urdu
// often is, is read as the known word with the same consonants, unless
// words that mean different things share them.
func TestSkeletonSpelling(t *testing.T) {
	for _, tt := range [][2]string{{"krty", "karte"}, {"kmaya", "kamaya"}, {"skam", "scam"}, {"hn", "hain"}} {
		if a, b := skeleton(tt[0]), skeleton(tt[1]); a != b || a == "" {
			t.Errorf("skeleton(%q) = %q, skeleton(%q) = %q; want them equal", tt[0], a, tt[1], b)
		}
	}
	for _, tt := range [][2]string{{"kam", "kama"}, {"krte", "krta"}, {"h", ""}, {"a", ""}} {
		if a, b := skeleton(tt[0]), skeleton(tt[1]); a == b && a != "" || tt[1] == "" && a != "" {
			t.Errorf("skeleton(%q) = %q, skeleton(%q) = %q; want them different (or none)", tt[0], a, tt[1], b)
		}
	}
	sp := newSpeller(map[string]int{"karte": 7, "krte": 1, "kon": 2, "kyun": 3, "scam": 1, "kaun": 1})
	meanings := map[string]int32{"kon": 1, "kaun": 1, "kyun": 2}
	sp.meaning = func(w string) int32 {
		if m, ok := meanings[w]; ok {
			return m
		}
		return -1
	}
	for _, tt := range []struct {
		in, want string
		ok       bool
	}{
		{"krty", "karte", true}, // the most frequent of the words two edits away
		{"skam", "scam", true},
		{"kn", "", false},      // "kon" (who) or "kyun" (why)
		{"kyn", "", false},     // the same, one edit from each
		{"kaoon", "kon", true}, // "kon" and "kaun" mean the same: the more frequent
	} {
		if got, ok := sp.correct(tt.in); got != tt.want || ok != tt.ok {
			t.Errorf("correct(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
	e := engine(t)
	for q, id := range map[string]string{
		"kitne log kam krty hn":              "employment",
		"wat is the dabba scm":               "dabba-scam",
		"call centrs ne FY25 me kitna kmaya": "fy25-earnings",
	} {
		if r := e.Ask(q); r.EntryID() != id {
			t.Errorf("Ask(%q) = %q (%s); want %s", q, r.EntryID(), r.Decline, id)
		}
	}
}

func TestOneEdit(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"abc", "abd", true}, {"abc", "ab", true}, {"abc", "abcd", true}, {"abc", "bac", true},
		{"abc", "abc", false}, {"abc", "cba", false}, {"abc", "a", false}, {"abcd", "badc", false},
	} {
		if got := oneEdit(tt.a, tt.b); got != tt.want {
			t.Errorf("oneEdit(%q, %q) = %v", tt.a, tt.b, got)
		}
	}
}

func containsID(es []*knowledge.Entry, id string) bool {
	for _, e := range es {
		if e.ID == id {
			return true
		}
	}
	return false
}

func questions(es []*knowledge.Entry) []string {
	var out []string
	for _, e := range es {
		out = append(out, fmt.Sprintf("%s (%s)", e.Question, e.ID))
	}
	return out
}

func TestAnswerEntry(t *testing.T) {
	e := engine(t)
	r := e.AnswerEntry("fy25-earnings")
	if r == nil || !r.Answered || r.EntryID() != "fy25-earnings" || len(r.Citations) == 0 || r.Score != 1 {
		t.Fatalf("AnswerEntry = %+v", r)
	}
	if e.AnswerEntry("no-such-entry") != nil {
		t.Error("AnswerEntry of an unknown id is not nil")
	}
}

// TestCuratorFields checks what a reply tells the question log: the words
// the engine did not know, and the entry that came nearest to a decline.
func TestCuratorFields(t *testing.T) {
	e := engine(t)
	r := e.Ask("how much did Afiniti earn in FY25")
	if r.Answered {
		t.Fatalf("Ask(Afiniti): answered %s, want a decline", r.EntryID())
	}
	if !slices.Contains(r.Unknown, "Afiniti") {
		t.Errorf("Unknown = %q, want it to hold Afiniti", r.Unknown)
	}
	if r.Nearest == nil {
		t.Errorf("Nearest = nil on a decline with near entries")
	}
	r = e.Ask("how much did call centers earn in FY25")
	if !r.Answered || len(r.Unknown) != 0 || r.Nearest != nil {
		t.Errorf("Ask(FY25 earnings): answered %v, unknown %q, nearest %v; want answered, none unknown, no nearest", r.Answered, r.Unknown, r.Nearest)
	}
}

// TestSuggestionsNumbered: a decline's suggestions are numbered, and
// introduced by "You could ask:" unless the decline itself asks "did you
// mean" (near matches), so it is never asked twice.
func TestSuggestionsNumbered(t *testing.T) {
	e := engine(t)
	r := e.Ask("average call center salary in karachi")
	if r.Answered || r.SuggestionsHeading() != "You could ask:" || !strings.Contains(r.Text(), "You could ask:\n1. ") {
		t.Errorf("decline: heading %q, text:\n%s", r.SuggestionsHeading(), r.Text())
	}
	unsure := &Reply{Reason: DeclineUnsure, Decline: "Did you mean one of these?", Suggestions: r.Suggestions}
	if h := unsure.SuggestionsHeading(); h != "" {
		t.Errorf("unsure heading %q; want none (the message asks already)", h)
	}
	if txt := unsure.Text(); strings.Count(txt, "Did you mean") != 1 || !strings.Contains(txt, "\n1. ") || !strings.Contains(txt, "\n2. ") {
		t.Errorf("unsure text:\n%s", txt)
	}
}

// TestFiscalNoteNamesTheYearShown: the fiscal-year footnote's example is
// the year of the figures, not always FY25.
func TestFiscalNoteNamesTheYearShown(t *testing.T) {
	e := engine(t)
	for q, want := range map[string]string{
		"how much did call centers earn in FY24": "(FY24 = July 2023 to June 2024)",
		"how much did call centers earn in FY25": "(FY25 = July 2024 to June 2025)",
	} {
		if note := e.Ask(q).PeriodNote(); !strings.Contains(note, want) {
			t.Errorf("%q: period note %q; want it to say %s", q, note, want)
		}
	}
	if got := fiscalExample("no placeholders", "FY24"); got != "no placeholders" {
		t.Errorf("fiscalExample changed a message without placeholders: %q", got)
	}
}

// TestHandled: greetings and the introduction are handled, not declines.
func TestHandled(t *testing.T) {
	e := engine(t)
	for q, want := range map[string]bool{"hello": true, "who are you": true, "fy25 earnings": true, "average salary": false} {
		if got := e.Ask(q).Handled(); got != want {
			t.Errorf("Ask(%q).Handled() = %v; want %v", q, got, want)
		}
	}
}

// TestCalendarYearNoted: a calendar year read as a fiscal year is said so;
// a fiscal year is not.
func TestCalendarYearNoted(t *testing.T) {
	e := engine(t)
	if note := e.Ask("how much did call centers earn in 2024").PeriodNote(); !strings.Contains(note, "You asked about 2024") || !strings.Contains(note, "FY24 = July 2023 to June 2024") {
		t.Errorf("2024: period note %q", note)
	}
	for _, q := range []string{"how much did call centers earn in FY24", "how much did call centers earn in fiscal 2024", "earnings in 2023-24"} {
		if note := e.Ask(q).PeriodNote(); strings.Contains(note, "You asked about") {
			t.Errorf("%q: period note %q; want no calendar-year note", q, note)
		}
	}
	if got := e.v.scan.calendarYears("FY 2024-25 and 2023"); len(got) != 1 || got[0] != "2023" {
		t.Errorf("calendarYears = %q; want [2023]", got)
	}
}

// TestCurrentFiguresNoted: a figure the source gives as current ("currently
// more than 1,000 call centers") is not said to be for the period of the
// report it came with; the note says what "currently" means instead.
func TestCurrentFiguresNoted(t *testing.T) {
	e := engine(t)
	const current = "“Currently” means when the source reported its FY25 figures."
	for _, tt := range []struct {
		q           string
		current, fy bool // whether the note explains "currently", says "Figures are for FY25"
	}{
		{"how many people work in call centers?", true, false},
		{"how much did call centers earn in FY25?", false, true},
		{"how much did call centers earn in FY25 and how many people work in them?", true, true},
	} {
		note := e.Ask(tt.q).PeriodNote()
		if got := strings.Contains(note, current); got != tt.current {
			t.Errorf("%q: note %q; explains currently = %v, want %v", tt.q, note, got, tt.current)
		}
		if got := strings.Contains(note, "Figures are for FY25"); got != tt.fy {
			t.Errorf("%q: note %q; says figures are for FY25 = %v, want %v", tt.q, note, got, tt.fy)
		}
		if !strings.Contains(note, "FY25 = July 2024 to June 2025") {
			t.Errorf("%q: note %q; want the fiscal year explained", tt.q, note)
		}
	}
	if note := e.Ask("how many people worked in call centers in 2025").PeriodNote(); !strings.Contains(note, "You asked about 2025") {
		t.Errorf("2025: note %q; want the calendar year noted", note)
	}
	// Without a current message, a current fact counts as a figure for its period.
	f := &knowledge.Fact{ID: "f", Period: "FY25", Current: true}
	r := &Reply{Answered: true, Facts: []CitedFact{{Fact: f}}}
	if got := r.PeriodNote(); !strings.HasPrefix(got, "Figures are for FY25.") {
		t.Errorf("no current message: note %q; want the period", got)
	}
}

// TestSupportIsNotACrackdown: the government's support is answered without
// its crackdown, its role with both.
func TestSupportIsNotACrackdown(t *testing.T) {
	e := engine(t)
	if text := e.Ask("what tax incentives does the government offer?").Text(); strings.Contains(text, "crackdown") {
		t.Errorf("the government's incentives are answered with the crackdown:\n%s", text)
	}
}

// TestVagueQuestionsAskedBack: a question of only common words, or only a
// kind of question, picks no entry out; it is offered back as "did you
// mean", not answered with whichever entry ranks first.
func TestVagueQuestionsAskedBack(t *testing.T) {
	e := engine(t)
	for _, q := range []string{"why?", "kyun?", "who said that?", "are there call centers in pakistan?", "What is the capital of Pakistan?",
		"which countries?", "kahan?"} { // a kind of question alone never matches a phrasing exactly
		if r := e.Ask(q); r.Answered || r.Reason != DeclineUnsure {
			t.Errorf("Ask(%q) = answered %v (%s), reason %v; want it asked back", q, r.Answered, r.EntryID(), r.Reason)
		}
	}
	for q, id := range map[string]string{
		"how many call centers are there in pakistan?": "call-center-count",
		"are there 1500 call centers in pakistan?":     "call-center-count", // a count stated asks how many (figureAsks)
		"pakistan mein kitne call centers hain":        "call-center-count",
		"what is a call center":                        "bpo-vs-call-center",
		"call centers":                                 "bpo-vs-call-center", // one word alone: a topic
	} {
		if r := e.Ask(q); r.EntryID() != id {
			t.Errorf("Ask(%q) = %q (%s); want %s", q, r.EntryID(), r.Decline, id)
		}
	}
}

// TestAskAfter: a question that names only a year, a place or a name asks
// again what the question before asked; any other is answered on its own.
func TestAskAfter(t *testing.T) {
	e := engine(t)
	for _, tt := range []struct {
		prev, q, id string
		followUp    bool
	}{
		{"how much did call centers earn in FY25?", "and in FY24?", "fy24-earnings", true},
		{"by how much did it grow?", "what did it earn the year before?", "fy24-earnings", false},              // read on its own: not the growth, declined for FY24
		{"mujhe pakistan ki BPO industry pe assignment likhna hai", "BPO kya hota hai?", "what-is-bpo", false}, // what a word of it is, not the industry again
		{"call centers ne FY24 mein kitna kamaya", "aur FY25 mein?", "fy25-earnings", true},
		{"who is adeel azhar", "what about P@SHA?", "pasha", true},
		{"how much did call centers earn in FY25?", "why outsource to pakistan?", "why-outsource-to-pakistan", false},
		{"", "and in FY24?", "", false}, // nothing before: on its own, as Ask reads it
		// A person pointed back at, asked of the name before ("what did he
		// say?" is what he said, not who said the answer before).
		{"Who is Muhammad Umair Nizam?", "what did he say?", "bpo-quality", true},          // his remarks, the first on quality
		{"is Umair Nizam the chairman of P@SHA?", "what did he say?", "bpo-quality", true}, // not the title the sources don't give
		{"Who is Muhammad Umair Nizam?", "what did he say about india", "india-dabba-capital", true},
		{"who is adeel azhar", "what did he say about new deals?", "new-deals", true},
		{"عدیل اظہر کون ہیں؟", "انہوں نے کیا کہا؟", "adeel-azhar", true},
		{"Adeel Azhar kon hai?", "usne kya kaha?", "adeel-azhar", true}, // "usne" was an unknown word
		// A thing pointed back at, or who said it: asked of what was asked.
		{"how much did call centers earn in FY24?", "who said that?", "fy24-earnings", true},
		{"how much did call centers earn in FY24?", "kis ne bataya?", "fy24-earnings", true},
		{"FY25 mein growth kitni thi?", "ye kis ki report hai?", "earnings-growth-rate", true}, // it got CCAP's remark
		{"FY25 mein growth kitni thi?", "یہ کس نے جاری کیے؟", "earnings-growth-rate", true},
		// Urdu's "wo", "یہ" are "he" before a question word, "this" before a noun.
		// "kis tanzeem" (which organisation) asks for a name: his entry
		// gives his title at P@SHA.
		{"Who is Umair Nizam?", "wo kis tanzeem se hai?", "umair-nizam", true},
		{"عمیر نظام کون ہیں؟", "یہ کس تنظیم سے ہیں؟", "umair-nizam", true},
		{"who is adeel azhar", "ye bpo kya hai", "", false},
		// A question of its own with a pronoun in it is read on its own.
		{"who is adeel azhar", "why do companies choose pakistan for their call centers?", "why-outsource-to-pakistan", false},
		{"how much did call centers earn in FY25?", "what is that fraud crackdown?", "crackdown", false},
		{"how much did call centers earn in FY25?", "how big is the IT sector?", "", false}, // IT is not "it"
		// Not answered read with the last question, answered on its own:
		// a question of its own ("yeh" is "that it is true", not a pointer).
		{"senior vice chairman?", "kya yeh sach hai ke India ko Dabba capital kaha jata hai?", "", false},
	} {
		if !tt.followUp {
			tt.id = e.Ask(tt.q).EntryID()
		}
		r := e.AskAfter(tt.prev, tt.q)
		if r.EntryID() != tt.id || r.FollowUp != tt.followUp {
			t.Errorf("AskAfter(%q, %q) = %q, follow-up %v; want %q, %v", tt.prev, tt.q, r.EntryID(), r.FollowUp, tt.id, tt.followUp)
		}
	}
	// Roman Urdu's "inme" (in these) is filler, and a worry is a warning
	// (a new-user review's conversations: both were "not sure").
	for prev, q := range map[string]string{
		"kitne call centers PSEB ke saath registered hain?":      "aur kitne log inme kaam karte hain?",
		"How has the industry responded to the fraud crackdown?": "is he worried about anything?",
	} {
		want := map[string]string{"aur kitne log inme kaam karte hain?": "employment", "is he worried about anything?": "crackdown-warning"}[q]
		if r := e.AskAfter(prev, q); r.EntryID() != want {
			t.Errorf("AskAfter(%q, %q) = %s %q; want %s", prev, q, r.Reason, r.EntryID(), want)
		}
	}
	// "Who said that?" is answered with whom the answer is credited to, first.
	if r := e.AskAfter("how much did call centers earn in FY24?", "who said that?"); r.Premise != "My sources credit that to the State Bank of Pakistan (SBP)." {
		t.Errorf("who said that, after FY24: premise %q", r.Premise)
	}
	if r := e.AskAfter("what is a dabba scam?", "ye kisne kaha"); !strings.Contains(r.Premise, "own reporting") {
		t.Errorf("who said that, after the Dabba scam: premise %q", r.Premise)
	}
	// A figure asked of a place asks what the last question asked, there.
	if r := e.AskAfter("kitne call centers hain pakistan mein", "karachi mein kitne hain"); r.Answered || !r.FollowUp || !strings.Contains(r.Decline, "“Karachi”") {
		t.Errorf("AskAfter(count, karachi) = %s follow-up %v %q; want the count declined for Karachi", r.EntryID(), r.FollowUp, r.Decline)
	}
	// What the sources lack is still declined: no headcount for FY24.
	if r := e.AskAfter("how many people work in call centers?", "and in FY24?"); r.Answered || !strings.Contains(r.Decline, "FY24") {
		t.Errorf("AskAfter(employment, FY24) = %s %q; want a decline for FY24", r.EntryID(), r.Decline)
	}
}

// TestTwoNamesJoinedWrongly: a question that links two of the sources'
// names wrongly is answered with what they say of the one, after saying
// they don't say it of the other; two names asked of in parts are both
// answered.
func TestTwoNamesJoinedWrongly(t *testing.T) {
	e := engine(t)
	// A remark credited to the wrong person: what the sources say of India.
	if r := e.Ask("did Adeel Azhar say India is the Dabba capital?"); !r.Answered || r.EntryID() != "india-dabba-capital" || !strings.Contains(r.Premise, "Adeel Azhar") {
		t.Errorf("wrong attribution: answered=%v %s premise %q", r.Answered, r.EntryID(), r.Premise)
	}
	for _, q := range []string{"Is Adeel Azhar the president of P@SHA?", "Is Adeel Azhar from P@SHA?"} {
		r := e.Ask(q)
		if !r.Answered || r.EntryID() != "adeel-azhar" || r.Premise != "My sources don't link “Adeel Azhar” with “P@SHA”; here is what they do say." ||
			!strings.Contains(r.Text(), "Call Centers Association of Pakistan") {
			t.Errorf("Ask(%q) = %s, premise %q:\n%s", q, r.EntryID(), r.Premise, r.Text())
		}
	}
	if r := e.Ask("what do PSEB and SBP stand for"); len(r.Parts) != 2 || r.Premise != "" {
		t.Errorf("Ask(PSEB and SBP) = %d parts, premise %q; want both, no premise", len(r.Parts), r.Premise)
	}
	if r := e.Ask("how much did P@SHA earn?"); r.Answered {
		t.Errorf("Ask(how much did P@SHA earn) answered %s; one name the answer lacks is a decline", r.EntryID())
	}
}

// TestOnTopicNotFound: a question about the sector that nothing answers is
// "not in my sources", not told it is off-topic; an off-topic one is.
func TestOnTopicNotFound(t *testing.T) {
	e := engine(t)
	notFound := e.v.lex.Messages["not_found"]
	for q, want := range map[string]bool{
		"what dress code do call centers have": true,
		"who won the cricket match yesterday":  false,
		"weather in pakistan":                  false,
	} {
		if r := e.Ask(q); r.Answered || (r.Decline == notFound) != want {
			t.Errorf("Ask(%q) = %q; want not found: %v", q, r.Decline, want)
		}
	}
}

// TestTellMeMore: "tell me more" after an answer offers its follow-ups;
// with nothing before, it is an empty question.
func TestTellMeMore(t *testing.T) {
	e := engine(t)
	prev := "how much did call centers earn in FY25?"
	want := e.Ask(prev).Related
	for _, q := range []string{"tell me more", "aur batao", "details?", "مزید بتائیں", "mazeed batao"} {
		r := e.AskAfter(prev, q)
		if r.Answered || r.Reason != OfferedMore || !r.Handled() || !r.FollowUp || len(r.Suggestions) != len(want) || r.Suggestions[0] != want[0] {
			t.Errorf("AskAfter(%q) = reason %v, handled %v, %d suggestions; want the %d follow-ups of the answer", q, r.Reason, r.Handled(), len(r.Suggestions), len(want))
		}
		if !strings.HasPrefix(r.Text(), e.v.lex.Messages["more"]) || strings.Contains(r.Text(), "You could ask") {
			t.Errorf("AskAfter(%q).Text() = %q", q, r.Text())
		}
		if !e.FollowsUp(q) {
			t.Errorf("FollowsUp(%q) = false", q)
		}
		if f, ok := e.FollowUp(prev, q); !ok || f.Reason != OfferedMore {
			t.Errorf("FollowUp(%q) = %v, %v; want the follow-ups offered", q, f, ok)
		}
	}
	// A follow-up answered with one entry is what the next one follows up:
	// after "and in FY24?", "who said that?" is about FY24's earnings.
	first := e.Ask(prev)
	if first.Context() != first.Question {
		t.Errorf("Context of a question on its own = %q", first.Context())
	}
	fy24 := e.AskAfter(first.Context(), "and in FY24?")
	if !fy24.Answered || !strings.Contains(fy24.Context(), "FY24") {
		t.Fatalf("Context after 'and in FY24?' = %q", fy24.Context())
	}
	if who := e.AskAfter(fy24.Context(), "who said that?"); !strings.Contains(who.Text(), "263") || !strings.Contains(who.Text(), "State Bank") {
		t.Errorf("who said that? after FY24: %q", who.Text())
	}
	if c := e.AskAfter(prev, "tell me more").Context(); c != "" {
		t.Errorf("Context after 'tell me more' = %q; want the subject kept", c)
	}
	// A kind that asks for a figure the answer states gives it again, not
	// another entry's: "what percent?" after the growth is the 24.6%.
	if r := e.AskAfter("how fast are call center earnings growing", "what percent?"); !r.Answered || !strings.Contains(r.Text(), "24.6%") {
		t.Errorf("what percent? after the growth: %q", r.Text())
	}
	// "Last year" after the latest year is the year before it.
	for _, q := range []string{"aur pichlay saal?", "and last year?", "اور پچھلے سال؟"} {
		r := e.AskAfter(prev, q)
		if !r.Answered || !strings.Contains(r.Text(), "263") {
			t.Errorf("AskAfter(FY25, %q) = %q; want FY24's earnings", q, r.Text())
		}
		// and what follows it up is FY24's earnings still
		if who := e.AskAfter(r.Context(), "who said that?"); !strings.Contains(who.Text(), "263") {
			t.Errorf("who said that, after %q: %q; want FY24's earnings", q, who.Text())
		}
	}
	// and after a question that named no year, but was answered for the
	// latest.
	for _, q := range []string{"aur pichlay saal?", "اور پچھلے سال؟"} {
		if r := e.AskAfter("کال سینٹرز نے کتنا کمایا؟", q); !strings.Contains(r.Text(), "263") {
			t.Errorf("AskAfter(how much did they earn, %q) = %q; want FY24's earnings", q, r.Text())
		}
	}
	if r := e.Ask("pichlay saal call centers ne kitna kamaya"); !strings.Contains(r.Text(), "328") {
		t.Errorf("last year on its own: %q; want the latest year, FY25", r.Text())
	}
	// FollowUp answers only a follow-up; a question on its own is left to Ask.
	if f, ok := e.FollowUp(prev, "and in FY24?"); !ok || !f.Answered || !f.FollowUp || !strings.Contains(f.Text(), "263") {
		t.Errorf("FollowUp(and in FY24?) = %v, %v; want FY24's earnings", f, ok)
	}
	for _, q := range []string{"What is CCAP?", "who is adeel azhar", ""} {
		if f, ok := e.FollowUp(prev, q); ok || f != nil {
			t.Errorf("FollowUp(%q) = %v, true; it stands on its own", q, f)
		}
	}
	if f, ok := e.FollowUp("", "and in FY24?"); ok || f != nil {
		t.Errorf("FollowUp with nothing before = %v, %v", f, ok)
	}
	// A kind of question alone, after an answer: asked of what it was about.
	if r := e.AskAfter("What is the crackdown on call centers?", "kab?"); r.Answered || !r.FollowUp || !strings.Contains(r.Decline, "date") {
		t.Errorf("kab? after the crackdown: answered=%v follow-up=%v %q; want no date given", r.Answered, r.FollowUp, r.Decline)
	}
	// (The earnings list their reasons: "why?" after them gives those; see
	// TestWhyGetsReasons.)
	if r := e.AskAfter("What is the crackdown on call centers?", "why?"); r.Reason != OfferedMore || !r.FollowUp || len(r.Suggestions) == 0 || r.Decline != e.v.lex.Messages["no_more"] {
		t.Errorf("why? after an answer it would repeat: reason %v %q", r.Reason, r.Decline)
	}
	// Nor one of its points again: the list gave each challenge's cause.
	if r := e.AskAfter("aur challenges kya hain?", "kyun?"); r.Reason != OfferedMore {
		t.Errorf("kyun? after the challenges: %s %v; want no more than the list", r.EntryID(), r.Reason)
	}
	// A question that points back is about what was asked: not off topic.
	if r := e.AskAfter("dabba scam kya hai", "ye kaun chalata hai?"); r.Answered || r.Decline != e.v.lex.Messages["not_found"] {
		t.Errorf("ye kaun chalata hai? after the Dabba scam: %q", r.Decline)
	}
	if r := e.AskAfter("", "tell me more"); r.Reason != DeclineEmpty {
		t.Errorf("AskAfter(nothing, tell me more) = %v; want empty", r.Reason)
	}
}

func ids(es []*knowledge.Entry) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.ID)
	}
	return out
}

// TestCreditSaidOnce: facts that share one attribution are credited once,
// on a line before them, not after each; a fact before them credited to no
// one stays before that line.
// TestQuotesGathered: what one person said, asked for, is one list under a
// heading that names them, not one part per entry under headings that fit
// the entries rather than the remarks (a new-user review); each remark once.
func TestQuotesGathered(t *testing.T) {
	e := engine(t)
	for _, q := range []string{"P@SHA ka kya kehna hai?", "what has the senior vice chairman of P@SHA said?"} {
		r := e.Ask(q)
		if !r.Answered || len(r.Parts) != 1 {
			t.Fatalf("Ask(%q): answered=%v parts=%d", q, r.Answered, len(r.Parts))
		}
		p := r.Parts[0]
		const who = "P@SHA senior vice chairman Muhammad Umair Nizam"
		if p.Title() != "What "+who+" said" || len(p.Facts) < 4 {
			t.Errorf("Ask(%q): heading %q, %d remarks", q, p.Title(), len(p.Facts))
		}
		if body, _, _ := strings.Cut(r.Text(), "\nSources:"); strings.Count(body, who) != 1 {
			t.Errorf("Ask(%q): the remarks are credited again under the heading:\n%s", q, body)
		}
	}
	// An answer that is not only remarks keeps its entries' questions.
	if r := e.Ask("how did the industry respond to the crackdown?"); r.Parts[0].Heading != "" {
		t.Errorf("heading %q on an ordinary answer", r.Parts[0].Heading)
	}
}

func TestCreditSaidOnce(t *testing.T) {
	r := engine(t).Ask("how did the industry respond to the crackdown?")
	if !r.Answered || len(r.Parts) != 1 {
		t.Fatalf("answered=%v parts=%d", r.Answered, len(r.Parts))
	}
	p := r.Parts[0]
	const credit = "according to P@SHA senior vice chairman Muhammad Umair Nizam"
	if p.Credit != credit || p.CreditAt != 1 {
		t.Fatalf("credit %q at %d; want %q at 1", p.Credit, p.CreditAt, credit)
	}
	body, _, _ := strings.Cut(r.Text(), "\nSources:")
	if n := strings.Count(strings.ToLower(body), strings.ToLower(credit)); n != 1 {
		t.Errorf("the credit is said %d times, want once:\n%s", n, body)
	}
	lines := strings.Split(body, "\n")
	if i := slices.Index(lines, "According to P@SHA senior vice chairman Muhammad Umair Nizam:"); i != 2 {
		t.Errorf("the credit line is line %d, want 2 (after the first fact):\n%s", i, body)
	}
	// One credited fact keeps its credit where it is.
	r = engine(t).Ask("how much did call centers earn in FY25?")
	if r.Parts[0].Credit != "" || !strings.Contains(r.Text(), "$328 million, according to the State Bank of Pakistan") {
		t.Errorf("a single credited fact:\n%s", r.Text())
	}
}

// TestWhenJoinsAClause: "when" inside a sentence, after its content, joins
// a clause; at the start, or at the end, it asks when.
func TestWhenJoinsAClause(t *testing.T) {
	e := engine(t)
	if r := e.Ask("Is data security a concern when outsourcing to Pakistan?"); r.EntryID() != "data-security" {
		t.Errorf("a concern when outsourcing: %s %q", r.EntryID(), r.Decline)
	}
	for _, q := range []string{"when did the crackdown start?", "the crackdown started when?"} {
		if r := e.Ask(q); r.Answered || !strings.Contains(r.Decline, "date") {
			t.Errorf("Ask(%q): answered=%v %q; want no date given", q, r.Answered, r.Decline)
		}
	}
}

// TestWrongTitleCorrected: a yes-or-no question giving someone the sources
// name a title they don't give them is answered with what they do say of
// them, after saying so; asking who holds a title is still declined.
func TestWrongTitleCorrected(t *testing.T) {
	e := engine(t)
	for q, want := range map[string]string{
		"is Umair Nizam the chairman of P@SHA?": "senior vice chairman",
		"کیا عمیر نظام پاشا کے چیئرمین ہیں؟":    "senior vice chairman",
		"Is Adeel Azhar the CEO of CCAP?":       "president of the Call Centers Association",
		"Is Adeel Azhar the chairman of P@SHA?": "president of the Call Centers Association", // two names joined wrongly too
	} {
		r := e.Ask(q)
		if !r.Answered || !strings.HasPrefix(r.Premise, "My sources don't give the title") || !strings.Contains(r.Text(), want) {
			t.Errorf("Ask(%q): answered=%v premise %q:\n%s", q, r.Answered, r.Premise, r.Text())
		}
	}
	if r := e.Ask("Is Adeel Azhar the president of CCAP?"); !r.Answered || r.Premise != "" {
		t.Errorf("a title the sources give: premise %q", r.Premise)
	}
	if r := e.Ask("who is the president of P@SHA?"); r.Answered {
		t.Errorf("who holds a title the sources don't give: answered %s", r.EntryID())
	}
}

// TestPeriodNoteOnce: in a conversation, how the fiscal year runs and what
// "currently" means are explained once; the years are always said.
func TestPeriodNoteOnce(t *testing.T) {
	e := engine(t)
	seen := map[string]bool{}
	first := e.Ask("how much did call centers earn in FY25?").PeriodNoteSeen(seen)
	if !strings.Contains(first, "runs from July to June") || !strings.Contains(first, "FY25") {
		t.Fatalf("first note %q: want the fiscal year explained", first)
	}
	second := e.Ask("how much did call centers earn in FY24?").PeriodNoteSeen(seen)
	if strings.Contains(second, "runs from July to June") || !strings.Contains(second, "Figures are for FY24") {
		t.Errorf("second note %q: want the year only", second)
	}
	r := e.Ask("what share of call centers serve overseas clients?")
	if n := r.PeriodNoteSeen(seen); !strings.Contains(n, "“Currently” means") {
		t.Errorf("first 'currently' note %q: want it explained", n)
	}
	if n := r.PeriodNoteSeen(seen); strings.Contains(n, "Currently") {
		t.Errorf("second 'currently' note %q: want it left out", n)
	}
	if full := r.PeriodNote(); !strings.Contains(full, "runs from July to June") || !strings.Contains(full, "Currently") {
		t.Errorf("PeriodNote %q: want every explanation without a conversation", full)
	}
}

// TestWhichSource: a question that asks which source has something is
// answered with that something, led by the sources it is from and whom
// they credit; a question about the sources alone is not.
func TestWhichSource(t *testing.T) {
	e := engine(t)
	for _, tt := range []struct{ q, entry, lead string }{
		{"Which article mentions tax incentives?", "government-support", "That is from “BPO Services in Pakistan: Trends and Growth”."},
		{"kis article mein dabba scam ka zikr hai?", "dabba-scam", "That is from “Pakistan's call centers earn $328 million in FY25” (title ours)."},
		{"where is the 263 million from?", "fy24-earnings", "credit that to the State Bank of Pakistan"},
		{"what are your sources?", "sources-list", ""},
		{"which article was written by admin?", "who-wrote", ""},
	} {
		r := e.Ask(tt.q)
		if r.EntryID() != tt.entry {
			t.Errorf("%q: answered %q, want %q", tt.q, r.EntryID(), tt.entry)
			continue
		}
		if tt.lead == "" && strings.HasPrefix(r.Premise, "That is from") || !strings.Contains(r.Premise, tt.lead) {
			t.Errorf("%q: lead %q, want %q", tt.q, r.Premise, tt.lead)
		}
	}
}

// TestCreditedElsewhere: "did X say Y?" where the sources credit Y to
// someone else is answered with Y, after saying whom they credit it to.
func TestCreditedElsewhere(t *testing.T) {
	e := engine(t)
	r := e.Ask("Did the PSEB chairman say most call centers operate ethically?")
	if !r.Answered || !strings.Contains(r.Premise, "PSEB") || !strings.Contains(r.Premise, "Umair Nizam") {
		t.Errorf("answered %v, premise %q: want the statement credited to Nizam, not PSEB", r.Answered, r.Premise)
	}
	// Not a yes-or-no question: declined for the title, as before.
	if r := e.Ask("What did the PSEB chairman say about the crackdown?"); r.Answered && r.Premise == "" {
		t.Errorf("what did the PSEB chairman say: answered %s without a word on PSEB", r.EntryID())
	}
}

// TestSaidByNamedInFact: "who said that?" after an answer whose fact names
// the person itself does not say that nobody is credited.
func TestSaidByNamedInFact(t *testing.T) {
	e := engine(t)
	r := e.AskAfter("why is india called the dabba capital?", "who said that?")
	if !r.Answered || strings.Contains(r.Premise, "without crediting") || !strings.Contains(r.Text(), "Nizam") {
		t.Errorf("premise %q, text:\n%s", r.Premise, r.Text())
	}
}

// TestPointsBackAtEnd: "what does CCAP think about it?" after the
// crackdown asks CCAP's view of the crackdown, which the sources don't
// give: declined for CCAP, not answered with what CCAP said of growth.
func TestPointsBackAtEnd(t *testing.T) {
	e := engine(t)
	r := e.AskAfter("what is the crackdown?", "what does CCAP think about it?")
	if r.Answered || !strings.Contains(r.Decline, "CCAP") {
		t.Errorf("answered %v %s, decline %q; want declined for CCAP", r.Answered, r.EntryID(), r.Decline)
	}
}

// TestInnerCapitalNotCorrected: "VoIP" is spelt so on purpose; it was
// corrected to "vp" and declined as "who the vice president is".
func TestInnerCapitalNotCorrected(t *testing.T) {
	e := engine(t)
	for _, tm := range e.Analyze("what licence do i need for VoIP").Terms {
		if tm.Corrected {
			t.Errorf("%q read as a correction (%v)", tm.Surface, tm.ID)
		}
	}
	if r := e.Ask("what licence do i need from PTA for VoIP"); strings.Contains(r.Decline, "vice president") {
		t.Errorf("decline %q", r.Decline)
	}
	if !innerCapital("iPhone") || innerCapital("PSEBB") || innerCapital("Karachi") {
		t.Error("innerCapital: want iPhone only")
	}
}

// TestWhoHeadsNotOtherName: "who heads P@SHA?" is not answered with CCAP's
// president; "..., was it PSEB?" offers a name and is still corrected.
func TestWhoHeadsNotOtherName(t *testing.T) {
	e := engine(t)
	if r := e.Ask("who heads P@SHA?"); r.Answered && r.EntryID() == "adeel-azhar" {
		t.Errorf("who heads P@SHA: answered with %s", r.EntryID())
	}
	if r := e.Ask("which body reported the $328m figure, was it PSEB?"); !r.Answered || !strings.Contains(r.Text(), "State Bank") {
		t.Errorf("was it PSEB: %q", r.Text())
	}
}

// TestWhoDidSomethingToAName: "who heads PSEB?" needs a fact naming
// someone other than PSEB; the facts about PSEB name only PSEB. A question
// that only names ("who is Adeel Azhar?"), whose answer names someone
// else ("who is the president of CCAP?"), or that names a place and asks
// for others, is still answered.
func TestWhoDidSomethingToAName(t *testing.T) {
	e := engine(t)
	for _, q := range []string{"who heads PSEB?", "who runs PSEB"} {
		if r := e.Ask(q); r.Answered {
			t.Errorf("%q: answered with %s, want a decline", q, r.EntryID())
		}
	}
	for q, want := range map[string]string{
		"who is Adeel Azhar":           "adeel-azhar",
		"who is the president of CCAP": "adeel-azhar",
		"who heads CCAP?":              "adeel-azhar",
		"who is CCAP?":                 "ccap",
		"Do Pakistani call centres serve American customers, and who else?": "which-countries",
	} {
		if r := e.Ask(q); !r.Answered || r.EntryID() != want {
			t.Errorf("%q: answered %v with %q, want %s", q, r.Answered, r.EntryID(), want)
		}
	}
}

// TestPartWithinAnotherDropped: a part whose entry's facts another
// part's entry all has adds nothing. India's competition is one of the
// facts about the "Dabba Capital" remark, so "compare india and pakistan on
// scams" is the remark, not the competition first and the remark after.
func TestPartWithinAnotherDropped(t *testing.T) {
	r := engine(t).Ask("compare india and pakistan on scams")
	if !r.Answered || len(r.Parts) != 1 || r.EntryID() != "india-dabba-capital" {
		t.Errorf("answered=%v, %d parts, %s; want the Dabba Capital entry alone:\n%s", r.Answered, len(r.Parts), r.EntryID(), r.Text())
	}
}

// TestPlaceBroaderNote: an answer that reached a place only through a
// wider one says the sources don't name it; one that names a place within
// it, or a question whose place is not asked about, says nothing.
func TestPlaceBroaderNote(t *testing.T) {
	e := engine(t)
	if r := e.Ask("Is labour cheaper in Pakistan than in the US?"); !r.Answered || !strings.Contains(r.Note, "US") {
		t.Errorf("the US and Western countries: note %q", r.Note)
	}
	for _, q := range []string{"do they have clients in Europe?", "how much did call centers earn in FY25?"} {
		if r := e.Ask(q); r.Note != "" {
			t.Errorf("%q: note %q, want none", q, r.Note)
		}
	}
}

// TestLastYearAfterAnEarlierYear: "aur pichlay saal?" after FY24 asks of
// FY23, which the facts do not cover: declined for it, not FY25 again.
func TestLastYearAfterAnEarlierYear(t *testing.T) {
	e := engine(t)
	r := e.AskAfter("how much did call centers earn in FY24?", "aur pichlay saal?")
	if r.Answered || !strings.Contains(r.Decline, "FY23") {
		t.Errorf("after FY24: answered %v %s, decline %q; want FY23 declined", r.Answered, r.EntryID(), r.Decline)
	}
}

// TestCountOfSomethingElse: a count asked of something the counted entry
// lacks, which the entry about it has without a count ("how many illegal
// call centers?"), is declined, not answered with the registered count.
func TestCountOfSomethingElse(t *testing.T) {
	e := engine(t)
	for _, q := range []string{"How many illegal call centers are there in Pakistan?", "How many BPO firms in Pakistan use AI?"} {
		if r := e.Ask(q); r.Answered {
			t.Errorf("%q: answered %s", q, r.EntryID())
		}
	}
	if r := e.Ask("how many call centers are registered with PSEB?"); !strings.Contains(r.Text(), "1,000") {
		t.Errorf("registered count: %q", r.Text())
	}
}

// TestNoSubjectKeepsContext: a question declined with nothing an entry has
// ("per person?", "total?") starts no subject: the conversation's stays.
func TestNoSubjectKeepsContext(t *testing.T) {
	e := engine(t)
	for _, q := range []string{"per person?", "total?"} {
		if c := e.AskAfter("call centre wale kitna kamate hain", q).Context(); c != "" {
			t.Errorf("%q: context %q, want none", q, c)
		}
	}
	if c := e.Ask("how much do call centers earn in Karachi?").Context(); c == "" {
		t.Error("a declined question about something the entries have keeps its subject")
	}
}

// TestNearestLacksTheKind: a question whose nearest entry cannot answer its
// kind of question ("how much" of an entry with no sum) is declined for
// that, not offered back as "did you mean" with that entry.
func TestNearestLacksTheKind(t *testing.T) {
	e := engine(t)
	for _, q := range []string{"how much FDI came into BPO", "how much foreign direct investment came into the BPO sector?", "Germany ke clients kitne percent hain?"} {
		r := e.Ask(q)
		if r.Answered || r.Reason == DeclineUnsure {
			t.Errorf("Ask(%q) = answered %v (%s), reason %v: %q; want a decline that says why", q, r.Answered, r.EntryID(), r.Reason, r.Decline)
		}
	}
}

// TestRestates: "who said that?" right after an answer restates its facts,
// so a conversation shows it Brief: whom they are credited to and their
// sources, without the facts again; after another reply it does not.
func TestRestates(t *testing.T) {
	e := engine(t)
	prev := e.Ask("how much did call centers earn in FY24?")
	who := e.AskAfter(prev.Context(), "who said that?")
	if !who.Restates(prev) {
		t.Fatalf("who said that? after FY24's earnings does not restate them: %q", who.Text())
	}
	if strings.Contains(who.Text(), "$263 million") == false {
		t.Errorf("not Brief, the facts are shown: %q", who.Text())
	}
	who.Brief = true
	if text := who.Text(); strings.Contains(text, "$263 million") || !strings.Contains(text, "State Bank") || !strings.Contains(text, "Sources:") {
		t.Errorf("Brief: %q; want whom to credit and the sources, not the facts", text)
	}
	// The sources listed are cited: the line saying whom cites them, as no
	// fact does.
	if text := who.Text(); !strings.Contains(strings.SplitN(text, "\n", 2)[0], "[1]") {
		t.Errorf("Brief: %q; want its first line to cite [1], the source listed", text)
	}
	if who.Restates(e.Ask("what is bpo?")) || prev.Restates(prev) {
		t.Errorf("Restates after another answer, or of an answer that is no \"who said that?\"")
	}
}

// TestFollowUpNarrows: a follow-up naming only a place that the answer
// before already covers is answered with the facts that name it, not the
// whole answer again.
func TestFollowUpNarrows(t *testing.T) {
	e := engine(t)
	prev := "what challenges do pakistani BPOs face?"
	full := e.Ask(prev)
	for _, q := range []string{"aur India?", "and the Philippines?", "اور انڈیا؟"} {
		r := e.AskAfter(prev, q)
		if !r.Answered || len(r.Facts) == 0 || len(r.Facts) >= len(full.Facts) || !strings.Contains(r.Text(), "India and the Philippines") {
			t.Errorf("AskAfter(challenges, %q): %d facts of %d:\n%s", q, len(r.Facts), len(full.Facts), r.Text())
		}
	}
	// A place the answer does not name is not narrowed to nothing.
	if r := e.AskAfter(prev, "aur Lahore?"); r.Answered && len(r.Facts) == 0 {
		t.Errorf("aur Lahore?: answered with no facts")
	}
}

// TestWhyGetsReasons: a why-question answered with an entry that lists
// reasons gets them too; "kyun?" right after the answer gets only them; a
// question that does not ask why does not.
func TestWhyGetsReasons(t *testing.T) {
	e := engine(t)
	for _, q := range []string{"why did call center earnings grow so much in FY25?", "FY25 mein call centers ki kamai kyun barhi?"} {
		r := e.Ask(q)
		if ids := r.EntryIDs(); !r.Answered || !slices.Contains(ids, "new-deals") || ids[0] == "new-deals" {
			t.Errorf("Ask(%q) = %v; want the earnings, then the new deals", q, ids)
		}
	}
	if ids := e.Ask("how fast are call center earnings growing?").EntryIDs(); slices.Contains(ids, "new-deals") {
		t.Errorf("not a why-question: %v", ids)
	}
	r := e.AskAfter("how much did call centers earn in FY25?", "kyun?")
	if ids := r.EntryIDs(); !r.Answered || !slices.Equal(ids, []string{"new-deals"}) || !strings.Contains(r.Text(), "Adeel Azhar") {
		t.Errorf("kyun? after FY25's earnings = %v:\n%s\nwant the reasons only", ids, r.Text())
	}
	// The reasons are headed as such (the lexicon's reasons message).
	if msg := e.v.lex.Messages["reasons"]; msg != "" && r.Parts[0].Title() != msg {
		t.Errorf("reasons headed %q, want %q", r.Parts[0].Title(), msg)
	}
}

// TestDeclineNamesCapitalised: a place or a name typed in lowercase is
// named capitalised in a decline; one typed otherwise is named as typed.
func TestDeclineNamesCapitalised(t *testing.T) {
	e := engine(t)
	for q, want := range map[string]string{
		"how many call centers in lahore":               "“Lahore”",
		"call centers in lahore and karachi kitne hain": "“Lahore or Karachi”",
		"how many call centers in LAHORE?":              "“LAHORE”",
	} {
		if r := e.Ask(q); r.Answered || !strings.Contains(r.Decline, want) {
			t.Errorf("Ask(%q) = %q; want it to name %s", q, r.Decline, want)
		}
	}
}

// TestLoneCommonWordPart: a part of one common word that another part's
// answer is about is no question of its own; a part of one telling word
// still is.
func TestLoneCommonWordPart(t *testing.T) {
	e := engine(t)
	if ids := e.Ask("Are tax incentives only for IT companies or also BPO?").EntryIDs(); slices.Contains(ids, "what-is-bpo") {
		t.Errorf("'or also BPO' answered as its own question: %v", ids)
	}
	if ids := e.Ask("FY25 earnings and employment?").EntryIDs(); !slices.Contains(ids, "employment") {
		t.Errorf("FY25 earnings and employment? = %v; want both", ids)
	}
}

// TestWhoSaidCreditedOnly: "who said ...?" answered with an entry that
// has remarks and reporting is answered with the remarks; a question that
// does not ask who gets the whole entry.
func TestWhoSaidCreditedOnly(t *testing.T) {
	e := engine(t)
	r := e.Ask("who said most call centers operate ethically?")
	if !r.Answered || len(r.Facts) == 0 {
		t.Fatalf("not answered: %q", r.Text())
	}
	for _, f := range r.Facts {
		if f.Attribution == "" {
			t.Errorf("who said...? shows a fact credited to no one: %q", f.Text)
		}
	}
	if !strings.Contains(r.Text(), "Umair Nizam") {
		t.Errorf("who said...? does not say who: %q", r.Text())
	}
	if r := e.Ask("are most pakistani call centers legitimate?"); !slices.ContainsFunc(r.Facts, func(f CitedFact) bool { return f.Attribution == "" }) {
		t.Errorf("not a who-question: the reporting is left out")
	}
}

// TestNarrowToPlace: a question naming one place, answered with an entry
// about that place, leaves out the facts about other places only.
func TestNarrowToPlace(t *testing.T) {
	e := engine(t)
	r := e.Ask("how does pakistan compare to philippines")
	if !r.Answered || len(r.Facts) == 0 || strings.Contains(r.Text(), "Dabba Capital") || !strings.Contains(r.Text(), "Philippines") {
		t.Errorf("compare to the Philippines:\n%s\nwant the competition, without what was said of India alone", r.Text())
	}
	if r := e.Ask("how does pakistan compare with india"); !strings.Contains(r.Text(), "Dabba Capital") {
		t.Errorf("compare with India:\n%s\nwant what was said of India too", r.Text())
	}
}

// TestWhoGaveThisNumber: "who gave this number?" after an answer asks who
// reported that answer's figures, not which body gives figures in general.
func TestWhoGaveThisNumber(t *testing.T) {
	e := engine(t)
	for _, q := range []string{"ye number kis ne diya", "who gave this number?", "یہ اعداد کس نے دیے؟"} {
		r := e.AskAfter("how many people work in call centers?", q)
		if !r.Answered || r.EntryID() != "employment" || !strings.Contains(r.Premise, "own reporting") {
			t.Errorf("AskAfter(employment, %q) = %s, premise %q; want the employment, credited to no one", q, r.EntryID(), r.Premise)
		}
	}
	if r := e.AskAfter("how much did call centers earn in FY25?", "who gave this number?"); !strings.Contains(r.Premise, "State Bank") {
		t.Errorf("who gave this number? after the earnings: premise %q", r.Premise)
	}
}

// TestWhoDidThis: "ye calculation kis ne ki?" (who did this calculation?)
// after the growth asks whom it is credited to; an answer only some of
// whose facts are credited is not restated briefly, so its facts show
// which ones.
func TestWhoDidThis(t *testing.T) {
	e := engine(t)
	prev := e.Ask("growth kitni hui percent mein?")
	r := e.AskAfter(prev.Context(), "ye calculation kis ne ki?")
	if !r.Answered || r.EntryID() != prev.EntryID() || !strings.Contains(r.Premise, "State Bank") {
		t.Fatalf("ye calculation kis ne ki? = %s, premise %q", r.EntryID(), r.Premise)
	}
	if r.Restates(prev) {
		t.Errorf("restated briefly, but only some of its facts are the State Bank's")
	}
}

// TestSummaryAlone: a message that asks for a summary and nothing else is
// answered with the knowledge base's summary entry; a summary of something
// is answered about that.
func TestSummaryAlone(t *testing.T) {
	e := engine(t)
	want := e.v.lex.Settings.Summary.Entry
	for _, q := range []string{"give me a summary", "summarize please", "can you give me an overview?"} {
		if r := e.Ask(q); !r.Answered || r.EntryID() != want {
			t.Errorf("Ask(%q) = %v %s; want %s", q, r.Answered, r.EntryID(), want)
		}
	}
	if r := e.Ask("summary of the challenges"); r.EntryID() == want {
		t.Errorf("a summary of the challenges answered with %s", want)
	}
	if r := e.Ask("hello"); r.Answered {
		t.Errorf("hello answered with %s", r.EntryID())
	}
	// After an answer, in a conversation, too (not "tell me more").
	if r := e.AskAfter("how much did call centers earn in FY25?", "give me a summary"); !r.Answered || r.EntryID() != want {
		t.Errorf("give me a summary, after an answer = %v %s %q; want %s", r.Answered, r.EntryID(), r.Decline, want)
	}
}

// TestUnsureKeepsSubject: a question asked back ("did you mean") does not
// become the conversation's subject: what follows it is asked of the last
// thing understood.
func TestUnsureKeepsSubject(t *testing.T) {
	e := engine(t)
	first := e.Ask("which countries do pakistani call centers serve?")
	unsure := e.AskAfter(first.Context(), "no it says US, UK and Europe")
	if unsure.Reason != DeclineUnsure {
		t.Skipf("no longer asked back (%v): pick another question", unsure.Reason)
	}
	if c := unsure.Context(); c != "" {
		t.Errorf("Context after a question asked back = %q; want the subject kept", c)
	}
}

// TestPushback: a follow-up that only states a figure ("no, I read it was
// 400 million") is the answer before, its figures checked against it, and
// restated briefly when the facts were just shown.
func TestPushback(t *testing.T) {
	e := engine(t)
	for prev, tt := range map[string]struct{ q, want string }{
		"how much did call centers earn in FY25?":   {"no, I read it was 400 million", "$328 million"},
		"how many people does the industry employ?": {"are you sure? I thought it was 100,000", "over 1 million"},
		"how many people work in call centers?":     {"no the article said 2 million", "over 1 million"},
	} {
		p := e.Ask(prev)
		r := e.AskAfter(p.Context(), tt.q)
		if !r.Answered || r.EntryID() != p.EntryID() || !strings.Contains(r.Premise, tt.want) || !r.Restates(p) {
			t.Errorf("AskAfter(%q, %q) = %s, premise %q, restates %v; want %s's answer, %q said, briefly", prev, tt.q, r.EntryID(), r.Premise, r.Restates(p), p.EntryID(), tt.want)
		}
	}
	// Not "tell me more": a pushback has no word of content either.
	if r := e.AskAfter("how many people work in call centers?", "no, I read it was 100,000"); !strings.Contains(r.Premise, "100,000") {
		t.Errorf("no, I read it was 100,000: %v %q", r.Reason, r.Premise)
	}
	// A figure with a question of its own is that question.
	if r := e.AskAfter("how much did call centers earn in FY25?", "how many people work there, 100,000?"); r.EntryID() != "employment" {
		t.Errorf("a question of its own with a figure = %s; want employment", r.EntryID())
	}
}

// TestSourceOfLast: "source?" or "where is that from?" after an answer say
// where that answer comes from, briefly; "what are your sources?" is still
// the list of sources.
func TestSourceOfLast(t *testing.T) {
	e := engine(t)
	prev := e.Ask("how much did call centers earn in FY25?")
	for _, q := range []string{"source?", "source kya hai?", "where is that from?"} {
		r := e.AskAfter(prev.Context(), q)
		if !r.Answered || r.EntryID() != prev.EntryID() || !strings.Contains(r.Premise, "State Bank") || !r.Restates(prev) {
			t.Errorf("AskAfter(FY25, %q) = %s, premise %q; want where FY25's earnings come from, briefly", q, r.EntryID(), r.Premise)
		}
	}
	if r := e.AskAfter(prev.Context(), "what are your sources?"); r.EntryID() != "sources-list" {
		t.Errorf("what are your sources? after an answer = %s; want the sources", r.EntryID())
	}
}

// TestCountedThingReplaced: a follow-up whose kind says what it counts
// ("aur kitne call centers hain?") counts that, not what the question
// before counted.
func TestCountedThingReplaced(t *testing.T) {
	e := engine(t)
	if r := e.AskAfter("call center mein kitne log kaam karte hain?", "aur kitne call centers hain?"); r.EntryID() != "call-center-count" {
		t.Errorf("aur kitne call centers hain? after the people = %s; want call-center-count", r.EntryID())
	}
	if r := e.AskAfter("kitny log kam krty h bpo me", "aur kitne call centers hain?"); r.EntryID() != "call-center-count" {
		t.Errorf("aur kitne call centers hain? after 'kitny log' = %s; want call-center-count", r.EntryID())
	}
	if r := e.AskAfter("pakistan mein kitne call centers hain?", "aur kitne log kaam karte hain?"); r.EntryID() != "employment" {
		t.Errorf("aur kitne log kaam karte hain? after the call centers = %s; want employment", r.EntryID())
	}
}

// TestFollowUpOwnWhenSame: a follow-up that names a place or a name and
// asks something of it, which read with the question before would only
// repeat its answer, is read on its own; one that names only the place is
// still narrowed.
func TestFollowUpOwnWhenSame(t *testing.T) {
	e := engine(t)
	prev := "what challenges does the industry face?"
	if r := e.AskAfter(prev, "بھارت کے بارے میں کیا کہا گیا؟"); r.EntryID() == "challenges-overview" {
		t.Errorf("what was said about India, after the challenges: the challenges again")
	}
	if r := e.AskAfter(prev, "aur India?"); r.EntryID() != "challenges-overview" || len(r.Facts) != 1 {
		t.Errorf("aur India? after the challenges = %s with %d facts; want the challenge naming India", r.EntryID(), len(r.Facts))
	}
}

// TestKindFollowUpContext: a kind of question alone answered with an entry
// ("kitna farq hai?" with the growth) makes that entry the subject: "why?"
// after it asks why the earnings grew.
func TestKindFollowUpContext(t *testing.T) {
	e := engine(t)
	fy24 := e.AskAfter("how much did call centers earn in FY25?", "and last year?")
	diff := e.AskAfter(fy24.Context(), "kitna farq hai?")
	if diff.EntryID() != "earnings-growth-rate" {
		t.Skipf("kitna farq hai? = %s: the flow no longer reaches the growth", diff.EntryID())
	}
	if r := e.AskAfter(diff.Context(), "why?"); !slices.Contains(r.EntryIDs(), "new-deals") {
		t.Errorf("why? after the difference = %v; want the reasons for the growth", r.EntryIDs())
	}
}

// TestPartKindAlone: a part that is only a kind of question, of what the
// other part asked ("are IT parks being built? where?"), is named as not
// answered when the sources don't give it.
func TestPartKindAlone(t *testing.T) {
	r := engine(t).Ask("are IT parks being built? where?")
	if !r.Answered || r.EntryID() != "it-parks" || !strings.Contains(r.Note, "where") {
		t.Errorf("got %s, note %q; want the IT parks, and that where is not given", r.EntryID(), r.Note)
	}
}

// TestSeventhSessionReview: the new-user review of the seventh session.
// Money asked for opening a call center is a cost, not earnings; a
// standard's "requirements" are no how-to; a quote asked for is said to
// be in our words; a kind-only question pointing at a person asks of him.
func TestSeventhSessionReview(t *testing.T) {
	e := engine(t)
	for _, q := range []string{"کال سینٹر کھولنے کے لیے کتنا پیسہ چاہیے؟", "call center kholne ke liye kitna paisa chahye", "how much money do i need for a call center in Karachi?"} {
		if r := e.Ask(q); r.Answered || !strings.Contains(r.Decline, "costs to set up") {
			t.Errorf("Ask(%q) = %s %q; want the cost declined", q, r.EntryID(), r.Decline)
		}
	}
	if r := e.Ask("what about data security requirements?"); strings.Contains(r.Decline, "step-by-step") {
		t.Errorf("data security requirements declined as a how-to: %q", r.Decline)
	}
	if r := e.Ask("what are the requirements to open a call center?"); r.Answered || !strings.Contains(r.Decline, "step-by-step") {
		t.Errorf("requirements to open: %s %q; want a how-to decline", r.EntryID(), r.Decline)
	}
	for _, q := range []string{"Is that a direct quote?", "what were his exact words?"} {
		if r := e.AskAfter("What did Muhammad Umair Nizam say about the crackdown?", q); r.Answered || !strings.Contains(r.Decline, "my own words") {
			t.Errorf("AskAfter(remarks, %q) = %s %q; want it said the replies are in our words", q, r.EntryID(), r.Decline)
		}
	}
	for _, q := range []string{"عدیل اظہر کی اپنی کمپنی کا نام کیا ہے؟", "Umair Nizam ki apni company ka naam kya hai?", "what's the name of Adeel Azhar's own company?"} {
		if r := e.Ask(q); r.Answered || !strings.Contains(r.Decline, "name no companies") {
			t.Errorf("Ask(%q) = %s %q; want someone's company declined", q, r.EntryID(), r.Decline)
		}
	}
	if r := e.Ask("FY25 میں call centers ne kitna kamaya aur FY24 se kitna % zyada tha?"); !strings.Contains(r.Text(), "24.6%") || !strings.Contains(r.Text(), "$328 million") {
		t.Errorf("earnings and how much more than FY24:\n%s", r.Text())
	}
	if r := e.Ask("total kitny log kaam krty hn is industry me approx"); !strings.Contains(r.Text(), "million") {
		t.Errorf("total kitny log: %s %q", r.EntryID(), r.Decline)
	}
	for _, q := range []string{"prove it", "saboot do", "ثبوت؟"} {
		if r := e.AskAfter("how much did call centers earn in FY25", q); !r.Answered || !strings.Contains(r.Premise, "That is from") {
			t.Errorf("AskAfter(earnings, %q) = %s, premise %q; want where it is from", q, r.EntryID(), r.Premise)
		}
	}
	if r := e.AskAfter("how fast are call center earnings growing", "that's wrong, I think it was 24.6% for FY24 not FY25"); r.EntryID() != "earnings-growth-rate" {
		t.Errorf("pushback with 'wrong': %v %q", r.EntryIDs(), r.Decline)
	}
	// A long message whose "and" splits a noun phrase: the part of common
	// words ("Pakistan's call centre") is not answered first.
	if ids := e.Ask("Hi there, I'm putting together a short presentation for my business class on South Asian outsourcing and I'd like to open with a headline number. Could you tell me what Pakistan's call centre and BPO segment earned in foreign exchange over the 2024-25 fiscal year? Thanks in advance.").EntryIDs(); !slices.Equal(ids, []string{"fy25-earnings"}) {
		t.Errorf("a long message's common-word part answered: %v", ids)
	}
	// The last review: an agent's pay by the month is a salary, not a
	// period of the industry's earnings; the dollar rate is the economy's;
	// an opinion asked for is not given.
	for _, q := range []string{"agent ko mahine ka kitna milta he", "How much does a call center agent earn per month?"} {
		if r := e.Ask(q); r.Answered || !strings.Contains(r.Decline, "salaries") {
			t.Errorf("Ask(%q) = %v %q; want salaries declined", q, r.EntryIDs(), r.Decline)
		}
	}
	if r := e.Ask("What's the dollar rate in Pakistan?"); r.Answered {
		t.Errorf("the dollar rate answered with %v", r.EntryIDs())
	}
	if r := e.Ask("Is the government's IT policy good or bad? What's your opinion?"); !strings.Contains(r.Note, "opinions are not something I give") {
		t.Errorf("an opinion asked for: note %q", r.Note)
	}
	// The fifth review (a journalist): which article mentions a place or a
	// name is the article whose facts name it.
	for q, want := range map[string]string{
		"Which article mentions the Philippines?":            "BPO Services in Pakistan",
		"Which article mentions the State Bank of Pakistan?": "Pakistan's call centers earn",
		"Does either article mention Dubai?":                 "Pakistan's call centers earn",
	} {
		r := e.Ask(q)
		if !strings.HasPrefix(r.Premise, "That is from “"+want) || strings.Count(r.Premise, "“") != 1 {
			t.Errorf("Ask(%q): premise %q; want only the article that names it", q, r.Premise)
		}
	}
	if r := e.AskAfter("how does pakistan compete with india", "What section?"); !r.Answered || !strings.HasPrefix(r.Premise, "That is from") {
		t.Errorf("what section: %v %q %q", r.EntryIDs(), r.Premise, r.Decline)
	}
	for q, want := range map[string]string{
		"Is he the one who said 90% work for overseas clients?": "don't credit that to “Adeel Azhar”: they report it without crediting anyone",
		"did he say most call centers are ethical?":             "don't credit that to “Adeel Azhar”: they credit it to P@SHA senior vice chairman Muhammad Umair Nizam",
	} {
		if r := e.AskAfter("who is adeel azhar", q); !strings.Contains(r.Premise, want) {
			t.Errorf("AskAfter(Adeel Azhar, %q): premise %q; want not him, and %q", q, r.Premise, want)
		}
	}
	for _, c := range []struct{ previous, q, want string }{
		{"how many people does the industry employ", "Is that the SBP's figure?", "don't say that about “SBP”. My sources report that without crediting it to anyone"},
		{"how much did call centers earn in FY25", "is that the SBP's figure?", "My sources credit that to the State Bank of Pakistan (SBP)."},
		{"how much did call centers earn in FY25", "is this from CCAP?", "don't say that about “CCAP”. My sources credit that to the State Bank of Pakistan (SBP)."},
	} {
		if r := e.AskAfter(c.previous, c.q); !strings.Contains(r.Premise, c.want) || strings.Contains(r.Premise, "“SBP”") && strings.Contains(c.previous, "earn") {
			t.Errorf("AskAfter(%q, %q): premise %q; want %q", c.previous, c.q, r.Premise, c.want)
		}
	}
	if r := e.Ask("Since exports grew 26%, is the sector booming?"); !strings.Contains(r.Premise, "You mentioned 26%") {
		t.Errorf("a wrong premise after 'since': %v %q %q", r.EntryIDs(), r.Premise, r.Decline)
	}
	// The fourth review (Roman Urdu users): "and the rest?" after the
	// registered count is the rest of it (a relative concept); "pakka?"
	// confirms, it is no crackdown; "thnx" thanks; "wala banda" is who.
	for _, q := range []string{"and the rest?", "baqi?"} {
		if r := e.AskAfter("how many call centers are registered with PSEB", q); r.EntryID() != "call-center-count" || !strings.Contains(r.Text(), "500") {
			t.Errorf("AskAfter(PSEB count, %q) = %v", q, r.EntryIDs())
		}
	}
	if r := e.AskAfter("call centers k clients kon h", "pakka?"); slices.Contains(r.EntryIDs(), "crackdown") {
		t.Errorf("pakka? = %v", r.EntryIDs())
	}
	if r := e.Ask("psbe kya h"); r.EntryID() != "pseb" {
		t.Errorf("psbe (PSEB misspelt): %v %q", r.EntryIDs(), r.Decline)
	}
	if r := e.Ask("thnx"); r.Reason != Greeted {
		t.Errorf("thnx = %v %q", r.EntryIDs(), r.Decline)
	}
	if r := e.Ask("pasha wala banda kon h jo bola"); !strings.Contains(r.Text(), "Umair Nizam") {
		t.Errorf("pasha wala banda: %v %q", r.EntryIDs(), r.Decline)
	}
	// The third review (many wordings of one question): slang, "q" for
	// kyun, "kitna tough", a rank asked in Urdu.
	for q, want := range map[string]string{
		"wtf is a dabba scam":                                             "dabba-scam",
		"is bpo in pakistan gonna keep growing or nah":                    "future-overview",
		"india aur philippines se competition kitna tough hai pak k liye": "competition",
		"bahar ki companies pak ko kaam q outsource krti hain":            "why-outsource-to-pakistan",
	} {
		if r := e.Ask(q); r.EntryID() != want {
			t.Errorf("Ask(%q) = %v %q; want %s", q, r.EntryIDs(), r.Decline, want)
		}
	}
	if r := e.Ask("عالمی بی پی او مارکیٹ میں پاکستان کا کون سا نمبر ہے؟"); r.Answered {
		t.Errorf("a rank asked in Urdu answered with %v", r.EntryIDs())
	}
	// The second review of the session (conversations in every language).
	for _, q := range []string{"thanks, that was really helpful", "بہت شکریہ، آپ نے بہت مدد کی"} {
		if r := e.Ask(q); r.Reason != Greeted {
			t.Errorf("Ask(%q) = %s %q; want thanks back", q, r.EntryID(), r.Decline)
		}
	}
	for q, want := range map[string]string{
		"different topic - are Pakistani BPOs using AI?":                      "ai-analytics",
		"is talent hard to keep?":                                             "talent-drain",
		"can you give me a short summary of both articles for my lit review?": "sources-list",
	} {
		if r := e.Ask(q); r.EntryID() != want {
			t.Errorf("Ask(%q) = %v %q; want %s", q, r.EntryIDs(), r.Decline, want)
		}
	}
	if r := e.AskAfter("I want to open a BPO in Lahore, what incentives are there?", "which ones exactly? how much is the tax break?"); r.Answered || strings.Contains(r.Decline, "Lahore") {
		t.Errorf("declined for a borrowed Lahore: %q", r.Decline)
	}
	if r := e.AskAfter("what did Nizam say about the crackdown", "kya wo crackdown k khilaf hain?"); !strings.Contains(r.Text(), "excessive crackdowns") {
		t.Errorf("is he against the crackdown: %v\n%s", r.EntryIDs(), r.Text())
	}
	if r := e.AskAfter("who is adeel azhar", "is he from P@SHA?"); r.EntryID() != "adeel-azhar" || !strings.Contains(r.Premise, "don't link “Adeel Azhar” with “P@SHA”") {
		t.Errorf("is he from P@SHA: %v %q", r.EntryIDs(), r.Premise)
	}
	for _, q := range []string{"what did both say?", "dono ne kya kaha?"} {
		r := e.AskAfter("how do CCAP and P@SHA differ?", q)
		if len(r.Parts) != 2 || !strings.Contains(r.Parts[0].Title(), "Adeel Azhar") || !strings.Contains(r.Parts[1].Title(), "Umair Nizam") {
			t.Errorf("AskAfter(CCAP and P@SHA, %q): want each one's remarks in a part of its own:\n%s", q, r.Text())
		}
	}
	if r := e.AskAfter("how much did call centers earn in FY25", "what did both CCAP and P@SHA say?"); len(r.Parts) != 2 {
		t.Errorf("two names after the earnings borrowed them: %v", r.EntryIDs())
	}
	if r := e.Ask("what did CCAP and P@SHA say?"); len(r.Parts) != 2 {
		t.Errorf("what did CCAP and P@SHA say: %d parts\n%s", len(r.Parts), r.Text())
	}
	for _, q := range []string{"کیا بھارت بھی ان میں شامل ہے؟", "is India among them?"} {
		if r := e.AskAfter("which countries do pakistan's call centers serve", q); r.Answered || !strings.Contains(r.Decline, "India") && !strings.Contains(r.Decline, "بھارت") {
			t.Errorf("AskAfter(client countries, %q) = %v %q; want India declined, not the competition", q, r.EntryIDs(), r.Decline)
		}
	}
	if r := e.Ask("کیا دس لاکھ سے زیادہ لوگ کام کرتے ہیں؟"); r.Premise != "" || !strings.Contains(r.Text(), "million") {
		t.Errorf("دس لاکھ (a million): premise %q\n%s", r.Premise, r.Text())
	}
	if r := e.Ask("is it true that most call centers are not legit?"); r.EntryID() != "are-call-centers-legit" {
		t.Errorf("not legit: %v %q", r.EntryIDs(), r.Decline)
	}
	if r := e.AskAfter("What did Muhammad Umair Nizam say about the crackdown?", "what's his exact title?"); r.EntryID() != "umair-nizam" {
		t.Errorf("his title after his remarks = %v %q; want who he is", r.EntryIDs(), r.Decline)
	}
}

// TestWhyNot: "why not?" right after a decline of something the sources do
// not report says why there is no answer, in the asker's language, with
// the decline's suggestions; after an answer, or a question of its own, it
// is not for WhyNot.
func TestWhyNot(t *testing.T) {
	e := translatedEngine(t)
	for _, c := range []struct{ asked, why, want string }{
		{"ok and salary kitni hoti hai?", "kyun nahi pata", "they don't report that"},
		{"how much did call centers earn in FY23?", "why not?", "they don't report that"},
		{"تنخواہ کتنی ہے؟", "کیوں نہیں؟", "کیونکہ میں صرف وہی بتاتا ہوں"},
	} {
		last := e.Ask(c.asked)
		r := e.WhyNot(last, c.why)
		if r == nil {
			t.Errorf("%q after %q: not answered by WhyNot", c.why, c.asked)
			continue
		}
		if !strings.Contains(r.Text(), c.want) || len(r.Suggestions) == 0 || len(r.Suggestions) != len(last.Suggestions) || r.Context() != "" {
			t.Errorf("%q after %q: %q (context %q); want %q with the decline's suggestions, keeping the subject", c.why, c.asked, r.Text(), r.Context(), c.want)
		}
	}
	for _, c := range []struct{ asked, q string }{
		{"how much did call centers earn in FY25?", "why?"},         // an answer: its reasons, AskAfter's
		{"ok and salary kitni hoti hai?", "why is talent leaving?"}, // a question of its own
		{"", "why not?"},
	} {
		var last *Reply
		if c.asked != "" {
			last = e.Ask(c.asked)
		}
		if r := e.WhyNot(last, c.q); r != nil {
			t.Errorf("%q after %q: WhyNot answered %q; want nil", c.q, c.asked, r.Text())
		}
	}
}

// TestAsideNotNoted: a remark on the conversation said with a question
// ("that's not what I asked, I asked ...") leaves only the question: it is
// answered, and the remark is not noted as the rest of the question.
func TestAsideNotNoted(t *testing.T) {
	r := engine(t).Ask("that's not what I asked, I asked how much they earned in FY24")
	if !r.Answered || !strings.Contains(r.Text(), "$263 million") || r.Note != "" {
		t.Errorf("answered=%v note=%q text=%q; want FY24's earnings and no note", r.Answered, r.Note, r.Text())
	}
	// A never kind that is no aside is still noted ("why should I trust him?").
	if r := engine(t).Ask("Who is Nizam and why should I trust him?"); !r.Answered || !strings.Contains(r.Note, "pinions") {
		t.Errorf("answered=%v note=%q; want Nizam, and opinions noted as not given", r.Answered, r.Note)
	}
}

// TestFollowUpDeclineNamesWhatWasAsked: a follow-up naming only a place,
// declined because no entry has both it and the year just answered, names
// the place asked about, never the year it was just told; and the subject
// stays for the next follow-up.
func TestFollowUpDeclineNamesWhatWasAsked(t *testing.T) {
	e := engine(t)
	prev := "how much did call centers earn in FY24?"
	r := e.AskAfter(prev, "what about India?")
	if r.Answered || !strings.Contains(r.Decline, "India") || strings.Contains(r.Decline, "FY24") {
		t.Fatalf("what about India? after FY24's earnings: answered=%v %q; want declined for India", r.Answered, r.Decline)
	}
	if c := r.Context(); c != "" {
		t.Errorf("context %q; want none: the subject stays FY24's earnings", c)
	}
	if r := e.AskAfter(prev, "aur philippines?"); r.Answered || !strings.Contains(r.Decline, "Philippines") {
		t.Errorf("aur philippines? after FY24's earnings: answered=%v %q", r.Answered, r.Decline)
	}
}

// TestHowMuchMore: "how much more ... than ..." asks the difference, not
// the later year's figure alone.
func TestHowMuchMore(t *testing.T) {
	r := engine(t).Ask("how much more did they earn in FY25 than FY24?")
	if !r.Answered || !strings.Contains(r.Text(), "$65 million") {
		t.Errorf("answered=%v %q; want the $65 million rise", r.Answered, r.Text())
	}
}

// TestRelativeYearNoted: an answer to a question asking of "last year" says
// which fiscal year that was read as; one naming the year says nothing of
// the kind.
func TestRelativeYearNoted(t *testing.T) {
	e := translatedEngine(t)
	for q, want := range map[string]string{
		"How much did call centers earn last year?": "I read “last year” as FY25",
		"pichle saal call centers ne kitna kamaya":  "I read “pichle saal” as FY25",
		"earnings the year before?":                 "as FY24, the fiscal year before the latest",
		"اس سال کال سینٹرز نے کتنا کمایا؟":          "میں نے “اس سال” کو FY25 سمجھا ہے",
	} {
		if r := e.Ask(q); !r.Answered || !strings.Contains(r.Text(), want) {
			t.Errorf("Ask(%q): %q; want %q", q, r.Text(), want)
		}
	}
	// "last year" right after the latest year is the year before it, and said so.
	if r := e.AskAfter("اس سال کال سینٹرز نے کتنا کمایا؟", "پچھلے سال؟"); !strings.Contains(r.Text(), "“پچھلے سال” کو FY24 سمجھا ہے، یعنی") {
		t.Errorf("پچھلے سال؟ after this year: %q; want FY24, the year before the latest", r.Text())
	}
	if r := e.Ask("how much did call centers earn in FY25?"); strings.Contains(r.Text(), "I read") {
		t.Errorf("a year named is noted as read: %q", r.Text())
	}
}

// TestBinaryIsNoQuestion: bytes that are mostly not text (a file piped in)
// are read as no question, never searched for figures ("You mentioned $2,
// but my sources give..."); text of any script, emoji, tabs and line
// breaks are text.
func TestBinaryIsNoQuestion(t *testing.T) {
	e := engine(t)
	rng := rand.New(rand.NewPCG(1, 2))
	junk := make([]byte, 3000)
	for i := range junk {
		junk[i] = byte(rng.Uint32())
	}
	r := e.Ask(string(junk))
	if r.Answered || r.Reason != DeclineEmpty || r.Premise != "" {
		t.Errorf("random bytes: answered=%v reason=%s premise=%q", r.Answered, r.Reason, r.Premise)
	}
	for _, q := range []string{"how much did call centers earn in FY25?\tthanks\r\n", "کال سینٹرز نے کتنا کمایا؟ 🙏🙏", "पाकिस्तान", "FY25 😀😀😀😀😀😀😀😀"} {
		if binary(q) {
			t.Errorf("binary(%q) = true; want text", q)
		}
	}
}

// TestFillerIgnored: chat filler around a question is no word of it.
func TestFillerIgnored(t *testing.T) {
	if r := engine(t).Ask("blah blah how much did call centers earn in FY24?"); !r.Answered || !strings.Contains(r.Text(), "$263 million") {
		t.Errorf("answered=%v %q; want FY24's earnings", r.Answered, r.Text())
	}
}

// TestNothingIsNoWord: "the government does nothing for BPO, right?" asks
// what the government does (the sources say what it does).
func TestNothingIsNoWord(t *testing.T) {
	if r := engine(t).Ask("The government does nothing for BPO, right?"); !r.Answered || !strings.HasPrefix(r.EntryID(), "government") {
		t.Errorf("answered=%v %s; want the government's role", r.Answered, r.EntryID())
	}
}

// TestQuoteWithWrongTitle: what someone said, asked with a title the
// sources don't give them, is what they said, after saying so.
func TestQuoteWithWrongTitle(t *testing.T) {
	for _, q := range []string{"What did P@SHA president Umair Nizam say about the crackdown?", "P@SHA ke president Umair Nizam ne kya kaha?",
		"What did Umair Nizam, president of CCAP, say?"} {
		r := engine(t).Ask(q)
		if !r.Answered || !strings.Contains(r.Premise, "“president”") || !strings.Contains(r.Text(), "senior vice chairman") {
			t.Errorf("Ask(%q): answered=%v premise=%q text=%q", q, r.Answered, r.Premise, r.Text())
		}
	}
}

// TestCiteThat: "cite that", "iska hawala do", "اس کا حوالہ دیں" after an
// answer say which article it is from, not list every source.
func TestCiteThat(t *testing.T) {
	e := translatedEngine(t)
	for _, q := range []string{"cite that", "iska hawala do", "اس کا حوالہ دیں"} {
		r := e.AskAfter("How many call centers are registered with PSEB?", q)
		if !r.Answered || !strings.Contains(r.Premise, "$328 million in FY25") || len(r.Citations) != 1 {
			t.Errorf("%q: answered=%v premise=%q citations=%d", q, r.Answered, r.Premise, len(r.Citations))
		}
	}
	if r := engine(t).Ask("Tell me about the growth story of Pakistan's BPO sector"); r.EntryID() != "growing-hub" {
		t.Errorf("growth story: %s; want the growth (not an article's summary)", r.EntryID())
	}
}

// TestEntireIsNoWord: "does the entire industry serve foreign clients?" asks
// the overseas share.
func TestEntireIsNoWord(t *testing.T) {
	if r := engine(t).Ask("Does the entire industry serve foreign clients?"); r.EntryID() != "overseas-share" {
		t.Errorf("%s %q; want the overseas share", r.EntryID(), r.Decline)
	}
}

// TestPremiseBeforeAskingBack: a figure of the question that the nearest
// entry's facts contradict is corrected even when the question is asked
// back ("did you mean"); the rest of a share ("baqi jo 10%", "jo 10% bache")
// is no contradiction of it.
func TestPremiseBeforeAskingBack(t *testing.T) {
	e := engine(t)
	r := e.Ask("Given the 34.6% growth, is the sector healthy?")
	if r.Answered || r.Reason != DeclineUnsure || !strings.HasPrefix(r.Text(), "You mentioned 34.6%, but my sources give 24.6%.") {
		t.Errorf("answered=%v reason=%s %q; want the 24.6%% said before asking back", r.Answered, r.Reason, r.Text())
	}
	for _, q := range []string{"baqi jo 10% hain wo kin ko service dety hain", "jo 10% bache call centers hain wo kis ko serve karte hain?", "baqi jo 10% hn wo kis k liye kaam krty hn"} {
		if r := e.Ask(q); strings.Contains(r.Text(), "You mentioned") {
			t.Errorf("Ask(%q) = %q; the rest of 90%% is no contradiction", q, r.Text())
		}
	}
}

// TestFullFromTypo: "full from" is the typo of "full form".
func TestFullFromTypo(t *testing.T) {
	if r := engine(t).Ask("pseb full from"); !strings.Contains(r.Text(), "Software Export Board") {
		t.Errorf("%q", r.Text())
	}
}

// TestOtherSource: "and the other article?" after an answer from one
// article answers the same subject from the other, with its facts only, or
// says it has none; after an answer from both, says so.
func TestOtherSource(t *testing.T) {
	e := engine(t)
	const asked = "hukumat BPO sector ki kaise madad kar rahi hai?"
	trends := "BPO Services in Pakistan: Trends and Growth"
	if p := e.Ask(asked); !p.Answered || slices.ContainsFunc(p.Citations, func(c Citation) bool { return c.Source.Title != trends }) {
		t.Fatalf("%q: want an answer from the trends article only, to follow up; got %q", asked, p.Text())
	}
	r := e.AskAfter(asked, "and the other article?")
	if !r.Answered || !strings.Contains(r.Premise, "$328 million in FY25") || slices.ContainsFunc(r.Citations, func(c Citation) bool { return c.Source.Title == trends }) {
		t.Errorf("other article after the government's support: answered=%v premise=%q %q", r.Answered, r.Premise, r.Text())
	}
	if r := e.AskAfter("How many call centers are registered with PSEB?", "and the other article?"); r.Answered || !strings.Contains(r.Decline, "says nothing on that") || len(r.Suggestions) == 0 {
		t.Errorf("other article after the count: answered=%v %q", r.Answered, r.Decline)
	}
	if r := e.AskAfter("What are the challenges facing the sector?", "and the other article?"); r.Answered || !strings.Contains(r.Decline, "already draws on both") {
		t.Errorf("other article after the challenges: answered=%v %q", r.Answered, r.Decline)
	}
	if r := e.AskAfter("What is the future of the sector?", "what does the other article say about the future?"); !r.Answered || !strings.Contains(r.Text(), "outsourcing hub") {
		t.Errorf("the other article on the future: answered=%v %q", r.Answered, r.Text())
	}
}

// TestPremiseRounding: a share within a tenth of a point of the facts' is
// their rounding (328/263 is 24.7%, the article's 24.6%), said as such and
// not corrected; one further off is corrected.
func TestPremiseRounding(t *testing.T) {
	e := engine(t)
	if r := e.Ask("328/263 = 24.7% not 24.6%"); !strings.Contains(r.Premise, "only by rounding") || strings.Contains(r.Premise, "You mentioned") {
		t.Errorf("24.7%%: premise %q; want it said to differ only by rounding", r.Premise)
	}
	if r := e.Ask("was the growth 24.6%?"); r.Premise != "Yes: my sources give 24.6%." {
		t.Errorf("24.6%%: premise %q; want it confirmed", r.Premise)
	}
	if r := e.Ask("Since growth was 25%, what were FY25 earnings?"); !strings.Contains(r.Premise, "24.6%") {
		t.Errorf("25%%: premise %q; want the 24.6%% said", r.Premise)
	}
}

// TestPremiseStatedElsewhere: a figure a fact states exactly, of no year
// in particular, is not "corrected" by an answer whose own facts lack it
// ("did exports grow by $65 million?"); a figure no fact states is; and
// our own arithmetic is never given as the sources' figure.
func TestPremiseStatedElsewhere(t *testing.T) {
	e := engine(t)
	if r := e.Ask("did exports grow by $65 million?"); r.Premise != "" {
		t.Errorf("$65 million: premise %q; want none", r.Premise)
	}
	r := e.Ask("why did earnings grow to $400 million?")
	if !strings.Contains(r.Premise, "You mentioned $400 million") || strings.Contains(r.Premise, "$65 million") {
		t.Errorf("$400 million: premise %q; want it corrected with the sources' figures, not our arithmetic", r.Premise)
	}
}

// TestNamedInLast: "which org is that?" after the count of registered call
// centers is PSEB, which the answer named, not CCAP, which "org" and "call
// centers" reach first; and "who heads it?" then is not CCAP's president.
func TestNamedInLast(t *testing.T) {
	e := engine(t)
	r := e.AskAfter("how many call centers are registered", "which org is that")
	if r.EntryID() != "pseb" {
		t.Fatalf("which org is that: %s %q; want PSEB", r.EntryID(), r.Text())
	}
	if r := e.AskAfter(r.Context(), "who heads it"); r.Answered || !strings.Contains(r.Decline, "PSEB") {
		t.Errorf("who heads it, after PSEB: %s %q; want a decline naming PSEB (Adeel Azhar heads CCAP)", r.EntryID(), r.Text())
	}
}

// TestInDemand: "what services are in demand?" asks what services there are.
func TestInDemand(t *testing.T) {
	if r := engine(t).Ask("what services are in demand?"); !r.Answered || !strings.Contains(r.Text(), "customer support") {
		t.Errorf("answered=%v %q", r.Answered, r.Text())
	}
}

// TestWhoIsHeInUrdu: "وہ کون ہیں؟" after someone's remarks asks who he
// is; "یہ کس نے کہا؟" after figures asks who said them.
func TestWhoIsHeInUrdu(t *testing.T) {
	e := translatedEngine(t)
	if r := e.AskAfter("نظام صاحب نے کیا کہا؟", "وہ کون ہیں؟"); r.EntryID() != "umair-nizam" {
		t.Errorf("وہ کون ہیں؟ after Nizam's remarks: %s %q; want who he is", r.EntryID(), r.Text())
	}
	if r := e.AskAfter("کال سینٹرز نے کتنا کمایا؟", "یہ کس نے کہا؟"); !strings.Contains(r.Premise, "اسٹیٹ بینک") {
		t.Errorf("یہ کس نے کہا؟ after the earnings: premise %q; want the State Bank credited", r.Premise)
	}
}

// TestLowerFirst: a sentence going on after a colon starts lower case,
// unless it starts with "I" or an acronym.
func TestLowerFirst(t *testing.T) {
	for in, want := range map[string]string{
		"My sources don't say.": "my sources don't say.",
		"I give what they say.": "I give what they say.",
		"I'm not sure.":         "I'm not sure.",
		"PSEB is not named.":    "PSEB is not named.",
		"It is not given.":      "it is not given.",
		"":                      "",
	} {
		if got := lowerFirst(in); got != want {
			t.Errorf("lowerFirst(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestHowOldAreTheArticles: how old the articles are asks their dates, not
// an age the sources would give figures on.
func TestHowOldAreTheArticles(t *testing.T) {
	if r := engine(t).Ask("how old are these articles?"); r.Answered || !strings.Contains(r.Decline, "dates") {
		t.Errorf("how old are these articles: %q", r.Text())
	}
}

// TestPronounInKindPhrase: "his" in "his title" (a phrase of the who kind)
// still points at the person the last question named.
func TestPronounInKindPhrase(t *testing.T) {
	r := engine(t).AskAfter("what did Umair Nizam say about India?", "what's his title exactly?")
	if r.EntryID() != "umair-nizam" || !strings.Contains(r.Text(), "senior vice chairman") {
		t.Errorf("his title, after Nizam: %s %q", r.EntryID(), r.Text())
	}
}

// TestPremiseBeforeAMetricDecline: a figure stated on the way to asking for
// something the sources never give is still corrected, by the nearest
// entry's facts; a figure of a year the sources lack is not.
func TestPremiseBeforeAMetricDecline(t *testing.T) {
	e := engine(t)
	r := e.Ask("Since the industry employs 10 million people, what's revenue per employee?")
	if r.Answered || !strings.Contains(r.Premise, "10 million") || !strings.Contains(r.DeclineText(), "averages") {
		t.Errorf("10 million people, per employee: premise %q, decline %q", r.Premise, r.DeclineText())
	}
	if r := e.Ask("will call centers earn $400 million in FY26?"); r.Answered || r.Premise != "" {
		t.Errorf("$400 million in FY26: answered=%v premise %q; want a decline without a correction", r.Answered, r.Premise)
	}
}

// TestHowToSolveIsARemedy: how the challenges could be solved is what the
// sources never say, also as the second part of a message.
func TestHowToSolveIsARemedy(t *testing.T) {
	e := engine(t)
	r := e.Ask("what are the challenges? and how can they be solved?")
	if r.EntryID() != "challenges-overview" || !strings.Contains(r.Note, "how to solve") {
		t.Errorf("challenges and how to solve them: %s, note %q", r.EntryID(), r.Note)
	}
	for _, q := range []string{"how can the talent drain be solved?", "challenges kaise hal ho sakte hain?"} {
		if r := e.Ask(q); r.Answered || !strings.Contains(r.Decline, "how to solve") {
			t.Errorf("%q: %q", q, r.Text())
		}
	}
}

// TestSecondReview: the second review of the ninth session.
func TestSecondReview(t *testing.T) {
	e := engine(t)
	for q, want := range map[string]string{
		"Does any article mention Europe?":            "new-markets",
		"Does any article mention subsidies?":         "government-support",
		"What is Adeel Azhar's position?":             "adeel-azhar",
		"Umair Nizam ka poora naam kya hai?":          "umair-nizam",
		"who are the actual clients?":                 "clients-overview",
		"What languages do call center agents speak?": "workforce",         // not the bot's languages
		"pta h kitne call center registered h":        "call-center-count", // Roman "pta" is "know", not the PTA
	} {
		if r := e.Ask(q); !r.Answered || r.EntryID() != want {
			t.Errorf("%q: answered=%v %s, want %s", q, r.Answered, r.EntryID(), want)
		}
	}
	if r := e.Ask("Does any article mention Europe?"); !strings.HasPrefix(r.Premise, "That is from") {
		t.Errorf("does any article mention Europe: premise %q, want which article", r.Premise)
	}
	for q, want := range map[string]string{
		"How old is Umair Nizam?":                          "age",
		"how old is the call center industry in pakistan?": "history",
	} {
		if r := e.Ask(q); r.Answered || !strings.Contains(r.Decline, want) {
			t.Errorf("%q: %q, want a decline about %s", q, r.Text(), want)
		}
	}
}

// TestLonePartWithASubject: a part of one word that names a subject few
// entries have is answered beside another part; a common word, or "thanks
// in advance", is not.
func TestLonePartWithASubject(t *testing.T) {
	e := engine(t)
	for q, want := range map[string][]string{
		"Tell me about the Dabba scam and also the FY25 earnings":       {"dabba-scam", "fy25-earnings"},
		"pakistan mein bpo ka future kaisa hai aur kya challenges hain": {"future-overview", "challenges-overview"},
	} {
		if got := e.Ask(q).EntryIDs(); !slices.Equal(got, want) {
			t.Errorf("%q: %v, want %v", q, got, want)
		}
	}
	if got := e.Ask("how much did call centers earn in FY25? thanks in advance").EntryIDs(); !slices.Equal(got, []string{"fy25-earnings"}) {
		t.Errorf("thanks in advance: %v", got)
	}
}

// TestFigureOfAYear: "what was the FY24 figure?" is the one entry of FY24's
// figures, FY24's earnings (it was the industry's size).
func TestFigureOfAYear(t *testing.T) {
	e := engine(t)
	for _, q := range []string{"what was the FY24 figure", "What exactly was the FY24 figure?", "what was the FY24 number again?", "FY24 ka figure kya tha"} {
		if r := e.Ask(q); r.EntryID() != "fy24-earnings" {
			t.Errorf("%q: %s, want fy24-earnings", q, r.EntryID())
		}
	}
	// Not when another word asks something else of the year.
	if r := e.Ask("what was the FY24 employment figure?"); r.EntryID() == "fy24-earnings" {
		t.Errorf("FY24 employment figure: answered with FY24's earnings")
	}
}

// TestWhoSaidAQuestionsClaim: "who said X?" of a claim the sources report
// says whom they credit it to, or that they credit no one, first.
func TestWhoSaidAQuestionsClaim(t *testing.T) {
	e := engine(t)
	for q, want := range map[string]string{
		"Who said 90% work with overseas clients?":          "without crediting it to anyone",
		"Who said there are 1,000 registered call centers?": "without crediting it to anyone",
		"90% wali baat kis ne kahi?":                        "without crediting it to anyone",
		"who reported the 24.6%?":                           "State Bank of Pakistan",
		"who said fraudsters deserve firm action?":          "Muhammad Umair Nizam",
		// Claims with no figure, read without the words asking who.
		"who said the industry employs a million people?": "without crediting it to anyone",
		"who reported the employment figure?":             "State Bank of Pakistan",
	} {
		if r := e.Ask(q); !r.Answered || !strings.Contains(r.Premise, want) {
			t.Errorf("%q: answered=%v premise %q, want %q", q, r.Answered, r.Premise, want)
		}
	}
}

// TestHowManyOfAList: "how many trends are there?" is the list of them, not
// "my sources don't give a number".
func TestHowManyOfAList(t *testing.T) {
	e := engine(t)
	for q, want := range map[string]string{"How many BPO trends are there?": "trends-overview", "bpo trends kitne hain": "trends-overview"} {
		if r := e.Ask(q); r.EntryID() != want {
			t.Errorf("%q: %s %q, want %s", q, r.EntryID(), r.Decline, want)
		}
	}
}

// TestSourceOfAFigureOfAnother: "the source for the 1 million employees
// figure" is not corrected against the SBP's $328 million (a nearest entry
// without the metric), and is not credited to the SBP.
func TestSourceOfAFigureOfAnother(t *testing.T) {
	r := engine(t).Ask("What is the source for the 1 million employees figure?")
	if strings.Contains(r.Premise, "You mentioned") || strings.Contains(r.Premise, "State Bank") || strings.Contains(r.Decline, "You mentioned") {
		t.Errorf("premise %q, decline %q", r.Premise, r.Decline)
	}
}

// TestFallWithAWordBetween: "earning kam kyu hui" (why did earnings fall)
// is told they rose, as "why did earnings fall?" is.
func TestFallWithAWordBetween(t *testing.T) {
	if r := engine(t).Ask("earning kam kyu hui"); r.EntryID() != "earnings-growth-rate" || !strings.Contains(r.Premise, "rise, not a fall") {
		t.Errorf("%s, premise %q", r.EntryID(), r.Premise)
	}
}

// TestSubsidyIsNoSalary: "subsidy kitni milti" is declined for its figure,
// not as a salary.
func TestSubsidyIsNoSalary(t *testing.T) {
	if r := engine(t).Ask("subsidy kitni milti"); strings.Contains(r.Decline, "salaries") {
		t.Errorf("subsidy kitni milti: %q", r.Decline)
	}
}

// TestItsAfterAPlace: "us ki earning" after India ("us" is "his" or "its",
// and no one was named) asks India's earnings, which the sources lack: not
// Pakistan's, answered as if they were.
func TestItsAfterAPlace(t *testing.T) {
	if r := engine(t).AskAfter("india ka kia scene", "us ki earning"); r.Answered || !strings.Contains(r.Decline, "India") {
		t.Errorf("us ki earning, after India: %s %q", r.EntryID(), r.Text())
	}
}

// TestPastYearNotAForecast: FY26 is over (it ended in June 2026): asked of,
// it is a year the sources do not cover, not a forecast; asked what it
// will be, a forecast still.
func TestPastYearNotAForecast(t *testing.T) {
	e := engine(t)
	if r := e.Ask("What were call center earnings in FY26?"); !strings.Contains(r.Decline, "FY24 and FY25") {
		t.Errorf("earnings in FY26: %q", r.Decline)
	}
	if r := e.Ask("what will earnings be in FY27?"); !strings.Contains(r.Decline, "forecasts") {
		t.Errorf("earnings in FY27: %q", r.Decline)
	}
}

// TestKindNotUntrulyBlamed: "Which countries were clients in FY24?" is
// asked back with the clients' countries first, not told the sources don't
// say where (they do, of the clients now).
func TestKindNotUntrulyBlamed(t *testing.T) {
	r := engine(t).Ask("Which countries were clients in FY24?")
	if r.Answered || r.Reason != DeclineUnsure || len(r.Suggestions) == 0 || r.Suggestions[0].ID != "which-countries" {
		t.Errorf("%v %q %v", r.Reason, r.Decline, r.Suggestions)
	}
}

// TestFraudImageIsReputation: "has fraud damaged the industry's image?" is
// the reputation entry, not the legitimacy one by a tie that "trust", a
// word of reputation among the legitimacy entry's keywords, made.
func TestFraudImageIsReputation(t *testing.T) {
	if r := engine(t).Ask("has fraud damaged the call center industry's image?"); r.EntryID() != "reputation" {
		t.Errorf("%s", r.EntryID())
	}
	if r := engine(t).Ask("What skills do call center workers have?"); r.EntryID() != "workforce" {
		t.Errorf("skills: %s", r.EntryID())
	}
}

// TestFigureAsSubject: "what does 90% mean?" asks what the sources' 90% is
// (the share of work for overseas clients), and must not be told the
// sources give 24.6% instead; a figure no fact states is still checked.
func TestFigureAsSubject(t *testing.T) {
	e := translatedEngine(t)
	for _, q := range []string{"what does 90% mean?", "90 percent kya matlab", "90 فیصد کا کیا مطلب ہے؟", "what does 263 million mean?"} {
		r := e.Ask(q)
		want := "overseas-share"
		if strings.Contains(q, "263") {
			want = "fy24-earnings"
		}
		if !r.Answered || r.EntryID() != want || r.Premise != "" {
			t.Errorf("%q: %s, premise %q; want %s and no correction", q, r.EntryID(), r.Premise, want)
		}
	}
	if r := e.Ask("what does 90% of India's revenue mean?"); r.Answered && r.EntryID() == "overseas-share" {
		t.Errorf("90%% of India's revenue: answered with the overseas share")
	}
}

// TestSetupIsContext: "if I open a BPO" beside a question the sources
// answer says why it is asked: the question is answered, with the note
// that they give no guidance on setting one up; alone, it is declined.
func TestSetupIsContext(t *testing.T) {
	e := engine(t)
	for q, want := range map[string]string{
		"I want to start a call center, what risks are there?": "challenges-overview",
		"what incentives are there if I open a BPO?":           "government-support",
	} {
		r := e.Ask(q)
		if !r.Answered || r.EntryID() != want || !strings.Contains(r.Note, "setting one up") {
			t.Errorf("%q: %s, note %q; want %s and a note", q, r.EntryID(), r.Note, want)
		}
	}
	for _, q := range []string{"I want to open a call center", "how do I start a call center?"} {
		if r := e.Ask(q); r.Answered {
			t.Errorf("%q: answered with %s, want a decline", q, r.EntryID())
		}
	}
}

// TestWhoSaidMixedCredit: "who said that?" of the competition, one point
// the trends article's own and one naming Nizam, says both, instead of
// repeating the answer.
func TestWhoSaidMixedCredit(t *testing.T) {
	e := engine(t)
	r := e.Ask("How does Pakistan compete with India and the Philippines in BPO?")
	r = e.AskAfter(r.Context(), "who said that?")
	if !strings.Contains(r.Text(), "Muhammad Umair Nizam are theirs") || !strings.Contains(r.Text(), "credited to no one") {
		t.Errorf("who said that, after the competition:\n%s", r.Text())
	}
}

// TestOtherPerson: "and who is the other guy?" after an answer about one
// of the two people the sources quote is about the other, in all three
// languages; after an answer about neither, it is asked back with both.
func TestOtherPerson(t *testing.T) {
	e := translatedEngine(t)
	for _, c := range [][]string{
		{"who is adeel azhar?", "what did he say?", "and who is the other guy?"},
		{"adeel azhar kon hai", "aur doosra banda kon hai"},
		{"عدیل اظہر کون ہیں؟", "اور دوسرے صاحب کون ہیں؟"},
	} {
		r := e.Ask(c[0])
		for _, q := range c[1:] {
			r = e.AskAfter(r.Context(), q)
		}
		if r.EntryID() != "umair-nizam" {
			t.Errorf("%q: %s, want umair-nizam", c, r.EntryID())
		}
	}
	if r := e.AskAfter(e.Ask("who is umair nizam?").Context(), "and the other guy?"); r.EntryID() != "adeel-azhar" {
		t.Errorf("the other guy after Nizam: %s", r.EntryID())
	} else if r := e.AskAfter(r.Context(), "what did he say?"); !strings.Contains(r.Text(), "Adeel Azhar said") {
		t.Errorf("what did he say, after the other guy (Azhar): %q", r.Text())
	}
	r := e.AskAfter(e.Ask("what is the growth rate?").Context(), "who is the other guy?")
	if r.Answered || r.Reason != DeclineUnsure || len(r.Suggestions) < 2 {
		t.Errorf("the other guy after the growth: %v %s %v", r.Answered, r.Reason, r.Suggestions)
	}
	if r := e.Ask("and who is the other guy?"); r.Answered || r.Reason != DeclineUnsure || len(r.Suggestions) < 2 {
		t.Errorf("the other guy, first: %v %s %q", r.Answered, r.Reason, r.Decline)
	}
}

// TestPartAboutUncoveredPlace: "...and how many in karachi?" is answered
// for the part the sources cover, naming Karachi as not given (it was
// dropped without a word).
func TestPartAboutUncoveredPlace(t *testing.T) {
	r := engine(t).Ask("how many call centers are registered with PSEB and how many in karachi?")
	if r.EntryID() != "call-center-count" || !strings.Contains(r.Note, "Karachi") {
		t.Errorf("%s, note %q", r.EntryID(), r.Note)
	}
}

// TestSummaryWordAlone: "tldr", "gist?" alone ask for the summary of
// every source, not of one article (the words are also a concept of the
// entries that summarise one).
func TestSummaryWordAlone(t *testing.T) {
	e := engine(t)
	for _, q := range []string{"tldr", "gist?", "what website is this from?"} {
		if r := e.Ask(q); r.EntryID() != "sources-list" {
			t.Errorf("%q: %s, want sources-list", q, r.EntryID())
		}
	}
	if r := e.Ask("tldr of the trends article"); r.EntryID() != "source-bpo-trends" {
		t.Errorf("tldr of the trends article: %s", r.EntryID())
	}
}

// TestFigureNotTheirs: "did adeel azhar say 328 million?" is told the
// sources credit the figure to the State Bank of Pakistan, and given it;
// a figure that is one of theirs is not.
func TestFigureNotTheirs(t *testing.T) {
	e := engine(t)
	r := e.Ask("did adeel azhar say 328 million?")
	if r.EntryID() != "fy25-earnings" || !strings.Contains(r.Premise, "Adeel Azhar") || !strings.Contains(r.Premise, "State Bank of Pakistan") {
		t.Errorf("%s, premise %q", r.EntryID(), r.Premise)
	}
	if r := e.Ask("what did adeel azhar say?"); r.Premise != "" {
		t.Errorf("what did adeel azhar say: premise %q", r.Premise)
	}
}

// TestHoursAhead: "how many hours ahead of London?" is the time difference,
// which the sources give no number for: not declined as working hours, nor
// for London or the UK (the time-zone fact names the UK).
func TestHoursAhead(t *testing.T) {
	e := engine(t)
	for _, q := range []string{"how many hours ahead of London is Pakistan?", "pakistan london se kitne ghante aage hai"} {
		r := e.Ask(q)
		if r.Answered || !strings.Contains(r.Decline, "number") && !strings.Contains(r.Decline, "figure for that") {
			t.Errorf("%q: %s %q", q, r.EntryID(), r.Decline)
		}
	}
	if r := e.Ask("how many hours do call center agents work?"); r.Answered || !strings.Contains(r.Decline, "working hours") {
		t.Errorf("working hours: %s %q", r.EntryID(), r.Decline)
	}
}

// TestWhoReportedYearsFigure: "Who reported the FY24 figure?" is FY24's
// earnings, credited to the State Bank of Pakistan (it was declined for
// FY24).
func TestWhoReportedYearsFigure(t *testing.T) {
	r := engine(t).Ask("Who reported the FY24 figure?")
	if r.EntryID() != "fy24-earnings" || !strings.Contains(r.Premise, "State Bank of Pakistan") {
		t.Errorf("%s, premise %q", r.EntryID(), r.Premise)
	}
}

// TestNameCasedAsTheLexicon: a name typed in other case is named as the
// lexicon writes it ("ccap" is CCAP, not Ccap).
func TestNameCasedAsTheLexicon(t *testing.T) {
	e := engine(t)
	if r := e.Ask("what did ccap say about the crackdown?"); !strings.Contains(r.Text(), "“CCAP”") {
		t.Errorf("ccap: %q", r.Text())
	}
	if r := e.Ask("pseb ka president kon hai"); !strings.Contains(r.Decline, "“PSEB”") {
		t.Errorf("pseb: %q", r.Decline)
	}
}

// TestSetupSuggests: a decline for setting up a business suggests what
// the sources do say that bears on it (the kind's `suggest:`).
func TestSetupSuggests(t *testing.T) {
	r := engine(t).Ask("I want to open a call center in Pakistan, what should I know?")
	if r.Answered || len(r.Suggestions) == 0 || r.Suggestions[0].ID != "government-support" {
		t.Errorf("%v %q %v", r.Answered, r.Decline, r.Suggestions)
	}
}

// TestJoinedNounPhraseIsOneQuestion: "the call center and BPO segment" in
// a question with one question word is one thing asked about, not two
// parts (the first of which, "how much did the call center", would count
// call centers); two question words still ask two things.
func TestJoinedNounPhraseIsOneQuestion(t *testing.T) {
	e := engine(t)
	for _, q := range []string{"How much did the call centre and BPO segment earn in FY25?", "what did call centers and bpos make in fy24"} {
		if r := e.Ask(q); !r.Answered || len(r.Parts) != 1 || !strings.Contains(r.EntryID(), "earnings") {
			t.Errorf("%q: answered=%v, %d parts, %s; want the year's earnings alone", q, r.Answered, len(r.Parts), r.EntryID())
		}
	}
	r := e.Ask("how many call centres r there n how many ppl work in them")
	if !r.Answered || len(r.Parts) != 2 {
		t.Errorf("two question words: %d parts, %s; want two", len(r.Parts), r.EntryID())
	}
}

// TestFigureFromOther: a yes-or-no question naming the wrong source of a
// figure the facts state is told whom they credit it to, with the figure;
// one naming the body the figure is about is answered plainly.
func TestFigureFromOther(t *testing.T) {
	e := engine(t)
	r := e.Ask("Is the $328 million figure from PSEB?")
	if !r.Answered || !strings.Contains(r.Premise, "PSEB") || !strings.Contains(r.Premise, "State Bank of Pakistan") || !strings.Contains(r.Text(), "328") {
		t.Errorf("$328 million from PSEB: premise %q, %s", r.Premise, r.EntryID())
	}
	if r := e.Ask("did PSEB report the 328 million?"); !r.Answered || r.Premise != "My sources don't credit that to “PSEB”: they credit it to the State Bank of Pakistan (SBP)." {
		t.Errorf("did PSEB report the 328 million: premise %q, %s", r.Premise, r.EntryID())
	}
	if r := e.Ask("is the 328 million figure from SBP?"); !r.Answered || r.Premise != "" {
		t.Errorf("$328 million from the SBP: premise %q, want none", r.Premise)
	}
	if r := e.Ask("is the 1,000 number from PSEB?"); !r.Answered || r.Premise != "" {
		t.Errorf("1,000 from PSEB (the figure is PSEB's register): premise %q, want none", r.Premise)
	}
}

// TestFigureOfUncoveredPeriod: a figure the facts give for one year, put in
// a year they do not cover, is declined for that year, saying which year
// the figure is for, with that year's entry suggested first.
func TestFigureOfUncoveredPeriod(t *testing.T) {
	r := engine(t).Ask("the SBP reported $263 million for FY23, right?")
	if r.Answered || !strings.Contains(r.Decline, "FY24") || !strings.Contains(r.Decline, "FY23") || len(r.Suggestions) == 0 || r.Suggestions[0].ID != "fy24-earnings" {
		t.Errorf("answered=%v, decline %q, suggestions %v; want FY23 declined, the figure given as FY24's, FY24's earnings first", r.Answered, r.Decline, r.Suggestions)
	}
}

// TestWhatOrganisationDoesHeLead: after Adeel Azhar, "what organisation
// does he lead?" is his entry (CCAP), not asked back.
func TestWhatOrganisationDoesHeLead(t *testing.T) {
	r := engine(t).AskAfter("who is adeel azhar?", "what organisation does he lead?")
	if !r.Answered || !strings.Contains(r.Text(), "Call Centers Association of Pakistan") {
		t.Errorf("answered=%v %s %q", r.Answered, r.EntryID(), r.Decline)
	}
}

// TestNthItemOfAList: "the third key trend" is that point of the trends
// list alone; an ordinal before a word that is no list's ("the first
// quarter"), or past the list's end, answers no single point.
func TestNthItemOfAList(t *testing.T) {
	e := engine(t)
	for q, want := range map[string]string{
		"What is the first challenge listed?": "challenge-infrastructure",
		"what is the third key trend?":        "trend-finance",
		"teesra trend kya hai?":               "trend-finance",
		"what's the 2nd future growth factor": "future-training",
		"last challenge?":                     "challenge-data-security",
		"aakhri challenge kya hai":            "challenge-data-security",
	} {
		r := e.Ask(q)
		if !r.Answered || len(r.Facts) != 1 || r.Facts[0].Fact.ID != want {
			t.Errorf("%q: answered=%v, %d facts, want %s alone:\n%s", q, r.Answered, len(r.Facts), want, r.Text())
		}
	}
	for _, q := range []string{"what's the sixth trend?", "how much did call centers earn in the first quarter of FY25"} {
		if r := e.Ask(q); r.Answered && len(r.Facts) == 1 && strings.HasPrefix(r.Facts[0].Fact.ID, "trend-") {
			t.Errorf("%q: one trend, %s", q, r.Facts[0].Fact.ID)
		}
	}
	// Past the list's end: the list, saying how long it is.
	if r := e.Ask("what's the 6th key trend?"); !r.Answered || len(r.Facts) != 5 || !strings.Contains(r.Note, "only 5") {
		t.Errorf("6th key trend: %d facts, note %q", len(r.Facts), r.Note)
	}
}

// TestNameAloneAfterAnAnswer: "ccap?" after FY25's earnings asks what CCAP
// is (read as a follow-up it was declined: the sources give no earnings of
// CCAP's); "and in FY24?" still follows up.
func TestNameAloneAfterAnAnswer(t *testing.T) {
	e := engine(t)
	for _, q := range []string{"ccap?", "pasha?"} {
		if r := e.AskAfter("how much did call centers earn in FY25?", q); !r.Answered || (r.EntryID() != "ccap" && r.EntryID() != "pasha") {
			t.Errorf("%q after the earnings: answered=%v %s %q", q, r.Answered, r.EntryID(), r.Decline)
		}
		if _, ok := e.FollowUp("how much did call centers earn in FY25?", q); !ok {
			t.Errorf("%q: FollowUp answered nothing", q)
		}
	}
	if r := e.AskAfter("what's the third key trend?", "ccap?"); !r.Answered || r.EntryID() != "ccap" {
		t.Errorf("ccap? after a trend: answered=%v %s %q", r.Answered, r.EntryID(), r.Decline)
	}
	if r := e.AskAfter("how much did call centers earn in FY25?", "and in FY24?"); r.EntryID() != "fy24-earnings" {
		t.Errorf("and in FY24: %s", r.EntryID())
	}
}

// TestFigureAloneAfterAnAnswer: "what does 90% mean here?" after the
// employment figure asks what the 90% is (the overseas share), not a
// premise about the employment answer.
func TestFigureAloneAfterAnAnswer(t *testing.T) {
	r := engine(t).AskAfter("how many people work in call centers?", "what does 90% mean here")
	if !r.Answered || r.EntryID() != "overseas-share" {
		t.Errorf("answered=%v %s premise %q", r.Answered, r.EntryID(), r.Premise)
	}
}

// TestListOfThings: a list of things nothing answers as a whole ("cost,
// workforce and time zone") gets each item; an uncovered salient item is
// named ("salaries"), a preamble with an unknown name is not.
func TestListOfThings(t *testing.T) {
	e := engine(t)
	r := e.Ask("tell me about cost, workforce and time zone")
	if !r.Answered || len(r.Parts) != 3 {
		t.Errorf("cost, workforce and time zone: %d parts %v", len(r.Parts), r.EntryIDs())
	}
	r = e.Ask("tell me about salaries, jobs and growth")
	if !r.Answered || !strings.Contains(r.Note, "salaries") {
		t.Errorf("salaries, jobs and growth: %v, note %q", r.EntryIDs(), r.Note)
	}
	r = e.Ask("I'm writing a LinkedIn post, give me the growth, jobs, client countries and time zone advantage")
	if !r.Answered || len(r.Parts) < 3 || r.Note != "" {
		t.Errorf("LinkedIn post: %d parts %v, note %q", len(r.Parts), r.EntryIDs(), r.Note)
	}
	// An item naming what no entry has keeps another from answering the
	// list alone.
	if r := e.Ask("What certifications, such as ISO 27001, do Pakistani BPOs hold?"); r.Answered {
		t.Errorf("certifications: answered %v", r.EntryIDs())
	}
	// Two kinds of question are two questions, not a list: "america se
	// kitna revenue aata aur germany se kitna" is declined (no split by
	// country).
	if r := e.Ask("america se kitna revenue aata aur germany se kitna, alag alag btao"); r.Answered {
		t.Errorf("revenue by country: answered %v", r.EntryIDs())
	}
}

// TestPeriodsCompared: a question comparing the two years the facts cover
// gets the change between them, not one year's figure or what a fiscal
// year is.
func TestPeriodsCompared(t *testing.T) {
	e := engine(t)
	for _, q := range []string{"which year was bigger, FY24 or FY25?", "FY24 mein zyada kamaya ya FY25 mein?", "how did earnings change from FY24 to FY25?"} {
		if r := e.Ask(q); !r.Answered || r.EntryID() != "earnings-growth-rate" {
			t.Errorf("%q: %s", q, r.EntryID())
		}
	}
	if r := e.Ask("what is FY25?"); r.EntryID() == "earnings-growth-rate" {
		t.Errorf("what is FY25: the growth")
	}
}

// TestWhichArticleIsThatIn: "is that in the first article or second?"
// after the Dabba scam says which article it is from, not the first
// article's summary.
func TestWhichArticleIsThatIn(t *testing.T) {
	r := engine(t).AskAfter("what is the dabba scam?", "is that in the first article or second?")
	if !r.Answered || !strings.HasPrefix(r.Premise, "That is from") || !strings.Contains(r.Premise, "$328 million") {
		t.Errorf("premise %q, %v", r.Premise, r.EntryIDs())
	}
}

// TestDefinedOther: a definition asked of a name with a wrong expansion
// ("CCAP means call center association of punjab?") gets the name's
// definition after saying the sources don't link it so; "what is CCAP in
// punjab?" is still declined for Punjab.
func TestDefinedOther(t *testing.T) {
	e := engine(t)
	for _, q := range []string{"CCAP means call center association of punjab?", "does PSEB stand for punjab software export board?"} {
		if r := e.Ask(q); !r.Answered || !strings.Contains(r.Premise, "Punjab") || (r.EntryID() != "ccap" && r.EntryID() != "pseb") {
			t.Errorf("%q: answered=%v %s premise %q", q, r.Answered, r.EntryID(), r.Premise)
		}
	}
	if r := e.Ask("what is CCAP in punjab?"); r.Answered {
		t.Errorf("CCAP in Punjab: answered %s", r.EntryID())
	}
}

// TestTwelfthSessionReview: what review 21 found in conversations.
func TestTwelfthSessionReview(t *testing.T) {
	e := engine(t)
	// A question with words of its own that points at nothing is its own,
	// when read with the last one it is the last answer again.
	prev := e.AskAfter("which countries do pakistani call centers serve", "what about the UK?").Context()
	if r := e.AskAfter(prev, "how many call centers are there?"); r.EntryID() != "call-center-count" {
		t.Errorf("a question of its own after the clients: %v", r.EntryIDs())
	}
	// "who reported it?" is whom the sources credit, as "who said that?".
	for _, q := range []string{"who reported it?", "kis ne report kiya?"} {
		if r := e.AskAfter("how fast are call center earnings growing", q); !strings.Contains(r.Premise, "State Bank of Pakistan") {
			t.Errorf("AskAfter(growth, %q): premise %q; want the SBP credited", q, r.Premise)
		}
	}
	// A figure alone asks what it is.
	for q, want := range map[string]string{"328m?": "fy25-earnings", "$263 million": "fy24-earnings"} {
		if r := e.Ask(q); r.EntryID() != want {
			t.Errorf("Ask(%q) = %v; want %s", q, r.EntryIDs(), want)
		}
	}
	// A declined message with a link says links are not opened.
	if r := e.Ask("what does this say https://www.example.com/news/123456"); r.Answered || !strings.Contains(r.Text(), "can't open links") {
		t.Errorf("a link: %q", r.Text())
	}
	if r := e.Ask("how much did call centers earn in FY25 https://example.com/a"); !r.Answered || strings.Contains(r.Text(), "links") {
		t.Errorf("an answered question with a link: %q", r.Text())
	}
	// "he" after an answer naming one person is that person: "what did
	// he say?" after CCAP is its president's remarks.
	if r := e.AskAfter("which association?", "what did he say?"); r.EntryID() != "adeel-azhar" {
		t.Errorf("he after CCAP: %v", r.EntryIDs())
	}
	// "pasha kya he" ("he" for "hai") asks what P@SHA is, also after a
	// question about Nizam.
	if r := e.AskAfter("umair nizam kon hai aur kya bola usne", "pasha kya he"); r.EntryID() != "pasha" {
		t.Errorf("pasha kya he after Nizam: %v", r.EntryIDs())
	}
	// A kind of question with one word of its own, pointing at nothing,
	// is read on its own when read with the last question it is declined.
	overview := "Hi, I run a mid-sized e-commerce company in Germany and I'm evaluating Pakistan as a location for outsourcing our customer support. Could you give me an overview of why Pakistan, what the main risks are, and how big the call-center industry is?"
	if r := e.AskAfter(e.Ask(overview).Context(), "What are the main risks, specifically?"); r.EntryID() != "challenges-overview" {
		t.Errorf("the risks after an overview: %v %q", r.EntryIDs(), r.Decline)
	}
	// "and the rest?" still asks of the last answer.
	if r := e.AskAfter("how many call centers are registered with PSEB", "and the rest?"); r.EntryID() != "call-center-count" {
		t.Errorf("and the rest? = %v", r.EntryIDs())
	}
}

// TestAsides: a clause of the asker's own after a question ("because I
// ...") is left out of the message's parts; "because of" in a question is
// part of it.
func TestAsides(t *testing.T) {
	e := engine(t)
	q := "I've worked in retail for years and I'm tired of it, so what are the main challenges this industry faces right now because I don't want to join something that's collapsing"
	if r := e.Ask(q); !r.Answered || !strings.Contains(r.Text(), "Talent retention") {
		t.Errorf("a question with an aside: %v %q", r.EntryIDs(), r.Decline)
	}
	a := e.Analyze("is the sector growing because of new deals?")
	kindAt := make([]bool, len(a.toks))
	for _, tm := range a.Terms {
		if tm.Kind != nil && tm.Tok >= 0 {
			kindAt[tm.Tok] = true
		}
	}
	if slices.Contains(e.asideAt(&a, kindAt), true) {
		t.Errorf("'because of' in a question read as an aside")
	}
}

// TestTextCut: a reply too long for its text leaves out whole lines of
// facts from the end, says so, and keeps its sources.
func TestTextCut(t *testing.T) {
	e := engine(t)
	q := "how much did call centers earn in FY25? and FY24? what is the growth rate? how many people work there? how many call centers are registered? who is adeel azhar? who is umair nizam? what is the dabba scam? what are the challenges? list the trends. why outsource to pakistan?"
	s := e.Ask(q).Text()
	if utf8.RuneCountInString(s) > MaxTextRunes || !strings.Contains(s, "did not fit") || !strings.Contains(s, "Sources:") || strings.HasSuffix(s, "…") {
		t.Errorf("a long reply: %d runes, ends %q", utf8.RuneCountInString(s), s[max(0, len(s)-200):])
	}
}

// TestInSource: what one article, named by its place in the sources'
// list, says of something: its facts of the best entry that has some, or
// that it says nothing on that.
func TestInSource(t *testing.T) {
	e := engine(t)
	r := e.Ask("Does the first article mention AI?")
	if !r.Answered || !strings.Contains(r.Premise, "Trends and Growth") || !strings.Contains(r.Text(), "AI and data analytics") {
		t.Errorf("AI in the first article: %v %q", r.EntryIDs(), r.Premise)
	}
	for _, f := range r.Facts {
		if f.Source != "bpo-trends" {
			t.Errorf("a fact of another source: %s", f.ID)
		}
	}
	if r := e.Ask("Does the second article mention AI?"); r.Answered || !strings.Contains(r.Decline, "says nothing on that") || len(r.Suggestions) == 0 {
		t.Errorf("AI in the second article: %v %q", r.EntryIDs(), r.Decline)
	}
	if r := e.Ask("What does the first article say about Europe?"); !r.Answered || !strings.Contains(r.Text(), "Europe") {
		t.Errorf("Europe in the first article: %v %q", r.EntryIDs(), r.Decline)
	}
	if r := e.Ask("Does the first article mention the State Bank of Pakistan?"); r.Answered || !strings.Contains(r.Decline, "Trends and Growth") {
		t.Errorf("the SBP in the first article: %v %q", r.EntryIDs(), r.Decline)
	}
	if r := e.Ask("I need to write a bibliography entry. What is the full title of the first article?"); !r.Answered {
		t.Errorf("the title of the first article, asked with a sentence before: %q", r.Decline)
	}
	if r := e.Ask("what does the first article say?"); r.EntryID() != "source-bpo-trends" {
		t.Errorf("the first article alone: %v", r.EntryIDs())
	}
}

func TestSegmentFigureNotTheSectors(t *testing.T) {
	e := engine(t)
	for _, q := range []string{"how many people work in e-commerce support?", "how much did the finance segment earn?", "ای کامرس شعبے نے کتنا کمایا؟"} {
		r := e.Ask(q)
		if r.Answered || r.Reason != DeclineUnsupported {
			t.Errorf("Ask(%q) = answered %v (%s); want declined for the segment", q, r.Answered, r.Reason)
			continue
		}
		if !strings.Contains(r.Decline, "on its own") && !strings.Contains(r.Decline, "الگ سے") {
			t.Errorf("Ask(%q) declined with %q; want the segment message", q, r.Decline)
		}
	}
	if r := e.Ask("how many people work in e-commerce support?"); !strings.Contains(r.Decline, "“e-commerce support”") {
		t.Errorf("the segment is named %q; want it as typed, with its hyphen", r.Decline)
	}
	// A change asked of the segment an entry has, and what the segment is, are answered.
	for _, q := range []string{"is e-commerce support growing?", "what e-commerce services do BPO firms offer?"} {
		if r := e.Ask(q); !r.Answered {
			t.Errorf("Ask(%q) declined: %s", q, r.Decline)
		}
	}
}

func TestFollowUpThatArticle(t *testing.T) {
	e := engine(t)
	// "that article" points at an article, not at the one body the last
	// answer names.
	r := e.AskAfter("what is PSEB?", "who wrote that article?")
	if !r.Answered || len(r.Parts) == 0 || r.Parts[0].Entry.ID != "who-wrote" {
		t.Errorf("after PSEB, who wrote that article? = answered %v %q; want the bylines", r.Answered, r.Decline)
	}
	// "and the other article?" after an answer from the editors' notes
	// alone is not told that both articles say nothing of it.
	r = e.AskAfter("who wrote the articles?", "and the other article's title?")
	if strings.Contains(r.Decline, "says nothing") {
		t.Errorf("after the bylines, the other article's title = %q; want it read on its own", r.Decline)
	}
}

func TestFollowUpYearBeforeThat(t *testing.T) {
	e := engine(t)
	r := e.AskAfter("how much did call centers earn in FY24?", "what about the year before that?")
	if r.Answered || !strings.Contains(r.Decline, "FY23") {
		t.Errorf("after FY24, the year before that = answered %v %q; want FY23 declined", r.Answered, r.Decline)
	}
	r = e.AskAfter("how much did call centers earn in FY25?", "and the year before?")
	if !r.Answered || !strings.Contains(strings.Join(r.Periods(), " "), "FY24") {
		t.Errorf("after FY25, the year before = answered %v %v; want FY24", r.Answered, r.Periods())
	}
}

func TestFigureByYearFromOther(t *testing.T) {
	e := engine(t)
	for _, q := range []string{"Was the FY25 figure reported by the Ministry of IT?", "did CCAP report the FY24 earnings?"} {
		r := e.Ask(q)
		if !r.Answered || !strings.Contains(r.Premise, "State Bank of Pakistan") {
			t.Errorf("Ask(%q) = answered %v, premise %q; want whom the sources credit", q, r.Answered, r.Premise)
		}
	}
	if r := e.Ask("Was the FY25 figure reported by the SBP?"); r.Premise != "" {
		t.Errorf("the SBP's own figure got premise %q", r.Premise)
	}
}

func TestFollowUpHeIsTheOneCredited(t *testing.T) {
	e := engine(t)
	// The last answer's facts do not name Nizam in their text; they are
	// credited to him.
	r := e.AskAfter("are most call centers in pakistan legit?", "what's his position?")
	if !r.Answered || !strings.Contains(r.Text(), "senior vice chairman") {
		t.Errorf("after the legitimacy answer, his position = answered %v %q; want Nizam's title", r.Answered, r.Decline)
	}
}

func TestFollowUpWhatElse(t *testing.T) {
	e := engine(t)
	prev := "are most call centers in pakistan legit?"
	r := e.AskAfter(prev, "what else did he say?")
	text := r.Text()
	if !r.Answered || !strings.Contains(text, "excessive crackdowns") || strings.Contains(text, "run ethically") {
		t.Errorf("what else did he say? =\n%s\nwant Nizam's other remarks, not those shown", text)
	}
	for i, c := range r.Citations {
		if c.N != i+1 {
			t.Errorf("citation %d numbered %d", i, c.N)
		}
	}
	if r := e.AskAfter(prev, "did anyone else comment?"); !r.Answered || !strings.Contains(r.Text(), "Adeel Azhar") {
		t.Errorf("did anyone else comment? = %q; want the other person quoted", r.Text())
	}
	// Nothing besides: the follow-ups.
	if r := e.AskAfter("what did Muhammad Umair Nizam say?", "what else did he say?"); r.Answered || r.Reason != OfferedMore {
		t.Errorf("after all his remarks, what else = answered %v (%s)", r.Answered, r.Reason)
	}
}

func TestWhatIsAndWhatSaidJoined(t *testing.T) {
	e := engine(t)
	for _, q := range []string{"dabba scam kya hai aur P@SHA ka kya kehna hai", "what is the dabba scam and what did CCAP say?", "Dabba scam کیا hai aur India ko kya kaha gaya?"} {
		r := e.Ask(q)
		if !r.Answered || !slices.Contains(r.EntryIDs(), "dabba-scam") || len(r.Parts) < 2 {
			t.Errorf("Ask(%q) = %v; want what the scam is and the remarks", q, r.EntryIDs())
		}
	}
}

func TestFollowUpLanguageWithThanks(t *testing.T) {
	e := engine(t)
	prev := "کال سینٹرز نے کتنا کمایا؟"
	for _, q := range []string{"شکریہ، اب انگریزی میں بتاؤ", "english mein samjhao", "thanks, now in english please"} {
		r := e.AskAfter(prev, q)
		if !r.Answered || r.Lang() != "en" || !strings.Contains(r.Text(), "$328 million") {
			t.Errorf("AskAfter(%q) = answered %v in %q; want the earnings again in English", q, r.Answered, r.Lang())
		}
	}
}

func TestWhoSaidAttributedAndNot(t *testing.T) {
	e := engine(t)
	r := e.AskAfter("how big is the industry", "who said that?")
	if !strings.Contains(r.Text(), "the rest is the articles' own reporting") {
		t.Errorf("who said that? after the industry's size =\n%s\nwant the SBP's points told apart from the article's own", r.Text())
	}
	r = e.AskAfter("how much did call centers earn in FY25", "who said that?")
	if !strings.Contains(r.Text(), "credit that to the State Bank of Pakistan") {
		t.Errorf("who said that? after FY25 earnings =\n%s", r.Text())
	}
}

func TestFollowUpYearNarrows(t *testing.T) {
	e := engine(t)
	r := e.AskAfter("how big is the industry", "and in FY24?")
	text := r.Text()
	if !r.Answered || !strings.Contains(text, "$263 million") || strings.Contains(text, "1,000") {
		t.Errorf("and in FY24? after the industry's size =\n%s\nwant the FY24 figure only, not the counts given as current", text)
	}
}

func TestItemFigure(t *testing.T) {
	e := engine(t)
	if _, ok := e.Ordinal("how much did the second one earn?"); ok {
		t.Errorf("Ordinal(how much did the second one earn?) picks; it asks a figure of the pick")
	}
	r := e.AskAfter("what are the key trends?", "how much did the second one earn?")
	if r.Answered || len(r.Suggestions) != 1 || !strings.Contains(r.Suggestions[0].Question, "customer support") {
		t.Errorf("how much did the second one earn? = answered %v %q; want a decline suggesting the second trend", r.Answered, r.Decline)
	}
}

// A kind of its own replaces the last question's, with the words read
// inside that kind ("percent" in "what percent"), and a fact naming places
// abroad is about foreign clients (knowledge.Concept.Places).
func TestFollowUpKindReplacesKind(t *testing.T) {
	e := engine(t)
	for _, tt := range []struct{ prev, q, id string }{
		{"What percent of work is for overseas clients?", "which countries?", "which-countries"},
		{"pakistani call centers ka kitna kaam foreign clients ka hai", "kaunse mulk?", "which-countries"},
	} {
		r := e.AskAfter(tt.prev, tt.q)
		if ids := r.EntryIDs(); !r.Answered || len(ids) == 0 || ids[0] != tt.id {
			t.Errorf("AskAfter(%q, %q) = %v %v; want %s", tt.prev, tt.q, r.Answered, ids, tt.id)
		}
	}
	// Without the places, the same question is the share again.
	if r := e.Ask("What do the call centers that don't serve overseas clients do?"); !strings.Contains(r.Text(), "multinational and utility") {
		t.Errorf("the call centers that don't serve overseas clients =\n%s\nwant the domestic clients", r.Text())
	}
}

// A period read as where a change starts is answered by the change from
// it; the change in it is not given (the growth is FY24 to FY25).
func TestChangeFromPeriod(t *testing.T) {
	e := engine(t)
	for _, q := range []string{"how much did earnings grow from FY24?", "FY24 se kitna izafa hua?", "کیا FY24 سے آمدنی بڑھی؟"} {
		if r := e.Ask(q); !r.Answered || !strings.Contains(r.Text(), "24.6%") {
			t.Errorf("Ask(%q) = %v %q; want the growth from FY24", q, r.Answered, r.Text())
		}
	}
	for _, q := range []string{"what was the growth in FY24?", "did earnings grow 24.6% in FY24?"} {
		if r := e.Ask(q); r.Answered {
			t.Errorf("Ask(%q) answered %v; the sources give no growth in FY24", q, r.EntryIDs())
		}
	}
	r := e.AskAfter("how much did the call center segment earn last year", "was that up or down from the year before?")
	if !r.Answered || !strings.Contains(r.Text(), "24.6%") {
		t.Errorf("up or down from the year before, after last year's earnings = %q; want the growth", r.Text())
	}
}

// A place in a question with nothing of the sector and nothing near is an
// off-topic question, not one the sources answer for other places.
func TestOffTopicPlace(t *testing.T) {
	e := engine(t)
	for _, q := range []string{"What is the capital of France?", "weather in karachi today"} {
		if r := e.Ask(q); r.Answered || r.Unsupported != "" || r.Reason != DeclineNotCovered {
			t.Errorf("Ask(%q) = %v, %v, unsupported %q; want off-topic", q, r.Answered, r.Reason, r.Unsupported)
		}
	}
	if r := e.Ask("how much did india earn"); r.Answered || r.Unsupported == "" {
		t.Errorf("how much did india earn = %v, unsupported %q; want declined for India", r.Answered, r.Unsupported)
	}
}

// A question read on its own that asks for more detail than the last answer
// gave, and gets the same facts, is told the sources say no more.
func TestMoreDetailThanShown(t *testing.T) {
	e := engine(t)
	r := e.AskAfter("how does the government support the sector?", "Which tax incentives exactly?")
	if r.Answered || r.Reason != OfferedMore {
		t.Errorf("which tax incentives exactly, after the support = %v %q; want no more than shown", r.Answered, r.Text())
	}
	if r, ok := e.FollowUp("how does the government support the sector?", "Which tax incentives exactly?"); !ok || r.Reason != OfferedMore {
		t.Errorf("FollowUp: %v %v; want no more than shown", ok, r)
	}
	if r := e.AskAfter("how much did call centers earn in FY25?", "Which tax incentives exactly?"); !r.Answered {
		t.Errorf("which tax incentives exactly, after the earnings: %q; want the support", r.Text())
	}
}

// TestSettingSomethingAside: "besides", "apart from" set a thing aside;
// they are not "the rest" of a figure ("services besides call centers" is
// not who the rest of the call centers serve).
func TestSettingSomethingAside(t *testing.T) {
	e := engine(t)
	for _, q := range []string{"what services besides call centers do Pakistani BPO firms offer?", "apart from call centers, what services does the BPO sector offer?"} {
		if r := e.Ask(q); r.EntryID() != "services-offered" {
			t.Errorf("%q: %s %q, want services-offered", q, r.EntryID(), r.Decline)
		}
	}
}

// TestMeasureAsSubject: a measure marked subject (jobs, arrests) keeps an
// entry without it from answering only a question asking for a figure; a
// job seeker's "is a call center job safe?" is about legitimacy.
func TestMeasureAsSubject(t *testing.T) {
	e := engine(t)
	for q, want := range map[string]string{
		"is a call center job safe?":                               "are-call-centers-legit",
		"yaar call center ki job safe hai ya sab dabba scam hain?": "are-call-centers-legit",
	} {
		if r := e.Ask(q); r.EntryID() != want {
			t.Errorf("%q: %s %q, want %s", q, r.EntryID(), r.Decline, want)
		}
	}
	// Asked for a figure, jobs still block an entry without them.
	if r := e.Ask("how many jobs did the crackdown cost?"); r.Answered && r.EntryID() == "crackdown" {
		t.Errorf("how many jobs did the crackdown cost: answered %s", r.EntryID())
	}
}

// TestWhoWroteTheArticleAboutAFigure: a figure that names an article ("the
// article about the $328 million") does not turn "who wrote it?" into who
// reported the figure, and is no claim to check.
func TestWhoWroteTheArticleAboutAFigure(t *testing.T) {
	e := engine(t)
	for _, q := range []string{"Who wrote the article about the $328 million?", "Who wrote the article on the 24.6% growth?"} {
		if r := e.Ask(q); r.EntryID() != "who-wrote" || r.Premise != "" {
			t.Errorf("%q: %s, premise %q; want who-wrote and no premise", q, r.EntryID(), r.Premise)
		}
	}
	if r := e.Ask("who reported the 328 million figure?"); r.EntryID() != "fy25-earnings" || !strings.Contains(r.Premise, "State Bank of Pakistan") {
		t.Errorf("who reported the 328 million figure: %s, premise %q", r.EntryID(), r.Premise)
	}
}

// TestWhoSaidThatShowsWhichIsWhose: "who said that?" of an answer only some
// of whose points are credited says which, and so shows the points again.
func TestWhoSaidThatShowsWhichIsWhose(t *testing.T) {
	e := engine(t)
	prev := e.Ask("How does Pakistan compare with India?")
	r := e.AskAfter("How does Pakistan compare with India?", "who said that?")
	if !strings.Contains(r.Premise, "points below") || r.Restates(prev) {
		t.Errorf("who said that, after India: premise %q, restates %v; want the points shown", r.Premise, r.Restates(prev))
	}
	prev = e.Ask("how much did call centers earn in FY24?")
	if r := e.AskAfter("how much did call centers earn in FY24?", "who said that?"); !r.Restates(prev) {
		t.Errorf("who said that, after FY24: premise %q, not brief", r.Premise)
	}
}

// TestUnreadable: keys struck at random get the unreadable message, not
// "my sources don't mention" the last of them; a name, or a question about
// a word no one knows, still gets that.
func TestUnreadable(t *testing.T) {
	e := engine(t)
	if r := e.Ask("asdkjh qwpeoiru zxmcnv"); r.Answered || r.Decline != e.v.lex.Messages["unreadable"] {
		t.Errorf("asdkjh qwpeoiru zxmcnv: %q", r.Decline)
	}
	for _, q := range []string{"Afiniti Ibex Teleperformance?", "what is asdkjh qwpeoiru"} {
		if r := e.Ask(q); r.Answered || !strings.Contains(r.Decline, "don't mention") {
			t.Errorf("%q: %q; want the name named", q, r.Decline)
		}
	}
}

// TestDeclineNamesThePlace: a decline for a place typed as its adjective
// names the place ("Indian call centers": India); a city is not named by
// its country.
func TestDeclineNamesThePlace(t *testing.T) {
	e := engine(t)
	for q, want := range map[string]string{
		"How much do Indian call centers earn?": "“India”",
		"London call centers revenue?":          "“London”",
	} {
		if r := e.Ask(q); r.Answered || !strings.Contains(r.Decline, want) {
			t.Errorf("%q: %q, want %s named", q, r.Decline, want)
		}
	}
}

// TestOneSideOfAComparison: a comparison whose one side is a figure the
// sources don't give is declined, not answered with the other side's
// entry.
func TestOneSideOfAComparison(t *testing.T) {
	e := engine(t)
	if r := e.Ask("How much of the revenue comes from the US versus Germany?"); r.Answered {
		t.Errorf("revenue from the US versus Germany: answered %s", r.EntryID())
	}
}

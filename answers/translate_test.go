package answers

import (
	"slices"
	"strings"
	"testing"

	"github.com/bpobot/bpobot/knowledge"
)

// TestRepliesInUrdu: a question in Urdu script is answered in Urdu, with
// the facts' figures and the citations exact; one in English or Roman Urdu
// in English; English() answers every question in English.
func TestRepliesInUrdu(t *testing.T) {
	e := translatedEngine(t)
	for _, q := range []string{"کال سینٹرز نے کتنا کمایا؟", "FY25 میں call centers نے کتنا کمایا"} {
		r := e.Ask(q)
		text := r.Text()
		if r.Lang() != knowledge.Urdu || r.EntryID() != "fy25-earnings" {
			t.Fatalf("Ask(%q) = %s in %q", q, r.EntryID(), r.Lang())
		}
		for _, want := range []string{"$328", "\u200f- اسٹیٹ بینک آف پاکستان (SBP) کے مطابق، FY25 میں", "\u200fذرائع:", "اعداد و شمار FY25 کے ہیں۔",
			"\u200fFY25 میں پاکستان کے کال سینٹرز",
			// The citation reads right to left too, with Urdu commas.
			"\n\u200f[1] Pakistan's call centers earn $328 million in FY25 (عنوان ہماری طرف سے)، حصہ “Strong Growth in Exports”، از admin"} {
			if !strings.Contains(text, want) {
				t.Errorf("Ask(%q) lacks %q:\n%s", q, want, text)
			}
		}
		if strings.Contains(text, "took in") || strings.Contains(text, "Sources:") {
			t.Errorf("Ask(%q) has English left:\n%s", q, text)
		}
		if got := r.QuestionOf(r.Related[0]); got == r.Related[0].Question {
			t.Errorf("follow-up %q not in Urdu", got)
		}
	}
	for _, q := range []string{"how much did call centers earn in FY25?", "call centers ne kitna kamaya"} {
		if r := e.Ask(q); r.Lang() != knowledge.English || !strings.Contains(r.Text(), "took in $328 million") {
			t.Errorf("Ask(%q) in %q:\n%s", q, r.Lang(), r.Text())
		}
	}
	// Declines, the kinds' messages and the suggestions' heading.
	r := e.Ask("بی پی او میں تنخواہ کتنی ہے؟")
	if r.Answered || !strings.Contains(r.Decline, "تنخواہوں") || r.SuggestionsHeading() != "آپ یہ پوچھ سکتے ہیں:" {
		t.Errorf("salary in Urdu: %q / %q", r.Decline, r.SuggestionsHeading())
	}
	if r := e.Ask("السلام علیکم"); !strings.HasPrefix(r.Decline, "وعلیکم السلام") {
		t.Errorf("salaam in Urdu: %q", r.Decline)
	}
	// A follow-up in Urdu of an English question, and the evaluation's
	// English engine.
	if r := e.AskAfter("how much did call centers earn in FY25?", "اور FY24 میں؟"); r.Lang() != knowledge.Urdu || !strings.Contains(r.Text(), "$263") {
		t.Errorf("Urdu follow-up: %q\n%s", r.Lang(), r.Text())
	}
	if r := e.English().Ask("کال سینٹرز نے کتنا کمایا؟"); r.Lang() != knowledge.English || !strings.Contains(r.Text(), "took in $328 million") {
		t.Errorf("English(): %q\n%s", r.Lang(), r.Text())
	}
	// A suggestion picked from an Urdu list is answered in Urdu.
	if r := e.In(knowledge.Urdu).AnswerEntry("fy24-earnings"); r.Lang() != knowledge.Urdu || !strings.Contains(r.Text(), "$263 ملین") {
		t.Errorf("In(ur).AnswerEntry: %q\n%s", r.Lang(), r.Text())
	}
	// A policy change keeps the translations.
	if r := e.WithPolicy(e.Policy()).Ask("کال سینٹرز نے کتنا کمایا؟"); r.Lang() != knowledge.Urdu {
		t.Errorf("WithPolicy lost the translation")
	}
}

// TestUrduAttributionPunctuation: a credited fact in Urdu is credited first,
// as Urdu says it, with Urdu's comma; one in English after, with English's.
func TestUrduAttributionPunctuation(t *testing.T) {
	f := CitedFact{Fact: &knowledge.Fact{ID: "x"}, Text: "آمدنی بڑھی۔", Attribution: "اسٹیٹ بینک کے مطابق", Cite: 2, Credit: true}
	if got, want := FactLine(f), "اسٹیٹ بینک کے مطابق، آمدنی بڑھی۔ [2]"; got != want {
		t.Errorf("FactLine = %q, want %q", got, want)
	}
	f = CitedFact{Fact: &knowledge.Fact{ID: "y"}, Text: "Earnings grew.", Attribution: "according to the SBP", Cite: 1, Credit: true}
	if got, want := FactLine(f), "Earnings grew, according to the SBP. [1]"; got != want {
		t.Errorf("FactLine = %q, want %q", got, want)
	}
}

// TestUrduReviewFixes: from the Urdu reader's review: where an answer is
// from, asked in Urdu, names its article; who said it names them in Urdu;
// our editors' notes are said to be ours; "کیوں بڑھا؟" after the growth
// gives the reasons the sources give for it.
func TestUrduReviewFixes(t *testing.T) {
	e := translatedEngine(t)
	for _, q := range []string{"یہ بات کہاں سے لی گئی ہے", "یہ کس مضمون میں لکھا ہے"} {
		if r := e.AskAfter("how much did call centers earn in FY24", q); !strings.Contains(r.Premise, "Pakistan's call centers earn $328 million in FY25") {
			t.Errorf("AskAfter(FY24 earnings, %q) = %s %q %q", q, r.EntryID(), r.Premise, r.Decline)
		}
	}
	if r := e.AskAfter("how much did call centers earn in FY24", "یہ کس نے کہا؟"); !strings.Contains(r.Premise, "اسٹیٹ بینک آف پاکستان (SBP)") || strings.Contains(r.Premise, "State Bank") {
		t.Errorf("who said it, in Urdu: %q", r.Premise)
	}
	if r := e.AskAfter("what is FY25?", "who said that?"); !strings.Contains(r.Premise, "editors' notes") {
		t.Errorf("who said the editors' note: %q", r.Premise)
	}
	for _, q := range []string{"کیوں بڑھا؟", "why did it grow?"} {
		if ids := e.AskAfter("how fast are call center earnings growing", q).EntryIDs(); !slices.Contains(ids, "new-deals") {
			t.Errorf("AskAfter(growth, %q) = %v; want the reasons (new deals)", q, ids)
		}
	}
	for _, q := range []string{"کیوں؟", "kyun?", "why?"} {
		// Read with the last question's words ("why call centers earn"),
		// it was the talent drain.
		if ids := e.AskAfter("کال سینٹرز نے کتنا کمایا؟", q).EntryIDs(); !slices.Equal(ids, []string{"new-deals"}) {
			t.Errorf("AskAfter(earnings in Urdu, %q) = %v; want the reasons (new deals)", q, ids)
		}
	}
	if r := e.AskAfter("کال سینٹرز نے FY25 میں کتنا کمایا؟", "اور اس سے پہلے سال؟"); r.EntryID() != "fy24-earnings" {
		t.Errorf("the year before, in Urdu: %v %q", r.EntryIDs(), r.Decline)
	}
	if r := e.AskAfter("what did Nizam say about India", "کیا یہ ان کے اپنے الفاظ ہیں یا خلاصہ؟"); r.Answered || !strings.Contains(r.Decline, "اپنے الفاظ میں") {
		t.Errorf("his own words, in Urdu: %v %q", r.EntryIDs(), r.Decline)
	}
	if r := e.Ask("P@SHA کے محمد عمیر نظام نے کیا کہا؟"); !strings.Contains(r.Text(), "P@SHA کے سینئر وائس چیئرمین محمد عمیر نظام نے کیا کہا") {
		t.Errorf("Nizam's remarks heading in Urdu:\n%s", r.Text())
	}
}

// TestTranslatedQuestionsAnswerTheirEntry: every entry's question as the
// Urdu replies word it (a suggestion or follow-up shown in Urdu), typed or
// pasted back, answers that entry.
func TestTranslatedQuestionsAnswerTheirEntry(t *testing.T) {
	e := translatedEngine(t)
	ur := e.In("ur")
	for _, en := range e.Knowledge().Entries {
		q := ur.Question(en)
		if q == en.Question {
			t.Errorf("entry %q has no Urdu question", en.ID)
			continue
		}
		if r := e.Ask(q); r.EntryID() != en.ID {
			t.Errorf("%q (entry %s's Urdu question) answers %q (%s)", q, en.ID, r.EntryID(), r.Reason)
		}
	}
}

// TestYearIsNoLatin: a year in an Urdu question ("2023 میں؟", read as
// FY23) makes it no less Urdu: the reply is in Urdu.
func TestYearIsNoLatin(t *testing.T) {
	e := translatedEngine(t)
	for _, q := range []string{"2023 میں؟", "FY25 میں کتنا کمایا؟"} {
		if r := e.Ask(q); r.Lang() != "ur" {
			t.Errorf("Ask(%q) replied in %s: %q", q, r.Lang(), r.Text())
		}
	}
	if r := e.Ask("FY24 earnings?"); r.Lang() != "en" {
		t.Errorf("FY24 earnings? replied in %s", r.Lang())
	}
}

// TestUrduPremiseFigures: a premise corrected in Urdu words its figures and
// list in Urdu ("ملین", "اور"), not English ("million", ", ").
func TestUrduPremiseFigures(t *testing.T) {
	r := translatedEngine(t).Ask("جب آمدنی 400 ملین ڈالر تھی تو اضافہ کتنے فیصد تھا؟")
	if !strings.Contains(r.Premise, "400 ملین") || strings.Contains(r.Premise, "million") || !strings.Contains(r.Premise, "اور") {
		t.Errorf("premise %q; want its figures in Urdu words", r.Premise)
	}
}

// TestUrduRepliesKeepNoEnglishWords: a translated reply names what is not
// given in the asker's word (not the English display "arrests"), words a
// percentage and a bound figure in Urdu, and does not call a count a sum
// of money.
func TestUrduRepliesKeepNoEnglishWords(t *testing.T) {
	e := translatedEngine(t)
	for q, bad := range map[string]string{
		"کتنے لوگ گرفتار ہوئے؟":                        "arrests",
		"کال سینٹر میں کتنی خواتین کام کرتی ہیں؟":      "women",
		"اور ترقی 30 فیصد تھی نا؟":                     "percent",
		"کیا 20 لاکھ لوگ کال سینٹرز میں کام کرتے ہیں؟": "over",
		"کتنے غیر قانونی کال سینٹرز بند ہوئے؟":         "رقم",
	} {
		if got := e.Ask(q).Text(); strings.Contains(got, bad) {
			t.Errorf("%q: reply has %q:\n%s", q, bad, got)
		}
	}
}

// TestReplyInUrduOnRequest: "urdu mein jawab do", "reply in urdu" ask for
// the reply in Urdu script; the rest of the message is the question.
func TestReplyInUrduOnRequest(t *testing.T) {
	e := translatedEngine(t)
	for q, want := range map[string]string{
		"mujhe urdu mein jawab do: challenges kya hain":              "challenges-overview",
		"please reply in urdu: how many people work in call centers": "employment",
	} {
		r := e.Ask(q)
		if r.EntryID() != want || r.Lang() != knowledge.Urdu {
			t.Errorf("%q: %s in %q, want %s in Urdu", q, r.EntryID(), r.Lang(), want)
		}
	}
	if r := e.Ask("how many people work in call centers"); r.Lang() == knowledge.Urdu {
		t.Errorf("an English question was answered in Urdu")
	}
	// Roman Urdu replies are not given: asked for, the reply is English,
	// not Urdu script, and the question is still read.
	if r := e.Ask("Roman Urdu mein batao call centers ne kitna kamaya"); r.EntryID() != "fy25-earnings" || r.Lang() == knowledge.Urdu {
		t.Errorf("roman urdu mein batao: %s in %q", r.EntryID(), r.Lang())
	}
}

// TestLanguageFollowUp: "translate that to urdu", "urdu mein" after an
// answer give it again in Urdu, and "in english please" back in English;
// "are agents fluent in english?" still asks about the workforce.
func TestLanguageFollowUp(t *testing.T) {
	e := translatedEngine(t)
	first := e.Ask("what is the dabba scam?")
	ur := e.AskAfter(first.Context(), "translate that to urdu")
	if ur.EntryID() != first.EntryID() || ur.Lang() != knowledge.Urdu {
		t.Fatalf("translate that to urdu: %s in %q", ur.EntryID(), ur.Lang())
	}
	if en := e.AskAfter(ur.Context(), "in english please"); en.EntryID() != first.EntryID() || en.Lang() == knowledge.Urdu {
		t.Errorf("in english please: %s in %q", en.EntryID(), en.Lang())
	}
	if r := e.AskAfter(e.Ask("how much did call centers earn in FY25?").Context(), "urdu mein"); r.EntryID() != "fy25-earnings" || r.Lang() != knowledge.Urdu {
		t.Errorf("urdu mein: %s in %q", r.EntryID(), r.Lang())
	}
	// "say that in urdu" is a language, not "who said that".
	if r := e.AskAfter(first.Context(), "say that in urdu"); r.EntryID() != first.EntryID() || r.Lang() != knowledge.Urdu || r.Premise != "" {
		t.Errorf("say that in urdu: %s in %q, premise %q", r.EntryID(), r.Lang(), r.Premise)
	}
	if en := e.AskAfter(ur.Context(), "انگریزی میں بتا دیں"); en.EntryID() != first.EntryID() || en.Lang() == knowledge.Urdu {
		t.Errorf("انگریزی میں بتا دیں: %s in %q", en.EntryID(), en.Lang())
	}
	if r := e.Ask("are agents fluent in english?"); r.EntryID() != "workforce" {
		t.Errorf("fluent in english: %s", r.EntryID())
	}
}

// The introduction in Urdu lists the topics by their Urdu titles.
func TestIntroductionTopicsTranslated(t *testing.T) {
	r := translatedEngine(t).Ask("آپ کیا کر سکتے ہیں؟")
	text := r.Text()
	if !strings.Contains(text, "رجحانات") || strings.Contains(text, "Fraud and the crackdown") {
		t.Errorf("Urdu introduction =\n%s\nwant the topics' Urdu titles", text)
	}
}

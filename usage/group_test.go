package usage

import (
	"reflect"
	"testing"
)

func TestGroupDeclined(t *testing.T) {
	ps := []phrasing{
		{text: "bpo salary in karachi", count: 3, reason: "unsupported", term: "salary", nearest: "jobs"},
		{text: "karachi bpo salary", count: 1, reason: "unsupported", term: "Salary", nearest: "growth"},
		{text: "salary of bpo", count: 1, reason: "unsupported", term: "salary"},
		{text: "how big is it", count: 2, reason: "unsure", nearest: "market-size"},
		{text: "market how big", count: 2, reason: "unsure", nearest: "market-size"},
		{text: "weather in lahore", count: 1, reason: "not-covered"},
		{text: "cricket score", count: 1, reason: "not-covered"},
		{text: "old question", count: 4}, // recorded before reasons were
	}
	got := groupDeclined(ps)
	want := []DeclinedGroup{
		{Reason: "unsupported", Term: "salary", Label: "bpo salary in karachi", Count: 5, Phrasings: 3, Examples: []string{"karachi bpo salary", "salary of bpo"}},
		{Reason: "unsure", Nearest: "market-size", Label: "how big is it", Count: 4, Phrasings: 2, Examples: []string{"market how big"}},
		{Reason: "", Label: "old question", Count: 4, Phrasings: 1, Examples: []string{}},
		{Reason: "not-covered", Label: "cricket score", Count: 1, Phrasings: 1, Examples: []string{}},
		{Reason: "not-covered", Label: "weather in lahore", Count: 1, Phrasings: 1, Examples: []string{}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("groupDeclined:\n got %+v\nwant %+v", got, want)
	}
	if w := got[0].Why(); w != "no salary (unsupported)" {
		t.Errorf("Why() = %q", w)
	}
	if w := got[1].Why(); w != "near market-size (unsure)" {
		t.Errorf("Why() = %q", w)
	}
}

func TestCountWords(t *testing.T) {
	got := countWords([]phrasing{
		{text: "afiniti revenue", count: 2, unknown: "afiniti"},
		{text: "afiniti and ibex", count: 2, unknown: "afiniti ibex"},
		{text: "what is ibex", count: 1, unknown: "ibex"},
	})
	want := []WordCount{{"afiniti", 4, "afiniti and ibex"}, {"ibex", 3, "afiniti and ibex"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("countWords = %+v; want %+v", got, want)
	}
}

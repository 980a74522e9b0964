package fold

import "testing"

func TestString(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"How MUCH", "how much"},
		{"كيا", "کیا"},                 // Arabic kaf and yeh
		{"کتنا كمايا؟", "کتنا کمایا?"}, // mixed layouts, Arabic question mark
		{"كال سينٹرز", "کال سینٹرز"},   // Arabic yeh inside an Urdu word
		{"پاکستان\u200cی", "پاکستانی"}, // ZWNJ
		{"کـــتنا", "کتنا"},            // tatweel
		{"کِتنا", "کتنا"},              // zer
		{"۲۰۲۵ ٢٠٢٥", "2025 2025"},     // Urdu and Arabic-Indic digits
		{"بھی بهی", "بہی بہی"},         // do-chashmi heh and Arabic heh meet
		{"کے کی", "کی کی"},             // yeh barree and yeh meet
		{"ﻛﺘﻨﺎ", "کتنا"},               // presentation forms (NFKC)
		{"ＦＹ２５", "fy25"},               // full-width Latin
		{"FY25 میں call centers", "fy25 میں call centers"},
		{"۔،؛", ".,;"},
	} {
		if got := String(tc.in); got != tc.want {
			t.Errorf("String(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestIsArabicScript(t *testing.T) {
	if !IsArabicScript('ک') || IsArabicScript('k') || IsArabicScript('۲') {
		t.Error("IsArabicScript misclassifies")
	}
}

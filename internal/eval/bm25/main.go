// Command bm25 is the yardstick for batch `bpobot ask`: a plain BM25 search
// over the source articles' paragraphs, reading questions from stdin and
// printing the best paragraph for each, one per line. It knows no lexicon,
// no Roman Urdu and no declines; it is only here to time against.
//
//	go build -o /tmp/bm25 ./internal/eval/bm25
//	/tmp/bm25 ../shared/sources/*.txt < questions.txt
package main

import (
	"bufio"
	"fmt"
	"math"
	"os"
	"sort"
	"strings"
	"unicode"
)

const k1, b = 1.2, 0.75

func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

func main() {
	var docs []string
	for _, f := range os.Args[1:] {
		data, err := os.ReadFile(f)
		if err != nil {
			fmt.Fprintln(os.Stderr, "bm25:", err)
			os.Exit(1)
		}
		for _, p := range strings.Split(string(data), "\n") {
			if strings.TrimSpace(p) != "" {
				docs = append(docs, p)
			}
		}
	}
	tf := make([]map[string]int, len(docs))
	df := map[string]int{}
	var avg float64
	lens := make([]int, len(docs))
	for i, d := range docs {
		tf[i] = map[string]int{}
		ws := words(d)
		lens[i] = len(ws)
		avg += float64(len(ws))
		for _, w := range ws {
			if tf[i][w] == 0 {
				df[w]++
			}
			tf[i][w]++
		}
	}
	avg /= float64(max(1, len(docs)))
	n := float64(len(docs))
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	sc := bufio.NewScanner(os.Stdin)
	scores := make([]float64, len(docs))
	for sc.Scan() {
		for i := range scores {
			scores[i] = 0
		}
		for _, w := range words(sc.Text()) {
			if df[w] == 0 {
				continue
			}
			idf := math.Log(1 + (n-float64(df[w])+0.5)/(float64(df[w])+0.5))
			for i := range docs {
				if f := float64(tf[i][w]); f > 0 {
					scores[i] += idf * f * (k1 + 1) / (f + k1*(1-b+b*float64(lens[i])/avg))
				}
			}
		}
		idx := make([]int, len(docs))
		for i := range idx {
			idx[i] = i
		}
		sort.SliceStable(idx, func(x, y int) bool { return scores[idx[x]] > scores[idx[y]] })
		fmt.Fprintln(out, docs[idx[0]])
	}
}

// Package kbtest holds what tests need to build small knowledge bases of
// their own: the lexicon's messages, so a fixture is a complete knowledge
// base without the shipped vocabulary.
package kbtest

// Messages is a lexicon file with every required message (a copy of the
// shipped ones), for fixture knowledge bases. Append it to a fixture's YAML
// or add it as a file of its own.
const Messages = `messages:
  empty: "Ask me a question about Pakistan's BPO and call-center sector and I'll answer from my sources."
  greeting: "Hello! Ask me anything about Pakistan's BPO and call-center sector, in English, Roman Urdu or Urdu."
  thanks: "You're welcome!"
  not_found: "I can't find that in my sources."
  introduction: "I'm bpobot: I answer questions about Pakistan's BPO (business process outsourcing) and call-center sector from two articles, and cite every fact. I can tell you about: {topics}. Ask in English, Roman Urdu or Urdu."
  not_covered: "My sources don't cover that. I only answer questions about Pakistan's BPO and call-center sector, from the articles I cite."
  unsure: "I'm not sure I understood. Did you mean one of these?"
  unknown_name: "My sources don't mention {term}, so I can't answer that."
  period: "My sources only give figures for {periods} (Pakistan's fiscal years), so I can't answer for {term}."
  period_known: "My sources don't give that for {term}."
  partial: "As for the rest of your question: {reason}"
  fiscal_year: "Pakistan's fiscal year runs from July to June (FY25 = July 2024 to June 2025)."
  class_place: "My sources don't cover that for {term}."
  class_period: "My sources give yearly figures for {periods} only, nothing for {term}."
  class_name: "My sources don't cover {term}, so I can't answer that."
  class_role: "My sources don't say who the {term} is, so I can't answer that."
  class_sector: "My sources cover the call-center and BPO sector, not {term}, so I can't answer that."
  class_metric: "My sources don't give figures on {term}, so I can't answer that."
  needs_money: "My sources don't give a figure for that, so I can't answer it."
  needs_count: "My sources don't give a number for that, so I can't answer it."
  needs_percent: "My sources don't give a percentage for that, so I can't answer it."
  needs_place: "My sources don't say where, so I can't answer that."
  needs_period: "My sources don't give a date for that, so I can't answer it."
  needs_name: "My sources don't say who, so I can't answer that."
`

package fakediscord

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// formErrors is the "errors" object of a 50035 Invalid Form Body answer:
// nested by field path, with "_errors" lists at the leaves.
type formErrors map[string]any

// add records an error at path (field names and array indexes).
func (fe formErrors) add(path []string, code, message string) {
	m := map[string]any(fe)
	for _, p := range path {
		next, _ := m[p].(map[string]any)
		if next == nil {
			next = map[string]any{}
			m[p] = next
		}
		m = next
	}
	list, _ := m["_errors"].([]any)
	m["_errors"] = append(list, map[string]any{"code": code, "message": message})
}

func (fe formErrors) merge(other formErrors) {
	for k, v := range other {
		if _, ok := fe[k]; !ok {
			fe[k] = v
			continue
		}
		a, aok := fe[k].(map[string]any)
		b, bok := v.(map[string]any)
		if aok && bok {
			formErrors(a).merge(formErrors(b))
		}
	}
}

// at appends path elements to a copy of base.
func at(base []string, elems ...any) []string {
	out := append([]string(nil), base...)
	for _, e := range elems {
		out = append(out, fmt.Sprint(e))
	}
	return out
}

// runeLen counts characters as Discord does (Unicode code points).
func runeLen(v any) int {
	s, _ := v.(string)
	return utf8.RuneCountInString(s)
}

func maxLen(fe formErrors, path []string, v any, max int) {
	if runeLen(v) > max {
		fe.add(path, "BASE_TYPE_MAX_LENGTH", fmt.Sprintf("Must be %d or fewer in length.", max))
	}
}

func bounded(fe formErrors, path []string, v any, min, max int) {
	if n := runeLen(v); n < min || n > max {
		fe.add(path, "BASE_TYPE_BAD_LENGTH", fmt.Sprintf("Must be between %d and %d in length.", min, max))
	}
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

func asMap(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

// validateMessage checks the limits Discord puts on a message body (content,
// embeds, components). prefix is prepended to error paths.
func validateMessage(m map[string]any, prefix []string) formErrors {
	fe := formErrors{}
	maxLen(fe, at(prefix, "content"), m["content"], 2000)

	embeds := asList(m["embeds"])
	if len(embeds) > 10 {
		fe.add(at(prefix, "embeds"), "BASE_TYPE_MAX_LENGTH", "Must be 10 or fewer in length.")
	}
	total := 0
	for i, e := range embeds {
		em := asMap(e)
		p := at(prefix, "embeds", i)
		maxLen(fe, at(p, "title"), em["title"], 256)
		maxLen(fe, at(p, "description"), em["description"], 4096)
		total += runeLen(em["title"]) + runeLen(em["description"])
		fields := asList(em["fields"])
		if len(fields) > 25 {
			fe.add(at(p, "fields"), "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
		}
		for j, f := range fields {
			fm := asMap(f)
			bounded(fe, at(p, "fields", j, "name"), fm["name"], 1, 256)
			bounded(fe, at(p, "fields", j, "value"), fm["value"], 1, 1024)
			total += runeLen(fm["name"]) + runeLen(fm["value"])
		}
		if footer := asMap(em["footer"]); footer != nil {
			maxLen(fe, at(p, "footer", "text"), footer["text"], 2048)
			total += runeLen(footer["text"])
		}
		if author := asMap(em["author"]); author != nil {
			maxLen(fe, at(p, "author", "name"), author["name"], 256)
			total += runeLen(author["name"])
		}
	}
	if total > 6000 {
		fe.add(at(prefix, "embeds"), "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000")
	}

	flags, _ := toInt(m["flags"])
	if flags&messageFlagIsComponentsV2 == 0 {
		validateRows(fe, asList(m["components"]), at(prefix, "components"))
	}
	return fe
}

// validateRows checks classic (non Components V2) message components: up to
// 5 action rows, each with up to 5 buttons or a single select menu.
func validateRows(fe formErrors, rows []any, prefix []string) {
	if len(rows) > 5 {
		fe.add(prefix, "BASE_TYPE_MAX_LENGTH", "Must be 5 or fewer in length.")
	}
	for i, r := range rows {
		row := asMap(r)
		p := at(prefix, i)
		if t, _ := toInt(row["type"]); t != 1 {
			fe.add(at(p, "type"), "COMPONENT_LAYOUT_WIDTH_EXCEEDED", "Top-level components must be action rows (type 1).")
			continue
		}
		children := asList(row["components"])
		if len(children) < 1 || len(children) > 5 {
			fe.add(at(p, "components"), "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 5 in length.")
		}
		for j, c := range children {
			cm := asMap(c)
			cp := at(p, "components", j)
			t, _ := toInt(cm["type"])
			switch t {
			case 2: // button
				maxLen(fe, at(cp, "label"), cm["label"], 80)
				style, _ := toInt(cm["style"])
				switch style {
				case 5: // link
					if runeLen(cm["url"]) == 0 {
						fe.add(at(cp, "url"), "BASE_TYPE_REQUIRED", "This field is required")
					}
					if cm["custom_id"] != nil {
						fe.add(at(cp, "custom_id"), "BUTTON_COMPONENT_CUSTOM_ID_NOT_ALLOWED", "A custom id is not allowed on link buttons")
					}
				case 6: // premium
				default:
					bounded(fe, at(cp, "custom_id"), cm["custom_id"], 1, 100)
				}
			case 3, 5, 6, 7, 8: // select menus
				if len(children) != 1 {
					fe.add(at(p, "components"), "COMPONENT_LAYOUT_WIDTH_EXCEEDED", "The specified component exceeds the maximum width")
				}
				bounded(fe, at(cp, "custom_id"), cm["custom_id"], 1, 100)
				if t == 3 {
					opts := asList(cm["options"])
					if len(opts) < 1 || len(opts) > 25 {
						fe.add(at(cp, "options"), "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 25 in length.")
					}
					for k, o := range opts {
						om := asMap(o)
						bounded(fe, at(cp, "options", k, "label"), om["label"], 1, 100)
						bounded(fe, at(cp, "options", k, "value"), om["value"], 1, 100)
						maxLen(fe, at(cp, "options", k, "description"), om["description"], 100)
					}
				}
			case 4: // text input: only in modals
				bounded(fe, at(cp, "custom_id"), cm["custom_id"], 1, 100)
			default:
				fe.add(at(cp, "type"), "BASE_TYPE_CHOICES", fmt.Sprintf("Value must be one of {2, 3, 4, 5, 6, 7, 8}, got %v.", cm["type"]))
			}
		}
	}
}

// messageEmpty reports whether a message would have nothing to show.
func messageEmpty(m map[string]any, hasFiles bool) bool {
	return runeLen(m["content"]) == 0 && len(asList(m["embeds"])) == 0 &&
		len(asList(m["components"])) == 0 && len(asList(m["sticker_ids"])) == 0 &&
		len(asList(m["attachments"])) == 0 && m["poll"] == nil && !hasFiles
}

// validateChoices checks autocomplete results or command option choices.
func validateChoices(v any, path []string, required bool) formErrors {
	fe := formErrors{}
	choices := asList(v)
	if v == nil && required {
		fe.add(path, "BASE_TYPE_REQUIRED", "This field is required")
		return fe
	}
	if len(choices) > 25 {
		fe.add(path, "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
	}
	for i, c := range choices {
		cm := asMap(c)
		bounded(fe, at(path, i, "name"), cm["name"], 1, 100)
		if s, ok := cm["value"].(string); ok {
			maxLen(fe, at(path, i, "value"), s, 100)
		}
	}
	return fe
}

// validateModal checks a MODAL response's data.
func validateModal(data map[string]any) formErrors {
	fe := formErrors{}
	bounded(fe, []string{"data", "custom_id"}, data["custom_id"], 1, 100)
	bounded(fe, []string{"data", "title"}, data["title"], 1, 45)
	comps := asList(data["components"])
	if len(comps) < 1 || len(comps) > 5 {
		fe.add([]string{"data", "components"}, "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 5 in length.")
	}
	return fe
}

// commandName is Discord's pattern for CHAT_INPUT command and option names.
var commandName = regexp.MustCompile(`^[-_'\p{L}\p{N}\p{Devanagari}\p{Thai}]{1,32}$`)

// validateCommands checks a bulk overwrite of application commands.
func validateCommands(arr []any) formErrors {
	fe := formErrors{}
	seen := map[string]bool{}
	for i, c := range arr {
		cm, ok := c.(map[string]any)
		p := []string{strconv.Itoa(i)}
		if !ok {
			fe.add(p, "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType")
			continue
		}
		typ := int64(1)
		if t, ok := toInt(cm["type"]); ok {
			typ = t
		}
		name, _ := cm["name"].(string)
		switch typ {
		case 1: // CHAT_INPUT
			if !commandName.MatchString(name) || strings.ToLower(name) != name {
				fe.add(at(p, "name"), "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid")
			}
			bounded(fe, at(p, "description"), cm["description"], 1, 100)
			fe.merge(validateOptions(asList(cm["options"]), at(p, "options"), 1))
		case 2, 3: // USER, MESSAGE
			bounded(fe, at(p, "name"), name, 1, 32)
			if runeLen(cm["description"]) != 0 {
				fe.add(at(p, "description"), "APPLICATION_COMMAND_INVALID_DESCRIPTION", "Context menu commands cannot have a description")
			}
		case 4: // PRIMARY_ENTRY_POINT
		default:
			fe.add(at(p, "type"), "BASE_TYPE_CHOICES", fmt.Sprintf("Value must be one of {1, 2, 3, 4}, got %d.", typ))
		}
		key := fmt.Sprint(typ, "\x00", name)
		if seen[key] {
			fe.add(at(p, "name"), "APPLICATION_COMMANDS_DUPLICATE_NAME", "Application command names must be unique")
		}
		seen[key] = true
	}
	return fe
}

// validateOptions checks command options (recursively for sub-commands).
func validateOptions(opts []any, path []string, depth int) formErrors {
	fe := formErrors{}
	if len(opts) > 25 {
		fe.add(path, "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
	}
	sawOptional := false
	names := map[string]bool{}
	for i, o := range opts {
		om := asMap(o)
		p := at(path, i)
		name, _ := om["name"].(string)
		if !commandName.MatchString(name) || strings.ToLower(name) != name {
			fe.add(at(p, "name"), "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid")
		}
		if names[name] {
			fe.add(at(p, "name"), "APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS", "Option names must be unique")
		}
		names[name] = true
		bounded(fe, at(p, "description"), om["description"], 1, 100)
		typ, _ := toInt(om["type"])
		switch {
		case typ == 1 || typ == 2: // SUB_COMMAND, SUB_COMMAND_GROUP
			if depth > 2 || (typ == 2 && depth > 1) {
				fe.add(at(p, "type"), "APPLICATION_COMMAND_OPTION_TYPE_INVALID", "Sub-commands cannot be nested this deep")
			}
			fe.merge(validateOptions(asList(om["options"]), at(p, "options"), depth+1))
			continue
		case typ < 1 || typ > 11:
			fe.add(at(p, "type"), "BASE_TYPE_CHOICES", fmt.Sprintf("Value must be one of {1, ..., 11}, got %v.", om["type"]))
		}
		required, _ := om["required"].(bool)
		if required && sawOptional {
			fe.add(at(p, "required"), "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID", "Required options must be placed before non-required options")
		}
		if !required {
			sawOptional = true
		}
		choices := asList(om["choices"])
		fe.merge(validateChoices(om["choices"], at(p, "choices"), false))
		if auto, _ := om["autocomplete"].(bool); auto && len(choices) > 0 {
			fe.add(at(p, "autocomplete"), "APPLICATION_COMMAND_AUTOCOMPLETE_INVALID", "Autocomplete cannot be set with choices")
		}
		if v, ok := toInt(om["min_length"]); ok && (v < 0 || v > 6000) {
			fe.add(at(p, "min_length"), "NUMBER_TYPE_MAX", "int value should be between 0 and 6000.")
		}
		if v, ok := toInt(om["max_length"]); ok && (v < 1 || v > 6000) {
			fe.add(at(p, "max_length"), "NUMBER_TYPE_MAX", "int value should be between 1 and 6000.")
		}
	}
	return fe
}

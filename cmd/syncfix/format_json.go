package main

import (
	"io"
)

// The --format json document. README.md documents it field by field;
// the finding fields that go vet -json has (posn, end, message) have the
// same form here.
type jsonReport struct {
	Findings []jsonFinding `json:"findings"`
	Changes  []jsonChange  `json:"changes"`
	Unlocks  []jsonUnlock  `json:"unlocks"`
}

// A jsonUnlock is a group of unfixed findings that a flag would fix.
type jsonUnlock struct {
	Flag      string   `json:"flag"`
	Count     int      `json:"count"`
	Findings  []string `json:"findings"`
	API       []string `json:"api,omitempty"`
	Estimated bool     `json:"estimated,omitempty"`
	Message   string   `json:"message"`
}

type jsonFinding struct {
	Rule    string        `json:"rule"`
	Form    string        `json:"form,omitempty"`
	Posn    string        `json:"posn"`
	End     string        `json:"end"`
	File    string        `json:"file"`
	Range   jsonRange     `json:"range"`
	Message string        `json:"message"`
	Fixable bool          `json:"fixable"`
	Fix     string        `json:"fix,omitempty"`
	Reason  string        `json:"reason,omitempty"`
	Blocker *jsonLocation `json:"blocker,omitempty"`
	// BlockerKind names the kind of obstacle that Reason describes, for
	// tools to filter on (rewrite.BlockKind).
	BlockerKind string `json:"blocker_kind,omitempty"`
}

type jsonRange struct {
	Start jsonLineCol `json:"start"`
	End   jsonLineCol `json:"end"`
}

type jsonLineCol struct {
	Line int `json:"line"`
	Col  int `json:"col"`
}

type jsonLocation struct {
	Posn string `json:"posn"`
	File string `json:"file"`
	Line int    `json:"line"`
	Col  int    `json:"col"`
}

type jsonChange struct {
	File    string     `json:"file"`
	Created bool       `json:"created"`
	Edits   []jsonEdit `json:"edits"`
}

type jsonEdit struct {
	Start jsonPos `json:"start"`
	End   jsonPos `json:"end"`
	New   string  `json:"new"`
}

type jsonPos struct {
	Line   int `json:"line"`
	Col    int `json:"col"`
	Offset int `json:"offset"`
}

// writeJSON prints r as the --format json document.
func (r *report) writeJSON(w io.Writer) error {
	doc := jsonReport{Findings: []jsonFinding{}, Changes: []jsonChange{}, Unlocks: []jsonUnlock{}}
	for _, u := range r.unlocks {
		ju := jsonUnlock{Flag: u.Flag, Count: len(u.Findings), Findings: []string{}, API: u.API, Estimated: u.Estimated, Message: unlockText(u)}
		for _, o := range u.Findings {
			ju.Findings = append(ju.Findings, r.posn(o.Posn))
		}
		doc.Unlocks = append(doc.Unlocks, ju)
	}
	for _, e := range r.findings {
		f := jsonFinding{
			Rule:    e.rule,
			Form:    e.form,
			Posn:    r.posn(e.pos),
			End:     r.posn(e.end),
			File:    r.rel(e.pos.Filename),
			Range:   jsonRange{Start: jsonLineCol{e.pos.Line, e.pos.Column}, End: jsonLineCol{e.end.Line, e.end.Column}},
			Message: e.message,
			Fixable: e.fixable,
			Fix:     e.fix,
			Reason:  e.reason,
		}
		if e.blocker.IsValid() {
			f.Blocker = &jsonLocation{Posn: r.posn(e.blocker), File: r.rel(e.blocker.Filename), Line: e.blocker.Line, Col: e.blocker.Column}
		}
		f.BlockerKind = e.kind
		doc.Findings = append(doc.Findings, f)
	}
	for _, ch := range r.changes {
		c := jsonChange{File: r.rel(ch.name), Created: ch.created, Edits: []jsonEdit{}}
		for _, ed := range ch.edits {
			start, end := posAt(ch.old, ed.Start), posAt(ch.old, ed.End)
			c.Edits = append(c.Edits, jsonEdit{
				Start: jsonPos(start),
				End:   jsonPos(end),
				New:   string(ed.New),
			})
		}
		doc.Changes = append(doc.Changes, c)
	}
	return writeIndented(w, doc)
}

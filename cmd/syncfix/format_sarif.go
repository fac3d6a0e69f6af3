package main

import (
	"fmt"
	"go/token"
	"io"
	"net/url"
	"path/filepath"
	"strings"
)

// sarifSchema is the URI of the SARIF 2.1.0 schema (OASIS, errata 01);
// testdata/sarif-schema-2.1.0.json is a copy, for the test that validates
// the output.
const sarifSchema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

// The subset of SARIF 2.1.0 that syncfix writes.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool       sarifTool     `json:"tool"`
	Results    []sarifResult `json:"results"`
	ColumnKind string        `json:"columnKind"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string       `json:"id"`
	Name                 string       `json:"name"`
	ShortDescription     sarifMessage `json:"shortDescription"`
	FullDescription      sarifMessage `json:"fullDescription"`
	Help                 sarifMessage `json:"help"`
	HelpURI              string       `json:"helpUri"`
	DefaultConfiguration sarifConfig  `json:"defaultConfiguration"`
}

type sarifConfig struct {
	Level string `json:"level"`
}

type sarifMessage struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifResult struct {
	RuleID           string          `json:"ruleId"`
	RuleIndex        int             `json:"ruleIndex"`
	Level            string          `json:"level"`
	Message          sarifMessage    `json:"message"`
	Locations        []sarifLocation `json:"locations"`
	RelatedLocations []sarifLocation `json:"relatedLocations,omitempty"`
	Fixes            []sarifFix      `json:"fixes,omitempty"`
	// Suppressions is empty, not nil, for a finding that nothing
	// silences: SARIF reads a missing list as "not known".
	Suppressions []sarifSuppression `json:"suppressions"`
	Properties   *sarifProperties   `json:"properties,omitempty"`
}

type sarifProperties struct {
	Form    string `json:"form,omitempty"`
	Fixable *bool  `json:"fixable,omitempty"`
	// BlockerKind is the JSON format's blocker_kind.
	BlockerKind string `json:"blockerKind,omitempty"`
}

type sarifLocation struct {
	ID               int           `json:"id,omitempty"`
	Message          *sarifMessage `json:"message,omitempty"`
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           sarifRegion   `json:"region"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
}

type sarifFix struct {
	Description     sarifMessage  `json:"description"`
	ArtifactChanges []sarifChange `json:"artifactChanges"`
}

type sarifChange struct {
	ArtifactLocation sarifArtifact      `json:"artifactLocation"`
	Replacements     []sarifReplacement `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion   `json:"deletedRegion"`
	InsertedContent *sarifContent `json:"insertedContent,omitempty"`
}

type sarifContent struct {
	Text string `json:"text"`
}

type sarifSuppression struct {
	Kind          string `json:"kind"`
	Justification string `json:"justification,omitempty"`
}

// sarifRules are the rules of every run, in the order of their
// ruleIndex.
var sarifRules = []sarifRule{
	{
		ID:               ruleCopy,
		Name:             "SyncMapCopy",
		ShortDescription: sarifMessage{Text: "A value that contains a sync.Map is copied."},
		FullDescription: sarifMessage{Text: "A sync.Map must not be copied after first use. Before Go 1.24 a copy shares the " +
			"original's internal map but not its mutex, and can crash the program with \"concurrent map iteration and map write\"; " +
			"since Go 1.24 a copy of a map in use silently aliases it. A zero value assigned over a map in use (m = sync.Map{}, a reset) " +
			"races with the goroutines that use it."},
		Help: sarifMessage{
			Text: "Run syncfix fix to apply the fix the message names, or syncfix diff to see it first. A copy becomes a clone " +
				"made with a Range-based helper, a struct field becomes *sync.Map, a parameter or result becomes a pointer, " +
				"and a reset becomes m.Clear() (Go 1.23 and later). " +
				"The message says why when a copy cannot be fixed. To keep a copy on purpose, end its line with " +
				"//syncfix:ignore and the reason.",
			Markdown: "Run `syncfix fix` to apply the fix the message names, or `syncfix diff` to see it first. A copy becomes a clone " +
				"made with a `Range`-based helper, a struct field becomes `*sync.Map`, a parameter or result becomes a pointer, " +
				"and a reset becomes `m.Clear()` (Go 1.23 and later). " +
				"The message says why when a copy cannot be fixed. To keep a copy on purpose, end its line with " +
				"`//syncfix:ignore` and the reason.",
		},
		HelpURI:              "https://github.com/syncfix/syncfix#readme",
		DefaultConfiguration: sarifConfig{Level: "error"},
	},
	{
		ID:               ruleNeedsReason,
		Name:             "IgnoreNeedsReason",
		ShortDescription: sarifMessage{Text: "A //syncfix:ignore directive has no reason."},
		FullDescription:  sarifMessage{Text: "A //syncfix:ignore directive without a reason silences nothing."},
		Help: sarifMessage{
			Text:     "Write why the copy is wanted after the directive: //syncfix:ignore a snapshot on purpose.",
			Markdown: "Write why the copy is wanted after the directive: `//syncfix:ignore a snapshot on purpose`.",
		},
		HelpURI:              "https://github.com/syncfix/syncfix#silencing-a-finding",
		DefaultConfiguration: sarifConfig{Level: "error"},
	},
	{
		ID:               ruleUnusedIgnore,
		Name:             "IgnoreUnused",
		ShortDescription: sarifMessage{Text: "A //syncfix:ignore directive silences nothing."},
		FullDescription:  sarifMessage{Text: "A //syncfix:ignore directive names a line on which syncfix finds no copy (reported with -v)."},
		Help: sarifMessage{
			Text:     "Remove the directive, or move it to the line of the copy it is meant for.",
			Markdown: "Remove the directive, or move it to the line of the copy it is meant for.",
		},
		HelpURI:              "https://github.com/syncfix/syncfix#silencing-a-finding",
		DefaultConfiguration: sarifConfig{Level: "warning"},
	},
}

// writeSARIF prints r as a SARIF 2.1.0 log with one run.
func (r *report) writeSARIF(w io.Writer) error {
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:           "syncfix",
			Version:        moduleVersion(),
			InformationURI: "https://github.com/syncfix/syncfix",
			Rules:          sarifRules,
		}},
		Results:    []sarifResult{},
		ColumnKind: "utf16CodeUnits",
	}
	for _, e := range r.findings {
		run.Results = append(run.Results, r.sarifResult(e))
	}
	return writeIndented(w, sarifLog{Schema: sarifSchema, Version: "2.1.0", Runs: []sarifRun{run}})
}

// sarifResult converts one finding.
func (r *report) sarifResult(e entry) sarifResult {
	index := 0
	for i, rule := range sarifRules {
		if rule.ID == e.rule {
			index = i
		}
	}
	res := sarifResult{
		RuleID:       e.rule,
		RuleIndex:    index,
		Level:        sarifRules[index].DefaultConfiguration.Level,
		Message:      sarifMessage{Text: sarifEscape(e.message)},
		Locations:    []sarifLocation{{PhysicalLocation: r.sarifPhysical(e.pos, e.end)}},
		Suppressions: []sarifSuppression{},
	}
	if e.rule == ruleCopy {
		res.Properties = &sarifProperties{Form: e.form}
		if !e.silenced {
			res.Properties.Fixable, res.Properties.BlockerKind = &e.fixable, e.kind
		}
	}
	switch {
	case e.silenced:
		res.Suppressions = []sarifSuppression{{Kind: "inSource", Justification: e.justification}}
	case e.fixable:
		if fix, ok := r.sarifFix(e); ok {
			res.Fixes = []sarifFix{fix}
		}
	case e.blocker.IsValid():
		// The text format names the blocker at the end, in parentheses,
		// unless it is the finding itself; here that is a link to it.
		if msg, ok := strings.CutSuffix(e.message, " ("+r.posn(e.blocker)+")"); ok {
			res.Message.Text = sarifEscape(msg) + fmt.Sprintf(" ([%s](1))", r.posn(e.blocker))
			res.RelatedLocations = []sarifLocation{{
				ID:               1,
				Message:          &sarifMessage{Text: "this blocks the fix"},
				PhysicalLocation: r.sarifPhysical(e.blocker, e.blocker),
			}}
		}
	}
	return res
}

// sarifFix returns the fix of a fixed finding: the whole change of its
// file, and the files that syncfix creates in the same directory (the
// clone helper). Every fixed finding of a file carries the same fix,
// since the plan changes a program as a whole, not finding by finding.
func (r *report) sarifFix(e entry) (sarifFix, bool) {
	fix := sarifFix{Description: sarifMessage{Text: sarifEscape(e.fix)}}
	for _, ch := range r.changes {
		if ch.name != e.pos.Filename && (!ch.created || filepath.Dir(ch.name) != filepath.Dir(e.pos.Filename)) {
			continue
		}
		c := sarifChange{ArtifactLocation: r.sarifArtifact(ch.name)}
		for _, ed := range ch.edits {
			start, end := posAt(ch.old, ed.Start), posAt(ch.old, ed.End)
			rep := sarifReplacement{DeletedRegion: sarifRegion{
				StartLine:   start.Line,
				StartColumn: utf16Col(ch.old, start.Line, start.Col),
				EndLine:     end.Line,
				EndColumn:   utf16Col(ch.old, end.Line, end.Col),
			}}
			if len(ed.New) > 0 {
				rep.InsertedContent = &sarifContent{Text: string(ed.New)}
			}
			c.Replacements = append(c.Replacements, rep)
		}
		if len(c.Replacements) > 0 {
			fix.ArtifactChanges = append(fix.ArtifactChanges, c)
		}
	}
	return fix, len(fix.ArtifactChanges) > 0
}

// sarifPhysical returns the location of the region from pos to end, with
// columns in UTF-16 code units.
func (r *report) sarifPhysical(pos, end token.Position) sarifPhysical {
	text := r.text.get(pos.Filename)
	endText := text
	if end.Filename != pos.Filename {
		endText = r.text.get(end.Filename)
	}
	return sarifPhysical{
		ArtifactLocation: r.sarifArtifact(pos.Filename),
		Region: sarifRegion{
			StartLine:   pos.Line,
			StartColumn: utf16Col(text, pos.Line, pos.Column),
			EndLine:     end.Line,
			EndColumn:   utf16Col(endText, end.Line, end.Column),
		},
	}
}

// sarifArtifact returns the location of a file: a URI relative to
// %SRCROOT%, the root that code scanning services check out, when the
// file is printed as a relative path; else a file URI.
func (r *report) sarifArtifact(name string) sarifArtifact {
	rel := r.rel(name)
	if filepath.IsAbs(filepath.FromSlash(rel)) {
		return sarifArtifact{URI: (&url.URL{Scheme: "file", Path: filepath.ToSlash(name)}).String()}
	}
	return sarifArtifact{URI: (&url.URL{Path: rel}).String(), URIBaseID: "%SRCROOT%"}
}

// sarifEscape escapes the square brackets of a plain text message (of
// Go types such as [2]sync.Map or map[string]sync.Map), which SARIF
// would otherwise read as the start of an embedded link.
func sarifEscape(s string) string {
	return strings.NewReplacer(`[`, `\[`, `]`, `\]`).Replace(s)
}

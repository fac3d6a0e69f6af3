package main

import (
	"cmp"
	"encoding/json"
	"fmt"
	"go/token"
	"io"
	"path/filepath"
	"slices"

	"github.com/syncfix/syncfix/detect"
	"github.com/syncfix/syncfix/internal/textdiff"
	"github.com/syncfix/syncfix/rewrite"
	"github.com/urfave/cli/v2"
)

// The rules that findings belong to in --format json and sarif.
const (
	ruleCopy         = "syncmapcopy"         // a copy of a value that contains a sync.Map
	ruleNeedsReason  = "ignore-needs-reason" // a //syncfix:ignore without a reason
	ruleUnusedIgnore = "ignore-unused"       // with -v: a //syncfix:ignore that silences nothing
)

// A report is what --format json and sarif print: every finding with its
// decision, and the change that fix writes (or would write), as edits.
type report struct {
	dir      string // the working directory; paths are printed relative to it
	findings []entry
	changes  []fileEdits
	text     *sources
	unlocks  []rewrite.Unlock // the flags that would fix more (JSON)
}

// An entry is one finding of a report.
type entry struct {
	rule     string
	form     string // the copy's form ("assignment"), for ruleCopy
	pos, end token.Position
	message  string // as the text format prints it, decision included
	fixable  bool
	fix      string         // how, if fixable
	reason   string         // why not, if a copy is not fixable
	blocker  token.Position // what blocks the fix, if anything
	// kind is the kind of obstacle (rewrite.BlockKind's name) of a copy
	// that is not fixable, "" otherwise.
	kind string
	// silenced is set, with the directive's reason, for a copy that a
	// //syncfix:ignore silences; only SARIF shows those.
	silenced      bool
	justification string
}

// fileEdits is the change of one file as edits of its old text.
type fileEdits struct {
	name    string // absolute
	created bool   // the file is new: its old text is empty
	old     []byte
	edits   []textdiff.Edit
}

// writeReport prints the findings of s and changes in the --format of
// s, json or sarif.
func (s *session) writeReport(c *cli.Context, changes []rewrite.FileChange) error {
	r := s.report(changes, c.Bool("v"))
	switch s.opts.Format {
	case "json":
		return r.writeJSON(c.App.Writer)
	case "sarif":
		if err := r.addSilenced(s); err != nil {
			return err
		}
		return r.writeSARIF(c.App.Writer)
	}
	return fmt.Errorf("internal error: no report in format %q", s.opts.Format)
}

// report collects the findings of s, the directive problems (those that
// silence nothing with verbose), and the edits of changes.
func (s *session) report(changes []rewrite.FileChange, verbose bool) *report {
	r := &report{dir: s.opts.Dir, text: newSources()}
	if s.opts.Format == "json" {
		r.unlocks = s.unlocks()
	}
	fset := s.plan.Fset
	rel := func(name string) string { return relPath(s.opts.Dir, name) }
	for _, o := range s.plan.Outcomes {
		e := entry{
			rule:    ruleCopy,
			form:    o.Form.String(),
			pos:     displayPosition(fset, o.Pos),
			end:     displayPosition(fset, cmp.Or(o.End, o.Pos)),
			message: o.TextWith(rel),
			fixable: o.Fixed,
			fix:     o.Fix,
			reason:  o.Reason,
		}
		if !o.Fixed && o.Blocker.IsValid() {
			e.blocker = o.Blocker
		}
		if !o.Fixed {
			e.kind = o.Kind.String()
		}
		r.findings = append(r.findings, e)
	}
	for _, d := range s.directiveProblems(verbose) {
		rule := ruleUnusedIgnore
		if d.Message == detect.MissingReason {
			rule = ruleNeedsReason
		}
		name := filepath.FromSlash(d.File)
		if !filepath.IsAbs(name) {
			name = filepath.Join(s.opts.Dir, name)
		}
		pos := token.Position{Filename: name, Line: d.Line, Column: d.Col}
		r.findings = append(r.findings, entry{rule: rule, pos: pos, end: pos, message: d.Message})
	}
	r.sortFindings()
	for _, ch := range changes {
		r.text.add(ch.Name, ch.Old)
		r.changes = append(r.changes, fileEdits{
			name:    ch.Name,
			created: ch.Old == nil,
			old:     ch.Old,
			edits:   textdiff.Edits(ch.Old, ch.New),
		})
	}
	slices.SortFunc(r.changes, func(a, b fileEdits) int { return cmp.Compare(r.rel(a.name), r.rel(b.name)) })
	return r
}

// addSilenced adds the copies that //syncfix:ignore directives silence,
// which the plan keeps apart with their directives' reasons.
func (r *report) addSilenced(s *session) error {
	fset := s.plan.Fset
	for _, o := range s.plan.Silenced {
		r.findings = append(r.findings, entry{
			rule:          ruleCopy,
			form:          o.Form.String(),
			pos:           displayPosition(fset, o.Pos),
			end:           displayPosition(fset, cmp.Or(o.End, o.Pos)),
			message:       o.Message,
			silenced:      true,
			justification: o.Justification,
		})
	}
	r.sortFindings()
	return nil
}

// sortFindings sorts the findings as the text format does, and removes
// the duplicates that a package and its test variant report.
func (r *report) sortFindings() {
	key := func(e entry) diagnostic {
		return diagnostic{File: r.rel(e.pos.Filename), Line: e.pos.Line, Col: e.pos.Column, Message: e.message}
	}
	slices.SortStableFunc(r.findings, func(a, b entry) int {
		ka, kb := key(a), key(b)
		return cmp.Or(
			cmp.Compare(ka.File, kb.File),
			cmp.Compare(ka.Line, kb.Line),
			cmp.Compare(ka.Col, kb.Col),
			cmp.Compare(ka.Message, kb.Message),
		)
	})
	r.findings = slices.CompactFunc(r.findings, func(a, b entry) bool { return key(a) == key(b) })
}

// rel returns name as printed: relative to the working directory, with
// forward slashes.
func (r *report) rel(name string) string { return relPath(r.dir, name) }

// posn formats p as "file:line:col", as go vet -json does.
func (r *report) posn(p token.Position) string {
	return fmt.Sprintf("%s:%d:%d", r.rel(p.Filename), p.Line, p.Column)
}

// writeIndented writes the JSON of v, tab-indented as go vet -json is,
// with '<', '>' and '&' as they are: messages hold Go code.
func writeIndented(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "\t")
	return enc.Encode(v)
}

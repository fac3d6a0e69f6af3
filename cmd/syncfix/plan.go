package main

import (
	"fmt"
	"io"
	"time"

	"github.com/syncfix/syncfix/detect"
	"github.com/syncfix/syncfix/rewrite"
	"github.com/urfave/cli/v2"
)

// A session is one run of a command that loads packages: its options,
// the plan for the loaded packages, and the progress log.
type session struct {
	opts  *options
	plan  *rewrite.Plan
	prog  *rewrite.Program // as loaded, for the silenced findings of --format sarif and the write
	start time.Time
	log   io.Writer // progress, with -v; else io.Discard
	// unlockList caches unlocks once unlocksDone.
	unlockList  []rewrite.Unlock
	unlocksDone bool
}

// newSession parses the flags of c, loads the packages and plans the fix.
func newSession(c *cli.Context) (*session, error) {
	s := &session{start: time.Now(), log: io.Discard}
	if c.Bool("v") {
		s.log = c.App.ErrWriter
	}
	opts, err := optionsFrom(c)
	if err != nil {
		return nil, err
	}
	s.opts = opts
	prog, err := loadProgram(c.Context, opts, nil)
	if err != nil {
		return nil, err
	}
	s.prog = prog
	s.progress("loaded and type-checked %d packages", len(prog.Packages))
	s.plan = rewrite.Make(prog, rewrite.Options{Copies: opts.Copies, ClosedWorld: opts.ClosedWorld})
	if err := s.plan.Err(); err != nil {
		return nil, fmt.Errorf("%w\nplease report this", err)
	}
	fixed := 0
	for _, o := range s.plan.Outcomes {
		if o.Fixed {
			fixed++
		}
	}
	s.progress("found %d copies, %d of them fixable", len(s.plan.Outcomes), fixed)
	return s, nil
}

// progress prints a -v line with the time since the start.
func (s *session) progress(format string, args ...any) {
	fmt.Fprintf(s.log, "syncfix: %s (%.2fs)\n", fmt.Sprintf(format, args...), time.Since(s.start).Seconds())
}

// findings returns the outcomes as diagnostics, each message with the
// decision, sorted and without the duplicates of test variants; only the
// unfixed ones if unfixedOnly.
func (s *session) findings(unfixedOnly bool) []diagnostic {
	return s.diagnostics(func(o *rewrite.Outcome) bool { return !unfixedOnly || !o.Fixed })
}

// fixed returns the findings that the plan fixes, as findings does.
func (s *session) fixed() []diagnostic {
	return s.diagnostics(func(o *rewrite.Outcome) bool { return o.Fixed })
}

// diagnostics returns the outcomes that keep accepts, as findings does.
func (s *session) diagnostics(keep func(*rewrite.Outcome) bool) []diagnostic {
	var diags []diagnostic
	for _, o := range s.plan.Outcomes {
		if !keep(o) {
			continue
		}
		diags = append(diags, newDiagnostic(s.plan.Fset, s.opts.Dir, o.Pos, o.TextWith(func(name string) string { return relPath(s.opts.Dir, name) })))
	}
	return sortDiagnostics(diags)
}

// directiveProblems returns the //syncfix:ignore directives without a
// reason, and with -v those that silence nothing.
func (s *session) directiveProblems(verbose bool) []diagnostic {
	var diags []diagnostic
	for _, d := range s.plan.Directives {
		switch {
		case d.Reason == "":
			diags = append(diags, newDiagnostic(s.plan.Fset, s.opts.Dir, d.Pos, detect.MissingReason))
		case verbose && !d.Used:
			diags = append(diags, newDiagnostic(s.plan.Fset, s.opts.Dir, d.Pos, "this syncfix:ignore directive silences nothing; should it be removed?"))
		}
	}
	return sortDiagnostics(diags)
}

package main

import (
	"fmt"

	"github.com/syncfix/syncfix/internal/par"
	"github.com/syncfix/syncfix/rewrite"
	"github.com/urfave/cli/v2"
)

// printDiff prints the text output of diff: the patch, and the findings
// left on stderr, since stdout must stay a patch. The patch's file names
// are relative to the working directory, or, if it changes files outside
// that, to a root that git apply can apply it from (diffBase).
func printDiff(c *cli.Context, s *session, changes []rewrite.FileChange) error {
	base, note, err := diffBase(s.opts.Dir, changes)
	if err != nil {
		return err
	}
	if err := printDiagnostics(c.App.ErrWriter, s.findings(true)); err != nil {
		return err
	}
	if note != "" {
		fmt.Fprintf(c.App.ErrWriter, "syncfix: %s\n", note)
	}
	// The diffs are computed on every CPU, and printed in order.
	diffs := make([][]byte, len(changes))
	par.Do(len(changes), func(i int) { diffs[i] = fileDiff(base, changes[i]) })
	for _, d := range diffs {
		if _, err := c.App.Writer.Write(d); err != nil {
			return err
		}
	}
	return nil
}

// printLeft prints the text output of fix: on stderr the findings it
// fixed, each with what the fix did, and the directive problems as
// warnings; on stdout the findings left. The fixed ones are printed even
// when nothing is left, since some fixes change what the program does
// ("copies of T now share one map"), and whoever reviews the change
// (an autofix pull request) must see that.
func printLeft(c *cli.Context, s *session, left []diagnostic) error {
	for _, d := range s.fixed() {
		fmt.Fprintln(c.App.ErrWriter, d)
	}
	for _, d := range s.directiveProblems(c.Bool("v")) {
		fmt.Fprintf(c.App.ErrWriter, "syncfix: warning: %s\n", d)
	}
	return printDiagnostics(c.App.Writer, left)
}

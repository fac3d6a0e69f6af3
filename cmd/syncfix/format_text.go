package main

import (
	"fmt"

	"github.com/syncfix/syncfix/rewrite"
	"github.com/urfave/cli/v2"
)

// printDiff prints the text output of diff: the patch, and the findings
// left on stderr, since stdout must stay a patch.
func printDiff(c *cli.Context, s *session, changes []rewrite.FileChange) error {
	if err := printDiagnostics(c.App.ErrWriter, s.findings(true)); err != nil {
		return err
	}
	for _, ch := range changes {
		if err := writeDiff(c.App.Writer, s.opts.Dir, ch); err != nil {
			return err
		}
	}
	return nil
}

// printLeft prints the text output of fix: the directive problems as
// warnings, and the findings left.
func printLeft(c *cli.Context, s *session, left []diagnostic) error {
	for _, d := range s.directiveProblems(c.Bool("v")) {
		fmt.Fprintf(c.App.ErrWriter, "syncfix: warning: %s\n", d)
	}
	return printDiagnostics(c.App.Writer, left)
}

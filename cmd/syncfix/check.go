package main

import (
	"fmt"

	"github.com/urfave/cli/v2"
)

func checkCommand() *cli.Command {
	return &cli.Command{
		Name:      "check",
		Usage:     "report every copy of a value that contains a sync.Map",
		UsageText: "syncfix check [flags] [packages]",
		Description: "check loads and type-checks the packages (default ./...), with their\n" +
			"tests unless --tests=false, and prints each copy as\n\n" +
			"   path/file.go:LINE:COL: message\n\n" +
			"sorted by position, with paths relative to the working directory.\n" +
			"--format json or sarif prints the findings with their fixes instead.\n" +
			"Flags must come before the packages.\n\n" +
			exitCodesText,
		Flags:           commonFlags(),
		Action:          relativeTo(check),
		OnUsageError:    usageError,
		HideHelpCommand: true, // else "check help" would be read as a command, not a package
	}
}

// check is the action of the check command: every finding, with the
// fix syncfix would apply or why it would not, and the directives that
// lack a reason, which count as findings.
func check(c *cli.Context) error {
	s, err := newSession(c)
	if err != nil {
		return err
	}
	diags := append(s.findings(false), s.directiveProblems(c.Bool("v"))...)
	diags = sortDiagnostics(diags)
	if s.opts.Format != "text" {
		// The report carries the fixes too. If they cannot be made, the
		// findings are still the answer, and the exit code stays theirs.
		changes, err := s.changes(c)
		if err != nil {
			printError(c.App.ErrWriter, fmt.Errorf("warning: the report has no fixes: %s", relMessage(s.opts.Dir, err.Error())))
		}
		if err := s.writeReport(c, changes); err != nil {
			return err
		}
	} else {
		if err := printDiagnostics(c.App.Writer, diags); err != nil {
			return err
		}
		s.printUnlocks(c.App.ErrWriter)
	}
	if len(diags) > 0 {
		return errFindings
	}
	return nil
}

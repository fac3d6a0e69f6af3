package main

import (
	"fmt"
	"io"

	"github.com/urfave/cli/v2"
)

// newApp returns the command line application, writing to the given
// streams. Its errors are returned to run, which maps them to exit codes:
// the app itself never exits the process.
func newApp(stdout, stderr io.Writer) *cli.App {
	return &cli.App{
		Name:      "syncfix",
		Usage:     "find and fix copies of sync.Map values",
		UsageText: "syncfix <command> [flags] [packages]",
		Description: "syncfix reports every place where Go code copies a value that contains\n" +
			"a sync.Map (check), shows the fix as a patch (diff) and applies it (fix).\n" +
			"Run 'syncfix <command> --help' for a command's flags and exit codes:\n" +
			"0 means nothing found or left, 1 findings, a diff or unfixed findings,\n" +
			"2 an error.",
		Commands: []*cli.Command{
			checkCommand(),
			diffCommand(),
			fixCommand(),
			versionCommand(),
		},
		Action:       noCommand,
		OnUsageError: usageError,
		// -v is kept free for a future progress flag, and the version is a
		// command of its own.
		HideVersion: true,
		// Exit codes are decided by run, not by urfave/cli's os.Exit.
		ExitErrHandler: func(*cli.Context, error) {},
		Writer:         stdout,
		ErrWriter:      stderr,
	}
}

// exitCodesText ends every help text that can exit with these codes.
const exitCodesText = `Exit codes:
   0  no copies found
   1  copies found and printed
   2  usage error, or packages that fail to load or type-check`

// noCommand runs when no command is named. With no arguments at all it
// prints the help, to stderr as go does, and fails; anything else is an
// unknown command.
func noCommand(c *cli.Context) error {
	if c.Args().Present() {
		return fmt.Errorf("unknown command %q (run 'syncfix --help' for usage)", c.Args().First())
	}
	w := c.App.Writer
	c.App.Writer = c.App.ErrWriter
	defer func() { c.App.Writer = w }()
	if err := cli.ShowAppHelp(c); err != nil {
		return err
	}
	return errUsageShown
}

// errUsageShown means the help was printed in place of an error message.
var errUsageShown = errSilent("usage shown")

// usageError is urfave/cli's hook for flag parsing errors (an unknown
// flag, a missing flag value). Without it, the library prints "Incorrect
// Usage" and the whole help to stdout; with it, the error is one line on
// stderr and exit code 2, as for every other usage error.
func usageError(c *cli.Context, err error, isSubcommand bool) error {
	name := "syncfix"
	if isSubcommand {
		name += " " + c.Command.Name
	}
	return fmt.Errorf("%w (run '%s --help' for usage)", err, name)
}

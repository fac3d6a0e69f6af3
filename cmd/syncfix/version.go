package main

import (
	"fmt"
	"runtime/debug"

	"github.com/urfave/cli/v2"
)

func versionCommand() *cli.Command {
	return &cli.Command{
		Name:            "version",
		Usage:           "print the syncfix version",
		UsageText:       "syncfix version",
		Description:     "version prints the module version syncfix was built from, or (devel)\nfor a build from a source tree.",
		Action:          printVersion,
		OnUsageError:    usageError,
		HideHelpCommand: true,
	}
}

// printVersion is the action of the version command.
func printVersion(c *cli.Context) error {
	if c.Args().Present() {
		return fmt.Errorf("version takes no arguments (run 'syncfix version --help' for usage)")
	}
	_, err := fmt.Fprintf(c.App.Writer, "syncfix %s\n", moduleVersion())
	return err
}

// moduleVersion returns the version of the main module, as go install
// records it ("v1.2.3"), or "(devel)" for a build from a source tree.
func moduleVersion() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
		return info.Main.Version
	}
	return "(devel)"
}

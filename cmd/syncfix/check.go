package main

import (
	"strings"

	"github.com/syncfix/syncfix/detect"
	"github.com/urfave/cli/v2"
	"golang.org/x/tools/go/packages"
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
			"Flags must come before the packages.\n\n" +
			exitCodesText,
		Flags:           commonFlags(),
		Action:          check,
		OnUsageError:    usageError,
		HideHelpCommand: true, // else "check help" would be read as a command, not a package
	}
}

// check is the action of the check command.
func check(c *cli.Context) error {
	opts, err := optionsFrom(c)
	if err != nil {
		return err
	}
	pkgs, err := load(c.Context, opts)
	if err != nil {
		return err
	}
	diags := sortDiagnostics(findAll(pkgs, opts.Dir))
	if err := printDiagnostics(c.App.Writer, diags); err != nil {
		return err
	}
	if len(diags) > 0 {
		return errFindings
	}
	return nil
}

// findAll runs the copy finder on every loaded package and returns its
// findings as diagnostics, unsorted and with the duplicates of test
// variants.
func findAll(pkgs []*packages.Package, dir string) []diagnostic {
	var diags []diagnostic
	for _, pkg := range pkgs {
		if isTestMain(pkg) {
			continue
		}
		findings := detect.Find(&detect.Package{
			Fset:  pkg.Fset,
			Types: pkg.Types,
			Info:  pkg.TypesInfo,
			Files: pkg.Syntax,
		})
		for _, f := range findings {
			diags = append(diags, newDiagnostic(pkg.Fset, dir, f.Pos, f.Message))
		}
	}
	return diags
}

// isTestMain reports whether pkg is the generated main package of a test
// binary ("p.test"), whose only file lives in the build cache.
func isTestMain(pkg *packages.Package) bool {
	return pkg.Name == "main" && strings.HasSuffix(pkg.ID, ".test")
}

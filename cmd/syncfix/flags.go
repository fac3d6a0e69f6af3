package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/syncfix/syncfix/rewrite"
	"github.com/urfave/cli/v2"
)

// options are the settings common to the commands that load packages,
// filled from the flags that commonFlags declares.
type options struct {
	// Dir is the absolute working directory: the -C directory, or the
	// process's. Packages are loaded there and paths printed relative to it.
	Dir string
	// Tags are the build tags, passed to the go command as -tags.
	Tags []string
	// Mod and Modfile are passed to the go command as -mod and -modfile
	// when set; Modfile is absolute.
	Mod, Modfile string
	// Tests includes the packages' test files and external test packages.
	Tests bool
	// Patterns are the go list package patterns; never empty.
	Patterns []string
	// Copies is the --copies policy for copies that reach writing
	// callees, and ClosedWorld says every importer is loaded.
	Copies      rewrite.Policy
	ClosedWorld bool
	// Format is the --format of the output: text, json or sarif.
	Format string
}

// commonFlags returns the flags of every command that loads packages. Each
// command gets fresh values, since urfave/cli keeps state in them.
func commonFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{
			Name:  "C",
			Usage: "change to `dir` before doing anything; printed paths are relative to it",
		},
		&cli.StringFlag{
			Name:  "tags",
			Usage: "comma- or space-separated build `tags` to satisfy, as for go build",
		},
		&cli.StringFlag{
			Name:  "mod",
			Usage: "module download `mode` for the go command: readonly, vendor or mod, as for go build -mod",
		},
		&cli.StringFlag{
			Name:  "modfile",
			Usage: "use `file` instead of go.mod, as for go build -modfile",
		},
		&cli.BoolFlag{
			Name:  "tests",
			Value: true,
			Usage: "also check the packages' test files (--tests=false to skip them)",
		},
		&cli.StringFlag{
			Name:  "copies",
			Value: "auto",
			Usage: "`policy` for copies passed to functions that write to them: auto (leave them to you), clone or share",
		},
		&cli.BoolFlag{
			Name:  "closed-world",
			Usage: "every importer of the packages is loaded, so exported types and functions may change",
		},
		&cli.StringFlag{
			Name:  "format",
			Value: "text",
			Usage: "output `format`: text, json or sarif (see the README for the schema); exit codes are the same for all",
		},
		&cli.BoolFlag{
			Name:  "v",
			Usage: "print progress to standard error, and directives that silence nothing",
		},
	}
}

// optionsFrom reads the common flags and the package patterns of c.
func optionsFrom(c *cli.Context) (*options, error) {
	opts := &options{
		Tags:     splitTags(c.String("tags")),
		Tests:    c.Bool("tests"),
		Patterns: c.Args().Slice(),
	}
	// urfave/cli stops at the first argument that is not a flag, so a flag
	// written after the packages would reach go list as a pattern.
	for _, p := range opts.Patterns {
		if strings.HasPrefix(p, "-") {
			return nil, fmt.Errorf("flag %s after packages: flags must come before packages (run 'syncfix %s --help' for usage)", p, c.Command.Name)
		}
	}
	if len(opts.Patterns) == 0 {
		opts.Patterns = []string{"./..."}
	}
	copies, err := rewrite.ParsePolicy(c.String("copies"))
	if err != nil {
		return nil, err
	}
	opts.Copies, opts.ClosedWorld = copies, c.Bool("closed-world")
	switch opts.Mod = c.String("mod"); opts.Mod {
	case "", "readonly", "vendor", "mod":
	default:
		return nil, fmt.Errorf("invalid --mod value %q (want readonly, vendor or mod)", opts.Mod)
	}
	switch opts.Format = c.String("format"); opts.Format {
	case "text", "json", "sarif":
	default:
		return nil, fmt.Errorf("invalid --format value %q (want text, json or sarif)", opts.Format)
	}
	dir, err := workDir(c.String("C"))
	if err != nil {
		return nil, err
	}
	opts.Dir = dir
	// Relative to -C, as for go -C; absolute, since the plan runs the go
	// command in other directories too.
	if opts.Modfile = c.String("modfile"); opts.Modfile != "" && !filepath.IsAbs(opts.Modfile) {
		opts.Modfile = filepath.Join(dir, opts.Modfile)
	}
	return opts, nil
}

// splitTags splits a --tags value at commas and spaces, the two forms the
// go command accepts.
func splitTags(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || unicode.IsSpace(r) })
}

// workDir returns the absolute form of the -C directory, or the current
// directory if dir is empty. Like go -C, a directory that does not exist
// is an error.
func workDir(dir string) (string, error) {
	if dir == "" {
		return os.Getwd()
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	fi, err := os.Stat(abs)
	if err != nil {
		return "", &os.PathError{Op: "chdir", Path: dir, Err: unwrapPathError(err)}
	}
	if !fi.IsDir() {
		return "", fmt.Errorf("chdir %s: not a directory", dir)
	}
	return abs, nil
}

// unwrapPathError returns the cause of a *os.PathError, so that the
// message names the path once, as the user wrote it.
func unwrapPathError(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

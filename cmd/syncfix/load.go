package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/syncfix/syncfix/internal/load"
	"github.com/syncfix/syncfix/rewrite"
	"golang.org/x/tools/go/packages"
)

// load loads and type-checks the packages that opts.Patterns match, with
// their test variants if opts.Tests. It fails, with one line per problem,
// if a package cannot be loaded, parsed or type-checked, or if a pattern
// matches no package: syncfix must not report (or rewrite) a program it
// has seen only in part. The overlay, if any, replaces or adds files: the
// rewritten program is type-checked so before anything is written.
func loadProgram(ctx context.Context, opts *options, overlay map[string][]byte) (*rewrite.Program, error) {
	cfg := load.Config{
		Context:    ctx,
		Dir:        opts.Dir,
		Patterns:   opts.Patterns,
		Tests:      opts.Tests,
		BuildFlags: buildFlags(opts),
		Overlay:    overlay,
	}
	prog, err := load.Load(cfg)
	if err != nil {
		return nil, loadError(err)
	}
	var problems []problem
	for _, pkg := range prog.Packages {
		problems = append(problems, packageProblems(opts.Dir, pkg)...)
	}
	if len(problems) > 0 {
		problems = append(problems, depProblems(ctx, cfg, opts.Patterns)...)
	}
	// p and p [p.test] share their files, so they share errors.
	problems = sortProblems(problems)
	for _, pattern := range unmatched(ctx, opts, prog.Packages) {
		problems = append(problems, problem{msg: fmt.Sprintf("pattern %s: matched no packages", pattern)})
	}
	if len(problems) > 0 {
		errs := make([]error, len(problems))
		for i, p := range problems {
			errs[i] = errors.New(p.String())
		}
		return nil, errors.Join(errs...)
	}
	// Verify falls back to a load through the go command only where it
	// cannot type-check the fix in process (rewrite.Plan.Verify).
	prog.Reload = func(overlay map[string][]byte) error {
		_, err := loadProgram(ctx, opts, overlay)
		return err
	}
	return prog, nil
}

// buildFlags returns the go command flags that opts imply.
func buildFlags(opts *options) []string {
	if len(opts.Tags) == 0 {
		return nil
	}
	return []string{"-tags=" + strings.Join(opts.Tags, ",")}
}

// depProblems returns the load errors of the dependencies of the
// packages that cfg and patterns load. Without NeedDeps, go/packages
// drops them, and a matched package only says "could not import dep";
// the reason, a missing go.sum entry say, is in the dependency. Listing
// the dependencies costs a go list run, which is only worth it once
// loading has failed.
func depProblems(ctx context.Context, cfg load.Config, patterns []string) []problem {
	deps := &packages.Config{
		Context:    ctx,
		Mode:       packages.NeedName | packages.NeedImports | packages.NeedDeps,
		Dir:        cfg.Dir,
		Tests:      cfg.Tests,
		BuildFlags: cfg.BuildFlags,
		Overlay:    cfg.Overlay,
	}
	pkgs, err := packages.Load(deps, patterns...)
	if err != nil {
		return nil // load reports the error of the main run
	}
	roots := make(map[*packages.Package]bool)
	for _, pkg := range pkgs {
		roots[pkg] = true
	}
	var problems []problem
	packages.Visit(pkgs, nil, func(pkg *packages.Package) {
		if !roots[pkg] {
			problems = append(problems, packageProblems(cfg.Dir, pkg)...)
		}
	})
	return problems
}

// loadError shortens the error of a failed go list run, which
// go/packages words as "err: exit status 1: stderr: go: ..." (or
// "go [list ...]: exit status 1: go: ..."): the user wants only the go
// command's own message.
func loadError(err error) error {
	msg := err.Error()
	if _, after, ok := strings.Cut(msg, "stderr: "); ok {
		msg = after
	} else if _, after, ok := strings.Cut(msg, ": exit status "); ok {
		if _, rest, ok := strings.Cut(after, ": "); ok {
			msg = rest
		}
	}
	return errors.New(strings.TrimSpace(msg))
}

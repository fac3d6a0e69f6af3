package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"sort"
	"strings"
	"syscall"

	"github.com/syncfix/syncfix/internal/safewrite"
	"github.com/syncfix/syncfix/internal/textdiff"
	"github.com/syncfix/syncfix/rewrite"
	"github.com/urfave/cli/v2"
)

func diffCommand() *cli.Command {
	return &cli.Command{
		Name:      "diff",
		Usage:     "print the fix as a unified diff that git apply accepts",
		UsageText: "syncfix diff [flags] [packages]",
		Description: "diff plans the fix for the packages (default ./...) and prints it as a\n" +
			"unified diff with a/ and b/ prefixes and paths relative to the working\n" +
			"directory (or, if it changes files outside it, to the root of the module\n" +
			"or repository, where git apply accepts it; standard error says so); new\n" +
			"files diff from /dev/null. Nothing is written. Findings that cannot be\n" +
			"fixed are printed on standard error with the reason.\n" +
			"--format json or sarif prints the findings and the fix as edits instead.\n\n" +
			"Exit codes:\n" +
			"   0  nothing to change\n" +
			"   1  a diff was printed\n" +
			"   2  usage error, or packages that fail to load or type-check",
		Flags:           commonFlags(),
		Action:          relativeTo(diff),
		OnUsageError:    usageError,
		HideHelpCommand: true,
	}
}

func fixCommand() *cli.Command {
	return &cli.Command{
		Name:      "fix",
		Usage:     "apply the fix in place",
		UsageText: "syncfix fix [flags] [packages]",
		Description: "fix plans the fix for the packages (default ./...), type-checks the\n" +
			"result, and only then writes the changed files, each atomically. The\n" +
			"findings it cannot fix are printed with the reason, and their code is\n" +
			"left as it was; those it fixed are printed on standard error, with\n" +
			"what the fix did. --format json or sarif prints every finding and the\n" +
			"edits written instead.\n\n" +
			"Exit codes:\n" +
			"   0  every finding fixed, or none found\n" +
			"   1  findings left that could not be fixed (each printed with why)\n" +
			"   2  usage error, packages that fail to load or type-check, or a file\n" +
			"      that changed on disk since it was read; no file is written",
		Flags:           commonFlags(),
		Action:          relativeTo(fix),
		OnUsageError:    usageError,
		HideHelpCommand: true,
	}
}

// diff is the action of the diff command.
func diff(c *cli.Context) error {
	s, err := newSession(c)
	if err != nil {
		return err
	}
	changes, err := s.changes(c)
	if err != nil {
		return err
	}
	if s.opts.Format != "text" {
		if err := s.writeReport(c, changes); err != nil {
			return err
		}
	} else {
		if err := printDiff(c, s, changes); err != nil {
			return err
		}
		s.printUnlocks(c.App.ErrWriter)
	}
	if len(changes) > 0 {
		return errFindings
	}
	return nil
}

// fix is the action of the fix command.
func fix(c *cli.Context) error {
	s, err := newSession(c)
	if err != nil {
		return err
	}
	changes, err := s.changes(c)
	if err != nil {
		return err
	}
	if err := write(c.Context, s.prog, changes); err != nil {
		return s.relativeFileErrors(err)
	}
	s.progress("wrote %d files", len(changes))
	left := s.findings(true)
	if s.opts.Format != "text" {
		if err := s.writeReport(c, changes); err != nil {
			return err
		}
	} else {
		if err := printLeft(c, s, left); err != nil {
			return err
		}
		s.printUnlocks(c.App.ErrWriter)
	}
	if len(left) > 0 {
		return errFindings
	}
	return nil
}

// changes applies the plan and type-checks the result, with the changed
// files as an overlay, before anyone writes or prints it.
func (s *session) changes(c *cli.Context) ([]rewrite.FileChange, error) {
	changes, err := s.plan.Apply()
	if err != nil {
		return nil, s.relativeFileErrors(err)
	}
	if len(changes) == 0 {
		return nil, nil
	}
	if err := checkWritable(changes); err != nil { // writable.go: read-only, unreadable, special files
		return nil, s.relativeFileErrors(err)
	}
	if err := s.plan.Verify(changes); err != nil {
		return nil, fmt.Errorf("internal error: the fixed code does not type-check, so nothing was changed; please report this:\n%v", err)
	}
	s.progress("planned %d file changes and type-checked the result", len(changes))
	return changes, nil
}

// fileDiff returns the diff of one change, with file names relative to
// dir, which holds the file (diffBase).
func fileDiff(dir string, ch rewrite.FileChange) []byte {
	name := relPath(dir, diffTarget(dir, ch))
	if ch.Old == nil {
		return textdiff.NewFile("b/"+name, ch.New)
	}
	return textdiff.Unified("a/"+name, "b/"+name, ch.Old, ch.New)
}

// write writes every change atomically, after checking that no file the
// load read, written or not, changed on disk since: if one did, none is
// written. An interrupt (SIGINT, SIGTERM) stops it at a file boundary
// with its temporary files removed.
func write(ctx context.Context, prog *rewrite.Program, changes []rewrite.FileChange) error {
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	var plan []safewrite.Write
	var problems []error
	written := make(map[string]bool)
	reals := make(map[string]bool) // files by resolved name: one link of several is enough
	for _, ch := range changes {
		var snap safewrite.Snapshot
		var err error
		if ch.Old == nil {
			snap, err = safewrite.Absent(ch.Name, siblingPerm(ch.Name))
		} else {
			snap, err = safewrite.Loaded(ch.Name, ch.Old)
		}
		written[ch.Name] = true
		if err != nil {
			problems = append(problems, err)
			continue
		}
		reals[snap.Real] = true
		plan = append(plan, safewrite.Write{Snap: snap, Data: ch.New})
	}
	// The files read but not written: verified with the written ones,
	// just before the first rename.
	var names []string
	roots := moduleDirs(prog)
	for name := range prog.Source {
		if !written[name] && within(roots, name) {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	for _, name := range names {
		snap, err := safewrite.Loaded(name, prog.Source[name])
		if err != nil {
			problems = append(problems, err)
			continue
		}
		if !reals[snap.Real] {
			reals[snap.Real] = true
			plan = append(plan, safewrite.Write{Snap: snap, Data: snap.Data})
		}
	}
	if len(problems) > 0 {
		return errors.Join(problems...)
	}
	err := safewrite.WriteAllContext(ctx, plan)
	if ctx.Err() != nil && err != nil {
		return fmt.Errorf("interrupted: %w", err)
	}
	return err
}

// moduleDirs returns the directories of the main modules of the load:
// the files the user owns lie there. Files in the build cache (cgo
// output) or the module cache do not change under a plan.
func moduleDirs(prog *rewrite.Program) []string {
	seen := make(map[string]bool)
	var dirs []string
	for _, pkg := range prog.Packages {
		if m := pkg.Module; m != nil && m.Main && m.Dir != "" && !seen[m.Dir] {
			seen[m.Dir] = true
			dirs = append(dirs, m.Dir)
		}
	}
	return dirs
}

// within reports whether name lies in one of dirs.
func within(dirs []string, name string) bool {
	for _, d := range dirs {
		if rel, err := filepath.Rel(d, name); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// siblingPerm returns the permissions for a new file: those of a Go file
// in the same directory, or 0644.
func siblingPerm(name string) fs.FileMode {
	matches, _ := filepath.Glob(filepath.Join(filepath.Dir(name), "*.go"))
	for _, m := range matches {
		if fi, err := os.Stat(m); err == nil {
			return fi.Mode().Perm()
		}
	}
	return 0o644
}

// relativeFileErrors rewrites the file errors in err (one per file,
// joined) with names relative to the working directory.
func (s *session) relativeFileErrors(err error) error {
	var errs []error
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		errs = joined.Unwrap()
	} else {
		errs = []error{err}
	}
	out := make([]error, len(errs))
	for i, e := range errs {
		var fe *rewrite.FileError
		if errors.As(e, &fe) {
			e = fmt.Errorf("%s: %w", relPath(s.opts.Dir, fe.Name), fe.Err)
		}
		out[i] = e
	}
	return errors.Join(out...)
}

// diffTarget returns the file a diff of ch must name: for a symlink, the
// file it points to, where that is inside dir, since git tracks the link
// itself as a symlink and would refuse to patch it as a file.
func diffTarget(dir string, ch rewrite.FileChange) string {
	if ch.Old == nil {
		return ch.Name
	}
	real, err := filepath.EvalSymlinks(ch.Name)
	if err != nil || real == ch.Name {
		return ch.Name
	}
	realDir, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return ch.Name
	}
	if rel, err := filepath.Rel(realDir, real); err == nil && rel != ".." && !strings.HasPrefix(rel, "../") {
		return filepath.Join(dir, rel)
	}
	return ch.Name
}

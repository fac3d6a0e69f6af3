package main

import (
	"context"
	"path/filepath"
	"regexp"
	"strings"

	"golang.org/x/tools/go/packages"
)

// unmatched returns the patterns containing "..." that match no package.
// go list only warns about them on stderr, which go/packages drops, and a
// check that silently checks nothing would pass any CI gate.
//
// A pattern is first matched against the loaded packages, which settles
// the common case without running go again; a pattern that seems to
// match nothing is then listed alone, so that a quirk of the local
// matcher can never turn a good pattern into an error.
func unmatched(ctx context.Context, opts *options, pkgs []*packages.Package) []string {
	var missing []string
	for _, pattern := range opts.Patterns {
		if !strings.Contains(pattern, "...") || seemsMatched(opts.Dir, pattern, pkgs) {
			continue
		}
		cfg := &packages.Config{
			Context:    ctx,
			Mode:       packages.NeedName,
			Dir:        opts.Dir,
			BuildFlags: buildFlags(opts),
		}
		alone, err := packages.Load(cfg, pattern)
		if err == nil && len(alone) == 0 {
			missing = append(missing, pattern)
		}
	}
	return missing
}

// seemsMatched reports whether some loaded package matches pattern, by
// directory for a relative or absolute pattern and by import path
// otherwise, as the go command matches them.
func seemsMatched(dir, pattern string, pkgs []*packages.Package) bool {
	local := pattern == "." || pattern == ".." ||
		strings.HasPrefix(pattern, "./") || strings.HasPrefix(pattern, "../") ||
		filepath.IsAbs(pattern)
	if local && !filepath.IsAbs(pattern) {
		pattern = filepath.Join(dir, pattern)
	}
	match := matchPattern(filepath.ToSlash(pattern))
	for _, pkg := range pkgs {
		if local && match(filepath.ToSlash(pkg.Dir)) || !local && match(pkg.PkgPath) {
			return true
		}
	}
	return false
}

// matchPattern returns a predicate that matches a package path (or
// directory) against a pattern in which "..." matches any string, and a
// trailing "/..." also matches the empty string, as in cmd/go.
func matchPattern(pattern string) func(string) bool {
	re := regexp.QuoteMeta(pattern)
	re = strings.ReplaceAll(re, `\.\.\.`, `.*`)
	if strings.HasSuffix(re, `/.*`) {
		re = strings.TrimSuffix(re, `/.*`) + `(/.*)?`
	}
	reg := regexp.MustCompile(`^` + re + `$`)
	return reg.MatchString
}

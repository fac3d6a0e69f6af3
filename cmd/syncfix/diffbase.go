package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/syncfix/syncfix/rewrite"
)

// diffBase returns the directory that the file names of the diff of
// changes are relative to, and a note saying where to apply the diff
// when that is not dir, the working directory.
//
// git apply, run in a directory below the top of a repository, patches
// the files below that directory and no others (git 2.39): it prefixes
// the paths of a plain diff with the directory and rejects "..", and it
// reads the paths of a git-format diff from the top but skips, silently,
// the files outside the directory. A diff that names ../a.go, as
// "syncfix diff ../..." from a subdirectory would, is thus applied by no
// git apply. So the diff is relative to dir when dir holds every changed
// file, the common case; else to the nearest directory above dir that
// holds them all and is the root of a module or of the repository, where
// git apply (and patch -p1) accepts it. Above the repository's root
// there is none: a diff that changes files in two repositories cannot be
// applied by one git apply, and is refused.
func diffBase(dir string, changes []rewrite.FileChange) (base, note string, err error) {
	if holdsAll(dir, changes) {
		return dir, "", nil
	}
	for d := dir; ; {
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
		repo := exists(filepath.Join(d, ".git"))
		if (repo || exists(filepath.Join(d, "go.mod"))) && holdsAll(d, changes) {
			what := "the module root"
			if repo {
				what = "the repository root"
			}
			rel := relPath(dir, d)
			return d, fmt.Sprintf("the diff changes files outside the working directory, so its paths are relative to %s, %s: apply it there (git -C %s apply)", rel, what, rel), nil
		}
		if repo {
			break
		}
	}
	for _, ch := range changes {
		if !below(dir, diffTarget(dir, ch)) {
			return "", "", fmt.Errorf("%s: the diff changes files outside the working directory and outside its repository, which no git apply can apply at once; run syncfix diff in a directory that holds them all (or with -C)", relPath(dir, ch.Name))
		}
	}
	return dir, "", nil // not reached: holdsAll(dir) was false
}

// holdsAll reports whether every file of changes, as a diff relative to
// dir names it, lies below dir.
func holdsAll(dir string, changes []rewrite.FileChange) bool {
	for _, ch := range changes {
		if !below(dir, diffTarget(dir, ch)) {
			return false
		}
	}
	return true
}

// below reports whether name lies below dir.
func below(dir, name string) bool {
	rel, err := filepath.Rel(dir, name)
	return err == nil && filepath.IsLocal(rel)
}

func exists(name string) bool {
	_, err := os.Lstat(name)
	return err == nil
}

package main

import (
	"errors"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"
)

// relativeTo wraps the action of a command that loads packages: the
// error it returns is printed with its absolute paths relative to the
// working directory, as go vet prints them. Errors come from go list,
// the file system and the write phase, which all name files by their
// absolute path ("open /home/u/src/x/a/a.go: permission denied").
func relativeTo(action cli.ActionFunc) cli.ActionFunc {
	return func(c *cli.Context) error {
		err := action(c)
		if err == nil || errors.Is(err, errFindings) || errors.As(err, new(errSilent)) {
			return err
		}
		dir, derr := workDir(c.String("C"))
		if derr != nil {
			return err
		}
		return &relError{msg: relMessage(dir, err.Error()), err: err}
	}
}

// A relError is err, printed as msg.
type relError struct {
	msg string
	err error
}

func (e *relError) Error() string { return e.msg }
func (e *relError) Unwrap() error { return e.err }

// relMessage rewrites each absolute path in msg as relPath does: relative
// to dir when that is shorter. A path is a word that begins after a space,
// a quote, "(" or "=", or at the start of a line, and ends at the next
// space, quote, comma, parenthesis or colon (what follows a colon, a
// line and column, is kept as it is).
func relMessage(dir, msg string) string {
	var b strings.Builder
	start := true // msg[i] may begin a path
	for i := 0; i < len(msg); {
		c := msg[i]
		if !start {
			b.WriteByte(c)
			start = strings.IndexByte(" \t\n\"'`(=", c) >= 0
			i++
			continue
		}
		end := i + strings.IndexAny(msg[i:], " \t\n\"'`(),")
		if end < i {
			end = len(msg)
		}
		word := msg[i:end]
		path, rest := word, ""
		// A Windows volume name (C:) is not the colon that ends a path.
		if j := strings.IndexByte(word[len(filepath.VolumeName(word)):], ':'); j >= 0 {
			j += len(filepath.VolumeName(word))
			path, rest = word[:j], word[j:]
		}
		if path != "" && filepath.IsAbs(path) {
			b.WriteString(relPath(dir, filepath.Clean(path)) + rest)
		} else {
			b.WriteString(word)
		}
		i, start = end, false
	}
	return b.String()
}

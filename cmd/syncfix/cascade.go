package main

import (
	"bytes"
	"os"
	"strings"
)

// This file makes the errors of a failed load read as the go command
// prints them: one line per problem, not the cascades that go/parser and
// go/packages add to it, at positions inside the file.

// tidyProblems sorts problems (sortProblems) and drops those that only
// follow from another one:
//   - every syntax error of a file but its first: go/parser goes on after
//     an error and reports what the rest of the file looks like from
//     there ("expected ';', found 'EOF'"), which the compiler does not;
//   - "could not import P (...)", which go/types adds where a dependency
//     failed to load, when the reason is printed too: P's own errors, or
//     the go command's error at the same import ("missing go.sum entry
//     ..."), which then names P if it does not already.
func tidyProblems(problems []problem) []problem {
	problems = sortProblems(problems)
	type fileLine struct {
		file string
		line int
	}
	failed := make(map[string]bool) // packages with errors of their own
	at := make(map[fileLine][]int)  // those errors by line
	for i, p := range problems {
		if _, ok := importFailure(p.msg); !ok {
			failed[p.pkg] = true
			if p.file != "" && p.line > 0 {
				k := fileLine{p.file, p.line}
				at[k] = append(at[k], i)
			}
		}
	}
	drop := make([]bool, len(problems))
	for i, p := range problems {
		path, ok := importFailure(p.msg)
		if !ok {
			continue
		}
		reasons := at[fileLine{p.file, p.line}]
		drop[i] = failed[path] || p.file != "" && len(reasons) > 0
		for _, r := range reasons {
			if !strings.Contains(problems[r].msg, path) {
				problems[r].msg = "could not import " + path + ": " + problems[r].msg
			}
		}
	}
	syntaxSeen := make(map[string]bool)
	var out []problem
	for i, p := range problems {
		if p.syntax {
			if syntaxSeen[p.file] {
				continue
			}
			syntaxSeen[p.file] = true
		}
		if !drop[i] {
			out = append(out, p)
		}
	}
	return out
}

// importFailure returns the import path of a go/types "could not import
// P (reason)" error.
func importFailure(msg string) (path string, ok bool) {
	rest, ok := strings.CutPrefix(msg, "could not import ")
	if !ok {
		return "", false
	}
	path, _, ok = strings.Cut(rest, " (")
	return path, ok && path != ""
}

// clampPos returns line and col moved inside the file: go/parser reports
// an error at the end of a file that ends with a newline one column past
// the last line ("x.go:4:12" for a last line of 10 characters), where the
// compiler says "x.go:5:1". A position past the end of the last line, or
// on a line past it, becomes the end of the file, counted as the
// compiler counts it; one past the end of another line, that line's end.
// A file that cannot be read keeps the position it was given.
func clampPos(file string, line, col int) (int, int) {
	if line <= 0 || col <= 0 {
		return line, col
	}
	src, err := os.ReadFile(file)
	if err != nil {
		return line, col
	}
	start := 0 // of line
	for l := 1; l < line; l++ {
		i := bytes.IndexByte(src[start:], '\n')
		if i < 0 {
			return endOf(src)
		}
		start += i + 1
	}
	end := len(src) // of line: its newline, or the end of the file
	if i := bytes.IndexByte(src[start:], '\n'); i >= 0 {
		end = start + i
	}
	if start+col-1 > end {
		if end+1 >= len(src) { // past the last line: at the end of the file
			return endOf(src)
		}
		return line, end - start + 1
	}
	return line, col
}

// endOf returns the position of the end of src: after a final newline,
// column 1 of the line that follows it.
func endOf(src []byte) (line, col int) {
	last := bytes.LastIndexByte(src, '\n') + 1
	return bytes.Count(src, []byte{'\n'}) + 1, len(src) - last + 1
}

package main

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/packages"
)

// A problem is an error that stops syncfix, printed on a line of its own.
type problem struct {
	file      string // relative to the working directory; "" if unknown
	line, col int    // 0 if unknown
	msg       string // a single line
	// pkg is the import path of the package the error belongs to, and
	// syntax is set for an error of the parser (tidyProblems).
	pkg    string
	syntax bool
}

func (p problem) String() string {
	switch {
	case p.file == "":
		return p.msg
	case p.line == 0:
		return fmt.Sprintf("%s: %s", p.file, p.msg)
	case p.col == 0:
		return fmt.Sprintf("%s:%d: %s", p.file, p.line, p.msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", p.file, p.line, p.col, p.msg)
}

// packageProblems returns the errors of pkg that the user should see.
//
// A file that does not parse is reported with its syntax errors alone:
// type-checking the part that parsed only adds noise ("declared and not
// used" for a statement cut short), and the compiler does not type-check
// such a package either.
func packageProblems(dir string, pkg *packages.Package) []problem {
	var parsed, checked bool // errors found by go/packages itself
	for _, e := range pkg.Errors {
		switch e.Kind {
		case packages.ParseError:
			parsed, checked = true, true
		case packages.TypeError:
			checked = true
		}
	}
	var problems []problem
	for _, e := range pkg.Errors {
		switch {
		case e.Kind == packages.TypeError && parsed:
			continue
		case e.Kind == packages.ListError && e.Pos == "" && strings.HasPrefix(e.Msg, "# "):
			// go list compiled the package for its export data and
			// failed. The compiler's output repeats the parse and type
			// errors that go/packages found itself, so it is only worth
			// printing when those are missing (cgo errors, say).
			if !checked {
				problems = append(problems, buildOutputProblems(dir, e.Msg)...)
			}
			continue
		}
		p := problem{msg: oneLine(e.Msg), pkg: pkg.PkgPath, syntax: e.Kind == packages.ParseError}
		if e.Pos != "" && e.Pos != "-" {
			var file string
			file, p.line, p.col = splitPos("", e.Pos)
			p.line, p.col = clampPos(file, p.line, p.col)
			p.file = relPath(dir, file)
		}
		problems = append(problems, p)
	}
	return problems
}

// sortProblems sorts problems by position and message and removes
// duplicates: p and p [p.test] share their files, so they share errors,
// and a dependency's error can come both from the package that imports
// it and from the dependency itself.
func sortProblems(problems []problem) []problem {
	slices.SortStableFunc(problems, func(a, b problem) int {
		return cmp.Or(
			cmp.Compare(a.file, b.file),
			cmp.Compare(a.line, b.line),
			cmp.Compare(a.col, b.col),
			cmp.Compare(a.msg, b.msg),
		)
	})
	return slices.CompactFunc(problems, func(a, b problem) bool { return a.String() == b.String() })
}

// buildOutputProblems splits the output of a failed build, "# pkg"
// followed by one error a line and indented continuation lines, into one
// problem per error.
func buildOutputProblems(dir, out string) []problem {
	var problems []problem
	for line := range strings.SplitSeq(out, "\n") {
		switch {
		case strings.HasPrefix(line, "# ") || strings.TrimSpace(line) == "":
		case (line[0] == '\t' || line[0] == ' ') && len(problems) > 0:
			problems[len(problems)-1].msg += "; " + strings.TrimSpace(line)
		default:
			p := problem{msg: line}
			// The position ends at the first ": " after the file name,
			// which may itself hold a colon (C:\ on Windows) but not ": ".
			if pos, msg, ok := strings.Cut(line, ": "); ok {
				if file, l, c := splitPos(dir, pos); l > 0 {
					p = problem{file: file, line: l, col: c, msg: msg}
				}
			}
			problems = append(problems, p)
		}
	}
	return problems
}

// splitPos splits a "file:line:col" or "file:line" position, with the
// file made relative to dir. line and col are 0 where missing.
func splitPos(dir, pos string) (file string, line, col int) {
	file = pos
	var nums []int
	for range 2 {
		i := strings.LastIndexByte(file, ':')
		if i < 0 {
			break
		}
		n, err := strconv.Atoi(file[i+1:])
		if err != nil || n <= 0 {
			break
		}
		nums = append([]int{n}, nums...)
		file = file[:i]
	}
	switch len(nums) {
	case 2:
		line, col = nums[0], nums[1]
	case 1:
		line = nums[0]
	}
	return relPath(dir, file), line, col
}

// oneLine joins the lines of a multi-line message with "; ", or with a
// space after a colon: go/types words some errors on several lines
// ("have (number)", "want ()"), and the go command puts its advice on a
// line of its own ("to add:", "go get example.com/dep").
func oneLine(msg string) string {
	var b strings.Builder
	for line := range strings.SplitSeq(msg, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "":
			continue
		case b.Len() == 0:
		case strings.HasSuffix(b.String(), ":"):
			b.WriteString(" ")
		default:
			b.WriteString("; ")
		}
		b.WriteString(line)
	}
	return b.String()
}

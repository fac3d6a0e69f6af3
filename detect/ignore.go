package detect

import (
	"go/ast"
	"go/token"
	"strings"
)

// ignorePrefix starts a suppression directive.
const ignorePrefix = "//syncfix:ignore"

// A Directive is a //syncfix:ignore comment. At the end of a line it
// silences every finding on that line; on a line of its own, every
// finding on the next line. Its reason is required: a directive without
// one silences nothing.
type Directive struct {
	Pos    token.Pos
	Reason string
	// Target is the position of the line the directive silences.
	Target token.Position
	// Used reports that the directive silenced a finding (see Suppress).
	Used bool
}

// Directives returns the //syncfix:ignore directives of files.
func Directives(fset *token.FileSet, files []*ast.File) []*Directive {
	var dirs []*Directive
	for _, f := range files {
		var codeLines map[int]bool // lines where code ends, computed on demand
		for _, group := range f.Comments {
			for _, c := range group.List {
				if !strings.HasPrefix(c.Text, ignorePrefix) {
					continue
				}
				rest := c.Text[len(ignorePrefix):]
				if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
					continue // //syncfix:ignoreX is another word
				}
				if codeLines == nil {
					codeLines = linesWithCode(fset, f)
				}
				target := fset.Position(c.Slash)
				if !codeLines[target.Line] {
					target.Line++ // on a line of its own: the next line
				}
				target.Column, target.Offset = 0, 0
				dirs = append(dirs, &Directive{Pos: c.Slash, Reason: strings.TrimSpace(rest), Target: target})
			}
		}
	}
	return dirs
}

// linesWithCode returns the lines of f on which some syntax ends.
func linesWithCode(fset *token.FileSet, f *ast.File) map[int]bool {
	lines := make(map[int]bool)
	tf := fset.File(f.FileStart)
	ast.Inspect(f, func(n ast.Node) bool {
		switch n.(type) {
		case nil, *ast.Comment, *ast.CommentGroup:
			return false
		}
		lines[tf.Line(n.Pos())] = true
		if end := n.End(); end.IsValid() && end > n.Pos() {
			lines[tf.Line(end-1)] = true
		}
		return true
	})
	return lines
}

// Suppress returns the findings that no directive with a reason
// silences, and marks the directives that silenced something as used.
func Suppress(fset *token.FileSet, findings []Finding, dirs []*Directive) []Finding {
	if len(dirs) == 0 {
		return findings
	}
	type line struct {
		file string
		line int
	}
	byLine := make(map[line][]*Directive)
	for _, d := range dirs {
		if d.Reason != "" {
			k := line{d.Target.Filename, d.Target.Line}
			byLine[k] = append(byLine[k], d)
		}
	}
	kept := findings[:0:0]
	for _, fd := range findings {
		posn := fset.Position(fd.Pos)
		ds := byLine[line{posn.Filename, posn.Line}]
		for _, d := range ds {
			d.Used = true
		}
		if len(ds) == 0 {
			kept = append(kept, fd)
		}
	}
	return kept
}

package rewrite

import (
	"bytes"
	"errors"
	"go/ast"
	"go/format"
	"go/parser"
	"go/scanner"
	"go/token"
	"reflect"

	"github.com/dave/dst"
	"github.com/syncfix/syncfix/internal/textdiff"
)

// This file keeps the text of an edited file as the user wrote it where
// the edits do not reach (R5):
//
//   - A UTF-8 byte order mark is kept. go/parser skips it and dst does
//     not print it, so it is put back.
//   - CRLF line endings are kept. go/parser strips the \r of comments and
//     raw strings, which leaves the node positions of a CRLF file
//     inconsistent with its text, and dst then adds or drops blank lines
//     around multi-line comments and raw strings. So the file is
//     decorated from its text with LF endings (decorate), and each line
//     that the edits leave alone gets its original ending back; new lines
//     get the ending most lines of the file have (restoreText).
//   - A file that was not gofmt-formatted is printed formatted by dst.
//     Its unformatted parts are kept by a three-way merge: the changes
//     from gofmt's form of the original to the edited output are applied
//     to the original. The merge is kept only if, once formatted, it has
//     exactly the tokens and comments of the edited output; if not (an
//     edit touches a region that gofmt changes), the output stays
//     formatted and Apply reports the file as reformatted.

// utf8BOM is the byte order mark that some editors write first.
var utf8BOM = []byte("\xef\xbb\xbf")

// errChanged is the error of a file whose bytes no longer parse to the
// syntax the plan was made from.
var errChanged = errors.New("file changed on disk since it was read")

// decorate returns the dst tree of the file as Apply read it, e.src, with
// its byte order mark removed and CRLF endings made LF, and maps every
// node of the planned syntax, e.file, to the node of that tree at the
// same place. A file whose text no longer has the syntax of e.file
// changed on disk since it was loaded: decorate returns errChanged.
func (e *fileEditor) decorate() (*dst.File, error) {
	tf := e.p.Fset.File(e.file.FileStart)
	text := lfText(e.src)
	if len(text) == len(e.src) && tf.Size() == len(text) {
		// The planned syntax was parsed from these very bytes (the
		// loader keeps them): decorate it, and the planned nodes map
		// to the tree directly.
		return e.dec.DecorateFile(e.file)
	}
	f, err := parser.ParseFile(e.p.Fset, tf.Name(), text, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil, errChanged
	}
	planned, reread := preorder(e.file), preorder(f)
	if !sameSyntax(e.p.Fset, e.file, f, planned, reread) {
		return nil, errChanged
	}
	df, err := e.dec.DecorateFile(f)
	if err != nil {
		return nil, err
	}
	for i, n := range planned {
		if d := e.dec.Dst.Nodes[reread[i]]; d != nil {
			e.dec.Dst.Nodes[n] = d
		}
	}
	return df, nil
}

// lfText returns src without a byte order mark and with CRLF line
// endings made LF.
func lfText(src []byte) []byte {
	src = bytes.TrimPrefix(src, utf8BOM)
	if bytes.IndexByte(src, '\r') < 0 {
		return src
	}
	return bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
}

// preorder lists the nodes of f in the order ast.Inspect visits them.
func preorder(f *ast.File) []ast.Node {
	var nodes []ast.Node
	ast.Inspect(f, func(n ast.Node) bool {
		if n != nil {
			nodes = append(nodes, n)
		}
		return true
	})
	return nodes
}

// sameSyntax reports whether a and b, with their node lists na and nb,
// are the same syntax on the same lines, comments included.
func sameSyntax(fset *token.FileSet, a, b *ast.File, na, nb []ast.Node) bool {
	if len(na) != len(nb) || len(a.Comments) != len(b.Comments) {
		return false
	}
	line := func(pos token.Pos) int {
		if !pos.IsValid() {
			return 0
		}
		return fset.PositionFor(pos, false).Line
	}
	for i, x := range na {
		y := nb[i]
		if reflect.TypeOf(x) != reflect.TypeOf(y) || line(x.Pos()) != line(y.Pos()) || line(x.End()) != line(y.End()) || nodeText(x) != nodeText(y) {
			return false
		}
	}
	for i, g := range a.Comments {
		h := b.Comments[i]
		if len(g.List) != len(h.List) {
			return false
		}
		for j, c := range g.List {
			if c.Text != h.List[j].Text || line(c.Pos()) != line(h.List[j].Pos()) {
				return false
			}
		}
	}
	return true
}

// nodeText returns what a node holds besides its children: a name, a
// literal or an operator.
func nodeText(n ast.Node) string {
	switch n := n.(type) {
	case *ast.Ident:
		return n.Name
	case *ast.BasicLit:
		return n.Kind.String() + n.Value
	case *ast.Comment:
		return n.Text
	case *ast.BinaryExpr:
		return n.Op.String()
	case *ast.UnaryExpr:
		return n.Op.String()
	case *ast.AssignStmt:
		return n.Tok.String()
	case *ast.IncDecStmt:
		return n.Tok.String()
	case *ast.BranchStmt:
		return n.Tok.String()
	case *ast.GenDecl:
		return n.Tok.String()
	case *ast.RangeStmt:
		return n.Tok.String()
	case *ast.ChanType:
		return string(rune('0' + n.Dir))
	}
	return ""
}

// restoreText returns out, the edited file as dst and gofmt print it (LF
// endings, no byte order mark), with the text of old, the file as read,
// kept where the edits do not reach: its byte order mark, its line
// endings, and its formatting if it was not gofmt-formatted. It reports
// whether the file had to be reformatted as a whole.
func restoreText(old, out []byte) (_ []byte, reformatted bool) {
	body, bom := bytes.CutPrefix(old, utf8BOM)
	text := lfText(body)
	merged := out
	formatted, err := format.Source(text)
	switch {
	case err != nil:
		reformatted = true
	case !bytes.Equal(formatted, text):
		if m, ok := merge3(formatted, text, out); ok {
			merged = m
		} else {
			reformatted = true
		}
	}
	res := restoreEndings(body, text, merged)
	if bom {
		res = append(append([]byte(nil), utf8BOM...), res...)
	}
	return res, reformatted
}

// merge3 applies to a the changes that turn base into b, where a and b
// both derive from base, and reports whether that worked: the changes do
// not overlap, and the result, formatted, has exactly the tokens and
// comments of b.
func merge3(base, a, b []byte) ([]byte, bool) {
	ea, eb := textdiff.Edits(base, a), textdiff.Edits(base, b)
	var all []textdiff.Edit
	for i, j := 0, 0; i < len(ea) || j < len(eb); {
		switch {
		case j == len(eb):
			all, i = append(all, ea[i]), i+1
		case i == len(ea):
			all, j = append(all, eb[j]), j+1
		case ea[i].Start == eb[j].Start && ea[i].End == eb[j].End && bytes.Equal(ea[i].New, eb[j].New):
			all, i, j = append(all, ea[i]), i+1, j+1
		case ea[i].Start < eb[j].End && eb[j].Start < ea[i].End,
			ea[i].Start == ea[i].End && eb[j].Start == eb[j].End && ea[i].Start == eb[j].Start:
			return nil, false // overlapping, or two insertions at one place
		case ea[i].Start < eb[j].Start || (ea[i].Start == eb[j].Start && ea[i].Start == ea[i].End):
			all, i = append(all, ea[i]), i+1
		default:
			all, j = append(all, eb[j]), j+1
		}
	}
	var res []byte
	last := 0
	for _, ed := range all {
		res = append(res, base[last:ed.Start]...)
		res = append(res, ed.New...)
		last = ed.End
	}
	res = append(res, base[last:]...)
	// Compare once formatted: gofmt rewrites some comments (doc
	// comments, block comments), in b as in base.
	formatted, err := format.Source(res)
	if err != nil || !sameTokens(formatted, b) {
		return nil, false
	}
	return res, true
}

// sameTokens reports whether x and y scan to the same tokens and
// comments, and both scan without errors.
func sameTokens(x, y []byte) bool {
	tx, okx := scanTokens(x)
	ty, oky := scanTokens(y)
	if !okx || !oky || len(tx) != len(ty) {
		return false
	}
	for i := range tx {
		if tx[i] != ty[i] {
			return false
		}
	}
	return true
}

type scanned struct {
	tok token.Token
	lit string
}

func scanTokens(src []byte) ([]scanned, bool) {
	var s scanner.Scanner
	fset := token.NewFileSet()
	ok := true
	s.Init(fset.AddFile("", -1, len(src)), src, func(token.Position, string) { ok = false }, scanner.ScanComments)
	var toks []scanned
	for {
		_, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		if tok == token.SEMICOLON {
			lit = "" // ";" or a newline
		}
		toks = append(toks, scanned{tok, lit})
	}
	return toks, ok
}

// restoreEndings returns merged, an edit of text, which is body with
// CRLF endings made LF, with body's bytes where merged keeps text's: so
// every line the edit leaves alone keeps its ending. Lines the edit
// writes end as most lines of body do.
func restoreEndings(body, text, merged []byte) []byte {
	if bytes.IndexByte(body, '\r') < 0 {
		return merged
	}
	crlf := bytes.Count(body, []byte("\r\n"))
	eol := []byte("\n")
	if 2*crlf > bytes.Count(body, []byte("\n")) {
		eol = []byte("\r\n")
	}
	// off[i] is the offset in body of text[i]; a newline that was
	// CRLF maps to its \r.
	off := make([]int, 0, len(text)+1)
	for j := 0; j < len(body); j++ {
		off = append(off, j)
		if body[j] == '\r' && j+1 < len(body) && body[j+1] == '\n' {
			j++
		}
	}
	off = append(off, len(body))
	var res []byte
	last := 0
	for _, ed := range textdiff.Edits(text, merged) {
		res = append(res, body[off[last]:off[ed.Start]]...)
		res = append(res, bytes.ReplaceAll(ed.New, []byte("\n"), eol)...)
		last = ed.End
	}
	return append(res, body[off[last]:]...)
}

package rewrite

import (
	"bytes"
	"go/ast"
	"go/format"
	"go/token"
	"slices"
	"sort"

	"github.com/syncfix/syncfix/internal/par"
	"github.com/syncfix/syncfix/internal/textdiff"
)

// This file prints an edited file so that it keeps the text of the user
// wherever the edits do not reach (R5):
//
//   - Only the lines the edits write are gofmt-formatted, with the lines
//     around them up to the nearest blank lines: gofmt aligns comments
//     and fields across consecutive lines, never across a blank line. So
//     a file that was gofmt-formatted comes out formatted, and the
//     unformatted parts of one that was not stay as they were. Only
//     the top-level declarations those lines reach are printed
//     (formatRegions), unless that is most of the file.
//   - A UTF-8 byte order mark is kept. go/parser skips it and gofmt does
//     not print it, so it is put back.
//   - CRLF line endings are kept: the file is formatted with LF endings,
//     and each line that the edits leave alone gets its original ending
//     back; new lines get the ending most lines of the file have.

// utf8BOM is the byte order mark that some editors write first.
var utf8BOM = []byte("\xef\xbb\xbf")

// formatEdited returns the new content of a file: edited, which edits
// made of old and which parses to f, gofmt-formatted where the edits
// reach, on at most cpus CPUs.
func formatEdited(fset *token.FileSet, f *ast.File, old, edited []byte, edits []textdiff.Edit, cpus int) ([]byte, error) {
	oldBody, bom := bytes.CutPrefix(old, utf8BOM)
	oldText := lfText(oldBody)
	// edited and its LF form have the same lines: ranges of lines found
	// in one hold in the other.
	text := lfText(bytes.TrimPrefix(edited, utf8BOM))
	lines := newLineTable(text)
	tf := fset.File(f.FileStart)
	var touched [][2]int
	delta := 0
	for _, ed := range edits {
		start := ed.Start + delta
		end := start + len(ed.New)
		delta += len(ed.New) - (ed.End - ed.Start)
		// Lines of the text, not those its //line directives name.
		first := tf.PositionFor(tf.Pos(start), false).Line
		last := tf.PositionFor(tf.Pos(max(start, end-1)), false).Line
		touched = append(touched, [2]int{lines.paragraphStart(first), lines.paragraphEnd(last)})
	}
	formatted, ok := formatRegions(fset, f, text, lines, touched, cpus)
	if !ok {
		var buf bytes.Buffer
		if err := format.Node(&buf, fset, f); err != nil {
			return nil, err
		}
		formatted = buf.Bytes()
	}
	var kept []textdiff.Edit
	all := textdiff.Edits(text, formatted)
	for _, ed := range all {
		first, last := lines.line(ed.Start), lines.line(max(ed.Start, ed.End-1))
		for _, r := range touched {
			if first <= r[1] && r[0] <= last {
				kept = append(kept, ed)
				break
			}
		}
	}
	merged := applyEdits(text, kept)
	if len(kept) < len(all) {
		// gofmt changed lines the edits did not reach too (the file
		// was not formatted), and the line diff may have paired a
		// kept change with text from outside (a blank line matched
		// elsewhere, so that a reformatted import moved into a kept
		// change). What is kept must be gofmt's own text, so gofmt
		// must make of it what it made of the whole; where it does
		// not, the whole file is formatted.
		if !sameFormatted(merged, formatted, ok) {
			merged = formatted
		}
	}
	res := restoreEndings(oldBody, oldText, merged)
	if bom {
		res = append(append([]byte(nil), utf8BOM...), res...)
	}
	return res, nil
}

// sameFormatted reports whether gofmt makes of merged what it makes of
// the edited file: formatted is that, or with regions, the file with
// only some declarations formatted.
func sameFormatted(merged, formatted []byte, regions bool) bool {
	want := formatted
	if regions {
		var err error
		if want, err = format.Source(formatted); err != nil {
			return false
		}
	}
	again, err := format.Source(merged)
	return err == nil && bytes.Equal(again, want)
}

// formatRegions returns text, which parses to f, with the top-level
// declarations that the touched paragraphs reach gofmt-formatted, and the
// rest as it is: within those declarations and the blank lines around
// them, the text that formatting the whole file gives, for a fraction
// of the work when the edits reach few declarations. A region of
// declarations is printed on its own, as a file of only them and their
// comments; that prints them as in the whole file, because each region
// starts and ends at a blank line, where gofmt's alignment stops, at
// the top level, where gofmt puts one blank line between paragraphs.
// It reports false, and formats nothing, when a region would reach the
// package clause or the imports (gofmt sorts imports) or a region does
// not print.
func formatRegions(fset *token.FileSet, f *ast.File, text []byte, lines *lineTable, touched [][2]int, cpus int) ([]byte, bool) {
	tf := fset.File(f.FileStart)
	line := func(pos token.Pos) int { return tf.PositionFor(pos, false).Line }
	// The header: the package clause, and the imports.
	header := line(f.Name.End())
	first := 0 // the first declaration after the imports
	for ; first < len(f.Decls); first++ {
		d, ok := f.Decls[first].(*ast.GenDecl)
		if !ok || d.Tok != token.IMPORT {
			break
		}
		header = line(d.End())
	}
	decls := f.Decls[first:]
	starts := make([]int, len(decls))
	ends := make([]int, len(decls))
	for i, d := range decls {
		starts[i], ends[i] = line(declStart(d)), line(d.End())
	}
	// Grow each touched paragraph to whole declarations and paragraphs.
	var regions [][2]int
	for _, r := range touched {
		a, b := r[0], r[1]
		for {
			na, nb := a, b
			i := sort.Search(len(decls), func(i int) bool { return ends[i] >= na })
			for ; i < len(decls) && starts[i] <= nb; i++ {
				na, nb = min(na, starts[i]), max(nb, ends[i])
			}
			na, nb = lines.paragraphStart(na), lines.paragraphEnd(nb)
			if na == a && nb == b {
				break
			}
			a, b = na, nb
		}
		if a <= header {
			return nil, false
		}
		regions = append(regions, [2]int{a, b})
	}
	sort.Slice(regions, func(i, j int) bool { return regions[i][0] < regions[j][0] })
	// Each region takes the blank lines around it too (gofmt makes them
	// one, and none at the end of the file); regions with only blank
	// lines between them are one.
	nlines := len(lines.starts)
	var merged [][4]int // a, b: the region's lines; from, to: with the blank lines
	for _, r := range regions {
		from, to := r[0], r[1]
		for from > 1 && lines.blank(from-1) {
			from--
		}
		for to < nlines && lines.blank(to+1) {
			to++
		}
		if n := len(merged); n > 0 && from <= merged[n-1][3]+1 {
			m := &merged[n-1]
			m[1], m[3] = max(m[1], r[1]), max(m[3], to)
			continue
		}
		merged = append(merged, [4]int{r[0], r[1], from, to})
	}
	comments := f.Comments
	cstarts := make([]int, len(comments))
	for i, g := range comments {
		cstarts[i] = line(g.Pos())
	}
	// What each region prints: decls[i:j], comments[ci:cj].
	type span struct{ i, j, ci, cj int }
	spans := make([]span, len(merged))
	selected := 0
	for k, r := range merged {
		a, b := r[0], r[1]
		i := sort.SearchInts(starts, a)
		j := sort.Search(len(starts), func(j int) bool { return starts[j] > b })
		ci := sort.SearchInts(cstarts, a)
		cj := sort.Search(len(cstarts), func(j int) bool { return cstarts[j] > b })
		if ci > 0 && line(comments[ci-1].End()) >= a || cj > ci && line(comments[cj-1].End()) > b || i == j && ci == cj {
			return nil, false // a comment across the region's edge; nothing to print
		}
		spans[k] = span{i, j, ci, cj}
		selected += j - i
	}
	if 4*selected > 3*len(decls) && len(decls) > 0 {
		// Most of the file: all of it after the imports, as one region.
		a := lines.paragraphStart(starts[0])
		if a <= header {
			return nil, false
		}
		from := a
		for from > 1 && lines.blank(from-1) {
			from--
		}
		ci := sort.SearchInts(cstarts, a)
		if ci > 0 && line(comments[ci-1].End()) >= a {
			return nil, false
		}
		merged = [][4]int{{a, nlines, from, nlines}}
		spans = []span{{0, len(decls), ci, len(comments)}}
	}
	// A region of many declarations is printed in pieces, on cpus CPUs:
	// it is cut at blank lines between two declarations with no comment
	// between them, where gofmt puts one blank line whatever comes
	// before and after.
	type piece struct {
		span
		region int  // in merged
		joined bool // follows the previous piece, after one blank line
	}
	var pieces []piece
	perPiece := max(64, len(decls)/(4*cpus))
	for k, sp := range spans {
		pieces = append(pieces, piece{span: sp, region: k})
		for c := sp.i + perPiece; c < sp.j; c++ {
			cur := &pieces[len(pieces)-1]
			if c-cur.i < perPiece || !cutAt(lines, ends[c-1], starts[c], cstarts, cur.ci, cur.cj) {
				continue
			}
			cc := sort.SearchInts(cstarts, starts[c])
			next := piece{span: span{c, cur.j, cc, cur.cj}, region: k, joined: true}
			cur.j, cur.cj = c, cc
			pieces = append(pieces, next)
		}
	}
	printed := make([][]byte, len(pieces))
	failed := make([]bool, len(pieces))
	par.DoOn(cpus, len(pieces), func(n int) {
		pc := pieces[n]
		region := &ast.File{Package: f.Package, Name: f.Name, Decls: decls[pc.i:pc.j], Comments: comments[pc.ci:pc.cj], FileStart: f.FileStart, FileEnd: f.FileEnd}
		var buf bytes.Buffer
		if err := format.Node(&buf, fset, region); err != nil {
			failed[n] = true
			return
		}
		// Drop the package clause and the blank lines after it.
		out := buf.Bytes()
		nl := bytes.IndexByte(out, '\n')
		if nl < 0 {
			failed[n] = true
			return
		}
		out = bytes.TrimLeft(out[nl+1:], "\n")
		if !bytes.HasSuffix(out, []byte("\n")) {
			out = append(out, '\n')
		}
		printed[n] = out
	})
	if slices.Contains(failed, true) {
		return nil, false
	}
	var out []byte
	last := 0 // offset in text up to which out holds it
	for n, pc := range pieces {
		if pc.joined {
			out = append(out, '\n')
			out = append(out, printed[n]...)
		} else {
			from := merged[pc.region][2]
			out = append(out, text[last:lines.starts[from-1]]...)
			out = append(out, '\n')
			out = append(out, printed[n]...)
		}
		if n+1 < len(pieces) && pieces[n+1].joined {
			continue
		}
		to := merged[pc.region][3]
		last = len(text)
		if to < nlines {
			out = append(out, '\n')
			last = lines.starts[to]
		}
	}
	return append(out, text[last:]...), true
}

// cutAt reports whether a region may be cut between a declaration that
// ends on line end and the next, which starts on line start: a blank
// line lies between them and no comment of comments[ci:cj] (which start
// on the lines cstarts holds) does.
func cutAt(lines *lineTable, end, start int, cstarts []int, ci, cj int) bool {
	blank := false
	for l := end + 1; l < start; l++ {
		if lines.blank(l) {
			blank = true
			break
		}
	}
	if !blank {
		return false
	}
	k := sort.SearchInts(cstarts[ci:cj], end+1)
	return ci+k >= cj || cstarts[ci+k] >= start
}

// A lineTable holds the offsets at which the lines of a text start.
type lineTable struct {
	text   []byte
	starts []int
}

func newLineTable(text []byte) *lineTable {
	t := &lineTable{text: text, starts: []int{0}}
	for i, b := range text {
		if b == '\n' && i+1 < len(text) {
			t.starts = append(t.starts, i+1)
		}
	}
	return t
}

// line returns the line (from 1) that holds offset off.
func (t *lineTable) line(off int) int {
	return sort.Search(len(t.starts), func(i int) bool { return t.starts[i] > off })
}

// blank reports whether line holds only white space.
func (t *lineTable) blank(line int) bool {
	end := len(t.text)
	if line < len(t.starts) {
		end = t.starts[line]
	}
	return len(bytes.TrimSpace(t.text[t.starts[line-1]:end])) == 0
}

// paragraphStart returns the first line of the run of non-blank lines
// that holds line.
func (t *lineTable) paragraphStart(line int) int {
	for line > 1 && !t.blank(line-1) {
		line--
	}
	return line
}

// paragraphEnd returns the last line of the run of non-blank lines that
// holds line.
func (t *lineTable) paragraphEnd(line int) int {
	for line < len(t.starts) && !t.blank(line+1) {
		line++
	}
	return line
}

// applyEdits returns text with the edits (ordered, not overlapping) made.
func applyEdits(text []byte, edits []textdiff.Edit) []byte {
	var res []byte
	last := 0
	for _, ed := range edits {
		res = append(res, text[last:ed.Start]...)
		res = append(res, ed.New...)
		last = ed.End
	}
	return append(res, text[last:]...)
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

package rewrite

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/syncfix/syncfix/internal/textdiff"
)

// A textEdit replaces the bytes [start, end) of a file by text; an
// insertion has start == end. Edits never delete a comment: an op that
// replaces a node's parts keeps the text between them, so every comment
// stays next to the code it described.
type textEdit struct {
	start, end int
	text       string
	// span orders insertions at one offset: an op wrapping a node puts
	// its opening text at the node's start (span = -the node's length,
	// so the outermost node's comes first) and its closing text at the
	// node's end (span = the node's length, innermost first).
	span int
	seq  int // order of recording, for stability
}

// An editList collects the edits of one file.
type editList struct {
	edits []textEdit
}

// insert records text at off; span orders it among insertions there.
func (l *editList) insert(off int, text string, span int) {
	l.add(textEdit{start: off, end: off, text: text, span: span})
}

// replace records that [start, end) becomes text.
func (l *editList) replace(start, end int, text string) {
	l.add(textEdit{start: start, end: end, text: text})
}

func (l *editList) add(e textEdit) {
	e.seq = len(l.edits)
	l.edits = append(l.edits, e)
}

// wrap records open before and close after the node at [start, end).
func (l *editList) wrap(start, end int, open, close string) {
	if open != "" {
		l.insert(start, open, -(end - start))
	}
	if close != "" {
		l.insert(end, close, end-start)
	}
}

// apply returns src with the edits made, each text with syncMark
// replaced by syncName, and the edits as made, in order. Two edits that
// replace overlapping bytes are an internal error.
func (l *editList) apply(src []byte, syncName string) ([]byte, []textdiff.Edit, error) {
	es := append([]textEdit(nil), l.edits...)
	sort.SliceStable(es, func(i, j int) bool {
		a, b := es[i], es[j]
		if a.start != b.start {
			return a.start < b.start
		}
		// At one offset: insertions before replacements; closing
		// texts (positive span) before opening ones.
		ai, bi := a.start == a.end, b.start == b.end
		if ai != bi {
			return ai
		}
		if (a.span > 0) != (b.span > 0) {
			return a.span > 0
		}
		if a.span != b.span {
			return a.span < b.span
		}
		return a.seq < b.seq
	})
	var out bytes.Buffer
	var made []textdiff.Edit
	last := 0
	for _, e := range es {
		if e.start < last || e.end > len(src) {
			return nil, nil, fmt.Errorf("internal error: overlapping edits at offset %d", e.start)
		}
		text := strings.ReplaceAll(e.text, syncMark, syncName)
		out.Write(src[last:e.start])
		out.WriteString(text)
		last = e.end
		made = append(made, textdiff.Edit{Start: e.start, End: e.end, New: []byte(text)})
	}
	out.Write(src[last:])
	return out.Bytes(), made, nil
}

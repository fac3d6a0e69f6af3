package textdiff

import (
	"bytes"
	"unicode/utf8"
)

// An Edit replaces the bytes old[Start:End] of the old text by New. An
// insertion has Start == End.
type Edit struct {
	Start, End int
	New        []byte
}

// Edits returns the edits that turn old into new, ordered by Start and
// never touching: between two edits lies at least one unchanged byte.
// Each edit is a run of changed lines of the same line diff that Unified
// prints, narrowed to the bytes that differ: the bytes that the old and
// the new lines of the run begin and end with are left out, cut at UTF-8
// rune boundaries so that an edit never splits a character. It returns
// nil if old and new are equal.
func Edits(old, new []byte) []Edit {
	if bytes.Equal(old, new) {
		return nil
	}
	a, b := splitLines(old), splitLines(new)
	aOff, bOff := lineOffsets(a), lineOffsets(b)
	var edits []Edit
	for _, e := range diffLines(a, b, 0) {
		start, end := aOff[e.x], aOff[e.xend()]
		repl := new[bOff[e.y]:bOff[e.yend()]]
		p, s := commonEnds(old[start:end], repl)
		edits = append(edits, Edit{Start: start + p, End: end - s, New: repl[p : len(repl)-s]})
	}
	return edits
}

// lineOffsets returns the offset of each line's start, and the length of
// the text after them.
func lineOffsets(lines [][]byte) []int {
	off := make([]int, len(lines)+1)
	for i, l := range lines {
		off[i+1] = off[i] + len(l)
	}
	return off
}

// commonEnds returns the lengths of the longest common prefix and suffix
// of x and y that do not overlap and end and begin at rune boundaries of
// both.
func commonEnds(x, y []byte) (prefix, suffix int) {
	n := min(len(x), len(y))
	for prefix < n && x[prefix] == y[prefix] {
		prefix++
	}
	for prefix > 0 && (!runeStartAt(x, prefix) || !runeStartAt(y, prefix)) {
		prefix--
	}
	for suffix < n-prefix && x[len(x)-1-suffix] == y[len(y)-1-suffix] {
		suffix++
	}
	// The suffixes are equal bytes: one check serves both.
	for suffix > 0 && !utf8.RuneStart(x[len(x)-suffix]) {
		suffix--
	}
	return prefix, suffix
}

// runeStartAt reports whether i is a rune boundary of b: its end, or the
// first byte of a rune.
func runeStartAt(b []byte, i int) bool {
	return i == len(b) || utf8.RuneStart(b[i])
}

// Package textdiff computes line-based unified diffs that git apply and
// patch(1) accept. syncfix diff prints them, and tests can use them as
// goldens.
//
// # Format
//
// The output is the traditional unified format of GNU diff -u and git diff:
// a "--- old" and a "+++ new" header line, then hunks headed
// "@@ -l,s +l,s @@" with 3 lines of context. As in GNU diff and git, a
// count of 1 is left out ("-7" for "-7,1") and an empty range names the
// line before it ("-0,0" for an empty old file).
//
// Names are printed as the caller gives them, prefixes included, so the
// caller decides between "a/x.go" and "/dev/null". A name holding a control
// character, '"' or '\' is quoted in C style, as git quotes it; git apply
// reads that form back, and nothing else could put a tab or a newline in
// a header line unambiguously.
//
// Content is compared and copied byte for byte. Lines end after '\n' only,
// so the '\r' of a CRLF file stays part of its line and is passed through
// unchanged. A last line without '\n' is followed by the marker line
// "\ No newline at end of file", so adding or removing the final newline
// is a change like any other.
//
// # New files
//
// NewFile writes a creation diff from /dev/null. A git extended header
// ("diff --git a/x b/x", "new file mode 100644") is not needed for that,
// so none is emitted: checked with git 2.39, git apply creates the file of
// a plain "--- /dev/null" / "+++ b/dir/x.go" diff (and its missing
// directories) with mode 0644, and refuses it, as it should, when the file
// already exists. Likewise "+++ /dev/null" deletes a file. The one change
// a plain unified diff cannot express is the creation of an empty file: a
// header with no hunk is rejected ("No valid patches in input"), and only
// git's extended header could say it. syncfix never creates an empty file
// (the files it creates hold a clone helper), so NewFile returns nil for
// empty content, exactly as Unified does for identical inputs, instead of
// growing a second header syntax that nothing would use.
//
// # Algorithm
//
// The line diff is Myers' O(ND) algorithm in its linear-space, divide and
// conquer form (as in GNU diff's diffseq.h), so memory stays O(N) however
// different the inputs are. Two measures keep very different large inputs
// fast without giving up correctness. First, lines that occur in only one
// of the inputs can never be matched, so they are marked as changed before
// the search, which then runs on the remaining lines only; this does not
// make the diff any larger. Second, when one search exceeds a cost bound (large
// enough that edits in ordinary source files never reach it), the search
// splits the problem at the furthest point it has reached instead of at
// the middle of an optimal path. Any split point yields a correct edit
// script, only not necessarily a minimal one: a very different large file
// gets a correct, if larger, diff in bounded time.
package textdiff

import (
	"bytes"
	"strconv"
)

// context is the number of unchanged lines shown around each change.
const context = 3

// Unified returns the unified diff that turns old into new, under the
// header names oldName and newName (for example "a/x.go" and "b/x.go").
// It returns nil if old and new are equal, so that callers can skip
// unchanged files without comparing them first.
func Unified(oldName, newName string, old, new []byte) []byte {
	if bytes.Equal(old, new) {
		return nil
	}
	a, b := splitLines(old), splitLines(new)
	edits := diffLines(a, b, 0)

	var out bytes.Buffer
	out.WriteString("--- " + quoteName(oldName) + "\n")
	out.WriteString("+++ " + quoteName(newName) + "\n")
	for i := 0; i < len(edits); {
		// A hunk takes every following edit whose leading context would
		// touch or overlap the trailing context of the one before it.
		j := i + 1
		for j < len(edits) && edits[j].x-edits[j-1].xend() <= 2*context {
			j++
		}
		first, last := edits[i], edits[j-1]
		// Lines outside edits are unchanged and pair up one to one, so
		// the context taken before and after is the same on both sides.
		before := min(first.x, context)
		after := min(len(a)-last.xend(), context)
		x0, y0 := first.x-before, first.y-before
		x1, y1 := last.xend()+after, last.yend()+after

		out.WriteString("@@ -" + rangeText(x0, x1-x0) + " +" + rangeText(y0, y1-y0) + " @@\n")
		x := x0
		for _, e := range edits[i:j] {
			for ; x < e.x; x++ {
				writeLine(&out, ' ', a[x])
			}
			for ; x < e.xend(); x++ {
				writeLine(&out, '-', a[x])
			}
			for y := e.y; y < e.yend(); y++ {
				writeLine(&out, '+', b[y])
			}
		}
		for ; x < x1; x++ {
			writeLine(&out, ' ', a[x])
		}
		i = j
	}
	return out.Bytes()
}

// NewFile returns the diff that creates a file named newName (for example
// "b/x.go") holding content: a diff from /dev/null. It returns nil for
// empty content, which a unified diff cannot express (see the package
// documentation).
func NewFile(newName string, content []byte) []byte {
	return Unified("/dev/null", newName, nil, content)
}

// splitLines splits b after each '\n'. The last line lacks the '\n' when b
// does not end with one; no line is empty.
func splitLines(b []byte) [][]byte {
	lines := make([][]byte, 0, bytes.Count(b, []byte{'\n'})+1)
	for len(b) > 0 {
		n := bytes.IndexByte(b, '\n') + 1
		if n == 0 {
			n = len(b)
		}
		lines = append(lines, b[:n:n])
		b = b[n:]
	}
	return lines
}

// rangeText formats one side of a hunk header: start is the 0-based index
// of the first line, count the number of lines.
func rangeText(start, count int) string {
	switch count {
	case 0:
		// An empty range names the line after which it lies, which is
		// its 0-based start (0: before the first line).
		return strconv.Itoa(start) + ",0"
	case 1:
		return strconv.Itoa(start + 1)
	}
	return strconv.Itoa(start+1) + "," + strconv.Itoa(count)
}

// writeLine writes one hunk line: the prefix, the line, and for a last
// line without '\n' the marker that says so.
func writeLine(out *bytes.Buffer, prefix byte, line []byte) {
	out.WriteByte(prefix)
	out.Write(line)
	if line[len(line)-1] != '\n' {
		out.WriteString("\n\\ No newline at end of file\n")
	}
}

// quoteName returns name quoted in C style, as git quotes path names, if
// it holds a byte that would make the header ambiguous; else name itself.
func quoteName(name string) string {
	needs := false
	for i := 0; i < len(name); i++ {
		if c := name[i]; c < ' ' || c == 0x7f || c == '"' || c == '\\' {
			needs = true
			break
		}
	}
	if !needs {
		return name
	}
	b := []byte{'"'}
	for i := 0; i < len(name); i++ {
		switch c := name[i]; c {
		case '"', '\\':
			b = append(b, '\\', c)
		case '\a':
			b = append(b, `\a`...)
		case '\b':
			b = append(b, `\b`...)
		case '\t':
			b = append(b, `\t`...)
		case '\n':
			b = append(b, `\n`...)
		case '\v':
			b = append(b, `\v`...)
		case '\f':
			b = append(b, `\f`...)
		case '\r':
			b = append(b, `\r`...)
		default:
			if c < ' ' || c == 0x7f {
				// git reads three octal digits after a backslash.
				b = append(b, '\\', '0'+c>>6, '0'+c>>3&7, '0'+c&7)
			} else {
				b = append(b, c)
			}
		}
	}
	return string(append(b, '"'))
}

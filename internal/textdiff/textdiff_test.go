package textdiff

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// unifiedCases are the table tests; they also seed FuzzUnified.
var unifiedCases = []struct {
	name     string
	old, new string
	want     string // without the two header lines
}{
	{name: "equal", old: "a\nb\n", new: "a\nb\n", want: ""},
	{name: "both empty", old: "", new: "", want: ""},
	{
		name: "from empty",
		old:  "", new: "a\nb\n",
		want: "@@ -0,0 +1,2 @@\n+a\n+b\n",
	},
	{
		name: "to empty",
		old:  "a\nb\n", new: "",
		want: "@@ -1,2 +0,0 @@\n-a\n-b\n",
	},
	{
		name: "one line",
		old:  "a\n", new: "b\n",
		want: "@@ -1 +1 @@\n-a\n+b\n",
	},
	{
		name: "newline added at end",
		old:  "x\na", new: "x\na\n",
		want: "@@ -1,2 +1,2 @@\n x\n-a\n\\ No newline at end of file\n+a\n",
	},
	{
		name: "newline removed at end",
		old:  "a\n", new: "a",
		want: "@@ -1 +1 @@\n-a\n+a\n\\ No newline at end of file\n",
	},
	{
		name: "unterminated context",
		old:  "a\nb\nc", new: "A\nb\nc",
		want: "@@ -1,3 +1,3 @@\n-a\n+A\n b\n c\n\\ No newline at end of file\n",
	},
	{
		name: "unterminated both changed",
		old:  "a\nb", new: "a\nc",
		want: "@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n",
	},
	{
		name: "context of three",
		old:  "1\n2\n3\n4\n5\n6\n7\n8\n9\n", new: "1\n2\n3\n4\nfive\n6\n7\n8\n9\n",
		want: "@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n",
	},
	{
		name: "insert at start",
		old:  "1\n2\n3\n4\n5\n", new: "0\n1\n2\n3\n4\n5\n",
		want: "@@ -1,3 +1,4 @@\n+0\n 1\n 2\n 3\n",
	},
	{
		name: "append at end",
		old:  "1\n2\n3\n4\n5\n", new: "1\n2\n3\n4\n5\n6\n",
		want: "@@ -3,3 +3,4 @@\n 3\n 4\n 5\n+6\n",
	},
	{
		name: "gap of six joins hunks",
		old:  "a\n1\n2\n3\n4\n5\n6\nb\n", new: "A\n1\n2\n3\n4\n5\n6\nB\n",
		want: "@@ -1,8 +1,8 @@\n-a\n+A\n 1\n 2\n 3\n 4\n 5\n 6\n-b\n+B\n",
	},
	{
		name: "gap of seven splits hunks",
		old:  "a\n1\n2\n3\n4\n5\n6\n7\nb\n", new: "A\n1\n2\n3\n4\n5\n6\n7\nB\n",
		want: "@@ -1,4 +1,4 @@\n-a\n+A\n 1\n 2\n 3\n@@ -6,4 +6,4 @@\n 5\n 6\n 7\n-b\n+B\n",
	},
	{
		name: "crlf kept",
		old:  "a\r\nb\r\nc\r\n", new: "a\r\nB\r\nc\r\n",
		want: "@@ -1,3 +1,3 @@\n a\r\n-b\r\n+B\r\n c\r\n",
	},
	{
		name: "line ending change only",
		old:  "a\nb\n", new: "a\r\nb\n",
		want: "@@ -1,2 +1,2 @@\n-a\n+a\r\n b\n",
	},
	{
		name: "delete in middle",
		old:  "a\nb\nc\nd\ne\n", new: "a\nb\nd\ne\n",
		want: "@@ -1,5 +1,4 @@\n a\n b\n-c\n d\n e\n",
	},
	{
		name: "no common lines",
		old:  "a\nb\n", new: "c\nd\ne\n",
		want: "@@ -1,2 +1,3 @@\n-a\n-b\n+c\n+d\n+e\n",
	},
}

func TestUnified(t *testing.T) {
	for _, tc := range unifiedCases {
		t.Run(tc.name, func(t *testing.T) {
			got := Unified("a/x.go", "b/x.go", []byte(tc.old), []byte(tc.new))
			want := ""
			if tc.want != "" {
				want = "--- a/x.go\n+++ b/x.go\n" + tc.want
			}
			if string(got) != want {
				t.Errorf("Unified(%q, %q) =\n%s\nwant\n%s", tc.old, tc.new, got, want)
			}
			if want == "" && got != nil {
				t.Errorf("Unified of equal inputs = %q, want nil", got)
			}
			checkApplies(t, tc.old, tc.new, got)
		})
	}
}

func TestNewFile(t *testing.T) {
	got := string(NewFile("b/dir/new.go", []byte("package p\n\nvar x = 1")))
	want := "--- /dev/null\n+++ b/dir/new.go\n@@ -0,0 +1,3 @@\n+package p\n+\n+var x = 1\n\\ No newline at end of file\n"
	if got != want {
		t.Errorf("NewFile =\n%s\nwant\n%s", got, want)
	}
	if got := NewFile("b/empty.go", nil); got != nil {
		t.Errorf("NewFile of empty content = %q, want nil", got)
	}
}

func TestQuoteName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"a/x.go", "a/x.go"},
		{"/dev/null", "/dev/null"},
		{"a/with space.go", "a/with space.go"},
		{"a/ünï.go", "a/ünï.go"},
		{"a/t\tab.go", `"a/t\tab.go"`},
		{"a/q\"uote\\.go", `"a/q\"uote\\.go"`},
		{"a/nl\n\x01\x7f.go", `"a/nl\n\001\177.go"`},
	} {
		if got := quoteName(tc.in); got != tc.want {
			t.Errorf("quoteName(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

// TestRandomEdits diffs random edits of random line sequences and checks
// that every diff applies and is minimal.
func TestRandomEdits(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 2000 {
		old := randomText(rng, rng.IntN(40))
		new := mutate(rng, old)
		d := Unified("a/f", "b/f", []byte(old), []byte(new))
		checkApplies(t, old, new, d)
		if t.Failed() {
			t.Fatalf("case %d: old %q new %q", i, old, new)
		}
	}
}

// TestFallbackIsCorrect forces the cost bound down so that nearly every
// search gives up on minimality, and checks that the edits still turn the
// old lines into the new ones.
func TestFallbackIsCorrect(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for i := range 2000 {
		old := randomText(rng, rng.IntN(200))
		new := mutate(rng, old)
		a, b := splitLines([]byte(old)), splitLines([]byte(new))
		limit := 1 + i%4
		edits := diffLines(a, b, limit)
		if got := applyEdits(t, a, b, edits); got != new {
			t.Fatalf("limit %d: edits of %q -> %q give %q", limit, old, new, got)
		}
	}
}

// applyEdits rebuilds the new text from a, the inserted lines of b and
// edits, checking that the edits are ordered and separated.
func applyEdits(t *testing.T, a, b [][]byte, edits []edit) string {
	t.Helper()
	var out []byte
	x, y := 0, 0
	for i, e := range edits {
		if e.del == 0 && e.ins == 0 {
			t.Fatalf("edit %d is empty: %+v", i, e)
		}
		if i > 0 && e.x <= x {
			t.Fatalf("edit %d %+v touches the one before", i, e)
		}
		if e.x-x != e.y-y {
			t.Fatalf("edit %d %+v: unequal unchanged runs before it", i, e)
		}
		for ; x < e.x; x, y = x+1, y+1 {
			if !bytes.Equal(a[x], b[y]) {
				t.Fatalf("unchanged line %d/%d differs: %q vs %q", x, y, a[x], b[y])
			}
			out = append(out, a[x]...)
		}
		for _, l := range b[e.y:e.yend()] {
			out = append(out, l...)
		}
		x, y = e.xend(), e.yend()
	}
	for ; x < len(a); x, y = x+1, y+1 {
		out = append(out, a[x]...)
	}
	return string(out)
}

// FuzzUnified checks, for any old and new text, that the diff applies to
// old and gives new exactly, that it is in standard form (see
// applyUnified), and, for small inputs, that it is minimal.
func FuzzUnified(f *testing.F) {
	for _, tc := range unifiedCases {
		f.Add(tc.old, tc.new)
	}
	f.Add("package p\n\nfunc f() {\n\tm := sync.Map{}\n}\n", "package p\n\nfunc f() {\n\tm := new(sync.Map)\n}\n")
	f.Fuzz(func(t *testing.T, old, new string) {
		oldCopy, newCopy := old, new
		d := Unified("a/f", "b/f", []byte(old), []byte(new))
		if old != oldCopy || new != newCopy {
			t.Fatal("Unified modified its input")
		}
		checkApplies(t, old, new, d)
	})
}

// checkApplies checks that diff turns old into new and is well formed;
// and that it is minimal when the inputs are small enough to compute the
// longest common subsequence directly.
func checkApplies(t *testing.T, old, new string, diff []byte) {
	t.Helper()
	if old == new {
		if diff != nil {
			t.Errorf("diff of equal inputs: %q", diff)
		}
		return
	}
	got, changed, err := applyUnified([]byte(old), diff)
	if err != nil {
		t.Fatalf("applying the diff of %q -> %q: %v\n%s", old, new, err, diff)
	}
	if string(got) != new {
		t.Fatalf("applying the diff of %q -> %q gives %q\n%s", old, new, got, diff)
	}
	a, b := testLines(old), testLines(new)
	if len(a)*len(b) <= 1e5 {
		if want := len(a) + len(b) - 2*lcsLen(a, b); changed != want {
			t.Errorf("diff of %q -> %q changes %d lines, minimum %d\n%s", old, new, changed, want, diff)
		}
	}
}

var hunkHeader = regexp.MustCompile(`^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@\n$`)

// applyUnified is a strict patch applier, independent of the package
// code: it applies a single-file unified diff to old and returns the
// result and the number of '-' and '+' lines. Besides failing on any
// mismatch, it rejects what a standard diff would not contain: hunks
// without changes, overlapping or out-of-order hunks, hunks closer than
// twice the context, and context that is not exactly 3 lines where 3
// lines exist.
func applyUnified(old, diff []byte) ([]byte, int, error) {
	dl := testLines(string(diff))
	if len(dl) < 2 || !strings.HasPrefix(dl[0], "--- ") || !strings.HasPrefix(dl[1], "+++ ") {
		return nil, 0, fmt.Errorf("missing headers")
	}
	ol := testLines(string(old))
	var out []byte
	outLines, changed := 0, 0
	pos := 0         // next unconsumed old line
	lastChange := -1 // old index after the previous hunk's last change
	for i := 2; i < len(dl); {
		m := hunkHeader.FindStringSubmatch(dl[i])
		if m == nil {
			return nil, 0, fmt.Errorf("line %d: bad hunk header %q", i+1, dl[i])
		}
		i++
		num := func(s string) int {
			if s == "" {
				return 1
			}
			n, _ := strconv.Atoi(s)
			return n
		}
		ostart, ocount, nstart, ncount := num(m[1]), num(m[2]), num(m[3]), num(m[4])
		// An empty range names the line before it; others their first.
		if ocount > 0 {
			ostart--
		}
		if ncount > 0 {
			nstart--
		}
		if ostart < pos || ostart > len(ol) {
			return nil, 0, fmt.Errorf("hunk at old line %d out of order or range", ostart)
		}
		for ; pos < ostart; pos++ {
			out = append(out, ol[pos]...)
			outLines++
		}
		if nstart != outLines {
			return nil, 0, fmt.Errorf("hunk says new line %d, applier is at %d", nstart, outLines)
		}
		var ops []byte // ' ', '-', '+' per body line, for the context checks
		seenOld, seenNew := 0, 0
		for seenOld < ocount || seenNew < ncount {
			if i >= len(dl) || dl[i] == "" {
				return nil, 0, fmt.Errorf("hunk at old line %d ends early", ostart+1)
			}
			op, text := dl[i][0], dl[i][1:]
			i++
			if !strings.HasSuffix(text, "\n") {
				return nil, 0, fmt.Errorf("diff line %q lacks a newline", text)
			}
			if i < len(dl) && dl[i] == "\\ No newline at end of file\n" {
				text = strings.TrimSuffix(text, "\n")
				i++
			}
			switch op {
			case ' ', '-':
				if pos >= len(ol) || ol[pos] != text {
					return nil, 0, fmt.Errorf("old line %d: diff has %q", pos+1, text)
				}
				pos++
				seenOld++
				if op == ' ' {
					out = append(out, text...)
					seenNew++
					outLines++
				} else {
					changed++
				}
			case '+':
				out = append(out, text...)
				seenNew++
				outLines++
				changed++
			default:
				return nil, 0, fmt.Errorf("bad diff line %q", dl[i-1])
			}
			ops = append(ops, op)
		}
		if seenOld != ocount || seenNew != ncount {
			return nil, 0, fmt.Errorf("hunk counts %d,%d, body has %d,%d", ocount, ncount, seenOld, seenNew)
		}
		lead := len(ops) - len(bytes.TrimLeft(ops, " "))
		trail := len(ops) - len(bytes.TrimRight(ops, " "))
		if lead == len(ops) {
			return nil, 0, fmt.Errorf("hunk at old line %d has no change", ostart+1)
		}
		if lead > context || (lead < context && ostart != 0) {
			return nil, 0, fmt.Errorf("hunk at old line %d has %d lines of leading context", ostart+1, lead)
		}
		if trail > context || (trail < context && pos != len(ol)) {
			return nil, 0, fmt.Errorf("hunk at old line %d has %d lines of trailing context", ostart+1, trail)
		}
		if firstChange := ostart + lead; lastChange >= 0 && firstChange-lastChange <= 2*context {
			return nil, 0, fmt.Errorf("hunk at old line %d should have joined the one before", ostart+1)
		}
		lastChange = pos - trail
	}
	for ; pos < len(ol); pos++ {
		out = append(out, ol[pos]...)
	}
	return out, changed, nil
}

// testLines splits s after each newline, like splitLines but written
// separately so that the tests do not trust the code under test.
func testLines(s string) []string {
	l := strings.SplitAfter(s, "\n")
	if l[len(l)-1] == "" {
		l = l[:len(l)-1]
	}
	return l
}

// lcsLen is the textbook dynamic program for the length of a longest
// common subsequence.
func lcsLen(a, b []string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			if a[i] == b[j] {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(cur[j], prev[j+1])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// randomText returns n lines drawn from a small set, so that lines repeat
// and diffs have many ways to match them; the last line may lack its
// newline, and some lines end in CRLF.
func randomText(rng *rand.Rand, n int) string {
	pool := []string{"a\n", "b\n", "c\n", "}\n", "\n", "\tx := 1\n", "x\r\n", "{\n"}
	var sb strings.Builder
	for range n {
		sb.WriteString(pool[rng.IntN(len(pool))])
	}
	s := sb.String()
	if s != "" && rng.IntN(4) == 0 {
		s = s[:len(s)-1]
	}
	return s
}

// mutate returns s with a few lines deleted, inserted or replaced, and
// sometimes its final newline toggled.
func mutate(rng *rand.Rand, s string) string {
	l := testLines(s)
	for range rng.IntN(6) {
		i := 0
		if len(l) > 0 {
			i = rng.IntN(len(l) + 1)
		}
		switch rng.IntN(3) {
		case 0:
			if i < len(l) {
				l = append(l[:i], l[i+1:]...)
			}
		case 1:
			l = append(l[:i], append([]string{randomText(rng, 1+rng.IntN(3))}, l[i:]...)...)
		case 2:
			if i < len(l) {
				l[i] = randomText(rng, 1)
			}
		}
	}
	out := strings.Join(l, "")
	if rng.IntN(8) == 0 {
		if strings.HasSuffix(out, "\n") {
			out = out[:len(out)-1]
		} else {
			out += "\n"
		}
	}
	return out
}

// goFile returns a Go-like file of n lines.
func goFile(n int) []byte {
	var b bytes.Buffer
	b.WriteString("package big\n\n")
	for i := 0; 2+5*i < n; i++ {
		fmt.Fprintf(&b, "// f%d does step %d.\nfunc f%d(m *sync.Map) {\n\tm.Store(%d, %d)\n}\n\n", i, i, i, i, i*i)
	}
	return b.Bytes()
}

func BenchmarkUnified5000FewEdits(b *testing.B) {
	old := goFile(5000)
	lines := testLines(string(old))
	for _, i := range []int{10, 1200, 2500, 2501, 4000, 4990} {
		lines[i] = strings.Replace(lines[i], "m.Store", "m.Load", 1)
	}
	lines = append(lines[:3000], append([]string{"// inserted\n", "var x = 1\n"}, lines[3000:]...)...)
	new := []byte(strings.Join(lines, ""))
	b.SetBytes(int64(len(old) + len(new)))
	b.ReportAllocs()
	for b.Loop() {
		if Unified("a/big.go", "b/big.go", old, new) == nil {
			b.Fatal("no diff")
		}
	}
}

// BenchmarkUnifiedShuffled diffs a 20000-line file against a shuffle of
// itself: every line occurs on both sides, so only the cost bound keeps
// this from being quadratic.
func BenchmarkUnifiedShuffled(b *testing.B) {
	rng := rand.New(rand.NewPCG(5, 6))
	lines := make([]string, 20000)
	for i := range lines {
		lines[i] = strconv.Itoa(rng.IntN(500)) + "\n"
	}
	old := []byte(strings.Join(lines, ""))
	rng.Shuffle(len(lines), func(i, j int) { lines[i], lines[j] = lines[j], lines[i] })
	new := []byte(strings.Join(lines, ""))
	b.SetBytes(int64(len(old) + len(new)))
	for b.Loop() {
		Unified("a/big", "b/big", old, new)
	}
}

package textdiff

import (
	"bytes"
	"math/rand/v2"
	"testing"
	"unicode/utf8"
)

// applyByteEdits applies edits to old, checking that they are ordered,
// apart from each other, and inside old.
func applyByteEdits(t *testing.T, old []byte, edits []Edit) []byte {
	t.Helper()
	var out []byte
	last := -1
	for i, e := range edits {
		if e.Start <= last || e.Start > e.End || e.End > len(old) {
			t.Fatalf("edit %d [%d:%d] is out of order or range (previous end %d, len %d)", i, e.Start, e.End, last, len(old))
		}
		if e.Start == e.End && len(e.New) == 0 {
			t.Fatalf("edit %d is empty", i)
		}
		out = append(out, old[max(last, 0):e.Start]...)
		out = append(out, e.New...)
		last = e.End
	}
	return append(out, old[max(last, 0):]...)
}

func TestEdits(t *testing.T) {
	for _, tc := range []struct {
		name, old, new string
		want           []Edit
	}{
		{name: "equal", old: "a\n", new: "a\n"},
		{name: "new file", old: "", new: "a\n", want: []Edit{{0, 0, []byte("a\n")}}},
		{
			name: "inside a line",
			old:  "x\n\tn := m\ny\n", new: "x\n\tn := cloneSyncMap(&m)\ny\n",
			want: []Edit{{8, 9, []byte("cloneSyncMap(&m)")}},
		},
		{
			name: "line inserted",
			old:  "a\nc\n", new: "a\nb\nc\n",
			want: []Edit{{2, 2, []byte("b\n")}},
		},
		{
			name: "runes kept whole",
			// é and è share their first byte.
			old: "é\n", new: "è\n",
			want: []Edit{{0, 2, []byte("è")}},
		},
		{
			name: "two runs",
			old:  "a\n1\n2\n3\nb\n", new: "A\n1\n2\n3\nB\n",
			want: []Edit{{0, 1, []byte("A")}, {8, 9, []byte("B")}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Edits([]byte(tc.old), []byte(tc.new))
			if len(got) != len(tc.want) {
				t.Fatalf("Edits = %+v, want %+v", got, tc.want)
			}
			for i := range got {
				if got[i].Start != tc.want[i].Start || got[i].End != tc.want[i].End || !bytes.Equal(got[i].New, tc.want[i].New) {
					t.Errorf("edit %d = %d:%d %q, want %d:%d %q", i, got[i].Start, got[i].End, got[i].New, tc.want[i].Start, tc.want[i].End, tc.want[i].New)
				}
			}
		})
	}
}

// TestEditsRandom checks that the edits of random changes give the new
// text and never split a rune.
func TestEditsRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for i := range 2000 {
		old := randomText(rng, rng.IntN(40))
		new := mutate(rng, old)
		if i%2 == 0 {
			// Multi-byte runes that share leading bytes.
			old = string(bytes.ReplaceAll([]byte(old), []byte("a"), []byte("é")))
			new = string(bytes.ReplaceAll([]byte(new), []byte("b"), []byte("è")))
		}
		edits := Edits([]byte(old), []byte(new))
		if got := applyByteEdits(t, []byte(old), edits); string(got) != new {
			t.Fatalf("case %d: edits of %q -> %q give %q", i, old, new, got)
		}
		for _, e := range edits {
			if !utf8.Valid([]byte(old[e.Start:e.End])) || !utf8.Valid(e.New) {
				t.Fatalf("case %d: edit %d:%d %q splits a rune of %q -> %q", i, e.Start, e.End, e.New, old, new)
			}
		}
	}
}

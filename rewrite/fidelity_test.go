package rewrite

import (
	"bytes"
	"go/format"
	"strings"
	"testing"
)

// edited returns what the applier would print for src (LF endings, no
// byte order mark) after replacing old by new once: gofmt's form.
func edited(t *testing.T, src, old, new string) []byte {
	t.Helper()
	text := string(lfText([]byte(src)))
	if !strings.Contains(text, old) {
		t.Fatalf("%q not in source", old)
	}
	out, err := format.Source([]byte(strings.Replace(text, old, new, 1)))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func crlf(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }

const fidelitySrc = `// Package a does things.
package a

import "sync"

/* A block comment
   on two lines. */
const banner = ` + "`raw\nstring`" + `

func snapshot(m *sync.Map) int {
	n := *m
	count := 0
	n.Range(func(k, v any) bool { count++; return true })
	return count
}
`

func TestRestoreText(t *testing.T) {
	const edit, fixed = "n := *m", "n := cloneSyncMap(m)"
	for _, tc := range []struct {
		name, src, want string
		from            string // what the edit replaces, if not edit
		reformatted     bool
	}{{
		name: "lf",
		src:  fidelitySrc,
		want: strings.Replace(fidelitySrc, edit, fixed, 1),
	}, {
		name: "crlf",
		src:  crlf(fidelitySrc),
		want: crlf(strings.Replace(fidelitySrc, edit, fixed, 1)),
	}, {
		name: "bom",
		src:  "\xef\xbb\xbf" + fidelitySrc,
		want: "\xef\xbb\xbf" + strings.Replace(fidelitySrc, edit, fixed, 1),
	}, {
		name: "bom and crlf",
		src:  "\xef\xbb\xbf" + crlf(fidelitySrc),
		want: "\xef\xbb\xbf" + crlf(strings.Replace(fidelitySrc, edit, fixed, 1)),
	}, {
		// Each line the edit leaves alone keeps its own ending.
		name: "mixed endings",
		src:  strings.Replace(crlf(fidelitySrc), "count := 0\r\n", "count := 0\n", 1),
		want: strings.Replace(strings.Replace(crlf(fidelitySrc), "count := 0\r\n", "count := 0\n", 1), edit, fixed, 1),
	}, {
		// gofmt would change lines away from the edit: they stay.
		name: "unformatted elsewhere",
		src:  strings.Replace(fidelitySrc, "count := 0", "count:=0  ", 1),
		want: strings.Replace(strings.Replace(fidelitySrc, "count := 0", "count:=0  ", 1), edit, fixed, 1),
	}, {
		name: "unformatted elsewhere, crlf",
		src:  crlf(strings.Replace(fidelitySrc, "return count", "return  count", 1)),
		want: crlf(strings.Replace(strings.Replace(fidelitySrc, "return count", "return  count", 1), edit, fixed, 1)),
	}, {
		// The edited line itself is unformatted: only the bytes the
		// edit changes are replaced.
		name: "unformatted edited line",
		src:  strings.Replace(strings.Replace(fidelitySrc, "n := *m", "n :=  *m", 1), "return count", "return  count", 1),
		from: "n :=  *m",
		want: strings.Replace(strings.Replace(fidelitySrc, "return count", "return  count", 1), edit, "n :=  cloneSyncMap(m)", 1),
	}} {
		t.Run(tc.name, func(t *testing.T) {
			src := []byte(tc.src)
			orig := bytes.Clone(src)
			from := edit
			if tc.from != "" {
				from = tc.from
			}
			out := edited(t, tc.src, from, fixed)
			got, reformatted := restoreText(src, out)
			if string(got) != tc.want {
				t.Errorf("got:\n%q\nwant:\n%q", got, tc.want)
			}
			if reformatted != tc.reformatted {
				t.Errorf("reformatted = %v, want %v", reformatted, tc.reformatted)
			}
			if !bytes.Equal(src, orig) {
				t.Error("restoreText modified its input")
			}
		})
	}
}

// TestRestoreTextReformatted: where the edit and gofmt's changes meet,
// the file comes out formatted as a whole, and says so.
func TestRestoreTextReformatted(t *testing.T) {
	// gofmt aligns the field comments of the block, the edit lengthens
	// the type between them: no merge keeps the original alignment.
	src := "package a\n\nimport \"sync\"\n\ntype cache struct {\n\tname string // the name\n\tm sync.Map // the entries\n}\n"
	out := edited(t, src, "m sync.Map", "m *sync.Map")
	got, reformatted := restoreText([]byte(src), out)
	if !reformatted {
		t.Errorf("reformatted = false, want true; got:\n%s", got)
	}
	if !bytes.Equal(got, out) {
		t.Errorf("got:\n%s\nwant the formatted output:\n%s", got, out)
	}
}

func TestMerge3Conflicts(t *testing.T) {
	base := []byte("package a\n\nvar x = 1\n")
	a := []byte("package a\n\nvar x = 3\n")
	b := []byte("package a\n\nvar x = 2\n")
	if m, ok := merge3(base, a, b); ok {
		t.Errorf("merge3 of overlapping changes = %q, want a conflict", m)
	}
	// The same change on both sides is no conflict.
	if m, ok := merge3(base, b, b); !ok || !bytes.Equal(m, b) {
		t.Errorf("merge3 of equal changes = %q, %v; want %q", m, ok, b)
	}
}

func TestRestoreEndingsOffsets(t *testing.T) {
	// A deleted line takes its CRLF with it; an inserted line gets the
	// dominant ending.
	body := []byte("a\r\nb\r\nc\r\n")
	text := lfText(body)
	for _, tc := range []struct{ merged, want string }{
		{"a\nc\n", "a\r\nc\r\n"},
		{"a\nb\nx\nc\n", "a\r\nb\r\nx\r\nc\r\n"},
		{"a\nb\nc", "a\r\nb\r\nc"},
		{"a\nb\nc\n", "a\r\nb\r\nc\r\n"},
	} {
		if got := restoreEndings(body, text, []byte(tc.merged)); string(got) != tc.want {
			t.Errorf("restoreEndings(%q) = %q, want %q", tc.merged, got, tc.want)
		}
	}
}

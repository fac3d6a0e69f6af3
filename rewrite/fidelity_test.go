package rewrite

import (
	"bytes"
	"go/parser"
	"go/token"
	"runtime"
	"strings"
	"testing"

	"github.com/syncfix/syncfix/internal/textdiff"
)

// formatText is formatEdited for an edit given as old and edited texts.
func formatText(t *testing.T, old, edited []byte) ([]byte, error) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "a.go", edited, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	return formatEdited(fset, f, old, edited, textdiff.Edits(old, edited), runtime.GOMAXPROCS(0))
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

// TestFormatEdited: the lines an edit writes are formatted with their
// paragraph; every other line keeps its text and its line ending.
func TestFormatEdited(t *testing.T) {
	const edit, fixed = "n := *m", "n := cloneSyncMap(m)"
	for _, tc := range []struct {
		name, src, want string
		from            string // what the edit replaces, if not edit
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
		// gofmt would change lines away from the edit, past a blank
		// line: they stay.
		name: "unformatted elsewhere",
		src:  strings.Replace(fidelitySrc, "const banner", "const  banner", 1),
		want: strings.Replace(strings.Replace(fidelitySrc, "const banner", "const  banner", 1), edit, fixed, 1),
	}, {
		name: "unformatted elsewhere, crlf",
		src:  crlf(strings.Replace(fidelitySrc, "package a", "package  a", 1)),
		want: crlf(strings.Replace(strings.Replace(fidelitySrc, "package a", "package  a", 1), edit, fixed, 1)),
	}, {
		// The edit's paragraph is formatted as a whole.
		name: "unformatted paragraph",
		src:  strings.Replace(strings.Replace(fidelitySrc, "n := *m", "n :=  *m", 1), "return count", "return  count", 1),
		from: "n :=  *m",
		want: strings.Replace(fidelitySrc, edit, fixed, 1),
	}} {
		t.Run(tc.name, func(t *testing.T) {
			src := []byte(tc.src)
			orig := bytes.Clone(src)
			from := edit
			if tc.from != "" {
				from = tc.from
			}
			if !strings.Contains(tc.src, from) {
				t.Fatalf("%q not in source", from)
			}
			got, err := formatText(t, src, []byte(strings.Replace(tc.src, from, fixed, 1)))
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tc.want {
				t.Errorf("got:\n%q\nwant:\n%q", got, tc.want)
			}
			if !bytes.Equal(src, orig) {
				t.Error("formatEdited modified its input")
			}
		})
	}
}

// TestFormatEditedAligns: a retyped field realigns the comments of its
// block, as gofmt does.
func TestFormatEditedAligns(t *testing.T) {
	src := "package a\n\nimport \"sync\"\n\ntype cache struct {\n\tname string   // the name\n\tm    sync.Map // the entries\n}\n"
	got, err := formatText(t, []byte(src), []byte(strings.Replace(src, "sync.Map //", "*sync.Map //", 1)))
	if err != nil {
		t.Fatal(err)
	}
	want := "package a\n\nimport \"sync\"\n\ntype cache struct {\n\tname string    // the name\n\tm    *sync.Map // the entries\n}\n"
	if string(got) != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
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

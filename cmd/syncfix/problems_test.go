package main

import (
	"path/filepath"
	"slices"
	"testing"
)

func TestSplitPos(t *testing.T) {
	dir := filepath.FromSlash("/src/mod")
	for _, tc := range []struct {
		pos, file string
		line, col int
	}{
		{"/src/mod/a/a.go:3:9", "a/a.go", 3, 9},
		{"/src/mod/a/a.go:3", "a/a.go", 3, 0},
		{"/src/mod/a/a.go", "a/a.go", 0, 0},
		{"/src/mod/a:b.go:3:9", "a:b.go", 3, 9},
		{"a/a.go:12:1", "a/a.go", 12, 1},
	} {
		file, line, col := splitPos(dir, filepath.FromSlash(tc.pos))
		if file != tc.file || line != tc.line || col != tc.col {
			t.Errorf("splitPos(%q, %q) = %q, %d, %d; want %q, %d, %d", dir, tc.pos, file, line, col, tc.file, tc.line, tc.col)
		}
	}
}

func TestBuildOutputProblems(t *testing.T) {
	out := "# example.com/x/b\nb/b.go:3:19: too many return values\n\thave (number)\n\twant ()\nb/b.go:4:1: other\nno position here\n"
	var got []string
	for _, p := range buildOutputProblems("/src/mod", out) {
		got = append(got, p.String())
	}
	want := []string{
		"b/b.go:3:19: too many return values; have (number); want ()",
		"b/b.go:4:1: other",
		"no position here",
	}
	if !slices.Equal(got, want) {
		t.Errorf("buildOutputProblems:\ngot  %q\nwant %q", got, want)
	}
}

func TestSortProblems(t *testing.T) {
	got := sortProblems([]problem{
		{file: "b.go", line: 10, col: 1, msg: "x"},
		{file: "b.go", line: 9, col: 1, msg: "x"},
		{msg: "no position"},
		{file: "b.go", line: 10, col: 1, msg: "x"},
	})
	want := []problem{
		{msg: "no position"},
		{file: "b.go", line: 9, col: 1, msg: "x"},
		{file: "b.go", line: 10, col: 1, msg: "x"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("sortProblems:\ngot  %v\nwant %v", got, want)
	}
}

func TestOneLine(t *testing.T) {
	for _, tc := range []struct{ msg, want string }{
		{"too many return values\n\thave (number)\n\twant ()", "too many return values; have (number); want ()"},
		{"missing go.sum entry; to add:\n\tgo get x", "missing go.sum entry; to add: go get x"},
		{"one line\n", "one line"},
	} {
		if got := oneLine(tc.msg); got != tc.want {
			t.Errorf("oneLine(%q) = %q, want %q", tc.msg, got, tc.want)
		}
	}
}

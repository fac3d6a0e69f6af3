package main

import (
	"path/filepath"
	"slices"
	"testing"
)

func TestSortDiagnostics(t *testing.T) {
	d := func(file string, line, col int, msg string) diagnostic {
		return diagnostic{File: file, Line: line, Col: col, Message: msg}
	}
	got := sortDiagnostics([]diagnostic{
		d("b.go", 1, 1, "x"),
		d("a.go", 10, 2, "x"),
		d("a.go", 9, 5, "y"),
		d("a.go", 9, 5, "x"),
		d("a.go", 10, 2, "x"), // the same finding from the test variant
		d("a.go", 9, 12, "x"),
		d("a.go", 9, 5, "x"),
	})
	want := []diagnostic{
		d("a.go", 9, 5, "x"),
		d("a.go", 9, 5, "y"),
		d("a.go", 9, 12, "x"),
		d("a.go", 10, 2, "x"),
		d("b.go", 1, 1, "x"),
	}
	if !slices.Equal(got, want) {
		t.Errorf("sortDiagnostics:\ngot  %v\nwant %v", got, want)
	}
}

func TestRelPath(t *testing.T) {
	dir := filepath.FromSlash("/work/mod")
	for _, tc := range []struct{ file, want string }{
		{"/work/mod/a/a.go", "a/a.go"},
		{"/work/mod/a.go", "a.go"},
		{"/work/other/b.go", "../other/b.go"},
		{"/usr/lib/go/src/sync/map.go", "/usr/lib/go/src/sync/map.go"}, // shorter than ../../usr/...
		{"a/relative.go", "a/relative.go"},
	} {
		if got := relPath(dir, filepath.FromSlash(tc.file)); got != tc.want {
			t.Errorf("relPath(%q, %q) = %q, want %q", dir, tc.file, got, tc.want)
		}
	}
}

func TestSplitPos(t *testing.T) {
	dir := filepath.FromSlash("/work/mod")
	for _, tc := range []struct {
		pos, file string
		line, col int
	}{
		{"/work/mod/a/a.go:3:9", "a/a.go", 3, 9},
		{"/work/mod/a/a.go:3", "a/a.go", 3, 0},
		{"/work/mod/a/a.go", "a/a.go", 0, 0},
		{"/work/mod/a:b.go:3:9", "a:b.go", 3, 9},
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
	for _, p := range buildOutputProblems("/work/mod", out) {
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

func TestMatchPattern(t *testing.T) {
	for _, tc := range []struct {
		pattern, path string
		want          bool
	}{
		{"example.com/x/...", "example.com/x", true},
		{"example.com/x/...", "example.com/x/y/z", true},
		{"example.com/x/...", "example.com/xy", false},
		{"example.com/x...", "example.com/xy", true},
		{"/m/foo/...", "/m/foo", true},
		{"/m/foo/...", "/m/foobar", false},
		{"/m/.../b", "/m/a/b", true},
		{"/m/.../b", "/m/a/c", false},
	} {
		if got := matchPattern(tc.pattern)(tc.path); got != tc.want {
			t.Errorf("matchPattern(%q)(%q) = %v, want %v", tc.pattern, tc.path, got, tc.want)
		}
	}
}

func TestSplitTags(t *testing.T) {
	got := splitTags(" foo,bar baz,, qux ")
	if want := []string{"foo", "bar", "baz", "qux"}; !slices.Equal(got, want) {
		t.Errorf("splitTags = %q, want %q", got, want)
	}
}

func TestIsVetInvocation(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want bool
	}{
		{[]string{"-V=full"}, true},
		{[]string{"-flags"}, true},
		{[]string{"/tmp/go-build1/b001/vet.cfg"}, true},
		{[]string{"-syncfix", "-json", "/tmp/go-build1/b001/vet.cfg"}, true},
		{nil, false},
		{[]string{"check"}, false},
		{[]string{"check", "x.cfg"}, false},
		{[]string{"-flags", "x"}, false},
	} {
		if got := isVetInvocation(tc.args); got != tc.want {
			t.Errorf("isVetInvocation(%q) = %v, want %v", tc.args, got, tc.want)
		}
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

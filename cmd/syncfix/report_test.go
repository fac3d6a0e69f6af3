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
	dir := filepath.FromSlash("/src/mod")
	for _, tc := range []struct{ file, want string }{
		{"/src/mod/a/a.go", "a/a.go"},
		{"/src/mod/a.go", "a.go"},
		{"/src/other/b.go", "../other/b.go"},
		{"/usr/lib/go/src/sync/map.go", "/usr/lib/go/src/sync/map.go"}, // shorter than ../../usr/...
		{"a/relative.go", "a/relative.go"},
	} {
		if got := relPath(dir, filepath.FromSlash(tc.file)); got != tc.want {
			t.Errorf("relPath(%q, %q) = %q, want %q", dir, tc.file, got, tc.want)
		}
	}
}

package main

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestClampPos(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	eof := write("eof.go", "package eof\n\nfunc F() {\n\tif true {\n") // 4 lines, the last of 10 bytes
	noNL := write("nonl.go", "package x\nvar")
	for _, tc := range []struct {
		file              string
		line, col         int
		wantLine, wantCol int
	}{
		{eof, 4, 12, 5, 1},  // go/parser's end of file
		{eof, 4, 11, 4, 11}, // the last newline itself
		{eof, 9, 1, 5, 1},   // a line past the end
		{eof, 1, 1, 1, 1},
		{eof, 3, 40, 3, 11}, // past the end of a line inside the file
		{noNL, 2, 4, 2, 4},  // the end of a file without a final newline
		{noNL, 2, 9, 2, 4},
		{filepath.Join(dir, "missing.go"), 7, 7, 7, 7},
		{eof, 0, 0, 0, 0},
	} {
		line, col := clampPos(tc.file, tc.line, tc.col)
		if line != tc.wantLine || col != tc.wantCol {
			t.Errorf("clampPos(%s, %d, %d) = %d, %d; want %d, %d", filepath.Base(tc.file), tc.line, tc.col, line, col, tc.wantLine, tc.wantCol)
		}
	}
}

func TestTidyProblems(t *testing.T) {
	got := tidyProblems([]problem{
		// A file's syntax errors: only the first is kept.
		{file: "bad.go", line: 5, col: 3, msg: "expected ';', found 'EOF'", pkg: "x/bad", syntax: true},
		{file: "bad.go", line: 5, col: 1, msg: "expected operand, found '}'", pkg: "x/bad", syntax: true},
		{file: "other.go", line: 2, col: 1, msg: "expected 'package', found x", pkg: "x/bad", syntax: true},
		// The go command's error at the import explains the import failure.
		{file: "x.go", line: 3, col: 10, msg: `could not import example.com/dep (invalid package name: "")`, pkg: "x"},
		{file: "x.go", line: 3, col: 8, msg: "missing go.sum entry for module providing package example.com/dep", pkg: "example.com/dep"},
		// An explanation that does not name the package gets its name.
		{file: "y.go", line: 4, col: 8, msg: `could not import example.com/far (invalid package name: "")`, pkg: "x"},
		{file: "y.go", line: 4, col: 8, msg: "module lookup disabled by GOPROXY=off", pkg: "x"},
		// A dependency with errors of its own explains it too.
		{file: "a/a.go", line: 3, col: 8, msg: "could not import x/b (type errors)", pkg: "x/a"},
		{file: "b/b.go", line: 7, col: 2, msg: "undefined: y", pkg: "x/b"},
		// Unexplained: kept.
		{file: "z.go", line: 3, col: 8, msg: "could not import x/z (no export data)", pkg: "x"},
	})
	var lines []string
	for _, p := range got {
		lines = append(lines, p.String())
	}
	want := []string{
		"b/b.go:7:2: undefined: y",
		"bad.go:5:1: expected operand, found '}'",
		"other.go:2:1: expected 'package', found x",
		"x.go:3:8: missing go.sum entry for module providing package example.com/dep",
		"y.go:4:8: could not import example.com/far: module lookup disabled by GOPROXY=off",
		"z.go:3:8: could not import x/z (no export data)",
	}
	if !slices.Equal(lines, want) {
		t.Errorf("tidyProblems:\ngot  %q\nwant %q", lines, want)
	}
}

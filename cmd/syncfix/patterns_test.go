package main

import (
	"testing"
)

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

package main

import (
	"path/filepath"
	"slices"
	"testing"
)

func TestGoCommandProblems(t *testing.T) {
	dir := filepath.FromSlash("/src/mod")
	for _, tc := range []struct {
		msg  string
		want []string
	}{
		{
			"go: updates to go.mod needed; to update it:\n\tgo mod tidy",
			[]string{"go: updates to go.mod needed; to update it: go mod tidy"},
		},
		{
			"go: errors parsing go.mod:\ngo.mod:4: unknown directive: frobnicate\n",
			[]string{"go: errors parsing go.mod:", "go.mod:4: unknown directive: frobnicate"},
		},
		{
			"go: inconsistent vendoring in " + dir + string(filepath.Separator) + "sub:\n" +
				"\ta.com/x@v1.0.0: is explicitly required in go.mod, but not marked as explicit in vendor/modules.txt\n" +
				"\tb.com/y@v1.2.0: is explicitly required in go.mod, but not marked as explicit in vendor/modules.txt\n" +
				"\n" +
				"\tTo ignore the vendor directory, use -mod=readonly or -mod=mod.\n" +
				"\tTo sync the vendor directory, run:\n" +
				"\t\tgo mod vendor",
			[]string{
				"go: inconsistent vendoring in sub: a.com/x@v1.0.0: is explicitly required in go.mod, but not marked as explicit in vendor/modules.txt",
				"go: inconsistent vendoring in sub: b.com/y@v1.2.0: is explicitly required in go.mod, but not marked as explicit in vendor/modules.txt",
				"to ignore the vendor directory, use --mod=mod (or GOFLAGS=-mod=mod); to make it match go.mod, run go mod vendor",
			},
		},
	} {
		if got := goCommandProblems(dir, tc.msg); !slices.Equal(got, tc.want) {
			t.Errorf("goCommandProblems(%q):\ngot  %q\nwant %q", tc.msg, got, tc.want)
		}
	}
}

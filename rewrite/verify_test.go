package rewrite_test

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/syncfix/syncfix/rewrite"
)

// A chain of three packages, each importing the one before, as Verify
// checks them one after another; a holds the copy to fix.
var chainFiles = map[string]string{
	"go.mod": goMod,
	"a/a.go": `package a

import "sync"

var registry sync.Map

// Count copies the registry.
func Count() int {
	snapshot := registry
	n := 0
	snapshot.Range(func(k, v any) bool { n++; return true })
	return n
}
`,
	"b/b.go": `package b

import "example.com/x/a"

func B() int { return a.Count() }
`,
	"c/c.go": `package c

import "example.com/x/b"

func C() int { return b.B() }
`,
}

// TestVerifyFindsProblems checks that Verify fails, naming the file, for
// changes that do not type-check (in the changed package, or in an
// importer one link down the chain), that leave a copy, or whose new
// file belongs to no loaded package, and passes the changes Apply made.
func TestVerifyFindsProblems(t *testing.T) {
	dir := writeModule(t, chainFiles)
	for _, tc := range []struct {
		name string
		file string                  // the change to edit; a.go if ""
		edit func(src string) string // of the file as fixed
		want string                  // in the error; "" for none
	}{
		{"as fixed", "", func(src string) string { return src }, ""},
		{"syntax error", "", func(src string) string { return src + "func {\n" }, "a.go:"},
		{"type error", "", func(src string) string { return strings.Replace(src, "n := 0", "n := \"\"", 1) }, "a.go:"},
		{"importer breaks", "", func(src string) string { return strings.Replace(src, "func Count()", "func Total()", 1) }, "b.go:"},
		{"copy left", "", func(src string) string {
			return strings.Replace(src, "cloneSyncMap(&registry)", "&registry\n\tkept := registry\n\t_ = kept", 1)
		}, "a.go:"},
		{"helper of no package", "syncfix_clone.go", func(src string) string { return strings.Replace(src, "package a", "package zz", 1) }, "syncfix_clone.go: the new file is of package zz"},
		{"helper without a clause", "syncfix_clone.go", func(src string) string { return strings.Replace(src, "package a", "", 1) }, "syncfix_clone.go:"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			plan := load(t, dir, rewrite.Options{})
			changes, err := plan.Apply()
			if err != nil {
				t.Fatal(err)
			}
			name := filepath.Join(dir, "a", "a.go")
			if tc.file != "" {
				name = filepath.Join(dir, "a", tc.file)
			}
			edited := false
			for i, ch := range changes {
				if ch.Name == name {
					// A FileChange of its own: Verify checks its New,
					// not what Apply parsed.
					changes[i] = rewrite.FileChange{Name: ch.Name, Old: ch.Old, New: []byte(tc.edit(string(ch.New)))}
					edited = true
				}
			}
			if !edited {
				t.Fatalf("no change of %s in %d changes", name, len(changes))
			}
			err = plan.Verify(changes)
			var verr *rewrite.VerifyError
			switch {
			case tc.want == "" && err != nil:
				t.Fatalf("Verify: %v", err)
			case tc.want == "":
			case !errors.As(err, &verr):
				t.Fatalf("Verify = %v, want a VerifyError naming %s", err, tc.want)
			case !strings.Contains(err.Error(), tc.want):
				t.Errorf("Verify = %v, want it to name %s", err, tc.want)
			}
		})
	}
}

package main

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/syncfix/syncfix/internal/safewrite"
	"github.com/urfave/cli/v2"
)

func TestRelMessage(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the cases use Unix paths")
	}
	dir := "/src/mod"
	for _, tc := range []struct{ msg, want string }{
		{"open /src/mod/a/loop.go: too many levels of symbolic links", "open a/loop.go: too many levels of symbolic links"},
		{"/src/mod/a/a.go: file changed on disk since it was read", "a/a.go: file changed on disk since it was read"},
		{"/src/mod/a/a.go:3:8: expected ';'", "a/a.go:3:8: expected ';'"},
		{"wrote 1 of 2 files (/src/mod/a.go, /src/mod/b/b.go); not written: /src/mod/c.go: permission denied", "wrote 1 of 2 files (a.go, b/b.go); not written: c.go: permission denied"},
		{"go: inconsistent vendoring in /src/mod:", "go: inconsistent vendoring in .:"},
		{"open /src/other/x.go: no such file", "open ../other/x.go: no such file"},
		// Longer relative than absolute: kept, as relPath keeps it.
		{"/usr/local/go/src/sync/map.go:10: x", "/usr/local/go/src/sync/map.go:10: x"},
		// Not paths: words inside others, URLs.
		{"see https://go.dev/ref/mod and a/src/mod/x", "see https://go.dev/ref/mod and a/src/mod/x"},
		{"two lines /src/mod/a.go\n/src/mod/b.go: x", "two lines a.go\nb.go: x"},
		{`read "/src/mod/a b.go"`, `read "a b.go"`},
	} {
		if got := relMessage(filepath.FromSlash(dir), tc.msg); got != tc.want {
			t.Errorf("relMessage(%q):\ngot  %q\nwant %q", tc.msg, got, tc.want)
		}
	}
}

// TestRelativeTo checks that an error of the write phase, which names
// files by their absolute paths, is printed relative to the -C directory.
func TestRelativeTo(t *testing.T) {
	const other = "package a\n\ntype T struct{ n int }\n"
	dir := writeModule(t, map[string]string{"go.mod": writeGoMod, "a/a.go": copySrc, "a/z.go": other})
	prog, changes := planned(t, dir)
	if err := os.WriteFile(filepath.Join(dir, "a", "z.go"), []byte(other+"// edited\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	app := &cli.App{
		Commands: []*cli.Command{{
			Name:  "fix",
			Flags: []cli.Flag{&cli.StringFlag{Name: "C"}},
			Action: relativeTo(func(c *cli.Context) error {
				return write(c.Context, prog, changes)
			}),
		}},
		ExitErrHandler: func(*cli.Context, error) {},
	}
	err := app.Run([]string{"syncfix", "fix", "-C", dir})
	if !errors.Is(err, safewrite.ErrChanged) {
		t.Fatalf("error %v does not wrap safewrite.ErrChanged", err)
	}
	if got, want := err.Error(), "a/z.go: file changed on disk since it was read"; got != want {
		t.Errorf("error = %q, want %q", got, want)
	}
}

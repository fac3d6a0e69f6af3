package rewrite_test

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/syncfix/syncfix/rewrite"
	"golang.org/x/tools/go/packages"
)

// TestOrderIndependent plans golden cases with their patterns in every
// order, their packages reversed and rotated, and each package's files
// reversed, and checks that the plan (every outcome's text) and the
// edits are the same (DESIGN.md: the plan is made for all loaded
// packages together).
func TestOrderIndependent(t *testing.T) {
	for _, name := range []string{"read_only_chain_across_packages", "two_packages", "external_test_package", "helper_reuse_test_then_nontest", "struct_internal_package"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := filepath.Join(caseDir, name)
			opts, patterns := readOptions(t, dir)
			work := t.TempDir()
			copyTree(t, filepath.Join(dir, "input"), work)
			if len(patterns) == 0 {
				patterns = []string{"./..."}
			}
			want := planText(t, work, opts, patterns, nil)
			orders := map[string][]string{"reversed patterns": reversed(patterns)}
			if len(patterns) == 1 {
				// Name the packages one by one, in both orders.
				pkgs := packagePatterns(t, work, patterns)
				orders["packages"] = pkgs
				orders["packages reversed"] = reversed(pkgs)
			}
			for what, ps := range orders {
				if got := planText(t, work, opts, ps, nil); got != want {
					t.Errorf("%s %q: the plan differs:\n--- %q\n%s\n--- %q\n%s", what, ps, patterns, want, ps, got)
				}
			}
			for what, permute := range map[string]func([]*packages.Package){
				"packages reversed": func(ps []*packages.Package) { slices.Reverse(ps) },
				"packages rotated": func(ps []*packages.Package) {
					if len(ps) > 1 {
						first := ps[0]
						copy(ps, ps[1:])
						ps[len(ps)-1] = first
					}
				},
				"files reversed": func(ps []*packages.Package) {
					for _, p := range ps {
						slices.Reverse(p.Syntax)
						slices.Reverse(p.CompiledGoFiles)
						slices.Reverse(p.GoFiles)
					}
				},
			} {
				if got := planText(t, work, opts, patterns, permute); got != want {
					t.Errorf("%s: the plan differs:\n--- as loaded\n%s\n--- %s\n%s", what, want, what, got)
				}
			}
		})
	}
}

// planText loads the module in dir, lets permute reorder what the loader
// returned, plans, applies, and returns the outcomes and the changes as
// text.
func planText(t *testing.T, dir string, opts rewrite.Options, patterns []string, permute func([]*packages.Package)) string {
	t.Helper()
	prog, errs, err := loadPackages(dir, patterns...)
	if err != nil || len(errs) > 0 {
		t.Fatalf("load %q: %v %v", patterns, err, errs)
	}
	if permute != nil {
		permute(prog.Packages)
	}
	plan := rewrite.Make(prog, opts)
	changes, err := plan.Apply()
	if err != nil {
		t.Fatalf("apply: %v", err)
	}
	var b strings.Builder
	b.WriteString(outcomesText(plan, dir))
	for _, c := range changes {
		fmt.Fprintf(&b, "=== %s\n%s", rel(dir, c.Name), c.New)
	}
	return b.String()
}

// packagePatterns returns the import paths of the packages that
// patterns match, without test variants.
func packagePatterns(t *testing.T, dir string, patterns []string) []string {
	pkgs, err := packages.Load(&packages.Config{Mode: packages.NeedName, Dir: dir}, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, p := range pkgs {
		paths = append(paths, p.PkgPath)
	}
	return paths
}

func reversed(s []string) []string {
	r := slices.Clone(s)
	slices.Reverse(r)
	return r
}

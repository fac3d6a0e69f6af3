package detect_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/syncfix/syncfix/detect"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/packages"
)

// BenchmarkFind measures the finder alone (loading and type checking are
// excluded) over the case packages and over a large synthetic package.
func BenchmarkFind(b *testing.B) {
	b.Run("cases", func(b *testing.B) {
		benchFind(b, loadCases(b, analysistest.TestData(), casePackages...))
	})
	b.Run("synthetic", func(b *testing.B) {
		dir := b.TempDir()
		src := filepath.Join(dir, "src", "synth")
		if err := os.MkdirAll(src, 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(src, "synth.go"), []byte(synthetic(500)), 0o644); err != nil {
			b.Fatal(err)
		}
		benchFind(b, loadCases(b, dir, "synth"))
	})
}

func benchFind(b *testing.B, pkgs []*packages.Package) {
	inputs := make([]*detect.Package, len(pkgs))
	for i, pkg := range pkgs {
		inputs[i] = &detect.Package{Fset: pkg.Fset, Types: pkg.Types, Info: pkg.TypesInfo, Files: pkg.Syntax}
	}
	n := 0
	for _, p := range inputs {
		n += len(detect.Find(p))
	}
	if n == 0 {
		b.Fatal("no findings: the benchmark measures nothing")
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range inputs {
			detect.Find(p)
		}
	}
	b.ReportMetric(float64(n), "findings/op")
}

// synthetic returns a package with n functions, each with a mix of copies
// and of code that copies nothing, as found in a real code base.
func synthetic(n int) string {
	var sb strings.Builder
	sb.WriteString(`package synth

import (
	"fmt"
	"sync"
)

type Cache struct {
	name string
	mu   sync.Mutex
	m    sync.Map
	deep [2]struct{ inner sync.Map }
}

type Registry sync.Map

func (c *Cache) Len() int { return 0 }

func (c Cache) Name() string { return c.name }

type Box[T any] struct{ v T }

func (b Box[T]) Get() T { return b.v }
`)
	for i := range n {
		fmt.Fprintf(&sb, `
func f%[1]d(c *Cache, ch chan Cache, xs []Cache, r *Registry, b *Box[sync.Map]) (out Cache) {
	d := *c
	var e = c.m
	ch <- d
	xs = append(xs, d)
	for _, x := range xs {
		fmt.Println(x.name, len(xs), c.Len())
	}
	_ = Registry(e)
	_ = b.Get()
	f := c.Name
	s := 0
	for i := 0; i < 10; i++ {
		s += i * len(c.name)
	}
	_, _ = f, s
	_ = &Cache{name: "x"}
	out = *c
	return
}
`, i)
	}
	return sb.String()
}

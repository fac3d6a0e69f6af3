package rewrite_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/syncfix/syncfix/rewrite"
)

// The zero-value model of R1 (zeros.go, ifaces.go) is tested over every
// combination of the shapes that hold T by value and the operations that
// make values of them: each generated package copies a T (so R1 applies)
// and then stores into the map of a value made by one operation. After
// the fix the program runs every package; a package whose T was retyped
// must not panic (a nil *sync.Map), and the operations that make no zero
// values must be fixed for every shape whose zero values R1 initializes.

// A zeroShape is a type H that holds T by value, and the selector path
// from an H to T's map.
type zeroShape struct {
	name, decl, access string
	// arrays start with zero elements: R1 never initializes them.
	array bool
}

var zeroShapes = []zeroShape{
	{name: "value", decl: "type H = T", access: ".m"},
	{name: "struct", decl: "type H struct{ t T }", access: ".t.m"},
	{name: "array", decl: "type H = [1]T", access: "[0].m", array: true},
	{name: "embedded", decl: "type H struct{ T }", access: ".m"},
	{name: "generic", decl: "type Box[X any] struct{ x X }\n\ntype H = Box[T]", access: ".x.m"},
}

// A zeroOp makes z, an H, in code; imports and helpers are what it needs.
// safe says it makes no zero value R1 cannot initialize.
type zeroOp struct {
	name, code string
	imports    []string
	helpers    string
	safe       bool
}

var zeroOps = []zeroOp{
	{name: "var", code: "var z H", safe: true},
	{name: "newptr", code: "p := new(H)\n\tz := *p", safe: true},
	{name: "literal", code: "z := H{}", safe: true},
	{name: "make0", code: "s := make([]H, 0, 4)\n\ts = append(s, H{})\n\tz := s[0]", safe: true},
	{name: "within", code: "s := []H{{}, {}}\n\ts = s[:len(s)-1]\n\tz := s[0]", safe: true},
	{name: "rangechan", code: "ch := make(chan H, 1)\n\tch <- H{}\n\tclose(ch)\n\tvar z H\n\tfor v := range ch {\n\t\tz = v\n\t}", safe: true},
	{name: "starnew", code: "z := *new(H)"},
	{name: "make", code: "s := make([]H, 1)\n\tz := s[0]"},
	{name: "reslice", code: "s := make([]H, 0, 2)\n\ts = append(s, H{})\n\ts = s[:cap(s)]\n\tz := s[1]"},
	{name: "reslice3", code: "s := make([]H, 0, 2)\n\ts = append(s, H{})\n\ts = s[0:2:2]\n\tz := s[1]"},
	{name: "resliceVar", code: "s := make([]H, 0, 2)\n\ts = append(s, H{})\n\tn := 2\n\ts = s[:n]\n\tz := s[1]"},
	{name: "slicegap", code: "s := []H{1: {}}\n\tz := s[0]"},
	{name: "clear", code: "s := []H{{}}\n\tclear(s)\n\tz := s[0]"},
	{name: "arraylit", code: "a := [2]H{{}}\n\tz := a[1]"},
	{name: "mapread", code: "m := map[int]H{}\n\tz := m[0]"},
	{name: "mapok", code: "m := map[int]H{}\n\tz, _ := m[0]"},
	{name: "recv", code: "ch := make(chan H)\n\tclose(ch)\n\tz := <-ch"},
	{name: "recvok", code: "ch := make(chan H)\n\tclose(ch)\n\tz, _ := <-ch"},
	{name: "select", code: "ch := make(chan H)\n\tclose(ch)\n\tvar z H\n\tselect {\n\tcase z = <-ch:\n\t}"},
	{name: "assertok", code: "var x any = 1\n\tz, _ := x.(H)"},
	{name: "namedresult", code: "z := func() (r H) { return }()"},
	{name: "genericvar", code: "z := gzero[H]()", helpers: "func gzero[E any]() E {\n\tvar e E\n\treturn e\n}"},
	{name: "genericarray", code: "z := garr[H]()", helpers: "func garr[E any]() E { return [1]E{}[0] }"},
	{name: "genericstruct", code: "z := gfield[H]()", helpers: "func gfield[E any]() E { return struct{ e E }{}.e }"},
	{name: "genericassert", code: "z := gassert[H](nil)", helpers: "func gassert[E any](x any) E {\n\te, _ := x.(E)\n\treturn e\n}"},
	{name: "genericlit", code: "z := gopt[H]().v", helpers: "type Opt[E any] struct{ v E }\n\nfunc gopt[E any]() Opt[E] { return Opt[E]{} }"},
	{name: "genericptr", code: "z := *gbox[H]()", helpers: "type Cell[E any] struct{ v E }\n\nfunc gbox[E any]() *E { return &(&Cell[E]{}).v }"},
	{name: "genericfunclit", code: "z := gres[H]()", helpers: "func gres[E any]() E {\n\tf := func() (e E) { return }\n\treturn f()\n}"},
	{name: "reflectzero", code: "var z H\n\tv := reflect.ValueOf(&z).Elem()\n\tv.Set(reflect.Zero(v.Type()))", imports: []string{"reflect"}},
	{name: "reflectnew", code: "z := reflect.New(reflect.TypeOf((*H)(nil)).Elem()).Elem().Interface().(H)", imports: []string{"reflect"}},
	{name: "jsonslice", code: "var w struct{ S []H }\n\t_ = json.Unmarshal([]byte(`{\"S\":[{}]}`), &w)\n\tz := w.S[0]", imports: []string{"encoding/json"}},
	{name: "jsonmap", code: "var w struct{ M map[string]H }\n\t_ = json.Unmarshal([]byte(`{\"M\":{\"a\":{}}}`), &w)\n\tz := w.M[\"a\"]", imports: []string{"encoding/json"}},
	{name: "jsonptr", code: "var w struct{ P *H }\n\t_ = json.Unmarshal([]byte(`{\"P\":{}}`), &w)\n\tz := *w.P", imports: []string{"encoding/json"}},
	{name: "unsafe", code: "var b [1024]byte\n\tz := *(*H)(unsafe.Pointer(&b))", imports: []string{"unsafe"}},
}

func TestZeroValueModel(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs a program of many packages")
	}
	t.Parallel()
	dir := t.TempDir()
	write := func(name, content string) {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module example.com/zm\n\ngo 1.22\n")
	var names []string
	shapeOf := make(map[string]zeroShape)
	opOf := make(map[string]zeroOp)
	for _, sh := range zeroShapes {
		for _, op := range zeroOps {
			name := "c_" + sh.name + "_" + op.name
			names = append(names, name)
			shapeOf[name], opOf[name] = sh, op
			write(name+"/c.go", zeroPackage(name, sh, op))
		}
	}
	plan := load(t, dir, rewrite.Options{ClosedWorld: true})
	reasons := make(map[string]string)
	for _, o := range plan.Outcomes {
		pkg := filepath.Base(filepath.Dir(o.Posn.Filename))
		if !o.Fixed && reasons[pkg] == "" {
			reasons[pkg] = o.Reason
		}
	}
	changes, err := plan.Apply()
	if err != nil {
		t.Fatalf("apply: %v", err)
	}
	writeChanges(t, changes)
	fixed := make(map[string]bool)
	for _, c := range changes {
		if strings.HasSuffix(c.Name, "c.go") && strings.Contains(string(c.New), "m *sync.Map") {
			fixed[filepath.Base(filepath.Dir(c.Name))] = true
		}
	}
	// The program runs the fixed packages only: the others are as they
	// were, and building them all would double the cost.
	var run []string
	for _, name := range names {
		if fixed[name] {
			run = append(run, name)
		}
	}
	write("main.go", zeroMain(run))
	cmd := exec.Command("go", "run", "-trimpath", ".")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("the fixed program does not run: %v\n%s", err, out)
	}
	ran := make(map[string]string)
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		name, result, _ := strings.Cut(line, " ")
		ran[name] = result
	}
	sort.Strings(names)
	var table strings.Builder
	for _, name := range names {
		sh, op := shapeOf[name], opOf[name]
		decision := "refused: " + reasons[name]
		if fixed[name] {
			decision = "fixed, run: " + ran[name]
		}
		fmt.Fprintf(&table, "%-9s %-15s %s\n", sh.name, op.name, decision)
		switch {
		case fixed[name] && ran[name] != "ok":
			t.Errorf("%s: fixed, and then the program panics: %s", name, ran[name])
		case !fixed[name] && op.safe && !sh.array:
			t.Errorf("%s: %s makes no zero value R1 cannot initialize, but the fix is refused: %s", name, op.name, reasons[name])
		case !fixed[name] && reasons[name] == "":
			t.Errorf("%s: not fixed, and no finding says why", name)
		}
	}
	t.Logf("shape     operation       decision\n%s", table.String())
}

// zeroMain returns a main package that runs the packages and says of
// each whether it panicked.
func zeroMain(names []string) string {
	var b strings.Builder
	b.WriteString("package main\n\nimport (\n\t\"fmt\"\n\n")
	for _, name := range names {
		fmt.Fprintf(&b, "\t%q\n", "example.com/zm/"+name)
	}
	b.WriteString(")\n\n// try runs f and says whether it panicked.\nfunc try(name string, f func()) {\n\tdefer func() {\n\t\tif r := recover(); r != nil {\n\t\t\tfmt.Printf(\"%s panic: %v\\n\", name, r)\n\t\t}\n\t}()\n\tf()\n\tfmt.Printf(\"%s ok\\n\", name)\n}\n\nfunc main() {\n")
	for _, name := range names {
		fmt.Fprintf(&b, "\ttry(%q, %s.Run)\n", name, name)
	}
	b.WriteString("}\n")
	return b.String()
}

// zeroPackage returns the source of the package that applies op to a
// value of shape sh.
func zeroPackage(name string, sh zeroShape, op zeroOp) string {
	var b strings.Builder
	fmt.Fprintf(&b, "// Package %s applies %s to a %s holding T.\npackage %s\n\nimport (\n", name, op.name, sh.name, name)
	for _, imp := range append([]string{"sync"}, op.imports...) {
		fmt.Fprintf(&b, "\t%q\n", imp)
	}
	b.WriteString(")\n\n// T holds a map.\ntype T struct {\n\tn int\n\tm sync.Map\n}\n\n")
	b.WriteString(sh.decl + "\n\n")
	b.WriteString("func init() {\n\ta := T{}\n\tc := a // the copy that R1 fixes\n\tc.n++\n}\n\n")
	if op.helpers != "" {
		b.WriteString(op.helpers + "\n\n")
	}
	fmt.Fprintf(&b, "// Run makes z and stores into its map.\nfunc Run() {\n\t%s\n\tz%s.Store(1, 1)\n}\n", op.code, sh.access)
	return b.String()
}

package rewrite_test

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"maps"
	"slices"
	"strings"
	"testing"
)

// FuzzBehaviour compiles an input program and its fixed version into one
// package main: every package-level name n becomes n_v1 in the input and
// n_v2 in the fixed program. Most of a fixed program is what it was (the
// fix touches main and a few functions), so a declaration that the fix
// left as it was, and that uses only declarations left as they were, is
// compiled once: the fixed program uses the input's n_v1. Package-level
// variables and init functions are never shared, since each program must
// start from its own state.

// A program is one version of package main, type-checked.
type program struct {
	names []string // file names, sorted
	files map[string][]byte
	asts  []*ast.File
	info  *types.Info
	pkg   *types.Package
	// decls are the top-level declarations by key (see declKey), and
	// declOf the key of the declaration of each package-level object.
	decls  map[string]ast.Decl
	fileOf map[ast.Decl]string
	declOf map[types.Object]string
	// methods holds the keys of each type declaration's methods.
	methods map[string][]string
}

func loadProgram(files map[string][]byte) (*program, error) {
	pr := &program{names: slices.Sorted(maps.Keys(files)), files: files, decls: make(map[string]ast.Decl), fileOf: make(map[ast.Decl]string), declOf: make(map[types.Object]string), methods: make(map[string][]string)}
	for _, name := range pr.names {
		f, err := parser.ParseFile(fuzzFset, name, files[name], parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		pr.asts = append(pr.asts, f)
	}
	pr.info = &types.Info{Defs: make(map[*ast.Ident]types.Object), Uses: make(map[*ast.Ident]types.Object), Implicits: make(map[ast.Node]types.Object)}
	conf := types.Config{Importer: fuzzImporter, GoVersion: "go1.22"}
	pkg, err := conf.Check("example.com/fuzz", fuzzFset, pr.asts, pr.info)
	if err != nil {
		return nil, err
	}
	pr.pkg = pkg
	for i, f := range pr.asts {
		for _, d := range f.Decls {
			key := pr.declKey(d)
			if key == "" {
				continue // imports
			}
			if _, dup := pr.decls[key]; dup {
				key += fmt.Sprintf("#%d", d.Pos()) // init, or _: never matched
			}
			pr.decls[key] = d
			pr.fileOf[d] = pr.names[i]
			for _, id := range declaredNames(d) {
				if obj := pr.info.Defs[id]; obj != nil {
					pr.declOf[obj] = key
				}
			}
		}
	}
	for key, d := range pr.decls {
		if recv := pr.recvType(d); recv != nil {
			pr.methods[pr.declOf[recv]] = append(pr.methods[pr.declOf[recv]], key)
		}
	}
	return pr, nil
}

// recvType returns the type whose method d declares, or nil.
func (pr *program) recvType(d ast.Decl) *types.TypeName {
	fd, ok := d.(*ast.FuncDecl)
	if !ok || fd.Recv == nil {
		return nil
	}
	fn, ok := pr.info.Defs[fd.Name].(*types.Func)
	if !ok {
		return nil
	}
	t := fn.Signature().Recv().Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj()
	}
	return nil
}

// declKey names a top-level declaration the same way in both programs:
// T.m for a method, the declared names for the rest, "" for imports.
func (pr *program) declKey(d ast.Decl) string {
	switch d := d.(type) {
	case *ast.FuncDecl:
		if recv := pr.recvType(d); recv != nil {
			return "func " + recv.Name() + "." + d.Name.Name
		}
		return "func " + d.Name.Name
	case *ast.GenDecl:
		if d.Tok == token.IMPORT {
			return ""
		}
		var names []string
		for _, id := range declaredNames(d) {
			names = append(names, id.Name)
		}
		return d.Tok.String() + " " + strings.Join(names, ",")
	}
	return ""
}

func declaredNames(d ast.Decl) []*ast.Ident {
	switch d := d.(type) {
	case *ast.FuncDecl:
		return []*ast.Ident{d.Name}
	case *ast.GenDecl:
		var ids []*ast.Ident
		for _, s := range d.Specs {
			switch s := s.(type) {
			case *ast.TypeSpec:
				ids = append(ids, s.Name)
			case *ast.ValueSpec:
				ids = append(ids, s.Names...)
			}
		}
		return ids
	}
	return nil
}

// topDecl returns the key of the declaration whose suffix obj's name
// takes, or "".
func (pr *program) topDecl(obj types.Object) string {
	if obj == nil || obj.Pkg() != pr.pkg || obj.Name() == "_" {
		return ""
	}
	if v, ok := obj.(*types.Var); ok && v.Embedded() {
		t := v.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		n, ok := types.Unalias(t).(*types.Named)
		if !ok || n.Obj().Pkg() != pr.pkg || n.Obj().Parent() != pr.pkg.Scope() {
			return ""
		}
		return pr.declOf[n.Obj()]
	}
	if obj.Parent() != pr.pkg.Scope() {
		return ""
	}
	return pr.declOf[obj]
}

// deps returns the keys of the declarations that d uses, and for a type,
// its methods (a type is shared only with its method set).
func (pr *program) deps(key string, d ast.Decl) []string {
	var out []string
	ast.Inspect(d, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if k := pr.topDecl(pr.info.Uses[id]); k != "" && k != key {
				out = append(out, k)
			}
		}
		return true
	})
	return append(out, pr.methods[key]...)
}

func (pr *program) text(d ast.Decl) []byte {
	src := pr.files[pr.fileOf[d]]
	return src[fuzzFset.Position(d.Pos()).Offset:fuzzFset.Position(d.End()).Offset]
}

// shareable returns the keys of the fixed program's declarations that
// the input has as they are, with all they use.
func shareable(input, fixed *program) map[string]bool {
	shared := make(map[string]bool)
	for key, d := range fixed.decls {
		in, ok := input.decls[key]
		if !ok || key == "func main" || key == "func init" {
			continue
		}
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.VAR {
			continue // each program has its own variables
		}
		if bytes.Equal(fixed.text(d), input.text(in)) {
			shared[key] = true
		}
	}
	deps := make(map[string][]string)
	for key := range shared {
		deps[key] = fixed.deps(key, fixed.decls[key])
	}
	for changed := true; changed; {
		changed = false
		for key := range shared {
			for _, dep := range deps[key] {
				if !shared[dep] {
					delete(shared, key)
					changed = true
					break
				}
			}
		}
	}
	return shared
}

// mergePrograms returns the files of one package main that holds both
// programs: the input's files as name_v1.go, the fixed program's as
// name_v2.go, without the declarations it shares with the input.
func mergePrograms(inputFiles, fixedFiles map[string][]byte) (map[string][]byte, error) {
	input, err := loadProgram(inputFiles)
	if err != nil {
		return nil, fmt.Errorf("the input: %v", err)
	}
	fixed, err := loadProgram(fixedFiles)
	if err != nil {
		return nil, fmt.Errorf("the fixed program: %v", err)
	}
	shared := shareable(input, fixed)
	out := make(map[string][]byte)
	input.emit(out, "_v1", func(string) string { return "_v1" }, nil)
	fixed.emit(out, "_v2", func(key string) string {
		if shared[key] {
			return "_v1"
		}
		return "_v2"
	}, shared)
	return out, nil
}

// emit writes the program's files into out, as name+suffix.go, with each
// package-level name n written n+suffixOf(its declaration's key), and
// without the declarations in drop.
func (pr *program) emit(out map[string][]byte, suffix string, suffixOf func(key string) string, drop map[string]bool) {
	type span struct{ start, end int }
	dropped := make(map[string][]span)
	for key := range drop {
		d := pr.decls[key]
		name := pr.fileOf[d]
		dropped[name] = append(dropped[name], span{fuzzFset.Position(d.Pos()).Offset, fuzzFset.Position(d.End()).Offset})
	}
	type edit struct {
		off, end int
		text     string
	}
	edits := make(map[string][]edit)
	for name, spans := range dropped {
		for _, sp := range spans {
			edits[name] = append(edits[name], edit{sp.start, sp.end, ""})
		}
	}
	inDrop := func(p token.Position) bool {
		return slices.ContainsFunc(dropped[p.Filename], func(sp span) bool { return sp.start <= p.Offset && p.Offset <= sp.end })
	}
	// An import that only dropped declarations used becomes a blank one.
	used := make(map[types.Object]bool)
	for id, obj := range pr.info.Uses {
		if _, ok := obj.(*types.PkgName); ok && !inDrop(fuzzFset.Position(id.Pos())) {
			used[obj] = true
		}
	}
	for i, f := range pr.asts {
		for _, imp := range f.Imports {
			obj := pr.info.Implicits[imp]
			if imp.Name != nil {
				obj = pr.info.Defs[imp.Name]
			}
			if obj != nil && !used[obj] {
				start := fuzzFset.Position(imp.Pos()).Offset
				edits[pr.names[i]] = append(edits[pr.names[i]], edit{start, fuzzFset.Position(imp.Path.Pos()).Offset, "_ "})
			}
		}
	}
	seen := make(map[*ast.Ident]bool)
	for _, m := range []map[*ast.Ident]types.Object{pr.info.Defs, pr.info.Uses} {
		for id, obj := range m {
			key := pr.topDecl(obj)
			if seen[id] || key == "" {
				continue
			}
			seen[id] = true
			p := fuzzFset.Position(id.End())
			if inDrop(p) {
				continue
			}
			edits[p.Filename] = append(edits[p.Filename], edit{p.Offset, p.Offset, suffixOf(key)})
		}
	}
	for _, name := range pr.names {
		src := pr.files[name]
		es := edits[name]
		slices.SortFunc(es, func(a, b edit) int { return a.off - b.off })
		var b bytes.Buffer
		last := 0
		for _, e := range es {
			b.Write(src[last:e.off])
			b.WriteString(e.text)
			last = e.end
		}
		b.Write(src[last:])
		out[strings.TrimSuffix(name, ".go")+suffix+".go"] = b.Bytes()
	}
}

// TestMergePrograms shows what the fixed program shares with the input:
// the declarations left as they were, with all they use, and never a
// variable.
func TestMergePrograms(t *testing.T) {
	const input = `package main

import "sync"

type T struct{ m sync.Map }

func (t *T) put(k string) { t.m.Store(k, 1) }

type U struct{ n int }

func (u U) get() int { return u.n }

var count int

func helper(u U) int { return u.get() }

func counted() int { count++; return count }

func size(m *sync.Map) int {
	n := 0
	m.Range(func(_, _ any) bool { n++; return true })
	return n
}

func main() {
	var t T
	t.put("a")
	c := t.m
	println(size(&c), helper(U{1}), counted())
}
`
	fixed := strings.Replace(input, "c := t.m\n\tprintln(size(&c)", "c := &t.m\n\tprintln(size(c)", 1)
	merged, err := mergePrograms(map[string][]byte{"main.go": []byte(input)}, map[string][]byte{"main.go": []byte(fixed)})
	if err != nil {
		t.Fatal(err)
	}
	v2 := string(merged["main_v2.go"])
	for _, kept := range []string{"var count_v2 int", "func counted_v2()", "func main_v2()", "println(size_v1(c), helper_v1(U_v1{1}), counted_v2())"} {
		if !strings.Contains(v2, kept) {
			t.Errorf("the fixed program lacks %q:\n%s", kept, v2)
		}
	}
	for _, shared := range []string{"func helper", "func size", "type U", "func (u U", "type T", "func (t *T"} {
		if strings.Contains(v2, shared) {
			t.Errorf("the fixed program declares %q again:\n%s", shared, v2)
		}
	}
	if testing.Short() {
		return
	}
	before, after, err := newToolchain(t).runBoth(t, map[string][]byte{"main.go": []byte(input)}, map[string][]byte{"main.go": []byte(fixed)})
	if err != nil {
		t.Fatal(err)
	}
	if want := "1 1 1\n"; before != want || after != want {
		t.Errorf("printed %q and %q, want %q twice (each program counts from 0)", before, after, want)
	}
}

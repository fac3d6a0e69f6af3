package rewrite_test

import (
	"bytes"
	"fmt"
	"go/format"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/syncfix/syncfix/rewrite"
)

// FuzzCompose rewrites programs composed from the copy forms of the
// design: the fuzz input is a stream of choices from which compose builds
// one package main that type-checks by construction (struct types with
// sync.Map fields of every shape, functions and methods that pass and
// return them, and statements that copy them in every way the detector
// knows, with comments between their tokens), and the --copies policy.
// The rewrite must satisfy checkRewrite, and keep every comment exactly
// once. A composed program that does not type-check is a composer bug.
//
// An input costs about ten milliseconds (in process: see checkInProcess
// and its importer); TestMain bounds the minimization of each new
// interesting input by count:
//
//	go test ./rewrite -run '^$' -fuzz '^FuzzCompose$' -fuzztime 10m
func FuzzCompose(f *testing.F) {
	for _, seed := range composeSeeds() {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, choices []byte) {
		src, opts, err := compose(choices)
		if err != nil {
			t.Fatalf("the composer made a program that does not parse: %v\n%s", err, src)
		}
		dir := t.TempDir()
		t.Cleanup(func() {
			if t.Failed() {
				out, _ := os.ReadFile(filepath.Join(dir, "main.go"))
				t.Logf("input (--copies=%s):\n%s\noutput:\n%s", opts.Copies, src, out)
			}
		})
		if err := checkRewrite(t, dir, src, opts); err != nil {
			t.Fatalf("the composer made a program that does not type-check: %v", err)
		}
		// Every comment the composer writes is unique (it has a label,
		// [n]): it must be kept, and not copied either. gofmt may add
		// others, such as the // line it puts before a directive.
		out, err := os.ReadFile(filepath.Join(dir, "main.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range comments(t, "main.go", src) {
			if !commentLabel.MatchString(c) {
				continue
			}
			if n := bytes.Count(out, []byte(c)); n > 1 {
				t.Errorf("comment %s appears %d times in the output", c, n)
			}
		}
	})
}

// commentLabel matches the label of a comment the composer wrote.
var commentLabel = regexp.MustCompile(`\[\d+\]`)

// composeSeeds returns the seed corpus: the smallest program, and
// pseudo-random streams of several lengths under each policy, with
// comments sparse to dense, formatted or not. Together they reach every
// building block of the composer.
func composeSeeds() [][]byte {
	seeds := [][]byte{{}}
	for _, s := range []struct {
		n            int
		k            uint64
		policy, mode byte
	}{
		{48, 1, 0, 3}, {96, 1, 1, 7}, {192, 2, 2, 2}, {384, 3, 0, 5}, {768, 1, 1, 3}, {1536, 2, 2, 6},
	} {
		r := rand.New(rand.NewPCG(s.k, uint64(s.n)))
		seed := make([]byte, s.n)
		for j := range seed {
			seed[j] = byte(r.Uint32())
		}
		seed[0], seed[1] = s.policy, s.mode
		seeds = append(seeds, seed)
	}
	return seeds
}

// A chooser hands out the choices of a fuzz input, one byte each; once
// the input is used up every choice is 0, the simplest.
type chooser struct {
	data []byte
	pos  int
}

func (c *chooser) done() bool { return c.pos >= len(c.data) }

// intn returns a choice in [0, n).
func (c *chooser) intn(n int) int {
	if n <= 1 || c.done() {
		return 0
	}
	b := int(c.data[c.pos])
	c.pos++
	return b % n
}

// The kinds of types the composer knows.
type tkind int

const (
	tMap    tkind = iota // sync.Map
	tReg                 // Registry, a defined type over sync.Map
	tStruct              // a struct type T<i>
	tAnon                // an anonymous struct type, as a field's type
	tPtr                 // *elem
	tArray               // [2]elem
	tSlice               // []elem
	tString              // string
	tOther               // anything else, used by _ = x only: text
)

type ctype struct {
	kind tkind
	st   *cstruct // tStruct, tAnon
	elem *ctype   // tPtr, tArray, tSlice
	text string   // tOther
}

var (
	mapType    = &ctype{kind: tMap}
	regType    = &ctype{kind: tReg}
	stringType = &ctype{kind: tString}
)

func ptrTo(t *ctype) *ctype   { return &ctype{kind: tPtr, elem: t} }
func sliceOf(t *ctype) *ctype { return &ctype{kind: tSlice, elem: t} }
func other(s string) *ctype   { return &ctype{kind: tOther, text: s} }

func (t *ctype) String() string {
	switch t.kind {
	case tMap:
		return "sync.Map"
	case tReg:
		return "Registry"
	case tStruct:
		return t.st.name
	case tAnon:
		var b strings.Builder
		b.WriteString("struct{ ")
		for i, f := range t.st.fields {
			if i > 0 {
				b.WriteString("; ")
			}
			b.WriteString(f.name + " " + f.typ.String())
		}
		b.WriteString(" }")
		return b.String()
	case tPtr:
		return "*" + t.elem.String()
	case tArray:
		return "[2]" + t.elem.String()
	case tSlice:
		return "[]" + t.elem.String()
	case tString:
		return "string"
	}
	return t.text
}

func same(a, b *ctype) bool {
	if a.kind != b.kind {
		return false
	}
	switch a.kind {
	case tStruct, tAnon:
		return a.st == b.st
	case tPtr, tArray, tSlice:
		return same(a.elem, b.elem)
	case tOther:
		return a.text == b.text
	}
	return true
}

// holdsMap reports whether a value of t holds a sync.Map, so that
// copying it is a finding.
func (t *ctype) holdsMap() bool {
	switch t.kind {
	case tMap, tReg:
		return true
	case tStruct, tAnon:
		for _, f := range t.st.fields {
			if f.typ.holdsMap() {
				return true
			}
		}
	case tArray:
		return t.elem.holdsMap()
	}
	return false
}

// A cstruct is a struct type: named T<i>, or the anonymous type of a
// field.
type cstruct struct {
	name   string
	fields []cfield // one per name, in order
	// valueM and ptrM are the names of its methods with a value and a
	// pointer receiver, all without parameters; valueM return a string.
	valueM, ptrM []string
}

type cfield struct {
	name string // for an embedded field, the name of its type
	typ  *ctype
}

type cvar struct {
	name string
	typ  *ctype
	used bool
	// nonNil says that a pointer variable was set to a new value or an
	// address, so that a program that runs may dereference it.
	nonNil bool
}

// A cfunc is a function or method the statements may call.
type cfunc struct {
	name    string
	recv    *ctype // T or *T, for methods
	params  []*ctype
	results []*ctype
	ok      bool // its first parameter is ok bool
}

// A blk is a block being composed: the variables in scope, and those it
// declares, which get a use at its end unless used already.
type blk struct {
	env   []*cvar
	decl  []*cvar
	depth int
	// helperName says that the block declares cloneSyncMap.
	helperName bool
	// noNew says that new is shadowed in the block.
	noNew bool
}

func (b *blk) add(v *cvar) {
	b.env = append(b.env, v)
	b.decl = append(b.decl, v)
}

func (b *blk) child() *blk {
	return &blk{env: slices.Clip(b.env), depth: b.depth + 1, noNew: b.noNew}
}

// A cpath is an addressable expression: a variable, then fields and
// indexes; deref is *path, of a pointer path.
type cpath struct {
	root  *cvar
	segs  []string
	deref bool
	typ   *ctype
}

type composer struct {
	c       *chooser
	rnd     *rand.Rand // where comments go: it costs no choices
	density int        // comments: 0 none to 3 dense
	buf     bytes.Buffer
	names   int
	ncomm   int
	structs []*cstruct
	globals []*cvar
	funcs   []*cfunc
	lib     map[string]bool
	regSize bool // Registry has a value method size
	budget  int  // statements left
	fmtUsed bool
	// run says that the program is composed to be run (FuzzBehaviour):
	// see composeRun.
	run bool
	// nexpr counts the paths rendered as operands: a variable whose
	// initializer rendered none holds no copy.
	nexpr int
}

// compose builds one package main from the choices in data, and the
// options to plan it with. The result is gofmt-formatted unless the
// choices say otherwise; err is set if it does not parse (a composer bug).
func compose(data []byte) ([]byte, rewrite.Options, error) {
	return composeMode(data, false)
}

// composeRun builds a program from data, as compose does, to be run
// before and after the fix (FuzzBehaviour). Its output is what it stored
// in its maps: where the design lets the fix change what a program does,
// a program composed to run does not go.
//   - Maps are written only when they are made: a statement declares a
//     variable from a value that copies nothing, and stores entries in its
//     maps. Afterwards all maps are only read, copied and reset by
//     assignment. So whether a copy aliases its source (an initialized
//     sync.Map, Go 1.24 and later), is independent (a zero one), is a
//     clone or is shared (R1, R2, moves, --copies=share), its entries are
//     the same. Writes through copies (fill, pointer receivers, Store on
//     any path, resets of live maps) are not composed.
//   - It prints the sorted entries of maps (dump) with println, at uses
//     and at the ends of blocks, never a sync.Map by reflection (%v prints
//     its internals, and the fix changes %T): fmt calls become calls of a
//     local sink(...any), so that the program imports sync only, which
//     makes it cheaper to compile and link.
//   - It does not fail on its own: no nil pointer is dereferenced (a
//     pointer is composed non-nil, and only pointer variables known to be
//     non-nil are dereferenced), receives follow a send, and a go
//     statement is waited for, which also keeps the output in order.
func composeRun(data []byte) ([]byte, rewrite.Options, error) {
	return composeMode(data, true)
}

func composeMode(data []byte, run bool) ([]byte, rewrite.Options, error) {
	g := &composer{c: &chooser{data: data}, lib: make(map[string]bool), budget: 60, run: run}
	opts := rewrite.Options{Copies: rewrite.Policy(g.c.intn(3))}
	mode := g.c.intn(8)
	g.density = mode % 4
	g.rnd = rand.New(rand.NewPCG(uint64(g.c.intn(256)), uint64(mode)))
	g.file()
	if mode >= 4 {
		return g.buf.Bytes(), opts, nil // as composed, not formatted
	}
	src, err := format.Source(g.buf.Bytes())
	if err != nil {
		return g.buf.Bytes(), opts, err
	}
	return src, opts, nil
}

func (g *composer) printf(format string, args ...any) { fmt.Fprintf(&g.buf, format, args...) }

func (g *composer) name(prefix string) string {
	g.names++
	return fmt.Sprintf("%s%d", prefix, g.names)
}

func (g *composer) comment() bool {
	return g.density > 0 && g.rnd.IntN(8) < 1<<(g.density-1)
}

// bc is a block comment, or nothing: it goes between tokens.
func (g *composer) bc() string {
	if !g.comment() {
		return ""
	}
	g.ncomm++
	return fmt.Sprintf(" /* b[%d] */ ", g.ncomm)
}

// lc is a line comment, or nothing: it goes at the end of a line.
func (g *composer) lc() string {
	if !g.comment() {
		return ""
	}
	g.ncomm++
	if g.rnd.IntN(16) == 0 {
		return fmt.Sprintf(" //syncfix:ignore fuzz[%d]", g.ncomm)
	}
	return fmt.Sprintf(" // c[%d]", g.ncomm)
}

// doc is a comment on lines of its own, or nothing.
func (g *composer) doc() {
	if g.comment() {
		g.ncomm++
		g.printf("// c[%d]\n", g.ncomm)
	}
}

func (g *composer) file() {
	if g.run {
		g.printf("// Command composed is made by FuzzBehaviour.%s\npackage main\n\nimport (%s\n\t\"sync\"\n)\n\n", g.lc(), g.lc())
		g.printf("%s\n", runHelpers)
	} else {
		g.printf("// Command composed is made by FuzzCompose.%s\npackage main\n\nimport (\n\t\"fmt\"%s\n\t\"sync\"\n)\n\n", g.lc(), g.lc())
	}
	g.doc()
	g.printf("type Registry sync.Map%s\n\n", g.lc())
	g.printf("func (r *Registry) add(k string) { (*sync.Map)(r).Store(k, true) }\n\n")
	g.printf("type box[T any] struct{ v T }\n\n")
	if g.c.intn(4) == 1 {
		g.regSize = true
		g.printf("func (r Registry) size() int { return 0 }\n\n")
	}
	for i := range 1 + g.c.intn(3) {
		g.structDecl(i)
	}
	g.globalDecls()
	g.library()
	for range g.c.intn(4) {
		g.funcDecl()
	}
	g.printf("func main() {%s\n", g.lc())
	b := &blk{env: slices.Clip(g.globals)}
	for !g.c.done() && g.budget > 0 {
		g.stmt(b)
	}
	g.uses(b)
	if !g.fmtUsed && !g.run {
		g.printf("\tfmt.Println()\n")
	}
	g.printf("}\n")
}

// runHelpers are the functions of a program composed to run: dump prints
// the entries of a map sorted by key, and sink stands for fmt's printing
// functions.
const runHelpers = `// dump prints the entries of m, sorted by key.
func dump(name string, m *sync.Map) {
	var keys []string
	vals := map[string]any{}
	m.Range(func(k, v any) bool {
		keys = append(keys, k.(string))
		vals[k.(string)] = v
		return true
	})
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	print(name, ":")
	for _, k := range keys {
		print(" ", k, "=")
		switch v := vals[k].(type) {
		case int:
			print(v)
		case bool:
			print(v)
		default:
			print("?")
		}
	}
	println()
}

// sink takes what the program would print with fmt.
func sink(xs ...any) string { return "" }
`

func (g *composer) field() string { return g.name("f") }

func (g *composer) structDecl(i int) {
	s := &cstruct{name: fmt.Sprintf("T%d", i)}
	g.structs = append(g.structs, s)
	t := &ctype{kind: tStruct, st: s}
	g.doc()
	g.printf("type %s struct {%s\n", s.name, g.lc())
	embedded := make(map[string]bool)
	for range 1 + g.c.intn(4) {
		g.doc()
		switch form := g.c.intn(12); {
		case form == 1: // several names in one field
			a, b := g.field(), g.field()
			s.fields = append(s.fields, cfield{a, mapType}, cfield{b, mapType})
			g.printf("\t%s,%s %s sync.Map", a, g.bc(), b)
		case form == 2 && !embedded["Map"]:
			embedded["Map"] = true
			s.fields = append(s.fields, cfield{"Map", mapType})
			g.printf("\tsync.Map")
		case form == 3:
			f := g.field()
			s.fields = append(s.fields, cfield{f, stringType})
			g.printf("\t%s string", f)
		case form == 4:
			f := g.field()
			s.fields = append(s.fields, cfield{f, ptrTo(mapType)})
			g.printf("\t%s *sync.Map", f)
		case form == 5:
			f := g.field()
			s.fields = append(s.fields, cfield{f, regType})
			g.printf("\t%s Registry", f)
		case form == 6 && i > 0: // a nested struct
			f, u := g.field(), g.structs[g.c.intn(i)]
			s.fields = append(s.fields, cfield{f, &ctype{kind: tStruct, st: u}})
			g.printf("\t%s%s %s", f, g.bc(), u.name)
		case form == 7 && i > 0: // an embedded struct, or pointer to one
			u := g.structs[g.c.intn(i)]
			if embedded[u.name] {
				break
			}
			embedded[u.name] = true
			if g.c.intn(3) == 0 {
				s.fields = append(s.fields, cfield{u.name, ptrTo(&ctype{kind: tStruct, st: u})})
				g.printf("\t*%s", u.name)
			} else {
				s.fields = append(s.fields, cfield{u.name, &ctype{kind: tStruct, st: u}})
				g.printf("\t%s", u.name)
			}
		case form == 8:
			f, u := g.field(), g.structs[g.c.intn(i+1)]
			s.fields = append(s.fields, cfield{f, ptrTo(&ctype{kind: tStruct, st: u})})
			g.printf("\t%s *%s", f, u.name)
		case form == 9: // a field of an anonymous struct type
			a := &cstruct{fields: []cfield{{g.field(), mapType}}}
			if g.c.intn(2) == 0 {
				a.fields = append(a.fields, cfield{g.field(), stringType})
			}
			f := g.field()
			at := &ctype{kind: tAnon, st: a}
			s.fields = append(s.fields, cfield{f, at})
			g.printf("\t%s %s", f, at)
		case form == 10:
			f := g.field()
			s.fields = append(s.fields, cfield{f, &ctype{kind: tArray, elem: mapType}})
			g.printf("\t%s [2]sync.Map", f)
		default: // a named field
			f := g.field()
			s.fields = append(s.fields, cfield{f, mapType})
			g.printf("\t%s%s sync.Map", f, g.bc())
		}
		g.printf("%s\n", g.lc())
	}
	g.printf("}\n\n")
	if g.c.intn(3) == 1 {
		m := g.name("m")
		s.valueM = append(s.valueM, m)
		g.doc()
		g.printf("func (r %s%s) %s() string {%s\n", g.bc(), s.name, m, g.lc())
		b := &blk{env: []*cvar{{name: "r", typ: t, used: true}}, depth: 2}
		if p, ok := g.pick(b, func(t *ctype) bool { return t.kind == tMap }); ok {
			g.printf("\t%s.Load(\"k\")\n", g.sel(p))
		}
		g.printf("\treturn \"\"\n}\n\n")
	}
	if g.c.intn(3) == 1 {
		m := g.name("m")
		s.ptrM = append(s.ptrM, m)
		g.doc()
		g.printf("func (r *%s) %s() {%s\n", s.name, m, g.lc())
		b := &blk{env: []*cvar{{name: "r", typ: ptrTo(t), used: true}}, depth: 2}
		if p, ok := g.pick(b, func(t *ctype) bool { return t.kind == tMap }); ok {
			if g.run {
				g.printf("\t%s.Load(\"k\")\n", g.sel(p))
			} else {
				g.printf("\t%s.Store(\"k\", 1)\n", g.sel(p))
			}
		}
		g.printf("}\n\n")
	}
}

// someType returns a type that holds a sync.Map.
func (g *composer) someType() *ctype {
	switch g.c.intn(6) {
	case 1:
		return regType
	case 2, 3:
		return &ctype{kind: tStruct, st: g.structs[g.c.intn(len(g.structs))]}
	case 4:
		switch g.c.intn(3) {
		case 0:
			return &ctype{kind: tArray, elem: mapType}
		case 1:
			return &ctype{kind: tArray, elem: &ctype{kind: tStruct, st: g.structs[g.c.intn(len(g.structs))]}}
		}
	}
	return mapType
}

// paramType returns a type for a parameter or result.
func (g *composer) paramType() *ctype {
	switch g.c.intn(8) {
	case 5:
		return ptrTo(&ctype{kind: tStruct, st: g.structs[g.c.intn(len(g.structs))]})
	case 6:
		return ptrTo(mapType)
	case 7:
		return stringType
	}
	return g.someType()
}

func (g *composer) globalDecls() {
	b := &blk{}
	for range g.c.intn(5) {
		v := &cvar{name: g.name("g"), used: true}
		g.doc()
		switch g.c.intn(8) {
		case 1:
			v.typ = &ctype{kind: tStruct, st: g.structs[g.c.intn(len(g.structs))]}
			g.printf("var %s %s", v.name, v.typ)
		case 2:
			e, t := g.src(b)
			v.typ = t
			g.printf("var %s = %s", v.name, e)
		case 3:
			v.typ = regType
			g.printf("var %s Registry", v.name)
		case 4:
			s := g.structs[g.c.intn(len(g.structs))]
			v.typ = &ctype{kind: tStruct, st: s}
			g.printf("var %s = %s", v.name, g.lit(b, s, false, 0))
		case 5:
			s := g.structs[g.c.intn(len(g.structs))]
			v.typ = ptrTo(&ctype{kind: tStruct, st: s})
			v.nonNil = true
			g.printf("var %s = new(%s)", v.name, s.name)
		case 6:
			w := &cvar{name: g.name("g"), typ: mapType, used: true}
			v.typ = mapType
			g.printf("var %s, %s sync.Map", v.name, w.name)
			b.add(w)
			g.globals = append(g.globals, w)
		case 7:
			if g.c.intn(4) == 0 && !b.helperName {
				b.helperName = true
				g.printf("var cloneSyncMap = \"taken\"%s\n", g.lc())
				continue
			}
			fallthrough
		default:
			v.typ = mapType
			g.printf("var %s sync.Map", v.name)
		}
		g.printf("%s\n\n", g.lc())
		b.add(v)
		g.globals = append(g.globals, v)
	}
}

// library declares some of a fixed set of functions: lookup only reads
// its sync.Map, fill writes to it, ignore does not name it, show takes
// ...any, many takes ...sync.Map, ident and zero are generic.
func (g *composer) library() {
	mask := g.c.intn(128)
	if mask&1 != 0 {
		g.lib["lookup"] = true
		g.printf("func lookup(%s m sync.Map%s) int {%s\n\tn := 0\n\tm.Range(func(k, v any) bool {\n\t\tn++\n\t\treturn true\n\t})\n\tm.Load(\"k\")\n\treturn n\n}\n\n", g.bc(), g.bc(), g.lc())
	}
	if mask&2 != 0 && !g.run { // it writes to a copy
		g.lib["fill"] = true
		g.printf("func fill(m sync.Map) {\n\tm.Store(\"k\", 1)%s\n}\n\n", g.lc())
	}
	if mask&4 != 0 {
		g.lib["ignore"] = true
		g.printf("func ignore(sync.Map, string) {}\n\n")
	}
	if mask&8 != 0 {
		g.lib["show"] = true
		if g.run {
			g.printf("func show(xs ...any) { sink(xs...) }\n\n")
		} else {
			g.fmtUsed = true
			g.printf("func show(xs ...any) { fmt.Println(xs...) }\n\n")
		}
	}
	if mask&16 != 0 {
		g.lib["ident"] = true
		g.printf("func ident[T any](v T) T { return v }\n\n")
	}
	if mask&64 != 0 {
		g.lib["many"] = true
		g.printf("func many(ms ...sync.Map) int { return len(ms) }\n\n")
	}
	if mask&32 != 0 {
		g.lib["zero"] = true
		g.printf("func zero[T any]() T {\n\tvar z T\n\treturn z\n}\n\n")
	}
}

// funcDecl declares a function or method with parameters and results of
// the composer's types, and a body of statements.
func (g *composer) funcDecl() {
	f := &cfunc{name: g.name("fn")}
	b := &blk{env: slices.Clip(g.globals), depth: 1}
	g.doc()
	g.printf("func ")
	if k := g.c.intn(4); k == 1 || k == 2 {
		s := g.structs[g.c.intn(len(g.structs))]
		f.recv = &ctype{kind: tStruct, st: s}
		if k == 2 {
			f.recv = ptrTo(f.recv)
		}
		r := &cvar{name: g.name("r"), typ: f.recv, used: true}
		b.add(r)
		g.printf("(%s %s) ", r.name, f.recv)
	}
	g.printf("%s(", f.name)
	res := g.c.intn(5)
	if res == 2 {
		f.ok = true
		g.printf("ok bool, ")
	}
	for range g.c.intn(4) {
		p := &cvar{name: g.name("p"), typ: g.paramType(), used: true}
		f.params = append(f.params, p.typ)
		b.add(p)
		g.printf("%s%s %s%s, ", g.bc(), p.name, p.typ, g.bc())
	}
	g.printf(")")
	var named *cvar
	switch res {
	case 1:
		f.results = []*ctype{g.someType()}
		g.printf(" %s", f.results[0])
	case 2:
		f.results = []*ctype{g.someType()}
		named = &cvar{name: g.name("res"), typ: f.results[0], used: true}
		b.add(named)
		g.printf(" (%s %s)", named.name, f.results[0])
	case 3:
		f.results = []*ctype{g.someType(), g.paramType()}
		g.printf(" (%s, %s)", f.results[0], f.results[1])
	}
	g.printf(" {%s\n", g.lc())
	if named != nil {
		g.printf("\tif !ok {\n\t\treturn%s\n\t}\n", g.lc())
	}
	for range 1 + g.c.intn(5) {
		if g.budget <= 0 {
			break
		}
		g.stmt(b)
	}
	g.uses(b)
	switch res {
	case 1:
		g.printf("\treturn %s%s\n", g.value(b, f.results[0]), g.lc())
	case 2:
		g.printf("\treturn%s\n", g.lc())
	case 3:
		r0 := g.value(b, f.results[0])
		g.printf("\treturn %s,%s %s%s\n", r0, g.bc(), g.value(b, f.results[1]), g.lc())
	}
	g.printf("}\n\n")
	g.funcs = append(g.funcs, f)
	if f.recv != nil && g.c.intn(3) == 0 {
		// an interface the method satisfies
		var sig []string
		if f.ok {
			sig = append(sig, "bool")
		}
		for _, t := range f.params {
			sig = append(sig, t.String())
		}
		var res []string
		for _, t := range f.results {
			res = append(res, t.String())
		}
		i := "I" + f.name
		g.printf("type %s interface{ %s(%s) (%s) }\n\n", i, f.name, strings.Join(sig, ", "), strings.Join(res, ", "))
		if f.recv.kind == tPtr {
			g.printf("var _ %s = (*%s)(nil)\n\n", i, f.recv.elem)
		} else {
			g.printf("var _ %s = %s{}\n\n", i, f.recv)
		}
	}
}

// uses gives every variable b declared and did not use a use.
func (g *composer) uses(b *blk) {
	for _, v := range b.decl {
		switch {
		case !v.used:
			g.line(g.use(v))
		case g.run && v.typ.holdsMap() && g.c.intn(3) == 0:
			if ds := g.dumps(v); len(ds) > 0 {
				g.line(strings.Join(ds, "\n\t"))
			}
		}
	}
}

// made writes a variable made from a value that copies nothing, and
// populates it: in a program composed to run, maps are written only so.
func (g *composer) made(b *blk) {
	t := g.someType()
	var v *cvar
	if g.c.intn(2) == 0 {
		v = g.newVar(b, t)
		g.line("var " + v.name + " " + t.String())
	} else {
		n := g.nexpr
		e := g.fresh(b, t, 1)
		v = g.newVar(b, t)
		g.line(v.name + " := " + e)
		if g.nexpr != n {
			return // it copies a map
		}
	}
	g.populate(v)
}

// populate stores entries in some of the maps of v, a variable that was
// just set to a value that copies no map, in a program composed to run;
// some maps are reset first.
func (g *composer) populate(v *cvar) {
	if !g.run {
		return
	}
	for _, p := range g.pathsOf([]*cvar{v}) {
		if p.typ.kind != tMap && p.typ.kind != tReg || g.c.intn(3) == 0 {
			continue
		}
		if g.c.intn(4) == 0 {
			g.line(g.dest(p) + " = " + p.typ.String() + "{}")
		}
		for range 1 + g.c.intn(2) {
			k := g.name("k")
			if p.typ.kind == tReg {
				g.line(g.sel(p) + ".add(\"" + k + "\")")
			} else {
				g.line(g.sel(p) + ".Store(\"" + k + "\", " + k[1:] + ")")
			}
		}
	}
}

// dumps returns statements that print the maps of v.
func (g *composer) dumps(v *cvar) []string {
	var out []string
	for _, p := range g.pathsOf([]*cvar{v}) {
		label := p.root.name + strings.Join(p.segs, "")
		if p.deref {
			label = "*" + label
		}
		switch p.typ.kind {
		case tMap:
			out = append(out, "dump(\""+label+"\", &"+g.expr(p)+")")
		case tReg:
			out = append(out, "dump(\""+label+"\", (*sync.Map)(&"+g.expr(p)+"))")
		}
	}
	return out
}

// use is a statement that uses v.
func (g *composer) use(v *cvar) string {
	v.used = true
	if g.run && v.typ.holdsMap() {
		if ds := g.dumps(v); len(ds) > 0 {
			return strings.Join(ds, "\n\t")
		}
	}
	switch g.c.intn(3) {
	case 1:
		switch v.typ.kind {
		case tMap:
			return v.name + ".Load(\"k\")"
		case tReg:
			return v.name + ".add(\"k\")"
		case tPtr, tOther, tString:
			return "_ = " + v.name
		case tSlice:
			return "_ = len(" + v.name + ")"
		}
	case 2:
		if v.typ.kind == tMap {
			return v.name + ".Range(func(any, any) bool { return true })"
		}
	}
	if v.typ.kind == tOther {
		return "_ = " + v.name
	}
	return "_ = &" + g.bc() + v.name
}

func (g *composer) line(s string) {
	g.doc()
	g.printf("\t%s%s\n", s, g.lc())
}

// paths returns the addressable expressions of b's variables: the
// variables, their fields and elements, and what their pointers point to.
func (g *composer) paths(b *blk) []cpath { return g.pathsOf(b.env) }

// pathsOf returns the paths of vars. In a program composed to run, it
// goes through no pointer but a variable known to be non-nil.
func (g *composer) pathsOf(vars []*cvar) []cpath {
	var out []cpath
	var expand func(p cpath, depth int)
	expand = func(p cpath, depth int) {
		if g.run && p.typ.kind == tPtr && (depth > 0 || !p.root.nonNil) {
			return
		}
		out = append(out, p)
		if depth >= 3 || p.deref {
			return
		}
		t := p.typ
		switch t.kind {
		case tPtr:
			out = append(out, cpath{root: p.root, segs: p.segs, deref: true, typ: t.elem})
			if t.elem.kind != tStruct {
				return
			}
			t = t.elem
		case tArray, tSlice:
			expand(cpath{root: p.root, segs: append(slices.Clip(p.segs), "[0]"), typ: t.elem}, depth+1)
			return
		}
		if t.kind == tStruct || t.kind == tAnon {
			for _, f := range t.st.fields {
				expand(cpath{root: p.root, segs: append(slices.Clip(p.segs), "."+f.name), typ: f.typ}, depth+1)
			}
		}
	}
	for _, v := range vars {
		expand(cpath{root: v, typ: v.typ}, 0)
	}
	return out
}

// pick chooses a path whose type satisfies ok.
func (g *composer) pick(b *blk, ok func(*ctype) bool) (cpath, bool) {
	var ps []cpath
	for _, p := range g.paths(b) {
		if ok(p.typ) {
			ps = append(ps, p)
		}
	}
	if len(ps) == 0 {
		return cpath{}, false
	}
	return ps[g.c.intn(len(ps))], true
}

// expr renders p as an operand and counts it as a use of its variable.
func (g *composer) expr(p cpath) string {
	p.root.used = true
	g.nexpr++
	return g.dest(p)
}

// dest renders p, as the left side of an assignment: no use.
func (g *composer) dest(p cpath) string {
	s := p.root.name
	for _, seg := range p.segs {
		if seg[0] == '.' {
			s += g.bc()
		}
		s += seg
	}
	if p.deref {
		s = "*" + g.bc() + s
	}
	return s
}

// sel renders p as the operand of a selector.
func (g *composer) sel(p cpath) string {
	if p.deref {
		return "(" + g.expr(p) + ")"
	}
	return g.expr(p)
}

// src returns an expression whose value holds a sync.Map, and its type:
// mostly one of the paths in scope (a copy), else a fresh value.
func (g *composer) src(b *blk) (string, *ctype) {
	if p, ok := g.pick(b, (*ctype).holdsMap); ok && g.c.intn(5) != 0 {
		return g.bc() + g.expr(p) + g.bc(), p.typ
	}
	t := g.someType()
	return g.fresh(b, t, 0), t
}

// value returns an expression of type t: a path in scope, its address,
// or a fresh value.
func (g *composer) value(b *blk, t *ctype) string {
	if p, ok := g.pick(b, func(u *ctype) bool { return same(u, t) }); ok && g.c.intn(3) != 0 {
		return g.bc() + g.expr(p)
	}
	if t.kind == tPtr && g.c.intn(2) == 0 {
		if p, ok := g.pick(b, func(u *ctype) bool { return same(u, t.elem) }); ok {
			return "&" + g.bc() + g.expr(p)
		}
	}
	return g.fresh(b, t, 0)
}

// fresh returns a new value of type t: a composite literal, new, nil.
func (g *composer) fresh(b *blk, t *ctype, depth int) string {
	switch t.kind {
	case tStruct:
		return g.lit(b, t.st, false, depth)
	case tPtr:
		switch k := g.c.intn(3); {
		case (depth > 1 || k == 0) && !g.run:
			return "nil"
		case k == 1 && !b.noNew:
			return "new(" + t.elem.String() + ")"
		}
		if t.elem.kind == tStruct {
			return "&" + g.lit(b, t.elem.st, false, depth+1)
		}
		return "&" + t.elem.String() + "{}"
	case tString:
		return `"s"`
	case tOther, tSlice:
		return "nil"
	}
	return t.String() + "{}"
}

// lit returns a composite literal of s: empty, keyed, unkeyed, on one
// line or several; without its type if elided.
func (g *composer) lit(b *blk, s *cstruct, elided bool, depth int) string {
	typ := s.name
	if elided {
		typ = ""
	}
	var elts []string
	switch k := g.c.intn(4); {
	case depth > 2 || k == 0:
	case k == 1: // unkeyed
		for _, f := range s.fields {
			elts = append(elts, g.bc()+g.elt(b, f.typ, depth))
		}
	default:
		for _, f := range s.fields {
			if g.c.intn(2) == 1 {
				elts = append(elts, g.bc()+f.name+":"+g.bc()+" "+g.elt(b, f.typ, depth))
			}
		}
	}
	if len(elts) == 0 {
		return typ + "{" + g.bc() + "}"
	}
	if g.c.intn(2) == 0 {
		return typ + "{" + strings.Join(elts, ", ") + "}"
	}
	var w strings.Builder
	w.WriteString(typ + "{" + g.lc() + "\n")
	for _, e := range elts {
		w.WriteString("\t\t" + e + "," + g.lc() + "\n")
	}
	w.WriteString("\t}")
	return w.String()
}

// elt returns an element of type t in a literal.
func (g *composer) elt(b *blk, t *ctype, depth int) string {
	if t.kind == tStruct && g.c.intn(2) == 0 {
		return g.lit(b, t.st, false, depth+1) // nested
	}
	if p, ok := g.pick(b, func(u *ctype) bool { return same(u, t) }); ok && g.c.intn(2) == 0 {
		return g.expr(p)
	}
	return g.fresh(b, t, depth+1)
}

// newVar declares a new variable of type t in b.
func (g *composer) newVar(b *blk, t *ctype) *cvar {
	v := &cvar{name: g.name("x"), typ: t}
	b.add(v)
	return v
}

// header wraps an expression that goes between for and its block in
// parentheses if it holds a composite literal.
func header(e string) string {
	if strings.Contains(e, "{") {
		return "(" + e + ")"
	}
	return e
}

// call returns a call of a function or method the program declares, or
// of fmt, with arguments from b's scope or fresh, and its results; false
// if the one chosen has no receiver in scope.
func (g *composer) call(b *blk) (string, []*ctype, bool) {
	var cands []func() (string, []*ctype, bool)
	if g.lib["lookup"] {
		cands = append(cands, func() (string, []*ctype, bool) {
			return "lookup(" + g.value(b, mapType) + g.bc() + ")", []*ctype{other("int")}, true
		})
	}
	if g.lib["fill"] {
		cands = append(cands, func() (string, []*ctype, bool) {
			return "fill(" + g.value(b, mapType) + ")", nil, true
		})
	}
	if g.lib["many"] {
		cands = append(cands, func() (string, []*ctype, bool) {
			return "many(" + g.value(b, mapType) + ", " + g.value(b, mapType) + ")", []*ctype{other("int")}, true
		})
	}
	if g.lib["ignore"] {
		cands = append(cands, func() (string, []*ctype, bool) {
			return "ignore(" + g.value(b, mapType) + ", \"s\")", nil, true
		})
	}
	if g.lib["show"] {
		cands = append(cands, func() (string, []*ctype, bool) {
			e, _ := g.src(b)
			return "show(" + e + ", 1)", nil, true
		})
	}
	if g.lib["ident"] {
		cands = append(cands, func() (string, []*ctype, bool) {
			e, t := g.src(b)
			if g.c.intn(2) == 0 {
				return "ident[" + t.String() + "](" + e + ")", []*ctype{t}, true
			}
			return "ident(" + e + ")", []*ctype{t}, true
		})
	}
	if g.lib["zero"] {
		cands = append(cands, func() (string, []*ctype, bool) {
			t := g.someType()
			return "zero[" + t.String() + "]()", []*ctype{t}, true
		})
	}
	cands = append(cands, func() (string, []*ctype, bool) {
		e, _ := g.src(b)
		if g.run {
			return "sink(" + e + ")", []*ctype{stringType}, true
		}
		g.fmtUsed = true
		switch g.c.intn(3) {
		case 1:
			return "fmt.Printf(\"%v\\n\"," + e + ")", nil, true
		case 2:
			return "fmt.Sprint(" + e + ")", []*ctype{stringType}, true
		}
		return "fmt.Println(" + g.bc() + e + ")", nil, true
	})
	for _, f := range g.funcs {
		cands = append(cands, func() (string, []*ctype, bool) {
			var s string
			if f.recv != nil {
				p, ok := g.pick(b, func(t *ctype) bool {
					return same(t, f.recv) || f.recv.kind == tPtr && same(t, f.recv.elem) ||
						f.recv.kind == tStruct && t.kind == tPtr && same(t.elem, f.recv)
				})
				if !ok {
					return "", nil, false
				}
				s = g.sel(p) + "."
			}
			s += f.name + "("
			var args []string
			if f.ok {
				args = append(args, "true")
			}
			for _, t := range f.params {
				args = append(args, g.value(b, t))
			}
			return s + strings.Join(args, ", ") + ")", f.results, true
		})
	}
	for _, s := range g.structs {
		for _, m := range s.valueM {
			cands = append(cands, func() (string, []*ctype, bool) {
				t := &ctype{kind: tStruct, st: s}
				p, ok := g.pick(b, func(u *ctype) bool { return same(u, t) || u.kind == tPtr && same(u.elem, t) })
				if !ok {
					return "", nil, false
				}
				return g.sel(p) + "." + m + "()", []*ctype{stringType}, true
			})
		}
		for _, m := range s.ptrM {
			cands = append(cands, func() (string, []*ctype, bool) {
				t := &ctype{kind: tStruct, st: s}
				p, ok := g.pick(b, func(u *ctype) bool { return same(u, t) || u.kind == tPtr && same(u.elem, t) })
				if !ok {
					return "", nil, false
				}
				return g.sel(p) + "." + m + "()", nil, true
			})
		}
	}
	return cands[g.c.intn(len(cands))]()
}

// stmt writes one statement, or a few, that copy or use values holding
// a sync.Map in one of the ways the detector knows.
func (g *composer) stmt(b *blk) {
	g.budget--
	switch g.c.intn(38) {
	case 1: // var n = m, var n T = m
		e, t := g.src(b)
		v := g.newVar(b, t)
		if g.c.intn(2) == 0 {
			g.line("var " + v.name + " = " + e)
		} else {
			g.line("var " + v.name + " " + t.String() + " =" + g.bc() + e)
		}
	case 2: // var n T; n = m
		e, t := g.src(b)
		v := g.newVar(b, t)
		g.line("var " + v.name + " " + t.String())
		g.line(v.name + " =" + g.bc() + e)
	case 3: // an assignment to a path in scope
		if p, ok := g.pick(b, (*ctype).holdsMap); ok {
			g.line(g.dest(p) + " = " + g.value(b, p.typ))
			return
		}
		g.define(b)
	case 4: // x.f = sync.Map{}
		if g.run { // a map in use is not reset
			g.made(b)
			return
		}
		if p, ok := g.pick(b, (*ctype).holdsMap); ok {
			g.line(g.dest(p) + g.bc() + " = " + g.fresh(b, p.typ, 2))
			return
		}
		g.define(b)
	case 5: // a composite literal
		s := g.structs[g.c.intn(len(g.structs))]
		t := &ctype{kind: tStruct, st: s}
		n := g.nexpr
		e := g.lit(b, s, false, 0)
		if g.c.intn(3) == 0 {
			e, t = "&"+g.bc()+e, ptrTo(t)
		}
		v := g.newVar(b, t)
		v.nonNil = true
		g.line(v.name + " := " + e)
		if g.nexpr == n {
			g.populate(v)
		}
	case 6: // elided types: []*T{{}, {...}}, []T{...}, map[string]*T{"a": {}}
		s := g.structs[g.c.intn(len(g.structs))]
		elts := []string{g.lit(b, s, true, 1), g.lit(b, s, true, 1)}
		switch g.c.intn(3) {
		case 0:
			g.line(g.newVar(b, sliceOf(ptrTo(&ctype{kind: tStruct, st: s}))).name + " := []*" + s.name + "{" + strings.Join(elts, ", ") + "}")
		case 1:
			g.line(g.newVar(b, sliceOf(&ctype{kind: tStruct, st: s})).name + " := []" + s.name + "{" + strings.Join(elts, ", ") + "}")
		case 2:
			g.line(g.newVar(b, other("map[string]*"+s.name)).name + " := map[string]*" + s.name + "{\"a\": " + elts[0] + ", \"b\": " + elts[1] + "}")
		}
	case 7, 8: // calls: arguments, results
		e, ts, ok := g.call(b)
		switch {
		case !ok:
			g.define(b)
		case len(ts) == 2 && g.c.intn(2) == 0:
			g.line(g.newVar(b, ts[0]).name + ", " + g.newVar(b, ts[1]).name + " := " + e)
		case len(ts) == 1 && g.c.intn(2) == 0:
			g.line(g.newVar(b, ts[0]).name + " := " + e)
		case len(ts) == 1 && g.c.intn(2) == 0:
			g.line("_ = " + e)
		default:
			g.line(e)
		}
	case 9: // channel sends
		e, t := g.src(b)
		ch := g.newVar(b, other("chan any"))
		if g.c.intn(3) == 0 {
			ch.typ = other("chan " + t.String())
		}
		g.line(ch.name + " := make(" + ch.typ.text + ", 1)")
		if g.c.intn(2) == 0 {
			g.line(ch.name + " <-" + g.bc() + e)
		} else {
			g.line("select {\n\tcase " + ch.name + " <- " + e + ":" + g.lc() + "\n\tdefault:\n\t}")
		}
	case 10: // receives from a typed channel
		t := g.someType()
		ch := g.newVar(b, other("chan "+t.String()))
		g.line(ch.name + " := make(" + ch.typ.text + ", 1)")
		ch.used = true
		if g.run { // not to block
			g.line(ch.name + " <- " + g.fresh(b, t, 1))
		}
		v := g.newVar(b, t)
		if g.c.intn(2) == 0 {
			g.line(v.name + " := <-" + ch.name)
		} else {
			ok := g.newVar(b, other("bool"))
			g.line(v.name + ", " + ok.name + " := <-" + ch.name)
		}
	case 11: // append to []any, and []any literals
		e, _ := g.src(b)
		xs := g.newVar(b, other("[]any"))
		if g.c.intn(2) == 0 {
			g.line(xs.name + " := []any{" + e + "}")
			return
		}
		g.line("var " + xs.name + " []any")
		xs.used = true
		g.line(xs.name + " = append(" + xs.name + ", " + e + ")")
	case 12: // range over slices and arrays
		g.rangeStmt(b)
	case 13: // method values and method expressions
		g.methodValue(b)
	case 14: // &x.f
		if p, ok := g.pick(b, (*ctype).holdsMap); ok {
			v := g.newVar(b, ptrTo(p.typ))
			v.nonNil = true
			g.line(v.name + " := &" + g.bc() + g.expr(p))
			return
		}
		g.define(b)
	case 15: // new(T)
		t := g.someType()
		n := g.nexpr
		var v *cvar
		switch k := g.c.intn(3); {
		case k == 0 && !b.noNew:
			v = g.newVar(b, ptrTo(t))
			g.line(v.name + " := new(" + g.bc() + t.String() + ")")
		case k == 1 && !b.noNew:
			v = g.newVar(b, ptrTo(t))
			g.line("var " + v.name + " = new(" + t.String() + ")")
		default:
			e := "&" + g.fresh(b, t, 1)
			v = g.newVar(b, ptrTo(t))
			g.line(v.name + " := " + e)
		}
		v.nonNil = true
		if g.nexpr == n {
			g.populate(v)
		}
	case 16: // var x T, var x, y T
		t := g.someType()
		v := g.newVar(b, t)
		if g.c.intn(2) == 0 {
			g.line("var " + v.name + ", " + g.newVar(b, t).name + " " + t.String())
		} else {
			g.line("var " + v.name + g.bc() + " " + t.String())
		}
		g.populate(v)
	case 17: // map reads
		t := g.someType()
		mm := g.newVar(b, other("map[string]"+t.String()))
		mm.used = true
		g.line(mm.name + " := map[string]" + t.String() + "{}")
		v := g.newVar(b, t)
		if g.c.intn(2) == 0 {
			g.line(v.name + " := " + mm.name + "[\"a\"]")
		} else {
			g.line(v.name + ", " + g.newVar(b, other("bool")).name + " := " + mm.name + "[\"a\"]")
		}
	case 18: // make([]T, n)
		t := g.someType()
		g.line(g.newVar(b, sliceOf(t)).name + " := make([]" + t.String() + ", 1)")
	case 19: // conversions between sync.Map and Registry
		g.conversion(b)
	case 20: // closures, deferred and go function literals
		g.closure(b)
	case 21: // defer and go calls
		e, _, ok := g.call(b)
		if !ok {
			e, _ = g.src(b)
			if g.run {
				e = "sink(" + e + ")"
			} else {
				e = "fmt.Println(" + e + ")"
				g.fmtUsed = true
			}
		}
		if g.c.intn(2) == 0 || g.run { // the output of a goroutine would race
			g.line("defer " + e)
		} else {
			g.line("go " + g.bc() + e)
		}
	case 22: // a, b := m, c
		e1, t1 := g.src(b)
		e2, t2 := g.src(b)
		v1, v2 := g.newVar(b, t1), g.newVar(b, t2)
		g.line(v1.name + ", " + v2.name + " := " + e1 + ", " + e2)
	case 23: // a, b = m, c
		p1, ok1 := g.pick(b, (*ctype).holdsMap)
		p2, ok2 := g.pick(b, (*ctype).holdsMap)
		if !ok1 || !ok2 {
			g.define(b)
			return
		}
		g.line(g.dest(p1) + ", " + g.dest(p2) + " = " + g.value(b, p1.typ) + ", " + g.value(b, p2.typ))
	case 24: // Go 1.22 per-iteration for variables
		e, t := g.src(b)
		i, v := g.name("i"), g.local(t)
		g.open("for " + i + ", " + v.name + " := 0, " + header(e) + "; " + i + " < 1; " + i + "++")
		g.body(b, v)
	case 25: // type assertions and switches
		g.assertion(b)
	case 26, 27: // method calls: reads and writes
		if g.run && g.c.intn(2) == 0 { // writes only where maps are made
			g.made(b)
			return
		}
		if p, ok := g.pick(b, func(t *ctype) bool {
			return t.kind == tMap || t.kind == tReg || t.kind == tPtr && t.elem.kind == tMap
		}); ok {
			call := []string{`Store("k", 1)`, `Load("k")`, `Delete("k")`, `Range(func(k, v any) bool { return true })`, `Swap("k", 2)`, `LoadOrStore("k", 3)`, `Clear()`, `CompareAndSwap("k", 1, 2)`}[g.c.intn(8)]
			if g.run {
				call = []string{`Load("k")`, `Range(func(k, v any) bool { return true })`}[g.c.intn(2)]
			}
			if p.typ.kind == tReg {
				call = `add("k")`
				if g.regSize && (g.run || g.c.intn(2) == 0) {
					call = `size()`
				} else if g.run {
					call = `Load("k")`
					p.typ = mapType
					g.line("(*sync.Map)(&" + g.expr(p) + ")." + call)
					return
				}
			}
			g.line(g.sel(p) + "." + g.bc() + call)
			return
		}
		g.define(b)
	case 28: // _ = m
		e, _ := g.src(b)
		g.line("_ =" + g.bc() + e)
	case 29: // var x any = m
		e, _ := g.src(b)
		v := g.newVar(b, other("any"))
		if g.c.intn(2) == 0 {
			g.line("var " + v.name + " any = " + e)
		} else {
			g.line("var " + v.name + " interface{} = " + e)
		}
	case 30: // a local that takes the helper's name
		if g.c.intn(4) == 0 && !b.helperName {
			b.helperName = true
			g.line("cloneSyncMap := 1")
			g.line("_ = cloneSyncMap")
			return
		}
		g.define(b)
	case 31: // copies in if and switch headers
		e, t := g.src(b)
		v := g.local(t)
		if g.c.intn(2) == 0 {
			g.open("if " + v.name + " := " + header(e) + "; true")
		} else {
			g.open("switch " + v.name + " := " + header(e) + ";")
			g.printf("\tdefault:\n")
		}
		g.body(b, v)
	case 32: // functions as values
		var names []string
		for _, f := range g.funcs {
			if f.recv == nil {
				names = append(names, f.name)
			}
		}
		for _, n := range []string{"lookup", "fill", "ignore"} {
			if g.lib[n] {
				names = append(names, n)
			}
		}
		if len(names) == 0 {
			g.define(b)
			return
		}
		g.line(g.newVar(b, other("func")).name + " := " + names[g.c.intn(len(names))])
	case 33: // a generic box
		t := g.someType()
		bt := &ctype{kind: tStruct, st: &cstruct{name: "box[" + t.String() + "]", fields: []cfield{{"v", t}}}}
		if g.c.intn(2) == 0 {
			v := g.newVar(b, bt)
			g.line("var " + v.name + " " + bt.String())
			g.populate(v)
		} else {
			e := g.value(b, t)
			g.line(g.newVar(b, bt).name + " := " + bt.String() + "{v: " + e + "}")
		}
	case 34: // a receive in select
		t := g.someType()
		ch := g.newVar(b, other("chan "+t.String()))
		ch.used = true
		g.line(ch.name + " := make(" + ch.typ.text + ", 1)")
		if g.run { // not to block
			g.line(ch.name + " <- " + g.fresh(b, t, 1))
		}
		v := g.local(t)
		g.open("select")
		g.printf("\tcase %s := <-%s:%s\n", v.name, ch.name, g.lc())
		g.body(b, v)
	case 35: // *new(T)
		t := g.someType()
		if b.noNew {
			g.define(b)
			return
		}
		g.line(g.newVar(b, t).name + " := *new(" + t.String() + ")")
	case 36: // new shadowed
		if b.noNew || b.depth == 0 {
			g.define(b)
			return
		}
		b.noNew = true
		g.line("new := 0")
		g.line("_ = new")
	default: // n := m
		g.define(b)
	}
}

// define writes n := m, n := T{}, a copy or a fresh value.
func (g *composer) define(b *blk) {
	e, t := g.src(b)
	g.line(g.newVar(b, t).name + " :=" + g.bc() + e)
}

// body writes the statements of a nested block that declares vars (a
// loop's, a function literal's parameter), and its closing brace.
func (g *composer) body(b *blk, vars ...*cvar) {
	c := b.child()
	for _, v := range vars {
		c.add(v)
	}
	n := 0
	if c.depth < 3 {
		n = g.c.intn(3)
	}
	for range n {
		g.stmt(c)
	}
	g.uses(c)
	g.printf("\t}%s\n", g.lc())
}

// open writes the first line of a statement with a block.
func (g *composer) open(s string) {
	g.doc()
	g.printf("\t%s {%s\n", s, g.lc())
}

// local returns a new variable of type t, not yet in any block.
func (g *composer) local(t *ctype) *cvar { return &cvar{name: g.name("x"), typ: t} }

func (g *composer) rangeStmt(b *blk) {
	var e string
	var elem *ctype
	if p, ok := g.pick(b, func(t *ctype) bool { return t.kind == tSlice || t.kind == tArray }); ok && g.c.intn(2) == 0 {
		e, elem = g.expr(p), p.typ.elem
	} else {
		s := g.structs[g.c.intn(len(g.structs))]
		elem = &ctype{kind: tStruct, st: s}
		switch g.c.intn(3) {
		case 1:
			elem = mapType
		case 2:
			elem = ptrTo(elem)
		}
		e = "[]" + elem.String() + "{" + g.fresh(b, elem, 1) + "}"
	}
	v := g.local(elem)
	switch g.c.intn(3) {
	case 0: // no copy: the index only
		i := &cvar{name: g.name("i"), typ: other("int")}
		g.open("for " + i.name + " := range " + e)
		g.body(b, i)
	case 1:
		g.open("for _, " + v.name + " := range " + g.bc() + e)
		g.body(b, v)
	default:
		i := &cvar{name: g.name("i"), typ: other("int")}
		g.open("for " + i.name + ", " + v.name + " := range " + e)
		g.body(b, i, v)
	}
}

func (g *composer) methodValue(b *blk) {
	type mv struct {
		s   *cstruct
		m   string
		ptr bool
	}
	var ms []mv
	for _, s := range g.structs {
		for _, m := range s.valueM {
			ms = append(ms, mv{s, m, false})
		}
		for _, m := range s.ptrM {
			ms = append(ms, mv{s, m, true})
		}
	}
	if len(ms) == 0 {
		g.define(b)
		return
	}
	m := ms[g.c.intn(len(ms))]
	t := &ctype{kind: tStruct, st: m.s}
	ft := other("func()")
	if !m.ptr {
		ft = other("func() string")
	}
	if g.c.intn(4) == 0 { // a method expression
		recv := m.s.name
		if m.ptr {
			recv = "(*" + recv + ")"
			ft = other("func(*" + m.s.name + ")")
		} else {
			ft = other("func(" + m.s.name + ") string")
		}
		g.line(g.newVar(b, ft).name + " := " + recv + "." + m.m)
		return
	}
	p, ok := g.pick(b, func(u *ctype) bool { return same(u, t) || u.kind == tPtr && same(u.elem, t) })
	if !ok {
		g.define(b)
		return
	}
	v := g.newVar(b, ft)
	g.line(v.name + " := " + g.sel(p) + "." + g.bc() + m.m)
	if g.c.intn(2) == 0 {
		v.used = true
		g.line(v.name + "()")
	}
}

func (g *composer) conversion(b *blk) {
	switch g.c.intn(4) {
	case 0: // Registry(m) into a new variable
		e := "Registry(" + g.value(b, mapType) + ")"
		g.line(g.newVar(b, regType).name + " := " + e)
	case 1:
		e := "sync.Map(" + g.value(b, regType) + ")"
		g.line(g.newVar(b, mapType).name + " := " + e)
	case 2: // pointer conversions copy nothing
		if p, ok := g.pick(b, func(t *ctype) bool { return t.kind == tMap }); ok {
			e := "(*Registry)(&" + g.expr(p) + ")"
			g.line(g.newVar(b, ptrTo(regType)).name + " := " + e)
			return
		}
		g.define(b)
	default: // a conversion elsewhere
		g.line("_ = Registry(" + g.value(b, mapType) + ")")
	}
}

func (g *composer) closure(b *blk) {
	switch k := g.c.intn(5); k {
	case 0, 1, 2: // func() { ... }(), deferred, in a goroutine
		done := ""
		if k == 2 && g.run { // waited for
			done = g.name("done")
			g.line(done + " := make(chan bool)")
		}
		g.open([]string{"", "defer ", "go "}[k] + "func()")
		if done != "" {
			g.printf("\tdefer close(%s)\n", done)
		}
		c := b.child()
		if c.depth < 3 {
			for range g.c.intn(3) {
				g.stmt(c)
			}
		}
		g.uses(c)
		g.printf("\t}()\n")
		if done != "" {
			g.line("<-" + done)
		}
	case 3: // a function literal with a parameter that holds a sync.Map
		t := g.someType()
		fn, p := g.local(other("func("+t.String()+")")), &cvar{name: g.name("p"), typ: t}
		g.open(fn.name + " := func(" + p.name + " " + t.String() + ")")
		g.body(b, p)
		b.add(fn)
		fn.used = true
		arg := g.value(b, t)
		g.line(fn.name + "(" + arg + ")")
	default: // a function literal that returns one
		t := g.someType()
		fn := g.local(other("func() " + t.String()))
		g.open(fn.name + " := func() " + t.String())
		c := b.child()
		if c.depth < 3 {
			for range g.c.intn(3) {
				g.stmt(c)
			}
		}
		g.uses(c)
		g.printf("\treturn %s\n\t}\n", g.value(c, t))
		b.add(fn)
		if g.c.intn(2) == 0 {
			fn.used = true
			g.line(g.newVar(b, t).name + " := " + fn.name + "()")
		}
	}
}

func (g *composer) assertion(b *blk) {
	e, t := g.src(b)
	x := g.newVar(b, other("any"))
	x.used = true
	g.line("var " + x.name + " any = " + e)
	v := g.local(t)
	switch g.c.intn(3) {
	case 0:
		b.add(v)
		g.line(v.name + " := " + x.name + ".(" + t.String() + ")")
	case 1:
		ok := g.name("ok")
		g.open("if " + v.name + ", " + ok + " := " + x.name + ".(" + t.String() + "); " + ok)
		g.body(b, v)
	default:
		g.open("switch " + v.name + " := " + x.name + ".(type)")
		g.printf("\tcase %s:%s\n", t, g.lc())
		g.body(b, v)
	}
}

// TestComposeTypeChecks composes programs from random choices: each must
// type-check, and their comments must be unique. Some of their findings
// must be fixed: else the harness (checkInProcess) hides every fix, and
// the fuzz targets test nothing.
func TestComposeTypeChecks(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	fixed := 0
	for i := range 100 {
		data := make([]byte, r.IntN(600))
		for j := range data {
			data[j] = byte(r.Uint32())
		}
		src, opts, err := compose(data)
		if err != nil {
			t.Fatalf("does not parse: %v\n%s", err, src)
		}
		dir := t.TempDir()
		write(t, filepath.Join(dir, "main.go"), src)
		plan, err := checkInProcess(t, dir, opts)
		if err != nil {
			t.Fatalf("program %d does not type-check: %v\n%s", i, err, src)
		}
		for _, o := range plan.Outcomes {
			if o.Fixed {
				fixed++
			}
		}
		seen := make(map[string]bool)
		for _, c := range comments(t, "main.go", src) {
			l := commentLabel.FindString(c)
			if seen[l] {
				t.Fatalf("comment %s twice", c)
			}
			seen[l] = true
		}
	}
	if fixed == 0 {
		t.Fatal("no finding of the composed programs is fixed")
	}
}

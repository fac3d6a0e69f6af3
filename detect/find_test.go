package detect_test

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/types"
	"os"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/syncfix/syncfix/detect"
	"golang.org/x/tools/go/packages"
)

// findIn runs detect.Find over a loaded package.
func findIn(pkg *packages.Package) []detect.Finding {
	return detect.Find(&detect.Package{
		Fset:  pkg.Fset,
		Types: pkg.Types,
		Info:  pkg.TypesInfo,
		Files: pkg.Syntax,
	})
}

// A factCase names a finding by a snippet of its source line and its
// form, and gives the facts the rewrite planner relies on.
type factCase struct {
	line   string // unique snippet of the finding's line
	form   detect.Form
	src    string // Src as source text; "" when nil
	typ    string // Type
	kind   detect.DestKind
	obj    string // Dst.Obj's name; "" when nil
	dtype  string // Dst.Type
	callee string // Dst.Callee's full name; "" when nil
	index  int    // Dst.Index
	path   string // Path.Format
	fields []string
}

var factCases = []factCase{
	{
		line: "n := *m", form: detect.Assign, src: "*m", typ: "sync.Map",
		kind: detect.DstVar, obj: "n", dtype: "sync.Map", path: "sync.Map",
	},
	{
		line: "f(*c)", form: detect.CallArg, src: "*c", typ: "Cache",
		kind: detect.DstParam, obj: "c", dtype: "Cache", callee: "facts.f", index: 0,
		path: "Cache contains sync.Map", fields: []string{"m"},
	},
	{
		line: "fmt.Println(1, *m)", form: detect.CallArg, src: "*m", typ: "sync.Map",
		kind: detect.DstInterface, obj: "a", dtype: "any", callee: "fmt.Println", index: 1,
		path: "sync.Map",
	},
	{
		line: "q := *p", form: detect.Assign, src: "*p", typ: "Pair",
		kind: detect.DstVar, obj: "q", dtype: "Pair",
		path: "Pair contains sync.Map", fields: []string{"a", "b"},
	},
	{
		line: "ch <- *m", form: detect.ChanSend, src: "*m", typ: "sync.Map",
		kind: detect.DstChan, dtype: "sync.Map", path: "sync.Map",
	},
	{
		line: "o.p = *p", form: detect.Assign, src: "*p", typ: "Pair",
		kind: detect.DstField, obj: "p", dtype: "Pair",
		path: "Pair contains sync.Map", fields: []string{"a", "b"},
	},
	{
		line: "_ = Outer{p: *p}", form: detect.CompositeElt, src: "*p", typ: "Pair",
		kind: detect.DstField, obj: "p", dtype: "Pair",
		path: "Pair contains sync.Map", fields: []string{"a", "b"},
	},
	{
		line: "s := *o", form: detect.Assign, src: "*o", typ: "Outer",
		kind: detect.DstVar, obj: "s", dtype: "Outer",
		path: "Outer contains Pair contains sync.Map", fields: []string{"a", "b", "m"},
	},
	{
		line: "_ = x.(Pair)", form: detect.TypeAssert, src: "x", typ: "Pair",
		kind: detect.DstValue, dtype: "Pair",
		path: "Pair contains sync.Map", fields: []string{"a", "b"},
	},
	{
		line: "g := p.M", form: detect.MethodValue, src: "p", typ: "Pair",
		kind: detect.DstValue, obj: "p", dtype: "Pair",
		path: "Pair contains sync.Map", fields: []string{"a", "b"},
	},
	{
		line: "_ = Registry(*m)", form: detect.Conversion, src: "*m", typ: "sync.Map",
		kind: detect.DstValue, dtype: "Registry", path: "sync.Map",
	},
	{
		line: "_ = *r", form: detect.Assign, src: "*r", typ: "Registry",
		kind: detect.DstBlank, dtype: "<nil>", path: "Registry",
	},
	{
		line: "return *p", form: detect.Return, src: "*p", typ: "Pair",
		kind: detect.DstResult, dtype: "Pair", index: 0,
		path: "Pair contains sync.Map", fields: []string{"a", "b"},
	},
	{
		line: "return // want", form: detect.BareReturn, typ: "Pair",
		kind: detect.DstResult, obj: "p", dtype: "Pair", index: 1,
		path: "Pair contains sync.Map", fields: []string{"a", "b"},
	},
	{
		line: "xs = append(xs, *m)", form: detect.CallArg, src: "*m", typ: "sync.Map",
		kind: detect.DstInterface, dtype: "any", index: 1, path: "sync.Map",
	},
	{
		line: "_ = new(*m)", form: detect.CallArg, src: "*m", typ: "sync.Map",
		kind: detect.DstValue, dtype: "sync.Map", path: "sync.Map",
	},
	{
		line: "for _, x = range ps", form: detect.RangeVar, src: "ps", typ: "Pair",
		kind: detect.DstInterface, obj: "x", dtype: "any",
		path: "Pair contains sync.Map", fields: []string{"a", "b"},
	},
	{
		line: "func f(c Cache)", form: detect.Param, typ: "Cache",
		kind: detect.DstVar, obj: "c", dtype: "Cache",
		path: "Cache contains sync.Map", fields: []string{"m"},
	},
	{
		line: "func (p Pair) M()", form: detect.Receiver, typ: "Pair",
		kind: detect.DstVar, obj: "p", dtype: "Pair",
		path: "Pair contains sync.Map", fields: []string{"a", "b"},
	},
}

// TestFindFacts checks the structured facts of representative findings.
func TestFindFacts(t *testing.T) {
	i := slices.IndexFunc(allCases(t), func(p *packages.Package) bool { return p.PkgPath == "facts" })
	if i < 0 {
		t.Fatal("case package facts is not loaded")
	}
	pkg := allCases(t)[i]
	findings := findIn(pkg)
	qual := types.RelativeTo(pkg.Types)
	typeString := func(t types.Type) string {
		if t == nil {
			return "<nil>"
		}
		return types.TypeString(t, qual)
	}
	used := make([]bool, len(findings))
	for _, c := range factCases {
		t.Run(c.line, func(t *testing.T) {
			var got *detect.Finding
			for i := range findings {
				fd := &findings[i]
				if fd.Form == c.form && strings.Contains(lineOf(t, pkg, fd), c.line) {
					if got != nil {
						t.Fatalf("two %v findings on the line of %q", c.form, c.line)
					}
					got, used[i] = fd, true
				}
			}
			if got == nil {
				t.Fatalf("no %v finding on the line of %q", c.form, c.line)
			}
			check := func(what, got, want string) {
				t.Helper()
				if got != want {
					t.Errorf("%s = %q, want %q", what, got, want)
				}
			}
			check("Src", exprString(got.Src), c.src)
			check("Type", typeString(got.Type), c.typ)
			check("Dst.Kind", fmt.Sprint(got.Dst.Kind), fmt.Sprint(c.kind))
			check("Dst.Obj", objName(got.Dst.Obj), c.obj)
			check("Dst.Type", typeString(got.Dst.Type), c.dtype)
			callee := ""
			if got.Dst.Callee != nil {
				callee = got.Dst.Callee.FullName()
			}
			check("Dst.Callee", callee, c.callee)
			check("Dst.Index", fmt.Sprint(got.Dst.Index), fmt.Sprint(c.index))
			check("Path", got.Path.Format(pkg.Types), c.path)
			var fields []string
			for _, f := range got.Fields {
				fields = append(fields, f.Name())
			}
			check("Fields", strings.Join(fields, ","), strings.Join(c.fields, ","))
			if len(got.Path) > 1 && !strings.HasSuffix(got.Message, ": "+got.Path.Format(pkg.Types)) {
				t.Errorf("Message %q does not end with the path", got.Message)
			}
		})
	}
	for i, fd := range findings {
		if !used[i] && fd.Form != detect.Param {
			t.Errorf("%s: finding %q is not covered by factCases", pkg.Fset.Position(fd.Pos), fd.Message)
		}
	}
}

// TestFindInvariants checks, over every case package, what the planner
// may assume of any finding.
func TestFindInvariants(t *testing.T) {
	pkgs := allCases(t)
	total := 0
	seen := make(map[detect.Form]bool)
	for _, pkg := range pkgs {
		findings := findIn(pkg)
		total += len(findings)
		if !slices.IsSortedFunc(findings, func(a, b detect.Finding) int { return int(a.Pos - b.Pos) }) {
			t.Errorf("%s: findings are not sorted by position", pkg.PkgPath)
		}
		for _, fd := range findings {
			seen[fd.Form] = true
			posn := pkg.Fset.Position(fd.Pos)
			errorf := func(format string, args ...any) {
				t.Helper()
				t.Errorf("%s: %s: %s", posn, fd.Message, fmt.Sprintf(format, args...))
			}
			if !fd.Pos.IsValid() || fd.End < fd.Pos {
				errorf("bad range %d-%d", fd.Pos, fd.End)
			}
			if fd.Message == "" || fd.Message != strings.ToLower(fd.Message[:1])+fd.Message[1:] || strings.HasSuffix(fd.Message, ".") {
				errorf("a message is lower case, has no period")
			}
			if len(fd.Path) == 0 || fd.Path[0].Type != fd.Type {
				errorf("Path does not start at Type")
				continue
			}
			if last := fd.Path[len(fd.Path)-1].Type; !detect.IsSyncMap(last) {
				errorf("Path ends at %v, not at a sync.Map", last)
			}
			if detect.IsSyncMap(fd.Type) && len(fd.Fields) > 0 {
				errorf("Fields %v for a sync.Map itself", fd.Fields)
			}
			// A path that reaches sync.Map through a struct field
			// (not through a type parameter's term or an array)
			// names an R1 candidate, which Fields must list.
			if last := fd.Path[len(fd.Path)-1]; last.Field != nil && !slices.Contains(fd.Fields, last.Field) {
				if _, viaTypeParam := types.Unalias(fd.Type).(*types.TypeParam); !viaTypeParam {
					errorf("Fields %v lack the path's field %v", fd.Fields, last.Field)
				}
			}
			for _, f := range fd.Fields {
				if !f.IsField() || !detect.IsSyncMap(f.Type()) {
					errorf("field %v is not a sync.Map field", f)
				}
			}
			switch fd.Form {
			case detect.Receiver, detect.Param, detect.BareReturn, detect.ForVar:
				if fd.Src != nil {
					errorf("%v has Src %s", fd.Form, exprString(fd.Src))
				}
			default:
				if fd.Src == nil {
					errorf("%v has no Src", fd.Form)
				}
			}
			switch fd.Form {
			case detect.CallArg, detect.ElemCopy, detect.MethodCall:
				if fd.Dst.Call == nil {
					errorf("%v has no Dst.Call", fd.Form)
				}
			case detect.Return, detect.BareReturn, detect.Receiver, detect.Param:
				if fd.Dst.Func == nil {
					errorf("%v has no Dst.Func", fd.Form)
				}
			}
			if fd.Dst.Kind == detect.DstInterface && !types.IsInterface(fd.Dst.Type) {
				errorf("DstInterface with type %v", fd.Dst.Type)
			}
		}
	}
	if total == 0 {
		t.Fatal("found no findings")
	}
	// Every form has a case.
	for form := detect.Form(0); form.String() != "unknown form"; form++ {
		if !seen[form] {
			t.Errorf("no case yields a %v finding", form)
		}
	}
}

// lineOf returns the source line of a finding.
func lineOf(t testing.TB, pkg *packages.Package, fd *detect.Finding) string {
	t.Helper()
	posn := pkg.Fset.Position(fd.Pos)
	data, err := os.ReadFile(posn.Filename)
	if err != nil {
		t.Fatal(err)
	}
	lines := bytes.Split(data, []byte("\n"))
	return string(lines[posn.Line-1])
}

func exprString(x ast.Expr) string {
	if x == nil {
		return ""
	}
	return types.ExprString(x)
}

func objName(obj types.Object) string {
	if obj == nil {
		return ""
	}
	return obj.Name()
}

// TestFindParallel checks that the parallel walk of a large package
// finds what one walk finds, in the same order.
func TestFindParallel(t *testing.T) {
	pkgs := allCases(t)
	want := make([][]detect.Finding, len(pkgs))
	for i, pkg := range pkgs {
		want[i] = findIn(pkg)
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	defer detect.SetParallelBytes(1)()
	total := 0
	for i, pkg := range pkgs {
		got := findIn(pkg)
		total += len(got)
		if !reflect.DeepEqual(got, want[i]) {
			t.Errorf("%s: the parallel walk finds %d copies, one walk %d, or not in the same order", pkg.PkgPath, len(got), len(want[i]))
		}
	}
	if total == 0 {
		t.Fatal("no findings in the cases")
	}
}

package rewrite

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/build/constraint"
	"go/parser"
	"go/token"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/syncfix/syncfix/detect"
	"github.com/syncfix/syncfix/internal/textdiff"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/packages"
)

// Analyzer reports every copy of a value that contains a sync.Map, as
// detect.Analyzer does, and attaches the fix that the package can make
// alone, for drivers that apply suggested fixes: go fix -fixtool, go vet
// -vettool -fix, multichecker -fix, golangci-lint --fix, gopls.
//
// # What one package decides
//
// The analyzer plans the package as syncfix fix plans a program that
// consists of it alone (Make, Apply and Verify on a Program of one
// package): whatever every use of which the package sees is fixed as
// syncfix fix fixes it — locals, unexported fields, types and functions
// that nothing outside can reach, and everything in package main. What
// another package can see stays a diagnostic whose message says why and
// points to syncfix fix: exported API (other packages' call sites and
// zero values are out of reach), targets declared in other packages, and
// internal packages, whose importers one package cannot list. Since a
// fix never changes what another package sees, the edits that go fix
// makes package by package compose into a program that builds; no facts
// are needed, and none are exported.
//
// The whole fix of the package is one SuggestedFix, on the package's
// first fixed diagnostic: the clone helper and a struct's construction
// sites are shared by many copies, and drivers refuse fixes whose edits
// overlap. A driver cannot create files, so the clone helper is appended
// to a file that the fix edits, not written to syncfix_clone.go. Its
// edits are minimal text edits of the files as they are.
var Analyzer = &analysis.Analyzer{
	Name:     "syncfix",
	Doc:      "report and fix copies of sync.Map values\n\n" + analyzerDoc,
	URL:      "https://pkg.go.dev/github.com/syncfix/syncfix/rewrite#Analyzer",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      runAnalyzer,
}

const analyzerDoc = `The syncfix analyzer reports what the syncfix command's check reports,
and attaches the fix that the package can make on its own: a copy whose
fix needs other packages (exported API, callers elsewhere) is reported
with a message that says to run syncfix fix for the whole-program fix.`

// wholeProgram is the hint of a diagnostic the package cannot fix alone.
const wholeProgram = "run syncfix fix for the whole-program fix"

func runAnalyzer(pass *analysis.Pass) (any, error) {
	prog, err := passProgram(pass)
	if err != nil {
		return nil, err
	}
	plan := Make(prog, Options{})
	changes, err := plan.apply(false) // helpersInFiles changes them: no early Verify
	if err == nil {
		changes, err = helpersInFiles(plan, changes)
	}
	if err == nil {
		err = plan.Verify(changes)
	}
	var fix []analysis.SuggestedFix
	if err == nil && len(changes) > 0 {
		fix, err = suggestedFix(pass.Fset, pass.Files, changes)
	}
	if err != nil {
		// The plan failed its own checks: report, fix nothing.
		fix = nil
		for _, o := range plan.Outcomes {
			o.Fixed, o.Reason, o.Kind = false, "internal error: "+strings.SplitN(err.Error(), "\n", 2)[0], BlockInternal
		}
	}
	for _, o := range plan.Outcomes {
		d := analysis.Diagnostic{Pos: o.Pos, End: o.End, Message: o.Message}
		switch {
		case o.Fixed && fix != nil:
			d.SuggestedFixes, fix = fix, nil
		case !o.Fixed:
			d.Message += "; not fixed in this package alone: " + o.Reason + "; " + wholeProgram
		}
		pass.Report(d)
	}
	for _, d := range plan.Directives {
		if d.Reason == "" {
			pass.Report(analysis.Diagnostic{Pos: d.Pos, Message: detect.MissingReason})
		}
	}
	return nil, nil
}

// passProgram makes the Program of one package from an analysis pass:
// files the driver lets it read are editable, others (cgo output) not.
func passProgram(pass *analysis.Pass) (*Program, error) {
	prog := &Program{Source: make(map[string][]byte), TestsLoaded: true}
	pkg := &packages.Package{
		ID: pass.Pkg.Path(), Name: pass.Pkg.Name(), PkgPath: pass.Pkg.Path(),
		Fset: pass.Fset, Syntax: pass.Files, Types: pass.Pkg, TypesInfo: pass.TypesInfo, TypesSizes: pass.TypesSizes,
	}
	if m := pass.Module; m != nil {
		// analysis says "go1.22", go/packages "1.22".
		pkg.Module = &packages.Module{Path: m.Path, Version: m.Version, GoVersion: strings.TrimPrefix(m.GoVersion, "go"), Main: m.Version == ""}
	}
	read := pass.ReadFile
	for _, f := range pass.Files {
		name := pass.Fset.File(f.FileStart).Name()
		pkg.CompiledGoFiles = append(pkg.CompiledGoFiles, name)
		if read == nil {
			continue
		}
		if src, err := read(name); err == nil && len(src) == pass.Fset.File(f.FileStart).Size() {
			prog.Source[name] = src
			pkg.GoFiles = append(pkg.GoFiles, name)
		}
	}
	prog.Packages = []*packages.Package{pkg}
	prog.RealNames = make(map[string]string)
	for _, name := range pkg.GoFiles {
		prog.RealNames[name] = name
	}
	for _, name := range pass.IgnoredFiles {
		if !strings.HasSuffix(name, ".go") || read == nil {
			continue
		}
		text, err := read(name)
		if err != nil {
			continue
		}
		if ef := ParseExcluded(name, text); ef != nil {
			prog.Excluded = append(prog.Excluded, ef)
		}
	}
	return prog, nil
}

// helpersInFiles moves each new helper file's function into a file that
// the fix edits in the same package (the first by name, of the same kind:
// test or not), since analysis drivers cannot create files.
func helpersInFiles(p *Plan, changes []FileChange) ([]FileChange, error) {
	var out []FileChange
	var helpers []FileChange
	for _, ch := range changes {
		if ch.Old == nil {
			helpers = append(helpers, ch)
		} else {
			out = append(out, ch)
		}
	}
	for _, h := range helpers {
		home := -1
		for i, ch := range out {
			// A file that only some builds hold (a_linux.go, or a
			// //go:build line) would leave the others without it.
			if filepath.Dir(ch.Name) == filepath.Dir(h.Name) && isTestFile(ch.Name) == isTestFile(h.Name) && packageName(ch.New) == packageName(h.New) && !constrained(ch.Name, ch.Old) {
				home = i
				break
			}
		}
		if home < 0 {
			// Every edited file is built only sometimes: the helper can
			// still go where all its calls are, if they are in one file.
			home = onlyCaller(out, h)
		}
		if home < 0 {
			return nil, fmt.Errorf("the clone helper of %s has callers in files that only some builds hold, and no edited file that every build holds can take it: syncfix fix writes it to a file of its own", filepath.Dir(h.Name))
		}
		merged, err := appendHelper(out[home].New, h.New)
		if err != nil {
			return nil, err
		}
		// Verify parses the merged text again.
		out[home].New, out[home].file, out[home].edits = merged, nil, nil
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// appendHelper appends the helper function of helper (a whole file) to
// src, importing sync if src does not, under the name the helper uses.
func appendHelper(src, helper []byte) ([]byte, error) {
	fset := token.NewFileSet()
	hf, err := parser.ParseFile(fset, "helper.go", helper, parser.ParseComments)
	if err != nil || len(hf.Decls) < 2 {
		return nil, fmt.Errorf("internal error: the clone helper does not parse: %v", err)
	}
	fn := hf.Decls[len(hf.Decls)-1].(*ast.FuncDecl)
	body := helper[fset.Position(fn.Doc.Pos()).Offset:]
	syncName := "sync"
	if spec := hf.Imports[0]; spec.Name != nil {
		syncName = spec.Name.Name
	}
	f, err := parser.ParseFile(fset, "src.go", src, parser.ParseComments|parser.ImportsOnly)
	if err != nil {
		return nil, err
	}
	out := append(bytes.TrimRight(append([]byte(nil), src...), "\n"), "\n\n"...)
	out = append(out, body...)
	for _, spec := range f.Imports {
		path, _ := strconv.Unquote(spec.Path.Value)
		name := "sync"
		if spec.Name != nil {
			name = spec.Name.Name
		}
		if path == "sync" && name == syncName {
			return out, nil
		}
	}
	// Add the import after the package clause: gofmt keeps it there.
	spec := `"sync"`
	if syncName != "sync" {
		spec = syncName + " " + spec
	}
	line := "\n\nimport " + spec
	at := fset.Position(f.Name.End()).Offset
	return append(append(append([]byte(nil), out[:at]...), line...), out[at:]...), nil
}

// onlyCaller returns the index of the one file of out that calls the
// helper of h, or -1 if none or several do.
func onlyCaller(out []FileChange, h FileChange) int {
	f, err := parser.ParseFile(token.NewFileSet(), "", h.New, 0)
	if err != nil || len(f.Decls) == 0 {
		return -1
	}
	fn, ok := f.Decls[len(f.Decls)-1].(*ast.FuncDecl)
	if !ok {
		return -1
	}
	home := -1
	for i, ch := range out {
		if filepath.Dir(ch.Name) != filepath.Dir(h.Name) || !bytes.Contains(ch.New, []byte(fn.Name.Name+"(")) {
			continue
		}
		if home >= 0 {
			return -1
		}
		home = i
	}
	return home
}

// constrained reports whether a file is built only under some build
// configurations: it has a //go:build line, or a GOOS or GOARCH suffix.
func constrained(name string, src []byte) bool {
	f, err := parser.ParseFile(token.NewFileSet(), name, src, parser.PackageClauseOnly|parser.ParseComments)
	if err == nil {
		for _, g := range f.Comments {
			if g.Pos() >= f.Package {
				break
			}
			for _, c := range g.List {
				if constraint.IsGoBuild(c.Text) || constraint.IsPlusBuild(c.Text) {
					return true
				}
			}
		}
	}
	return len(namePlatform(filepath.Base(name))) > 0
}

// packageName returns the package clause's name of a file's text.
func packageName(src []byte) string {
	f, err := parser.ParseFile(token.NewFileSet(), "", src, parser.PackageClauseOnly)
	if err != nil {
		return ""
	}
	return f.Name.Name
}

// suggestedFix turns the changes into one fix of text edits of files.
func suggestedFix(fset *token.FileSet, files []*ast.File, changes []FileChange) ([]analysis.SuggestedFix, error) {
	byName := make(map[string]*token.File)
	for _, f := range files {
		tf := fset.File(f.FileStart)
		byName[tf.Name()] = tf
	}
	fix := analysis.SuggestedFix{Message: "fix the copies of sync.Map values in this package"}
	for _, ch := range changes {
		tf := byName[ch.Name]
		if tf == nil || ch.Old == nil {
			return nil, fmt.Errorf("internal error: the fix changes %s, which the pass does not hold", ch.Name)
		}
		for _, ed := range textdiff.Edits(ch.Old, ch.New) {
			fix.TextEdits = append(fix.TextEdits, analysis.TextEdit{Pos: tf.Pos(ed.Start), End: tf.Pos(ed.End), NewText: ed.New})
		}
	}
	return []analysis.SuggestedFix{fix}, nil
}

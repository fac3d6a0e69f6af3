package detect

import (
	_ "embed"
	"go/parser"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

// MissingReason is the message for a //syncfix:ignore without a reason.
const MissingReason = "syncfix:ignore needs a reason"

// Analyzer reports every copy of a value that contains a sync.Map.
var Analyzer = &analysis.Analyzer{
	Name:     "syncfix",
	Doc:      analyzerDoc(),
	URL:      "https://pkg.go.dev/github.com/syncfix/syncfix/detect",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	p := &Package{Fset: pass.Fset, Types: pass.Pkg, Info: pass.TypesInfo, Files: pass.Files}
	dirs := Directives(pass.Fset, pass.Files)
	for _, fd := range Suppress(pass.Fset, find(p, pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)), dirs) {
		pass.Report(analysis.Diagnostic{Pos: fd.Pos, End: fd.End, Message: fd.Message})
	}
	for _, d := range dirs {
		if d.Reason == "" {
			pass.Report(analysis.Diagnostic{Pos: d.Pos, Message: MissingReason})
		}
	}
	return nil, nil
}

//go:embed doc.go
var docFile string

// analyzerDoc returns the "# Analyzer syncfix" section of the package
// doc without its heading, so that the doc is written once.
func analyzerDoc() string {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", docFile, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		panic("detect: " + err.Error())
	}
	_, section, ok := strings.Cut(f.Doc.Text(), "# Analyzer syncfix\n")
	if !ok {
		panic("detect: package doc lacks the Analyzer section")
	}
	section, _, _ = strings.Cut(section, "\n# ")
	section = strings.TrimSpace(section)
	section = strings.TrimPrefix(section, "syncfix: ")
	return section
}

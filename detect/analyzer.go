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
	for _, fd := range find(p, pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)) {
		pass.Report(analysis.Diagnostic{Pos: fd.Pos, End: fd.End, Message: fd.Message})
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

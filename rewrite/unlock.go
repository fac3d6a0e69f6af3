package rewrite

import (
	"go/ast"
	"go/token"
	"regexp"
	"sort"
	"strings"
)

// An Unlock is a group of the plan's unfixed findings that a flag would
// fix: what the user learns at the end of check, diff and fix.
type Unlock struct {
	// Flag is the flag, as typed: "--closed-world", "--copies share",
	// "--copies share or --copies clone", "--tags linux".
	Flag string
	// Findings are the outcomes of the plan that the flag would fix.
	Findings []*Outcome
	// API lists, for --closed-world, the exported names whose
	// declarations the fix would change, sorted: functions
	// (Recv.Method), fields of exported types (Type.field) and
	// variables.
	API []string
	// Estimated reports that the group is not re-planned but read from
	// the blockers (--tags: another build configuration is another
	// load); the flag may then fix fewer.
	Estimated bool
}

// Unlocks re-plans the program with each flag the plan's options leave
// off (--closed-world, and --copies share and clone under auto) and
// returns, for each that fixes more, the findings it fixes; and the
// findings a file excluded by the build tags blocks, by the tags that
// select it. Planning is cheap next to loading, but not free on a large
// program: a flag is tried only when some finding is left unfixed and
// the plan met what the flag changes (an open-world package, a writing
// callee under auto).
func (p *Plan) Unlocks() []Unlock {
	var unfixed []*Outcome
	for _, o := range p.Outcomes {
		if !o.Fixed {
			unfixed = append(unfixed, o)
		}
	}
	if len(unfixed) == 0 {
		return nil
	}
	var unlocks []Unlock
	if !p.opts.ClosedWorld && p.openSeen {
		opts := p.opts
		opts.ClosedWorld = true
		alt := Make(p.prog, opts)
		if u := p.unlockedBy(alt, unfixed, "--closed-world"); u != nil {
			u.API = p.changedAPI(alt)
			unlocks = append(unlocks, *u)
		}
	}
	if p.opts.Copies == CopiesAuto && p.policySeen {
		var byPolicy []*Unlock
		for _, policy := range []Policy{CopiesShare, CopiesClone} {
			opts := p.opts
			opts.Copies = policy
			byPolicy = append(byPolicy, p.unlockedBy(Make(p.prog, opts), unfixed, "--copies "+policy.String()))
		}
		share, clone := byPolicy[0], byPolicy[1]
		switch {
		case share != nil && clone != nil && sameOutcomes(share.Findings, clone.Findings):
			share.Flag = "--copies share or --copies clone"
			unlocks = append(unlocks, *share)
		default:
			for _, u := range byPolicy {
				if u != nil {
					unlocks = append(unlocks, *u)
				}
			}
		}
	}
	return append(unlocks, tagUnlocks(unfixed)...)
}

// unlockedBy returns the findings of unfixed that alt fixes, as an
// Unlock for flag, or nil if there are none.
func (p *Plan) unlockedBy(alt *Plan, unfixed []*Outcome, flag string) *Unlock {
	fixed := make(map[token.Position]bool)
	for _, o := range alt.Outcomes {
		if o.Fixed {
			fixed[o.Posn] = true
		}
	}
	u := &Unlock{Flag: flag}
	for _, o := range unfixed {
		if fixed[o.Posn] {
			u.Findings = append(u.Findings, o)
		}
	}
	if len(u.Findings) == 0 {
		return nil
	}
	return u
}

// changedAPI returns the exported names that alt changes and p does not:
// the declarations an importer outside the load may use.
func (p *Plan) changedAPI(alt *Plan) []string {
	seen := make(map[string]bool)
	for _, t := range alt.sortedTargets() {
		if t.blocked != nil || t.unit == nil {
			continue
		}
		if base := p.targets[t.key]; base != nil && base.blocked == nil {
			continue
		}
		if name := alt.apiName(t); name != "" {
			seen[name] = true
		}
	}
	names := make([]string, 0, len(seen))
	for name := range seen {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// apiName names t as an importer sees it, or "" if no importer can:
// an exported function or method (of an exported type), an exported
// package-level variable, or a field of an exported type.
func (p *Plan) apiName(t *target) string {
	pkg := t.unit.pkg
	if pkg.Name == "main" || strings.HasSuffix(pkg.Name, "_test") {
		return ""
	}
	_, _, path := p.locate(t.obj)
	switch t.kind {
	case tFunc:
		if !t.obj.Exported() {
			return ""
		}
		for _, n := range path {
			if fd, ok := n.(*ast.FuncDecl); ok && fd.Recv != nil && len(fd.Recv.List) > 0 {
				recv := recvTypeName(fd.Recv.List[0].Type)
				if recv == "" || !token.IsExported(recv) {
					return ""
				}
				return recv + "." + t.obj.Name()
			}
		}
		return t.obj.Name()
	case tField:
		for _, n := range path {
			if ts, ok := n.(*ast.TypeSpec); ok {
				if !ts.Name.IsExported() {
					return ""
				}
				return ts.Name.Name + "." + t.obj.Name()
			}
		}
	case tVar:
		if t.obj.Parent() == pkg.Types.Scope() && t.obj.Exported() {
			return t.obj.Name()
		}
	}
	return ""
}

// recvTypeName returns the name of a receiver's type: T for T, *T, T[P].
func recvTypeName(x ast.Expr) string {
	for {
		switch e := x.(type) {
		case *ast.StarExpr:
			x = e.X
		case *ast.ParenExpr:
			x = e.X
		case *ast.IndexExpr:
			x = e.X
		case *ast.IndexListExpr:
			x = e.X
		case *ast.Ident:
			return e.Name
		default:
			return ""
		}
	}
}

// tagHint matches the hint of a blocker that a file excluded by the
// build tags causes (excluded.go).
var tagHint = regexp.MustCompile(`; run with (--tags [^ ;()]+)`)

// tagUnlocks groups the findings that files excluded by build tags
// block by the --tags flag that would include them.
func tagUnlocks(unfixed []*Outcome) []Unlock {
	byFlag := make(map[string]*Unlock)
	var flags []string
	for _, o := range unfixed {
		m := tagHint.FindStringSubmatch(o.Reason)
		if m == nil {
			continue
		}
		u := byFlag[m[1]]
		if u == nil {
			u = &Unlock{Flag: m[1], Estimated: true}
			byFlag[m[1]] = u
			flags = append(flags, m[1])
		}
		u.Findings = append(u.Findings, o)
	}
	sort.Strings(flags)
	var unlocks []Unlock
	for _, f := range flags {
		unlocks = append(unlocks, *byFlag[f])
	}
	return unlocks
}

// sameOutcomes reports whether a and b hold the same outcomes.
func sameOutcomes(a, b []*Outcome) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

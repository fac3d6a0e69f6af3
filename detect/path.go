package detect

import (
	"go/types"
	"strings"
)

// A Step is one level of a containment path: a type, and the field of the
// enclosing struct through which it is reached (nil at the top, for array
// elements, for type parameter terms and for defined types).
type Step struct {
	Type  types.Type
	Field *types.Var
	// Approx marks a type parameter term written with a tilde (~T).
	Approx bool
}

// A Path is the containment chain from a copied type, outermost first,
// down to sync.Map, the last step.
type Path []Step

// Format renders the path as vet does, "Cache contains sync.Map", with
// type names qualified as seen from pkg (see Qualifier).
func (p Path) Format(pkg *types.Package) string {
	qual := Qualifier(pkg)
	parts := make([]string, 0, len(p))
	for _, s := range p {
		name := types.TypeString(s.Type, qual)
		if s.Approx {
			name = "~" + name
		}
		if len(parts) > 0 && parts[len(parts)-1] == name {
			continue // a defined type over sync.Map names itself once
		}
		parts = append(parts, name)
	}
	return strings.Join(parts, " contains ")
}

// Qualifier qualifies type names as Go code in pkg writes them: by
// package name, and not at all for pkg's own types.
func Qualifier(pkg *types.Package) types.Qualifier {
	return func(other *types.Package) string {
		if other == pkg || pkg != nil && other.Path() == pkg.Path() {
			return ""
		}
		return other.Name()
	}
}

// IsPlainSyncMap reports whether t is sync.Map itself, not a defined
// type over it.
func IsPlainSyncMap(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "sync" && n.Obj().Name() == "Map"
}

// IsSyncMap reports whether t is sync.Map or a defined type whose
// underlying type is that of sync.Map (type Registry sync.Map).
func IsSyncMap(t types.Type) bool {
	if t == nil {
		return false
	}
	if IsPlainSyncMap(t) {
		return true
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok || st.NumFields() == 0 {
		return false
	}
	// Only package sync can declare a struct with sync's unexported
	// fields, so such a struct is the underlying type of a sync type;
	// compare it with sync.Map's, found through the field's package.
	spkg := st.Field(0).Pkg()
	if spkg == nil || spkg.Path() != "sync" {
		return false
	}
	m, ok := spkg.Scope().Lookup("Map").(*types.TypeName)
	return ok && types.Identical(st, m.Type().Underlying())
}

// Holds reports whether a value of type t holds a sync.Map by value
// (see pathTo): a copy of it is a finding.
func Holds(t types.Type) bool { return pathTo(t) != nil }

// pathTo returns the containment path from t down to a sync.Map held by
// value, or nil if t holds none. Pointers, slices, maps, channels,
// functions and interfaces hold their referents by reference and end the
// search.
func pathTo(t types.Type) Path {
	return walkPath(t, nil, make(map[types.Type]bool))
}

func walkPath(t types.Type, field *types.Var, seen map[types.Type]bool) Path {
	if t == nil || seen[t] {
		return nil
	}
	seen[t] = true
	defer delete(seen, t)
	step := Step{Type: t, Field: field}
	if IsSyncMap(t) {
		return Path{step}
	}
	switch u := types.Unalias(t).(type) {
	case *types.TypeParam:
		for _, term := range coreTerms(u) {
			if sub := walkPath(term.Type(), nil, seen); sub != nil {
				sub[0].Approx = term.Tilde()
				return append(Path{step}, sub...)
			}
		}
		return nil
	}
	switch u := t.Underlying().(type) {
	case *types.Array:
		if sub := walkPath(u.Elem(), nil, seen); sub != nil {
			return append(Path{step}, sub...)
		}
	case *types.Struct:
		for i := range u.NumFields() {
			f := u.Field(i)
			if sub := walkPath(f.Type(), f, seen); sub != nil {
				return append(Path{step}, sub...)
			}
		}
	case *types.Tuple:
		for i := range u.Len() {
			if sub := walkPath(u.At(i).Type(), nil, seen); sub != nil {
				return append(Path{step}, sub...)
			}
		}
	}
	return nil
}

// ConstraintTerms returns the type terms of tp's constraint, flattening
// embedded interfaces and unions; none for any or a constraint of
// methods only.
func ConstraintTerms(tp *types.TypeParam) []*types.Term { return coreTerms(tp) }

// coreTerms returns the type terms of a type parameter's constraint,
// flattening embedded interfaces and unions. A constraint without terms
// (any, or methods only) has none: its type set holds no sync.Map that
// the body could copy as such.
func coreTerms(tp *types.TypeParam) []*types.Term {
	iface, ok := tp.Constraint().Underlying().(*types.Interface)
	if !ok {
		return nil
	}
	var terms []*types.Term
	for i := range iface.NumEmbeddeds() {
		terms = appendTerms(terms, iface.EmbeddedType(i), 0)
	}
	return terms
}

func appendTerms(terms []*types.Term, t types.Type, depth int) []*types.Term {
	if depth > 16 {
		return terms // malformed or cyclic constraint
	}
	switch u := types.Unalias(t).(type) {
	case *types.Union:
		for i := range u.Len() {
			terms = append(terms, u.Term(i))
		}
		return terms
	}
	if iface, ok := t.Underlying().(*types.Interface); ok {
		for i := range iface.NumEmbeddeds() {
			terms = appendTerms(terms, iface.EmbeddedType(i), depth+1)
		}
		return terms
	}
	return append(terms, types.NewTerm(false, t))
}

// under returns the underlying type of t, or for a type parameter
// whose constraint has a single type term, the underlying type of that
// term (its core type): a composite literal, send or range of a value of
// type T then works on that type.
func under(t types.Type) types.Type {
	if tp, ok := types.Unalias(t).(*types.TypeParam); ok {
		if terms := coreTerms(tp); len(terms) == 1 {
			return terms[0].Type().Underlying()
		}
	}
	return t.Underlying()
}

// MapFields returns every struct field of sync.Map type reachable by value
// from t, in declaration order, each once: the Fields of a finding that
// copies a t.
func MapFields(t types.Type) []*types.Var { return mapFields(t) }

// mapFields returns every struct field of sync.Map type reachable by value
// from t, in declaration order, each once.
func mapFields(t types.Type) []*types.Var {
	if t == nil || IsSyncMap(t) {
		return nil
	}
	var fields []*types.Var
	WalkFields(t, false, func(f *types.Var) bool {
		if IsSyncMap(f.Type()) {
			fields = append(fields, f)
			return false
		}
		return true
	})
	return fields
}

// WalkFields calls visit for every struct field that a value of type t
// holds by value, through struct fields and array elements, in
// declaration order, and descends into the field's type where visit
// returns true. With reach it also follows what the values lead to:
// the elements of slices, channels and maps, map keys, and pointees.
// Each type is walked once, which ends cycles.
func WalkFields(t types.Type, reach bool, visit func(f *types.Var) bool) {
	WalkTypes(t, reach, func(_ types.Type, f *types.Var) bool {
		return f == nil || visit(f)
	})
}

// WalkTypes calls visit for t and for every type that a value of type t
// holds by value: the types of struct fields (with the field) and array
// elements (with a nil field), in declaration order, descending into a
// type where visit returns true. With reach it also follows what the
// values lead to: the elements of slices, channels and maps, map keys,
// and pointees. Each type is descended into once, which ends cycles.
// This is the one walk over the types that hold a sync.Map that detect
// and rewrite build on; only the finder's own containment path
// (pathTo), which also looks into type parameters' core types, has a
// walk of its own.
func WalkTypes(t types.Type, reach bool, visit func(t types.Type, f *types.Var) bool) {
	seen := make(map[types.Type]bool)
	var walk func(t types.Type)
	walk = func(t types.Type) {
		if t == nil || seen[t] {
			return
		}
		seen[t] = true
		elem := func(e types.Type) {
			if visit(e, nil) {
				walk(e)
			}
		}
		switch u := t.Underlying().(type) {
		case *types.Array:
			elem(u.Elem())
		case *types.Slice:
			if reach {
				elem(u.Elem())
			}
		case *types.Pointer:
			if reach {
				elem(u.Elem())
			}
		case *types.Chan:
			if reach {
				elem(u.Elem())
			}
		case *types.Map:
			if reach {
				elem(u.Key())
				elem(u.Elem())
			}
		case *types.Struct:
			for i := range u.NumFields() {
				if f := u.Field(i); visit(f.Type(), f) {
					walk(f.Type())
				}
			}
		}
	}
	if visit(t, nil) {
		walk(t)
	}
}

package rewrite

import (
	"go/types"
	"slices"
)

// openWorld blocks the fields that importers outside the loaded
// packages may make zero values of: those held by value by a type that
// an open-world package (openWorld in targets.go) exports, or that its
// exported API reaches through fields, embedding, pointers, elements and
// signatures. An importer can declare var o b.Outer, which holds the
// zero value of an internal package's T embedded in Outer, or make one
// through generic code from a *T it is handed, and syncfix cannot edit
// that importer.
func (c *constructionScan) openWorld() {
	for _, u := range c.p.units {
		if !c.p.openWorld(u) {
			continue
		}
		scope := u.pkg.Types.Scope()
		for _, name := range scope.Names() {
			obj := scope.Lookup(name)
			if !obj.Exported() {
				continue
			}
			var roots []types.Type
			switch obj := obj.(type) {
			case *types.TypeName, *types.Var, *types.Func:
				roots = append(roots, obj.Type())
			default:
				continue
			}
			ts := c.apiReach(roots)
			if len(ts) == 0 {
				continue
			}
			reason := "exported " + name + " of package " + u.pkg.Types.Name() + " reaches it, and importers outside the loaded packages may make zero values (use --closed-world if all are loaded)"
			if _, isType := obj.(*types.TypeName); isType && len(c.heldBy(obj.Type())) > 0 {
				reason = "exported type " + name + " holds it, and importers outside the loaded packages may make zero values (use --closed-world if all are loaded)"
			}
			c.blockAllAt(ts, c.p.Fset.Position(obj.Pos()), BlockOpenWorld, reason)
		}
	}
}

// apiReach returns the field targets that the types in roots reach as
// an importer sees them: through struct fields (embedded or not),
// pointers, elements, the signatures of functions and of the exported
// methods of named types and interfaces.
func (c *constructionScan) apiReach(roots []types.Type) []*target {
	var ts []*target
	seen := make(map[types.Type]bool)
	var walk func(t types.Type)
	walk = func(t types.Type) {
		if t == nil || seen[t] {
			return
		}
		seen[t] = true
		for _, x := range c.heldBy(t) {
			if !slices.Contains(ts, x) {
				ts = append(ts, x)
			}
		}
		if named, ok := types.Unalias(t).(*types.Named); ok {
			for m := range named.Methods() {
				if m.Exported() {
					walk(m.Type())
				}
			}
		}
		switch u := t.Underlying().(type) {
		case *types.Pointer:
			walk(u.Elem())
		case *types.Slice:
			walk(u.Elem())
		case *types.Array:
			walk(u.Elem())
		case *types.Chan:
			walk(u.Elem())
		case *types.Map:
			walk(u.Key())
			walk(u.Elem())
		case *types.Struct:
			for i := range u.NumFields() {
				walk(u.Field(i).Type())
			}
		case *types.Signature:
			for v := range u.Params().Variables() {
				walk(v.Type())
			}
			for v := range u.Results().Variables() {
				walk(v.Type())
			}
		case *types.Interface:
			for m := range u.Methods() {
				if m.Exported() {
					walk(m.Type())
				}
			}
		}
	}
	for _, r := range roots {
		walk(r)
	}
	return ts
}

package rewrite

import (
	"go/token"
	"go/types"
	"sort"
)

// innermost returns the innermost scope of the unit's package that holds
// pos, as (*types.Scope).Innermost of the package scope does, or nil.
//
// That method looks through the children of each scope one by one, and
// a file scope has a child for every top-level function (and generic
// type, and function literal at the top level): on a file of 50,000
// lines, Apply spent a third of its editing there. The unit keeps those
// children in position order instead, and finds the one that holds pos
// by binary search; they do not overlap, so it is the one that method
// finds. Below it, the method itself looks on.
func (u *unit) innermost(pos token.Pos) *types.Scope {
	u.scopesOnce.Do(u.sortScopes)
	i := sort.Search(len(u.topScopes), func(i int) bool { return u.topScopes[i].Pos() > pos }) - 1
	if i >= 0 && u.topScopes[i].Contains(pos) {
		return u.topScopes[i].Innermost(pos)
	}
	for _, file := range u.fileScopes {
		if file.Contains(pos) {
			return file
		}
	}
	return nil
}

// sortScopes fills the unit's file scopes and their children, each in
// position order.
func (u *unit) sortScopes() {
	pkg := u.pkg.Types.Scope()
	for i := range pkg.NumChildren() {
		file := pkg.Child(i)
		u.fileScopes = append(u.fileScopes, file)
		for j := range file.NumChildren() {
			u.topScopes = append(u.topScopes, file.Child(j))
		}
	}
	sort.Slice(u.topScopes, func(i, j int) bool { return u.topScopes[i].Pos() < u.topScopes[j].Pos() })
}

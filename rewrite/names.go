package rewrite

import "strconv"

// freshName returns base, or base2, base3, ...: the first name that ok
// accepts. Every name syncfix adds (the clone helper, a renamed import of
// sync, a comma-ok variable) is chosen here; ok says, by scope lookups,
// what each of them must not collide with.
func freshName(base string, ok func(name string) bool) string {
	name := base
	for i := 2; !ok(name); i++ {
		name = base + strconv.Itoa(i)
	}
	return name
}

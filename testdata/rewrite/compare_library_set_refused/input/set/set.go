// Package set is a set of comparable values. It is not loaded in this
// case, so its instantiation Set[any] is not seen: only the calls of its
// methods are.
package set

// Set holds values as map keys.
type Set[T comparable] map[T]bool

// Any returns an empty set of any values.
func Any() Set[any] { return Set[any]{} }

// Add adds v to s.
func (s Set[T]) Add(v T) { s[v] = true }

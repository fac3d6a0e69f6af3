// Package listen keeps listeners in a map that other packages cannot
// reach.
package listen

import "sync"

// Listeners holds listeners by name.
type Listeners struct {
	byName sync.Map
	count  int
}

// NewListeners returns an empty set of listeners.
func NewListeners() Listeners {
	l := Listeners{}
	return l
}

// Add adds a listener.
func (l *Listeners) Add(name string) {
	l.byName.Store(name, true)
	l.count++
}

// Has reports whether name was added.
func (l Listeners) Has(name string) bool {
	_, ok := l.byName.Load(name)
	return ok
}

// Notify is a method of the value, so that Listeners satisfies Notifier.
func (l Listeners) Notify() int { return l.count }

// Notifier is what a subscriber keeps.
type Notifier interface{ Notify() int }

// Package p has an external test helper from an earlier run, and a new
// copy in another external test file.
package p

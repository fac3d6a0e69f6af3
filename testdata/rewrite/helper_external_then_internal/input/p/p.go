// Package p has an external test helper from an earlier run, and a new
// copy in an in-package test.
package p

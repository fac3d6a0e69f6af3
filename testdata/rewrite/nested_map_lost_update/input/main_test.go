package main

import "testing"

// TestAddThenGet fails before the fix: add stores through a copy of the
// inner map, which get never sees (a lost update).
func TestAddThenGet(t *testing.T) {
	var r registry
	r.add("a", "x", 1)
	if v, ok := r.get("a", "x"); !ok || v != 1 {
		t.Errorf("get after add = %v, %v; want 1, true", v, ok)
	}
}

// TestSetAllThenGet stores the changed copy back, which works before
// and after the fix.
func TestSetAllThenGet(t *testing.T) {
	var r registry
	r.setAll("a", map[string]int{"x": 1})
	r.setAll("a", map[string]int{"y": 2})
	if v, ok := r.get("a", "x"); !ok || v != 1 {
		t.Errorf("get x = %v, %v; want 1, true", v, ok)
	}
	if n := r.count("a"); n != 2 {
		t.Errorf("count = %d; want 2", n)
	}
}

package main

import (
	"slices"
	"testing"
)

func TestSplitTags(t *testing.T) {
	got := splitTags(" foo,bar baz,, qux ")
	if want := []string{"foo", "bar", "baz", "qux"}; !slices.Equal(got, want) {
		t.Errorf("splitTags = %q, want %q", got, want)
	}
}

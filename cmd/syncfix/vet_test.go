package main

import (
	"testing"
)

func TestIsVetInvocation(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want bool
	}{
		{[]string{"-V=full"}, true},
		{[]string{"-flags"}, true},
		{[]string{"/cache/go-build1/b001/vet.cfg"}, true},
		{[]string{"-syncfix", "-json", "/cache/go-build1/b001/vet.cfg"}, true},
		{nil, false},
		{[]string{"check"}, false},
		{[]string{"check", "x.cfg"}, false},
		{[]string{"-flags", "x"}, false},
	} {
		if got := isVetInvocation(tc.args); got != tc.want {
			t.Errorf("isVetInvocation(%q) = %v, want %v", tc.args, got, tc.want)
		}
	}
}

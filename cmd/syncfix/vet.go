package main

import (
	"strings"

	"github.com/syncfix/syncfix/rewrite"
	"golang.org/x/tools/go/analysis/unitchecker"
)

// isVetInvocation reports whether args have a shape that go vet uses to
// drive a -vettool: "-V=full" to ask for the version (for its cache),
// "-flags" to ask for the flags, and "[flags] unit.cfg" to analyze one
// package. None of them is a valid syncfix command line, whose first
// argument is a command name.
func isVetInvocation(args []string) bool {
	if len(args) == 0 {
		return false
	}
	if len(args) == 1 && (strings.HasPrefix(args[0], "-V=") || args[0] == "-flags") {
		return true
	}
	last := args[len(args)-1]
	if !strings.HasSuffix(last, ".cfg") {
		return false
	}
	for _, a := range args[:len(args)-1] {
		if !strings.HasPrefix(a, "-") {
			return false
		}
	}
	return true
}

// runVet hands the process to unitchecker, which parses its own flags,
// prints diagnostics the way go vet expects and exits.
func runVet() {
	unitchecker.Main(rewrite.Analyzer)
}

package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

func main() {
	// The go vet protocol comes first: go vet -vettool runs this binary
	// with arguments that are not ours to parse (see vet.go).
	if isVetInvocation(os.Args[1:]) {
		runVet()
		return
	}
	catchSIGPIPE()
	startPacing() // gc.go
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// Exit codes, shared by every command.
const (
	exitOK       = 0 // nothing found, or nothing to do
	exitFindings = 1 // check found copies
	exitError    = 2 // usage, load or type errors
)

// errFindings is returned by an action that printed findings, so that run
// exits 1 without printing anything more.
var errFindings = errors.New("findings reported")

// errSilent is an error that has already been shown to the user (as a
// help text, say): run exits 2 without printing it again.
type errSilent string

func (e errSilent) Error() string { return string(e) }

// run runs the command line args (without the program name) and returns
// the exit code. It writes results to stdout and problems to stderr, and
// never calls os.Exit, so that tests can call it.
func run(args []string, stdout, stderr io.Writer) int {
	app := newApp(&pipeEnd{w: stdout}, stderr)
	err := app.RunContext(context.Background(), append([]string{app.Name}, args...))
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errFindings):
		return exitFindings
	case errors.As(err, new(errSilent)):
		return exitError
	}
	printError(stderr, err)
	return exitError
}

// printError prints err one problem a line, each prefixed with the
// program name as go vet and rf do. Errors that hold several problems
// (errors.Join) have one line per problem already.
func printError(w io.Writer, err error) {
	for line := range strings.SplitSeq(strings.TrimRight(err.Error(), "\n"), "\n") {
		fmt.Fprintf(w, "syncfix: %s\n", line)
	}
}

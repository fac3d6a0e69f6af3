package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("u", false, "update the testscript files with the actual output")

// TestMain lets testscript run this test binary as the syncfix command.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"syncfix":      main,
		"closedstdout": closedStdout,
	})
}

// closedStdout runs the command its arguments name with standard output
// a pipe whose reader has already gone, as in "syncfix check | head -0"
// once head has exited, and exits with the command's exit code; 141, as
// a shell reports it, if SIGPIPE killed it. Unlike a shell pipeline, the
// reader is gone before the first write, every time.
func closedStdout() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: closedstdout command [args...]")
		os.Exit(2)
	}
	r, w, err := os.Pipe()
	if err != nil {
		fmt.Fprintln(os.Stderr, "closedstdout:", err)
		os.Exit(2)
	}
	r.Close()
	cmd := exec.Command(os.Args[1], os.Args[2:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, w, os.Stderr
	err = cmd.Run()
	w.Close()
	var exitErr *exec.ExitError
	switch {
	case err == nil:
		os.Exit(0)
	case !errors.As(err, &exitErr):
		fmt.Fprintln(os.Stderr, "closedstdout:", err)
		os.Exit(2)
	}
	if ws, ok := exitErr.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		fmt.Fprintf(os.Stderr, "closedstdout: %s: %v\n", os.Args[1], ws.Signal())
		os.Exit(128 + int(ws.Signal()))
	}
	os.Exit(exitErr.ExitCode())
}

// TestScript runs the scripts of testdata/script against the real
// command: flags, exit codes and exact output.
//
// Besides the standard commands, a script can say
//
//	exits N command [args...]
//
// to run a command and require exit code N; it keeps stdout and stderr
// for cmp, like exec, which only tells zero from non-zero.
func TestScript(t *testing.T) {
	goEnv := goEnvVars(t, "GOCACHE", "GOMODCACHE", "GOPATH")
	seed, err := filepath.Abs(filepath.Join("..", "..", "testdata", "seed"))
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:                 filepath.Join("testdata", "script"),
		UpdateScripts:       *update,
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			// go vet -vettool wants the path of the binary that
			// testscript installed in PATH.
			syncfix, err := exec.LookPath("syncfix")
			if err != nil {
				return err
			}
			// testscript sets HOME to a directory that does not exist, so
			// the go command that go/packages runs would have no build
			// cache: share the outer one, which also makes it fast. The
			// scripts need no network, and must not use it.
			env.Vars = append(env.Vars, goEnv...)
			env.Vars = append(env.Vars,
				"GOPROXY=off",
				"GOTOOLCHAIN=local",
				"GOWORK=off",
				"SEED="+seed,
				"SYNCFIX="+syncfix,
			)
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exits": cmdExits,
		},
	})
}

// goEnvVars returns "NAME=value" for each named go env variable, as the
// go command outside the test sees them.
func goEnvVars(t *testing.T, names ...string) []string {
	out, err := exec.Command("go", append([]string{"env"}, names...)...).Output()
	if err != nil {
		t.Fatalf("go env: %v", err)
	}
	values := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
	if len(values) != len(names) {
		t.Fatalf("go env %s: got %d lines, want %d", strings.Join(names, " "), len(values), len(names))
	}
	vars := make([]string, len(names))
	for i, name := range names {
		vars[i] = name + "=" + values[i]
	}
	return vars
}

// cmdExits implements "exits N command [args...]".
func cmdExits(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("unsupported: ! exits")
	}
	if len(args) < 2 {
		ts.Fatalf("usage: exits code command [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exits: bad code %q", args[0])
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var exitErr *exec.ExitError
		if !errors.As(err, &exitErr) {
			ts.Fatalf("%s: %v", args[1], err)
		}
		got = exitErr.ExitCode()
	}
	if got != want {
		ts.Fatalf("%s exited with %d, want %d", args[1], got, want)
	}
}

// TestRunStreams checks that run writes to the streams it is given and
// returns the exit code instead of exiting.
func TestRunStreams(t *testing.T) {
	var stdout, stderr strings.Builder
	if code := run([]string{"check", "--no-such-flag"}, &stdout, &stderr); code != exitError {
		t.Errorf("run with an unknown flag = %d, want %d", code, exitError)
	}
	if stdout.Len() != 0 {
		t.Errorf("stdout = %q, want nothing", stdout.String())
	}
	if want := "syncfix: flag provided but not defined: -no-such-flag"; !strings.HasPrefix(stderr.String(), want) {
		t.Errorf("stderr = %q, want it to start with %q", stderr.String(), want)
	}
}

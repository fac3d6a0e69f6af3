package main

import (
	"errors"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// catchSIGPIPE keeps a reader that stops reading early
// (syncfix check | head -1) from killing syncfix. A Go program that
// writes to a closed pipe on standard output dies of SIGPIPE, exit code
// 141 in a shell, unless it asks for the signal: then the write returns
// EPIPE, which pipeEnd handles. Catching the signal, unlike ignoring it,
// leaves the programs syncfix starts (go list) with the default action.
func catchSIGPIPE() {
	signal.Notify(make(chan os.Signal, 1), syscall.SIGPIPE)
}

// pipeEnd is standard output as the commands see it. Once a write fails
// with EPIPE (the reader has gone), the output ends quietly: that write
// and every later one are dropped and reported as done, so the command
// runs to its end and exits with the code of its result, as if the
// reader had read everything. fix, which writes files before it prints,
// thus still reports them in its exit code.
type pipeEnd struct {
	w    io.Writer
	gone bool
}

func (p *pipeEnd) Write(b []byte) (int, error) {
	if p.gone {
		return len(b), nil
	}
	n, err := p.w.Write(b)
	if errors.Is(err, syscall.EPIPE) {
		p.gone = true
		return len(b), nil
	}
	return n, err
}
